#include "db/SyncSession.h"
#include "db/SqlUtil.h"
#include "db/NormalizedRow.h"

#include "core/Domain.h"
#include "core/Log.h"
#include "core/TestHooks.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QVariant>

#include <atomic>

namespace hh::db {

using namespace hh::sync;

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("hh::db::SyncSession", text);
}

QVariant textOrNull(const QString& s)
{
    return s.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(s);
}

const QString kTargetColumns = QStringLiteral(
    "c.id, c.profile_id, p.display_name, c.endpoint_id, e.name, c.provider, e.fhir_base_url, c.patient_emr_id, "
    "c.status, c.last_synced_at, c.sync_state");

SyncTarget readTarget(const QSqlQuery& q)
{
    SyncTarget t;
    t.connectionId = q.value(0).toString();
    t.profileId = q.value(1).toString();
    t.profileName = q.value(2).toString();
    t.endpointId = q.value(3).toString();
    t.endpointName = q.value(4).toString();
    t.vendor = emrVendorFromKey(q.value(5).toString());
    t.fhirBaseUrl = q.value(6).toString();
    t.patientId = q.value(7).toString();
    t.connectionStatus = q.value(8).toString();
    t.lastSyncedAt = q.value(9).toString();
    t.syncState = q.value(10).toString();
    return t;
}

QString errorsJson(const SyncJobResult& result)
{
    QJsonArray errors;
    for (const QueryResult& r : result.queries) {
        if (r.kind == QueryResultKind::Ok && r.issues.isEmpty())
            continue;
        errors.append(r.toJson());
    }
    return QString::fromUtf8(QJsonDocument(errors).toJson(QJsonDocument::Compact));
}

QString countsJson(const SyncJobResult& result)
{
    QJsonObject counts;
    for (auto it = result.counts.cbegin(); it != result.counts.cend(); ++it)
        counts.insert(it.key(), it.value());
    return QString::fromUtf8(QJsonDocument(counts).toJson(QJsonDocument::Compact));
}
} // namespace

SyncSession::SyncSession(QSqlDatabase db) : m_db(std::move(db)) {}

SyncSession::~SyncSession()
{
    if (Status st = commitPending(); !st)
        qCWarning(lcDb) << "sync session: the last pages could not be committed:" << st.error().detail();
    if (m_commits > 0)
        qCDebug(lcDb) << "sync session:" << m_writeNs / 1000000 << "ms writing pages," << m_commitNs / 1000000
                      << "ms in" << m_commits << "commits";
    // Statements go before the connection is released (SyncStore::releaseThread()).
    m_insert.reset();
    m_update.reset();
    m_seen.reset();
    m_has.reset();
    m_checkpoint.reset();
    if (m_seenTableReady) {
        QSqlQuery q(m_db);
        (void)q.exec(QStringLiteral("DROP TABLE IF EXISTS temp.hh_sync_seen"));
    }
}

Error SyncSession::dbError(const QSqlError& error, const QString& userMessage) const
{
    return Error(ErrorCode::Database, userMessage, error.text());
}

QSqlQuery* SyncSession::prepared(std::optional<QSqlQuery>& slot, const QString& sql, QSqlError& error)
{
    if (!slot) {
        slot.emplace(m_db);
        slot->setForwardOnly(true);
        if (!slot->prepare(sql)) {
            error = slot->lastError();
            slot.reset();
            return nullptr;
        }
    }
    return &*slot;
}

Result<int> SyncSession::failInterruptedJobs(const QString& message)
{
    if (Status st = commitPending(); !st)
        return st.error();
    const QString now = nowUtcIso();
    Transaction tx(m_db);
    if (!tx.isActive())
        return dbError(m_db.lastError(), tr("The sync history could not be updated."));
    QSqlQuery profiles(m_db);
    profiles.setForwardOnly(true);
    profiles.prepare(QStringLiteral("SELECT DISTINCT profile_id FROM profile_sync_jobs WHERE status IN ('running','queued') "
                                    "UNION SELECT profile_id FROM profile_summary WHERE status = 'syncing'"));
    if (!profiles.exec())
        return dbError(profiles.lastError(), tr("The sync history could not be updated."));
    QStringList profileIds;
    while (profiles.next())
        profileIds.append(profiles.value(0).toString());
    profiles.finish();

    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE profile_sync_jobs SET status = 'failed', finished_at = ?, error_message = ? "
                             "WHERE status IN ('running','queued')"));
    q.addBindValue(now);
    q.addBindValue(message);
    if (!q.exec())
        return dbError(q.lastError(), tr("The sync history could not be updated."));
    const int fixed = q.numRowsAffected();
    for (const QString& p : std::as_const(profileIds)) {
        if (Status st = recomputeProfileStatus(p, now); !st)
            return st.error();
    }
    if (!tx.commit())
        return dbError(m_db.lastError(), tr("The sync history could not be updated."));
    return fixed;
}

