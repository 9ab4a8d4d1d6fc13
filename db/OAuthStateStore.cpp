#include "db/OAuthStateStore.h"

#include "db/ConnectionFactory.h"
#include "db/SqlUtil.h"

#include <QCoreApplication>
#include <QSqlQuery>

#include <sodium.h>

#include <optional>

namespace hh::db {

using connect::OAuthState;
using connect::StateRejection;

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(hh::db::OAuthStateStore)
};

const QString kRole = QStringLiteral("connect");

QString iso(const QDateTime& t)
{
    return t.toUTC().toString(Qt::ISODateWithMs);
}

QDateTime fromIso(const QVariant& v)
{
    if (v.isNull())
        return {};
    QDateTime t = QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
    if (!t.isValid())
        t = QDateTime::fromString(v.toString(), Qt::ISODate);
    return t.toUTC();
}

// Constant time for equal lengths (the length of a state is not secret).
bool sameSecret(const QByteArray& a, const QByteArray& b)
{
    if (a.size() != b.size() || a.isEmpty())
        return false;
    return sodium_memcmp(a.constData(), b.constData(), static_cast<size_t>(a.size())) == 0;
}
} // namespace

OAuthStateStore::OAuthStateStore(std::shared_ptr<ConnectionFactory> factory, QString userId)
    : m_factory(std::move(factory)), m_userId(std::move(userId))
{
}

void OAuthStateStore::releaseThreadResources()
{
    if (m_factory)
        m_factory->releaseThreadConnections();
}

Status OAuthStateStore::insert(const OAuthState& s)
{
    auto db = m_factory->connection(kRole);
    if (!db)
        return db.error();
    QSqlQuery q(*db);
    q.prepare(QStringLiteral("INSERT INTO oauth_states (state, user_id, profile_id, endpoint_id, provider, "
                             "code_verifier_encrypted, redirect_uri, created_at, expires_at) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(s.state);
    q.addBindValue(m_userId);
    q.addBindValue(s.profileId);
    q.addBindValue(s.endpointId);
    q.addBindValue(s.provider);
    q.addBindValue(s.codeVerifierEncrypted);
    q.addBindValue(s.redirectUri);
    q.addBindValue(iso(s.createdAt));
    q.addBindValue(iso(s.expiresAt));
    return exec(q, Tr::tr("The sign-in could not be started."));
}

Result<OAuthStateStore::Consumed> OAuthStateStore::consume(const QString& state, const QDateTime& nowUtc)
{
    auto db = m_factory->connection(kRole);
    if (!db)
        return db.error();
    const QString message = Tr::tr("The sign-in answer could not be checked.");
    // Never look the secret up by SQL (an index walk compares it byte by byte): read this
    // account's states (a handful; expired ones are purged) and compare each in constant time.
    QSqlQuery q(*db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT state, user_id, profile_id, endpoint_id, provider, code_verifier_encrypted, "
                             "redirect_uri, created_at, expires_at, used_at FROM oauth_states WHERE user_id = ?"));
    q.addBindValue(m_userId);
    if (!q.exec())
        return sqlError(q, message);
    const QByteArray given = state.toUtf8();
    std::optional<OAuthState> match;
    while (q.next()) {
        const QByteArray stored = q.value(0).toString().toUtf8();
        if (sameSecret(stored, given) && !match) {
            OAuthState s;
            s.state = q.value(0).toString();
            s.userId = q.value(1).toString();
            s.profileId = q.value(2).toString();
            s.endpointId = q.value(3).toString();
            s.provider = q.value(4).toString();
            s.codeVerifierEncrypted = q.value(5).toByteArray();
            s.redirectUri = q.value(6).toString();
            s.createdAt = fromIso(q.value(7));
            s.expiresAt = fromIso(q.value(8));
            s.usedAt = fromIso(q.value(9));
            match = s;
        }
    }
    q.finish();
    Consumed out;
    if (!match) {
        out.rejection = StateRejection::Unknown;
        return out;
    }
    out.row = *match;
    out.row.codeVerifierEncrypted.clear();
    if (match->usedAt.isValid()) {
        out.rejection = StateRejection::Used;
        return out;
    }
    // Mark used first: of two concurrent consumers exactly one changes the row.
    QSqlQuery upd(*db);
    upd.prepare(QStringLiteral("UPDATE oauth_states SET used_at = ? WHERE state = ? AND user_id = ? AND used_at IS NULL"));
    upd.addBindValue(iso(nowUtc));
    upd.addBindValue(match->state);
    upd.addBindValue(m_userId);
    if (!upd.exec())
        return sqlError(upd, message);
    if (upd.numRowsAffected() != 1) {
        out.rejection = StateRejection::Used;
        return out;
    }
    out.row.usedAt = nowUtc;
    if (!match->expiresAt.isValid() || match->expiresAt <= nowUtc) {
        out.rejection = StateRejection::Expired;
        return out;
    }
    out.row.codeVerifierEncrypted = match->codeVerifierEncrypted;
    return out;
}

Status OAuthStateStore::purgeExpired(const QDateTime& cutoffUtc)
{
    auto db = m_factory->connection(kRole);
    if (!db)
        return db.error();
    QSqlQuery q(*db);
    q.prepare(QStringLiteral("DELETE FROM oauth_states WHERE expires_at < ?"));
    q.addBindValue(iso(cutoffUtc));
    return exec(q, Tr::tr("Old sign-in requests could not be removed."));
}

} // namespace hh::db
