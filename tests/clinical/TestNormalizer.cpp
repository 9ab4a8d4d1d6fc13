// normalize(): one hand-written resource per behaviour (samples in ClinicalSamples.h).
#include "clinical/ClinicalSamples.h"
#include "core/clinical/CodeSystems.h"
#include "core/clinical/Normalizer.h"

#include <QtTest>

using namespace hh::clinical;
using namespace Qt::StringLiterals;

namespace {

NormalizeContext ctxFor(const char* provider, const QString& rawId = u"raw-1"_s)
{
    NormalizeContext c;
    c.provider = QString::fromLatin1(provider);
    c.endpointId = u"demo-"_s + c.provider;
    c.connectionId = u"conn-"_s + c.provider;
    c.rawId = rawId;
    return c;
}

NormalizedRecord norm(const char* sample)
{
    const QJsonObject o = samples::object(sample);
    for (const samples::Sample& s : samples::all())
        if (qstrcmp(s.name, sample) == 0)
            return normalize(o, ctxFor(s.provider));
    return {};
}

} // namespace

class TestNormalizer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everySampleNormalizes();
    void provenanceFromContext();
    void condition();
    void conditionIcdOnly();
    void weightInGrams();
    void temperatureFromUnitText();
    void bloodPressurePanel();
    void placeholderObservationHidden();
    void interpretationAndRange();
    void rangeFromText();
    void medicationInline();
    void medicationReferenced();
    void medicationContained();
    void medicationUnresolved();
    void immunization();
    void allergy();
    void encounter();
    void patientDropsSsn();
    void enteredInErrorHidden();
    void documentSectionIsLoinc();
    void observationWithoutCode();
    void unsupportedTypeHasError();
    void statusOnlyIsKeptWithWarning();
    void ipsNoInformationIsNotAFact();
    void malformedInputs_data();
    void malformedInputs();
    void jsonRoundTrip();
};

void TestNormalizer::everySampleNormalizes()
{
    for (const samples::Sample& s : samples::all()) {
        const NormalizedRecord r = normalize(samples::object(s.name), ctxFor(s.provider));
        const bool expectError = QByteArray(s.name) == "claim-other";
        QVERIFY2(r.error.isEmpty() != expectError, s.name);
        QCOMPARE(r.normalizerVersion, kNormalizerVersion);
    }
}

void TestNormalizer::provenanceFromContext()
{
    const NormalizedRecord r = normalize(samples::object("diabetes-epic"), ctxFor("epic", u"raw-42"_s));
    QCOMPARE(r.rawId, u"raw-42"_s);
    QCOMPARE(r.provider, u"epic"_s);
    QCOMPARE(r.endpointId, u"demo-epic"_s);
    QCOMPARE(r.connectionId, u"conn-epic"_s);
    QCOMPARE(r.resourceId, u"c1"_s);
    QCOMPARE(r.source().rawId, u"raw-42"_s);
}

void TestNormalizer::condition()
{
    const NormalizedRecord r = norm("diabetes-athena");
    QCOMPARE(r.resourceType, u"Condition"_s);
    QCOMPARE(r.status, u"active"_s);
    QCOMPARE(r.canonicalSystem, CodeSystems::snomed());
    QCOMPARE(r.canonicalCode, u"73211009"_s);
    QCOMPARE(r.display, u"Diabetes mellitus"_s);
    QCOMPARE(r.codings.size(), 2); // ICD-10-CM kept beside SNOMED
    QCOMPARE(r.codings[1].system, CodeSystems::icd10cm());
    QCOMPARE(r.effectiveAt, u"2016-08-16"_s);           // date-only preserved
    QCOMPARE(r.recordedAt, u"2021-05-18T15:58:49.000Z"_s); // to UTC
    QCOMPARE(r.categories, QStringList{u"problem-list-item"_s});
}