Result<QList<SyncTarget>> SyncSession::syncTargets(const SyncSelection& s)
{
    QString sql = QStringLiteral("SELECT %1 FROM profile_emr_connections c "
                                 "JOIN profiles p ON p.id = c.profile_id "
                                 "JOIN emr_endpoints e ON e.id = c.endpoint_id WHERE 1 = 1")
                      .arg(kTargetColumns);
    QVariantList binds;
    if (!s.userId.isEmpty()) {
        sql += QStringLiteral(" AND p.user_id = ?");
        binds.append(s.userId);
    }
    switch (s.scope) {
    case SyncSelection::Scope::All:
        sql += QStringLiteral(" AND c.status IN ('connected','error')");
        break;
    case SyncSelection::Scope::Profile:
        sql += QStringLiteral(" AND c.status IN ('connected','error') AND c.profile_id = ?");
        binds.append(s.id);
        break;
    case SyncSelection::Scope::Connection:
        // An explicit request also tries a connection that needs sign-in: the token provider decides.
        sql += QStringLiteral(" AND c.status != 'disconnected' AND c.id = ?");
        binds.append(s.id);
        break;
    }
    if (s.notSyncedSince.isValid()) {
        sql += QStringLiteral(" AND (c.last_synced_at IS NULL OR c.last_synced_at < ?)");
        binds.append(s.notSyncedSince.toUTC().toString(Qt::ISODateWithMs));
    }
    sql += QStringLiteral(" ORDER BY p.display_name COLLATE NOCASE, e.name COLLATE NOCASE, c.id");
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(sql);
    for (const QVariant& v : std::as_const(binds))
        q.addBindValue(v);
    if (!q.exec())
        return dbError(q.lastError(), tr("The connections could not be read."));
    QList<SyncTarget> out;
    while (q.next())
        out.append(readTarget(q));
    return out;
}

Result<QString> SyncSession::beginJob(const SyncTarget& target)
{
    if (Status st = commitPending(); !st)
        return st.error();
    const QString id = newId();
    const QString now = nowUtcIso();
    Transaction tx(m_db);
    if (!tx.isActive())
        return dbError(m_db.lastError(), tr("The sync could not be started."));
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO profile_sync_jobs (id, profile_id, connection_id, provider, status, started_at, "
                             "resources_fetched, created_at) VALUES (?, ?, ?, ?, 'running', ?, 0, ?)"));
    q.addBindValue(id);
    q.addBindValue(target.profileId);
    q.addBindValue(target.connectionId);
    q.addBindValue(emrVendorKey(target.vendor));
    q.addBindValue(now);
    q.addBindValue(now);
    if (!q.exec())
        return dbError(q.lastError(), tr("The sync could not be started."));
    QSqlQuery s(m_db);
    s.prepare(QStringLiteral("INSERT OR IGNORE INTO profile_summary (profile_id, status, updated_at) VALUES (?, 'syncing', ?)"));
    s.addBindValue(target.profileId);
    s.addBindValue(now);
    if (!s.exec())
        return dbError(s.lastError(), tr("The sync could not be started."));
    QSqlQuery u(m_db);
    u.prepare(QStringLiteral("UPDATE profile_summary SET status = 'syncing', updated_at = ? WHERE profile_id = ? "
                             "AND status != 'syncing'"));
    u.addBindValue(now);
    u.addBindValue(target.profileId);
    if (!u.exec())
        return dbError(u.lastError(), tr("The sync could not be started."));
    if (!tx.commit())
        return dbError(m_db.lastError(), tr("The sync could not be started."));
    testhook::reached("sync.begin.after-commit");
    return id;
}

