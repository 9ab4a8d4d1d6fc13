#include "db/ClinicalPipeline.h"

#include "core/Domain.h"
#include "core/Log.h"
#include "core/TestHooks.h"
#include "core/clinical/CleanRecord.h"
#include "core/clinical/Deduplicator.h"
#include "core/clinical/NormalizedRecord.h"
#include "core/clinical/Normalizer.h"
#include "core/clinical/SummaryAccumulator.h"
#include "core/clinical/SummaryBuilder.h"
#include "db/CleanDocument.h"
#include "db/ConnectionFactory.h"
#include "db/NormalizedRow.h"
#include "db/SqlUtil.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSet>
#include <QThreadPool>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>
#include <QtConcurrent/QtConcurrentMap>
#include <QtConcurrent/QtConcurrentRun>
#include <QFuture>

#include <algorithm>
#include <cmath>
#include <ctime>
#include <optional>
#include <vector>

namespace hh::db {

using namespace hh::clinical;
using namespace Qt::StringLiterals;

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("hh::db::ClinicalPipeline", text);
}

// Queue row meaning "the summary must be rebuilt" (real group keys are "<ResourceType>:...").
const QString kSummaryMarker = summaryQueueMarker();
// Clean rows written per transaction of the merge phase (several chunks of groups).
constexpr qint64 kCleanCommitRows = 30000;
// Placeholders per "WHERE id IN (...)" read of raw JSON.
constexpr int kInChunk = 200;

bool isMedicationOrder(const QString& type)
{
    return type == u"MedicationRequest" || type == u"MedicationStatement" || type == u"MedicationAdministration"
        || type == u"MedicationDispense";
}

// The resource type a group's clean rows carry (group keys are "<ResourceType>:<concept>").
QString groupType(const QString& group)
{
    return group.section(u':', 0, 0);
}

struct ConnectionMeta {
    QString provider;
    QString endpointId;
};

// A raw row to (re)normalize.
struct WorkItem {
    QString rawId;
    QString connectionId;
    QString resourceType;
    QString resourceId;
    QString contentHash;
    QString normId;   // existing normalized row (empty: insert)
    QString oldGroup; // its dedup_group
};

using MedicationIndex = QHash<QString, QHash<QString, QJsonObject>>; // connection -> Medication id -> resource

std::optional<QJsonObject> resolveMedication(const QHash<QString, QJsonObject>* meds, const QString& reference)
{
    if (!meds)
        return std::nullopt;
    // "Medication/abc", "https://server/fhir/Medication/abc", "Medication/abc/_history/2".
    const qsizetype at = reference.lastIndexOf(u"Medication/");
    if (at < 0 || (at > 0 && reference.at(at - 1) != u'/'))
        return std::nullopt;
    const QString id = reference.mid(at + 11).section(u'/', 0, 0);
    const auto it = meds->constFind(id);
    if (it == meds->cend())
        return std::nullopt;
    return *it;
}

NormalizedRow normalizeOne(const WorkItem& w, const QByteArray& json, const ConnectionMeta& conn,
                           const QHash<QString, QJsonObject>* meds)
{
    NormalizeContext ctx;
    ctx.provider = conn.provider;
    ctx.endpointId = conn.endpointId;
    ctx.connectionId = w.connectionId;
    ctx.rawId = w.rawId;
    if (isMedicationOrder(w.resourceType))
        ctx.resolve = [meds](const QString& reference) { return resolveMedication(meds, reference); };
    // Unsupported types are not parsed (their JSON was not even read).
    const QJsonObject resource = Normalizer::isSupported(w.resourceType) ? QJsonDocument::fromJson(json).object()
                                                                          : QJsonObject();
    return NormalizedRow::make(resource, w.resourceType, w.resourceId, ctx);
}

// A batch of raw rows being normalized on the pool. Waits for its work before it goes away.
struct NormBatch {
    std::vector<WorkItem> items;
    std::vector<QByteArray> json; // same index as items; empty for unsupported types
    std::vector<NormalizedRow> out;
    QList<qsizetype> indices;
    QFuture<void> future;
    NormBatch() = default;
    NormBatch(const NormBatch&) = delete;
    NormBatch& operator=(const NormBatch&) = delete;
    ~NormBatch() { future.waitForFinished(); }
};

// A clean row ready to be written.
struct CleanOut {
    QByteArray sources;
    QByteArray json;
};

struct GroupWork {
    QString group;
    QList<QByteArray> normalizedJson;
    QList<CleanRecord> records; // merged
    std::vector<CleanOut> rows; // serialized, same order as records
};

struct ExistingClean {
    QString id;
    QByteArray sources;
    QByteArray json;
};

// Whole groups being parsed and merged on the pool. Waits for its work before it goes away.
struct GroupChunk {
    std::vector<GroupWork> groups;
    QFuture<void> future;
    GroupChunk() = default;
    GroupChunk(const GroupChunk&) = delete;
    GroupChunk& operator=(const GroupChunk&) = delete;
    ~GroupChunk() { future.waitForFinished(); }

    // Parses the normalized rows, merges every group and serializes the clean rows. Runs as one pool task
    // (no nested blocking on the pool) while the SQL thread writes the previous chunk.
    void compute()
    {
        for (GroupWork& g : groups) {
            QList<NormalizedRecord> records;
            records.reserve(g.normalizedJson.size());
            for (const QByteArray& json : std::as_const(g.normalizedJson))
                records.append(NormalizedRecord::fromJson(QJsonDocument::fromJson(json).object()));
            g.normalizedJson.clear();
            g.records = Deduplicator::mergeGroup(records);
            records.clear();
            g.rows.reserve(size_t(g.records.size()));
            for (const CleanRecord& c : std::as_const(g.records))
                g.rows.push_back(CleanOut{c.sourcesJsonBytes(), c.storedJsonBytes()});
        }
    }
};

// What the summary is built from while the groups are merged: the accumulator and the groups fed to it.
struct SummaryFeed {
    SummaryAccumulator summary;
    QSet<QString> groups;
};

} // namespace

struct ClinicalPipeline::Impl {
    std::shared_ptr<ConnectionFactory> factory;
    const std::atomic<bool>* cancel = nullptr;
    int batchSize = 2000;
    // A private pool: parallel work never competes with (or blocks inside) the global pool.
    QThreadPool pool;

