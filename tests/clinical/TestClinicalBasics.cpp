// Units, dates, code systems and drug names: the small pure building blocks of the clinical pipeline.
#include "core/clinical/ClinicalTime.h"
#include "core/clinical/CodeSystems.h"
#include "core/clinical/ConceptMaps.h"
#include "core/clinical/Units.h"

#include <QtTest>

using namespace hh::clinical;
using namespace Qt::StringLiterals;

class TestClinicalBasics : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void convert_data();
    void convert();
    void unitTextMapping_data();
    void unitTextMapping();
    void parseTime_data();
    void parseTime();
    void rejectsBadTimes_data();
    void rejectsBadTimes();
    void canonicalUri_data();
    void canonicalUri();
    void chooseCanonical();
    void drugNames_data();
    void drugNames();
    void conditionClusters();
    void vaccineFamilies();
};

void TestClinicalBasics::convert_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<QString>("unit");
    QTest::addColumn<QString>("system");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("loinc");
    QTest::addColumn<double>("expected");
    QTest::addColumn<QString>("expectedUnit");
    QTest::addColumn<bool>("converted");

    const QString ucum = u"http://unitsofmeasure.org"_s;
    QTest::newRow("lb->kg") << 185.0 << u"lbs"_s << ucum << u"[lb_av]"_s << QString() << 83.91 << u"kg"_s << true;
    QTest::newRow("g->kg (athena)") << 90718.47 << u"gram"_s << ucum << u"g"_s << QString() << 90.71847 << u"kg"_s << true;
    QTest::newRow("oz->kg") << 16.0 << u"oz"_s << ucum << u"[oz_av]"_s << QString() << 0.4536 << u"kg"_s << true;
    QTest::newRow("kg stays") << 70.0 << u"kg"_s << ucum << u"kg"_s << QString() << 70.0 << u"kg"_s << false;
    QTest::newRow("degF->Cel") << 98.6 << u"degree Fahrenheit"_s << ucum << u"[degF]"_s << QString() << 37.0 << u"Cel"_s << true;
    // Converted values keep the measured precision (the source's significant digits plus one, at least four).
    QTest::newRow("99 degF->37.22 Cel") << 99.0 << u"degF"_s << ucum << u"[degF]"_s << QString() << 37.22 << u"Cel"_s << true;
    QTest::newRow("degF text only") << 212.0 << u"degrees Fahrenheit"_s << QString() << QString() << QString() << 100.0
                                    << u"Cel"_s << true;
    QTest::newRow("K->Cel") << 310.15 << u"K"_s << ucum << u"K"_s << QString() << 37.0 << u"Cel"_s << true;
    QTest::newRow("in->cm") << 70.0 << u"in"_s << ucum << u"[in_i]"_s << QString() << 177.8 << u"cm"_s << true;
    QTest::newRow("ft->cm") << 6.0 << u"ft"_s << ucum << u"[ft_i]"_s << QString() << 182.9 << u"cm"_s << true;
    QTest::newRow("m->cm") << 1.75 << u"m"_s << ucum << u"m"_s << QString() << 175.0 << u"cm"_s << true;
    QTest::newRow("mm->cm") << 455.0 << u"mm"_s << ucum << u"mm"_s << QString() << 45.5 << u"cm"_s << true;
    QTest::newRow("glucose mmol/L->mg/dL") << 7.0 << u"mmol/L"_s << ucum << u"mmol/L"_s << u"14749-6"_s << 126.1
                                           << u"mg/dL"_s << true;
    QTest::newRow("creatinine umol/L->mg/dL") << 88.42 << u"umol/L"_s << ucum << u"umol/L"_s << u"2160-0"_s << 1.0
                                              << u"mg/dL"_s << true;
    QTest::newRow("HbA1c mmol/mol->%") << 53.0 << u"mmol/mol"_s << ucum << u"mmol/mol"_s << u"4548-4"_s << 7.0
                                       << u"%"_s << true;
    QTest::newRow("hemoglobin g/L->g/dL") << 105.0 << u"g/L"_s << ucum << u"g/L"_s << u"718-7"_s << 10.5
                                          << u"g/dL"_s << true;
    QTest::newRow("hemoglobin mmol/L->g/dL") << 7.8 << u"mmol/L"_s << ucum << u"mmol/L"_s << u"59260-0"_s << 12.57
                                             << u"g/dL"_s << true;
    QTest::newRow("hemoglobin g/dL stays") << 12.5 << u"g/dL"_s << ucum << u"g/dL"_s << u"718-7"_s << 12.5
                                           << u"g/dL"_s << false;
    QTest::newRow("albumin g/L->g/dL") << 38.0 << u"g/L"_s << ucum << u"g/L"_s << u"1751-7"_s << 3.8 << u"g/dL"_s
                                       << true;
    QTest::newRow("mmol/L without known analyte kept") << 5.0 << u"mmol/L"_s << ucum << u"mmol/L"_s << u"2951-2"_s
                                                       << 5.0 << u"mmol/L"_s << false;
    QTest::newRow("unknown unit untouched") << 3.0 << u"furlongs"_s << QString() << QString() << QString() << 3.0
                                            << u"furlongs"_s << false;
    QTest::newRow("Epic OID dose unit untouched") << 1.0 << u"tablet"_s << u"urn:oid:1.2.840.114350.1.13.0.1.7.4.698288.330"_s
                                                  << u"g"_s << QString() << 1.0 << u"tablet"_s << false;
    QTest::newRow("mmHg text -> UCUM, no change") << 120.0 << u"millimeter of mercury"_s << QString() << QString()
                                                  << QString() << 120.0 << u"mm[Hg]"_s << false;
}

