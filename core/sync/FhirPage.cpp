#include "core/sync/FhirPage.h"

#include "core/sync/JsonText.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QSet>

#include <openssl/evp.h>

namespace hh::sync {

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("hh::sync", text);
}

Error malformed(const QString& detail)
{
    return Error(ErrorCode::Protocol, tr("The health system sent a page that could not be read."), detail);
}

Result<QJsonObject> parseObject(const QByteArray& body)
{
    if (body.trimmed().isEmpty())
        return malformed(QStringLiteral("empty body"));
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError)
        return malformed(QStringLiteral("JSON error at offset %1: %2").arg(error.offset).arg(error.errorString()));
    if (!doc.isObject())
        return malformed(QStringLiteral("JSON is not an object"));
    return doc.object();
}

// A resourceType as the server sent it, for a developer detail: short, so a broken or hostile answer
// cannot push its content into the logs (details are logged; they must never carry record text).
QString typeForDetail(const QString& type)
{
    constexpr qsizetype kMax = 40;
    if (type.isEmpty())
        return QStringLiteral("?");
    if (type.size() <= kMax)
        return type;
    return type.left(kMax) + QStringLiteral("... (%1 chars)").arg(type.size());
}

void appendUnique(QList<SyncIssue>& out, const QList<SyncIssue>& more, int cap)
{
    for (const SyncIssue& issue : more) {
        if (out.size() >= cap)
            return;
        const bool dup = std::any_of(out.cbegin(), out.cend(), [&](const SyncIssue& i) {
            return i.code == issue.code && i.text == issue.text && i.severity == issue.severity;
        });
        if (!dup)
            out.append(issue);
    }
}
} // namespace

QByteArray FhirPage::contentHash(const QByteArray& json)
{
    // OpenSSL's SHA-256 (libcrypto is linked for SQLCipher anyway) uses the CPU's SHA extensions where
    // there are any: measured about ten times QCryptographicHash's speed on the sync's reading thread.
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int size = 0;
    if (EVP_Digest(json.constData(), static_cast<size_t>(json.size()), digest, &size, EVP_sha256(), nullptr) != 1)
        qFatal("SHA-256 is not available from libcrypto");
    return QByteArray::fromRawData(reinterpret_cast<const char*>(digest), static_cast<qsizetype>(size)).toHex();
}

std::optional<RawResource> FhirPage::rawResource(const QJsonObject& resource, QByteArrayView text)
{
    const QString type = resource.value(QLatin1String("resourceType")).toString();
    const QString id = resource.value(QLatin1String("id")).toString();
    if (type.isEmpty() || id.isEmpty())
        return std::nullopt;
    RawResource raw;
    raw.resourceType = type;
    raw.resourceId = id;
    // The text as the server sent it (without whitespace between tokens), when the caller has it;
    // otherwise the compact serialization of the object (QJsonObject keeps its keys sorted).
    raw.json =
        text.startsWith('{') ? jsontext::compact(text) : QJsonDocument(resource).toJson(QJsonDocument::Compact);
    raw.hash = contentHash(raw.json);
    raw.object = resource; // shared, not copied: ISyncStore::prepare() works on it
    return raw;
}

QList<SyncIssue> FhirPage::outcomeIssues(const QJsonObject& outcome, int cap)
{
    QList<SyncIssue> out;
    for (const QJsonValue& v : outcome.value(QLatin1String("issue")).toArray()) {
        const QJsonObject issue = v.toObject();
        SyncIssue s;
        s.severity = issue.value(QLatin1String("severity")).toString();
        s.code = issue.value(QLatin1String("code")).toString();
        const QJsonObject details = issue.value(QLatin1String("details")).toObject();
        s.text = details.value(QLatin1String("text")).toString();
        if (s.text.isEmpty()) {
            const QJsonArray codings = details.value(QLatin1String("coding")).toArray();
            if (!codings.isEmpty())
                s.text = codings.first().toObject().value(QLatin1String("display")).toString();
        }
        if (s.text.isEmpty())
            s.text = issue.value(QLatin1String("diagnostics")).toString();
        // Epic's message number helps to tell 4119/4101/59204 apart.
        const QJsonArray codings = details.value(QLatin1String("coding")).toArray();
        if (!codings.isEmpty()) {
            const QString number = codings.first().toObject().value(QLatin1String("code")).toString();
            if (!number.isEmpty() && !s.code.contains(u':'))
                s.code = s.code.isEmpty() ? number : s.code + u':' + number;
        }
        appendUnique(out, {s}, cap);
    }
    return out;
}