    // Per run.
    QSqlDatabase db;
    QString profileId;
    QString now;
    PipelineStats stats;
    std::function<void(qint64, qint64)> progress;
    qint64 done = 0;
    qint64 total = 0;
    QElapsedTimer phaseTimer;
    qint64 phaseCpuMs = 0;
    qint64 waitMs = 0; // SQL thread waiting for the pool (debug timing)
    qint64 readMs = 0; // SQL thread reading the normalized rows of groups (debug timing)
    QStringList cleanGroups; // groups that had clean rows when the run began (findDirtyGroups), sorted
    // profile_dedup_dirty tokens read by findDirtyGroups(), before the groups' records are read: a queue row is
    // deleted only if its token is still the one read (a sync that queued the group again meanwhile replaced it).
    QHash<QString, qint64> dirtyTokens;
    qint64 summaryToken = 0;
    static qint64 cpuMs()
    {
        timespec ts{};
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
        return qint64(ts.tv_sec) * 1000 + ts.tv_nsec / 1000000;
    }
    static qint64 rssMb()
    {
        QFile f(u"/proc/self/statm"_s);
        if (!f.open(QIODevice::ReadOnly))
            return -1;
        return f.readAll().split(' ').value(1).toLongLong() * 4096 / (1024 * 1024);
    }
    // Debug timing per phase (wall and process CPU), for tuning; counts only.
    void phase(const char* name)
    {
        const qint64 cpu = cpuMs();
        qCDebug(lcDb) << "clinical pipeline phase" << name << phaseTimer.restart() << "ms wall," << (cpu - phaseCpuMs)
                      << "ms cpu," << rssMb() << "MB resident";
        phaseCpuMs = cpu;
        if (waitMs > 0 || readMs > 0)
            qCDebug(lcDb) << "  of which waiting for the pool:" << waitMs << "ms, reading groups:" << readMs << "ms";
        waitMs = 0;
        readMs = 0;
    }

    [[nodiscard]] bool cancelled() const { return cancel && cancel->load(); }
    // Progress as a share that never goes back: total grows when the merge's size becomes known (the normalize
    // phase reserves as much again as it scans, mergeReserve), and a reported share is never undercut.
    void report()
    {
        if (!progress || total <= 0)
            return;
        qint64 shown = std::min(done, total);
        const qint64 floor = qint64(std::ceil(lastShare * double(total)));
        shown = std::max(shown, std::min(floor, total));
        lastShare = double(shown) / double(total);
        progress(shown, total);
    }
    double lastShare = 0;
    qint64 mergeReserve = 0;
    static Error dbError(const QSqlError& e, const QString& message) { return Error(ErrorCode::Database, message, e.text()); }
    static Error cancelledError()
    {
        return Error(ErrorCode::Cancelled, tr("Updating the records was cancelled."), u"pipeline cancelled"_s);
    }
    [[nodiscard]] Status prepare(QSqlQuery& q, const QString& sql) const
    {
        q = QSqlQuery(db);
        q.setForwardOnly(true);
        if (!q.prepare(sql))
            return dbError(q.lastError(), tr("The records could not be updated."));
        return success();
    }

    Status run();
    Status loadConnections(QHash<QString, ConnectionMeta>& meta, QList<ConnectionInfo>& infos, QString& newestChange);
    Status normalizePhase(const QHash<QString, ConnectionMeta>& meta, bool& changed);
    Status loadMedications(MedicationIndex& index);
    Status findDirtyGroups(bool summaryAbsent, QStringList& groups, QHash<QString, qint64>& groupRows, bool& marker);
    Status recomputeGroups(const QStringList& groups, const QHash<QString, qint64>& groupRows,
                           SummaryFeed& feed, bool& changed);
    Status writeSummary(const QList<ConnectionInfo>& infos, SummaryFeed& feed);
    Status feedUnmergedGroups(const QStringList& unmerged, SummaryFeed& feed);
    Status feedAllUnmerged(SummaryFeed& feed);
    Status updateStatus(bool withSummary, const QByteArray& summaryJson);
    void markFailed(const Error& error);

    Q_DECLARE_TR_FUNCTIONS(hh::db::ClinicalPipeline::Impl)
};

ClinicalPipeline::ClinicalPipeline(std::shared_ptr<ConnectionFactory> factory) : d(std::make_unique<Impl>())
{
    d->factory = std::move(factory);
}

ClinicalPipeline::~ClinicalPipeline() = default;

void ClinicalPipeline::setCancelFlag(const std::atomic<bool>* flag)
{
    d->cancel = flag;
}

void ClinicalPipeline::setBatchSize(int rows)
{
    d->batchSize = std::max(1, rows);
}

void ClinicalPipeline::releaseThread()
{
    d->db = QSqlDatabase();
    if (d->factory)
        d->factory->releaseThreadConnections();
}

Result<PipelineStats> ClinicalPipeline::runForProfile(const QString& profileId,
                                                      const std::function<void(qint64, qint64)>& progress)
{
    QElapsedTimer timer;
    timer.start();
    auto db = d->factory->connection(QString::fromLatin1(kConnectionRole));
    if (!db)
        return db.error();
    d->db = *db;
    d->profileId = profileId;
    d->now = nowUtcIso();
    d->stats = {};
    d->cleanGroups.clear();
    d->dirtyTokens.clear();
    d->summaryToken = 0;
    d->progress = progress;
    d->done = 0;
    d->total = 0;
    d->lastShare = 0;
    d->mergeReserve = 0;
    d->phaseTimer.start();
    d->phaseCpuMs = Impl::cpuMs();
    Status st = d->run();
    d->progress = {};
    d->stats.elapsedMs = timer.elapsed();
    if (!st) {
        if (st.error().code() != ErrorCode::Cancelled && st.error().code() != ErrorCode::NotFound)
            d->markFailed(st.error());
        qCWarning(lcDb) << "clinical pipeline stopped:" << st.error().detail();
        return st.error();
    }
    qCInfo(lcDb).nospace() << "clinical pipeline: " << d->stats.rawScanned << " raw, " << d->stats.normalized
                           << " normalized, " << d->stats.removed << " removed, " << d->stats.groupsRecomputed
                           << " groups, " << d->stats.cleanRows << " clean rows in " << d->stats.elapsedMs << " ms";
    return d->stats;
}

