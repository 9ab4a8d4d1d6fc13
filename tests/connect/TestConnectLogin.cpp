// End to end through the real QWebEngineView of the login window against the demo health systems:
// happy path (both flavors) with proof that no token, code or state is in clear in the vault files
// or the log, cancel, a forged / expired / reused state, consent denied, an insecure page refused,
// an unreachable portal, the "open in my browser" fallback, and a missing login window module.
#include "ConnectTestSupport.h"
#include "LoginModuleSupport.h"
#include "WebTestSupport.h"

#include "core/connect/DemoEndpoints.h"
#include "core/connect/EndpointSettings.h"
#include "core/demo/DemoServer.h"
#include "ui/connect/LoginDialog.h"

#include <QLabel>
#include <QLineEdit>
#include <QLoggingCategory>
#include <QPushButton>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QToolButton>
#include <QWebEngineProfile>

using namespace hh;
using namespace hh::connect;
using namespace Qt::StringLiterals;
using hh::ui::LoginDialog;

class TestConnectLogin : public QObject
{
    Q_OBJECT

public:
    static void initMain() { test::prepareLoginWindow(); }

private:
    std::unique_ptr<test::VaultFixture> f;
    std::unique_ptr<ConnectService> service;
    std::unique_ptr<demo::DemoServer> autoServer;   // portal pages submit themselves
    std::unique_ptr<demo::DemoServer> manualServer; // the test fills them in
    test::TestClock clock;

    void use(const demo::DemoServer& server)
    {
        for (const demo::DemoEndpoint& e : server.endpoints())
            DemoEndpoints::registerBaseUrl(e.id, e.fhirBaseUrl);
    }

    std::unique_ptr<LoginDialog> openLogin(const QString& endpointId, const QString& hint,
                                           const QUrl& redirect = {})
    {
        LoginDialog::Options options;
        options.loginHint = hint;
        options.redirectUri = redirect;
        auto dialog = std::make_unique<LoginDialog>(service.get(), f->mom.id, endpointId, options);
        dialog->show();
        return dialog;
    }

    int pendingStates()
    {
        QSqlQuery q = f->query();
        q.exec(u"SELECT count(*) FROM oauth_states WHERE used_at IS NULL"_s);
        return q.next() ? q.value(0).toInt() : -1;
    }

    int connectionCount() { return static_cast<int>(service->connections(f->mom.id).result()->size()); }

private Q_SLOTS:
    void init()
    {
        QLoggingCategory::setFilterRules(u"hh.*.debug=true"_s); // capture everything the app could log
        f = std::make_unique<test::VaultFixture>();
        QVERIFY(f->open());
        clock = test::TestClock();
        ConnectService::Options options;
        options.clock = clock.function();
        service = f->service(options);
        QVERIFY(service->ready().result().ok());
        autoServer = std::make_unique<demo::DemoServer>();
        demo::DemoServerOptions autoOptions;
        autoOptions.autoApprove = true;
        QVERIFY(autoServer->start(autoOptions).ok());
        manualServer = std::make_unique<demo::DemoServer>();
        QVERIFY(manualServer->start({}).ok());
    }

    void cleanup()
    {
        service.reset();
        f->release();
        f.reset();
        autoServer.reset();
        manualServer.reset();
        DemoEndpoints::unregisterAll();
        QLoggingCategory::setFilterRules(QString());
    }

    void happyPath_data()
    {
        QTest::addColumn<QString>("endpointId");
        QTest::addColumn<QString>("vendor");
        QTest::newRow("demo-epic") << u"demo-epic"_s << u"epic"_s;
        QTest::newRow("demo-athena") << u"demo-athena"_s << u"athena"_s;
    }

