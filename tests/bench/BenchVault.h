#pragma once

// Vaults of healthhub-bench. DemoAccountVault is a real app vault (VaultService, the demo account of
// `healthhub --demo`): the local pipeline writes the big patient into it, the profile view reads it and
// the startup runs open it. BareVault is a bare encrypted database (ConnectionFactory::createDatabase,
// random key) for the raw-insert baseline and the child sync process.

#include "core/Domain.h"
#include "core/Result.h"
#include "core/SecretBytes.h"

#include <QList>
#include <QString>
#include <QTemporaryDir>
#include <QUrl>

#include <memory>

namespace hh::db {
class ConnectionFactory;
class VaultService;
}

namespace hh::bench {

// Inserts an endpoint (if missing) and a 'connected' connection of the profile; returns the connection id.
// role: the connection role to use (two factories alive in one thread need different roles).
[[nodiscard]] Result<QString> addConnection(db::ConnectionFactory& factory, const QString& profileId,
                                            const QString& endpointId, const QUrl& fhirBase,
                                            const QString& patientId, const QString& role = QStringLiteral("bench"));

class DemoAccountVault
{
public:
    explicit DemoAccountVault(const QString& dataDir);
    ~DemoAccountVault();
    DemoAccountVault(const DemoAccountVault&) = delete;
    DemoAccountVault& operator=(const DemoAccountVault&) = delete;

    // Creates the demo account and the demo family's profiles (self, Mom, Dad, the child), as the app does.
    [[nodiscard]] Status create();
    [[nodiscard]] std::shared_ptr<db::ConnectionFactory> factory() const;
    [[nodiscard]] const QString& userId() const { return m_user.id; }
    [[nodiscard]] const QList<Profile>& profiles() const { return m_profiles; }
    [[nodiscard]] Profile profile(Relationship relationship) const; // the first such profile
    // Locks the vault (the calling thread's connections must be released first).
    void lock();

private:
    std::unique_ptr<db::VaultService> m_vault;
    User m_user;
    QList<Profile> m_profiles;
};

class BareVault
{
public:
    static constexpr const char* kRole = "bench_raw"; // default role of this vault's connections

    // role: of this vault's connections (two vaults used in one thread need different roles).
    explicit BareVault(QString role = QString::fromLatin1(kRole));
    ~BareVault();
    BareVault(const BareVault&) = delete;
    BareVault& operator=(const BareVault&) = delete;

    // Creates the database with one account and one profile.
    [[nodiscard]] Status create();
    [[nodiscard]] std::shared_ptr<db::ConnectionFactory> factory() const { return m_factory; }
    [[nodiscard]] QString path() const;
    [[nodiscard]] QByteArray keyHex() const; // handed to the child process on its stdin only
    [[nodiscard]] const QString& userId() const { return m_userId; }
    [[nodiscard]] const QString& profileId() const { return m_profileId; }
    [[nodiscard]] const QString& role() const { return m_role; }

private:
    QString m_role;
    QTemporaryDir m_dir;
    QByteArray m_key;
    std::shared_ptr<db::ConnectionFactory> m_factory;
    QString m_userId;
    QString m_profileId;
};

} // namespace hh::bench
