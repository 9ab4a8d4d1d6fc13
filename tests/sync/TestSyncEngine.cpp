// The sync engine against the demo health systems in-process (issue 5): full syncs of both flavours,
// re-sync without rewrites, deletions only after a complete pass, every fault mode, cancel, the
// start-up fix-up, incremental passes, and four profiles syncing while a reader queries.

#include "core/Domain.h"
#include "core/demo/DemoServer.h"
#include "core/sync/ISyncStore.h"
#include "core/sync/SyncScheduler.h"
#include "db/ConnectionFactory.h"
#include "db/SyncHistoryService.h"
#include "db/SyncStore.h"
#include "sync/SyncTestSupport.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>
#include <memory>

using namespace hh;
using namespace hh::sync;
using hh::demo::DemoServer;
using hh::demo::Vendor;

Q_DECLARE_METATYPE(hh::demo::Vendor)

// Compares per resource type, naming the type on failure.
#define COMPARE_TYPE(actual, expected, type)                                                                    \
    do {                                                                                                        \
        const qint64 a_ = (actual);                                                                             \
        const qint64 e_ = (expected);                                                                           \
        QVERIFY2(a_ == e_, qPrintable(QStringLiteral("%1: stored %2, server holds %3").arg(type).arg(a_).arg(e_))); \
    } while (false)

namespace {

SyncEngineOptions testOptions()
{
    SyncEngineOptions o;
    o.http.retry.timeScale = 0.001; // Retry-After: 1 s -> 1 ms; backoff likewise
    o.http.requestTimeout = std::chrono::seconds(20);
    o.http.transferTimeout = std::chrono::seconds(20);
    o.maxPagesPerQuery = 20;
    return o;
}

QString endpointIdOf(Vendor v)
{
    return v == Vendor::Epic ? QStringLiteral("demo-epic") : QStringLiteral("demo-athena");
}

// A connection in the vault and in the token provider, for one patient at one endpoint.
struct Conn {
    QString profileId;
    QString connectionId;
    Vendor vendor = Vendor::Epic;
    QString user;
};

} // namespace

class TestSyncEngine : public QObject
{
    Q_OBJECT

private:
    DemoServer m_server;
    std::unique_ptr<synctest::TestVault> m_vault;
    std::shared_ptr<synctest::DemoTokenProvider> m_tokens;
    std::shared_ptr<db::SyncStore> m_store;

    Conn connect(const QString& user, Vendor vendor, const QString& profileId = {})
    {
        Conn c;
        c.user = user;
        c.vendor = vendor;
        c.profileId = profileId.isEmpty() ? m_vault->addProfile(user) : profileId;
        const auto ep = m_server.endpoint(endpointIdOf(vendor));
        m_vault->addEndpoint(ep->id, ep->vendor, ep->name, ep->fhirBaseUrl);
        c.connectionId = m_vault->addConnection(c.profileId, ep->id, ep->vendor);
        m_tokens->addConnection(c.connectionId, ep->fhirBaseUrl, user);
        return c;
    }

    std::unique_ptr<SyncScheduler> scheduler(SyncEngineOptions options = testOptions())
    {
        return std::make_unique<SyncScheduler>(m_store, m_tokens, m_vault->userId(), options);
    }

    // A scheduler syncing the mother at athena, whose Observation paging never ends, a few pages in (null if it
    // did not get there).
    std::unique_ptr<SyncScheduler> endlessSyncUnderWay()
    {
        const Conn c = connect(QStringLiteral("mother"), Vendor::Athena);
        if (!m_server.addFault(QStringLiteral("endless:Observation")).ok())
            return nullptr;
        SyncEngineOptions o = testOptions();
        o.maxPagesPerQuery = 100000;
        auto s = scheduler(o);
        QSignalSpy progress(s.get(), &ISyncControl::connectionProgress);
        s->syncConnection(c.connectionId);
        if (!QTest::qWaitFor([&] { return progress.size() > 5; }, 30000))
            return nullptr;
        return s;
    }

    // A job of `c` left 'running' (by a crash, or by another process that is syncing); its id, empty on failure.
    QString insertRunningJob(const Conn& c)
    {
        const QString id = newId();
        const QString now = nowUtcIso();
        const bool ok = m_vault->exec(QStringLiteral("INSERT INTO profile_sync_jobs (id, profile_id, connection_id, "
                                                     "provider, status, started_at, created_at) VALUES "
                                                     "(?, ?, ?, 'epic', 'running', ?, ?)"),
                                      {id, c.profileId, c.connectionId, now, now});
        return ok ? id : QString();
    }

    // Syncs one connection to the end and returns its result.
    SyncJobResult syncOne(const Conn& c, SyncEngineOptions options = testOptions())
    {
        auto s = scheduler(options);
        QSignalSpy finished(s.get(), &ISyncControl::connectionFinished);
        s->syncConnection(c.connectionId);
        if (!finished.wait(60000))
            return {};
        return finished.takeFirst().at(0).value<SyncJobResult>();
    }

    qint64 stored(const Conn& c, const QString& type)
    {
        return m_vault->count(QStringLiteral("SELECT count(*) FROM profile_fhir_resources_raw WHERE connection_id = ? "
                                             "AND resource_type = ?"),
                              {c.connectionId, type});
    }

    qint64 storedTotal(const Conn& c)
    {
        return m_vault->count(QStringLiteral("SELECT count(*) FROM profile_fhir_resources_raw WHERE connection_id = ?"),
                              {c.connectionId});
    }

    QStringList countedTypes(Vendor v) const
    {
        QStringList types = demo::SyntheticFamily::searchTypes(v);
        types << QStringLiteral("Patient") << demo::SyntheticFamily::referencedTypes();
        types.removeDuplicates();
        return types;
    }

