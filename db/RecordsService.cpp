#include "db/RecordsService.h"

#include "core/Log.h"
#include "core/records/ExportFile.h"
#include "db/ConnectionFactory.h"
#include "db/RecordsReader.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QPromise>

#include <optional>

using namespace Qt::StringLiterals;

namespace hh::db {

using namespace hh::records;

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(hh::db::RecordsService)
};

Error cancelled()
{
    return Error(ErrorCode::Cancelled, Tr::tr("The operation was cancelled."), u"records service closing"_s);
}
} // namespace

// One worker thread with its own vault connection and reader.
struct RecordsService::Worker {
    explicit Worker(QString r) : role(std::move(r))
    {
        pool.setMaxThreadCount(1);
        pool.setExpiryTimeout(-1); // keep the thread (and its connection) alive
    }
    QString role;
    QThreadPool pool;
    std::unique_ptr<RecordsReader> reader; // used only on the pool's thread
};

RecordsService::RecordsService(std::shared_ptr<ConnectionFactory> connections, QString userId, QObject* parent)
    : RecordsService(std::move(connections), std::move(userId), Options{}, parent)
{
}

RecordsService::RecordsService(std::shared_ptr<ConnectionFactory> connections, QString userId, Options options,
                               QObject* parent)
    : IRecordsService(parent),
      m_connections(std::move(connections)),
      m_userId(std::move(userId)),
      m_reads(std::make_unique<Worker>(u"records"_s)),
      m_exports(std::make_unique<Worker>(u"records_export"_s)),
      m_closing(std::make_shared<std::atomic_bool>(false))
{
    registerRecordsMetaTypes();
    connect(&m_pollWatcher, &QFutureWatcherBase::finished, this, [this] {
        const auto f = m_pollWatcher.future();
        if (f.resultCount() > 0)
            onPolled(f.result());
        Q_EMIT changesChecked();
    });
    // A change announced from outside drops cached per-profile data on the workers.
    connect(this, &IRecordsService::profileChanged, this, [this](const QString& profileId) {
        if (m_closing->load())
            return;
        for (Worker* w : {m_reads.get(), m_exports.get()})
            w->pool.start([w, profileId] {
                if (w->reader)
                    w->reader->invalidate(profileId);
            });
    });
    if (options.pollInterval.count() > 0) {
        m_pollTimer.setInterval(options.pollInterval);
        connect(&m_pollTimer, &QTimer::timeout, this, &RecordsService::pollNow);
        m_pollTimer.start();
        pollNow();
    }
}

RecordsService::~RecordsService()
{
    m_closing->store(true);
    m_pollTimer.stop();
    m_pollWatcher.disconnect(this);
    // Connections belong to the worker threads: release them there, then wait.
    for (Worker* w : {m_reads.get(), m_exports.get()}) {
        auto factory = m_connections;
        w->pool.start([w, factory] {
            w->reader.reset();
            if (factory)
                factory->releaseThreadConnections();
        });
    }
    m_reads->pool.waitForDone();
    m_exports->pool.waitForDone();
}

template<typename T, typename F>
QFuture<Result<T>> RecordsService::run(Worker& worker, F&& function)
{
    // A QPromise, not QtConcurrent::run: a thread waiting on a QtConcurrent future may "steal" the
    // task and run it itself, which would open the worker's connection on the wrong thread.
    auto promise = std::make_shared<QPromise<Result<T>>>();
    QFuture<Result<T>> future = promise->future();
    promise->start();
    auto closing = m_closing;
    auto factory = m_connections;
    Worker* w = &worker;
    const QString userId = m_userId;
    worker.pool.start([promise, closing, factory, w, userId, fn = std::forward<F>(function)]() mutable {
        auto compute = [&]() -> Result<T> {
            if (closing->load())
                return cancelled();
            if (!w->reader) {
                if (!factory)
                    return Error(ErrorCode::InvalidInput, Tr::tr("The vault is locked."),
                                 u"no connection factory"_s);
                auto db = factory->connection(w->role);
                if (!db)
                    return db.error();
                w->reader = std::make_unique<RecordsReader>(*db, userId);
            }
            return fn(*w->reader);
        };
        promise->addResult(compute());
        promise->finish();
    });
    return future;
}

QFuture<Result<QList<ProfileOverview>>> RecordsService::overviews()
{
    return run<QList<ProfileOverview>>(*m_reads, [](RecordsReader& r) { return r.overviews(); });
}

QFuture<Result<ProfileOverview>> RecordsService::overview(const QString& profileId)
{
    return run<ProfileOverview>(*m_reads, [profileId](RecordsReader& r) { return r.overview(profileId); });
}

QFuture<Result<ProfileSummary>> RecordsService::summary(const QString& profileId)
{
    auto future = run<ProfileSummary>(*m_reads, [profileId](RecordsReader& r) { return r.summary(profileId); });
    // The profile view opens with the summary; Labs & vitals is usually next. Compute its per-test
    // list meanwhile, behind any request the user makes (lower priority in the worker's queue).
    auto closing = m_closing;
    Worker* w = m_reads.get();
    w->pool.start(
        [closing, w, profileId] {
            if (closing->load() || !w->reader)
                return;
            records::TestQuery warm;
            warm.profileId = profileId;
            warm.limit = 1;
            (void)w->reader->tests(warm);
        },
        -1);
    return future;
}

