#pragma once

#include "core/Result.h"
#include "core/records/RecordTypes.h"

#include <QFuture>
#include <QList>
#include <QObject>
#include <QString>

namespace hh::records {

// The read side of a signed-in account's health records, for the family dashboard, the profile
// view, search and the exports (issue 7). It reads the clean records, summaries, connections and
// sync jobs stored in the vault — never the network — so everything works offline.
//
// Threading: lives on the GUI thread; every method returns at once and delivers its result
// through a QFuture (continue with hh::ui::whenFinished). Implementations run SQL on their own
// worker thread(s). Sorting, filtering and paging happen in the service, so views stay fast with
// tens of thousands of records. Only records of the account's own profiles are ever returned: an
// unknown or foreign profile id gives ErrorCode::NotFound.
//
// Lifetime: one per signed-in session. It is a QObject so views can hold it in a QPointer: when
// the session ends the service is destroyed first (before the vault locks), its unfinished futures
// finish with ErrorCode::Cancelled and the views stop asking.
class IRecordsService : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(IRecordsService)

public:
    explicit IRecordsService(QObject* parent = nullptr) : QObject(parent) {}
    ~IRecordsService() override = default;

    // Dashboard cards: every profile of the account (order unspecified), or one profile.
    virtual QFuture<Result<QList<ProfileOverview>>> overviews() = 0;
    virtual QFuture<Result<ProfileOverview>> overview(const QString& profileId) = 0;

    // profile_summary of a profile (status Absent with an empty document when none was built yet).
    virtual QFuture<Result<ProfileSummary>> summary(const QString& profileId) = 0;

    // A page of clean records of one kind.
    virtual QFuture<Result<RecordPage>> records(const RecordQuery& query) = 0;
    // A page of tests (labs, vitals, other observations), one row per code with its latest result.
    virtual QFuture<Result<TestPage>> tests(const TestQuery& query) = 0;
    // The newest maxPoints results of one test, oldest first. code empty: the test without code
    // whose display is `display`.
    virtual QFuture<Result<TestHistory>> testHistory(const QString& profileId, const QString& codeSystem,
                                                     const QString& code, const QString& display,
                                                     int maxPoints = 2000) = 0;

    // One record with its sources (raw JSON included) and conflicts.
    virtual QFuture<Result<RecordDetail>> record(const QString& profileId, const QString& recordId) = 0;
    // The same by (resource type, de-duplication key), as the summary names its items.
    virtual QFuture<Result<RecordDetail>> recordByKey(const QString& profileId, const QString& resourceType,
                                                      const QString& dedupKey) = 0;

    // Records whose name contains the text or whose code starts with it, newest first; the results
    // of one test count as one hit.
    virtual QFuture<Result<QList<SearchHit>>> search(const SearchQuery& query) = 0;

    // A DocumentReference's attachment (inline data, or a Binary resource stored by sync).
    // NotFound when the content was not downloaded.
    virtual QFuture<Result<DocumentContent>> document(const QString& profileId, const QString& recordId,
                                                      int attachmentIndex = 0) = 0;

    // The profile's health system connections and its newest sync jobs.
    virtual QFuture<Result<QList<SourceConnection>>> connections(const QString& profileId) = 0;
    virtual QFuture<Result<QList<SyncJobInfo>>> syncJobs(const QString& profileId, int limit = 50) = 0;

    // Exports. visitSummary() gathers what the PDF prints; exportFhir() writes a FHIR R4 Bundle
    // (JSON) to filePath atomically (temporary file in the same folder, then rename) with
    // owner-only permissions. Errors: NotFound (profile), Io (path not writable).
    virtual QFuture<Result<VisitSummaryData>> visitSummary(const QString& profileId) = 0;
    virtual QFuture<Result<ExportResult>> exportFhir(const QString& profileId, FhirExportKind kind,
                                                     const QString& filePath) = 0;

public Q_SLOTS:
    // Tells views that a profile's records, summary or connections changed (for example when the
    // clinical pipeline finished after a sync). Implementations may also notice changes themselves.
    void notifyProfileChanged(const QString& profileId) { Q_EMIT profileChanged(profileId); }

Q_SIGNALS:
    // Something of this profile changed: views refresh what they show, without a full reload.
    // An empty id means the family itself changed (a profile was added or removed).
    void profileChanged(const QString& profileId);
};

} // namespace hh::records