void TestClinicalBasics::convert()
{
    QFETCH(double, value);
    QFETCH(QString, unit);
    QFETCH(QString, system);
    QFETCH(QString, code);
    QFETCH(QString, loinc);
    QFETCH(double, expected);
    QFETCH(QString, expectedUnit);
    QFETCH(bool, converted);
    const UnitResult r = Units::convert(value, unit, system, code, loinc);
    QCOMPARE(r.unit, expectedUnit);
    QCOMPARE(r.converted, converted);
    QVERIFY2(std::abs(r.value - expected) < 1e-9 * std::max(1.0, std::abs(expected)),
             qPrintable(QString::number(r.value, 'g', 12)));
}

void TestClinicalBasics::unitTextMapping_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("ucum");
    QTest::newRow("kilogram / (meter ^ 2)") << u"kilogram / (meter ^ 2)"_s << u"kg/m2"_s;
    QTest::newRow("Beats / minute") << u"Beats / minute"_s << u"/min"_s;
    QTest::newRow("centimeter") << u"centimeter"_s << u"cm"_s;
    QTest::newRow("ambiguous m") << u"m"_s << QString();
    QTest::newRow("empty") << QString() << QString();
}

void TestClinicalBasics::unitTextMapping()
{
    QFETCH(QString, text);
    QFETCH(QString, ucum);
    QCOMPARE(Units::ucumFromText(text), ucum);
}

void TestClinicalBasics::parseTime_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("iso");
    QTest::addColumn<QString>("localDate");
    QTest::addColumn<int>("precision");
    QTest::newRow("date") << u"2020-03-26"_s << u"2020-03-26"_s << u"2020-03-26"_s << int(TimePrecision::Day);
    QTest::newRow("year") << u"2019"_s << u"2019"_s << u"2019-01-01"_s << int(TimePrecision::Year);
    QTest::newRow("month") << u"2019-07"_s << u"2019-07"_s << u"2019-07-01"_s << int(TimePrecision::Month);
    QTest::newRow("utc") << u"2024-07-29T12:00:05Z"_s << u"2024-07-29T12:00:05.000Z"_s << u"2024-07-29"_s
                         << int(TimePrecision::Time);
    QTest::newRow("offset crosses midnight") << u"2020-03-26T22:30:00-04:00"_s << u"2020-03-27T02:30:00.000Z"_s
                                             << u"2020-03-26"_s << int(TimePrecision::Time);
    QTest::newRow("fraction") << u"2024-09-20T13:40:34.614+02:00"_s << u"2024-09-20T11:40:34.614Z"_s
                              << u"2024-09-20"_s << int(TimePrecision::Time);
    QTest::newRow("leap day") << u"2024-02-29"_s << u"2024-02-29"_s << u"2024-02-29"_s << int(TimePrecision::Day);
    QTest::newRow("no seconds") << u"2024-01-01T08:15+01:00"_s << u"2024-01-01T07:15:00.000Z"_s << u"2024-01-01"_s
                                << int(TimePrecision::Time);
}

