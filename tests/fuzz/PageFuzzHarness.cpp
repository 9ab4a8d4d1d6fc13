#include "fuzz/PageFuzzHarness.h"

#include "core/sync/FhirClient.h"
#include "core/sync/FhirPage.h"
#include "core/sync/JsonText.h"
#include "core/sync/ReferenceScanner.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QUrl>


namespace hh::sync::fuzz {

using namespace Qt::StringLiterals;

namespace {

constexpr size_t kMaxInput = 1'000'000;
constexpr qsizetype kMaxDetail = 300;

const char* const kMediaTypes[] = {"application/fhir+json", "application/json+fhir", "", "text/html"};

// What goes over the wire for `url` (Qt sends the path with dot segments removed).
QByteArray wirePath(const QUrl& url)
{
    return url.toEncoded(QUrl::RemoveScheme | QUrl::RemoveAuthority | QUrl::RemoveQuery | QUrl::RemoveFragment
                         | QUrl::NormalizePathSegments | QUrl::FullyEncoded);
}

int effectivePort(const QUrl& url)
{
    return url.port(url.scheme().compare(u"https"_s, Qt::CaseInsensitive) == 0 ? 443 : 80);
}

// Independent of FhirClient::isOnServer: same scheme, host and port as the base, and a request path
// at or below the base path once dot segments are gone.
bool reallyOnServer(const QUrl& url, const QUrl& base)
{
    if (url.scheme().compare(base.scheme(), Qt::CaseInsensitive) != 0
        || url.host().compare(base.host(), Qt::CaseInsensitive) != 0 || effectivePort(url) != effectivePort(base))
        return false;
    QByteArray basePath = wirePath(base);
    while (basePath.endsWith('/'))
        basePath.chop(1);
    if (basePath.isEmpty())
        return true;
    const QByteArray path = wirePath(url);
    return path == basePath || path.startsWith(basePath + '/');
}

QString checkError(const Error& e)
{
    if (e.code() != ErrorCode::Protocol)
        return u"failure is not a Protocol error"_s;
    if (e.message().isEmpty())
        return u"error without a message"_s;
    if (e.detail().size() > kMaxDetail)
        return u"developer detail too long (may carry server content)"_s;
    return {};
}

QString checkIssues(const QList<SyncIssue>& issues)
{
    if (issues.size() > 8)
        return u"more than 8 warnings"_s;
    for (qsizetype i = 0; i < issues.size(); ++i)
        for (qsizetype j = i + 1; j < issues.size(); ++j)
            if (issues.at(i).code == issues.at(j).code && issues.at(i).text == issues.at(j).text
                && issues.at(i).severity == issues.at(j).severity)
                return u"duplicate warning"_s;
    return {};
}

QString checkResource(const RawResource& r)
{
    if (r.resourceType.isEmpty() || r.resourceId.isEmpty())
        return u"resource without type or id stored"_s;
    if (r.resourceType == u"OperationOutcome")
        return u"OperationOutcome stored as a resource"_s;
    if (r.hash != QCryptographicHash::hash(r.json, QCryptographicHash::Sha256).toHex())
        return u"hash is not the SHA-256 of the stored JSON"_s;
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(r.json, &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject())
        return u"stored JSON does not parse"_s;
    const QJsonObject o = doc.object();
    if (o.value("resourceType"_L1).toString() != r.resourceType || o.value("id"_L1).toString() != r.resourceId)
        return u"stored JSON has another type or id"_s;
    // The text is stored as received: it must be the very resource the normalizer is given.
    if (o != r.object)
        return u"stored JSON is not the resource that was read"_s;
    return {};
}

// A URL the client would send the token to must really be on the server.
QString checkFollow(const FhirClient& client, const QString& link, const char* what)
{
    if (link.isEmpty())
        return {};
    const QUrl url = client.resolve(link);
    if (client.isOnServer(url) && !reallyOnServer(url, client.baseUrl()))
        return u"%1 leaves the FHIR server but isOnServer() accepts it"_s.arg(QLatin1StringView(what));
    return {};
}

QString checkReferences(const FhirClient& client, const QList<RawResource>& resources)
{
    const ReferenceScanner scanner(client.baseUrl());
    const QStringList types = ReferenceScanner::defaultTypes();
    QSet<QString> refs;
    for (const RawResource& r : resources)
        scanner.scan(r.json, refs);
    for (const QString& ref : std::as_const(refs)) {
        const qsizetype slash = ref.indexOf(u'/');
        if (slash <= 0 || slash == ref.size() - 1 || ref.indexOf(u'/', slash + 1) >= 0)
            return u"reference is not Type/id"_s;
        if (!types.contains(ref.left(slash)))
            return u"reference of an unwanted type"_s;
        if (ref.contains(u'?'))
            return u"conditional reference queued as a read"_s;
        // SyncRun reads it as QueryVariant{type, id}.relativeUrl(): the id percent-encoded.
        const QString id = ref.mid(slash + 1);
        const QString relative = ref.left(slash) + u'/' + QString::fromLatin1(QUrl::toPercentEncoding(id, "-._~"));
        if (QString p = checkFollow(client, relative, "a reference"); !p.isEmpty())
            return p;
    }
    return {};
}

} // namespace

QByteArray pageInput(int mode, int mediaType, int base, const QByteArray& body, bool anyReadType)
{
    const auto selector = static_cast<char>((mode & 3) | ((mediaType & 3) << 2) | ((base & 7) << 4)
                                            | (anyReadType ? 0x80 : 0));
    return QByteArray(1, selector) + body;
}

QString runPageReader(const uint8_t* data, size_t size)
{
    if (size == 0 || size > kMaxInput)
        return {};
    const uint8_t selector = data[0];
    const int mode = selector & 3;
    FhirResponse response;
    response.status = mode == 3 ? 400 : 200;
    response.mediaType = QByteArray(kMediaTypes[(selector >> 2) & 3]);
    response.body = QByteArray(reinterpret_cast<const char*>(data) + 1, qsizetype(size - 1));
    const QUrl base(QString::fromLatin1(kBases[(selector >> 4) & 7]));
    const FhirClient client(nullptr, nullptr, u"fuzz"_s, base, FhirClientOptions{}, nullptr);

    // The text scan on any bytes (the page reader only runs it on bodies the parser took): spans inside the
    // body, nothing read outside it (ASan), whitespace only ever removed.
    if (const auto spans = jsontext::entryResources(response.body)) {
        const char* begin = response.body.constData();
        for (QByteArrayView span : *spans)
            if (!span.isEmpty() &&
                (span.data() < begin || span.data() + span.size() > begin + response.body.size()))
                return u"a resource's text lies outside the body"_s;
    }
    if (jsontext::compact(response.body).size() > response.body.size())
        return u"compact text longer than the text"_s;

    const bool json = response.looksLikeJson();
    if (json && (response.body.isEmpty() || response.mediaType == "text/html"))
        return u"an empty or HTML body is treated as JSON"_s;

    if (mode == 3) {
        const QList<SyncIssue> issues = FhirPage::errorIssues(response.body, json);
        if (!json && !issues.isEmpty())
            return u"issues read from a body that is not JSON"_s;
        return checkIssues(issues);
    }
    if (!json)
        return {}; // SyncRun reports "not JSON" without parsing

    const bool read = mode == 2;
    const QString expectedType = (selector & 0x80) ? QString() : u"Patient"_s;
    const Result<FhirPage> parsed =
        read ? FhirPage::fromReadBody(response.body, expectedType) : FhirPage::fromSearchBody(response.body);
    if (!parsed)
        return checkError(parsed.error());
    const FhirPage& page = *parsed;

    if (page.skipped < 0)
        return u"negative skipped count"_s;
    if (read) {
        if (page.resources.size() + page.skipped != 1)
            return u"a read answer does not give exactly one resource or one skip"_s;
        if (!page.resources.isEmpty() && !expectedType.isEmpty() && page.resources.first().resourceType != expectedType)
            return u"read answer of another type accepted"_s;
        if (!page.nextUrl.isEmpty() || !page.warnings.isEmpty())
            return u"a read answer has links or warnings"_s;
    } else {
        const QJsonArray entries = QJsonDocument::fromJson(response.body).object().value("entry"_L1).toArray();
        if (page.resources.size() + page.skipped > entries.size())
            return u"more resources than entries"_s;
        if (QString p = checkIssues(page.warnings); !p.isEmpty())
            return p;
    }
    for (const RawResource& r : page.resources)
        if (QString p = checkResource(r); !p.isEmpty())
            return p;

    // Deterministic: the same bytes give the same resources and hashes.
    const Result<FhirPage> again =
        read ? FhirPage::fromReadBody(response.body, expectedType) : FhirPage::fromSearchBody(response.body);
    if (!again || again->resources.size() != page.resources.size())
        return u"second parse differs"_s;
    for (qsizetype i = 0; i < page.resources.size(); ++i)
        if (again->resources.at(i).hash != page.resources.at(i).hash)
            return u"second parse gives another hash"_s;

    for (const auto& [link, what] : {std::pair{page.nextUrl, "the next link"}, std::pair{page.selfUrl, "the self link"},
                                     std::pair{page.previousUrl, "the previous link"}})
        if (QString p = checkFollow(client, link, what); !p.isEmpty())
            return p;
    return checkReferences(client, page.resources);
}

} // namespace hh::sync::fuzz
