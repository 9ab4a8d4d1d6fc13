#pragma once

#include "core/Result.h"
#include "core/SecretBytes.h"

#include <QByteArrayView>
#include <QDateTime>
#include <QMetaType>
#include <QString>

namespace hh::smart {

// A successful OAuth token response (RFC 6749 §5.1 with SMART's extra fields). Tokens are kept
// byte-exact as SecretBytes (never truncated, decoded or logged). Pure value type, any thread.
struct TokenResponse {
    enum class ExpirySource { ExpiresIn, JwtExp, Default };

    SecretBytes accessToken;
    QString tokenType;    // always "Bearer" (other types are refused)
    qint64 expiresIn = 0; // seconds, clamped to [kMinLifetime, kMaxLifetime]
    QDateTime expiresAt;  // UTC: now + expiresIn
    ExpirySource expirySource = ExpirySource::ExpiresIn;
    SecretBytes refreshToken; // empty = none issued. On refresh: non-empty REPLACES the old one
                              // (rotation): persist it before using accessToken. Empty: keep the old.
    QString scope;            // granted scopes (ScopeSet::parse); may be empty if not echoed
    QString patient;          // FHIR Patient id in context (Epic's __epic.dstu2.patient is ignored)
    SecretBytes idToken;      // OpenID Connect id_token, unverified

    [[nodiscard]] bool hasRefreshToken() const { return !refreshToken.isEmpty(); }

    static constexpr qint64 kDefaultLifetime = 300; // no expires_in and no JWT exp
    static constexpr qint64 kMinLifetime = 60;
    static constexpr qint64 kMaxLifetime = 24 * 3600;
};

// Parses a token endpoint reply body (pure; fuzzed).
// - 2xx with access_token and token_type Bearer (case-insensitive, Epic sends "bearer") → value.
//   expires_in (number or numeric string) > 0 is used; missing/invalid → the access token's JWT
//   `exp` if it is a JWT, else kDefaultLifetime; then clamped.
// - a JSON object with "error" (at any status) → ErrorCode::Unauthorized for invalid_grant,
//   invalid_client, unauthorized_client, access_denied, invalid_token (the grant is gone: sign
//   in again); Server for the rest. The message includes error_description (trimmed, ≤200 chars);
//   the detail holds only the error code.
// - other non-2xx → httpStatus mapped (401/403 Unauthorized, else Server).
// - anything else (not a JSON object, no access_token, non-Bearer type) → Protocol.
[[nodiscard]] Result<TokenResponse> parseTokenResponse(QByteArrayView body, int httpStatus,
                                                       const QDateTime& nowUtc);

// A server-supplied text (error_description, an error code) as shown to people: printable characters only (no
// control characters, no bidi overrides that could reorder the sentence around it), on one line, at most 200
// characters. Used for token replies and for the authorization redirect's error.
[[nodiscard]] QString cleanDescription(const QString& text);

// Epic returns refresh-less replies for public clients: the OAuth error codes meaning "this grant
// can no longer be used" (see above).
[[nodiscard]] bool isGrantRevokedError(QStringView oauthError);

} // namespace hh::smart

Q_DECLARE_METATYPE(hh::smart::TokenResponse)
