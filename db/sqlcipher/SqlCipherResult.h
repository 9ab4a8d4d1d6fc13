#pragma once

#include <QByteArray>
#include <QList>
#include <QMetaType>
#include <QSqlRecord>
#include <QSqlResult>
#include <QStringEncoder>
#include <QVariant>

#include <vector>

struct sqlite3_stmt;

namespace hh::db {

class SqlCipherDriver;

// QSqlResult over one sqlite3_stmt. Created by SqlCipherDriver::createResult(); used through
// QSqlQuery, never directly.
//
// - prepare() compiles once; every exec() resets the statement and rebinds (no re-parse), which is
//   the fast path for repeated inserts.
// - exec() runs the statement up to its first row. Statements without result columns are complete
//   after exec() and release their locks at once.
// - Forward-only queries read values straight from the statement (no copy). Scrollable queries
//   (QSqlQuery's default, needed by QSqlQueryModel) cache the rows read so far, so they can seek
//   backwards; rows are still stepped lazily.
// - A read statement holds a WAL snapshot until it reached its end, QSqlQuery::finish() or the
//   next exec(): finish long-lived queries.
// - size() is -1 (SQLite cannot count without stepping); numRowsAffected() counts rows changed by
//   the last exec() (0 for DDL and SELECT); lastInsertId() is the rowid of the last INSERT done by
//   this result, invalid otherwise.
// Thread affinity: the thread of its driver.
class SqlCipherResult final : public QSqlResult
{
public:
    explicit SqlCipherResult(const SqlCipherDriver* driver);
    ~SqlCipherResult() override;
    Q_DISABLE_COPY_MOVE(SqlCipherResult)

    // QVariant holding the sqlite3_stmt* (type name "sqlite3_stmt*"), invalid before prepare().
    QVariant handle() const override;

    // Positional input values go straight into boundValues(): QSqlResult's own version also files each
    // position under a generated name (":N", a string built and hashed per value) that only
    // boundValueName() reads. Out parameters and named values take QSqlResult's path.
    using QSqlResult::bindValue;
    void bindValue(int pos, const QVariant& val, QSql::ParamType type) override;

protected:
    bool reset(const QString& query) override;
    bool prepare(const QString& query) override;
    bool exec() override;
    QVariant data(int index) override;
    bool isNull(int index) override;
    bool fetch(int index) override;
    bool fetchFirst() override;
    bool fetchLast() override;
    int size() override;
    int numRowsAffected() override;
    QVariant lastInsertId() const override;
    QSqlRecord record() const override;
    void detachFromResultSet() override;

private:
    friend class SqlCipherDriver;
    void finalize();   // drops the statement
    void invalidate(); // the driver closes: drop the statement, become inactive
    void clearRowState();
    bool bindAll();
    bool step(); // one sqlite3_step; false at the end or on error
    void cacheCurrentRow();
    [[nodiscard]] QVariant columnValue(int column) const;
    [[nodiscard]] QMetaType columnMetaType(int column) const;
    void setStatementError(int rc, const QString& context);

    SqlCipherDriver* m_driver = nullptr; // cleared by the driver when it closes or dies
    sqlite3_stmt* m_stmt = nullptr;
    int m_columnCount = 0;
    bool m_readOnly = true;
    bool m_isInsert = false;
    bool m_hasUndeclared = false;  // some column has no declared type
    QList<QMetaType> m_declTypes;  // per column, from the declared type (invalid if none)
    QList<QMetaType> m_valueTypes; // per column, from the first row for undeclared columns
    mutable QSqlRecord m_record;   // cached: QSqlQuery::value(name) asks for it on every call
    mutable bool m_recordValid = false;

    // Row state of the current execution.
    int m_stepRow = -1;      // index of the row the statement is positioned on
    bool m_done = true;      // statement reached its end (or failed) and was reset
    bool m_failed = false;   // stepping failed (lastError() says why)
    QList<QVariant> m_cache; // scrollable: m_cachedRows * m_columnCount values
    int m_cachedRows = 0;
    QList<QVariant> m_lastRow; // forward-only fetchLast(): copy of the final row
    bool m_onLastRowCopy = false;

    int m_rowsAffected = -1;
    QVariant m_lastInsertId;

    // Bound values kept alive while a statement with result rows may read them (bound with
    // SQLITE_STATIC); statements without result columns are finished by exec() and need no copy.
    QList<QVariant> m_boundValues;
    // UTF-8 of the bound strings, one buffer per parameter, reused (not reallocated) by every exec().
    std::vector<QByteArray> m_bindBuffers;
    QStringEncoder m_utf8{QStringEncoder::Utf8, QStringConverter::Flag::Stateless};
};

} // namespace hh::db
