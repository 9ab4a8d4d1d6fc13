#pragma once

#include "core/Result.h"
#include "core/demo/SyntheticFamily.h"

#include <QString>

#include <memory>
#include <optional>

namespace hh::db {
class ConnectionFactory;
}

namespace hh::bench {
// db::SyncSession::kBatchRows (checked in LocalBench.cpp), without db/SyncSession.h here.
inline constexpr int kSyncBatchRows = 5000;
}

namespace hh::bench {

// Whether db/ClinicalPipeline.h (normalize -> de-duplicate -> summary) is part of this build.
[[nodiscard]] bool pipelineAvailable();

// CPU time this process has used so far, all threads, user + system (CLOCK_PROCESS_CPUTIME_ID).
[[nodiscard]] double processCpuSeconds();

// The most pipeline_vs_raw_insert can be on `cores` cores for work that costs `pipelineCpuSeconds` of CPU:
// even spread perfectly over every core, the pipeline cannot take less wall time than its CPU time divided
// by the cores. 0 when the pipeline used no measurable CPU.
[[nodiscard]] double ratioBoundOnCores(double rawSeconds, double pipelineCpuSeconds, int cores);

// Runs the clinical pipeline of one profile on the calling thread; seconds taken.
// Unavailable (ErrorCode::Unknown, "pipeline not built") when db/ClinicalPipeline.h is absent.
[[nodiscard]] Result<double> runClinicalPipeline(const std::shared_ptr<db::ConnectionFactory>& factory,
                                                 const QString& profileId, QString* statsText = nullptr);

// The local path measured side by side:
//  - raw: every page's resources (parsed beforehand, not timed) inserted as plain rows into a fresh vault
//    (prepared INSERT, one transaction per kRawBatch rows - the sync's own batch, SyncSession::kBatchRows,
//    so that both sides commit alike) - the local limit;
//  - pipeline: the sync's own path into `target`: on this thread FhirPage::fromSearchBody (parse) and
//    SessionPipe::storePage (which runs SyncStore::prepare, i.e. normalizing, here), while the pipe's
//    writer thread stores the pages (SyncSession, group commit); then the clinical pipeline for the
//    profile. Wall time, as a sync spends it.
// The pages are generated before anything is timed.
struct LocalResult {
    qint64 resources = 0;
    qint64 pages = 0;
    double rawSeconds = 0;
    std::optional<double> rawPageTxSeconds; // diagnostic: the same inserts, one transaction per page
    double ingestSeconds = 0; // wall: parse + prepare (reader thread) alongside the writes (writer thread)
    double parseSeconds = 0;  // of which the reader thread parsed and prepared (thread CPU time)
    // CPU time of the whole process (every thread, user + system) over the same spans as the wall times
    // above: what the work costs, however it is spread over the cores.
    double rawCpuSeconds = 0;
    double ingestCpuSeconds = 0;
    std::optional<double> clinicalCpuSeconds;
    std::optional<double> clinicalSeconds; // de-duplicate + summary (+ normalizing what the store did not)
    QString clinicalStats;
    QString clinicalError;
    // Bytes of JSON the pipeline left in each table (counted after the timed part; a diagnostic).
    qint64 rawJsonBytes = 0;
    qint64 normalizedJsonBytes = 0;
    qint64 cleanJsonBytes = 0;    // clean_json
    qint64 cleanSourcesBytes = 0; // sources
    [[nodiscard]] double pipelineSeconds() const { return ingestSeconds + clinicalSeconds.value_or(0); }
    [[nodiscard]] double pipelineCpuSeconds() const { return ingestCpuSeconds + clinicalCpuSeconds.value_or(0); }
};

class LocalBench
{
public:
    // The sync's batch: measured with 1,000 rows per transaction the baseline took 3.3 s instead of 2.1 s
    // (100,241 resources; each commit rewrites the random-keyed index pages its rows touched), which
    // flattered the pipeline's ratio.
    static constexpr int kRawBatch = kSyncBatchRows;
    static constexpr int kPageSize = 50; // the sync's _count

    // pageTransactionBaseline: also insert every row into a third vault with one transaction per page
    // (as the sync commits), to tell the cost of page-sized transactions from the rest.
    LocalBench(const demo::SyntheticFamily& family, QString patientKey, bool pageTransactionBaseline = false);

    // target: the vault (and its profile) the pipeline writes into.
    [[nodiscard]] Result<LocalResult> run(const std::shared_ptr<db::ConnectionFactory>& target,
                                          const QString& profileId);

private:
    const demo::SyntheticFamily& m_family;
    QString m_key;
    bool m_pageTxBaseline = false;
};

} // namespace hh::bench
