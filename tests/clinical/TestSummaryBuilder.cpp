// buildSummary(): content of the profile summary from the hand-written two-provider samples.
#include "clinical/SampleRecords.h"
#include "core/clinical/ClinicalTime.h"
#include "core/clinical/CodeSystems.h"
#include "core/clinical/Deduplicator.h"
#include "core/clinical/Normalizer.h"
#include "core/clinical/SummaryBuilder.h"

#include <QtTest>

using namespace hh::clinical;
using namespace Qt::StringLiterals;

namespace {

qint64 msOf(const char* iso) { return ClinicalTimeParser::parse(QString::fromLatin1(iso)).utcMs; }

QList<CleanRecord> sampleClean()
{
    return samples::merged();
}

QList<ConnectionInfo> connections()
{
    return {ConnectionInfo{u"conn-epic"_s, u"epic"_s, u"demo-epic"_s, u"Demo Epic"_s, u"connected"_s,
                           u"2024-03-14T10:00:00.000Z"_s, {}},
            ConnectionInfo{u"conn-athena"_s, u"athena"_s, u"demo-athena"_s, u"Demo athena"_s, u"needs_reauth"_s,
                           u"2024-03-01T10:00:00.000Z"_s, {}}};
}

QJsonObject findItem(const QJsonArray& items, const QString& code)
{
    for (const QJsonValue& v : items)
        if (v.toObject().value("code"_L1).toObject().value("code"_L1).toString() == code)
            return v.toObject();
    return {};
}

QStringList families(const QJsonArray& due)
{
    QStringList out;
    for (const QJsonValue& v : due)
        out.append(v.toObject().value("family"_L1).toString());
    out.sort();
    return out;
}

} // namespace

class TestSummaryBuilder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void everyItemHasDisplayCodeSources();
    void demographics();
    void activeConditionsAndMedications();
    void allergies();
    void immunizationsAndDue();
    void labsWithTrendAndFlags();
    void vitalsLatest();
    void encounters();
    void alerts();
    void patientMismatchIsAnAlert();
    void notSharedIsSaid();
    void countsAndSources();
    void childSchedule();
    void adolescentSchedule();
    void emptyInput();

private:
    QJsonObject m_summary;
};

void TestSummaryBuilder::initTestCase()
{
    SummaryOptions o;
    o.nowMs = msOf("2024-03-15T12:00:00Z");
    m_summary = buildSummary(sampleClean(), connections(), o);
}

void TestSummaryBuilder::everyItemHasDisplayCodeSources()
{
    for (const char* key : {"conditions", "medications", "allergies", "immunizations", "labs", "vitals", "encounters",
                            "alerts"}) {
        const QJsonValue v = m_summary.value(QLatin1StringView(key));
        QVERIFY2(v.isArray(), key);
        QVERIFY2(!v.toArray().isEmpty(), key);
        for (const QJsonValue& item : v.toArray()) {
            const QJsonObject o = item.toObject();
            QVERIFY2(o.value("display"_L1).isString() && !o.value("display"_L1).toString().isEmpty(), key);
            QVERIFY2(o.value("code"_L1).toObject().contains("system"_L1), key);
            QVERIFY2(o.value("code"_L1).toObject().contains("code"_L1), key);
            QVERIFY2(o.value("sources"_L1).isArray(), key);
            for (const QJsonValue& s : o.value("sources"_L1).toArray())
                QVERIFY2(s.toObject().contains("provider"_L1) && s.toObject().contains("endpoint"_L1), key);
        }
    }
}

void TestSummaryBuilder::demographics()
{
    const QJsonObject d = m_summary.value("demographics"_L1).toObject();
    QCOMPARE(d.value("display"_L1).toString(), u"Ada Example"_s);
    QCOMPARE(d.value("birth_date"_L1).toString(), u"1950-04-02"_s);
    QCOMPARE(d.value("age"_L1).toInt(), 73);
    QCOMPARE(d.value("gender"_L1).toString(), u"female"_s);
    QCOMPARE(d.value("sources"_L1).toArray().size(), 2);
    QVERIFY(!d.contains("identifiers"_L1));
}