Status SyncSession::ensureSeenTable()
{
    if (m_seenTableReady)
        return success();
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("CREATE TEMP TABLE IF NOT EXISTS hh_sync_seen ("
                               "job_id TEXT NOT NULL, resource_type TEXT NOT NULL, resource_id TEXT NOT NULL, "
                               "PRIMARY KEY (job_id, resource_type, resource_id)) WITHOUT ROWID")))
        return dbError(q.lastError(), tr("The records could not be saved."));
    m_seenTableReady = true;
    return success();
}

Result<PageWriteStats> SyncSession::storePage(const QString& jobId, const SyncTarget& target,
                                              const QList<RawResource>& resources, bool trackSeen)
{
    PageWriteStats stats;
    if (resources.isEmpty())
        return stats;
    const QString saveError = tr("The records could not be saved.");
    if (trackSeen) {
        if (Status st = ensureSeenTable(); !st)
            return st.error();
    }
    QSqlQuery* seen = nullptr;
    if (trackSeen) {
        QSqlError prepError;
        seen = prepared(m_seen,
                        QStringLiteral("INSERT OR IGNORE INTO temp.hh_sync_seen (job_id, resource_type, resource_id) "
                                       "VALUES (?, ?, ?)"),
                        prepError);
        if (!seen)
            return dbError(prepError, saveError);
    }

    if (!m_batchOpen) {
        if (!m_db.transaction())
            return dbError(m_db.lastError(), saveError);
        m_batchOpen = true;
        m_batchRows = 0;
        m_batchGroups.clear();
    }
    QElapsedTimer timer;
    timer.start();
    const QString now = nowUtcIso();
    const QString provider = emrVendorKey(target.vendor);
    for (const RawResource& r : resources) {
        if (Status st = writeResource(jobId, target, r, provider, now, seen, stats); !st) {
            rollbackBatch(); // the pending pages too: their checkpoint was not committed, resume fetches them
            return st.error();
        }
    }
    m_writeNs += timer.nsecsElapsed();
    testhook::reached("sync.page.written");
    m_batchRows += int(resources.size());
    if (m_batchRows >= kBatchRows) {
        if (Status st = commitPending(); !st)
            return st.error();
    }
    return stats;
}

