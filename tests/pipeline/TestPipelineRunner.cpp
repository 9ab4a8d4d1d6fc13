// (f) The background runner as the GUI wires it (app/Gui.cpp): connectionSynced -> enqueue; signals
// progress and profileUpdated once the summary is written; catches up leftover work at start; coalesces
// duplicates; reports failures; shuts down cleanly in the middle of a run.

#include "db/ClinicalPipeline.h"
#include "db/ConnectionFactory.h"
#include "db/PipelineRunner.h"
#include "pipeline/DemoSyncFixture.h"
#include "pipeline/PipelineTestSupport.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace hh;

class TestPipelineRunner : public QObject
{
    Q_OBJECT

    pipelinetest::DemoSyncFixture m_fx;

    QString summaryStatus(const QString& profileId)
    {
        return m_fx.vault->scalar(QStringLiteral("SELECT status FROM profile_summary WHERE profile_id = ?"), {profileId}).toString();
    }
    bool hasSummary(const QString& profileId)
    {
        return !m_fx.vault->scalar(QStringLiteral("SELECT summary_json FROM profile_summary WHERE profile_id = ?"), {profileId})
                    .toString()
                    .isEmpty();
    }
    // Raw rows of a demo patient at demo-epic, stored without any pipeline run.
    QString profileWithRawRows(const QString& user)
    {
        const QString profile = m_fx.vault->addProfile(user);
        const QString conn = m_fx.connect(profile, QStringLiteral("demo-epic"), user);
        auto n = pipelinetest::storeDemoPatient(m_fx.vault->factory(), conn, m_fx.server.family(), demo::Vendor::Epic, user);
        return n.ok() ? profile : QString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<hh::Error>();
        QVERIFY(m_fx.startServer());
    }

    void init() { QVERIFY2(m_fx.openVault(), qPrintable(m_fx.vault->error())); }
    void cleanup() { m_fx.closeVault(); }

    void updatedAfterSync()
    {
        const QString profile = m_fx.vault->addProfile(QStringLiteral("mother"));
        const QString conn = m_fx.connect(profile, QStringLiteral("demo-athena"), QStringLiteral("mother"));
        auto scheduler = m_fx.scheduler();
        db::PipelineRunner runner(m_fx.vault->factory(), m_fx.vault->userId());
        QObject::connect(scheduler.get(), &sync::ISyncControl::connectionSynced, &runner,
                         [&runner](const QString& profileId, const QString&, const QString&) { runner.enqueue(profileId); });
        QSignalSpy updated(&runner, &db::PipelineRunner::profileUpdated);
        QSignalSpy progress(&runner, &db::PipelineRunner::progress);
        QSignalSpy failed(&runner, &db::PipelineRunner::profileFailed);
        runner.start();
        scheduler->syncConnection(conn);
        QTRY_COMPARE_WITH_TIMEOUT(updated.size(), 1, 60000);
        QCOMPARE(updated.first().first().toString(), profile);
        QVERIFY(failed.isEmpty());
        QVERIFY(!progress.isEmpty());
        QCOMPARE(progress.last().at(0).toString(), profile);
        QCOMPARE(progress.last().at(1).toLongLong(), progress.last().at(2).toLongLong()); // ends at 100 %
        // The summary was written before the signal; the views read it from there.
        QVERIFY(hasSummary(profile));
        QCOMPARE(summaryStatus(profile), QStringLiteral("ready"));
        QVERIFY(m_fx.vault->count(QStringLiteral("SELECT count(*) FROM profile_fhir_resources_clean WHERE profile_id = ?"), {profile})
                > 0);
        scheduler->shutdown();
        runner.shutdown();
        QVERIFY(!runner.isBusy());
    }

