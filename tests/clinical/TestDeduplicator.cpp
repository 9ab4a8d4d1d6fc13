// De-duplication across two connections, one hand-written case per type (samples in ClinicalSamples.h).
#include "clinical/SampleRecords.h"
#include "core/clinical/CodeSystems.h"
#include "core/clinical/Deduplicator.h"
#include "core/clinical/Normalizer.h"

#include <QtTest>

#include <algorithm>
#include <random>

using namespace hh::clinical;
using namespace Qt::StringLiterals;

namespace {

NormalizedRecord norm(const QJsonObject& o, const QString& provider, const QString& rawId)
{
    return normalize(o, samples::context(provider, rawId));
}

NormalizedRecord norm(const char* sample)
{
    for (const samples::Sample& s : samples::all())
        if (qstrcmp(s.name, sample) == 0)
            return norm(samples::object(sample), QString::fromLatin1(s.provider), QString::fromLatin1(sample));
    return {};
}

QList<CleanRecord> dedup(std::initializer_list<const char*> names)
{
    QList<NormalizedRecord> rs;
    for (const char* n : names)
        rs.append(norm(n));
    return deduplicate(rs);
}

QStringList rawIds(const CleanRecord& c)
{
    QStringList ids;
    for (const SourceRef& s : c.sources)
        ids.append(s.rawId);
    ids.sort();
    return ids;
}

QByteArray canonicalJson(const QList<CleanRecord>& list)
{
    QJsonArray a;
    for (const CleanRecord& c : list)
        a.append(c.toJson());
    return QJsonDocument(a).toJson(QJsonDocument::Compact);
}

QJsonObject reread(const CleanRecord& c)
{
    return CleanRecord::withColumns(QJsonDocument::fromJson(c.storedJsonBytes()).object(), c.columns());
}

} // namespace

class TestDeduplicator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void conditionSnomedVsIcd();
    void conditionTextOnlyMatchesCluster();
    void conditionEpisodesStaySeparate();
    void conditionStatusFromAClinicalStatus();
    void statusDisagreementIsAConflict();
    void observationAcrossUnits();
    void observationMolarAndMassTwins();
    void bloodPressureAcrossPanelCodes();
    void observationConflictKept();
    void observationBeyondToleranceNegative();
    void observationLocalMidnightIsADate();
    void sameSourceNeverMerges();
    void medicationIngredientAndStrength();
    void medicationDifferentStrengthNegative();
    void immunizationFluAcrossCvx();
    void immunizationDifferentDayNegative();
    void allergyByCode();
    void procedureByCodeAndDay();
    void encounterByClassAndDay();
    void patientMerges();
    void patientsOfDifferentPeopleConflict();
    void hiddenAndErrorsTakeNoPart();
    void mostCompleteValuesWithProvenance();
    void orderIndependent();
    void incrementalEqualsFull();
    void dedupKeysUniqueAndPrefixed();
    void storedDocumentWithColumnsIsWhole();
    void storedDocumentEdgeCases();
};

void TestDeduplicator::conditionSnomedVsIcd()
{
    const QList<CleanRecord> out = dedup({"diabetes-epic", "diabetes-athena"});
    QCOMPARE(out.size(), 1);
    const CleanRecord& c = out.first();
    QCOMPARE(rawIds(c), (QStringList{u"diabetes-athena"_s, u"diabetes-epic"_s}));
    QCOMPARE(c.canonicalSystem, CodeSystems::snomed());
    QCOMPARE(c.effectiveAt, u"2008-05-08T08:35:34.000Z"_s); // earliest onset
    QCOMPARE(c.status, u"active"_s);
    // Every coding kept: 44054006, 73211009, E11.9.
    QCOMPARE(c.codings.size(), 3);
    QVERIFY(c.dedupKey.startsWith(u"Condition:cond:diabetes-type-2|"_s));
}