void TestClinicalBasics::parseTime()
{
    QFETCH(QString, input);
    QFETCH(QString, iso);
    QFETCH(QString, localDate);
    QFETCH(int, precision);
    const ClinicalTime t = ClinicalTimeParser::parse(input);
    QVERIFY(t.valid);
    QCOMPARE(t.iso, iso);
    QCOMPARE(t.localDate, localDate);
    QCOMPARE(int(t.precision), precision);
    if (t.hasTime()) {
        const QDateTime qt = QDateTime::fromString(input, Qt::ISODateWithMs);
        QCOMPARE(t.utcMs, qt.toMSecsSinceEpoch());
    }
}

void TestClinicalBasics::rejectsBadTimes_data()
{
    QTest::addColumn<QString>("input");
    QTest::newRow("empty") << QString();
    QTest::newRow("feb 30") << u"2023-02-30"_s;
    QTest::newRow("month 13") << u"2023-13-01"_s;
    QTest::newRow("words") << u"yesterday"_s;
    QTest::newRow("garbage after date") << u"2023-01-01x"_s;
    QTest::newRow("bad offset") << u"2023-01-01T10:00:00+25:00"_s;
    QTest::newRow("year zero") << u"0000-01-01"_s;
    QTest::newRow("trailing junk") << u"2023-01-01T10:00:00Zjunk"_s;
}

void TestClinicalBasics::rejectsBadTimes()
{
    QFETCH(QString, input);
    QVERIFY(!ClinicalTimeParser::parse(input).valid);
}

void TestClinicalBasics::canonicalUri_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("canonical");
    QTest::addColumn<bool>("aliased");
    QTest::newRow("snomed oid") << u"urn:oid:2.16.840.1.113883.6.96"_s << CodeSystems::snomed() << true;
    QTest::newRow("loinc oid") << u"urn:oid:2.16.840.1.113883.6.1"_s << CodeSystems::loinc() << true;
    QTest::newRow("epic loinc-as-oid") << u"urn:oid:1.2.246.537.6.96"_s << CodeSystems::loinc() << true;
    QTest::newRow("athena doc-section url") << u"https://hl7.org/fhir/valueset-doc-section-codes.html"_s
                                            << CodeSystems::loinc() << true;
    QTest::newRow("https + trailing slash") << u"https://snomed.info/sct/"_s << CodeSystems::snomed() << true;
    QTest::newRow("rxnorm oid") << u"urn:oid:2.16.840.1.113883.6.88"_s << CodeSystems::rxnorm() << true;
    QTest::newRow("cvx oid") << u"urn:oid:2.16.840.1.113883.12.292"_s << CodeSystems::cvx() << true;
    QTest::newRow("icd10cm oid") << u"urn:oid:2.16.840.1.113883.6.90"_s << CodeSystems::icd10cm() << true;
    QTest::newRow("cpt oid") << u"urn:oid:2.16.840.1.113883.6.12"_s << CodeSystems::cpt() << true;
    QTest::newRow("hcpcs oid") << u"urn:oid:2.16.840.1.113883.6.285"_s << CodeSystems::hcpcs() << true;
    QTest::newRow("canonical stays") << u"http://loinc.org"_s << CodeSystems::loinc() << false;
    QTest::newRow("epic local unchanged") << u"urn:oid:1.2.840.114350.1.13.0.1.7.2.707679"_s
                                          << u"urn:oid:1.2.840.114350.1.13.0.1.7.2.707679"_s << false;
}

void TestClinicalBasics::canonicalUri()
{
    QFETCH(QString, input);
    QFETCH(QString, canonical);
    QFETCH(bool, aliased);
    bool wasAliased = false;
    QCOMPARE(CodeSystems::canonicalUri(input, &wasAliased), canonical);
    QCOMPARE(wasAliased, aliased);
}

