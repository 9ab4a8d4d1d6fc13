#pragma once

#include "core/Result.h"

#include <QString>

#include <optional>

namespace hh::bench {

// A full sync of the demo patient from the in-process demo health system (this process serves it on
// loopback) through the real engine (SyncScheduler -> SyncWorker -> SyncRun -> SyncStore), run in a
// child process (`healthhub-bench --child-sync`) so that its peak RSS is the syncing process's alone
// (getrusage(RUSAGE_CHILDREN) once it is reaped: it is the first child of the bench). Then, when the
// clinical pipeline is built, a second child (`--child-pipeline`) runs it on the synced vault
// (sync + pipeline), reporting its own peak RSS.
struct SyncResult {
    QString status;            // job status of the sync
    qint64 resources = 0;      // resources fetched
    double syncSeconds = 0;    // syncConnection() -> connectionFinished, in the child
    std::optional<double> pipelineSeconds;
    QString pipelineError;
    double rssAfterSyncMb = 0;   // the sync child's own ru_maxrss when the sync ended (cross-check)
    double peakRssChildMb = 0;   // getrusage(RUSAGE_CHILDREN).ru_maxrss after the sync child was reaped
    double pipelinePeakRssMb = 0; // the pipeline child's own ru_maxrss
    bool childrenRusageClean = true; // no earlier child could have set ru_maxrss
};

// Parent side. selfPath: this executable.
[[nodiscard]] Result<SyncResult> runSyncBench(int scale, const QString& patientKey, const QString& selfPath);

// Child side (`--child-sync`): reads its parameters from stdin (vault path, key, connection, FHIR base,
// access token, patient id), prints "result <key> <value>" lines. Returns the exit code.
int runChildSync(int& argc, char** argv);
// Child side (`--child-pipeline`): stdin: vault path, key, profile id.
int runChildPipeline(int& argc, char** argv);

} // namespace hh::bench