void TestSummaryBuilder::activeConditionsAndMedications()
{
    const QJsonArray conditions = m_summary.value("conditions"_L1).toArray();
    QCOMPARE(conditions.size(), 2); // diabetes, hypertension; the entered-in-error asthma is hidden
    const QJsonObject diabetes = findItem(conditions, u"44054006"_s).isEmpty() ? findItem(conditions, u"73211009"_s)
                                                                               : findItem(conditions, u"44054006"_s);
    QCOMPARE(diabetes.value("sources"_L1).toArray().size(), 2);
    for (const QJsonValue& c : conditions)
        QVERIFY(!c.toObject().value("display"_L1).toString().contains(u"Asthma"_s));

    const QJsonArray meds = m_summary.value("medications"_L1).toArray();
    QCOMPARE(meds.size(), 2); // metformin (two providers), lisinopril
    QCOMPARE(meds.first().toObject().value("strength"_L1).toString(), u"500 mg"_s); // newest first
    QCOMPARE(meds.first().toObject().value("sources"_L1).toArray().size(), 2);
    QCOMPARE(meds.first().toObject().value("code"_L1).toObject().value("system"_L1).toString(), CodeSystems::rxnorm());
}

void TestSummaryBuilder::allergies()
{
    const QJsonArray a = m_summary.value("allergies"_L1).toArray();
    QCOMPARE(a.size(), 2);
    const QJsonObject pen = findItem(a, u"91936005"_s);
    QCOMPARE(pen.value("criticality"_L1).toString(), u"high"_s);
    QCOMPARE(pen.value("sources"_L1).toArray().size(), 2);
    QVERIFY(!m_summary.value("no_known_allergies"_L1).toBool());
}

void TestSummaryBuilder::immunizationsAndDue()
{
    const QJsonArray imm = m_summary.value("immunizations"_L1).toArray();
    QCOMPARE(imm.size(), 3); // this season's flu (2 sources), last season's flu, Td 2010
    QCOMPARE(imm.first().toObject().value("date"_L1).toString(), u"2023-10-01"_s);
    QCOMPARE(imm.first().toObject().value("sources"_L1).toArray().size(), 2);
    // 73 years old: flu done this season; Td older than 10 years; shingles and pneumococcal missing.
    QCOMPARE(families(m_summary.value("immunizations_due"_L1).toArray()),
             (QStringList{u"pcv"_s, u"td"_s, u"zoster"_s}));
}

void TestSummaryBuilder::labsWithTrendAndFlags()
{
    const QJsonArray labs = m_summary.value("labs"_L1).toArray();
    const QJsonObject a1c = findItem(labs, u"4548-4"_s);
    QVERIFY(!a1c.isEmpty());
    QCOMPARE(a1c.value("trend"_L1).toString(), u"up"_s); // 7.2 (Aug 2023) -> 7.9 or 8.4 (Feb 2024)
    QVERIFY(a1c.value("has_conflict"_L1).toBool());
    QCOMPARE(a1c.value("history"_L1).toArray().size(), 2);
    QVERIFY(a1c.value("is_abnormal"_L1).toBool());
    const QJsonObject glucose = findItem(labs, u"2345-7"_s).isEmpty() ? findItem(labs, u"14749-6"_s)
                                                                      : findItem(labs, u"2345-7"_s);
    QVERIFY(!glucose.isEmpty());
    QCOMPARE(glucose.value("abnormal"_L1).toString(), u"H"_s);
    QCOMPARE(glucose.value("value"_L1).toObject().value("unit"_L1).toString(), u"mg/dL"_s);
    QVERIFY(!glucose.contains("trend"_L1)); // a single value has no trend
    for (const QJsonValue& l : labs) // social history is not a lab
        QVERIFY(l.toObject().value("code"_L1).toObject().value("code"_L1).toString() != u"266919005");
}