void TestDeduplicator::conditionTextOnlyMatchesCluster()
{
    const QList<CleanRecord> out = dedup({"hypertension-epic", "hypertension-athena"});
    QCOMPARE(out.size(), 1);
    QCOMPARE(out.first().sources.size(), 2);
    QCOMPARE(out.first().canonicalSystem, CodeSystems::snomed()); // SNOMED preferred over ICD-10-CM
    QCOMPARE(out.first().canonicalCode, u"38341003"_s);
}

// athenahealth sends a problem-list entry (clinicalStatus active) and encounter diagnoses of the same condition
// without clinicalStatus (verificationStatus only), some newer. The merged condition is still active: a record
// with only a verification status does not speak for the clinical status (it hid the diabetes of a corpus patient).
void TestDeduplicator::conditionStatusFromAClinicalStatus()
{
    auto condition = [](const char* id, const char* category, const char* clinical, const char* verification,
                        const char* recorded) {
        QJsonObject o{{"resourceType"_L1, u"Condition"_s},
                      {"id"_L1, QString::fromLatin1(id)},
                      {"category"_L1, QJsonArray{QJsonObject{{"coding"_L1, QJsonArray{QJsonObject{{"code"_L1, QString::fromLatin1(category)}}}}}}},
                      {"verificationStatus"_L1, QJsonObject{{"coding"_L1, QJsonArray{QJsonObject{{"code"_L1, QString::fromLatin1(verification)}}}}}},
                      {"code"_L1, QJsonObject{{"coding"_L1, QJsonArray{QJsonObject{{"system"_L1, u"http://snomed.info/sct"_s}, {"code"_L1, u"73211009"_s}}}}}},
                      {"recordedDate"_L1, QString::fromLatin1(recorded)}};
        if (*clinical)
            o.insert("clinicalStatus"_L1, QJsonObject{{"coding"_L1, QJsonArray{QJsonObject{{"code"_L1, QString::fromLatin1(clinical)}}}}});
        return o;
    };
    const QList<NormalizedRecord> rs = {
        norm(condition("problem", "problem-list-item", "active", "confirmed", "2021-05-18T11:58:49-04:00"), u"athena"_s, u"r1"_s),
        norm(condition("dx-1", "encounter-diagnosis", "", "unconfirmed", "2019-12-16T18:39:29-05:00"), u"athena"_s, u"r2"_s),
        norm(condition("dx-2", "encounter-diagnosis", "", "confirmed", "2021-06-02T16:19:48-04:00"), u"athena"_s, u"r3"_s),
    };
    const QList<CleanRecord> out = deduplicate(rs);
    QCOMPARE(out.size(), 1);
    QCOMPARE(out.first().sources.size(), 3);
    QCOMPARE(out.first().status, u"active"_s);
    QCOMPARE(out.first().clinicalStatus, u"active"_s);
    QCOMPARE(out.first().verificationStatus, u"confirmed"_s);
    // The problem-list entry is the record of the condition (its code and display), not an encounter diagnosis.
    const QList<CleanRecord> lipids = deduplicate({
        norm(condition("dx-9", "encounter-diagnosis", "", "confirmed", "2019-07-16T12:12:25-04:00"), u"athena"_s, u"r8"_s),
        norm(condition("problem-9", "problem-list-item", "active", "confirmed", "2021-05-28T14:09:01-04:00"), u"athena"_s,
             u"r9"_s),
    });
    QCOMPARE(lipids.size(), 1);
    QCOMPARE(lipids.first().provenance.value("primary"_L1).toString(), u"r9"_s);
    const QJsonObject& provenance = out.first().provenance;
    const QString statusSource = provenance.value("status"_L1).toString(); // empty: from the primary source
    QCOMPARE(statusSource.isEmpty() ? provenance.value("primary"_L1).toString() : statusSource, u"r1"_s);
}

