#include "db/PipelineRunner.h"

#include "core/Log.h"
#include "db/ClinicalPipeline.h"
#include "db/ConnectionFactory.h"

#include <QMetaObject>
#include <QThread>

namespace hh::db {

PipelineWorker::PipelineWorker(std::shared_ptr<ConnectionFactory> factory, const std::atomic<bool>* cancel)
    : m_factory(std::move(factory)), m_cancel(cancel)
{
}

PipelineWorker::~PipelineWorker() = default;

void PipelineWorker::catchUp(const QString& userId)
{
    if (!m_pipeline) {
        m_pipeline = std::make_unique<ClinicalPipeline>(m_factory);
        m_pipeline->setCancelFlag(m_cancel);
    }
    auto pending = m_pipeline->pendingProfiles(userId);
    if (!pending) {
        qCWarning(lcDb) << "clinical pipeline: pending profiles could not be read:" << pending.error().detail();
        Q_EMIT caughtUp({});
        return;
    }
    Q_EMIT caughtUp(*pending);
}

void PipelineWorker::run(const QString& profileId)
{
    if (!m_pipeline) {
        m_pipeline = std::make_unique<ClinicalPipeline>(m_factory);
        m_pipeline->setCancelFlag(m_cancel);
    }
    auto r = m_pipeline->runForProfile(profileId, [this, &profileId](qint64 done, qint64 total) {
        Q_EMIT progress(profileId, done, total);
    });
    if (r)
        Q_EMIT finished(profileId, true, Error());
    else
        Q_EMIT finished(profileId, false, r.error());
}

void PipelineWorker::release()
{
    if (m_pipeline)
        m_pipeline->releaseThread();
    m_pipeline.reset();
    m_factory->releaseThreadConnections();
}

PipelineRunner::PipelineRunner(std::shared_ptr<ConnectionFactory> factory, QString userId, QObject* parent)
    : QObject(parent), m_factory(std::move(factory)), m_userId(std::move(userId))
{
    qRegisterMetaType<hh::Error>();
}

PipelineRunner::~PipelineRunner()
{
    shutdown();
}

void PipelineRunner::start()
{
    if (m_thread || m_stopped)
        return;
    m_thread = new QThread(this);
    m_thread->setObjectName(QStringLiteral("hh-pipeline"));
    m_worker = new PipelineWorker(m_factory, &m_cancel);
    m_worker->moveToThread(m_thread);
    connect(m_worker, &PipelineWorker::progress, this, &PipelineRunner::progress);
    connect(m_worker, &PipelineWorker::finished, this, &PipelineRunner::onFinished);
    connect(m_worker, &PipelineWorker::caughtUp, this, &PipelineRunner::onCatchUp);
    m_thread->start();
    // The catch-up runs first on the worker; profiles enqueued meanwhile wait for its answer.
    m_running = QStringLiteral("\x1f" "catch-up");
    QMetaObject::invokeMethod(m_worker, "catchUp", Qt::QueuedConnection, Q_ARG(QString, m_userId));
}

void PipelineRunner::enqueue(const QString& profileId)
{
    if (m_stopped || profileId.isEmpty())
        return;
    if (profileId == m_running) {
        m_rerun = true;
        return;
    }
    if (!m_queue.contains(profileId))
        m_queue.append(profileId);
    if (!m_thread)
        start();
    runNext();
}

void PipelineRunner::runNext()
{
    if (m_stopped || !m_running.isEmpty() || !m_thread)
        return;
    if (m_queue.isEmpty()) {
        Q_EMIT idle();
        return;
    }
    m_running = m_queue.takeFirst();
    m_rerun = false;
    QMetaObject::invokeMethod(m_worker, "run", Qt::QueuedConnection, Q_ARG(QString, m_running));
}

void PipelineRunner::onCatchUp(const QStringList& profileIds)
{
    m_running.clear();
    for (const QString& id : profileIds) {
        if (!m_queue.contains(id))
            m_queue.append(id);
    }
    runNext();
}

void PipelineRunner::onFinished(const QString& profileId, bool ok, const Error& error)
{
    if (profileId != m_running)
        return;
    const bool rerun = m_rerun;
    m_running.clear();
    m_rerun = false;
    if (rerun && !m_stopped && !m_queue.contains(profileId))
        m_queue.prepend(profileId);
    if (ok)
        Q_EMIT profileUpdated(profileId);
    else if (error.code() != ErrorCode::Cancelled)
        Q_EMIT profileFailed(profileId, error);
    runNext();
}

void PipelineRunner::shutdown()
{
    if (m_stopped)
        return;
    m_stopped = true;
    m_queue.clear();
    if (!m_thread)
        return;
    m_cancel.store(true);
    // Runs after the current profile (it stops at the next batch boundary): the worker's statements and
    // connection are released on its own thread, then the thread ends.
    QMetaObject::invokeMethod(m_worker, "release", Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
    delete m_worker;
    m_worker = nullptr;
    delete m_thread;
    m_thread = nullptr;
    m_running.clear();
}

} // namespace hh::db
