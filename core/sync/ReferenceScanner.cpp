#include "core/sync/ReferenceScanner.h"

#include <QByteArrayView>
#include <QJsonDocument>

namespace hh::sync {

namespace {
// The JSON string that starts at json[pos] (just after the opening quote), unescaped.
QString readJsonString(const QByteArray& json, qsizetype pos)
{
    QByteArray out;
    const qsizetype n = json.size();
    for (qsizetype i = pos; i < n; ++i) {
        const char ch = json.at(i);
        if (ch == '"')
            return QString::fromUtf8(out);
        if (ch == '\\' && i + 1 < n) {
            const char e = json.at(++i);
            switch (e) {
            case 'n':
                out.append('\n');
                break;
            case 't':
                out.append('\t');
                break;
            case 'r':
                out.append('\r');
                break;
            case 'b':
            case 'f':
                break;
            case 'u':
                if (i + 4 < n) {
                    bool ok = false;
                    const ushort code = json.mid(i + 1, 4).toUShort(&ok, 16);
                    if (ok)
                        out.append(QString(QChar(code)).toUtf8());
                    i += 4;
                }
                break;
            default:
                out.append(e); // \" \\ \/
            }
            continue;
        }
        out.append(ch);
    }
    return {}; // unterminated
}
} // namespace

ReferenceScanner::ReferenceScanner(const QUrl& fhirBase, QStringList wantedTypes)
    : m_types(std::move(wantedTypes))
{
    m_base = fhirBase.adjusted(QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::StripTrailingSlash)
                 .toString(QUrl::FullyEncoded);
}

QStringList ReferenceScanner::defaultTypes()
{
    return {QStringLiteral("Practitioner"), QStringLiteral("Organization"), QStringLiteral("Location"),
            QStringLiteral("Medication"), QStringLiteral("Binary"), QStringLiteral("Encounter")};
}

QString ReferenceScanner::normalize(const QString& reference) const
{
    QString ref = reference.trimmed();
    if (ref.isEmpty() || ref.startsWith(u'#') || ref.startsWith(QLatin1String("urn:")))
        return {};
    if (ref.contains(QLatin1String("://"))) {
        // Same base (http/https written either way is still the same server only when identical).
        if (!m_base.isEmpty() && ref.startsWith(m_base + u'/'))
            ref = ref.mid(m_base.size() + 1);
        else
            return {};
    }
    const qsizetype q = ref.indexOf(u'?');
    if (q >= 0)
        return {}; // a conditional reference (Type?identifier=...) is not a read
    const QStringList parts = ref.split(u'/');
    if (parts.size() < 2 || parts.at(0).isEmpty() || parts.at(1).isEmpty())
        return {};
    if (parts.size() > 2 && parts.at(2) != u"_history")
        return {};
    if (!m_types.contains(parts.at(0)))
        return {};
    return parts.at(0) + u'/' + parts.at(1);
}

void ReferenceScanner::scan(const QByteArray& json, QSet<QString>& out) const
{
    // Resources are stored as the server wrote them (FhirPage): an escaped key or slash ("referenc\u0065",
    // "Binary\/1") would hide a reference from the byte search, so text with such escapes is searched in the
    // compact form Qt writes (keys and slashes plain). The other escapes (\" \\ \n ...) hide nothing and
    // read the same in both forms: their text is searched as it is, without a second parse.
    if (json.contains("\\/") || json.contains("\\u")) {
        const QJsonDocument doc = QJsonDocument::fromJson(json);
        if (doc.isObject()) {
            scanCompact(doc.toJson(QJsonDocument::Compact), out);
            return;
        }
    }
    scanCompact(json, out);
}

void ReferenceScanner::scanCompact(const QByteArray& json, QSet<QString>& out) const
{
    static const QByteArray kReference = QByteArrayLiteral("\"reference\":\"");
    static const QByteArray kUrl = QByteArrayLiteral("\"url\":\"");
    qsizetype pos = 0;
    while ((pos = json.indexOf(kReference, pos)) >= 0) {
        pos += kReference.size();
        const QString n = normalize(readJsonString(json, pos));
        if (!n.isEmpty())
            out.insert(n);
    }
    if (!m_types.contains(QLatin1String("Binary")) || !json.contains("Binary/"))
        return;
    pos = 0;
    while ((pos = json.indexOf(kUrl, pos)) >= 0) {
        pos += kUrl.size();
        const QString value = readJsonString(json, pos);
        const QString n = normalize(value);
        if (n.startsWith(QLatin1String("Binary/")))
            out.insert(n);
    }
}

} // namespace hh::sync
