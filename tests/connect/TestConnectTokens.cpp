// Tokens after a real sign-in (WebEngine, demo health systems): expiry then refresh (athena refresh
// token with rotation; Epic JWT bearer grant), single-flight renewal across threads, a refused
// renewal -> needs_reauth, and disconnect (revocation reached the server; tokens gone; data kept or
// deleted as asked).
#include "ConnectTestSupport.h"
#include "LoginModuleSupport.h"
#include "WebTestSupport.h"

#include "core/connect/DemoEndpoints.h"
#include "core/connect/TokenProvider.h"
#include "core/demo/DemoServer.h"
#include "ui/connect/LoginDialog.h"

#include <QSignalSpy>
#include <QtConcurrent>

using namespace hh;
using namespace hh::connect;
using namespace Qt::StringLiterals;
using hh::ui::LoginDialog;

class TestConnectTokens : public QObject
{
    Q_OBJECT

public:
    static void initMain() { test::prepareLoginWindow(); }

private:
    std::unique_ptr<test::VaultFixture> f;
    std::shared_ptr<ConnectService> service;
    std::unique_ptr<demo::DemoServer> server;
    test::TestClock clock;
    std::vector<std::unique_ptr<LoginDialog>> dialogs;

    // Signs Mom in at the endpoint through the login window (the demo portal approves by itself).
    EmrConnection signIn(const QString& endpointId)
    {
        LoginDialog::Options options;
        options.loginHint = u"mother"_s;
        dialogs.push_back(std::make_unique<LoginDialog>(service.get(), f->mom.id, endpointId, options));
        LoginDialog& dialog = *dialogs.back();
        dialog.show();
        if (!QTest::qWaitFor([&] { return dialog.phase() == LoginDialog::Phase::Connected
                                          || dialog.phase() == LoginDialog::Phase::Failed; },
                             30000)
            || !dialog.connection()) {
            qWarning() << "sign-in failed:" << (dialog.lastError() ? dialog.lastError()->detail() : QString());
            return {};
        }
        return *dialog.connection();
    }

    EmrConnection find(const QString& id)
    {
        const auto all = service->connections(f->mom.id).result(); // keep the list alive while iterating
        if (all.ok()) {
            for (const EmrConnection& c : *all)
                if (c.id == id)
                    return c;
        }
        return {};
    }

    QByteArray open(const QByteArray& sealed) { return crypto::open(f->vault->secretsKey(), sealed)->toByteArray(); }

    // ITokenProvider::accessToken from `n` worker threads at once, the way sync workers call it; the
    // test's event loop keeps serving the demo server meanwhile.
    QList<Result<sync::AccessToken>> accessTokenFromThreads(const QString& connectionId, bool force, int n)
    {
        TokenProvider provider(service);
        QThreadPool pool;
        pool.setMaxThreadCount(n);
        QList<QFuture<Result<sync::AccessToken>>> futures;
        for (int i = 0; i < n; ++i)
            futures.append(QtConcurrent::run(&pool, [&provider, connectionId, force] {
                return provider.accessToken(connectionId, force);
            }));
        QList<Result<sync::AccessToken>> results;
        if (!QTest::qWaitFor([&] {
                for (const auto& fu : futures)
                    if (!fu.isFinished())
                        return false;
                return true;
            }, 30000))
            return results;
        for (auto& fu : futures)
            results.append(fu.result());
        return results;
    }

    QUrl base(const QString& endpointId) const { return server->endpoint(endpointId)->fhirBaseUrl; }

private Q_SLOTS:
    void init()
    {
        f = std::make_unique<test::VaultFixture>();
        QVERIFY(f->open());
        clock = test::TestClock();
        ConnectService::Options options;
        options.clock = clock.function();
        service = std::shared_ptr<ConnectService>(f->service(options));
        QVERIFY(service->ready().result().ok());
        server = std::make_unique<demo::DemoServer>();
        demo::DemoServerOptions serverOptions;
        serverOptions.autoApprove = true;
        QVERIFY(server->start(serverOptions).ok());
        for (const demo::DemoEndpoint& e : server->endpoints())
            DemoEndpoints::registerBaseUrl(e.id, e.fhirBaseUrl);
    }

