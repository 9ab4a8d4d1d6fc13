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
    // The app's own demo vault (app/DemoVault.cpp), as `healthhub --demo` makes it.
    if (Status st = app::openDemoVault(*m_vault); !st)
        return st;
    const std::optional<User> user = m_vault->currentUser();
    if (!user)
        return Error(ErrorCode::Unknown, u"no demo account"_s, u"not signed in after openDemoVault"_s);
    m_user = *user;
    auto profiles = m_vault->listProfiles().result();
    if (!profiles)
        return profiles.error();
    m_profiles = *profiles;
    return success();
}

std::shared_ptr<db::ConnectionFactory> DemoAccountVault::factory() const
{
    return m_vault->connections();
}

Profile DemoAccountVault::profile(Relationship relationship) const
{
    for (const Profile& p : m_profiles)
        if (p.relationship == relationship)
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
