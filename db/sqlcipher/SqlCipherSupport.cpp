#include "db/sqlcipher/SqlCipherSupport.h"

#include "db/sqlcipher/SqlCipherErrors.h"

using namespace Qt::StringLiterals;

namespace hh::db {
namespace detail {

QSqlError makeError(sqlite3* db, int rc, const QString& context, QSqlError::ErrorType type)
{
    const int extended = db ? sqlite3_extended_errcode(db) : rc;
    // sqlite3_extended_errcode() reports the last error of the connection; prefer rc when it is
    // more specific or the connection reports success (e.g. errors returned before any call).
    const int code = ((extended & 0xff) == (rc & 0xff)) ? extended : rc;
    const QString dbText = db ? QString::fromUtf8(sqlite3_errmsg(db)) : QString::fromUtf8(sqlite3_errstr(rc));
    QString driverText = context;
    if ((code & 0xff) == SQLITE_NOTADB)
        driverText = context.isEmpty() ? u"wrong key"_s : context + u" (wrong key)"_s;
    return QSqlError(driverText, dbText, type, QString::number(code));
}

QMetaType metaTypeForDeclaredType(QStringView declaredType)
{
    // https://www.sqlite.org/datatype3.html section 3.1, in rule order.
    const QString t = declaredType.toString().toUpper();
    if (t.isEmpty())
        return {};
    if (t.contains(u"INT"))
        return QMetaType::fromType<qlonglong>();
    if (t.contains(u"CHAR") || t.contains(u"CLOB") || t.contains(u"TEXT"))
        return QMetaType::fromType<QString>();
    if (t.contains(u"BLOB"))
        return QMetaType::fromType<QByteArray>();
    if (t.contains(u"REAL") || t.contains(u"FLOA") || t.contains(u"DOUB"))
        return QMetaType::fromType<double>();
    if (t.contains(u"BOOL"))
        return QMetaType::fromType<bool>();
    return QMetaType::fromType<double>(); // NUMERIC affinity
}

QMetaType metaTypeForStorageClass(int sqliteType)
{
    switch (sqliteType) {
    case SQLITE_INTEGER:
        return QMetaType::fromType<qlonglong>();
    case SQLITE_FLOAT:
        return QMetaType::fromType<double>();
    case SQLITE_TEXT:
        return QMetaType::fromType<QString>();
    case SQLITE_BLOB:
        return QMetaType::fromType<QByteArray>();
    default:
        return {};
    }
}

bool containsSqlToken(QStringView sql)
{
    const qsizetype n = sql.size();
    qsizetype i = 0;
    while (i < n) {
        const QChar c = sql[i];
        if (c.isSpace() || c == u';') {
            ++i;
        } else if (c == u'-' && i + 1 < n && sql[i + 1] == u'-') {
            while (i < n && sql[i] != u'\n')
                ++i;
        } else if (c == u'/' && i + 1 < n && sql[i + 1] == u'*') {
            i += 2;
            while (i < n && !(sql[i] == u'*' && i + 1 < n && sql[i + 1] == u'/'))
                ++i;
            i += 2; // past "*/" (or past the end of an unterminated comment)
        } else {
            return true;
        }
    }
    return false;
}

} // namespace detail

int sqliteExtendedCode(const QSqlError& error)
{
    bool ok = false;
    const int code = error.nativeErrorCode().toInt(&ok);
    return ok ? code : 0;
}

int sqlitePrimaryCode(const QSqlError& error)
{
    return sqliteExtendedCode(error) & 0xff;
}

bool isWrongKeyError(const QSqlError& error)
{
    return sqlitePrimaryCode(error) == SQLITE_NOTADB;
}

bool isConstraintError(const QSqlError& error)
{
    return sqlitePrimaryCode(error) == SQLITE_CONSTRAINT;
}

bool isUniqueConstraintError(const QSqlError& error)
{
    const int code = sqliteExtendedCode(error);
    return code == SQLITE_CONSTRAINT_UNIQUE || code == SQLITE_CONSTRAINT_PRIMARYKEY;
}

bool isBusyError(const QSqlError& error)
{
    const int code = sqlitePrimaryCode(error);
    return code == SQLITE_BUSY || code == SQLITE_LOCKED;
}

} // namespace hh::db
