#include "db/SyncHistoryService.h"

#include "db/ConnectionFactory.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QtConcurrent/QtConcurrentRun>

namespace hh::db {

using namespace hh::sync;

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(hh::db::SyncHistoryService)
};
const QString kRole = QStringLiteral("sync_history");

// Prepares select + the filters (the user's profiles, one profile: each only when given) + tail on
// q, with the filters bound. select ends in a WHERE clause; profileColumn names the profile id.
void prepareFiltered(QSqlQuery& q, QString select, const QString& userId, const QString& profileId,
                     const QString& profileColumn, const QString& tail)
{
    if (!userId.isEmpty())
        select += QStringLiteral(" AND p.user_id = ?");
    if (!profileId.isEmpty())
        select += QStringLiteral(" AND ") + profileColumn + QStringLiteral(" = ?");
    select += tail;
    q.setForwardOnly(true);
    q.prepare(select);
    if (!userId.isEmpty())
        q.addBindValue(userId);
    if (!profileId.isEmpty())
        q.addBindValue(profileId);
}
} // namespace

SyncHistoryService::SyncHistoryService(std::shared_ptr<ConnectionFactory> factory, QString userId)
    : m_factory(std::move(factory))
    , m_userId(std::move(userId))
{
    m_pool.setMaxThreadCount(1);
    m_pool.setExpiryTimeout(-1);
}

SyncHistoryService::~SyncHistoryService()
{
    std::shared_ptr<ConnectionFactory> factory = m_factory;
    QtConcurrent::run(&m_pool, [factory] { factory->releaseThreadConnections(); }).waitForFinished();
    m_pool.waitForDone();
}

QFuture<Result<QList<ConnectionSyncInfo>>> SyncHistoryService::connections(const QString& profileId)
{
    return QtConcurrent::run(&m_pool, [factory = m_factory, userId = m_userId,
                                       profileId]() -> Result<QList<ConnectionSyncInfo>> {
        Result<QSqlDatabase> db = factory->connection(kRole);
        if (!db)
            return db.error();
        QSqlQuery q(*db);
        prepareFiltered(
            q,
            QStringLiteral(
                "SELECT c.id, c.profile_id, p.display_name, c.endpoint_id, e.name, c.provider, c.status, "
                "c.last_synced_at, c.last_error, (SELECT j.status FROM profile_sync_jobs j "
                "WHERE j.connection_id = c.id ORDER BY j.created_at DESC LIMIT 1) "
                "FROM profile_emr_connections c JOIN profiles p ON p.id = c.profile_id "
                "JOIN emr_endpoints e ON e.id = c.endpoint_id WHERE c.status != 'disconnected'"),
            userId, profileId, QStringLiteral("c.profile_id"),
            QStringLiteral(" ORDER BY p.display_name COLLATE NOCASE, e.name COLLATE NOCASE, c.id"));
        if (!q.exec())
            return Error(ErrorCode::Database, Tr::tr("The connections could not be read."), q.lastError().text());
        QList<ConnectionSyncInfo> out;
        while (q.next()) {
            ConnectionSyncInfo c;
            c.connectionId = q.value(0).toString();
            c.profileId = q.value(1).toString();
            c.profileName = q.value(2).toString();
            c.endpointId = q.value(3).toString();
            c.endpointName = q.value(4).toString();
            c.provider = q.value(5).toString();
            c.status = q.value(6).toString();
            c.lastSyncedAt = q.value(7).toString();
            c.lastError = q.value(8).toString();
            if (!q.value(9).isNull())
                c.lastJobStatus = jobStatusFromKey(q.value(9).toString());
            out.append(c);
        }
        return out;
    });
}

QFuture<Result<QList<SyncJobRecord>>> SyncHistoryService::jobs(const QString& profileId, int limit)
{
    return QtConcurrent::run(&m_pool, [factory = m_factory, userId = m_userId, profileId,
                                       limit]() -> Result<QList<SyncJobRecord>> {
        Result<QSqlDatabase> db = factory->connection(kRole);
        if (!db)
            return db.error();
        QSqlQuery q(*db);
        prepareFiltered(
            q,
            QStringLiteral(
                "SELECT j.id, j.profile_id, p.display_name, j.connection_id, e.name, j.provider, j.status, "
                "j.started_at, j.finished_at, j.resources_fetched, j.error_message, j.counts, j.errors "
                "FROM profile_sync_jobs j JOIN profiles p ON p.id = j.profile_id "
                "LEFT JOIN profile_emr_connections c ON c.id = j.connection_id "
                "LEFT JOIN emr_endpoints e ON e.id = c.endpoint_id WHERE 1 = 1"),
            userId, profileId, QStringLiteral("j.profile_id"),
            QStringLiteral(" ORDER BY j.created_at DESC, j.rowid DESC LIMIT ?"));
        q.addBindValue(limit > 0 ? limit : 100);
        if (!q.exec())
            return Error(ErrorCode::Database, Tr::tr("The sync history could not be read."), q.lastError().text());
        QList<SyncJobRecord> out;
        while (q.next()) {
            SyncJobRecord r;
            r.jobId = q.value(0).toString();
            r.profileId = q.value(1).toString();
            r.profileName = q.value(2).toString();
            r.connectionId = q.value(3).toString();
            r.endpointName = q.value(4).toString();
            r.provider = q.value(5).toString();
            r.status = jobStatusFromKey(q.value(6).toString()).value_or(JobStatus::Failed);
            r.startedAt = q.value(7).toString();
            r.finishedAt = q.value(8).toString();
            r.resourcesFetched = q.value(9).toLongLong();
            r.errorMessage = q.value(10).toString();
            r.counts = QJsonDocument::fromJson(q.value(11).toString().toUtf8()).object();
            r.errors = QJsonDocument::fromJson(q.value(12).toString().toUtf8()).array();
            out.append(r);
        }
        return out;
    });
}

} // namespace hh::db
