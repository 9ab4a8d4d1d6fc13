// The async Discovery client against an in-test server: well-known, metadata fallback,
// Epic-Client-ID merge, refusals, non-JSON answers, redirects and timeouts.
#include "core/smart/Discovery.h"

#include "smart/FakeHttpServer.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QNetworkAccessManager>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace hh;
using namespace hh::smart;
using namespace hh::smart::test;

class TestDiscovery : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void wellKnown();
    void fallbackToMetadataOn404Html();
    void fallbackWhenWellKnownIsHtmlWith200();
    void fallbackWithCorpusCapabilityStatement();
    void noFallbackWhenS256Missing();
    void metadataXmlIsRefused();
    void bothMissingIsAnError();
    void epicClientIdMergesRegistration();
    void epicClientIdMetadataFailureIsNotFatal();
    void timeoutDoesNotFallBack();
    void refusesNonHttpsBase();
    void redirectToRemoteHttpRefused();
    void loopbackRedirectFollowed();

private:
    QUrl base() const { return m_server->url(u"/fhir/r4"_s); }
    std::unique_ptr<FakeHttpServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_nam;
};

// After the class: moc mis-reads raw JSON strings containing "//" at namespace scope.
namespace {

const QString kWellKnown = u"/fhir/r4/.well-known/smart-configuration"_s;
const QString kMetadata = u"/fhir/r4/metadata"_s;

template <typename T> bool waitFor(const QFuture<T>& future, int ms = 15000)
{
    QDeadlineTimer deadline(ms);
    while (!future.isFinished() && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    return future.isFinished();
}

FakeResponse html(int status)
{
    FakeResponse r;
    r.status = status;
    r.contentType = "text/html";
    r.body = "<!DOCTYPE html><html><body><h1>Not Found</h1></body></html>";
    return r;
}

FakeResponse fhirJson(const QByteArray& body)
{
    FakeResponse r = json(body);
    r.contentType = "application/fhir+json; charset=utf-8";
    return r;
}

const QByteArray kCapabilityStatement =
    R"({"resourceType":"CapabilityStatement","rest":[{"mode":"server","security":{
    "extension":[
      {"url":"http://DSTU2/fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris","extension":[
        {"url":"authorize","valueUri":"https://bogus.example/authorize"}]},
      {"url":"http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris","extension":[
        {"url":"authorize","valueUri":"/oauth2/authorize"},
        {"url":"token","valueUri":"/oauth2/token"},
        {"url":"register","valueUri":"/oauth2/register"},
        {"url":"revoke","valueUri":"/oauth2/revoke"}]}]}}]})";

} // namespace

void TestDiscovery::init()
{
    m_server = std::make_unique<FakeHttpServer>();
    m_nam = std::make_unique<QNetworkAccessManager>();
}

void TestDiscovery::cleanup()
{
    m_nam.reset();
    m_server.reset();
}

void TestDiscovery::wellKnown()
{
    m_server->on("GET", kWellKnown, [](const RecordedRequest&) {
        return json(R"({"authorization_endpoint":"auth/authorize","token_endpoint":"/oauth2/token",
            "revocation_endpoint":"https://idp.example/revoke","capabilities":["launch-standalone","client-public"],
            "code_challenge_methods_supported":["S256"],"grant_types_supported":["authorization_code"]})");
    });
    QVERIFY(m_server->start());
    auto future = Discovery(m_nam.get()).discover(base());
    QVERIFY(waitFor(future));
    auto config = future.result();
    QVERIFY2(config.ok(), qPrintable(config.ok() ? QString() : config.error().detail()));
    QCOMPARE(config->source, SmartConfiguration::Source::WellKnown);
    QCOMPARE(config->authorizationEndpoint, m_server->url(u"/fhir/r4/auth/authorize"_s));
    QCOMPARE(config->tokenEndpoint, m_server->url(u"/oauth2/token"_s));
    QCOMPARE(config->revocationEndpoint, QUrl(u"https://idp.example/revoke"_s));
    QVERIFY(config->hasCapability(u"client-public"));
    QCOMPARE(m_server->count(kMetadata), 0);
    QCOMPARE(m_server->last(kWellKnown).header("Accept"), QByteArray("application/json"));
}

void TestDiscovery::fallbackToMetadataOn404Html()
{
    m_server->on("GET", kWellKnown, [](const RecordedRequest&) { return html(404); });
    m_server->on("GET", kMetadata, [](const RecordedRequest&) { return fhirJson(kCapabilityStatement); });
    QVERIFY(m_server->start());
    auto future = Discovery(m_nam.get()).discover(base());
    QVERIFY(waitFor(future));
    auto config = future.result();
    QVERIFY2(config.ok(), qPrintable(config.ok() ? QString() : config.error().detail()));
    QCOMPARE(config->source, SmartConfiguration::Source::CapabilityStatement);
    QCOMPARE(config->authorizationEndpoint, m_server->url(u"/oauth2/authorize"_s)); // exact URL wins
    QCOMPARE(config->tokenEndpoint, m_server->url(u"/oauth2/token"_s));
    QCOMPARE(config->registrationEndpoint, m_server->url(u"/oauth2/register"_s));
    QCOMPARE(config->revocationEndpoint, m_server->url(u"/oauth2/revoke"_s));
    QVERIFY(m_server->last(kMetadata).header("Accept").startsWith("application/fhir+json"));
    QVERIFY(m_server->last(kMetadata).header("Epic-Client-ID").isEmpty());
}