Status ClinicalPipeline::Impl::run()
{
    {
        QSqlQuery q;
        if (Status st = prepare(q, u"SELECT 1 FROM profiles WHERE id = ?"_s); !st)
            return st;
        q.addBindValue(profileId);
        if (!q.exec())
            return dbError(q.lastError(), tr("The records could not be updated."));
        if (!q.next())
            return Error(ErrorCode::NotFound, tr("The profile no longer exists."), u"no profile row"_s);
    }
    QHash<QString, ConnectionMeta> meta;
    QList<ConnectionInfo> infos;
    QString newestConnectionChange;
    if (Status st = loadConnections(meta, infos, newestConnectionChange); !st)
        return st;

    phase("connections");
    bool normalizedChanged = false;
    if (Status st = normalizePhase(meta, normalizedChanged); !st)
        return st;
    phase("normalize");
    if (cancelled())
        return cancelledError();

    // Summary state: absent (never built, or dropped with a connection's data) -> every group is merged again.
    QString generatedAt;
    bool summaryAbsent = true;
    {
        QSqlQuery q;
        if (Status st = prepare(q, u"SELECT summary_json FROM profile_summary WHERE profile_id = ?"_s); !st)
            return st;
        q.addBindValue(profileId);
        if (!q.exec())
            return dbError(q.lastError(), tr("The records could not be updated."));
        if (q.next() && !q.value(0).isNull()) {
            summaryAbsent = false;
            const QJsonObject doc = QJsonDocument::fromJson(q.value(0).toString().toUtf8()).object();
            generatedAt = doc.value(u"generated_at"_s).toString();
        }
    }

    QStringList groups;
    QHash<QString, qint64> groupRows;
    bool marker = false;
    if (Status st = findDirtyGroups(summaryAbsent, groups, groupRows, marker); !st)
        return st;
    phase("dirty groups");
    qint64 mergeWork = 1; // the summary
    for (const QString& g : std::as_const(groups))
        mergeWork += std::max<qint64>(1, groupRows.value(g));
    total += mergeWork - mergeReserve; // the merge's real size replaces the reserve
    mergeReserve = 0;
    report();

    SummaryFeed feed;
    bool cleanChanged = false;
    if (Status st = recomputeGroups(groups, groupRows, feed, cleanChanged); !st)
        return st;
    if (cancelled())
        return cancelledError();

    phase("clean");
    const bool connectionsNewer = !generatedAt.isEmpty() && newestConnectionChange > generatedAt;
    const bool needSummary = summaryAbsent || marker || normalizedChanged || cleanChanged || connectionsNewer;
    if (needSummary) {
        if (Status st = writeSummary(infos, feed); !st)
            return st;
        stats.summaryWritten = true;
    } else {
        if (Status st = updateStatus(false, {}); !st)
            return st;
    }
    {
        QSqlQuery q;
        if (Status st = prepare(q, u"SELECT count(*) FROM profile_fhir_resources_clean WHERE profile_id = ?"_s); !st)
            return st;
        q.addBindValue(profileId);
        if (!q.exec() || !q.next())
            return dbError(q.lastError(), tr("The records could not be updated."));
        stats.cleanRows = q.value(0).toLongLong();
    }
    phase("summary");
    done = total;
    report();
    return success();
}

Status ClinicalPipeline::Impl::loadConnections(QHash<QString, ConnectionMeta>& meta, QList<ConnectionInfo>& infos,
                                               QString& newestChange)
{
    QSqlQuery q;
    if (Status st = prepare(q, u"SELECT c.id, c.provider, c.endpoint_id, e.name, c.status, c.last_synced_at, "
                               u"c.last_error, c.updated_at FROM profile_emr_connections c "
                               u"JOIN emr_endpoints e ON e.id = c.endpoint_id WHERE c.profile_id = ? ORDER BY c.created_at"_s);
        !st)
        return st;
    q.addBindValue(profileId);
    if (!q.exec())
        return dbError(q.lastError(), tr("The records could not be updated."));
    while (q.next()) {
        ConnectionInfo c;
        c.connectionId = q.value(0).toString();
        c.provider = q.value(1).toString();
        c.endpointId = q.value(2).toString();
        c.endpointName = q.value(3).toString();
        c.status = q.value(4).toString();
        c.lastSyncedAt = q.value(5).toString();
        c.lastError = q.value(6).toString();
        newestChange = std::max({newestChange, c.lastSyncedAt, q.value(7).toString()});
        meta.insert(c.connectionId, ConnectionMeta{c.provider, c.endpointId});
        infos.append(c);
    }
    // What each health system refused in its latest finished sync: a type with a refused query of which the
    // connection holds no record (an incremental pass fetches nothing unchanged: the stored records count).
    QSqlQuery job;
    if (Status st = prepare(job, u"SELECT errors FROM profile_sync_jobs WHERE connection_id = ? AND status IN "
                                 u"('success', 'partial') ORDER BY created_at DESC LIMIT 1"_s);
        !st)
        return st;
    QSqlQuery held;
    if (Status st = prepare(held, u"SELECT 1 FROM profile_fhir_resources_raw WHERE connection_id = ? AND "
                                  u"resource_type = ? AND missing_since_job_id IS NULL LIMIT 1"_s);
        !st)
        return st;
    static const QStringList kShown{u"Condition"_s, u"MedicationRequest"_s, u"AllergyIntolerance"_s,
                                    u"Immunization"_s, u"Observation"_s, u"Encounter"_s};
    for (ConnectionInfo& c : infos) {
        job.bindValue(0, c.connectionId);
        if (!job.exec())
            return dbError(job.lastError(), tr("The records could not be updated."));
        if (!job.next())
            continue;
        const QJsonArray errors = QJsonDocument::fromJson(job.value(0).toString().toUtf8()).array();
        job.finish();
        for (const QJsonValue& v : errors) {
            const QJsonObject e = v.toObject();
            const QString type = e.value("type"_L1).toString();
            if (e.value("result"_L1).toString() != u"unavailable" || !kShown.contains(type) || c.notShared.contains(type))
                continue;
            held.bindValue(0, c.connectionId);
            held.bindValue(1, type);
            if (!held.exec())
                return dbError(held.lastError(), tr("The records could not be updated."));
            const bool holds = held.next();
            held.finish();
            if (!holds)
                c.notShared.append(type);
        }
    }
    return success();
}

Status ClinicalPipeline::Impl::loadMedications(MedicationIndex& index)
{
    QSqlQuery q;
    if (Status st = prepare(q, u"SELECT connection_id, resource_id, CAST(resource_json AS BLOB) FROM "
                               u"profile_fhir_resources_raw WHERE profile_id = ? AND resource_type = 'Medication' "
                               u"AND missing_since_job_id IS NULL"_s);
        !st)
        return st;
    q.addBindValue(profileId);
    if (!q.exec())
        return dbError(q.lastError(), tr("The records could not be read."));
    while (q.next()) {
        const QJsonObject o = QJsonDocument::fromJson(q.value(2).toByteArray()).object();
        if (!o.isEmpty())
            index[q.value(0).toString()].insert(q.value(1).toString(), o);
    }
    return success();
}

