#pragma once

#include "core/Result.h"
#include "core/SecretBytes.h"

#include <QDateTime>
#include <QString>

namespace hh::sync {

// A bearer token for one connection's FHIR server.
struct AccessToken {
    SecretBytes token;
    QDateTime expiresAt;   // UTC
    QString patientId;     // the FHIR Patient id this authorization is for
    QString grantedScope;  // space-separated, as granted
};

// Gives the sync engine a usable access token for a connection (table profile_emr_connections).
//
// Implemented by the connection layer (tokens encrypted in the vault; refresh tokens or Epic's
// JWT bearer grant). Blocking: called on a sync worker thread, never on the GUI thread.
// Thread-safe; refreshes are single-flight per connection (concurrent callers share one refresh).
//  - forceRefresh=false: the stored token, refreshed first when it expires within 60 s.
//  - forceRefresh=true: after a 401, obtain a new token even if the stored one looks valid.
// Errors: ErrorCode::Unauthorized when no new token can be had (refresh refused, no refresh
// path): the connection's status is then 'needs_reauth' and the sync of it stops.
class ITokenProvider
{
public:
    virtual ~ITokenProvider() = default;
    [[nodiscard]] virtual Result<AccessToken> accessToken(const QString& connectionId, bool forceRefresh) = 0;
};

} // namespace hh::sync
