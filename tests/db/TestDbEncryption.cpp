// Proof that the vault is encrypted on disk, that keys are checked, that plaintext files are
// refused, and that the statically linked SQLCipher stays private to hh_db.

#include "db/ConnectionFactory.h"
#include "db/DbTestSupport.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <dlfcn.h>

using namespace Qt::StringLiterals;
using namespace hh;
using namespace hh::db;

namespace {

// Distinctive values that must never appear in the files in clear.
const QString kDisplayName = u"Zephyrine Quaxley-Marchbanks"_s;
const QString kLegalName = u"Xanthippe Oddvarsdottir"_s;
const QString kEmail = u"wobblefrost@example.org"_s;

bool insertAccountAndProfile(QSqlDatabase& db, QString* error)
{
    QSqlQuery q(db);
    if (!q.prepare(u"INSERT INTO users (id, email, email_normalized, name, password_hash, created_at, updated_at) "
                   "VALUES (?, ?, ?, ?, ?, ?, ?)"_s)) {
        *error = q.lastError().text();
        return false;
    }
    for (const QString& v : {u"u1"_s, kEmail, kEmail, kLegalName, u"$argon2id$fake"_s,
                             u"2024-01-01T00:00:00.000Z"_s, u"2024-01-01T00:00:00.000Z"_s})
        q.addBindValue(v);
    if (!q.exec()) {
        *error = q.lastError().text();
        return false;
    }
    if (!q.prepare(
            u"INSERT INTO profiles (id, user_id, display_name, legal_name, relationship, created_at, updated_at) "
            "VALUES (:id, :user, :display, :legal, 'self', :now, :now)"_s)) {
        *error = q.lastError().text();
        return false;
    }
    q.bindValue(u":id"_s, u"p1"_s);
    q.bindValue(u":user"_s, u"u1"_s);
    q.bindValue(u":display"_s, kDisplayName);
    q.bindValue(u":legal"_s, kLegalName);
    q.bindValue(u":now"_s, u"2024-01-01T00:00:00.000Z"_s);
    if (!q.exec()) {
        *error = q.lastError().text();
        return false;
    }
    return true;
}

bool containsSecretText(const QByteArray& bytes)
{
    for (const QString& s : {kDisplayName, kLegalName, kEmail}) {
        if (bytes.contains(s.toUtf8()))
            return true;
        // UTF-16 too, in case anything stored text in that encoding
        const QByteArray utf16(reinterpret_cast<const char*>(s.utf16()), s.size() * 2);
        if (bytes.contains(utf16))
            return true;
    }
    return false;
}

const QByteArray kPlainHeader("SQLite format 3\0", 16);

} // namespace

