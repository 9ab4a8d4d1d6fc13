#include "db/sqlcipher/SqlCipherResult.h"

#include "db/sqlcipher/SqlCipherDriver.h"
#include "db/sqlcipher/SqlCipherSupport.h"

#include <QDate>
#include <QDateTime>
#include <QSqlField>
#include <QTime>
#include <QUuid>

#include <limits>

using namespace Qt::StringLiterals;

namespace hh::db {

namespace {

// Qt 6's QVariant::isNull() no longer looks at QString::isNull() and friends; callers (and
// QSqlTableModel) still expect a null string or an invalid date to be stored as SQL NULL.
bool isNullValue(const QVariant& v)
{
    if (!v.isValid() || v.isNull())
        return true;
    switch (v.typeId()) {
    case QMetaType::QString:
        return static_cast<const QString*>(v.constData())->isNull();
    case QMetaType::QByteArray:
        return static_cast<const QByteArray*>(v.constData())->isNull();
    case QMetaType::QDate:
        return !static_cast<const QDate*>(v.constData())->isValid();
    case QMetaType::QTime:
        return !static_cast<const QTime*>(v.constData())->isValid();
    case QMetaType::QDateTime:
        return !static_cast<const QDateTime*>(v.constData())->isValid();
    default:
        return false;
    }
}

// First keyword is INSERT or REPLACE (lastInsertId() is only meaningful for those).
bool startsWithInsert(QStringView sql)
{
    qsizetype i = 0;
    const qsizetype n = sql.size();
    // skip whitespace and comments
    while (i < n) {
        if (sql[i].isSpace()) {
            ++i;
        } else if (sql.mid(i).startsWith(u"--")) {
            while (i < n && sql[i] != u'\n')
                ++i;
        } else if (sql.mid(i).startsWith(u"/*")) {
            const qsizetype end = sql.indexOf(u"*/", i + 2);
            i = end < 0 ? n : end + 2;
        } else {
            break;
        }
    }
    const QStringView rest = sql.mid(i);
    return rest.startsWith(u"INSERT", Qt::CaseInsensitive) || rest.startsWith(u"REPLACE", Qt::CaseInsensitive);
}

} // namespace

SqlCipherResult::SqlCipherResult(const SqlCipherDriver* driver)
    : QSqlResult(driver), m_driver(const_cast<SqlCipherDriver*>(driver))
{
    if (m_driver)
        m_driver->attachResult(this);
}

SqlCipherResult::~SqlCipherResult()
{
    finalize();
    if (m_driver)
        m_driver->detachResult(this);
}

QVariant SqlCipherResult::handle() const
{
    return m_stmt ? QVariant::fromValue(m_stmt) : QVariant();
}

void SqlCipherResult::finalize()
{
    if (m_stmt) {
        sqlite3_finalize(m_stmt);
        m_stmt = nullptr;
    }
    clearRowState();
    m_columnCount = 0;
    m_readOnly = true;
    m_isInsert = false;
    m_declTypes.clear();
    m_valueTypes.clear();
    m_recordValid = false;
    m_boundValues.clear();
    m_bindBuffers.clear();
}

void SqlCipherResult::clearRowState()
{
    if (m_stmt && !m_done)
        sqlite3_reset(m_stmt);
    m_stepRow = -1;
    m_done = true;
    m_failed = false;
    m_cache.clear();
    m_cachedRows = 0;
    m_lastRow.clear();
    m_onLastRowCopy = false;
    m_rowsAffected = -1;
    m_lastInsertId = QVariant();
}

void SqlCipherResult::setStatementError(int rc, const QString& context)
{
    setLastError(
        detail::makeError(m_driver ? m_driver->nativeHandle() : nullptr, rc, context, QSqlError::StatementError));
}

bool SqlCipherResult::reset(const QString& query)
{
    if (!prepare(query))
        return false;
    return exec();
}

bool SqlCipherResult::prepare(const QString& query)
{
    finalize();
    setSelect(false);
    sqlite3* db = m_driver ? m_driver->nativeHandle() : nullptr;
    if (!db) {
        setLastError(QSqlError(u"Database is not open"_s, QString(), QSqlError::ConnectionError));
        return false;
    }
    const void* tail = nullptr;
    // Passing the size including the terminating NUL lets SQLite skip a copy.
    const int bytes = int((query.size() + 1) * qsizetype(sizeof(char16_t)));
    const int rc = sqlite3_prepare16_v2(db, query.utf16(), bytes, &m_stmt, &tail);
    if (rc != SQLITE_OK) {
        setStatementError(rc, u"Unable to prepare statement"_s);
        finalize();
        return false;
    }
    if (!m_stmt) {
        setLastError(QSqlError(u"No SQL statement in query"_s, QString(), QSqlError::StatementError));
        return false;
    }
    if (tail) {
        const auto* tailChars = static_cast<const char16_t*>(tail);
        const auto* begin = reinterpret_cast<const char16_t*>(query.utf16());
        const qsizetype offset = tailChars - begin;
        if (offset >= 0 && offset < query.size() && detail::containsSqlToken(QStringView(query).mid(offset))) {
            setLastError(QSqlError(u"Only one SQL statement per query is supported"_s, QString(),
                                   QSqlError::StatementError));
            finalize();
            return false;
        }
    }
    m_columnCount = sqlite3_column_count(m_stmt);
    m_readOnly = sqlite3_stmt_readonly(m_stmt) != 0;
    m_isInsert = !m_readOnly && startsWithInsert(query);
    m_declTypes.resize(m_columnCount);
    m_valueTypes.resize(m_columnCount);
    m_hasUndeclared = false;
    for (int c = 0; c < m_columnCount; ++c) {
        const auto* decl = static_cast<const char16_t*>(sqlite3_column_decltype16(m_stmt, c));
        m_declTypes[c] = decl ? detail::metaTypeForDeclaredType(QStringView(decl)) : QMetaType();
        if (!m_declTypes[c].isValid())
            m_hasUndeclared = true;
    }
    setSelect(m_columnCount > 0);
    return true;
}

void SqlCipherResult::bindValue(int pos, const QVariant& val, QSql::ParamType type)
{
    if (pos < 0 || type != QSql::In) {
        QSqlResult::bindValue(pos, val, type);
        return;
    }
    QList<QVariant>& values = boundValues();
    if (values.size() <= pos)
        values.resize(pos + 1);
    values[pos] = val;
}

bool SqlCipherResult::bindAll()
{
    const QList<QVariant>& bound = boundValues();
    const int paramCount = sqlite3_bind_parameter_count(m_stmt);
    if (bound.size() != paramCount) {
        setLastError(QSqlError(
            u"Parameter count mismatch: the statement has %1 parameters, %2 values are bound"_s.arg(paramCount)
                .arg(bound.size()),
            QString(), QSqlError::StatementError));
        return false;
    }
    // A statement with result rows is stepped after exec() returns: keep a (shallow, implicitly shared)
    // copy so that the bytes bound with SQLITE_STATIC stay valid even if the caller rebinds before it is
    // finished. A statement without result columns is done when exec() returns (and the copy would make
    // the caller's next bindValue() copy the whole list).
    if (m_columnCount > 0)
        m_boundValues = bound;
    else
        m_boundValues.clear();
    const QList<QVariant>& values = m_columnCount > 0 ? std::as_const(m_boundValues) : bound;
    if (m_bindBuffers.size() < size_t(paramCount))
        m_bindBuffers.resize(size_t(paramCount));
    auto bindText = [this](int pos, QByteArray utf8) {
        QByteArray& kept = m_bindBuffers[size_t(pos - 1)];
        kept = std::move(utf8);
        return sqlite3_bind_text(m_stmt, pos, kept.constData(), int(kept.size()), SQLITE_STATIC);
    };
    // Strings, the common case, are encoded into the parameter's own buffer: no allocation once it is big enough.
    auto bindString = [this](int pos, const QString& s) {
        QByteArray& kept = m_bindBuffers[size_t(pos - 1)];
        const qsizetype room = m_utf8.requiredSpace(s.size());
        if (!kept.isDetached() || kept.capacity() < room)
            kept = QByteArray(room, Qt::Uninitialized);
        else
            kept.resize(room);
        char* end = m_utf8.appendToBuffer(kept.data(), s);
        kept.truncate(end - kept.constData());
        return sqlite3_bind_text(m_stmt, pos, kept.constData(), int(kept.size()), SQLITE_STATIC);
    };
    for (int i = 0; i < paramCount; ++i) {
        const QVariant& v = values.at(i);
        const int pos = i + 1;
        int rc = SQLITE_OK;
        if (isNullValue(v)) {
            rc = sqlite3_bind_null(m_stmt, pos);
        } else {
            switch (v.typeId()) {
            case QMetaType::Bool:
                rc = sqlite3_bind_int64(m_stmt, pos, v.toBool() ? 1 : 0);
                break;
            case QMetaType::Int:
            case QMetaType::UInt:
            case QMetaType::Long:
            case QMetaType::ULong:
            case QMetaType::LongLong:
            case QMetaType::Short:
            case QMetaType::UShort:
            case QMetaType::Char:
            case QMetaType::SChar:
            case QMetaType::UChar:
                rc = sqlite3_bind_int64(m_stmt, pos, v.toLongLong());
                break;
            case QMetaType::ULongLong: {
                const qulonglong u = v.toULongLong();
                if (u <= qulonglong(std::numeric_limits<qint64>::max()))
                    rc = sqlite3_bind_int64(m_stmt, pos, qint64(u));
                else
                    rc = bindText(pos, QByteArray::number(u)); // does not fit SQLite's INTEGER
                break;
            }
            case QMetaType::Double:
            case QMetaType::Float:
                rc = sqlite3_bind_double(m_stmt, pos, v.toDouble());
                break;
            case QMetaType::QByteArray: {
                const auto* ba = static_cast<const QByteArray*>(v.constData());
                if (ba->isEmpty())
                    rc = sqlite3_bind_zeroblob(m_stmt, pos, 0); // a null pointer would bind NULL
                else
                    rc = sqlite3_bind_blob(m_stmt, pos, ba->constData(), int(ba->size()), SQLITE_STATIC);
                break;
            }
            case QMetaType::QString:
                rc = bindString(pos, *static_cast<const QString*>(v.constData()));
                break;
            case QMetaType::QDate:
                rc = bindText(pos, v.toDate().toString(Qt::ISODate).toUtf8());
                break;
            case QMetaType::QTime:
                rc = bindText(pos, v.toTime().toString(Qt::ISODateWithMs).toUtf8());
                break;
            case QMetaType::QDateTime:
                rc = bindText(pos, v.toDateTime().toString(Qt::ISODateWithMs).toUtf8());
                break;
            case QMetaType::QUuid:
                rc = bindText(pos, v.toUuid().toByteArray(QUuid::WithoutBraces));
                break;
            default:
                if (!v.canConvert<QString>()) {
                    setLastError(QSqlError(
                        u"Unsupported bind value type %1 at position %2"_s.arg(QString::fromLatin1(v.typeName()))
                            .arg(pos),
                        QString(), QSqlError::StatementError));
                    return false;
                }
                rc = bindText(pos, v.toString().toUtf8());
                break;
            }
        }
        if (rc != SQLITE_OK) {
            setStatementError(rc, u"Unable to bind value at position %1"_s.arg(pos));
            return false;
        }
    }
    return true;
}

bool SqlCipherResult::exec()
{
    if (!m_stmt) {
        setLastError(QSqlError(u"No prepared statement"_s, QString(), QSqlError::StatementError));
        return false;
    }
    clearRowState();
    setAt(QSql::BeforeFirstRow);
    setActive(false);
    if (!bindAll())
        return false;

    sqlite3* db = m_driver->nativeHandle();
    const int changesBefore = m_readOnly ? 0 : sqlite3_total_changes(db);
    const sqlite3_int64 rowidBefore = m_readOnly ? 0 : sqlite3_last_insert_rowid(db);

    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW) {
        m_stepRow = 0;
        m_done = false;
        if (m_hasUndeclared) {
            for (int c = 0; c < m_columnCount; ++c) {
                if (!m_declTypes[c].isValid())
                    m_valueTypes[c] = detail::metaTypeForStorageClass(sqlite3_column_type(m_stmt, c));
            }
            m_recordValid = false;
        }
        if (!isForwardOnly())
            cacheCurrentRow();
    } else if (rc == SQLITE_DONE) {
        m_done = true;
        sqlite3_reset(m_stmt); // releases locks and the read snapshot at once
    } else {
        setStatementError(rc, u"Unable to execute statement"_s);
        sqlite3_reset(m_stmt);
        m_done = true;
        return false;
    }