QFuture<Result<RecordPage>> RecordsService::records(const RecordQuery& query)
{
    return run<RecordPage>(*m_reads, [query](RecordsReader& r) { return r.records(query); });
}

QFuture<Result<TestPage>> RecordsService::tests(const TestQuery& query)
{
    return run<TestPage>(*m_reads, [query](RecordsReader& r) { return r.tests(query); });
}

QFuture<Result<TestHistory>> RecordsService::testHistory(const QString& profileId, const QString& codeSystem,
                                                         const QString& code, const QString& display, int maxPoints)
{
    return run<TestHistory>(*m_reads, [=](RecordsReader& r) {
        return r.testHistory(profileId, codeSystem, code, display, maxPoints);
    });
}

QFuture<Result<RecordDetail>> RecordsService::record(const QString& profileId, const QString& recordId)
{
    return run<RecordDetail>(*m_reads, [=](RecordsReader& r) { return r.record(profileId, recordId); });
}

QFuture<Result<RecordDetail>> RecordsService::recordByKey(const QString& profileId, const QString& resourceType,
                                                          const QString& dedupKey)
{
    return run<RecordDetail>(*m_reads,
                             [=](RecordsReader& r) { return r.recordByKey(profileId, resourceType, dedupKey); });
}

QFuture<Result<QList<SearchHit>>> RecordsService::search(const SearchQuery& query)
{
    return run<QList<SearchHit>>(*m_reads, [query](RecordsReader& r) { return r.search(query); });
}

QFuture<Result<DocumentContent>> RecordsService::document(const QString& profileId, const QString& recordId,
                                                          int attachmentIndex)
{
    return run<DocumentContent>(*m_reads,
                                [=](RecordsReader& r) { return r.document(profileId, recordId, attachmentIndex); });
}

QFuture<Result<QList<SourceConnection>>> RecordsService::connections(const QString& profileId)
{
    return run<QList<SourceConnection>>(*m_reads, [profileId](RecordsReader& r) { return r.connections(profileId, true); });
}

QFuture<Result<QList<SyncJobInfo>>> RecordsService::syncJobs(const QString& profileId, int limit)
{
    return run<QList<SyncJobInfo>>(*m_reads, [=](RecordsReader& r) { return r.syncJobs(profileId, limit); });
}

QFuture<Result<VisitSummaryData>> RecordsService::visitSummary(const QString& profileId)
{
    return run<VisitSummaryData>(*m_exports, [profileId](RecordsReader& r) { return r.visitSummary(profileId); });
}

QFuture<Result<ExportResult>> RecordsService::exportFhir(const QString& profileId, FhirExportKind kind,
                                                         const QString& filePath)
{
    return run<ExportResult>(*m_exports, [=](RecordsReader& r) -> Result<ExportResult> {
        // Check the profile before touching the file system.
        if (auto p = r.profile(profileId); !p)
            return p.error();
        std::optional<ExportResult> written;
        const Status st = writeExportFile(filePath, [&](QIODevice& file) -> Status {
            auto w = r.writeFhir(profileId, kind, &file);
            if (!w)
                return w.error();
            written = *w;
            return success();
        });
        if (!st)
            return st.error();
        ExportResult result = *written;
        result.path = QFileInfo(filePath).absoluteFilePath();
        qCInfo(lcDb) << "FHIR export written:" << result.entryCount << "entries";
        return result;
    });
}

void RecordsService::pollNow()
{
    if (m_closing->load() || m_pollWatcher.isRunning())
        return;
    m_pollWatcher.setFuture(
        run<QHash<QString, QString>>(*m_reads, [](RecordsReader& r) { return r.changeStamps(); }));
}

void RecordsService::onPolled(const Result<QHash<QString, QString>>& stamps)
{
    if (!stamps.ok()) {
        if (stamps.error().code() != ErrorCode::Cancelled)
            qCWarning(lcDb) << "records change poll failed:" << stamps.error().detail();
        return;
    }
    const QHash<QString, QString> now = stamps.value();
    const bool first = !m_polled;
    m_polled = true;
    QStringList changed;
    for (auto it = now.cbegin(); it != now.cend(); ++it)
        if (m_stamps.value(it.key()) != it.value())
            changed.append(it.key());
    const bool profilesChanged = now.size() != m_stamps.size() || !changed.isEmpty();
    bool removed = false;
    for (auto it = m_stamps.cbegin(); it != m_stamps.cend(); ++it)
        removed = removed || !now.contains(it.key());
    m_stamps = now;
    if (first || !profilesChanged)
        return;
    if (removed)
        Q_EMIT profileChanged(QString()); // empty: the family changed
    for (const QString& id : std::as_const(changed))
        Q_EMIT profileChanged(id);
}

} // namespace hh::db
