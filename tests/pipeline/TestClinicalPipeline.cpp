// The clinical pipeline on a real vault (issue 6): raw rows of demo patients, stored as a sync stores
// them, become normalized rows, de-duplicated clean rows and a summary; runs are incremental, idempotent
// and survive a stop (cancel, SIGKILL) at any point.

#include "core/TestHooks.h"
#include "core/clinical/Deduplicator.h"
#include "core/clinical/NormalizedRecord.h"
#include "core/demo/SyntheticFamily.h"
#include "db/ClinicalPipeline.h"
#include "db/CleanDocument.h"
#include "db/ConnectionFactory.h"
#include "db/RecordsReader.h"
#include "pipeline/PipelineTestSupport.h"
#include "sync/SyncTestSupport.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlError>
#include <QSqlRecord>
#include <QSqlQuery>
#include <QTest>
#include <QUrl>

#include <atomic>
#include <memory>
#include <thread>

using namespace hh;
using demo::Vendor;

namespace {

// The rows a query returns for a profile, each as one comparable string.
QStringList rowsOf(synctest::TestVault& vault, const QString& sql, const QString& profileId)
{
    QSqlQuery q(vault.db());
    q.prepare(sql);
    q.addBindValue(profileId);
    QStringList rows;
    if (!q.exec())
        return {QStringLiteral("query failed: ") + q.lastError().text()};
    while (q.next()) {
        QStringList cols;
        for (int i = 0; i < q.record().count(); ++i)
            cols.append(q.value(i).toString());
        rows.append(cols.join(u'\x1f'));
    }
    return rows;
}

// The clean table of a profile, as comparable rows (ids and times left out: they may differ).
QStringList cleanSnapshot(synctest::TestVault& vault, const QString& profileId)
{
    return rowsOf(vault,
                  QStringLiteral("SELECT resource_type, dedup_key, status, canonical_system, canonical_code, display, "
                                 "effective_at, value_num, value_unit, value_text, abnormal, has_conflict, sources, "
                                 "clean_json FROM profile_fhir_resources_clean WHERE profile_id = ? "
                                 "ORDER BY resource_type, dedup_key"),
                  profileId);
}

// The normalized table of a profile, as comparable rows (updated_at left out).
QStringList normalizedSnapshot(synctest::TestVault& vault, const QString& profileId)
{
    return rowsOf(vault,
                  QStringLiteral("SELECT id, raw_id, resource_type, status, canonical_system, canonical_code, display, "
                                 "effective_at, effective_end, value_num, value_unit, value_text, abnormal, "
                                 "normalized_json, error, normalizer_version, raw_hash, dedup_group "
                                 "FROM profile_fhir_resources_normalized WHERE profile_id = ? ORDER BY raw_id"),
                  profileId);
}

// The summary without its generation time.
QJsonObject summaryDocument(synctest::TestVault& vault, const QString& profileId)
{
    QJsonObject o = QJsonDocument::fromJson(
                        vault.scalar(QStringLiteral("SELECT summary_json FROM profile_summary WHERE profile_id = ?"), {profileId})
                            .toString()
                            .toUtf8())
                        .object();
    o.remove(QStringLiteral("generated_at"));
    return o;
}

QString summaryOf(synctest::TestVault& vault, const QString& profileId)
{
    return vault.scalar(QStringLiteral("SELECT summary_json FROM profile_summary WHERE profile_id = ?"), {profileId}).toString();
}

// Drops everything the pipeline derived for the profile (what a first run starts from).
void dropDerived(synctest::TestVault& vault, const QString& profileId)
{
    for (const char* table : {"profile_fhir_resources_clean", "profile_fhir_resources_normalized", "profile_summary",
                              "profile_dedup_dirty"})
        QVERIFY(vault.exec(QStringLiteral("DELETE FROM %1 WHERE profile_id = ?").arg(QLatin1String(table)), {profileId}));
}

} // namespace

class TestClinicalPipeline : public QObject
{
    Q_OBJECT

    std::unique_ptr<synctest::TestVault> m_vault;
    demo::SyntheticFamily m_family{1};
    QString m_profile;
    QHash<Vendor, QString> m_connections;

    void addPatient(const QString& key, QList<Vendor> vendors,
                    pipelinetest::StoreMode mode = pipelinetest::StoreMode::RawOnly)
    {
        m_profile = m_vault->addProfile(key);
        for (Vendor v : vendors) {
            const QString ep = pipelinetest::demoEndpointId(v);
            m_vault->addEndpoint(ep, demo::vendorKey(v), ep, QUrl(QStringLiteral("http://127.0.0.1:9/") + ep));
            m_connections.insert(v, m_vault->addConnection(m_profile, ep, demo::vendorKey(v)));
            auto stored = pipelinetest::storeDemoPatient(m_vault->factory(), m_connections.value(v), m_family, v, key, mode);
            QVERIFY2(stored.ok(), stored.ok() ? "" : qPrintable(stored.error().detail()));
            QVERIFY(*stored > 50);
        }
    }

    qint64 count(const QString& sql, const QVariantList& binds = {}) { return m_vault->count(sql, binds); }

    // Rewrites one raw row's JSON as a sync would when the server changed it.
    void changeRaw(const QString& rawId, const std::function<void(QJsonObject&)>& edit)
    {
        const QByteArray json =
            m_vault->scalar(QStringLiteral("SELECT resource_json FROM profile_fhir_resources_raw WHERE id = ?"), {rawId})
                .toString()
                .toUtf8();
        QJsonObject o = QJsonDocument::fromJson(json).object();
        QVERIFY(!o.isEmpty());
        edit(o);
        const QByteArray out = QJsonDocument(o).toJson(QJsonDocument::Compact);
        QVERIFY(m_vault->exec(QStringLiteral("UPDATE profile_fhir_resources_raw SET resource_json = ?, content_hash = ? "
                                             "WHERE id = ?"),
                              {QString::fromUtf8(out),
                               QString::fromLatin1(QCryptographicHash::hash(out, QCryptographicHash::Sha256).toHex()),
                               rawId}));
    }

