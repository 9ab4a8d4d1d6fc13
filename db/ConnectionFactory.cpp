#include "db/ConnectionFactory.h"

#include "core/Log.h"
#include "db/Migrations.h"
#include "db/sqlcipher/SqlCipherDriver.h"
#include "db/sqlcipher/SqlCipherErrors.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMutex>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace hh::db {

namespace {

constexpr char kPlainHeader[] = "SQLite format 3"; // followed by '\0': 16 bytes
constexpr qsizetype kPlainHeaderSize = 16;
constexpr std::size_t kRawKeySize = 32;

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(hh::db::ConnectionFactory)
};

QString threadIdString()
{
    return QString::number(reinterpret_cast<quintptr>(QThread::currentThreadId()), 16);
}

bool isValidRole(const QString& role)
{
    if (role.isEmpty())
        return false;
    for (const QChar c : role) {
        if (!(c.isLetterOrNumber() && c.unicode() < 128) && c != u'_')
            return false;
    }
    return true;
}

void closeAndRemove(const QString& name, QSqlDatabase& db)
{
    db.close();
    db = QSqlDatabase(); // drop our reference before removing, or Qt warns "still in use"
    QSqlDatabase::removeDatabase(name);
}

// Owner-only for the database and its -wal/-shm companions (SQLite copies the database's mode to
// them; this is the belt to that brace, and it tightens files made by other tools).
void restrictPermissions(const QString& path)
{
    for (const QString& file : {path, path + u"-wal"_s, path + u"-shm"_s}) {
        struct stat st {
        };
        const QByteArray native = QFile::encodeName(file);
        if (::lstat(native.constData(), &st) != 0 || !S_ISREG(st.st_mode))
            continue;
        if ((st.st_mode & 0777) != 0600) {
            if (::chmod(native.constData(), 0600) == 0)
                qCInfo(lcDb) << "restricted database file permissions to 0600";
            else
                qCWarning(lcDb) << "could not restrict database file permissions:" << strerror(errno);
        }
    }
}

// Creates the missing directories of `dir` with mode 0700.
Status makeDirectories(const QString& dir)
{
    const QString clean = QDir::cleanPath(QDir(dir).absolutePath());
    QStringList missing;
    QString cursor = clean;
    while (!cursor.isEmpty() && !QFileInfo::exists(cursor)) {
        missing.prepend(cursor);
        const QString parent = QFileInfo(cursor).path();
        if (parent == cursor)
            break;
        cursor = parent;
    }
    for (const QString& d : std::as_const(missing)) {
        if (::mkdir(QFile::encodeName(d).constData(), 0700) != 0 && errno != EEXIST)
            return Error(ErrorCode::Io, Tr::tr("The folder for the vault could not be created."),
                         u"mkdir failed: %1"_s.arg(QString::fromLocal8Bit(strerror(errno))));
    }
    return success();
}

Error databaseError(const QString& detail)
{
    return Error(ErrorCode::Database, Tr::tr("The vault database could not be opened."), detail);
}

// Runs one statement whose result is not needed.
Status pragma(QSqlDatabase& db, const QString& sql)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.exec(sql))
        return databaseError(u"%1 failed: %2"_s.arg(sql, q.lastError().text()));
    return success();
}

// checkNotPlaintext() once per database file and process, before the process's first connection to it.
// Reading the file through a descriptor of our own and closing it drops every POSIX lock the process holds on
// that file - the SHARED locks of SQLite connections on other threads included - and another process could
// then take the EXCLUSIVE lock, checkpoint and delete the WAL under them (seen as "disk I/O error" with two
// `healthhub sync` at once). The check runs under a process-wide mutex, so no connection opens meanwhile.
Status checkNotPlaintextBeforeFirstOpen(const QString& path)
{
    static QMutex mutex;
    static QSet<QString> checked;
    QMutexLocker lock(&mutex);
    const QString key = QFileInfo(path).absoluteFilePath();
    if (checked.contains(key))
        return success();
    Status st = ConnectionFactory::checkNotPlaintext(path);
    if (st)
        checked.insert(key);
    return st;
}

