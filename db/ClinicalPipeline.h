#pragma once

#include "core/Result.h"

#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>
#include <memory>

namespace hh::db {

class ConnectionFactory;

// What one run of the pipeline did (issue 6).
struct PipelineStats {
    qint64 rawScanned = 0;       // raw rows of the profile (up-to-date ones skipped by hash and version in SQL)
    qint64 normalized = 0;       // raw rows (re)normalized and written to profile_fhir_resources_normalized
    qint64 unchanged = 0;        // raw rows skipped: their normalized row is up to date
    qint64 removed = 0;          // normalized rows deleted because their raw row is marked missing
    qint64 normalizeErrors = 0;  // of `normalized`: rows stored with `error` set (unsupported, malformed)
    qint64 groupsRecomputed = 0; // de-duplication groups merged again
    qint64 cleanWritten = 0;     // clean rows inserted or updated (identical rows are not rewritten)
    qint64 cleanDeleted = 0;     // clean rows deleted
    qint64 cleanRows = 0;        // clean rows of the profile after the run
    bool summaryWritten = false; // profile_summary.summary_json was rebuilt
    qint64 elapsedMs = 0;        // wall time of the run
};

// raw -> normalized -> clean -> summary for one profile, on the vault (issue 6).
//
// Contract of runForProfile():
//  - Incremental and idempotent. Raw rows with no normalized row, a normalized row whose raw_hash
//    differs from the raw content_hash, or an older normalizer_version are (re)normalized; normalized
//    rows whose raw row is marked missing are removed. Unchanged rows are skipped by hash, without
//    reading their JSON (the scan reads no JSON; the rows that need work are read by id). A run with
//    nothing to do writes nothing but the summary status. A sync already writes the normalized rows of
//    the new resources it stores (SyncStore::prepare, db/NormalizedRow.h: parse once) and queues their
//    groups: those rows are found up to date here; Medication and the medication orders are left to
//    this pipeline, which resolves them against every stored Medication of the connection.
//  - The de-duplication groups (old and new) of every changed row are queued in profile_dedup_dirty in
//    the same transaction as the normalized writes. Each queued group is then merged again
//    (Deduplicator::mergeGroup over all of the profile's normalized rows of that group); its clean rows
//    are replaced and its queue row deleted in one transaction - only if the row's token is the one read
//    before the group's records were (a sync that stored more records of the group meanwhile replaced
//    the row, so the group stays queued for the next run; the same holds for the summary marker) (clean_json is stored without what the
//    row's columns hold: CleanRecord::storedJsonBytes(); readers complete it with db/CleanDocument.h).
//    The summary is rebuilt last (a clinical::SummaryAccumulator fed with the groups merged in this run
//    as they are written, then the clean rows of the other groups: memory bounded by the summary, not
//    by the records) and its queue marker cleared in the same transaction.
//    A crash or kill at any point leaves the vault consistent; the next run finishes the work.
//  - Also repaired on every run: groups with clean rows but no normalized row left (raw rows deleted by
//    cascade) and, when the profile has no summary (never built, or dropped by ConnectionStore when it
//    deleted a connection's data), every group.
//  - Summary status: 'syncing' while a sync job of the profile runs, 'error' when the latest job of a
//    connection failed (as SyncSession sets it), else 'ready'. A failed run sets 'error' with the
//    error's message and keeps the previous summary_json.
//  - Errors: NotFound (no such profile), Database, Cancelled (the cancel flag was raised; the work
//    done so far is kept and the next run continues).
//  - Kill points for crash tests (core/TestHooks.h): pipeline.normalize.before-commit/after-commit,
//    pipeline.clean.before-commit/after-commit, pipeline.summary.before-commit/after-commit; and
//    pipeline.clean.groups-read (a chunk of groups read, its clean rows not written yet).
//
// Threads: every method runs on the calling thread with that thread's own connection (role
// kConnectionRole). One object per thread; call releaseThread() on that thread before it ends.
// Normalizing and merging run in parallel (QtConcurrent, global pool); SQL stays on the calling thread.
// Nothing is logged but counts: records hold PHI.
class ClinicalPipeline final
{
public:
    static constexpr const char* kConnectionRole = "pipeline";

    explicit ClinicalPipeline(std::shared_ptr<ConnectionFactory> factory);
    ~ClinicalPipeline();
    ClinicalPipeline(const ClinicalPipeline&) = delete;
    ClinicalPipeline& operator=(const ClinicalPipeline&) = delete;

    // progress(done, total): called on the calling thread after every batch; `total` may grow once,
    // when the groups to merge again are known.
    [[nodiscard]] Result<PipelineStats>
    runForProfile(const QString& profileId, const std::function<void(qint64 done, qint64 total)>& progress = {});

    // Profiles with work left (queued groups, raw rows without an up-to-date normalized row, or raw
    // rows but no summary), optionally only those of one user. For the catch-up at start.
    [[nodiscard]] Result<QStringList> pendingProfiles(const QString& userId = {});

    // Checked between batches; when raised, runForProfile() stops with ErrorCode::Cancelled.
    void setCancelFlag(const std::atomic<bool>* flag);
    // Rows per transaction (default 2000); tests make it small to cross batch boundaries.
    void setBatchSize(int rows);

    // Drops the prepared statements and the calling thread's connections of the factory.
    void releaseThread();

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace hh::db