    QStringList rawIds(const QString& type, Vendor vendor, int limit)
    {
        QSqlQuery q(m_vault->db());
        q.prepare(QStringLiteral("SELECT id FROM profile_fhir_resources_raw WHERE connection_id = ? AND resource_type = ? "
                                 "ORDER BY id LIMIT ?"));
        q.addBindValue(m_connections.value(vendor));
        q.addBindValue(type);
        q.addBindValue(limit);
        QStringList out;
        if (q.exec())
            while (q.next())
                out.append(q.value(0).toString());
        return out;
    }

    // The clean rows and summary now stored equal those of a full recompute from scratch (which replaces them).
    void compareWithFullRecompute()
    {
        const QStringList incremental = cleanSnapshot(*m_vault, m_profile);
        const QJsonObject incrementalSummary = summaryDocument(*m_vault, m_profile);
        const QStringList full = fullRecompute();
        QCOMPARE(incremental.size(), full.size());
        for (qsizetype i = 0; i < full.size(); ++i)
            QCOMPARE(incremental.at(i), full.at(i));
        // The summaries agree too, apart from the time they were generated.
        QCOMPARE(incrementalSummary, summaryDocument(*m_vault, m_profile));
    }

    // The whole clean documents of the profile by dedup key, made in memory from its stored normalized rows
    // (Deduplicator + CleanRecord::toJson(): what the pipeline merges, independent of how rows are stored).
    QHash<QString, QJsonObject> wholeDocuments()
    {
        QList<clinical::NormalizedRecord> normalized;
        QSqlQuery n(m_vault->db());
        n.prepare(QStringLiteral("SELECT normalized_json FROM profile_fhir_resources_normalized WHERE profile_id = ?"));
        n.addBindValue(m_profile);
        if (!n.exec())
            return {};
        while (n.next())
            normalized.append(clinical::NormalizedRecord::fromJson(
                QJsonDocument::fromJson(n.value(0).toString().toUtf8()).object()));
        QHash<QString, QJsonObject> out;
        for (const clinical::CleanRecord& c : clinical::deduplicate(normalized))
            out.insert(c.dedupKey, c.toJson());
        return out;
    }

    // What the views and exports read of the profile: every record's detail and both FHIR exports (without
    // the entries each export makes anew: its Composition and authoring Device). Failures come back as
    // "ERROR" lines.
    QStringList readerView()
    {
        QStringList out;
        db::RecordsReader reader(m_vault->db(), m_vault->userId());
        QSqlQuery ids(m_vault->db());
        ids.prepare(QStringLiteral("SELECT id FROM profile_fhir_resources_clean WHERE profile_id = ? ORDER BY id"));
        ids.addBindValue(m_profile);
        if (!ids.exec())
            return {QStringLiteral("ERROR ids")};
        QStringList idList;
        while (ids.next())
            idList.append(ids.value(0).toString());
        ids = QSqlQuery();
        for (const QString& id : std::as_const(idList)) {
            auto d = reader.record(m_profile, id);
            if (!d) {
                out.append(QStringLiteral("ERROR record ") + d.error().detail());
                continue;
            }
            out.append(id + u' ' + d->row.display + u' ' + d->row.effectiveEnd + u' '
                       + QString::number(d->sources.size()) + u' '
                       + QString::fromUtf8(QJsonDocument(d->clean).toJson(QJsonDocument::Compact)) + u' '
                       + QString::fromUtf8(QJsonDocument(d->conflicts).toJson(QJsonDocument::Compact)));
        }
        for (records::FhirExportKind kind : {records::FhirExportKind::Collection, records::FhirExportKind::PatientSummary}) {
            QBuffer buffer;
            buffer.open(QIODevice::WriteOnly);
            auto written = reader.writeFhir(m_profile, kind, &buffer);
            if (!written) {
                out.append(QStringLiteral("ERROR export ") + written.error().detail());
                continue;
            }
            const QJsonArray entries = QJsonDocument::fromJson(buffer.data()).object().value(QStringLiteral("entry")).toArray();
            for (const QJsonValue& e : entries) {
                const QJsonObject resource = e.toObject().value(QStringLiteral("resource")).toObject();
                const QString type = resource.value(QStringLiteral("resourceType")).toString();
                if (type != QStringLiteral("Composition") && type != QStringLiteral("Device")) // made per export
                    out.append(QString::fromUtf8(QJsonDocument(e.toObject()).toJson(QJsonDocument::Compact)));
            }
        }
        return out;
    }

    // A full recompute from scratch of the current raw rows: the reference for the incremental result.
    QStringList fullRecompute()
    {
        dropDerived(*m_vault, m_profile);
        db::ClinicalPipeline pipeline(m_vault->factory());
        auto r = pipeline.runForProfile(m_profile);
        if (!r)
            return {QStringLiteral("full recompute failed: ") + r.error().detail()};
        return cleanSnapshot(*m_vault, m_profile);
    }

private Q_SLOTS:
    void init()
    {
        m_vault = std::make_unique<synctest::TestVault>();
        QVERIFY2(m_vault->isValid(), qPrintable(m_vault->error()));
        m_connections.clear();
    }

    void cleanup()
    {
        m_vault->factory()->releaseThreadConnections();
        m_vault.reset();
    }