Status SyncSession::writeResource(const QString& jobId, const SyncTarget& target, const RawResource& r,
                                  const QString& provider, const QString& now, QSqlQuery* seen, PageWriteStats& stats)
{
    const QString saveError = tr("The records could not be saved.");
    QSqlError prepError;
    QSqlQuery* insert = prepared(
        m_insert,
        QStringLiteral("INSERT OR IGNORE INTO profile_fhir_resources_raw (id, profile_id, resource_type, connection_id, "
                       "provider, resource_id, resource_json, content_hash, last_seen_job_id, fetched_at, updated_at) "
                       "VALUES (?, ?, ?, ?, ?, ?, CAST(? AS TEXT), CAST(? AS TEXT), ?, ?, ?)"),
        prepError);
    if (!insert)
        return dbError(prepError, saveError);
    const QString rowId = r.rowId.isEmpty() ? newOrderedId() : r.rowId;
    const qint64 unchangedBefore = stats.unchanged;
    insert->bindValue(0, rowId);
    insert->bindValue(1, target.profileId);
    insert->bindValue(2, r.resourceType);
    insert->bindValue(3, target.connectionId);
    insert->bindValue(4, provider);
    insert->bindValue(5, r.resourceId);
    insert->bindValue(6, r.json);
    insert->bindValue(7, r.hash);
    insert->bindValue(8, jobId);
    insert->bindValue(9, now);
    insert->bindValue(10, now);
    if (!insert->exec())
        return dbError(insert->lastError(), saveError);
    if (insert->numRowsAffected() == 1) {
        ++stats.inserted;
        // A new resource: its normalized row (prepared off this thread) and its group's queue row go in
        // the same transaction. Changed resources are normalized again by the clinical pipeline.
        if (const auto* row = dynamic_cast<const NormalizedRow*>(r.derived.get()); row && !r.rowId.isEmpty()) {
            QSqlQuery* norm = prepared(m_normInsert, normalizedInsertSql(), prepError);
            if (!norm)
                return dbError(prepError, saveError);
            bindNormalizedInsert(*norm, rowId, target.profileId, QString::fromLatin1(r.hash), *row, now);
            if (!norm->exec())
                return dbError(norm->lastError(), saveError);
            QSqlQuery* dirty = prepared(
                // A new token even when the group is queued already: a clinical pipeline merging the group right
                // now (without this record) then keeps it queued (db/migrations/0004_dirty_queue_token.sql).
                m_dirty, QStringLiteral("INSERT OR REPLACE INTO profile_dedup_dirty (profile_id, dedup_group, token) "
                                        "VALUES (?, ?, random() | 1)"),
                prepError);
            if (!dirty)
                return dbError(prepError, saveError);
            for (const QString& group : {summaryQueueMarker(), row->group}) {
                if (group.isEmpty() || m_batchGroups.contains(group))
                    continue;
                dirty->bindValue(0, target.profileId);
                dirty->bindValue(1, group);
                if (!dirty->exec())
                    return dbError(dirty->lastError(), saveError);
                m_batchGroups.insert(group);
            }
        }
    } else {
        QSqlQuery* update = prepared(
            m_update,
            QStringLiteral("UPDATE profile_fhir_resources_raw SET resource_json = CAST(? AS TEXT), "
                           "content_hash = CAST(? AS TEXT), provider = ?, last_seen_job_id = ?, "
                           "missing_since_job_id = NULL, fetched_at = ?, updated_at = ? "
                           "WHERE profile_id = ? AND resource_type = ? AND connection_id = ? AND resource_id = ? "
                           "AND (content_hash IS NOT CAST(? AS TEXT) OR missing_since_job_id IS NOT NULL)"),
            prepError);
        if (!update)
            return dbError(prepError, saveError);
        update->bindValue(0, r.json);
        update->bindValue(1, r.hash);
        update->bindValue(2, provider);
        update->bindValue(3, jobId);
        update->bindValue(4, now);
        update->bindValue(5, now);
        update->bindValue(6, target.profileId);
        update->bindValue(7, r.resourceType);
        update->bindValue(8, target.connectionId);
        update->bindValue(9, r.resourceId);
        update->bindValue(10, r.hash);
        if (!update->exec())
            return dbError(update->lastError(), saveError);
        if (update->numRowsAffected() == 1)
            ++stats.updated;
        else
            ++stats.unchanged;
    }
    // Rows this job inserted or changed carry last_seen_job_id = jobId (markMissing() reads it); only the
    // unchanged ones, which are not rewritten, need a row in the seen table.
    if (seen && stats.unchanged > unchangedBefore) {
        seen->bindValue(0, jobId);
        seen->bindValue(1, r.resourceType);
        seen->bindValue(2, r.resourceId);
        if (!seen->exec())
            return dbError(seen->lastError(), saveError);
    }
    return success();
}

Status SyncSession::commitPending()
{
    if (!m_batchOpen)
        return success();
    testhook::reached("sync.batch.before-commit");
    QElapsedTimer timer;
    timer.start();
    const bool committed = m_db.commit();
    m_commitNs += timer.nsecsElapsed();
    ++m_commits;
    if (!committed) {
        const QSqlError error = m_db.lastError();
        rollbackBatch();
        return dbError(error, tr("The records could not be saved."));
    }
    m_batchOpen = false;
    m_batchRows = 0;
    m_batchGroups.clear();
    testhook::reached("sync.batch.after-commit");
    return success();
}

void SyncSession::rollbackBatch()
{
    if (!m_batchOpen)
        return;
    (void)m_db.rollback();
    m_batchOpen = false;
    m_batchRows = 0;
    m_batchGroups.clear();
}

Result<bool> SyncSession::hasResource(const SyncTarget& target, const QString& resourceType, const QString& resourceId)
{
    QSqlError prepError;
    QSqlQuery* q = prepared(m_has,
                            QStringLiteral("SELECT 1 FROM profile_fhir_resources_raw WHERE profile_id = ? AND "
                                           "resource_type = ? AND connection_id = ? AND resource_id = ? LIMIT 1"),
                            prepError);
    if (!q)
        return dbError(prepError, tr("The records could not be read."));
    q->bindValue(0, target.profileId);
    q->bindValue(1, resourceType);
    q->bindValue(2, target.connectionId);
    q->bindValue(3, resourceId);
    if (!q->exec())
        return dbError(q->lastError(), tr("The records could not be read."));
    const bool found = q->next();
    q->finish();
    return found;
}

