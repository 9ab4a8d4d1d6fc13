#include "db/Migrations.h"

#include "core/Log.h"
#include "db/sqlcipher/SqlCipherSupport.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

// Q_INIT_RESOURCE must be used outside any namespace. hh_db is a static library: without this
// reference the linker would drop the embedded scripts.
static void initMigrationResources()
{
    Q_INIT_RESOURCE(migrations);
}

using namespace Qt::StringLiterals;

namespace hh::db {

namespace {

struct EmbeddedSet {
    QList<Migrations::Step> steps;
    QString error; // why the resource set is unusable (developer detail)
};

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(hh::db::Migrations)
};

Error dbError(const QString& detail)
{
    return Error(ErrorCode::Database, Tr::tr("The database schema could not be updated."), detail);
}

QString validateSteps(const QList<Migrations::Step>& steps)
{
    for (qsizetype i = 0; i < steps.size(); ++i) {
        if (steps[i].version != int(i + 1))
            return u"migration versions must be 1..N without gaps; found %1 at position %2"_s.arg(steps[i].version)
                .arg(i + 1);
    }
    return {};
}

const EmbeddedSet& embeddedSet()
{
    static const EmbeddedSet set = [] {
        initMigrationResources();
        EmbeddedSet out;
        const QDir dir(u":/migrations"_s);
        const QStringList files = dir.entryList({u"*.sql"_s}, QDir::Files, QDir::Name);
        static const QRegularExpression pattern(u"^(\\d{4})_([a-z0-9_]+)\\.sql$"_s);
        for (const QString& file : files) {
            const auto match = pattern.match(file);
            if (!match.hasMatch()) {
                out.error = u"migration file name %1 does not match NNNN_name.sql"_s.arg(file);
                break;
            }
            QFile f(dir.filePath(file));
            if (!f.open(QIODevice::ReadOnly)) {
                out.error = u"cannot read embedded migration %1"_s.arg(file);
                break;
            }
            out.steps.append({match.captured(1).toInt(), match.captured(2), QString::fromUtf8(f.readAll())});
        }
        if (out.error.isEmpty() && out.steps.isEmpty())
            out.error = u"no embedded migrations found under :/migrations"_s;
        if (out.error.isEmpty())
            out.error = validateSteps(out.steps);
        if (!out.error.isEmpty()) {
            qCCritical(lcMigrate) << "embedded migrations unusable:" << out.error;
            out.steps.clear();
        }
        return out;
    }();
    return set;
}

// Runs one statement; returns the error text on failure.
bool execStatement(QSqlDatabase& db, const QString& sql, QString* errorText, QSqlQuery* out = nullptr)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.exec(sql)) {
        if (errorText)
            *errorText = q.lastError().text();
        return false;
    }
    if (out)
        *out = std::move(q);
    return true;
}

// Restores PRAGMA foreign_keys when a migration run ends, however it ends.
class ForeignKeyGuard
{
public:
    ForeignKeyGuard(QSqlDatabase& db, bool wasOn) : m_db(db), m_wasOn(wasOn) {}
    ~ForeignKeyGuard()
    {
        if (m_wasOn) {
            QString ignored;
            if (!execStatement(m_db, u"PRAGMA foreign_keys = ON"_s, &ignored))
                qCWarning(lcMigrate) << "could not switch foreign keys back on:" << ignored;
        }
    }
    Q_DISABLE_COPY_MOVE(ForeignKeyGuard)

private:
    QSqlDatabase& m_db;
    bool m_wasOn;
};

} // namespace

const QList<Migrations::Step>& Migrations::embeddedSteps()
{
    return embeddedSet().steps;
}

int Migrations::latestSchemaVersion()
{
    const auto& steps = embeddedSteps();
    return steps.isEmpty() ? 0 : steps.last().version;
}

Result<int> Migrations::schemaVersion(QSqlDatabase& db)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.exec(u"PRAGMA user_version"_s) || !q.next())
        return dbError(u"reading user_version failed: %1"_s.arg(q.lastError().text()));
    return q.value(0).toInt();
}

Result<int> Migrations::migrate(QSqlDatabase& db)
{
    if (!embeddedSet().error.isEmpty())
        return dbError(embeddedSet().error);
    return migrateTo(db, latestSchemaVersion(), embeddedSteps());
}

Result<int> Migrations::migrateTo(QSqlDatabase& db, int targetVersion)
{
    if (!embeddedSet().error.isEmpty())
        return dbError(embeddedSet().error);
    return migrateTo(db, targetVersion, embeddedSteps());
}

