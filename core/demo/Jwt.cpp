#include "core/demo/Jwt.h"

#include "core/smart/Jwk.h"

#include <QCryptographicHash>
#include <QJsonDocument>

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>
#include <openssl/rsa.h>

#include <memory>

using namespace Qt::StringLiterals;

namespace hh::demo::jwt {

namespace {

const EVP_MD* digestFor(const QString& alg)
{
    if (alg == u"RS256")
        return EVP_sha256();
    if (alg == u"RS384")
        return EVP_sha384();
    if (alg == u"RS512")
        return EVP_sha512();
    return nullptr;
}

QByteArray bnParam(EVP_PKEY* key, const char* name)
{
    BIGNUM* bn = nullptr;
    if (EVP_PKEY_get_bn_param(key, name, &bn) <= 0 || !bn)
        return {};
    std::unique_ptr<BIGNUM, smart::OpenSslFree> guard(bn);
    QByteArray out(BN_num_bytes(bn), Qt::Uninitialized);
    BN_bn2bin(bn, reinterpret_cast<unsigned char*>(out.data()));
    return out;
}

} // namespace

QByteArray base64Url(const QByteArray& data)
{
    return data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

std::optional<QByteArray> fromBase64Url(QByteArrayView text)
{
    auto result = QByteArray::fromBase64Encoding(text.toByteArray(), QByteArray::Base64UrlEncoding |
                                                                         QByteArray::AbortOnBase64DecodingErrors);
    if (!result)
        return std::nullopt;
    return *result;
}

std::optional<Parsed> parse(QByteArrayView token)
{
    const QList<QByteArrayView> parts = [&] {
        QList<QByteArrayView> out;
        qsizetype start = 0;
        for (qsizetype i = 0; i <= token.size(); ++i) {
            if (i == token.size() || token.at(i) == '.') {
                out.append(token.sliced(start, i - start));
                start = i + 1;
            }
        }
        return out;
    }();
    if (parts.size() != 3)
        return std::nullopt;
    const auto header = fromBase64Url(parts.at(0));
    const auto payload = fromBase64Url(parts.at(1));
    const auto signature = fromBase64Url(parts.at(2));
    if (!header || !payload || !signature)
        return std::nullopt;
    QJsonParseError e1, e2;
    const QJsonDocument h = QJsonDocument::fromJson(*header, &e1);
    const QJsonDocument p = QJsonDocument::fromJson(*payload, &e2);
    if (e1.error != QJsonParseError::NoError || e2.error != QJsonParseError::NoError || !h.isObject() ||
        !p.isObject())
        return std::nullopt;
    Parsed out;
    out.header = h.object();
    out.claims = p.object();
    out.signingInput = token.sliced(0, parts.at(0).size() + 1 + parts.at(1).size()).toByteArray();
    out.signature = *signature;
    return out;
}

bool verifyRsa(const Parsed& jwt, const QJsonObject& jwk)
{
    const EVP_MD* md = digestFor(jwt.header.value(u"alg"_s).toString());
    if (!md)
        return false;
    auto key = smart::rsaPublicKeyFromJwk(jwk, 1024);
    if (!key)
        return false;
    std::unique_ptr<EVP_MD_CTX, smart::OpenSslFree> ctx(EVP_MD_CTX_new());
    if (!ctx || EVP_DigestVerifyInit(ctx.get(), nullptr, md, nullptr, key.get()) <= 0)
        return false;
    return EVP_DigestVerify(ctx.get(), reinterpret_cast<const unsigned char*>(jwt.signature.constData()),
                            size_t(jwt.signature.size()),
                            reinterpret_cast<const unsigned char*>(jwt.signingInput.constData()),
                            size_t(jwt.signingInput.size())) == 1;
}

const ServerKey& ServerKey::instance()
{
    static const ServerKey key; // thread-safe initialisation (C++11 magic statics)
    return key;
}

ServerKey::ServerKey()
{
    EVP_PKEY* pkey = EVP_RSA_gen(2048);
    m_pkey = pkey;
    const QByteArray n = bnParam(pkey, OSSL_PKEY_PARAM_RSA_N);
    const QByteArray e = bnParam(pkey, OSSL_PKEY_PARAM_RSA_E);
    m_kid = QString::fromLatin1(base64Url(QCryptographicHash::hash(n, QCryptographicHash::Sha256)).left(16));
    m_jwk = QJsonObject{{u"kty"_s, u"RSA"_s},
                        {u"use"_s, u"sig"_s},
                        {u"alg"_s, u"RS256"_s},
                        {u"kid"_s, m_kid},
                        {u"n"_s, QString::fromLatin1(base64Url(n))},
                        {u"e"_s, QString::fromLatin1(base64Url(e))}};
}

ServerKey::~ServerKey()
{
    EVP_PKEY_free(static_cast<EVP_PKEY*>(m_pkey));
}

QByteArray ServerKey::sign(const QJsonObject& claims) const
{
    const QJsonObject header{{u"alg"_s, u"RS256"_s}, {u"typ"_s, u"JWT"_s}, {u"kid"_s, m_kid}};
    const QByteArray input = base64Url(QJsonDocument(header).toJson(QJsonDocument::Compact)) + '.' +
                             base64Url(QJsonDocument(claims).toJson(QJsonDocument::Compact));
    std::unique_ptr<EVP_MD_CTX, smart::OpenSslFree> ctx(EVP_MD_CTX_new());
    auto* key = static_cast<EVP_PKEY*>(m_pkey);
    size_t len = 0;
    if (!ctx || !key || EVP_DigestSignInit(ctx.get(), nullptr, EVP_sha256(), nullptr, key) <= 0 ||
        EVP_DigestSign(ctx.get(), nullptr, &len, reinterpret_cast<const unsigned char*>(input.constData()),
                       size_t(input.size())) <= 0)
        return {};
    QByteArray sig(qsizetype(len), Qt::Uninitialized);
    if (EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char*>(sig.data()), &len,
                       reinterpret_cast<const unsigned char*>(input.constData()), size_t(input.size())) <= 0)
        return {};
    sig.resize(qsizetype(len));
    return input + '.' + base64Url(sig);
}

} // namespace hh::demo::jwt
