// SmartConfiguration parsing and policy, URL policy, vendor guess. Corpus: smart-config/*.
#include "core/smart/SmartConfiguration.h"
#include "core/smart/UrlPolicy.h"
#include "core/smart/Vendor.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace hh;
using namespace hh::smart;

namespace {

const QString kCorpus = QStringLiteral(HH_CORPUS_DIR) + u"/smart-config"_s;

QByteArray readCorpus(const QString& relative)
{
    QFile f(kCorpus + u'/' + relative);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

} // namespace

class TestSmartConfiguration : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void corpusCoversEveryFile();
    void corpusWellKnown_data();
    void corpusWellKnown();
    void corpusCapabilityStatement_data();
    void corpusCapabilityStatement();
    void epicOpenIdConfigurationIsRefusedWithoutS256();
    void athenaDoubledExtensionExactWins();
    void suffixOnlyExtensionIsUsed();
    void relativeUrlsResolveAgainstBase_data();
    void relativeUrlsResolveAgainstBase();
    void s256Policy_data();
    void s256Policy();
    void httpEndpointsRefusedExceptLoopback();
    void optionalHttpEndpointDropped();
    void malformedDocuments_data();
    void malformedDocuments();
    void jsonRoundTrip();
    void mergeMissingEndpoints();
    void isAllowedUrl_data();
    void isAllowedUrl();
    void normalizeFhirBase_data();
    void normalizeFhirBase();
    void wellKnownAndMetadataUrls();
    void guessVendor_data();
    void guessVendor();
    void vendorKeys();
};

void TestSmartConfiguration::corpusCoversEveryFile()
{
    if (!QDir(kCorpus).exists())
        QSKIP("fhir-corpus/smart-config not present (HH_CORPUS_DIR)");
    // Every file of the corpus folder must be exercised by a row below; a new file fails here.
    const QStringList known{
        u"athenahealth/athenahealth-fhir-capabilitystatement.json"_s,
        u"athenahealth/athenahealth-smart-configuration.json"_s,
        u"epic-sandbox/epic-fhir-r4-capabilitystatement.json"_s,
        u"epic-sandbox/epic-fhir-r4-smart-configuration.json"_s,
        u"epic-sandbox/epic-systems-openid-configuration.json"_s,
        u"oracle-health-cerner/cerner-capability-statement-r4-open.json"_s,
        u"oracle-health-cerner/cerner-capability-statement-r4-secure.json"_s,
        u"oracle-health-cerner/cerner-smart-configuration-patient.json"_s,
        u"oracle-health-cerner/cerner-smart-configuration.json"_s,
        u"oracle-health-cerner/lantern-authorization_cerner_smart_response.json"_s,
    };
    QStringList found;
    const QDir root(kCorpus);
    for (const QString& sub : root.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        for (const QString& f : QDir(root.filePath(sub)).entryList(QDir::Files))
            found.append(sub + u'/' + f);
    }
    found.sort();
    QStringList expected = known;
    expected.sort();
    QCOMPARE(found, expected);
}

