#pragma once

#include "core/Result.h"
#include "core/SecretBytes.h"
#include "core/vault/Crypto.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace hh {

// The small file beside the database that lets the vault open without the OS keychain: the vault
// key wrapped (secretbox) under an Argon2id key derived from each account's password.
//
// It holds no email in clear: an account is found by a keyed BLAKE2b tag of its normalized email.
// Format (JSON): {format, version, vault_id, tag_salt, accounts: [{tag, salt, ops, mem, wrapped}]}.
// Not thread-safe; load, change, save.
class VaultHeader
{
public:
    static constexpr int kFormatVersion = 1;

    // A fresh header with a new vault id and no accounts.
    static VaultHeader create();
    // VaultMissing when absent, VaultCorrupt when unreadable, VaultTooNew when from a newer version.
    static Result<VaultHeader> load(const QString& path);
    // Atomic (QSaveFile), owner-only.
    [[nodiscard]] Status save(const QString& path) const;

    [[nodiscard]] const QString& vaultId() const { return m_vaultId; }
    [[nodiscard]] bool hasAccount(const QString& email) const;
    [[nodiscard]] int accountCount() const { return static_cast<int>(m_accounts.size()); }

    // Wraps key under the password of this account (adds or replaces its entry).
    [[nodiscard]] Status setAccountKey(const QString& email, const SecretBytes& password, const SecretBytes& key,
                                       crypto::KdfCost cost = {});
    // NotFound when the account has no entry; WrongPassword when the password does not unwrap it.
    [[nodiscard]] Result<SecretBytes> unwrapKey(const QString& email, const SecretBytes& password) const;
    void removeAccount(const QString& email);

private:
    struct Wrapping {
        QByteArray tag;     // hex
        QByteArray salt;    // raw
        quint64 opsLimit = 0;
        quint64 memLimit = 0;
        QByteArray wrapped; // raw nonce || ciphertext
    };
    [[nodiscard]] QByteArray tagFor(const QString& email) const;
    [[nodiscard]] qsizetype indexOf(const QString& email) const;

    QString m_vaultId;
    QByteArray m_tagSalt;
    QList<Wrapping> m_accounts;
};

} // namespace hh
