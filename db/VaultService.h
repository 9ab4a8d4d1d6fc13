#pragma once

#include "core/Services.h"
#include "core/vault/Keychain.h"
#include "core/vault/VaultKeys.h"

#include <QMutex>
#include <QThreadPool>

#include <memory>

namespace hh::db {

class ConnectionFactory;

// The accounts and profiles of one vault (a data directory). Implements the core service
// interfaces over the encrypted database. Every operation runs on one private worker thread that
// owns its own connection ("hh-service-<thread>"); results come back through QFuture.
//
// Thread-safe. Destroying it waits for running operations and closes the vault.
class VaultService final : public IAccountService, public IProfileService
{
public:
    VaultService(QString dataDir, std::unique_ptr<IKeychain> keychain);
    ~VaultService() override;
    Q_DISABLE_COPY_MOVE(VaultService)

    [[nodiscard]] const VaultPaths& paths() const { return m_paths; }

    // IAccountService
    [[nodiscard]] bool vaultExists() const override;
    [[nodiscard]] QString lastEmail() const override;
    QFuture<Result<User>> createAccount(const QString& email, const QString& name,
                                        const SecretBytes& password) override;
    QFuture<Result<User>> signIn(const QString& email, const SecretBytes& password) override;
    QFuture<Status> changePassword(const SecretBytes& oldPassword, const SecretBytes& newPassword) override;
    void lock() override;
    void signOut() override;
    [[nodiscard]] std::optional<User> currentUser() const override;

    // IProfileService
    QFuture<Result<QList<Profile>>> listProfiles() override;
    QFuture<Result<Profile>> addProfile(const Profile& profile) override;
    QFuture<Result<Profile>> updateProfile(const Profile& profile) override;
    QFuture<Status> removeProfile(const QString& profileId) override;

    // By id or display name, for the command line.
    QFuture<Result<Profile>> findProfile(const QString& nameOrId);

    // For other services of the signed-in session (sync, views): the connection factory of the
    // open vault, or null when locked.
    [[nodiscard]] std::shared_ptr<ConnectionFactory> connections() const;
    // A key derived from the vault key for encrypting secrets inside the database (tokens,
    // verifiers, device keys). Empty when locked.
    [[nodiscard]] SecretBytes secretsKey() const;

private:
    struct Session;
    [[nodiscard]] std::shared_ptr<Session> session() const;
    // Runs work(ProfileStore&) on the worker thread over the open vault (the "Sign in first." error
    // when it is locked). R: the operation's Result or Status.
    template<typename R, typename Work>
    QFuture<R> withProfileStore(Work work);
    void close(bool forgetEmail);
    void rememberEmail(const QString& email) const;

    VaultPaths m_paths;
    std::unique_ptr<IKeychain> m_keychain;
    mutable QMutex m_mutex;
    std::shared_ptr<Session> m_session; // guarded by m_mutex
    QThreadPool m_pool;                 // exactly one thread, kept alive
};

} // namespace hh::db
