#pragma once

#include "core/Result.h"
#include "core/SecretBytes.h"

#include <QHash>
#include <QMutex>
#include <QSqlDatabase>
#include <QString>

class QThread;

namespace hh::db {

// Opens keyed SQLCipher connections to one vault database, one per (thread, role).
//
// Thread safety: one factory is shared by all threads (all methods are thread-safe), but every
// QSqlDatabase it returns belongs to the thread that asked for it (Qt's rule): use it only there,
// never pass it (or a QSqlQuery) to another thread.
//
// Thread rule: a thread that used connection() must call releaseThreadConnections() before it
// ends; Qt only allows a connection to be removed from its own thread. closeAll() is for shutdown,
// once no other thread uses the database any more (it also cleans up connections of threads that
// ended without releasing). The destructor calls closeAll().
//
// Opening sequence of every connection (STYLE.md section 5):
//   file must exist and must not start with the plaintext "SQLite format 3\0" header
//   -> open -> key (raw 32 bytes as x'<64 hex>') -> PRAGMA cipher_page_size = 4096
//   -> SELECT count(*) FROM sqlite_master (a wrong key fails here)
//   -> PRAGMA cipher_version must answer -> foreign_keys = ON, journal_mode = WAL,
//      busy timeout 5 s, cache_size = -65536 (64 MiB), synchronous = NORMAL.
// The first connection of a factory also checks the schema: newer than this build -> VaultTooNew;
// older -> migrated in place (one transaction, see Migrations).
//
// Note: SQLCipher 3 does not store the page size in the file; every open must use the page size
// the database was created with (kCipherPageSize), otherwise it reads like a wrong key.
class ConnectionFactory final
{
public:
    static constexpr int kCipherPageSize = 4096;
    static constexpr int kBusyTimeoutMs = 5000;
    static constexpr int kCacheSizeKiB = 65536;
    static constexpr int kLatestSchema = -1; // createDatabase(): migrate to the newest version

    // databasePath: the vault database file; key: the raw 32-byte vault key (kept, wiped on
    // destruction). Does not touch the file: errors surface from connection().
    ConnectionFactory(QString databasePath, SecretBytes key);
    ~ConnectionFactory();
    Q_DISABLE_COPY_MOVE(ConnectionFactory)

    // Creates a new encrypted database: fails with AlreadyExists if the file exists, InvalidInput
    // for a key that is not 32 bytes, Io if the file or its directory cannot be created. The file
    // is created 0600 (a missing directory 0700), cipher_page_size 4096 is set before the first
    // write, WAL is switched on and the migrations run up to schemaVersion (default: latest; tests
    // pass a lower version to build old databases). On failure nothing is left behind.
    // Any thread; uses a temporary connection that is removed before returning.
    [[nodiscard]] static Status createDatabase(const QString& path, const SecretBytes& key,
                                               int schemaVersion = kLatestSchema);

    // The calling thread's connection for `role` ([A-Za-z0-9_]+), opened on first use and named
    // connectionName(role). Errors: VaultMissing (no file), NotEncrypted (plaintext SQLite file or
    // no cipher_version), WrongPassword (SQLITE_NOTADB on the first read: wrong key), VaultTooNew,
    // Database (other SQLite failures, or the name is taken by a connection this factory does not
    // own - use another role when two factories are alive in one thread), InvalidInput (bad role).
    // A failed open leaves no connection behind and the file unchanged.
    [[nodiscard]] Result<QSqlDatabase> connection(const QString& role = QStringLiteral("main"));

    // Closes and removes the calling thread's connections of this factory. Call it in the thread,
    // before the thread ends. QSqlQuery objects on them stop working.
    void releaseThreadConnections();

    // Closes and removes every connection of this factory. For shutdown: other threads must no
    // longer use their connections.
    void closeAll();

    [[nodiscard]] QString databasePath() const { return m_path; }

    // "hh-<role>-<thread id>" for the calling thread (thread id: QThread::currentThreadId() in hex).
    [[nodiscard]] static QString connectionName(const QString& role);

    // The startup guard on its own: Ok for a missing/empty file or an encrypted one, NotEncrypted
    // if the file starts with the plaintext SQLite header, Io if it cannot be read. It opens and closes the
    // file: never call it while this process has a connection to that file (closing any descriptor of a
    // file drops the process's POSIX locks on it); connection() runs it before the process's first one.
    [[nodiscard]] static Status checkNotPlaintext(const QString& path);

private:
    struct Entry {
        QThread* thread = nullptr;
        QSqlDatabase db;
    };
    [[nodiscard]] Status ensureSchema(QSqlDatabase& db);

    const QString m_path;
    const SecretBytes m_key;
    QMutex m_mutex;                      // guards m_connections
    QHash<QString, Entry> m_connections; // by connection name
    QMutex m_schemaMutex;                // one thread checks/migrates the schema
    bool m_schemaReady = false;
};

} // namespace hh::db