Status ClinicalPipeline::Impl::normalizePhase(const QHash<QString, ConnectionMeta>& meta, bool& changed)
{
    const QString readError = tr("The records could not be read.");
    const QString saveError = tr("The records could not be updated.");
    {
        QSqlQuery q;
        if (Status st = prepare(q, u"SELECT count(*) FROM profile_fhir_resources_raw WHERE profile_id = ?"_s); !st)
            return st;
        q.addBindValue(profileId);
        if (!q.exec() || !q.next())
            return dbError(q.lastError(), readError);
        stats.rawScanned = q.value(0).toLongLong();
        // As much again for de-duplicating (replaced by its real size once the groups are known), so the share
        // shown does not reach 100% here and fall back afterwards.
        mergeReserve = stats.rawScanned;
        total = stats.rawScanned + mergeReserve;
        report();
    }
    // References of medication orders resolve against the same connection's Medication rows (few).
    MedicationIndex medications;
    if (Status st = loadMedications(medications); !st)
        return st;

    // The scan walks the profile's raw rows in rowid order, a batch at a time (keyset; `+` keeps SQLite on
    // the rowid range instead of an index that would need a sort). SQLite skips the up-to-date rows itself
    // (hash and version compared in the query: a first sync's pipeline run gets back only the rows the sync
    // left to it); the medication orders come back too (redone if a Medication of theirs changed). The JSON is
    // fetched only for the rows that need work.
    QSqlQuery scan, readIn, insert, update, dirty, remove;
    if (Status st = prepare(scan, u"SELECT r.rowid, r.id, r.connection_id, r.resource_type, r.resource_id, r.content_hash, "
                                  u"r.missing_since_job_id IS NOT NULL, n.id, n.raw_hash, n.normalizer_version, "
                                  u"n.dedup_group FROM profile_fhir_resources_raw r "
                                  u"LEFT JOIN profile_fhir_resources_normalized n ON n.raw_id = r.id "
                                  u"WHERE +r.profile_id = ? AND r.rowid > ? AND (n.id IS NULL OR "
                                  u"r.missing_since_job_id IS NOT NULL OR n.raw_hash IS NOT r.content_hash OR "
                                  u"n.normalizer_version < ? OR r.resource_type IN ('MedicationRequest', "
                                  u"'MedicationStatement', 'MedicationAdministration', 'MedicationDispense')) "
                                  u"ORDER BY r.rowid LIMIT ?"_s);
        !st)
        return st;
    QString inSql = u"SELECT id, CAST(resource_json AS BLOB) FROM profile_fhir_resources_raw WHERE id IN (?"_s;
    for (int i = 1; i < kInChunk; ++i)
        inSql += u", ?"_s;
    inSql += u')';
    if (Status st = prepare(readIn, inSql); !st)
        return st;
    if (Status st = prepare(insert, normalizedInsertSql()); !st)
        return st;
    if (Status st = prepare(update, normalizedUpdateSql()); !st)
        return st;
    if (Status st = prepare(dirty, u"INSERT OR IGNORE INTO profile_dedup_dirty (profile_id, dedup_group) VALUES (?, ?)"_s);
        !st)
        return st;
    if (Status st = prepare(remove, u"DELETE FROM profile_fhir_resources_normalized WHERE id = ?"_s); !st)
        return st;

    QSet<QString> queued; // groups queued in the current transaction
    auto queue = [&](const QString& group) -> Status {
        if (group.isEmpty() || queued.contains(group))
            return success();
        dirty.bindValue(0, profileId);
        dirty.bindValue(1, group);
        if (!dirty.exec())
            return dbError(dirty.lastError(), saveError);
        queued.insert(group);
        return success();
    };

    // The raw JSON of a batch's rows (supported types only), read by id: the scan itself reads no JSON.
    auto readJson = [&](NormBatch& b) -> Status {
        b.json.assign(b.items.size(), QByteArray());
        QHash<QString, size_t> wanted;
        for (size_t i = 0; i < b.items.size(); ++i) {
            if (Normalizer::isSupported(b.items[i].resourceType))
                wanted.insert(b.items[i].rawId, i);
        }
        const QStringList ids = wanted.keys();
        for (qsizetype c = 0; c < ids.size(); c += kInChunk) {
            int bound = 0;
            for (qsizetype i = c; i < std::min(ids.size(), c + kInChunk); ++i)
                readIn.bindValue(bound++, ids.at(i));
            for (int i = bound; i < kInChunk; ++i)
                readIn.bindValue(i, QString()); // matches no id
            if (!readIn.exec())
                return dbError(readIn.lastError(), readError);
            while (readIn.next()) {
                const auto it = wanted.constFind(readIn.value(0).toString());
                if (it != wanted.cend())
                    b.json[*it] = readIn.value(1).toByteArray();
            }
            readIn.finish();
        }
        return success();
    };

    // Normalizing runs on the pool while the SQL thread writes the previous batch and reads the next.
    auto startNormalize = [&](NormBatch& b) {
        b.out.resize(b.items.size());
        b.indices.resize(qsizetype(b.items.size()));
        for (qsizetype i = 0; i < b.indices.size(); ++i)
            b.indices[i] = i;
        static const ConnectionMeta kNoConnection;
        b.future = QtConcurrent::map(&pool, b.indices, [&b, &meta, &medications](qsizetype i) {
            const WorkItem& w = b.items[size_t(i)];
            const auto m = meta.constFind(w.connectionId);
            const auto meds = medications.constFind(w.connectionId);
            b.out[size_t(i)] = normalizeOne(w, b.json[size_t(i)], m == meta.cend() ? kNoConnection : *m,
                                            meds == medications.cend() ? nullptr : &*meds);
            b.json[size_t(i)] = QByteArray();
        });
    };
    auto writeBatch = [&](NormBatch& b) -> Status {
        QElapsedTimer waited;
        waited.start();
        b.future.waitForFinished();
        waitMs += waited.elapsed();
        Transaction tx(db);
        if (!tx.isActive())
            return dbError(db.lastError(), saveError);
        if (Status st = queue(kSummaryMarker); !st)
            return st;
        for (size_t i = 0; i < b.items.size(); ++i) {
            const WorkItem& w = b.items[i];
            const NormalizedRow& o = b.out[i];
            QSqlQuery& q = w.normId.isEmpty() ? insert : update;
            if (w.normId.isEmpty())
                bindNormalizedInsert(q, w.rawId, profileId, w.contentHash, o, now);
            else
                bindNormalizedUpdate(q, w.normId, w.contentHash, o, now);
            if (!q.exec())
                return dbError(q.lastError(), saveError);
            if (Status st = queue(w.oldGroup); !st)
                return st;
            if (Status st = queue(o.group); !st)
                return st;
            ++stats.normalized;
            if (!o.error.isEmpty())
                ++stats.normalizeErrors;
        }
        testhook::reached("pipeline.normalize.before-commit");
        if (!tx.commit())
            return dbError(db.lastError(), saveError);
        testhook::reached("pipeline.normalize.after-commit");
        queued.clear();
        changed = true;
        return success();
    };

    std::vector<WorkItem> medicationOrders;            // up to date; redone if a Medication of their connection changed
    std::vector<std::pair<QString, QString>> removals; // normalized id, its group
    QSet<QString> medicationChanged;                    // connections whose Medication rows changed
    std::unique_ptr<NormBatch> pending;
    qint64 lastRowid = 0;
    qint64 returned = 0; // rows the scan returned (the others are up to date)
    bool exhausted = false;
    while (!exhausted) {
        if (cancelled())
            return cancelledError();
        auto next = std::make_unique<NormBatch>();
        scan.bindValue(0, profileId);
        scan.bindValue(1, lastRowid);
        scan.bindValue(2, kNormalizerVersion);
        scan.bindValue(3, batchSize);
        if (!scan.exec())
            return dbError(scan.lastError(), readError);
        int rows = 0;
        while (scan.next()) {
            ++rows;
            ++returned;
            lastRowid = scan.value(0).toLongLong();
            const QString type = scan.value(3).toString();
            const QVariant normId = scan.value(7);
            if (scan.value(6).toLongLong() != 0) { // marked missing
                if (!normId.isNull()) {
                    removals.emplace_back(normId.toString(), scan.value(10).toString());
                    if (type == u"Medication")
                        medicationChanged.insert(scan.value(2).toString());
                }
                continue;
            }
            WorkItem w;
            w.rawId = scan.value(1).toString();
            w.connectionId = scan.value(2).toString();
            w.resourceType = type;
            w.resourceId = scan.value(4).toString();
            w.contentHash = scan.value(5).toString();
            const bool upToDate = !normId.isNull() && scan.value(8).toString() == w.contentHash
                && scan.value(9).toInt() >= kNormalizerVersion;
            if (!normId.isNull()) {
                w.normId = normId.toString();
                w.oldGroup = scan.value(10).toString();
            }
            if (upToDate) {
                if (isMedicationOrder(type))
                    medicationOrders.push_back(std::move(w));
                else
                    ++stats.unchanged;
                continue;
            }
            if (type == u"Medication")
                medicationChanged.insert(w.connectionId);
            next->items.push_back(std::move(w));
        }
        scan.finish();
        exhausted = rows < batchSize;
        if (!next->items.empty()) {
            if (Status st = readJson(*next); !st)
                return st;
            startNormalize(*next);
        }
        if (pending) {
            if (Status st = writeBatch(*pending); !st)
                return st;
        }
        pending = next->items.empty() ? nullptr : std::move(next);
        done += rows;
        report();
    }
    if (pending) {
        if (Status st = writeBatch(*pending); !st)
            return st;
        pending.reset();
    }
    // The rows the query skipped were up to date.
    const qint64 skipped = std::max<qint64>(0, stats.rawScanned - returned);
    stats.unchanged += skipped;
    done += skipped;
    report();

    // Orders whose Medication changed: normalized again with the new Medication.
    std::vector<WorkItem> redo;
    for (WorkItem& w : medicationOrders) {
        if (medicationChanged.contains(w.connectionId))
            redo.push_back(std::move(w));
        else
            ++stats.unchanged;
    }
    medicationOrders.clear();
    total += qint64(redo.size()) + qint64(removals.size());
    for (size_t start = 0; start < redo.size(); start += size_t(batchSize)) {
        if (cancelled())
            return cancelledError();
        const size_t end = std::min(redo.size(), start + size_t(batchSize));
        NormBatch b;
        for (size_t i = start; i < end; ++i)
            b.items.push_back(std::move(redo[i]));
        if (Status st = readJson(b); !st)
            return st;
        startNormalize(b);
        if (Status st = writeBatch(b); !st)
            return st;
        done += qint64(end - start);
        report();
    }

    // Removals (raw rows marked missing), with their groups queued, in one transaction per batch.
    for (size_t start = 0; start < removals.size(); start += size_t(batchSize)) {
        if (cancelled())
            return cancelledError();
        const size_t end = std::min(removals.size(), start + size_t(batchSize));
        Transaction tx(db);
        if (!tx.isActive())
            return dbError(db.lastError(), saveError);
        if (Status st = queue(kSummaryMarker); !st)
            return st;
        for (size_t i = start; i < end; ++i) {
            remove.bindValue(0, removals[i].first);
            if (!remove.exec())
                return dbError(remove.lastError(), saveError);
            if (Status st = queue(removals[i].second); !st)
                return st;
            ++stats.removed;
        }
        if (!tx.commit())
            return dbError(db.lastError(), saveError);
        queued.clear();
        changed = true;
        done += qint64(end - start);
        report();
    }
    return success();
}

