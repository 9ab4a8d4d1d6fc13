#include "core/sync/SyncScheduler.h"

#include "core/Log.h"
#include "core/sync/ISyncStore.h"
#include "core/sync/SyncWorker.h"
#include "core/sync/TokenProvider.h"

#include <optional>

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QThread>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace hh::sync {

namespace {
constexpr std::chrono::hours kDefaultDailyCheck{1};
} // namespace

SyncScheduler::SyncScheduler(std::shared_ptr<ISyncStore> store, std::shared_ptr<ITokenProvider> tokens, QString userId,
                             SyncEngineOptions options, QObject* parent)
    : ISyncControl(parent)
    , m_store(std::move(store))
    , m_tokens(std::move(tokens))
    , m_userId(std::move(userId))
    , m_options(std::move(options))
{
    registerSyncMetaTypes();
    m_helperPool.setMaxThreadCount(1);
    m_dailyTimer.setInterval(kDefaultDailyCheck);
    connect(&m_dailyTimer, &QTimer::timeout, this, &SyncScheduler::runDailyCheck);
}

SyncScheduler::~SyncScheduler()
{
    shutdown();
}

void SyncScheduler::setMaxConcurrent(int count)
{
    m_maxConcurrent = std::clamp(count, 1, 16);
    pump();
}

void SyncScheduler::setSchedule(SyncSchedule schedule)
{
    m_schedule = schedule;
    if (m_startupDone && schedule == SyncSchedule::Daily && !m_dailyTimer.isActive())
        m_dailyTimer.start();
    else if (schedule != SyncSchedule::Daily)
        m_dailyTimer.stop();
}

void SyncScheduler::setDailyCheckInterval(std::chrono::milliseconds interval)
{
    m_dailyTimer.setInterval(interval);
}

void SyncScheduler::start()
{
    if (m_startupRequested || m_shuttingDown)
        return;
    m_startupRequested = true;
    std::shared_ptr<ISyncStore> store = m_store;
    const QString message = tr("The sync was interrupted (the app stopped).");
    // Jobs marked running while another process holds the lock are that process's live syncs, not leftovers.
    const bool owner = holdLock();
    const bool readSettings = m_useStoredSettings;
    (void)QtConcurrent::run(&m_helperPool, [this, store, message, owner, readSettings]() {
        Result<int> fixed = 0;
        std::optional<SyncSettings> settings;
        if (owner || readSettings) {
            Result<std::unique_ptr<ISyncSession>> session = store->openSession();
            if (owner)
                fixed = session ? (*session)->failInterruptedJobs(message) : Result<int>(session.error());
            if (readSettings && session) {
                if (Result<SyncSettings> s = (*session)->loadSettings())
                    settings = *s;
                else
                    qCWarning(lcSync) << "reading the sync settings failed:" << s.error().detail();
            }
        }
        store->releaseThread();
        QMetaObject::invokeMethod(
            this,
            [this, fixed, settings]() {
                m_startupDone = true;
                if (settings) {
                    setMaxConcurrent(settings->maxConcurrent);
                    setSchedule(settings->schedule);
                }
                if (!fixed) {
                    qCWarning(lcSync) << "start-up fix-up failed:" << fixed.error().detail();
                    Q_EMIT syncRequestFailed(fixed.error());
                }
                Q_EMIT started(fixed ? *fixed : 0);
                const QList<SyncSelection> waiting = std::exchange(m_waiting, {});
                for (const SyncSelection& s : waiting)
                    request(s);
                applySchedule();
                checkIdle();
            },
            Qt::QueuedConnection);
    });
}

void SyncScheduler::saveSchedule(SyncSchedule schedule)
{
    setSchedule(schedule); // a schedule "when Health Hub starts" waits for the next start
    if (m_shuttingDown)
        return;
    std::shared_ptr<ISyncStore> store = m_store;
    (void)QtConcurrent::run(&m_helperPool, [this, store, schedule]() {
        const Status saved = [&]() -> Status {
            Result<std::unique_ptr<ISyncSession>> session = store->openSession();
            if (!session)
                return session.error();
            Result<SyncSettings> settings = (*session)->loadSettings(); // keeps max_concurrent as stored
            SyncSettings s = settings ? *settings : SyncSettings{};
            s.schedule = schedule;
            return (*session)->saveSettings(s);
        }();
        store->releaseThread();
        if (!saved) {
            QMetaObject::invokeMethod(
                this,
                [this, e = saved.error()]() {
                    qCWarning(lcSync) << "storing the sync schedule failed:" << e.detail();
                    Q_EMIT scheduleSaveFailed(e); // not a sync failure: the running syncs go on
                },
                Qt::QueuedConnection);
        }
    });
}

void SyncScheduler::applySchedule()
{
    switch (m_schedule) {
    case SyncSchedule::Off:
        break;
    case SyncSchedule::OnStartup:
        syncAll();
        break;
    case SyncSchedule::Daily:
        runDailyCheck();
        m_dailyTimer.start();
        break;
    }
}

void SyncScheduler::runDailyCheck()
{
    SyncSelection s;
    s.scope = SyncSelection::Scope::All;
    s.userId = m_userId;
    s.notSyncedSince = QDateTime::currentDateTimeUtc().addDays(-1);
    request(s);
}

void SyncScheduler::syncConnection(const QString& connectionId)
{
    SyncSelection s;
    s.scope = SyncSelection::Scope::Connection;
    s.userId = m_userId;
    s.id = connectionId;
    request(s);
}

void SyncScheduler::syncProfile(const QString& profileId)
{
    SyncSelection s;
    s.scope = SyncSelection::Scope::Profile;
    s.userId = m_userId;
    s.id = profileId;
    request(s);
}

void SyncScheduler::syncAll()
{
    SyncSelection s;
    s.scope = SyncSelection::Scope::All;
    s.userId = m_userId;
    request(s);
}

void SyncScheduler::request(const SyncSelection& selection)
{
    if (m_shuttingDown)
        return;
    if (m_startupRequested && !m_startupDone) {
        m_waiting.append(selection);
        return;
    }
    ++m_resolving;
    std::shared_ptr<ISyncStore> store = m_store;
    (void)QtConcurrent::run(&m_helperPool, [this, store, selection]() {
        Result<QList<SyncTarget>> targets = Error();
        {
            Result<std::unique_ptr<ISyncSession>> session = store->openSession();
            targets = session ? (*session)->syncTargets(selection) : Result<QList<SyncTarget>>(session.error());
        }
        store->releaseThread();
        QMetaObject::invokeMethod(
            this,
            [this, targets]() {
                --m_resolving;
                if (m_shuttingDown)
                    return;
                if (!targets) {
                    qCWarning(lcSync) << "sync targets not read:" << targets.error().detail();
                    Q_EMIT syncRequestFailed(targets.error());
                } else {
                    enqueue(*targets);
                }
                checkIdle();
            },
            Qt::QueuedConnection);
    });
}

void SyncScheduler::enqueue(const QList<SyncTarget>& targets)
{
    for (const SyncTarget& t : targets) {
        const bool queued = std::any_of(m_queue.cbegin(), m_queue.cend(),
                                        [&](const SyncTarget& q) { return q.connectionId == t.connectionId; });
        if (queued || m_running.contains(t.connectionId))
            continue;
        m_queue.append(t);
        m_rounds[t.profileId].outstanding += 1;
        SyncProgress p;
        p.profileId = t.profileId;
        p.connectionId = t.connectionId;
        p.running = false;
        Q_EMIT connectionProgress(p);
    }
    pump();
}

void SyncScheduler::pump()
{
    while (!m_shuttingDown && !m_queue.isEmpty() && m_running.size() < m_maxConcurrent) {
        const SyncTarget target = m_queue.takeFirst();
        if (m_preparer) {
            if (Status st = m_preparer(target); !st) {
                endUnstarted(target, JobStatus::Failed, st.error().code(), st.error().message());
                continue;
            }
        }
        if (!holdLock()) {
            endUnstarted(target, JobStatus::Failed, ErrorCode::Unknown,
                         tr("Another Health Hub (a window or a command) is syncing this vault. Try again when "
                            "it has finished."));
            continue;
        }
        startWorker(target);
    }
}

void SyncScheduler::endUnstarted(const SyncTarget& target, JobStatus status, ErrorCode code, const QString& message)
{
    SyncJobResult r = SyncJobResult::about(target);
    r.status = status;
    r.errorCode = code;
    r.errorMessage = message;
    Q_EMIT connectionFinished(r);
    endOfConnection(target.profileId, false);
}

bool SyncScheduler::holdLock()
{
    if (m_options.lockFilePath.isEmpty() || m_lock)
        return true;
    auto lock = std::make_unique<QLockFile>(m_options.lockFilePath);
    // Only a dead holder makes the lock stale (a sync can last longer than any fixed age).
    lock->setStaleLockTime(0);
    if (!lock->tryLock(0))
        return false;
    m_lock = std::move(lock);
    return true;
}

void SyncScheduler::startWorker(const SyncTarget& target)
{
    auto* thread = new QThread();
    thread->setObjectName(QStringLiteral("hh-sync-worker"));
    auto* worker = new SyncWorker(target, m_store, m_tokens, m_options);
    worker->moveToThread(thread);
    connect(thread, &QThread::started, worker, &SyncWorker::run);
    connect(worker, &SyncWorker::progressChanged, this, &SyncScheduler::onWorkerProgress);
    connect(worker, &SyncWorker::finished, this, &SyncScheduler::onWorkerFinished);
    connect(worker, &SyncWorker::finished, thread, &QThread::quit, Qt::DirectConnection);
    connect(thread, &QThread::finished, worker, &QObject::deleteLater);
    connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    Running r;
    r.thread = thread;
    r.cancel = worker->cancelHandle();
    r.progress.profileId = target.profileId;
    r.progress.connectionId = target.connectionId;
    r.progress.running = true;
    m_running.insert(target.connectionId, r);
    thread->start();
    Q_EMIT connectionProgress(r.progress);
}

void SyncScheduler::onWorkerProgress(const SyncProgress& progress)
{
    auto it = m_running.find(progress.connectionId);
    if (it == m_running.end() || m_shuttingDown)
        return;
    it->progress = progress;
    Q_EMIT connectionProgress(progress);
}

void SyncScheduler::onWorkerFinished(const SyncJobResult& result)
{
    if (m_shuttingDown || !m_running.contains(result.connectionId))
        return;
    m_finishing.removeIf([](const QPointer<QThread>& t) { return t.isNull(); });
    m_finishing.append(m_running.value(result.connectionId).thread);
    m_running.remove(result.connectionId);
    Q_EMIT connectionFinished(result);
    if (result.dataStored())
        Q_EMIT connectionSynced(result.profileId, result.connectionId, result.jobId);
    endOfConnection(result.profileId, result.dataStored());
    pump();
    checkIdle();
}

void SyncScheduler::endOfConnection(const QString& profileId, bool stored)
{
    auto it = m_rounds.find(profileId);
    if (it == m_rounds.end())
        return;
    it->outstanding -= 1;
    it->stored = it->stored || stored;
    if (it->outstanding > 0)
        return;
    const bool anyStored = it->stored;
    m_rounds.erase(it);
    if (anyStored)
        Q_EMIT profileSynced(profileId);
}

bool SyncScheduler::isIdle() const
{
    return m_queue.isEmpty() && m_running.isEmpty() && m_resolving == 0 && m_waiting.isEmpty();
}

void SyncScheduler::checkIdle()
{
    if (isIdle() && m_startupDone)
        m_lock.reset(); // another process may sync now
    if (!m_shuttingDown && isIdle())
        Q_EMIT idle();
}

void SyncScheduler::cancelConnection(const QString& connectionId)
{
    for (qsizetype i = 0; i < m_queue.size(); ++i) {
        if (m_queue.at(i).connectionId != connectionId)
            continue;
        const SyncTarget t = m_queue.takeAt(i);
        endUnstarted(t, JobStatus::Cancelled, ErrorCode::Cancelled, tr("The sync was cancelled."));
        checkIdle();
        return;
    }
    auto it = m_running.find(connectionId);
    if (it != m_running.end())
        it->cancel->cancel();
}

void SyncScheduler::cancelProfile(const QString& profileId)
{
    QStringList ids;
    for (const SyncTarget& t : std::as_const(m_queue)) {
        if (t.profileId == profileId)
            ids.append(t.connectionId);
    }
    for (auto it = m_running.cbegin(); it != m_running.cend(); ++it) {
        if (it->progress.profileId == profileId)
            ids.append(it.key());
    }
    for (const QString& id : std::as_const(ids))
        cancelConnection(id);
}

void SyncScheduler::cancelAll()
{
    QStringList ids;
    for (const SyncTarget& t : std::as_const(m_queue))
        ids.append(t.connectionId);
    ids += m_running.keys();
    for (const QString& id : std::as_const(ids))
        cancelConnection(id);
}

QList<SyncProgress> SyncScheduler::activeSyncs() const
{
    QList<SyncProgress> out;
    for (const Running& r : m_running)
        out.append(r.progress);
    for (const SyncTarget& t : m_queue) {
        SyncProgress p;
        p.profileId = t.profileId;
        p.connectionId = t.connectionId;
        out.append(p);
    }
    return out;
}

bool SyncScheduler::isActive(const QString& connectionId) const
{
    return m_running.contains(connectionId)
        || std::any_of(m_queue.cbegin(), m_queue.cend(),
                       [&](const SyncTarget& t) { return t.connectionId == connectionId; });
}

bool SyncScheduler::shutdown(std::chrono::milliseconds deadline)
{
    if (m_shuttingDown && m_running.isEmpty() && m_finishing.isEmpty())
        return true;
    m_shuttingDown = true;
    m_dailyTimer.stop();
    m_queue.clear();
    m_waiting.clear();
    QDeadlineTimer timer(deadline);
    for (Running& r : m_running) {
        r.cancel->cancel();
        m_finishing.append(r.thread); // still waited for by a later call if this one's deadline passes
    }
    m_running.clear();
    bool allEnded = true;
    for (const QPointer<QThread>& t : std::as_const(m_finishing)) {
        if (t && !t->wait(timer)) {
            allEnded = false;
            qCWarning(lcSync) << "a sync worker did not stop before the deadline";
        }
    }
    if (allEnded)
        m_finishing.clear();
    m_rounds.clear();
    m_helperPool.waitForDone(static_cast<int>(std::max<qint64>(0, timer.remainingTime())));
    if (allEnded)
        m_lock.reset();
    return allEnded;
}

} // namespace hh::sync