    m_rowsAffected = 0;
    if (!m_readOnly && sqlite3_total_changes(db) != changesBefore) {
        m_rowsAffected = sqlite3_changes(db);
        const sqlite3_int64 rowid = sqlite3_last_insert_rowid(db);
        if (m_isInsert || rowid != rowidBefore)
            m_lastInsertId = QVariant(qlonglong(rowid));
    }
    setSelect(m_columnCount > 0);
    setActive(true);
    return true;
}

bool SqlCipherResult::step()
{
    if (m_done)
        return false;
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW) {
        ++m_stepRow;
        if (!isForwardOnly())
            cacheCurrentRow();
        return true;
    }
    if (rc != SQLITE_DONE) {
        setStatementError(rc, u"Unable to fetch row"_s);
        m_failed = true;
    }
    m_done = true;
    sqlite3_reset(m_stmt);
    return false;
}

void SqlCipherResult::cacheCurrentRow()
{
    for (int c = 0; c < m_columnCount; ++c)
        m_cache.append(columnValue(c));
    ++m_cachedRows;
}

QMetaType SqlCipherResult::columnMetaType(int column) const
{
    if (column < 0 || column >= m_columnCount)
        return {};
    if (m_declTypes[column].isValid())
        return m_declTypes[column];
    if (m_valueTypes[column].isValid())
        return m_valueTypes[column];
    return QMetaType::fromType<QString>();
}

