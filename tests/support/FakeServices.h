#pragma once

#include "core/Services.h"
#include "core/Validation.h"

#include <QFuture>
#include <QList>
#include <QPromise>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

namespace hh::test {

// How a fake hands out its futures.
//   Ready:    finished before the call returns (like a cache hit).
//   Deferred: pending until finishPending() — exercises busy states and continuations that run
//             after the caller has moved on, as with the real services' worker threads.
enum class Delivery { Ready, Deferred };

// Shared machinery: produces QFutures from QPromises and holds the deferred ones.
class FakeFutures
{
public:
    void setDelivery(Delivery delivery) { m_delivery = delivery; }
    [[nodiscard]] Delivery delivery() const { return m_delivery; }
    [[nodiscard]] int pendingCount() const { return static_cast<int>(m_pending.size()); }
    // Completes every pending future, oldest first (continuations are queued to the event loop).
    void finishPending();

    // The next call of any method answers with this error instead (once).
    void failNextWith(Error error) { m_nextError = std::move(error); }

protected:
    template<typename T>
    QFuture<T> deliver(T value)
    {
        auto promise = std::make_shared<QPromise<T>>();
        promise->start();
        QFuture<T> future = promise->future();
        std::function<void()> finish = [promise, value]() mutable {
            promise->addResult(std::move(value));
            promise->finish();
        };
        if (m_delivery == Delivery::Ready)
            finish();
        else
            m_pending.append(std::move(finish));
        return future;
    }
    // The injected error, if one is pending (and clears it).
    std::optional<Error> takeInjectedError();

private:
    Delivery m_delivery = Delivery::Ready;
    QList<std::function<void()>> m_pending;
    std::optional<Error> m_nextError;
};

// Accounts in memory. Passwords are compared as bytes (a fake: nothing is derived or stored safely).
class FakeAccountService final : public IAccountService, public FakeFutures
{
public:
    FakeAccountService() = default;

    // Test setup: an existing account (makes the vault exist).
    User addAccount(const QString& email, const QString& name, const QString& password);
    void setVaultExists(bool exists) { m_vaultExists = exists; }
    void setLastEmail(const QString& email) { m_lastEmail = email; }

    // IAccountService
    [[nodiscard]] bool vaultExists() const override { return m_vaultExists; }
    [[nodiscard]] QString lastEmail() const override { return m_lastEmail; }
    QFuture<Result<User>> createAccount(const QString& email, const QString& name,
                                        const SecretBytes& password) override;
    QFuture<Result<User>> signIn(const QString& email, const SecretBytes& password) override;
    QFuture<Status> changePassword(const SecretBytes& oldPassword, const SecretBytes& newPassword) override;
    void lock() override;
    void signOut() override;
    [[nodiscard]] std::optional<User> currentUser() const override { return m_current; }

    // What the GUI asked for.
    int createCalls = 0;
    int signInCalls = 0;
    int changePasswordCalls = 0;
    int lockCalls = 0;
    int signOutCalls = 0;
    QString lastCreateEmail;
    QString lastCreateName;
    QString lastSignInEmail;
    [[nodiscard]] QByteArray passwordOf(const QString& email) const;

private:
    struct Account {
        User user;
        QByteArray password;
    };
    Account* find(const QString& email);
    const Account* find(const QString& email) const;

    QList<Account> m_accounts;
    std::optional<User> m_current;
    QString m_lastEmail;
    bool m_vaultExists = false;
};

// Profiles in memory, per account (the signed-in user of the FakeAccountService, if given).
class FakeProfileService final : public IProfileService, public FakeFutures
{
public:
    explicit FakeProfileService(const FakeAccountService* accounts = nullptr) : m_accounts(accounts) {}

    // Test setup: stores a profile for the given user (id and timestamps are filled in).
    Profile seed(const QString& userId, const QString& displayName, Relationship relationship,
                 QDate dateOfBirth = {}, const QString& legalName = {});
    [[nodiscard]] QList<Profile> all() const { return m_profiles; }
    [[nodiscard]] std::optional<Profile> byId(const QString& id) const;

    // IProfileService
    QFuture<Result<QList<Profile>>> listProfiles() override;
    QFuture<Result<Profile>> addProfile(const Profile& profile) override;
    QFuture<Result<Profile>> updateProfile(const Profile& profile) override;
    QFuture<Status> removeProfile(const QString& profileId) override;

    int listCalls = 0;
    int addCalls = 0;
    int updateCalls = 0;
    int removeCalls = 0;

private:
    [[nodiscard]] QString currentUserId() const;

    const FakeAccountService* m_accounts;
    QList<Profile> m_profiles;
};

} // namespace hh::test
