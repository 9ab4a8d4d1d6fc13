#pragma once

#include "core/Result.h"

#include <QList>
#include <QString>
#include <QStringList>

class QSqlDatabase;

namespace hh::db {

// Schema migrations: ordered SQL scripts db/migrations/NNNN_name.sql embedded through
// db/migrations.qrc (resource prefix /migrations). Version N is the script numbered N; the schema
// version of a database is PRAGMA user_version (0 = empty).
//
// Contract:
// - migrate()/migrateTo() apply every missing script inside ONE transaction (BEGIN IMMEDIATE) and
//   set user_version at the end: either all of them apply or nothing changes. Foreign-key
//   enforcement is switched off during the transaction (so scripts may rebuild tables) and
//   PRAGMA foreign_key_check must come back clean before the commit; it is restored afterwards.
// - A database newer than the scripts known to this build fails with ErrorCode::VaultTooNew and
//   is left untouched. Other failures return ErrorCode::Database (detail names the script and
//   statement number and carries SQLite's text, never bound data).
// - Never downgrades: a target below the current version is a no-op returning the current version.
// Thread affinity: the calling thread must own the QSqlDatabase (Qt's rule); the functions keep no
// state besides the embedded scripts, which are loaded once, thread-safely.
class Migrations final
{
public:
    struct Step {
        int version = 0;
        QString name; // "initial" for 0001_initial.sql
        QString sql;
    };

    Migrations() = delete;

    // The embedded scripts, ordered, versions 1..N without gaps (empty if the resource set is
    // malformed; migrate() then reports why).
    [[nodiscard]] static const QList<Step>& embeddedSteps();
    // Highest version this build knows (N).
    [[nodiscard]] static int latestSchemaVersion();

    // PRAGMA user_version of the database.
    [[nodiscard]] static Result<int> schemaVersion(QSqlDatabase& db);
    // Brings the database to latestSchemaVersion(); returns the version reached.
    [[nodiscard]] static Result<int> migrate(QSqlDatabase& db);
    // Applies the embedded scripts up to targetVersion only (tests build old databases with it).
    [[nodiscard]] static Result<int> migrateTo(QSqlDatabase& db, int targetVersion);
    // Same with an explicit script list (versions must be 1..N without gaps); for tests.
    [[nodiscard]] static Result<int> migrateTo(QSqlDatabase& db, int targetVersion, const QList<Step>& steps);

    // Splits a script into statements with SQLite's own completeness test (sqlite3_complete):
    // semicolons inside strings, quoted identifiers, comments and CREATE TRIGGER bodies do not
    // split. Empty and comment-only statements are dropped. Fails on an unterminated statement.
    [[nodiscard]] static Result<QStringList> splitStatements(const QString& script);
};

} // namespace hh::db