// Two health systems list warfarin as active, a third as stopped (older): the newest status stays, and the
// disagreement is a conflict people can see. One system's own stopped and renewed orders are not a conflict.
void TestDeduplicator::statusDisagreementIsAConflict()
{
    auto order = [](const char* id, const char* status, const char* authored) {
        return QJsonObject{{"resourceType"_L1, u"MedicationRequest"_s},
                           {"id"_L1, QString::fromLatin1(id)},
                           {"status"_L1, QString::fromLatin1(status)},
                           {"intent"_L1, u"order"_s},
                           {"authoredOn"_L1, QString::fromLatin1(authored)},
                           {"medicationCodeableConcept"_L1,
                            QJsonObject{{"coding"_L1, QJsonArray{QJsonObject{{"system"_L1, u"http://www.nlm.nih.gov/research/umls/rxnorm"_s},
                                                                             {"code"_L1, u"855332"_s},
                                                                             {"display"_L1, u"warfarin sodium 5 MG Oral Tablet"_s}}}}}}};
    };
    NormalizedRecord a = norm(order("e1", "active", "2025-01-10"), u"epic"_s, u"r1"_s);
    NormalizedRecord b = norm(order("a1", "active", "2025-02-10"), u"athena"_s, u"r2"_s);
    NormalizedRecord x = norm(order("x1", "stopped", "2024-06-01"), u"other"_s, u"r3"_s);
    a.connectionId = u"c-epic"_s;
    b.connectionId = u"c-athena"_s;
    x.connectionId = u"c-other"_s;
    QList<CleanRecord> out = deduplicate({a, b, x});
    QCOMPARE(out.size(), 1);
    QCOMPARE(out.first().status, u"active"_s);
    QVERIFY(out.first().hasConflict);
    QCOMPARE(out.first().conflicts.first().toObject().value("field"_L1).toString(), u"status"_s);
    QCOMPARE(out.first().conflicts.first().toObject().value("values"_L1).toArray().size(), 3);

    // One connection's stopped order and its renewal: no conflict.
    NormalizedRecord renewed = norm(order("e2", "stopped", "2024-01-10"), u"epic"_s, u"r4"_s);
    renewed.connectionId = u"c-epic"_s;
    out = deduplicate({a, renewed});
    QCOMPARE(out.size(), 1);
    QVERIFY(!out.first().hasConflict);
}

void TestDeduplicator::conditionEpisodesStaySeparate()
{
    auto episode = [](const char* id, const char* onset, const char* end) {
        QJsonObject o = QJsonDocument::fromJson(
                            R"({"resourceType":"Condition","clinicalStatus":{"coding":[{"code":"resolved"}]},
                                "code":{"coding":[{"system":"http://snomed.info/sct","code":"195662009","display":"Acute viral pharyngitis"}]}})")
                            .object();
        o.insert("id"_L1, QString::fromLatin1(id));
        o.insert("onsetDateTime"_L1, QString::fromLatin1(onset));
        o.insert("abatementDateTime"_L1, QString::fromLatin1(end));
        return o;
    };
    const QList<NormalizedRecord> rs = {
        norm(episode("x1", "2014-07-22T02:18:32+02:00", "2014-08-05T02:18:32+02:00"), u"epic"_s, u"r1"_s),
        norm(episode("y1", "2014-07-22", "2014-08-05"), u"athena"_s, u"r2"_s),
        norm(episode("x2", "2017-01-10T02:18:32+02:00", "2017-01-20T02:18:32+02:00"), u"epic"_s, u"r3"_s),
    };
    const QList<CleanRecord> out = deduplicate(rs);
    QCOMPARE(out.size(), 2);
    QCOMPARE(rawIds(out[0]), (QStringList{u"r1"_s, u"r2"_s}));
    QCOMPARE(rawIds(out[1]), QStringList{u"r3"_s});
    QCOMPARE(out[0].effectiveEnd.left(10), u"2014-08-05"_s);
}

void TestDeduplicator::observationAcrossUnits()
{
    const QList<CleanRecord> out = dedup({"weight-epic", "weight-athena"});
    QCOMPARE(out.size(), 1);
    const CleanRecord& c = out.first();
    QVERIFY(!c.hasConflict);
    QCOMPARE(c.sources.size(), 2);
    QCOMPARE(c.value.unit, u"kg"_s);
    QCOMPARE(*c.value.value, 70.0);
    // The timestamped source is the more precise time.
    QCOMPARE(c.effectiveAt, u"2024-03-01T15:00:00.000Z"_s);

    const QList<CleanRecord> temp = dedup({"temperature-epic", "temperature-athena"});
    QCOMPARE(temp.size(), 1);
    QVERIFY(!temp.first().hasConflict);
}