Status SyncSession::forEachStoredResource(const QString& connectionId, const QString& resourceType,
                                          const std::function<bool(const QByteArray&)>& fn)
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT resource_json FROM profile_fhir_resources_raw WHERE connection_id = ? AND "
                             "resource_type = ? AND missing_since_job_id IS NULL"));
    q.addBindValue(connectionId);
    q.addBindValue(resourceType);
    if (!q.exec())
        return dbError(q.lastError(), tr("The records could not be read."));
    while (q.next()) {
        if (!fn(q.value(0).toByteArray()))
            break;
    }
    q.finish();
    return success();
}

Status SyncSession::forEachStoredId(const QString& connectionId, const QString& resourceType,
                                    const std::function<void(const QString&)>& fn)
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT resource_id FROM profile_fhir_resources_raw WHERE connection_id = ? AND "
                             "resource_type = ?"));
    q.addBindValue(connectionId);
    q.addBindValue(resourceType);
    if (!q.exec())
        return dbError(q.lastError(), tr("The records could not be read."));
    while (q.next())
        fn(q.value(0).toString());
    q.finish();
    return success();
}

Result<int> SyncSession::markMissing(const QString& jobId, const QString& connectionId, const QStringList& completeTypes)
{
    if (Status st = commitPending(); !st)
        return st.error();
    if (!m_seenTableReady)
        return 0; // nothing was tracked: no complete full pass
    const QString now = nowUtcIso();
    const QString error = tr("The records could not be updated.");
    Transaction tx(m_db);
    if (!tx.isActive())
        return dbError(m_db.lastError(), error);
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral(
        "UPDATE profile_fhir_resources_raw SET missing_since_job_id = ?, updated_at = ? "
        "WHERE connection_id = ? AND resource_type = ? AND missing_since_job_id IS NULL "
        "AND last_seen_job_id IS NOT ? AND NOT EXISTS ("
        "SELECT 1 FROM temp.hh_sync_seen s WHERE s.job_id = ? AND s.resource_type = "
        "profile_fhir_resources_raw.resource_type AND s.resource_id = profile_fhir_resources_raw.resource_id)"));
    int marked = 0;
    for (const QString& type : completeTypes) {
        q.bindValue(0, jobId);
        q.bindValue(1, now);
        q.bindValue(2, connectionId);
        q.bindValue(3, type);
        q.bindValue(4, jobId);
        q.bindValue(5, jobId);
        if (!q.exec())
            return dbError(q.lastError(), error);
        marked += q.numRowsAffected();
    }
    QSqlQuery del(m_db);
    del.prepare(QStringLiteral("DELETE FROM temp.hh_sync_seen WHERE job_id = ?"));
    del.addBindValue(jobId);
    if (!del.exec())
        return dbError(del.lastError(), error);
    testhook::reached("sync.missing.before-commit");
    if (!tx.commit())
        return dbError(m_db.lastError(), error);
    testhook::reached("sync.missing.after-commit");
    return marked;
}

Result<SyncCheckpoint> SyncSession::loadCheckpoint(const QString& connectionId)
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT sync_state FROM profile_emr_connections WHERE id = ?"));
    q.addBindValue(connectionId);
    if (!q.exec())
        return dbError(q.lastError(), tr("The sync state could not be read."));
    if (!q.next())
        return Error(ErrorCode::NotFound, tr("The connection no longer exists."), QStringLiteral("no connection row"));
    return SyncCheckpoint::fromJson(q.value(0).toString().toUtf8());
}