void TestNormalizer::conditionIcdOnly()
{
    const NormalizedRecord r = norm("hypertension-athena");
    QCOMPARE(r.canonicalSystem, CodeSystems::icd10cm());
    QCOMPARE(r.canonicalCode, u"I10"_s);
    QCOMPARE(r.display, u"Essential (primary) hypertension"_s);
    const NormalizedRecord e = norm("hypertension-epic"); // SNOMED through its urn:oid alias
    QCOMPARE(e.canonicalSystem, CodeSystems::snomed());
    QVERIFY(e.codings.first().aliased);
}

void TestNormalizer::weightInGrams()
{
    const NormalizedRecord r = norm("weight-athena");
    QVERIFY(r.value.value);
    QCOMPARE(*r.value.value, 70.0);
    QCOMPARE(r.value.unit, u"kg"_s);
    QVERIFY(r.value.converted);
    QCOMPARE(*r.value.originalValue, 70000.0);
    QCOMPARE(r.value.originalUnit, u"gram"_s);
    QCOMPARE(r.valueNum(), std::optional<double>(70.0));
    // Epic: the generic "vital signs" LOINC is not the canonical code.
    const NormalizedRecord e = norm("weight-epic");
    QCOMPARE(e.canonicalCode, u"29463-7"_s);
    QCOMPARE(e.categories, QStringList{u"vital-signs"_s});
}

void TestNormalizer::temperatureFromUnitText()
{
    const NormalizedRecord r = norm("temperature-athena");
    QCOMPARE(r.value.unit, u"Cel"_s);
    QVERIFY(std::abs(*r.value.value - 37.0) < 1e-9);
}

void TestNormalizer::bloodPressurePanel()
{
    for (const char* s : {"bp-epic", "bp-athena"}) {
        const NormalizedRecord r = norm(s);
        QCOMPARE(r.canonicalCode, u"85354-9"_s); // 55284-4 and 85354-9 are the same panel
        QCOMPARE(r.components.size(), 2);
        QCOMPARE(r.value.text, u"150/92"_s);
        QCOMPARE(r.value.unit, u"mm[Hg]"_s);
        for (const Component& c : r.components)
            QVERIFY(c.code == u"8480-6" || c.code == u"8462-4");
    }
    QCOMPARE(norm("bp-epic").abnormal(), u"H"_s);
}

void TestNormalizer::interpretationAndRange()
{
    const NormalizedRecord r = norm("hba1c-epic");
    QCOMPARE(*r.value.rangeLow, 4.0);
    QCOMPARE(*r.value.rangeHigh, 5.6);
    QCOMPARE(r.abnormal(), u"H"_s); // computed from the range
    QCOMPARE(r.value.abnormalSource, u"range"_s);
    const NormalizedRecord old = norm("hba1c-epic-old");
    QVERIFY(old.abnormal().isEmpty()); // no range, no interpretation: unknown, not "normal"
}

void TestNormalizer::rangeFromText()
{
    const NormalizedRecord r = norm("hba1c-athena");
    QCOMPARE(r.value.rangeText, u"4.0-5.6"_s);
    QVERIFY(r.value.rangeLow && r.value.rangeHigh);
    QCOMPARE(*r.value.rangeHigh, 5.6);
    QCOMPARE(r.abnormal(), u"H"_s);
    // A molar glucose keeps its LOINC code but reports mg/dL.
    const NormalizedRecord g = norm("glucose-athena-molar");
    QCOMPARE(g.canonicalCode, u"14749-6"_s);
    QCOMPARE(g.value.unit, u"mg/dL"_s);
    QVERIFY(std::abs(*g.value.value - 126.1) < 0.1);
}

void TestNormalizer::medicationInline()
{
    const NormalizedRecord r = norm("metformin-athena");
    QCOMPARE(r.canonicalSystem, CodeSystems::rxnorm());
    QCOMPARE(r.canonicalCode, u"860975"_s);
    QCOMPARE(r.medication.source, u"inline"_s);
    QCOMPARE(r.medication.ingredients, QStringList{u"metformin"_s});
    QCOMPARE(r.medication.strength, u"500 mg"_s);
    QCOMPARE(r.effectiveAt, u"2023-01-15"_s);
}

