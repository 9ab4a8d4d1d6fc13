#include "core/smart/DeviceKey.h"

#include "core/smart/Base64Url.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QJsonDocument>

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>

using namespace Qt::StringLiterals;

namespace hh::smart {

namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(hh::smart)
};

Error cryptoError(const QString& what)
{
    const unsigned long code = ERR_get_error();
    ERR_clear_error();
    return Error(ErrorCode::Unknown, Tr::tr("The device key could not be created or used."),
                 u"%1 (openssl error %2)"_s.arg(what).arg(code));
}

struct BioDeleter {
    void operator()(BIO* b) const { BIO_free(b); }
};
struct CtxDeleter {
    void operator()(EVP_PKEY_CTX* c) const { EVP_PKEY_CTX_free(c); }
};
struct MdCtxDeleter {
    void operator()(EVP_MD_CTX* c) const { EVP_MD_CTX_free(c); }
};
struct BnDeleter {
    void operator()(BIGNUM* b) const { BN_free(b); }
};

std::shared_ptr<EVP_PKEY> wrap(EVP_PKEY* key)
{
    return std::shared_ptr<EVP_PKEY>(key, [](EVP_PKEY* k) { EVP_PKEY_free(k); });
}

QByteArray bnParam(const EVP_PKEY* key, const char* name)
{
    BIGNUM* raw = nullptr;
    if (EVP_PKEY_get_bn_param(key, name, &raw) != 1 || !raw)
        return {};
    std::unique_ptr<BIGNUM, BnDeleter> bn(raw);
    QByteArray out(BN_num_bytes(bn.get()), '\0');
    BN_bn2bin(bn.get(), reinterpret_cast<unsigned char*>(out.data()));
    return out;
}

// Never prompt on a terminal for an encrypted PEM.
int noPassphrase(char*, int, int, void*)
{
    return -1;
}

} // namespace

DeviceKey::DeviceKey() = default;
DeviceKey::~DeviceKey() = default;
DeviceKey::DeviceKey(const DeviceKey&) = default;
DeviceKey& DeviceKey::operator=(const DeviceKey&) = default;
DeviceKey::DeviceKey(DeviceKey&&) noexcept = default;
DeviceKey& DeviceKey::operator=(DeviceKey&&) noexcept = default;
DeviceKey::DeviceKey(std::shared_ptr<evp_pkey_st> key) : m_key(std::move(key)) {}

Result<DeviceKey> DeviceKey::generate(int bits)
{
    if (bits < 2048 || bits > 4096)
        return Error(ErrorCode::Unknown, Tr::tr("The device key could not be created or used."),
                     u"RSA key size out of range"_s);
    std::unique_ptr<EVP_PKEY_CTX, CtxDeleter> ctx(EVP_PKEY_CTX_new_from_name(nullptr, "RSA", nullptr));
    if (!ctx || EVP_PKEY_keygen_init(ctx.get()) <= 0)
        return cryptoError(u"keygen init"_s);
    if (EVP_PKEY_CTX_set_rsa_keygen_bits(ctx.get(), bits) <= 0)
        return cryptoError(u"keygen bits"_s);
    EVP_PKEY* key = nullptr;
    if (EVP_PKEY_generate(ctx.get(), &key) <= 0 || !key)
        return cryptoError(u"keygen"_s);
    return DeviceKey(wrap(key));
}

Result<DeviceKey> DeviceKey::fromPrivateKeyPem(const SecretBytes& pem)
{
    if (pem.isEmpty() || pem.size() > 64 * 1024)
        return Error(ErrorCode::VaultCorrupt, Tr::tr("The stored device key is damaged."),
                     u"PEM empty or too large"_s);
    std::unique_ptr<BIO, BioDeleter> bio(BIO_new_mem_buf(pem.data(), int(pem.size())));
    if (!bio)
        return cryptoError(u"BIO_new_mem_buf"_s);
    EVP_PKEY* key = PEM_read_bio_PrivateKey(bio.get(), nullptr, noPassphrase, nullptr);
    if (!key) {
        ERR_clear_error();
        return Error(ErrorCode::VaultCorrupt, Tr::tr("The stored device key is damaged."),
                     u"PEM is not a readable unencrypted private key"_s);
    }
    auto wrapped = wrap(key);
    if (!EVP_PKEY_is_a(key, "RSA") || EVP_PKEY_get_bits(key) < 2048)
        return Error(ErrorCode::VaultCorrupt, Tr::tr("The stored device key is damaged."),
                     u"key is not RSA >= 2048 bits"_s);
    return DeviceKey(std::move(wrapped));
}

