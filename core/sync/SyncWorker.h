#pragma once

#include "core/sync/SyncEngineOptions.h"
#include "core/sync/SyncTypes.h"

#include <QObject>

#include <atomic>
#include <memory>
#include <mutex>

namespace hh::sync {

class FhirClient;
class ISyncStore;
class ITokenProvider;
class SyncWorker;

// A way to cancel a worker that stays safe after the worker is gone: the worker deletes itself on its own
// thread when that thread ends, possibly before whoever holds this handle has heard that it finished.
class SyncCancelHandle
{
public:
    // Thread-safe. True when the cancel reached a worker; false once the worker is gone.
    bool cancel();

private:
    friend class SyncWorker;
    std::mutex m_mutex;
    SyncWorker* m_worker = nullptr; // guarded by m_mutex; cleared by ~SyncWorker
};

// Syncs one connection on its own thread: a QObject moved to a QThread whose started() signal calls
// run(). run() opens the thread's own database session (ISyncStore) and its own
// QNetworkAccessManager, executes a SyncRun, releases the thread's database connection and emits
// finished(). Progress arrives through progressChanged() (queued to the receiver's thread).
//
// cancel() may be called from any thread: it sets an atomic flag (checked between pages) and
// interrupts the request or wait in progress; run() then ends soon with status 'cancelled'.
class SyncWorker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SyncWorker)

public:
    SyncWorker(SyncTarget target, std::shared_ptr<ISyncStore> store, std::shared_ptr<ITokenProvider> tokens,
               SyncEngineOptions options, QObject* parent = nullptr);
    ~SyncWorker() override;

    [[nodiscard]] const SyncTarget& target() const { return m_target; }
    // Thread-safe (while the worker exists; from elsewhere use cancelHandle()).
    void cancel();
    [[nodiscard]] std::shared_ptr<SyncCancelHandle> cancelHandle() const { return m_handle; }
    [[nodiscard]] bool isCancelRequested() const { return m_cancel.load(); }

public Q_SLOTS:
    // Runs the whole sync on the calling (worker) thread.
    void run();

Q_SIGNALS:
    void progressChanged(const hh::sync::SyncProgress& progress);
    void finished(const hh::sync::SyncJobResult& result);

private:
    void interruptNetwork();

    SyncTarget m_target;
    std::shared_ptr<ISyncStore> m_store;
    std::shared_ptr<ITokenProvider> m_tokens;
    SyncEngineOptions m_options;
    std::atomic<bool> m_cancel{false};
    std::shared_ptr<SyncCancelHandle> m_handle = std::make_shared<SyncCancelHandle>();
    FhirClient* m_client = nullptr; // only while run() executes; touched on the worker thread only
};

} // namespace hh::sync