    void happyPath()
    {
        QFETCH(QString, endpointId);
        QFETCH(QString, vendor);
        test::LogCapture logs;
        use(*autoServer);
        auto dialog = openLogin(endpointId, u"mother"_s);
        QSignalSpy connected(dialog.get(), &LoginDialog::connected);
        QTRY_COMPARE_WITH_TIMEOUT(dialog->phase(), LoginDialog::Phase::Connected, 30000);
        QCOMPARE(connected.count(), 1);
        QCOMPARE(dialog->result(), int(QDialog::Accepted));

        // The browser profile was a fresh off-the-record one; the address bar showed the portal's host.
        QWebEnginePage* page = test::loginPage(dialog.get());
        QVERIFY(page);
        QVERIFY(page->profile()->isOffTheRecord());
        QVERIFY(page->profile()->storageName().isEmpty());
        const auto* address = dialog->findChild<QLineEdit*>(u"addressBarLineEdit"_s);
        QCOMPARE(address->text(), u"127.0.0.1:%1"_s.arg(autoServer->port()));
        QVERIFY(address->isReadOnly());
        QVERIFY(!dialog->findChild<QLabel*>(u"lockIconLabel"_s)->isVisible()); // http on loopback: no lock

        // The connection is stored for the patient chosen at the portal.
        auto list = service->connections(f->mom.id).result();
        QVERIFY(list.ok());
        QCOMPARE(list->size(), 1);
        const EmrConnection c = list->first();
        QCOMPARE(c.id, dialog->connection()->id);
        QCOMPARE(c.endpointId, endpointId);
        QCOMPARE(c.provider, vendor);
        QCOMPARE(c.status, ConnectionStatus::Connected);
        const auto mother = autoServer->family().patient(u"mother"_s);
        QVERIFY(mother.has_value());
        QCOMPARE(c.patientEmrId, mother->idAt(vendor == u"epic" ? demo::Vendor::Epic : demo::Vendor::Athena));
        QVERIFY(c.expiresAt > QDateTime::currentDateTimeUtc().addSecs(600));
        QVERIFY(!c.scope.isEmpty());

        // Tokens: sealed with the vault's secrets key, and they work at the server.
        const SecretBytes key = f->vault->secretsKey();
        auto access = crypto::open(key, c.accessTokenEncrypted);
        QVERIFY(access.ok());
        const QByteArray accessToken = access->toByteArray();
        QVERIFY(accessToken.size() >= 16);
        QVERIFY(!c.accessTokenEncrypted.contains(accessToken));
        const QUrl base = autoServer->endpoint(endpointId)->fhirBaseUrl;
        QCOMPARE(test::fhirStatus(base, c.patientEmrId, accessToken), 200);
        QList<QByteArray> secrets{accessToken};
        if (vendor == u"athena") {
            auto refresh = crypto::open(key, c.refreshTokenEncrypted);
            QVERIFY(refresh.ok());
            secrets.append(refresh->toByteArray());
            QVERIFY(c.dynamicClientId.isEmpty());
        } else {
            // Epic: no refresh token; the device was registered (DCR) and its key is sealed.
            QVERIFY(c.refreshTokenEncrypted.isEmpty());
            QVERIFY(!c.dynamicClientId.isEmpty());
            QVERIFY(!c.keyId.isEmpty());
            auto pem = crypto::open(key, c.privateKeyEncrypted);
            QVERIFY(pem.ok());
            QVERIFY(pem->toByteArray().startsWith("-----BEGIN PRIVATE KEY-----"));
            QVERIFY(!c.privateKeyEncrypted.contains("PRIVATE KEY"));
            secrets.append(pem->toByteArray().mid(40, 64)); // a piece of the key material
        }

        // The state: consumed, and never in the log.
        QSqlQuery q = f->query();
        QVERIFY(q.exec(u"SELECT state, used_at, code_verifier_encrypted FROM oauth_states"_s));
        QVERIFY(q.next());
        const QByteArray state = q.value(0).toString().toUtf8();
        QVERIFY(state.size() >= 22);
        QVERIFY(!q.value(1).isNull());
        QVERIFY(!q.value(2).toByteArray().isEmpty());
        QVERIFY(!q.next());
        q.finish();

        // Nothing secret in clear in the vault files (database, WAL, header, settings).
        const QByteArray files = f->allFileBytes();
        QVERIFY(files.size() > 4096);
        for (const QByteArray& secret : secrets)
            QVERIFY2(!files.contains(secret), "a token is in clear in the vault files");
        QVERIFY(!files.contains("BEGIN PRIVATE KEY"));

        // Nor in the log: no token, no state, no code or state parameter of the redirect.
        const QStringList lines = logs.lines();
        QVERIFY(!lines.isEmpty()); // the log was captured (debug included)
        for (const QByteArray& secret : secrets)
            QVERIFY2(logs.lineContaining(secret).isEmpty(), qPrintable(logs.lineContaining(secret)));
        QVERIFY2(logs.lineContaining(state).isEmpty(), qPrintable(logs.lineContaining(state)));
        QVERIFY2(logs.lineContaining("code=").isEmpty(), qPrintable(logs.lineContaining("code=")));
        QVERIFY2(logs.lineContaining("state=").isEmpty(), qPrintable(logs.lineContaining("state=")));
        QVERIFY2(logs.lineContaining("code_verifier").isEmpty(), qPrintable(logs.lineContaining("code_verifier")));
    }

