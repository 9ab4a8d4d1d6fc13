// The connect stores over a real encrypted vault: built-in endpoints, directory search and paging,
// vendor settings, single-use OAuth states, connections and disconnect with or without the data.
#include "ConnectTestSupport.h"

#include "core/connect/BuiltinEndpoints.h"
#include "core/connect/EndpointSettings.h"
#include "db/EndpointStore.h"
#include "db/OAuthStateStore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QtConcurrent>

using namespace hh;
using namespace hh::connect;
using namespace Qt::StringLiterals;

namespace {
Endpoint entry(const QString& name, const QString& city, const QString& base)
{
    Endpoint e;
    e.vendor = QStringLiteral("epic");
    e.name = name;
    e.city = city;
    e.state = QStringLiteral("WI");
    e.fhirBaseUrl = base;
    return e;
}

OAuthState stateRow(const QString& state, const QString& profileId, const QDateTime& now)
{
    OAuthState s;
    s.state = state;
    s.profileId = profileId;
    s.endpointId = QStringLiteral("demo-epic");
    s.provider = QStringLiteral("epic");
    s.codeVerifierEncrypted = QByteArray("sealed-verifier-bytes");
    s.redirectUri = QStringLiteral("http://127.0.0.1:47319/callback");
    s.createdAt = now;
    s.expiresAt = now.addSecs(600);
    return s;
}

int count(test::VaultFixture& f, const QString& sql, const QVariantList& binds = {})
{
    QSqlQuery q = f.query();
    q.prepare(sql);
    for (const QVariant& v : binds)
        q.addBindValue(v);
    if (!q.exec() || !q.next())
        return -1;
    return q.value(0).toInt();
}
} // namespace

class TestConnectStores : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<test::VaultFixture> fixture;
    ConnectStores stores;

    // Mom's sign-in at demo-athena, as a token response leaves it (patient a-1.E-1).
    EmrConnection momAtDemoAthena() const
    {
        EmrConnection c;
        c.profileId = fixture->mom.id;
        c.endpointId = QStringLiteral("demo-athena");
        c.provider = QStringLiteral("athena");
        c.patientEmrId = QStringLiteral("a-1.E-1");
        c.accessTokenEncrypted = QByteArray("sealed-access");
        return c;
    }

