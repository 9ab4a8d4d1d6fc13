#pragma once

// Internal to hh_db: the only header that includes the SQLCipher C API. Compiled with
// SQLITE_HAS_CODEC and the private include dir /usr/include/sqlcipher (db/CMakeLists.txt), so
// <sqlite3.h> here is SQLCipher's, never the system SQLite's.

#include <sqlite3.h>

#include <QMetaType>
#include <QSqlError>
#include <QString>
#include <QStringView>

#ifndef SQLITE_HAS_CODEC
#error "hh_db must be compiled with SQLITE_HAS_CODEC (SQLCipher key API)"
#endif
// SQLCipher 3.4.1 is built on SQLite 3.15.2; a different number means the system SQLite header was
// picked up instead of /usr/include/sqlcipher/sqlite3.h.
static_assert(SQLITE_VERSION_NUMBER == 3015002, "expected SQLCipher 3.4.1's sqlite3.h (SQLite 3.15.2)");

Q_DECLARE_OPAQUE_POINTER(sqlite3*)
Q_DECLARE_METATYPE(sqlite3*)
Q_DECLARE_OPAQUE_POINTER(sqlite3_stmt*)
Q_DECLARE_METATYPE(sqlite3_stmt*)

namespace hh::db::detail {

// QSqlError for a failed SQLite call: databaseText = sqlite3_errmsg (or errstr), driverText =
// context ("wrong key ..." for SQLITE_NOTADB), nativeErrorCode = extended result code.
[[nodiscard]] QSqlError makeError(sqlite3* db, int rc, const QString& context, QSqlError::ErrorType type);

// Qt type for a column's declared SQL type, by SQLite's affinity rules (invalid for no type).
[[nodiscard]] QMetaType metaTypeForDeclaredType(QStringView declaredType);
// Qt type for a value's storage class (invalid for NULL).
[[nodiscard]] QMetaType metaTypeForStorageClass(int sqliteType);

// True if the text contains anything but whitespace, comments and semicolons.
[[nodiscard]] bool containsSqlToken(QStringView sql);

} // namespace hh::db::detail
