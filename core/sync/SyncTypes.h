#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

// Value types of the sync engine (issue 5). Plain data that crosses threads in queued signals and
// futures; registered with registerSyncMetaTypes().

namespace hh::sync {

// The EHR vendor of a connection (profile_emr_connections.provider): decides the query plan.
enum class EmrVendor { Epic, Athena, Other };
[[nodiscard]] QString emrVendorKey(EmrVendor vendor);
[[nodiscard]] EmrVendor emrVendorFromKey(QStringView key); // unknown keys -> Other

// profile_sync_jobs.status
enum class JobStatus { Queued, Running, Success, Partial, Failed, Cancelled };
[[nodiscard]] QString jobStatusKey(JobStatus status);
[[nodiscard]] std::optional<JobStatus> jobStatusFromKey(QStringView key);
// Translated word for people ("Partly synced", ...).
[[nodiscard]] QString jobStatusLabel(JobStatus status);

// profile_summary.status as far as syncing is concerned.
enum class ProfileSyncStatus { Absent, Syncing, Ready, Error };
[[nodiscard]] QString profileSyncStatusKey(ProfileSyncStatus status);

// Scheduled sync setting.
enum class SyncSchedule { Off, Daily, OnStartup };
[[nodiscard]] QString syncScheduleKey(SyncSchedule schedule);
[[nodiscard]] std::optional<SyncSchedule> syncScheduleFromKey(QStringView key);

// One connection that can be synced: a profile signed in to a health system.
struct SyncTarget {
    QString connectionId;
    QString profileId;
    QString profileName;   // display name, for progress output (never logged)
    QString endpointId;
    QString endpointName;
    EmrVendor vendor = EmrVendor::Other;
    QString fhirBaseUrl;
    QString patientId;     // profile_emr_connections.patient_emr_id (the token's patient wins)
    QString connectionStatus; // connected, error, needs_reauth, disconnected
    QString lastSyncedAt;
    QString syncState;     // JSON checkpoint (see SyncCheckpoint)
};

// Which connections a sync request means. Always scoped to one account.
struct SyncSelection {
    enum class Scope { All, Profile, Connection };
    Scope scope = Scope::All;
    QString userId;        // empty: every account of the vault (tests, tools)
    QString id;            // profile or connection id
    // Only connections not synced since this time (scheduled daily sync); invalid = no filter.
    QDateTime notSyncedSince;
};

// One resource of a page, ready to store. json is the compact JSON of the resource (what is kept in
// resource_json) and hash its SHA-256 in lower-case hex (content_hash).
//
// A store may derive rows from a resource off its writer thread (ISyncStore::prepare(), on the sync
// worker's thread) and write them in the same transaction as the raw row: `object` is the parsed
// resource the page reader already holds (parse once), `rowId` the raw row id the store chose for a new
// row, `derived` the store's own data (opaque to the sync engine).
class DerivedRows
{
public:
    virtual ~DerivedRows() = default;
};

struct RawResource {
    QString resourceType;
    QString resourceId;
    QByteArray json;
    QByteArray hash;
    QJsonObject object;
    QString rowId;
    std::shared_ptr<const DerivedRows> derived;
};

// What a page write did.
struct PageWriteStats {
    int inserted = 0;
    int updated = 0;   // content changed (or a resource seen again after being marked missing)
    int unchanged = 0;
};

// How one query of the plan ended.
enum class QueryResultKind {
    Ok,          // complete (every page)
    Unavailable, // 400/403/404: not supported or not granted by this health system (not an error)
    Failed,      // data may be missing: network, 5xx, 429, malformed page, endless paging, ...
    Skipped,     // done by an earlier, interrupted run of the same pass (checkpoint)
    Cancelled,
};
[[nodiscard]] QString queryResultKindKey(QueryResultKind kind);

// A warning or error issue (OperationOutcome.issue or our own words). No PHI is added by the
// engine; server texts are kept as sent (they live in the encrypted vault only).
struct SyncIssue {
    QString severity;  // fatal, error, warning, information
    QString code;      // OperationOutcome issue code, or the engine's ("paging-loop", ...)
    QString text;      // details.text / diagnostics / our translated message
};

struct QueryResult {
    QString resourceType;
    QString query;     // the query key ("Observation?category=laboratory"), never a URL or patient id
    QueryResultKind kind = QueryResultKind::Ok;
    int httpStatus = 0; // last HTTP status that decided the outcome (0: none)
    int pages = 0;
    int resources = 0;
    QList<SyncIssue> issues; // warnings from the server, or the reason of the failure
    [[nodiscard]] QJsonObject toJson() const;
};

// Progress of one connection's sync.
struct SyncProgress {
    QString profileId;
    QString connectionId;
    QString jobId;
    int typesDone = 0;
    int typesTotal = 0;
    qint64 resourcesFetched = 0;
    QString currentType;
    bool running = false; // false: queued
};

// The end of one connection's sync (one profile_sync_jobs row).
struct SyncJobResult {
    QString jobId;         // empty when the job row could not even be created
    QString profileId;
    QString profileName;
    QString connectionId;
    QString endpointId;
    QString endpointName;
    JobStatus status = JobStatus::Failed;
    qint64 resourcesFetched = 0;
    PageWriteStats writes;
    int markedMissing = 0;
    bool fullPass = true;
    bool resumed = false;
    QString errorMessage;  // translated, for people; empty on success
    ErrorCode errorCode = ErrorCode::Unknown; // for failed jobs
    QMap<QString, qint64> counts; // resources fetched per type
    QList<QueryResult> queries;
    [[nodiscard]] bool dataStored() const { return status == JobStatus::Success || status == JobStatus::Partial; }
    // A result naming `target`'s profile, connection and endpoint (nothing else set).
    [[nodiscard]] static SyncJobResult about(const SyncTarget& target);
};

// A profile_sync_jobs row, for the history view.
struct SyncJobRecord {
    QString jobId;
    QString profileId;
    QString profileName;
    QString connectionId;
    QString endpointName;
    QString provider;
    JobStatus status = JobStatus::Failed;
    QString startedAt;
    QString finishedAt;
    qint64 resourcesFetched = 0;
    QString errorMessage;
    QJsonObject counts;
    QJsonArray errors;
};

// The sync-related state of a connection, for the panel.
struct ConnectionSyncInfo {
    QString connectionId;
    QString profileId;
    QString profileName;
    QString endpointId;
    QString endpointName;
    QString provider;
    QString status;        // profile_emr_connections.status
    QString lastSyncedAt;
    QString lastError;
    std::optional<JobStatus> lastJobStatus;
};

// The per-connection checkpoint kept in profile_emr_connections.sync_state (JSON). A pass in
// progress lists the queries already completed, so an interrupted run resumes at the next one.
struct SyncCheckpoint {
    // The pass in progress (empty passJobId: none).
    QString passJobId;
    QDateTime passStartedAt;
    bool passFull = true;
    QStringList doneQueries;
    // Start of the last pass in which every query completed (the base of incremental syncs).
    QDateTime lastCompletePassAt;
    // Start of the last complete full pass.
    QDateTime lastFullPassAt;
    // Queries that have answered with a searchset on some pass (kept across passes): when one of them is
    // refused later (a narrowed grant, a server fault), what it returned before may still exist, so that
    // pass proves no deletion for its type.
    QStringList answeredQueries;

    [[nodiscard]] bool hasPass() const { return !passJobId.isEmpty(); }
    [[nodiscard]] QByteArray toJson() const;
    // Tolerant: unreadable or empty text gives an empty checkpoint.
    [[nodiscard]] static SyncCheckpoint fromJson(const QByteArray& json);
};

// Settings of the engine kept in the vault (app_settings keys "sync.max_concurrent", "sync.schedule").
struct SyncSettings {
    static constexpr int kDefaultMaxConcurrent = 4;
    int maxConcurrent = kDefaultMaxConcurrent;
    SyncSchedule schedule = SyncSchedule::Off;
};

void registerSyncMetaTypes();

} // namespace hh::sync

Q_DECLARE_METATYPE(hh::sync::SyncProgress)
Q_DECLARE_METATYPE(hh::sync::SyncJobResult)
Q_DECLARE_METATYPE(hh::sync::SyncJobRecord)
Q_DECLARE_METATYPE(hh::sync::ConnectionSyncInfo)
