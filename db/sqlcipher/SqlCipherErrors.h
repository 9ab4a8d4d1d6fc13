#pragma once

#include <QSqlError>
#include <QString>

namespace hh::db {

// Helpers to read the SQLite result code that SqlCipherDriver / SqlCipherResult put into
// QSqlError::nativeErrorCode() (the extended result code as a decimal string, e.g. "2067" for
// SQLITE_CONSTRAINT_UNIQUE; the primary code is the low byte: 2067 & 0xff == 19).
// Thread-safe (pure functions).

// Extended SQLite result code of the error, or 0 when the error did not come from this driver.
[[nodiscard]] int sqliteExtendedCode(const QSqlError& error);
// Primary SQLite result code (SQLITE_BUSY = 5, SQLITE_CONSTRAINT = 19, SQLITE_NOTADB = 26 ...).
[[nodiscard]] int sqlitePrimaryCode(const QSqlError& error);

// SQLITE_NOTADB: after keying this means the key (or the cipher page size) is wrong, or the file
// is not a database at all. The driver's text for it contains "wrong key".
[[nodiscard]] bool isWrongKeyError(const QSqlError& error);
// Any constraint violation (UNIQUE, NOT NULL, CHECK, FOREIGN KEY, PRIMARY KEY).
[[nodiscard]] bool isConstraintError(const QSqlError& error);
// UNIQUE or PRIMARY KEY violation: a duplicate.
[[nodiscard]] bool isUniqueConstraintError(const QSqlError& error);
// SQLITE_BUSY / SQLITE_LOCKED: another connection held the lock longer than the busy timeout.
[[nodiscard]] bool isBusyError(const QSqlError& error);

} // namespace hh::db