Status ClinicalPipeline::Impl::findDirtyGroups(bool summaryAbsent, QStringList& groups, QHash<QString, qint64>& groupRows,
                                               bool& marker)
{
    const QString readError = tr("The records could not be read.");
    QSet<QString> dirty;
    {
        QSqlQuery q;
        if (Status st = prepare(q, u"SELECT dedup_group, token FROM profile_dedup_dirty WHERE profile_id = ?"_s); !st)
            return st;
        q.addBindValue(profileId);
        if (!q.exec())
            return dbError(q.lastError(), readError);
        while (q.next()) {
            dirty.insert(q.value(0).toString());
            dirtyTokens.insert(q.value(0).toString(), q.value(1).toLongLong());
        }
    }
    marker = dirty.remove(kSummaryMarker);
    summaryToken = dirtyTokens.take(kSummaryMarker);

    // Groups on both sides, read from covering indexes only (idx_norm_group, the clean key index). A group
    // with clean rows but no normalized row any more is stale (its raw rows were deleted by cascade).
    // Partial deletions come only with a connection's data (ConnectionStore), which also deletes the summary:
    // an absent summary merges every group again.
    {
        QSqlQuery q;
        if (Status st = prepare(q, u"SELECT dedup_group, count(*) FROM profile_fhir_resources_normalized "
                                   u"WHERE profile_id = ? AND dedup_group IS NOT NULL GROUP BY dedup_group"_s);
            !st)
            return st;
        q.addBindValue(profileId);
        if (!q.exec())
            return dbError(q.lastError(), readError);
        while (q.next())
            groupRows.insert(q.value(0).toString(), q.value(1).toLongLong());
    }
    QSet<QString> withClean;
    {
        QSqlQuery q;
        if (Status st = prepare(q, u"SELECT dedup_key FROM profile_fhir_resources_clean WHERE profile_id = ?"_s); !st)
            return st;
        q.addBindValue(profileId);
        if (!q.exec())
            return dbError(q.lastError(), readError);
        QString last;
        while (q.next()) {
            QString g = Deduplicator::groupKeyOf(q.value(0).toString());
            if (g != last) {
                withClean.insert(g);
                last = std::move(g);
            }
        }
    }
    cleanGroups = QStringList(withClean.cbegin(), withClean.cend());
    std::sort(cleanGroups.begin(), cleanGroups.end());
    if (summaryAbsent) {
        for (auto it = groupRows.cbegin(); it != groupRows.cend(); ++it)
            dirty.insert(it.key());
        dirty.unite(withClean);
    } else {
        qint64 stale = 0;
        for (const QString& g : std::as_const(withClean)) {
            if (!groupRows.contains(g) && !dirty.contains(g)) {
                dirty.insert(g);
                ++stale;
            }
        }
        if (stale > 0)
            qCInfo(lcDb) << "clinical pipeline: repairing" << stale << "stale groups";
    }
    groups = QStringList(dirty.cbegin(), dirty.cend());
    // Sorted: the per-group reads walk idx_norm_group and the clean key index in order.
    std::sort(groups.begin(), groups.end());
    return success();
}

