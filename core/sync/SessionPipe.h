#pragma once

#include "core/Result.h"
#include "core/sync/SyncTypes.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>

class QThread;

namespace hh::sync {

class ISyncSession;
class ISyncStore;

// A sync worker's storage, on a thread of its own: the worker parses page N+1 (and fetches N+2) while
// page N is written. Owns a "store thread" that opens the ISyncSession (its own database connection),
// runs every call in FIFO order, and releases the connection when the pipe is destroyed.
//
// - storePage() and saveCheckpoint() are queued and return at once (the queue is bounded: a caller
//   waits when maxQueued writes are pending, so memory stays bounded). After a failed write later pages
//   are not written; error() tells it without waiting, flush() returns it. Ordering guarantees that a
//   checkpoint saved after a query's pages is committed after them.
// - Every other call runs on the store thread and waits for it; callbacks of forEachStored*() run on
//   the store thread while the caller waits.
// - Before a page is queued, ISyncStore::prepare() runs on the caller's thread (CPU work off the writer).
// - Pages are group-committed by the session (ISyncSession::storePage); the pipe commits them whenever its
//   queue runs empty, so no write lock is held while the worker waits for the network.
// - flush() waits for every queued write and commits; writeStats() then holds the sum of the page writes.
// Used by one thread (the worker) at a time.
class SessionPipe final
{
public:
    // maxQueued: pages, enough to keep the worker busy while the writer commits a batch.
    explicit SessionPipe(std::shared_ptr<ISyncStore> store, int maxQueued = 32);
    ~SessionPipe(); // flushes, closes the session and its connection, joins the thread
    SessionPipe(const SessionPipe&) = delete;
    SessionPipe& operator=(const SessionPipe&) = delete;

    // Starts the thread and opens the session there.
    [[nodiscard]] Status open();

    [[nodiscard]] Result<QString> beginJob(const SyncTarget& target);
    void storePage(const QString& jobId, const SyncTarget& target, QList<RawResource> resources, bool trackSeen);
    [[nodiscard]] Result<bool> hasResource(const SyncTarget& target, const QString& resourceType,
                                           const QString& resourceId);
    [[nodiscard]] Status forEachStoredResource(const QString& connectionId, const QString& resourceType,
                                               const std::function<bool(const QByteArray&)>& fn);
    [[nodiscard]] Status forEachStoredId(const QString& connectionId, const QString& resourceType,
                                         const std::function<void(const QString&)>& fn);
    [[nodiscard]] Result<int> markMissing(const QString& jobId, const QString& connectionId,
                                          const QStringList& completeTypes);
    [[nodiscard]] Result<SyncCheckpoint> loadCheckpoint(const QString& connectionId);
    void saveCheckpoint(const QString& connectionId, const SyncCheckpoint& checkpoint);
    [[nodiscard]] Status finishJob(const SyncJobResult& result);

    [[nodiscard]] Status flush();
    // The first failed write, if any (does not wait).
    [[nodiscard]] std::optional<Error> error() const;
    [[nodiscard]] PageWriteStats writeStats() const;

private:
    using Task = std::function<void(ISyncSession&)>;
    void post(Task task, bool isWrite);
    // Runs fn on the store thread and waits for it.
    void call(const Task& fn);
    void loop();
    [[nodiscard]] Error closedError() const;

    std::shared_ptr<ISyncStore> m_store;
    const int m_maxQueued;
    QThread* m_thread = nullptr;
    mutable std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<std::pair<Task, bool>> m_tasks; // task, is a queued write
    int m_queuedWrites = 0;
    bool m_busy = false;
    bool m_stop = false;
    bool m_opened = false;
    std::optional<Error> m_openError;
    std::optional<Error> m_writeError;
    PageWriteStats m_stats;
};

} // namespace hh::sync
