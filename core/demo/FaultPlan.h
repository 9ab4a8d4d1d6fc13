#pragma once

// Fault injection for the demo health systems (test controls of issue 3).
//
// Grammar of a fault SPEC (command line `--fault SPEC`, control endpoint `POST /_control/faults`):
//
//   SPEC     := KIND [ ':' SELECTOR [ ':' NTH ] ] { ',' OPTION }     (an OPTION may also follow a ':')
//   KIND     := 403 | 429 | 500 | 503 | slow | truncate | malformed | drop | endless | expire-token
//   SELECTOR := '*' (any FHIR request, the default) | a FHIR resource type (Observation, Patient, ...)
//             | an OAuth/discovery operation: authorize | token | register | revoke | introspect | metadata
//               | smart-configuration
//   NTH      := N (the N-th matching request, 1-based; default 1) | '*' (every matching request)
//   OPTION   := times=K        how many matching requests fire from the N-th on (default 1; 0 = unlimited)
//             | retry-after=S  seconds in Retry-After (429: default 1; 503: only when given)
//             | ms=M           delay of `slow` (default 2000)
//             | after=N        expire-token: requests a token may make before it expires (default 0)
//             | endpoint=ID    only requests to this endpoint (demo-epic, demo-athena, replay-…)
//
// Kinds:
//   403           answer 403 Forbidden (no processing): the query or operation is not granted (any more)
//   429           answer 429 Too Many Requests with Retry-After (no processing)
//   500, 503      answer 500 / 503 (503 with Retry-After only if retry-after= is given)
//   slow          answer normally after `ms` milliseconds (other requests are served meanwhile)
//   truncate      a complete HTTP reply whose body is the first half of the real JSON
//   malformed     a complete HTTP reply whose JSON body is syntactically broken
//   drop          announce the full Content-Length, send half of the body, close the connection
//   endless       searches of SELECTOR always carry a `next` link, each to another page, forever
//   expire-token  an access token answers 401 invalid_token ("expired") once it has made `after` matching
//                 requests; `times` = how many tokens are expired this way (0 = every token)
//
// Examples: `429:Observation:2` (the 2nd Observation request answers 429, Retry-After: 1),
//           `503:*:3,times=2,retry-after=5`, `slow:Patient,ms=1500`, `truncate:Condition`,
//           `endless:Observation`, `expire-token:after=5`, `500:token`, `429:*:*,endpoint=demo-athena`.
//
// Not thread-safe: used from the server's thread only.

#include "core/Result.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace hh::demo {

class FaultPlan
{
public:
    enum class Kind {
        Forbidden,
        TooManyRequests,
        ServerError,
        Unavailable,
        Slow,
        Truncate,
        Malformed,
        Drop,
        Endless,
        ExpireToken
    };

    struct Rule {
        Kind kind = Kind::ServerError;
        QString spec;     // as given
        QString selector; // "*" or a type/operation name
        int nth = 1;
        int times = 1; // 0 = unlimited
        int retryAfter = -1;
        int delayMs = 2000;
        int after = 0;
        QString endpoint; // empty = all
        // state
        int matched = 0;
        int fired = 0;
        QHash<QString, int> tokenUses; // expire-token: matching requests per token
    };

    // The decision for one request.
    struct Decision {
        std::optional<Kind> kind; // at most one of the request-level kinds
        int retryAfter = -1;
        int delayMs = 0;
    };

    [[nodiscard]] static Result<Rule> parse(const QString& spec);

    // Adds a rule; an invalid spec is an InvalidInput error naming the problem.
    Status add(const QString& spec);
    void clear() { m_rules.clear(); }
    [[nodiscard]] QStringList specs() const;
    [[nodiscard]] bool isEmpty() const { return m_rules.isEmpty(); }

    // Called once per request (before processing) with the endpoint id and the selector name of the request
    // (resource type for FHIR requests, operation name otherwise). Counts and returns what fires.
    Decision onRequest(const QString& endpointId, const QString& selectorName, bool isFhir);

    // expire-token: called for each authenticated FHIR request; true when this token must now be treated as
    // expired (the caller remembers it).
    bool expireToken(const QString& endpointId, const QString& selectorName, const QString& tokenHandle);

    // endless: does this search never end?
    [[nodiscard]] bool endless(const QString& endpointId, const QString& type) const;

private:
    static bool matches(const Rule& rule, const QString& endpointId, const QString& selectorName, bool isFhir);

    QList<Rule> m_rules;
};

} // namespace hh::demo
