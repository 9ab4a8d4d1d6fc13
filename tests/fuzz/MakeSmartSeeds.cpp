// Writes the seed corpora of fuzz_token_response and fuzz_endpoint_directory, generated in code (no
// corpus file is copied):
//  - token replies in the demo authorization servers' shapes (Epic: "bearer", __epic.dstu2.patient,
//    RS256 id_token signed by the demo server key; athena: refresh_token, expires_in as a string; a JWT
//    access token without expires_in), OAuth error replies as the demo servers send them, and a few
//    edge cases. First byte: the status selector of FuzzTokenResponse.cpp (0: 200, 2: 400, 3: 401, 6: 500).
//  - endpoint directories: an Epic R4 endpoint Bundle (contained Organization, reference with and
//    without '#', a DSTU2 and an off endpoint) and SMART User-access Brands Bundles (portal extension,
//    partOf hierarchy, absolute references).
// Usage: fuzz_smart_seeds <token seed dir> <directory seed dir>
#include "core/demo/DemoHttp.h"
#include "core/demo/Jwt.h"
#include "core/demo/SmartScopes.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace hh::demo;

namespace {

bool write(const QDir& dir, const QString& name, const QByteArray& bytes)
{
    QFile f(dir.filePath(name));
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

QByteArray compact(const QJsonObject& o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

enum StatusSelector : char { k200 = 0, k201 = 1, k400 = 2, k401 = 3, k403 = 4, k429 = 5, k500 = 6, k503 = 7 };

int tokenSeeds(const QDir& dir, bool& ok)
{
    const QStringList granted{u"openid"_s, u"fhirUser"_s, u"launch/patient"_s, u"offline_access"_s,
                              u"patient/Patient.read"_s, u"patient/Observation.rs"_s, u"patient/*.read"_s};
    const qint64 iat = 1764201600;
    const QJsonObject claims{{u"iss"_s, u"http://127.0.0.1:8080/demo-epic/oauth2"_s},
                             {u"sub"_s, u"c2VlZC1zdWJqZWN0LXZhbHVl"_s},
                             {u"aud"_s, u"healthhub-demo"_s},
                             {u"iat"_s, iat},
                             {u"exp"_s, iat + 300},
                             {u"fhirUser"_s, u"http://127.0.0.1:8080/demo-epic/api/FHIR/R4/Patient/eSeed1"_s}};
    const QString idToken = QString::fromLatin1(jwt::ServerKey::instance().sign(claims));
    const QString opaque = QString::fromLatin1(jwt::base64Url(QByteArray(36, '\x5a')));

    QList<std::pair<QString, QByteArray>> seeds;
    const auto add = [&](const QString& name, char status, const QByteArray& body) {
        seeds.append({name, QByteArray(1, status) + body});
    };
    QJsonObject epic{{u"access_token"_s, opaque},
                     {u"token_type"_s, u"bearer"_s},
                     {u"expires_in"_s, 3600},
                     {u"scope"_s, scopes::reply(Vendor::Epic, granted)},
                     {u"patient"_s, u"eSeed1"_s},
                     {u"__epic.dstu2.patient"_s, u"TSeed1"_s},
                     {u"id_token"_s, idToken}};
    add(u"epic-code"_s, k200, compact(epic));
    QJsonObject athena{{u"access_token"_s, opaque},
                       {u"token_type"_s, u"Bearer"_s},
                       {u"expires_in"_s, u"300"_s},
                       {u"scope"_s, scopes::reply(Vendor::Athena, granted)},
                       {u"patient"_s, u"a-24680.E-1"_s},
                       {u"refresh_token"_s, opaque + u"r"_s}};
    add(u"athena-code"_s, k200, compact(athena));
    QJsonObject jwtAccess{{u"access_token"_s, QString::fromLatin1(jwt::ServerKey::instance().sign(claims))},
                          {u"token_type"_s, u"Bearer"_s}};
    add(u"jwt-access-no-expiry"_s, k201, compact(jwtAccess));
    for (const auto& [error, status] : {std::pair{u"invalid_grant"_s, k400}, std::pair{u"invalid_client"_s, k401},
                                        std::pair{u"access_denied"_s, k403}, std::pair{u"temporarily_unavailable"_s, k503},
                                        std::pair{u"slow_down"_s, k429}}) {
        const DemoResponse r = DemoResponse::oauthError(400, error, u"The request was refused (seed)."_s);
        add(u"error-"_s + error, status, r.body);
    }
    add(u"edge-html"_s, k500, "<html><body>Service Unavailable</body></html>");
    add(u"edge-numbers"_s, k200, R"({"access_token":"a","token_type":"BEARER","expires_in":1e300,"scope":7})");
    add(u"edge-empty"_s, k200, "{}");
    int n = 0;
    for (const auto& [name, bytes] : std::as_const(seeds)) {
        ok = ok && write(dir, name + u".bin"_s, bytes);
        ++n;
    }
    return n;
}

QJsonObject entry(const QJsonObject& resource, const QString& fullUrl = {})
{
    QJsonObject e{{u"resource"_s, resource}};
    if (!fullUrl.isEmpty())
        e[u"fullUrl"_s] = fullUrl;
    return e;
}

QByteArray bundle(const QJsonArray& entries)
{
    return compact(QJsonObject{{u"resourceType"_s, u"Bundle"_s}, {u"type"_s, u"collection"_s}, {u"entry"_s, entries}});
}

QJsonObject endpoint(const QString& id, const QString& address, const QString& status = u"active"_s,
                     const QString& fhirVersion = u"4.0.1"_s)
{
    return QJsonObject{
        {u"resourceType"_s, u"Endpoint"_s},
        {u"id"_s, id},
        {u"status"_s, status},
        {u"connectionType"_s, QJsonObject{{u"system"_s, u"http://terminology.hl7.org/CodeSystem/endpoint-connection-type"_s},
                                          {u"code"_s, u"hl7-fhir-rest"_s}}},
        {u"address"_s, address},
        {u"extension"_s,
         QJsonArray{QJsonObject{{u"url"_s, u"http://hl7.org/fhir/StructureDefinition/endpoint-fhir-version"_s},
                                {u"valueCode"_s, fhirVersion}}}}};
}

int directorySeeds(const QDir& dir, bool& ok)
{
    // Epic R4 endpoint Bundle: Endpoint + contained Organization.
    QJsonArray epic;
    const QList<std::pair<QString, QString>> systems{
        {u"Springfield General"_s, u"https://fhir.springfield.example/interconnect-fhir-oauth/api/FHIR/R4"_s},
        {u"Shelbyville Clinics"_s, u"https://epicproxy.shelbyville.example/FHIRProxy/api/FHIR/R4/"_s},
        {u"Capital City Health"_s, u"https://fhir.epic.com/interconnect-fhir-oauth/api/FHIR/R4"_s}};
    int i = 0;
    for (const auto& [name, address] : systems) {
        QJsonObject e = endpoint(u"ep"_s + QString::number(i), address);
        e[u"name"_s] = name;
        e[u"contained"_s] = QJsonArray{QJsonObject{{u"resourceType"_s, u"Organization"_s}, {u"id"_s, u"org1"_s},
                                                   {u"name"_s, name},
                                                   {u"address"_s, QJsonArray{QJsonObject{{u"city"_s, u"Springfield"_s},
                                                                                         {u"state"_s, u"IL"_s}}}}}};
        e[u"managingOrganization"_s] = QJsonObject{{u"reference"_s, i == 1 ? u"#org1"_s : u"org1"_s}};
        epic.append(entry(e));
        ++i;
    }
    epic.append(entry(endpoint(u"old"_s, u"https://old.example/api/FHIR/DSTU2"_s, u"active"_s, u"1.0.2"_s)));
    epic.append(entry(endpoint(u"off"_s, u"https://off.example/api/FHIR/R4"_s, u"off"_s)));
    ok = ok && write(dir, u"epic-r4-endpoints.json"_s, bundle(epic));

    // SMART User-access Brands: a brand with a portal, a child brand inheriting endpoints, absolute refs.
    const QString portalExt = u"http://hl7.org/fhir/StructureDefinition/organization-portal"_s;
    QJsonArray brands;
    brands.append(entry(
        QJsonObject{{u"resourceType"_s, u"Organization"_s},
                    {u"id"_s, u"brand1"_s},
                    {u"name"_s, u"Example Health Network"_s},
                    {u"address"_s, QJsonArray{QJsonObject{{u"city"_s, u"Boston"_s}, {u"state"_s, u"MA"_s}}}},
                    {u"endpoint"_s, QJsonArray{QJsonObject{{u"reference"_s, u"Endpoint/e1"_s}}}},
                    {u"extension"_s,
                     QJsonArray{QJsonObject{{u"url"_s, portalExt},
                                            {u"extension"_s,
                                             QJsonArray{QJsonObject{{u"url"_s, u"portalName"_s},
                                                                    {u"valueString"_s, u"Example MyChart"_s}},
                                                        QJsonObject{{u"url"_s, u"portalEndpoint"_s},
                                                                    {u"valueReference"_s,
                                                                     QJsonObject{{u"reference"_s, u"Endpoint/e2"_s}}}}}}}}}},
        u"https://brands.example/Organization/brand1"_s));
    brands.append(entry(QJsonObject{{u"resourceType"_s, u"Organization"_s},
                                    {u"id"_s, u"brand2"_s},
                                    {u"name"_s, u"Example Pediatrics"_s},
                                    {u"partOf"_s, QJsonObject{{u"reference"_s, u"Organization/brand1"_s}}}},
                        u"https://brands.example/Organization/brand2"_s));
    brands.append(entry(QJsonObject{{u"resourceType"_s, u"Organization"_s},
                                    {u"id"_s, u"brand3"_s},
                                    {u"name"_s, u"Absolute Clinic"_s},
                                    {u"endpoint"_s, QJsonArray{QJsonObject{
                                                        {u"reference"_s, u"https://brands.example/Endpoint/e3"_s}}}}},
                        u"https://brands.example/Organization/brand3"_s));
    brands.append(entry(endpoint(u"e1"_s, u"https://fhir.network.example/r4"_s), u"https://brands.example/Endpoint/e1"_s));
    brands.append(entry(endpoint(u"e2"_s, u"https://mychart.network.example/api/FHIR/R4"_s),
                        u"https://brands.example/Endpoint/e2"_s));
    brands.append(entry(endpoint(u"e3"_s, u"https://api.preview.platform.athenahealth.com/fhir/r4"_s),
                        u"https://brands.example/Endpoint/e3"_s));
    brands.append(entry(endpoint(u"e4"_s, u"http://127.0.0.1:8080/demo-athena/fhir/r4"_s),
                        u"https://brands.example/Endpoint/e4"_s));
    ok = ok && write(dir, u"brands.json"_s, bundle(brands));
    ok = ok && write(dir, u"edge-not-bundle.json"_s, R"({"resourceType":"Endpoint","address":"https://x.example/r4"})");
    return 3;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    if (argc != 3) {
        std::fprintf(stderr, "usage: fuzz_smart_seeds <token seed dir> <directory seed dir>\n");
        return 2;
    }
    const QDir tokenDir(QString::fromLocal8Bit(argv[1]));
    const QDir directoryDir(QString::fromLocal8Bit(argv[2]));
    if (!tokenDir.mkpath(u"."_s) || !directoryDir.mkpath(u"."_s)) {
        std::fprintf(stderr, "cannot create output directories\n");
        return 1;
    }
    bool ok = true;
    const int tokens = tokenSeeds(tokenDir, ok);
    const int directories = directorySeeds(directoryDir, ok);
    std::printf("%d token seeds, %d directory seeds written\n", tokens, directories);
    return ok ? 0 : 1;
}