    void cleanup()
    {
        dialogs.clear();
        service.reset();
        f->release();
        f.reset();
        server.reset();
        DemoEndpoints::unregisterAll();
    }

    void athenaRefreshRotatesOnceAcrossThreads()
    {
        const EmrConnection c = signIn(u"demo-athena"_s);
        QVERIFY(!c.id.isEmpty());
        const QByteArray oldAccess = open(c.accessTokenEncrypted);
        const QByteArray oldRefresh = open(c.refreshTokenEncrypted);
        QVERIFY(!oldRefresh.isEmpty());

        // The stored token is handed out while it is fresh.
        auto same = accessTokenFromThreads(c.id, false, 1);
        QCOMPARE(same.size(), 1);
        QVERIFY(same[0].ok());
        QCOMPARE(same[0]->token.toByteArray(), oldAccess);
        QCOMPARE(same[0]->patientId, c.patientEmrId);

        // The server expires it: 401 for the sync; four workers ask for a new one at once.
        server->expireAllAccessTokens();
        QCOMPARE(test::fhirStatus(base(u"demo-athena"_s), c.patientEmrId, oldAccess), 401);
        test::StatusRecorder changed(service.get());
        const auto results = accessTokenFromThreads(c.id, true, 4);
        QCOMPARE(results.size(), 4);
        for (const auto& r : results)
            QVERIFY2(r.ok(), test::why(r).constData());
        const QByteArray renewed = results[0]->token.toByteArray();
        QVERIFY(renewed != oldAccess);
        // Single flight: everyone got the same token. (A second refresh would have reused the rotated
        // refresh token, which makes the demo server revoke the whole grant.)
        for (const auto& r : results)
            QCOMPARE(r->token.toByteArray(), renewed);
        QCOMPARE(test::fhirStatus(base(u"demo-athena"_s), c.patientEmrId, renewed), 200);

        // Rotation was stored: the new refresh token is in the vault, the old one is dead.
        const EmrConnection after = find(c.id);
        QCOMPARE(after.status, ConnectionStatus::Connected);
        QCOMPARE(open(after.accessTokenEncrypted), renewed);
        const QByteArray newRefresh = open(after.refreshTokenEncrypted);
        QVERIFY(newRefresh != oldRefresh);
        QVERIFY(!test::introspectActive(*server, u"demo-athena"_s, oldRefresh));
        QVERIFY(test::introspectActive(*server, u"demo-athena"_s, newRefresh));
        QTRY_VERIFY(changed.saw(c.id, ConnectionStatus::Connected));

        // Expiry on our clock (within 60 s of expires_at) renews without being forced.
        clock.advance(2 * 3600);
        auto later = accessTokenFromThreads(c.id, false, 1);
        QVERIFY(later[0].ok());
        QVERIFY(later[0]->token.toByteArray() != renewed);
        QCOMPARE(test::fhirStatus(base(u"demo-athena"_s), c.patientEmrId, later[0]->token.toByteArray()), 200);
    }

    // The connection keeps the client id of its sign-in (schema v2 client_id): changing the
    // endpoint's client id setting afterwards does not break the refresh, which must use the client
    // the tokens were issued to. Rows from before v2 (NULL) fall back to the setting.
    void refreshUsesTheClientIdOfTheSignIn()
    {
        const EmrConnection c = signIn(u"demo-athena"_s);
        QVERIFY(!c.id.isEmpty());
        QCOMPARE(c.clientId, demo::DemoServer::demoClientId());
        QCOMPARE(find(c.id).clientId, demo::DemoServer::demoClientId());

        // The user enters another client id for the endpoint (unknown to this server).
        auto changed = service->setEndpointOverrides(u"demo-athena"_s, u"another-registration"_s, {}, {}).result();
        QVERIFY2(changed.ok(), test::why(changed).constData());
        QCOMPARE(service->effectiveSettings(u"demo-athena"_s).result()->clientId, u"another-registration"_s);

        server->expireAllAccessTokens();
        auto renewed = accessTokenFromThreads(c.id, true, 1);
        QCOMPARE(renewed.size(), 1);
        QVERIFY2(renewed[0].ok(), test::why(renewed[0]).constData());
        QCOMPARE(test::fhirStatus(base(u"demo-athena"_s), c.patientEmrId, renewed[0]->token.toByteArray()), 200);
        QCOMPARE(find(c.id).status, ConnectionStatus::Connected);
        QCOMPARE(find(c.id).clientId, demo::DemoServer::demoClientId());

        // An old row without client_id uses the setting: with the unknown client id the server
        // refuses the refresh (which is how we know the setting was used) ...
        {
            QSqlQuery q = f->query();
            q.prepare(u"UPDATE profile_emr_connections SET client_id = NULL WHERE id = ?"_s);
            q.addBindValue(c.id);
            QVERIFY(q.exec());
        }
        QVERIFY(find(c.id).clientId.isEmpty());
        auto refused = accessTokenFromThreads(c.id, true, 1);
        QVERIFY(!refused[0].ok());
        QCOMPARE(refused[0].error().code(), ErrorCode::Unauthorized);
        QCOMPARE(find(c.id).status, ConnectionStatus::NeedsReauth);
    }

