// The vault key in a real Secret Service: gnome-keyring in a private D-Bus session
// (tests/support/with-keyring.sh).
#include "core/vault/Keychain.h"
#include "core/vault/VaultKeys.h"
#include "db/VaultService.h"
#include "support/ResultText.h"

#include <QtConcurrent>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace hh;

class TestKeychain : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
            QSKIP("no D-Bus session: run through tests/support/with-keyring.sh (ctest does)");
    }

    void writeReadRemove()
    {
        // QtKeychain jobs run their own event loop: call from a worker thread, as the app does.
        auto result = QtConcurrent::run([] {
            SystemKeychain keychain(QStringLiteral("HealthHubTest"));
            const SecretBytes secret = SecretBytes::random(32);
            const QString key = QStringLiteral("vault-test");
            QStringList problems;
            if (Status st = keychain.write(key, secret); !st)
                problems << QStringLiteral("write: ") + st.error().detail();
            auto back = keychain.read(key);
            if (!back || !back->equals(secret))
                problems << QStringLiteral("read back differs");
            if (Status st = keychain.remove(key); !st)
                problems << QStringLiteral("remove: ") + st.error().detail();
            auto gone = keychain.read(key);
            if (gone || gone.error().code() != ErrorCode::NotFound)
                problems << QStringLiteral("entry still there after remove");
            return problems;
        }).result();
        QVERIFY2(result.isEmpty(), qPrintable(result.join(u"; ")));
    }

    void vaultOpensFromKeychain()
    {
        QTemporaryDir dir;
        const SecretBytes password(QByteArray("keychain-pass"));
        {
            db::VaultService vault(dir.path(), std::make_unique<SystemKeychain>(QStringLiteral("HealthHubTest")));
            auto user = vault.createAccount(QStringLiteral("k@example.org"), QStringLiteral("K"), password).result();
            QVERIFY2(user.ok(), qPrintable(test::why(user)));
        }
        // The key is in the keychain under the vault id.
        auto inKeychain = QtConcurrent::run([&] {
            SystemKeychain keychain(QStringLiteral("HealthHubTest"));
            VaultKeys keys(VaultPaths{dir.path()}, keychain);
            return test::why(keys.keyFromKeychain());
        }).result();
        QCOMPARE(inKeychain, QStringLiteral("ok"));

        // Damage the header's wrapping: the vault still opens, because the key comes from the keychain.
        const QString headerPath = dir.filePath(QStringLiteral("vault.header"));
        QFile f(headerPath);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QJsonObject header = QJsonDocument::fromJson(f.readAll()).object();
        f.close();
        QJsonArray accounts = header.value(u"accounts").toArray();
        QJsonObject account = accounts.at(0).toObject();
        account.insert(QStringLiteral("wrapped"), QString::fromLatin1(SecretBytes::random(72).toByteArray().toBase64()));
        accounts.replace(0, account);
        header.insert(QStringLiteral("accounts"), accounts);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(QJsonDocument(header).toJson());
        f.close();

        db::VaultService vault(dir.path(), std::make_unique<SystemKeychain>(QStringLiteral("HealthHubTest")));
        auto user = vault.signIn(QStringLiteral("k@example.org"), password).result();
        QVERIFY2(user.ok(), qPrintable(test::why(user)));
        QVERIFY(vault.listProfiles().result().ok());
        vault.lock();
        QCOMPARE(vault.signIn(QStringLiteral("k@example.org"), SecretBytes(QByteArray("wrong-pass"))).result()
                     .error().code(),
                 ErrorCode::WrongPassword);
    }
};

QTEST_GUILESS_MAIN(TestKeychain)
#include "TestKeychain.moc"
