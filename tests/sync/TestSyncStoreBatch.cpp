// The sync store's group commit and parse-once writes (issue 8): pages are written into a batch
// transaction that commits by size, with a checkpoint, on commitPending() (which SessionPipe calls when its
// queue runs empty) and at the session's end; a failed page rolls the whole pending batch back; new
// resources prepared by SyncStore::prepare() get their normalized rows and queued groups with them.
// What another connection can read is what was committed.

#include "core/sync/ISyncStore.h"
#include "core/sync/SessionPipe.h"
#include "db/ConnectionFactory.h"
#include "db/SyncSession.h"
#include "db/SyncStore.h"
#include "sync/SyncTestSupport.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QUrl>

#include <memory>

using namespace hh;
using namespace Qt::StringLiterals;

class TestSyncStoreBatch : public QObject
{
    Q_OBJECT

    std::unique_ptr<synctest::TestVault> m_vault;
    sync::SyncTarget m_target;

    // Observations obs-<from> .. obs-<from + n - 1>: a heart rate each (LOINC 8867-4), value i.
    static QList<sync::RawResource> page(int from, int n)
    {
        QList<sync::RawResource> out;
        for (int i = from; i < from + n; ++i) {
            QJsonObject coding{{u"system"_s, u"http://loinc.org"_s}, {u"code"_s, u"8867-4"_s}, {u"display"_s, u"Heart rate"_s}};
            QJsonObject o{{u"resourceType"_s, u"Observation"_s},
                          {u"id"_s, u"obs-%1"_s.arg(i)},
                          {u"status"_s, u"final"_s},
                          {u"code"_s, QJsonObject{{u"coding"_s, QJsonArray{coding}}}},
                          {u"effectiveDateTime"_s, u"2024-01-%1T08:00:00Z"_s.arg(1 + i % 28, 2, 10, QChar(u'0'))},
                          {u"valueQuantity"_s, QJsonObject{{u"value"_s, 60 + i % 40}, {u"unit"_s, u"/min"_s}}}};
            sync::RawResource r;
            r.resourceType = u"Observation"_s;
            r.resourceId = o.value(u"id"_s).toString();
            r.json = QJsonDocument(o).toJson(QJsonDocument::Compact);
            r.hash = QCryptographicHash::hash(r.json, QCryptographicHash::Sha256).toHex();
            r.object = o;
            out.append(r);
        }
        return out;
    }

    // Rows another connection sees: only what was committed.
    qint64 committedRaw() { return m_vault->count(u"SELECT count(*) FROM profile_fhir_resources_raw"_s); }
    qint64 committedNormalized() { return m_vault->count(u"SELECT count(*) FROM profile_fhir_resources_normalized"_s); }

    std::unique_ptr<sync::ISyncSession> openSession(db::SyncStore& store)
    {
        auto s = store.openSession();
        if (!s)
            return nullptr;
        return std::move(*s);
    }

private Q_SLOTS:
    void init()
    {
        m_vault = std::make_unique<synctest::TestVault>();
        QVERIFY2(m_vault->isValid(), qPrintable(m_vault->error()));
        const QString profile = m_vault->addProfile(u"Mom"_s);
        m_vault->addEndpoint(u"ep-epic"_s, u"epic"_s, u"Clinic"_s, QUrl(u"http://127.0.0.1:9/fhir"_s));
        m_target = {};
        m_target.profileId = profile;
        m_target.connectionId = m_vault->addConnection(profile, u"ep-epic"_s, u"epic"_s);
        m_target.endpointId = u"ep-epic"_s;
        m_target.vendor = sync::EmrVendor::Epic;
        QVERIFY(!m_target.connectionId.isEmpty());
    }

    void cleanup()
    {
        m_vault->factory()->releaseThreadConnections();
        m_vault.reset();
    }

    void pagesWaitForTheBatchCommit()
    {
        db::SyncStore store(m_vault->factory());
        auto session = openSession(store);
        QVERIFY(session);
        auto job = session->beginJob(m_target);
        QVERIFY(job.ok());
        QVERIFY(session->storePage(*job, m_target, page(0, 50), true).ok());
        QVERIFY(session->storePage(*job, m_target, page(50, 50), true).ok());
        QCOMPARE(committedRaw(), 0);
        QVERIFY(session->commitPending().ok());
        QCOMPARE(committedRaw(), 100);
        QVERIFY(session->commitPending().ok()); // nothing pending: nothing happens
        QCOMPARE(committedRaw(), 100);
        session.reset();
        store.releaseThread();
    }

    void batchCommitsBySize()
    {
        db::SyncStore store(m_vault->factory());
        auto session = openSession(store);
        QVERIFY(session);
        auto job = session->beginJob(m_target);
        QVERIFY(job.ok());
        const int pageSize = 500;
        int stored = 0;
        while (stored + pageSize < db::SyncSession::kBatchRows) {
            QVERIFY(session->storePage(*job, m_target, page(stored, pageSize), false).ok());
            stored += pageSize;
        }
        QCOMPARE(committedRaw(), 0);
        QVERIFY(session->storePage(*job, m_target, page(stored, pageSize), false).ok()); // reaches the size
        stored += pageSize;
        QCOMPARE(committedRaw(), stored);
        session.reset();
        store.releaseThread();
    }

