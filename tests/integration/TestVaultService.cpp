// Accounts, profiles and the vault key paths (keychain, password, no keychain) through the real
// service over the encrypted database.
#include "core/vault/VaultHeader.h"
#include "db/ConnectionFactory.h"
#include "db/VaultService.h"
#include "support/FakeKeychain.h"
#include "support/ResultText.h"
#include "support/FileChecks.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QThreadPool>
#include <QtConcurrent>
#include <QTest>

using namespace hh;
using hh::db::VaultService;

namespace {
SecretBytes pw(const char* s)
{
    return SecretBytes(QByteArray(s));
}

Profile makeProfile(const QString& name, Relationship r = Relationship::Other)
{
    Profile p;
    p.displayName = name;
    p.relationship = r;
    return p;
}
} // namespace

class TestVaultService : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void createSignInAndFiles()
    {
        QTemporaryDir dir;
        auto* keychain = new test::FakeKeychain(true);
        VaultService vault(dir.path(), std::unique_ptr<IKeychain>(keychain));
        QVERIFY(!vault.vaultExists());
        auto user = vault.createAccount(QStringLiteral("Ana@Example.org"), QStringLiteral("Ana"), pw("password-1"))
                        .result();
        QVERIFY2(user.ok(), qPrintable(test::why(user)));
        QCOMPARE(user->email, QStringLiteral("Ana@Example.org"));
        QVERIFY(vault.vaultExists());
        QCOMPARE(vault.currentUser()->id, user->id);
        QCOMPARE(vault.lastEmail(), QStringLiteral("Ana@Example.org"));
        QCOMPARE(keychain->entries().size(), 1); // key stored in the keychain
        QCOMPARE(test::posixMode(vault.paths().database()), 0600);
        QCOMPARE(test::posixMode(vault.paths().header()), 0600);
        QCOMPARE(test::posixMode(dir.path()) & 077, 0);

        auto added = vault.addProfile(makeProfile(QStringLiteral("Mom"), Relationship::Mother)).result();
        QVERIFY(added.ok());
        vault.lock();
        QVERIFY(!vault.currentUser());
        QCOMPARE(vault.listProfiles().result().error().code(), ErrorCode::InvalidInput);

        // Keychain path.
        const int readsBefore = keychain->reads;
        auto again = vault.signIn(QStringLiteral("ana@example.org"), pw("password-1")).result();
        QVERIFY(again.ok());
        QVERIFY(keychain->reads > readsBefore);
        auto list = vault.listProfiles().result();
        QVERIFY(list.ok());
        QCOMPARE(list->size(), 1);
        QCOMPARE(list->first().displayName, QStringLiteral("Mom"));
        QCOMPARE(list->first().relationship, Relationship::Mother);
        vault.signOut();
        QCOMPARE(vault.lastEmail(), QString());

        // Wrong password with the keychain holding the key: still refused.
        QCOMPARE(vault.signIn(QStringLiteral("ana@example.org"), pw("password-2")).result().error().code(),
                 ErrorCode::WrongPassword);
        QCOMPARE(vault.signIn(QStringLiteral("nobody@example.org"), pw("password-1")).result().error().code(),
                 ErrorCode::NotFound);
        QVERIFY(!vault.currentUser());
    }

    void passwordPathRestoresKeychain()
    {
        QTemporaryDir dir;
        auto* keychain = new test::FakeKeychain(true);
        VaultService vault(dir.path(), std::unique_ptr<IKeychain>(keychain));
        QVERIFY(vault.createAccount(QStringLiteral("a@example.org"), QStringLiteral("A"), pw("password-1")).result().ok());
        const auto entries = keychain->entries();
        vault.lock();
        keychain->clear(); // a new laptop: the keychain has no entry
        QVERIFY(vault.signIn(QStringLiteral("a@example.org"), pw("password-1")).result().ok());
        QCOMPARE(keychain->entries(), entries); // restored
        vault.lock();
        keychain->clear();
        QCOMPARE(vault.signIn(QStringLiteral("a@example.org"), pw("wrong-password")).result().error().code(),
                 ErrorCode::WrongPassword);
        QVERIFY(keychain->entries().isEmpty());
    }

    void staleKeychainEntryFallsBackToPassword()
    {
        QTemporaryDir dir;
        auto* keychain = new test::FakeKeychain(true);
        VaultService vault(dir.path(), std::unique_ptr<IKeychain>(keychain));
        QVERIFY(vault.createAccount(QStringLiteral("a@example.org"), QStringLiteral("A"), pw("password-1")).result().ok());
        vault.lock();
        const QString entry = keychain->entries().keys().constFirst();
        const QByteArray good = keychain->entries().value(entry);
        keychain->setEntry(entry, SecretBytes::random(32).toByteArray());
        auto user = vault.signIn(QStringLiteral("a@example.org"), pw("password-1")).result();
        QVERIFY2(user.ok(), qPrintable(test::why(user)));
        QCOMPARE(keychain->entries().value(entry), good);
    }

    void noKeychain()
    {
        QTemporaryDir dir;
        {
            VaultService vault(dir.path(), std::make_unique<test::FakeKeychain>(false));
            QVERIFY(vault.createAccount(QStringLiteral("a@example.org"), QStringLiteral("A"), pw("password-1")).result().ok());
            QVERIFY(vault.addProfile(makeProfile(QStringLiteral("Dad"))).result().ok());
        }
        VaultService vault(dir.path(), std::make_unique<NoKeychain>());
        QVERIFY(vault.signIn(QStringLiteral("a@example.org"), pw("password-1")).result().ok());
        QCOMPARE(vault.listProfiles().result()->size(), 1);
        QCOMPARE(vault.signIn(QStringLiteral("a@example.org"), pw("nope-nope")).result().error().code(),
                 ErrorCode::WrongPassword);
    }

    void changePassword()
    {
        QTemporaryDir dir;
        VaultService vault(dir.path(), std::make_unique<test::FakeKeychain>(false));
        QVERIFY(vault.createAccount(QStringLiteral("a@example.org"), QStringLiteral("A"), pw("password-1")).result().ok());
        QVERIFY(vault.addProfile(makeProfile(QStringLiteral("Child"), Relationship::Child)).result().ok());
        QCOMPARE(vault.changePassword(pw("not-the-old"), pw("password-2")).result().error().code(),
                 ErrorCode::WrongPassword);
        QCOMPARE(vault.changePassword(pw("password-1"), pw("short")).result().error().code(), ErrorCode::InvalidInput);
        QVERIFY(vault.changePassword(pw("password-1"), pw("password-2")).result().ok());
        vault.lock();
        QCOMPARE(vault.signIn(QStringLiteral("a@example.org"), pw("password-1")).result().error().code(),
                 ErrorCode::WrongPassword);
        QVERIFY(vault.signIn(QStringLiteral("a@example.org"), pw("password-2")).result().ok());
        QCOMPARE(vault.listProfiles().result()->size(), 1); // same data, same key
    }

    // changePassword() re-wraps the key in the header, then commits the new hash: a crash in between leaves the
    // header on the new password and the hash on the old one. Signing in with the new password (no keychain)
    // completes the change instead of locking the account out; a wrong password still fails.
    void interruptedPasswordChangeCompletesAtSignIn()
    {
        QTemporaryDir dir;
        {
            VaultService vault(dir.path(), std::make_unique<NoKeychain>());
            QVERIFY(vault.createAccount(QStringLiteral("a@example.org"), QStringLiteral("A"), pw("password-1")).result().ok());
            QVERIFY(vault.addProfile(makeProfile(QStringLiteral("Child"), Relationship::Child)).result().ok());
            vault.lock();
            // The header half of a change to password-2, as the crash left it.
            NoKeychain none;
            VaultKeys keys(vault.paths(), none);
            auto key = keys.unlockWithPassword(QStringLiteral("a@example.org"), pw("password-1"));
            QVERIFY(key.ok());
            QVERIFY(keys.setAccountPassword(*key, QStringLiteral("a@example.org"), pw("password-2")).ok());
        }
        VaultService vault(dir.path(), std::make_unique<NoKeychain>());
        QCOMPARE(vault.signIn(QStringLiteral("a@example.org"), pw("wrong-password")).result().error().code(),
                 ErrorCode::WrongPassword);
        auto signedIn = vault.signIn(QStringLiteral("a@example.org"), pw("password-2")).result();
        QVERIFY2(signedIn.ok(), qPrintable(test::why(signedIn)));
        QCOMPARE(vault.listProfiles().result()->size(), 1);
        vault.lock();
        // Completed: the new password goes on working, the old one is gone.
        QVERIFY(vault.signIn(QStringLiteral("a@example.org"), pw("password-2")).result().ok());
        vault.lock();
        QCOMPARE(vault.signIn(QStringLiteral("a@example.org"), pw("password-1")).result().error().code(),
                 ErrorCode::WrongPassword);
    }

    void accountsAreIsolated()
    {
        QTemporaryDir dir;
        VaultService vault(dir.path(), std::make_unique<test::FakeKeychain>(false));
        QVERIFY(vault.createAccount(QStringLiteral("a@example.org"), QStringLiteral("A"), pw("password-a")).result().ok());
        QVERIFY(vault.addProfile(makeProfile(QStringLiteral("A's mom"))).result().ok());
        // A second account while A is signed in: shares the vault.
        auto b = vault.createAccount(QStringLiteral("b@example.org"), QStringLiteral("B"), pw("password-b")).result();
        QVERIFY(b.ok());
        QCOMPARE(vault.listProfiles().result()->size(), 0);
        auto bDad = vault.addProfile(makeProfile(QStringLiteral("B's dad"))).result();
        QVERIFY(bDad.ok());
        // Duplicate email, case-insensitive.
        QCOMPARE(vault.createAccount(QStringLiteral("A@EXAMPLE.org"), QStringLiteral("X"), pw("password-x")).result()
                     .error().code(),
                 ErrorCode::AlreadyExists);
        vault.lock();
        QVERIFY(vault.signIn(QStringLiteral("a@example.org"), pw("password-a")).result().ok());
        auto list = vault.listProfiles().result();
        QCOMPARE(list->size(), 1);
        QCOMPARE(list->first().displayName, QStringLiteral("A's mom"));
        // A cannot touch B's profile.
        QCOMPARE(vault.removeProfile(bDad->id).result().error().code(), ErrorCode::NotFound);
        Profile hijack = *bDad;
        hijack.displayName = QStringLiteral("mine");
        QCOMPARE(vault.updateProfile(hijack).result().error().code(), ErrorCode::NotFound);
        QCOMPARE(vault.findProfile(QStringLiteral("B's dad")).result().error().code(), ErrorCode::NotFound);
    }

    // Account ▸ Add another account while signed in: the window's services go on using the running session's
    // connections on their threads until the new account's session replaces it, and a refused new account (a
    // duplicate email) leaves the session as it was. It used to close them all first (a sync mid-batch lost its
    // connection; after a duplicate email the window had no session: "Sign in first").
    void anotherAccountKeepsTheRunningSession()
    {
        QTemporaryDir dir;
        VaultService vault(dir.path(), std::make_unique<test::FakeKeychain>(false));
        QVERIFY(vault.createAccount(QStringLiteral("a@example.org"), QStringLiteral("A"), pw("password-a")).result().ok());
        QVERIFY(vault.addProfile(makeProfile(QStringLiteral("A's mom"))).result().ok());
        const std::shared_ptr<hh::db::ConnectionFactory> factory = vault.connections();
        QThreadPool service; // a service's own thread, keeping its connection between calls
        service.setMaxThreadCount(1);
        service.setExpiryTimeout(-1);
        auto countProfiles = [&service, factory] {
            return QtConcurrent::run(&service, [factory]() -> int {
                       auto db = factory->connection(QStringLiteral("service"));
                       if (!db)
                           return -1;
                       QSqlQuery q(*db);
                       return q.exec(QStringLiteral("SELECT count(*) FROM profiles")) && q.next() ? q.value(0).toInt()
                                                                                                 : -2;
                   })
                .result();
        };
        QCOMPARE(countProfiles(), 1);

        const auto duplicate =
            vault.createAccount(QStringLiteral("A@example.org"), QStringLiteral("X"), pw("password-x")).result();
        QCOMPARE(duplicate.error().code(), ErrorCode::AlreadyExists);
        QCOMPARE(vault.currentUser()->email, QStringLiteral("a@example.org"));
        QCOMPARE(vault.listProfiles().result()->size(), 1); // still signed in
        QCOMPARE(countProfiles(), 1);

        QVERIFY(vault.createAccount(QStringLiteral("b@example.org"), QStringLiteral("B"), pw("password-b")).result().ok());
        QCOMPARE(vault.currentUser()->email, QStringLiteral("b@example.org"));
        QCOMPARE(vault.listProfiles().result()->size(), 0);
        QCOMPARE(countProfiles(), 1); // the old session's connection, still open for its service
        QtConcurrent::run(&service, [factory] { factory->releaseThreadConnections(); }).waitForFinished();
    }

    void existingVaultNeedsKey()
    {
        QTemporaryDir dir;
        {
            VaultService vault(dir.path(), std::make_unique<test::FakeKeychain>(false));
            QVERIFY(vault.createAccount(QStringLiteral("a@example.org"), QStringLiteral("A"), pw("password-a")).result().ok());
        }
        VaultService vault(dir.path(), std::make_unique<test::FakeKeychain>(false));
        auto r = vault.createAccount(QStringLiteral("b@example.org"), QStringLiteral("B"), pw("password-b")).result();
        QCOMPARE(r.error().code(), ErrorCode::InvalidInput);
        QVERIFY(!r.error().message().isEmpty());
    }

    void profilesCrudAndCascade()
    {
        QTemporaryDir dir;
        VaultService vault(dir.path(), std::make_unique<test::FakeKeychain>(false));
        QVERIFY(vault.createAccount(QStringLiteral("a@example.org"), QStringLiteral("A"), pw("password-a")).result().ok());
        Profile mom = makeProfile(QStringLiteral("Mom"), Relationship::Mother);
        mom.legalName = QStringLiteral("Maria Lopez");
        mom.dateOfBirth = QDate(1946, 3, 2);
        auto added = vault.addProfile(mom).result();
        QVERIFY(added.ok());
        QVERIFY(!added->id.isEmpty());
        QCOMPARE(vault.addProfile(makeProfile(QStringLiteral("  "))).result().error().code(), ErrorCode::InvalidInput);
        Profile future = makeProfile(QStringLiteral("Later"));
        future.dateOfBirth = QDate::currentDate().addDays(2);
        QCOMPARE(vault.addProfile(future).result().error().code(), ErrorCode::InvalidInput);

        Profile edited = *added;
        edited.displayName = QStringLiteral("Mum");
        edited.dateOfBirth = QDate();
        auto updated = vault.updateProfile(edited).result();
        QVERIFY(updated.ok());
        auto found = vault.findProfile(QStringLiteral("mum")).result();
        QVERIFY(found.ok());
        QCOMPARE(found->id, added->id);
        QVERIFY(!found->dateOfBirth.isValid());
        QCOMPARE(found->legalName, QStringLiteral("Maria Lopez"));

        // Everything of the profile goes with it.
        auto factory = vault.connections();
        QVERIFY(factory);
        auto insert = QtConcurrent::run([&] {
            auto db = factory->connection(QStringLiteral("test"));
            QSqlQuery q(*db);
            const QString now = nowUtcIso();
            bool ok = q.exec(QStringLiteral("INSERT INTO emr_endpoints (id, vendor, name, fhir_base_url, created_at, "
                                            "updated_at) VALUES ('e1','epic','X','https://x.example/fhir','%1','%1')")
                                 .arg(now));
            ok = ok && q.exec(QStringLiteral("INSERT INTO profile_emr_connections (id, profile_id, endpoint_id, provider, "
                                             "created_at, updated_at) VALUES ('c1','%1','e1','epic','%2','%2')")
                                  .arg(added->id, now));
            ok = ok && q.exec(QStringLiteral("INSERT INTO profile_summary (profile_id, status, updated_at) "
                                             "VALUES ('%1','ready','%2')").arg(added->id, now));
            factory->releaseThreadConnections();
            return ok;
        });
        QVERIFY(insert.result());
        QVERIFY(vault.removeProfile(added->id).result().ok());
        QCOMPARE(vault.removeProfile(added->id).result().error().code(), ErrorCode::NotFound);
        auto count = QtConcurrent::run([&] {
            auto db = factory->connection(QStringLiteral("test"));
            QSqlQuery q(*db);
            int n = -1;
            if (q.exec(QStringLiteral("SELECT (SELECT count(*) FROM profile_emr_connections) + "
                                      "(SELECT count(*) FROM profile_summary)")) && q.next())
                n = q.value(0).toInt();
            factory->releaseThreadConnections();
            return n;
        });
        QCOMPARE(count.result(), 0);
    }

    void newerVaultRefused()
    {
        QTemporaryDir dir;
        {
            VaultService vault(dir.path(), std::make_unique<test::FakeKeychain>(false));
            QVERIFY(vault.createAccount(QStringLiteral("a@example.org"), QStringLiteral("A"), pw("password-a")).result().ok());
        }
        const QString headerPath = QDir(dir.path()).filePath(QStringLiteral("vault.header"));
        QJsonObject o = QJsonDocument::fromJson(test::readAll(headerPath)).object();
        o.insert(QStringLiteral("version"), VaultHeader::kFormatVersion + 1);
        QFile f(headerPath);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(QJsonDocument(o).toJson());
        f.close();
        VaultService vault(dir.path(), std::make_unique<test::FakeKeychain>(false));
        QCOMPARE(vault.signIn(QStringLiteral("a@example.org"), pw("password-a")).result().error().code(),
                 ErrorCode::VaultTooNew);
    }

    void missingVault()
    {
        QTemporaryDir dir;
        VaultService vault(dir.filePath(QStringLiteral("none")), std::make_unique<test::FakeKeychain>(false));
        QCOMPARE(vault.signIn(QStringLiteral("a@example.org"), pw("password-a")).result().error().code(),
                 ErrorCode::VaultMissing);
    }
};

QTEST_GUILESS_MAIN(TestVaultService)
#include "TestVaultService.moc"