    void epicRenewsWithTheJwtBearerGrant()
    {
        const EmrConnection c = signIn(u"demo-epic"_s);
        QVERIFY(!c.id.isEmpty());
        QVERIFY(!c.dynamicClientId.isEmpty());
        QVERIFY(c.refreshTokenEncrypted.isEmpty());
        const QByteArray first = open(c.accessTokenEncrypted);
        server->expireAllAccessTokens();
        QCOMPARE(test::fhirStatus(base(u"demo-epic"_s), c.patientEmrId, first), 401);

        const auto results = accessTokenFromThreads(c.id, true, 3);
        QCOMPARE(results.size(), 3);
        for (const auto& r : results)
            QVERIFY2(r.ok(), test::why(r).constData());
        const QByteArray second = results[0]->token.toByteArray();
        for (const auto& r : results)
            QCOMPARE(r->token.toByteArray(), second);
        QVERIFY(second != first);
        QCOMPARE(test::fhirStatus(base(u"demo-epic"_s), c.patientEmrId, second), 200);
        QCOMPARE(open(find(c.id).accessTokenEncrypted), second);

        // And again when our clock says it expired (a new assertion each time).
        clock.advance(2 * 3600);
        auto third = accessTokenFromThreads(c.id, false, 1);
        QVERIFY(third[0].ok());
        QVERIFY(third[0]->token.toByteArray() != second);
        QCOMPARE(test::fhirStatus(base(u"demo-epic"_s), c.patientEmrId, third[0]->token.toByteArray()), 200);
    }

    void refusedRenewalNeedsSignInAgain_data()
    {
        QTest::addColumn<QString>("endpointId");
        QTest::newRow("athena refresh token") << u"demo-athena"_s;
        QTest::newRow("epic jwt bearer") << u"demo-epic"_s;
    }

    void refusedRenewalNeedsSignInAgain()
    {
        QFETCH(QString, endpointId);
        const EmrConnection c = signIn(endpointId);
        QVERIFY(!c.id.isEmpty());
        // The patient revokes the grant at the portal (here: RFC 7009 revocation by someone else).
        const bool athena = endpointId == u"demo-athena";
        const QByteArray token = athena ? open(c.refreshTokenEncrypted) : open(c.accessTokenEncrypted);
        const QByteArray clientId = athena ? QByteArray("healthhub-demo") : c.dynamicClientId.toUtf8();
        auto revoked = test::http("POST", test::demoOAuthUrl(*server, endpointId, u"revoke"_s),
                                  test::form({{u"token"_s, token}, {u"client_id"_s, clientId}}));
        QCOMPARE(revoked.status, 200);

        test::StatusRecorder changed(service.get());
        auto results = accessTokenFromThreads(c.id, true, 2);
        QCOMPARE(results.size(), 2);
        for (const auto& r : results) {
            QVERIFY(!r.ok());
            QCOMPARE(r.error().code(), ErrorCode::Unauthorized);
        }
        const EmrConnection after = find(c.id);
        QCOMPARE(after.status, ConnectionStatus::NeedsReauth);
        QVERIFY(!after.lastError.isEmpty());
        QVERIFY(after.accessTokenEncrypted.isEmpty());
        QVERIFY(after.refreshTokenEncrypted.isEmpty());
        QTRY_VERIFY(changed.saw(c.id, ConnectionStatus::NeedsReauth));
        // From now on: refused at once, nothing sent.
        auto again = accessTokenFromThreads(c.id, false, 1);
        QCOMPARE(again[0].error().code(), ErrorCode::Unauthorized);

        // Signing in again repairs the connection (same row).
        if (!athena)
            return; // once is enough (each sign-in starts a portal page)
        const EmrConnection repaired = signIn(endpointId);
        QCOMPARE(repaired.id, c.id);
        QCOMPARE(find(c.id).status, ConnectionStatus::Connected);
    }