// The keyed opening sequence. On failure the connection is removed again.
Result<QSqlDatabase> openKeyed(const QString& name, const QString& path, const SecretBytes& key)
{
    auto* driver = new SqlCipherDriver();
    QSqlDatabase db = QSqlDatabase::addDatabase(driver, name); // takes ownership of driver
    db.setDatabaseName(path);
    db.setConnectOptions(u"HH_NO_CREATE;HH_BUSY_TIMEOUT=%1"_s.arg(ConnectionFactory::kBusyTimeoutMs));
    auto fail = [&](const Error& error) -> Error {
        closeAndRemove(name, db);
        return error;
    };

    if (!db.open())
        return fail(databaseError(u"open failed: %1"_s.arg(db.lastError().text())));
    if (Status keyed = driver->setKey(key); !keyed)
        return fail(keyed.error());
    if (Status st = pragma(db, u"PRAGMA cipher_page_size = %1"_s.arg(ConnectionFactory::kCipherPageSize)); !st)
        return fail(st.error());

    {
        // The first read: with a wrong key SQLCipher cannot decrypt page 1 -> SQLITE_NOTADB.
        QSqlQuery q(db);
        q.setForwardOnly(true);
        if (!q.exec(u"SELECT count(*) FROM sqlite_master"_s) || !q.next()) {
            const QSqlError error = q.lastError();
            q = QSqlQuery();
            if (isWrongKeyError(error))
                return fail(Error(ErrorCode::WrongPassword, Tr::tr("The key does not open this vault."),
                                  u"first read failed: %1"_s.arg(error.text())));
            return fail(Error(ErrorCode::VaultCorrupt, Tr::tr("The vault database could not be read."),
                              u"first read failed: %1"_s.arg(error.text())));
        }
    }
    {
        // Proof that we run on SQLCipher: plain SQLite ignores PRAGMA key and answers nothing here.
        QSqlQuery q(db);
        q.setForwardOnly(true);
        if (!q.exec(u"PRAGMA cipher_version"_s) || !q.next() || q.value(0).toString().isEmpty()) {
            q = QSqlQuery();
            return fail(Error(ErrorCode::NotEncrypted,
                              Tr::tr("The database would not be encrypted. Health Hub refuses to open it."),
                              u"PRAGMA cipher_version returned no row"_s));
        }
    }
    if (Status st = pragma(db, u"PRAGMA foreign_keys = ON"_s); !st)
        return fail(st.error());
    {
        QSqlQuery q(db);
        q.setForwardOnly(true);
        if (!q.exec(u"PRAGMA journal_mode = WAL"_s) || !q.next() ||
            q.value(0).toString().compare(u"wal", Qt::CaseInsensitive) != 0) {
            const QString detail = u"journal_mode = WAL refused: %1"_s.arg(q.lastError().text());
            q = QSqlQuery();
            return fail(databaseError(detail));
        }
    }
    if (Status st = pragma(db, u"PRAGMA cache_size = -%1"_s.arg(ConnectionFactory::kCacheSizeKiB)); !st)
        return fail(st.error());
    if (Status st = pragma(db, u"PRAGMA synchronous = NORMAL"_s); !st)
        return fail(st.error());
    restrictPermissions(path);
    return db;
}

void removeDatabaseFiles(const QString& path)
{
    for (const QString& file : {path, path + u"-wal"_s, path + u"-shm"_s, path + u"-journal"_s})
        QFile::remove(file);
}

} // namespace

ConnectionFactory::ConnectionFactory(QString databasePath, SecretBytes key)
    : m_path(std::move(databasePath)), m_key(std::move(key))
{
    registerSqlCipherDriver();
}

ConnectionFactory::~ConnectionFactory()
{
    closeAll();
}

QString ConnectionFactory::connectionName(const QString& role)
{
    return u"hh-%1-%2"_s.arg(role, threadIdString());
}

Status ConnectionFactory::checkNotPlaintext(const QString& path)
{
    QFile file(path);
    if (!file.exists() || file.size() == 0)
        return success();
    if (!file.open(QIODevice::ReadOnly))
        return Error(ErrorCode::Io, Tr::tr("The vault database could not be read."),
                     u"cannot open for the header check: %1"_s.arg(file.errorString()));
    const QByteArray head = file.read(kPlainHeaderSize);
    if (head == QByteArray(kPlainHeader, kPlainHeaderSize)) {
        qCCritical(lcDb) << "refusing a plaintext SQLite database";
        return Error(ErrorCode::NotEncrypted,
                     Tr::tr("The database file is not encrypted. Health Hub refuses to open it."),
                     u"plaintext 'SQLite format 3' header"_s);
    }
    return success();
}

