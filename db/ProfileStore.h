#pragma once

#include "core/Domain.h"
#include "core/Result.h"

#include <QList>
#include <QSqlDatabase>

namespace hh::db {

// The profiles table, always scoped to one account: an account never sees another's profiles.
// Runs on the thread that owns the connection.
class ProfileStore
{
public:
    ProfileStore(QSqlDatabase db, QString userId) : m_db(std::move(db)), m_userId(std::move(userId)) {}

    [[nodiscard]] Result<QList<Profile>> list();
    [[nodiscard]] Result<Profile> get(const QString& profileId);
    // By id, or else by display name (case-insensitive). InvalidInput when the name is ambiguous.
    [[nodiscard]] Result<Profile> find(const QString& nameOrId);
    [[nodiscard]] Result<Profile> add(Profile profile);
    [[nodiscard]] Result<Profile> update(Profile profile);
    // Deletes the profile and, by cascade, everything of it.
    [[nodiscard]] Status remove(const QString& profileId);

private:
    QSqlDatabase m_db;
    QString m_userId;
};

} // namespace hh::db
