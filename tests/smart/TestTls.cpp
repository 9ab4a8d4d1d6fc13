// Certificate errors on the QNetworkAccessManager paths (discovery, token exchange, refresh, JWKS):
// an https server on 127.0.0.1 with a self-signed certificate made at test time must be refused
// with a clear message, and nothing may reach it. A control run that trusts the test certificate
// shows the server itself works. Also: plain http to a non-loopback host is refused before any
// connection.
#include "core/smart/Discovery.h"
#include "core/smart/HttpCall.h"
#include "core/smart/IdToken.h"
#include "core/smart/TokenClient.h"
#include "smart/TlsTestServer.h"

#include <QNetworkAccessManager>
#include <QSslConfiguration>
#include <QTest>

using namespace hh;
using namespace hh::smart;
using namespace Qt::StringLiterals;
using hh::smart::test::TlsTestServer;

namespace {
template<typename T>
bool waitFor(const QFuture<T>& f)
{
    return QTest::qWaitFor([&] { return f.isFinished(); }, 20000);
}
} // namespace

class TestTls : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TlsTestServer> m_server;

    template<typename T>
    void expectCertificateRefused(const QFuture<Result<T>>& future)
    {
        QVERIFY(waitFor(future));
        const Result<T> r = future.result();
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code(), ErrorCode::Network);
        QVERIFY2(r.error().message().contains(u"certificate"_s), qPrintable(r.error().message()));
        QVERIFY2(r.error().message().contains(u"127.0.0.1"_s), qPrintable(r.error().message()));
        QCOMPARE(r.error().detail(), u"TLS certificate refused"_s);
        // The client got as far as the handshake, and no further: nothing was sent.
        QVERIFY(m_server->connections() >= 1);
        QVERIFY(m_server->requests().isEmpty());
    }

private Q_SLOTS:
    void init()
    {
        m_server = std::make_unique<TlsTestServer>();
        QVERIFY(m_server->start());
    }

    void cleanup() { m_server.reset(); }

    void discoveryRefusesTheCertificate()
    {
        QNetworkAccessManager nam;
        expectCertificateRefused(Discovery(&nam).discover(m_server->url(u"/fhir/r4"_s)));
    }

    void tokenExchangeRefusesTheCertificate()
    {
        QNetworkAccessManager nam;
        TokenClient client(&nam);
        TokenClient::CodeExchange exchange;
        exchange.code = SecretBytes(QByteArray("authorization-code-never-sent"));
        exchange.redirectUri = QUrl(u"http://127.0.0.1:8765/callback"_s);
        exchange.codeVerifier = SecretBytes(QByteArray(43, 'v'));
        exchange.clientId = u"client"_s;
        expectCertificateRefused(client.exchangeCode(m_server->url(u"/oauth2/token"_s), exchange));
    }

    void refreshRefusesTheCertificate()
    {
        QNetworkAccessManager nam;
        TokenClient client(&nam);
        expectCertificateRefused(
            client.refresh(m_server->url(u"/oauth2/token"_s), SecretBytes(QByteArray("refresh-token")), u"c"_s));
    }

    void jwksRefusesTheCertificate()
    {
        QNetworkAccessManager nam;
        expectCertificateRefused(fetchJwks(&nam, m_server->url(u"/oauth2/jwks"_s), std::chrono::seconds(10)));
    }

    // Control: the same server, its certificate trusted, answers; so the refusals above are the
    // certificate's doing.
    void trustedCertificateReachesTheServer()
    {
        const QSslConfiguration saved = QSslConfiguration::defaultConfiguration();
        QSslConfiguration trusting = saved;
        trusting.addCaCertificate(m_server->certificate());
        QSslConfiguration::setDefaultConfiguration(trusting);
        QNetworkAccessManager nam;
        QNetworkRequest request(m_server->url(u"/probe"_s));
        auto future = sendHttp(&nam, request, "GET", {}, HttpOptions{});
        const bool finished = waitFor(future);
        QSslConfiguration::setDefaultConfiguration(saved);
        QVERIFY(finished);
        QVERIFY2(future.result().ok(), qPrintable(future.result().ok() ? QString() : future.result().error().detail()));
        QCOMPARE(future.result()->status, 200);
        QCOMPARE(m_server->requests().size() >= 1, true);
        QVERIFY(m_server->requests().first().startsWith("GET /probe"));
    }

    void plainHttpToOtherHostsIsRefused_data()
    {
        QTest::addColumn<QUrl>("url");
        QTest::newRow("documentation address") << QUrl(u"http://192.0.2.10/oauth2/token"_s);
        QTest::newRow("host name") << QUrl(u"http://fhir.example.org/oauth2/token"_s);
        QTest::newRow("private network") << QUrl(u"http://10.0.0.1/oauth2/token"_s);
    }

    void plainHttpToOtherHostsIsRefused()
    {
        QFETCH(QUrl, url);
        QNetworkAccessManager nam;
        TokenClient client(&nam);
        auto refreshed = client.refresh(url, SecretBytes(QByteArray("refresh-token")), u"c"_s);
        QVERIFY(waitFor(refreshed));
        QVERIFY(!refreshed.result().ok());
        QCOMPARE(refreshed.result().error().code(), ErrorCode::Protocol);
        QVERIFY(refreshed.result().error().message().contains(u"https"_s));

        QUrl base = url;
        base.setPath(u"/fhir/r4"_s);
        auto discovered = Discovery(&nam).discover(base);
        QVERIFY(waitFor(discovered));
        QVERIFY(!discovered.result().ok());
        // Refused by the URL policy (InvalidInput), not after trying the network.
        QCOMPARE(discovered.result().error().code(), ErrorCode::InvalidInput);
    }
};

QTEST_GUILESS_MAIN(TestTls)
#include "TestTls.moc"
