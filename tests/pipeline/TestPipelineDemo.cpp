// (d) The demo family's mother and father, synced for real from BOTH demo health systems (demo-epic and
// demo-athena, over loopback), then the clinical pipeline: facts present at both appear once with two
// sources, units written differently (kg / g, Cel / [degF]) are converted, and disagreeing values are
// kept as a conflict.

#include "db/ClinicalPipeline.h"
#include "db/ConnectionFactory.h"
#include "pipeline/DemoSyncFixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>

using namespace hh;

namespace {
const QString kLoincWeight = QStringLiteral("29463-7");
const QString kLoincTemperature = QStringLiteral("8310-5");

QJsonArray jsonArray(const QString& s)
{
    return QJsonDocument::fromJson(s.toUtf8()).array();
}
QJsonObject jsonObject(const QString& s)
{
    return QJsonDocument::fromJson(s.toUtf8()).object();
}
QSet<QString> endpointsOf(const QJsonArray& sources)
{
    QSet<QString> out;
    for (const QJsonValue& s : sources)
        out.insert(s.toObject().value(QStringLiteral("endpoint")).toString());
    return out;
}
} // namespace

class TestPipelineDemo : public QObject
{
    Q_OBJECT

    pipelinetest::DemoSyncFixture m_fx;
    QHash<QString, QString> m_profiles; // mother/father -> profile id

    struct CleanRow {
        QString type;
        QString code;
        QString display;
        QString unit;
        double value = 0;
        bool conflict = false;
        QJsonArray sources;
        QJsonObject clean;
    };

    QList<CleanRow> clean(const QString& profileId, const QString& where = QStringLiteral("1 = 1"),
                          const QVariantList& binds = {})
    {
        QSqlQuery q(m_fx.vault->db());
        q.prepare(QStringLiteral("SELECT resource_type, canonical_code, display, value_unit, value_num, has_conflict, sources, "
                                 "clean_json FROM profile_fhir_resources_clean WHERE profile_id = ? AND (%1)")
                      .arg(where));
        q.addBindValue(profileId);
        for (const QVariant& b : binds)
            q.addBindValue(b);
        QList<CleanRow> out;
        if (!q.exec())
            return out;
        while (q.next())
            out.append(CleanRow{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
                                q.value(4).toDouble(), q.value(5).toInt() != 0, jsonArray(q.value(6).toString()),
                                jsonObject(q.value(7).toString())});
        return out;
    }