Status ConnectionFactory::createDatabase(const QString& path, const SecretBytes& key, int schemaVersion)
{
    if (key.size() != kRawKeySize)
        return Error(ErrorCode::InvalidInput, Tr::tr("The database key is malformed."),
                     u"raw key must be %1 bytes"_s.arg(kRawKeySize));
    const int latest = Migrations::latestSchemaVersion();
    const int target = schemaVersion == kLatestSchema ? latest : schemaVersion;
    if (target < 0 || target > latest)
        return Error(ErrorCode::InvalidInput, Tr::tr("The vault database could not be created."),
                     u"schema version %1 outside 0..%2"_s.arg(schemaVersion).arg(latest));
    const QFileInfo info(path);
    if (info.exists() || info.isSymLink())
        return Error(ErrorCode::AlreadyExists, Tr::tr("A vault database already exists here."),
                     u"database file exists"_s);
    if (Status st = makeDirectories(info.absolutePath()); !st)
        return st;

    const QByteArray native = QFile::encodeName(path);
    const int fd = ::open(native.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd < 0) {
        if (errno == EEXIST)
            return Error(ErrorCode::AlreadyExists, Tr::tr("A vault database already exists here."),
                         u"database file exists"_s);
        return Error(ErrorCode::Io, Tr::tr("The vault database could not be created."),
                     u"create failed: %1"_s.arg(QString::fromLocal8Bit(strerror(errno))));
    }
    (void)::fchmod(fd, 0600); // regardless of the umask
    ::close(fd);

    registerSqlCipherDriver();
    static std::atomic<int> counter{0};
    const QString name = u"hh-create-%1-%2"_s.arg(counter.fetch_add(1)).arg(threadIdString());
    Status result = success();
    {
        // An empty file: the key and cipher_page_size apply before the first page is written.
        auto db = openKeyed(name, path, key);
        if (!db) {
            result = db.error();
        } else {
            auto migrated = Migrations::migrateTo(*db, target);
            if (!migrated)
                result = migrated.error();
            closeAndRemove(name, *db);
        }
    }
    if (!result) {
        removeDatabaseFiles(path);
        qCWarning(lcDb) << "creating the database failed:" << result.error().detail();
        return result;
    }
    qCInfo(lcDb) << "created encrypted database, schema version" << target;
    return success();
}

Result<QSqlDatabase> ConnectionFactory::connection(const QString& role)
{
    if (!isValidRole(role))
        return Error(ErrorCode::InvalidInput, Tr::tr("The vault database could not be opened."),
                     u"invalid connection role"_s);
    const QString name = connectionName(role);
    QThread* const self = QThread::currentThread();

    QSqlDatabase stale;
    bool hasStale = false;
    {
        QMutexLocker lock(&m_mutex);
        auto it = m_connections.find(name);
        if (it != m_connections.end()) {
            if (it->thread == self && it->db.isOpen())
                return it->db;
            // Closed by its user, or left behind by a finished thread whose id was reused.
            stale = it->db;
            hasStale = true;
            m_connections.erase(it);
        }
    }
    if (hasStale) {
        qCWarning(lcDb) << "replacing a stale connection" << name;
        closeAndRemove(name, stale);
    }
    if (QSqlDatabase::contains(name))
        return databaseError(u"connection name %1 is in use by another owner"_s.arg(name));

    if (!QFileInfo::exists(m_path))
        return Error(ErrorCode::VaultMissing, Tr::tr("There is no vault database in this folder."),
                     u"database file missing"_s);
    // An empty file (a failed copy, a truncation) would open as a new, empty database and get a fresh
    // schema: every account and record would seem gone, and the file would no longer be the one to restore.
    // (A database whose pages are all still in its WAL is not empty.)
    if (QFileInfo(m_path).size() == 0 && QFileInfo(m_path + u"-wal"_s).size() == 0)
        return Error(ErrorCode::VaultCorrupt,
                     Tr::tr("The vault database is empty. Restore it from a backup, or move the data folder "
                            "away to start a new vault."),
                     u"database file is empty"_s);
    if (Status st = checkNotPlaintextBeforeFirstOpen(m_path); !st)
        return st.error();
    restrictPermissions(m_path);

    QSqlDatabase db;
    {
        auto opened = openKeyed(name, m_path, m_key);
        if (!opened)
            return opened.error();
        db = *opened; // `opened` must not keep a copy: removeDatabase() below would warn
    }
    if (Status st = ensureSchema(db); !st) {
        closeAndRemove(name, db);
        return st.error();
    }
    {
        QMutexLocker lock(&m_mutex);
        m_connections.insert(name, Entry{self, db});
    }
    qCDebug(lcDb) << "opened connection" << name;
    return db;
}

Status ConnectionFactory::ensureSchema(QSqlDatabase& db)
{
    QMutexLocker lock(&m_schemaMutex);
    if (m_schemaReady)
        return success();
    auto migrated = Migrations::migrate(db); // VaultTooNew if newer; a no-op when current
    if (!migrated)
        return migrated.error();
    m_schemaReady = true;
    return success();
}

void ConnectionFactory::releaseThreadConnections()
{
    QThread* const self = QThread::currentThread();
    QList<std::pair<QString, QSqlDatabase>> mine;
    {
        QMutexLocker lock(&m_mutex);
        for (auto it = m_connections.begin(); it != m_connections.end();) {
            if (it->thread == self) {
                mine.append({it.key(), it->db});
                it = m_connections.erase(it);
            } else {
                ++it;
            }
        }
    }
    for (auto& [name, db] : mine)
        closeAndRemove(name, db);
}

void ConnectionFactory::closeAll()
{
    QList<std::pair<QString, QSqlDatabase>> all;
    {
        QMutexLocker lock(&m_mutex);
        for (auto it = m_connections.begin(); it != m_connections.end(); ++it)
            all.append({it.key(), it->db});
        m_connections.clear();
    }
    for (auto& [name, db] : all)
        closeAndRemove(name, db);
}

} // namespace hh::db
