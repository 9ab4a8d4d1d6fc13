#include "db/ConnectionStore.h"

#include "core/Domain.h"
#include "core/Log.h"
#include "db/ConnectionFactory.h"
#include "db/EndpointStore.h"
#include "db/OAuthStateStore.h"
#include "db/SqlUtil.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSqlQuery>

namespace hh::db {

using connect::ConnectionStatus;
using connect::EmrConnection;

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(hh::db::ConnectionStore)
};

const QString kRole = QStringLiteral("connect");

const QString kColumns = QStringLiteral(
    "c.id, c.profile_id, c.endpoint_id, c.provider, c.patient_emr_id, c.access_token_encrypted, "
    "c.refresh_token_encrypted, c.expires_at, c.scope, c.status, c.last_error, c.last_synced_at, "
    "c.dynamic_client_id, c.private_key_encrypted, c.key_id, c.access_expires_on, c.created_at, c.updated_at, "
    "c.client_id");

// Only connections of this account's profiles.
const QString kOwned = QStringLiteral("c.profile_id IN (SELECT id FROM profiles WHERE user_id = ?)");

QString iso(const QDateTime& t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QDateTime fromIso(const QVariant& v)
{
    if (v.isNull() || v.toString().isEmpty())
        return {};
    QDateTime t = QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
    if (!t.isValid())
        t = QDateTime::fromString(v.toString(), Qt::ISODate);
    return t.toUTC();
}

QVariant blobOrNull(const QByteArray& b)
{
    return b.isEmpty() ? QVariant(QMetaType::fromType<QByteArray>()) : QVariant(b);
}

EmrConnection readConnection(const QSqlQuery& q)
{
    EmrConnection c;
    c.id = q.value(0).toString();
    c.profileId = q.value(1).toString();
    c.endpointId = q.value(2).toString();
    c.provider = q.value(3).toString();
    c.patientEmrId = q.value(4).toString();
    c.accessTokenEncrypted = q.value(5).toByteArray();
    c.refreshTokenEncrypted = q.value(6).toByteArray();
    c.expiresAt = fromIso(q.value(7));
    c.scope = q.value(8).toString();
    c.status = connect::connectionStatusFromKey(q.value(9).toString()).value_or(ConnectionStatus::Error);
    c.lastError = q.value(10).toString();
    c.lastSyncedAt = q.value(11).toString();
    c.dynamicClientId = q.value(12).toString();
    c.privateKeyEncrypted = q.value(13).toByteArray();
    c.keyId = q.value(14).toString();
    c.accessExpiresOn = q.value(15).toString();
    c.createdAt = q.value(16).toString();
    c.updatedAt = q.value(17).toString();
    c.clientId = q.value(18).toString();
    return c;
}

Error notFound()
{
    return Error(ErrorCode::NotFound, Tr::tr("No such connection."), QStringLiteral("no connection row"));
}
} // namespace

ConnectionStore::ConnectionStore(std::shared_ptr<ConnectionFactory> factory, QString userId)
    : m_factory(std::move(factory)), m_userId(std::move(userId))
{
}

void ConnectionStore::releaseThreadResources()
{
    if (m_factory)
        m_factory->releaseThreadConnections();
}

Result<bool> ConnectionStore::profileExists(const QString& profileId)
{
    auto db = m_factory->connection(kRole);
    if (!db)
        return db.error();
    QSqlQuery q(*db);
    q.prepare(QStringLiteral("SELECT 1 FROM profiles WHERE id = ? AND user_id = ?"));
    q.addBindValue(profileId);
    q.addBindValue(m_userId);
    if (!q.exec())
        return sqlError(q, Tr::tr("The profile could not be read."));
    return q.next();
}

Result<EmrConnection> ConnectionStore::get(const QString& connectionId)
{
    auto db = m_factory->connection(kRole);
    if (!db)
        return db.error();
    QSqlQuery q(*db);
    q.prepare(QStringLiteral("SELECT %1 FROM profile_emr_connections c WHERE c.id = ? AND %2").arg(kColumns, kOwned));
    q.addBindValue(connectionId);
    q.addBindValue(m_userId);
    if (!q.exec())
        return sqlError(q, Tr::tr("The connection could not be read."));
    if (!q.next())
        return notFound();
    return readConnection(q);
}

