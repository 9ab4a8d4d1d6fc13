#pragma once

// A real encrypted vault in a temporary directory, filled the way the sync engine and the clinical
// pipeline fill it: raw resources per connection, normalized + de-duplicated into clean records
// (hh_clinical's pure functions), and a summary per profile. Used by the views' db, export and
// command-line tests until/alongside the db-side pipeline.

#include "core/Domain.h"
#include "core/clinical/Deduplicator.h"
#include "core/clinical/Normalizer.h"
#include "core/clinical/SummaryBuilder.h"
#include "db/ConnectionFactory.h"
#include "db/VaultService.h"
#include "support/FakeKeychain.h"

#include <QCryptographicHash>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace hh::test {

using namespace Qt::StringLiterals;

class VaultFixture
{
public:
    static constexpr const char* kPassword = "correct horse battery staple";

    VaultFixture() = default;
    ~VaultFixture()
    {
        if (m_factory)
            m_factory->releaseThreadConnections();
        m_factory.reset();
        if (m_vault)
            m_vault->lock();
    }
    VaultFixture(const VaultFixture&) = delete;
    VaultFixture& operator=(const VaultFixture&) = delete;

    // Creates the vault and the account; false (with a QWARN) on failure.
    bool setUp(const QString& email = u"carer@example.org"_s, const QString& name = u"Carer"_s)
    {
        if (!m_dir.isValid())
            return false;
        m_vault = std::make_unique<db::VaultService>(m_dir.path(), std::make_unique<FakeKeychain>(true));
        auto created = m_vault->createAccount(email, name, SecretBytes(QByteArray(kPassword))).result();
        if (!created) {
            qWarning("createAccount: %s", qPrintable(created.error().detail()));
            return false;
        }
        user = *created;
        m_factory = m_vault->connections();
        return m_factory != nullptr;
    }

    [[nodiscard]] db::VaultService& vault() { return *m_vault; }
    [[nodiscard]] QString dataDir() const { return m_dir.path(); }
    [[nodiscard]] std::shared_ptr<db::ConnectionFactory> factory() const { return m_factory; }

    // The test thread's own connection (released in the destructor).
    QSqlDatabase db()
    {
        auto db = m_factory->connection(m_role);
        if (!db)
            qFatal("fixture connection: %s", qPrintable(db.error().detail()));
        return *db;
    }

    Profile addProfile(const QString& name, Relationship r, QDate dob = {}, const QString& legal = {})
    {
        Profile p;
        p.displayName = name;
        p.legalName = legal;
        p.dateOfBirth = dob;
        p.relationship = r;
        auto added = m_vault->addProfile(p).result();
        if (!added)
            qFatal("addProfile: %s", qPrintable(added.error().detail()));
        return *added;
    }

    void exec(const QString& sql, const QVariantList& binds)
    {
        QSqlQuery q(db());
        if (!q.prepare(sql))
            qFatal("prepare: %s", qPrintable(q.lastError().text()));
        for (const QVariant& b : binds)
            q.addBindValue(b);
        if (!q.exec())
            qFatal("exec: %s: %s", qPrintable(sql), qPrintable(q.lastError().text()));
    }

    void addEndpoint(const QString& id, const QString& name, const QString& vendor)
    {
        exec(u"INSERT INTO emr_endpoints (id, vendor, name, fhir_base_url, created_at, updated_at) "
             u"VALUES (?, ?, ?, ?, ?, ?)"_s,
             {id, vendor, name, u"https://fhir.example.org/"_s + id, nowUtcIso(), nowUtcIso()});
        m_vendors.insert(id, vendor);
        m_endpointNames.insert(id, name);
    }

    QString addConnection(const QString& profileId, const QString& endpointId, const QString& status = u"connected"_s,
                          const QString& lastSyncedAt = u"2024-05-01T10:00:00.000Z"_s, const QString& lastError = {})
    {
        const QString id = newId();
        exec(u"INSERT INTO profile_emr_connections (id, profile_id, endpoint_id, provider, patient_emr_id, status, "
             u"last_error, last_synced_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
             {id, profileId, endpointId, m_vendors.value(endpointId), u"pat-1"_s, status,
              lastError.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(lastError), lastSyncedAt,
              nowUtcIso(), nowUtcIso()});
        m_connectionEndpoint.insert(id, endpointId);
        return id;
    }

    QString addJob(const QString& profileId, const QString& connectionId, const QString& status,
                   const QString& createdAt, const QString& error = {})
    {
        const QString id = newId();
        exec(u"INSERT INTO profile_sync_jobs (id, profile_id, connection_id, provider, status, started_at, "
             u"finished_at, resources_fetched, error_message, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
             {id, profileId, connectionId, m_vendors.value(m_connectionEndpoint.value(connectionId)), status, createdAt,
              status == u"running" ? QVariant(QMetaType::fromType<QString>()) : QVariant(createdAt), 42,
              error.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(error), createdAt});
        return id;
    }

