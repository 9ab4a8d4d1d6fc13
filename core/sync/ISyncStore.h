#pragma once

#include "core/Result.h"
#include "core/sync/SyncTypes.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

namespace hh::sync {

// The storage side of the sync engine, as seen from one thread. Implemented in db/ (SyncStore).
//
// Thread affinity: a session belongs to the thread that opened it (it holds that thread's own
// database connection and its prepared statements). Destroy it on that thread, then call
// ISyncStore::releaseThread() before the thread ends. Every method may fail with ErrorCode::Database.
class ISyncSession
{
public:
    virtual ~ISyncSession() = default;

    // --- Start-up and planning ----------------------------------------------------------------------
    // Jobs left 'running' (a crash or a kill) become 'failed' with `message`; profiles left
    // 'syncing' get their status recomputed. Returns how many jobs were fixed. Call once at start-up,
    // before any worker runs.
    [[nodiscard]] virtual Result<int> failInterruptedJobs(const QString& message) = 0;
    // The connections a selection means, ordered by profile name then endpoint name. Connections whose
    // status is 'needs_reauth' or 'disconnected' are left out.
    [[nodiscard]] virtual Result<QList<SyncTarget>> syncTargets(const SyncSelection& selection) = 0;

    // --- One job ------------------------------------------------------------------------------------------
    // Inserts a 'running' profile_sync_jobs row and sets profile_summary.status to 'syncing'.
    // Returns the job id.
    [[nodiscard]] virtual Result<QString> beginJob(const SyncTarget& target) = 0;
    // Stores one page: rows are inserted when new, rewritten only when their content hash changed (or
    // they had been marked missing), left alone otherwise; rows derived by ISyncStore::prepare() are
    // written with new rows. When trackSeen is set the (type, id) pairs are remembered for
    // markMissing() of this job.
    // Pages are written in batch transactions (group commit): a page is all or nothing, and it is
    // committed at the latest by the first of: a few thousand rows pending, saveCheckpoint() (which
    // commits the pages before it with the checkpoint), commitPending(), beginJob(), markMissing(),
    // finishJob(), saveSettings(), failInterruptedJobs() or the session's end. A failed page rolls the
    // pending batch back (its pages are fetched again on resume: their checkpoint was not committed).
    [[nodiscard]] virtual Result<PageWriteStats> storePage(const QString& jobId, const SyncTarget& target,
                                                           const QList<RawResource>& resources,
                                                           bool trackSeen) = 0;
    // Commits the pending pages, if any (SessionPipe calls it when its queue runs empty, so that no
    // write lock is held while the worker waits for the network).
    [[nodiscard]] virtual Status commitPending() = 0;
    // True when the connection already holds that resource.
    [[nodiscard]] virtual Result<bool> hasResource(const SyncTarget& target, const QString& resourceType,
                                                   const QString& resourceId) = 0;
    // Calls fn with the stored JSON of every resource of that type of the connection, streaming
    // (nothing is collected); fn returns false to stop.
    [[nodiscard]] virtual Status forEachStoredResource(const QString& connectionId, const QString& resourceType,
                                                       const std::function<bool(const QByteArray&)>& fn) = 0;
    // Calls fn with the id of every stored resource of that type of the connection (streaming).
    [[nodiscard]] virtual Status forEachStoredId(const QString& connectionId, const QString& resourceType,
                                                 const std::function<void(const QString&)>& fn) = 0;
    // After a complete, error-free full pass: resources of these types that this job did not see
    // (storePage with trackSeen) get missing_since_job_id = jobId. Returns how many were marked.
    [[nodiscard]] virtual Result<int> markMissing(const QString& jobId, const QString& connectionId,
                                                  const QStringList& completeTypes) = 0;
    // Checkpoint (profile_emr_connections.sync_state).
    [[nodiscard]] virtual Result<SyncCheckpoint> loadCheckpoint(const QString& connectionId) = 0;
    [[nodiscard]] virtual Status saveCheckpoint(const QString& connectionId, const SyncCheckpoint& checkpoint) = 0;
    // Ends the job: status, counts, errors JSON, resources_fetched, error_message, finished_at.
    // Keeps the connection true (last_synced_at after success/partial, status connected / error /
    // needs_reauth and last_error; token columns are never written) and recomputes
    // profile_summary.status (syncing while another job of the profile runs, else error when the
    // latest job of a connection failed, else ready).
    [[nodiscard]] virtual Status finishJob(const SyncJobResult& result) = 0;

    // --- Settings (app_settings) ------------------------------------------------------------------------
    [[nodiscard]] virtual Result<SyncSettings> loadSettings() = 0;
    [[nodiscard]] virtual Status saveSettings(const SyncSettings& settings) = 0;
};

// Opens sessions. Thread-safe; shared by the scheduler and all workers.
class ISyncStore
{
public:
    virtual ~ISyncStore() = default;
    // A session on the calling thread's own connection.
    [[nodiscard]] virtual Result<std::unique_ptr<ISyncSession>> openSession() = 0;
    // Called on the sync worker's thread before a page is queued for storePage(): may choose rowId and
    // attach `derived` rows to each resource (CPU work kept off the writer thread). Thread-safe, no I/O.
    virtual void prepare(const SyncTarget& target, QList<RawResource>& resources) const
    {
        Q_UNUSED(target);
        Q_UNUSED(resources);
    }
    // Closes the calling thread's database connection(s) of this store. Call on a thread that opened
    // sessions, after they are destroyed and before the thread ends.
    virtual void releaseThread() = 0;
};

} // namespace hh::sync
