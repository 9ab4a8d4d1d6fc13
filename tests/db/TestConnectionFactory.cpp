// ConnectionFactory: creation, per-thread connections and their names, pragmas, permissions,
// release and shutdown.

#include "db/ConnectionFactory.h"
#include "db/DbTestSupport.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QProcess>
#include <QTest>
#include <QThread>

#include <memory>
#include <sys/stat.h>

using namespace Qt::StringLiterals;
using namespace hh;
using namespace hh::db;

namespace {

int fileMode(const QString& path)
{
    struct stat st {
    };
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return -1;
    return int(st.st_mode & 07777);
}

QVariant pragmaValue(QSqlDatabase& db, const QString& pragma)
{
    QSqlQuery q(db);
    if (!q.exec(u"PRAGMA "_s + pragma) || !q.next())
        return {};
    return q.value(0);
}

bool insertUser(QSqlDatabase& db, const QString& id)
{
    QSqlQuery q(db);
    q.prepare(u"INSERT INTO users (id, email, email_normalized, name, password_hash, created_at, updated_at) "
              "VALUES (?, ?, ?, 'n', 'h', 't', 't')"_s);
    q.addBindValue(id);
    q.addBindValue(id + u"@example.org"_s);
    q.addBindValue(id + u"@example.org"_s);
    return q.exec();
}

// Runs fn in a new thread and waits for it.
template <typename Fn> bool runInThread(Fn fn)
{
    std::unique_ptr<QThread> t(QThread::create(std::move(fn)));
    t->start();
    return t->wait(30000);
}

} // namespace

