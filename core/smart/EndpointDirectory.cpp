#include "core/smart/EndpointDirectory.h"

#include "core/Log.h"
#include "core/smart/HttpCall.h"
#include "core/smart/UrlPolicy.h"

#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QNetworkAccessManager>
#include <QSet>

using namespace Qt::StringLiterals;

namespace hh::smart {

namespace {

const QString kFhirVersionExt = u"http://hl7.org/fhir/StructureDefinition/endpoint-fhir-version"_s;
const QString kPortalExt = u"http://hl7.org/fhir/StructureDefinition/organization-portal"_s;
constexpr int kMaxPartOfDepth = 8;

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(hh::smart)
};

Error invalid(const QString& detail)
{
    return Error(ErrorCode::InvalidInput,
                 Tr::tr("This file is not an endpoint directory Health Hub can read (an Epic endpoint Bundle or a "
                        "SMART User-access Brands Bundle)."),
                 detail);
}

struct EndpointInfo {
    QJsonObject resource;
    QUrl base;
    bool usable = false;
    bool referenced = false;
};

struct OrgInfo {
    QJsonObject resource;
    QString fullUrl;
};

struct Ref {
    QString reference;
    QString portalName;
};

void cityState(const QJsonObject& org, QString& city, QString& state)
{
    for (const QJsonValue& a : org.value("address"_L1).toArray()) {
        const QJsonObject addr = a.toObject();
        const QString c = addr.value("city"_L1).toString().trimmed();
        const QString s = addr.value("state"_L1).toString().trimmed();
        if (!c.isEmpty() || !s.isEmpty()) {
            city = c;
            state = s;
            return;
        }
    }
}

// Validates an Endpoint; Error only for structural problems.
Result<EndpointInfo> examineEndpoint(const QJsonObject& res)
{
    EndpointInfo info;
    info.resource = res;
    const QJsonValue address = res.value("address"_L1);
    if (!address.isUndefined() && !address.isString())
        return invalid(u"Endpoint.address is not a string"_s);
    const QString status = res.value("status"_L1).toString(u"active"_s);
    const QJsonValue ct = res.value("connectionType"_L1);
    const QString ctCode = ct.toObject().value("code"_L1).toString(u"hl7-fhir-rest"_s);
    QString version;
    for (const QJsonValue& e : res.value("extension"_L1).toArray()) {
        const QJsonObject ext = e.toObject();
        if (ext.value("url"_L1).toString() == kFhirVersionExt)
            version = ext.value("valueCode"_L1).toString();
    }
    const QUrl url(address.toString().trimmed(), QUrl::StrictMode);
    const QUrl base = normalizeFhirBase(url);
    info.base = base;
    info.usable = address.isString() && url.isValid() && isAllowedUrl(url) && !base.path().isEmpty() &&
                  status == u"active" && ctCode == u"hl7-fhir-rest" &&
                  (version.isEmpty() || version.startsWith(u"4."));
    return info;
}

QList<Ref> endpointRefs(const QJsonObject& org)
{
    QList<Ref> refs;
    // Portal extensions first: they carry the portal name.
    for (const QJsonValue& e : org.value("extension"_L1).toArray()) {
        const QJsonObject ext = e.toObject();
        if (ext.value("url"_L1).toString() != kPortalExt)
            continue;
        QString portalName;
        QStringList portalRefs;
        for (const QJsonValue& se : ext.value("extension"_L1).toArray()) {
            const QJsonObject sub = se.toObject();
            const QString name = sub.value("url"_L1).toString();
            if (name == u"portalName")
                portalName = sub.value("valueString"_L1).toString().trimmed();
            else if (name == u"portalEndpoint")
                portalRefs.append(sub.value("valueReference"_L1).toObject().value("reference"_L1).toString());
        }
        for (const QString& r : std::as_const(portalRefs)) {
            if (!r.isEmpty())
                refs.append(Ref{r, portalName});
        }
    }
    for (const QJsonValue& e : org.value("endpoint"_L1).toArray()) {
        const QString r = e.toObject().value("reference"_L1).toString();
        if (!r.isEmpty())
            refs.append(Ref{r, QString()});
    }
    return refs;
}

// Trailing "Type/id" of a reference (relative or absolute).
QString typeAndId(const QString& reference, QStringView type)
{
    const QString marker = type.toString() + u'/';
    const qsizetype at = reference.lastIndexOf(marker);
    if (at < 0)
        return {};
    if (at > 0 && reference.at(at - 1) != u'/')
        return {};
    const QString id = reference.mid(at + marker.size());
    if (id.isEmpty() || id.contains(u'/'))
        return {};
    return marker + id;
}

} // namespace

QString DirectoryImport::sourceKey() const
{
    return format == Format::EpicEndpointBundle ? u"epic-directory"_s : u"brands"_s;
}

