#pragma once

#include "core/sync/SyncEngineOptions.h"
#include "core/sync/SyncTypes.h"

#include <QObject>

#include <atomic>
#include <memory>

namespace hh::sync {

class FhirClient;
class ISyncStore;
class ITokenProvider;

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
    // Thread-safe.
    void cancel();
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
    FhirClient* m_client = nullptr; // only while run() executes; touched on the worker thread only
};

} // namespace hh::sync
