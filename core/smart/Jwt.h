#pragma once

#include "core/Result.h"
#include "core/SecretBytes.h"

#include <QByteArrayView>
#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QUrl>

#include <optional>

namespace hh::smart {

class DeviceKey;

// The claims of a compact JWS (header.payload.signature), WITHOUT verifying the signature: only for
// reading `exp` of our own access token. nullopt if it is not a JWT with JSON object parts.
[[nodiscard]] std::optional<QJsonObject> jwtClaimsUnverified(QByteArrayView token);

// One base64url JSON part of a JWS/JWT (header or claims); nullopt unless it decodes to a JSON object.
[[nodiscard]] std::optional<QJsonObject> jwtDecodeJsonPart(QByteArrayView part);

// The client assertion for Epic's JWT bearer grant (and RFC 7523 generally): header
// {alg: RS384, typ: JWT, kid}, claims {iss = sub = clientId, aud = tokenEndpoint, jti (random,
// 43 chars), iat = nbf = now, exp = now + 4 min}. Signed with the device key.
[[nodiscard]] Result<SecretBytes> makeClientAssertion(const DeviceKey& key, const QString& clientId,
                                                      const QUrl& tokenEndpoint, const QDateTime& nowUtc);

inline constexpr qint64 kAssertionLifetimeSeconds = 240;

} // namespace hh::smart