void TestDeduplicator::observationMolarAndMassTwins()
{
    // 7.0 mmol/L (14749-6) == 126 mg/dL (2345-7) after conversion.
    const QList<CleanRecord> out = dedup({"glucose-athena-molar", "glucose-epic"});
    QCOMPARE(out.size(), 1);
    QVERIFY(!out.first().hasConflict);
    QCOMPARE(out.first().value.unit, u"mg/dL"_s);
}

void TestDeduplicator::bloodPressureAcrossPanelCodes()
{
    const QList<CleanRecord> out = dedup({"bp-epic", "bp-athena"});
    QCOMPARE(out.size(), 1);
    QVERIFY(!out.first().hasConflict);
    QCOMPARE(out.first().components.size(), 2);
    QCOMPARE(out.first().abnormal(), u"H"_s);
}

void TestDeduplicator::observationConflictKept()
{
    // Same HbA1c test, same day, 7.9 % vs 8.4 %: one fact with a visible conflict.
    const QList<CleanRecord> out = dedup({"hba1c-epic", "hba1c-athena"});
    QCOMPARE(out.size(), 1);
    const CleanRecord& c = out.first();
    QVERIFY(c.hasConflict);
    QCOMPARE(c.sources.size(), 2);
    QCOMPARE(c.conflicts.size(), 1);
    const QJsonArray values = c.conflicts.first().toObject().value("values"_L1).toArray();
    QCOMPARE(values.size(), 2);
    QList<double> seen;
    for (const QJsonValue& v : values)
        seen.append(v.toObject().value("value"_L1).toDouble());
    std::sort(seen.begin(), seen.end());
    QCOMPARE(seen, (QList<double>{7.9, 8.4}));
}

void TestDeduplicator::observationBeyondToleranceNegative()
{
    // Same code, both timestamped, three hours apart: two readings, no conflict.
    QJsonObject later = samples::object("weight-epic");
    later.insert("effectiveDateTime"_L1, u"2024-03-01T18:00:00Z"_s);
    later.insert("valueQuantity"_L1, QJsonObject{{"value"_L1, 71}, {"unit"_L1, u"kg"_s},
                                                 {"system"_L1, u"http://unitsofmeasure.org"_s}, {"code"_L1, u"kg"_s}});
    const QList<NormalizedRecord> rs = {norm("weight-epic"), norm(later, u"athena"_s, u"later"_s)};
    const QList<CleanRecord> out = deduplicate(rs);
    QCOMPARE(out.size(), 2);
    QVERIFY(!out[0].hasConflict && !out[1].hasConflict);
    // And on another day (date-only) it is another fact too.
    QJsonObject nextDay = samples::object("weight-athena");
    nextDay.insert("effectiveDateTime"_L1, u"2024-03-02"_s);
    QCOMPARE(deduplicate({norm("weight-epic"), norm(nextDay, u"athena"_s, u"next"_s)}).size(), 2);
}

void TestDeduplicator::observationLocalMidnightIsADate()
{
    // athenahealth writes date-only lab results as local midnight with its offset (as in the corpus's
    // recorded sync). That is a date, so it matches the same test timed on that day elsewhere...
    QJsonObject midnight = samples::object("weight-athena");
    midnight.insert("effectiveDateTime"_L1, u"2024-03-01T00:00:00-05:00"_s);
    const NormalizedRecord athena = norm(midnight, u"athena"_s, u"midnight"_s);
    QCOMPARE(athena.precision, TimePrecision::Day);
    QCOMPARE(athena.localDate, u"2024-03-01"_s);
    const QList<CleanRecord> out = deduplicate({norm("weight-epic"), athena});
    QCOMPARE(out.size(), 1);
    QCOMPARE(out.first().sources.size(), 2);
    QCOMPARE(out.first().effectiveAt, u"2024-03-01T15:00:00.000Z"_s); // the timed source wins
    // ... but not on another day, and a real time (one minute past midnight) stays a time.
    midnight.insert("effectiveDateTime"_L1, u"2024-03-02T00:00:00-05:00"_s);
    QCOMPARE(deduplicate({norm("weight-epic"), norm(midnight, u"athena"_s, u"next"_s)}).size(), 2);
    midnight.insert("effectiveDateTime"_L1, u"2024-03-01T00:01:00-05:00"_s);
    QCOMPARE(norm(midnight, u"athena"_s, u"timed"_s).precision, TimePrecision::Time);
}

