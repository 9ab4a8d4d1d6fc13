// The login window against a portal with a certificate nobody trusts: a health system whose discovery
// answers on loopback http (FakeHttpServer) but whose sign-in page is on an https server with a
// self-signed certificate made at test time (TlsTestServer). The window must refuse the
// certificate, say so clearly, send nothing to that site, exchange and store nothing, and give the
// sign-in's state up so it can never be used.
#include "ConnectTestSupport.h"
#include "LoginModuleSupport.h"

#include "smart/FakeHttpServer.h"
#include "smart/TlsTestServer.h"
#include "ui/connect/LoginDialog.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPushButton>

using namespace hh;
using namespace hh::connect;
using namespace Qt::StringLiterals;
using hh::smart::test::FakeHttpServer;
using hh::smart::test::RecordedRequest;
using hh::smart::test::TlsTestServer;
using hh::ui::LoginDialog;

class TestConnectTls : public QObject
{
    Q_OBJECT

public:
    static void initMain() { test::prepareLoginWindow(); }

private:
    std::unique_ptr<test::VaultFixture> f;
    std::unique_ptr<ConnectService> service;
    std::unique_ptr<FakeHttpServer> discovery;
    std::unique_ptr<TlsTestServer> portal;

    int count(const QString& sql)
    {
        QSqlQuery q = f->query();
        if (!q.exec(sql) || !q.next())
            return -1;
        return q.value(0).toInt();
    }

private Q_SLOTS:
    void init()
    {
        f = std::make_unique<test::VaultFixture>();
        QVERIFY(f->open());
        service = f->service();
        QVERIFY(service->ready().result().ok());
        portal = std::make_unique<TlsTestServer>();
        QVERIFY(portal->start());
        discovery = std::make_unique<FakeHttpServer>();
        discovery->on("GET", u"/fhir/.well-known/smart-configuration"_s, [this](const RecordedRequest&) {
            const QJsonObject config{
                {u"issuer"_s, portal->url(u"/oauth2"_s).toString()},
                {u"jwks_uri"_s, portal->url(u"/oauth2/jwks"_s).toString()},
                {u"authorization_endpoint"_s, portal->url(u"/oauth2/authorize"_s).toString()},
                {u"token_endpoint"_s, portal->url(u"/oauth2/token"_s).toString()},
                {u"capabilities"_s, QJsonArray{u"launch-standalone"_s, u"client-public"_s}},
                {u"code_challenge_methods_supported"_s, QJsonArray{u"S256"_s}}};
            return smart::test::json(QJsonDocument(config).toJson());
        });
        QVERIFY(discovery->start());
    }

    void cleanup()
    {
        service.reset();
        discovery.reset();
        portal.reset();
        f->release();
        f.reset();
    }

    void selfSignedPortalIsRefused()
    {
        auto added = service->addEndpoint(u"Self-signed clinic"_s, discovery->url(u"/fhir"_s), u"client-x"_s);
        QTRY_VERIFY_WITH_TIMEOUT(added.isFinished(), 20000);
        QVERIFY2(added.result().ok(), test::why(added.result()).constData());

        test::LogCapture logs;
        LoginDialog dialog(service.get(), f->mom.id, added.result()->id);
        dialog.show();
        QTRY_VERIFY_WITH_TIMEOUT(dialog.phase() == LoginDialog::Phase::Failed
                                     || dialog.phase() == LoginDialog::Phase::Connected,
                                 30000);
        QCOMPARE(dialog.phase(), LoginDialog::Phase::Failed);
        QVERIFY(dialog.lastError().has_value());
        const QString message = dialog.lastError()->message();
        QVERIFY2(message.contains(u"certificate"_s), qPrintable(message));
        QVERIFY2(message.contains(u"127.0.0.1"_s), qPrintable(message));
        QCOMPARE(dialog.lastError()->detail(), u"certificate error"_s);
        // Shown to the user, with a way to try again.
        auto* status = dialog.findChild<QLabel*>(u"loginStatusLabel"_s);
        QVERIFY(status && status->isVisible());
        QCOMPARE(status->text(), message);
        QVERIFY(dialog.findChild<QPushButton*>(u"retryButton"_s)->isVisible());

        // The browser reached the server (TLS handshake) but sent nothing: no request, no form, no
        // token call.
        QVERIFY(portal->connections() >= 1);
        QVERIFY(portal->requests().isEmpty());
        // Nothing stored; the sign-in's state was given up (never usable for an exchange).
        QCOMPARE(count(u"SELECT count(*) FROM profile_emr_connections"_s), 0);
        QTRY_COMPARE_WITH_TIMEOUT(count(u"SELECT count(*) FROM oauth_states WHERE used_at IS NULL"_s), 0, 10000);
        QCOMPARE(count(u"SELECT count(*) FROM oauth_states"_s), 1);
        // No URL with a query (state, PKCE challenge) in the log.
        QVERIFY(!logs.joined().contains(u"code_challenge"_s));
        f->release();
    }
};

QTEST_MAIN(TestConnectTls)
#include "TestConnectTls.moc"