    void catchesUpAtStart()
    {
        const QString profile = profileWithRawRows(QStringLiteral("child"));
        QVERIFY(!profile.isEmpty());
        QVERIFY(!hasSummary(profile));
        db::PipelineRunner runner(m_fx.vault->factory(), m_fx.vault->userId());
        QSignalSpy updated(&runner, &db::PipelineRunner::profileUpdated);
        QSignalSpy idle(&runner, &db::PipelineRunner::idle);
        runner.start(); // nothing enqueued: the leftover work is found
        QTRY_COMPARE_WITH_TIMEOUT(updated.size(), 1, 30000);
        QCOMPARE(updated.first().first().toString(), profile);
        QTRY_VERIFY(!idle.isEmpty());
        QVERIFY(hasSummary(profile));
    }

    void coalescesDuplicates()
    {
        const QString a = profileWithRawRows(QStringLiteral("self"));
        const QString b = profileWithRawRows(QStringLiteral("child"));
        QVERIFY(!a.isEmpty() && !b.isEmpty());
        db::PipelineRunner runner(m_fx.vault->factory(), m_fx.vault->userId());
        QSignalSpy updated(&runner, &db::PipelineRunner::profileUpdated);
        QSignalSpy idle(&runner, &db::PipelineRunner::idle);
        // Enqueued before the catch-up answers (which finds both again): each runs once.
        for (int i = 0; i < 3; ++i) {
            runner.enqueue(a);
            runner.enqueue(b);
        }
        QCOMPARE(runner.queued().size(), 2);
        QTRY_VERIFY_WITH_TIMEOUT(!idle.isEmpty(), 30000);
        QCOMPARE(updated.size(), 2);
        QSet<QString> ids{updated.at(0).first().toString(), updated.at(1).first().toString()};
        QCOMPARE(ids, (QSet<QString>{a, b}));
    }

    void reportsFailure()
    {
        const QString profile = profileWithRawRows(QStringLiteral("child"));
        QVERIFY(m_fx.vault->exec(QStringLiteral("CREATE TRIGGER refuse_clean BEFORE INSERT ON profile_fhir_resources_clean "
                                                "BEGIN SELECT RAISE(ABORT, 'refused'); END")));
        db::PipelineRunner runner(m_fx.vault->factory(), m_fx.vault->userId());
        QSignalSpy failed(&runner, &db::PipelineRunner::profileFailed);
        QSignalSpy updated(&runner, &db::PipelineRunner::profileUpdated);
        runner.enqueue(profile);
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 30000);
        QCOMPARE(failed.first().at(0).toString(), profile);
        const Error e = failed.first().at(1).value<Error>();
        QCOMPARE(e.code(), ErrorCode::Database);
        QVERIFY(!e.message().isEmpty());
        QVERIFY(updated.isEmpty());
        QCOMPARE(summaryStatus(profile), QStringLiteral("error"));
        QVERIFY(m_fx.vault->exec(QStringLiteral("DROP TRIGGER refuse_clean")));
    }

    // Destroyed while a profile runs: the worker stops at a batch boundary, nothing is half-written, and
    // the next runner finishes the work.
    void shutdownMidRun()
    {
        const QString profile = profileWithRawRows(QStringLiteral("mother"));
        {
            db::PipelineRunner runner(m_fx.vault->factory(), m_fx.vault->userId());
            QSignalSpy progress(&runner, &db::PipelineRunner::progress);
            runner.enqueue(profile);
            QTRY_VERIFY_WITH_TIMEOUT(!progress.isEmpty(), 30000);
        } // ~PipelineRunner: cancel, release on the worker, join
        QCOMPARE(m_fx.vault->scalar(QStringLiteral("PRAGMA integrity_check")).toString(), QStringLiteral("ok"));
        QVERIFY(summaryStatus(profile) != QStringLiteral("error"));
        db::PipelineRunner again(m_fx.vault->factory(), m_fx.vault->userId());
        QSignalSpy updated(&again, &db::PipelineRunner::profileUpdated);
        again.start();
        QTRY_COMPARE_WITH_TIMEOUT(updated.size(), 1, 30000);
        QVERIFY(hasSummary(profile));
        QCOMPARE(m_fx.vault->count(QStringLiteral("SELECT count(*) FROM profile_dedup_dirty WHERE profile_id = ?"), {profile}), 0);
    }
};

QTEST_GUILESS_MAIN(TestPipelineRunner)
#include "TestPipelineRunner.moc"
