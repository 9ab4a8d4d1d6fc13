#include "bench/LocalBench.h"

#include "bench/BenchVault.h"
#include "bench/PageSource.h"
#include "core/sync/FhirPage.h"
#include "db/ConnectionFactory.h"
#include "core/sync/SessionPipe.h"
#include "db/SyncSession.h"
#include "db/SyncStore.h"

// HH_BENCH_HAVE_PIPELINE is set by bench.cmake when hh_db builds db/ClinicalPipeline.cpp.
#if HH_BENCH_HAVE_PIPELINE
#include "db/ClinicalPipeline.h"
#endif

#include <QDateTime>
#include <QElapsedTimer>
#include <QSqlError>
#include <QSqlQuery>

#include <ctime>

using namespace Qt::StringLiterals;

namespace hh::bench {

static_assert(kSyncBatchRows == db::SyncSession::kBatchRows, "the baseline commits as the sync does");

namespace {
Error benchError(const QString& detail)
{
    return Error(ErrorCode::Database, u"benchmark"_s, detail);
}

// Ids that sort in insertion order (as the sync's own raw ids do), so the baseline appends to the
// primary-key index too.
class OrderedIds
{
public:
    QString next()
    {
        return u"%1-%2"_s.arg(m_start, 12, 16, QChar(u'0')).arg(++m_n, 23, 16, QChar(u'0'));
    }

private:
    qint64 m_start = QDateTime::currentMSecsSinceEpoch();
    quint64 m_n = 0;
};

// Plain prepared inserts of raw rows into a fresh vault, timed: batchRows rows per transaction (0: one
// transaction per call of insert(), i.e. per page).
class RawInserter
{
public:
    RawInserter(QString role, int batchRows) : m_vault(std::move(role)), m_batchRows(batchRows) {}
    ~RawInserter()
    {
        m_insert = QSqlQuery();
        m_db = QSqlDatabase();
        if (m_vault.factory())
            m_vault.factory()->releaseThreadConnections();
    }
    RawInserter(const RawInserter&) = delete;
    RawInserter& operator=(const RawInserter&) = delete;

    Status open()
    {
        if (Status st = m_vault.create(); !st)
            return st;
        auto connection = addConnection(*m_vault.factory(), m_vault.profileId(), u"bench-epic"_s,
                                        QUrl(u"http://127.0.0.1/bench"_s), QString(), m_vault.role());
        if (!connection)
            return connection.error();
        m_connectionId = *connection;
        auto db = m_vault.factory()->connection(m_vault.role());
        if (!db)
            return db.error();
        m_db = *db;
        m_insert = QSqlQuery(m_db);
        if (!m_insert.prepare(u"INSERT INTO profile_fhir_resources_raw (id, profile_id, resource_type, "
                              "connection_id, provider, resource_id, resource_json, content_hash, fetched_at, "
                              "updated_at) VALUES (?, ?, ?, ?, 'epic', ?, CAST(? AS TEXT), CAST(? AS TEXT), ?, ?)"_s))
            return benchError(m_insert.lastError().text());
        m_now = nowUtcIso();
        return success();
    }

    Status insert(const QList<sync::RawResource>& resources)
    {
        QElapsedTimer t;
        t.start();
        const double cpu0 = processCpuSeconds();
        for (const sync::RawResource& r : resources) {
            if (m_inBatch == 0 && !m_db.transaction())
                return benchError(m_db.lastError().text());
            m_insert.bindValue(0, m_ids.next());
            m_insert.bindValue(1, m_vault.profileId());
            m_insert.bindValue(2, r.resourceType);
            m_insert.bindValue(3, m_connectionId);
            m_insert.bindValue(4, r.resourceId);
            m_insert.bindValue(5, r.json);
            m_insert.bindValue(6, r.hash);
            m_insert.bindValue(7, m_now);
            m_insert.bindValue(8, m_now);
            if (!m_insert.exec())
                return benchError(m_insert.lastError().text());
            if (++m_inBatch == m_batchRows) {
                if (!m_db.commit())
                    return benchError(m_db.lastError().text());
                m_inBatch = 0;
            }
        }
        if (m_batchRows == 0 && m_inBatch > 0) {
            if (!m_db.commit())
                return benchError(m_db.lastError().text());
            m_inBatch = 0;
        }
        m_seconds += static_cast<double>(t.nsecsElapsed()) / 1e9;
        m_cpuSeconds += processCpuSeconds() - cpu0;
        return success();
    }