Result<DirectoryImport> EndpointDirectory::parse(QByteArrayView json)
{
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray(json.data(), json.size()), &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject())
        return invalid(u"not a JSON object"_s);
    const QJsonObject bundle = doc.object();
    if (bundle.value("resourceType"_L1).toString() != u"Bundle")
        return invalid(u"not a Bundle"_s);
    const QJsonValue entryValue = bundle.value("entry"_L1);
    if (!entryValue.isUndefined() && !entryValue.isArray())
        return invalid(u"Bundle.entry is not an array"_s);

    QList<EndpointInfo> endpoints;
    QHash<QString, qsizetype> endpointByKey; // fullUrl and "Endpoint/id"
    QList<OrgInfo> orgs;
    QHash<QString, qsizetype> orgByKey; // fullUrl and "Organization/id"
    bool anyContainedOrg = false;

    for (const QJsonValue& ev : entryValue.toArray()) {
        if (!ev.isObject())
            return invalid(u"Bundle.entry item is not an object"_s);
        const QJsonObject entry = ev.toObject();
        const QJsonValue rv = entry.value("resource"_L1);
        if (rv.isUndefined())
            continue;
        if (!rv.isObject())
            return invalid(u"Bundle.entry.resource is not an object"_s);
        const QJsonObject res = rv.toObject();
        const QString type = res.value("resourceType"_L1).toString();
        const QString fullUrl = entry.value("fullUrl"_L1).toString();
        const QString id = res.value("id"_L1).toString();
        if (type == u"Endpoint") {
            auto info = examineEndpoint(res);
            if (!info)
                return info.error();
            for (const QJsonValue& c : res.value("contained"_L1).toArray()) {
                if (c.toObject().value("resourceType"_L1).toString() == u"Organization")
                    anyContainedOrg = true;
            }
            const qsizetype index = endpoints.size();
            endpoints.append(std::move(info.value()));
            if (!fullUrl.isEmpty())
                endpointByKey.insert(fullUrl, index);
            if (!id.isEmpty() && !endpointByKey.contains(u"Endpoint/"_s + id))
                endpointByKey.insert(u"Endpoint/"_s + id, index);
        } else if (type == u"Organization") {
            const qsizetype index = orgs.size();
            orgs.append(OrgInfo{res, fullUrl});
            if (!fullUrl.isEmpty())
                orgByKey.insert(fullUrl, index);
            if (!id.isEmpty() && !orgByKey.contains(u"Organization/"_s + id))
                orgByKey.insert(u"Organization/"_s + id, index);
        }
    }

    DirectoryImport out;
    out.format = (orgs.isEmpty() && anyContainedOrg) ? DirectoryImport::Format::EpicEndpointBundle
                                                     : DirectoryImport::Format::UserAccessBrands;
    const bool epic = out.format == DirectoryImport::Format::EpicEndpointBundle;
    QSet<QString> seen;
    auto add = [&out, &seen](DirectoryEntry e) {
        e.name = e.name.simplified();
        if (e.name.isEmpty())
            return;
        const QString key = e.fhirBaseUrl.toString(QUrl::FullyEncoded) + u'\n' + e.name;
        if (seen.contains(key))
            return;
        seen.insert(key);
        out.entries.append(std::move(e));
    };
    auto resolveEndpoint = [&endpointByKey](const QString& reference) -> qsizetype {
        auto it = endpointByKey.constFind(reference);
        if (it != endpointByKey.constEnd())
            return it.value();
        const QString relative = typeAndId(reference, u"Endpoint");
        if (!relative.isEmpty()) {
            it = endpointByKey.constFind(relative);
            if (it != endpointByKey.constEnd())
                return it.value();
        }
        return -1;
    };
    auto resolveOrg = [&orgByKey](const QString& reference) -> qsizetype {
        auto it = orgByKey.constFind(reference);
        if (it != orgByKey.constEnd())
            return it.value();
        const QString relative = typeAndId(reference, u"Organization");
        if (!relative.isEmpty()) {
            it = orgByKey.constFind(relative);
            if (it != orgByKey.constEnd())
                return it.value();
        }
        return -1;
    };

    // Brands: organizations and the endpoints they (or their parent brands) list.
    for (const OrgInfo& org : std::as_const(orgs)) {
        QList<Ref> refs = endpointRefs(org.resource);
        QJsonObject current = org.resource;
        for (int depth = 0; refs.isEmpty() && depth < kMaxPartOfDepth; ++depth) {
            const qsizetype parent =
                resolveOrg(current.value("partOf"_L1).toObject().value("reference"_L1).toString());
            if (parent < 0)
                break;
            current = orgs.at(parent).resource;
            refs = endpointRefs(current);
        }
        DirectoryEntry base;
        base.name = org.resource.value("name"_L1).toString();
        cityState(org.resource, base.city, base.state);
        for (const Ref& ref : std::as_const(refs)) {
            const qsizetype index = resolveEndpoint(ref.reference);
            if (index < 0)
                continue;
            EndpointInfo& ep = endpoints[index];
            ep.referenced = true;
            if (!ep.usable)
                continue;
            DirectoryEntry e = base;
            e.fhirBaseUrl = ep.base;
            e.vendor = guessVendor(ep.base);
            e.portalName = ref.portalName;
            add(std::move(e));
        }
    }

    // Endpoints on their own (Epic's directory; unreferenced Brands endpoints).
    for (const EndpointInfo& ep : std::as_const(endpoints)) {
        if (!ep.usable) {
            ++out.skipped;
            continue;
        }
        if (ep.referenced)
            continue;
        DirectoryEntry e;
        e.fhirBaseUrl = ep.base;
        e.vendor = epic ? Vendor::Epic : guessVendor(ep.base);
        QString orgRef = ep.resource.value("managingOrganization"_L1).toObject().value("reference"_L1).toString();
        if (orgRef.startsWith(u'#'))
            orgRef.remove(0, 1);
        bool named = false;
        for (const QJsonValue& c : ep.resource.value("contained"_L1).toArray()) {
            const QJsonObject co = c.toObject();
            if (co.value("resourceType"_L1).toString() == u"Organization" && !orgRef.isEmpty() &&
                co.value("id"_L1).toString() == orgRef) {
                e.name = co.value("name"_L1).toString();
                cityState(co, e.city, e.state);
                named = !e.name.trimmed().isEmpty();
                break;
            }
        }
        if (!named && !orgRef.isEmpty()) {
            const qsizetype index = resolveOrg(orgRef);
            if (index >= 0) {
                e.name = orgs.at(index).resource.value("name"_L1).toString();
                cityState(orgs.at(index).resource, e.city, e.state);
                named = !e.name.trimmed().isEmpty();
            }
        }
        if (!named)
            e.name = ep.resource.value("name"_L1).toString();
        if (e.name.trimmed().isEmpty()) {
            ++out.skipped;
            continue;
        }
        add(std::move(e));
    }

    if (out.entries.isEmpty())
        return Error(ErrorCode::InvalidInput, Tr::tr("No health systems were found in this directory."),
                     u"no usable endpoint (%1 skipped)"_s.arg(out.skipped));
    return out;
}

