// Schema migrations: the embedded scripts, statement splitting, upgrading every earlier version,
// refusing newer ones, and all-or-nothing application.

#include "db/ConnectionFactory.h"
#include "db/DbTestSupport.h"
#include "db/Migrations.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace hh;
using namespace hh::db;

namespace {

const QStringList kSchemaTables = {
    u"app_settings"_s,
    u"emr_endpoints"_s,
    u"oauth_states"_s,
    u"profile_emr_connections"_s,
    u"profile_fhir_resources_clean"_s,
    u"profile_fhir_resources_normalized"_s,
    u"profile_fhir_resources_raw"_s,
    u"profile_summary"_s,
    u"profile_sync_jobs"_s,
    u"profiles"_s,
    u"users"_s,
};

int userVersion(QSqlDatabase& db)
{
    QSqlQuery q(db);
    if (!q.exec(u"PRAGMA user_version"_s) || !q.next())
        return -1;
    return q.value(0).toInt();
}

qlonglong scalar(QSqlDatabase& db, const QString& sql)
{
    QSqlQuery q(db);
    if (!q.exec(sql) || !q.next())
        return -1;
    return q.value(0).toLongLong();
}

} // namespace

class TestMigrations : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_counter = 0;
    QString newPath() { return m_dir.filePath(u"m-%1.db"_s.arg(++m_counter)); }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void embeddedScripts()
    {
        const auto& steps = Migrations::embeddedSteps();
        QVERIFY(!steps.isEmpty());
        for (qsizetype i = 0; i < steps.size(); ++i) {
            QCOMPARE(steps[i].version, int(i + 1));
            QVERIFY(!steps[i].name.isEmpty());
            QVERIFY(steps[i].sql.contains(u"CREATE"_s) || steps[i].sql.contains(u"ALTER"_s) ||
                    steps[i].sql.contains(u"DROP"_s) || steps[i].sql.contains(u"INSERT"_s) ||
                    steps[i].sql.contains(u"UPDATE"_s));
        }
        QCOMPARE(Migrations::latestSchemaVersion(), int(steps.size()));
        QCOMPARE(steps.first().name, u"initial"_s);
    }

    void splitStatements_data()
    {
        QTest::addColumn<QString>("script");
        QTest::addColumn<QStringList>("expected");

        QTest::newRow("two statements") << u"CREATE TABLE a (x);\nCREATE TABLE b (y);"_s
                                        << QStringList{u"CREATE TABLE a (x);"_s, u"CREATE TABLE b (y);"_s};
        QTest::newRow("semicolon in string")
            << u"INSERT INTO a VALUES ('x;y'); INSERT INTO a VALUES ('it''s; fine');"_s
            << QStringList{u"INSERT INTO a VALUES ('x;y');"_s, u"INSERT INTO a VALUES ('it''s; fine');"_s};
        QTest::newRow("semicolon in quoted identifier")
            << u"CREATE TABLE \"a;b\" (\"c;d\" TEXT); SELECT 1;"_s
            << QStringList{u"CREATE TABLE \"a;b\" (\"c;d\" TEXT);"_s, u"SELECT 1;"_s};
        QTest::newRow("semicolon in line comment")
            << u"-- first; not a split\nCREATE TABLE a (x); -- trailing; comment\n"_s
            << QStringList{u"-- first; not a split\nCREATE TABLE a (x);"_s};
        QTest::newRow("semicolon in block comment") << u"CREATE TABLE a (x /* a;b */); /* only; a comment */"_s
                                                    << QStringList{u"CREATE TABLE a (x /* a;b */);"_s};
        QTest::newRow("trigger body")
            << u"CREATE TRIGGER t AFTER INSERT ON a BEGIN INSERT INTO b VALUES (1); UPDATE b SET y = 2; END;\nSELECT 1;"_s
            << QStringList{
                   u"CREATE TRIGGER t AFTER INSERT ON a BEGIN INSERT INTO b VALUES (1); UPDATE b SET y = 2; END;"_s,
                   u"SELECT 1;"_s};
        QTest::newRow("empty statements dropped")
            << u" ;; \n;CREATE TABLE a (x);;"_s << QStringList{u"CREATE TABLE a (x);"_s};
        QTest::newRow("last statement without semicolon")
            << u"CREATE TABLE a (x);\nCREATE TABLE b (y)\n"_s
            << QStringList{u"CREATE TABLE a (x);"_s, u"CREATE TABLE b (y)"_s};
        QTest::newRow("unicode") << u"INSERT INTO a VALUES ('Grüße; 👪');"_s
                                 << QStringList{u"INSERT INTO a VALUES ('Grüße; 👪');"_s};
        QTest::newRow("only comments") << u"-- nothing\n/* here */\n"_s << QStringList{};
    }

    void splitStatements()
    {
        QFETCH(QString, script);
        QFETCH(QStringList, expected);
        auto result = Migrations::splitStatements(script);
        QVERIFY2(result, qPrintable(result.ok() ? QString() : result.error().detail()));
        QCOMPARE(*result, expected);
    }

    void splitStatementsRejectsUnterminated()
    {
        QVERIFY(!Migrations::splitStatements(u"INSERT INTO a VALUES ('open string);"_s));
        QVERIFY(!Migrations::splitStatements(u"CREATE TRIGGER t AFTER INSERT ON a BEGIN SELECT 1;"_s));
    }

    void initialSchemaCreatesAllTables()
    {
        const QString path = newPath();
        QVERIFY(ConnectionFactory::createDatabase(path, test::testKey(1)));
        ConnectionFactory factory(path, test::testKey(1));
        auto db = factory.connection();
        QVERIFY2(db, qPrintable(db.ok() ? QString() : db.error().detail()));
        QCOMPARE(userVersion(*db), Migrations::latestSchemaVersion());
        const QStringList tables = db->tables(QSql::Tables);
        for (const QString& t : kSchemaTables)
            QVERIFY2(tables.contains(t), qPrintable(t));
        auto v = Migrations::schemaVersion(*db);
        QVERIFY(v);
        QCOMPARE(*v, Migrations::latestSchemaVersion());
        // migrating an up-to-date database is a no-op
        auto again = Migrations::migrate(*db);
        QVERIFY(again);
        QCOMPARE(*again, Migrations::latestSchemaVersion());
        *db = QSqlDatabase();
        factory.releaseThreadConnections();
    }

    void everyVersionMigratesKeepingData_data()
    {
        QTest::addColumn<int>("version");
        for (int v = 0; v < Migrations::latestSchemaVersion(); ++v)
            QTest::addRow("from version %d", v) << v;
    }

    void everyVersionMigratesKeepingData()
    {
        QFETCH(int, version);
        const QString path = newPath();
        const SecretBytes key = test::testKey(2);
        QVERIFY(ConnectionFactory::createDatabase(path, key, version));

        // Fill the old database: a marker row in a table of our own, and an account and a profile
        // where the tables already exist at that version.
        bool hasUsers = false;
        {
            QString error;
            QSqlDatabase db = test::openRaw(u"old"_s, path, &key, &error);
            QVERIFY2(db.isOpen(), qPrintable(error));
            QCOMPARE(userVersion(db), version);
            QSqlQuery q(db);
            QVERIFY(q.exec(u"CREATE TABLE test_marker (note TEXT)"_s));
            QVERIFY(q.exec(u"INSERT INTO test_marker VALUES ('kept across migrations')"_s));
            const QStringList tables = db.tables();
            hasUsers = tables.contains(u"users"_s);
            if (hasUsers) {
                QVERIFY2(q.exec(u"INSERT INTO users (id, email, email_normalized, name, password_hash, "
                                u"created_at, updated_at) "
                                "VALUES ('u1', 'A@example.org', 'a@example.org', 'A', 'h', 't', 't')"_s),
                         qPrintable(q.lastError().text()));
            }
            if (tables.contains(u"profiles"_s)) {
                QVERIFY2(q.exec(u"INSERT INTO profiles (id, user_id, display_name, created_at, updated_at) "
                                "VALUES ('p1', 'u1', 'Kid', 't', 't')"_s),
                         qPrintable(q.lastError().text()));
            }
        }
        test::closeRaw(u"old"_s);

        // Opening through the factory migrates in place.
        ConnectionFactory factory(path, key);
        auto db = factory.connection();
        QVERIFY2(db, qPrintable(db.ok() ? QString() : db.error().detail()));
        QCOMPARE(userVersion(*db), Migrations::latestSchemaVersion());
        const QStringList tables = db->tables(QSql::Tables);
        for (const QString& t : kSchemaTables)
            QVERIFY2(tables.contains(t), qPrintable(t));
        QCOMPARE(scalar(*db, u"SELECT count(*) FROM test_marker WHERE note = 'kept across migrations'"_s), 1);
        if (hasUsers)
            QCOMPARE(scalar(*db, u"SELECT count(*) FROM users WHERE id = 'u1'"_s), 1);
        *db = QSqlDatabase();
        factory.releaseThreadConnections();
    }

    void newerVersionIsRefused()
    {
        const QString path = newPath();
        const SecretBytes key = test::testKey(3);
        QVERIFY(ConnectionFactory::createDatabase(path, key));
        const int tooNew = Migrations::latestSchemaVersion() + 1;
        {
            QString error;
            QSqlDatabase db = test::openRaw(u"bump"_s, path, &key, &error);
            QVERIFY2(db.isOpen(), qPrintable(error));
            QSqlQuery q(db);
            QVERIFY(q.exec(u"PRAGMA user_version = %1"_s.arg(tooNew)));
            auto direct = Migrations::migrate(db);
            QVERIFY(!direct);
            QCOMPARE(direct.error().code(), ErrorCode::VaultTooNew);
            QCOMPARE(userVersion(db), tooNew);
        }
        test::closeRaw(u"bump"_s);

        ConnectionFactory factory(path, key);
        auto db = factory.connection();
        QVERIFY(!db);
        QCOMPARE(db.error().code(), ErrorCode::VaultTooNew);
        QVERIFY(!db.error().message().isEmpty());
        QVERIFY(!QSqlDatabase::contains(ConnectionFactory::connectionName(u"main"_s)));
        {
            QString error;
            QSqlDatabase raw = test::openRaw(u"check"_s, path, &key, &error);
            QVERIFY2(raw.isOpen(), qPrintable(error));
            QCOMPARE(userVersion(raw), tooNew); // untouched
        }
        test::closeRaw(u"check"_s);
    }

    void failingMigrationRollsBack()
    {
        const QString path = newPath();
        const SecretBytes key = test::testKey(4);
        QVERIFY(ConnectionFactory::createDatabase(path, key, 0));
        QString error;
        QSqlDatabase db = test::openRaw(u"fail"_s, path, &key, &error);
        QVERIFY2(db.isOpen(), qPrintable(error));
        QSqlQuery fk(db);
        QVERIFY(fk.exec(u"PRAGMA foreign_keys = ON"_s));

        QList<Migrations::Step> steps = Migrations::embeddedSteps();
        const int broken = int(steps.size()) + 1;
        steps.append({broken, u"broken"_s,
                      u"CREATE TABLE should_vanish (x INTEGER);\nINSERT INTO should_vanish VALUES (1);\n"
                      "INSERT INTO no_such_table VALUES (1);\n"_s});

        auto result = Migrations::migrateTo(db, broken, steps);
        QVERIFY(!result);
        QCOMPARE(result.error().code(), ErrorCode::Database);
        QVERIFY(result.error().detail().contains(u"broken"_s));
        QVERIFY(result.error().detail().contains(u"statement 3"_s));
        // One transaction: not even the good earlier scripts were applied.
        QCOMPARE(userVersion(db), 0);
        QVERIFY(db.tables(QSql::Tables).isEmpty());
        // foreign key enforcement is back on
        QCOMPARE(scalar(db, u"PRAGMA foreign_keys"_s), 1);
        // and the connection is usable, not stuck in a transaction
        QVERIFY(db.transaction());
        QVERIFY(db.rollback());

        // The good scripts alone still apply afterwards.
        auto ok = Migrations::migrateTo(db, Migrations::latestSchemaVersion());
        QVERIFY2(ok, qPrintable(ok.ok() ? QString() : ok.error().detail()));
        QCOMPARE(userVersion(db), Migrations::latestSchemaVersion());
        fk = QSqlQuery();
        db = QSqlDatabase();
        test::closeRaw(u"fail"_s);
    }

    void foreignKeyViolationAfterMigrationRollsBack()
    {
        const QString path = newPath();
        const SecretBytes key = test::testKey(5);
        QVERIFY(ConnectionFactory::createDatabase(path, key));
        QString error;
        QSqlDatabase db = test::openRaw(u"fkcheck"_s, path, &key, &error);
        QVERIFY2(db.isOpen(), qPrintable(error));
        QSqlQuery q(db);
        QVERIFY(q.exec(u"PRAGMA foreign_keys = ON"_s));
        QList<Migrations::Step> steps = Migrations::embeddedSteps();
        const int next = int(steps.size()) + 1;
        // FKs are off while scripts run, so this insert succeeds ... and the check must catch it.
        steps.append({next, u"orphan"_s,
                      u"INSERT INTO profiles (id, user_id, display_name, created_at, updated_at) "
                      "VALUES ('p', 'no-such-user', 'x', 't', 't');"_s});
        auto result = Migrations::migrateTo(db, next, steps);
        QVERIFY(!result);
        QVERIFY(result.error().detail().contains(u"foreign key"_s));
        QCOMPARE(userVersion(db), Migrations::latestSchemaVersion());
        QCOMPARE(scalar(db, u"SELECT count(*) FROM profiles"_s), 0);
        q = QSqlQuery();
        db = QSqlDatabase();
        test::closeRaw(u"fkcheck"_s);
    }

    void invalidStepListsAndTargets()
    {
        const QString path = newPath();
        const SecretBytes key = test::testKey(6);
        QVERIFY(ConnectionFactory::createDatabase(path, key, 0));
        QString error;
        QSqlDatabase db = test::openRaw(u"invalid"_s, path, &key, &error);
        QVERIFY2(db.isOpen(), qPrintable(error));
        const QList<Migrations::Step> gap = {{1, u"a"_s, u"CREATE TABLE a (x);"_s},
                                             {3, u"c"_s, u"CREATE TABLE c (x);"_s}};
        QVERIFY(!Migrations::migrateTo(db, 3, gap));
        QCOMPARE(Migrations::migrateTo(db, Migrations::latestSchemaVersion() + 1).error().code(),
                 ErrorCode::InvalidInput);
        QCOMPARE(userVersion(db), 0);
        QVERIFY(db.tables(QSql::Tables).isEmpty());
        db = QSqlDatabase();
        test::closeRaw(u"invalid"_s);
    }
};

QTEST_GUILESS_MAIN(TestMigrations)
#include "TestMigrations.moc"