class TestConnectionFactory : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_counter = 0;
    QString newPath() { return m_dir.filePath(u"f-%1.db"_s.arg(++m_counter)); }

    QStringList hhConnections() const
    {
        QStringList names = QSqlDatabase::connectionNames();
        names.removeIf([](const QString& n) { return !n.startsWith(u"hh-"_s); });
        return names;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void cleanup() { QVERIFY2(hhConnections().isEmpty(), qPrintable(hhConnections().join(u", "_s))); }

    void createDatabaseOwnerOnly()
    {
        const QString dir = m_dir.filePath(u"new/nested"_s);
        const QString path = dir + u"/vault.db"_s;
        QVERIFY(!QFileInfo::exists(dir));
        const Status st = ConnectionFactory::createDatabase(path, test::testKey(1));
        QVERIFY2(st, qPrintable(st.ok() ? QString() : st.error().detail()));
        QCOMPARE(fileMode(path), 0600);
        QCOMPARE(fileMode(dir), 0700);
        QCOMPARE(fileMode(m_dir.filePath(u"new"_s)), 0700);
        QVERIFY(hhConnections().isEmpty()); // the temporary connection is gone

        // never overwrites
        const QByteArray before = test::readFileBytes(path);
        const Status again = ConnectionFactory::createDatabase(path, test::testKey(2));
        QVERIFY(!again);
        QCOMPARE(again.error().code(), ErrorCode::AlreadyExists);
        QCOMPARE(test::readFileBytes(path), before);

        // a key that is not 32 bytes is refused before anything is written
        const QString other = newPath();
        const Status badKey = ConnectionFactory::createDatabase(other, SecretBytes(QByteArray(16, 'k')));
        QCOMPARE(badKey.error().code(), ErrorCode::InvalidInput);
        QVERIFY(!QFileInfo::exists(other));
    }

    void walAndShmAreOwnerOnly()
    {
        const QString path = newPath();
        QVERIFY(ConnectionFactory::createDatabase(path, test::testKey(1)));
        ::chmod(QFile::encodeName(path).constData(), 0644); // as another tool might leave it
        ConnectionFactory factory(path, test::testKey(1));
        auto db = factory.connection();
        QVERIFY(db);
        QVERIFY(insertUser(*db, u"a"_s));
        QVERIFY(QFileInfo::exists(path + u"-wal"_s));
        QVERIFY(QFileInfo::exists(path + u"-shm"_s));
        QCOMPARE(fileMode(path), 0600);
        QCOMPARE(fileMode(path + u"-wal"_s), 0600);
        QCOMPARE(fileMode(path + u"-shm"_s), 0600);
        *db = QSqlDatabase();
        factory.releaseThreadConnections();
    }

    void pragmasAreSet()
    {
        const QString path = newPath();
        QVERIFY(ConnectionFactory::createDatabase(path, test::testKey(1)));
        ConnectionFactory factory(path, test::testKey(1));
        auto db = factory.connection();
        QVERIFY(db);
        QCOMPARE(pragmaValue(*db, u"journal_mode"_s).toString(), u"wal"_s);
        QCOMPARE(pragmaValue(*db, u"foreign_keys"_s).toInt(), 1);
        QCOMPARE(pragmaValue(*db, u"busy_timeout"_s).toInt(), ConnectionFactory::kBusyTimeoutMs);
        QCOMPARE(pragmaValue(*db, u"cache_size"_s).toInt(), -ConnectionFactory::kCacheSizeKiB);
        QCOMPARE(pragmaValue(*db, u"synchronous"_s).toInt(), 1); // NORMAL
        QCOMPARE(pragmaValue(*db, u"cipher_page_size"_s).toInt(), ConnectionFactory::kCipherPageSize);
        QVERIFY(!pragmaValue(*db, u"cipher_version"_s).toString().isEmpty());
        *db = QSqlDatabase();
        factory.releaseThreadConnections();
    }

    void foreignKeysCascade()
    {
        const QString path = newPath();
        QVERIFY(ConnectionFactory::createDatabase(path, test::testKey(1)));
        ConnectionFactory factory(path, test::testKey(1));
        auto db = factory.connection();
        QVERIFY(db);
        QVERIFY(insertUser(*db, u"u1"_s));
        QSqlQuery q(*db);
        QVERIFY2(q.exec(u"INSERT INTO profiles (id, user_id, display_name, created_at, updated_at) "
                        "VALUES ('p1', 'u1', 'One', 't', 't'), ('p2', 'u1', 'Two', 't', 't')"_s),
                 qPrintable(q.lastError().text()));
        QVERIFY(q.exec(u"INSERT INTO profile_summary (profile_id, updated_at) VALUES ('p1', 't')"_s));
        // a profile of an unknown user is refused
        QVERIFY(!q.exec(u"INSERT INTO profiles (id, user_id, display_name, created_at, updated_at) "
                        "VALUES ('p3', 'nobody', 'X', 't', 't')"_s));
        QVERIFY(q.lastError().text().contains(u"FOREIGN KEY"_s));

        QVERIFY(q.exec(u"DELETE FROM users WHERE id = 'u1'"_s));
        QVERIFY(q.exec(u"SELECT (SELECT count(*) FROM profiles), (SELECT count(*) FROM profile_summary)"_s));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 0);
        QCOMPARE(q.value(1).toInt(), 0);
        q = QSqlQuery();
        *db = QSqlDatabase();
        factory.releaseThreadConnections();
    }

    void perThreadConnectionsAreDistinctAndNamed()
    {
        const QString path = newPath();
        QVERIFY(ConnectionFactory::createDatabase(path, test::testKey(1)));
        ConnectionFactory factory(path, test::testKey(1));

        static const QRegularExpression pattern(u"^hh-(main|sync)-[0-9a-f]+$"_s);
        const QString mainName = ConnectionFactory::connectionName(u"main"_s);
        QVERIFY2(pattern.match(mainName).hasMatch(), qPrintable(mainName));
        QCOMPARE(mainName, u"hh-main-%1"_s.arg(reinterpret_cast<quintptr>(QThread::currentThreadId()), 0, 16));

        auto a = factory.connection();
        QVERIFY(a);
        QCOMPARE(a->connectionName(), mainName);
        auto again = factory.connection(u"main"_s);
        QVERIFY(again);
        QCOMPARE(again->connectionName(), mainName); // same connection, opened once
        auto sync = factory.connection(u"sync"_s);
        QVERIFY(sync);
        QCOMPARE(sync->connectionName(), ConnectionFactory::connectionName(u"sync"_s));
        QVERIFY(sync->connectionName() != mainName);
        QVERIFY(insertUser(*a, u"from-main"_s));

        QString otherName;
        QString otherError;
        bool sawMainRow = false;
        bool listedWhileOpen = false;
        QVERIFY(runInThread([&] {
            auto db = factory.connection();
            if (!db) {
                otherError = db.error().detail();
                return;
            }
            otherName = db->connectionName();
            listedWhileOpen = QSqlDatabase::contains(otherName);
            QSqlQuery q(*db);
            sawMainRow = q.exec(u"SELECT count(*) FROM users WHERE id = 'from-main'"_s) && q.next() &&
                         q.value(0).toInt() == 1;
            if (!insertUser(*db, u"from-thread"_s))
                otherError = q.lastError().text();
            q = QSqlQuery();
            *db = QSqlDatabase();
            factory.releaseThreadConnections();
        }));
        QVERIFY2(otherError.isEmpty(), qPrintable(otherError));
        QVERIFY(pattern.match(otherName).hasMatch());
        QVERIFY(otherName != mainName);
        QVERIFY(listedWhileOpen);
        QVERIFY(!QSqlDatabase::contains(otherName)); // released in its thread
        QVERIFY(sawMainRow);
        QSqlQuery q(*a);
        QVERIFY(q.exec(u"SELECT count(*) FROM users WHERE id = 'from-thread'"_s) && q.next());
        QCOMPARE(q.value(0).toInt(), 1);
        q = QSqlQuery();

        *a = QSqlDatabase();
        *again = QSqlDatabase();
        *sync = QSqlDatabase();
        factory.releaseThreadConnections();
        QVERIFY(!QSqlDatabase::contains(mainName));
        QVERIFY(!QSqlDatabase::contains(ConnectionFactory::connectionName(u"sync"_s)));
    }

    void closeAllCleansUpThreadsThatDidNotRelease()
    {
        const QString path = newPath();
        QVERIFY(ConnectionFactory::createDatabase(path, test::testKey(1)));
        ConnectionFactory factory(path, test::testKey(1));
        QString leftName;
        QVERIFY(runInThread([&] {
            auto db = factory.connection(u"worker"_s);
            if (db)
                leftName = db->connectionName();
            // no releaseThreadConnections(): a misbehaving thread
        }));
        QVERIFY(!leftName.isEmpty());
        QVERIFY(QSqlDatabase::contains(leftName));
        auto mine = factory.connection();
        QVERIFY(mine);
        *mine = QSqlDatabase();
        factory.closeAll();
        QVERIFY(!QSqlDatabase::contains(leftName));
        QVERIFY(!QSqlDatabase::contains(ConnectionFactory::connectionName(u"main"_s)));
        // the factory still works afterwards
        auto reopened = factory.connection();
        QVERIFY(reopened);
        *reopened = QSqlDatabase();
        factory.releaseThreadConnections();
    }

    void destructorClosesConnections()
    {
        const QString path = newPath();
        QVERIFY(ConnectionFactory::createDatabase(path, test::testKey(1)));
        {
            ConnectionFactory factory(path, test::testKey(1));
            QVERIFY(factory.connection(u"one"_s));
            QVERIFY(factory.connection(u"two"_s));
            QCOMPARE(hhConnections().size(), 2);
        }
        QVERIFY(hhConnections().isEmpty());
    }

    void twoFactoriesInOneThread()
    {
        const QString path1 = newPath();
        const QString path2 = newPath();
        QVERIFY(ConnectionFactory::createDatabase(path1, test::testKey(1)));
        QVERIFY(ConnectionFactory::createDatabase(path2, test::testKey(2)));
        ConnectionFactory first(path1, test::testKey(1));
        ConnectionFactory second(path2, test::testKey(2));
        QVERIFY(first.connection());
        // the same role would need the same name: refused instead of silently sharing
        auto clash = second.connection();
        QVERIFY(!clash);
        QCOMPARE(clash.error().code(), ErrorCode::Database);
        QVERIFY(first.connection()); // the first factory's connection is unharmed
        auto other = second.connection(u"second"_s);
        QVERIFY(other);
        QCOMPARE(other->databaseName(), path2);
        *other = QSqlDatabase();
        second.releaseThreadConnections();
        // releasing one factory leaves the other's connections alone
        QVERIFY(QSqlDatabase::contains(ConnectionFactory::connectionName(u"main"_s)));
        first.releaseThreadConnections();
    }

    void openErrors()
    {
        ConnectionFactory missing(m_dir.filePath(u"missing.db"_s), test::testKey(1));
        auto db = missing.connection();
        QVERIFY(!db);
        QCOMPARE(db.error().code(), ErrorCode::VaultMissing);
        QVERIFY(!QFileInfo::exists(m_dir.filePath(u"missing.db"_s))); // not created by opening

        const QString path = newPath();
        QVERIFY(ConnectionFactory::createDatabase(path, test::testKey(1)));
        ConnectionFactory factory(path, test::testKey(1));
        QCOMPARE(factory.connection(u"bad role"_s).error().code(), ErrorCode::InvalidInput);
        QCOMPARE(factory.connection(QString()).error().code(), ErrorCode::InvalidInput);
        QCOMPARE(factory.databasePath(), path);
    }

    // Whether another process sees a POSIX lock on the file (hh-lockprobe).
    static QByteArray lockSeenFromOutside(const QString& path)
    {
        QProcess probe;
        probe.start(QStringLiteral(HH_LOCKPROBE), {path});
        if (!probe.waitForFinished(10000) || probe.exitCode() != 0)
            return "probe failed";
        return probe.readAllStandardOutput().trimmed();
    }

    // Opening another connection (another role, another factory) never drops the locks this process's open
    // connections hold on the database file: that would let another process checkpoint and delete the WAL
    // under them (two `healthhub sync` at once failed with "disk I/O error").
    void openingConnectionsKeepsTheProcessLocks()
    {
        const QString path = newPath();
        QVERIFY(ConnectionFactory::createDatabase(path, test::testKey(1)));
        ConnectionFactory factory(path, test::testKey(1));
        QVERIFY(factory.connection(u"first"_s));
        QCOMPARE(lockSeenFromOutside(path), QByteArray("locked")); // WAL mode: a SHARED lock while open
        ConnectionFactory other(path, test::testKey(1));
        QVERIFY(other.connection(u"second"_s));
        QCOMPARE(lockSeenFromOutside(path), QByteArray("locked"));
        QVERIFY(factory.connection(u"third"_s));
        QCOMPARE(lockSeenFromOutside(path), QByteArray("locked"));
        factory.closeAll();
        other.closeAll();
        QCOMPARE(lockSeenFromOutside(path), QByteArray("free"));
    }

    // An emptied database file (a failed copy, a truncation) is refused as damaged, and left as it is: opened, it
    // would get a fresh schema and every account would seem gone.
    void emptyDatabaseIsRefusedNotRebuilt()
    {
        const QString path = newPath();
        QVERIFY(ConnectionFactory::createDatabase(path, test::testKey(1)));
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        }
        ConnectionFactory factory(path, test::testKey(1));
        auto db = factory.connection();
        QVERIFY(!db);
        QCOMPARE(db.error().code(), ErrorCode::VaultCorrupt);
        QCOMPARE(QFileInfo(path).size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestConnectionFactory)
#include "TestConnectionFactory.moc"
