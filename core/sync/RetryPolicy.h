#pragma once

#include <QByteArray>
#include <QDateTime>

#include <chrono>
#include <optional>

namespace hh::sync {

// How the FHIR client waits and retries (FHIR-SMART-NOTES.md section 8).
//  - 429 and 503: honour Retry-After (seconds or an HTTP-date); without it, exponential backoff with
//    jitter from initialBackoff up to maxBackoff; at most maxRateLimitRetries retries. A Retry-After
//    longer than maxRetryAfter is not waited for (the request fails).
//  - other 5xx: at most maxServerRetries retries with backoff.
//  - transport failures and timeouts: at most maxNetworkRetries retries with backoff.
// timeScale multiplies every wait: tests set it tiny so no test sleeps for real.
// Plain value type; delay() uses QRandomGenerator::global() (thread-safe) for jitter.
struct RetryPolicy {
    std::chrono::milliseconds initialBackoff{1000};
    std::chrono::milliseconds maxBackoff{60000};
    std::chrono::milliseconds maxRetryAfter{120000};
    double timeScale = 1.0;
    int maxRateLimitRetries = 5;
    int maxServerRetries = 2;
    int maxNetworkRetries = 2;

    // The wait before retry number `retry` (0 for the first retry). With a Retry-After value that one
    // is used (scaled); otherwise min(maxBackoff, initialBackoff * 2^retry), with "equal jitter"
    // (a random value between half of it and all of it).
    [[nodiscard]] std::chrono::milliseconds delay(int retry,
                                                  std::optional<std::chrono::milliseconds> retryAfter = {}) const;

    // Retry-After: delta-seconds ("120") or an HTTP-date ("Wed, 21 Oct 2015 07:28:00 GMT", RFC 9110
    // section 10.2.3, also the obsolete RFC 850 and asctime forms). A date in the past gives 0.
    // nullopt for a missing or unreadable value.
    [[nodiscard]] static std::optional<std::chrono::milliseconds> parseRetryAfter(const QByteArray& value,
                                                                                  const QDateTime& nowUtc);
};

} // namespace hh::sync