    // Every type holds exactly what the server holds for that patient.
    void verifyComplete(const Conn& c)
    {
        qint64 expectedTotal = 0;
        for (const QString& type : countedTypes(c.vendor)) {
            const qint64 expected = m_server.family().count(c.vendor, c.user, type);
            expectedTotal += expected;
            COMPARE_TYPE(stored(c, type), expected, type);
        }
        QCOMPARE(storedTotal(c), expectedTotal);
    }

    QString jobStatus(const QString& jobId)
    {
        return m_vault->scalar(QStringLiteral("SELECT status FROM profile_sync_jobs WHERE id = ?"), {jobId}).toString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        registerSyncMetaTypes();
        demo::DemoServerOptions options;
        options.scale = 1;
        auto port = m_server.start(options);
        QVERIFY2(port.ok(), port.ok() ? "" : qPrintable(port.error().detail()));
    }

    void init()
    {
        m_server.clearFaults();
        m_vault = std::make_unique<synctest::TestVault>();
        QVERIFY2(m_vault->isValid(), qPrintable(m_vault->error()));
        m_tokens = std::make_shared<synctest::DemoTokenProvider>();
        m_store = std::make_shared<db::SyncStore>(m_vault->factory());
    }

    void cleanup()
    {
        m_store.reset();
        if (m_vault)
            m_vault->release();
        m_vault.reset();
    }

    void fullSync_data()
    {
        QTest::addColumn<Vendor>("vendor");
        QTest::addColumn<QString>("user");
        QTest::newRow("epic mother") << Vendor::Epic << QStringLiteral("mother");
        QTest::newRow("athena mother") << Vendor::Athena << QStringLiteral("mother");
        QTest::newRow("epic child") << Vendor::Epic << QStringLiteral("child");
        QTest::newRow("athena father") << Vendor::Athena << QStringLiteral("father");
    }

    void fullSync()
    {
        QFETCH(Vendor, vendor);
        QFETCH(QString, user);
        const Conn c = connect(user, vendor);
        const SyncJobResult r = syncOne(c);
        QCOMPARE(r.status, JobStatus::Success);
        QVERIFY(r.fullPass);
        verifyComplete(c);
        QCOMPARE(r.resourcesFetched, storedTotal(c));
        QCOMPARE(r.writes.inserted, storedTotal(c));

        // The job row, the connection and the profile tell the truth.
        QCOMPARE(jobStatus(r.jobId), QStringLiteral("success"));
        QCOMPARE(m_vault->count(QStringLiteral("SELECT resources_fetched FROM profile_sync_jobs WHERE id = ?"), {r.jobId}),
                 storedTotal(c));
        const QJsonObject counts = QJsonDocument::fromJson(
            m_vault->scalar(QStringLiteral("SELECT counts FROM profile_sync_jobs WHERE id = ?"), {r.jobId}).toString().toUtf8())
                                       .object();
        QCOMPARE(counts.value(QStringLiteral("Patient")).toInt(), 1);
        QCOMPARE(m_vault->scalar(QStringLiteral("SELECT status FROM profile_summary WHERE profile_id = ?"), {c.profileId})
                     .toString(),
                 QStringLiteral("ready"));
        QVERIFY(!m_vault->scalar(QStringLiteral("SELECT last_synced_at FROM profile_emr_connections WHERE id = ?"),
                                 {c.connectionId})
                     .toString()
                     .isEmpty());
        // OperationOutcome entries are warnings, never records.
        QCOMPARE(stored(c, QStringLiteral("OperationOutcome")), 0);
        // Every stored hash is the SHA-256 of the stored JSON.
        QSqlQuery q(m_vault->db());
        QVERIFY(q.exec(QStringLiteral("SELECT resource_json, content_hash FROM profile_fhir_resources_raw LIMIT 20")));
        int checked = 0;
        while (q.next()) {
            const QByteArray json = q.value(0).toString().toUtf8();
            QCOMPARE(QString::fromLatin1(QCryptographicHash::hash(json, QCryptographicHash::Sha256).toHex()),
                     q.value(1).toString());
            ++checked;
        }
        QVERIFY(checked > 0);
    }

    void resyncUnchangedRewritesNothing()
    {
        const Conn c = connect(QStringLiteral("father"), Vendor::Epic);
        const SyncJobResult first = syncOne(c);
        QCOMPARE(first.status, JobStatus::Success);
        const QString lastWrite =
            m_vault->scalar(QStringLiteral("SELECT max(updated_at) FROM profile_fhir_resources_raw")).toString();
        const qint64 total = storedTotal(c);

        const SyncJobResult second = syncOne(c);
        QCOMPARE(second.status, JobStatus::Success);
        // Binary content is immutable per id: it is not read again, everything else is.
        QCOMPARE(second.resourcesFetched, total - stored(c, QStringLiteral("Binary")));
        QCOMPARE(second.writes.inserted, 0);
        QCOMPARE(second.writes.updated, 0);
        QCOMPARE(second.writes.unchanged, second.resourcesFetched);
        QCOMPARE(second.markedMissing, 0);
        QCOMPARE(m_vault->scalar(QStringLiteral("SELECT max(updated_at) FROM profile_fhir_resources_raw")).toString(),
                 lastWrite);
        QCOMPARE(storedTotal(c), total);
        QCOMPARE(m_vault->count(QStringLiteral("SELECT count(*) FROM profile_sync_jobs WHERE connection_id = ?"),
                                {c.connectionId}),
                 2);
    }

