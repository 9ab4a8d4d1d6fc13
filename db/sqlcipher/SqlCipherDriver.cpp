#include "db/sqlcipher/SqlCipherDriver.h"

#include "core/Log.h"
#include "core/SecretBytes.h"
#include "db/sqlcipher/SqlCipherResult.h"
#include "db/sqlcipher/SqlCipherSupport.h"

#include <QFile>
#include <QSqlDatabase>
#include <QSqlDriverCreator>
#include <QSqlField>
#include <QSqlIndex>
#include <QSqlRecord>

#include <algorithm>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace hh::db {

namespace {

constexpr qsizetype kRawKeySize = 32;

bool isFilePath(const QString& name)
{
    return !name.isEmpty() && name != u":memory:" && !name.startsWith(u"file:");
}

// Runs a read-only statement and returns all rows (for the catalogue queries of const methods).
QList<QVariantList> queryRows(sqlite3* db, const QString& sql)
{
    QList<QVariantList> rows;
    if (!db)
        return rows;
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare16_v2(db, sql.utf16(), -1, &stmt, nullptr) != SQLITE_OK || !stmt) {
        qCWarning(lcDb) << "catalogue query failed:" << sqlite3_errmsg(db);
        sqlite3_finalize(stmt);
        return rows;
    }
    const int columns = sqlite3_column_count(stmt);
    int rc = SQLITE_OK;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        QVariantList row;
        row.reserve(columns);
        for (int c = 0; c < columns; ++c) {
            switch (sqlite3_column_type(stmt, c)) {
            case SQLITE_INTEGER:
                row.append(qlonglong(sqlite3_column_int64(stmt, c)));
                break;
            case SQLITE_NULL:
                row.append(QVariant());
                break;
            default: {
                const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, c));
                row.append(QString::fromUtf8(text, sqlite3_column_bytes(stmt, c)));
                break;
            }
            }
        }
        rows.append(row);
    }
    if (rc != SQLITE_DONE)
        qCWarning(lcDb) << "catalogue query failed:" << sqlite3_errmsg(db);
    sqlite3_finalize(stmt);
    return rows;
}

} // namespace

SqlCipherDriver::SqlCipherDriver(QObject* parent) : QSqlDriver(parent) {}

SqlCipherDriver::~SqlCipherDriver()
{
    close();
    // Results (QSqlQuery objects) may outlive the driver: make them forget it.
    for (SqlCipherResult* r : std::as_const(m_results))
        r->m_driver = nullptr;
    m_results.clear();
}

void SqlCipherDriver::attachResult(SqlCipherResult* result) const
{
    m_results.append(result);
}

void SqlCipherDriver::detachResult(SqlCipherResult* result) const
{
    m_results.removeOne(result);
}

bool SqlCipherDriver::hasFeature(DriverFeature feature) const
{
    switch (feature) {
    case Transactions:
    case BLOB:
    case Unicode:
    case PreparedQueries:
    case PositionalPlaceholders:
    case LastInsertId:
    case LowPrecisionNumbers:
    case FinishQuery:
        return true;
    case NamedPlaceholders: // QSqlResult rewrites :name to ? and maps the values for us
    case QuerySize:         // SQLite cannot count rows without stepping through them
    case BatchOperations:   // QSqlResult emulates execBatch() with repeated exec()
    case SimpleLocking:     // WAL: a pending read does not block writes on the same connection
    case EventNotifications:
    case MultipleResultSets:
    case CancelQuery:
        return false;
    }
    return false;
}

