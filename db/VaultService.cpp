#include "db/VaultService.h"

#include "core/Log.h"
#include "core/Validation.h"
#include "core/vault/Crypto.h"
#include "db/ConnectionFactory.h"
#include "db/ProfileStore.h"
#include "db/UserStore.h"

#include <QCoreApplication>
#include <QFile>
#include <QSettings>
#include <QSqlQuery>
#include <QPromise>
#include <QtConcurrent>

namespace hh::db {

namespace {
// Runs fn on the service's worker thread. A QPromise-backed future (unlike QtConcurrent::run's)
// cannot be stolen and run by a thread that waits on it, so every operation really runs on the
// one worker thread that owns the service connection.
template<typename F>
auto runOnWorker(QThreadPool& pool, F fn) -> QFuture<decltype(fn())>
{
    using R = decltype(fn());
    auto promise = std::make_shared<QPromise<R>>();
    QFuture<R> future = promise->future();
    promise->start();
    pool.start([promise, fn = std::move(fn)]() mutable {
        if constexpr (std::is_void_v<R>) {
            fn();
        } else {
            promise->addResult(fn());
        }
        promise->finish();
    });
    return future;
}
} // namespace

struct VaultService::Session {
    User user;
    SecretBytes key;
    std::shared_ptr<ConnectionFactory> factory;
};

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(hh::db::VaultService)
};

const QString kRole = QStringLiteral("service");

Error locked()
{
    return Error(ErrorCode::InvalidInput, Tr::tr("Sign in first."), QStringLiteral("vault locked"));
}
} // namespace

VaultService::VaultService(QString dataDir, std::unique_ptr<IKeychain> keychain)
    : m_paths{std::move(dataDir)}, m_keychain(std::move(keychain))
{
    m_pool.setMaxThreadCount(1);
    m_pool.setExpiryTimeout(-1);
}

VaultService::~VaultService()
{
    close(false);
    m_pool.waitForDone();
}

bool VaultService::vaultExists() const
{
    return QFile::exists(m_paths.header());
}

QString VaultService::lastEmail() const
{
    QSettings s(m_paths.settings(), QSettings::IniFormat);
    return s.value(QStringLiteral("account/lastEmail")).toString();
}

void VaultService::rememberEmail(const QString& email) const
{
    QSettings s(m_paths.settings(), QSettings::IniFormat);
    if (email.isEmpty())
        s.remove(QStringLiteral("account/lastEmail"));
    else
        s.setValue(QStringLiteral("account/lastEmail"), email);
    s.sync();
    QFile::setPermissions(m_paths.settings(), QFileDevice::ReadOwner | QFileDevice::WriteOwner);
}

std::shared_ptr<VaultService::Session> VaultService::session() const
{
    QMutexLocker lock(&m_mutex);
    return m_session;
}

std::optional<User> VaultService::currentUser() const
{
    auto s = session();
    if (!s)
        return std::nullopt;
    return s->user;
}

std::shared_ptr<ConnectionFactory> VaultService::connections() const
{
    auto s = session();
    return s ? s->factory : nullptr;
}

SecretBytes VaultService::secretsKey() const
{
    auto s = session();
    return s ? crypto::deriveSubkey(s->key, "hhsecret") : SecretBytes();
}