Result<EmrConnection> ConnectionStore::find(const QString& profileId, const QString& endpointId)
{
    auto db = m_factory->connection(kRole);
    if (!db)
        return db.error();
    QSqlQuery q(*db);
    q.prepare(QStringLiteral("SELECT %1 FROM profile_emr_connections c WHERE c.profile_id = ? AND c.endpoint_id = ? "
                             "AND %2")
                  .arg(kColumns, kOwned));
    q.addBindValue(profileId);
    q.addBindValue(endpointId);
    q.addBindValue(m_userId);
    if (!q.exec())
        return sqlError(q, Tr::tr("The connection could not be read."));
    if (!q.next())
        return Error(ErrorCode::NotFound, Tr::tr("This profile is not connected to that health system."),
                     QStringLiteral("no connection for profile and endpoint"));
    return readConnection(q);
}

Result<QList<EmrConnection>> ConnectionStore::list(const QString& profileId)
{
    auto db = m_factory->connection(kRole);
    if (!db)
        return db.error();
    QSqlQuery q(*db);
    q.setForwardOnly(true);
    if (profileId.isEmpty()) {
        q.prepare(QStringLiteral("SELECT %1 FROM profile_emr_connections c WHERE %2 ORDER BY c.created_at")
                      .arg(kColumns, kOwned));
    } else {
        q.prepare(QStringLiteral("SELECT %1 FROM profile_emr_connections c WHERE c.profile_id = ? AND %2 "
                                 "ORDER BY c.created_at")
                      .arg(kColumns, kOwned));
        q.addBindValue(profileId);
    }
    q.addBindValue(m_userId);
    if (!q.exec())
        return sqlError(q, Tr::tr("The connections could not be read."));
    QList<EmrConnection> out;
    while (q.next())
        out.append(readConnection(q));
    return out;
}

Result<EmrConnection> ConnectionStore::saveSignIn(const EmrConnection& in)
{
    auto db = m_factory->connection(kRole);
    if (!db)
        return db.error();
    const QString message = Tr::tr("The connection could not be saved.");
    auto saved = inTransaction<QString>(*db, message, [&]() -> Result<QString> {
        auto owned = profileExists(in.profileId);
        if (!owned)
            return owned.error();
        if (!*owned)
            return Error(ErrorCode::NotFound, Tr::tr("No such profile."),
                         QStringLiteral("profile not of this account"));
        const QString now = nowUtcIso();
        QSqlQuery find(*db);
        find.prepare(QStringLiteral("SELECT id, patient_emr_id FROM profile_emr_connections WHERE profile_id = ? "
                                    "AND endpoint_id = ?"));
        find.addBindValue(in.profileId);
        find.addBindValue(in.endpointId);
        if (!find.exec())
            return sqlError(find, message);
        QString id;
        QString storedPatient;
        if (find.next()) {
            id = find.value(0).toString();
            storedPatient = find.value(1).toString();
        }
        find.finish();
        // Signing in again as somebody else (another family member's portal account, another proxy record)
        // would add that person's records to this profile's: refused while this connection's records are kept.
        if (!id.isEmpty() && !storedPatient.isEmpty() && !in.patientEmrId.isEmpty() && storedPatient != in.patientEmrId) {
            QSqlQuery has(*db);
            has.prepare(QStringLiteral("SELECT 1 FROM profile_fhir_resources_raw WHERE connection_id = ? LIMIT 1"));
            has.addBindValue(id);
            if (!has.exec())
                return sqlError(has, message);
            if (has.next())
                return Error(ErrorCode::AlreadyExists, // a conflict with what is stored (exit 1), not bad input
                             Tr::tr("You signed in as a different patient than the one this profile is connected to "
                                    "at this health system. Sign in as that patient, or disconnect it (deleting "
                                    "its records) and connect again."),
                             QStringLiteral("sign-in for another patient"));
        }
        const bool inserting = id.isEmpty();
        QSqlQuery q(*db);
        if (inserting) {
            id = newId();
            q.prepare(QStringLiteral(
                "INSERT INTO profile_emr_connections (provider, patient_emr_id, access_token_encrypted, "
                "refresh_token_encrypted, expires_at, scope, dynamic_client_id, private_key_encrypted, key_id, "
                "access_expires_on, client_id, status, last_error, updated_at, id, profile_id, endpoint_id, "
                "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'connected', NULL, ?, ?, ?, ?, ?)"));
        } else {
            q.prepare(QStringLiteral(
                "UPDATE profile_emr_connections SET provider = ?, patient_emr_id = ?, access_token_encrypted = ?, "
                "refresh_token_encrypted = ?, expires_at = ?, scope = ?, dynamic_client_id = ?, "
                "private_key_encrypted = ?, key_id = ?, access_expires_on = ?, client_id = ?, status = 'connected', "
                "last_error = NULL, updated_at = ? WHERE id = ?"));
        }
        q.addBindValue(in.provider);
        q.addBindValue(nullIfEmpty(in.patientEmrId));
        q.addBindValue(blobOrNull(in.accessTokenEncrypted));
        q.addBindValue(blobOrNull(in.refreshTokenEncrypted));
        q.addBindValue(nullIfEmpty(iso(in.expiresAt)));
        q.addBindValue(nullIfEmpty(in.scope));
        q.addBindValue(nullIfEmpty(in.dynamicClientId));
        q.addBindValue(blobOrNull(in.privateKeyEncrypted));
        q.addBindValue(nullIfEmpty(in.keyId));
        q.addBindValue(nullIfEmpty(in.accessExpiresOn));
        q.addBindValue(nullIfEmpty(in.clientId));
        q.addBindValue(now);
        q.addBindValue(id);
        if (inserting) {
            q.addBindValue(in.profileId);
            q.addBindValue(in.endpointId);
            q.addBindValue(now);
        }
        if (Status st = exec(q, message); !st)
            return st.error();
        return id;
    });
    if (!saved)
        return saved.error();
    return get(*saved);
}