    // Stores resources as raw rows of a connection and normalizes them (kept for rebuild()).
    void ingest(const QString& profileId, const QString& connectionId, const QList<QJsonObject>& resources)
    {
        QSqlDatabase d = db();
        d.transaction();
        for (const QJsonObject& r : resources) {
            const QString rawId = newId();
            const QByteArray json = QJsonDocument(r).toJson(QJsonDocument::Compact);
            const QString type = r.value("resourceType"_L1).toString();
            exec(u"INSERT INTO profile_fhir_resources_raw (id, profile_id, resource_type, connection_id, provider, "
                 u"resource_id, resource_json, content_hash, fetched_at, updated_at) "
                 u"VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
                 {rawId, profileId, type, connectionId, m_vendors.value(m_connectionEndpoint.value(connectionId)),
                  r.value("id"_L1).toString(), QString::fromUtf8(json),
                  QString::fromLatin1(QCryptographicHash::hash(json, QCryptographicHash::Sha256).toHex()),
                  u"2024-05-01T10:00:00.000Z"_s, u"2024-05-01T10:00:00.000Z"_s});
            if (!clinical::Normalizer::isSupported(type))
                continue;
            clinical::NormalizeContext ctx;
            ctx.provider = m_vendors.value(m_connectionEndpoint.value(connectionId));
            ctx.endpointId = m_connectionEndpoint.value(connectionId);
            ctx.connectionId = connectionId;
            ctx.rawId = rawId;
            clinical::NormalizedRecord n = clinical::Normalizer::normalize(r, ctx);
            if (n.ok())
                m_normalized[profileId].append(n);
        }
        d.commit();
    }

    // Replaces the profile's clean rows and summary with what the pipeline would compute.
    void rebuild(const QString& profileId, qint64 nowMs = 0)
    {
        const QList<clinical::CleanRecord> clean = clinical::Deduplicator::deduplicate(m_normalized.value(profileId));
        QSqlDatabase d = db();
        d.transaction();
        exec(u"DELETE FROM profile_fhir_resources_clean WHERE profile_id = ?"_s, {profileId});
        for (const clinical::CleanRecord& c : clean)
            insertClean(profileId, c);
        QList<clinical::ConnectionInfo> conns;
        QSqlQuery q(d);
        q.prepare(u"SELECT c.id, c.provider, c.endpoint_id, e.name, c.status, c.last_synced_at, c.last_error "
                  u"FROM profile_emr_connections c JOIN emr_endpoints e ON e.id = c.endpoint_id WHERE c.profile_id = ?"_s);
        q.addBindValue(profileId);
        q.exec();
        while (q.next())
            conns.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
                          q.value(4).toString(), q.value(5).toString(), q.value(6).toString()});
        clinical::SummaryOptions options;
        options.nowMs = nowMs;
        setSummary(profileId, u"ready"_s, clinical::buildSummary(clean, conns, options));
        d.commit();
        cleanCount[profileId] = static_cast<int>(clean.size());
    }

    QString insertClean(const QString& profileId, const clinical::CleanRecord& c)
    {
        const QString id = newId();
        exec(u"INSERT INTO profile_fhir_resources_clean (id, profile_id, resource_type, dedup_key, status, "
             u"canonical_system, canonical_code, display, effective_at, value_num, value_unit, value_text, abnormal, "
             u"has_conflict, sources, clean_json, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
             {id, profileId, c.resourceType, c.dedupKey, nullable(c.status), nullable(c.canonicalSystem),
              nullable(c.canonicalCode), nullable(c.display), nullable(c.effectiveAt),
              c.valueNum() ? QVariant(*c.valueNum()) : QVariant(QMetaType::fromType<double>()),
              nullable(c.valueUnit()), nullable(c.valueText()), nullable(c.abnormal()), c.hasConflict ? 1 : 0,
              QString::fromUtf8(QJsonDocument(c.sourcesJson()).toJson(QJsonDocument::Compact)),
              QString::fromUtf8(QJsonDocument(c.toJson()).toJson(QJsonDocument::Compact)), nowUtcIso()});
        return id;
    }

    void setSummary(const QString& profileId, const QString& status, const QJsonObject& summary,
                    const QString& updatedAt = {})
    {
        exec(u"DELETE FROM profile_summary WHERE profile_id = ?"_s, {profileId});
        exec(u"INSERT INTO profile_summary (profile_id, status, summary_json, updated_at) VALUES (?, ?, ?, ?)"_s,
             {profileId, status, QString::fromUtf8(QJsonDocument(summary).toJson(QJsonDocument::Compact)),
              updatedAt.isEmpty() ? nowUtcIso() : updatedAt});
    }

    static QVariant nullable(const QString& s)
    {
        return s.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(s);
    }

    User user;
    QHash<QString, int> cleanCount;

private:
    static int nextFixture()
    {
        static int n = 0;
        return ++n;
    }
    QTemporaryDir m_dir;
    QString m_role = u"fixture%1"_s.arg(nextFixture()); // two fixtures may live in one thread
    std::unique_ptr<db::VaultService> m_vault;
    std::shared_ptr<db::ConnectionFactory> m_factory;
    QHash<QString, QString> m_vendors;
    QHash<QString, QString> m_endpointNames;
    QHash<QString, QString> m_connectionEndpoint;
    QHash<QString, QList<clinical::NormalizedRecord>> m_normalized;
};

} // namespace hh::test
