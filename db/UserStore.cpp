#include "db/UserStore.h"

#include "core/Validation.h"
#include "db/SqlUtil.h"

#include <QCoreApplication>
#include <QSqlQuery>

namespace hh::db {

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(hh::db::UserStore)
};
} // namespace

Result<User> UserStore::create(const QString& email, const QString& name, const QString& passwordHash)
{
    User u;
    u.id = newId();
    u.email = email.trimmed();
    u.name = name.trimmed();
    u.createdAt = nowUtcIso();
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO users (id, email, email_normalized, name, password_hash, created_at, "
                             "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(u.id);
    q.addBindValue(u.email);
    q.addBindValue(normalizeEmail(email));
    q.addBindValue(u.name);
    q.addBindValue(passwordHash);
    q.addBindValue(u.createdAt);
    q.addBindValue(u.createdAt);
    if (!q.exec()) {
        Error e = sqlError(q, Tr::tr("The account could not be created."));
        if (e.code() == ErrorCode::AlreadyExists)
            return Error(ErrorCode::AlreadyExists, Tr::tr("An account with this email address already exists."),
                         e.detail());
        return e;
    }
    return u;
}

Result<UserStore::Account> UserStore::findByEmail(const QString& email)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT id, email, name, password_hash, created_at FROM users "
                             "WHERE email_normalized = ?"));
    q.addBindValue(normalizeEmail(email));
    if (!q.exec())
        return sqlError(q, Tr::tr("The account could not be read."));
    if (!q.next())
        return Error(ErrorCode::NotFound, Tr::tr("No account with this email address exists in this vault."),
                     QStringLiteral("no user row"));
    Account a;
    a.user.id = q.value(0).toString();
    a.user.email = q.value(1).toString();
    a.user.name = q.value(2).toString();
    a.passwordHash = q.value(3).toString();
    a.user.createdAt = q.value(4).toString();
    return a;
}

Status UserStore::updatePasswordHash(const QString& userId, const QString& passwordHash)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE users SET password_hash = ?, updated_at = ? WHERE id = ?"));
    q.addBindValue(passwordHash);
    q.addBindValue(nowUtcIso());
    q.addBindValue(userId);
    if (!q.exec())
        return sqlError(q, Tr::tr("The password could not be changed."));
    if (q.numRowsAffected() != 1)
        return Error(ErrorCode::NotFound, Tr::tr("The account no longer exists."), QStringLiteral("no user row"));
    return success();
}

Result<int> UserStore::count()
{
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT count(*) FROM users")) || !q.next())
        return sqlError(q, Tr::tr("The account could not be read."));
    return q.value(0).toInt();
}

} // namespace hh::db