bool SqlCipherDriver::open(const QString& db, const QString& user, const QString& password, const QString& host,
                           int port, const QString& connectOptions)
{
    Q_UNUSED(host)
    Q_UNUSED(port)
    if (isOpen())
        close();

    auto fail = [this](const QSqlError& error) {
        setLastError(error);
        setOpenError(true);
        return false;
    };
    if (!user.isEmpty() || !password.isEmpty()) {
        return fail(
            QSqlError(u"User and password are not used: key the connection with SqlCipherDriver::setKey()"_s,
                      QString(), QSqlError::ConnectionError));
    }

    bool create = true;
    bool readOnly = false;
    int busyTimeoutMs = kDefaultBusyTimeoutMs;
    const QStringList options = connectOptions.split(u';', Qt::SkipEmptyParts);
    for (const QString& raw : options) {
        const QString option = raw.trimmed();
        if (option.isEmpty())
            continue;
        if (option == u"HH_NO_CREATE") {
            create = false;
        } else if (option == u"HH_READONLY") {
            readOnly = true;
        } else if (option.startsWith(u"HH_BUSY_TIMEOUT=")) {
            bool ok = false;
            busyTimeoutMs = option.mid(16).toInt(&ok);
            if (!ok || busyTimeoutMs < 0)
                return fail(QSqlError(u"Invalid HH_BUSY_TIMEOUT"_s, QString(), QSqlError::ConnectionError));
        } else {
            return fail(
                QSqlError(u"Unknown connect option: %1"_s.arg(option), QString(), QSqlError::ConnectionError));
        }
    }

    const QByteArray path = QFile::encodeName(db);
    if (create && !readOnly && isFilePath(db)) {
        // Files the app writes are owner-only: create the file ourselves with 0600 (SQLite would
        // use 0644 & ~umask). The -wal and -shm files inherit the database file's mode.
        const int fd = ::open(path.constData(), O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
        if (fd >= 0) {
            (void)::fchmod(fd, 0600);
            ::close(fd);
        } else if (errno != EEXIST) {
            return fail(QSqlError(u"Cannot create the database file"_s, QString::fromLocal8Bit(strerror(errno)),
                                  QSqlError::ConnectionError, QString::number(SQLITE_CANTOPEN)));
        }
    }

    int flags = readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
    if (create && !readOnly)
        flags |= SQLITE_OPEN_CREATE;
    // One connection per thread (Qt's rule): no need for SQLite's per-connection mutex.
    flags |= SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_PRIVATECACHE;
    if (db.startsWith(u"file:"))
        flags |= SQLITE_OPEN_URI;

    sqlite3* handle = nullptr;
    const int rc = sqlite3_open_v2(path.constData(), &handle, flags, nullptr);
    if (rc != SQLITE_OK) {
        const QSqlError error =
            detail::makeError(handle, rc, u"Error opening database"_s, QSqlError::ConnectionError);
        sqlite3_close(handle);
        return fail(error);
    }
    sqlite3_extended_result_codes(handle, 1);
    sqlite3_busy_timeout(handle, busyTimeoutMs);
    m_db = handle;
    setOpen(true);
    setOpenError(false);
    return true;
}

void SqlCipherDriver::close()
{
    if (m_db) {
        // Every statement must be finalized before the connection can close.
        for (SqlCipherResult* r : std::as_const(m_results))
            r->invalidate();
        const int rc = sqlite3_close(m_db);
        if (rc != SQLITE_OK) {
            qCWarning(lcDb) << "sqlite3_close failed with" << rc << "- deferring the close";
            sqlite3_close_v2(m_db);
        }
        m_db = nullptr;
    }
    setOpen(false);
    setOpenError(false);
}

QSqlResult* SqlCipherDriver::createResult() const
{
    return new SqlCipherResult(this);
}

QVariant SqlCipherDriver::handle() const
{
    return m_db ? QVariant::fromValue(m_db) : QVariant();
}

Status SqlCipherDriver::setKey(const SecretBytes& rawKey)
{
    if (!m_db)
        return Error(ErrorCode::Database,
                     QCoreApplication::translate("hh::db::SqlCipherDriver", "The database is not open."),
                     u"setKey on a closed connection"_s);
    if (qsizetype(rawKey.size()) != kRawKeySize)
        return Error(ErrorCode::InvalidInput,
                     QCoreApplication::translate("hh::db::SqlCipherDriver", "The database key is malformed."),
                     u"raw key must be %1 bytes"_s.arg(kRawKeySize));
    // x'<64 hex>' tells SQLCipher the key is raw key material: no PBKDF2 runs.
    static constexpr char kHex[] = "0123456789abcdef";
    SecretBytes literal(QByteArray(3 + 2 * kRawKeySize, '\0'));
    unsigned char* out = literal.mutableData();
    const unsigned char* in = rawKey.udata();
    out[0] = 'x';
    out[1] = '\'';
    for (qsizetype i = 0; i < kRawKeySize; ++i) {
        out[2 + 2 * i] = static_cast<unsigned char>(kHex[in[i] >> 4]);
        out[3 + 2 * i] = static_cast<unsigned char>(kHex[in[i] & 0x0f]);
    }
    out[2 + 2 * kRawKeySize] = '\'';
    const int rc = sqlite3_key(m_db, literal.data(), int(literal.size()));
    if (rc != SQLITE_OK)
        return Error(ErrorCode::Database,
                     QCoreApplication::translate("hh::db::SqlCipherDriver", "The database could not be keyed."),
                     u"sqlite3_key failed: %1"_s.arg(rc));
    return success();
}

bool SqlCipherDriver::execSimple(const char* sql, QSqlError::ErrorType type, const QString& context)
{
    if (!m_db) {
        setLastError(QSqlError(context, u"Database is not open"_s, type));
        return false;
    }
    const int rc = sqlite3_exec(m_db, sql, nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK) {
        setLastError(detail::makeError(m_db, rc, context, type));
        return false;
    }
    return true;
}

bool SqlCipherDriver::beginTransaction()
{
    return execSimple("BEGIN IMMEDIATE", QSqlError::TransactionError, u"Unable to begin transaction"_s);
}

bool SqlCipherDriver::commitTransaction()
{
    return execSimple("COMMIT", QSqlError::TransactionError, u"Unable to commit transaction"_s);
}

bool SqlCipherDriver::rollbackTransaction()
{
    return execSimple("ROLLBACK", QSqlError::TransactionError, u"Unable to roll back transaction"_s);
}

QStringList SqlCipherDriver::tables(QSql::TableType type) const
{
    QStringList result;
    if (!m_db)
        return result;
    QStringList conditions;
    if (type & QSql::Tables)
        conditions << u"(type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\')"_s;
    if (type & QSql::Views)
        conditions << u"type = 'view'"_s;
    if (type & QSql::SystemTables) {
        conditions << u"(type = 'table' AND name LIKE 'sqlite\\_%' ESCAPE '\\')"_s;
        result << u"sqlite_master"_s;
    }
    if (conditions.isEmpty())
        return result;
    const QString sql =
        u"SELECT name FROM sqlite_master WHERE "_s + conditions.join(u" OR "_s) + u" ORDER BY name"_s;
    const auto rows = queryRows(m_db, sql);
    for (const QVariantList& row : rows)
        result << row.value(0).toString();
    return result;
}

QList<SqlCipherDriver::ColumnInfo> SqlCipherDriver::tableInfo(const QString& tableName) const
{
    QList<ColumnInfo> columns;
    if (!m_db || tableName.isEmpty())
        return columns;
    QString table = tableName;
    if (isIdentifierEscaped(table, TableName))
        table = stripDelimiters(table, TableName);
    const QString sql = u"PRAGMA table_info("_s + escapeIdentifier(table, TableName) + u")"_s;
    const auto rows = queryRows(m_db, sql);
    for (const QVariantList& row : rows) {
        // cid, name, type, notnull, dflt_value, pk
        ColumnInfo info;
        info.name = row.value(1).toString();
        info.declType = row.value(2).toString();
        info.notNull = row.value(3).toLongLong() != 0;
        info.defaultValue = row.value(4);
        info.pkOrder = int(row.value(5).toLongLong());
        columns.append(info);
    }
    return columns;
}

QSqlRecord SqlCipherDriver::record(const QString& tableName) const
{
    QSqlRecord rec;
    const auto columns = tableInfo(tableName);
    const auto pkCount =
        std::count_if(columns.begin(), columns.end(), [](const ColumnInfo& c) { return c.pkOrder > 0; });
    for (const ColumnInfo& c : columns) {
        QMetaType type = detail::metaTypeForDeclaredType(c.declType);
        if (!type.isValid())
            type = QMetaType::fromType<QString>();
        QSqlField field(c.name, type, tableName);
        field.setRequiredStatus(c.notNull ? QSqlField::Required : QSqlField::Optional);
        if (c.defaultValue.isValid()) {
            QString def = c.defaultValue.toString();
            if (def.size() >= 2 && def.startsWith(u'\'') && def.endsWith(u'\''))
                def = def.mid(1, def.size() - 2).replace(u"''"_s, u"'"_s);
            field.setDefaultValue(def);
        }
        // INTEGER PRIMARY KEY is an alias of the rowid: SQLite fills it in.
        if (pkCount == 1 && c.pkOrder == 1 && c.declType.compare(u"INTEGER", Qt::CaseInsensitive) == 0)
            field.setAutoValue(true);
        rec.append(field);
    }
    return rec;
}

QSqlIndex SqlCipherDriver::primaryIndex(const QString& tableName) const
{
    QSqlIndex index(tableName);
    auto columns = tableInfo(tableName);
    columns.removeIf([](const ColumnInfo& c) { return c.pkOrder <= 0; });
    std::sort(columns.begin(), columns.end(),
              [](const ColumnInfo& a, const ColumnInfo& b) { return a.pkOrder < b.pkOrder; });
    for (const ColumnInfo& c : std::as_const(columns)) {
        QMetaType type = detail::metaTypeForDeclaredType(c.declType);
        if (!type.isValid())
            type = QMetaType::fromType<QString>();
        index.append(QSqlField(c.name, type, tableName));
    }
    if (!columns.isEmpty())
        index.setName(u"primary"_s);
    return index;
}

QString SqlCipherDriver::escapeIdentifier(const QString& identifier, IdentifierType type) const
{
    if (identifier.isEmpty() || isIdentifierEscaped(identifier, type))
        return identifier;
    QString escaped = identifier;
    escaped.replace(u'"', u"\"\""_s);
    return u'"' + escaped + u'"';
}

QString SqlCipherDriver::formatValue(const QSqlField& field, bool trimStrings) const
{
    const QVariant v = field.value();
    if (field.isNull() || !v.isValid())
        return u"NULL"_s;
    switch (v.typeId()) {
    case QMetaType::QByteArray:
        return u"X'"_s + QString::fromLatin1(v.toByteArray().toHex()) + u'\'';
    case QMetaType::Bool:
        return v.toBool() ? u"1"_s : u"0"_s;
    case QMetaType::QString: {
        QString s = v.toString();
        if (s.isNull())
            return u"NULL"_s;
        if (trimStrings) {
            while (!s.isEmpty() && s.back().isSpace())
                s.chop(1);
        }
        s.replace(u'\'', u"''"_s);
        return u'\'' + s + u'\'';
    }
    default:
        return QSqlDriver::formatValue(field, trimStrings);
    }
}

void registerSqlCipherDriver()
{
    // Function-local static: initialised exactly once, thread-safe (C++11 magic statics).
    static const bool registered = [] {
        QSqlDatabase::registerSqlDriver(sqlCipherDriverName(), new QSqlDriverCreator<SqlCipherDriver>);
        return true;
    }();
    Q_UNUSED(registered)
}

QString sqlCipherDriverName()
{
    return u"HHSQLCIPHER"_s;
}

} // namespace hh::db
