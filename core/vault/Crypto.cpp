#include "core/vault/Crypto.h"

#include <QCoreApplication>

#include <sodium.h>

namespace hh::crypto {

namespace {
bool ensureSodium()
{
    static const bool ok = sodium_init() >= 0;
    return ok;
}

Error cryptoError(const char* detail)
{
    return Error(ErrorCode::Unknown,
                 QCoreApplication::translate("hh::crypto", "A cryptographic operation failed."),
                 QString::fromLatin1(detail));
}
} // namespace

Result<QString> hashPassword(const SecretBytes& password, KdfCost cost)
{
    if (!ensureSodium())
        return cryptoError("sodium_init");
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(out, password.data(), password.size(), cost.opsLimit, cost.memLimit,
                              crypto_pwhash_ALG_ARGON2ID13)
        != 0)
        return cryptoError("crypto_pwhash_str_alg: out of memory");
    return QString::fromLatin1(out);
}

bool verifyPassword(const QString& encodedHash, const SecretBytes& password)
{
    if (!ensureSodium())
        return false;
    const QByteArray h = encodedHash.toLatin1();
    if (h.isEmpty() || h.size() >= crypto_pwhash_STRBYTES)
        return false;
    return crypto_pwhash_str_verify(h.constData(), password.data(), password.size()) == 0;
}

Result<SecretBytes> deriveKey(const SecretBytes& password, const QByteArray& salt, KdfCost cost)
{
    if (!ensureSodium())
        return cryptoError("sodium_init");
    if (salt.size() != crypto_pwhash_SALTBYTES)
        return cryptoError("deriveKey: bad salt size");
    SecretBytes key(QByteArray(static_cast<qsizetype>(kKeySize), '\0'));
    if (crypto_pwhash(key.mutableData(), kKeySize, password.data(), password.size(),
                      reinterpret_cast<const unsigned char*>(salt.constData()), cost.opsLimit, cost.memLimit,
                      crypto_pwhash_ALG_ARGON2ID13)
        != 0)
        return cryptoError("crypto_pwhash: out of memory");
    return key;
}

namespace {
QByteArray sealRaw(const SecretBytes& key, const unsigned char* data, std::size_t size)
{
    ensureSodium();
    Q_ASSERT(key.size() == crypto_secretbox_KEYBYTES);
    QByteArray out(static_cast<qsizetype>(crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + size), '\0');
    auto* nonce = reinterpret_cast<unsigned char*>(out.data());
    randombytes_buf(nonce, crypto_secretbox_NONCEBYTES);
    crypto_secretbox_easy(nonce + crypto_secretbox_NONCEBYTES, data, size, nonce, key.udata());
    return out;
}
} // namespace

QByteArray seal(const SecretBytes& key, const QByteArray& plaintext)
{
    return sealRaw(key, reinterpret_cast<const unsigned char*>(plaintext.constData()),
                   static_cast<std::size_t>(plaintext.size()));
}

QByteArray seal(const SecretBytes& key, const SecretBytes& plaintext)
{
    return sealRaw(key, plaintext.udata(), plaintext.size());
}

Result<SecretBytes> open(const SecretBytes& key, const QByteArray& sealed)
{
    ensureSodium();
    const auto minSize = static_cast<qsizetype>(crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES);
    if (key.size() != crypto_secretbox_KEYBYTES || sealed.size() < minSize)
        return Error(ErrorCode::WrongPassword,
                     QCoreApplication::translate("hh::crypto", "The data could not be decrypted."),
                     QStringLiteral("secretbox: bad sizes"));
    const auto* nonce = reinterpret_cast<const unsigned char*>(sealed.constData());
    const std::size_t ctSize = static_cast<std::size_t>(sealed.size()) - crypto_secretbox_NONCEBYTES;
    SecretBytes plain(QByteArray(static_cast<qsizetype>(ctSize - crypto_secretbox_MACBYTES), '\0'));
    if (crypto_secretbox_open_easy(plain.mutableData(), nonce + crypto_secretbox_NONCEBYTES, ctSize, nonce,
                                   key.udata())
        != 0)
        return Error(ErrorCode::WrongPassword,
                     QCoreApplication::translate("hh::crypto", "The data could not be decrypted."),
                     QStringLiteral("secretbox: authentication failed"));
    return plain;
}

SecretBytes deriveSubkey(const SecretBytes& key, const char (&context)[9], quint64 id)
{
    ensureSodium();
    Q_ASSERT(key.size() == crypto_kdf_KEYBYTES);
    SecretBytes sub(QByteArray(static_cast<qsizetype>(kKeySize), '\0'));
    crypto_kdf_derive_from_key(sub.mutableData(), kKeySize, id, context, key.udata());
    return sub;
}

QByteArray keyedTag(const QByteArray& key, const QByteArray& data)
{
    ensureSodium();
    unsigned char out[32];
    crypto_generichash(out, sizeof out, reinterpret_cast<const unsigned char*>(data.constData()),
                       static_cast<std::size_t>(data.size()),
                       reinterpret_cast<const unsigned char*>(key.constData()),
                       static_cast<std::size_t>(key.size()));
    return QByteArray(reinterpret_cast<const char*>(out), sizeof out).toHex();
}

QByteArray randomBytes(std::size_t size)
{
    ensureSodium();
    QByteArray out(static_cast<qsizetype>(size), '\0');
    randombytes_buf(out.data(), size);
    return out;
}

} // namespace hh::crypto
