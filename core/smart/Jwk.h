#pragma once

#include <QJsonObject>

#include <openssl/bn.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>

#include <memory>

namespace hh::smart {

// One deleter for the OpenSSL handles the JOSE code holds (std::unique_ptr<T, OpenSslFree>).
struct OpenSslFree {
    void operator()(EVP_PKEY* p) const { EVP_PKEY_free(p); }
    void operator()(EVP_PKEY_CTX* p) const { EVP_PKEY_CTX_free(p); }
    void operator()(EVP_MD_CTX* p) const { EVP_MD_CTX_free(p); }
    void operator()(BIGNUM* p) const { BN_free(p); }
    void operator()(OSSL_PARAM_BLD* p) const { OSSL_PARAM_BLD_free(p); }
    void operator()(OSSL_PARAM* p) const { OSSL_PARAM_free(p); }
};

using EvpPkeyPtr = std::unique_ptr<EVP_PKEY, OpenSslFree>;

// The RSA public key of a JWK {kty: "RSA", n, e} (RFC 7518 §6.3.1); nullptr when it is not one, or
// its modulus is shorter than minBits or longer than 8192 bits. Used by the id_token check and by
// the demo server's client-assertion check.
[[nodiscard]] EvpPkeyPtr rsaPublicKeyFromJwk(const QJsonObject& jwk, int minBits = 2048);

} // namespace hh::smart
