#pragma once

#include <QByteArray>
#include <QJsonObject>

namespace hh::smart::test {

// Independent RS256/384/512 check of a compact JWS against an RSA JWK {n, e}, written directly
// against OpenSSL (not through hh_smart), so tests do not verify our signer with itself.
bool verifyJwsWithJwk(const QByteArray& jws, const QJsonObject& jwk, const char* expectedAlg);

QJsonObject jwsPart(const QByteArray& jws, int index); // 0 header, 1 claims

} // namespace hh::smart::test
