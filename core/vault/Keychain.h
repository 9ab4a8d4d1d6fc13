#pragma once

#include "core/Result.h"
#include "core/SecretBytes.h"

#include <QString>

#include <memory>

namespace hh {

// Where the vault key is kept besides the password-wrapped header: the OS keychain.
//
// Calls are synchronous and may take a few hundred milliseconds (D-Bus): call them from a worker
// thread, never the GUI thread. read() answers NotFound when there is no entry and Keychain when no
// keychain is reachable (e.g. a headless session without a Secret Service).
class IKeychain
{
public:
    virtual ~IKeychain() = default;
    [[nodiscard]] virtual Result<SecretBytes> read(const QString& key) = 0;
    [[nodiscard]] virtual Status write(const QString& key, const SecretBytes& secret) = 0;
    [[nodiscard]] virtual Status remove(const QString& key) = 0;
};

// The system keychain through QtKeychain (Secret Service, KWallet, macOS Keychain, Windows
// Credential Store). The insecure plaintext fallback is never enabled.
class SystemKeychain final : public IKeychain
{
public:
    explicit SystemKeychain(QString service = QStringLiteral("HealthHub"), int timeoutMs = 10000);
    Result<SecretBytes> read(const QString& key) override;
    Status write(const QString& key, const SecretBytes& secret) override;
    Status remove(const QString& key) override;

private:
    QString m_service;
    int m_timeoutMs;
};

// No keychain at all (--no-keychain, HH_NO_KEYCHAIN=1): the vault works with passwords alone.
class NoKeychain final : public IKeychain
{
public:
    Result<SecretBytes> read(const QString& key) override;
    Status write(const QString& key, const SecretBytes& secret) override;
    Status remove(const QString& key) override;
};

// SystemKeychain unless the environment variable HH_NO_KEYCHAIN is set to 1.
std::unique_ptr<IKeychain> makeDefaultKeychain();

} // namespace hh