void TestDeduplicator::sameSourceNeverMerges()
{
    // Two readings from the same connection at the same minute are two events.
    QJsonObject second = samples::object("weight-epic");
    second.insert("id"_L1, u"o1b"_s);
    const QList<CleanRecord> out = deduplicate({norm("weight-epic"), norm(second, u"epic"_s, u"o1b"_s)});
    QCOMPARE(out.size(), 2);
    QVERIFY(out[0].dedupKey != out[1].dedupKey);
}

void TestDeduplicator::medicationIngredientAndStrength()
{
    // Inline RxNorm SCD (athena style) vs referenced Medication with other codes (Epic style).
    const QList<CleanRecord> out = dedup({"metformin-athena", "metformin-epic"});
    QCOMPARE(out.size(), 1);
    const CleanRecord& c = out.first();
    QCOMPARE(c.sources.size(), 2);
    QCOMPARE(c.medication.strength, u"500 mg"_s);
    QCOMPARE(c.status, u"active"_s);
    QCOMPARE(c.effectiveAt, u"2024-01-20"_s); // latest order
    QVERIFY(c.dedupKey.startsWith(u"MedicationRequest:drug:metformin 500 mg|"_s));
}

void TestDeduplicator::medicationDifferentStrengthNegative()
{
    QJsonObject other = samples::object("metformin-athena");
    other.insert("medicationCodeableConcept"_L1,
                 QJsonObject{{"coding"_L1, QJsonArray{QJsonObject{{"system"_L1, CodeSystems::rxnorm()},
                                                                   {"code"_L1, u"861004"_s},
                                                                   {"display"_L1, u"Metformin hydrochloride 1000 MG Oral Tablet"_s}}}}});
    const QList<CleanRecord> out = deduplicate({norm("metformin-epic"), norm(other, u"athena"_s, u"m1000"_s)});
    QCOMPARE(out.size(), 2);
}

void TestDeduplicator::immunizationFluAcrossCvx()
{
    // CVX 140 at 13:00Z vs CVX 158 date-only, same day: one flu shot.
    const QList<CleanRecord> out = dedup({"flu-epic", "flu-athena", "flu-athena-previous", "td-epic"});
    QCOMPARE(out.size(), 3);
    int merged = 0;
    for (const CleanRecord& c : out)
        if (c.sources.size() == 2) {
            ++merged;
            QCOMPARE(rawIds(c), (QStringList{u"flu-athena"_s, u"flu-epic"_s}));
            QCOMPARE(c.canonicalSystem, CodeSystems::cvx());
        }
    QCOMPARE(merged, 1);
}

void TestDeduplicator::immunizationDifferentDayNegative()
{
    QJsonObject later = samples::object("flu-athena");
    later.insert("occurrenceDateTime"_L1, u"2023-10-20"_s);
    QCOMPARE(deduplicate({norm("flu-epic"), norm(later, u"athena"_s, u"later"_s)}).size(), 2);
}

void TestDeduplicator::allergyByCode()
{
    const QList<CleanRecord> out = dedup({"allergy-epic", "allergy-athena", "allergy-peanut-athena"});
    QCOMPARE(out.size(), 2);
    const auto it = std::find_if(out.begin(), out.end(), [](const CleanRecord& c) { return c.canonicalCode == u"91936005"; });
    QVERIFY(it != out.end());
    QCOMPARE(it->sources.size(), 2);
    QCOMPARE(it->details.value("criticality"_L1).toString(), u"high"_s); // filled from the Epic source
}

