#include "support/FakeServices.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace hh::test {

void FakeFutures::finishPending()
{
    // A continuation may issue new calls; finish only what was pending when we started.
    const QList<std::function<void()>> pending = std::exchange(m_pending, {});
    for (const auto& finish : pending)
        finish();
}

std::optional<Error> FakeFutures::takeInjectedError()
{
    return std::exchange(m_nextError, std::nullopt);
}

// --- accounts ---------------------------------------------------------------------------------

FakeAccountService::Account* FakeAccountService::find(const QString& email)
{
    for (Account& a : m_accounts)
        if (normalizeEmail(a.user.email) == normalizeEmail(email))
            return &a;
    return nullptr;
}

const FakeAccountService::Account* FakeAccountService::find(const QString& email) const
{
    return const_cast<FakeAccountService*>(this)->find(email);
}

User FakeAccountService::addAccount(const QString& email, const QString& name, const QString& password)
{
    User user{newId(), email, name, nowUtcIso()};
    m_accounts.append({user, password.toUtf8()});
    m_vaultExists = true;
    return user;
}

QByteArray FakeAccountService::passwordOf(const QString& email) const
{
    const Account* a = find(email);
    return a ? a->password : QByteArray();
}

QFuture<Result<User>> FakeAccountService::createAccount(const QString& email, const QString& name,
                                                        const SecretBytes& password)
{
    ++createCalls;
    lastCreateEmail = email;
    lastCreateName = name;
    if (auto error = takeInjectedError())
        return deliver(Result<User>(*error));
    if (const Status s = validateEmail(email); !s.ok())
        return deliver(Result<User>(s.error()));
    if (find(email))
        return deliver(Result<User>(Error(ErrorCode::AlreadyExists, u"An account with this email already exists."_s)));
    const User user = addAccount(email, name, QString::fromUtf8(password.toByteArray()));
    m_current = user;
    m_lastEmail = user.email;
    return deliver(Result<User>(user));
}

QFuture<Result<User>> FakeAccountService::signIn(const QString& email, const SecretBytes& password)
{
    ++signInCalls;
    lastSignInEmail = email;
    if (auto error = takeInjectedError())
        return deliver(Result<User>(*error));
    const Account* a = find(email);
    if (!a)
        return deliver(Result<User>(Error(ErrorCode::NotFound, u"No account with this email."_s)));
    if (a->password != password.toByteArray())
        return deliver(Result<User>(Error(ErrorCode::WrongPassword, u"The password is not correct."_s)));
    m_current = a->user;
    m_lastEmail = a->user.email;
    return deliver(Result<User>(a->user));
}

QFuture<Status> FakeAccountService::changePassword(const SecretBytes& oldPassword, const SecretBytes& newPassword)
{
    ++changePasswordCalls;
    if (auto error = takeInjectedError())
        return deliver(Status(*error));
    if (!m_current)
        return deliver(Status(Error(ErrorCode::NotFound, u"Not signed in."_s)));
    Account* a = find(m_current->email);
    if (!a || a->password != oldPassword.toByteArray())
        return deliver(Status(Error(ErrorCode::WrongPassword, u"The current password is not correct."_s)));
    a->password = newPassword.toByteArray();
    return deliver(Status());
}

void FakeAccountService::lock()
{
    ++lockCalls;
    m_current.reset();
}

void FakeAccountService::signOut()
{
    ++signOutCalls;
    m_current.reset();
    m_lastEmail.clear();
}

// --- profiles ---------------------------------------------------------------------------------

QString FakeProfileService::currentUserId() const
{
    if (m_accounts && m_accounts->currentUser())
        return m_accounts->currentUser()->id;
    return {};
}

Profile FakeProfileService::seed(const QString& userId, const QString& displayName, Relationship relationship,
                                 QDate dateOfBirth, const QString& legalName)
{
    Profile p;
    p.id = newId();
    p.userId = userId;
    p.displayName = displayName;
    p.legalName = legalName;
    p.dateOfBirth = dateOfBirth;
    p.relationship = relationship;
    p.createdAt = p.updatedAt = nowUtcIso();
    m_profiles.append(p);
    return p;
}

std::optional<Profile> FakeProfileService::byId(const QString& id) const
{
    for (const Profile& p : m_profiles)
        if (p.id == id)
            return p;
    return std::nullopt;
}

QFuture<Result<QList<Profile>>> FakeProfileService::listProfiles()
{
    ++listCalls;
    if (auto error = takeInjectedError())
        return deliver(Result<QList<Profile>>(*error));
    const QString userId = currentUserId();
    QList<Profile> mine;
    for (const Profile& p : m_profiles)
        if (m_accounts == nullptr || p.userId == userId)
            mine.append(p);
    std::sort(mine.begin(), mine.end(), [](const Profile& a, const Profile& b) {
        return a.displayName.compare(b.displayName, Qt::CaseInsensitive) < 0;
    });
    return deliver(Result<QList<Profile>>(mine));
}

QFuture<Result<Profile>> FakeProfileService::addProfile(const Profile& profile)
{
    ++addCalls;
    if (auto error = takeInjectedError())
        return deliver(Result<Profile>(*error));
    if (const Status s = validateProfile(profile); !s.ok())
        return deliver(Result<Profile>(s.error()));
    const Profile stored = seed(currentUserId(), profile.displayName, profile.relationship, profile.dateOfBirth,
                                profile.legalName);
    return deliver(Result<Profile>(stored));
}

QFuture<Result<Profile>> FakeProfileService::updateProfile(const Profile& profile)
{
    ++updateCalls;
    if (auto error = takeInjectedError())
        return deliver(Result<Profile>(*error));
    if (const Status s = validateProfile(profile); !s.ok())
        return deliver(Result<Profile>(s.error()));
    for (Profile& p : m_profiles) {
        if (p.id == profile.id) {
            const QString createdAt = p.createdAt;
            const QString userId = p.userId;
            p = profile;
            p.userId = userId;
            p.createdAt = createdAt;
            p.updatedAt = nowUtcIso();
            return deliver(Result<Profile>(p));
        }
    }
    return deliver(Result<Profile>(Error(ErrorCode::NotFound, u"No such profile."_s)));
}

QFuture<Status> FakeProfileService::removeProfile(const QString& profileId)
{
    ++removeCalls;
    if (auto error = takeInjectedError())
        return deliver(Status(*error));
    const auto removed = m_profiles.removeIf([&](const Profile& p) { return p.id == profileId; });
    if (removed == 0)
        return deliver(Status(Error(ErrorCode::NotFound, u"No such profile."_s)));
    return deliver(Status());
}

} // namespace hh::test
