#pragma once

#include "core/Result.h"
#include "core/sync/SyncTypes.h"

#include <QFuture>
#include <QList>
#include <QString>

namespace hh::sync {

// Read side for the sync panel: what the vault says about connections and past jobs. Implemented in
// db/ (SyncHistoryService) on a thread of its own; every method may be called from the GUI thread
// and returns at once. Continue with hh::ui::whenFinished(future, context, ...).
class ISyncHistory
{
public:
    virtual ~ISyncHistory() = default;

    // The connections of a profile (empty profileId: of every profile of the signed-in account),
    // ordered by profile name then endpoint name.
    virtual QFuture<Result<QList<ConnectionSyncInfo>>> connections(const QString& profileId) = 0;
    // The newest `limit` profile_sync_jobs rows of a profile (empty: of every profile), newest first.
    virtual QFuture<Result<QList<SyncJobRecord>>> jobs(const QString& profileId, int limit) = 0;
};

} // namespace hh::sync