void TestSmartConfiguration::corpusWellKnown_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("base");
    QTest::addColumn<QString>("authorize");
    QTest::addColumn<QString>("token");
    QTest::addColumn<QString>("revoke");
    QTest::addColumn<QString>("introspect");
    QTest::addColumn<QString>("manage");
    QTest::addColumn<QString>("issuer");
    QTest::addColumn<bool>("jwtBearer");

    const QString cerner = u"https://authorization.cerner.com/tenants/ec2458f2-1e24-41c8-b71b-0e701af7583d"_s;
    QTest::newRow("athena") << u"athenahealth/athenahealth-smart-configuration.json"_s
                            << u"https://api.platform.athenahealth.com/fhir/r4"_s
                            << u"https://api.platform.athenahealth.com/oauth2/v1/authorize"_s
                            << u"https://api.platform.athenahealth.com/oauth2/v1/token"_s
                            << u"https://api.platform.athenahealth.com/oauth2/v1/revoke"_s
                            << u"https://api.platform.athenahealth.com/oauth2/v1/introspect"_s << QString()
                            << u"https://athena.okta.com/oauth2/aus2hff5eqFb7Wqfh297"_s << false;
    QTest::newRow("epic-sandbox") << u"epic-sandbox/epic-fhir-r4-smart-configuration.json"_s
                                  << u"https://fhir.epic.com/interconnect-fhir-oauth/api/FHIR/R4"_s
                                  << u"https://fhir.epic.com/interconnect-fhir-oauth/oauth2/authorize"_s
                                  << u"https://fhir.epic.com/interconnect-fhir-oauth/oauth2/token"_s << QString()
                                  << QString() << QString()
                                  << u"https://fhir.epic.com/interconnect-fhir-oauth/oauth2"_s << true;
    QTest::newRow("cerner-patient")
        << u"oracle-health-cerner/cerner-smart-configuration-patient.json"_s
        << u"https://fhir-myrecord.cerner.com/r4/ec2458f2-1e24-41c8-b71b-0e701af7583d"_s
        << cerner + u"/protocols/oauth2/profiles/smart-v1/personas/patient/authorize"_s
        << cerner + u"/hosts/fhir-myrecord.cerner.com/protocols/oauth2/profiles/smart-v1/token"_s
        << cerner + u"/protocols/oauth2/profiles/smart-v1/token/revoke"_s
        << u"https://authorization.cerner.com/tokeninfo"_s << cerner + u"/personas/patient/my-authorizations"_s
        << cerner << false;
    QTest::newRow("cerner-provider")
        << u"oracle-health-cerner/cerner-smart-configuration.json"_s
        << u"https://fhir-ehr-code.cerner.com/r4/ec2458f2-1e24-41c8-b71b-0e701af7583d"_s
        << cerner + u"/protocols/oauth2/profiles/smart-v1/personas/provider/authorize"_s
        << cerner + u"/hosts/fhir-ehr-code.cerner.com/protocols/oauth2/profiles/smart-v1/token"_s
        << cerner + u"/protocols/oauth2/profiles/smart-v1/token/revoke"_s
        << u"https://authorization.cerner.com/tokeninfo"_s << cerner + u"/personas/provider/my-authorizations"_s
        << cerner << false;
    QTest::newRow("cerner-lantern-old")
        << u"oracle-health-cerner/lantern-authorization_cerner_smart_response.json"_s
        << u"https://fhir-ehr-code.cerner.com/r4/ec2458f2-1e24-41c8-b71b-0e701af7583d"_s
        << cerner + u"/protocols/oauth2/profiles/smart-v1/personas/provider/authorize"_s
        << cerner + u"/protocols/oauth2/profiles/smart-v1/token"_s << QString()
        << u"https://authorization.cerner.com/tokeninfo"_s << QString()
        << cerner + u"/oidc/idsps/ec2458f2-1e24-41c8-b71b-0e701af7583d/.well-known/openid-configuration"_s
        << false;
}