Status ClinicalPipeline::Impl::recomputeGroups(const QStringList& groups, const QHash<QString, qint64>& groupRows,
                                               SummaryFeed& feed, bool& changed)
{
    if (groups.isEmpty())
        return success();
    const QString readError = tr("The records could not be read.");
    const QString saveError = tr("The records could not be updated.");
    QSqlQuery loadNorm, loadClean, insert, update, remove, undirty, marker;
    if (Status st = prepare(loadNorm, u"SELECT CAST(normalized_json AS BLOB) FROM profile_fhir_resources_normalized "
                                      u"WHERE profile_id = ? AND dedup_group = ?"_s);
        !st)
        return st;
    if (Status st = prepare(loadClean, u"SELECT id, dedup_key, CAST(sources AS BLOB), CAST(clean_json AS BLOB) FROM "
                                       u"profile_fhir_resources_clean WHERE profile_id = ? AND resource_type = ? "
                                       u"AND dedup_key >= ? AND dedup_key < ?"_s);
        !st)
        return st;
    if (Status st = prepare(insert, u"INSERT INTO profile_fhir_resources_clean (id, profile_id, resource_type, dedup_key, "
                                    u"status, canonical_system, canonical_code, display, effective_at, value_num, "
                                    u"value_unit, value_text, abnormal, has_conflict, sources, clean_json, updated_at) "
                                    u"VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS TEXT), CAST(? AS TEXT), ?)"_s);
        !st)
        return st;
    if (Status st = prepare(update, u"UPDATE profile_fhir_resources_clean SET status = ?, canonical_system = ?, "
                                    u"canonical_code = ?, display = ?, effective_at = ?, value_num = ?, value_unit = ?, "
                                    u"value_text = ?, abnormal = ?, has_conflict = ?, sources = CAST(? AS TEXT), "
                                    u"clean_json = CAST(? AS TEXT), updated_at = ? WHERE id = ?"_s);
        !st)
        return st;
    if (Status st = prepare(remove, u"DELETE FROM profile_fhir_resources_clean WHERE id = ?"_s); !st)
        return st;
    if (Status st = prepare(undirty, u"DELETE FROM profile_dedup_dirty WHERE profile_id = ? AND dedup_group = ? "
                                     u"AND token = ?"_s);
        !st)
        return st;
    if (Status st = prepare(marker, u"INSERT OR IGNORE INTO profile_dedup_dirty (profile_id, dedup_group) VALUES (?, ?)"_s);
        !st)
        return st;

    // Chunks of whole groups, about 4 batches of normalized rows each: read (SQL thread), parse and merge
    // (pool, while the SQL thread writes the previous chunk and reads the next), write (SQL thread, one
    // transaction: a group's clean rows and its queue row go together).
    const qint64 chunkRows = std::max<qint64>(qint64(batchSize) * 4, 1);
    // Several chunks share a transaction (committed at kCleanCommitRows rows and after the last chunk): fewer,
    // larger commits rewrite fewer index pages. A group's clean rows and its queue row always commit together.
    std::optional<Transaction> tx;
    qint64 txRows = 0;
    auto writeChunk = [&](GroupChunk& chunk, bool last) -> Status {
        QElapsedTimer waited;
        waited.start();
        chunk.future.waitForFinished();
        waitMs += waited.elapsed();
        if (!tx) {
            tx.emplace(db);
            if (!tx->isActive()) {
                tx.reset();
                return dbError(db.lastError(), saveError);
            }
        }
        bool chunkChanged = false;
        for (GroupWork& g : chunk.groups) {
            QHash<QString, ExistingClean> existing;
            loadClean.bindValue(0, profileId);
            loadClean.bindValue(1, groupType(g.group));
            loadClean.bindValue(2, Deduplicator::dedupKeyPrefix(g.group));
            loadClean.bindValue(3, Deduplicator::dedupKeyPrefixEnd(g.group));
            if (!loadClean.exec())
                return dbError(loadClean.lastError(), readError);
            while (loadClean.next())
                existing.insert(loadClean.value(1).toString(), ExistingClean{loadClean.value(0).toString(),
                                                                             loadClean.value(2).toByteArray(),
                                                                             loadClean.value(3).toByteArray()});
            loadClean.finish();

            QSet<QString> newKeys;
            for (const CleanRecord& c : std::as_const(g.records))
                newKeys.insert(c.dedupKey);
            for (auto it = existing.cbegin(); it != existing.cend(); ++it) {
                if (newKeys.contains(it.key()))
                    continue;
                remove.bindValue(0, it->id);
                if (!remove.exec())
                    return dbError(remove.lastError(), saveError);
                ++stats.cleanDeleted;
                chunkChanged = true;
            }
            for (qsizetype i = 0; i < g.records.size(); ++i) {
                const CleanRecord& c = g.records.at(i);
                const CleanOut& o = g.rows[size_t(i)];
                const auto old = existing.constFind(c.dedupKey);
                if (old != existing.cend() && old->sources == o.sources && old->json == o.json)
                    continue; // identical: not rewritten
                const bool isNew = old == existing.cend();
                QSqlQuery& q = isNew ? insert : update;
                int k = 0;
                if (isNew) {
                    q.bindValue(k++, newOrderedId());
                    q.bindValue(k++, profileId);
                    q.bindValue(k++, c.resourceType);
                    q.bindValue(k++, c.dedupKey);
                }
                q.bindValue(k++, nullIfEmpty(c.status));
                q.bindValue(k++, nullIfEmpty(c.canonicalSystem));
                q.bindValue(k++, nullIfEmpty(c.canonicalCode));
                q.bindValue(k++, nullIfEmpty(c.display));
                q.bindValue(k++, nullIfEmpty(c.effectiveAt));
                q.bindValue(k++, nullIfAbsent(c.valueNum()));
                q.bindValue(k++, nullIfEmpty(c.valueUnit()));
                q.bindValue(k++, nullIfEmpty(c.valueText()));
                q.bindValue(k++, nullIfEmpty(c.abnormal()));
                q.bindValue(k++, c.hasConflict ? 1 : 0);
                q.bindValue(k++, o.sources);
                q.bindValue(k++, o.json);
                q.bindValue(k++, now);
                if (!isNew)
                    q.bindValue(k++, old->id);
                if (!q.exec())
                    return dbError(q.lastError(), saveError);
                ++stats.cleanWritten;
                chunkChanged = true;
            }
            g.rows.clear();
            // Only the queue row this run read (before the group's records): a sync that stored more records of
            // the group since then replaced it, and the group stays queued for the next run.
            if (const auto token = dirtyTokens.constFind(g.group); token != dirtyTokens.cend()) {
                undirty.bindValue(0, profileId);
                undirty.bindValue(1, g.group);
                undirty.bindValue(2, *token);
                if (!undirty.exec())
                    return dbError(undirty.lastError(), saveError);
            }
            ++stats.groupsRecomputed;
        }
        if (chunkChanged) {
            // The summary is rebuilt even if the process stops before it is written.
            marker.bindValue(0, profileId);
            marker.bindValue(1, kSummaryMarker);
            if (!marker.exec())
                return dbError(marker.lastError(), saveError);
            changed = true;
        }
        for (const GroupWork& g : chunk.groups)
            txRows += std::max<qint64>(1, groupRows.value(g.group));
        if (last || txRows >= kCleanCommitRows) {
            testhook::reached("pipeline.clean.before-commit");
            const bool committed = tx->commit();
            tx.reset();
            txRows = 0;
            if (!committed)
                return dbError(db.lastError(), saveError);
            testhook::reached("pipeline.clean.after-commit");
        }
        for (GroupWork& g : chunk.groups) {
            done += std::max<qint64>(1, groupRows.value(g.group));
            for (const CleanRecord& c : std::as_const(g.records))
                feed.summary.add(c);
            feed.groups.insert(g.group);
            g.records.clear();
        }
        report();
        return success();
    };

    std::unique_ptr<GroupChunk> pending;
    qsizetype next = 0;
    while (next < groups.size()) {
        if (cancelled())
            return cancelledError();
        auto chunk = std::make_unique<GroupChunk>();
        qint64 rows = 0;
        while (next < groups.size() && (chunk->groups.empty() || rows < chunkRows)) {
            const QString& g = groups.at(next++);
            rows += std::max<qint64>(1, groupRows.value(g));
            chunk->groups.push_back(GroupWork{g, {}, {}, {}});
        }
        QElapsedTimer readTimer;
        readTimer.start();
        for (size_t gi = 0; gi < chunk->groups.size(); ++gi) {
            loadNorm.bindValue(0, profileId);
            loadNorm.bindValue(1, chunk->groups[gi].group);
            if (!loadNorm.exec())
                return dbError(loadNorm.lastError(), readError);
            while (loadNorm.next())
                chunk->groups[gi].normalizedJson.append(loadNorm.value(0).toByteArray());
            loadNorm.finish();
        }
        readMs += readTimer.elapsed();
        testhook::reached("pipeline.clean.groups-read");
        GroupChunk* c = chunk.get();
        c->future = QtConcurrent::run(&pool, [c]() { c->compute(); });
        if (pending) {
            if (Status st = writeChunk(*pending, false); !st)
                return st;
        }
        pending = std::move(chunk);
    }
    if (pending) {
        if (Status st = writeChunk(*pending, true); !st)
            return st;
    }
    return success();
}