Result<int> Migrations::migrateTo(QSqlDatabase& db, int targetVersion, const QList<Step>& steps)
{
    if (const QString invalid = validateSteps(steps); !invalid.isEmpty())
        return dbError(invalid);
    const int latest = steps.isEmpty() ? 0 : steps.last().version;
    if (targetVersion < 0 || targetVersion > latest)
        return Error(ErrorCode::InvalidInput, Tr::tr("The database schema could not be updated."),
                     u"target version %1 outside 0..%2"_s.arg(targetVersion).arg(latest));
    if (!db.isOpen())
        return dbError(u"database not open"_s);

    auto tooNew = [](int found, int known) {
        return Error(
            ErrorCode::VaultTooNew,
            Tr::tr(
                "This vault was created by a newer version of Health Hub. Please update Health Hub to open it."),
            u"schema version %1, this build knows up to %2"_s.arg(found).arg(known));
    };

    auto current = schemaVersion(db);
    if (!current)
        return current.error();
    if (*current > latest)
        return tooNew(*current, latest);
    if (*current >= targetVersion)
        return *current;

    // Foreign keys cannot be toggled inside a transaction: switch them off first.
    QString error;
    QSqlQuery fk(db);
    if (!execStatement(db, u"PRAGMA foreign_keys"_s, &error, &fk) || !fk.next())
        return dbError(u"reading foreign_keys failed: %1"_s.arg(error));
    const bool fkWasOn = fk.value(0).toInt() != 0;
    fk.finish();
    if (fkWasOn && !execStatement(db, u"PRAGMA foreign_keys = OFF"_s, &error))
        return dbError(u"disabling foreign keys failed: %1"_s.arg(error));
    ForeignKeyGuard guard(db, fkWasOn);

    if (!db.transaction())
        return dbError(u"begin failed: %1"_s.arg(db.lastError().text()));
    auto rollback = [&db](const Error& e) -> Error {
        if (!db.rollback())
            qCWarning(lcMigrate) << "rollback failed:" << db.lastError().text();
        return e;
    };

    // Another connection may have migrated while we waited for the write lock.
    auto inTxn = schemaVersion(db);
    if (!inTxn)
        return rollback(inTxn.error());
    if (*inTxn > latest)
        return rollback(tooNew(*inTxn, latest));
    if (*inTxn >= targetVersion) {
        (void)rollback(Error());
        return *inTxn;
    }

    for (const Step& step : steps) {
        if (step.version <= *inTxn || step.version > targetVersion)
            continue;
        const QString label = u"%1_%2"_s.arg(step.version, 4, 10, QLatin1Char('0')).arg(step.name);
        auto statements = splitStatements(step.sql);
        if (!statements)
            return rollback(dbError(u"migration %1: %2"_s.arg(label, statements.error().detail())));
        for (qsizetype i = 0; i < statements->size(); ++i) {
            if (!execStatement(db, statements->at(i), &error)) {
                qCWarning(lcMigrate) << "migration" << label << "failed at statement" << i + 1;
                return rollback(dbError(u"migration %1 statement %2: %3"_s.arg(label).arg(i + 1).arg(error)));
            }
        }
        qCInfo(lcMigrate) << "applied migration" << label;
    }

    if (!execStatement(db, u"PRAGMA user_version = %1"_s.arg(targetVersion), &error))
        return rollback(dbError(u"setting user_version failed: %1"_s.arg(error)));
    if (fkWasOn) {
        QSqlQuery check(db);
        if (!execStatement(db, u"PRAGMA foreign_key_check"_s, &error, &check))
            return rollback(dbError(u"foreign_key_check failed: %1"_s.arg(error)));
        if (check.next())
            return rollback(
                dbError(u"foreign key violations after migration (table %1)"_s.arg(check.value(0).toString())));
    }
    if (!db.commit())
        return rollback(dbError(u"commit failed: %1"_s.arg(db.lastError().text())));
    qCInfo(lcMigrate) << "schema version" << *inTxn << "->" << targetVersion;
    return targetVersion;
}

Result<QStringList> Migrations::splitStatements(const QString& script)
{
    const QByteArray utf8 = script.toUtf8();
    QStringList statements;
    qsizetype start = 0;
    for (qsizetype i = 0; i < utf8.size(); ++i) {
        if (utf8[i] != ';')
            continue;
        // A ';' inside a string, comment or trigger body does not complete the statement.
        const QByteArray candidate = utf8.mid(start, i - start + 1);
        if (!sqlite3_complete(candidate.constData()))
            continue;
        const QString statement = QString::fromUtf8(candidate).trimmed();
        if (detail::containsSqlToken(statement))
            statements << statement;
        start = i + 1;
    }
    const QByteArray rest = utf8.mid(start);
    if (detail::containsSqlToken(QString::fromUtf8(rest))) {
        if (!sqlite3_complete((rest + ";").constData()))
            return Error(ErrorCode::InvalidInput, Tr::tr("The database schema could not be updated."),
                         u"unterminated statement (open string, comment or trigger) at byte %1"_s.arg(start));
        statements << QString::fromUtf8(rest).trimmed();
    }
    return statements;
}

} // namespace hh::db