    Status finish()
    {
        QElapsedTimer t;
        t.start();
        const double cpu0 = processCpuSeconds();
        if (m_inBatch > 0 && !m_db.commit())
            return benchError(m_db.lastError().text());
        m_inBatch = 0;
        m_seconds += static_cast<double>(t.nsecsElapsed()) / 1e9;
        m_cpuSeconds += processCpuSeconds() - cpu0;
        return success();
    }

    [[nodiscard]] double seconds() const { return m_seconds; }
    [[nodiscard]] double cpuSeconds() const { return m_cpuSeconds; }

private:
    BareVault m_vault;
    int m_batchRows;
    QSqlDatabase m_db;
    QSqlQuery m_insert;
    QString m_connectionId;
    QString m_now;
    OrderedIds m_ids;
    int m_inBatch = 0;
    double m_seconds = 0;
    double m_cpuSeconds = 0;
};
// The JSON bytes the pipeline stored per table, for the breakdown.
Status countStoredBytes(db::ConnectionFactory& factory, const QString& profileId, LocalResult& out)
{
    auto db = factory.connection(u"bench_bytes"_s);
    if (!db)
        return db.error();
    QSqlQuery q(*db);
    q.setForwardOnly(true);
    const struct {
        const char16_t* sql;
        qint64* first;
        qint64* second;
    } sums[] = {
        {u"SELECT sum(length(CAST(resource_json AS BLOB))), 0 FROM profile_fhir_resources_raw WHERE profile_id = ?",
         &out.rawJsonBytes, nullptr},
        {u"SELECT sum(length(CAST(normalized_json AS BLOB))), 0 FROM profile_fhir_resources_normalized "
         u"WHERE profile_id = ?",
         &out.normalizedJsonBytes, nullptr},
        {u"SELECT sum(length(CAST(clean_json AS BLOB))), sum(length(CAST(sources AS BLOB))) FROM "
         u"profile_fhir_resources_clean WHERE profile_id = ?",
         &out.cleanJsonBytes, &out.cleanSourcesBytes},
    };
    for (const auto& s : sums) {
        if (!q.prepare(QString::fromUtf16(s.sql)))
            return benchError(q.lastError().text());
        q.addBindValue(profileId);
        if (!q.exec() || !q.next())
            return benchError(q.lastError().text());
        *s.first = q.value(0).toLongLong();
        if (s.second)
            *s.second = q.value(1).toLongLong();
    }
    return success();
}
} // namespace

double processCpuSeconds()
{
    timespec t{};
    if (clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t) != 0)
        return 0;
    return double(t.tv_sec) + double(t.tv_nsec) / 1e9;
}

double ratioBoundOnCores(double rawSeconds, double pipelineCpuSeconds, int cores)
{
    if (pipelineCpuSeconds <= 0 || rawSeconds <= 0 || cores <= 0)
        return 0;
    return rawSeconds * double(cores) / pipelineCpuSeconds;
}

bool pipelineAvailable()
{
    return HH_BENCH_HAVE_PIPELINE != 0;
}

Result<double> runClinicalPipeline(const std::shared_ptr<db::ConnectionFactory>& factory, const QString& profileId,
                                   QString* statsText)
{
#if HH_BENCH_HAVE_PIPELINE
    QElapsedTimer t;
    t.start();
    db::ClinicalPipeline pipeline(factory);
    auto r = pipeline.runForProfile(profileId);
    const double seconds = static_cast<double>(t.nsecsElapsed()) / 1e9;
    pipeline.releaseThread();
    if (!r)
        return r.error();
    if (statsText)
        *statsText = u"raw %1, normalized %2 (errors %3), groups %4, clean written %5, clean rows %6, summary %7"_s
                         .arg(r->rawScanned)
                         .arg(r->normalized)
                         .arg(r->normalizeErrors)
                         .arg(r->groupsRecomputed)
                         .arg(r->cleanWritten)
                         .arg(r->cleanRows)
                         .arg(r->summaryWritten ? u"written"_s : u"not written"_s);
    return seconds;
#else
    Q_UNUSED(factory);
    Q_UNUSED(profileId);
    Q_UNUSED(statsText);
    return Error(ErrorCode::Unknown, u"pipeline not built"_s, u"db/ClinicalPipeline.h is not in this build"_s);
#endif
}

LocalBench::LocalBench(const demo::SyntheticFamily& family, QString patientKey, bool pageTransactionBaseline)
    : m_family(family), m_key(std::move(patientKey)), m_pageTxBaseline(pageTransactionBaseline)
{
}

