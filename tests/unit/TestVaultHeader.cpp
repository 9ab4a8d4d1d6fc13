#include "core/vault/Crypto.h"
#include "core/vault/VaultHeader.h"
#include "support/FileChecks.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace hh;

namespace {
// Cheap Argon2id cost: the tests exercise the logic, not the cost.
crypto::KdfCost cheap()
{
    crypto::KdfCost c;
    c.opsLimit = 1;
    c.memLimit = 8 * 1024;
    return c;
}
SecretBytes pw(const char* s)
{
    return SecretBytes(QByteArray(s));
}
} // namespace

class TestVaultHeader : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void sealAndOpen()
    {
        const SecretBytes key = SecretBytes::random(32);
        const QByteArray sealed = crypto::seal(key, QByteArrayLiteral("token-123"));
        QVERIFY(!sealed.contains("token-123"));
        auto opened = crypto::open(key, sealed);
        QVERIFY(opened.ok());
        QCOMPARE(opened->toByteArray(), QByteArrayLiteral("token-123"));
        QByteArray tampered = sealed;
        tampered[tampered.size() - 1] = char(tampered.at(tampered.size() - 1) ^ 1);
        QCOMPARE(crypto::open(key, tampered).error().code(), ErrorCode::WrongPassword);
        QCOMPARE(crypto::open(SecretBytes::random(32), sealed).error().code(), ErrorCode::WrongPassword);
        QVERIFY(!crypto::open(key, QByteArray("short")).ok());
    }

    void passwordHash()
    {
        auto hash = crypto::hashPassword(pw("correct horse"), cheap());
        QVERIFY(hash.ok());
        QVERIFY(hash->startsWith(u"$argon2id$"));
        QVERIFY(crypto::verifyPassword(*hash, pw("correct horse")));
        QVERIFY(!crypto::verifyPassword(*hash, pw("correct horsE")));
        QVERIFY(!crypto::verifyPassword(QString(), pw("x")));
        QVERIFY(!crypto::verifyPassword(QStringLiteral("garbage"), pw("x")));
    }

    void subkeysDiffer()
    {
        const SecretBytes key = SecretBytes::random(32);
        const SecretBytes a = crypto::deriveSubkey(key, "hhsecret");
        const SecretBytes b = crypto::deriveSubkey(key, "hhtokens");
        QCOMPARE(a.size(), std::size_t(32));
        QVERIFY(!a.equals(b));
        QVERIFY(a.equals(crypto::deriveSubkey(key, "hhsecret")));
        QVERIFY(!a.equals(key));
    }

    void roundTrip()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("vault.header"));
        const SecretBytes key = SecretBytes::random(32);
        VaultHeader h = VaultHeader::create();
        QVERIFY(h.setAccountKey(QStringLiteral("Ana@Example.org"), pw("password-1"), key, cheap()).ok());
        QVERIFY(h.save(path).ok());
        QCOMPARE(test::posixMode(path), 0600);

        auto loaded = VaultHeader::load(path);
        QVERIFY(loaded.ok());
        QCOMPARE(loaded->vaultId(), h.vaultId());
        QVERIFY(loaded->hasAccount(QStringLiteral("ana@example.org ")));
        auto unwrapped = loaded->unwrapKey(QStringLiteral("ANA@example.org"), pw("password-1"));
        QVERIFY(unwrapped.ok());
        QVERIFY(unwrapped->equals(key));
        QCOMPARE(loaded->unwrapKey(QStringLiteral("ana@example.org"), pw("password-2")).error().code(),
                 ErrorCode::WrongPassword);
        QCOMPARE(loaded->unwrapKey(QStringLiteral("bob@example.org"), pw("password-1")).error().code(),
                 ErrorCode::NotFound);

        // The file does not reveal the email or the key.
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        QVERIFY(!bytes.contains("ana@example.org"));
        QVERIFY(!bytes.contains(key.toHex()));
        QVERIFY(!bytes.contains(key.toByteArray().toBase64()));
    }

    void twoAccountsAndRewrap()
    {
        const SecretBytes key = SecretBytes::random(32);
        VaultHeader h = VaultHeader::create();
        QVERIFY(h.setAccountKey(QStringLiteral("a@example.org"), pw("aaaa-aaaa"), key, cheap()).ok());
        QVERIFY(h.setAccountKey(QStringLiteral("b@example.org"), pw("bbbb-bbbb"), key, cheap()).ok());
        QCOMPARE(h.accountCount(), 2);
        QVERIFY(h.setAccountKey(QStringLiteral("a@example.org"), pw("new-password"), key, cheap()).ok());
        QCOMPARE(h.accountCount(), 2);
        QVERIFY(!h.unwrapKey(QStringLiteral("a@example.org"), pw("aaaa-aaaa")).ok());
        QVERIFY(h.unwrapKey(QStringLiteral("a@example.org"), pw("new-password"))->equals(key));
        QVERIFY(h.unwrapKey(QStringLiteral("b@example.org"), pw("bbbb-bbbb"))->equals(key));
        h.removeAccount(QStringLiteral("b@example.org"));
        QCOMPARE(h.accountCount(), 1);
    }

    void badFiles_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<int>("code");
        QTest::newRow("not json") << QByteArray("{nope") << int(ErrorCode::VaultCorrupt);
        QTest::newRow("array") << QByteArray("[]") << int(ErrorCode::VaultCorrupt);
        QTest::newRow("wrong format") << QByteArray(R"({"format":"x","version":1})") << int(ErrorCode::VaultCorrupt);
        QTest::newRow("newer") << QByteArray(R"({"format":"healthhub-vault-header","version":99})")
                               << int(ErrorCode::VaultTooNew);
        QTest::newRow("no salt") << QByteArray(R"({"format":"healthhub-vault-header","version":1,"vault_id":"x"})")
                                 << int(ErrorCode::VaultCorrupt);
    }
    void badFiles()
    {
        QFETCH(QByteArray, content);
        QFETCH(int, code);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("vault.header"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(content);
        f.close();
        auto loaded = VaultHeader::load(path);
        QVERIFY(!loaded.ok());
        QCOMPARE(int(loaded.error().code()), code);
        QVERIFY(!loaded.error().message().isEmpty());
    }

    void missing()
    {
        QTemporaryDir dir;
        QCOMPARE(VaultHeader::load(dir.filePath(QStringLiteral("none"))).error().code(), ErrorCode::VaultMissing);
    }
};

QTEST_GUILESS_MAIN(TestVaultHeader)
#include "TestVaultHeader.moc"
