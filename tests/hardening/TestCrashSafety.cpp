// Crash safety (issue 8): a sync process is killed with SIGKILL at 20 different points — by page count and
// inside the transactions of the sync store (core/TestHooks.h, HH_KILL_AT) — and after every kill:
//  - the vault opens with its key and passes PRAGMA integrity_check (and foreign_key_check);
//  - the start-up fix-up (SyncSession::failInterruptedJobs, run by SyncScheduler::start) fixes exactly the
//    jobs left 'running' and leaves none, and no profile stays 'syncing';
//  - the next sync succeeds and the vault then holds every resource the demo server serves, none marked
//    missing.
// The process that is killed is tst_sync_crash_child (tests/sync), a small sync runner.
//
// The clinical pipeline (normalize -> de-duplicate -> summary, db/ClinicalPipeline, run by `healthhub sync`
// after the records are stored) is killed the same way inside its transactions: the vault stays sound, the
// next `healthhub sync` finishes the work, and the vault then holds the same normalized and clean records
// and a summary, as a vault whose sync was never interrupted.

#include "hardening/HardeningSupport.h"

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
#include <QTemporaryDir>
#include <QTest>

using namespace hh;
using namespace hh::sync;
using namespace Qt::StringLiterals;

class TestCrashSafety : public QObject
{
    Q_OBJECT

private:
    demo::DemoServer m_server;
    std::optional<demo::DemoEndpoint> m_ep;
    // The pipeline rows: a vault connected to demo-athena through the command line (not synced yet), copied
    // for each row, and the counts of a sync that was never interrupted.
    QTemporaryDir m_cliRoot;
    QTemporaryDir m_userFiles;
    std::unique_ptr<hardening::Cli> m_cli;
    QMap<QString, qint64> m_reference;

    QStringList account() const
    {
        return {u"--email"_s, u"carer@example.org"_s, u"--password-file"_s, m_userFiles.filePath(u"pw"_s)};
    }

    // A copy of the connected vault in a fresh folder.
    QString copyVault(const QString& name) const
    {
        const QString to = m_userFiles.filePath(name);
        QDir().mkpath(to);
        for (const QString& f : QDir(m_cli->dataDir()).entryList(QDir::Files | QDir::Hidden))
            QFile::copy(m_cli->dataDir() + u'/' + f, to + u'/' + f);
        return to;
    }

    // integrity_check, then what the pipeline produced.
    QMap<QString, qint64> pipelineState(const QString& dataDir, QString& error) const
    {
        QMap<QString, qint64> out;
        const SecretBytes key = hardening::vaultKey(dataDir, u"carer@example.org"_s, "a long test password");
        auto factory = std::make_shared<db::ConnectionFactory>(dataDir + u"/vault.db"_s, key);
        {
            auto db = factory->connection(u"check"_s);
            if (!db) {
                error = db.error().detail();
                return out;
            }
            QSqlQuery q(*db);
            if (!q.exec(u"PRAGMA integrity_check"_s) || !q.next() || q.value(0).toString() != u"ok") {
                error = u"integrity_check failed"_s;
                return out;
            }
            q.finish();
            const QMap<QString, QString> queries{
                {u"raw"_s, u"SELECT count(*) FROM profile_fhir_resources_raw"_s},
                {u"normalized"_s, u"SELECT count(*) FROM profile_fhir_resources_normalized"_s},
                {u"clean"_s, u"SELECT count(*) FROM profile_fhir_resources_clean"_s},
                {u"dirty groups"_s, u"SELECT count(*) FROM profile_dedup_dirty"_s},
                {u"summaries"_s, u"SELECT count(*) FROM profile_summary WHERE summary_json IS NOT NULL AND status = 'ready'"_s},
                {u"running jobs"_s, u"SELECT count(*) FROM profile_sync_jobs WHERE status = 'running'"_s},
            };
            for (auto it = queries.cbegin(); it != queries.cend(); ++it)
                out.insert(it.key(), scalar(*db, it.value()));
        }
        factory->releaseThreadConnections();
        return out;
    }