Status ClinicalPipeline::Impl::writeSummary(const QList<ConnectionInfo>& infos, SummaryFeed& feed)
{
    // The groups merged in this run were fed to the accumulator as they were written; the clean rows of every
    // other group are read back (memory stays bounded by what the summary shows, not by the records). Types the
    // summary only counts are fed their sources alone; the others are parsed on the pool, a batch at a time.
    const QString readError = tr("The records could not be read.");
    struct Stored {
        CleanRecord::Columns columns;
        QByteArray json;
    };
    QList<Stored> pending;
    auto flush = [&]() {
        if (pending.isEmpty())
            return;
        const QList<CleanRecord> parsed =
            QtConcurrent::blockingMapped<QList<CleanRecord>>(&pool, pending, [](const Stored& s) {
                return CleanRecord::fromJson(
                    CleanRecord::withColumns(QJsonDocument::fromJson(s.json).object(), s.columns));
            });
        for (const CleanRecord& c : parsed)
            feed.summary.add(c);
        pending.clear();
    };
    auto addCounted = [&](const QString& type, const QByteArray& sourcesJson) {
        QList<SourceRef> sources;
        const QJsonArray array = QJsonDocument::fromJson(sourcesJson).array();
        for (const QJsonValue& v : array)
            sources.append(SourceRef::fromJson(v.toObject()));
        feed.summary.addCounted(type, sources);
    };
    auto addRecord = [&](CleanRecord::Columns columns, QByteArray json) {
        pending.append(Stored{std::move(columns), std::move(json)});
        if (pending.size() >= batchSize * 2)
            flush();
    };

    QStringList unmerged;
    for (const QString& g : std::as_const(cleanGroups))
        if (!feed.groups.contains(g))
            unmerged.append(g);
    if (unmerged.size() * 2 <= cleanGroups.size()) {
        // Most groups were merged in this run (every one after a first sync): the others are read by key range
        // on the clean key index, without walking the rows already fed.
        QSqlQuery counted, records;
        const QString range = u"FROM profile_fhir_resources_clean WHERE profile_id = ? AND resource_type = ? "
                              u"AND dedup_key >= ? AND dedup_key < ?"_s;
        if (Status st = prepare(counted, u"SELECT CAST(sources AS BLOB) "_s + range); !st)
            return st;
        if (Status st = prepare(records, u"SELECT "_s + cleanDocumentColumns() + u" "_s + range); !st)
            return st;
        for (const QString& g : std::as_const(unmerged)) {
            const QString type = groupType(g);
            const bool needsRecord = SummaryAccumulator::needsRecord(type);
            QSqlQuery& q = needsRecord ? records : counted;
            q.bindValue(0, profileId);
            q.bindValue(1, type);
            q.bindValue(2, Deduplicator::dedupKeyPrefix(g));
            q.bindValue(3, Deduplicator::dedupKeyPrefixEnd(g));
            if (!q.exec())
                return dbError(q.lastError(), readError);
            while (q.next()) {
                if (needsRecord)
                    addRecord(cleanColumns(q, 0), storedCleanJson(q, 0));
                else
                    addCounted(type, q.value(0).toByteArray());
            }
            q.finish();
        }
    } else {
        // Few groups merged (an incremental run): one pass over the profile's clean rows.
        QSqlQuery q;
        if (Status st = prepare(q, u"SELECT "_s + cleanDocumentColumns()
                                       + u" FROM profile_fhir_resources_clean WHERE profile_id = ?"_s);
            !st)
            return st;
        q.addBindValue(profileId);
        if (!q.exec())
            return dbError(q.lastError(), readError);
        while (q.next()) {
            CleanRecord::Columns columns = cleanColumns(q, 0);
            if (feed.groups.contains(Deduplicator::groupKeyOf(columns.dedupKey)))
                continue;
            if (SummaryAccumulator::needsRecord(columns.resourceType))
                addRecord(std::move(columns), storedCleanJson(q, 0));
            else
                addCounted(columns.resourceType, columns.sources);
        }
    }
    flush();
    const QJsonObject summary = feed.summary.finish(infos);
    return updateStatus(true, QJsonDocument(summary).toJson(QJsonDocument::Compact));
}