void TestDiscovery::fallbackWhenWellKnownIsHtmlWith200()
{
    m_server->on("GET", kWellKnown, [](const RecordedRequest&) { return html(200); });
    m_server->on("GET", kMetadata, [](const RecordedRequest&) { return fhirJson(kCapabilityStatement); });
    QVERIFY(m_server->start());
    auto future = Discovery(m_nam.get()).discover(base());
    QVERIFY(waitFor(future));
    QVERIFY(future.result().ok());
    QCOMPARE(future.result()->source, SmartConfiguration::Source::CapabilityStatement);
}

void TestDiscovery::fallbackWithCorpusCapabilityStatement()
{
    QFile f(QStringLiteral(HH_CORPUS_DIR) +
            u"/smart-config/athenahealth/athenahealth-fhir-capabilitystatement.json"_s);
    if (!f.open(QIODevice::ReadOnly))
        QSKIP("fhir-corpus not present (HH_CORPUS_DIR)");
    const QByteArray body = f.readAll();
    m_server->on("GET", kWellKnown, [](const RecordedRequest&) { return html(404); });
    m_server->on("GET", kMetadata, [body](const RecordedRequest&) { return fhirJson(body); });
    QVERIFY(m_server->start());
    auto future = Discovery(m_nam.get()).discover(base());
    QVERIFY(waitFor(future));
    QVERIFY(future.result().ok());
    QCOMPARE(future.result()->authorizationEndpoint,
             QUrl(u"https://api.platform.athenahealth.com/oauth2/v1/authorize"_s));
    QCOMPARE(future.result()->revocationEndpoint,
             QUrl(u"https://api.platform.athenahealth.com/oauth2/v1/revoke"_s));
}

void TestDiscovery::noFallbackWhenS256Missing()
{
    m_server->on("GET", kWellKnown, [](const RecordedRequest&) {
        return json(
            R"({"authorization_endpoint":"/a","token_endpoint":"/t","code_challenge_methods_supported":["plain"]})");
    });
    m_server->on("GET", kMetadata, [](const RecordedRequest&) { return fhirJson(kCapabilityStatement); });
    QVERIFY(m_server->start());
    auto future = Discovery(m_nam.get()).discover(base());
    QVERIFY(waitFor(future));
    QVERIFY(!future.result().ok());
    QCOMPARE(future.result().error().code(), ErrorCode::Protocol);
    QCOMPARE(m_server->count(kMetadata), 0);
}

void TestDiscovery::metadataXmlIsRefused()
{
    m_server->on("GET", kWellKnown, [](const RecordedRequest&) { return html(404); });
    m_server->on("GET", kMetadata, [](const RecordedRequest&) {
        FakeResponse r;
        r.contentType = "application/fhir+xml";
        r.body = "<CapabilityStatement xmlns=\"http://hl7.org/fhir\"></CapabilityStatement>";
        return r;
    });
    QVERIFY(m_server->start());
    auto future = Discovery(m_nam.get()).discover(base());
    QVERIFY(waitFor(future));
    QVERIFY(!future.result().ok());
    QCOMPARE(future.result().error().code(), ErrorCode::Protocol);
}

void TestDiscovery::bothMissingIsAnError()
{
    QVERIFY(m_server->start()); // no handlers: 404 HTML for both
    auto future = Discovery(m_nam.get()).discover(base());
    QVERIFY(waitFor(future));
    QVERIFY(!future.result().ok());
    QCOMPARE(future.result().error().code(), ErrorCode::Server);
    QCOMPARE(m_server->count(kWellKnown), 1);
    QCOMPARE(m_server->count(kMetadata), 1);

    Discovery::Options noFallback;
    noFallback.allowMetadataFallback = false;
    auto second = Discovery(m_nam.get()).discover(base(), noFallback);
    QVERIFY(waitFor(second));
    QVERIFY(!second.result().ok());
    QCOMPARE(m_server->count(kMetadata), 1);
}