void TestSummaryBuilder::vitalsLatest()
{
    const QJsonArray vitals = m_summary.value("vitals"_L1).toArray();
    const QJsonObject weight = findItem(vitals, u"29463-7"_s);
    QCOMPARE(weight.value("value"_L1).toObject().value("value"_L1).toDouble(), 70.0);
    QCOMPARE(weight.value("value"_L1).toObject().value("unit"_L1).toString(), u"kg"_s);
    const QJsonObject bp = findItem(vitals, u"85354-9"_s);
    QCOMPARE(bp.value("value"_L1).toObject().value("text"_L1).toString(), u"150/92"_s);
    QCOMPARE(bp.value("value"_L1).toObject().value("components"_L1).toArray().size(), 2);
    const QJsonObject temp = findItem(vitals, u"8310-5"_s);
    QCOMPARE(temp.value("value"_L1).toObject().value("unit"_L1).toString(), u"Cel"_s);
}

void TestSummaryBuilder::encounters()
{
    const QJsonArray e = m_summary.value("encounters"_L1).toArray();
    QCOMPARE(e.size(), 2);
    int upcoming = 0;
    int past = 0;
    for (const QJsonValue& v : e) {
        const QString when = v.toObject().value("when"_L1).toString();
        upcoming += when == u"upcoming";
        past += when == u"past";
        if (when == u"past")
            QCOMPARE(v.toObject().value("sources"_L1).toArray().size(), 2);
    }
    QCOMPARE(upcoming, 1);
    QCOMPARE(past, 1);
}

// Two health systems with Patients of another date of birth and sex: one alert, high severity, that says so.
void TestSummaryBuilder::patientMismatchIsAnAlert()
{
    auto summaryOf = [](const char* secondBirthDate, const char* secondGender) {
        QList<NormalizedRecord> rs;
        NormalizeContext c;
        c.provider = u"epic"_s;
        c.endpointId = u"demo-epic"_s;
        c.rawId = u"p-epic"_s;
        rs.append(normalize(QJsonDocument::fromJson(R"({"resourceType":"Patient","birthDate":"2015-05-01",
            "gender":"female","name":[{"given":["Maya"]}]})")
                                .object(),
                            c));
        c.provider = u"athena"_s;
        c.endpointId = u"demo-athena"_s;
        c.rawId = u"p-athena"_s;
        QJsonObject other =
            QJsonDocument::fromJson(R"({"resourceType":"Patient","name":[{"given":["Walter"]}]})").object();
        other.insert("birthDate"_L1, QString::fromLatin1(secondBirthDate));
        other.insert("gender"_L1, QString::fromLatin1(secondGender));
        rs.append(normalize(other, c));
        SummaryOptions o;
        o.nowMs = msOf("2024-03-15T12:00:00Z");
        return buildSummary(deduplicate(rs), {}, o);
    };
    auto mismatches = [](const QJsonObject& s) {
        QList<QJsonObject> out;
        for (const QJsonValue& v : s.value("alerts"_L1).toArray())
            if (v.toObject().value("kind"_L1).toString() == u"patient_mismatch")
                out.append(v.toObject());
        return out;
    };
    const QList<QJsonObject> found = mismatches(summaryOf("1941-07-09", "male"));
    QCOMPARE(found.size(), 1);
    QCOMPARE(found.first().value("severity"_L1).toString(), u"high"_s);
    QVERIFY(found.first().value("display"_L1).toString().contains(u"date"_s));
    QCOMPARE(found.first().value("sources"_L1).toArray().size(), 2);
    QVERIFY(mismatches(summaryOf("2015-05-01", "female")).isEmpty()); // the same person
}