QList<SyncIssue> FhirPage::errorIssues(const QByteArray& body, bool looksLikeJson)
{
    if (!looksLikeJson)
        return {};
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    if (!doc.isObject())
        return {};
    const QJsonObject o = doc.object();
    if (o.value(QLatin1String("resourceType")).toString() != u"OperationOutcome")
        return {};
    return outcomeIssues(o);
}

Result<FhirPage> FhirPage::fromSearchBody(const QByteArray& body)
{
    Result<QJsonObject> parsed = parseObject(body);
    if (!parsed)
        return parsed.error();
    const QJsonObject& bundle = *parsed;
    const QString type = bundle.value(QLatin1String("resourceType")).toString();
    if (type != u"Bundle")
        return malformed(QStringLiteral("search answer is a %1, not a Bundle").arg(typeForDetail(type)));
    FhirPage page;
    for (const QJsonValue& v : bundle.value(QLatin1String("link")).toArray()) {
        const QJsonObject link = v.toObject();
        const QString relation = link.value(QLatin1String("relation")).toString();
        const QString url = link.value(QLatin1String("url")).toString();
        if (relation == u"next")
            page.nextUrl = url;
        else if (relation == u"self")
            page.selfUrl = url;
        else if (relation == u"previous" || relation == u"prev")
            page.previousUrl = url;
    }
    const QJsonArray entries = bundle.value(QLatin1String("entry")).toArray();
    page.resources.reserve(entries.size());
    // Each resource's own text in the body, to store without serializing it again; when the scan does
    // not line up with what the parser read, every resource is serialized from its parsed object.
    std::optional<QList<QByteArrayView>> texts = jsontext::entryResources(body);
    if (texts && texts->size() != entries.size())
        texts.reset();
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const QJsonObject entry = entries.at(i).toObject();
        const QJsonObject resource = entry.value(QLatin1String("resource")).toObject();
        const QString mode = entry.value(QLatin1String("search")).toObject().value(QLatin1String("mode")).toString();
        const QString rtype = resource.value(QLatin1String("resourceType")).toString();
        if (rtype == u"OperationOutcome" || mode == u"outcome") {
            appendUnique(page.warnings, outcomeIssues(resource), 8);
            continue;
        }
        std::optional<RawResource> raw = rawResource(resource, texts ? texts->at(i) : QByteArrayView());
        if (!raw) {
            ++page.skipped;
            continue;
        }
        page.resources.append(std::move(*raw));
    }
    return page;
}

Result<FhirPage> FhirPage::fromReadBody(const QByteArray& body, const QString& expectedType)
{
    Result<QJsonObject> parsed = parseObject(body);
    if (!parsed)
        return parsed.error();
    const QString type = parsed->value(QLatin1String("resourceType")).toString();
    if (!expectedType.isEmpty() && type != expectedType)
        return malformed(QStringLiteral("read answer is a %1, expected %2")
                             .arg(typeForDetail(type), typeForDetail(expectedType)));
    FhirPage page;
    // The body as sent, when it is strict JSON (the parser also takes text that is not).
    const QByteArrayView text = jsontext::isStrict(body) ? QByteArrayView(body).trimmed() : QByteArrayView();
    std::optional<RawResource> raw = rawResource(*parsed, text);
    if (!raw) {
        page.skipped = 1;
        return page;
    }
    page.resources.append(std::move(*raw));
    return page;
}

} // namespace hh::sync