void TestNormalizer::medicationReferenced()
{
    const QJsonObject med = samples::object("metformin-epic-medication");
    int calls = 0;
    NormalizeContext ctx = ctxFor("epic");
    ctx.resolve = [&](const QString& ref) -> std::optional<QJsonObject> {
        ++calls;
        if (ref == u"Medication/med-1")
            return med;
        return std::nullopt;
    };
    const NormalizedRecord r = normalize(samples::object("metformin-epic"), ctx);
    QCOMPARE(calls, 1);
    QCOMPARE(r.medication.source, u"reference"_s);
    QCOMPARE(r.canonicalSystem, CodeSystems::rxnorm());
    QCOMPARE(r.canonicalCode, u"861007"_s); // the clinical drug, not the ingredient 6809
    QCOMPARE(r.medication.ingredientCodes, QStringList{u"6809"_s});
    QCOMPARE(r.medication.ingredients, QStringList{u"metformin"_s});
    QCOMPARE(r.medication.strength, u"500 mg"_s);
    QCOMPARE(r.display, u"metFORMIN 500 MG tablet"_s);
    QCOMPARE(r.details.value("dosage"_L1).toString(), u"Take 1 tablet by mouth daily"_s);
    QVERIFY(r.codings.size() >= 3); // FDB OID and both RxNorm codes kept
}

void TestNormalizer::medicationContained()
{
    const NormalizedRecord r = norm("lisinopril-contained");
    QCOMPARE(r.medication.source, u"contained"_s);
    QCOMPARE(r.canonicalCode, u"314076"_s);
    QCOMPARE(r.medication.ingredients, QStringList{u"lisinopril"_s});
    QCOMPARE(r.medication.strength, u"10 mg"_s);
}

void TestNormalizer::medicationUnresolved()
{
    const NormalizedRecord r = norm("metformin-epic"); // no resolver
    QVERIFY(r.ok());
    QCOMPARE(r.medication.source, u"unresolved"_s);
    QCOMPARE(r.display, u"metFORMIN (GLUCOPHAGE) 500 MG tablet"_s);
    QCOMPARE(r.medication.strength, u"500 mg"_s); // still parsed from the reference display
    QVERIFY(r.warnings.contains(u"medication reference not resolved"_s));
}

void TestNormalizer::immunization()
{
    const NormalizedRecord r = norm("flu-epic");
    QCOMPARE(r.canonicalSystem, CodeSystems::cvx());
    QCOMPARE(r.canonicalCode, u"140"_s);
    QCOMPARE(r.codings.size(), 2); // NDC kept
    QCOMPARE(r.effectiveAt, u"2023-10-01T13:00:00.000Z"_s);
    QCOMPARE(r.details.value("lot_number"_L1).toString(), u"L1"_s);
    QCOMPARE(r.details.value("vaccine_families"_L1).toArray().first().toString(), u"influenza"_s);
    const NormalizedRecord oid = norm("flu-athena-previous");
    QCOMPARE(oid.canonicalSystem, CodeSystems::cvx());
}

void TestNormalizer::allergy()
{
    const NormalizedRecord r = norm("allergy-epic");
    QCOMPARE(r.status, u"active"_s);
    QCOMPARE(r.canonicalCode, u"91936005"_s);
    QCOMPARE(r.details.value("criticality"_L1).toString(), u"high"_s);
    const QJsonArray reactions = r.details.value("reactions"_L1).toArray();
    QCOMPARE(reactions.size(), 1);
    QCOMPARE(reactions.first().toObject().value("manifestations"_L1).toArray().first().toString(), u"Hives"_s);
    QCOMPARE(norm("allergy-athena").canonicalSystem, CodeSystems::snomed()); // trailing slash alias
}

void TestNormalizer::encounter()
{
    const NormalizedRecord r = norm("visit-epic");
    QCOMPARE(r.canonicalSystem, CodeSystems::cpt());
    QCOMPARE(r.canonicalCode, u"99213"_s);
    QCOMPARE(r.details.value("class"_L1).toObject().value("code"_L1).toString(), u"AMB"_s);
    QCOMPARE(r.effectiveAt, u"2024-03-01T14:30:00.000Z"_s);
    QCOMPARE(r.effectiveEnd, u"2024-03-01T15:10:00.000Z"_s);
    QCOMPARE(r.display, u"Office visit"_s);
}

