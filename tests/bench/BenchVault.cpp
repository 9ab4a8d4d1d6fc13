#include "bench/BenchVault.h"

#include "app/DemoVault.h"
#include "core/vault/Keychain.h"
#include "db/ConnectionFactory.h"
#include "db/VaultService.h"

#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace hh::bench {

namespace {
Error benchError(const QString& detail)
{
    return Error(ErrorCode::Database, u"benchmark vault"_s, detail);
}

Status execSql(QSqlDatabase db, const QString& sql, const QVariantList& binds)
{
    QSqlQuery q(db);
    if (!q.prepare(sql))
        return benchError(q.lastError().text());
    for (const QVariant& v : binds)
        q.addBindValue(v);
    if (!q.exec())
        return benchError(q.lastError().text());
    return success();
}
} // namespace

Result<QString> addConnection(db::ConnectionFactory& factory, const QString& profileId, const QString& endpointId,
                              const QUrl& fhirBase, const QString& patientId, const QString& role)
{
    auto db = factory.connection(role);
    if (!db)
        return db.error();
    const QString now = nowUtcIso();
    if (Status st = execSql(*db,
                            u"INSERT OR IGNORE INTO emr_endpoints (id, vendor, name, fhir_base_url, sandbox, builtin, "
                            "created_at, updated_at) VALUES (?, 'epic', ?, ?, 1, 0, ?, ?)"_s,
                            {endpointId, u"Benchmark demo-epic"_s, fhirBase.toString(), now, now});
        !st)
        return st.error();
    const QString id = newId();
    if (Status st = execSql(*db,
                            u"INSERT INTO profile_emr_connections (id, profile_id, endpoint_id, provider, "
                            "patient_emr_id, status, created_at, updated_at) "
                            "VALUES (?, ?, ?, 'epic', ?, 'connected', ?, ?)"_s,
                            {id, profileId, endpointId, patientId, now, now});
        !st)
        return st.error();
    return id;
}

// --- DemoAccountVault ---------------------------------------------------------------------------------------

DemoAccountVault::DemoAccountVault(const QString& dataDir)
    : m_vault(std::make_unique<db::VaultService>(dataDir, std::make_unique<NoKeychain>()))
{
}

DemoAccountVault::~DemoAccountVault()
{
    lock();
}

Status DemoAccountVault::create()
{
    auto user = m_vault
                    ->createAccount(QString::fromLatin1(app::kDemoEmail), u"Demo caregiver"_s,
                                    SecretBytes(QByteArray(app::kDemoPassword)))
                    .result();
    if (!user)
        return user.error();
    m_user = *user;
    struct Member {
        const char* name;
        QDate dob;
        Relationship relationship;
    };
    const Member family[] = {{"Alex", QDate(1984, 5, 14), Relationship::Self},
                             {"Mom", QDate(1946, 3, 2), Relationship::Mother},
                             {"Dad", QDate(1942, 9, 21), Relationship::Father},
                             {"Sam", QDate(2017, 7, 9), Relationship::Child}};
    for (const Member& m : family) {
        Profile p;
        p.displayName = QString::fromLatin1(m.name);
        p.dateOfBirth = m.dob;
        p.relationship = m.relationship;
        auto added = m_vault->addProfile(p).result();
        if (!added)
            return added.error();
        m_profiles.append(*added);
    }
    return success();
}

std::shared_ptr<db::ConnectionFactory> DemoAccountVault::factory() const
{
    return m_vault->connections();
}

Profile DemoAccountVault::profile(const QString& displayName) const
{
    for (const Profile& p : m_profiles)
        if (p.displayName == displayName)
            return p;
    return {};
}

void DemoAccountVault::lock()
{
    if (m_vault && m_vault->currentUser())
        m_vault->lock();
}

// --- BareVault -----------------------------------------------------------------------------------------------

BareVault::BareVault(QString role) : m_role(std::move(role)) {}

BareVault::~BareVault()
{
    if (m_factory)
        m_factory->closeAll();
}

QString BareVault::path() const
{
    return m_dir.filePath(u"vault.db"_s);
}

QByteArray BareVault::keyHex() const
{
    return m_key.toHex();
}

Status BareVault::create()
{
    if (!m_dir.isValid())
        return benchError(u"no temporary directory"_s);
    m_key = SecretBytes::random(32).toByteArray();
    if (Status st = db::ConnectionFactory::createDatabase(path(), SecretBytes(m_key)); !st)
        return st;
    m_factory = std::make_shared<db::ConnectionFactory>(path(), SecretBytes(m_key));
    auto db = m_factory->connection(m_role);
    if (!db)
        return db.error();
    m_userId = newId();
    m_profileId = newId();
    const QString now = nowUtcIso();
    if (Status st = execSql(*db,
                            u"INSERT INTO users (id, email, email_normalized, name, password_hash, created_at, "
                            "updated_at) VALUES (?, 'bench@example.org', 'bench@example.org', 'Bench', 'x', ?, ?)"_s,
                            {m_userId, now, now});
        !st)
        return st;
    return execSql(*db,
                   u"INSERT INTO profiles (id, user_id, display_name, relationship, created_at, updated_at) "
                   "VALUES (?, ?, 'Mom', 'mother', ?, ?)"_s,
                   {m_profileId, m_userId, now, now});
}

} // namespace hh::bench
