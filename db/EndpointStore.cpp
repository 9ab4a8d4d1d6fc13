#include "db/EndpointStore.h"

#include "core/Domain.h"
#include "core/Log.h"
#include "db/ConnectionFactory.h"
#include "db/SqlUtil.h"

#include <QCoreApplication>
#include <QSqlQuery>

namespace hh::db {

using connect::Endpoint;

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(hh::db::EndpointStore)
};

const QString kRole = QStringLiteral("connect");

const QString kColumns = QStringLiteral(
    "id, vendor, name, city, state, fhir_base_url, client_id, redirect_uri, scopes, sandbox, builtin, source, "
    "smart_config, created_at, updated_at");

Endpoint readEndpoint(const QSqlQuery& q)
{
    Endpoint e;
    e.id = q.value(0).toString();
    e.vendor = q.value(1).toString();
    e.name = q.value(2).toString();
    e.city = q.value(3).toString();
    e.state = q.value(4).toString();
    e.fhirBaseUrl = q.value(5).toString();
    e.clientId = q.value(6).toString();
    e.redirectUri = q.value(7).toString();
    e.scopes = q.value(8).toString();
    e.sandbox = q.value(9).toInt() != 0;
    e.builtin = q.value(10).toInt() != 0;
    e.source = q.value(11).toString();
    e.smartConfig = q.value(12).toString();
    e.createdAt = q.value(13).toString();
    e.updatedAt = q.value(14).toString();
    return e;
}

Error notFound()
{
    return Error(ErrorCode::NotFound, Tr::tr("No such health system in the directory."),
                 QStringLiteral("no endpoint row"));
}

QString settingKey(const QString& vendor, const char* name)
{
    return QStringLiteral("connect/vendor/%1/%2").arg(vendor, QLatin1String(name));
}

Status putSetting(QSqlDatabase& db, const QString& key, const QString& value)
{
    QSqlQuery q(db);
    if (value.isEmpty()) {
        q.prepare(QStringLiteral("DELETE FROM app_settings WHERE key = ?"));
        q.addBindValue(key);
        return exec(q, Tr::tr("The settings could not be saved."));
    }
    q.prepare(QStringLiteral("INSERT OR IGNORE INTO app_settings (key, value) VALUES (?, ?)"));
    q.addBindValue(key);
    q.addBindValue(value);
    if (Status st = exec(q, Tr::tr("The settings could not be saved.")); !st)
        return st;
    QSqlQuery u(db);
    u.prepare(QStringLiteral("UPDATE app_settings SET value = ? WHERE key = ?"));
    u.addBindValue(value);
    u.addBindValue(key);
    return exec(u, Tr::tr("The settings could not be saved."));
}
} // namespace

EndpointStore::EndpointStore(std::shared_ptr<ConnectionFactory> factory) : m_factory(std::move(factory)) {}

void EndpointStore::releaseThreadResources()
{
    if (m_factory)
        m_factory->releaseThreadConnections();
}

QString EndpointStore::likePattern(const QString& word)
{
    QString escaped;
    escaped.reserve(word.size() + 2);
    for (QChar c : word) {
        if (c == u'\\' || c == u'%' || c == u'_')
            escaped.append(u'\\');
        escaped.append(c);
    }
    return u'%' + escaped + u'%';
}