Status ClinicalPipeline::Impl::updateStatus(bool withSummary, const QByteArray& summaryJson)
{
    const QString error = tr("The summary could not be saved.");
    // Status as SyncSession computes it: syncing while a job runs, error when a connection's latest job failed.
    QString status = u"ready"_s;
    QString message;
    {
        QSqlQuery q;
        if (Status st = prepare(q, u"SELECT count(*) FROM profile_sync_jobs WHERE profile_id = ? AND status = 'running'"_s);
            !st)
            return st;
        q.addBindValue(profileId);
        if (!q.exec() || !q.next())
            return dbError(q.lastError(), error);
        if (q.value(0).toLongLong() > 0)
            status = u"syncing"_s;
    }
    if (status == u"ready") {
        QSqlQuery q;
        if (Status st = prepare(q, u"SELECT j.error_message FROM profile_sync_jobs j WHERE j.profile_id = ? "
                                   u"AND j.status = 'failed' AND j.created_at = (SELECT max(j2.created_at) FROM "
                                   u"profile_sync_jobs j2 WHERE j2.connection_id IS j.connection_id AND "
                                   u"j2.profile_id = j.profile_id AND j2.status IN ('success','partial','failed'))"_s);
            !st)
            return st;
        q.addBindValue(profileId);
        if (!q.exec())
            return dbError(q.lastError(), error);
        if (q.next()) {
            status = u"error"_s;
            message = q.value(0).toString();
            if (message.isEmpty())
                message = tr("The last sync failed.");
        }
    }
    Transaction tx(db);
    if (!tx.isActive())
        return dbError(db.lastError(), error);
    QSqlQuery ins;
    if (Status st = prepare(ins, u"INSERT OR IGNORE INTO profile_summary (profile_id, status, updated_at) VALUES (?, ?, ?)"_s);
        !st)
        return st;
    ins.addBindValue(profileId);
    ins.addBindValue(status);
    ins.addBindValue(now);
    if (!ins.exec())
        return dbError(ins.lastError(), error);
    QSqlQuery up;
    if (withSummary) {
        if (Status st = prepare(up, u"UPDATE profile_summary SET status = ?, error_message = ?, "
                                    u"summary_json = CAST(? AS TEXT), updated_at = ? WHERE profile_id = ?"_s);
            !st)
            return st;
        up.addBindValue(status);
        up.addBindValue(nullIfEmpty(message));
        up.addBindValue(summaryJson);
        up.addBindValue(nowUtcIso());
        up.addBindValue(profileId);
    } else {
        if (Status st = prepare(up, u"UPDATE profile_summary SET status = ?, error_message = ?, updated_at = ? "
                                    u"WHERE profile_id = ? AND (status IS NOT ? OR error_message IS NOT ?)"_s);
            !st)
            return st;
        up.addBindValue(status);
        up.addBindValue(nullIfEmpty(message));
        up.addBindValue(nowUtcIso());
        up.addBindValue(profileId);
        up.addBindValue(status);
        up.addBindValue(nullIfEmpty(message));
    }
    if (!up.exec())
        return dbError(up.lastError(), error);
    if (withSummary) {
        QSqlQuery del;
        // The marker as this run found it (or as it queued it itself, token 0); one that a sync replaced meanwhile
        // stays, and the next run builds the summary again.
        if (Status st = prepare(del, u"DELETE FROM profile_dedup_dirty WHERE profile_id = ? AND dedup_group = ? "
                                     u"AND token IN (?, 0)"_s);
            !st)
            return st;
        del.addBindValue(profileId);
        del.addBindValue(kSummaryMarker);
        del.addBindValue(summaryToken);
        if (!del.exec())
            return dbError(del.lastError(), error);
    }
    testhook::reached("pipeline.summary.before-commit");
    if (!tx.commit())
        return dbError(db.lastError(), error);
    testhook::reached("pipeline.summary.after-commit");
    return success();
}

void ClinicalPipeline::Impl::markFailed(const Error& failure)
{
    // Best effort: the run already failed; a second failure here only loses the status change.
    const QString message = failure.message().isEmpty() ? tr("The records could not be updated.") : failure.message();
    QSqlQuery ins(db);
    ins.prepare(u"INSERT OR IGNORE INTO profile_summary (profile_id, status, updated_at) VALUES (?, 'error', ?)"_s);
    ins.addBindValue(profileId);
    ins.addBindValue(now);
    (void)ins.exec();
    QSqlQuery up(db);
    up.prepare(u"UPDATE profile_summary SET status = 'error', error_message = ?, updated_at = ? WHERE profile_id = ?"_s);
    up.addBindValue(message);
    up.addBindValue(nowUtcIso());
    up.addBindValue(profileId);
    if (!up.exec())
        qCWarning(lcDb) << "clinical pipeline: the error status could not be saved:" << up.lastError().text();
}

Result<QStringList> ClinicalPipeline::pendingProfiles(const QString& userId)
{
    auto db = d->factory->connection(QString::fromLatin1(kConnectionRole));
    if (!db)
        return db.error();
    QSqlQuery q(*db);
    q.setForwardOnly(true);
    const QString pending =
        u"SELECT profile_id FROM profile_dedup_dirty "
        u"UNION SELECT r.profile_id FROM profile_fhir_resources_raw r "
        u"LEFT JOIN profile_fhir_resources_normalized n ON n.raw_id = r.id WHERE r.missing_since_job_id IS NULL "
        u"AND (n.id IS NULL OR n.raw_hash IS NOT r.content_hash OR n.normalizer_version < ?) "
        u"UNION SELECT n.profile_id FROM profile_fhir_resources_normalized n "
        u"JOIN profile_fhir_resources_raw r ON r.id = n.raw_id WHERE r.missing_since_job_id IS NOT NULL "
        u"UNION SELECT p.id FROM profiles p WHERE EXISTS (SELECT 1 FROM profile_fhir_resources_raw r "
        u"WHERE r.profile_id = p.id) AND NOT EXISTS (SELECT 1 FROM profile_summary s WHERE s.profile_id = p.id "
        u"AND s.summary_json IS NOT NULL)"_s;
    const QString sql = userId.isEmpty()
        ? u"SELECT id FROM profiles WHERE id IN (%1) ORDER BY created_at"_s.arg(pending)
        : u"SELECT id FROM profiles WHERE user_id = ? AND id IN (%1) ORDER BY created_at"_s.arg(pending);
    if (!q.prepare(sql))
        return Impl::dbError(q.lastError(), tr("The records could not be read."));
    if (!userId.isEmpty())
        q.addBindValue(userId);
    q.addBindValue(kNormalizerVersion);
    if (!q.exec())
        return Impl::dbError(q.lastError(), tr("The records could not be read."));
    QStringList out;
    while (q.next())
        out.append(q.value(0).toString());
    return out;
}

} // namespace hh::db