void TestDiscovery::epicClientIdMergesRegistration()
{
    m_server->on("GET", kWellKnown, [](const RecordedRequest&) {
        return json(R"({"authorization_endpoint":"/oauth2/authorize","token_endpoint":"/oauth2/token",
            "code_challenge_methods_supported":["S256"],
            "grant_types_supported":["authorization_code","urn:ietf:params:oauth:grant-type:jwt-bearer"]})");
    });
    m_server->on("GET", kMetadata, [](const RecordedRequest& req) {
        // Like Epic: the DCR endpoint only for a known client.
        if (req.header("Epic-Client-ID") != "my-epic-client")
            return fhirJson(
                R"({"resourceType":"CapabilityStatement","rest":[{"security":{"extension":[{"url":"http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris","extension":[{"url":"authorize","valueUri":"/oauth2/authorize"},{"url":"token","valueUri":"/oauth2/token"}]}]}}]})");
        return fhirJson(kCapabilityStatement);
    });
    QVERIFY(m_server->start());

    auto plain = Discovery(m_nam.get()).discover(base());
    QVERIFY(waitFor(plain));
    QVERIFY(plain.result().ok());
    QVERIFY(plain.result()->registrationEndpoint.isEmpty());
    QCOMPARE(m_server->count(kMetadata), 0);

    Discovery::Options options;
    options.epicClientId = u"my-epic-client"_s;
    auto future = Discovery(m_nam.get()).discover(base(), options);
    QVERIFY(waitFor(future));
    auto config = future.result();
    QVERIFY(config.ok());
    QCOMPARE(config->source, SmartConfiguration::Source::WellKnown);
    QCOMPARE(config->registrationEndpoint, m_server->url(u"/oauth2/register"_s));
    QVERIFY(config->supportsJwtBearer());
    QCOMPARE(m_server->last(kMetadata).header("Epic-Client-ID"), QByteArray("my-epic-client"));
}

void TestDiscovery::epicClientIdMetadataFailureIsNotFatal()
{
    m_server->on("GET", kWellKnown, [](const RecordedRequest&) {
        return json(
            R"({"authorization_endpoint":"/a","token_endpoint":"/t","code_challenge_methods_supported":["S256"]})");
    });
    QVERIFY(m_server->start()); // metadata: 404
    Discovery::Options options;
    options.epicClientId = u"x"_s;
    auto future = Discovery(m_nam.get()).discover(base(), options);
    QVERIFY(waitFor(future));
    QVERIFY(future.result().ok());
    QVERIFY(future.result()->registrationEndpoint.isEmpty());
    QCOMPARE(m_server->count(kMetadata), 1);
}

void TestDiscovery::timeoutDoesNotFallBack()
{
    m_server->on("GET", kWellKnown, [](const RecordedRequest&) {
        FakeResponse r;
        r.neverAnswer = true;
        return r;
    });
    m_server->on("GET", kMetadata, [](const RecordedRequest&) { return fhirJson(kCapabilityStatement); });
    QVERIFY(m_server->start());
    Discovery::Options options;
    options.timeout = std::chrono::milliseconds(300);
    auto future = Discovery(m_nam.get()).discover(base(), options);
    QVERIFY(waitFor(future));
    QVERIFY(!future.result().ok());
    QCOMPARE(future.result().error().code(), ErrorCode::Network);
    QCOMPARE(m_server->count(kMetadata), 0);
}

void TestDiscovery::refusesNonHttpsBase()
{
    auto future = Discovery(m_nam.get()).discover(QUrl(u"http://fhir.example.org/r4"_s));
    QVERIFY(future.isFinished());
    QCOMPARE(future.result().error().code(), ErrorCode::InvalidInput);
}

void TestDiscovery::redirectToRemoteHttpRefused()
{
    m_server->on("GET", kWellKnown, [](const RecordedRequest&) {
        FakeResponse r;
        r.status = 302;
        r.contentType = "text/html";
        r.headers.append(
            qMakePair(QByteArray("Location"), QByteArray("http://203.0.113.7/.well-known/smart-configuration")));
        return r;
    });
    QVERIFY(m_server->start());
    auto future = Discovery(m_nam.get()).discover(base());
    QVERIFY(waitFor(future));
    QVERIFY(!future.result().ok());
    QCOMPARE(future.result().error().code(), ErrorCode::Protocol);
    QCOMPARE(m_server->count(kMetadata), 0);
}

void TestDiscovery::loopbackRedirectFollowed()
{
    m_server->on("GET", kWellKnown, [this](const RecordedRequest&) {
        FakeResponse r;
        r.status = 301;
        r.contentType = "text/html";
        r.headers.append(
            qMakePair(QByteArray("Location"), m_server->url(u"/moved/smart-configuration"_s).toEncoded()));
        return r;
    });
    m_server->on("GET", u"/moved/smart-configuration"_s, [](const RecordedRequest&) {
        return json(R"({"authorization_endpoint":"https://idp.example/a","token_endpoint":"https://idp.example/t",
            "code_challenge_methods_supported":["S256"]})");
    });
    QVERIFY(m_server->start());
    auto future = Discovery(m_nam.get()).discover(base());
    QVERIFY(waitFor(future));
    QVERIFY2(future.result().ok(),
             qPrintable(future.result().ok() ? QString() : future.result().error().detail()));
    QCOMPARE(future.result()->tokenEndpoint, QUrl(u"https://idp.example/t"_s));
}

QTEST_GUILESS_MAIN(TestDiscovery)
#include "TestDiscovery.moc"
