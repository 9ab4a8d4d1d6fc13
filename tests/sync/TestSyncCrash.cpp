// A sync process killed with SIGKILL in the middle of a sync (issue 5): the vault still opens, passes
// PRAGMA integrity_check, the start-up fix-up leaves no job 'running', and the next sync completes with
// everything the server holds.

#include "core/demo/DemoServer.h"
#include "core/sync/SyncScheduler.h"
#include "db/ConnectionFactory.h"
#include "db/SyncStore.h"
#include "sync/SyncTestSupport.h"

#include <QCoreApplication>
#include <QDir>
#include <QProcess>
#include <QProcessEnvironment>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>

using namespace hh;
using namespace hh::sync;

class TestSyncCrash : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { registerSyncMetaTypes(); }

    void killedMidSync()
    {
        demo::DemoServer server;
        demo::DemoServerOptions options;
        options.scale = 3; // a few thousand resources: many pages to be killed in
        auto port = server.start(options);
        QVERIFY2(port.ok(), port.ok() ? "" : qPrintable(port.error().detail()));
        const auto ep = server.endpoint(QStringLiteral("demo-epic"));
        QVERIFY(ep.has_value());

        auto vault = std::make_unique<synctest::TestVault>();
        QVERIFY2(vault->isValid(), qPrintable(vault->error()));
        const QString profile = vault->addProfile(QStringLiteral("Mom"));
        vault->addEndpoint(ep->id, ep->vendor, ep->name, ep->fhirBaseUrl);
        const QString connection = vault->addConnection(profile, ep->id, ep->vendor);
        const QString dbPath = vault->databasePath();
        const QByteArray keyHex = vault->keyHex();
        vault->release();

        QProcess child;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HH_TEST_DB"), dbPath);
        env.insert(QStringLiteral("HH_TEST_KEY"), QString::fromLatin1(keyHex));
        child.setProcessEnvironment(env);
        child.setProcessChannelMode(QProcess::SeparateChannels);
        qint64 fetchedAtKill = -1;
        bool sawDone = false;
        QObject::connect(&child, &QProcess::readyReadStandardOutput, &child, [&]() {
            while (child.canReadLine()) {
                const QByteArray line = child.readLine().trimmed();
                if (line.startsWith("done"))
                    sawDone = true;
                if (line.startsWith("fetched ") && fetchedAtKill < 0) {
                    const qint64 n = line.mid(8).toLongLong();
                    if (n >= 300) { // several pages stored, many more to come
                        fetchedAtKill = n;
                        child.kill(); // SIGKILL
                    }
                }
            }
        });
        QSignalSpy ended(&child, &QProcess::finished);
        child.start(QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("tst_sync_crash_child")),
                    {connection, ep->fhirBaseUrl.toString(), QStringLiteral("mother")});
        QVERIFY2(child.waitForStarted(10000), qPrintable(child.errorString()));
        QTRY_VERIFY_WITH_TIMEOUT(ended.size() == 1, 60000);
        QVERIFY2(fetchedAtKill > 0, child.readAllStandardError().constData());
        QVERIFY(!sawDone);
        QCOMPARE(child.exitStatus(), QProcess::CrashExit);

        // A fresh factory, as at the next start of the app.
        auto factory = std::make_shared<db::ConnectionFactory>(dbPath, SecretBytes(QByteArray::fromHex(keyHex)));
        {
            auto db = factory->connection(QStringLiteral("check"));
            QVERIFY2(db.ok(), db.ok() ? "" : qPrintable(db.error().detail()));
            QSqlQuery q(*db);
            QVERIFY(q.exec(QStringLiteral("PRAGMA integrity_check")) && q.next());
            QCOMPARE(q.value(0).toString(), QStringLiteral("ok"));
            q.finish();
            QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM profile_sync_jobs WHERE status = 'running'")) && q.next());
            QCOMPARE(q.value(0).toInt(), 1); // the killed run
            q.finish();
            // "fetched" counts pages handed to the store, not committed ones (writes may lag behind the
            // network, e.g. under sanitizers), so no bound on the rows here: tst_crash_safety checks
            // commits at exact kill points, and the resumed sync below must end with the full count.
        }
        factory->releaseThreadConnections();

        auto store = std::make_shared<db::SyncStore>(factory);
        auto tokens = std::make_shared<synctest::DemoTokenProvider>();
        tokens->addConnection(connection, ep->fhirBaseUrl, QStringLiteral("mother"));
        SyncEngineOptions o;
        o.http.retry.timeScale = 0.001;
        SyncScheduler scheduler(store, tokens, {}, o);
        QSignalSpy started(&scheduler, &SyncScheduler::started);
        QSignalSpy finished(&scheduler, &ISyncControl::connectionFinished);
        scheduler.start();
        QVERIFY(started.wait(10000));
        QCOMPARE(started.first().at(0).toInt(), 1);
        scheduler.syncConnection(connection);
        QVERIFY(finished.wait(60000));
        const SyncJobResult r = finished.first().at(0).value<SyncJobResult>();
        QCOMPARE(r.status, JobStatus::Success);
        QVERIFY(r.resumed); // the interrupted pass went on from its checkpoint

        auto db = factory->connection(QStringLiteral("check"));
        QVERIFY(db.ok());
        QSqlQuery q(*db);
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM profile_sync_jobs WHERE status = 'running'")) && q.next());
        QCOMPARE(q.value(0).toInt(), 0);
        q.finish();
        QVERIFY(q.exec(QStringLiteral("SELECT status FROM profile_sync_jobs ORDER BY created_at")));
        QStringList statuses;
        while (q.next())
            statuses << q.value(0).toString();
        QCOMPARE(statuses, (QStringList{QStringLiteral("failed"), QStringLiteral("success")}));
        const demo::SyntheticFamily& family = server.family();
        QStringList types = demo::SyntheticFamily::searchTypes(demo::Vendor::Epic);
        types << QStringLiteral("Patient") << demo::SyntheticFamily::referencedTypes();
        types.removeDuplicates();
        for (const QString& type : std::as_const(types)) {
            q.prepare(QStringLiteral("SELECT count(*) FROM profile_fhir_resources_raw WHERE resource_type = ?"));
            q.addBindValue(type);
            QVERIFY(q.exec() && q.next());
            QVERIFY2(q.value(0).toLongLong() == family.count(demo::Vendor::Epic, QStringLiteral("mother"), type),
                     qPrintable(type));
            q.finish();
        }
        factory->releaseThreadConnections();
    }
};

QTEST_GUILESS_MAIN(TestSyncCrash)
#include "TestSyncCrash.moc"