void TestNormalizer::patientDropsSsn()
{
    const NormalizedRecord r = norm("patient-epic");
    QCOMPARE(r.display, u"Ada Example"_s);
    QCOMPARE(r.details.value("birth_date"_L1).toString(), u"1950-04-02"_s);
    const QByteArray json = QJsonDocument(r.toJson()).toJson(QJsonDocument::Compact);
    QVERIFY(!json.contains("000-00-0000"));
    QVERIFY(!json.contains("us-ssn"));
    const QJsonArray ids = r.details.value("identifiers"_L1).toArray();
    QCOMPARE(ids.size(), 1);
    QCOMPARE(ids.first().toObject().value("value"_L1).toString(), u"E100"_s); // padding trimmed
}

// "Not performed" (athena sends such placeholders for a visit's vitals): no value, a dataAbsentReason, on the record
// or on every component. Hidden, so that it never replaces the last real reading; a reading with a value is not.
void TestNormalizer::placeholderObservationHidden()
{
    const QJsonObject absent{{"coding"_L1, QJsonArray{QJsonObject{{"code"_L1, u"not-performed"_s}}}}};
    QJsonObject weight = samples::object("weight-epic");
    QVERIFY(!normalize(weight, ctxFor("epic")).hidden);
    weight.remove("valueQuantity"_L1);
    weight.insert("dataAbsentReason"_L1, absent);
    QVERIFY(normalize(weight, ctxFor("epic")).hidden);

    QJsonObject bp = samples::object("bp-epic");
    QVERIFY(!normalize(bp, ctxFor("epic")).hidden);
    QJsonArray parts = bp.value("component"_L1).toArray();
    QVERIFY(parts.size() >= 2);
    for (qsizetype i = 0; i < parts.size(); ++i) {
        QJsonObject part = parts.at(i).toObject();
        part.remove("valueQuantity"_L1);
        part.insert("dataAbsentReason"_L1, absent);
        parts[i] = part;
    }
    bp.insert("component"_L1, parts);
    bp.remove("valueQuantity"_L1);
    QVERIFY(normalize(bp, ctxFor("epic")).hidden);

    // No value and no reason (a panel that only groups its members): not a placeholder.
    QJsonObject panel = samples::object("weight-epic");
    panel.remove("valueQuantity"_L1);
    QVERIFY(!normalize(panel, ctxFor("epic")).hidden);
}

void TestNormalizer::enteredInErrorHidden()
{
    const NormalizedRecord r = norm("error-condition-athena");
    QVERIFY(r.ok());
    QVERIFY(r.hidden);
    QJsonObject obs = samples::object("weight-epic");
    obs.insert("status"_L1, u"entered-in-error"_s);
    QVERIFY(normalize(obs, ctxFor("epic")).hidden);
}

void TestNormalizer::documentSectionIsLoinc()
{
    const NormalizedRecord r = norm("note-athena");
    QCOMPARE(r.canonicalSystem, CodeSystems::loinc());
    QCOMPARE(r.canonicalCode, u"10164-2"_s);
    QCOMPARE(r.effectiveAt, u"2024-03-01T16:00:00.000Z"_s);
    const QByteArray json = QJsonDocument(r.toJson()).toJson(QJsonDocument::Compact);
    QVERIFY(!json.contains("PGI+aGk8L2I+")); // note content is not copied
}

void TestNormalizer::observationWithoutCode()
{
    const NormalizedRecord r = norm("smoking-athena");
    QVERIFY(r.ok());
    QCOMPARE(r.value.text, u"Never smoker"_s);
    QCOMPARE(r.value.coded.code, u"266919005"_s);
}

void TestNormalizer::unsupportedTypeHasError()
{
    const NormalizedRecord r = norm("claim-other");
    QVERIFY(!r.ok());
    QVERIFY(r.error.contains(u"unsupported"_s));
    QCOMPARE(r.resourceType, u"Claim"_s);
}