Result<DirectoryImport> EndpointDirectory::importFromFile(const QString& path, qint64 maxBytes)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error(ErrorCode::Io, Tr::tr("The file could not be opened."),
                     u"open failed: %1"_s.arg(file.errorString()));
    if (file.size() > maxBytes)
        return Error(ErrorCode::InvalidInput, Tr::tr("The file is too large for an endpoint directory."),
                     u"file larger than %1 bytes"_s.arg(maxBytes));
    const QByteArray data = file.read(maxBytes + 1);
    if (data.size() > maxBytes)
        return Error(ErrorCode::InvalidInput, Tr::tr("The file is too large for an endpoint directory."),
                     u"file larger than %1 bytes"_s.arg(maxBytes));
    return parse(data);
}

QFuture<Result<DirectoryImport>> EndpointDirectory::importFromUrl(QNetworkAccessManager* nam, const QUrl& url,
                                                                  qint64 maxBytes,
                                                                  std::chrono::milliseconds timeout)
{
    if (!isAllowedUrl(url))
        return readyFuture<DirectoryImport>(Error(ErrorCode::InvalidInput,
                                                  Tr::tr("Health Hub only downloads directories over https."),
                                                  u"directory URL is not allowed"_s));
    QNetworkRequest req(url);
    req.setRawHeader("Accept", "application/fhir+json, application/json;q=0.9");
    HttpOptions options;
    options.timeout = timeout;
    options.maxBytes = maxBytes;
    options.followRedirects = true;
    return sendHttp(nam, req, "GET", {}, options)
        .then(QtFuture::Launch::Async, [](const Result<HttpReply>& reply) -> Result<DirectoryImport> {
            if (!reply)
                return reply.error();
            if (reply->status < 200 || reply->status > 299)
                return httpStatusError(reply->status, "endpoint directory");
            const QByteArray& t = reply->mediaType;
            const bool acceptable =
                isJsonMediaType(t) || t.isEmpty() || t == "text/plain" || t == "application/octet-stream";
            if (!acceptable)
                return invalid(u"directory download is %1, not JSON"_s.arg(QString::fromLatin1(t.left(64))));
            return EndpointDirectory::parse(reply->body);
        });
}

} // namespace hh::smart
