#pragma once

// Helpers shared by the hh_db tests (header-only, test code only).

#include "core/SecretBytes.h"
#include "db/ConnectionFactory.h"
#include "db/sqlcipher/SqlCipherDriver.h"

#include <QByteArray>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>

namespace hh::db::test {

// A deterministic 32-byte key; different seeds give different keys.
inline SecretBytes testKey(int seed)
{
    QByteArray bytes(32, '\0');
    for (int i = 0; i < bytes.size(); ++i)
        bytes[i] = char((seed * 131 + i * 29 + 7) & 0xff);
    return SecretBytes(bytes);
}

inline QByteArray readFileBytes(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

// A connection through the project's driver WITHOUT the factory (no migrations, no WAL): used to
// build fixtures (old schema versions, plaintext files). With key == nullptr the file is plain
// SQLite. Returns an invalid QSqlDatabase on failure (lastError() tells why).
inline QSqlDatabase openRaw(const QString& name, const QString& path, const SecretBytes* key,
                            QString* error = nullptr)
{
    registerSqlCipherDriver();
    QSqlDatabase db = QSqlDatabase::addDatabase(sqlCipherDriverName(), name);
    db.setDatabaseName(path);
    if (!db.open()) {
        if (error)
            *error = db.lastError().text();
        return QSqlDatabase();
    }
    if (key) {
        auto* driver = qobject_cast<SqlCipherDriver*>(db.driver());
        if (!driver || !driver->setKey(*key)) {
            if (error)
                *error = QStringLiteral("setKey failed");
            return QSqlDatabase();
        }
        QSqlQuery q(db);
        if (!q.exec(QStringLiteral("PRAGMA cipher_page_size = %1").arg(ConnectionFactory::kCipherPageSize))) {
            if (error)
                *error = q.lastError().text();
            return QSqlDatabase();
        }
    }
    return db;
}

inline void closeRaw(const QString& name)
{
    {
        QSqlDatabase db = QSqlDatabase::database(name, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

} // namespace hh::db::test
