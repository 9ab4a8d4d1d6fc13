#pragma once

#include "core/records/IRecordsService.h"

#include <QFutureWatcher>
#include <QPointer>

namespace hh::bench {

// An IRecordsService that forwards every call to the real one and counts the answers still due, so the
// benchmark knows - from signals, without sleeping - when a view has received everything it asked for.
// idle() is emitted once nothing is due any more and the event loop has delivered the answers to the
// view (a zero-delay check after the last answer). GUI thread only.
class CountingRecordsService final : public records::IRecordsService
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CountingRecordsService)

public:
    explicit CountingRecordsService(records::IRecordsService* inner, QObject* parent = nullptr);
    ~CountingRecordsService() override;

    [[nodiscard]] int pending() const { return m_pending; }
    [[nodiscard]] int calls() const { return m_calls; }
    [[nodiscard]] int failures() const { return m_failures; }
    void resetCounts();

    QFuture<Result<QList<records::ProfileOverview>>> overviews() override;
    QFuture<Result<records::ProfileOverview>> overview(const QString& profileId) override;
    QFuture<Result<records::ProfileSummary>> summary(const QString& profileId) override;
    QFuture<Result<records::RecordPage>> records(const records::RecordQuery& query) override;
    QFuture<Result<records::TestPage>> tests(const records::TestQuery& query) override;
    QFuture<Result<records::TestHistory>> testHistory(const QString& profileId, const QString& codeSystem,
                                                      const QString& code, const QString& display,
                                                      int maxPoints = 2000) override;
    QFuture<Result<records::RecordDetail>> record(const QString& profileId, const QString& recordId) override;
    QFuture<Result<records::RecordDetail>> recordByKey(const QString& profileId, const QString& resourceType,
                                                       const QString& dedupKey) override;
    QFuture<Result<QList<records::SearchHit>>> search(const records::SearchQuery& query) override;
    QFuture<Result<records::DocumentContent>> document(const QString& profileId, const QString& recordId,
                                                       int attachmentIndex = 0) override;
    QFuture<Result<QList<records::SourceConnection>>> connections(const QString& profileId) override;
    QFuture<Result<QList<records::SyncJobInfo>>> syncJobs(const QString& profileId, int limit = 50) override;
    QFuture<Result<records::VisitSummaryData>> visitSummary(const QString& profileId) override;
    QFuture<Result<records::ExportResult>> exportFhir(const QString& profileId, records::FhirExportKind kind,
                                                      const QString& filePath) override;

Q_SIGNALS:
    void idle();

private:
    template<typename T>
    QFuture<T> track(QFuture<T> future);
    void checkIdle();

    QPointer<records::IRecordsService> m_inner;
    int m_pending = 0;
    int m_calls = 0;
    int m_failures = 0;
};

} // namespace hh::bench