Status EndpointStore::ensureBuiltins(const QList<Endpoint>& builtins)
{
    auto db = m_factory->connection(kRole);
    if (!db)
        return db.error();
    const QString message = Tr::tr("The built-in health systems could not be saved.");
    auto r = inTransaction<bool>(*db, message, [&]() -> Result<bool> {
        const QString now = nowUtcIso();
        for (const Endpoint& e : builtins) {
            QSqlQuery ins(*db);
            ins.prepare(QStringLiteral("INSERT OR IGNORE INTO emr_endpoints (id, vendor, name, city, state, "
                                       "fhir_base_url, sandbox, builtin, source, created_at, updated_at) "
                                       "VALUES (?, ?, ?, ?, ?, ?, ?, 1, 'builtin', ?, ?)"));
            ins.addBindValue(e.id);
            ins.addBindValue(e.vendor);
            ins.addBindValue(e.name);
            ins.addBindValue(nullIfEmpty(e.city));
            ins.addBindValue(nullIfEmpty(e.state));
            ins.addBindValue(e.fhirBaseUrl);
            ins.addBindValue(e.sandbox ? 1 : 0);
            ins.addBindValue(now);
            ins.addBindValue(now);
            if (Status st = exec(ins, message); !st)
                return st.error();
            // Bring an older copy up to date; only touch updated_at when something changed.
            QSqlQuery upd(*db);
            upd.prepare(QStringLiteral(
                "UPDATE emr_endpoints SET vendor = ?, name = ?, city = ?, state = ?, fhir_base_url = ?, sandbox = ?, "
                "builtin = 1, source = 'builtin', updated_at = ? WHERE id = ? AND (vendor IS NOT ? OR name IS NOT ? "
                "OR city IS NOT ? OR state IS NOT ? OR fhir_base_url IS NOT ? OR sandbox IS NOT ? OR builtin IS NOT 1 "
                "OR source IS NOT 'builtin')"));
            for (int pass = 0; pass < 2; ++pass) {
                upd.addBindValue(e.vendor);
                upd.addBindValue(e.name);
                upd.addBindValue(nullIfEmpty(e.city));
                upd.addBindValue(nullIfEmpty(e.state));
                upd.addBindValue(e.fhirBaseUrl);
                upd.addBindValue(e.sandbox ? 1 : 0);
                if (pass == 0) {
                    upd.addBindValue(now);
                    upd.addBindValue(e.id);
                }
            }
            if (Status st = exec(upd, message); !st)
                return st.error();
        }
        return true;
    });
    if (!r)
        return r.error();
    return success();
}

