#include "core/smart/Jwk.h"

#include "core/smart/Base64Url.h"

#include <openssl/core_names.h>

using namespace Qt::StringLiterals;

namespace hh::smart {

EvpPkeyPtr rsaPublicKeyFromJwk(const QJsonObject& jwk, int minBits)
{
    if (jwk.value("kty"_L1).toString() != u"RSA")
        return nullptr;
    const auto n = base64UrlDecode(jwk.value("n"_L1).toString().toLatin1());
    const auto e = base64UrlDecode(jwk.value("e"_L1).toString().toLatin1());
    if (!n || !e || n->size() * 8 < minBits || n->size() > 1024 || e->isEmpty() || e->size() > 8)
        return nullptr;
    std::unique_ptr<BIGNUM, OpenSslFree> bn(
        BN_bin2bn(reinterpret_cast<const unsigned char*>(n->constData()), int(n->size()), nullptr));
    std::unique_ptr<BIGNUM, OpenSslFree> be(
        BN_bin2bn(reinterpret_cast<const unsigned char*>(e->constData()), int(e->size()), nullptr));
    std::unique_ptr<OSSL_PARAM_BLD, OpenSslFree> bld(OSSL_PARAM_BLD_new());
    if (!bn || !be || !bld || !OSSL_PARAM_BLD_push_BN(bld.get(), OSSL_PKEY_PARAM_RSA_N, bn.get())
        || !OSSL_PARAM_BLD_push_BN(bld.get(), OSSL_PKEY_PARAM_RSA_E, be.get()))
        return nullptr;
    std::unique_ptr<OSSL_PARAM, OpenSslFree> params(OSSL_PARAM_BLD_to_param(bld.get()));
    std::unique_ptr<EVP_PKEY_CTX, OpenSslFree> ctx(EVP_PKEY_CTX_new_from_name(nullptr, "RSA", nullptr));
    if (!params || !ctx || EVP_PKEY_fromdata_init(ctx.get()) <= 0)
        return nullptr;
    EVP_PKEY* raw = nullptr;
    if (EVP_PKEY_fromdata(ctx.get(), &raw, EVP_PKEY_PUBLIC_KEY, params.get()) <= 0)
        return nullptr;
    return EvpPkeyPtr(raw);
}

} // namespace hh::smart
