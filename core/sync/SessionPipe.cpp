#include "core/sync/SessionPipe.h"

#include "core/sync/ISyncStore.h"

#include <QCoreApplication>
#include <QThread>

#include <chrono>

namespace hh::sync {

namespace {
constexpr std::chrono::milliseconds kCommitLinger{50};
}

SessionPipe::SessionPipe(std::shared_ptr<ISyncStore> store, int maxQueued)
    : m_store(std::move(store))
    , m_maxQueued(std::max(1, maxQueued))
{
}

SessionPipe::~SessionPipe()
{
    if (!m_thread)
        return;
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_changed.notify_all();
    m_thread->wait();
    delete m_thread;
}

Error SessionPipe::closedError() const
{
    if (m_openError)
        return *m_openError;
    return Error(ErrorCode::Database, QCoreApplication::translate("hh::sync::SessionPipe", "The vault is not open."),
                 QStringLiteral("sync session not open"));
}

Status SessionPipe::open()
{
    if (m_thread)
        return m_opened ? success() : Status(closedError());
    m_thread = QThread::create([this] { loop(); });
    m_thread->setObjectName(QStringLiteral("hh-sync-store"));
    m_thread->start();
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [this] { return m_opened || m_openError.has_value(); });
    return m_opened ? success() : Status(*m_openError);
}

void SessionPipe::loop()
{
    std::unique_ptr<ISyncSession> session;
    {
        Result<std::unique_ptr<ISyncSession>> opened = m_store->openSession();
        std::lock_guard lock(m_mutex);
        if (opened)
            session = std::move(*opened);
        else
            m_openError = opened.error();
        m_opened = session != nullptr;
    }
    m_changed.notify_all();
    if (session) {
        std::unique_lock lock(m_mutex);
        for (;;) {
            m_changed.wait(lock, [this] { return m_stop || !m_tasks.empty(); });
            if (m_tasks.empty())
                break; // stop requested and nothing left
            auto [task, isWrite] = std::move(m_tasks.front());
            m_tasks.pop_front();
            m_busy = true;
            lock.unlock();
            task(*session);
            lock.lock();
            if (isWrite)
                --m_queuedWrites;
            m_changed.notify_all(); // a caller waiting for this task (call()) or for queue space goes on now
            // Idle: when no page follows within kCommitLinger the pending pages are committed, so that no
            // write lock is held while the worker waits for the network (several workers write to one
            // vault); pages that follow quickly (local replay, a fast server) share one transaction.
            if (m_tasks.empty())
                m_changed.wait_for(lock, kCommitLinger, [this] { return m_stop || !m_tasks.empty(); });
            if (m_tasks.empty()) {
                lock.unlock();
                Status st = session->commitPending();
                lock.lock();
                if (!st && !m_writeError)
                    m_writeError = st.error();
            }
            m_busy = false;
            m_changed.notify_all();
        }
        lock.unlock();
        if (Status st = session->commitPending(); !st) {
            std::lock_guard relock(m_mutex);
            if (!m_writeError)
                m_writeError = st.error();
        }
    }
    session.reset(); // statements before the connection
    m_store->releaseThread();
}

void SessionPipe::post(Task task, bool isWrite)
{
    {
        std::unique_lock lock(m_mutex);
        if (isWrite) {
            m_changed.wait(lock, [this] { return m_queuedWrites < m_maxQueued; });
            ++m_queuedWrites;
        }
        m_tasks.emplace_back(std::move(task), isWrite);
    }
    m_changed.notify_all();
}

void SessionPipe::call(const Task& fn)
{
    bool done = false;
    post(
        [&](ISyncSession& s) {
            fn(s);
            std::lock_guard lock(m_mutex);
            done = true;
        },
        false);
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [&] { return done; });
}

Result<QString> SessionPipe::beginJob(const SyncTarget& target)
{
    if (!m_opened)
        return closedError();
    Result<QString> out = Error();
    call([&](ISyncSession& s) { out = s.beginJob(target); });
    return out;
}