    void changedResourceIsRewritten()
    {
        const Conn c = connect(QStringLiteral("self"), Vendor::Athena);
        QCOMPARE(syncOne(c).status, JobStatus::Success);
        // Pretend the stored copy is outdated: the next pass must rewrite exactly that row.
        QVERIFY(m_vault->exec(QStringLiteral("UPDATE profile_fhir_resources_raw SET content_hash = 'old', "
                                             "resource_json = '{}' WHERE connection_id = ? AND resource_type = 'Patient'"),
                              {c.connectionId}));
        SyncEngineOptions full = testOptions();
        full.allowIncremental = false;
        const SyncJobResult r = syncOne(c, full);
        QCOMPARE(r.status, JobStatus::Success);
        QCOMPARE(r.writes.updated, 1);
        QCOMPARE(r.writes.inserted, 0);
        QVERIFY(m_vault->scalar(QStringLiteral("SELECT resource_json FROM profile_fhir_resources_raw WHERE "
                                               "connection_id = ? AND resource_type = 'Patient'"),
                                {c.connectionId})
                    .toString()
                    .contains(QStringLiteral("\"resourceType\":\"Patient\"")));
    }

    void removedResourceMarkedOnlyAfterCompletePass()
    {
        const Conn c = connect(QStringLiteral("self"), Vendor::Epic);
        const QString missingSql = QStringLiteral(
            "SELECT count(*) FROM profile_fhir_resources_raw WHERE connection_id = ? AND missing_since_job_id IS NOT NULL");
        // A first complete pass stores every resource and marks none (rows it inserts count as seen).
        const SyncJobResult first = syncOne(c);
        QCOMPARE(first.status, JobStatus::Success);
        QCOMPARE(first.markedMissing, 0);
        QCOMPARE(m_vault->count(missingSql, {c.connectionId}), 0);
        // Resources the server held before and no longer returns.
        const QString now = QStringLiteral("2020-01-01T00:00:00.000Z");
        for (const QString& type : {QStringLiteral("Condition"), QStringLiteral("Observation")}) {
            QVERIFY(m_vault->exec(
                QStringLiteral("INSERT INTO profile_fhir_resources_raw (id, profile_id, resource_type, connection_id, "
                               "provider, resource_id, resource_json, content_hash, fetched_at, updated_at) VALUES "
                               "(?, ?, ?, ?, 'epic', ?, '{}', 'x', ?, ?)"),
                {newId(), c.profileId, type, c.connectionId, QStringLiteral("gone-") + type, now, now}));
        }

        // A partial pass (Condition fails on every attempt) marks nothing.
        QVERIFY(m_server.addFault(QStringLiteral("500:Condition:1,times=0")).ok());
        const SyncJobResult partial = syncOne(c);
        QCOMPARE(partial.status, JobStatus::Partial);
        QCOMPARE(partial.markedMissing, 0);
        QCOMPARE(m_vault->count(missingSql, {c.connectionId}), 0);

        // A complete pass marks both, and nothing else: not a stored row that the server now returns changed
        // (rewritten by the pass, so it is seen without a row in the seen table).
        QVERIFY(m_vault->exec(QStringLiteral("UPDATE profile_fhir_resources_raw SET content_hash = 'stale' WHERE rowid = "
                                             "(SELECT min(rowid) FROM profile_fhir_resources_raw WHERE connection_id = ? "
                                             "AND resource_type = 'Observation')"),
                              {c.connectionId}));
        m_server.clearFaults();
        const SyncJobResult complete = syncOne(c);
        QCOMPARE(complete.status, JobStatus::Success);
        QCOMPARE(complete.markedMissing, 2);
        QCOMPARE(m_vault->count(missingSql, {c.connectionId}), 2);
        QCOMPARE(m_vault->scalar(QStringLiteral("SELECT missing_since_job_id FROM profile_fhir_resources_raw WHERE "
                                                "resource_id = 'gone-Condition'"))
                     .toString(),
                 complete.jobId);
        // The rows are kept (marked, not deleted), and a later pass does not mark them again.
        const SyncJobResult again = syncOne(c);
        QCOMPARE(again.status, JobStatus::Success);
        QCOMPARE(again.markedMissing, 0);
        QCOMPARE(m_vault->count(missingSql, {c.connectionId}), 2);
    }

    // A query that answered on an earlier pass and is refused now (403: a narrowed grant, a server fault) makes
    // its type incomplete: a full pass marks none of that type's records missing, though the others answered.
    void refusedQueryMarksNothingMissing()
    {
        const Conn c = connect(QStringLiteral("self"), Vendor::Epic);
        const SyncJobResult first = syncOne(c);
        QCOMPARE(first.status, JobStatus::Success);
        int observationQueries = 0;
        for (const QueryResult& q : first.queries)
            observationQueries += q.resourceType == QStringLiteral("Observation") && q.kind == QueryResultKind::Ok;
        QVERIFY2(observationQueries >= 2, "the demo answers several Observation queries");
        const QString missingSql = QStringLiteral(
            "SELECT count(*) FROM profile_fhir_resources_raw WHERE connection_id = ? AND missing_since_job_id IS NOT NULL");

        // The first Observation request of every later pass is refused.
        QVERIFY(m_server.addFault(QStringLiteral("403:Observation:1,times=1")).ok());
        const SyncJobResult refused = syncOne(c);
        QCOMPARE(refused.status, JobStatus::Success);
        bool sawRefusal = false;
        for (const QueryResult& q : refused.queries)
            sawRefusal = sawRefusal || (q.resourceType == QStringLiteral("Observation") && q.kind == QueryResultKind::Unavailable);
        QVERIFY(sawRefusal);
        QCOMPARE(refused.markedMissing, 0);
        QCOMPARE(m_vault->count(missingSql, {c.connectionId}), 0);
    }