    static qint64 scalar(QSqlDatabase& db, const QString& sql)
    {
        QSqlQuery q(db);
        if (!q.exec(sql) || !q.next())
            return -1;
        const qint64 v = q.value(0).toLongLong();
        q.finish();
        return v;
    }

private Q_SLOTS:
    void initTestCase()
    {
        registerSyncMetaTypes();
        demo::DemoServerOptions options;
        options.scale = 1; // ~1k resources of "mother" at demo-epic: tens of pages of 50
        options.autoApprove = true; // the pipeline rows sign in through `healthhub connect`
        auto port = m_server.start(options);
        QVERIFY2(port.ok(), port.ok() ? "" : qPrintable(port.error().detail()));
        m_ep = m_server.endpoint(u"demo-epic"_s);
        QVERIFY(m_ep.has_value());
        QVERIFY2(QFile::exists(childPath()), "tst_sync_crash_child must be built (tests/sync.cmake)");

        // The pipeline rows' vault: init, profile, endpoint (the demo-athena base), connect (offscreen login).
        QVERIFY(m_cliRoot.isValid() && m_userFiles.isValid());
        QVERIFY2(QFile::exists(hardening::Cli::binary()), "healthhub must be built before this test");
        QFile pw(m_userFiles.filePath(u"pw"_s));
        QVERIFY(pw.open(QIODevice::WriteOnly));
        pw.write("a long test password\n");
        pw.close();
        m_cli = std::make_unique<hardening::Cli>(m_cliRoot.path());
        hardening::CliRun r =
            m_cli->run(account() + QStringList{u"init"_s, u"--email"_s, u"carer@example.org"_s, u"--name"_s, u"Carer"_s});
        QVERIFY2(r.code == 0, r.err.constData());
        r = m_cli->run(account() + QStringList{u"profile"_s, u"add"_s, u"--display-name"_s, u"Mom"_s});
        QVERIFY2(r.code == 0, r.err.constData());
        r = m_cli->run(account() + QStringList{u"endpoint"_s, u"add"_s, u"--name"_s, u"Family practice"_s,
                                               u"--fhir-base"_s, m_server.endpoint(u"demo-athena"_s)->fhirBaseUrl.toString(),
                                               u"--client-id"_s, u"healthhub-demo"_s});
        QVERIFY2(r.code == 0, r.err.constData());
        const QString endpointId = QString::fromUtf8(r.out).trimmed().split(u'\n').constLast().trimmed();
        r = m_cli->run(account() + QStringList{u"connect"_s, u"--profile"_s, u"Mom"_s, u"--endpoint"_s, endpointId,
                                               u"--login-hint"_s, u"mother"_s});
        QVERIFY2(r.code == 0, r.err.constData());

        // The reference: a copy synced without interruption.
        const QString reference = copyVault(u"reference"_s);
        r = m_cli->run(account() + QStringList{u"--data-dir"_s, reference, u"sync"_s});
        QVERIFY2(r.code == 0, r.err.constData());
        QString error;
        m_reference = pipelineState(reference, error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(m_reference.value(u"normalized"_s) > 0 && m_reference.value(u"clean"_s) > 0);
        QCOMPARE(m_reference.value(u"summaries"_s), 1);
        QCOMPARE(m_reference.value(u"dirty groups"_s), 0);
    }

    void killedAt_data()
    {
        QTest::addColumn<QString>("killAt");
        // Page hooks run in storePage after a page's rows are written into the open batch transaction (on
        // the session's writer thread); batch hooks around the commit of that group-committed batch (by size,
        // when the writer's queue runs empty, or with a checkpoint); checkpoint hooks around saveCheckpoint
        // (pass start, then after every finished query, committing the pages before it); begin/missing/finish
        // hooks in the transactions of beginJob, markMissing and finishJob.
        const char* const points[] = {
            "sync.begin.after-commit",         "sync.checkpoint.before-save:1",  "sync.checkpoint.after-save:1",
            "sync.page.written:1",             "sync.batch.before-commit:1",     "sync.batch.after-commit:1",
            "sync.page.written:3",             "sync.batch.before-commit:3",     "sync.batch.after-commit:4",
            "sync.page.written:10",            "sync.batch.after-commit:6",      "sync.page.written:17",
            "sync.checkpoint.before-save:3",   "sync.checkpoint.after-save:5",   "sync.checkpoint.before-save:8",
            "sync.checkpoint.after-save:12",   "sync.missing.before-commit",     "sync.missing.after-commit",
            "sync.finish.before-commit",       "sync.finish.after-commit",
        };
        for (const char* p : points)
            QTest::newRow(p) << QString::fromLatin1(p);
    }

    void killedAt()
    {
        QFETCH(QString, killAt);

        auto vault = std::make_unique<synctest::TestVault>();
        QVERIFY2(vault->isValid(), qPrintable(vault->error()));
        const QString profile = vault->addProfile(u"Mom"_s);
        vault->addEndpoint(m_ep->id, m_ep->vendor, m_ep->name, m_ep->fhirBaseUrl);
        const QString connection = vault->addConnection(profile, m_ep->id, m_ep->vendor);
        const QString dbPath = vault->databasePath();
        const QByteArray keyHex = vault->keyHex();
        vault->release();

        // 1. The sync process dies at the point.
        QProcess child;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"HH_TEST_DB"_s, dbPath);
        env.insert(u"HH_TEST_KEY"_s, QString::fromLatin1(keyHex));
        env.insert(u"HH_KILL_AT"_s, killAt);
        child.setProcessEnvironment(env);
        child.setProcessChannelMode(QProcess::SeparateChannels);
        child.start(childPath(), {connection, m_ep->fhirBaseUrl.toString(), u"mother"_s});
        QVERIFY2(child.waitForStarted(10000), qPrintable(child.errorString()));
        // The demo server lives in this thread: keep the event loop running while the child syncs.
        QTRY_VERIFY_WITH_TIMEOUT(child.state() == QProcess::NotRunning, 60000);
        const QByteArray out = child.readAllStandardOutput();
        const QByteArray err = child.readAllStandardError();
        QVERIFY2(!out.contains("done"), "the sync finished before reaching the kill point: adjust the row");
        QCOMPARE(child.exitStatus(), QProcess::CrashExit);
        const QByteArray marker = "hh-testhook: killed at " + killAt.toLatin1() + (killAt.contains(u':') ? "" : ":1");
        QVERIFY2(err.contains(marker), err.constData());

        // 2. The vault opens and is sound, as at the next start of the app.
        auto factory = std::make_shared<db::ConnectionFactory>(dbPath, SecretBytes(QByteArray::fromHex(keyHex)));
        qint64 runningBefore = -1;
        {
            auto db = factory->connection(u"check"_s);
            QVERIFY2(db.ok(), db.ok() ? "" : qPrintable(db.error().detail()));
            QSqlQuery q(*db);
            QVERIFY(q.exec(u"PRAGMA integrity_check"_s) && q.next());
            QCOMPARE(q.value(0).toString(), u"ok"_s);
            q.finish();
            QVERIFY(q.exec(u"PRAGMA foreign_key_check"_s));
            QVERIFY2(!q.next(), "a foreign key points nowhere");
            q.finish();
            runningBefore = scalar(*db, u"SELECT count(*) FROM profile_sync_jobs WHERE status = 'running'"_s);
            QVERIFY(runningBefore == 0 || runningBefore == 1);
            // finishJob's commit decides: before it the job is still running, after it it is not.
            if (killAt.startsWith(u"sync.finish.after"))
                QCOMPARE(runningBefore, 0);
            else
                QCOMPARE(runningBefore, 1);
        }
        factory->releaseThreadConnections();

        // 3. Start-up fix-up, then the next sync.
        auto store = std::make_shared<db::SyncStore>(factory);
        auto tokens = std::make_shared<synctest::DemoTokenProvider>();
        tokens->addConnection(connection, m_ep->fhirBaseUrl, u"mother"_s);
        SyncEngineOptions o;
        o.http.retry.timeScale = 0.001;
        {
            SyncScheduler scheduler(store, tokens, {}, o);
            QSignalSpy started(&scheduler, &SyncScheduler::started);
            QSignalSpy finished(&scheduler, &ISyncControl::connectionFinished);
            scheduler.start();
            QVERIFY(started.wait(10000));
            QCOMPARE(started.first().at(0).toLongLong(), runningBefore);
            {
                auto db = factory->connection(u"check"_s);
                QVERIFY(db.ok());
                QCOMPARE(scalar(*db, u"SELECT count(*) FROM profile_sync_jobs WHERE status = 'running'"_s), 0);
                QCOMPARE(scalar(*db, u"SELECT count(*) FROM profile_summary WHERE status = 'syncing'"_s), 0);
            }
            factory->releaseThreadConnections();
            scheduler.syncConnection(connection);
            QVERIFY(finished.wait(60000));
            const SyncJobResult r = finished.first().at(0).value<SyncJobResult>();
            QVERIFY2(r.status == JobStatus::Success, qPrintable(r.errorMessage));
            QVERIFY(scheduler.shutdown());
        }

        // 4. Everything the server holds is there, nothing marked missing, no job left running.
        auto db = factory->connection(u"check"_s);
        QVERIFY(db.ok());
        QCOMPARE(scalar(*db, u"SELECT count(*) FROM profile_sync_jobs WHERE status = 'running'"_s), 0);
        QCOMPARE(scalar(*db, u"SELECT count(*) FROM profile_fhir_resources_raw WHERE missing_since_job_id IS NOT NULL"_s),
                 0);
        const demo::SyntheticFamily& family = m_server.family();
        QStringList types = demo::SyntheticFamily::searchTypes(demo::Vendor::Epic);
        types << u"Patient"_s << demo::SyntheticFamily::referencedTypes();
        types.removeDuplicates();
        qint64 expected = 0;
        QSqlQuery q(*db);
        for (const QString& type : std::as_const(types)) {
            q.prepare(u"SELECT count(*) FROM profile_fhir_resources_raw WHERE resource_type = ?"_s);
            q.addBindValue(type);
            QVERIFY(q.exec() && q.next());
            const qint64 want = family.count(demo::Vendor::Epic, u"mother"_s, type);
            QVERIFY2(q.value(0).toLongLong() == want,
                     qPrintable(u"%1: %2 stored, %3 served"_s.arg(type).arg(q.value(0).toLongLong()).arg(want)));
            q.finish();
            expected += want;
        }
        QCOMPARE(scalar(*db, u"SELECT count(*) FROM profile_fhir_resources_raw"_s), expected);
        q = QSqlQuery();
        factory->releaseThreadConnections();
        factory->closeAll();
    }

