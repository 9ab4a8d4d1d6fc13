#include "bench/CountingRecordsService.h"

#include <QTimer>

namespace hh::bench {

using namespace hh::records;

CountingRecordsService::CountingRecordsService(IRecordsService* inner, QObject* parent)
    : IRecordsService(parent), m_inner(inner)
{
    connect(inner, &IRecordsService::profileChanged, this, &IRecordsService::profileChanged);
}

CountingRecordsService::~CountingRecordsService() = default;

void CountingRecordsService::resetCounts()
{
    m_calls = 0;
    m_failures = 0;
}

template<typename T>
QFuture<T> CountingRecordsService::track(QFuture<T> future)
{
    ++m_pending;
    ++m_calls;
    auto* watcher = new QFutureWatcher<T>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        const QFuture<T> f = watcher->future();
        if (f.isCanceled() || f.resultCount() == 0 || !f.result().ok())
            ++m_failures;
        watcher->deleteLater();
        --m_pending;
        // The view's own watchers of this future were notified in the same round: let their
        // callbacks (and any request they make) run before deciding the view is idle.
        QTimer::singleShot(0, this, &CountingRecordsService::checkIdle);
    });
    watcher->setFuture(future);
    return future;
}

void CountingRecordsService::checkIdle()
{
    if (m_pending == 0)
        Q_EMIT idle();
}

QFuture<Result<QList<ProfileOverview>>> CountingRecordsService::overviews()
{
    return track(m_inner->overviews());
}

QFuture<Result<ProfileOverview>> CountingRecordsService::overview(const QString& profileId)
{
    return track(m_inner->overview(profileId));
}

QFuture<Result<ProfileSummary>> CountingRecordsService::summary(const QString& profileId)
{
    return track(m_inner->summary(profileId));
}

QFuture<Result<RecordPage>> CountingRecordsService::records(const RecordQuery& query)
{
    return track(m_inner->records(query));
}

QFuture<Result<TestPage>> CountingRecordsService::tests(const TestQuery& query)
{
    return track(m_inner->tests(query));
}

QFuture<Result<TestHistory>> CountingRecordsService::testHistory(const QString& profileId, const QString& codeSystem,
                                                                 const QString& code, const QString& display,
                                                                 int maxPoints)
{
    return track(m_inner->testHistory(profileId, codeSystem, code, display, maxPoints));
}

QFuture<Result<RecordDetail>> CountingRecordsService::record(const QString& profileId, const QString& recordId)
{
    return track(m_inner->record(profileId, recordId));
}

QFuture<Result<RecordDetail>> CountingRecordsService::recordByKey(const QString& profileId,
                                                                  const QString& resourceType,
                                                                  const QString& dedupKey)
{
    return track(m_inner->recordByKey(profileId, resourceType, dedupKey));
}

QFuture<Result<QList<SearchHit>>> CountingRecordsService::search(const SearchQuery& query)
{
    return track(m_inner->search(query));
}

QFuture<Result<DocumentContent>> CountingRecordsService::document(const QString& profileId, const QString& recordId,
                                                                  int attachmentIndex)
{
    return track(m_inner->document(profileId, recordId, attachmentIndex));
}

QFuture<Result<QList<SourceConnection>>> CountingRecordsService::connections(const QString& profileId)
{
    return track(m_inner->connections(profileId));
}

QFuture<Result<QList<SyncJobInfo>>> CountingRecordsService::syncJobs(const QString& profileId, int limit)
{
    return track(m_inner->syncJobs(profileId, limit));
}

QFuture<Result<VisitSummaryData>> CountingRecordsService::visitSummary(const QString& profileId)
{
    return track(m_inner->visitSummary(profileId));
}

QFuture<Result<ExportResult>> CountingRecordsService::exportFhir(const QString& profileId, FhirExportKind kind,
                                                                 const QString& filePath)
{
    return track(m_inner->exportFhir(profileId, kind, filePath));
}

} // namespace hh::bench