    // The raw UCUM units the athena endpoint wrote for an observation code (the pipeline must not have changed it).
    QSet<QString> rawAthenaUnits(const QString& profileId, const QString& loinc)
    {
        QSqlQuery q(m_fx.vault->db());
        q.prepare(QStringLiteral("SELECT resource_json FROM profile_fhir_resources_raw WHERE profile_id = ? AND provider = 'athena' "
                                 "AND resource_type = 'Observation' AND resource_json LIKE ?"));
        q.addBindValue(profileId);
        q.addBindValue(QStringLiteral("%\"") + loinc + QStringLiteral("\"%"));
        QSet<QString> units;
        if (q.exec())
            while (q.next()) {
                const QJsonObject v = jsonObject(q.value(0).toString()).value(QStringLiteral("valueQuantity")).toObject();
                units.insert(v.value(QStringLiteral("code")).toString()); // UCUM code ("unit" is the text)
            }
        return units;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_fx.startServer());
        QVERIFY2(m_fx.openVault(), qPrintable(m_fx.vault->error()));
        auto scheduler = m_fx.scheduler();
        QSignalSpy finished(scheduler.get(), &sync::ISyncControl::connectionFinished);
        QSignalSpy synced(scheduler.get(), &sync::ISyncControl::connectionSynced);
        int connections = 0;
        for (const QString& user : {QStringLiteral("mother"), QStringLiteral("father")}) {
            const QString profile = m_fx.vault->addProfile(user);
            m_profiles.insert(user, profile);
            for (const QString& ep : {QStringLiteral("demo-epic"), QStringLiteral("demo-athena")}) {
                const QString c = m_fx.connect(profile, ep, user);
                QVERIFY(!c.isEmpty());
                scheduler->syncConnection(c);
                ++connections;
            }
        }
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), connections, 120000);
        QCOMPARE(synced.size(), connections); // every job stored data
        scheduler->shutdown();

        db::ClinicalPipeline pipeline(m_fx.vault->factory());
        for (const QString& profile : std::as_const(m_profiles)) {
            auto stats = pipeline.runForProfile(profile);
            QVERIFY2(stats.ok(), stats.ok() ? "" : qPrintable(stats.error().detail()));
            QVERIFY(stats->cleanRows > 0);
            QVERIFY(stats->cleanRows < stats->rawScanned); // records at both endpoints were merged
            // The sync normalized what it stored (SyncStore::prepare, parse once); the pipeline only the
            // medication orders and Medication, which wait for every Medication of the connection.
            QVERIFY(stats->normalized > 0);
            QVERIFY(stats->normalized < stats->rawScanned / 4);
            QCOMPARE(stats->normalized + stats->unchanged, stats->rawScanned);
        }
        pipeline.releaseThread();
    }

    void cleanupTestCase() { m_fx.closeVault(); }

    // The person, her allergy and her conditions are at both endpoints: one clean row each, two sources.
    void sharedFactsAppearOnce_data()
    {
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("type");
        QTest::newRow("mother Patient") << QStringLiteral("mother") << QStringLiteral("Patient");
        QTest::newRow("mother AllergyIntolerance") << QStringLiteral("mother") << QStringLiteral("AllergyIntolerance");
        QTest::newRow("mother Condition") << QStringLiteral("mother") << QStringLiteral("Condition");
        QTest::newRow("mother Immunization") << QStringLiteral("mother") << QStringLiteral("Immunization");
        QTest::newRow("mother MedicationRequest") << QStringLiteral("mother") << QStringLiteral("MedicationRequest");
        // demo-athena writes lab results as local midnight (as athenahealth does): still the same result.
        QTest::newRow("mother Observation") << QStringLiteral("mother") << QStringLiteral("Observation");
        QTest::newRow("father Patient") << QStringLiteral("father") << QStringLiteral("Patient");
        QTest::newRow("father Condition") << QStringLiteral("father") << QStringLiteral("Condition");
        QTest::newRow("father Observation") << QStringLiteral("father") << QStringLiteral("Observation");
    }

    // A drug is one clean row (its orders merge) however each health system names it: Epic's "metoprolol
    // succinate XL (TOPROL-XL) 100 mg 24 hr tablet" and RxNorm's "24 HR metoprolol succinate 100 MG Extended
    // Release Oral Tablet [Toprol]" at athena; "125 mcg" and "0.125 MG"; "albuterol HFA 90 mcg/actuation" and
    // "albuterol 0.09 MG/ACTUAT". So no RxNorm drug appears in two rows.
    void sameDrugOnceWhateverItsName()
    {
        for (auto it = m_profiles.cbegin(); it != m_profiles.cend(); ++it) {
            QSqlQuery q(m_fx.vault->db());
            QVERIFY(q.prepare(QStringLiteral(
                "SELECT canonical_code, count(*) FROM profile_fhir_resources_clean WHERE profile_id = ? AND "
                "resource_type = 'MedicationRequest' AND canonical_code IS NOT NULL GROUP BY 1 HAVING count(*) > 1")));
            q.addBindValue(it.value());
            QVERIFY(q.exec());
            QStringList twice;
            while (q.next())
                twice << q.value(0).toString();
            QVERIFY2(twice.isEmpty(), qPrintable(it.key() + QStringLiteral(": ") + twice.join(QStringLiteral(", "))));
        }
        const qint64 merged = m_fx.vault->count(
            QStringLiteral("SELECT count(*) FROM profile_fhir_resources_clean WHERE profile_id = ? AND "
                           "resource_type = 'MedicationRequest' AND canonical_code = '866414' AND sources LIKE ? "
                           "AND sources LIKE ?"),
            {m_profiles.value(QStringLiteral("mother")), QStringLiteral("%\"epic\"%"), QStringLiteral("%\"athena\"%")});
        QCOMPARE(merged, qint64(1));
    }

    void sharedFactsAppearOnce()
    {
        QFETCH(QString, user);
        QFETCH(QString, type);
        const QString profile = m_profiles.value(user);
        const QList<CleanRow> rows = clean(profile, QStringLiteral("resource_type = ?"), {type});
        QVERIFY(!rows.isEmpty());
        int fromBoth = 0;
        QSet<QString> codesFromBoth;
        for (const CleanRow& r : rows) {
            const QSet<QString> eps = endpointsOf(r.sources);
            if (eps.contains(QStringLiteral("demo-epic")) && eps.contains(QStringLiteral("demo-athena"))) {
                ++fromBoth;
                QCOMPARE(r.sources.size(), 2); // exactly one record from each
                if (!r.code.isEmpty() && type != u"Observation" && type != u"Immunization")
                    codesFromBoth.insert(r.code);
            }
        }
        QVERIFY2(fromBoth > 0, "no fact of this type merged across the two health systems");
        if (type == u"Patient" || type == u"AllergyIntolerance")
            QCOMPARE(rows.size(), 1);
        // A merged fact does not appear a second time on its own.
        for (const CleanRow& r : rows)
            if (endpointsOf(r.sources).size() == 1 && !r.code.isEmpty())
                QVERIFY2(!codesFromBoth.contains(r.code), qPrintable(QStringLiteral("%1 appears twice").arg(r.code)));
        // Fewer clean rows than records received.
        QVERIFY(qint64(rows.size()) < m_fx.vault->count(QStringLiteral("SELECT count(*) FROM profile_fhir_resources_normalized "
                                                                      "WHERE profile_id = ? AND resource_type = ?"),
                                                       {profile, type}));
    }

    // demo-athena writes weights in grams and temperatures in Fahrenheit; every clean row is in kg / Cel.
    void unitsAreConverted_data()
    {
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("loinc");
        QTest::addColumn<QString>("rawUnit");
        QTest::addColumn<QString>("unit");
        QTest::addColumn<double>("low");
        QTest::addColumn<double>("high");
        QTest::newRow("mother weight") << QStringLiteral("mother") << kLoincWeight << QStringLiteral("g")
                                       << QStringLiteral("kg") << 30.0 << 200.0;
        QTest::newRow("father weight") << QStringLiteral("father") << kLoincWeight << QStringLiteral("g")
                                       << QStringLiteral("kg") << 30.0 << 200.0;
        QTest::newRow("father temperature") << QStringLiteral("father") << kLoincTemperature << QStringLiteral("[degF]")
                                            << QStringLiteral("Cel") << 34.0 << 42.0;
    }

    void unitsAreConverted()
    {
        QFETCH(QString, user);
        QFETCH(QString, loinc);
        QFETCH(QString, rawUnit);
        QFETCH(QString, unit);
        QFETCH(double, low);
        QFETCH(double, high);
        const QString profile = m_profiles.value(user);
        QVERIFY(rawAthenaUnits(profile, loinc).contains(rawUnit));
        const QList<CleanRow> rows =
            clean(profile, QStringLiteral("resource_type = 'Observation' AND canonical_code = ?"), {loinc});
        QVERIFY(!rows.isEmpty());
        int athena = 0;
        for (const CleanRow& r : rows) {
            QCOMPARE(r.unit, unit);
            QVERIFY2(r.value >= low && r.value <= high, qPrintable(QString::number(r.value)));
            if (endpointsOf(r.sources).contains(QStringLiteral("demo-athena")))
                ++athena;
        }
        QVERIFY(athena > 0);
    }

    // The father's weight on a day both health systems measured it differs: one clean row, both values kept
    // (in the same unit) as a visible conflict.
    void conflictIsKept()
    {
        const QString profile = m_profiles.value(QStringLiteral("father"));
        const QList<CleanRow> rows = clean(profile, QStringLiteral("has_conflict = 1"));
        QVERIFY2(!rows.isEmpty(), "no conflict kept");
        bool weightConflict = false;
        for (const CleanRow& r : rows) {
            QCOMPARE(endpointsOf(r.sources).size(), 2);
            const QJsonArray conflicts = r.clean.value(QStringLiteral("conflicts")).toArray();
            QVERIFY(!conflicts.isEmpty());
            for (const QJsonValue& c : conflicts) {
                const QJsonArray values = c.toObject().value(QStringLiteral("values")).toArray();
                QCOMPARE(values.size(), 2);
                QSet<QString> eps;
                QSet<double> numbers;
                for (const QJsonValue& v : values) {
                    eps.insert(v.toObject().value(QStringLiteral("endpoint")).toString());
                    numbers.insert(v.toObject().value(QStringLiteral("value")).toDouble());
                    if (r.code == kLoincWeight)
                        QCOMPARE(v.toObject().value(QStringLiteral("unit")).toString(), QStringLiteral("kg"));
                }
                QCOMPARE(eps.size(), 2);
                QCOMPARE(numbers.size(), 2); // the values really differ
            }
            weightConflict = weightConflict || r.code == kLoincWeight;
        }
        QVERIFY(weightConflict);
        // The summary's sources name both health systems.
        const QJsonObject summary = jsonObject(
            m_fx.vault->scalar(QStringLiteral("SELECT summary_json FROM profile_summary WHERE profile_id = ?"), {profile}).toString());
        QCOMPARE(summary.value(QStringLiteral("sources")).toArray().size(), 2);
    }
};

QTEST_GUILESS_MAIN(TestPipelineDemo)
#include "TestPipelineDemo.moc"