    void faults_data()
    {
        QTest::addColumn<QString>("fault");
        QTest::addColumn<Vendor>("vendor");
        QTest::addColumn<JobStatus>("expected");
        QTest::addColumn<QString>("failedType"); // partial: the type that must be reported

        QTest::newRow("429 with Retry-After") << QStringLiteral("429:Observation:2,retry-after=1") << Vendor::Epic
                                              << JobStatus::Success << QString();
        QTest::newRow("429 on every request of a type")
            << QStringLiteral("429:Immunization:1,times=0,retry-after=1") << Vendor::Athena << JobStatus::Partial
            << QStringLiteral("Immunization");
        QTest::newRow("503 twice") << QStringLiteral("503:*:3,times=2,retry-after=1") << Vendor::Athena
                                   << JobStatus::Success << QString();
        QTest::newRow("500 once") << QStringLiteral("500:Condition") << Vendor::Epic << JobStatus::Success << QString();
        QTest::newRow("500 always") << QStringLiteral("500:Encounter:1,times=0") << Vendor::Epic << JobStatus::Partial
                                    << QStringLiteral("Encounter");
        QTest::newRow("slow") << QStringLiteral("slow:Patient,ms=300") << Vendor::Athena << JobStatus::Success
                              << QString();
        QTest::newRow("truncated page once") << QStringLiteral("truncate:Observation:2") << Vendor::Epic
                                             << JobStatus::Success << QString();
        QTest::newRow("truncated page always") << QStringLiteral("truncate:Observation:3,times=0") << Vendor::Athena
                                               << JobStatus::Partial << QStringLiteral("Observation");
        QTest::newRow("malformed page once") << QStringLiteral("malformed:Condition") << Vendor::Athena
                                             << JobStatus::Success << QString();
        QTest::newRow("malformed page always") << QStringLiteral("malformed:Procedure:1,times=0") << Vendor::Epic
                                               << JobStatus::Partial << QStringLiteral("Procedure");
        QTest::newRow("dropped connection") << QStringLiteral("drop:Observation:2") << Vendor::Epic
                                            << JobStatus::Success << QString();
        QTest::newRow("endless paging") << QStringLiteral("endless:Condition") << Vendor::Athena << JobStatus::Partial
                                        << QStringLiteral("Condition");
        QTest::newRow("endless paging epic") << QStringLiteral("endless:Observation") << Vendor::Epic
                                             << JobStatus::Partial << QStringLiteral("Observation");
        QTest::newRow("token expiry mid-sync") << QStringLiteral("expire-token,after=6") << Vendor::Epic
                                               << JobStatus::Success << QString();
        QTest::newRow("token expiry mid-sync athena") << QStringLiteral("expire-token,after=9") << Vendor::Athena
                                                      << JobStatus::Success << QString();
    }

    void faults()
    {
        QFETCH(QString, fault);
        QFETCH(Vendor, vendor);
        QFETCH(JobStatus, expected);
        QFETCH(QString, failedType);
        const Conn c = connect(QStringLiteral("mother"), vendor);
        QVERIFY(m_server.addFault(fault).ok());
        const SyncJobResult r = syncOne(c);
        QCOMPARE(jobStatusKey(r.status), jobStatusKey(expected));
        QCOMPARE(jobStatus(r.jobId), jobStatusKey(expected));
        if (expected == JobStatus::Success) {
            verifyComplete(c);
        } else {
            QVERIFY(r.errorMessage.contains(failedType));
            bool reported = false;
            for (const QueryResult& q : r.queries)
                reported = reported || (q.resourceType == failedType && q.kind == QueryResultKind::Failed);
            QVERIFY(reported);
            // Nothing else was lost: every other searched type is complete (records only referenced
            // from the failed type may be missing until the next sync).
            QStringList searched = demo::SyntheticFamily::searchTypes(vendor);
            searched << QStringLiteral("Patient");
            for (const QString& type : std::as_const(searched)) {
                if (type != failedType)
                    COMPARE_TYPE(stored(c, type), m_server.family().count(vendor, c.user, type), type);
            }
            for (const QString& type : demo::SyntheticFamily::referencedTypes())
                QVERIFY(stored(c, type) <= m_server.family().count(vendor, c.user, type));
            QCOMPARE(m_vault->scalar(QStringLiteral("SELECT status FROM profile_emr_connections WHERE id = ?"),
                                     {c.connectionId})
                         .toString(),
                     QStringLiteral("connected"));
        }
        if (fault.startsWith(QStringLiteral("expire-token")))
            QVERIFY(m_tokens->forcedRefreshes() >= 1);
        const qint64 before = storedTotal(c);

        // The next sync completes with everything.
        m_server.clearFaults();
        SyncEngineOptions full = testOptions();
        full.allowIncremental = false;
        const SyncJobResult next = syncOne(c, full);
        QCOMPARE(next.status, JobStatus::Success);
        verifyComplete(c);
        QVERIFY(storedTotal(c) >= before);
        QCOMPARE(m_vault->count(QStringLiteral("SELECT count(*) FROM profile_sync_jobs WHERE status = 'running'")), 0);
    }

    void timeoutFailsTheTypeOnly()
    {
        const Conn c = connect(QStringLiteral("child"), Vendor::Epic);
        QVERIFY(m_server.addFault(QStringLiteral("slow:Immunization:1,times=0,ms=3000")).ok());
        SyncEngineOptions o = testOptions();
        o.http.requestTimeout = std::chrono::milliseconds(150);
        const SyncJobResult r = syncOne(c, o);
        QCOMPARE(r.status, JobStatus::Partial);
        QVERIFY(r.errorMessage.contains(QStringLiteral("Immunization")));
        QCOMPARE(stored(c, QStringLiteral("Condition")),
                 m_server.family().count(Vendor::Epic, c.user, QStringLiteral("Condition")));
    }

