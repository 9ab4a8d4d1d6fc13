#pragma once

// In-memory fakes for the views' GUI tests: an IRecordsService answering from lists the test
// fills (sorting, filtering and paging done here the way the real service does them, and every
// query recorded), and an ISyncControl whose signals the test emits.

#include "core/records/IRecordsService.h"
#include "core/sync/ISyncControl.h"
#include "support/FakeServices.h"

#include <QHash>
#include <QList>

namespace hh::test {

class FakeRecordsService final : public records::IRecordsService, public FakeFutures
{
    Q_OBJECT
public:
    explicit FakeRecordsService(QObject* parent = nullptr);
    ~FakeRecordsService() override;

    // --- test setup ---------------------------------------------------------------------------
    QHash<QString, records::ProfileOverview> overviewsById;
    QHash<QString, records::ProfileSummary> summaries;
    QHash<QString, QList<records::RecordRow>> rows;          // by profile id (every kind)
    QHash<QString, QList<records::TestRow>> testRows;        // by profile id
    QHash<QString, records::TestHistory> histories;          // by code (or display when no code)
    QHash<QString, records::RecordDetail> details;           // by record id (else built from the row)
    QHash<QString, records::DocumentContent> documents;      // by record id
    QHash<QString, QList<records::SourceConnection>> connectionLists;
    QHash<QString, QList<records::SyncJobInfo>> jobLists;
    QHash<QString, Profile> profiles;                        // for visitSummary()

    // Adds a record row (id made when empty) and returns it.
    records::RecordRow& addRow(const QString& profileId, records::RecordRow row);

    // --- what the views asked -------------------------------------------------------------------
    QList<records::RecordQuery> recordQueries;
    QList<records::TestQuery> testQueries;
    QList<records::SearchQuery> searchQueries;
    int overviewCalls = 0;
    int summaryCalls = 0;
    int historyCalls = 0;
    int detailCalls = 0;
    int documentCalls = 0;
    int exportCalls = 0;
    // The highest row index any records() call reached (offset + rows returned).
    int maxRowReached = 0;

    // --- IRecordsService ------------------------------------------------------------------------
    QFuture<Result<QList<records::ProfileOverview>>> overviews() override;
    QFuture<Result<records::ProfileOverview>> overview(const QString& profileId) override;
    QFuture<Result<records::ProfileSummary>> summary(const QString& profileId) override;
    QFuture<Result<records::RecordPage>> records(const records::RecordQuery& query) override;
    QFuture<Result<records::TestPage>> tests(const records::TestQuery& query) override;
    QFuture<Result<records::TestHistory>> testHistory(const QString& profileId, const QString& codeSystem,
                                                      const QString& code, const QString& display,
                                                      int maxPoints) override;
    QFuture<Result<records::RecordDetail>> record(const QString& profileId, const QString& recordId) override;
    QFuture<Result<records::RecordDetail>> recordByKey(const QString& profileId, const QString& resourceType,
                                                       const QString& dedupKey) override;
    QFuture<Result<QList<records::SearchHit>>> search(const records::SearchQuery& query) override;
    QFuture<Result<records::DocumentContent>> document(const QString& profileId, const QString& recordId,
                                                       int attachmentIndex) override;
    QFuture<Result<QList<records::SourceConnection>>> connections(const QString& profileId) override;
    QFuture<Result<QList<records::SyncJobInfo>>> syncJobs(const QString& profileId, int limit) override;
    QFuture<Result<records::VisitSummaryData>> visitSummary(const QString& profileId) override;
    QFuture<Result<records::ExportResult>> exportFhir(const QString& profileId, records::FhirExportKind kind,
                                                      const QString& filePath) override;

private:
    [[nodiscard]] Result<records::RecordDetail> detailOf(const QString& profileId, const QString& recordId) const;
};

class FakeSyncControl final : public sync::ISyncControl
{
    Q_OBJECT
public:
    explicit FakeSyncControl(QObject* parent = nullptr) : sync::ISyncControl(parent) {}

    void syncConnection(const QString& connectionId) override { requests.append(QStringLiteral("connection:") + connectionId); }
    void syncProfile(const QString& profileId) override { requests.append(QStringLiteral("profile:") + profileId); }
    void syncAll() override { requests.append(QStringLiteral("all")); }
    void cancelConnection(const QString& connectionId) override { cancels.append(connectionId); }
    void cancelProfile(const QString& profileId) override { cancels.append(profileId); }
    void cancelAll() override { cancels.append(QStringLiteral("all")); }
    [[nodiscard]] QList<sync::SyncProgress> activeSyncs() const override { return active; }
    [[nodiscard]] bool isActive(const QString& connectionId) const override
    {
        for (const sync::SyncProgress& p : active)
            if (p.connectionId == connectionId)
                return true;
        return false;
    }
    [[nodiscard]] sync::SyncSchedule schedule() const override { return currentSchedule; }
    void saveSchedule(sync::SyncSchedule s) override { savedSchedules.append(currentSchedule = s); }

    // Test helpers: what the scheduler would report.
    void progress(const QString& profileId, const QString& connectionId, bool running);
    void finish(const QString& profileId, const QString& connectionId, sync::JobStatus status);
    void goIdle() { active.clear(); Q_EMIT idle(); }

    QStringList requests;
    QStringList cancels;
    QList<sync::SyncProgress> active;
    sync::SyncSchedule currentSchedule = sync::SyncSchedule::Off;
    QList<sync::SyncSchedule> savedSchedules;
};

} // namespace hh::test
