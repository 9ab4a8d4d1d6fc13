#pragma once

#include "core/Domain.h"
#include "core/Result.h"
#include "core/records/RecordTypes.h"

#include <QHash>
#include <QSqlDatabase>
#include <QString>

#include <memory>

class QIODevice;

namespace hh::db {

// The SQL behind db::RecordsService: reads one account's clean records, summaries, connections
// and sync jobs from an open vault connection. Synchronous; lives on one worker thread and is
// used only there (it caches per-profile test lists and endpoint names between calls).
//
// Every method first checks that the profile belongs to the account (NotFound otherwise) and
// never returns another account's data. Errors: Database for SQL failures (detail without values).
class RecordsReader final
{
public:
    RecordsReader(QSqlDatabase db, QString userId);
    Q_DISABLE_COPY_MOVE(RecordsReader)
    ~RecordsReader();

    [[nodiscard]] Result<QList<Profile>> profiles();
    [[nodiscard]] Result<Profile> profile(const QString& profileId);

    [[nodiscard]] Result<QList<records::ProfileOverview>> overviews();
    [[nodiscard]] Result<records::ProfileOverview> overview(const QString& profileId);
    [[nodiscard]] Result<records::ProfileSummary> summary(const QString& profileId);
    [[nodiscard]] Result<records::RecordPage> records(const records::RecordQuery& query);
    [[nodiscard]] Result<records::TestPage> tests(const records::TestQuery& query);
    [[nodiscard]] Result<records::TestHistory> testHistory(const QString& profileId, const QString& codeSystem,
                                                           const QString& code, const QString& display,
                                                           int maxPoints);
    [[nodiscard]] Result<records::RecordDetail> record(const QString& profileId, const QString& recordId);
    [[nodiscard]] Result<records::RecordDetail> recordByKey(const QString& profileId, const QString& resourceType,
                                                            const QString& dedupKey);
    [[nodiscard]] Result<QList<records::SearchHit>> search(const records::SearchQuery& query);
    [[nodiscard]] Result<records::DocumentContent> document(const QString& profileId, const QString& recordId,
                                                            int attachmentIndex);
    [[nodiscard]] Result<QList<records::SourceConnection>> connections(const QString& profileId, bool withCounts);
    [[nodiscard]] Result<QList<records::SyncJobInfo>> syncJobs(const QString& profileId, int limit);
    [[nodiscard]] Result<records::VisitSummaryData> visitSummary(const QString& profileId);

    // Writes the FHIR bundle to `device` (already open for writing).
    [[nodiscard]] Result<records::ExportResult> writeFhir(const QString& profileId, records::FhirExportKind kind,
                                                          QIODevice* device);

    // A stamp per profile of the account that changes whenever its summary, connections or sync
    // jobs change (cheap: indexes and small tables only).
    [[nodiscard]] Result<QHash<QString, QString>> changeStamps();

    // Forget cached data of a profile (empty: of every profile).
    void invalidate(const QString& profileId);

private:
    struct TestCatalog;
    [[nodiscard]] Result<std::shared_ptr<TestCatalog>> catalog(const QString& profileId);
    [[nodiscard]] Status checkProfile(const QString& profileId);
    [[nodiscard]] QString endpointName(const QString& endpointId);

    QSqlDatabase m_db;
    QString m_userId;
    QHash<QString, Profile> m_profiles; // the account's profiles, by id (refreshed on a miss)
    QHash<QString, QString> m_endpointNames;
    QHash<QString, std::shared_ptr<TestCatalog>> m_catalogs;
};

} // namespace hh::db