void TestClinicalBasics::chooseCanonical()
{
    // Condition: SNOMED beats ICD-10-CM, whatever the order.
    QList<Coding> c = {{CodeSystems::icd10cm(), u"E11.9"_s, {}, false, false},
                       {u"urn:oid:1.2.840.114350.1"_s, u"9"_s, {}, false, false},
                       {CodeSystems::snomed(), u"44054006"_s, {}, false, false}};
    QCOMPARE(CodeSystems::chooseCanonical(c, u"Condition"), 2);
    // Two codes in the preferred system: the userSelected one.
    c.append({CodeSystems::snomed(), u"73211009"_s, {}, true, false});
    QCOMPARE(CodeSystems::chooseCanonical(c, u"Condition"), 3);
    // A coding written with the canonical URI beats one rewritten from an alias.
    const QList<Coding> o = {{CodeSystems::loinc(), u"8462-4"_s, {}, false, true},
                             {CodeSystems::loinc(), u"55284-4"_s, {}, false, false}};
    QCOMPARE(CodeSystems::chooseCanonical(o, u"Observation"), 1);
    // No preferred system: a non-local one beats a vendor-local one.
    const QList<Coding> p = {{u"urn:oid:1.2.840.114350.1.13"_s, u"1"_s, {}, false, false},
                             {u"http://example.org/codes"_s, u"x"_s, {}, false, false}};
    QCOMPARE(CodeSystems::chooseCanonical(p, u"Observation"), 1);
    // Two equal codes (pulse oximetry): the same one whatever the order they were sent in.
    const QList<Coding> epic = {{CodeSystems::loinc(), u"59408-5"_s, {}, false, false},
                                {CodeSystems::loinc(), u"2708-6"_s, {}, false, false}};
    const QList<Coding> athena = {epic.at(1), epic.at(0)};
    QCOMPARE(epic.at(CodeSystems::chooseCanonical(epic, u"Observation")).code, u"2708-6"_s);
    QCOMPARE(athena.at(CodeSystems::chooseCanonical(athena, u"Observation")).code, u"2708-6"_s);
    QCOMPARE(CodeSystems::chooseCanonical({}, u"Observation"), -1);
}

void TestClinicalBasics::drugNames_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("ingredients");
    QTest::addColumn<QStringList>("strengths");
    QTest::newRow("scd") << u"Hydrochlorothiazide 25 MG Oral Tablet"_s << QStringList{u"hydrochlorothiazide"_s}
                         << QStringList{u"25 mg"_s};
    QTest::newRow("extended release with salt") << u"24 HR Metformin hydrochloride 500 MG Extended Release Oral Tablet"_s
                                                << QStringList{u"metformin"_s} << QStringList{u"500 mg"_s};
    QTest::newRow("epic brand in parentheses") << u"metFORMIN (GLUCOPHAGE) 500 MG tablet"_s
                                               << QStringList{u"metformin"_s} << QStringList{u"500 mg"_s};
    QTest::newRow("combination") << u"Amlodipine 2.5 MG / Benazepril hydrochloride 10 MG Oral Capsule"_s
                                 << QStringList{u"amlodipine"_s, u"benazepril"_s} << QStringList{u"2.5 mg"_s, u"10 mg"_s};
    QTest::newRow("volume prefix") << u"10 ML oxaliplatin 5 MG/ML Injection"_s << QStringList{u"oxaliplatin"_s}
                                   << QStringList{u"5 mg/ml"_s};
    QTest::newRow("inhaler with NDA") << u"NDA020503 200 ACTUAT Albuterol 0.09 MG/ACTUAT Metered Dose Inhaler"_s
                                      << QStringList{u"albuterol"_s} << QStringList{u"0.09 mg/actuat"_s};
    // Epic's names put the release mark after the ingredient; it is the formulation, as in RxNorm's names.
    QTest::newRow("epic extended release") << u"metoprolol succinate XL (TOPROL-XL) 100 mg 24 hr tablet"_s
                                           << QStringList{u"metoprolol"_s} << QStringList{u"100 mg"_s};
    QTest::newRow("epic XR") << u"metFORMIN XR 500 mg tablet"_s << QStringList{u"metformin"_s}
                             << QStringList{u"500 mg"_s};
    QTest::newRow("epic CD capsule") << u"dilTIAZem CD 120 MG 24 hr capsule"_s << QStringList{u"diltiazem"_s}
                                     << QStringList{u"120 mg"_s};
    // Strengths in milligrams whatever the mass unit: Epic's "125 mcg" is RxNorm's "0.125 MG".
    QTest::newRow("micrograms") << u"digoxin 125 mcg tablet"_s << QStringList{u"digoxin"_s} << QStringList{u"0.125 mg"_s};
    QTest::newRow("milligrams") << u"digoxin 0.125 MG Oral Tablet"_s << QStringList{u"digoxin"_s}
                                << QStringList{u"0.125 mg"_s};
    QTest::newRow("grams") << u"amoxicillin 1 G Oral Tablet"_s << QStringList{u"amoxicillin"_s}
                           << QStringList{u"1000 mg"_s};
    QTest::newRow("micrograms per dose") << u"fluticasone 50 MCG/ACTUAT nasal spray"_s
                                         << QStringList{u"fluticasone"_s} << QStringList{u"0.05 mg/actuat"_s};
    QTest::newRow("epic inhaler") << u"albuterol HFA 90 mcg/actuation inhaler"_s << QStringList{u"albuterol"_s}
                                  << QStringList{u"0.09 mg/actuat"_s};
    QTest::newRow("no strength") << u"Aspirin"_s << QStringList{u"aspirin"_s} << QStringList{QString()};
    QTest::newRow("nothing") << u"123 / 456"_s << QStringList{} << QStringList{};
}