    void refusedRefreshNeedsSignIn()
    {
        const Conn c = connect(QStringLiteral("mother"), Vendor::Athena);
        QVERIFY(m_server.addFault(QStringLiteral("expire-token,after=4")).ok());
        m_tokens->setRefuseRefresh(true);
        const SyncJobResult r = syncOne(c);
        QCOMPARE(r.status, JobStatus::Failed);
        QCOMPARE(r.errorCode, ErrorCode::Unauthorized);
        QCOMPARE(jobStatus(r.jobId), QStringLiteral("failed"));
        QCOMPARE(m_vault->scalar(QStringLiteral("SELECT status FROM profile_emr_connections WHERE id = ?"),
                                 {c.connectionId})
                     .toString(),
                 QStringLiteral("needs_reauth"));
        QVERIFY(!m_vault->scalar(QStringLiteral("SELECT last_error FROM profile_emr_connections WHERE id = ?"),
                                 {c.connectionId})
                     .toString()
                     .isEmpty());
        QCOMPARE(m_vault->scalar(QStringLiteral("SELECT status FROM profile_summary WHERE profile_id = ?"), {c.profileId})
                     .toString(),
                 QStringLiteral("error"));
        // Pages stored before the 401 stay.
        const qint64 kept = storedTotal(c);
        QVERIFY(kept > 0);
        QVERIFY(r.resourcesFetched == kept);

        // After signing in again the next sync (resuming the interrupted pass) completes.
        m_server.clearFaults();
        m_tokens->setRefuseRefresh(false);
        QVERIFY(m_vault->exec(QStringLiteral("UPDATE profile_emr_connections SET status = 'connected' WHERE id = ?"),
                              {c.connectionId}));
        const SyncJobResult next = syncOne(c);
        QCOMPARE(next.status, JobStatus::Success);
        QVERIFY(next.resumed);
        verifyComplete(c);
        QCOMPARE(m_vault->scalar(QStringLiteral("SELECT status FROM profile_summary WHERE profile_id = ?"), {c.profileId})
                     .toString(),
                 QStringLiteral("ready"));
    }

    void cancelLeavesConsistentVault()
    {
        const Conn c = connect(QStringLiteral("mother"), Vendor::Epic);
        // Paging that never ends: the sync cannot finish before the cancel arrives.
        QVERIFY(m_server.addFault(QStringLiteral("endless:Observation")).ok());
        SyncEngineOptions o = testOptions();
        o.maxPagesPerQuery = 100000;
        auto s = scheduler(o);
        QSignalSpy finished(s.get(), &ISyncControl::connectionFinished);
        bool cancelSent = false;
        QObject::connect(s.get(), &ISyncControl::connectionProgress, s.get(), [&](const SyncProgress& p) {
            if (!cancelSent && p.currentType == u"Observation" && p.resourcesFetched > 60) {
                cancelSent = true;
                s->cancelConnection(p.connectionId);
            }
        });
        s->syncConnection(c.connectionId);
        QVERIFY(finished.wait(60000));
        QVERIFY(cancelSent);
        const SyncJobResult r = finished.takeFirst().at(0).value<SyncJobResult>();
        QCOMPARE(r.status, JobStatus::Cancelled);
        QCOMPARE(jobStatus(r.jobId), QStringLiteral("cancelled"));
        QCOMPARE(m_vault->count(QStringLiteral("SELECT count(*) FROM profile_sync_jobs WHERE status = 'running'")), 0);
        QVERIFY(m_vault->scalar(QStringLiteral("SELECT status FROM profile_summary WHERE profile_id = ?"), {c.profileId})
                    .toString() != u"syncing");
        QCOMPARE(m_vault->scalar(QStringLiteral("PRAGMA integrity_check")).toString(), QStringLiteral("ok"));
        QCOMPARE(r.resourcesFetched, storedTotal(c));
        // The connection status is untouched by a cancel.
        QCOMPARE(m_vault->scalar(QStringLiteral("SELECT status FROM profile_emr_connections WHERE id = ?"),
                                 {c.connectionId})
                     .toString(),
                 QStringLiteral("connected"));

        m_server.clearFaults();
        const SyncJobResult next = syncOne(c);
        QCOMPARE(next.status, JobStatus::Success);
        verifyComplete(c);
    }

