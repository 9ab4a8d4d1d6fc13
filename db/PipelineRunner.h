#pragma once

#include "core/Result.h"

#include <QObject>
#include <QString>
#include <QStringList>

#include <atomic>
#include <memory>

class QThread;

namespace hh::db {

class ConnectionFactory;
class PipelineWorker;

// Runs the clinical pipeline (ClinicalPipeline) in the background for profiles whose records changed
// (issue 6): one worker QThread with its own vault connection, one profile at a time.
//
// enqueue(profileId) after a connection's sync stored data. A profile already queued is not queued twice;
// a profile queued while it runs runs once more afterwards (the new data is picked up incrementally).
// start() also queues every profile (of `userId`, if given) with work left from an earlier session:
// queued de-duplication groups, raw rows not normalized yet, or no summary.
//
// Signals (queued to the runner's thread): progress(profileId, done, total) while a profile runs;
// profileUpdated(profileId) once its clean rows and summary are written; profileFailed(profileId, error)
// when the run failed (the summary status is then 'error'); idle() when nothing is queued or running.
//
// Lifetime: create and use on one thread (the GUI thread); the destructor cancels the running profile
// between batches, releases the worker's connection on the worker thread and waits for it to end.
class PipelineRunner final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PipelineRunner)

public:
    explicit PipelineRunner(std::shared_ptr<ConnectionFactory> factory, QString userId = {}, QObject* parent = nullptr);
    ~PipelineRunner() override;

    // Starts the worker thread and the catch-up. Idempotent.
    void start();
    void enqueue(const QString& profileId);
    // Stops after the current batch, drops the queue and ends the worker thread. Idempotent; blocking.
    void shutdown();

    [[nodiscard]] bool isBusy() const { return !m_running.isEmpty() || !m_queue.isEmpty(); }
    [[nodiscard]] QStringList queued() const { return m_queue; }

Q_SIGNALS:
    void progress(const QString& profileId, qint64 done, qint64 total);
    void profileUpdated(const QString& profileId);
    void profileFailed(const QString& profileId, const hh::Error& error);
    void idle();

private:
    void runNext();
    void onFinished(const QString& profileId, bool ok, const hh::Error& error);
    void onCatchUp(const QStringList& profileIds);

    std::shared_ptr<ConnectionFactory> m_factory;
    QString m_userId;
    QThread* m_thread = nullptr;
    PipelineWorker* m_worker = nullptr;
    std::atomic<bool> m_cancel{false};
    QStringList m_queue;
    QString m_running;
    bool m_rerun = false; // the running profile was enqueued again
    bool m_stopped = false;
};

// The object living on the worker thread (internal; public for moc).
class PipelineWorker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PipelineWorker)

public:
    PipelineWorker(std::shared_ptr<ConnectionFactory> factory, const std::atomic<bool>* cancel);
    ~PipelineWorker() override;

public Q_SLOTS:
    void catchUp(const QString& userId);
    void run(const QString& profileId);
    void release();

Q_SIGNALS:
    void caughtUp(const QStringList& profileIds);
    void progress(const QString& profileId, qint64 done, qint64 total);
    void finished(const QString& profileId, bool ok, const hh::Error& error);

private:
    std::shared_ptr<ConnectionFactory> m_factory;
    const std::atomic<bool>* m_cancel;
    std::unique_ptr<class ClinicalPipeline> m_pipeline;
};

} // namespace hh::db
