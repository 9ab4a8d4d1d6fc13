// The project's QSqlDriver/QSqlResult over SQLCipher, exercised through the public Qt SQL API.

#include "db/ConnectionFactory.h"
#include "db/sqlcipher/SqlCipherDriver.h"
#include "db/sqlcipher/SqlCipherErrors.h"
#include "db/DbTestSupport.h"

#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QMutex>
#include <QSqlDriver>
#include <QSqlField>
#include <QSqlIndex>
#include <QSqlQueryModel>
#include <QSqlRecord>
#include <QSqlResult>
#include <QSqlTableModel>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QtConcurrent/QtConcurrentRun>

#include <atomic>
#include <limits>
#include <memory>

using namespace Qt::StringLiterals;
using namespace hh;
using namespace hh::db;

class TestSqlCipherDriver : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_name = u"tst-driver"_s;
    QSqlDatabase m_db;

    bool exec(const QString& sql)
    {
        QSqlQuery q(m_db);
        if (!q.exec(sql)) {
            qWarning() << "SQL failed:" << sql << q.lastError().text();
            return false;
        }
        return true;
    }
    qlonglong scalar(const QString& sql)
    {
        QSqlQuery q(m_db);
        if (!q.exec(sql) || !q.next())
            return -1;
        return q.value(0).toLongLong();
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void init()
    {
        const QString path = m_dir.filePath(QString::fromLatin1(QTest::currentTestFunction()) + u".db"_s);
        QFile::remove(path);
        const SecretBytes key = test::testKey(1);
        QString error;
        m_db = test::openRaw(m_name, path, &key, &error);
        QVERIFY2(m_db.isOpen(), qPrintable(error));
        QVERIFY(exec(u"CREATE TABLE t (id INTEGER PRIMARY KEY, txt TEXT, i INTEGER, d REAL, b BLOB, n TEXT)"_s));
    }

    void cleanup()
    {
        m_db = QSqlDatabase();
        test::closeRaw(m_name);
    }

    void registrationIsIdempotentAndThreadSafe()
    {
        QList<QFuture<void>> futures;
        for (int i = 0; i < 8; ++i)
            futures << QtConcurrent::run([] { registerSqlCipherDriver(); });
        for (auto& f : futures)
            f.waitForFinished();
        registerSqlCipherDriver();
        QVERIFY(QSqlDatabase::isDriverAvailable(u"HHSQLCIPHER"_s));
        QCOMPARE(sqlCipherDriverName(), u"HHSQLCIPHER"_s);
        QVERIFY(qobject_cast<SqlCipherDriver*>(m_db.driver()));
    }

    void features()
    {
        const QSqlDriver* d = m_db.driver();
        QVERIFY(d->hasFeature(QSqlDriver::Transactions));
        QVERIFY(d->hasFeature(QSqlDriver::PreparedQueries));
        QVERIFY(d->hasFeature(QSqlDriver::PositionalPlaceholders));
        QVERIFY(d->hasFeature(QSqlDriver::LastInsertId));
        QVERIFY(d->hasFeature(QSqlDriver::BLOB));
        QVERIFY(d->hasFeature(QSqlDriver::Unicode));
        QVERIFY(!d->hasFeature(QSqlDriver::QuerySize));
    }

    void positionalBinds()
    {
        const QString unicode = u"Grüße 👪 日本語 ü\u00e9"_s;
        QByteArray blob;
        for (int i = 0; i < 256; ++i)
            blob.append(char(i));
        const qlonglong big = std::numeric_limits<qint64>::max() - 5;

        QSqlQuery q(m_db);
        QVERIFY(q.prepare(u"INSERT INTO t (txt, i, d, b, n) VALUES (?, ?, ?, ?, ?)"_s));
        q.addBindValue(unicode);
        q.addBindValue(big);
        q.addBindValue(3.25);
        q.addBindValue(blob);
        q.addBindValue(QVariant());
        QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
        // null QString and empty QByteArray: NULL, and a zero-length blob (not NULL)
        q.bindValue(0, QString());
        q.bindValue(1, -7);
        q.bindValue(2, -0.5);
        q.bindValue(3, QByteArray(""));
        q.bindValue(4, u""_s);
        QVERIFY2(q.exec(), qPrintable(q.lastError().text()));

        QSqlQuery r(m_db);
        QVERIFY(r.exec(u"SELECT txt, i, d, b, n, typeof(b), typeof(n) FROM t ORDER BY id"_s));
        QVERIFY(r.next());
        QCOMPARE(r.value(0).toString(), unicode);
        QCOMPARE(r.value(1).toLongLong(), big);
        QCOMPARE(r.value(1).typeId(), QMetaType::LongLong);
        QCOMPARE(r.value(2).toDouble(), 3.25);
        QCOMPARE(r.value(3).toByteArray(), blob);
        QCOMPARE(r.value(3).typeId(), QMetaType::QByteArray);
        QVERIFY(r.isNull(4));
        QVERIFY(r.value(4).isNull());
        QVERIFY(!r.isNull(0));
        QVERIFY(r.next());
        QVERIFY(r.isNull(0));
        QCOMPARE(r.value(1).toLongLong(), -7);
        QCOMPARE(r.value(2).toDouble(), -0.5);
        QCOMPARE(r.value(5).toString(), u"blob"_s);
        QCOMPARE(r.value(3).toByteArray().size(), 0);
        QVERIFY(!r.isNull(4));
        QCOMPARE(r.value(6).toString(), u"text"_s);
        QVERIFY(!r.next());
    }

    void namedBinds()
    {
        QSqlQuery q(m_db);
        // names out of column order, one used twice
        QVERIFY(q.prepare(u"INSERT INTO t (i, txt, n, d) VALUES (:num, :text, :text, :dbl)"_s));
        q.bindValue(u":text"_s, u"ŝtrange ':name' text"_s);
        q.bindValue(u":dbl"_s, 1e-300);
        q.bindValue(u":num"_s, qlonglong(42));
        QVERIFY2(q.exec(), qPrintable(q.lastError().text()));

        QSqlQuery r(m_db);
        QVERIFY(r.prepare(u"SELECT txt, n, d FROM t WHERE i = :num AND txt = ':num'||'' OR i = :num"_s));
        r.bindValue(u":num"_s, 42);
        QVERIFY2(r.exec(), qPrintable(r.lastError().text()));
        QVERIFY(r.next());
        QCOMPARE(r.value(0).toString(), u"ŝtrange ':name' text"_s);
        QCOMPARE(r.value(1).toString(), u"ŝtrange ':name' text"_s);
        QCOMPARE(r.value(u"d"_s).toDouble(), 1e-300);
        QVERIFY(!r.next());
    }

    void otherBindTypesAndBatch()
    {
        const QDateTime when(QDate(2024, 2, 29), QTime(13, 14, 15, 16), Qt::UTC);
        QSqlQuery q(m_db);
        QVERIFY(q.prepare(u"INSERT INTO t (i, txt, n, d) VALUES (?, ?, ?, ?)"_s));
        q.addBindValue(true);
        q.addBindValue(when);
        q.addBindValue(QDate(2001, 2, 3));
        q.addBindValue(2.5f);
        QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
        QSqlQuery r(m_db);
        QVERIFY(r.exec(u"SELECT i, txt, n, d FROM t"_s) && r.next());
        QCOMPARE(r.value(0).toLongLong(), 1);
        QCOMPARE(r.value(1).toString(), u"2024-02-29T13:14:15.016Z"_s);
        QCOMPARE(r.value(2).toString(), u"2001-02-03"_s);
        QCOMPARE(r.value(3).toDouble(), 2.5);

        // execBatch(): emulated by QSqlResult with repeated exec() on the prepared statement
        QVERIFY(q.prepare(u"INSERT INTO t (i, txt) VALUES (?, ?)"_s));
        q.addBindValue(QVariantList{10, 11, 12});
        q.addBindValue(QVariantList{u"a"_s, QVariant(), u"c"_s});
        QVERIFY2(q.execBatch(), qPrintable(q.lastError().text()));
        QCOMPARE(scalar(u"SELECT count(*) FROM t WHERE i >= 10"_s), 3);
        QCOMPARE(scalar(u"SELECT count(*) FROM t WHERE i = 11 AND txt IS NULL"_s), 1);
    }

    // The driver encodes strings into one reused buffer per parameter and keeps no copy of the values of a
    // statement without result rows: long, short, non-ASCII and null values in turn must each store exactly
    // themselves, and QSqlQuery must still report what is bound.
    void reboundStringsKeepTheirOwnBytes()
    {
        const QStringList values{u"a much longer first value, to grow the buffer"_s,
                                 u"x"_s,
                                 u"Grüße 👪"_s,
                                 QString(),
                                 u"ñ"_s,
                                 u""_s,
                                 u"plain ascii again"_s};
        QSqlQuery q(m_db);
        QVERIFY(q.prepare(u"INSERT INTO t (i, txt) VALUES (?, ?)"_s));
        for (qsizetype i = 0; i < values.size(); ++i) {
            q.bindValue(0, i);
            q.bindValue(1, values.at(i));
            QCOMPARE(q.boundValue(1).toString(), values.at(i));
            QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
        }
        QSqlQuery r(m_db);
        QVERIFY(r.exec(u"SELECT txt, length(CAST(txt AS BLOB)) FROM t ORDER BY i"_s));
        for (const QString& expected : values) {
            QVERIFY(r.next());
            QCOMPARE(r.value(0).toString(), expected);
            QCOMPARE(r.isNull(0), expected.isNull());
            QCOMPARE(r.value(1).toLongLong(), expected.isNull() ? 0 : expected.toUtf8().size());
        }
        QVERIFY(!r.next());

        // A SELECT stepped lazily after exec(): rebinding its values before it is finished must not change
        // (or free) the values the running statement compares with.
        QSqlQuery s(m_db);
        s.setForwardOnly(true);
        QVERIFY(s.prepare(u"SELECT i FROM t WHERE txt >= ? ORDER BY i"_s));
        s.bindValue(0, u"a"_s);
        QVERIFY(s.exec());
        QVERIFY(s.next());
        s.bindValue(0, u"zzzz"_s + QString(200, u'z'));
        QList<qlonglong> seen{s.value(0).toLongLong()};
        while (s.next())
            seen.append(s.value(0).toLongLong());
        QCOMPARE(seen, (QList<qlonglong>{0, 1, 4, 6}));

        // The same with a blob, which is bound in place (no buffer of the driver's): the statement's copy of
        // the values keeps it alive (the ASan build would report a use after free otherwise).
        QVERIFY(exec(u"UPDATE t SET b = CAST(txt AS BLOB)"_s));
        QVERIFY(s.prepare(u"SELECT i FROM t WHERE b >= ? ORDER BY i"_s));
        s.bindValue(0, QByteArray("a"));
        QVERIFY(s.exec());
        QVERIFY(s.next());
        s.bindValue(0, QByteArray(300, 'z'));
        seen = {s.value(0).toLongLong()};
        while (s.next())
            seen.append(s.value(0).toLongLong());
        QCOMPARE(seen, (QList<qlonglong>{0, 1, 4, 6}));
    }

    void bindCountMismatchFails()
    {
        QSqlQuery q(m_db);
        QVERIFY(q.prepare(u"INSERT INTO t (i, txt) VALUES (?, ?)"_s));
        q.addBindValue(1);
        QVERIFY(!q.exec());
        QVERIFY(q.lastError().text().contains(u"mismatch"_s));
        QCOMPARE(scalar(u"SELECT count(*) FROM t"_s), 0);
    }

    void preparedStatementReexecuted()
    {
        QSqlQuery q(m_db);
        QVERIFY(q.prepare(u"INSERT INTO t (i, txt) VALUES (?, ?)"_s));
        auto stmtOf = [](const QSqlQuery& query) {
            const QVariant h = query.result()->handle();
            return h.isValid() ? *static_cast<void* const*>(h.constData()) : nullptr;
        };
        void* const stmt = stmtOf(q);
        QVERIFY(stmt);
        QVERIFY(m_db.transaction());
        qlonglong expected = 0;
        for (int i = 0; i < 2000; ++i) {
            q.bindValue(0, i);
            q.bindValue(1, u"row %1"_s.arg(i));
            QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
            QCOMPARE(q.numRowsAffected(), 1);
            expected += i;
            // the same compiled statement every time: reset + rebind, no re-prepare
            QCOMPARE(stmtOf(q), stmt);
        }
        QVERIFY(m_db.commit());
        QCOMPARE(scalar(u"SELECT count(*) FROM t"_s), 2000);
        QCOMPARE(scalar(u"SELECT sum(i) FROM t"_s), expected);
        QCOMPARE(scalar(u"SELECT count(*) FROM t WHERE txt = 'row ' || i"_s), 2000);

        // a prepared SELECT re-executed with new values
        QSqlQuery s(m_db);
        s.setForwardOnly(true);
        QVERIFY(s.prepare(u"SELECT txt FROM t WHERE i = ?"_s));
        for (int i : {5, 1999, 0, 5}) {
            s.bindValue(0, i);
            QVERIFY(s.exec());
            QVERIFY(s.next());
            QCOMPARE(s.value(0).toString(), u"row %1"_s.arg(i));
            QVERIFY(!s.next());
        }
    }

    void forwardOnlyAndScrollable()
    {
        for (int i = 0; i < 10; ++i)
            QVERIFY(exec(u"INSERT INTO t (i) VALUES (%1)"_s.arg(i * 10)));

        QSqlQuery fwd(m_db);
        fwd.setForwardOnly(true);
        QVERIFY(fwd.exec(u"SELECT i FROM t ORDER BY i"_s));
        QCOMPARE(fwd.size(), -1);
        QVERIFY(fwd.isSelect());
        int n = 0;
        while (fwd.next()) {
            QCOMPARE(fwd.at(), n);
            QCOMPARE(fwd.value(0).toInt(), n * 10);
            ++n;
        }
        QCOMPARE(n, 10);
        QVERIFY(!fwd.isValid());

        // forward-only last(): the final row's values survive the end of the statement
        QVERIFY(fwd.exec(u"SELECT i FROM t ORDER BY i"_s));
        QVERIFY(fwd.next());
        QVERIFY(fwd.last());
        QCOMPARE(fwd.value(0).toInt(), 90);
        QCOMPARE(fwd.at(), 9);

        QSqlQuery scroll(m_db);
        QVERIFY(!scroll.isForwardOnly());
        QVERIFY(scroll.exec(u"SELECT i FROM t ORDER BY i"_s));
        QVERIFY(scroll.seek(5));
        QCOMPARE(scroll.value(0).toInt(), 50);
        QVERIFY(scroll.previous());
        QCOMPARE(scroll.value(0).toInt(), 40);
        QVERIFY(scroll.last());
        QCOMPARE(scroll.at(), 9);
        QCOMPARE(scroll.value(0).toInt(), 90);
        QVERIFY(scroll.first());
        QCOMPARE(scroll.value(0).toInt(), 0);
        QVERIFY(scroll.seek(3, true));
        QCOMPARE(scroll.value(0).toInt(), 30);
        QVERIFY(!scroll.seek(10));
        QVERIFY(scroll.seek(2));
        QCOMPARE(scroll.value(0).toInt(), 20);

        // empty result
        QVERIFY(scroll.exec(u"SELECT i FROM t WHERE i < 0"_s));
        QVERIFY(!scroll.next());
        QVERIFY(!scroll.last());
    }

    void recordHasNamesAndTypes()
    {
        QVERIFY(exec(u"INSERT INTO t (txt, i, d, b) VALUES ('x', 1, 1.5, x'00')"_s));
        QSqlQuery q(m_db);
        QVERIFY(q.exec(u"SELECT id, txt, i, d, b, count(*) AS cnt, 'lit' AS lit FROM t"_s));
        const QSqlRecord before = q.record();
        QCOMPARE(before.count(), 7);
        QCOMPARE(before.fieldName(0), u"id"_s);
        QCOMPARE(before.fieldName(5), u"cnt"_s);
        QCOMPARE(before.field(0).metaType(), QMetaType::fromType<qlonglong>());
        QCOMPARE(before.field(1).metaType(), QMetaType::fromType<QString>());
        QCOMPARE(before.field(2).metaType(), QMetaType::fromType<qlonglong>());
        QCOMPARE(before.field(3).metaType(), QMetaType::fromType<double>());
        QCOMPARE(before.field(4).metaType(), QMetaType::fromType<QByteArray>());
        QCOMPARE(before.field(5).metaType(), QMetaType::fromType<qlonglong>()); // from the value
        QCOMPARE(before.field(6).metaType(), QMetaType::fromType<QString>());
        QCOMPARE(before.field(1).tableName(), u"t"_s);
        QVERIFY(q.next());
        const QSqlRecord rec = q.record();
        QCOMPARE(rec.value(u"txt"_s).toString(), u"x"_s);
        QCOMPARE(rec.value(u"cnt"_s).toLongLong(), 1);
        QCOMPARE(q.value(u"lit"_s).toString(), u"lit"_s);
    }

    void lastInsertIdAndRowsAffected()
    {
        QSqlQuery q(m_db);
        QVERIFY(q.exec(u"INSERT INTO t (id, i) VALUES (41, 1)"_s));
        QCOMPARE(q.lastInsertId().toLongLong(), 41);
        QCOMPARE(q.numRowsAffected(), 1);
        QVERIFY(q.exec(u"INSERT INTO t (i) VALUES (2)"_s));
        QCOMPARE(q.lastInsertId().toLongLong(), 42);
        QVERIFY(q.exec(u"INSERT INTO t (i) VALUES (3)"_s));
        QVERIFY(q.exec(u"UPDATE t SET txt = 'u' WHERE i >= 2"_s));
        QCOMPARE(q.numRowsAffected(), 2);
        QVERIFY(!q.lastInsertId().isValid());
        QVERIFY(q.exec(u"UPDATE t SET txt = 'u' WHERE i > 100"_s));
        QCOMPARE(q.numRowsAffected(), 0);
        QVERIFY(q.exec(u"DELETE FROM t"_s));
        QCOMPARE(q.numRowsAffected(), 3);
        QVERIFY(q.exec(u"CREATE TABLE other (x)"_s));
        QCOMPARE(q.numRowsAffected(), 0);
    }

    void transactions()
    {
        QVERIFY(m_db.transaction());
        QVERIFY(exec(u"INSERT INTO t (i) VALUES (1)"_s));
        QVERIFY(m_db.commit());
        QCOMPARE(scalar(u"SELECT count(*) FROM t"_s), 1);

        QVERIFY(m_db.transaction());
        QVERIFY(exec(u"INSERT INTO t (i) VALUES (2)"_s));
        QVERIFY(exec(u"DELETE FROM t WHERE i = 1"_s));
        QCOMPARE(scalar(u"SELECT count(*) FROM t WHERE i = 2"_s), 1);
        QVERIFY(m_db.rollback());
        QCOMPARE(scalar(u"SELECT count(*) FROM t WHERE i = 1"_s), 1);
        QCOMPARE(scalar(u"SELECT count(*) FROM t WHERE i = 2"_s), 0);

        // errors are reported, not swallowed
        QVERIFY(m_db.transaction());
        QVERIFY(!m_db.transaction()); // nested BEGIN
        QCOMPARE(m_db.lastError().type(), QSqlError::TransactionError);
        QVERIFY(m_db.rollback());
        QVERIFY(!m_db.commit()); // nothing to commit
        QVERIFY(!m_db.lastError().text().isEmpty());
    }

    void largeTextAndBlob()
    {
        QString text;
        text.reserve(3'000'000);
        while (text.size() < 3'000'000)
            text += u"Ω large text line with ; and ' quotes \n"_s;
        QByteArray blob(5 * 1024 * 1024, '\0');
        for (qsizetype i = 0; i < blob.size(); ++i)
            blob[i] = char((i * 31) ^ (i >> 8));
        QSqlQuery q(m_db);
        QVERIFY(q.prepare(u"INSERT INTO t (txt, b) VALUES (?, ?)"_s));
        q.addBindValue(text);
        q.addBindValue(blob);
        QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
        QSqlQuery r(m_db);
        r.setForwardOnly(true);
        QVERIFY(r.exec(u"SELECT txt, b, length(b) FROM t"_s));
        QVERIFY(r.next());
        QCOMPARE(r.value(0).toString(), text);
        QCOMPARE(r.value(1).toByteArray(), blob);
        QCOMPARE(r.value(2).toLongLong(), blob.size());
    }

    void errors()
    {
        QSqlQuery q(m_db);
        QVERIFY(!q.exec(u"SELEKT nonsense FROM"_s));
        QCOMPARE(q.lastError().type(), QSqlError::StatementError);
        QVERIFY(q.lastError().databaseText().contains(u"syntax error"_s));
        QCOMPARE(q.lastError().nativeErrorCode(), u"1"_s);
        QCOMPARE(sqlitePrimaryCode(q.lastError()), 1);

        QVERIFY(!q.exec(u"SELECT * FROM no_such_table"_s));
        QVERIFY(q.lastError().text().contains(u"no such table"_s));

        QVERIFY(exec(u"CREATE TABLE u (id INTEGER PRIMARY KEY, email TEXT NOT NULL UNIQUE)"_s));
        QVERIFY(exec(u"CREATE TABLE c (id INTEGER PRIMARY KEY, u_id INTEGER NOT NULL REFERENCES u(id))"_s));
        QVERIFY(exec(u"PRAGMA foreign_keys = ON"_s));
        QVERIFY(exec(u"INSERT INTO u (email) VALUES ('a@example.org')"_s));
        QVERIFY(q.prepare(u"INSERT INTO u (email) VALUES (?)"_s));
        q.addBindValue(u"a@example.org"_s);
        QVERIFY(!q.exec());
        QVERIFY(isConstraintError(q.lastError()));
        QVERIFY(isUniqueConstraintError(q.lastError()));
        QCOMPARE(q.lastError().nativeErrorCode(), u"2067"_s); // SQLITE_CONSTRAINT_UNIQUE
        QVERIFY(q.lastError().text().contains(u"UNIQUE"_s));

        q.addBindValue(QVariant());
        QVERIFY(!q.exec());
        QVERIFY(isConstraintError(q.lastError()));
        QVERIFY(!isUniqueConstraintError(q.lastError()));

        QVERIFY(!q.exec(u"INSERT INTO c (u_id) VALUES (999)"_s));
        QVERIFY(isConstraintError(q.lastError()));
        QVERIFY(q.lastError().text().contains(u"FOREIGN KEY"_s));

        // one statement per exec: a second one is an error, not silently dropped
        QVERIFY(!q.exec(u"INSERT INTO t (i) VALUES (1); DROP TABLE t"_s));
        QCOMPARE(scalar(u"SELECT count(*) FROM t"_s), 0);
        // trailing comments and semicolons are fine
        QVERIFY(q.exec(u"INSERT INTO t (i) VALUES (1); -- done"_s));
        QCOMPARE(scalar(u"SELECT count(*) FROM t"_s), 1);
        // the query still works after errors
        QVERIFY(q.exec(u"SELECT 1"_s));
        QVERIFY(q.next());
        QVERIFY(!q.lastError().isValid());
    }

    void catalogue()
    {
        QVERIFY(
            exec(u"CREATE TABLE \"we\"\"ird\" (a TEXT NOT NULL DEFAULT 'x''y', b INTEGER, PRIMARY KEY (b, a))"_s));
        QVERIFY(exec(u"CREATE VIEW v AS SELECT i FROM t"_s));
        const QStringList tables = m_db.tables(QSql::Tables);
        QCOMPARE(tables, (QStringList{u"t"_s, u"we\"ird"_s}));
        QCOMPARE(m_db.tables(QSql::Views), QStringList{u"v"_s});
        QVERIFY(m_db.tables(QSql::SystemTables).contains(u"sqlite_master"_s));

        const QSqlIndex pk = m_db.primaryIndex(u"t"_s);
        QCOMPARE(pk.count(), 1);
        QCOMPARE(pk.fieldName(0), u"id"_s);
        const QSqlIndex pk2 = m_db.primaryIndex(u"we\"ird"_s);
        QCOMPARE(pk2.count(), 2);
        QCOMPARE(pk2.fieldName(0), u"b"_s);
        QCOMPARE(pk2.fieldName(1), u"a"_s);

        const QSqlRecord rec = m_db.record(u"t"_s);
        QCOMPARE(rec.count(), 6);
        QCOMPARE(rec.field(u"id"_s).metaType(), QMetaType::fromType<qlonglong>());
        QVERIFY(rec.field(u"id"_s).isAutoValue());
        QCOMPARE(rec.field(u"b"_s).metaType(), QMetaType::fromType<QByteArray>());
        const QSqlRecord rec2 = m_db.record(u"we\"ird"_s);
        QCOMPARE(rec2.field(u"a"_s).requiredStatus(), QSqlField::Required);
        QCOMPARE(rec2.field(u"a"_s).defaultValue().toString(), u"x'y"_s);
        QVERIFY(m_db.record(u"no_such"_s).isEmpty());

        QCOMPARE(m_db.driver()->escapeIdentifier(u"we\"ird"_s, QSqlDriver::TableName), u"\"we\"\"ird\""_s);
        QSqlField blobField(u"b"_s, QMetaType::fromType<QByteArray>());
        blobField.setValue(QByteArray("\x01\xff", 2));
        QCOMPARE(m_db.driver()->formatValue(blobField), u"X'01ff'"_s);
        QSqlField textField(u"t"_s, QMetaType::fromType<QString>());
        textField.setValue(u"it's"_s);
        QCOMPARE(m_db.driver()->formatValue(textField), u"'it''s'"_s);
    }

    void tableModel()
    {
        QVERIFY(exec(u"CREATE TABLE people (id TEXT PRIMARY KEY NOT NULL, name TEXT NOT NULL, age INTEGER)"_s));
        QVERIFY(exec(u"INSERT INTO people VALUES ('p1', 'Ann', 30), ('p2', 'Bob', 40), ('p3', 'Cy', NULL)"_s));

        QSqlTableModel model(nullptr, m_db);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setTable(u"people"_s);
        model.setEditStrategy(QSqlTableModel::OnManualSubmit);
        model.setSort(0, Qt::AscendingOrder);
        QVERIFY2(model.select(), qPrintable(model.lastError().text()));
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.columnCount(), 3);
        QCOMPARE(model.headerData(1, Qt::Horizontal).toString(), u"name"_s);
        QCOMPARE(model.data(model.index(1, 1)).toString(), u"Bob"_s);
        QVERIFY(model.data(model.index(2, 2)).isNull());

        // setData + submitAll updates by primary key
        QVERIFY(model.setData(model.index(1, 1), u"Robert"_s));
        QVERIFY(model.setData(model.index(2, 2), 7));
        QVERIFY2(model.submitAll(), qPrintable(model.lastError().text()));
        QSqlQuery q(m_db);
        QVERIFY(q.exec(u"SELECT name FROM people WHERE id = 'p2'"_s) && q.next());
        QCOMPARE(q.value(0).toString(), u"Robert"_s);
        QCOMPARE(scalar(u"SELECT age FROM people WHERE id = 'p3'"_s), 7);

        // insertRows
        const int row = model.rowCount();
        QVERIFY(model.insertRows(row, 1));
        QVERIFY(model.setData(model.index(row, 0), u"p4"_s));
        QVERIFY(model.setData(model.index(row, 1), u"Dee"_s));
        QVERIFY2(model.submitAll(), qPrintable(model.lastError().text()));
        QCOMPARE(scalar(u"SELECT count(*) FROM people WHERE id = 'p4' AND name = 'Dee' AND age IS NULL"_s), 1);
        QCOMPARE(model.rowCount(), 4);

        // a failing insert reports the constraint error
        QVERIFY(model.insertRows(0, 1));
        QVERIFY(model.setData(model.index(0, 0), u"p5"_s));
        QVERIFY(!model.submitAll()); // name NOT NULL
        QVERIFY(isConstraintError(model.lastError()));
        model.revertAll();

        // removeRows
        QVERIFY(model.select());
        QVERIFY(model.removeRows(0, 2));
        QVERIFY2(model.submitAll(), qPrintable(model.lastError().text()));
        QCOMPARE(scalar(u"SELECT count(*) FROM people"_s), 2);
        QCOMPARE(scalar(u"SELECT count(*) FROM people WHERE id IN ('p1', 'p2')"_s), 0);
        QCOMPARE(model.rowCount(), 2);
    }

    void queryModel()
    {
        QVERIFY(m_db.transaction());
        QSqlQuery ins(m_db);
        QVERIFY(ins.prepare(u"INSERT INTO t (i, txt) VALUES (?, ?)"_s));
        for (int i = 0; i < 700; ++i) { // more than QSqlQueryModel's fetch chunk of 255
            ins.addBindValue(i);
            ins.addBindValue(u"v%1"_s.arg(i));
            QVERIFY(ins.exec());
        }
        QVERIFY(m_db.commit());

        QSqlQueryModel model;
        model.setQuery(u"SELECT i, txt FROM t ORDER BY i"_s, m_db);
        QVERIFY2(!model.lastError().isValid(), qPrintable(model.lastError().text()));
        // Attached after setQuery(): Qt 6.4's QSqlQueryModel::setQuery() calls fetchMore() inside
        // its model reset for drivers without QuerySize, which the tester flags (the stock QSQLITE
        // driver shows the same). Incremental fetching below is checked by the tester.
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.columnCount(), 2);
        QVERIFY(model.rowCount() > 0);
        while (model.canFetchMore())
            model.fetchMore();
        QCOMPARE(model.rowCount(), 700);
        QCOMPARE(model.data(model.index(0, 1)).toString(), u"v0"_s);
        QCOMPARE(model.data(model.index(699, 0)).toInt(), 699);
        QCOMPARE(model.data(model.index(350, 1)).toString(), u"v350"_s);
        QCOMPARE(model.record(10).value(u"txt"_s).toString(), u"v10"_s);
    }

    void concurrentWritersAndReader()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"concurrent.db"_s);
        QVERIFY(ConnectionFactory::createDatabase(path, test::testKey(9)));
        ConnectionFactory factory(path, test::testKey(9));
        {
            auto db = factory.connection();
            QVERIFY(db);
            QSqlQuery q(*db);
            QVERIFY(q.exec(u"CREATE TABLE events (id INTEGER PRIMARY KEY, writer INTEGER, n INTEGER)"_s));
        }

        constexpr int kTransactions = 60;
        constexpr int kRowsPerTransaction = 5;
        QMutex mutex;
        QStringList failures;
        auto fail = [&](const QString& what) {
            QMutexLocker lock(&mutex);
            failures << what;
        };
        std::atomic<int> writersDone{0};
        std::atomic<int> reads{0};

        auto writer = [&](int id) {
            auto db = factory.connection(u"writer"_s);
            if (!db) {
                fail(db.error().detail());
                ++writersDone;
                return;
            }
            QSqlQuery q(*db);
            q.prepare(u"INSERT INTO events (writer, n) VALUES (?, ?)"_s);
            for (int t = 0; t < kTransactions; ++t) {
                if (!db->transaction()) {
                    fail(u"begin: "_s + db->lastError().text());
                    break;
                }
                for (int r = 0; r < kRowsPerTransaction; ++r) {
                    q.bindValue(0, id);
                    q.bindValue(1, t * kRowsPerTransaction + r);
                    if (!q.exec())
                        fail(u"insert: "_s + q.lastError().text());
                }
                if (!db->commit())
                    fail(u"commit: "_s + db->lastError().text());
            }
            q = QSqlQuery();
            *db = QSqlDatabase();
            factory.releaseThreadConnections();
            ++writersDone;
        };
        auto reader = [&] {
            auto db = factory.connection(u"reader"_s);
            if (!db) {
                fail(db.error().detail());
                return;
            }
            QSqlQuery q(*db);
            q.setForwardOnly(true);
            qlonglong last = 0;
            bool finalRead = false;
            while (!finalRead) {
                finalRead = writersDone.load() == 2; // one more read after both writers finished
                if (!q.exec(u"SELECT count(*) FROM events"_s) || !q.next()) {
                    fail(u"read: "_s + q.lastError().text());
                    break;
                }
                const qlonglong n = q.value(0).toLongLong();
                if (n < last || n % kRowsPerTransaction != 0) // readers see whole transactions only
                    fail(u"reader saw %1 after %2"_s.arg(n).arg(last));
                last = n;
                ++reads;
            }
            q = QSqlQuery();
            *db = QSqlDatabase();
            factory.releaseThreadConnections();
        };

        std::unique_ptr<QThread> w1(QThread::create(writer, 1));
        std::unique_ptr<QThread> w2(QThread::create(writer, 2));
        std::unique_ptr<QThread> r(QThread::create(reader));
        r->start();
        w1->start();
        w2->start();
        QVERIFY(w1->wait(60000));
        QVERIFY(w2->wait(60000));
        QVERIFY(r->wait(60000));
        QVERIFY2(failures.isEmpty(), qPrintable(failures.join(u"; "_s)));
        QVERIFY(reads.load() >= 1);

        auto db = factory.connection();
        QVERIFY(db);
        QSqlQuery q(*db);
        QVERIFY(q.exec(u"SELECT writer, count(*) FROM events GROUP BY writer ORDER BY writer"_s));
        for (int id : {1, 2}) {
            QVERIFY(q.next());
            QCOMPARE(q.value(0).toInt(), id);
            QCOMPARE(q.value(1).toInt(), kTransactions * kRowsPerTransaction);
        }
        q = QSqlQuery();
        *db = QSqlDatabase();
        factory.releaseThreadConnections();
    }

    void closeWithLiveQueries()
    {
        QVERIFY(exec(u"INSERT INTO t (i) VALUES (1), (2)"_s));
        QSqlQuery q(m_db);
        QVERIFY(q.exec(u"SELECT i FROM t"_s));
        QVERIFY(q.next());
        m_db.close(); // finalizes the pending statement; must not crash or leak the handle
        QVERIFY(!m_db.isOpen());
        QVERIFY(!q.isActive());
        QVERIFY(!q.exec(u"SELECT 1"_s));
    }
};

QTEST_GUILESS_MAIN(TestSqlCipherDriver)
#include "TestSqlCipherDriver.moc"