    // One process syncs a vault at a time (the app and `healthhub sync`): while another holds the vault's sync
    // lock, its running job is not "interrupted" and a sync here fails with a message, storing nothing; once
    // it lets go, the sync runs, and the lock is given back when the scheduler is idle.
    void anotherProcessSyncingIsLeftAlone()
    {
        const Conn c = connect(QStringLiteral("self"), Vendor::Epic);
        const QString theirJob = insertRunningJob(c);
        QVERIFY(!theirJob.isEmpty());
        QTemporaryDir lockDir;
        SyncEngineOptions options = testOptions();
        options.lockFilePath = lockDir.filePath(QStringLiteral("sync.lock"));
        QLockFile theirs(options.lockFilePath);
        theirs.setStaleLockTime(0);
        QVERIFY(theirs.tryLock(0));

        auto s = scheduler(options);
        QSignalSpy started(s.get(), &SyncScheduler::started);
        QSignalSpy finished(s.get(), &ISyncControl::connectionFinished);
        s->start();
        s->syncConnection(c.connectionId);
        QVERIFY(started.wait(10000));
        QCOMPARE(started.first().at(0).toInt(), 0);
        QVERIFY(finished.wait(60000));
        const SyncJobResult refused = finished.takeFirst().at(0).value<SyncJobResult>();
        QCOMPARE(refused.status, JobStatus::Failed);
        QVERIFY(refused.errorMessage.contains(QStringLiteral("Another Health Hub")));
        QCOMPARE(jobStatus(theirJob), QStringLiteral("running"));
        QCOMPARE(storedTotal(c), 0);

        theirs.unlock();
        s->syncConnection(c.connectionId);
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.takeFirst().at(0).value<SyncJobResult>().status, JobStatus::Success);
        QVERIFY(storedTotal(c) > 0);
        QTRY_VERIFY(s->isIdle());
        QLockFile again(options.lockFilePath);
        QVERIFY(again.tryLock(0)); // given back
    }

    void startupMarksInterruptedJobsFailed()
    {
        const Conn c = connect(QStringLiteral("self"), Vendor::Epic);
        const QString jobId = insertRunningJob(c);
        QVERIFY(!jobId.isEmpty());
        const QString now = nowUtcIso();
        QVERIFY(m_vault->exec(QStringLiteral("INSERT INTO profile_summary (profile_id, status, updated_at) VALUES "
                                             "(?, 'syncing', ?)"),
                              {c.profileId, now}));
        auto s = scheduler();
        QSignalSpy started(s.get(), &SyncScheduler::started);
        QSignalSpy finished(s.get(), &ISyncControl::connectionFinished);
        s->start();
        s->syncConnection(c.connectionId); // waits for the fix-up
        QVERIFY(started.wait(10000));
        QCOMPARE(started.first().at(0).toInt(), 1);
        QVERIFY(finished.wait(60000));
        QCOMPARE(jobStatus(jobId), QStringLiteral("failed"));
        QVERIFY(!m_vault->scalar(QStringLiteral("SELECT error_message FROM profile_sync_jobs WHERE id = ?"), {jobId})
                     .toString()
                     .isEmpty());
        QCOMPARE(finished.first().at(0).value<SyncJobResult>().status, JobStatus::Success);
        QCOMPARE(m_vault->scalar(QStringLiteral("SELECT status FROM profile_summary WHERE profile_id = ?"), {c.profileId})
                     .toString(),
                 QStringLiteral("ready"));
    }

    void incrementalAthena()
    {
        const Conn c = connect(QStringLiteral("mother"), Vendor::Athena);
        const SyncJobResult first = syncOne(c);
        QCOMPARE(first.status, JobStatus::Success);
        QVERIFY(first.fullPass);
        const SyncJobResult second = syncOne(c);
        QCOMPARE(second.status, JobStatus::Success);
        QVERIFY(!second.fullPass);
        QCOMPARE(second.markedMissing, 0);
        QCOMPARE(second.writes.inserted, 0);
        QCOMPARE(second.writes.updated, 0);
        verifyComplete(c);

        // An old full pass forces a full one again.
        SyncCheckpoint cp = SyncCheckpoint::fromJson(
            m_vault->scalar(QStringLiteral("SELECT sync_state FROM profile_emr_connections WHERE id = ?"), {c.connectionId})
                .toString()
                .toUtf8());
        QVERIFY(cp.lastFullPassAt.isValid());
        QVERIFY(!cp.hasPass());
        cp.lastFullPassAt = cp.lastFullPassAt.addDays(-30);
        QVERIFY(m_vault->exec(QStringLiteral("UPDATE profile_emr_connections SET sync_state = ? WHERE id = ?"),
                              {QString::fromUtf8(cp.toJson()), c.connectionId}));
        const SyncJobResult third = syncOne(c);
        QCOMPARE(third.status, JobStatus::Success);
        QVERIFY(third.fullPass);

        // Epic never syncs incrementally.
        const Conn e = connect(QStringLiteral("self"), Vendor::Epic);
        QVERIFY(syncOne(e).fullPass);
        QVERIFY(syncOne(e).fullPass);
    }

    void fourProfilesConcurrentlyWithReader()
    {
        QList<Conn> conns;
        for (const QString& user :
             {QStringLiteral("self"), QStringLiteral("mother"), QStringLiteral("father"), QStringLiteral("child")}) {
            const Conn epic = connect(user, Vendor::Epic);
            conns << epic << connect(user, Vendor::Athena, epic.profileId);
        }

        // A reader thread queries the raw table the whole time on its own connection.
        std::atomic<bool> stop{false};
        std::atomic<int> reads{0};
        std::atomic<int> readErrors{0};
        std::atomic<bool> monotonic{true};
        auto factory = m_vault->factory();
        QThread* reader = QThread::create([&, factory]() {
            qint64 last = 0;
            {
                auto db = factory->connection(QStringLiteral("reader"));
                if (!db) {
                    ++readErrors;
                    return;
                }
                QSqlQuery q(*db);
                while (!stop.load()) {
                    if (!q.exec(QStringLiteral("SELECT count(*) FROM profile_fhir_resources_raw")) || !q.next()) {
                        ++readErrors;
                        continue;
                    }
                    const qint64 n = q.value(0).toLongLong();
                    q.finish();
                    if (n < last)
                        monotonic = false;
                    last = n;
                    ++reads;
                }
            }
            factory->releaseThreadConnections();
        });
        reader->start();

        auto s = scheduler();
        QCOMPARE(s->maxConcurrent(), 4);
        QSignalSpy finished(s.get(), &ISyncControl::connectionFinished);
        QSignalSpy synced(s.get(), &ISyncControl::connectionSynced);
        QSignalSpy profiles(s.get(), &ISyncControl::profileSynced);
        QSignalSpy idle(s.get(), &ISyncControl::idle);
        int maxRunning = 0;
        QObject::connect(s.get(), &ISyncControl::connectionProgress, s.get(), [&](const SyncProgress&) {
            int running = 0;
            for (const SyncProgress& p : s->activeSyncs())
                running += p.running ? 1 : 0;
            maxRunning = std::max(maxRunning, running);
        });
        s->syncAll();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), conns.size(), 120000);
        QTRY_VERIFY(idle.size() >= 1);
        stop = true;
        reader->wait();
        delete reader;

        QCOMPARE(readErrors.load(), 0);
        QVERIFY(reads.load() > 0);
        QVERIFY(monotonic.load());
        QVERIFY(maxRunning >= 2);
        QVERIFY(maxRunning <= 4);
        for (const QList<QVariant>& args : std::as_const(finished))
            QCOMPARE(args.at(0).value<SyncJobResult>().status, JobStatus::Success);
        QCOMPARE(synced.size(), conns.size());
        QCOMPARE(profiles.size(), 4); // once per profile, after both of its connections
        for (const Conn& c : conns)
            verifyComplete(c);
        QCOMPARE(m_vault->count(QStringLiteral("SELECT count(*) FROM profile_summary WHERE status = 'ready'")), 4);
    }

    void boundedConcurrencyAndProfileSelection()
    {
        const Conn a = connect(QStringLiteral("self"), Vendor::Epic);
        const Conn b = connect(QStringLiteral("self"), Vendor::Athena, a.profileId);
        const Conn other = connect(QStringLiteral("child"), Vendor::Epic);
        auto s = scheduler();
        s->setMaxConcurrent(1);
        QSignalSpy finished(s.get(), &ISyncControl::connectionFinished);
        QSignalSpy profiles(s.get(), &ISyncControl::profileSynced);
        int maxRunning = 0;
        QObject::connect(s.get(), &ISyncControl::connectionProgress, s.get(), [&](const SyncProgress&) {
            int running = 0;
            for (const SyncProgress& p : s->activeSyncs())
                running += p.running ? 1 : 0;
            maxRunning = std::max(maxRunning, running);
        });
        s->syncProfile(a.profileId);
        s->syncProfile(a.profileId); // already queued: not twice
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 60000);
        QTRY_COMPARE(profiles.size(), 1);
        QCOMPARE(profiles.first().at(0).toString(), a.profileId);
        QCOMPARE(maxRunning, 1);
        QCOMPARE(storedTotal(other), 0);
        QCOMPARE(m_vault->count(QStringLiteral("SELECT count(*) FROM profile_sync_jobs")), 2);
        // Queued connections can be cancelled before they start.
        finished.clear();
        QSignalSpy progress(s.get(), &ISyncControl::connectionProgress);
        s->syncAll();
        QTRY_VERIFY(s->activeSyncs().size() == 3);
        s->cancelAll();
        QTRY_VERIFY(s->isIdle());
        QCOMPARE(finished.size(), 3);
        int droppedFromQueue = 0;
        for (const QList<QVariant>& args : std::as_const(finished)) {
            const SyncJobResult r = args.at(0).value<SyncJobResult>();
            if (r.jobId.isEmpty()) {
                QCOMPARE(r.status, JobStatus::Cancelled);
                ++droppedFromQueue;
            }
        }
        QCOMPARE(droppedFromQueue, 2);
    }

    void historyAndSettings()
    {
        const Conn c = connect(QStringLiteral("self"), Vendor::Epic);
        QCOMPARE(syncOne(c).status, JobStatus::Success);
        QVERIFY(m_server.addFault(QStringLiteral("500:*:1,times=0")).ok());
        const SyncJobResult failed = syncOne(c);
        QCOMPARE(failed.status, JobStatus::Failed);
        QCOMPARE(m_vault->scalar(QStringLiteral("SELECT status FROM profile_emr_connections WHERE id = ?"),
                                 {c.connectionId})
                     .toString(),
                 QStringLiteral("error"));
        QCOMPARE(m_vault->scalar(QStringLiteral("SELECT status FROM profile_summary WHERE profile_id = ?"), {c.profileId})
                     .toString(),
                 QStringLiteral("error"));
        m_vault->release();

        db::SyncHistoryService history(m_vault->factory(), m_vault->userId());
        const auto jobs = history.jobs(c.profileId, 10).result();
        QVERIFY(jobs.ok());
        QCOMPARE(jobs->size(), 2);
        QCOMPARE(jobs->at(0).jobId, failed.jobId); // newest first
        QCOMPARE(jobs->at(0).status, JobStatus::Failed);
        QVERIFY(!jobs->at(0).errorMessage.isEmpty());
        QVERIFY(!jobs->at(0).errors.isEmpty());
        QCOMPARE(jobs->at(1).status, JobStatus::Success);
        QCOMPARE(jobs->at(1).counts.value(QStringLiteral("Patient")).toInt(), 1);
        QCOMPARE(jobs->at(1).profileName, c.user);
        QCOMPARE(history.jobs(QStringLiteral("no-such-profile"), 10).result()->size(), 0);
        const auto conns = history.connections(c.profileId).result();
        QVERIFY(conns.ok());
        QCOMPARE(conns->size(), 1);
        QCOMPARE(conns->first().connectionId, c.connectionId);
        QCOMPARE(conns->first().status, QStringLiteral("error"));
        QCOMPARE(conns->first().lastJobStatus, std::optional<JobStatus>(JobStatus::Failed));
        QVERIFY(!conns->first().lastSyncedAt.isEmpty()); // from the successful sync
        QVERIFY(!conns->first().lastError.isEmpty());
        // Another account sees nothing.
        db::SyncHistoryService stranger(m_vault->factory(), QStringLiteral("someone-else"));
        QCOMPARE(stranger.connections({}).result()->size(), 0);

        // Settings round-trip through the vault (app_settings).
        {
            auto session = m_store->openSession();
            QVERIFY(session.ok());
            QCOMPARE((*session)->loadSettings()->maxConcurrent, SyncSettings::kDefaultMaxConcurrent);
            QCOMPARE((*session)->loadSettings()->schedule, SyncSchedule::Off);
            SyncSettings s;
            s.maxConcurrent = 2;
            s.schedule = SyncSchedule::Daily;
            QVERIFY((*session)->saveSettings(s).ok());
            QCOMPARE((*session)->loadSettings()->maxConcurrent, 2);
            QCOMPARE((*session)->loadSettings()->schedule, SyncSchedule::Daily);
        }
        m_store->releaseThread();

        // The connection is back to 'connected' after the next successful sync.
        m_server.clearFaults();
        QCOMPARE(syncOne(c).status, JobStatus::Success);
        QCOMPARE(m_vault->scalar(QStringLiteral("SELECT status FROM profile_emr_connections WHERE id = ?"),
                                 {c.connectionId})
                     .toString(),
                 QStringLiteral("connected"));
        QVERIFY(m_vault->scalar(QStringLiteral("SELECT last_error FROM profile_emr_connections WHERE id = ?"),
                                {c.connectionId})
                    .isNull());
    }