void TestSmartConfiguration::corpusWellKnown()
{
    QFETCH(QString, file);
    QFETCH(QString, base);
    QFETCH(QString, authorize);
    QFETCH(QString, token);
    QFETCH(QString, revoke);
    QFETCH(QString, introspect);
    QFETCH(QString, manage);
    QFETCH(QString, issuer);
    QFETCH(bool, jwtBearer);
    const QByteArray data = readCorpus(file);
    if (data.isEmpty())
        QSKIP("fhir-corpus/smart-config not present (HH_CORPUS_DIR)");

    auto parsed = SmartConfiguration::fromWellKnown(data, QUrl(base));
    QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().detail()));
    auto config = SmartConfiguration::validated(parsed.value());
    QVERIFY2(config.ok(), qPrintable(config.ok() ? QString() : config.error().detail()));
    QCOMPARE(config->source, SmartConfiguration::Source::WellKnown);
    QCOMPARE(config->fhirBaseUrl, QUrl(base));
    QCOMPARE(config->authorizationEndpoint, QUrl(authorize));
    QCOMPARE(config->tokenEndpoint, QUrl(token));
    QCOMPARE(config->revocationEndpoint, revoke.isEmpty() ? QUrl() : QUrl(revoke));
    QCOMPARE(config->introspectionEndpoint, introspect.isEmpty() ? QUrl() : QUrl(introspect));
    QCOMPARE(config->managementEndpoint, manage.isEmpty() ? QUrl() : QUrl(manage));
    QVERIFY(config->registrationEndpoint.isEmpty()); // none of them lists DCR in the well-known doc
    QCOMPARE(config->issuer, issuer);
    QVERIFY(config->supportsS256());
    QVERIFY(config->hasCapability(u"client-public"));
    QVERIFY(config->hasCapability(u"launch-standalone"));
    QCOMPARE(config->supportsJwtBearer(), jwtBearer);
}

void TestSmartConfiguration::corpusCapabilityStatement_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("authorize");
    QTest::addColumn<QString>("token");
    QTest::addColumn<QString>("revoke");
    QTest::addColumn<QString>("introspect");
    QTest::addColumn<QString>("manage");

    const QString cerner = u"https://authorization.cerner.com/tenants/ec2458f2-1e24-41c8-b71b-0e701af7583d"_s;
    QTest::newRow("athena-doubled") << u"athenahealth/athenahealth-fhir-capabilitystatement.json"_s
                                    << u"https://api.platform.athenahealth.com/oauth2/v1/authorize"_s
                                    << u"https://api.platform.athenahealth.com/oauth2/v1/token"_s
                                    << u"https://api.platform.athenahealth.com/oauth2/v1/revoke"_s
                                    << u"https://api.platform.athenahealth.com/oauth2/v1/introspect"_s
                                    << QString();
    QTest::newRow("epic") << u"epic-sandbox/epic-fhir-r4-capabilitystatement.json"_s
                          << u"https://fhir.epic.com/interconnect-fhir-oauth/oauth2/authorize"_s
                          << u"https://fhir.epic.com/interconnect-fhir-oauth/oauth2/token"_s << QString()
                          << QString() << QString();
    QTest::newRow("cerner-secure")
        << u"oracle-health-cerner/cerner-capability-statement-r4-secure.json"_s
        << cerner + u"/protocols/oauth2/profiles/smart-v1/personas/provider/authorize"_s
        << cerner + u"/hosts/fhir-ehr-code.cerner.com/protocols/oauth2/profiles/smart-v1/token"_s
        << cerner + u"/protocols/oauth2/profiles/smart-v1/token/revoke"_s
        << u"https://authorization.cerner.com/tokeninfo"_s << cerner + u"/personas/provider/my-authorizations"_s;
    // The open (unsecured) endpoint has no OAuth at all.
    QTest::newRow("cerner-open") << u"oracle-health-cerner/cerner-capability-statement-r4-open.json"_s << QString()
                                 << QString() << QString() << QString() << QString();
}

