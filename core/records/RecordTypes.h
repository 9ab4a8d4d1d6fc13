#pragma once

#include "core/Domain.h"
#include "core/Result.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

// Value types of the records read side (issue 7): what the family dashboard, the profile view and
// the exports get from hh::records::IRecordsService. Plain data that crosses threads in QFutures;
// times are stored strings (UTC ISO 8601, or a date "YYYY-MM-DD" when the source gave only a date).

namespace hh::records {

// The sections of the profile view that list clean records.
enum class RecordKind {
    Conditions,    // Condition
    Medications,   // MedicationRequest, MedicationStatement
    Allergies,     // AllergyIntolerance
    Immunizations, // Immunization
    Encounters,    // Encounter
    Procedures,    // Procedure
    Documents,     // DocumentReference
    Observations,  // Observation (one result each; tests are listed with TestQuery)
    Other,         // anything else (search hits only)
};

// The resource types a kind lists (empty for Other).
[[nodiscard]] QStringList resourceTypesOf(RecordKind kind);
// The kind a resource type belongs to (Other when none).
[[nodiscard]] RecordKind kindOfResourceType(QStringView resourceType);
// Translated section name ("Conditions", ...).
[[nodiscard]] QString recordKindLabel(RecordKind kind);
// Translated name of one record of a resource type ("Condition", "Lab or vital sign", ...).
[[nodiscard]] QString resourceTypeLabel(QStringView resourceType);

// Which records of a kind by status. What "active" means depends on the kind: Conditions
// active/recurrence/relapse; Medications active/on-hold/intended; Allergies active or unknown;
// Immunizations completed; Encounters planned/arrived/triaged/in-progress; Documents current.
enum class StatusFilter { All, Active, Inactive };

enum class RecordSort { Date, Name, Status, Code, Value };

// One page of a kind's records, sorted and filtered by the service (never in the GUI).
struct RecordQuery {
    QString profileId;
    RecordKind kind = RecordKind::Conditions;
    QString text;             // case-insensitive: display contains it, or the code starts with it
    StatusFilter status = StatusFilter::All;
    QString codeSystem;       // with code: only records of this code (a test's results)
    QString code;
    RecordSort sort = RecordSort::Date;
    bool descending = true;
    int offset = 0;
    int limit = 100;          // 1..1000
};

// One clean record as a table row.
struct RecordRow {
    QString id;               // profile_fhir_resources_clean.id
    QString profileId;
    QString resourceType;
    QString dedupKey;
    QString status;
    QString codeSystem;
    QString code;
    QString display;
    QString effectiveAt;
    QString effectiveEnd;
    std::optional<double> valueNum;
    QString valueUnit;
    QString valueText;
    QString abnormal;         // H, L, HH, LL, A ... (empty: none / unknown)
    std::optional<double> rangeLow;
    std::optional<double> rangeHigh;
    QString rangeText;
    bool hasConflict = false;
    QStringList sourceNames;  // the health systems it came from (organization names), unique
    int sourceCount = 0;      // contributing raw records
    // Type-specific facts for columns, from the clean record: strength, dosage, form (medications);
    // criticality, reactions (allergies); class, location, service_provider, practitioner, reasons
    // (encounters); description, content_types, doc_status (documents); categories,
    // verification_status; components [{display, value, unit, text}] (observations).
    QJsonObject details;

    [[nodiscard]] bool isAbnormal() const;
};

struct RecordPage {
    int offset = 0;
    int totalCount = 0;       // rows matching the query (all pages)
    QList<RecordRow> rows;
};

// Labs & vitals: one row per test (code), with its latest result.
enum class TestKind { Any, Lab, Vital, Other };
[[nodiscard]] QString testKindLabel(TestKind kind);

enum class Trend { None, Up, Down, Stable };

enum class TestSort { Date, Name, Flag, Count };

struct TestQuery {
    QString profileId;
    TestKind kind = TestKind::Any;
    QString text;             // display contains / code starts with
    bool abnormalOnly = false;
    TestSort sort = TestSort::Date;
    bool descending = true;
    int offset = 0;
    int limit = 100;
};

struct TestRow {
    QString codeSystem;       // empty with code empty: a test without code, keyed by display
    QString code;
    QString display;
    TestKind kind = TestKind::Lab;
    QString latestRecordId;
    QString latestAt;
    std::optional<double> value;
    QString unit;
    QString valueText;        // text value, or "120/80" for blood pressure
    QString abnormal;
    std::optional<double> rangeLow;
    std::optional<double> rangeHigh;
    QString rangeText;
    Trend trend = Trend::None;
    std::optional<double> previousValue;
    int resultCount = 0;
    bool hasConflict = false;

