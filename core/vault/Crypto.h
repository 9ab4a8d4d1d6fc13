#pragma once

#include "core/Result.h"
#include "core/SecretBytes.h"

#include <QByteArray>
#include <QString>

// Small wrappers over libsodium. All functions are thread-safe.
namespace hh::crypto {

inline constexpr std::size_t kKeySize = 32;   // vault key, wrapping keys, token keys
inline constexpr std::size_t kSaltSize = 16;  // crypto_pwhash_SALTBYTES

// Argon2id cost used for account password hashes and for deriving the key-wrapping key.
// ~64 MiB and 3 passes: about a quarter second on the reference laptop.
struct KdfCost {
    unsigned long long opsLimit = 3;
    std::size_t memLimit = 64u * 1024u * 1024u;
};

// crypto_pwhash_str (Argon2id): the encoded hash for the users table.
[[nodiscard]] Result<QString> hashPassword(const SecretBytes& password, KdfCost cost = {});
[[nodiscard]] bool verifyPassword(const QString& encodedHash, const SecretBytes& password);

// crypto_pwhash (Argon2id13) of the password with the salt: a 32-byte key.
[[nodiscard]] Result<SecretBytes> deriveKey(const SecretBytes& password, const QByteArray& salt, KdfCost cost);

// Authenticated encryption (XSalsa20-Poly1305 secretbox). seal() returns nonce || ciphertext.
[[nodiscard]] QByteArray seal(const SecretBytes& key, const QByteArray& plaintext);
[[nodiscard]] QByteArray seal(const SecretBytes& key, const SecretBytes& plaintext);
// Fails (ErrorCode::WrongPassword) when the key is wrong or the data was altered.
[[nodiscard]] Result<SecretBytes> open(const SecretBytes& key, const QByteArray& sealed);

// A sub-key of the vault key for one purpose (crypto_kdf, BLAKE2b). context: exactly 8 characters,
// e.g. "hhtokens" for OAuth tokens in the database.
[[nodiscard]] SecretBytes deriveSubkey(const SecretBytes& key, const char (&context)[9], quint64 id = 1);

// Keyed BLAKE2b of data, hex: a stable tag that does not reveal data to someone without the key.
[[nodiscard]] QByteArray keyedTag(const QByteArray& key, const QByteArray& data);

[[nodiscard]] QByteArray randomBytes(std::size_t size);

} // namespace hh::crypto