void SessionPipe::storePage(const QString& jobId, const SyncTarget& target, QList<RawResource> resources,
                            bool trackSeen)
{
    if (!m_opened || resources.isEmpty())
        return;
    // The store's CPU work (e.g. normalizing) runs here, on the worker's thread, while the writer thread
    // writes earlier pages; the parsed objects are then dropped (the queue holds bytes only).
    m_store->prepare(target, resources);
    for (RawResource& r : resources)
        r.object = QJsonObject();
    post(
        [this, jobId, target, resources = std::move(resources), trackSeen](ISyncSession& s) {
            {
                std::lock_guard lock(m_mutex);
                if (m_writeError)
                    return; // after a failed write the job stops; nothing more is written
            }
            Result<PageWriteStats> r = s.storePage(jobId, target, resources, trackSeen);
            std::lock_guard lock(m_mutex);
            if (!r) {
                m_writeError = r.error();
                return;
            }
            m_stats.inserted += r->inserted;
            m_stats.updated += r->updated;
            m_stats.unchanged += r->unchanged;
        },
        true);
}

Result<bool> SessionPipe::hasResource(const SyncTarget& target, const QString& resourceType, const QString& resourceId)
{
    if (!m_opened)
        return closedError();
    Result<bool> out = Error();
    call([&](ISyncSession& s) { out = s.hasResource(target, resourceType, resourceId); });
    return out;
}

Status SessionPipe::forEachStoredResource(const QString& connectionId, const QString& resourceType,
                                          const std::function<bool(const QByteArray&)>& fn)
{
    if (!m_opened)
        return closedError();
    Status out;
    call([&](ISyncSession& s) { out = s.forEachStoredResource(connectionId, resourceType, fn); });
    return out;
}

Status SessionPipe::forEachStoredId(const QString& connectionId, const QString& resourceType,
                                    const std::function<void(const QString&)>& fn)
{
    if (!m_opened)
        return closedError();
    Status out;
    call([&](ISyncSession& s) { out = s.forEachStoredId(connectionId, resourceType, fn); });
    return out;
}

Result<int> SessionPipe::markMissing(const QString& jobId, const QString& connectionId, const QStringList& completeTypes)
{
    if (!m_opened)
        return closedError();
    Result<int> out = Error();
    call([&](ISyncSession& s) { out = s.markMissing(jobId, connectionId, completeTypes); });
    return out;
}

Result<SyncCheckpoint> SessionPipe::loadCheckpoint(const QString& connectionId)
{
    if (!m_opened)
        return closedError();
    Result<SyncCheckpoint> out = Error();
    call([&](ISyncSession& s) { out = s.loadCheckpoint(connectionId); });
    return out;
}

void SessionPipe::saveCheckpoint(const QString& connectionId, const SyncCheckpoint& checkpoint)
{
    if (!m_opened)
        return;
    post(
        [this, connectionId, checkpoint](ISyncSession& s) {
            {
                // After a failed write the pages this checkpoint counts were rolled back (or never written):
                // saving it would let a resumed sync skip them.
                std::lock_guard lock(m_mutex);
                if (m_writeError)
                    return;
            }
            Status st = s.saveCheckpoint(connectionId, checkpoint);
            std::lock_guard lock(m_mutex);
            if (!st && !m_writeError)
                m_writeError = st.error();
        },
        true);
}

Status SessionPipe::finishJob(const SyncJobResult& result)
{
    if (!m_opened)
        return closedError();
    Status out;
    call([&](ISyncSession& s) { out = s.finishJob(result); });
    return out;
}

Status SessionPipe::flush()
{
    if (!m_opened)
        return closedError();
    Status committed;
    call([&committed](ISyncSession& s) { committed = s.commitPending(); }); // FIFO: every earlier write is done
    std::lock_guard lock(m_mutex);
    if (m_writeError)
        return *m_writeError;
    if (!committed)
        m_writeError = committed.error();
    return committed;
}

std::optional<Error> SessionPipe::error() const
{
    std::lock_guard lock(m_mutex);
    return m_writeError;
}

PageWriteStats SessionPipe::writeStats() const
{
    std::lock_guard lock(m_mutex);
    return m_stats;
}

} // namespace hh::sync
