#pragma once

#include "core/sync/ISyncHistory.h"

#include <QThreadPool>

#include <memory>

namespace hh::db {

class ConnectionFactory;

// hh::sync::ISyncHistory over the vault: connections and profile_sync_jobs of one account, read on a
// private thread (role "sync_history" connection, released when the service is destroyed).
// Thread-safe; every method returns at once. Destroy before the vault is closed.
class SyncHistoryService final : public sync::ISyncHistory
{
public:
    // userId: the signed-in account (empty: every account, for tools and tests).
    SyncHistoryService(std::shared_ptr<ConnectionFactory> factory, QString userId);
    ~SyncHistoryService() override;
    SyncHistoryService(const SyncHistoryService&) = delete;
    SyncHistoryService& operator=(const SyncHistoryService&) = delete;

    QFuture<Result<QList<sync::ConnectionSyncInfo>>> connections(const QString& profileId) override;
    QFuture<Result<QList<sync::SyncJobRecord>>> jobs(const QString& profileId, int limit) override;

private:
    std::shared_ptr<ConnectionFactory> m_factory;
    QString m_userId;
    QThreadPool m_pool; // one thread, kept alive: it owns the connection
};

} // namespace hh::db