    void checkpointCommitsItsPages()
    {
        db::SyncStore store(m_vault->factory());
        auto session = openSession(store);
        QVERIFY(session);
        auto job = session->beginJob(m_target);
        QVERIFY(job.ok());
        QVERIFY(session->storePage(*job, m_target, page(0, 30), true).ok());
        sync::SyncCheckpoint checkpoint;
        checkpoint.passJobId = *job;
        checkpoint.doneQueries = {u"Observation"_s};
        QVERIFY(session->saveCheckpoint(m_target.connectionId, checkpoint).ok());
        QCOMPARE(committedRaw(), 30);
        QVERIFY(!m_vault->scalar(u"SELECT sync_state FROM profile_emr_connections WHERE id = ?"_s, {m_target.connectionId})
                     .toString()
                     .isEmpty());
        session.reset();
        store.releaseThread();
    }

    void endOfSessionCommits()
    {
        {
            db::SyncStore store(m_vault->factory());
            auto session = openSession(store);
            QVERIFY(session);
            auto job = session->beginJob(m_target);
            QVERIFY(job.ok());
            QVERIFY(session->storePage(*job, m_target, page(0, 20), true).ok());
            QCOMPARE(committedRaw(), 0);
            session.reset();
            store.releaseThread();
        }
        QCOMPARE(committedRaw(), 20);
    }

    void failedPageRollsTheBatchBack()
    {
        db::SyncStore store(m_vault->factory());
        auto session = openSession(store);
        QVERIFY(session);
        auto job = session->beginJob(m_target);
        QVERIFY(job.ok());
        QVERIFY(session->storePage(*job, m_target, page(0, 40), true).ok());
        // A page for a profile that does not exist breaks a foreign key: the page fails, and with it the
        // pending batch (whose checkpoint was never committed: a resumed sync fetches it again).
        sync::SyncTarget broken = m_target;
        broken.profileId = u"no-such-profile"_s;
        auto failed = session->storePage(*job, broken, page(40, 10), true);
        QVERIFY(!failed.ok());
        QCOMPARE(failed.error().code(), ErrorCode::Database);
        QVERIFY(session->commitPending().ok());
        QCOMPARE(committedRaw(), 0);
        // The session goes on with a new batch.
        QVERIFY(session->storePage(*job, m_target, page(0, 40), true).ok());
        QVERIFY(session->commitPending().ok());
        QCOMPARE(committedRaw(), 40);
        session.reset();
        store.releaseThread();
    }

    // Through the sync's pipe: prepare() runs on this thread (normalized rows written with the raw rows, the
    // group and the summary marker queued), the idle commit makes the pages visible without a flush.
    void pipeNormalizesAndCommitsWhenIdle()
    {
        auto store = std::make_shared<db::SyncStore>(m_vault->factory());
        sync::SessionPipe pipe(store);
        QVERIFY(pipe.open().ok());
        auto job = pipe.beginJob(m_target);
        QVERIFY(job.ok());
        pipe.storePage(*job, m_target, page(0, 50), true);
        pipe.storePage(*job, m_target, page(50, 25), true);
        QTRY_COMPARE(committedRaw(), 75); // no flush: committed once the pipe's queue ran empty
        QCOMPARE(committedNormalized(), 75);
        QCOMPARE(m_vault->count(u"SELECT count(*) FROM profile_fhir_resources_raw r JOIN profile_fhir_resources_normalized n "
                                u"ON n.raw_id = r.id WHERE n.raw_hash = r.content_hash AND n.canonical_code = '8867-4' "
                                u"AND n.value_num IS NOT NULL"_s),
                 75);
        QCOMPARE(m_vault->count(u"SELECT count(*) FROM profile_dedup_dirty WHERE profile_id = ?"_s, {m_target.profileId}), 2);
        QVERIFY(pipe.flush().ok());
        const sync::PageWriteStats stats = pipe.writeStats();
        QCOMPARE(stats.inserted, 75);

        // The same resources again: unchanged, nothing rewritten, no second normalized row.
        pipe.storePage(*job, m_target, page(0, 75), true);
        QVERIFY(pipe.flush().ok());
        QCOMPARE(pipe.writeStats().unchanged, 75);
        QCOMPARE(committedNormalized(), 75);
    }

    // A checkpoint queued behind a failed page is not saved: the pages it counts were rolled back, and a
    // resumed sync must fetch them again.
    void pipeSavesNoCheckpointAfterAFailedWrite()
    {
        auto store = std::make_shared<db::SyncStore>(m_vault->factory());
        sync::SessionPipe pipe(store);
        QVERIFY(pipe.open().ok());
        auto job = pipe.beginJob(m_target);
        QVERIFY(job.ok());
        sync::SyncTarget broken = m_target;
        broken.profileId = u"no-such-profile"_s; // breaks a foreign key: the page fails
        pipe.storePage(*job, m_target, page(0, 40), true);
        pipe.storePage(*job, broken, page(40, 10), true);
        sync::SyncCheckpoint checkpoint;
        checkpoint.passJobId = *job;
        checkpoint.doneQueries = {u"Observation"_s};
        pipe.saveCheckpoint(m_target.connectionId, checkpoint);
        const Status flushed = pipe.flush();
        QVERIFY(!flushed.ok());
        QCOMPARE(flushed.error().code(), ErrorCode::Database);
        QCOMPARE(committedRaw(), 0);
        QVERIFY(m_vault->scalar(u"SELECT sync_state FROM profile_emr_connections WHERE id = ?"_s, {m_target.connectionId})
                    .toString()
                    .isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSyncStoreBatch)
#include "TestSyncStoreBatch.moc"
