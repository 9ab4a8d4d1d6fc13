#pragma once

#include "core/Result.h"

#include <QList>
#include <QSqlDriver>
#include <QSqlError>
#include <QVariant>
#include <QString>

struct sqlite3;

namespace hh {
class SecretBytes;
}

namespace hh::db {

class SqlCipherResult;

// The project's QSqlDriver over the SQLCipher 3.4.1 C API (libsqlcipher.a linked statically into
// hh_db, its symbols kept out of the executable's dynamic symbol table).
//
// Use it through QSqlDatabase / QSqlQuery / QSqlTableModel like any Qt driver; normally through
// hh::db::ConnectionFactory, which performs the keyed opening sequence. Registered under the name
// "HHSQLCIPHER" by registerSqlCipherDriver().
//
// Thread affinity: like every Qt SQL driver, one instance and all its QSqlQuery objects belong to
// the thread that opened it. The sqlite3 handle is opened in SQLite's multi-thread mode (no
// per-connection mutex), so never share a connection between threads.
//
// Behaviour:
// - open(): databaseName is a file path (created 0600 when missing unless HH_NO_CREATE) or
//   ":memory:". user/password must be empty: the key is applied with setKey() right after open(),
//   before anything reads the file. Connect options (';'-separated): HH_NO_CREATE, HH_READONLY,
//   HH_BUSY_TIMEOUT=<ms> (default 5000).
// - Placeholders: positional '?' natively, named ':name' converted by QSqlResult. The number of
//   bound values must match the statement's parameters, otherwise exec() fails.
// - beginTransaction() issues BEGIN IMMEDIATE (takes the write lock up front, so concurrent writers
//   wait in the busy handler instead of failing with SQLITE_BUSY on lock upgrade).
// - Errors: QSqlError::nativeErrorCode() is the extended SQLite result code as a decimal string
//   (see SqlCipherErrors.h); SQLITE_NOTADB (26) carries the driver text "wrong key".
// - One statement per QSqlQuery::exec()/prepare(); a second statement in the same string is an
//   error (use hh::db::Migrations for scripts).
class SqlCipherDriver final : public QSqlDriver
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SqlCipherDriver)

public:
    static constexpr int kDefaultBusyTimeoutMs = 5000;

    explicit SqlCipherDriver(QObject* parent = nullptr);
    ~SqlCipherDriver() override;

    bool hasFeature(DriverFeature feature) const override;
    bool open(const QString& db, const QString& user, const QString& password, const QString& host, int port,
              const QString& connectOptions) override;
    void close() override;
    QSqlResult* createResult() const override;
    // QVariant holding the sqlite3* (type name "sqlite3*").
    QVariant handle() const override;

    bool beginTransaction() override;
    bool commitTransaction() override;
    bool rollbackTransaction() override;

    QStringList tables(QSql::TableType type) const override;
    QSqlIndex primaryIndex(const QString& tableName) const override;
    QSqlRecord record(const QString& tableName) const override;
    QString escapeIdentifier(const QString& identifier, IdentifierType type) const override;
    QString formatValue(const QSqlField& field, bool trimStrings = false) const override;

    // Keys the open connection with a raw 32-byte key (passed to SQLCipher as x'<64 hex>', so no
    // KDF runs). Must be called after open() and before the first statement. Fails if the
    // connection is not open or the key is not 32 bytes. Does not touch the file: a wrong key is
    // only detected by the first read (SQLITE_NOTADB).
    [[nodiscard]] Status setKey(const SecretBytes& rawKey);

    // The native handle for code in hh_db that needs the C API (nullptr when closed).
    [[nodiscard]] sqlite3* nativeHandle() const { return m_db; }

private:
    friend class SqlCipherResult;
    void attachResult(SqlCipherResult* result) const;
    void detachResult(SqlCipherResult* result) const;
    bool execSimple(const char* sql, QSqlError::ErrorType type, const QString& context);
    struct ColumnInfo {
        QString name;
        QString declType;
        bool notNull = false;
        QVariant defaultValue;
        int pkOrder = 0;
    };
    QList<ColumnInfo> tableInfo(const QString& tableName) const;

    sqlite3* m_db = nullptr;
    mutable QList<SqlCipherResult*> m_results; // live results, finalized on close()
};

// Registers SqlCipherDriver with QSqlDatabase under the name "HHSQLCIPHER". Idempotent and
// thread-safe; call it before QSqlDatabase::addDatabase(u"HHSQLCIPHER"_s, ...).
void registerSqlCipherDriver();

// The name under which registerSqlCipherDriver() registers the driver.
[[nodiscard]] QString sqlCipherDriverName();

} // namespace hh::db