QVariant SqlCipherResult::columnValue(int column) const
{
    switch (sqlite3_column_type(m_stmt, column)) {
    case SQLITE_INTEGER: {
        const qint64 v = sqlite3_column_int64(m_stmt, column);
        if (numericalPrecisionPolicy() == QSql::LowPrecisionInt32)
            return QVariant(int(v));
        return QVariant(qlonglong(v));
    }
    case SQLITE_FLOAT: {
        const double v = sqlite3_column_double(m_stmt, column);
        switch (numericalPrecisionPolicy()) {
        case QSql::LowPrecisionInt32:
            return QVariant(int(v));
        case QSql::LowPrecisionInt64:
            return QVariant(qlonglong(v));
        default:
            return QVariant(v);
        }
    }
    case SQLITE_TEXT: {
        // sqlite3_column_text() before sqlite3_column_bytes(), as the SQLite docs require.
        const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(m_stmt, column));
        const int bytes = sqlite3_column_bytes(m_stmt, column);
        return QVariant(QString::fromUtf8(text, bytes));
    }
    case SQLITE_BLOB: {
        const auto* blob = static_cast<const char*>(sqlite3_column_blob(m_stmt, column));
        const int bytes = sqlite3_column_bytes(m_stmt, column);
        return QVariant(QByteArray(blob, bytes));
    }
    default: // SQLITE_NULL: a null QVariant of the column's type
        return QVariant(columnMetaType(column));
    }
}

