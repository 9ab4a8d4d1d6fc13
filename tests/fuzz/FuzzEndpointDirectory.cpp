// libFuzzer target: arbitrary bytes -> EndpointDirectory::parse. Built only with -DHH_FUZZ=ON and
// clang. Run (or `./build.sh fuzz`; generated seeds from fuzz_smart_seeds, tests/fuzz/MakeSmartSeeds.cpp,
// and optionally the real directories of the fhir-corpus, read in place, never copied):
//   fuzz_smart_seeds <token seed dir> <directory seed dir>
//   fuzz_endpoint_directory -max_total_time=60 <corpus dir> <directory seed dir> [<fhir-corpus>/directory/...]
// Invariants: no crash/UB; a success lists at least one entry, each with a non-empty simplified
// name and an allowed (https/loopback) base URL without trailing slash, no (base, name) twice;
// a failure is InvalidInput.
#include "core/smart/EndpointDirectory.h"
#include "core/smart/UrlPolicy.h"

#include <QSet>

#include <cstdio>
#include <cstdlib>

using namespace hh::smart;

namespace {

[[noreturn]] void fail(const char* what)
{
    std::fprintf(stderr, "invariant broken: %s\n", what);
    std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const auto result =
        EndpointDirectory::parse(QByteArrayView(reinterpret_cast<const char*>(data), qsizetype(size)));
    if (!result.ok()) {
        if (result.error().code() != hh::ErrorCode::InvalidInput)
            fail("failure is not InvalidInput");
        return 0;
    }
    if (result->entries.isEmpty())
        fail("success without entries");
    QSet<QString> keys;
    for (const DirectoryEntry& e : result->entries) {
        if (e.name.isEmpty() || e.name != e.name.simplified())
            fail("bad name");
        if (!isAllowedUrl(e.fhirBaseUrl))
            fail("base URL not allowed");
        if (e.fhirBaseUrl.path().endsWith(QLatin1Char('/')))
            fail("trailing slash kept");
        const QString key = e.fhirBaseUrl.toString(QUrl::FullyEncoded) + QLatin1Char('\n') + e.name;
        if (keys.contains(key))
            fail("duplicate entry");
        keys.insert(key);
    }
    return 0;
}