void TestSmartConfiguration::corpusCapabilityStatement()
{
    QFETCH(QString, file);
    QFETCH(QString, authorize);
    QFETCH(QString, token);
    QFETCH(QString, revoke);
    QFETCH(QString, introspect);
    QFETCH(QString, manage);
    const QByteArray data = readCorpus(file);
    if (data.isEmpty())
        QSKIP("fhir-corpus/smart-config not present (HH_CORPUS_DIR)");

    auto parsed = SmartConfiguration::fromCapabilityStatement(data, QUrl(u"https://fhir.example.org/r4"_s));
    if (authorize.isEmpty()) {
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().code(), ErrorCode::Protocol);
        return;
    }
    QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().detail()));
    auto config = SmartConfiguration::validated(parsed.value());
    QVERIFY2(config.ok(), qPrintable(config.ok() ? QString() : config.error().detail()));
    QCOMPARE(config->source, SmartConfiguration::Source::CapabilityStatement);
    QCOMPARE(config->authorizationEndpoint, QUrl(authorize));
    QCOMPARE(config->tokenEndpoint, QUrl(token));
    QCOMPARE(config->revocationEndpoint, revoke.isEmpty() ? QUrl() : QUrl(revoke));
    QCOMPARE(config->introspectionEndpoint, introspect.isEmpty() ? QUrl() : QUrl(introspect));
    QCOMPARE(config->managementEndpoint, manage.isEmpty() ? QUrl() : QUrl(manage));
    QVERIFY(config->codeChallengeMethodsSupported.isEmpty()); // cannot be expressed in metadata
}

void TestSmartConfiguration::epicOpenIdConfigurationIsRefusedWithoutS256()
{
    // Epic's OpenID configuration is not a smart-configuration: it lists no PKCE methods.
    const QByteArray data = readCorpus(u"epic-sandbox/epic-systems-openid-configuration.json"_s);
    if (data.isEmpty())
        QSKIP("fhir-corpus/smart-config not present (HH_CORPUS_DIR)");
    auto parsed = SmartConfiguration::fromWellKnown(
        data, QUrl(u"https://fhir.epic.com/interconnect-fhir-oauth/api/FHIR/R4"_s));
    QVERIFY(parsed.ok());
    QCOMPARE(parsed->tokenEndpoint, QUrl(u"https://fhir.epic.com/interconnect-fhir-oauth/oauth2/token"_s));
    auto config = SmartConfiguration::validated(parsed.value());
    QVERIFY(!config.ok());
    QCOMPARE(config.error().code(), ErrorCode::Protocol);
    QVERIFY(config.error().message().contains(u"S256"));
}

void TestSmartConfiguration::athenaDoubledExtensionExactWins()
{
    // The bogus copy comes first and disagrees: the exact URL must win; the copy only fills gaps.
    const QByteArray doc = R"({"resourceType":"CapabilityStatement","rest":[{"security":{"extension":[
        {"url":"http://DSTU2/fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris","extension":[
            {"url":"authorize","valueUri":"https://bogus.example/authorize"},
            {"url":"token","valueUri":"https://bogus.example/token"},
            {"url":"revoke","valueUri":"https://bogus.example/revoke"}]},
        {"url":"http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris","extension":[
            {"url":"authorize","valueUri":"https://real.example/authorize"},
            {"url":"token","valueUri":"https://real.example/token"},
            {"url":"register","valueUri":"https://real.example/register"}]}]}}]})";
    auto config = SmartConfiguration::fromCapabilityStatement(doc, QUrl(u"https://fhir.example/r4"_s));
    QVERIFY(config.ok());
    QCOMPARE(config->authorizationEndpoint, QUrl(u"https://real.example/authorize"_s));
    QCOMPARE(config->tokenEndpoint, QUrl(u"https://real.example/token"_s));
    QCOMPARE(config->registrationEndpoint, QUrl(u"https://real.example/register"_s));
    QCOMPARE(config->revocationEndpoint, QUrl(u"https://bogus.example/revoke"_s));
}

void TestSmartConfiguration::suffixOnlyExtensionIsUsed()
{
    const QByteArray doc = R"({"resourceType":"CapabilityStatement","rest":[{"security":{"extension":[
        {"url":"http://DSTU2/fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris","extension":[
            {"url":"authorize","valueUri":"https://a.example/authorize"},
            {"url":"token","valueUri":"https://a.example/token"}]}]}}]})";
    auto config = SmartConfiguration::fromCapabilityStatement(doc, QUrl(u"https://fhir.example/r4"_s));
    QVERIFY(config.ok());
    QCOMPARE(config->authorizationEndpoint, QUrl(u"https://a.example/authorize"_s));
    QCOMPARE(config->tokenEndpoint, QUrl(u"https://a.example/token"_s));
}

