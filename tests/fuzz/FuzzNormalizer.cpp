// libFuzzer target: arbitrary bytes -> JSON -> normalize -> de-duplicate -> summary.
// Built only with -DHH_FUZZ=ON and clang (-fsanitize=fuzzer,address,undefined). Run:
//   fuzz_normalizer -max_total_time=60 <corpus dir> [seed dir]
// Crashes it finds are saved under tests/data/fuzz-regressions/normalizer/ and replayed by
// tst_clinical_fuzz_regressions in the normal test suite.
#include "fuzz/NormalizerFuzzHarness.h"

#include <QCoreApplication>

#include <cstdio>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QString problem = hh::clinical::fuzz::runNormalizerPipeline(data, size);
    if (!problem.isEmpty()) {
        std::fprintf(stderr, "invariant broken: %s\n", qPrintable(problem));
        std::abort();
    }
    return 0;
}