class TestDbEncryption : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_counter = 0;
    QString newPath() { return m_dir.filePath(u"vault-%1.db"_s.arg(++m_counter)); }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    // Runs first: before anything loads Qt's QSQLITE plugin (and with it the system libsqlite3).
    void sqliteSymbolsArePrivate()
    {
        // Statically linked, yet not visible to anything resolving symbols in the process.
        QVERIFY(dlsym(RTLD_DEFAULT, "sqlite3_key") == nullptr);
        QVERIFY(dlsym(RTLD_DEFAULT, "sqlite3_open_v2") == nullptr);
        QVERIFY(dlsym(RTLD_DEFAULT, "sqlite3_prepare_v2") == nullptr);
        // ... while it works: a vault can be created and opened.
        const QString path = newPath();
        QVERIFY(ConnectionFactory::createDatabase(path, test::testKey(1)));
        // No shared SQLite/SQLCipher library is mapped into the process.
        QFile maps(u"/proc/self/maps"_s);
        QVERIFY(maps.open(QIODevice::ReadOnly));
        const QByteArray mapped = maps.readAll();
        QVERIFY(!mapped.contains("libsqlcipher"));
        QVERIFY(!mapped.contains("libsqlite3"));
    }

    void dynamicSymbolTableHasNoSqlite()
    {
        const QString nm = QStandardPaths::findExecutable(u"nm"_s);
        if (nm.isEmpty())
            QSKIP("nm (binutils) not installed");
        QProcess p;
        p.start(nm, {u"-D"_s, u"--defined-only"_s, QCoreApplication::applicationFilePath()});
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitCode(), 0);
        const QString out = QString::fromLocal8Bit(p.readAllStandardOutput());
        QVERIFY(!out.isEmpty());
        QVERIFY2(!out.contains(u" sqlite3_"_s), "sqlite3_* symbols are exported by the executable");
        // and the static library really is inside (otherwise the check above proves nothing)
        QProcess all;
        all.start(nm, {QCoreApplication::applicationFilePath()});
        QVERIFY(all.waitForFinished(30000));
        QVERIFY(QString::fromLocal8Bit(all.readAllStandardOutput()).contains(u" sqlite3_key"_s));
    }

    void noPlaintextHeaderAndCipherVersion()
    {
        const QString path = newPath();
        QVERIFY(ConnectionFactory::createDatabase(path, test::testKey(2)));
        const QByteArray bytes = test::readFileBytes(path);
        QVERIFY(bytes.size() >= 4096);
        QVERIFY(!bytes.startsWith(kPlainHeader));
        QVERIFY(!bytes.contains("SQLite format 3"));
        QVERIFY(!bytes.contains("CREATE TABLE")); // the schema is encrypted too

        ConnectionFactory factory(path, test::testKey(2));
        auto db = factory.connection();
        QVERIFY2(db, qPrintable(db.ok() ? QString() : db.error().detail()));
        QSqlQuery q(*db);
        QVERIFY(q.exec(u"PRAGMA cipher_version"_s));
        QVERIFY(q.next());
        QVERIFY(q.value(0).toString().startsWith(u"3.4"_s));
        QVERIFY(q.exec(u"PRAGMA cipher_page_size"_s));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), ConnectionFactory::kCipherPageSize);
        q = QSqlQuery();
        *db = QSqlDatabase();
        factory.releaseThreadConnections();
    }

    void databaseAndWalHoldNoPlaintext()
    {
        const QString path = newPath();
        QVERIFY(ConnectionFactory::createDatabase(path, test::testKey(3)));
        ConnectionFactory factory(path, test::testKey(3));
        auto db = factory.connection();
        QVERIFY(db);
        QString error;
        QVERIFY2(insertAccountAndProfile(*db, &error), qPrintable(error));

        // Before any checkpoint the rows live in the WAL file.
        const QByteArray wal = test::readFileBytes(path + u"-wal"_s);
        QVERIFY2(wal.size() > 0, "expected the committed rows in the -wal file");
        QVERIFY(!containsSecretText(wal));
        QVERIFY(!containsSecretText(test::readFileBytes(path)));

        // After a checkpoint they are in the database file: still nothing readable.
        QSqlQuery q(*db);
        QVERIFY(q.exec(u"PRAGMA wal_checkpoint(TRUNCATE)"_s));
        q = QSqlQuery();
        QVERIFY(!containsSecretText(test::readFileBytes(path)));
        QVERIFY(!containsSecretText(test::readFileBytes(path + u"-wal"_s)));

        // The same data is readable through the keyed connection.
        QSqlQuery r(*db);
        QVERIFY(r.exec(u"SELECT display_name FROM profiles"_s) && r.next());
        QCOMPARE(r.value(0).toString(), kDisplayName);
        r = QSqlQuery();
        *db = QSqlDatabase();
        factory.releaseThreadConnections();
    }

    // Control for the test above: the search finds the text when a file is NOT encrypted.
    void plaintextControlFindsTheText()
    {
        const QString path = newPath();
        QString error;
        {
            QSqlDatabase db = test::openRaw(u"plain-control"_s, path, nullptr, &error);
            QVERIFY2(db.isOpen(), qPrintable(error));
            QSqlQuery q(db);
            QVERIFY(q.exec(u"PRAGMA journal_mode = WAL"_s));
            QVERIFY(q.exec(
                u"CREATE TABLE users (id, email, email_normalized, name, password_hash, created_at, updated_at)"_s));
            QVERIFY(q.exec(
                u"CREATE TABLE profiles (id, user_id, display_name, legal_name, relationship, created_at, updated_at)"_s));
            QVERIFY2(insertAccountAndProfile(db, &error), qPrintable(error));
            QVERIFY(containsSecretText(test::readFileBytes(path + u"-wal"_s)));
        }
        test::closeRaw(u"plain-control"_s);
        QVERIFY(test::readFileBytes(path).startsWith(kPlainHeader));
        QVERIFY(containsSecretText(test::readFileBytes(path)));
    }

    void wrongKeyFailsCleanlyAndReopenWorks()
    {
        const QString path = newPath();
        QVERIFY(ConnectionFactory::createDatabase(path, test::testKey(4)));
        {
            ConnectionFactory factory(path, test::testKey(4));
            auto db = factory.connection();
            QVERIFY(db);
            QString error;
            QVERIFY2(insertAccountAndProfile(*db, &error), qPrintable(error));
            *db = QSqlDatabase();
            factory.releaseThreadConnections(); // last connection: checkpoint, -wal removed
        }
        const QByteArray before = test::readFileBytes(path);
        QVERIFY(!before.isEmpty());

        {
            ConnectionFactory wrong(path, test::testKey(5));
            auto db = wrong.connection();
            QVERIFY(!db);
            QCOMPARE(db.error().code(), ErrorCode::WrongPassword);
            QVERIFY(!db.error().message().isEmpty());
            QVERIFY(db.error().detail().contains(u"wrong key"_s));
            QVERIFY(!QSqlDatabase::contains(ConnectionFactory::connectionName(u"main"_s)));
            // and again: still clean
            QCOMPARE(wrong.connection().error().code(), ErrorCode::WrongPassword);
        }
        QCOMPARE(test::readFileBytes(path), before);

        ConnectionFactory right(path, test::testKey(4));
        auto db = right.connection();
        QVERIFY2(db, qPrintable(db.ok() ? QString() : db.error().detail()));
        QSqlQuery q(*db);
        QVERIFY(q.exec(u"SELECT p.display_name, u.email FROM profiles p JOIN users u ON u.id = p.user_id"_s));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), kDisplayName);
        QCOMPARE(q.value(1).toString(), kEmail);
        q = QSqlQuery();
        *db = QSqlDatabase();
        right.releaseThreadConnections();
    }

    void plaintextDatabaseIsRefused()
    {
        // A real plain SQLite database, made through our driver without a key.
        const QString path = newPath();
        QString error;
        {
            QSqlDatabase db = test::openRaw(u"plain"_s, path, nullptr, &error);
            QVERIFY2(db.isOpen(), qPrintable(error));
            QSqlQuery q(db);
            QVERIFY(q.exec(u"CREATE TABLE users (id TEXT)"_s));
            QVERIFY(q.exec(u"PRAGMA user_version = 1"_s));
        }
        test::closeRaw(u"plain"_s);
        const QByteArray before = test::readFileBytes(path);
        QVERIFY(before.startsWith(kPlainHeader));

        QCOMPARE(ConnectionFactory::checkNotPlaintext(path).error().code(), ErrorCode::NotEncrypted);
        ConnectionFactory factory(path, test::testKey(6));
        auto db = factory.connection();
        QVERIFY(!db);
        QCOMPARE(db.error().code(), ErrorCode::NotEncrypted);
        QCOMPARE(test::readFileBytes(path), before);
        QVERIFY(!QSqlDatabase::contains(ConnectionFactory::connectionName(u"main"_s)));

        // Only the header bytes, as another tool might leave them.
        const QString headerOnly = newPath();
        QFile f(headerOnly);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(kPlainHeader + QByteArray(4080, '\0'));
        f.close();
        ConnectionFactory factory2(headerOnly, test::testKey(6));
        QCOMPARE(factory2.connection(u"other"_s).error().code(), ErrorCode::NotEncrypted);

        // An empty or missing file is not "plaintext".
        QVERIFY(ConnectionFactory::checkNotPlaintext(m_dir.filePath(u"missing.db"_s)));
    }

    // Qt's QSQLITE plugin (linked to the system libsqlite3) must not pick up our SQLCipher: it
    // ignores PRAGMA key and writes plaintext, while our driver in the same process still encrypts.
    void stockSqlitePluginStaysSeparate()
    {
        if (!QSqlDatabase::isDriverAvailable(u"QSQLITE"_s))
            QSKIP("Qt's QSQLITE plugin is not installed");
        const QString plainPath = newPath();
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"stock"_s);
            db.setDatabaseName(plainPath);
            QVERIFY(db.open());
            QSqlQuery q(db);
            q.exec(u"PRAGMA key = 'not used'"_s);
            QVERIFY(q.exec(u"PRAGMA cipher_version"_s));
            QVERIFY(!q.next()); // plain SQLite: no such pragma
            QVERIFY(q.exec(u"CREATE TABLE t (x TEXT)"_s));
            QVERIFY(q.exec(u"INSERT INTO t VALUES ('Zephyrine Quaxley-Marchbanks')"_s));
            db.close();
        }
        QSqlDatabase::removeDatabase(u"stock"_s);
        QVERIFY(test::readFileBytes(plainPath).startsWith(kPlainHeader));

        // With the system libsqlite3 now loaded, our symbols are still private and still SQLCipher.
        QVERIFY(dlsym(RTLD_DEFAULT, "sqlite3_key") == nullptr);
        const QString path = newPath();
        QVERIFY(ConnectionFactory::createDatabase(path, test::testKey(7)));
        QVERIFY(!test::readFileBytes(path).startsWith(kPlainHeader));
        ConnectionFactory factory(path, test::testKey(7));
        auto db = factory.connection();
        QVERIFY(db);
        QSqlQuery q(*db);
        QVERIFY(q.exec(u"PRAGMA cipher_version"_s) && q.next());
        q = QSqlQuery();
        *db = QSqlDatabase();
        factory.releaseThreadConnections();
    }
};

QTEST_GUILESS_MAIN(TestDbEncryption)
#include "TestDbEncryption.moc"