void TestDeduplicator::procedureByCodeAndDay()
{
    const QList<CleanRecord> out = dedup({"colonoscopy-epic", "colonoscopy-athena"});
    QCOMPARE(out.size(), 1);
    QCOMPARE(out.first().codings.size(), 2); // CPT from Epic kept
    QJsonObject again = samples::object("colonoscopy-athena");
    again.insert("performedDateTime"_L1, u"2025-06-01"_s);
    QCOMPARE(deduplicate({norm("colonoscopy-epic"), norm(again, u"athena"_s, u"again"_s)}).size(), 2);
}

void TestDeduplicator::encounterByClassAndDay()
{
    const QList<CleanRecord> out = dedup({"visit-epic", "visit-athena", "visit-upcoming-athena"});
    QCOMPARE(out.size(), 2);
    const auto it = std::find_if(out.begin(), out.end(), [](const CleanRecord& c) { return c.sources.size() == 2; });
    QVERIFY(it != out.end());
    QCOMPARE(it->effectiveEnd, u"2024-03-01T15:10:00.000Z"_s);
}

void TestDeduplicator::patientMerges()
{
    const QList<CleanRecord> out = dedup({"patient-epic", "patient-athena"});
    QCOMPARE(out.size(), 1);
    QCOMPARE(out.first().sources.size(), 2);
    QCOMPARE(out.first().details.value("birth_date"_L1).toString(), u"1950-04-02"_s);
}

// A connection signed in to another family member's portal account: its Patient has another date of birth and
// sex. Still one group (a profile is one person), but flagged: each field with every value and its source.
void TestDeduplicator::patientsOfDifferentPeopleConflict()
{
    QJsonObject other = samples::object("patient-athena");
    other.insert("birthDate"_L1, u"1941-07-09"_s);
    other.insert("gender"_L1, other.value("gender"_L1).toString() == u"male" ? u"female"_s : u"male"_s);
    const QList<CleanRecord> out =
        deduplicate({norm("patient-epic"), norm(other, u"athena"_s, u"patient-other"_s)});
    QCOMPARE(out.size(), 1);
    const CleanRecord& c = out.first();
    QVERIFY(c.hasConflict);
    QStringList fields;
    for (const QJsonValue& v : c.conflicts) {
        const QJsonObject conflict = v.toObject();
        fields.append(conflict.value("field"_L1).toString());
        const QJsonArray values = conflict.value("values"_L1).toArray();
        QCOMPARE(values.size(), 2);
        QStringList from;
        for (const QJsonValue& value : values)
            from.append(value.toObject().value("raw_id"_L1).toString());
        from.sort();
        QCOMPARE(from, (QStringList{u"patient-epic"_s, u"patient-other"_s}));
    }
    fields.sort();
    QCOMPARE(fields, (QStringList{u"birth_date"_s, u"gender"_s}));

    // The same person from both: no conflict (patientMerges' pair agrees on both fields).
    const QList<CleanRecord> same = dedup({"patient-epic", "patient-athena"});
    QVERIFY(!same.first().hasConflict);
    QVERIFY(same.first().conflicts.isEmpty());
}

void TestDeduplicator::hiddenAndErrorsTakeNoPart()
{
    const QList<CleanRecord> out = dedup({"error-condition-athena", "claim-other"});
    QVERIFY(out.isEmpty());
    QVERIFY(Deduplicator::groupKey(norm("claim-other")).isEmpty());
}

void TestDeduplicator::mostCompleteValuesWithProvenance()
{
    const QList<CleanRecord> out = dedup({"hba1c-epic-old", "glucose-epic", "weight-athena", "weight-epic"});
    const auto it = std::find_if(out.begin(), out.end(), [](const CleanRecord& c) { return c.canonicalCode == u"29463-7"; });
    QVERIFY(it != out.end());
    // Fields not listed came from the primary (most complete) source.
    auto from = [&](QLatin1StringView field) {
        return it->provenance.value(field).toString(it->provenance.value("primary"_L1).toString());
    };
    QCOMPARE(from("effective_at"_L1), u"weight-epic"_s); // the timestamped source, not the date-only one
    QCOMPARE(from("primary"_L1), u"weight-epic"_s);        // more codings, a time, a category
    QVERIFY(QStringList({u"weight-epic"_s, u"weight-athena"_s}).contains(from("value"_L1)));
    // A singleton names only its primary.
    const auto a1c = std::find_if(out.begin(), out.end(), [](const CleanRecord& c) { return c.canonicalCode == u"4548-4"; });
    QCOMPARE(a1c->provenance.keys(), QStringList{u"primary"_s});
}