    // (a) A first run writes one normalized row per raw row, clean rows that account for every
    // normalized row exactly once, and the summary; a second run finds nothing to do.
    void firstRunWritesEverything()
    {
        addPatient(QStringLiteral("mother"), {Vendor::Epic, Vendor::Athena});
        const qint64 raw = count(QStringLiteral("SELECT count(*) FROM profile_fhir_resources_raw WHERE profile_id = ?"), {m_profile});
        db::ClinicalPipeline pipeline(m_vault->factory());
        qint64 lastDone = -1;
        qint64 lastTotal = 0;
        double lastFraction = 0;
        bool monotonic = true;
        QStringList reported;
        auto stats = pipeline.runForProfile(m_profile, [&](qint64 done, qint64 total) {
            // The share done never goes back (`healthhub sync` printed 100% -> 51% -> 100%).
            const double fraction = total > 0 ? double(done) / double(total) : 0;
            monotonic = monotonic && done >= lastDone && done <= total && fraction >= lastFraction;
            reported << QStringLiteral("%1/%2").arg(done).arg(total);
            lastDone = done;
            lastTotal = total;
            lastFraction = fraction;
        });
        QVERIFY2(stats.ok(), stats.ok() ? "" : qPrintable(stats.error().detail()));
        QVERIFY2(monotonic, qPrintable(reported.join(u' ')));
        QCOMPARE(lastDone, lastTotal);
        QCOMPARE(stats->rawScanned, raw);
        QCOMPARE(stats->normalized, raw);
        QCOMPARE(stats->unchanged, 0);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM profile_fhir_resources_normalized WHERE profile_id = ?"), {m_profile}), raw);
        // Every raw row has its normalized row, with the raw row's hash and the current version.
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM profile_fhir_resources_raw r JOIN profile_fhir_resources_normalized n "
                                      "ON n.raw_id = r.id WHERE r.profile_id = ? AND n.raw_hash = r.content_hash "
                                      "AND n.normalizer_version = ?"),
                       {m_profile, clinical::kNormalizerVersion}),
                 raw);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM profile_fhir_resources_normalized WHERE profile_id = ? AND error IS NOT NULL"),
                       {m_profile}),
                 stats->normalizeErrors);
        // Binary is not a clinical type: kept raw, normalized with a reason, never de-duplicated.
        QVERIFY(count(QStringLiteral("SELECT count(*) FROM profile_fhir_resources_normalized WHERE profile_id = ? AND "
                                     "resource_type = 'Binary' AND error IS NOT NULL AND dedup_group IS NULL"),
                      {m_profile})
                > 0);

        // Clean rows: each normalized row with a group is the source of exactly one clean row.
        const qint64 grouped = count(QStringLiteral("SELECT count(*) FROM profile_fhir_resources_normalized WHERE profile_id = ? "
                                                    "AND dedup_group IS NOT NULL"),
                                     {m_profile});
        QSqlQuery q(m_vault->db());
        q.prepare(QStringLiteral("SELECT sources, dedup_key FROM profile_fhir_resources_clean WHERE profile_id = ?"));
        q.addBindValue(m_profile);
        QVERIFY(q.exec());
        qint64 sources = 0;
        qint64 rows = 0;
        qint64 merged = 0;
        QSet<QString> seenRaw;
        while (q.next()) {
            ++rows;
            const QJsonArray arr = QJsonDocument::fromJson(q.value(0).toString().toUtf8()).array();
            QVERIFY(!arr.isEmpty());
            sources += arr.size();
            if (arr.size() > 1)
                ++merged;
            for (const QJsonValue& s : arr) {
                const QString rawId = s.toObject().value(QStringLiteral("raw_id")).toString();
                QVERIFY2(!seenRaw.contains(rawId), "a raw row is the source of two clean rows");
                seenRaw.insert(rawId);
            }
        }
        QCOMPARE(sources, grouped);
        QCOMPARE(rows, stats->cleanRows);
        QVERIFY(merged > 0);          // the mother's records overlap at both endpoints
        QVERIFY(rows < grouped);
        QCOMPARE(stats->cleanWritten, rows);

        // The summary: written, ready, counts per type as in the clean table; no queued work left.
        const QJsonObject summary = QJsonDocument::fromJson(summaryOf(*m_vault, m_profile).toUtf8()).object();
        QVERIFY(!summary.isEmpty());
        QCOMPARE(m_vault->scalar(QStringLiteral("SELECT status FROM profile_summary WHERE profile_id = ?"), {m_profile}).toString(),
                 QStringLiteral("ready"));
        const QJsonObject counts = summary.value(QStringLiteral("counts")).toObject();
        QVERIFY(!counts.isEmpty());
        for (auto it = counts.constBegin(); it != counts.constEnd(); ++it)
            QCOMPARE(it.value().toInteger(),
                     count(QStringLiteral("SELECT count(*) FROM profile_fhir_resources_clean WHERE profile_id = ? AND resource_type = ?"),
                           {m_profile, it.key()}));
        QCOMPARE(summary.value(QStringLiteral("sources")).toArray().size(), 2);
        QVERIFY(!summary.value(QStringLiteral("conditions")).toArray().isEmpty());
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM profile_dedup_dirty WHERE profile_id = ?"), {m_profile}), 0);

        // Second run: nothing changed, nothing written.
        const QString summaryBefore = summaryOf(*m_vault, m_profile);
        auto again = pipeline.runForProfile(m_profile);
        QVERIFY(again.ok());
        QCOMPARE(again->normalized, 0);
        QCOMPARE(again->unchanged, raw);
        QCOMPARE(again->groupsRecomputed, 0);
        QCOMPARE(again->cleanWritten, 0);
        QVERIFY(!again->summaryWritten);
        QCOMPARE(summaryOf(*m_vault, m_profile), summaryBefore);
        pipeline.releaseThread();
    }

    // Parse once (issue 8): the sync normalizes new resources from the page reader's objects and writes
    // their normalized rows with the raw rows (SyncStore::prepare + storePage). The vault it leaves, after
    // the pipeline, holds exactly the normalized rows, clean rows and summary of the pipeline alone.
    void storedAsSyncEqualsPipelineAlone()
    {
        addPatient(QStringLiteral("mother"), {Vendor::Epic, Vendor::Athena}, pipelinetest::StoreMode::AsSync);
        const QString medTypes = QStringLiteral("('Medication','MedicationRequest','MedicationStatement',"
                                                "'MedicationAdministration','MedicationDispense')");
        const qint64 raw = count(QStringLiteral("SELECT count(*) FROM profile_fhir_resources_raw WHERE profile_id = ?"), {m_profile});
        const qint64 medications = count(QStringLiteral("SELECT count(*) FROM profile_fhir_resources_raw WHERE profile_id = ? "
                                                        "AND resource_type IN ") + medTypes, {m_profile});
        QVERIFY(medications > 0);
        QVERIFY(raw > medications);
        // Right after the store: every other resource has its up-to-date normalized row, its group queued
        // with the summary marker; the medication types wait for the pipeline.
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM profile_fhir_resources_raw r JOIN profile_fhir_resources_normalized n "
                                      "ON n.raw_id = r.id AND n.id = r.id WHERE r.profile_id = ? AND n.raw_hash = r.content_hash "
                                      "AND n.normalizer_version = ?"),
                       {m_profile, clinical::kNormalizerVersion}),
                 raw - medications);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM profile_fhir_resources_normalized WHERE profile_id = ? "
                                      "AND resource_type IN ") + medTypes, {m_profile}),
                 0);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM profile_dedup_dirty WHERE profile_id = ? AND dedup_group = '~summary'"),
                       {m_profile}),
                 1);
        QCOMPARE(count(QStringLiteral("SELECT count(DISTINCT dedup_group) FROM profile_fhir_resources_normalized "
                                      "WHERE profile_id = ? AND dedup_group IS NOT NULL"), {m_profile}),
                 count(QStringLiteral("SELECT count(*) FROM profile_dedup_dirty WHERE profile_id = ? AND dedup_group != '~summary'"),
                       {m_profile}));

        db::ClinicalPipeline pipeline(m_vault->factory());
        pipeline.setBatchSize(211);
        auto stats = pipeline.runForProfile(m_profile);
        QVERIFY2(stats.ok(), stats.ok() ? "" : qPrintable(stats.error().detail()));
        QCOMPARE(stats->rawScanned, raw);
        QCOMPARE(stats->normalized, medications);
        QCOMPARE(stats->unchanged, raw - medications);
        QVERIFY(stats->summaryWritten);
        pipeline.releaseThread();
        const QStringList normalized = normalizedSnapshot(*m_vault, m_profile);
        const QStringList clean = cleanSnapshot(*m_vault, m_profile);
        const QJsonObject summary = summaryDocument(*m_vault, m_profile);
        QCOMPARE(normalized.size(), raw);
        QVERIFY(!clean.isEmpty());
        QVERIFY(!summary.isEmpty());

        // The same raw rows, everything derived again by the pipeline alone.
        QCOMPARE(fullRecompute(), clean);
        QCOMPARE(normalizedSnapshot(*m_vault, m_profile), normalized);
        QCOMPARE(summaryDocument(*m_vault, m_profile), summary);
    }

    // (b) After raw rows change, disappear and appear, the incremental run gives exactly the clean
    // table of a full recompute, and does not rewrite the rows that did not change.
    void incrementalEqualsFull()
    {
        addPatient(QStringLiteral("father"), {Vendor::Epic, Vendor::Athena});
        db::ClinicalPipeline pipeline(m_vault->factory());
        pipeline.setBatchSize(97); // several batches and chunks
        QVERIFY(pipeline.runForProfile(m_profile).ok());
        QVERIFY(m_vault->exec(QStringLiteral("UPDATE profile_fhir_resources_normalized SET updated_at = '2000-01-01T00:00:00.000Z' "
                                             "WHERE profile_id = ?"),
                              {m_profile}));

        // Changed: observation values (one side of a merged fact among them), a condition's status.
        const QStringList observations = rawIds(QStringLiteral("Observation"), Vendor::Athena, 12);
        QCOMPARE(observations.size(), 12);
        for (const QString& id : observations)
            changeRaw(id, [](QJsonObject& o) {
                QJsonObject v = o.value(QStringLiteral("valueQuantity")).toObject();
                v.insert(QStringLiteral("value"), v.value(QStringLiteral("value")).toDouble() * 1.5 + 1);
                o.insert(QStringLiteral("valueQuantity"), v);
            });
        const QStringList conditions = rawIds(QStringLiteral("Condition"), Vendor::Epic, 1);
        QCOMPARE(conditions.size(), 1);
        changeRaw(conditions.first(), [](QJsonObject& o) {
            o.insert(QStringLiteral("clinicalStatus"),
                     QJsonObject{{QStringLiteral("coding"),
                                  QJsonArray{QJsonObject{
                                      {QStringLiteral("system"),
                                       QStringLiteral("http://terminology.hl7.org/CodeSystem/condition-clinical")},
                                      {QStringLiteral("code"), QStringLiteral("resolved")}}}}});
        });
        // Gone: a complete pass no longer returned them.
        const QStringList gone = rawIds(QStringLiteral("Immunization"), Vendor::Epic, 3)
            + rawIds(QStringLiteral("Observation"), Vendor::Epic, 5);
        QCOMPARE(gone.size(), 8);
        for (const QString& id : gone)
            QVERIFY(m_vault->exec(QStringLiteral("UPDATE profile_fhir_resources_raw SET missing_since_job_id = 'job-x' WHERE id = ?"),
                                  {id}));
        // New: a resource the server added.
        const QString newRaw = QStringLiteral("01000000-0000-7000-8000-000000000001");
        {
            QJsonObject o = QJsonDocument::fromJson(m_vault->scalar(QStringLiteral("SELECT resource_json FROM profile_fhir_resources_raw "
                                                                                   "WHERE id = ?"),
                                                                    {observations.first()})
                                                        .toString()
                                                        .toUtf8())
                                .object();
            o.insert(QStringLiteral("id"), QStringLiteral("added-1"));
            o.insert(QStringLiteral("effectiveDateTime"), QStringLiteral("2024-02-29"));
            const QByteArray json = QJsonDocument(o).toJson(QJsonDocument::Compact);
            QVERIFY(m_vault->exec(QStringLiteral("INSERT INTO profile_fhir_resources_raw (id, profile_id, resource_type, connection_id, "
                                                 "provider, resource_id, resource_json, content_hash, fetched_at, updated_at) "
                                                 "VALUES (?, ?, 'Observation', ?, 'athena', 'added-1', ?, ?, '2024-01-01T00:00:00.000Z', "
                                                 "'2024-01-01T00:00:00.000Z')"),
                                  {newRaw, m_profile, m_connections.value(Vendor::Athena), QString::fromUtf8(json),
                                   QString::fromLatin1(QCryptographicHash::hash(json, QCryptographicHash::Sha256).toHex())}));
        }
        const QString summaryBefore = summaryOf(*m_vault, m_profile);

        auto stats = pipeline.runForProfile(m_profile);
        QVERIFY2(stats.ok(), stats.ok() ? "" : qPrintable(stats.error().detail()));
        QCOMPARE(stats->normalized, observations.size() + conditions.size() + 1);
        QCOMPARE(stats->removed, gone.size());
        QVERIFY(stats->groupsRecomputed > 0);
        QVERIFY(stats->summaryWritten);
        QVERIFY(summaryOf(*m_vault, m_profile) != summaryBefore);
        // Unchanged rows were not rewritten; changed ones were.
        const qint64 rewritten = count(QStringLiteral("SELECT count(*) FROM profile_fhir_resources_normalized WHERE profile_id = ? "
                                                      "AND updated_at != '2000-01-01T00:00:00.000Z'"),
                                       {m_profile});
        QCOMPARE(rewritten, stats->normalized);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM profile_fhir_resources_normalized n JOIN profile_fhir_resources_raw r "
                                      "ON r.id = n.raw_id WHERE r.missing_since_job_id IS NOT NULL")),
                 0);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM profile_dedup_dirty WHERE profile_id = ?"), {m_profile}), 0);

        pipeline.releaseThread();
        compareWithFullRecompute();
    }

    // clean_json is stored without what the row's columns hold (CleanRecord::storedJsonBytes()); what the
    // readers get back (db/CleanDocument.h) is the whole document of the record the normalized rows merge into.
    void storedCleanDocumentsAreWhole()
    {
        addPatient(QStringLiteral("father"), {Vendor::Epic, Vendor::Athena});
        db::ClinicalPipeline pipeline(m_vault->factory());
        QVERIFY(pipeline.runForProfile(m_profile).ok());
        pipeline.releaseThread();

        const QHash<QString, QJsonObject> expected = wholeDocuments();
        QVERIFY(!expected.isEmpty());

        QSqlQuery q(m_vault->db());
        q.prepare(QStringLiteral("SELECT length(clean_json), length(sources), ") + db::cleanDocumentColumns()
                  + QStringLiteral(" FROM profile_fhir_resources_clean WHERE profile_id = ?"));
        q.addBindValue(m_profile);
        QVERIFY(q.exec());
        int rows = 0;
        int merged = 0;
        qint64 storedBytes = 0;
        qint64 wholeBytes = 0;
        while (q.next()) {
            const QJsonObject doc = db::cleanDocument(q, 2);
            const QString key = doc.value(QStringLiteral("dedup_key")).toString();
            QVERIFY2(expected.contains(key), qPrintable(key));
            QCOMPARE(doc, expected.value(key));
            ++rows;
            merged += doc.value(QStringLiteral("sources")).toArray().size() > 1 ? 1 : 0;
            storedBytes += q.value(0).toLongLong() + q.value(1).toLongLong();
            wholeBytes += QJsonDocument(doc).toJson(QJsonDocument::Compact).size();
        }
        QCOMPARE(rows, expected.size());
        QVERIFY(merged > 10); // records at both health systems
        QVERIFY(storedBytes < wholeBytes);
    }

    // The views and exports read the same from a clean row whether it holds the stored document (this
    // version) or the whole one (rows written by earlier versions).
    void readersSeeStoredAndWholeDocumentsAlike()
    {
        addPatient(QStringLiteral("father"), {Vendor::Epic, Vendor::Athena});
        db::ClinicalPipeline pipeline(m_vault->factory());
        QVERIFY(pipeline.runForProfile(m_profile).ok());
        pipeline.releaseThread();
        const QStringList stored = readerView();

        // Every row rewritten whole, as an earlier version stored it (the documents made in memory from the
        // normalized rows, not read back through the code under test).
        const QHash<QString, QJsonObject> expected = wholeDocuments();
        QList<std::pair<QString, QByteArray>> whole;
        {
            QSqlQuery q(m_vault->db());
            q.prepare(QStringLiteral("SELECT id, dedup_key FROM profile_fhir_resources_clean WHERE profile_id = ?"));
            q.addBindValue(m_profile);
            QVERIFY(q.exec());
            while (q.next()) {
                QVERIFY(expected.contains(q.value(1).toString()));
                whole.append({q.value(0).toString(),
                              QJsonDocument(expected.value(q.value(1).toString())).toJson(QJsonDocument::Compact)});
            }
        }
        for (const auto& [id, json] : std::as_const(whole))
            QVERIFY(m_vault->exec(QStringLiteral("UPDATE profile_fhir_resources_clean SET clean_json = ? WHERE id = ?"),
                                  {QString::fromUtf8(json), id}));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM profile_fhir_resources_clean WHERE profile_id = ? AND "
                                      "instr(clean_json, '\"sources\":') > 0"),
                       {m_profile}),
                 qint64(whole.size()));

        const QStringList fromWhole = readerView();
        QVERIFY(stored.size() > whole.size()); // every record, then the exports' entries
        for (const QString& line : stored)
            QVERIFY2(!line.startsWith(QStringLiteral("ERROR")), qPrintable(line));
        QCOMPARE(fromWhole.size(), stored.size());
        for (qsizetype i = 0; i < stored.size(); ++i)
            QCOMPARE(fromWhole.at(i), stored.at(i));
    }

    // Most groups changed: the summary reads the few groups left by key range instead of one pass over the
    // clean rows (ClinicalPipeline::Impl::writeSummary); the result still equals a full recompute.
    void mostGroupsChangedEqualsFull()
    {
        addPatient(QStringLiteral("father"), {Vendor::Epic, Vendor::Athena});
        db::ClinicalPipeline pipeline(m_vault->factory());
        QVERIFY(pipeline.runForProfile(m_profile).ok());
        QSqlQuery q(m_vault->db());
        q.prepare(QStringLiteral("SELECT min(raw_id) FROM profile_fhir_resources_normalized WHERE profile_id = ? AND "
                                 "dedup_group IS NOT NULL GROUP BY dedup_group ORDER BY dedup_group"));
        q.addBindValue(m_profile);
        QVERIFY(q.exec());
        QStringList oneRawPerGroup;
        while (q.next())
            oneRawPerGroup.append(q.value(0).toString());
        q = QSqlQuery();
        QVERIFY(oneRawPerGroup.size() >= 8);
        // Three groups in four get a new version of one of their resources; one group in four is left alone.
        qsizetype touched = 0;
        for (qsizetype i = 0; i < oneRawPerGroup.size(); ++i) {
            if (i % 4 == 3)
                continue;
            changeRaw(oneRawPerGroup.at(i), [](QJsonObject& o) {
                o.insert(QStringLiteral("meta"), QJsonObject{{QStringLiteral("versionId"), QStringLiteral("2")}});
            });
            ++touched;
        }
        const QJsonObject summaryBefore = summaryDocument(*m_vault, m_profile);
        QVERIFY(m_vault->exec(QStringLiteral("UPDATE profile_summary SET summary_json = ? WHERE profile_id = ?"),
                              {QStringLiteral("{\"stale\":true}"), m_profile}));

        auto stats = pipeline.runForProfile(m_profile);
        QVERIFY2(stats.ok(), stats.ok() ? "" : qPrintable(stats.error().detail()));
        QVERIFY(stats->normalized >= touched); // and the orders of a touched Medication
        QVERIFY(stats->groupsRecomputed >= touched);
        QVERIFY(stats->groupsRecomputed < oneRawPerGroup.size());
        QVERIFY(stats->summaryWritten);
        // The same records: the summary comes back as it was (its untouched groups read back, not lost).
        QCOMPARE(summaryDocument(*m_vault, m_profile), summaryBefore);
        pipeline.releaseThread();
        compareWithFullRecompute();
    }

    // A changed Medication is picked up by the orders that reference it (reference resolved per run).
    void medicationChangeRenormalizesOrders()
    {
        addPatient(QStringLiteral("mother"), {Vendor::Epic});
        db::ClinicalPipeline pipeline(m_vault->factory());
        QVERIFY(pipeline.runForProfile(m_profile).ok());
        // Orders resolved their Medication: the clean medication rows carry an RxNorm code.
        QVERIFY(count(QStringLiteral("SELECT count(*) FROM profile_fhir_resources_normalized WHERE profile_id = ? AND "
                                     "resource_type = 'MedicationRequest' AND canonical_code IS NOT NULL"),
                      {m_profile})
                > 0);
        const QStringList meds = rawIds(QStringLiteral("Medication"), Vendor::Epic, 1);
        QCOMPARE(meds.size(), 1);
        changeRaw(meds.first(), [](QJsonObject& o) { o.insert(QStringLiteral("status"), QStringLiteral("inactive")); });
        const qint64 orders = count(QStringLiteral("SELECT count(*) FROM profile_fhir_resources_raw WHERE connection_id = ? AND "
                                                   "resource_type IN ('MedicationRequest','MedicationStatement',"
                                                   "'MedicationAdministration','MedicationDispense')"),
                                    {m_connections.value(Vendor::Epic)});
        QVERIFY(orders > 0);
        auto stats = pipeline.runForProfile(m_profile);
        QVERIFY(stats.ok());
        QCOMPARE(stats->normalized, orders + 1);
        pipeline.releaseThread();
    }

    // (c) A run stopped between the normalized and the clean phase (and inside it) leaves queued groups;
    // the next run finishes the work and the result equals a full recompute.
    void stoppedRunIsRepaired()
    {
        addPatient(QStringLiteral("mother"), {Vendor::Epic, Vendor::Athena});
        std::atomic<bool> cancel{false};
        db::ClinicalPipeline pipeline(m_vault->factory());
        pipeline.setCancelFlag(&cancel);
        pipeline.setBatchSize(200);
        const qint64 raw = count(QStringLiteral("SELECT count(*) FROM profile_fhir_resources_raw WHERE profile_id = ?"), {m_profile});
        auto stopped = pipeline.runForProfile(m_profile, [&](qint64 done, qint64) {
            if (done >= raw)
                cancel = true; // every raw row normalized (the normalize phase counts raw rows), no group merged yet
        });
        QVERIFY(!stopped.ok());
        QCOMPARE(stopped.error().code(), ErrorCode::Cancelled);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM profile_fhir_resources_normalized WHERE profile_id = ?"), {m_profile}), raw);
        QVERIFY(count(QStringLiteral("SELECT count(*) FROM profile_dedup_dirty WHERE profile_id = ?"), {m_profile}) > 1);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM profile_fhir_resources_clean WHERE profile_id = ?"), {m_profile}), 0);
        QVERIFY(summaryOf(*m_vault, m_profile).isEmpty());
        // Not an error for the profile: a cancelled run leaves the status alone.
        QVERIFY(m_vault->scalar(QStringLiteral("SELECT status FROM profile_summary WHERE profile_id = ?"), {m_profile}).toString()
                != QStringLiteral("error"));

        cancel = false;
        auto resumed = pipeline.runForProfile(m_profile);
        QVERIFY2(resumed.ok(), resumed.ok() ? "" : qPrintable(resumed.error().detail()));
        QCOMPARE(resumed->normalized, 0); // the normalized rows of the stopped run are kept
        QVERIFY(resumed->groupsRecomputed > 0);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM profile_dedup_dirty WHERE profile_id = ?"), {m_profile}), 0);
        QVERIFY(!summaryOf(*m_vault, m_profile).isEmpty());
        const QStringList repaired = cleanSnapshot(*m_vault, m_profile);
        pipeline.releaseThread();
        QCOMPARE(repaired, fullRecompute());
    }

    // (c) The process is killed (SIGKILL) inside and between the pipeline's transactions; every time the
    // vault is consistent and the next run completes with the full result.
    void killedRunIsRepaired_data()
    {
        QTest::addColumn<QString>("point");
        QTest::newRow("inside a normalize transaction") << QStringLiteral("pipeline.normalize.before-commit:3");
        QTest::newRow("between normalize batches") << QStringLiteral("pipeline.normalize.after-commit:2");
        QTest::newRow("after the last normalize batch") << QStringLiteral("pipeline.clean.before-commit:1");
        QTest::newRow("between clean chunks") << QStringLiteral("pipeline.clean.after-commit:1");
        QTest::newRow("before the summary commit") << QStringLiteral("pipeline.summary.before-commit:1");
    }

    void killedRunIsRepaired()
    {
        QFETCH(QString, point);
        addPatient(QStringLiteral("mother"), {Vendor::Epic, Vendor::Athena});
        const QString reference = [&] {
            const QStringList full = fullRecompute();
            dropDerived(*m_vault, m_profile);
            return full.join(u'\n');
        }();
        QVERIFY(!reference.isEmpty());
        m_vault->release();

        QProcess child;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HH_KILL_AT"), point);
        env.insert(QStringLiteral("HH_TEST_DB"), m_vault->databasePath());
        env.insert(QStringLiteral("HH_TEST_KEY"), QString::fromLatin1(m_vault->keyHex()));
        child.setProcessEnvironment(env);
        child.start(QStringLiteral(HH_PIPELINE_CHILD), {m_profile, QStringLiteral("100")});
        QVERIFY(child.waitForFinished(60000));
        QCOMPARE(child.exitStatus(), QProcess::CrashExit);
        QVERIFY2(child.readAllStandardError().contains("hh-testhook: killed at"), "the kill point was not reached");

        QCOMPARE(m_vault->scalar(QStringLiteral("PRAGMA integrity_check")).toString(), QStringLiteral("ok"));
        db::ClinicalPipeline pipeline(m_vault->factory());
        auto stats = pipeline.runForProfile(m_profile);
        QVERIFY2(stats.ok(), stats.ok() ? "" : qPrintable(stats.error().detail()));
        QVERIFY(stats->summaryWritten);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM profile_dedup_dirty WHERE profile_id = ?"), {m_profile}), 0);
        pipeline.releaseThread();
        QCOMPARE(cleanSnapshot(*m_vault, m_profile).join(u'\n'), reference);
    }

    // A failing run marks the summary 'error' with a message and keeps the previous summary.
    // A sync stores more records of a group while the pipeline merges that group (it has read the group's
    // records, not yet written its clean rows): the group stays queued, and the next run merges them too.
    void recordsStoredDuringAMergeAreMergedNextRun()
    {
        addPatient(QStringLiteral("mother"), {Vendor::Epic}, pipelinetest::StoreMode::AsSync);
        db::ClinicalPipeline pipeline(m_vault->factory());
        QVERIFY(pipeline.runForProfile(m_profile).ok());

        // Two new heart-rate readings (one group), copies of a stored one on days of their own.
        const QString sourceRaw = m_vault
                                      ->scalar(QStringLiteral("SELECT r.id FROM profile_fhir_resources_raw r JOIN "
                                                              "profile_fhir_resources_normalized n ON n.raw_id = r.id "
                                                              "WHERE r.profile_id = ? AND n.canonical_code = '8867-4' "
                                                              "ORDER BY r.id LIMIT 1"),
                                               {m_profile})
                                      .toString();
        QVERIFY(!sourceRaw.isEmpty());
        const QJsonObject source =
            QJsonDocument::fromJson(
                m_vault->scalar(QStringLiteral("SELECT resource_json FROM profile_fhir_resources_raw WHERE id = ?"), {sourceRaw})
                    .toString()
                    .toUtf8())
                .object();
        QList<sync::RawResource> added;
        for (int i = 1; i <= 2; ++i) {
            QJsonObject o = source;
            o.insert(QStringLiteral("id"), QStringLiteral("stored-during-merge-%1").arg(i));
            o.insert(QStringLiteral("effectiveDateTime"), QStringLiteral("2024-02-2%1T08:00:00Z").arg(i));
            sync::RawResource r;
            r.resourceType = QStringLiteral("Observation");
            r.resourceId = o.value(QStringLiteral("id")).toString();
            r.json = QJsonDocument(o).toJson(QJsonDocument::Compact);
            r.hash = QCryptographicHash::hash(r.json, QCryptographicHash::Sha256).toHex();
            r.object = o;
            added.append(r);
        }
        const QString connection = m_connections.value(Vendor::Epic);
        QVERIFY(pipelinetest::storeResources(m_vault->factory(), connection, {added.at(0)}, pipelinetest::StoreMode::AsSync)
                    .ok());

        bool storedDuringMerge = false;
        bool storeFailed = false;
        testhook::setObserver([&](const char* point) {
            if (storedDuringMerge || qstrcmp(point, "pipeline.clean.groups-read") != 0)
                return;
            storedDuringMerge = true;
            // On a thread of its own, as a sync's writer (storeResources() releases its thread's connections).
            std::thread writer([&] {
                storeFailed = !pipelinetest::storeResources(m_vault->factory(), connection, {added.at(1)},
                                                            pipelinetest::StoreMode::AsSync)
                                   .ok();
            });
            writer.join();
        });
        auto run = pipeline.runForProfile(m_profile);
        testhook::setObserver({});
        QVERIFY2(run.ok(), run.ok() ? "" : qPrintable(run.error().detail()));
        QVERIFY(storedDuringMerge);
        QVERIFY(!storeFailed);
        const QString inClean = QStringLiteral(
            "SELECT count(*) FROM profile_fhir_resources_clean c WHERE c.profile_id = ? AND instr(c.sources, "
            "(SELECT id FROM profile_fhir_resources_raw WHERE resource_id = ?)) > 0");
        QCOMPARE(count(inClean, {m_profile, added.at(0).resourceId}), 1);
        QCOMPARE(count(inClean, {m_profile, added.at(1).resourceId}), 0); // stored after the group was read
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM profile_dedup_dirty WHERE profile_id = ? "
                                      "AND dedup_group != '~summary'"),
                       {m_profile}),
                 1);

        auto next = pipeline.runForProfile(m_profile);
        QVERIFY2(next.ok(), next.ok() ? "" : qPrintable(next.error().detail()));
        QCOMPARE(count(inClean, {m_profile, added.at(1).resourceId}), 1);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM profile_dedup_dirty WHERE profile_id = ?"), {m_profile}), 0);
        pipeline.releaseThread();
        compareWithFullRecompute();
    }

    // A health system that refused a kind of record in its latest sync, and holds none of it: the summary says so
    // (source not_shared and an alert); a refused query of a kind it does hold says nothing.
    void refusedKindsAreSaidNotShared()
    {
        addPatient(QStringLiteral("mother"), {Vendor::Epic});
        const QString connection = m_connections.value(Vendor::Epic);
        QVERIFY(m_vault->exec(QStringLiteral("DELETE FROM profile_fhir_resources_raw WHERE connection_id = ? AND "
                                             "resource_type = 'Immunization'"),
                              {connection}));
        const QString errors = QStringLiteral(
            R"([{"type":"Immunization","query":"Immunization","result":"unavailable","status":403},)"
            R"({"type":"Condition","query":"Condition?category=encounter-diagnosis","result":"unavailable","status":400}])");
        QVERIFY(m_vault->exec(QStringLiteral("INSERT INTO profile_sync_jobs (id, profile_id, connection_id, provider, status, "
                                             "errors, created_at) VALUES ('job-refused', ?, ?, 'epic', 'success', ?, "
                                             "'2999-01-01T00:00:00.000Z')"),
                              {m_profile, connection, errors}));
        db::ClinicalPipeline pipeline(m_vault->factory());
        QVERIFY(pipeline.runForProfile(m_profile).ok());
        pipeline.releaseThread();
        const QJsonObject summary = QJsonDocument::fromJson(summaryOf(*m_vault, m_profile).toUtf8()).object();
        const QJsonArray sources = summary.value(QStringLiteral("sources")).toArray();
        QCOMPARE(sources.size(), 1);
        QCOMPARE(sources.first().toObject().value(QStringLiteral("not_shared")).toArray(),
                 QJsonArray{QStringLiteral("Immunization")});
        int notices = 0;
        for (const QJsonValue& a : summary.value(QStringLiteral("alerts")).toArray())
            notices += a.toObject().value(QStringLiteral("kind")).toString() == u"not_shared";
        QCOMPARE(notices, 1);
    }

    void failureSetsErrorStatus()
    {
        addPatient(QStringLiteral("child"), {Vendor::Epic});
        db::ClinicalPipeline pipeline(m_vault->factory());
        QVERIFY(pipeline.runForProfile(m_profile).ok());
        const QString summary = summaryOf(*m_vault, m_profile);
        QVERIFY(!summary.isEmpty());
        // Make the clean-row writes fail: a trigger that refuses inserts (the test's stand-in for a full disk).
        QVERIFY(m_vault->exec(QStringLiteral("CREATE TRIGGER refuse_clean BEFORE INSERT ON profile_fhir_resources_clean "
                                             "BEGIN SELECT RAISE(ABORT, 'disk full'); END")));
        QVERIFY(m_vault->exec(QStringLiteral("DELETE FROM profile_fhir_resources_clean WHERE profile_id = ?"), {m_profile}));
        QVERIFY(m_vault->exec(QStringLiteral("DELETE FROM profile_summary WHERE profile_id = ?"), {m_profile}));
        auto failed = pipeline.runForProfile(m_profile);
        QVERIFY(!failed.ok());
        QCOMPARE(failed.error().code(), ErrorCode::Database);
        QCOMPARE(m_vault->scalar(QStringLiteral("SELECT status FROM profile_summary WHERE profile_id = ?"), {m_profile}).toString(),
                 QStringLiteral("error"));
        QVERIFY(!m_vault->scalar(QStringLiteral("SELECT error_message FROM profile_summary WHERE profile_id = ?"), {m_profile})
                     .toString()
                     .isEmpty());
        QVERIFY(m_vault->exec(QStringLiteral("DROP TRIGGER refuse_clean")));
        auto ok = pipeline.runForProfile(m_profile);
        QVERIFY(ok.ok());
        QCOMPARE(m_vault->scalar(QStringLiteral("SELECT status FROM profile_summary WHERE profile_id = ?"), {m_profile}).toString(),
                 QStringLiteral("ready"));
        QVERIFY(m_vault->scalar(QStringLiteral("SELECT error_message FROM profile_summary WHERE profile_id = ?"), {m_profile}).isNull());
        pipeline.releaseThread();
    }

    void unknownProfile()
    {
        db::ClinicalPipeline pipeline(m_vault->factory());
        auto r = pipeline.runForProfile(QStringLiteral("no-such-profile"));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code(), ErrorCode::NotFound);
        pipeline.releaseThread();
    }

    void pendingProfiles()
    {
        addPatient(QStringLiteral("child"), {Vendor::Epic});
        db::ClinicalPipeline pipeline(m_vault->factory());
        auto before = pipeline.pendingProfiles();
        QVERIFY(before.ok());
        QCOMPARE(*before, QStringList{m_profile});
        QVERIFY(pipeline.runForProfile(m_profile).ok());
        auto after = pipeline.pendingProfiles(m_vault->userId());
        QVERIFY(after.ok());
        QVERIFY(after->isEmpty());
        pipeline.releaseThread();
    }
};

QTEST_GUILESS_MAIN(TestClinicalPipeline)
#include "TestClinicalPipeline.moc"