void TestSummaryBuilder::alerts()
{
    const QJsonArray alerts = m_summary.value("alerts"_L1).toArray();
    QSet<QString> abnormalCodes;
    bool signIn = false;
    bool conflict = false;
    for (const QJsonValue& v : alerts) {
        const QJsonObject a = v.toObject();
        const QString kind = a.value("kind"_L1).toString();
        if (kind == u"abnormal_result")
            abnormalCodes.insert(a.value("code"_L1).toObject().value("code"_L1).toString());
        signIn = signIn || kind == u"needs_sign_in";
        conflict = conflict || kind == u"conflicting_results";
    }
    QVERIFY(abnormalCodes.contains(u"4548-4"_s));
    QVERIFY(abnormalCodes.contains(u"85354-9"_s));
    QVERIFY(!abnormalCodes.contains(u"29463-7"_s)); // no flag on the weight
    QVERIFY(signIn);
    QVERIFY(conflict);

    // A year later nothing is recent: only the connection alert remains.
    SummaryOptions later;
    later.nowMs = msOf("2025-06-01T00:00:00Z");
    const QJsonObject s = buildSummary(sampleClean(), connections(), later);
    const QJsonArray lateAlerts = s.value("alerts"_L1).toArray();
    QCOMPARE(lateAlerts.size(), 1);
    QCOMPARE(lateAlerts.first().toObject().value("kind"_L1).toString(), u"needs_sign_in"_s);
}

// A health system that refused a kind of record in its latest sync: the summary says so (an alert, and the
// source's not_shared), so that "no medications" is not read as "takes none".
void TestSummaryBuilder::notSharedIsSaid()
{
    QList<ConnectionInfo> cs = connections();
    cs[0].notShared = {u"MedicationRequest"_s, u"AllergyIntolerance"_s};
    const QJsonObject s = buildSummary(sampleClean(), cs, {});
    bool said = false;
    for (const QJsonValue& v : s.value("alerts"_L1).toArray()) {
        const QJsonObject a = v.toObject();
        if (a.value("kind"_L1).toString() != u"not_shared")
            continue;
        said = true;
        QVERIFY(a.value("display"_L1).toString().contains(u"Demo Epic"_s));
        QVERIFY(a.value("display"_L1).toString().contains(u"medications, allergies"_s));
        QCOMPARE(a.value("sources"_L1).toArray().first().toObject().value("endpoint"_L1).toString(), u"demo-epic"_s);
    }
    QVERIFY(said);
    const QJsonObject epic = s.value("sources"_L1).toArray().first().toObject();
    QCOMPARE(epic.value("not_shared"_L1).toArray().size(), 2);
    // Nothing refused: no such notice.
    for (const QJsonValue& v : m_summary.value("alerts"_L1).toArray())
        QVERIFY(v.toObject().value("kind"_L1).toString() != u"not_shared");
}

void TestSummaryBuilder::countsAndSources()
{
    const QJsonObject counts = m_summary.value("counts"_L1).toObject();
    QCOMPARE(counts.value("Condition"_L1).toInt(), 2);
    QCOMPARE(counts.value("Immunization"_L1).toInt(), 3);
    QCOMPARE(counts.value("Patient"_L1).toInt(), 1);
    const QJsonArray sources = m_summary.value("sources"_L1).toArray();
    QCOMPARE(sources.size(), 2);
    for (const QJsonValue& v : sources) {
        QVERIFY(v.toObject().value("records"_L1).toInt() > 5);
        QVERIFY(!v.toObject().value("last_synced_at"_L1).toString().isEmpty());
    }
}