int DeviceKey::bits() const
{
    return m_key ? EVP_PKEY_get_bits(m_key.get()) : 0;
}

Result<SecretBytes> DeviceKey::privateKeyPem() const
{
    if (!m_key)
        return Error(ErrorCode::Unknown, Tr::tr("The device key could not be created or used."),
                     u"null key"_s);
    // A secure-memory BIO is wiped when freed.
    std::unique_ptr<BIO, BioDeleter> bio(BIO_new(BIO_s_secmem()));
    if (!bio)
        return cryptoError(u"BIO_new"_s);
    if (PEM_write_bio_PKCS8PrivateKey(bio.get(), m_key.get(), nullptr, nullptr, 0, nullptr, nullptr) != 1)
        return cryptoError(u"PEM_write_bio_PKCS8PrivateKey"_s);
    char* data = nullptr;
    const long len = BIO_get_mem_data(bio.get(), &data);
    if (len <= 0 || !data)
        return cryptoError(u"BIO_get_mem_data"_s);
    return SecretBytes(data, std::size_t(len));
}

QString DeviceKey::keyId() const
{
    if (!m_key)
        return {};
    const QByteArray n = base64UrlEncode(bnParam(m_key.get(), OSSL_PKEY_PARAM_RSA_N));
    const QByteArray e = base64UrlEncode(bnParam(m_key.get(), OSSL_PKEY_PARAM_RSA_E));
    // RFC 7638 §3.2: required members, lexicographic order, no whitespace.
    const QByteArray canonical = "{\"e\":\"" + e + "\",\"kty\":\"RSA\",\"n\":\"" + n + "\"}";
    return QString::fromLatin1(base64UrlEncode(QCryptographicHash::hash(canonical, QCryptographicHash::Sha256)));
}

QJsonObject DeviceKey::publicJwk() const
{
    if (!m_key)
        return {};
    QJsonObject jwk;
    jwk.insert("kty"_L1, u"RSA"_s);
    jwk.insert("n"_L1, QString::fromLatin1(base64UrlEncode(bnParam(m_key.get(), OSSL_PKEY_PARAM_RSA_N))));
    jwk.insert("e"_L1, QString::fromLatin1(base64UrlEncode(bnParam(m_key.get(), OSSL_PKEY_PARAM_RSA_E))));
    jwk.insert("kid"_L1, keyId());
    jwk.insert("alg"_L1, u"RS384"_s);
    return jwk;
}

Result<QByteArray> DeviceKey::sign(QByteArrayView data, Algorithm algorithm) const
{
    if (!m_key)
        return Error(ErrorCode::Unknown, Tr::tr("The device key could not be created or used."),
                     u"null key"_s);
    const EVP_MD* md = algorithm == Algorithm::RS256   ? EVP_sha256()
                       : algorithm == Algorithm::RS512 ? EVP_sha512()
                                                       : EVP_sha384();
    std::unique_ptr<EVP_MD_CTX, MdCtxDeleter> ctx(EVP_MD_CTX_new());
    EVP_PKEY_CTX* pctx = nullptr;
    if (!ctx || EVP_DigestSignInit(ctx.get(), &pctx, md, nullptr, m_key.get()) != 1)
        return cryptoError(u"EVP_DigestSignInit"_s);
    if (EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PADDING) <= 0)
        return cryptoError(u"set padding"_s);
    const auto* in = reinterpret_cast<const unsigned char*>(data.data());
    size_t len = 0;
    if (EVP_DigestSign(ctx.get(), nullptr, &len, in, size_t(data.size())) != 1)
        return cryptoError(u"EVP_DigestSign size"_s);
    QByteArray sig(qsizetype(len), '\0');
    if (EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char*>(sig.data()), &len, in, size_t(data.size())) !=
        1)
        return cryptoError(u"EVP_DigestSign"_s);
    sig.resize(qsizetype(len));
    return sig;
}

QString algorithmName(DeviceKey::Algorithm algorithm)
{
    switch (algorithm) {
    case DeviceKey::Algorithm::RS256:
        return u"RS256"_s;
    case DeviceKey::Algorithm::RS512:
        return u"RS512"_s;
    case DeviceKey::Algorithm::RS384:
        break;
    }
    return u"RS384"_s;
}

} // namespace hh::smart
