#pragma once

#include "core/Result.h"
#include "core/SecretBytes.h"
#include "core/vault/Keychain.h"
#include "core/vault/VaultHeader.h"

#include <QString>

namespace hh {

// The files of a vault in its data directory.
struct VaultPaths {
    QString dataDir;
    [[nodiscard]] QString database() const { return dataDir + QStringLiteral("/vault.db"); }
    [[nodiscard]] QString header() const { return dataDir + QStringLiteral("/vault.header"); }
    [[nodiscard]] QString settings() const { return dataDir + QStringLiteral("/settings.ini"); }
    // Held (QLockFile) by the one process that syncs this vault at a time (sync::SyncEngineOptions::lockFilePath).
    [[nodiscard]] QString syncLock() const { return dataDir + QStringLiteral("/sync.lock"); }
};

// Where the vault key comes from and goes to: the OS keychain (entry "vault-<vault id>") and the
// password-wrapped header. Used from a worker thread (keychain calls block).
class VaultKeys
{
public:
    enum class Source { Keychain, Password };
    struct Unlocked {
        SecretBytes key;
        Source source = Source::Password;
    };

    VaultKeys(VaultPaths paths, IKeychain& keychain);

    [[nodiscard]] bool exists() const;

    // A new random 256-bit key, the header with this account's wrapping, and (when a keychain is
    // reachable) the keychain entry. Fails with AlreadyExists when a header exists.
    [[nodiscard]] Result<SecretBytes> create(const QString& email, const SecretBytes& password);

    // The key from the keychain when it holds one, otherwise unwrapped with the password (and then
    // written back to the keychain when one is reachable). NotFound: the email has no account here.
    // The caller must still verify the password against the account's hash.
    [[nodiscard]] Result<Unlocked> unlock(const QString& email, const SecretBytes& password);
    // Unwraps with the password only (used when a keychain key turned out wrong).
    [[nodiscard]] Result<SecretBytes> unlockWithPassword(const QString& email, const SecretBytes& password);
    // The key from the keychain alone, if any (adding an account to an existing vault).
    [[nodiscard]] Result<SecretBytes> keyFromKeychain();

    // Adds (or re-wraps) the key for an account's password.
    [[nodiscard]] Status setAccountPassword(const SecretBytes& key, const QString& email, const SecretBytes& password);
    [[nodiscard]] Status removeAccount(const QString& email);

    [[nodiscard]] Result<QString> vaultId() const;

private:
    [[nodiscard]] QString keychainKey(const VaultHeader& header) const;
    void storeInKeychain(const VaultHeader& header, const SecretBytes& key);

    VaultPaths m_paths;
    IKeychain& m_keychain;
};

} // namespace hh
