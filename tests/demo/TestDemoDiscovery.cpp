// Discovery documents of demo-epic and demo-athena, compared with the vendors' live documents in the corpus.

#include "DemoTestSupport.h"

#include <QDir>
#include <QFile>

using namespace hh::demo;
using namespace hh::demo::test;
using namespace Qt::StringLiterals;

namespace {

QJsonObject corpusJson(const QString& relative)
{
    QFile f(QStringLiteral(HH_CORPUS_DIR) + u'/' + relative);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

QStringList strings(const QJsonValue& v)
{
    QStringList out;
    for (const QJsonValue& x : v.toArray())
        out.append(x.toString());
    return out;
}

// The oauth-uris extension(s) of a CapabilityStatement: url -> {name -> uri}.
QHash<QString, QHash<QString, QString>> oauthUris(const QJsonObject& cs)
{
    QHash<QString, QHash<QString, QString>> out;
    const QJsonObject security = cs.value(u"rest"_s).toArray().first().toObject().value(u"security"_s).toObject();
    for (const QJsonValue& e : security.value(u"extension"_s).toArray()) {
        const QJsonObject ext = e.toObject();
        QHash<QString, QString> uris;
        for (const QJsonValue& s : ext.value(u"extension"_s).toArray())
            uris.insert(s.toObject().value(u"url"_s).toString(), s.toObject().value(u"valueUri"_s).toString());
        out.insert(ext.value(u"url"_s).toString(), uris);
    }
    return out;
}

} // namespace

class TestDemoDiscovery : public QObject
{
    Q_OBJECT