Result<QList<Endpoint>> EndpointStore::list()
{
    auto db = m_factory->connection(kRole);
    if (!db)
        return db.error();
    QSqlQuery q(*db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT %1 FROM emr_endpoints ORDER BY name COLLATE NOCASE").arg(kColumns));
    if (!q.exec())
        return sqlError(q, Tr::tr("The directory of health systems could not be read."));
    QList<Endpoint> out;
    while (q.next())
        out.append(readEndpoint(q));
    return out;
}

Result<Endpoint> EndpointStore::get(const QString& id)
{
    auto db = m_factory->connection(kRole);
    if (!db)
        return db.error();
    QSqlQuery q(*db);
    q.prepare(QStringLiteral("SELECT %1 FROM emr_endpoints WHERE id = ?").arg(kColumns));
    q.addBindValue(id.trimmed());
    if (!q.exec())
        return sqlError(q, Tr::tr("The health system could not be read."));
    if (!q.next())
        return notFound();
    return readEndpoint(q);
}

Result<connect::EndpointPage> EndpointStore::search(const QString& text, int offset, int limit)
{
    auto db = m_factory->connection(kRole);
    if (!db)
        return db.error();
    offset = qMax(0, offset);
    limit = qBound(1, limit, 1000);
    // Every word must appear in the name or the city (LIKE is case-insensitive for ASCII). The
    // ORDER BY walks idx_emr_endpoints_name, so a page stops after `limit` matches.
    const QStringList words = text.simplified().split(u' ', Qt::SkipEmptyParts).mid(0, 8);
    QStringList clauses;
    for (qsizetype i = 0; i < words.size(); ++i)
        clauses.append(QStringLiteral("(name LIKE ? ESCAPE '\\' OR city LIKE ? ESCAPE '\\')"));
    const QString where = clauses.isEmpty() ? QString() : QStringLiteral(" WHERE ") + clauses.join(QStringLiteral(" AND "));
    auto bindWords = [&](QSqlQuery& q) {
        for (const QString& w : words) {
            q.addBindValue(likePattern(w));
            q.addBindValue(likePattern(w));
        }
    };
    const QString message = Tr::tr("The directory of health systems could not be searched.");
    QSqlQuery count(*db);
    count.prepare(QStringLiteral("SELECT count(*) FROM emr_endpoints") + where);
    bindWords(count);
    if (!count.exec() || !count.next())
        return sqlError(count, message);
    connect::EndpointPage page;
    page.total = count.value(0).toInt();
    page.offset = offset;
    QSqlQuery q(*db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT %1 FROM emr_endpoints%2 ORDER BY name COLLATE NOCASE LIMIT ? OFFSET ?")
                  .arg(kColumns, where));
    bindWords(q);
    q.addBindValue(limit);
    q.addBindValue(offset);
    if (!q.exec())
        return sqlError(q, message);
    while (q.next())
        page.items.append(readEndpoint(q));
    return page;
}

Result<connect::ImportSummary> EndpointStore::importEntries(const QList<Endpoint>& entries, const QString& source)
{
    auto db = m_factory->connection(kRole);
    if (!db)
        return db.error();
    const QString message = Tr::tr("The directory could not be imported.");
    return inTransaction<connect::ImportSummary>(*db, message, [&]() -> Result<connect::ImportSummary> {
        connect::ImportSummary summary;
        summary.source = source;
        const QString now = nowUtcIso();
        QSqlQuery find(*db);
        find.prepare(QStringLiteral("SELECT id, vendor, city, state, builtin FROM emr_endpoints "
                                    "WHERE fhir_base_url = ? AND name = ?"));
        QSqlQuery upd(*db);
        upd.prepare(QStringLiteral("UPDATE emr_endpoints SET vendor = ?, city = ?, state = ?, source = ?, "
                                   "updated_at = ? WHERE id = ?"));
        QSqlQuery ins(*db);
        ins.prepare(QStringLiteral("INSERT INTO emr_endpoints (id, vendor, name, city, state, fhir_base_url, sandbox, "
                                   "builtin, source, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)"));
        for (const Endpoint& e : entries) {
            find.addBindValue(e.fhirBaseUrl);
            find.addBindValue(e.name);
            if (!find.exec())
                return sqlError(find, message);
            if (find.next()) {
                const QString id = find.value(0).toString();
                const bool changed = find.value(1).toString() != e.vendor || find.value(2).toString() != e.city
                    || find.value(3).toString() != e.state;
                const bool builtin = find.value(4).toInt() != 0;
                find.finish();
                if (changed && !builtin) {
                    upd.addBindValue(e.vendor);
                    upd.addBindValue(nullIfEmpty(e.city));
                    upd.addBindValue(nullIfEmpty(e.state));
                    upd.addBindValue(source);
                    upd.addBindValue(now);
                    upd.addBindValue(id);
                    if (Status st = exec(upd, message); !st)
                        return st.error();
                    ++summary.updated;
                }
                continue;
            }
            find.finish();
            ins.addBindValue(newId());
            ins.addBindValue(e.vendor);
            ins.addBindValue(e.name);
            ins.addBindValue(nullIfEmpty(e.city));
            ins.addBindValue(nullIfEmpty(e.state));
            ins.addBindValue(e.fhirBaseUrl);
            ins.addBindValue(e.sandbox ? 1 : 0);
            ins.addBindValue(source);
            ins.addBindValue(now);
            ins.addBindValue(now);
            if (Status st = exec(ins, message); !st)
                return st.error();
            ++summary.added;
        }
        return summary;
    });
}

Result<Endpoint> EndpointStore::add(Endpoint e)
{
    auto db = m_factory->connection(kRole);
    if (!db)
        return db.error();
    if (e.id.isEmpty())
        e.id = newId();
    e.createdAt = e.updatedAt = nowUtcIso();
    QSqlQuery q(*db);
    q.prepare(QStringLiteral("INSERT INTO emr_endpoints (%1) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                  .arg(kColumns));
    q.addBindValue(e.id);
    q.addBindValue(e.vendor);
    q.addBindValue(e.name);
    q.addBindValue(nullIfEmpty(e.city));
    q.addBindValue(nullIfEmpty(e.state));
    q.addBindValue(e.fhirBaseUrl);
    q.addBindValue(nullIfEmpty(e.clientId));
    q.addBindValue(nullIfEmpty(e.redirectUri));
    q.addBindValue(nullIfEmpty(e.scopes));
    q.addBindValue(e.sandbox ? 1 : 0);
    q.addBindValue(e.builtin ? 1 : 0);
    q.addBindValue(nullIfEmpty(e.source));
    q.addBindValue(nullIfEmpty(e.smartConfig));
    q.addBindValue(e.createdAt);
    q.addBindValue(e.updatedAt);
    if (!q.exec()) {
        Error err = sqlError(q, Tr::tr("The health system could not be added."));
        if (err.code() == ErrorCode::AlreadyExists)
            return Error(ErrorCode::AlreadyExists,
                         Tr::tr("The directory already lists \"%1\" with this FHIR address.").arg(e.name),
                         err.detail());
        return err;
    }
    return e;
}

Result<Endpoint> EndpointStore::updateOverrides(const QString& id, const QString& clientId, const QString& redirectUri,
                                                const QString& scopes)
{
    auto db = m_factory->connection(kRole);
    if (!db)
        return db.error();
    QSqlQuery q(*db);
    q.prepare(QStringLiteral("UPDATE emr_endpoints SET client_id = ?, redirect_uri = ?, scopes = ?, updated_at = ? "
                             "WHERE id = ?"));
    q.addBindValue(nullIfEmpty(clientId.trimmed()));
    q.addBindValue(nullIfEmpty(redirectUri.trimmed()));
    q.addBindValue(nullIfEmpty(scopes.simplified()));
    q.addBindValue(nowUtcIso());
    q.addBindValue(id);
    if (!q.exec())
        return sqlError(q, Tr::tr("The settings of the health system could not be saved."));
    if (q.numRowsAffected() != 1)
        return notFound();
    return get(id);
}

Status EndpointStore::setSmartConfig(const QString& id, const QString& json)
{
    auto db = m_factory->connection(kRole);
    if (!db)
        return db.error();
    QSqlQuery q(*db);
    q.prepare(QStringLiteral("UPDATE emr_endpoints SET smart_config = ? WHERE id = ?"));
    q.addBindValue(nullIfEmpty(json));
    q.addBindValue(id);
    return exec(q, Tr::tr("The health system could not be saved."));
}

Result<connect::VendorSettings> EndpointStore::vendorSettings(const QString& vendor)
{
    auto db = m_factory->connection(kRole);
    if (!db)
        return db.error();
    QSqlQuery q(*db);
    q.prepare(QStringLiteral("SELECT key, value FROM app_settings WHERE key IN (?, ?, ?)"));
    q.addBindValue(settingKey(vendor, "client_id"));
    q.addBindValue(settingKey(vendor, "redirect_uri"));
    q.addBindValue(settingKey(vendor, "scopes"));
    if (!q.exec())
        return sqlError(q, Tr::tr("The settings could not be read."));
    connect::VendorSettings s;
    while (q.next()) {
        const QString key = q.value(0).toString();
        const QString value = q.value(1).toString();
        if (key.endsWith(QLatin1String("/client_id")))
            s.clientId = value;
        else if (key.endsWith(QLatin1String("/redirect_uri")))
            s.redirectUri = value;
        else if (key.endsWith(QLatin1String("/scopes")))
            s.scopes = value;
    }
    return s;
}

Status EndpointStore::setVendorSettings(const QString& vendor, const connect::VendorSettings& settings)
{
    auto db = m_factory->connection(kRole);
    if (!db)
        return db.error();
    auto r = inTransaction<bool>(*db, Tr::tr("The settings could not be saved."), [&]() -> Result<bool> {
        if (Status st = putSetting(*db, settingKey(vendor, "client_id"), settings.clientId.trimmed()); !st)
            return st.error();
        if (Status st = putSetting(*db, settingKey(vendor, "redirect_uri"), settings.redirectUri.trimmed()); !st)
            return st.error();
        if (Status st = putSetting(*db, settingKey(vendor, "scopes"), settings.scopes.simplified()); !st)
            return st.error();
        return true;
    });
    if (!r)
        return r.error();
    return success();
}

} // namespace hh::db
