#pragma once

#include "core/sync/FhirPage.h"
#include "core/sync/QueryPlan.h"
#include "core/sync/ReferenceScanner.h"
#include "core/sync/SyncEngineOptions.h"
#include "core/sync/SyncTypes.h"

#include <QHash>
#include <QSet>

#include <atomic>
#include <functional>
#include <optional>

namespace hh::sync {

class FhirClient;
class SessionPipe;

// One sync of one connection, start to end: the body of SyncWorker, kept apart from threads and
// signals. Runs on the calling thread (which owns the client's network manager); storage goes through a
// SessionPipe, so pages are written on the pipe's thread while the next ones are fetched and parsed.
//
// 1. beginJob (job 'running', profile 'syncing'); token (a refused one fails the job: sign in again).
// 2. Full or incremental pass (athena/_lastUpdated, with overlap; a full pass every
//    fullPassIntervalDays), or the resumption of an interrupted pass (checkpoint: completed queries
//    are skipped).
// 3. The plan, query by query: variants tried in order when refused (400, 403 "required parameter");
//    other 4xx = unavailable; link[next] followed verbatim (same server only) with the next page
//    fetched while the current one is stored; a page cap and a repeated-link guard; a malformed page
//    is fetched once more, then the query fails. The checkpoint is saved after each query.
// 4. Referenced Practitioner/Organization/Location/Medication/Binary read in bounded rounds.
// 5. Status: cancelled / failed (401 after refresh, database error, or nothing fetched) / partial
//    (some query failed) / success. Only a successful full pass marks resources that were not
//    returned (per complete type).
// 6. Checkpoint and finishJob (connection status, last sync time, profile status).
class SyncRun
{
public:
    using ProgressFn = std::function<void(const SyncProgress&)>;

    SyncRun(SyncTarget target, SessionPipe& session, FhirClient& client, const SyncEngineOptions& options,
            const std::atomic<bool>& cancelFlag, ProgressFn progress);

    [[nodiscard]] SyncJobResult execute();

private:
    enum class VariantEnd { Done, Refused, Stop };

    [[nodiscard]] QueryResult runQuery(const PlannedQuery& query);
    [[nodiscard]] VariantEnd runVariant(const QueryVariant& variant, QueryResult& result);
    void readReferences(const QStringList& resumedTypes);
    [[nodiscard]] bool store(QList<RawResource> resources);
    void scanStored(const QStringList& types);
    [[nodiscard]] bool cancelled() const;
    void setFatal(const Error& error);
    void emitProgress(const QString& currentType);
    [[nodiscard]] QJsonObject fetchCapabilityStatement();
    void finishResult();

    SyncTarget m_target;
    SessionPipe& m_session;
    FhirClient& m_client;
    const SyncEngineOptions& m_options;
    const std::atomic<bool>& m_cancel;
    ProgressFn m_progress;
    ReferenceScanner m_scanner;

    SyncJobResult m_result;
    std::optional<Error> m_fatal;
    bool m_fullPass = true;
    int m_typesDone = 0;
    int m_typesTotal = 0;
    QSet<QString> m_references;     // "Type/id" found in stored resources
    QSet<QString> m_fetchedRefTypes; // "Type/id" of reference types already stored by this job
};

} // namespace hh::sync