void TestDeduplicator::orderIndependent()
{
    QList<NormalizedRecord> rs;
    for (const samples::Sample& s : samples::all())
        rs.append(norm(s.name));
    const QByteArray expected = canonicalJson(deduplicate(rs));
    std::mt19937 rng(7);
    for (int i = 0; i < 5; ++i) {
        std::shuffle(rs.begin(), rs.end(), rng);
        QCOMPARE(canonicalJson(deduplicate(rs)), expected);
    }
}

void TestDeduplicator::incrementalEqualsFull()
{
    // Start from everything except the athena HbA1c; then it arrives (and the Epic weight changes).
    QList<NormalizedRecord> before;
    for (const samples::Sample& s : samples::all())
        if (qstrcmp(s.name, "hba1c-athena") != 0)
            before.append(norm(s.name));
    const QList<CleanRecord> oldClean = deduplicate(before);

    QList<NormalizedRecord> after = before;
    const NormalizedRecord added = norm("hba1c-athena");
    after.append(added);
    QJsonObject changedWeight = samples::object("weight-epic");
    changedWeight.insert("valueQuantity"_L1, QJsonObject{{"value"_L1, 72}, {"unit"_L1, u"kg"_s}});
    NormalizedRecord oldWeight;
    for (NormalizedRecord& r : after)
        if (r.rawId == u"weight-epic") {
            oldWeight = r;
            r = norm(changedWeight, u"epic"_s, u"weight-epic"_s);
        }

    const QSet<QString> groups = Deduplicator::affectedGroups({oldWeight}, {added, norm(changedWeight, u"epic"_s, u"weight-epic"_s)});
    QCOMPARE(groups.size(), 2);

    // Incremental: keep clean rows of other groups, recompute the affected ones.
    QList<CleanRecord> incremental;
    for (const CleanRecord& c : oldClean)
        if (!groups.contains(Deduplicator::groupKeyOf(c.dedupKey)))
            incremental.append(c);
    for (const QString& g : groups) {
        QList<NormalizedRecord> members;
        for (const NormalizedRecord& r : after)
            if (Deduplicator::groupKey(r) == g)
                members.append(r);
        incremental.append(Deduplicator::mergeGroup(members));
    }
    std::sort(incremental.begin(), incremental.end(), [](const CleanRecord& a, const CleanRecord& b) {
        return a.resourceType != b.resourceType ? a.resourceType < b.resourceType : a.dedupKey < b.dedupKey;
    });
    QCOMPARE(canonicalJson(incremental), canonicalJson(deduplicate(after)));
    // The weights now disagree (72 kg vs 70 kg): a conflict appeared.
    const auto w = std::find_if(incremental.begin(), incremental.end(),
                                [](const CleanRecord& c) { return c.canonicalCode == u"29463-7"; });
    QVERIFY(w != incremental.end() && w->hasConflict);
}

