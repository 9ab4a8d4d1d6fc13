#include "core/records/FhirBundleWriter.h"

#include <QCoreApplication>
#include <QIODevice>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace hh::records {

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(hh::records::FhirBundleWriter)
};

QString instant(const QDateTime& t)
{
    return t.toUTC().toString(Qt::ISODateWithMs);
}

// Compact JSON of a resource with "resourceType" as its first property (QJsonDocument sorts keys;
// streaming FHIR parsers like to see the type first).
QByteArray resourceJson(const QJsonObject& resource)
{
    QJsonObject rest = resource;
    const QString type = rest.take("resourceType"_L1).toString();
    const QByteArray body = QJsonDocument(rest).toJson(QJsonDocument::Compact);
    QByteArray out = "{\"resourceType\":" + QJsonDocument(QJsonArray{type}).toJson(QJsonDocument::Compact).mid(1);
    out.chop(1); // the array's ']'
    if (body.size() > 2)
        out += ',' + body.mid(1);
    else
        out += '}';
    return out;
}
} // namespace

FhirBundleWriter::FhirBundleWriter(QIODevice* device, Type type, QString bundleId, QDateTime timestamp)
    : m_device(device), m_type(type), m_bundleId(std::move(bundleId)), m_timestamp(std::move(timestamp))
{
}

Status FhirBundleWriter::write(const QByteArray& bytes)
{
    if (!m_device || m_device->write(bytes) != bytes.size())
        return Error(ErrorCode::Io, Tr::tr("The export file could not be written."),
                     m_device ? m_device->errorString() : u"no device"_s);
    m_bytes += bytes.size();
    return success();
}

Status FhirBundleWriter::begin()
{
    if (m_begun)
        return Error(ErrorCode::InvalidInput, Tr::tr("The export could not be written."), u"begin() twice"_s);
    m_begun = true;
    // The header is a complete object without its entry array; written without the closing brace.
    QJsonObject head;
    head.insert("resourceType"_L1, u"Bundle"_s);
    head.insert("id"_L1, m_bundleId);
    head.insert("meta"_L1, QJsonObject{{"lastUpdated"_L1, instant(m_timestamp)}});
    if (m_type == Type::Document)
        head.insert("identifier"_L1, QJsonObject{{"system"_L1, u"urn:ietf:rfc:3986"_s},
                                                 {"value"_L1, u"urn:uuid:"_s + m_bundleId}});
    head.insert("type"_L1, m_type == Type::Document ? u"document"_s : u"collection"_s);
    head.insert("timestamp"_L1, instant(m_timestamp));
    QByteArray bytes = resourceJson(head);
    bytes.chop(1); // the closing '}'
    bytes += ",\"entry\":[\n";
    return write(bytes);
}

Status FhirBundleWriter::add(const QJsonObject& resource)
{
    if (!m_begun || m_finished)
        return Error(ErrorCode::InvalidInput, Tr::tr("The export could not be written."),
                     u"add() outside begin/finish"_s);
    const QString id = resource.value("id"_L1).toString();
    if (resource.value("resourceType"_L1).toString().isEmpty() || QUuid::fromString(id).isNull())
        return Error(ErrorCode::InvalidInput, Tr::tr("The export could not be written."),
                     u"entry without resourceType or UUID id"_s);
    QByteArray bytes = m_count > 0 ? QByteArray(",\n") : QByteArray();
    bytes += "{\"fullUrl\":\"urn:uuid:" + id.toUtf8() + "\",\"resource\":" + resourceJson(resource) + '}';
    if (Status st = write(bytes); !st)
        return st;
    ++m_count;
    return success();
}

Status FhirBundleWriter::finish()
{
    if (!m_begun || m_finished)
        return Error(ErrorCode::InvalidInput, Tr::tr("The export could not be written."), u"finish() twice"_s);
    m_finished = true;
    return write(QByteArray("\n]}\n"));
}

} // namespace hh::records