    DemoServer m_server;
    HttpClient m_http;

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_server.start({}).ok()); }

    void endpoints()
    {
        const QList<DemoEndpoint> eps = m_server.endpoints();
        QCOMPARE(eps.size(), 2);
        QCOMPARE(eps.at(0).id, u"demo-epic"_s);
        QCOMPARE(eps.at(0).vendor, u"epic"_s);
        QCOMPARE(eps.at(0).fhirBaseUrl.toString(),
                 u"http://127.0.0.1:%1/demo-epic/api/FHIR/R4"_s.arg(m_server.port()));
        QCOMPARE(eps.at(1).id, u"demo-athena"_s);
        QCOMPARE(eps.at(1).vendor, u"athena"_s);
        QCOMPARE(eps.at(1).fhirBaseUrl.toString(),
                 u"http://127.0.0.1:%1/demo-athena/fhir/r4"_s.arg(m_server.port()));
        // A second server gets its own free port.
        DemoServer other;
        const auto port = other.start({});
        QVERIFY(port.ok());
        QVERIFY(*port != m_server.port());
        // The same port twice fails cleanly.
        DemoServer clash;
        DemoServerOptions o;
        o.port = m_server.port();
        QVERIFY(!clash.start(o).ok());
    }

    void smartConfiguration_data()
    {
        QTest::addColumn<QString>("endpoint");
        QTest::addColumn<QString>("corpusFile");
        QTest::newRow("epic") << u"demo-epic"_s
                              << u"smart-config/epic-sandbox/epic-fhir-r4-smart-configuration.json"_s;
        QTest::newRow("athena") << u"demo-athena"_s
                                << u"smart-config/athenahealth/athenahealth-smart-configuration.json"_s;
    }

    void smartConfiguration()
    {
        QFETCH(QString, endpoint);
        QFETCH(QString, corpusFile);
        const HttpResult r = m_http.get(
            QUrl(m_server.endpoint(endpoint)->fhirBaseUrl.toString() + u"/.well-known/smart-configuration"_s));
        QCOMPARE(r.status, 200);
        QVERIFY(r.header("Content-Type").startsWith("application/json"));
        const QJsonObject ours = r.json();
        const QJsonObject real = corpusJson(corpusFile);
        if (real.isEmpty())
            QSKIP("fhir-corpus not available (HH_CORPUS_DIR)");
        // Every field of the vendor's document that a SMART client uses is there, with the same JSON type.
        for (const QString& key :
             {u"authorization_endpoint"_s, u"token_endpoint"_s, u"capabilities"_s,
              u"code_challenge_methods_supported"_s, u"grant_types_supported"_s, u"issuer"_s, u"jwks_uri"_s,
              u"response_types_supported"_s, u"token_endpoint_auth_methods_supported"_s}) {
            if (!real.contains(key))
                continue;
            QVERIFY2(ours.contains(key), qPrintable(key));
            QCOMPARE(ours.value(key).type(), real.value(key).type());
        }
        for (const QString& key : real.keys())
            if (key.endsWith(u"_endpoint"_s))
                QVERIFY2(ours.contains(key), qPrintable(key));
        QCOMPARE(strings(ours.value(u"code_challenge_methods_supported"_s)), QStringList{u"S256"_s});
        QCOMPARE(strings(ours.value(u"code_challenge_methods_supported"_s)),
                 strings(real.value(u"code_challenge_methods_supported"_s)));
        // Capabilities a patient app needs, present in the vendor's list and in ours.
        for (const QString& cap :
             {u"launch-standalone"_s, u"client-public"_s, u"context-standalone-patient"_s, u"permission-patient"_s,
              u"permission-offline"_s, u"permission-v1"_s, u"permission-v2"_s, u"sso-openid-connect"_s}) {
            QVERIFY2(strings(real.value(u"capabilities"_s)).contains(cap), qPrintable(cap));
            QVERIFY2(strings(ours.value(u"capabilities"_s)).contains(cap), qPrintable(cap));
        }
        if (endpoint == u"demo-epic") {
            QVERIFY(strings(ours.value(u"grant_types_supported"_s))
                        .contains(u"urn:ietf:params:oauth:grant-type:jwt-bearer"_s));
            QVERIFY(!ours.contains(u"registration_endpoint"_s)); // Epic lists it in /metadata only
        } else {
            QVERIFY(ours.contains(u"token_endpoint_auth_methods"_s)); // athena's second spelling
            QVERIFY(strings(ours.value(u"token_endpoint_auth_methods_supported"_s)).contains(u"none"_s));
        }
        // Every URL is on this server, under the endpoint, and the key set is served.
        const QString root = m_server.endpoint(endpoint)->fhirBaseUrl.toString().section(u'/', 0, 3);
        for (const QString& key : {u"authorization_endpoint"_s, u"token_endpoint"_s, u"revocation_endpoint"_s,
                                   u"introspection_endpoint"_s, u"jwks_uri"_s, u"issuer"_s})
            QVERIFY2(ours.value(key).toString().startsWith(root + u'/'), qPrintable(key));
        const HttpResult keys = m_http.get(QUrl(ours.value(u"jwks_uri"_s).toString()));
        QCOMPARE(keys.status, 200);
        const QJsonObject jwk = keys.json().value(u"keys"_s).toArray().first().toObject();
        QCOMPARE(jwk.value(u"kty"_s).toString(), u"RSA"_s);
        QVERIFY(!jwk.value(u"n"_s).toString().isEmpty());
    }

    void capabilityStatement_data()
    {
        QTest::addColumn<QString>("endpoint");
        QTest::addColumn<QString>("corpusFile");
        QTest::newRow("epic") << u"demo-epic"_s
                              << u"smart-config/epic-sandbox/epic-fhir-r4-capabilitystatement.json"_s;
        QTest::newRow("athena") << u"demo-athena"_s
                                << u"smart-config/athenahealth/athenahealth-fhir-capabilitystatement.json"_s;
    }

    void capabilityStatement()
    {
        QFETCH(QString, endpoint);
        QFETCH(QString, corpusFile);
        const QString base = m_server.endpoint(endpoint)->fhirBaseUrl.toString();
        const HttpResult r = m_http.get(QUrl(base + u"/metadata"_s), {{"Accept", "application/fhir+json"}});
        QCOMPARE(r.status, 200);
        const QJsonObject cs = r.json();
        QCOMPARE(cs.value(u"resourceType"_s).toString(), u"CapabilityStatement"_s);
        QCOMPARE(cs.value(u"fhirVersion"_s).toString(), u"4.0.1"_s);
        const auto ours = oauthUris(cs);
        const QJsonObject real = corpusJson(corpusFile);
        if (real.isEmpty())
            QSKIP("fhir-corpus not available (HH_CORPUS_DIR)");
        const auto theirs = oauthUris(real);
        // Same extension URLs (athena: the standard one and the bogus DSTU2 one), same sub-extension names.
        QCOMPARE(QSet<QString>(ours.keyBegin(), ours.keyEnd()), QSet<QString>(theirs.keyBegin(), theirs.keyEnd()));
        for (auto it = theirs.cbegin(); it != theirs.cend(); ++it)
            for (const QString& name : it.value().keys())
                QVERIFY2(ours.value(it.key()).contains(name), qPrintable(name));
        // They agree with smart-configuration.
        const QJsonObject smart = m_http.get(QUrl(base + u"/.well-known/smart-configuration"_s)).json();
        const auto standard =
            ours.value(u"http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris"_s);
        QCOMPARE(standard.value(u"authorize"_s), smart.value(u"authorization_endpoint"_s).toString());
        QCOMPARE(standard.value(u"token"_s), smart.value(u"token_endpoint"_s).toString());
        // The resource types the demo serves are declared.
        QStringList types;
        for (const QJsonValue& res :
             cs.value(u"rest"_s).toArray().first().toObject().value(u"resource"_s).toArray())
            types.append(res.toObject().value(u"type"_s).toString());
        for (const QString& t :
             SyntheticFamily::searchTypes(endpoint == u"demo-epic" ? Vendor::Epic : Vendor::Athena))
            if (!(endpoint == u"demo-epic" && t == u"Coverage"))
                QVERIFY2(types.contains(t), qPrintable(t));
    }

    // Epic: XML without Accept; the register URI only with Epic-Client-ID.
    void epicMetadataQuirks()
    {
        const QString base = m_server.endpoint(u"demo-epic"_s)->fhirBaseUrl.toString();
        const HttpResult xml = m_http.get(QUrl(base + u"/metadata"_s));
        QCOMPARE(xml.status, 200);
        QVERIFY(xml.header("Content-Type").contains("xml"));
        QVERIFY(xml.body.contains("<CapabilityStatement"));
        QVERIFY(!xml.body.contains("register"));
        const auto plain =
            oauthUris(m_http.get(QUrl(base + u"/metadata"_s), {{"Accept", "application/json"}}).json());
        QVERIFY(!plain.begin().value().contains(u"register"_s));
        const auto withId = oauthUris(m_http
                                          .get(QUrl(base + u"/metadata"_s), {{"Accept", "application/json"},
                                                                             {"Epic-Client-ID", "healthhub-demo"}})
                                          .json());
        QCOMPARE(withId.begin().value().value(u"register"_s), base.section(u'/', 0, 3) + u"/oauth2/register"_s);
    }

    void unknownPathsAnd404()
    {
        const QString origin = u"http://127.0.0.1:%1"_s.arg(m_server.port());
        QCOMPARE(m_http.get(QUrl(origin + u"/nope"_s)).status, 404);
        QCOMPARE(m_http.get(QUrl(origin + u"/demo-epic/elsewhere"_s)).status, 404);
        const HttpResult index = m_http.get(QUrl(origin + u"/"_s));
        QCOMPARE(index.status, 200);
        QVERIFY(index.body.contains("/demo-athena/fhir/r4"));
    }

    void stopClosesThePort()
    {
        DemoServer s;
        const auto port = s.start({});
        QVERIFY(port.ok());
        const QUrl url(u"http://127.0.0.1:%1/demo-epic/api/FHIR/R4/metadata"_s.arg(*port));
        QCOMPARE(m_http.get(url, {{"Accept", "application/json"}}).status, 200);
        s.stop();
        QVERIFY(!s.isRunning());
        const HttpResult r = m_http.get(url, {{"Accept", "application/json"}});
        QCOMPARE(r.status, 0);
        QVERIFY(r.error != QNetworkReply::NoError);
        // And it can start again.
        QVERIFY(s.start({}).ok());
    }
};

QTEST_GUILESS_MAIN(TestDemoDiscovery)
#include "TestDemoDiscovery.moc"
