#pragma once

#include "core/Result.h"

#include <QByteArrayView>
#include <QDateTime>
#include <QFuture>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QUrl>

#include <chrono>

class QNetworkAccessManager;

namespace hh::smart {

// OpenID Connect id_token validation for the SMART token response (FHIR-SMART-NOTES §1: issuer →
// jwks_uri → RS256 signature, aud = client_id, exp, nonce). Pure functions (verifyIdToken, idTokenKeyId)
// run on any thread; fetchJwks follows the async rules of HttpCall.h.

struct IdTokenExpectations {
    QString issuer;        // the discovery document's `issuer` (compared without trailing '/')
    QString clientId;      // must be `aud` (a string) or one of `aud` (an array)
    QString nonce;         // sent in the authorization request; the claim must be identical
    QDateTime nowUtc;
    qint64 skewSeconds = 120; // tolerance for `exp` (and `iat` in the future)
};

// The `kid` of the id_token's JOSE header (empty if none, or not a JWS).
[[nodiscard]] QString idTokenKeyId(QByteArrayView idToken);

// True when the JWKS holds an RSA key that idToken's kid names (or, without a kid, any RSA key).
[[nodiscard]] bool jwksHasKeyFor(const QJsonArray& keys, QByteArrayView idToken);

// Checks, in this order: compact JWS with JSON header/claims; header alg = RS256 (no "none", no
// HMAC); a key of `keys` (JWKS "keys") with the header's kid (without a kid: every RSA key is
// tried; with "use" it must be "sig"); the RSASSA-PKCS1-v1_5 SHA-256 signature (OpenSSL libcrypto);
// iss = expectations.issuer; aud contains the client id (and azp, if present with several
// audiences, is the client id); exp present and > now − skew; iat not after now + skew; nonce equal.
// Returns the verified claims; ErrorCode::Protocol with a translated message and a detail naming the
// failed check (never the token) otherwise.
[[nodiscard]] Result<QJsonObject> verifyIdToken(QByteArrayView idToken, const QJsonArray& keys,
                                                const IdTokenExpectations& expectations);

// GET jwks_uri (Accept: application/json, JSON object with a "keys" array) → the keys.
// The URL must pass isAllowedUrl() (https, or loopback http). Call from the thread owning `nam`.
[[nodiscard]] QFuture<Result<QJsonArray>> fetchJwks(QNetworkAccessManager* nam, const QUrl& jwksUri,
                                                    std::chrono::milliseconds timeout);

} // namespace hh::smart
