#include "db/ProfileStore.h"

#include "core/Validation.h"
#include "db/SqlUtil.h"

#include <QCoreApplication>
#include <QSqlQuery>

namespace hh::db {

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(hh::db::ProfileStore)
};

const QString kColumns = QStringLiteral(
    "id, user_id, display_name, legal_name, date_of_birth, relationship, created_at, updated_at");

Profile readProfile(const QSqlQuery& q)
{
    Profile p;
    p.id = q.value(0).toString();
    p.userId = q.value(1).toString();
    p.displayName = q.value(2).toString();
    p.legalName = q.value(3).toString();
    p.dateOfBirth = QDate::fromString(q.value(4).toString(), Qt::ISODate);
    p.relationship = relationshipFromKey(q.value(5).toString()).value_or(Relationship::Other);
    p.createdAt = q.value(6).toString();
    p.updatedAt = q.value(7).toString();
    return p;
}

Error notFound()
{
    return Error(ErrorCode::NotFound, Tr::tr("No such profile."), QStringLiteral("no profile row"));
}
} // namespace

Result<QList<Profile>> ProfileStore::list()
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT %1 FROM profiles WHERE user_id = ? ORDER BY display_name COLLATE NOCASE, id")
                  .arg(kColumns));
    q.addBindValue(m_userId);
    if (!q.exec())
        return sqlError(q, Tr::tr("The profiles could not be read."));
    QList<Profile> out;
    while (q.next())
        out.append(readProfile(q));
    return out;
}

Result<Profile> ProfileStore::get(const QString& profileId)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT %1 FROM profiles WHERE user_id = ? AND id = ?").arg(kColumns));
    q.addBindValue(m_userId);
    q.addBindValue(profileId);
    if (!q.exec())
        return sqlError(q, Tr::tr("The profile could not be read."));
    if (!q.next())
        return notFound();
    return readProfile(q);
}

Result<Profile> ProfileStore::find(const QString& nameOrId)
{
    auto byId = get(nameOrId.trimmed());
    if (byId || byId.error().code() != ErrorCode::NotFound)
        return byId;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT %1 FROM profiles WHERE user_id = ? AND display_name = ? COLLATE NOCASE")
                  .arg(kColumns));
    q.addBindValue(m_userId);
    q.addBindValue(nameOrId.trimmed());
    if (!q.exec())
        return sqlError(q, Tr::tr("The profile could not be read."));
    QList<Profile> found;
    while (q.next())
        found.append(readProfile(q));
    if (found.isEmpty())
        return Error(ErrorCode::NotFound, Tr::tr("No profile is named \"%1\".").arg(nameOrId.trimmed()),
                     QStringLiteral("no profile by name"));
    if (found.size() > 1)
        return Error(
            ErrorCode::InvalidInput,
            Tr::tr("Several profiles are named \"%1\"; use the profile id instead.").arg(nameOrId.trimmed()),
            QStringLiteral("ambiguous profile name"));
    return found.first();
}

Result<Profile> ProfileStore::add(Profile profile)
{
    if (Status st = validateProfile(profile); !st)
        return st.error();
    profile.id = newId();
    profile.userId = m_userId;
    profile.displayName = profile.displayName.trimmed();
    profile.legalName = profile.legalName.trimmed();
    profile.createdAt = profile.updatedAt = nowUtcIso();
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO profiles (%1) VALUES (?, ?, ?, ?, ?, ?, ?, ?)").arg(kColumns));
    q.addBindValue(profile.id);
    q.addBindValue(profile.userId);
    q.addBindValue(profile.displayName);
    q.addBindValue(nullIfEmpty(profile.legalName));
    q.addBindValue(nullIfEmpty(profile.dateOfBirth.isValid() ? profile.dateOfBirth.toString(Qt::ISODate) : QString()));
    q.addBindValue(relationshipKey(profile.relationship));
    q.addBindValue(profile.createdAt);
    q.addBindValue(profile.updatedAt);
    if (!q.exec())
        return sqlError(q, Tr::tr("The profile could not be saved."));
    return profile;
}

Result<Profile> ProfileStore::update(Profile profile)
{
    if (Status st = validateProfile(profile); !st)
        return st.error();
    auto existing = get(profile.id);
    if (!existing)
        return existing.error();
    profile.userId = m_userId;
    profile.createdAt = existing->createdAt;
    profile.displayName = profile.displayName.trimmed();
    profile.legalName = profile.legalName.trimmed();
    profile.updatedAt = nowUtcIso();
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE profiles SET display_name = ?, legal_name = ?, date_of_birth = ?, "
                             "relationship = ?, updated_at = ? WHERE id = ? AND user_id = ?"));
    q.addBindValue(profile.displayName);
    q.addBindValue(nullIfEmpty(profile.legalName));
    q.addBindValue(nullIfEmpty(profile.dateOfBirth.isValid() ? profile.dateOfBirth.toString(Qt::ISODate) : QString()));
    q.addBindValue(relationshipKey(profile.relationship));
    q.addBindValue(profile.updatedAt);
    q.addBindValue(profile.id);
    q.addBindValue(m_userId);
    if (!q.exec())
        return sqlError(q, Tr::tr("The profile could not be saved."));
    return profile;
}

Status ProfileStore::remove(const QString& profileId)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("DELETE FROM profiles WHERE id = ? AND user_id = ?"));
    q.addBindValue(profileId);
    q.addBindValue(m_userId);
    if (!q.exec())
        return sqlError(q, Tr::tr("The profile could not be removed."));
    if (q.numRowsAffected() != 1)
        return notFound();
    return success();
}

} // namespace hh::db
