#pragma once

#include "core/Result.h"
#include "core/connect/OAuthState.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace hh::connect {

// Pending authorization requests (oauth_states) of one account. Same threading contract as
// IEndpointStore.
class IOAuthStateStore
{
public:
    virtual ~IOAuthStateStore() = default;

    [[nodiscard]] virtual Status insert(const OAuthState& state) = 0;

    // Single-use consumption of a returned `state`: compares it in constant time against the
    // account's recent states (never by an SQL lookup of the secret), marks the match used
    // atomically (a concurrent second consumer loses) and returns the row. An expired match is
    // marked used too. Errors carry the reason in `rejection`:
    //   Unknown (no such state), Used (already consumed), Expired (past expires_at at `nowUtc`).
    struct Consumed {
        OAuthState row;
        StateRejection rejection = StateRejection::None;
    };
    [[nodiscard]] virtual Result<Consumed> consume(const QString& state, const QDateTime& nowUtc) = 0;

    // Deletes rows that expired before `cutoffUtc`.
    [[nodiscard]] virtual Status purgeExpired(const QDateTime& cutoffUtc) = 0;

    virtual void releaseThreadResources() = 0;
};

} // namespace hh::connect