    void disconnectRevokesAndDeletes_data()
    {
        QTest::addColumn<QString>("endpointId");
        QTest::addColumn<bool>("deleteData");
        QTest::newRow("athena, keep data") << u"demo-athena"_s << false;
        QTest::newRow("epic, delete data") << u"demo-epic"_s << true;
    }

    void disconnectRevokesAndDeletes()
    {
        QFETCH(QString, endpointId);
        QFETCH(bool, deleteData);
        const EmrConnection c = signIn(endpointId);
        QVERIFY(!c.id.isEmpty());
        const QByteArray access = open(c.accessTokenEncrypted);
        const QByteArray refresh = c.refreshTokenEncrypted.isEmpty() ? QByteArray() : open(c.refreshTokenEncrypted);
        QVERIFY(test::introspectActive(*server, endpointId, access));
        // Some synced data of the connection.
        {
            QSqlQuery q = f->query();
            q.prepare(u"INSERT INTO profile_fhir_resources_raw (id, profile_id, resource_type, connection_id, provider, "
                      "resource_id, resource_json, content_hash, fetched_at, updated_at) "
                      "VALUES ('raw-1', ?, 'Condition', ?, ?, 'c-1', '{}', 'h', ?, ?)"_s);
            q.addBindValue(f->mom.id);
            q.addBindValue(c.id);
            q.addBindValue(c.provider);
            q.addBindValue(nowUtcIso());
            q.addBindValue(nowUtcIso());
            QVERIFY(q.exec());
        }

        test::StatusRecorder changed(service.get());
        auto future = service->disconnect(c.id, deleteData);
        QTRY_VERIFY_WITH_TIMEOUT(future.isFinished(), 20000);
        auto result = future.result();
        QVERIFY2(result.ok(), test::why(result).constData());
        QVERIFY(result->revocationSupported);
        QVERIFY2(result->revoked, qPrintable(result->revocationError));

        // The revocation reached the server.
        QVERIFY(!test::introspectActive(*server, endpointId, access));
        QCOMPARE(test::fhirStatus(base(endpointId), c.patientEmrId, access), 401);
        if (!refresh.isEmpty())
            QVERIFY(!test::introspectActive(*server, endpointId, refresh));

        // Tokens and key gone, status disconnected; data kept or deleted as asked.
        const EmrConnection after = find(c.id);
        QCOMPARE(after.status, ConnectionStatus::Disconnected);
        QVERIFY(after.accessTokenEncrypted.isEmpty());
        QVERIFY(after.refreshTokenEncrypted.isEmpty());
        QVERIFY(after.privateKeyEncrypted.isEmpty());
        QVERIFY(after.dynamicClientId.isEmpty());
        QSqlQuery q = f->query();
        q.prepare(u"SELECT count(*) FROM profile_fhir_resources_raw WHERE connection_id = ?"_s);
        q.addBindValue(c.id);
        QVERIFY(q.exec() && q.next());
        QCOMPARE(q.value(0).toInt(), deleteData ? 0 : 1);
        q.finish();
        QTRY_VERIFY(changed.saw(c.id, ConnectionStatus::Disconnected));

        // A disconnected connection hands out no token.
        auto token = accessTokenFromThreads(c.id, false, 1);
        QCOMPARE(token[0].error().code(), ErrorCode::Unauthorized);
    }
};

QTEST_MAIN(TestConnectTokens)
#include "TestConnectTokens.moc"