Status ConnectionStore::updateTokens(const QString& connectionId, const connect::TokenUpdate& u)
{
    auto db = m_factory->connection(kRole);
    if (!db)
        return db.error();
    if (!u.patientEmrId.isEmpty()) {
        // A renewal that names another patient: these tokens read somebody else's records.
        QSqlQuery stored(*db);
        stored.prepare(QStringLiteral("SELECT patient_emr_id FROM profile_emr_connections WHERE id = ?"));
        stored.addBindValue(connectionId);
        if (!stored.exec())
            return sqlError(stored, Tr::tr("The new sign-in tokens could not be saved."));
        if (stored.next() && !stored.value(0).toString().isEmpty() && stored.value(0).toString() != u.patientEmrId)
            return Error(ErrorCode::Unauthorized,
                         Tr::tr("The health system now answers for a different patient. Sign in again."),
                         QStringLiteral("renewal for another patient"));
    }
    QString sql = QStringLiteral("UPDATE profile_emr_connections SET access_token_encrypted = ?, expires_at = ?, "
                                 "status = 'connected', last_error = NULL, updated_at = ?");
    if (!u.refreshTokenEncrypted.isEmpty() || u.clearRefreshToken)
        sql += QStringLiteral(", refresh_token_encrypted = ?");
    if (!u.scope.isEmpty())
        sql += QStringLiteral(", scope = ?");
    if (!u.patientEmrId.isEmpty())
        sql += QStringLiteral(", patient_emr_id = ?");
    sql += QStringLiteral(" WHERE id = ? AND status != 'disconnected' AND profile_id IN "
                          "(SELECT id FROM profiles WHERE user_id = ?)");
    QSqlQuery q(*db);
    q.prepare(sql);
    q.addBindValue(blobOrNull(u.accessTokenEncrypted));
    q.addBindValue(nullIfEmpty(iso(u.expiresAt)));
    q.addBindValue(nowUtcIso());
    if (!u.refreshTokenEncrypted.isEmpty() || u.clearRefreshToken)
        q.addBindValue(blobOrNull(u.clearRefreshToken ? QByteArray() : u.refreshTokenEncrypted));
    if (!u.scope.isEmpty())
        q.addBindValue(u.scope);
    if (!u.patientEmrId.isEmpty())
        q.addBindValue(u.patientEmrId);
    q.addBindValue(connectionId);
    q.addBindValue(m_userId);
    if (Status st = exec(q, Tr::tr("The new sign-in tokens could not be saved.")); !st)
        return st;
    if (q.numRowsAffected() != 1)
        return notFound();
    return success();
}

