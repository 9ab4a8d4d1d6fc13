// libFuzzer target: arbitrary bytes -> parseTokenResponse (+ the granted-scope parser and the
// unverified JWT claim reader it relies on). Built only with -DHH_FUZZ=ON and clang. Run:
//   fuzz_token_response -max_total_time=60 <corpus dir>
// Input: one status-selector byte (200, 201, 400, 401, 403, 429, 500, 503), then the body.
// Invariants: no crash/UB; a success has a non-empty access token, token type "Bearer" and a
// clamped lifetime; an error has a message and a short developer detail.
#include "core/smart/Jwt.h"
#include "core/smart/ScopeSet.h"
#include "core/smart/TokenResponse.h"

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
    static const QDateTime kNow = QDateTime::fromSecsSinceEpoch(1772000000, Qt::UTC);
    static constexpr int kStatuses[] = {200, 201, 400, 401, 403, 429, 500, 503};
    // First byte: HTTP status selector; the rest: the body.
    if (size == 0)
        return 0;
    const int status = kStatuses[data[0] % 8];
    const QByteArrayView body(reinterpret_cast<const char*>(data) + 1, qsizetype(size - 1));

    const auto result = parseTokenResponse(body, status, kNow);
    if (result.ok()) {
        if (result->accessToken.isEmpty())
            fail("empty access token accepted");
        if (result->tokenType != QStringLiteral("Bearer"))
            fail("token type not normalized");
        if (result->expiresIn < TokenResponse::kMinLifetime || result->expiresIn > TokenResponse::kMaxLifetime)
            fail("lifetime not clamped");
        if (result->expiresAt != kNow.addSecs(result->expiresIn))
            fail("expiresAt inconsistent");
        if (status < 200 || status > 299)
            fail("success for an error status");
        const ScopeSet scopes = ScopeSet::parse(result->scope);
        (void)scopes.mayAccess(u"Observation");
        (void)scopes.isRestricted(u"Observation");
    } else {
        if (result.error().message().isEmpty())
            fail("error without message");
        if (result.error().detail().size() > 200)
            fail("developer detail too long (may leak content)");
    }
    (void)jwtClaimsUnverified(body);
    (void)ScopeSet::parse(QString::fromUtf8(body.data(), body.size()));
    return 0;
}