void TestSmartConfiguration::relativeUrlsResolveAgainstBase_data()
{
    QTest::addColumn<QString>("base");
    QTest::addColumn<QString>("reference");
    QTest::addColumn<QString>("expected");
    QTest::newRow("relative") << u"https://h.example/fhir/r4"_s << u"auth/authorize"_s
                              << u"https://h.example/fhir/r4/auth/authorize"_s;
    QTest::newRow("relative-base-slash")
        << u"https://h.example/fhir/r4/"_s << u"token"_s << u"https://h.example/fhir/r4/token"_s;
    QTest::newRow("root-relative") << u"https://h.example/fhir/r4"_s << u"/oauth2/token"_s
                                   << u"https://h.example/oauth2/token"_s;
    QTest::newRow("dot-dot") << u"https://h.example/fhir/r4"_s << u"../oauth/token"_s
                             << u"https://h.example/fhir/oauth/token"_s;
    QTest::newRow("absolute") << u"https://h.example/fhir/r4"_s << u"https://other.example/t"_s
                              << u"https://other.example/t"_s;
    QTest::newRow("empty") << u"https://h.example/fhir/r4"_s << QString() << QString();
}

void TestSmartConfiguration::relativeUrlsResolveAgainstBase()
{
    QFETCH(QString, base);
    QFETCH(QString, reference);
    QFETCH(QString, expected);
    QCOMPARE(resolveAgainstBase(QUrl(base), reference), expected.isEmpty() ? QUrl() : QUrl(expected));

    if (reference.isEmpty())
        return;
    // And inside a document.
    const QByteArray doc = QJsonDocument(QJsonObject{
                                             {u"authorization_endpoint"_s, reference},
                                             {u"token_endpoint"_s, u"token"_s},
                                             {u"code_challenge_methods_supported"_s, QJsonArray{u"S256"_s}},
                                         })
                               .toJson();
    auto config = SmartConfiguration::fromWellKnown(doc, QUrl(base));
    QVERIFY(config.ok());
    QCOMPARE(config->authorizationEndpoint, QUrl(expected));
    QCOMPARE(config->tokenEndpoint, QUrl(u"https://h.example/fhir/r4/token"_s));
}

void TestSmartConfiguration::s256Policy_data()
{
    QTest::addColumn<QByteArray>("methods"); // JSON fragment or empty for "absent"
    QTest::addColumn<bool>("metadata");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("well-known S256") << QByteArray(R"(["S256"])") << false << true;
    QTest::newRow("well-known plain+S256") << QByteArray(R"(["plain","S256"])") << false << true;
    QTest::newRow("well-known plain only") << QByteArray(R"(["plain"])") << false << false;
    QTest::newRow("well-known empty list") << QByteArray("[]") << false << false;
    QTest::newRow("well-known absent") << QByteArray() << false << false;
    QTest::newRow("well-known lower-case s256") << QByteArray(R"(["s256"])") << false << false;
    QTest::newRow("metadata, nothing listed") << QByteArray() << true << true;
}

void TestSmartConfiguration::s256Policy()
{
    QFETCH(QByteArray, methods);
    QFETCH(bool, metadata);
    QFETCH(bool, accepted);
    const QUrl base(u"https://fhir.example/r4"_s);
    Result<SmartConfiguration> parsed;
    if (metadata) {
        parsed = SmartConfiguration::fromCapabilityStatement(
            R"({"resourceType":"CapabilityStatement","rest":[{"security":{"extension":[{"url":"http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris","extension":[{"url":"authorize","valueUri":"https://fhir.example/authorize"},{"url":"token","valueUri":"https://fhir.example/token"}]}]}}]})",
            base);
    } else {
        QByteArray doc =
            R"({"authorization_endpoint":"https://fhir.example/authorize","token_endpoint":"https://fhir.example/token")";
        if (!methods.isEmpty())
            doc += R"(,"code_challenge_methods_supported":)" + methods;
        doc += '}';
        parsed = SmartConfiguration::fromWellKnown(doc, base);
    }
    QVERIFY(parsed.ok());
    auto validated = SmartConfiguration::validated(parsed.value());
    QCOMPARE(validated.ok(), accepted);
    if (!accepted)
        QCOMPARE(validated.error().code(), ErrorCode::Protocol);
}