private:
    // start() finishes its start-up and, nothing being scheduled, syncs no connection.
    static bool startsWithoutSyncing(SyncScheduler& s)
    {
        QSignalSpy finished(&s, &ISyncControl::connectionFinished);
        QSignalSpy started(&s, &SyncScheduler::started);
        s.start();
        return started.wait(10000) && QTest::qWaitFor([&s] { return s.isIdle(); }) && finished.isEmpty();
    }

private Q_SLOTS:

    void schedules()
    {
        const Conn fresh = connect(QStringLiteral("child"), Vendor::Epic);
        {
            // Daily: a connection never synced is synced at start-up.
            auto s = scheduler();
            s->setSchedule(SyncSchedule::Daily);
            QSignalSpy finished(s.get(), &ISyncControl::connectionFinished);
            s->start();
            QVERIFY(finished.wait(60000));
            QCOMPARE(finished.first().at(0).value<SyncJobResult>().connectionId, fresh.connectionId);
        }
        {
            // ... and not again while its last sync is less than a day old.
            auto s = scheduler();
            s->setSchedule(SyncSchedule::Daily);
            QSignalSpy finished(s.get(), &ISyncControl::connectionFinished);
            QSignalSpy idle(s.get(), &ISyncControl::idle);
            s->start();
            QTRY_VERIFY(idle.size() >= 1 && s->isIdle());
            QCOMPARE(finished.size(), 0);
        }
        {
            // On start-up: everything, every time.
            auto s = scheduler();
            s->setSchedule(SyncSchedule::OnStartup);
            QSignalSpy finished(s.get(), &ISyncControl::connectionFinished);
            s->start();
            QVERIFY(finished.wait(60000));
            QCOMPARE(finished.first().at(0).value<SyncJobResult>().status, JobStatus::Success);
        }
        {
            // Off: nothing.
            auto s = scheduler();
            QVERIFY(startsWithoutSyncing(*s));
        }
    }

    // Settings ▸ Preferences ▸ Sync automatically: saveSchedule() keeps the schedule in the vault (max_concurrent
    // untouched) and the app's next scheduler (useStoredSettings) applies it at start; one that does not read the
    // stored settings (the sync command) keeps its own.
    void storedScheduleAppliesAtTheNextStart()
    {
        {
            auto session = m_store->openSession();
            QVERIFY(session.ok());
            SyncSettings s;
            s.maxConcurrent = 3;
            QVERIFY((*session)->saveSettings(s).ok());
        }
        m_store->releaseThread();
        const Conn c = connect(QStringLiteral("stored-schedule"), Vendor::Epic);
        {
            auto s = scheduler();
            QSignalSpy started(s.get(), &SyncScheduler::started);
            s->start();
            QVERIFY(started.wait(10000));
            s->saveSchedule(SyncSchedule::OnStartup);
            QCOMPARE(s->schedule(), SyncSchedule::OnStartup);
            QTRY_COMPARE(m_vault->scalar(QStringLiteral("SELECT value FROM app_settings WHERE key = 'sync.schedule'"))
                             .toString(),
                         syncScheduleKey(SyncSchedule::OnStartup));
            QTRY_VERIFY(s->isIdle());
        }
        QCOMPARE(m_vault->scalar(QStringLiteral("SELECT value FROM app_settings WHERE key = 'sync.max_concurrent'"))
                     .toString(),
                 QStringLiteral("3"));
        {
            // Not reading the stored settings: nothing runs by itself.
            auto s = scheduler();
            QVERIFY(startsWithoutSyncing(*s));
            QCOMPARE(s->schedule(), SyncSchedule::Off);
        }
        {
            auto s = scheduler();
            s->useStoredSettings();
            QSignalSpy finished(s.get(), &ISyncControl::connectionFinished);
            s->start();
            QVERIFY(finished.wait(60000));
            QCOMPARE(s->schedule(), SyncSchedule::OnStartup);
            QCOMPARE(s->maxConcurrent(), 3);
            QTRY_VERIFY(s->isIdle());
            bool synced = false;
            for (const QList<QVariant>& args : std::as_const(finished))
                synced = synced || args.at(0).value<SyncJobResult>().connectionId == c.connectionId;
            QVERIFY(synced);
            s->saveSchedule(SyncSchedule::Off); // leaves the vault as the other tests expect it
            QTRY_COMPARE(m_vault->scalar(QStringLiteral("SELECT value FROM app_settings WHERE key = 'sync.schedule'"))
                             .toString(),
                         syncScheduleKey(SyncSchedule::Off));
        }
    }

    // A worker that cannot stop before the deadline (here: waiting for the database, which another connection
    // holds) is still waited for by the next shutdown() call: the vault must not close under it.
    void shutdownWaitsAgainForALateWorker()
    {
        auto s = endlessSyncUnderWay();
        QVERIFY(s);
        QSqlQuery hold(m_vault->db());
        QVERIFY(hold.exec(QStringLiteral("BEGIN IMMEDIATE"))); // the worker's next write waits for this
        QVERIFY(!s->shutdown(std::chrono::milliseconds(200)));
        QVERIFY(hold.exec(QStringLiteral("COMMIT")));
        QVERIFY(s->shutdown(std::chrono::seconds(20)));
        QCOMPARE(m_vault->count(QStringLiteral("SELECT count(*) FROM profile_sync_jobs WHERE status = 'running'")), 0);
        s.reset();
    }

    void shutdownStopsWorkers()
    {
        auto s = endlessSyncUnderWay();
        QVERIFY(s);
        QVERIFY(s->shutdown(std::chrono::seconds(20)));
        s.reset();
        QCOMPARE(m_vault->count(QStringLiteral("SELECT count(*) FROM profile_sync_jobs WHERE status = 'running'")), 0);
        QCOMPARE(m_vault->scalar(QStringLiteral("SELECT status FROM profile_sync_jobs")).toString(),
                 QStringLiteral("cancelled"));
    }
};

QTEST_GUILESS_MAIN(TestSyncEngine)
#include "TestSyncEngine.moc"