Status SyncSession::saveCheckpoint(const QString& connectionId, const SyncCheckpoint& checkpoint)
{
    QSqlError prepError;
    QSqlQuery* q = prepared(m_checkpoint,
                            QStringLiteral("UPDATE profile_emr_connections SET sync_state = ? WHERE id = ?"), prepError);
    if (!q)
        return dbError(prepError, tr("The sync state could not be saved."));
    q->bindValue(0, QString::fromUtf8(checkpoint.toJson()));
    q->bindValue(1, connectionId);
    testhook::reached("sync.checkpoint.before-save");
    // In the pending batch, if any: the checkpoint commits together with the pages it counts.
    if (!q->exec()) {
        const QSqlError error = q->lastError();
        rollbackBatch();
        return dbError(error, tr("The sync state could not be saved."));
    }
    if (Status st = commitPending(); !st)
        return st;
    testhook::reached("sync.checkpoint.after-save");
    return success();
}

Status SyncSession::recomputeProfileStatus(const QString& profileId, const QString& now)
{
    const QString error = tr("The profile status could not be updated.");
    QSqlQuery running(m_db);
    running.setForwardOnly(true);
    running.prepare(QStringLiteral("SELECT count(*) FROM profile_sync_jobs WHERE profile_id = ? AND status = 'running'"));
    running.addBindValue(profileId);
    if (!running.exec() || !running.next())
        return dbError(running.lastError(), error);
    const bool stillRunning = running.value(0).toInt() > 0;
    running.finish();

    QString status = QStringLiteral("syncing");
    QString message;
    if (!stillRunning) {
        // The latest finished (not cancelled) job of each connection decides.
        QSqlQuery latest(m_db);
        latest.setForwardOnly(true);
        latest.prepare(QStringLiteral(
            "SELECT j.status, j.error_message FROM profile_sync_jobs j WHERE j.profile_id = ? "
            "AND j.status IN ('success','partial','failed') AND j.created_at = ("
            "SELECT max(j2.created_at) FROM profile_sync_jobs j2 WHERE j2.connection_id IS j.connection_id "
            "AND j2.profile_id = j.profile_id AND j2.status IN ('success','partial','failed'))"));
        latest.addBindValue(profileId);
        if (!latest.exec())
            return dbError(latest.lastError(), error);
        bool any = false;
        bool failed = false;
        while (latest.next()) {
            any = true;
            if (latest.value(0).toString() == u"failed") {
                failed = true;
                if (message.isEmpty())
                    message = latest.value(1).toString();
            }
        }
        latest.finish();
        status = !any ? QStringLiteral("absent") : (failed ? QStringLiteral("error") : QStringLiteral("ready"));
        if (!failed)
            message.clear();
        else if (message.isEmpty())
            message = tr("The last sync failed.");
    }
    QSqlQuery ins(m_db);
    ins.prepare(QStringLiteral("INSERT OR IGNORE INTO profile_summary (profile_id, status, updated_at) VALUES (?, ?, ?)"));
    ins.addBindValue(profileId);
    ins.addBindValue(status);
    ins.addBindValue(now);
    if (!ins.exec())
        return dbError(ins.lastError(), error);
    QSqlQuery u(m_db);
    u.prepare(QStringLiteral("UPDATE profile_summary SET status = ?, error_message = ?, updated_at = ? WHERE profile_id = ? "
                             "AND (status IS NOT ? OR error_message IS NOT ?)"));
    u.addBindValue(status);
    u.addBindValue(textOrNull(message));
    u.addBindValue(now);
    u.addBindValue(profileId);
    u.addBindValue(status);
    u.addBindValue(textOrNull(message));
    if (!u.exec())
        return dbError(u.lastError(), error);
    return success();
}

