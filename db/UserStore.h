#pragma once

#include "core/Domain.h"
#include "core/Result.h"

#include <QSqlDatabase>

namespace hh::db {

// The users table. Runs on the thread that owns the connection.
class UserStore
{
public:
    explicit UserStore(QSqlDatabase db) : m_db(std::move(db)) {}

    struct Account {
        User user;
        QString passwordHash;
    };

    // AlreadyExists when the email (case-insensitively) is taken.
    [[nodiscard]] Result<User> create(const QString& email, const QString& name, const QString& passwordHash);
    // NotFound when no account has that email.
    [[nodiscard]] Result<Account> findByEmail(const QString& email);
    [[nodiscard]] Status updatePasswordHash(const QString& userId, const QString& passwordHash);
    [[nodiscard]] Result<int> count();

private:
    QSqlDatabase m_db;
};

} // namespace hh::db
