#include "smart/JwtVerifier.h"

#include <QJsonDocument>
#include <QList>

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>

namespace hh::smart::test {

namespace {

QByteArray unb64(const QByteArray& s)
{
    return QByteArray::fromBase64(s, QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

} // namespace

QJsonObject jwsPart(const QByteArray& jws, int index)
{
    const QList<QByteArray> parts = jws.split('.');
    if (parts.size() != 3 || index < 0 || index > 1)
        return {};
    return QJsonDocument::fromJson(unb64(parts.at(index))).object();
}

bool verifyJwsWithJwk(const QByteArray& jws, const QJsonObject& jwk, const char* expectedAlg)
{
    const QList<QByteArray> parts = jws.split('.');
    if (parts.size() != 3)
        return false;
    const QJsonObject header = jwsPart(jws, 0);
    const QString alg = header.value(QLatin1StringView("alg")).toString();
    if (alg != QLatin1StringView(expectedAlg))
        return false;
    const EVP_MD* md = alg == QLatin1StringView("RS256")   ? EVP_sha256()
                       : alg == QLatin1StringView("RS512") ? EVP_sha512()
                                                           : EVP_sha384();
    const QByteArray n = unb64(jwk.value(QLatin1StringView("n")).toString().toLatin1());
    const QByteArray e = unb64(jwk.value(QLatin1StringView("e")).toString().toLatin1());
    BIGNUM* bn = BN_bin2bn(reinterpret_cast<const unsigned char*>(n.constData()), int(n.size()), nullptr);
    BIGNUM* be = BN_bin2bn(reinterpret_cast<const unsigned char*>(e.constData()), int(e.size()), nullptr);
    OSSL_PARAM_BLD* bld = OSSL_PARAM_BLD_new();
    OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_RSA_N, bn);
    OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_RSA_E, be);
    OSSL_PARAM* params = OSSL_PARAM_BLD_to_param(bld);
    EVP_PKEY_CTX* kctx = EVP_PKEY_CTX_new_from_name(nullptr, "RSA", nullptr);
    EVP_PKEY* pkey = nullptr;
    bool ok = kctx && EVP_PKEY_fromdata_init(kctx) == 1 &&
              EVP_PKEY_fromdata(kctx, &pkey, EVP_PKEY_PUBLIC_KEY, params) == 1;
    if (ok) {
        EVP_MD_CTX* mctx = EVP_MD_CTX_new();
        const QByteArray input = parts.at(0) + '.' + parts.at(1);
        const QByteArray sig = unb64(parts.at(2));
        ok =
            EVP_DigestVerifyInit(mctx, nullptr, md, nullptr, pkey) == 1 &&
            EVP_DigestVerify(mctx, reinterpret_cast<const unsigned char*>(sig.constData()), size_t(sig.size()),
                             reinterpret_cast<const unsigned char*>(input.constData()), size_t(input.size())) == 1;
        EVP_MD_CTX_free(mctx);
    }
    EVP_PKEY_free(pkey);
    EVP_PKEY_CTX_free(kctx);
    OSSL_PARAM_free(params);
    OSSL_PARAM_BLD_free(bld);
    BN_free(bn);
    BN_free(be);
    return ok;
}

} // namespace hh::smart::test