void TestSmartConfiguration::httpEndpointsRefusedExceptLoopback()
{
    auto make = [](const QString& base, const QString& authorize) {
        const QByteArray doc = QJsonDocument(QJsonObject{
                                                 {u"authorization_endpoint"_s, authorize},
                                                 {u"token_endpoint"_s, u"/token"_s},
                                                 {u"code_challenge_methods_supported"_s, QJsonArray{u"S256"_s}},
                                             })
                                   .toJson();
        auto parsed = SmartConfiguration::fromWellKnown(doc, QUrl(base));
        return parsed.ok() ? SmartConfiguration::validated(parsed.value()) : parsed;
    };
    QVERIFY(!make(u"https://fhir.example/r4"_s, u"http://fhir.example/authorize"_s).ok());
    QVERIFY(!make(u"http://fhir.example/r4"_s, u"https://fhir.example/authorize"_s).ok());
    QVERIFY(make(u"http://127.0.0.1:8080/fhir"_s, u"http://127.0.0.1:8080/authorize"_s).ok());
    QVERIFY(make(u"http://localhost:8080/fhir"_s, u"/authorize"_s).ok());
}

void TestSmartConfiguration::optionalHttpEndpointDropped()
{
    const QByteArray doc =
        R"({"authorization_endpoint":"https://f.example/a","token_endpoint":"https://f.example/t",
        "revocation_endpoint":"http://f.example/revoke","registration_endpoint":"https://f.example/register",
        "code_challenge_methods_supported":["S256"]})";
    auto parsed = SmartConfiguration::fromWellKnown(doc, QUrl(u"https://f.example/r4"_s));
    QVERIFY(parsed.ok());
    QCOMPARE(parsed->revocationEndpoint, QUrl(u"http://f.example/revoke"_s));
    auto config = SmartConfiguration::validated(parsed.value());
    QVERIFY(config.ok());
    QVERIFY(config->revocationEndpoint.isEmpty());
    QCOMPARE(config->registrationEndpoint, QUrl(u"https://f.example/register"_s));
}