QVariant SqlCipherResult::data(int index)
{
    if (index < 0 || index >= m_columnCount)
        return {};
    if (isForwardOnly()) {
        if (m_onLastRowCopy)
            return m_lastRow.value(index);
        if (m_done || at() != m_stepRow)
            return {};
        return columnValue(index);
    }
    const int row = at();
    if (row < 0 || row >= m_cachedRows)
        return {};
    return m_cache.at(qsizetype(row) * m_columnCount + index);
}

bool SqlCipherResult::isNull(int index)
{
    if (index < 0 || index >= m_columnCount)
        return true;
    if (isForwardOnly() && !m_onLastRowCopy) {
        if (m_done || at() != m_stepRow)
            return true;
        return sqlite3_column_type(m_stmt, index) == SQLITE_NULL;
    }
    return data(index).isNull();
}

bool SqlCipherResult::fetch(int index)
{
    if (index < 0 || !m_stmt)
        return false;
    if (isForwardOnly()) {
        if (m_onLastRowCopy)
            return index == at();
        if (index < m_stepRow)
            return false; // cannot go back
        while (!m_done && m_stepRow < index) {
            if (!step())
                return false;
        }
        if (m_done)
            return false;
        setAt(index);
        return true;
    }
    while (m_cachedRows <= index && !m_done)
        step();
    if (index >= m_cachedRows)
        return false;
    setAt(index);
    return true;
}