Status ConnectionStore::setStatus(const QString& connectionId, ConnectionStatus status, const QString& lastError,
                                  bool clearTokens)
{
    auto db = m_factory->connection(kRole);
    if (!db)
        return db.error();
    QSqlQuery q(*db);
    q.prepare(QStringLiteral("UPDATE profile_emr_connections SET status = ?, last_error = ?, updated_at = ?%1 "
                             "WHERE id = ? AND profile_id IN (SELECT id FROM profiles WHERE user_id = ?)")
                  .arg(clearTokens ? QStringLiteral(", access_token_encrypted = NULL, refresh_token_encrypted = NULL, "
                                                    "expires_at = NULL")
                                   : QString()));
    q.addBindValue(connect::connectionStatusKey(status));
    q.addBindValue(nullIfEmpty(lastError));
    q.addBindValue(nowUtcIso());
    q.addBindValue(connectionId);
    q.addBindValue(m_userId);
    if (Status st = exec(q, Tr::tr("The connection could not be saved.")); !st)
        return st;
    if (q.numRowsAffected() != 1)
        return notFound();
    return success();
}

Status ConnectionStore::setDeviceRegistration(const QString& connectionId, const QString& dynamicClientId,
                                              const QByteArray& privateKeyEncrypted, const QString& keyId)
{
    auto db = m_factory->connection(kRole);
    if (!db)
        return db.error();
    QSqlQuery q(*db);
    q.prepare(QStringLiteral("UPDATE profile_emr_connections SET dynamic_client_id = ?, private_key_encrypted = ?, "
                             "key_id = ?, updated_at = ? WHERE id = ? AND profile_id IN "
                             "(SELECT id FROM profiles WHERE user_id = ?)"));
    q.addBindValue(nullIfEmpty(dynamicClientId));
    q.addBindValue(blobOrNull(privateKeyEncrypted));
    q.addBindValue(nullIfEmpty(keyId));
    q.addBindValue(nowUtcIso());
    q.addBindValue(connectionId);
    q.addBindValue(m_userId);
    if (Status st = exec(q, Tr::tr("The connection could not be saved.")); !st)
        return st;
    if (q.numRowsAffected() != 1)
        return notFound();
    return success();
}