void TestSmartConfiguration::malformedDocuments_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("metadata");
    QTest::newRow("html") << QByteArray("<html><body>404</body></html>") << false;
    QTest::newRow("array") << QByteArray("[1,2]") << false;
    QTest::newRow("empty") << QByteArray() << false;
    QTest::newRow("no token endpoint") << QByteArray(R"({"authorization_endpoint":"https://a/b"})") << false;
    QTest::newRow("endpoint not a string")
        << QByteArray(R"({"authorization_endpoint":1,"token_endpoint":"https://a/t"})") << false;
    QTest::newRow("not a CapabilityStatement") << QByteArray(R"({"resourceType":"Patient"})") << true;
    QTest::newRow("xml") << QByteArray("<CapabilityStatement xmlns=\"http://hl7.org/fhir\"/>") << true;
    QTest::newRow("no security") << QByteArray(R"({"resourceType":"CapabilityStatement","rest":[{}]})") << true;
}

void TestSmartConfiguration::malformedDocuments()
{
    QFETCH(QByteArray, body);
    QFETCH(bool, metadata);
    const QUrl base(u"https://f.example/r4"_s);
    auto config = metadata ? SmartConfiguration::fromCapabilityStatement(body, base)
                           : SmartConfiguration::fromWellKnown(body, base);
    QVERIFY(!config.ok());
    QCOMPARE(config.error().code(), ErrorCode::Protocol);
    QVERIFY(!config.error().message().isEmpty());
}

void TestSmartConfiguration::jsonRoundTrip()
{
    const QByteArray doc =
        R"({"authorization_endpoint":"https://f.example/a","token_endpoint":"https://f.example/t",
        "revocation_endpoint":"https://f.example/r","issuer":"https://f.example","capabilities":["client-public"],
        "grant_types_supported":["authorization_code","refresh_token"],"scopes_supported":["openid"],
        "code_challenge_methods_supported":["S256"]})";
    auto config = SmartConfiguration::validated(
        SmartConfiguration::fromWellKnown(doc, QUrl(u"https://f.example/r4/"_s)).value());
    QVERIFY(config.ok());
    auto back = SmartConfiguration::fromJson(config->toJson());
    QVERIFY(back.ok());
    QCOMPARE(back->fhirBaseUrl, QUrl(u"https://f.example/r4"_s));
    QCOMPARE(back->authorizationEndpoint, config->authorizationEndpoint);
    QCOMPARE(back->tokenEndpoint, config->tokenEndpoint);
    QCOMPARE(back->revocationEndpoint, config->revocationEndpoint);
    QCOMPARE(back->issuer, config->issuer);
    QCOMPARE(back->capabilities, config->capabilities);
    QCOMPARE(back->grantTypesSupported, config->grantTypesSupported);
    QCOMPARE(back->source, SmartConfiguration::Source::WellKnown);

    // A metadata-only configuration survives the cache too (no S256 listed).
    SmartConfiguration meta = config.value();
    meta.source = SmartConfiguration::Source::CapabilityStatement;
    meta.codeChallengeMethodsSupported.clear();
    auto metaBack = SmartConfiguration::fromJson(meta.toJson());
    QVERIFY(metaBack.ok());
    QCOMPARE(metaBack->source, SmartConfiguration::Source::CapabilityStatement);
}

void TestSmartConfiguration::mergeMissingEndpoints()
{
    SmartConfiguration a;
    a.authorizationEndpoint = QUrl(u"https://a/authorize"_s);
    a.tokenEndpoint = QUrl(u"https://a/token"_s);
    SmartConfiguration b;
    b.authorizationEndpoint = QUrl(u"https://b/authorize"_s);
    b.registrationEndpoint = QUrl(u"https://b/register"_s);
    a.mergeMissingEndpointsFrom(b);
    QCOMPARE(a.authorizationEndpoint, QUrl(u"https://a/authorize"_s));
    QCOMPARE(a.registrationEndpoint, QUrl(u"https://b/register"_s));
}

void TestSmartConfiguration::isAllowedUrl_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("allowed");
    QTest::newRow("https") << u"https://fhir.example/r4"_s << true;
    QTest::newRow("HTTPS upper") << u"HTTPS://FHIR.EXAMPLE/r4"_s << true;
    QTest::newRow("http remote") << u"http://fhir.example/r4"_s << false;
    QTest::newRow("http 127.0.0.1") << u"http://127.0.0.1:8080/cb"_s << true;
    QTest::newRow("http 127.1.2.3") << u"http://127.1.2.3/cb"_s << true;
    QTest::newRow("http localhost") << u"http://localhost:1234/"_s << true;
    QTest::newRow("http ::1") << u"http://[::1]:1234/"_s << true;
    QTest::newRow("http 128.0.0.1") << u"http://128.0.0.1/"_s << false;
    QTest::newRow("http 10.0.0.1") << u"http://10.0.0.1/"_s << false;
    QTest::newRow("http localhost.evil") << u"http://localhost.evil.example/"_s << false;
    QTest::newRow("http 127.0.0.1.nip") << u"http://127.0.0.1.nip.io/"_s << false;
    QTest::newRow("userinfo") << u"https://user:pw@fhir.example/"_s << false;
    QTest::newRow("ftp") << u"ftp://fhir.example/"_s << false;
    QTest::newRow("custom scheme") << u"com.example.app:/callback"_s << false;
    QTest::newRow("relative") << u"/r4"_s << false;
    QTest::newRow("empty") << QString() << false;
}