QFuture<Result<User>> VaultService::createAccount(const QString& email, const QString& name,
                                                  const SecretBytes& password)
{
    return runOnWorker(m_pool, [this, email, name, password]() -> Result<User> {
        if (Status st = validateEmail(email); !st)
            return st.error();
        if (Status st = validateAccountName(name); !st)
            return st.error();
        if (Status st = validateNewPassword(QString::fromUtf8(password.toByteArray())); !st)
            return st.error();

        VaultKeys keys(m_paths, *m_keychain);
        auto hash = crypto::hashPassword(password);
        if (!hash)
            return hash.error();

        const bool newVault = !keys.exists();
        SecretBytes key;
        std::shared_ptr<Session> running; // Account ▸ Add another account: the signed-in session goes on meanwhile
        if (newVault) {
            if (QFile::exists(m_paths.database()))
                return Error(
                    ErrorCode::VaultCorrupt,
                    Tr::tr("The data folder holds a database without its vault header; it cannot be opened."),
                    QStringLiteral("database without header"));
            auto created = keys.create(email, password);
            if (!created)
                return created.error();
            key = *created;
            if (Status st = ConnectionFactory::createDatabase(m_paths.database(), key); !st) {
                QFile::remove(m_paths.header());
                QFile::remove(m_paths.database());
                return st.error();
            }
        } else if (auto current = session()) {
            key = current->key;
            running = current;
        } else {
            auto fromKeychain = keys.keyFromKeychain();
            if (!fromKeychain)
                return Error(ErrorCode::InvalidInput,
                             Tr::tr("A vault already exists here. Sign in with an existing account to add another "
                                    "account."),
                             QStringLiteral("existing vault, no key"));
            key = *fromKeychain;
        }

        if (running) {
            // The running session's services (sync, pipeline, views) still use its connections on their threads:
            // only this worker thread's connection is released (its name would collide with the new factory's).
            // The session is replaced once the account exists; a failure leaves it as it was. Its factory closes
            // when its last user (the window's session, ended by the Shell) lets it go.
            running->factory->releaseThreadConnections();
        } else {
            close(false); // one session at a time; its connection names would collide
        }
        auto factory = std::make_shared<ConnectionFactory>(m_paths.database(), key);
        auto db = factory->connection(kRole);
        if (!db)
            return db.error();
        UserStore users(*db);
        auto user = users.create(email, name, *hash);
        if (!user) {
            factory->releaseThreadConnections();
            if (newVault) {
                QFile::remove(m_paths.header());
                for (const QString& suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
                    QFile::remove(m_paths.database() + suffix);
            }
            return user.error();
        }
        if (!newVault) {
            if (Status st = keys.setAccountPassword(key, email, password); !st) {
                QSqlQuery q(*db);
                q.prepare(QStringLiteral("DELETE FROM users WHERE id = ?"));
                q.addBindValue(user->id);
                (void)q.exec();
                factory->releaseThreadConnections();
                return st.error();
            }
        }
        {
            QMutexLocker lock(&m_mutex);
            m_session = std::make_shared<Session>(Session{*user, key, factory});
        }
        rememberEmail(user->email);
        qCInfo(lcVault) << "account created" << (newVault ? "with a new vault" : "in an existing vault");
        return user;
    });
}

namespace {
bool finishInterruptedPasswordChange(VaultKeys& keys, UserStore& users, const UserStore::Account& account,
                                     const SecretBytes& key, const SecretBytes& password)
{
    // changePassword() re-wraps the key in the header before it commits the new hash: a crash in between
    // leaves the header on the new password and the hash on the old one. The header's entry for this account
    // opening with this password, to this vault's key, proves the change was made (only someone holding the
    // key and the old password could write it): the hash is brought in line.
    auto wrapped = keys.unlockWithPassword(account.user.email, password);
    if (!wrapped || !wrapped->equals(key))
        return false;
    auto hash = crypto::hashPassword(password);
    if (!hash)
        return false;
    return users.updatePasswordHash(account.user.id, *hash).ok();
}
} // namespace

QFuture<Result<User>> VaultService::signIn(const QString& email, const SecretBytes& password)
{
    return runOnWorker(m_pool, [this, email, password]() -> Result<User> {
        if (!vaultExists())
            return Error(ErrorCode::VaultMissing,
                         Tr::tr("There is no vault in this data folder. Create an account first."),
                         QStringLiteral("no header"));
        close(false);
        VaultKeys keys(m_paths, *m_keychain);
        auto unlocked = keys.unlock(email, password);
        if (!unlocked)
            return unlocked.error();
        SecretBytes key = unlocked->key;
        auto factory = std::make_shared<ConnectionFactory>(m_paths.database(), key);
        auto db = factory->connection(kRole);
        if (!db && db.error().code() == ErrorCode::WrongPassword && unlocked->source == VaultKeys::Source::Keychain) {
            // A stale keychain entry: the password-wrapped key decides.
            factory->releaseThreadConnections();
            auto fromPassword = keys.unlockWithPassword(email, password);
            if (!fromPassword)
                return fromPassword.error();
            key = *fromPassword;
            factory = std::make_shared<ConnectionFactory>(m_paths.database(), key);
            db = factory->connection(kRole);
        }
        if (!db)
            return db.error();
        UserStore users(*db);
        auto account = users.findByEmail(email);
        const bool passwordOk = account && crypto::verifyPassword(account->passwordHash, password);
        if (account && !passwordOk && finishInterruptedPasswordChange(keys, users, *account, key, password)) {
            qCInfo(lcVault) << "an interrupted password change was completed";
        } else if (!passwordOk) {
            factory->releaseThreadConnections();
            if (!account && account.error().code() != ErrorCode::NotFound)
                return account.error();
            return Error(account ? ErrorCode::WrongPassword : ErrorCode::NotFound,
                         account ? Tr::tr("The password is not correct.")
                                 : Tr::tr("No account with this email address exists in this vault."),
                         QStringLiteral("sign-in refused"));
        }
        {
            QMutexLocker lock(&m_mutex);
            m_session = std::make_shared<Session>(Session{account->user, key, factory});
        }
        rememberEmail(account->user.email);
        qCInfo(lcVault) << "signed in, key from"
                        << (unlocked->source == VaultKeys::Source::Keychain ? "keychain" : "password");
        return account->user;
    });
}

QFuture<Status> VaultService::changePassword(const SecretBytes& oldPassword, const SecretBytes& newPassword)
{
    return runOnWorker(m_pool, [this, oldPassword, newPassword]() -> Status {
        auto s = session();
        if (!s)
            return locked();
        if (Status st = validateNewPassword(QString::fromUtf8(newPassword.toByteArray())); !st)
            return st;
        auto db = s->factory->connection(kRole);
        if (!db)
            return db.error();
        UserStore users(*db);
        auto account = users.findByEmail(s->user.email);
        if (!account)
            return account.error();
        if (!crypto::verifyPassword(account->passwordHash, oldPassword))
            return Error(ErrorCode::WrongPassword, Tr::tr("The current password is not correct."),
                         QStringLiteral("old password refused"));
        auto hash = crypto::hashPassword(newPassword);
        if (!hash)
            return hash.error();
        if (!db->transaction())
            return Error(ErrorCode::Database, Tr::tr("The password could not be changed."),
                         QStringLiteral("begin"));
        if (Status st = users.updatePasswordHash(s->user.id, *hash); !st) {
            db->rollback();
            return st;
        }
        VaultKeys keys(m_paths, *m_keychain);
        if (Status st = keys.setAccountPassword(s->key, s->user.email, newPassword); !st) {
            db->rollback();
            return st;
        }
        if (!db->commit()) {
            // The header already holds the new wrapping; put the old one back so both agree.
            (void)keys.setAccountPassword(s->key, s->user.email, oldPassword);
            db->rollback();
            return Error(ErrorCode::Database, Tr::tr("The password could not be changed."),
                         QStringLiteral("commit"));
        }
        qCInfo(lcVault) << "password changed, vault key re-wrapped";
        return success();
    });
}

void VaultService::close(bool forgetEmail)
{
    std::shared_ptr<Session> s;
    {
        QMutexLocker lock(&m_mutex);
        s.swap(m_session);
    }
    if (s && s->factory) {
        // Connections belong to the worker thread: release them there.
        auto factory = s->factory;
        if (m_pool.contains(QThread::currentThread()))
            factory->releaseThreadConnections(); // called from an operation on the worker itself
        else
            runOnWorker(m_pool, [factory] { factory->releaseThreadConnections(); }).waitForFinished();
        factory->closeAll();
    }
    if (forgetEmail)
        rememberEmail(QString());
}

void VaultService::lock()
{
    close(false);
}

void VaultService::signOut()
{
    close(true);
}

template<typename R, typename Work>
QFuture<R> VaultService::withProfileStore(Work work)
{
    return runOnWorker(m_pool, [this, work = std::move(work)]() -> R {
        auto s = session();
        if (!s)
            return locked();
        auto db = s->factory->connection(kRole);
        if (!db)
            return db.error();
        ProfileStore store(*db, s->user.id);
        return work(store);
    });
}

QFuture<Result<QList<Profile>>> VaultService::listProfiles()
{
    return withProfileStore<Result<QList<Profile>>>([](ProfileStore& store) { return store.list(); });
}

QFuture<Result<Profile>> VaultService::addProfile(const Profile& profile)
{
    return withProfileStore<Result<Profile>>([profile](ProfileStore& store) { return store.add(profile); });
}

QFuture<Result<Profile>> VaultService::updateProfile(const Profile& profile)
{
    return withProfileStore<Result<Profile>>([profile](ProfileStore& store) { return store.update(profile); });
}

QFuture<Status> VaultService::removeProfile(const QString& profileId)
{
    return withProfileStore<Status>([profileId](ProfileStore& store) { return store.remove(profileId); });
}

QFuture<Result<Profile>> VaultService::findProfile(const QString& nameOrId)
{
    return withProfileStore<Result<Profile>>([nameOrId](ProfileStore& store) { return store.find(nameOrId); });
}

} // namespace hh::db
