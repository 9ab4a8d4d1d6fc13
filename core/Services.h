#pragma once

#include "core/Domain.h"
#include "core/Result.h"
#include "core/SecretBytes.h"

#include <QFuture>
#include <QList>
#include <QString>

#include <optional>

namespace hh {

// What the GUI (and the CLI) use to work with accounts and profiles. Implementations run SQL and
// key derivation off the calling thread and deliver results through QFuture; GUI code continues
// with future.then(contextObject, ...). All methods may be called from the GUI thread.

class IAccountService
{
public:
    virtual ~IAccountService() = default;

    // True when the data directory holds a vault (first run shows the wizard otherwise).
    [[nodiscard]] virtual bool vaultExists() const = 0;
    // The email of the account that signed in last on this machine (for the unlock screen); empty if none.
    [[nodiscard]] virtual QString lastEmail() const = 0;

    // Creates the account; creates the vault first when there is none. Signs the new account in.
    virtual QFuture<Result<User>> createAccount(const QString& email, const QString& name,
                                                const SecretBytes& password) = 0;
    // Opens the vault (keychain first, then the password-wrapped key) and checks the password.
    virtual QFuture<Result<User>> signIn(const QString& email, const SecretBytes& password) = 0;
    // Re-wraps the vault key with the new password and updates the password hash.
    virtual QFuture<Status> changePassword(const SecretBytes& oldPassword, const SecretBytes& newPassword) = 0;
    // Closes the vault and forgets the key. lock() keeps lastEmail() for the unlock screen.
    virtual void lock() = 0;
    virtual void signOut() = 0;
    [[nodiscard]] virtual std::optional<User> currentUser() const = 0;
};

class IProfileService
{
public:
    virtual ~IProfileService() = default;

    // The signed-in account's profiles, ordered by display name.
    virtual QFuture<Result<QList<Profile>>> listProfiles() = 0;
    // id, userId, createdAt, updatedAt are filled in. Validates with validateProfile().
    virtual QFuture<Result<Profile>> addProfile(const Profile& profile) = 0;
    virtual QFuture<Result<Profile>> updateProfile(const Profile& profile) = 0;
    // Deletes the profile and everything that belongs to it (connections, records, summary, jobs).
    virtual QFuture<Status> removeProfile(const QString& profileId) = 0;
};

} // namespace hh
