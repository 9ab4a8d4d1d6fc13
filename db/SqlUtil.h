#pragma once

#include "core/Result.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

#include <optional>

namespace hh::db {

// Maps a failed query to an hh::Error: a UNIQUE violation becomes AlreadyExists, anything else
// Database. The detail carries the driver text (never bound values).
[[nodiscard]] Error sqlError(const QSqlQuery& query, const QString& userMessage);
[[nodiscard]] Error sqlError(const QSqlError& error, const QString& userMessage);

// NULL for an empty string, the string otherwise.
[[nodiscard]] QVariant nullIfEmpty(const QString& s);
// NULL (of type double) for no value, the value otherwise.
[[nodiscard]] QVariant nullIfAbsent(const std::optional<double>& v);

// Prepares and executes; returns the failing error.
[[nodiscard]] Status exec(QSqlQuery& query, const QString& userMessage);

// A transaction that rolls back unless committed (RAII: an early return or error leaves nothing).
class Transaction
{
public:
    explicit Transaction(QSqlDatabase& db) : m_db(db) { m_active = m_db.transaction(); }
    ~Transaction()
    {
        if (m_active)
            m_db.rollback();
    }
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    [[nodiscard]] bool isActive() const { return m_active; }
    // Commits; on failure rolls back and returns false.
    [[nodiscard]] bool commit()
    {
        if (!m_active)
            return false;
        m_active = false;
        if (m_db.commit())
            return true;
        m_db.rollback();
        return false;
    }

private:
    QSqlDatabase& m_db;
    bool m_active = false;
};

// Runs f (returning Result<T>) inside a transaction on db: commits when it succeeds, rolls back when
// it fails or the commit fails (as sqlError with userMessage).
template<typename T, typename F>
Result<T> inTransaction(QSqlDatabase& db, const QString& userMessage, F&& f)
{
    if (!db.transaction())
        return sqlError(db.lastError(), userMessage);
    Result<T> r = f();
    if (!r) {
        db.rollback();
        return r;
    }
    if (!db.commit()) {
        const QSqlError err = db.lastError();
        db.rollback();
        return sqlError(err, userMessage);
    }
    return r;
}

} // namespace hh::db