void TestNormalizer::statusOnlyIsKeptWithWarning()
{
    const QJsonObject o = QJsonDocument::fromJson(R"({"resourceType":"Procedure","id":"x","status":"completed"})").object();
    const NormalizedRecord r = normalize(o, ctxFor("other"));
    QVERIFY(r.ok());
    QVERIFY(r.warnings.contains(u"no code, text or value"_s));
}

void TestNormalizer::ipsNoInformationIsNotAFact()
{
    const QJsonObject o = QJsonDocument::fromJson(R"({"resourceType":"AllergyIntolerance","clinicalStatus":{"coding":[{"code":"active"}]},
        "code":{"coding":[{"system":"http://hl7.org/fhir/uv/ips/CodeSystem/absent-unknown-uv-ips","code":"no-allergy-info"}]}})").object();
    const NormalizedRecord r = normalize(o, ctxFor("other"));
    QVERIFY(r.ok());
    QVERIFY(r.details.value("no_information"_L1).toBool());
}

void TestNormalizer::malformedInputs_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<bool>("error");
    QTest::newRow("empty object") << QByteArray("{}") << true;
    QTest::newRow("resourceType number") << QByteArray(R"({"resourceType":5})") << true;
    QTest::newRow("observation of wrong shapes")
        << QByteArray(R"({"resourceType":"Observation","code":[1,2],"valueQuantity":"x","component":{"a":1},
           "effectiveDateTime":42,"referenceRange":[null,{"low":"x"}],"interpretation":7})")
        << true;
    QTest::newRow("observation text only") << QByteArray(R"({"resourceType":"Observation","code":{"text":"LDL"}})") << false;
    QTest::newRow("huge number") << QByteArray(R"({"resourceType":"Observation","code":{"text":"x"},
           "valueQuantity":{"value":1e308,"unit":"[degF]","system":"http://unitsofmeasure.org","code":"[degF]"}})")
                                 << false;
    QTest::newRow("medication ref to self")
        << QByteArray(R"({"resourceType":"MedicationRequest","medicationReference":{"reference":"#"},"contained":[5,{"id":""}]})")
        << true;
    QTest::newRow("patient with odd names") << QByteArray(R"({"resourceType":"Patient","name":[{"given":[1,null]},"x"],
           "birthDate":"1990-02-31","address":{"city":3}})") << false;
    QTest::newRow("condition bad dates") << QByteArray(R"({"resourceType":"Condition","code":{"text":"x"},
           "onsetDateTime":"9999-99-99","abatementPeriod":{"end":"2020-13-01"}})") << false;
}

void TestNormalizer::malformedInputs()
{
    QFETCH(QByteArray, json);
    QFETCH(bool, error);
    const NormalizedRecord r = normalize(QJsonDocument::fromJson(json).object(), ctxFor("other"));
    QCOMPARE(!r.ok(), error);
    // The record still serializes and reads back.
    const NormalizedRecord back = NormalizedRecord::fromJson(r.toJson());
    QCOMPARE(back.toJson(), r.toJson());
}

void TestNormalizer::jsonRoundTrip()
{
    NormalizeContext ctx = ctxFor("epic");
    const QJsonObject med = samples::object("metformin-epic-medication");
    ctx.resolve = [&](const QString&) -> std::optional<QJsonObject> { return med; };
    for (const samples::Sample& s : samples::all()) {
        const NormalizedRecord r = normalize(samples::object(s.name), ctx);
        const NormalizedRecord back = NormalizedRecord::fromJson(r.toJson());
        QCOMPARE(back.toJson(), r.toJson());
        QCOMPARE(back.effectiveMs, r.effectiveMs);
        QCOMPARE(back.effectiveDay, r.effectiveDay);
        QCOMPARE(back.precision, r.precision);
        QCOMPARE(back.valueNum(), r.valueNum());
        QCOMPARE(back.abnormal(), r.abnormal());
    }
}

QTEST_GUILESS_MAIN(TestNormalizer)
#include "TestNormalizer.moc"