    void cancelGivesTheStateUp()
    {
        use(*manualServer);
        auto dialog = openLogin(u"demo-athena"_s, {});
        QTRY_COMPARE_WITH_TIMEOUT(dialog->phase(), LoginDialog::Phase::Portal, 20000);
        QWebEnginePage* page = test::loginPage(dialog.get());
        QVERIFY(test::waitForElement(page, u"login-form"_s));
        QCOMPARE(dialog->findChild<QLineEdit*>(u"addressBarLineEdit"_s)->text(),
                 u"127.0.0.1:%1"_s.arg(manualServer->port()));
        QCOMPARE(pendingStates(), 1);

        QTest::mouseClick(dialog->findChild<QPushButton*>(u"cancelButton"_s), Qt::LeftButton);
        QCOMPARE(dialog->phase(), LoginDialog::Phase::Cancelled);
        QVERIFY(!dialog->isVisible());
        QCOMPARE(dialog->result(), int(QDialog::Rejected));
        QTRY_COMPARE_WITH_TIMEOUT(pendingStates(), 0, 10000); // consumed: can never be used
        QCOMPARE(connectionCount(), 0);
    }

    void forgedStateIsRefused()
    {
        use(*manualServer);
        auto dialog = openLogin(u"demo-epic"_s, {});
        QSignalSpy failed(dialog.get(), &LoginDialog::failed);
        QTRY_COMPARE_WITH_TIMEOUT(dialog->phase(), LoginDialog::Phase::Portal, 20000);
        QWebEnginePage* page = test::loginPage(dialog.get());
        QVERIFY(test::waitForElement(page, u"login-form"_s));
        // A page sends the browser to the redirect URI with a code and a state of its own.
        const QUrl redirect = EndpointSettings::defaultRedirectUri();
        test::runJs(page, u"window.location.href = '%1?code=forged-code&state=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'; true"_s
                              .arg(redirect.toString()));
        QTRY_COMPARE_WITH_TIMEOUT(dialog->phase(), LoginDialog::Phase::Failed, 20000);
        QCOMPARE(failed.count(), 1);
        QVERIFY(dialog->lastError()->message().contains(u"does not belong"_s));
        QVERIFY(dialog->findChild<QLabel*>(u"loginStatusLabel"_s)->text().contains(u"does not belong"_s));
        QVERIFY(dialog->findChild<QPushButton*>(u"retryButton"_s)->isVisible());
        QCOMPARE(connectionCount(), 0);
        QTRY_COMPARE_WITH_TIMEOUT(pendingStates(), 0, 10000); // the real state was given up too

        // "Try again" starts a new sign-in with a new state.
        QTest::mouseClick(dialog->findChild<QPushButton*>(u"retryButton"_s), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(dialog->phase(), LoginDialog::Phase::Portal, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(pendingStates(), 1, 10000);
        QVERIFY(test::signInOnDemoPortal(test::loginPage(dialog.get()), u"child"_s, true));
        QTRY_COMPARE_WITH_TIMEOUT(dialog->phase(), LoginDialog::Phase::Connected, 30000);
        QCOMPARE(connectionCount(), 1);
    }

    void expiredStateIsRefused()
    {
        use(*manualServer);
        auto dialog = openLogin(u"demo-athena"_s, {});
        QTRY_COMPARE_WITH_TIMEOUT(dialog->phase(), LoginDialog::Phase::Portal, 20000);
        clock.advance(11 * 60); // the user took more than 10 minutes
        QVERIFY(test::signInOnDemoPortal(test::loginPage(dialog.get()), u"father"_s, true));
        QTRY_COMPARE_WITH_TIMEOUT(dialog->phase(), LoginDialog::Phase::Failed, 30000);
        QVERIFY2(dialog->lastError()->message().contains(u"expired"_s), qPrintable(dialog->lastError()->message()));
        QCOMPARE(connectionCount(), 0);
        QCOMPARE(pendingStates(), 0);
    }

    void reusedStateIsRefused()
    {
        use(*autoServer);
        auto begin = service->beginLogin(f->mom.id, u"demo-athena"_s);
        QTRY_VERIFY_WITH_TIMEOUT(begin.isFinished(), 20000);
        const LoginRequest request = begin.result().value();
        QVERIFY(request.authorizeUrl.query().contains(u"code_challenge_method=S256"_s));
        QVERIFY(request.authorizeUrl.query().contains(u"aud="_s));

        smart::RedirectResult denied;
        denied.kind = smart::RedirectResult::Kind::Error;
        denied.state = request.state;
        denied.error = u"access_denied"_s;
        auto first = service->completeLogin(request, denied).result();
        QCOMPARE(first.error().code(), ErrorCode::Unauthorized);

        // The error redirect consumed the state: a code arriving with it later is refused.
        smart::RedirectResult code;
        code.kind = smart::RedirectResult::Kind::Code;
        code.state = request.state;
        code.code = SecretBytes(QByteArray("late-code"));
        auto second = service->completeLogin(request, code).result();
        QVERIFY(!second.ok());
        QVERIFY2(second.error().message().contains(u"already used"_s), test::why(second).constData());
        QCOMPARE(connectionCount(), 0);
    }

    void consentDeniedEndsTheLogin()
    {
        use(*manualServer);
        auto dialog = openLogin(u"demo-athena"_s, {});
        QTRY_COMPARE_WITH_TIMEOUT(dialog->phase(), LoginDialog::Phase::Portal, 20000);
        QVERIFY(test::signInOnDemoPortal(test::loginPage(dialog.get()), u"mother"_s, false));
        QTRY_COMPARE_WITH_TIMEOUT(dialog->phase(), LoginDialog::Phase::Failed, 30000);
        QCOMPARE(dialog->lastError()->code(), ErrorCode::Unauthorized);
        QVERIFY(dialog->lastError()->message().contains(u"not granted"_s));
        QCOMPARE(connectionCount(), 0);
        QCOMPARE(pendingStates(), 0); // the error redirect consumed it
    }

    void insecurePageIsRefused()
    {
        use(*manualServer);
        auto dialog = openLogin(u"demo-epic"_s, {});
        QTRY_COMPARE_WITH_TIMEOUT(dialog->phase(), LoginDialog::Phase::Portal, 20000);
        QWebEnginePage* page = test::loginPage(dialog.get());
        QVERIFY(test::waitForElement(page, u"login-form"_s));
        test::runJs(page, u"window.location.href = 'http://insecure.example.org/login'; true"_s);
        QTRY_COMPARE_WITH_TIMEOUT(dialog->phase(), LoginDialog::Phase::Failed, 20000);
        QVERIFY(dialog->lastError()->message().contains(u"insecure.example.org"_s));
        // Popups are denied: window.open returns null.
        QCOMPARE(test::runJs(page, u"window.open('https://example.org/') === null"_s).toBool(), true);
    }

    void unreachablePortalShowsAnErrorPage()
    {
        use(*manualServer);
        auto dialog = openLogin(u"demo-athena"_s, {});
        QTRY_COMPARE_WITH_TIMEOUT(dialog->phase(), LoginDialog::Phase::Portal, 20000);
        QVERIFY(test::waitForElement(test::loginPage(dialog.get()), u"login-form"_s));
        manualServer->stop();
        QTest::mouseClick(dialog->findChild<QToolButton*>(u"reloadButton"_s), Qt::LeftButton);
        auto* status = dialog->findChild<QLabel*>(u"loginStatusLabel"_s);
        QTRY_VERIFY_WITH_TIMEOUT(status->isVisible() && status->text().contains(u"could not be reached"_s), 20000);
        QVERIFY2(!status->text().contains(u"ERR_"_s), qPrintable(status->text())); // no browser error codes
        QVERIFY(dialog->findChild<QPushButton*>(u"retryButton"_s)->isVisible());
        QCOMPARE(dialog->phase(), LoginDialog::Phase::Portal); // the sign-in itself goes on
    }

    void openInBrowserFallback()
    {
        use(*manualServer);
        const quint16 port = test::freePort();
        const QUrl redirect(u"http://127.0.0.1:%1/callback"_s.arg(port));
        auto dialog = openLogin(u"demo-athena"_s, {}, redirect);
        // "The system browser": a plain page with a profile of its own.
        QWebEngineProfile browserProfile;
        QWebEnginePage browser(&browserProfile);
        QUrl opened;
        dialog->setExternalOpener([&](const QUrl& url) {
            opened = url;
            browser.load(url);
            return true;
        });
        QTRY_COMPARE_WITH_TIMEOUT(dialog->phase(), LoginDialog::Phase::Portal, 20000);
        auto* button = dialog->findChild<QPushButton*>(u"openInBrowserButton"_s);
        QVERIFY(button->isEnabled());
        QTest::mouseClick(button, Qt::LeftButton);
        QCOMPARE(dialog->phase(), LoginDialog::Phase::Browser);
        QVERIFY(opened.query().contains(u"state="_s));
        QVERIFY(test::signInOnDemoPortal(&browser, u"mother"_s, true));
        QTRY_COMPARE_WITH_TIMEOUT(dialog->phase(), LoginDialog::Phase::Connected, 30000);
        QCOMPARE(connectionCount(), 1);
        QCOMPARE(pendingStates(), 0);
        // The browser got the "you can close this window" page from the listener.
        QTRY_VERIFY_WITH_TIMEOUT(browser.url().port() == port, 10000);
    }

    // The browser is a module loaded on the first sign-in: without it the window says so (and does
    // not crash), starts nothing with the portal, and "Try again" works once the module is back.
    void missingModuleIsAClearError()
    {
        QTemporaryDir empty;
        QVERIFY(empty.isValid());
        ui::LoginBrowserLoader::setSearchPaths({empty.path()});
        auto restore = qScopeGuard([] { ui::LoginBrowserLoader::setSearchPaths({QStringLiteral(HH_LOGIN_MODULE_DIR)}); });
        use(*autoServer);
        auto dialog = openLogin(u"demo-epic"_s, u"mother"_s);
        QTRY_COMPARE_WITH_TIMEOUT(dialog->phase(), LoginDialog::Phase::Failed, 10000);
        QVERIFY(dialog->lastError().has_value());
        const QString message = dialog->lastError()->message();
        QVERIFY2(message.startsWith(u"The sign-in window could not be loaded: "_s), qPrintable(message));
        QVERIFY2(message.contains(ui::LoginBrowserLoader::moduleFileName()), qPrintable(message));
        QCOMPARE(dialog->lastError()->code(), ErrorCode::NotFound);
        auto* status = dialog->findChild<QLabel*>(u"loginStatusLabel"_s);
        QVERIFY(status && status->isVisible());
        QCOMPARE(status->text(), message);
        QVERIFY(dialog->findChild<QPushButton*>(u"retryButton"_s)->isVisible());
        QVERIFY(!dialog->findChild<QWidget*>(u"loginWebView"_s));
        QCOMPARE(pendingStates(), 0); // no sign-in was begun
        QCOMPARE(connectionCount(), 0);

        restore.dismiss();
        ui::LoginBrowserLoader::setSearchPaths({QStringLiteral(HH_LOGIN_MODULE_DIR)});
        QTest::mouseClick(dialog->findChild<QPushButton*>(u"retryButton"_s), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(dialog->phase(), LoginDialog::Phase::Connected, 30000);
        QVERIFY(dialog->findChild<QWidget*>(u"loginWebView"_s));
        QCOMPARE(connectionCount(), 1);
    }
};

QTEST_MAIN(TestConnectLogin)
#include "TestConnectLogin.moc"
