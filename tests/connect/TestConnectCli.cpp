// The connect commands as processes: endpoint list --json / add / import, connect (offscreen login
// window, unattended against an auto-approving demo server: the app's own in-process one for the
// built-in demo endpoints, and one started here for an endpoint added by URL), disconnect with
// revocation at that server.
#include "ConnectTestSupport.h"
#include "WebTestSupport.h"

#include "core/connect/DemoEndpoints.h"
#include "core/demo/DemoServer.h"
#include "core/demo/SyntheticFamily.h"
#include "core/vault/Keychain.h"
#include "support/CliProcess.h"

#include <QJsonArray>
#include <QProcessEnvironment>

using namespace hh;
using namespace hh::connect;
using namespace Qt::StringLiterals;
using hh::test::CliRun;

class TestConnectCli : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir dir;
    QString dataDir;
    QString passwordFile;
    demo::DemoServer server; // "healthhub sandbox --auto-approve", in this process

    // The demo server of this test lives in this thread: runProcess keeps serving while the process runs.
    CliRun healthhub(const QStringList& args)
    {
        QProcessEnvironment env = test::headlessEnvironment();
        env.insert(u"HOME"_s, dir.path());
        env.remove(u"HH_DATA_DIR"_s);
        const QStringList global{u"--data-dir"_s, dataDir, u"--email"_s, u"carer@example.org"_s,
                                 u"--password-file"_s, passwordFile, u"--no-keychain"_s};
        return test::runProcess(test::healthhubBinary(), global + args, env, {}, 120000);
    }

    // Opens the vault in this process (after a command finished), for checks.
    template<typename F>
    void withVault(F&& f)
    {
        db::VaultService vault(dataDir, std::make_unique<NoKeychain>());
        auto user = vault.signIn(u"carer@example.org"_s, SecretBytes(QByteArray("correct horse battery"))).result();
        QVERIFY(user.ok());
        {
            ConnectService service(db::makeConnectStores(vault.connections(), user->id), vault.secretsKey(), user->id);
            QVERIFY(service.ready().result().ok());
            f(vault, service);
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(dir.isValid());
        dataDir = dir.filePath(u"vault"_s);
        passwordFile = dir.filePath(u"password"_s);
        QFile pw(passwordFile);
        QVERIFY(pw.open(QIODevice::WriteOnly));
        pw.write("correct horse battery\n");
        pw.close();
        demo::DemoServerOptions options;
        options.autoApprove = true;
        QVERIFY(server.start(options).ok());
    }

    void endToEnd()
    {
        CliRun init = healthhub({u"init"_s, u"--name"_s, u"Carer"_s});
        QVERIFY2(init.code == 0, qPrintable(init.errText()));
        CliRun profile =
            healthhub({u"profile"_s, u"add"_s, u"--display-name"_s, u"Mom"_s, u"--relationship"_s, u"mother"_s});
        QVERIFY2(profile.code == 0, qPrintable(profile.errText()));

        // endpoint list --json: the built-ins with the documented fields.
        CliRun list = healthhub({u"endpoint"_s, u"list"_s, u"--json"_s});
        QVERIFY2(list.code == 0, qPrintable(list.errText()));
        const QJsonArray endpoints = QJsonDocument::fromJson(list.out).array();
        QCOMPARE(endpoints.size(), 4);
        QStringList ids;
        for (const QJsonValue& v : endpoints) {
            const QJsonObject o = v.toObject();
            for (const char* key : {"id", "vendor", "name", "fhir_base_url"})
                QVERIFY2(o.value(QLatin1String(key)).isString() && !o.value(QLatin1String(key)).toString().isEmpty(), key);
            QVERIFY(o.value(u"sandbox"_s).isBool());
            ids.append(o.value(u"id"_s).toString());
        }
        QVERIFY(ids.contains(u"demo-epic"_s) && ids.contains(u"demo-athena"_s));

        // endpoint add: discovery against the running sandbox (vendor "other").
        const QString base = server.endpoint(u"demo-athena"_s)->fhirBaseUrl.toString();
        CliRun add = healthhub({u"endpoint"_s, u"add"_s, u"--name"_s, u"External sandbox"_s, u"--fhir-base"_s,
                                base, u"--client-id"_s, u"healthhub-demo"_s});
        QVERIFY2(add.code == 0, qPrintable(add.errText()));
        const QString externalId = add.outText().trimmed();
        QVERIFY(!externalId.isEmpty());
        CliRun list2 = healthhub({u"endpoint"_s, u"list"_s, u"--json"_s});
        bool listed = false;
        for (const QJsonValue& v : QJsonDocument::fromJson(list2.out).array()) {
            const QJsonObject o = v.toObject();
            if (o.value(u"id"_s).toString() == externalId) {
                listed = true;
                QCOMPARE(o.value(u"vendor"_s).toString(), u"other"_s);
                QCOMPARE(o.value(u"fhir_base_url"_s).toString(), base);
                QCOMPARE(o.value(u"sandbox"_s).toBool(), false);
            }
        }
        QVERIFY(listed);

        // endpoint import (when the corpus is there).
        const QString directory = QStringLiteral(HH_CORPUS_DIR "/directory/epic/epic-fhir-endpoints-r4.json");
        if (QFile::exists(directory)) {
            CliRun imported = healthhub({u"endpoint"_s, u"import"_s, directory});
            QVERIFY2(imported.code == 0, qPrintable(imported.errText()));
            QVERIFY(imported.outText().split(u'\t').value(0).toInt() > 400);
        }

        // The sandbox approves by itself only the patient login_hint names: without one (an address that is not a
        // built-in demo system gets none) it refuses, with its reason, instead of signing in some other patient.
        CliRun noHint = healthhub({u"connect"_s, u"--profile"_s, u"Mom"_s, u"--endpoint"_s, externalId});
        QCOMPARE(noHint.code, 1);
        QVERIFY2(noHint.errText().contains(u"login_hint"_s), qPrintable(noHint.errText()));

        // connect to the external sandbox (auto-approve; offscreen login window).
        CliRun connected = healthhub(
            {u"connect"_s, u"--profile"_s, u"Mom"_s, u"--endpoint"_s, externalId, u"--login-hint"_s, u"mother"_s});
        QVERIFY2(connected.code == 0, qPrintable(connected.errText()));
        const QString connectionId = connected.outText().trimmed();
        QVERIFY(!connectionId.isEmpty());

        // connect to the built-in demo endpoint: the app starts its own demo server.
        CliRun demoConnected = healthhub({u"connect"_s, u"--profile"_s, u"Mom"_s, u"--endpoint"_s, u"demo-epic"_s,
                                          u"--login-hint"_s, u"father"_s});
        QVERIFY2(demoConnected.code == 0, qPrintable(demoConnected.errText()));

        QByteArray access;
        QByteArray refresh;
        withVault([&](db::VaultService& vault, ConnectService& service) {
            auto profiles = vault.listProfiles().result();
            auto stored = service.connections(profiles->first().id).result();
            QCOMPARE(stored->size(), 2);
            for (const EmrConnection& c : *stored) {
                QCOMPARE(c.status, ConnectionStatus::Connected);
                if (c.id == connectionId) {
                    QCOMPARE(c.patientEmrId, server.family().patient(u"mother"_s)->athenaId);
                    access = crypto::open(vault.secretsKey(), c.accessTokenEncrypted)->toByteArray();
                    refresh = crypto::open(vault.secretsKey(), c.refreshTokenEncrypted)->toByteArray();
                } else {
                    QCOMPARE(c.endpointId, u"demo-epic"_s);
                    QVERIFY(!c.dynamicClientId.isEmpty());
                }
            }
            vault.connections()->releaseThreadConnections();
        });
        QVERIFY(!access.isEmpty());
        QVERIFY(test::introspectActive(server, u"demo-athena"_s, access));
        QVERIFY(test::introspectActive(server, u"demo-athena"_s, refresh));
        QVERIFY(!connected.errText().contains(QString::fromLatin1(access)));

        // disconnect: revoked at the sandbox, data kept by default.
        CliRun disconnected = healthhub({u"disconnect"_s, u"--profile"_s, u"Mom"_s, u"--endpoint"_s, externalId});
        QVERIFY2(disconnected.code == 0, qPrintable(disconnected.errText()));
        QVERIFY(disconnected.errText().contains(u"revoked"_s));
        QVERIFY(disconnected.errText().contains(u"kept"_s));
        QVERIFY(!test::introspectActive(server, u"demo-athena"_s, access));
        QVERIFY(!test::introspectActive(server, u"demo-athena"_s, refresh));

        // Again: nothing left to revoke, and it says so.
        CliRun again = healthhub({u"disconnect"_s, u"--profile"_s, u"Mom"_s, u"--endpoint"_s, externalId});
        QCOMPARE(again.code, 0);
        QVERIFY2(again.errText().contains(u"already disconnected"_s), qPrintable(again.errText()));

        // disconnect the demo one and delete its data: this process starts its own demo server, which revokes.
        CliRun deleted = healthhub(
            {u"disconnect"_s, u"--profile"_s, u"Mom"_s, u"--endpoint"_s, u"demo-epic"_s, u"--delete-data"_s});
        QVERIFY2(deleted.code == 0, qPrintable(deleted.errText()));
        QVERIFY(deleted.errText().contains(u"deleted"_s));
        QVERIFY2(deleted.errText().contains(u"revoked"_s), qPrintable(deleted.errText()));

        withVault([&](db::VaultService& vault, ConnectService& service) {
            auto profiles = vault.listProfiles().result();
            const auto all = service.connections(profiles->first().id).result(); // keep the list alive
            QVERIFY(all.ok());
            for (const EmrConnection& c : *all) {
                QCOMPARE(c.status, ConnectionStatus::Disconnected);
                QVERIFY(c.accessTokenEncrypted.isEmpty());
                QVERIFY(c.refreshTokenEncrypted.isEmpty());
            }
            vault.connections()->releaseThreadConnections();
        });

        // Usage errors.
        QCOMPARE(healthhub({u"connect"_s, u"--profile"_s, u"Mom"_s}).code, 2);
        QCOMPARE(healthhub({u"endpoint"_s, u"frobnicate"_s}).code, 2);
        QCOMPARE(healthhub({u"disconnect"_s, u"--profile"_s, u"Mom"_s, u"--endpoint"_s, u"nope"_s}).code, 1);
    }

    // Against a demo health system, `connect` without --login-hint signs in the demo patient who is the profile
    // (Dad: the father), not the portal's first patient; an unknown user name is refused, nothing stored.
    void demoConnectSignsInTheProfilesPatient()
    {
        dataDir = dir.filePath(u"vault-hint"_s);
        QCOMPARE(healthhub({u"init"_s, u"--name"_s, u"Carer"_s}).code, 0);
        QCOMPARE(healthhub({u"profile"_s, u"add"_s, u"--display-name"_s, u"Dad"_s, u"--relationship"_s, u"father"_s}).code, 0);
        QCOMPARE(healthhub({u"profile"_s, u"add"_s, u"--display-name"_s, u"Aunt"_s, u"--relationship"_s, u"other"_s}).code, 0);

        CliRun unknown = healthhub({u"connect"_s, u"--profile"_s, u"Dad"_s, u"--endpoint"_s, u"demo-epic"_s,
                                    u"--login-hint"_s, u"nosuchpatient"_s, u"--timeout"_s, u"120"_s});
        QCOMPARE(unknown.code, 1);
        QVERIFY2(unknown.isOneErrorLine(), qPrintable(unknown.errText()));
        // The portal's reason is passed on (it used to be dropped).
        QVERIFY2(unknown.errText().contains(u"no patient with that user name"_s), qPrintable(unknown.errText()));
        CliRun noPatient = healthhub({u"connect"_s, u"--profile"_s, u"Aunt"_s, u"--endpoint"_s, u"demo-epic"_s});
        QCOMPARE(noPatient.code, 2);
        QVERIFY(noPatient.errText().contains(u"--login-hint"_s));

        // User names are case-insensitive, as on the portal's login form.
        CliRun connected = healthhub(
            {u"connect"_s, u"--profile"_s, u"Dad"_s, u"--endpoint"_s, u"demo-epic"_s, u"--login-hint"_s, u"Father"_s});
        QVERIFY2(connected.code == 0, qPrintable(connected.errText()));
        connected = healthhub({u"connect"_s, u"--profile"_s, u"Dad"_s, u"--endpoint"_s, u"demo-epic"_s});
        QVERIFY2(connected.code == 0, qPrintable(connected.errText()));
        const demo::SyntheticFamily family(1);
        withVault([&](db::VaultService& vault, ConnectService& service) {
            auto profiles = vault.listProfiles().result();
            QVERIFY(profiles.ok());
            for (const Profile& p : *profiles) {
                auto stored = service.connections(p.id).result();
                QVERIFY(stored.ok());
                if (p.displayName == u"Dad"_s) {
                    QCOMPARE(stored->size(), 1); // the refused sign-in stored nothing
                    QCOMPARE(stored->first().patientEmrId, family.patient(u"father"_s)->epicId);
                } else {
                    QCOMPARE(stored->size(), 0);
                }
            }
            vault.connections()->releaseThreadConnections();
        });
    }

    // A demo connection made by one process works in the next: `connect` in one process, `sync` in
    // another (each starts its own in-process demo server, on another port, with no memory of the
    // first). The demo tokens, refresh tokens and Epic's dynamic client are sealed with a key derived
    // from the vault's secrets key. Then once more with the stored access tokens expired, so that the
    // second process renews them: athena's refresh token, Epic's JWT bearer grant with the device
    // registered by the first process.
    void demoConnectionWorksInTheNextProcess()
    {
        dataDir = dir.filePath(u"vault-processes"_s);
        CliRun init = healthhub({u"init"_s, u"--name"_s, u"Carer"_s});
        QVERIFY2(init.code == 0, qPrintable(init.errText()));
        CliRun profile =
            healthhub({u"profile"_s, u"add"_s, u"--display-name"_s, u"Mom"_s, u"--relationship"_s, u"mother"_s});
        QVERIFY2(profile.code == 0, qPrintable(profile.errText()));
        for (const QString& endpoint : {u"demo-epic"_s, u"demo-athena"_s}) {
            CliRun connected = healthhub({u"connect"_s, u"--profile"_s, u"Mom"_s, u"--endpoint"_s, endpoint,
                                          u"--login-hint"_s, u"mother"_s});
            QVERIFY2(connected.code == 0, qPrintable(endpoint + u": "_s + connected.errText()));
        }

        const demo::SyntheticFamily family(1);
        auto checkSync = [&](const char* round, bool firstSync) {
            CliRun synced = healthhub({u"sync"_s, u"--profile"_s, u"Mom"_s, u"--json"_s});
            QVERIFY2(synced.code == 0, qPrintable(QString::fromLatin1(round) + u": "_s + synced.errText()));
            const QJsonArray jobs = QJsonDocument::fromJson(synced.out).array();
            QCOMPARE(jobs.size(), 2);
            QStringList endpoints;
            for (const QJsonValue& v : jobs) {
                const QJsonObject job = v.toObject();
                const QString endpoint = job.value(u"endpoint"_s).toString();
                endpoints.append(endpoint);
                QVERIFY2(job.value(u"status"_s).toString() == u"success",
                         qPrintable(endpoint + u": "_s + job.value(u"error_message"_s).toString()));
                QVERIFY2(job.value(u"resources_fetched"_s).toInteger() > 0, qPrintable(endpoint));
                if (endpoint == u"demo-athena" && firstSync) // later syncs are incremental
                    QCOMPARE(job.value(u"resources_fetched"_s).toInteger(),
                             family.totalCount(demo::Vendor::Athena, u"mother"_s));
            }
            endpoints.sort();
            QCOMPARE(endpoints, (QStringList{u"demo-athena"_s, u"demo-epic"_s}));
        };
        checkSync("stored tokens", true);
        if (QTest::currentTestFailed())
            return;

        // Expire the stored access tokens: the next process must renew them at its own demo server.
        QHash<QString, QByteArray> before;
        withVault([&](db::VaultService& vault, ConnectService& service) {
            auto profiles = vault.listProfiles().result();
            const auto stored = service.connections(profiles->first().id).result();
            QCOMPARE(stored->size(), 2);
            for (const EmrConnection& c : *stored)
                before.insert(c.endpointId, c.accessTokenEncrypted);
            {
                auto db = vault.connections()->connection(u"test"_s);
                QSqlQuery q(db.value());
                QVERIFY(q.exec(u"UPDATE profile_emr_connections SET expires_at = '2020-01-01T00:00:00.000Z'"_s));
            }
            vault.connections()->releaseThreadConnections();
        });
        checkSync("renewed tokens", false);
        withVault([&](db::VaultService& vault, ConnectService& service) {
            auto profiles = vault.listProfiles().result();
            const auto stored = service.connections(profiles->first().id).result();
            for (const EmrConnection& c : *stored) {
                QCOMPARE(c.status, ConnectionStatus::Connected);
                QVERIFY2(c.accessTokenEncrypted != before.value(c.endpointId), qPrintable(c.endpointId));
                QVERIFY(c.expiresAt > QDateTime::currentDateTimeUtc());
                if (c.endpointId == u"demo-epic")
                    QVERIFY(c.hasDeviceRegistration());
                else
                    QVERIFY(c.hasRefreshToken());
            }
            vault.connections()->releaseThreadConnections();
        });

        // Disconnecting one health system with its records: the summary is built again at once from the other
        // one's records (it used to be left absent until the next sync) ...
        CliRun deleted = healthhub(
            {u"disconnect"_s, u"--profile"_s, u"Mom"_s, u"--endpoint"_s, u"demo-athena"_s, u"--delete-data"_s});
        QVERIFY2(deleted.code == 0, qPrintable(deleted.errText()));
        QVERIFY2(deleted.errText().contains(u"after removing duplicates"_s), qPrintable(deleted.errText()));
        CliRun summary = healthhub({u"summary"_s, u"--profile"_s, u"Mom"_s, u"--json"_s});
        QVERIFY2(summary.code == 0, qPrintable(summary.errText()));
        const QJsonObject doc = QJsonDocument::fromJson(summary.out).object();
        QCOMPARE(doc.value(u"status"_s).toString(), u"ready"_s);
        QVERIFY(doc.value(u"summary"_s).isObject());
        // ... and a new sign-in fetches the whole history again (it used to resume from the deleted records'
        // checkpoint and fetch only what changed since).
        CliRun reconnected = healthhub({u"connect"_s, u"--profile"_s, u"Mom"_s, u"--endpoint"_s, u"demo-athena"_s,
                                        u"--login-hint"_s, u"mother"_s});
        QVERIFY2(reconnected.code == 0, qPrintable(reconnected.errText()));
        checkSync("after a new sign-in", true);
    }
};

QTEST_GUILESS_MAIN(TestConnectCli)
#include "TestConnectCli.moc"