    [[nodiscard]] bool isAbnormal() const;
};

struct TestPage {
    int offset = 0;
    int totalCount = 0;
    QList<TestRow> rows;
};

// A test's results over time, for charts.
struct HistoryPoint {
    QString recordId;
    QString at;
    qint64 msecs = 0;         // UTC ms since epoch of `at`
    std::optional<double> value;
    QString unit;
    QString text;
    QString abnormal;
    std::optional<double> rangeLow;
    std::optional<double> rangeHigh;
};

struct HistorySeries {
    QString label;            // the test, or a component ("Systolic blood pressure")
    QString code;
    QList<HistoryPoint> points; // oldest first
};

struct TestHistory {
    QString codeSystem;
    QString code;
    QString display;
    QString unit;             // unit of the latest numeric result
    QList<HistorySeries> series; // one, or one per component (blood pressure)
    int totalCount = 0;       // results of this test in the vault
    bool truncated = false;   // only the newest maxPoints are in `series`
};

// Where a record came from: one raw resource of one connection.
struct RecordSource {
    QString rawId;
    QString resourceId;       // FHIR id at the health system
    QString provider;         // epic, athena, other
    QString endpointId;
    QString endpointName;     // organization name
    QString connectionId;
    QString fetchedAt;        // when this resource was first stored
    QString updatedAt;        // when it last changed
    QString connectionLastSyncedAt;
    bool available = false;   // the raw row still exists
    QByteArray rawJson;       // the resource as received (compact JSON)
};

struct RecordDetail {
    RecordRow row;
    QJsonObject clean;        // the merged clean record (per-field provenance, codings, ...)
    QList<RecordSource> sources;
    QJsonArray conflicts;     // [{field, values: [{value, unit, text, raw_id, provider, endpoint}]}]
};

// Search by name or code across one profile or the whole family.
struct SearchQuery {
    QString text;
    QString profileId;        // empty: every profile of the signed-in account
    int limit = 200;
};

struct SearchHit {
    QString profileId;
    QString profileName;
    QString recordId;         // the newest matching record
    QString resourceType;
    RecordKind kind = RecordKind::Other;
    QString display;
    QString codeSystem;
    QString code;
    QString effectiveAt;      // of the newest matching record
    QString status;
    int count = 1;            // matching records (results of one test are one hit)
};

// DocumentReference content, read from the vault only (inline data or a Binary stored by sync).
struct DocumentContent {
    QString recordId;
    int attachmentIndex = 0;
    int attachmentCount = 0;
    QString title;
    QString contentType;      // as declared; "text/plain" when missing and the data is text
    QString language;
    QByteArray data;
};

// profile_summary.status
enum class SummaryStatus { Absent, Syncing, Ready, Error };
[[nodiscard]] SummaryStatus summaryStatusFromKey(QStringView key);
[[nodiscard]] QString summaryStatusKey(SummaryStatus status);

struct ProfileSummary {
    QString profileId;
    SummaryStatus status = SummaryStatus::Absent;
    QString updatedAt;
    QString errorMessage;
    QJsonObject summary;      // SummaryBuilder's document (issue 6); empty when absent
};

// A health system connection of a profile, with how its last sync went.
struct SourceConnection {
    QString connectionId;
    QString profileId;
    QString endpointId;
    QString endpointName;
    QString provider;
    QString status;           // connected, needs_reauth, error, disconnected
    QString lastSyncedAt;
    QString lastError;
    QString lastJobStatus;    // queued, running, success, partial, failed, cancelled; empty: never
    QString lastJobFinishedAt;
    QString lastJobError;
    int recordCount = 0;      // raw resources stored from it
};

struct SyncJobInfo {
    QString jobId;
    QString connectionId;
    QString endpointName;
    QString status;
    QString startedAt;
    QString finishedAt;
    qint64 resourcesFetched = 0;
    QString errorMessage;
};

struct ProfileAlert {
    QString kind;             // abnormal_result, conflicting_results, needs_sign_in, connection_error, sync_failed
    QString severity;         // high, medium, low
    QString display;          // what it is about (test name, health system)
    QString message;
    QString resourceType;     // for record alerts
    QString dedupKey;
};

// What a dashboard card shows.
struct ProfileOverview {
    QString profileId;
    SummaryStatus status = SummaryStatus::Absent;
    QString summaryUpdatedAt;
    QString summaryError;
    int activeConditions = 0;
    int activeMedications = 0;
    int allergies = 0;
    bool noKnownAllergies = false;
    QList<ProfileAlert> alerts;
    QList<SourceConnection> connections;
    QString lastSyncedAt;     // newest of the connections
    bool syncRunning = false; // a job is queued or running
    bool lastSyncFailed = false;
};

// Everything the PDF visit summary prints.
struct VisitSummaryData {
    // The PDF lists at most this many of the summary's labs and of its vitals, and draws at most kMaxTrends
    // charts.
    static constexpr int kMaxLabs = 25;
    static constexpr int kMaxVitals = 12;
    static constexpr int kMaxTrends = 12;

    Profile profile;
    ProfileSummary summary;
    QList<TestHistory> trends; // labs and vitals of the summary with two readings or more, with their history
    QList<SourceConnection> connections;
    QString dataAsOf;          // newest successful sync (or summary update)
};

enum class FhirExportKind {
    Collection,     // every clean record: Bundle type "collection"
    PatientSummary, // International Patient Summary: Bundle type "document", Composition first
};

struct ExportResult {
    QString path;
    int entryCount = 0;
    qint64 bytes = 0;
};

void registerRecordsMetaTypes();

} // namespace hh::records

Q_DECLARE_METATYPE(hh::records::RecordRow)
Q_DECLARE_METATYPE(hh::records::TestRow)
Q_DECLARE_METATYPE(hh::records::SearchHit)
Q_DECLARE_METATYPE(hh::records::ProfileOverview)