void TestDeduplicator::dedupKeysUniqueAndPrefixed()
{
    QList<NormalizedRecord> rs;
    for (const samples::Sample& s : samples::all())
        rs.append(norm(s.name));
    // Duplicate every record as a third connection, to force anchors to collide.
    for (const samples::Sample& s : samples::all())
        rs.append(norm(samples::object(s.name), u"other"_s, u"dup-"_s + QString::fromLatin1(s.name)));
    const QList<CleanRecord> out = deduplicate(rs);
    QSet<QString> keys;
    for (const CleanRecord& c : out) {
        const QString k = c.resourceType + u'\n' + c.dedupKey;
        QVERIFY2(!keys.contains(k), qPrintable(c.dedupKey));
        keys.insert(k);
        QVERIFY(c.dedupKey.startsWith(Deduplicator::dedupKeyPrefix(c.groupKey)));
        QVERIFY(c.dedupKey < Deduplicator::dedupKeyPrefixEnd(c.groupKey));
        QCOMPARE(Deduplicator::groupKeyOf(c.dedupKey), c.groupKey);
        QVERIFY(!c.sources.isEmpty());
        const CleanRecord back = CleanRecord::fromJson(c.toJson());
        QCOMPARE(back.toJson(), c.toJson());
    }
}


// clean_json holds less than the whole document (issue 8); with the row's columns it is the whole document
// again, for every record the samples merge into (single sources, merged facts with per-field provenance,
// conflicts, every resource type).
void TestDeduplicator::storedDocumentWithColumnsIsWhole()
{
    QList<NormalizedRecord> rs;
    for (const samples::Sample& s : samples::all())
        rs.append(norm(s.name));
    const QList<CleanRecord> out = deduplicate(rs);
    QVERIFY(out.size() > 20);
    int merged = 0;
    int conflicts = 0;
    qint64 storedBytes = 0;
    qint64 wholeBytes = 0;
    for (const CleanRecord& c : out) {
        const QByteArray stored = c.storedJsonBytes();
        const QJsonObject storedDoc = QJsonDocument::fromJson(stored).object();
        QVERIFY(!storedDoc.contains("sources"_L1));
        QVERIFY(!storedDoc.contains("dedup_key"_L1));
        QCOMPARE(reread(c), c.toJson());
        // A document stored whole (rows of earlier versions) is read as it is.
        QCOMPARE(CleanRecord::withColumns(c.toJson(), c.columns()), c.toJson());
        merged += c.sources.size() > 1 ? 1 : 0;
        conflicts += c.hasConflict ? 1 : 0;
        storedBytes += stored.size();
        wholeBytes += c.toJsonBytes().size() + c.sourcesJsonBytes().size();
    }
    QVERIFY(merged > 5);
    QVERIFY(conflicts > 0);
    QVERIFY(storedBytes * 2 < wholeBytes);
}

void TestDeduplicator::storedDocumentEdgeCases()
{
    const QList<CleanRecord> out = dedup({"weight-athena", "weight-epic"});
    QCOMPARE(out.size(), 1);
    const CleanRecord base = out.first();
    QVERIFY(base.sources.size() == 2);

    QList<CleanRecord> cases;
    CleanRecord c = base;
    c.provenance = QJsonObject(); // no provenance at all
    cases.append(c);
    c = base;
    c.provenance = QJsonObject{{"primary"_L1, base.sources.last().rawId}}; // primary is not the first source
    cases.append(c);
    c = base;
    c.provenance = QJsonObject{{"primary"_L1, base.sources.first().rawId}}; // primary is the first source
    cases.append(c);
    c = base;
    c.groupKey = u"Observation:a|b"_s; // a group key the dedup key does not begin with
    cases.append(c);
    c = base;
    c.groupKey.clear();
    cases.append(c);
    c = base;
    c.sources.clear();
    c.provenance = QJsonObject();
    cases.append(c);
    c = base;
    c.status.clear();
    c.display.clear();
    c.canonicalSystem.clear();
    cases.append(c);
    c = base;
    c.sources.first().rawId.clear();
    cases.append(c);
    for (qsizetype i = 0; i < cases.size(); ++i) {
        const QJsonObject whole = cases.at(i).toJson();
        if (reread(cases.at(i)) != whole)
            QFAIL(qPrintable(u"case %1: %2 != %3"_s.arg(i)
                                 .arg(QString::fromUtf8(QJsonDocument(reread(cases.at(i))).toJson(QJsonDocument::Compact)),
                                      QString::fromUtf8(QJsonDocument(whole).toJson(QJsonDocument::Compact)))));
    }
}

QTEST_GUILESS_MAIN(TestDeduplicator)
#include "TestDeduplicator.moc"