void TestClinicalBasics::drugNames()
{
    QFETCH(QString, text);
    QFETCH(QStringList, ingredients);
    QFETCH(QStringList, strengths);
    const ConceptMaps::DrugName d = ConceptMaps::parseDrugName(text);
    QCOMPARE(d.ingredients, ingredients);
    QCOMPARE(d.strengths, strengths);
}

void TestClinicalBasics::conditionClusters()
{
    const Coding sct44{CodeSystems::snomed(), u"44054006"_s, {}, false, false};
    const Coding sct73{CodeSystems::snomed(), u"73211009"_s, {}, false, false};
    const Coding e119{CodeSystems::icd10cm(), u"E11.9"_s, {}, false, false};
    const Coding e1140{CodeSystems::icd10cm(), u"E11.40"_s, {}, false, false};
    const Coding i10{CodeSystems::icd10cm(), u"I10"_s, {}, false, false};
    QCOMPARE(ConceptMaps::conditionCluster({sct44}, u"Diabetes", &sct44), u"diabetes-type-2"_s);
    // Generic "diabetes mellitus" + a type-2 ICD code: the specific cluster wins.
    QCOMPARE(ConceptMaps::conditionCluster({sct73, e119}, u"Diabetes mellitus", &sct73), u"diabetes-type-2"_s);
    QCOMPARE(ConceptMaps::conditionCluster({sct73}, {}, &sct73), u"diabetes"_s);
    // Longest ICD prefix: diabetic neuropathy is not "diabetes".
    QCOMPARE(ConceptMaps::conditionCluster({e1140}, {}, &e1140), u"diabetic-neuropathy-type-2"_s);
    QCOMPARE(ConceptMaps::conditionCluster({i10}, {}, &i10), u"hypertension"_s);
    // Text only.
    QCOMPARE(ConceptMaps::conditionCluster({}, u"Essential hypertension (disorder)", nullptr), u"hypertension"_s);
    QCOMPARE(ConceptMaps::conditionCluster({}, u"Broken toe", nullptr), QString());
}

void TestClinicalBasics::vaccineFamilies()
{
    QCOMPARE(ConceptMaps::vaccineFamilies(u"140"), QStringList{u"influenza"_s});
    QCOMPARE(ConceptMaps::vaccineFamilies(u"158"), QStringList{u"influenza"_s});
    QCOMPARE(ConceptMaps::vaccineFamilies(u"08"), QStringList{u"hepb"_s});
    const QStringList combo = ConceptMaps::vaccineFamilies(u"110"); // DTaP-HepB-IPV
    QVERIFY(combo.contains(u"dtap"_s) && combo.contains(u"hepb"_s) && combo.contains(u"ipv"_s));
    QVERIFY(ConceptMaps::vaccineFamilies(u"x").isEmpty());
}

QTEST_GUILESS_MAIN(TestClinicalBasics)
#include "TestClinicalBasics.moc"