Result<LocalResult> LocalBench::run(const std::shared_ptr<db::ConnectionFactory>& target, const QString& profileId)
{
    LocalResult out;

    // Every page, generated before anything is timed.
    QList<QByteArray> bundles;
    {
        PageSource pages(m_family, demo::Vendor::Epic, m_key, kPageSize);
        QByteArray bundle;
        while (pages.next(bundle))
            bundles.append(bundle);
    }
    out.pages = bundles.size();

    // Raw side: fresh vaults with the same schema; the pages are parsed first (not timed).
    {
        RawInserter raw(u"bench_raw"_s, kRawBatch);
        if (Status st = raw.open(); !st)
            return st.error();
        std::optional<RawInserter> rawPageTx;
        if (m_pageTxBaseline) {
            rawPageTx.emplace(u"bench_raw_tx"_s, 0);
            if (Status st = rawPageTx->open(); !st)
                return st.error();
        }
        for (const QByteArray& bundle : std::as_const(bundles)) {
            auto page = sync::FhirPage::fromSearchBody(bundle);
            if (!page)
                return page.error();
            if (Status st = raw.insert(page->resources); !st)
                return st.error();
            if (rawPageTx) {
                if (Status st = rawPageTx->insert(page->resources); !st)
                    return st.error();
            }
        }
        if (Status st = raw.finish(); !st)
            return st.error();
        out.rawSeconds = raw.seconds();
        out.rawCpuSeconds = raw.cpuSeconds();
        if (rawPageTx) {
            if (Status st = rawPageTx->finish(); !st)
                return st.error();
            out.rawPageTxSeconds = rawPageTx->seconds();
        }
    }

    // Pipeline side: the connection, as a sign-in makes it (not timed), then the sync's path.
    auto connection = addConnection(*target, profileId, u"bench-epic"_s, QUrl(u"http://127.0.0.1/bench"_s),
                                    m_family.patient(m_key)->epicId);
    if (!connection)
        return connection.error();
    sync::SyncTarget syncTarget;
    syncTarget.connectionId = *connection;
    syncTarget.profileId = profileId;
    syncTarget.endpointId = u"bench-epic"_s;
    syncTarget.vendor = sync::EmrVendor::Epic;
    syncTarget.fhirBaseUrl = u"http://127.0.0.1/bench"_s;

    QElapsedTimer wall;
    wall.start();
    const double ingestCpu0 = processCpuSeconds();
    timespec cpu0{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &cpu0);
    {
        sync::SessionPipe pipe(std::make_shared<db::SyncStore>(target, u"bench_sync"_s));
        if (Status st = pipe.open(); !st)
            return st.error();
        auto jobId = pipe.beginJob(syncTarget);
        if (!jobId)
            return jobId.error();
        for (const QByteArray& bundle : std::as_const(bundles)) {
            auto page = sync::FhirPage::fromSearchBody(bundle);
            if (!page)
                return page.error();
            out.resources += page->resources.size();
            pipe.storePage(*jobId, syncTarget, std::move(page->resources), true);
            if (std::optional<Error> e = pipe.error())
                return *e;
        }
        if (Status st = pipe.flush(); !st)
            return st.error();
        sync::SyncJobResult finished;
        finished.jobId = *jobId;
        finished.profileId = profileId;
        finished.connectionId = *connection;
        finished.endpointId = syncTarget.endpointId;
        finished.status = sync::JobStatus::Success;
        finished.resourcesFetched = out.resources;
        if (Status st = pipe.finishJob(finished); !st)
            return st.error();
    }
    timespec cpu1{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &cpu1);
    out.ingestSeconds = static_cast<double>(wall.nsecsElapsed()) / 1e9;
    out.ingestCpuSeconds = processCpuSeconds() - ingestCpu0;
    out.parseSeconds = double(cpu1.tv_sec - cpu0.tv_sec) + double(cpu1.tv_nsec - cpu0.tv_nsec) / 1e9;
    bundles.clear();

    // Normalize -> de-duplicate -> summary.
    const double clinicalCpu0 = processCpuSeconds();
    auto clinical = runClinicalPipeline(target, profileId, &out.clinicalStats);
    const double clinicalCpu = processCpuSeconds() - clinicalCpu0;
    if (clinical) {
        out.clinicalSeconds = *clinical;
        out.clinicalCpuSeconds = clinicalCpu;
    } else {
        out.clinicalError = clinical.error().detail();
    }
    if (Status st = countStoredBytes(*target, profileId, out); !st)
        return st.error();
    return out;
}

} // namespace hh::bench