void TestSmartConfiguration::isAllowedUrl()
{
    QFETCH(QString, url);
    QFETCH(bool, allowed);
    QCOMPARE(hh::smart::isAllowedUrl(QUrl(url)), allowed);
}

void TestSmartConfiguration::normalizeFhirBase_data()
{
    QTest::addColumn<QString>("in");
    QTest::addColumn<QString>("out");
    QTest::newRow("epic trailing slash")
        << u"https://haiku.wacofhc.org/FHIR/api/FHIR/R4/"_s << u"https://haiku.wacofhc.org/FHIR/api/FHIR/R4"_s;
    QTest::newRow("upper host") << u"https://FHIR.KP.ORG/service/api/FHIR/R4/"_s
                                << u"https://fhir.kp.org/service/api/FHIR/R4"_s;
    QTest::newRow("query+fragment") << u"https://f.example/r4?x=1#y"_s << u"https://f.example/r4"_s;
    QTest::newRow("unchanged") << u"https://f.example/r4"_s << u"https://f.example/r4"_s;
}

void TestSmartConfiguration::normalizeFhirBase()
{
    QFETCH(QString, in);
    QFETCH(QString, out);
    QCOMPARE(hh::smart::normalizeFhirBase(QUrl(in)).toString(), out);
}

void TestSmartConfiguration::wellKnownAndMetadataUrls()
{
    QCOMPARE(wellKnownUrl(QUrl(u"https://f.example/api/FHIR/R4/"_s)),
             QUrl(u"https://f.example/api/FHIR/R4/.well-known/smart-configuration"_s));
    QCOMPARE(metadataUrl(QUrl(u"https://f.example/api/FHIR/R4"_s)),
             QUrl(u"https://f.example/api/FHIR/R4/metadata"_s));
}

void TestSmartConfiguration::guessVendor_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<Vendor>("vendor");
    QTest::newRow("epic sandbox") << u"https://fhir.epic.com/interconnect-fhir-oauth/api/FHIR/R4"_s
                                  << Vendor::Epic;
    QTest::newRow("epichosted") << u"https://epicproxy.et4001.epichosted.com/FHIRProxy/api/FHIR/R4/"_s
                                << Vendor::Epic;
    QTest::newRow("epic path") << u"https://haiku.wacofhc.org/FHIR/api/FHIR/R4/"_s << Vendor::Epic;
    QTest::newRow("athena prod") << u"https://api.platform.athenahealth.com/fhir/r4"_s << Vendor::Athena;
    QTest::newRow("athena preview") << u"https://api.preview.platform.athenahealth.com/fhir/r4"_s
                                    << Vendor::Athena;
    QTest::newRow("cerner") << u"https://fhir-myrecord.cerner.com/r4/ec2458f2"_s << Vendor::Other;
    QTest::newRow("lookalike") << u"https://notathenahealth.com/fhir/r4"_s << Vendor::Other;
    QTest::newRow("demo") << u"http://127.0.0.1:8080/fhir"_s << Vendor::Other;
}

void TestSmartConfiguration::guessVendor()
{
    QFETCH(QString, url);
    QFETCH(Vendor, vendor);
    QCOMPARE(hh::smart::guessVendor(QUrl(url)), vendor);
}

void TestSmartConfiguration::vendorKeys()
{
    for (Vendor v : {Vendor::Epic, Vendor::Athena, Vendor::Other})
        QCOMPARE(vendorFromKey(vendorKey(v)), std::optional<Vendor>(v));
    QCOMPARE(vendorKey(Vendor::Athena), u"athena"_s);
    QVERIFY(!vendorFromKey(u"cerner").has_value());
}

QTEST_GUILESS_MAIN(TestSmartConfiguration)
#include "TestSmartConfiguration.moc"
