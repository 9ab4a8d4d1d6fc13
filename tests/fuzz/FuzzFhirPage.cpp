// libFuzzer target: arbitrary bytes -> the sync's page reader (FhirResponse::looksLikeJson,
// FhirPage::fromSearchBody/fromReadBody/errorIssues, ReferenceScanner, FhirClient::resolve/isOnServer
// on next links and references). Input format and invariants: tests/fuzz/PageFuzzHarness.h.
// Built only with -DHH_FUZZ=ON and clang. Run (or `./build.sh fuzz`):
//   fuzz_page_seeds <seed dir>        (main build: demo-server pages, tests/fuzz/MakePageSeeds.cpp)
//   fuzz_fhir_page -max_total_time=60 <fresh corpus dir> <seed dir>
// A crash it finds gets a row in tests/fuzz/TestPageFuzzRegressions.cpp together with the fix.
#include "fuzz/PageFuzzHarness.h"

#include <cstdio>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QString problem = hh::sync::fuzz::runPageReader(data, size);
    if (!problem.isEmpty()) {
        std::fprintf(stderr, "invariant broken: %s\n", qPrintable(problem));
        std::abort();
    }
    return 0;
}