private Q_SLOTS:
    void init()
    {
        fixture = std::make_unique<test::VaultFixture>();
        QVERIFY(fixture->open());
        stores = fixture->stores();
    }

    void cleanup()
    {
        stores.releaseThreadResources();
        fixture->release();
        stores = {};
        fixture.reset();
    }

    void builtinsAreIdempotentAndKeepOverrides()
    {
        test::VaultFixture& f = *fixture;
        QVERIFY(stores.endpoints->ensureBuiltins(BuiltinEndpoints::all()).ok());
        auto first = stores.endpoints->list();
        QVERIFY(first.ok());
        QStringList ids;
        for (const Endpoint& e : *first)
            ids.append(e.id);
        for (const char* id : {"demo-epic", "demo-athena", "epic-sandbox", "athena-preview"})
            QVERIFY2(ids.contains(QLatin1String(id)), id);
        QCOMPARE(first->size(), 4);

        auto demo = stores.endpoints->get(QStringLiteral("demo-epic"));
        QVERIFY(demo.ok());
        QCOMPARE(demo->fhirBaseUrl, QStringLiteral("demo://demo-epic"));
        QCOMPARE(demo->vendor, QStringLiteral("epic"));
        QVERIFY(demo->builtin);
        QVERIFY(demo->sandbox);
        auto epic = stores.endpoints->get(QStringLiteral("epic-sandbox"));
        QCOMPARE(epic->fhirBaseUrl, QStringLiteral("https://fhir.epic.com/interconnect-fhir-oauth/api/FHIR/R4"));
        auto athena = stores.endpoints->get(QStringLiteral("athena-preview"));
        QCOMPARE(athena->fhirBaseUrl, QStringLiteral("https://api.preview.platform.athenahealth.com/fhir/r4"));

        // A user's override survives the next start; an unchanged built-in is not rewritten.
        QVERIFY(stores.endpoints->updateOverrides(QStringLiteral("epic-sandbox"), QStringLiteral("my-client"), {}, {})
                    .ok());
        const QString stamp = stores.endpoints->get(QStringLiteral("demo-athena"))->updatedAt;
        QVERIFY(stores.endpoints->ensureBuiltins(BuiltinEndpoints::all()).ok());
        QCOMPARE(stores.endpoints->list()->size(), 4);
        QCOMPARE(stores.endpoints->get(QStringLiteral("epic-sandbox"))->clientId, QStringLiteral("my-client"));
        QCOMPARE(stores.endpoints->get(QStringLiteral("demo-athena"))->updatedAt, stamp);

        // A changed built-in row (an older release) is brought up to date.
        QSqlQuery q = f.query();
        QVERIFY(q.exec(QStringLiteral("UPDATE emr_endpoints SET name = 'Old name', fhir_base_url = 'demo://old' "
                                      "WHERE id = 'demo-epic'")));
        QVERIFY(stores.endpoints->ensureBuiltins(BuiltinEndpoints::all()).ok());
        QCOMPARE(stores.endpoints->get(QStringLiteral("demo-epic"))->fhirBaseUrl, QStringLiteral("demo://demo-epic"));
        QVERIFY(stores.endpoints->get(QStringLiteral("demo-epic"))->name != QStringLiteral("Old name"));
    }

    void searchIsCaseInsensitivePagedAndIndexed()
    {
        test::VaultFixture& f = *fixture;
        QList<Endpoint> entries;
        for (int i = 0; i < 130; ++i) {
            entries.append(entry(QStringLiteral("Clinic %1").arg(i, 3, 10, QLatin1Char('0')),
                                 i % 2 ? QStringLiteral("Madison") : QStringLiteral("Green Bay"),
                                 QStringLiteral("https://fhir%1.example.org/r4").arg(i)));
        }
        entries.append(entry(QStringLiteral("St. Mary's 100% Care_Center"), QStringLiteral("Springfield"),
                             QStringLiteral("https://stmary.example.org/r4")));
        auto imported = stores.endpoints->importEntries(entries, QStringLiteral("epic-directory"));
        QVERIFY2(imported.ok(), test::why(imported).constData());
        QCOMPARE(imported->added, 131);
        QCOMPARE(imported->updated, 0);

        // Same import again: nothing new, nothing changed; a changed city is an update.
        auto second = stores.endpoints->importEntries(entries, QStringLiteral("epic-directory"));
        QVERIFY2(second.ok(), test::why(second).constData());
        QCOMPARE(second->added, 0);
        entries[0].city = QStringLiteral("Appleton");
        auto again = stores.endpoints->importEntries(entries, QStringLiteral("epic-directory"));
        QVERIFY2(again.ok(), test::why(again).constData());
        QCOMPARE(again->added, 0);
        QCOMPARE(again->updated, 1);

        auto madison = stores.endpoints->search(QStringLiteral("mADISON"), 0, 50);
        QVERIFY2(madison.ok(), test::why(madison).constData());
        QCOMPARE(madison->total, 65);
        QCOMPARE(madison->items.size(), 50);
        for (const Endpoint& e : madison->items)
            QCOMPARE(e.city, QStringLiteral("Madison"));
        // Pages: ordered by name, disjoint, complete.
        QSet<QString> seen;
        QString previous;
        for (int offset = 0; offset < madison->total; offset += 20) {
            auto page = stores.endpoints->search(QStringLiteral("madison"), offset, 20);
            QVERIFY(page.ok());
            for (const Endpoint& e : page->items) {
                QVERIFY(!seen.contains(e.id));
                seen.insert(e.id);
                QVERIFY(previous.compare(e.name, Qt::CaseInsensitive) <= 0);
                previous = e.name;
            }
        }
        QCOMPARE(seen.size(), 65);

        // Several words: every word in the name or the city.
        auto both = stores.endpoints->search(QStringLiteral("clinic 01 green"), 0, 50);
        QCOMPARE(both->total, 5); // Clinic 010..019, even ones are in Green Bay
        // LIKE wildcards in the text are literal.
        QCOMPARE(stores.endpoints->search(QStringLiteral("100%"), 0, 10)->total, 1);
        QCOMPARE(stores.endpoints->search(QStringLiteral("care_center"), 0, 10)->total, 1);
        QCOMPARE(stores.endpoints->search(QStringLiteral("Mary_s"), 0, 10)->total, 0); // '_' is no wildcard
        QCOMPARE(stores.endpoints->search(QStringLiteral("Mary's"), 0, 10)->total, 1);
        QCOMPARE(stores.endpoints->search(QStringLiteral("spring"), 0, 10)->items.value(0).name,
                 QStringLiteral("St. Mary's 100% Care_Center"));
        // Empty text lists everything (the 4 built-ins are not there: ensureBuiltins was not run).
        QCOMPARE(stores.endpoints->search(QString(), 0, 10)->total, 131);

        // The ORDER BY walks the name index (no sort of the whole table).
        QSqlQuery plan = f.query();
        QVERIFY(plan.exec(QStringLiteral("EXPLAIN QUERY PLAN SELECT id FROM emr_endpoints WHERE name LIKE '%a%' "
                                         "ORDER BY name COLLATE NOCASE LIMIT 50")));
        QString details;
        while (plan.next())
            details += plan.value(3).toString() + u'\n';
        QVERIFY2(details.contains(QLatin1String("idx_emr_endpoints_name")), qPrintable(details));
        QVERIFY2(!details.contains(QLatin1String("TEMP B-TREE")), qPrintable(details));
    }

    void addRefusesDuplicates()
    {
        Endpoint e = entry(QStringLiteral("Oracle Health Sandbox"), {}, QStringLiteral("https://fhir.example.org/r4"));
        e.vendor = QStringLiteral("other");
        e.source = QStringLiteral("manual");
        auto added = stores.endpoints->add(e);
        QVERIFY(added.ok());
        QVERIFY(!added->id.isEmpty());
        QCOMPARE(stores.endpoints->add(e).error().code(), ErrorCode::AlreadyExists);
        QCOMPARE(stores.endpoints->get(QStringLiteral("no-such-id")).error().code(), ErrorCode::NotFound);
    }

    void vendorSettingsAndEffectiveSettings()
    {
        test::VaultFixture& f = *fixture;
        QVERIFY(stores.endpoints->ensureBuiltins(BuiltinEndpoints::all()).ok());
        VendorSettings epic;
        epic.clientId = QStringLiteral("epic-non-prod-id");
        epic.scopes = QStringLiteral("openid fhirUser");
        QVERIFY(stores.endpoints->setVendorSettings(QStringLiteral("epic"), epic).ok());
        auto read = stores.endpoints->vendorSettings(QStringLiteral("epic"));
        QCOMPARE(read->clientId, epic.clientId);
        QCOMPARE(read->scopes, epic.scopes);
        QVERIFY(read->redirectUri.isEmpty());
        QVERIFY(stores.endpoints->vendorSettings(QStringLiteral("athena"))->clientId.isEmpty());

        // Epic's sandbox takes the vendor setting; demo-epic keeps its built-in client id.
        auto sandbox = EndpointSettings::resolve(*stores.endpoints->get(QStringLiteral("epic-sandbox")), *read);
        QCOMPARE(sandbox.clientId, epic.clientId);
        QCOMPARE(sandbox.clientIdOrigin, EndpointSettings::Origin::Vendor);
        QCOMPARE(sandbox.scopes, epic.scopes);
        QCOMPARE(sandbox.redirectUri, QUrl(QStringLiteral("http://127.0.0.1:47319/callback")));
        auto demo = EndpointSettings::resolve(*stores.endpoints->get(QStringLiteral("demo-epic")), *read);
        QCOMPARE(demo.clientId, QStringLiteral("healthhub-demo"));
        QCOMPARE(demo.clientIdOrigin, EndpointSettings::Origin::Builtin);

        // A per-endpoint override wins.
        auto overridden = stores.endpoints->updateOverrides(QStringLiteral("epic-sandbox"), QStringLiteral("own-id"),
                                                            QStringLiteral("http://127.0.0.1:5000/cb"),
                                                            QStringLiteral("openid"));
        QVERIFY(overridden.ok());
        auto own = EndpointSettings::resolve(*overridden, *read);
        QCOMPARE(own.clientId, QStringLiteral("own-id"));
        QCOMPARE(own.clientIdOrigin, EndpointSettings::Origin::Endpoint);
        QCOMPARE(own.redirectUri, QUrl(QStringLiteral("http://127.0.0.1:5000/cb")));
        QCOMPARE(own.scopes, QStringLiteral("openid"));

        // Clearing a vendor setting removes it.
        QVERIFY(stores.endpoints->setVendorSettings(QStringLiteral("epic"), VendorSettings{}).ok());
        QVERIFY(stores.endpoints->vendorSettings(QStringLiteral("epic"))->clientId.isEmpty());
        QCOMPARE(count(f, QStringLiteral("SELECT count(*) FROM app_settings WHERE key LIKE 'connect/vendor/epic/%'")),
                 0);
    }

    void statesAreSingleUseAndExpire()
    {
        test::VaultFixture& f = *fixture;
        QVERIFY(stores.endpoints->ensureBuiltins(BuiltinEndpoints::all()).ok());
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const QString good = QStringLiteral("gVtY2Pq0v4o6l1xZb8c3d5e7f9h2j4k6m8n0p2r4t6A");
        QVERIFY(stores.states->insert(stateRow(good, f.mom.id, now)).ok());

        auto unknown = stores.states->consume(good.left(good.size() - 1) + u'B', now);
        QVERIFY(unknown.ok());
        QCOMPARE(unknown->rejection, StateRejection::Unknown);
        QCOMPARE(stores.states->consume(QString(), now)->rejection, StateRejection::Unknown);

        auto consumed = stores.states->consume(good, now.addSecs(5));
        QVERIFY(consumed.ok());
        QCOMPARE(consumed->rejection, StateRejection::None);
        QCOMPARE(consumed->row.profileId, f.mom.id);
        QCOMPARE(consumed->row.codeVerifierEncrypted, QByteArray("sealed-verifier-bytes"));
        QCOMPARE(consumed->row.redirectUri, QStringLiteral("http://127.0.0.1:47319/callback"));

        auto reused = stores.states->consume(good, now.addSecs(6));
        QCOMPARE(reused->rejection, StateRejection::Used);
        QVERIFY(reused->row.codeVerifierEncrypted.isEmpty());

        // Expired: refused, and consumed as well.
        const QString old = QStringLiteral("expiredState0000000000000000000000000000000");
        QVERIFY(stores.states->insert(stateRow(old, f.mom.id, now.addSecs(-700))).ok());
        auto expired = stores.states->consume(old, now);
        QCOMPARE(expired->rejection, StateRejection::Expired);
        QVERIFY(expired->row.codeVerifierEncrypted.isEmpty());
        QCOMPARE(stores.states->consume(old, now)->rejection, StateRejection::Used);

        // Another account's state is unknown to this one.
        QSqlQuery q = f.query();
        QVERIFY(q.exec(QStringLiteral("INSERT INTO users (id, email, email_normalized, name, password_hash, created_at, "
                                      "updated_at) VALUES ('u2', 'b@example.org', 'b@example.org', 'B', 'x', 'n', 'n')")));
        QVERIFY(q.exec(QStringLiteral("INSERT INTO profiles (id, user_id, display_name, created_at, updated_at) "
                                      "VALUES ('p2', 'u2', 'Dad', 'n', 'n')")));
        db::OAuthStateStore other(f.vault->connections(), QStringLiteral("u2"));
        const QString theirs = QStringLiteral("theirState000000000000000000000000000000000");
        OAuthState row = stateRow(theirs, QStringLiteral("p2"), now);
        QVERIFY(other.insert(row).ok());
        QCOMPARE(stores.states->consume(theirs, now)->rejection, StateRejection::Unknown);
        QCOMPARE(other.consume(theirs, now)->rejection, StateRejection::None);

        // Purge removes long-expired rows only.
        QVERIFY(stores.states->purgeExpired(now).ok());
        QCOMPARE(count(f, QStringLiteral("SELECT count(*) FROM oauth_states WHERE state = ?"), {old}), 0);
        QCOMPARE(count(f, QStringLiteral("SELECT count(*) FROM oauth_states WHERE state = ?"), {good}), 1);
    }

    void concurrentConsumersGetOneWinner()
    {
        test::VaultFixture& f = *fixture;
        QVERIFY(stores.endpoints->ensureBuiltins(BuiltinEndpoints::all()).ok());
        const QDateTime now = QDateTime::currentDateTimeUtc();
        for (int round = 0; round < 5; ++round) {
            const QString state = QStringLiteral("raceState%1-00000000000000000000000000000").arg(round);
            QVERIFY(stores.states->insert(stateRow(state, f.mom.id, now)).ok());
            QThreadPool pool;
            pool.setMaxThreadCount(4);
            QList<QFuture<int>> futures;
            for (int i = 0; i < 4; ++i) {
                futures.append(QtConcurrent::run(&pool, [this, state, now]() {
                    auto r = stores.states->consume(state, now);
                    stores.releaseThreadResources();
                    return r ? static_cast<int>(r->rejection) : -1;
                }));
            }
            int winners = 0;
            for (auto& fut : futures) {
                const int r = fut.result();
                QVERIFY(r != -1);
                if (r == static_cast<int>(StateRejection::None))
                    ++winners;
                else
                    QCOMPARE(r, static_cast<int>(StateRejection::Used));
            }
            QCOMPARE(winners, 1);
        }
    }

    void connectionsSaveUpdateAndDisconnect()
    {
        test::VaultFixture& f = *fixture;
        QVERIFY(stores.endpoints->ensureBuiltins(BuiltinEndpoints::all()).ok());
        EmrConnection c = momAtDemoAthena();
        c.refreshTokenEncrypted = QByteArray("sealed-refresh");
        c.expiresAt = QDateTime::currentDateTimeUtc().addSecs(3600);
        c.scope = QStringLiteral("openid patient/Patient.read");
        auto saved = stores.connections->saveSignIn(c);
        QVERIFY2(saved.ok(), test::why(saved).constData());
        QCOMPARE(saved->status, ConnectionStatus::Connected);
        QCOMPARE(saved->refreshTokenEncrypted, QByteArray("sealed-refresh"));
        QCOMPARE(saved->expiresAt.toSecsSinceEpoch(), c.expiresAt.toSecsSinceEpoch());

        // A second sign-in to the same endpoint updates the row.
        c.accessTokenEncrypted = QByteArray("sealed-access-2");
        auto again = stores.connections->saveSignIn(c);
        QCOMPARE(again->id, saved->id);
        QCOMPARE(stores.connections->list(f.mom.id)->size(), 1);

        // Rotation keeps or replaces the refresh token; scope and patient only when given.
        TokenUpdate u;
        u.accessTokenEncrypted = QByteArray("sealed-access-3");
        u.expiresAt = c.expiresAt.addSecs(60);
        QVERIFY(stores.connections->updateTokens(saved->id, u).ok());
        auto after = stores.connections->get(saved->id);
        QCOMPARE(after->accessTokenEncrypted, QByteArray("sealed-access-3"));
        QCOMPARE(after->refreshTokenEncrypted, QByteArray("sealed-refresh"));
        QCOMPARE(after->scope, c.scope);
        u.refreshTokenEncrypted = QByteArray("sealed-refresh-2");
        u.scope = QStringLiteral("openid");
        QVERIFY(stores.connections->updateTokens(saved->id, u).ok());
        QCOMPARE(stores.connections->get(saved->id)->refreshTokenEncrypted, QByteArray("sealed-refresh-2"));
        QCOMPARE(stores.connections->get(saved->id)->scope, QStringLiteral("openid"));

        QVERIFY(stores.connections->setStatus(saved->id, ConnectionStatus::NeedsReauth, QStringLiteral("sign in"), true)
                    .ok());
        auto reauth = stores.connections->get(saved->id);
        QCOMPARE(reauth->status, ConnectionStatus::NeedsReauth);
        QCOMPARE(reauth->lastError, QStringLiteral("sign in"));
        QVERIFY(reauth->accessTokenEncrypted.isEmpty());
        QVERIFY(reauth->refreshTokenEncrypted.isEmpty());

        // Another account does not see it.
        db::ConnectionStore other(f.vault->connections(), QStringLiteral("someone-else"));
        QCOMPARE(other.get(saved->id).error().code(), ErrorCode::NotFound);
        QVERIFY(other.list(QString())->isEmpty());
        QCOMPARE(other.setStatus(saved->id, ConnectionStatus::Error, {}, false).error().code(), ErrorCode::NotFound);
    }

    // Signing in again as another patient (another family member's portal account) is refused while the
    // connection's records are kept (they would be mixed with that person's); with none synced it is a new start.
    // A renewal that names another patient is refused too (those tokens read somebody else's records).
    void anotherPatientIsNotMixedIn()
    {
        test::VaultFixture& f = *fixture;
        QVERIFY(stores.endpoints->ensureBuiltins(BuiltinEndpoints::all()).ok());
        EmrConnection c = momAtDemoAthena();
        auto saved = stores.connections->saveSignIn(c);
        QVERIFY2(saved.ok(), test::why(saved).constData());

        // No record synced yet: the sign-in may name another patient.
        c.patientEmrId = QStringLiteral("a-1.E-2");
        QVERIFY(stores.connections->saveSignIn(c).ok());
        QCOMPARE(stores.connections->get(saved->id)->patientEmrId, QStringLiteral("a-1.E-2"));

        const QString now = nowUtcIso();
        QSqlQuery q = f.query();
        q.prepare(QStringLiteral("INSERT INTO profile_fhir_resources_raw (id, profile_id, resource_type, connection_id, "
                                 "provider, resource_id, resource_json, content_hash, fetched_at, updated_at) "
                                 "VALUES ('raw-1', ?, 'Condition', ?, 'athena', 'c1', '{}', 'h', ?, ?)"));
        for (const QVariant& v : QVariantList{f.mom.id, saved->id, now, now})
            q.addBindValue(v);
        QVERIFY(q.exec());

        c.patientEmrId = QStringLiteral("a-1.E-3");
        auto other = stores.connections->saveSignIn(c);
        QVERIFY(!other.ok());
        QCOMPARE(other.error().code(), ErrorCode::AlreadyExists); // `healthhub connect` exits 1, not 2
        QCOMPARE(stores.connections->get(saved->id)->patientEmrId, QStringLiteral("a-1.E-2"));
        c.patientEmrId = QStringLiteral("a-1.E-2"); // the same patient again: fine
        QVERIFY(stores.connections->saveSignIn(c).ok());

        TokenUpdate u;
        u.accessTokenEncrypted = QByteArray("sealed-access-2");
        u.patientEmrId = QStringLiteral("a-1.E-9");
        QCOMPARE(stores.connections->updateTokens(saved->id, u).error().code(), ErrorCode::Unauthorized);
        QCOMPARE(stores.connections->get(saved->id)->accessTokenEncrypted, QByteArray("sealed-access"));
        u.patientEmrId = QStringLiteral("a-1.E-2");
        QVERIFY(stores.connections->updateTokens(saved->id, u).ok());
        QCOMPARE(stores.connections->get(saved->id)->accessTokenEncrypted, QByteArray("sealed-access-2"));
    }

    void disconnectKeepsOrDeletesData_data()
    {
        QTest::addColumn<bool>("deleteData");
        QTest::newRow("keep data") << false;
        QTest::newRow("delete data") << true;
    }

    void disconnectKeepsOrDeletesData()
    {
        test::VaultFixture& f = *fixture;
        QFETCH(bool, deleteData);
        QVERIFY(stores.endpoints->ensureBuiltins(BuiltinEndpoints::all()).ok());
        auto makeConnection = [&](const QString& endpoint) {
            EmrConnection c;
            c.profileId = f.mom.id;
            c.endpointId = endpoint;
            c.provider = endpoint == u"demo-epic" ? QStringLiteral("epic") : QStringLiteral("athena");
            c.accessTokenEncrypted = QByteArray("sealed");
            c.refreshTokenEncrypted = QByteArray("sealed-refresh");
            c.dynamicClientId = QStringLiteral("dyn");
            c.privateKeyEncrypted = QByteArray("sealed-key");
            return stores.connections->saveSignIn(c).value();
        };
        const EmrConnection athena = makeConnection(QStringLiteral("demo-athena"));
        const EmrConnection epic = makeConnection(QStringLiteral("demo-epic"));
        const QString now = nowUtcIso();
        QSqlQuery q = f.query();
        auto exec = [&](const QString& sql, const QVariantList& binds) {
            q.prepare(sql);
            for (const QVariant& v : binds)
                q.addBindValue(v);
            return q.exec();
        };
        const QString rawSql = QStringLiteral(
            "INSERT INTO profile_fhir_resources_raw (id, profile_id, resource_type, connection_id, provider, resource_id, "
            "resource_json, content_hash, fetched_at, updated_at) VALUES (?, ?, 'Condition', ?, 'x', ?, '{}', 'h', ?, ?)");
        QVERIFY(exec(rawSql, {u"raw-a"_s, f.mom.id, athena.id, u"c1"_s, now, now}));
        QVERIFY(exec(rawSql, {u"raw-e"_s, f.mom.id, epic.id, u"c1"_s, now, now}));
        QVERIFY(exec(QStringLiteral("INSERT INTO profile_fhir_resources_normalized (id, profile_id, raw_id, resource_type, "
                                    "normalized_json, normalizer_version, raw_hash, updated_at) "
                                    "VALUES ('n-a', ?, 'raw-a', 'Condition', '{}', 1, 'h', ?)"),
                     {f.mom.id, now}));
        const QString cleanSql = QStringLiteral(
            "INSERT INTO profile_fhir_resources_clean (id, profile_id, resource_type, dedup_key, sources, clean_json, "
            "updated_at) VALUES (?, ?, 'Condition', ?, ?, '{}', ?)");
        const auto sources = [](const QStringList& raws) {
            QJsonArray a;
            for (const QString& r : raws)
                a.append(QJsonObject{{QStringLiteral("raw_id"), r}});
            return QString::fromUtf8(QJsonDocument(a).toJson(QJsonDocument::Compact));
        };
        QVERIFY(exec(cleanSql, {u"clean-only-athena"_s, f.mom.id, u"k1"_s, sources({u"raw-a"_s}), now}));
        QVERIFY(exec(cleanSql, {u"clean-both"_s, f.mom.id, u"k2"_s, sources({u"raw-a"_s, u"raw-e"_s}), now}));
        QVERIFY(exec(QStringLiteral("INSERT INTO profile_sync_jobs (id, profile_id, connection_id, status, created_at) "
                                    "VALUES ('job-a', ?, ?, 'success', ?)"),
                     {f.mom.id, athena.id, now}));
        QVERIFY(exec(QStringLiteral("INSERT INTO profile_summary (profile_id, status, updated_at) VALUES (?, 'ready', ?)"),
                     {f.mom.id, now}));
        // Both connections have synced: a checkpoint and a time each.
        QVERIFY(exec(
            QStringLiteral("UPDATE profile_emr_connections SET sync_state = '{\"Condition\":{\"since\":\"x\"}}', "
                           "last_synced_at = ?"),
            {now}));
        q.finish();

        QVERIFY(stores.connections->disconnect(athena.id, deleteData).ok());
        auto gone = stores.connections->get(athena.id);
        QCOMPARE(gone->status, ConnectionStatus::Disconnected);
        QVERIFY(gone->accessTokenEncrypted.isEmpty());
        QVERIFY(gone->refreshTokenEncrypted.isEmpty());
        QVERIFY(gone->privateKeyEncrypted.isEmpty());
        QVERIFY(gone->dynamicClientId.isEmpty());

        const int rawLeft = count(f, QStringLiteral("SELECT count(*) FROM profile_fhir_resources_raw WHERE connection_id = ?"),
                                  {athena.id});
        QCOMPARE(rawLeft, deleteData ? 0 : 1);
        QCOMPARE(count(f, QStringLiteral("SELECT count(*) FROM profile_fhir_resources_normalized WHERE raw_id = 'raw-a'")),
                 deleteData ? 0 : 1);
        QCOMPARE(count(f, QStringLiteral("SELECT count(*) FROM profile_fhir_resources_clean WHERE id = 'clean-only-athena'")),
                 deleteData ? 0 : 1);
        QCOMPARE(count(f, QStringLiteral("SELECT count(*) FROM profile_fhir_resources_clean WHERE id = 'clean-both'")), 1);
        QCOMPARE(count(f, QStringLiteral("SELECT count(*) FROM profile_sync_jobs WHERE connection_id = ?"), {athena.id}),
                 deleteData ? 0 : 1);
        QCOMPARE(count(f, QStringLiteral("SELECT count(*) FROM profile_summary WHERE profile_id = ?"), {f.mom.id}),
                 deleteData ? 0 : 1);
        // Deleting the records also forgets how far they were synced (a new sign-in fetches everything again).
        QCOMPARE(count(f,
                       QStringLiteral(
                           "SELECT count(*) FROM profile_emr_connections WHERE id = ? AND sync_state IS NULL "
                           "AND last_synced_at IS NULL"),
                       {athena.id}),
                 deleteData ? 1 : 0);
        // The other connection is untouched.
        QCOMPARE(count(f,
                       QStringLiteral(
                           "SELECT count(*) FROM profile_emr_connections WHERE id = ? AND sync_state IS NOT NULL "
                           "AND last_synced_at IS NOT NULL"),
                       {epic.id}),
                 1);
        QCOMPARE(count(f, QStringLiteral("SELECT count(*) FROM profile_fhir_resources_raw WHERE connection_id = ?"), {epic.id}),
                 1);
        QCOMPARE(stores.connections->get(epic.id)->status, ConnectionStatus::Connected);
        if (deleteData) {
            QSqlQuery s = f.query();
            QVERIFY(s.exec(QStringLiteral("SELECT sources FROM profile_fhir_resources_clean WHERE id = 'clean-both'")));
            QVERIFY(s.next());
            const QJsonArray left = QJsonDocument::fromJson(s.value(0).toString().toUtf8()).array();
            QCOMPARE(left.size(), 1);
            QCOMPARE(left.at(0).toObject().value(QStringLiteral("raw_id")).toString(), QStringLiteral("raw-e"));
        }
    }
};

QTEST_GUILESS_MAIN(TestConnectStores)
#include "TestConnectStores.moc"
