#pragma once

#include "core/sync/FhirClient.h"

#include <QString>
#include <QUrl>

#include <chrono>
#include <functional>

namespace hh::sync {

// Tunables of one sync run. The defaults are the product's; tests shrink limits and waits.
struct SyncEngineOptions {
    FhirClientOptions http;
    int pageSize = 50;                  // _count (FHIR-SMART-NOTES.md section 5)
    int maxPagesPerQuery = 10000;       // endless-paging guard: a query stops (incomplete) here
    int maxReferenceRounds = 10;        // referenced reads: rounds of newly found references
    int maxReferenceConcurrency = 5;    // referenced reads in flight at once
    int maxReferenceReads = 20000;      // per job
    int fullPassIntervalDays = 7;       // incremental vendors still get a full pass this often
    int incrementalOverlapDays = 1;     // _lastUpdated=ge<last complete pass - overlap>
    int resumeMaxAgeHours = 24;         // an interrupted pass younger than this resumes at the next query
    bool allowIncremental = true;
    // Maps the stored FHIR base (profile_emr_connections -> emr_endpoints.fhir_base_url) to the URL to talk
    // to; an invalid URL fails the job. Default: the stored URL. The app installs
    // hh::connect::DemoEndpoints::resolve (demo://demo-epic -> the running demo server). Called on worker
    // threads: must be thread-safe.
    std::function<QUrl(const QString& storedBaseUrl)> resolveBaseUrl;
    // A lock file (QLockFile) that one process at a time holds while it syncs the vault (the app and a
    // `healthhub sync`, two commands): empty, no cross-process lock (tests on a private vault).
    QString lockFilePath;
};

} // namespace hh::sync