bool SqlCipherResult::fetchFirst()
{
    return fetch(0);
}

bool SqlCipherResult::fetchLast()
{
    if (!m_stmt)
        return false;
    if (isForwardOnly()) {
        if (m_onLastRowCopy)
            return true;
        if (m_done)
            return false;
        // The last row is only known once sqlite3_step() says DONE, which invalidates the row:
        // keep a copy of each row before stepping past it.
        for (;;) {
            const int row = m_stepRow;
            m_lastRow.clear();
            m_lastRow.reserve(m_columnCount);
            for (int c = 0; c < m_columnCount; ++c)
                m_lastRow.append(columnValue(c));
            if (!step()) {
                if (m_failed)
                    return false;
                m_onLastRowCopy = true;
                setAt(row);
                return true;
            }
        }
    }
    while (!m_done)
        step();
    if (m_failed || m_cachedRows == 0)
        return false;
    setAt(m_cachedRows - 1);
    return true;
}

int SqlCipherResult::size()
{
    return -1;
}

int SqlCipherResult::numRowsAffected()
{
    return m_rowsAffected;
}

QVariant SqlCipherResult::lastInsertId() const
{
    return m_lastInsertId;
}

QSqlRecord SqlCipherResult::record() const
{
    if (!m_stmt)
        return {};
    if (m_recordValid)
        return m_record;
    QSqlRecord rec;
    for (int c = 0; c < m_columnCount; ++c) {
        const auto* name = static_cast<const char16_t*>(sqlite3_column_name16(m_stmt, c));
        const auto* table = static_cast<const char16_t*>(sqlite3_column_table_name16(m_stmt, c));
        QSqlField field(name ? QStringView(name).toString() : QString(), columnMetaType(c),
                        table ? QStringView(table).toString() : QString());
        rec.append(field);
    }
    m_record = rec;
    m_recordValid = true;
    return rec;
}

void SqlCipherResult::detachFromResultSet()
{
    if (m_stmt && !m_done) {
        sqlite3_reset(m_stmt);
        m_done = true;
    }
}

void SqlCipherResult::invalidate()
{
    finalize();
    setActive(false);
    setAt(QSql::BeforeFirstRow);
}

} // namespace hh::db