Status ConnectionStore::disconnect(const QString& connectionId, bool deleteData)
{
    auto db = m_factory->connection(kRole);
    if (!db)
        return db.error();
    const QString message = Tr::tr("The connection could not be removed.");
    auto r = inTransaction<bool>(*db, message, [&]() -> Result<bool> {
        auto existing = get(connectionId);
        if (!existing)
            return existing.error();
        QSqlQuery q(*db);
        q.prepare(QStringLiteral(
            "UPDATE profile_emr_connections SET access_token_encrypted = NULL, refresh_token_encrypted = NULL, "
            "expires_at = NULL, dynamic_client_id = NULL, private_key_encrypted = NULL, key_id = NULL, "
            "status = 'disconnected', last_error = NULL, updated_at = ? WHERE id = ?"));
        q.addBindValue(nowUtcIso());
        q.addBindValue(connectionId);
        if (Status st = exec(q, message); !st)
            return st.error();
        if (!deleteData)
            return true;

        // The sync checkpoint and time describe records that are about to go: without them the next sync
        // after a new sign-in fetches the whole history again instead of what changed since.
        QSqlQuery cursor(*db);
        cursor.prepare(
            QStringLiteral("UPDATE profile_emr_connections SET sync_state = NULL, last_synced_at = NULL "
                           "WHERE id = ?"));
        cursor.addBindValue(connectionId);
        if (Status st = exec(cursor, message); !st)
            return st.error();

        // The raw rows of this connection (their normalized rows go by cascade).
        QSet<QString> rawIds;
        QSqlQuery raw(*db);
        raw.setForwardOnly(true);
        raw.prepare(QStringLiteral("SELECT id FROM profile_fhir_resources_raw WHERE connection_id = ?"));
        raw.addBindValue(connectionId);
        if (!raw.exec())
            return sqlError(raw, message);
        while (raw.next())
            rawIds.insert(raw.value(0).toString());
        raw.finish();

        // Clean records: drop those that came only from this connection, and strip this
        // connection from the sources of merged ones (the de-duplicator rebuilds them on the next run).
        QSqlQuery clean(*db);
        clean.setForwardOnly(true);
        clean.prepare(QStringLiteral("SELECT id, sources FROM profile_fhir_resources_clean WHERE profile_id = ?"));
        clean.addBindValue(existing->profileId);
        if (!clean.exec())
            return sqlError(clean, message);
        QStringList dropIds;
        QList<QPair<QString, QByteArray>> rewrites;
        while (clean.next()) {
            const QJsonArray sources = QJsonDocument::fromJson(clean.value(1).toString().toUtf8()).array();
            QJsonArray kept;
            for (const QJsonValue& v : sources) {
                const QJsonObject s = v.toObject();
                const bool fromThis = rawIds.contains(s.value(QLatin1String("raw_id")).toString())
                    || s.value(QLatin1String("connection_id")).toString() == connectionId
                    || s.value(QLatin1String("endpoint")).toString() == existing->endpointId
                    || s.value(QLatin1String("endpoint_id")).toString() == existing->endpointId;
                if (!fromThis)
                    kept.append(v);
            }
            if (kept.size() == sources.size())
                continue;
            if (kept.isEmpty())
                dropIds.append(clean.value(0).toString());
            else
                rewrites.append({clean.value(0).toString(), QJsonDocument(kept).toJson(QJsonDocument::Compact)});
        }
        clean.finish();
        for (const QString& id : dropIds) {
            QSqlQuery del(*db);
            del.prepare(QStringLiteral("DELETE FROM profile_fhir_resources_clean WHERE id = ?"));
            del.addBindValue(id);
            if (Status st = exec(del, message); !st)
                return st.error();
        }
        for (const auto& [id, json] : rewrites) {
            QSqlQuery upd(*db);
            upd.prepare(QStringLiteral("UPDATE profile_fhir_resources_clean SET sources = ?, updated_at = ? WHERE id = ?"));
            upd.addBindValue(QString::fromUtf8(json));
            upd.addBindValue(nowUtcIso());
            upd.addBindValue(id);
            if (Status st = exec(upd, message); !st)
                return st.error();
        }
        const QStringList deletes = {
            QStringLiteral("DELETE FROM profile_fhir_resources_normalized WHERE raw_id IN "
                           "(SELECT id FROM profile_fhir_resources_raw WHERE connection_id = ?)"),
            QStringLiteral("DELETE FROM profile_fhir_resources_raw WHERE connection_id = ?"),
            QStringLiteral("DELETE FROM profile_sync_jobs WHERE connection_id = ?"),
        };
        for (const QString& sql : deletes) {
            QSqlQuery del(*db);
            del.prepare(sql);
            del.addBindValue(connectionId);
            if (Status st = exec(del, message); !st)
                return st.error();
        }
        // The summary was built from the deleted records too: remove it so it is rebuilt.
        QSqlQuery sum(*db);
        sum.prepare(QStringLiteral("DELETE FROM profile_summary WHERE profile_id = ?"));
        sum.addBindValue(existing->profileId);
        if (Status st = exec(sum, message); !st)
            return st.error();
        qCInfo(lcDb) << "connection data deleted:" << rawIds.size() << "raw records," << dropIds.size()
                     << "clean records";
        return true;
    });
    if (!r)
        return r.error();
    return success();
}

connect::ConnectStores makeConnectStores(std::shared_ptr<ConnectionFactory> factory, const QString& userId)
{
    connect::ConnectStores stores;
    stores.endpoints = std::make_shared<EndpointStore>(factory);
    stores.states = std::make_shared<OAuthStateStore>(factory, userId);
    stores.connections = std::make_shared<ConnectionStore>(std::move(factory), userId);
    return stores;
}

} // namespace hh::db