Status SyncSession::finishJob(const SyncJobResult& result)
{
    if (Status st = commitPending(); !st)
        return st;
    if (result.jobId.isEmpty())
        return success();
    const QString now = nowUtcIso();
    const QString error = tr("The end of the sync could not be recorded.");
    Transaction tx(m_db);
    if (!tx.isActive())
        return dbError(m_db.lastError(), error);
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE profile_sync_jobs SET status = ?, finished_at = ?, resources_fetched = ?, "
                             "counts = ?, errors = ?, error_message = ? WHERE id = ?"));
    q.addBindValue(jobStatusKey(result.status));
    q.addBindValue(now);
    q.addBindValue(result.resourcesFetched);
    q.addBindValue(countsJson(result));
    q.addBindValue(errorsJson(result));
    q.addBindValue(textOrNull(result.errorMessage));
    q.addBindValue(result.jobId);
    if (!q.exec())
        return dbError(q.lastError(), error);

    QSqlQuery c(m_db);
    switch (result.status) {
    case JobStatus::Success:
    case JobStatus::Partial:
        c.prepare(QStringLiteral("UPDATE profile_emr_connections SET last_synced_at = ?, "
                                 "status = CASE WHEN status = 'error' THEN 'connected' ELSE status END, "
                                 "last_error = ?, updated_at = ? WHERE id = ? AND status != 'disconnected'"));
        c.addBindValue(now);
        c.addBindValue(textOrNull(result.errorMessage));
        c.addBindValue(now);
        c.addBindValue(result.connectionId);
        break;
    case JobStatus::Failed:
        c.prepare(QStringLiteral("UPDATE profile_emr_connections SET status = CASE WHEN status = 'disconnected' "
                                 "THEN status ELSE ? END, last_error = ?, updated_at = ? WHERE id = ? "
                                 "AND status != 'disconnected'"));
        c.addBindValue(result.errorCode == ErrorCode::Unauthorized ? QStringLiteral("needs_reauth")
                                                                   : QStringLiteral("error"));
        c.addBindValue(textOrNull(result.errorMessage));
        c.addBindValue(now);
        c.addBindValue(result.connectionId);
        break;
    case JobStatus::Cancelled:
    case JobStatus::Queued:
    case JobStatus::Running:
        break;
    }
    if (!c.lastQuery().isEmpty() && !c.exec())
        return dbError(c.lastError(), error);

    if (m_seenTableReady) {
        QSqlQuery del(m_db);
        del.prepare(QStringLiteral("DELETE FROM temp.hh_sync_seen WHERE job_id = ?"));
        del.addBindValue(result.jobId);
        if (!del.exec())
            return dbError(del.lastError(), error);
    }
    if (Status st = recomputeProfileStatus(result.profileId, now); !st)
        return st;
    testhook::reached("sync.finish.before-commit");
    if (!tx.commit())
        return dbError(m_db.lastError(), error);
    testhook::reached("sync.finish.after-commit");
    return success();
}

Result<SyncSettings> SyncSession::loadSettings()
{
    SyncSettings settings;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT key, value FROM app_settings WHERE key IN ('sync.max_concurrent', 'sync.schedule')"));
    if (!q.exec())
        return dbError(q.lastError(), tr("The sync settings could not be read."));
    while (q.next()) {
        const QString key = q.value(0).toString();
        const QString value = q.value(1).toString();
        if (key == u"sync.max_concurrent") {
            bool ok = false;
            const int n = value.toInt(&ok);
            if (ok && n >= 1 && n <= 16)
                settings.maxConcurrent = n;
        } else if (key == u"sync.schedule") {
            settings.schedule = syncScheduleFromKey(value).value_or(SyncSchedule::Off);
        }
    }
    return settings;
}

Status SyncSession::saveSettings(const SyncSettings& settings)
{
    if (Status st = commitPending(); !st)
        return st;
    const QString error = tr("The sync settings could not be saved.");
    Transaction tx(m_db);
    if (!tx.isActive())
        return dbError(m_db.lastError(), error);
    const QList<std::pair<QString, QString>> values = {
        {QStringLiteral("sync.max_concurrent"), QString::number(std::clamp(settings.maxConcurrent, 1, 16))},
        {QStringLiteral("sync.schedule"), syncScheduleKey(settings.schedule)},
    };
    for (const auto& [key, value] : values) {
        QSqlQuery ins(m_db);
        ins.prepare(QStringLiteral("INSERT OR IGNORE INTO app_settings (key, value) VALUES (?, ?)"));
        ins.addBindValue(key);
        ins.addBindValue(value);
        if (!ins.exec())
            return dbError(ins.lastError(), error);
        QSqlQuery up(m_db);
        up.prepare(QStringLiteral("UPDATE app_settings SET value = ? WHERE key = ?"));
        up.addBindValue(value);
        up.addBindValue(key);
        if (!up.exec())
            return dbError(up.lastError(), error);
    }
    if (!tx.commit())
        return dbError(m_db.lastError(), error);
    return success();
}

} // namespace hh::db
