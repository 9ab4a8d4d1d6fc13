#pragma once

#include "core/sync/ISyncControl.h"
#include "core/sync/SyncEngineOptions.h"
#include "core/sync/SyncTypes.h"

#include <QHash>
#include <QLockFile>
#include <QList>
#include <QPointer>
#include <QThreadPool>
#include <QTimer>

#include <chrono>
#include <functional>
#include <memory>

class QThread;

namespace hh::sync {

class ISyncStore;
class ITokenProvider;
class SyncCancelHandle;
class SyncWorker;

// Runs syncs: a queue of connections and at most maxConcurrent() SyncWorkers at once, each in its own
// QThread. Lives on the GUI (or CLI main) thread and never blocks it: the vault is read on a helper
// thread, workers report through queued signals.
//
// Typical use (app):
//     auto scheduler = new SyncScheduler(store, tokens, userId, {}, parent);
//     connect(scheduler, &ISyncControl::connectionSynced, ...);   // clinical pipeline per connection
//     connect(scheduler, &ISyncControl::profileSynced, ...);      // or per profile
//     scheduler->setMaxConcurrent(settings.maxConcurrent);
//     scheduler->setSchedule(settings.schedule);
//     scheduler->start();          // start-up fix-up (jobs left running -> failed), then the schedule
//     ...
//     scheduler->shutdown(5s);     // on quit: drop the queue, cancel, wait with a deadline
//
// Requests made before the start-up fix-up has finished wait for it. Scheduled sync: Off; OnStartup
// (everything once when start() has finished the fix-up); Daily (at start() and then every
// dailyCheckInterval(), every connection not synced for 24 h).
class SyncScheduler final : public ISyncControl
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SyncScheduler)

public:
    // userId: the signed-in account (selections never reach other accounts' profiles); empty: all.
    SyncScheduler(std::shared_ptr<ISyncStore> store, std::shared_ptr<ITokenProvider> tokens, QString userId,
                  SyncEngineOptions options = {}, QObject* parent = nullptr);
    ~SyncScheduler() override; // shutdown() with the default deadline

    void setMaxConcurrent(int count); // clamped to 1..16
    [[nodiscard]] int maxConcurrent() const { return m_maxConcurrent; }
    void setSchedule(SyncSchedule schedule);
    [[nodiscard]] SyncSchedule schedule() const override { return m_schedule; }
    void saveSchedule(SyncSchedule schedule) override;
    // Before start(): the start-up helper also reads the settings kept in the vault (max concurrent,
    // schedule) and applies them before the schedule runs. The app does; the sync command does not (it
    // syncs what it is asked, once).
    void useStoredSettings() { m_useStoredSettings = true; }
    void setDailyCheckInterval(std::chrono::milliseconds interval);
    void setEngineOptions(const SyncEngineOptions& options) { m_options = options; }
    // Runs on the scheduler's thread right before a connection's worker starts (e.g. start the in-process
    // demo server: DemoEndpoints::ensureStarted). An error ends that connection's sync as failed.
    using TargetPreparer = std::function<Status(const SyncTarget&)>;
    void setTargetPreparer(TargetPreparer preparer) { m_preparer = std::move(preparer); }
    [[nodiscard]] const SyncEngineOptions& engineOptions() const { return m_options; }

    // Marks jobs left running by a crash as failed (on a helper thread), then applies the schedule.
    void start();
    [[nodiscard]] bool isStarted() const { return m_startupDone; }

    // ISyncControl
    void syncConnection(const QString& connectionId) override;
    void syncProfile(const QString& profileId) override;
    void syncAll() override;
    void cancelConnection(const QString& connectionId) override;
    void cancelProfile(const QString& profileId) override;
    void cancelAll() override;
    [[nodiscard]] QList<SyncProgress> activeSyncs() const override;
    [[nodiscard]] bool isActive(const QString& connectionId) const override;
    [[nodiscard]] bool isIdle() const;

    // Drops the queue, cancels the running workers and waits for their threads until the deadline.
    // True when every worker ended in time; when not, call it again to go on waiting (the vault's
    // connections must not close under a worker that still runs).
    bool shutdown(std::chrono::milliseconds deadline = std::chrono::seconds(10));

Q_SIGNALS:
    // start() finished its fix-up; `interruptedJobs` jobs were marked failed.
    void started(int interruptedJobs);

private:
    struct Running {
        QThread* thread = nullptr;
        // Not the worker itself: it deletes itself when its thread ends, which may be before onWorkerFinished().
        std::shared_ptr<SyncCancelHandle> cancel;
        SyncProgress progress;
    };
    struct ProfileRound {
        int outstanding = 0;
        bool stored = false;
    };

    // The vault's cross-process sync lock (SyncEngineOptions::lockFilePath): taken before a worker starts and
    // before the start-up fix-up, given back whenever the scheduler is idle. True when held (or none is set).
    bool holdLock();
    // A queued target that ends without a worker (failed to prepare, no lock, cancelled): reported, counted.
    void endUnstarted(const SyncTarget& target, JobStatus status, ErrorCode code, const QString& message);
    void request(const SyncSelection& selection);
    void enqueue(const QList<SyncTarget>& targets);
    void pump();
    void startWorker(const SyncTarget& target);
    void onWorkerProgress(const SyncProgress& progress);
    void onWorkerFinished(const SyncJobResult& result);
    void endOfConnection(const QString& profileId, bool stored);
    void checkIdle();
    void runDailyCheck();
    void applySchedule();

    std::shared_ptr<ISyncStore> m_store;
    std::shared_ptr<ITokenProvider> m_tokens;
    QString m_userId;
    SyncEngineOptions m_options;
    TargetPreparer m_preparer;
    int m_maxConcurrent = SyncSettings::kDefaultMaxConcurrent;
    SyncSchedule m_schedule = SyncSchedule::Off;
    QTimer m_dailyTimer;
    bool m_useStoredSettings = false;
    QThreadPool m_helperPool; // vault reads of the scheduler (targets, fix-up)
    std::unique_ptr<QLockFile> m_lock; // the cross-process sync lock, while held
    bool m_startupRequested = false;
    bool m_startupDone = false;
    bool m_shuttingDown = false;
    int m_resolving = 0;
    QList<SyncSelection> m_waiting; // requests made while the start-up fix-up runs
    QList<SyncTarget> m_queue;
    QHash<QString, Running> m_running; // by connection id
    QList<QPointer<QThread>> m_finishing; // threads whose worker has reported; they end on their own
    QHash<QString, ProfileRound> m_rounds; // by profile id
};

} // namespace hh::sync