    void pipelineKilledAt_data()
    {
        QTest::addColumn<QString>("killAt");
        for (const char* p : {"pipeline.normalize.before-commit", "pipeline.normalize.after-commit",
                              "pipeline.clean.before-commit", "pipeline.clean.after-commit",
                              "pipeline.summary.before-commit", "pipeline.summary.after-commit"})
            QTest::newRow(p) << QString::fromLatin1(p);
    }

    void pipelineKilledAt()
    {
        QFETCH(QString, killAt);
        const QString dataDir = copyVault(killAt);
        m_cli->setEnv(u"HH_KILL_AT"_s, killAt);
        hardening::CliRun r = m_cli->run(account() + QStringList{u"--data-dir"_s, dataDir, u"sync"_s});
        m_cli->unsetEnv(u"HH_KILL_AT"_s);
        QVERIFY2(r.code == -2, r.err.constData()); // killed
        QVERIFY2(r.err.contains("hh-testhook: killed at " + killAt.toLatin1() + ":1"), r.err.constData());

        QString error;
        const QMap<QString, qint64> afterKill = pipelineState(dataDir, error);
        QVERIFY2(error.isEmpty(), qPrintable(error)); // opens, integrity_check ok
        QCOMPARE(afterKill.value(u"raw"_s), m_reference.value(u"raw"_s)); // the sync itself had finished

        r = m_cli->run(account() + QStringList{u"--data-dir"_s, dataDir, u"sync"_s});
        QVERIFY2(r.code == 0, r.err.constData());
        const QMap<QString, qint64> after = pipelineState(dataDir, error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(after, m_reference);
    }

private:
    static QString childPath()
    {
        return QDir(QCoreApplication::applicationDirPath()).filePath(u"tst_sync_crash_child"_s);
    }
};

QTEST_GUILESS_MAIN(TestCrashSafety)
#include "TestCrashSafety.moc"
