#pragma once

#include "core/records/IRecordsService.h"

#include <QFutureWatcher>
#include <QHash>
#include <QThreadPool>
#include <QTimer>

#include <atomic>
#include <chrono>
#include <memory>

namespace hh::db {

class ConnectionFactory;
class RecordsReader;

// IRecordsService over the encrypted vault of a signed-in session.
//
// Reads run on one private worker thread with its own connection ("hh-records-<thread>"), exports on
// a second one ("hh-records_export-<thread>") so a long FHIR export never stalls the views. Pages
// are read with LIMIT/OFFSET and sorted/filtered in SQL; the per-test list of Labs & vitals is
// computed once per profile and kept until the profile changes.
//
// Change notification: besides notifyProfileChanged(), a timer compares cheap per-profile stamps
// (summary, connections, sync jobs) every pollInterval and emits profileChanged() for the profiles
// whose stamp moved. No network access, ever.
//
// Lifetime: create after sign-in with VaultService::connections() and the user id; destroy before
// the vault is locked. The destructor stops the timer, lets queued calls finish as Cancelled,
// releases the worker threads' connections and waits for them. GUI thread only (the object; the
// futures may be waited on anywhere, as the command line does).
class RecordsService final : public records::IRecordsService
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RecordsService)

public:
    struct Options {
        std::chrono::milliseconds pollInterval{2000}; // 0: no polling
    };

    RecordsService(std::shared_ptr<ConnectionFactory> connections, QString userId, Options options,
                   QObject* parent = nullptr);
    RecordsService(std::shared_ptr<ConnectionFactory> connections, QString userId, QObject* parent = nullptr);
    ~RecordsService() override;

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

    // Compares the change stamps now (the timer does it every pollInterval).
    void pollNow();

Q_SIGNALS:
    // A change check finished (after any profileChanged() it caused).
    void changesChecked();

private:
    struct Worker;
    template<typename T, typename F>
    QFuture<Result<T>> run(Worker& worker, F&& function);
    void onPolled(const Result<QHash<QString, QString>>& stamps);

    std::shared_ptr<ConnectionFactory> m_connections;
    const QString m_userId;
    std::unique_ptr<Worker> m_reads;
    std::unique_ptr<Worker> m_exports;
    std::shared_ptr<std::atomic_bool> m_closing;
    QTimer m_pollTimer;
    QFutureWatcher<Result<QHash<QString, QString>>> m_pollWatcher;
    bool m_polled = false;
    QHash<QString, QString> m_stamps;
};

} // namespace hh::db