void TestSummaryBuilder::childSchedule()
{
    QList<NormalizedRecord> rs;
    NormalizeContext c;
    c.provider = u"epic"_s;
    c.endpointId = u"demo-epic"_s;
    c.rawId = u"kid"_s;
    rs.append(normalize(QJsonDocument::fromJson(R"({"resourceType":"Patient","birthDate":"2023-01-10","name":[{"given":["Kid"]}]})").object(), c));
    c.rawId = u"dtap1"_s;
    rs.append(normalize(QJsonDocument::fromJson(R"({"resourceType":"Immunization","status":"completed",
        "vaccineCode":{"coding":[{"system":"http://hl7.org/fhir/sid/cvx","code":"110"}]},"occurrenceDateTime":"2023-03-12"})").object(), c));
    c.rawId = u"hepb0"_s;
    rs.append(normalize(QJsonDocument::fromJson(R"({"resourceType":"Immunization","status":"completed",
        "vaccineCode":{"coding":[{"system":"http://hl7.org/fhir/sid/cvx","code":"08"}]},"occurrenceDateTime":"2023-01-10"})").object(), c));
    SummaryOptions o;
    o.nowMs = msOf("2023-08-20T00:00:00Z"); // 7 months old; a new flu season began on 1 August
    const QJsonObject s = buildSummary(deduplicate(rs), {}, o);
    // DTaP-HepB-IPV (CVX 110) counted for DTaP, HepB and polio: second doses are due at 4 months,
    // HepB's third at 18 months is not yet due. Rotavirus (none) dose 1, Hib and PCV dose 1.
    QCOMPARE(families(s.value("immunizations_due"_L1).toArray()),
             (QStringList{u"dtap"_s, u"hib"_s, u"influenza"_s, u"ipv"_s, u"pcv"_s, u"rotavirus"_s}));
    for (const QJsonValue& v : s.value("immunizations_due"_L1).toArray())
        if (v.toObject().value("family"_L1).toString() == u"dtap")
            QCOMPARE(v.toObject().value("dose"_L1).toInt(), 2);
}

// A 12-year-old with one HPV dose and no adolescent Tdap or MenACWY: the adolescent vaccines are due (HPV's second
// dose not yet: it is expected by 13), and no adolescent vaccine is due for a 9-year-old.
void TestSummaryBuilder::adolescentSchedule()
{
    NormalizeContext c;
    c.provider = u"epic"_s;
    c.endpointId = u"demo-epic"_s;
    auto kid = [&](const char* birth, bool hpvDose) {
        QList<NormalizedRecord> rs;
        c.rawId = u"teen"_s;
        rs.append(normalize(QJsonDocument::fromJson(
                                QByteArray(R"({"resourceType":"Patient","name":[{"given":["Teen"]}],"birthDate":")") + birth + "\"}")
                                .object(),
                            c));
        if (hpvDose) {
            c.rawId = u"hpv1"_s;
            rs.append(normalize(QJsonDocument::fromJson(R"({"resourceType":"Immunization","status":"completed",
                "vaccineCode":{"coding":[{"system":"http://hl7.org/fhir/sid/cvx","code":"165"}]},"occurrenceDateTime":"2025-04-21"})").object(), c));
        }
        SummaryOptions o;
        o.nowMs = msOf("2026-11-27T00:00:00Z");
        QSet<QString> due;
        for (const QJsonValue& v : buildSummary(deduplicate(rs), {}, o).value("immunizations_due"_L1).toArray())
            due.insert(v.toObject().value("family"_L1).toString());
        return due;
    };
    const QSet<QString> twelve = kid("2013-12-15", true); // 12 years 11 months
    QVERIFY(twelve.contains(u"td"_s));
    QVERIFY(twelve.contains(u"meningococcal"_s));
    QVERIFY(!twelve.contains(u"hpv"_s)); // second dose expected by 13
    const QSet<QString> thirteen = kid("2013-06-01", true);
    QVERIFY(thirteen.contains(u"hpv"_s));
    const QSet<QString> nine = kid("2017-06-01", false);
    for (const char* family : {"td", "hpv", "meningococcal"})
        QVERIFY2(!nine.contains(QLatin1StringView(family)), family);
}

void TestSummaryBuilder::emptyInput()
{
    const QJsonObject s = buildSummary({}, {}, {});
    for (const char* key : {"conditions", "medications", "allergies", "immunizations", "labs", "vitals", "encounters",
                            "alerts"})
        QVERIFY(s.value(QLatin1StringView(key)).isArray());
    QVERIFY(s.value("demographics"_L1).isObject());
}

QTEST_GUILESS_MAIN(TestSummaryBuilder)
#include "TestSummaryBuilder.moc"
