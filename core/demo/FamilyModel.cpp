#include "core/demo/FamilyModel.h"

#include <QHash>
#include <QTimeZone>

#include <algorithm>
#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;

namespace hh::demo::detail {

namespace {

constexpr quint64 kSeed = 0x48484465'6d6f3033ULL; // "HHDemo03": changing it changes every resource

constexpr const char* kSnomed = "http://snomed.info/sct";
constexpr const char* kIcd10 = "http://hl7.org/fhir/sid/icd-10-cm";
constexpr const char* kRxNorm = "http://www.nlm.nih.gov/research/umls/rxnorm";
constexpr const char* kLoinc = "http://loinc.org";
constexpr const char* kCpt = "http://www.ama-assn.org/go/cpt";

// --- Clinical tables (real SNOMED CT, ICD-10-CM, RxNorm, LOINC, CVX codes) -----------------------------------

const ConditionDef kConditions[] = {
    /*0*/ {{kSnomed, "44054006", "Type 2 diabetes mellitus"},
           {kIcd10, "E11.9", "Type 2 diabetes mellitus without complications"},
           "Type 2 diabetes mellitus",
           "2004-03-10",
           "active",
           nullptr},
    /*1*/
    {{kSnomed, "44054006", "Type 2 diabetes mellitus"},
     {kIcd10, "E11.22", "Type 2 diabetes mellitus with diabetic chronic kidney disease"},
     "Type 2 diabetes mellitus with diabetic chronic kidney disease",
     "2004-03-10",
     "active",
     nullptr},
    /*2*/
    {{kSnomed, "84114007", "Heart failure"},
     {kIcd10, "I50.9", "Heart failure, unspecified"},
     "Heart failure",
     "2018-06-21",
     "active",
     nullptr},
    /*3*/
    {{kSnomed, "42343007", "Congestive heart failure"},
     {kIcd10, "I50.9", "Heart failure, unspecified"},
     "Congestive heart failure",
     "2018-06-21",
     "active",
     nullptr},
    /*4*/
    {{kSnomed, "433144002", "Chronic kidney disease stage 3"},
     {kIcd10, "N18.30", "Chronic kidney disease, stage 3 unspecified"},
     "Chronic kidney disease, stage 3",
     "2019-02-14",
     "active",
     nullptr},
    /*5*/
    {{kSnomed, "38341003", "Hypertensive disorder, systemic arterial"},
     {kIcd10, "I10", "Essential (primary) hypertension"},
     "Hypertension",
     "1998-05-04",
     "active",
     nullptr},
    /*6*/
    {{kSnomed, "59621000", "Essential hypertension"},
     {kIcd10, "I10", "Essential (primary) hypertension"},
     "Essential hypertension",
     "1998-05-04",
     "active",
     nullptr},
    /*7*/
    {{kSnomed, "55822004", "Hyperlipidemia"},
     {kIcd10, "E78.5", "Hyperlipidemia, unspecified"},
     "Hyperlipidemia",
     "2006-09-18",
     "active",
     nullptr},
    /*8*/
    {{kSnomed, "239873007", "Osteoarthritis of knee"},
     {kIcd10, "M17.9", "Osteoarthritis of knee, unspecified"},
     "Osteoarthritis of knee",
     "2016-03-02",
     "active",
     nullptr},
    /*9*/
    {{kSnomed, "49436004", "Atrial fibrillation"},
     {kIcd10, "I48.91", "Unspecified atrial fibrillation"},
     "Atrial fibrillation",
     "2016-08-02",
     "active",
     nullptr},
    /*10*/
    {{kSnomed, "52448006", "Dementia"},
     {kIcd10, "F03.90",
      "Unspecified dementia, unspecified severity, without behavioral disturbance, "
      "psychotic disturbance, mood disturbance, and anxiety"},
     "Dementia",
     "2021-11-15",
     "active",
     nullptr},
    /*11*/
    {{kSnomed, "26929004", "Alzheimer's disease"},
     {kIcd10, "G30.9", "Alzheimer's disease, unspecified"},
     "Alzheimer's disease",
     "2022-01-20",
     "active",
     nullptr},
    /*12*/
    {{kSnomed, "266569009", "Benign prostatic hyperplasia"},
     {kIcd10, "N40.0", "Benign prostatic hyperplasia without lower urinary tract symptoms"},
     "Benign prostatic hyperplasia",
     "2012-05-22",
     "active",
     nullptr},
    /*13*/
    {{kSnomed, "195967001", "Asthma"},
     {kIcd10, "J45.909", "Unspecified asthma, uncomplicated"},
     "Asthma",
     "2017-09-12",
     "active",
     nullptr},
    /*14*/
    {{kSnomed, "367498001", "Seasonal allergic rhinitis"},
     {kIcd10, "J30.2", "Other seasonal allergic rhinitis"},
     "Seasonal allergic rhinitis",
     "2010-04-12",
     "active",
     nullptr},
    /*15*/
    {{kSnomed, "279039007", "Low back pain"},
     {kIcd10, "M54.50", "Low back pain, unspecified"},
     "Low back pain",
     "2023-02-06",
     "resolved",
     "2023-05-01"},
    /*16*/
    {{kSnomed, "10509002", "Acute bronchitis"},
     {kIcd10, "J20.9", "Acute bronchitis, unspecified"},
     "Acute bronchitis",
     "2022-01-10",
     "resolved",
     "2022-01-31"},
    /*17*/
    {{kSnomed, "367498001", "Seasonal allergic rhinitis"},
     {kIcd10, "J30.2", "Other seasonal allergic rhinitis"},
     "Seasonal allergic rhinitis",
     "2019-04-02",
     "active",
     nullptr},
};

const AllergyDef kAllergies[] = {
    /*0*/ {{kSnomed, "91936005", "Allergy to penicillin"},
           {kRxNorm, "7980", "Penicillin G"},
           "Penicillins",
           "medication",
           "high",
           "126485001",
           "Urticaria",
           "1995-07-01"},
    /*1*/
    {{kSnomed, "91935009", "Allergy to peanuts"},
     {kRxNorm, "891658", "peanut allergenic extract"},
     "Peanut",
     "food",
     "high",
     "39579001",
     "Anaphylaxis",
     "2016-02-11"},
    /*2*/
    {{kSnomed, "716186003", "No known allergy"},
     {kSnomed, "716186003", "No known allergy"},
     "No Known Allergies",
     nullptr,
     nullptr,
     nullptr,
     nullptr,
     "2017-10-02"},
    /*3*/
    {{kSnomed, "409137002", "No known drug allergy"},
     {kSnomed, "409137002", "No known drug allergy"},
     "No Known Drug Allergies",
     nullptr,
     nullptr,
     nullptr,
     nullptr,
     "2016-01-12"},
};

const DrugDef kDrugs[] = {
    /*0*/ {"861007", "metformin hydrochloride 500 MG Oral Tablet", "6809", "metformin", "metFORMIN 500 mg tablet",
           "Take 1 tablet (500 mg total) by mouth 2 (two) times daily with meals.", "26643006", "Oral route",
           "tablet"},
    /*1*/
    {"285018", "insulin glargine 100 UNT/ML Injectable Solution [Lantus]", "274783", "insulin glargine",
     "insulin glargine (LANTUS) 100 unit/mL injection", "Inject 18 Units under the skin nightly.", "34206005",
     "Subcutaneous route", "solution"},
    /*2*/
    {"314076", "lisinopril 10 MG Oral Tablet", "29046", "lisinopril", "lisinopril 10 mg tablet",
     "Take 1 tablet (10 mg total) by mouth daily.", "26643006", "Oral route", "tablet"},
    /*3*/
    {"313988", "furosemide 40 MG Oral Tablet", "4603", "furosemide", "furosemide 40 mg tablet",
     "Take 1 tablet (40 mg total) by mouth daily.", "26643006", "Oral route", "tablet"},
    /*4*/
    {"866414", "24 HR metoprolol succinate 100 MG Extended Release Oral Tablet [Toprol]", "6918", "metoprolol",
     "metoprolol succinate XL (TOPROL-XL) 100 mg 24 hr tablet", "Take 1 tablet (100 mg total) by mouth daily.",
     "26643006", "Oral route", "tablet, extended release"},
    /*5*/
    {"312961", "simvastatin 20 MG Oral Tablet", "36567", "simvastatin", "simvastatin 20 mg tablet",
     "Take 1 tablet (20 mg total) by mouth nightly.", "26643006", "Oral route", "tablet"},
    /*6*/
    {"243670", "aspirin 81 MG Oral Tablet", "1191", "aspirin", "aspirin 81 mg tablet",
     "Take 1 tablet (81 mg total) by mouth daily.", "26643006", "Oral route", "tablet"},
    /*7*/
    {"855332", "warfarin sodium 5 MG Oral Tablet", "11289", "warfarin", "warfarin (COUMADIN) 5 mg tablet",
     "Take 1 tablet (5 mg total) by mouth daily or as directed by the anticoagulation clinic.", "26643006",
     "Oral route", "tablet"},
    /*8*/
    {"997223", "donepezil hydrochloride 10 MG Oral Tablet", "135447", "donepezil", "donepezil 10 mg tablet",
     "Take 1 tablet (10 mg total) by mouth nightly.", "26643006", "Oral route", "tablet"},
    /*9*/
    {"197361", "amlodipine 5 MG Oral Tablet", "17767", "amlodipine", "amLODIPine 5 mg tablet",
     "Take 1 tablet (5 mg total) by mouth daily.", "26643006", "Oral route", "tablet"},
    /*10*/
    {"197604", "digoxin 0.125 MG Oral Tablet", "3407", "digoxin", "digoxin 125 mcg tablet",
     "Take 1 tablet (0.125 mg total) by mouth daily.", "26643006", "Oral route", "tablet"},
    /*11*/
    {"745679", "200 ACTUAT albuterol 0.09 MG/ACTUAT Metered Dose Inhaler", "435", "albuterol",
     "albuterol HFA 90 mcg/actuation inhaler", "Inhale 2 puffs every 4 (four) hours as needed for wheezing.",
     "447694001", "Respiratory tract route", "aerosol"},
    /*12*/
    {"895994", "120 ACTUAT fluticasone propionate 0.044 MG/ACTUAT Metered Dose Inhaler", "41126", "fluticasone",
     "fluticasone propionate HFA 44 mcg/actuation inhaler",
     "Inhale 2 puffs 2 (two) times daily. Rinse mouth after use.", "447694001", "Respiratory tract route",
     "aerosol"},
    /*13*/
    {"665078", "loratadine 5 MG Chewable Tablet", "28889", "loratadine", "loratadine 5 mg chewable tablet",
     "Chew 1 tablet (5 mg total) daily as needed for allergies.", "26643006", "Oral route", "tablet, chewable"},
    /*14*/
    {"1014678", "cetirizine hydrochloride 10 MG Oral Tablet", "20610", "cetirizine", "cetirizine 10 mg tablet",
     "Take 1 tablet (10 mg total) by mouth daily as needed for allergies.", "26643006", "Oral route", "tablet"},
    /*15*/
    {"310965", "ibuprofen 200 MG Oral Tablet", "5640", "ibuprofen", "ibuprofen 200 mg tablet",
     "Take 2 tablets (400 mg total) by mouth every 6 (six) hours as needed for pain.", "26643006", "Oral route",
     "tablet"},
};

const AnalyteDef kAnalytes[] = {
    /*0*/ {"4548-4", "Hemoglobin A1c/Hemoglobin.total in Blood", "HEMOGLOBIN A1C", "%", 4.0, 5.6, 1},
    /*1*/ {"2345-7", "Glucose [Mass/volume] in Serum or Plasma", "GLUCOSE", "mg/dL", 70, 99, 0},
    /*2*/ {"2160-0", "Creatinine [Mass/volume] in Serum or Plasma", "CREATININE", "mg/dL", 0.5, 1.1, 2},
    /*3*/
    {"33914-3",
     "Glomerular filtration rate/1.73 sq M.predicted [Volume Rate/Area] in Serum or Plasma by "
     "Creatinine-based formula (MDRD)",
     "EGFR", "mL/min/{1.73_m2}", 60, std::numeric_limits<double>::quiet_NaN(), 0},
    /*4*/ {"30934-4", "Natriuretic peptide B [Mass/volume] in Serum or Plasma", "BNP", "pg/mL", 0, 100, 0},
    /*5*/ {"2823-3", "Potassium [Moles/volume] in Serum or Plasma", "POTASSIUM", "mmol/L", 3.5, 5.1, 1},
    /*6*/
    {"14959-1", "Microalbumin/Creatinine [Mass Ratio] in Urine", "MICROALBUMIN/CREATININE RATIO", "mg/g", 0, 30,
     0},
    /*7*/ {"6301-6", "INR in Platelet poor plasma by Coagulation assay", "INR", "{INR}", 2.0, 3.0, 1},
    /*8*/ {"5902-2", "Prothrombin time (PT)", "PROTIME", "s", 9.4, 12.5, 1},
    /*9*/ {"34714-6", "INR in Blood by Coagulation assay", "POC INR", "{INR}", 2.0, 3.0, 1},
    /*10*/ {"2093-3", "Cholesterol [Mass/volume] in Serum or Plasma", "CHOLESTEROL", "mg/dL", 0, 200, 0},
    /*11*/
    {"2085-9", "Cholesterol in HDL [Mass/volume] in Serum or Plasma", "HDL CHOLESTEROL", "mg/dL", 40,
     std::numeric_limits<double>::quiet_NaN(), 0},
    /*12*/
    {"13457-7", "Cholesterol in LDL [Mass/volume] in Serum or Plasma by calculation", "LDL CHOLESTEROL CALC",
     "mg/dL", 0, 100, 0},
    /*13*/ {"2571-8", "Triglyceride [Mass/volume] in Serum or Plasma", "TRIGLYCERIDES", "mg/dL", 0, 150, 0},
    /*14*/ {"718-7", "Hemoglobin [Mass/volume] in Blood", "HEMOGLOBIN", "g/dL", 11.5, 15.5, 1},
};

const PersonDef kPeople[kPatientCount] = {
    {"self", "Jordan", "Lee", "Ellison", "female", "1975-03-14", "555-0142", "418 Alder Street"},
    {"mother", "Margaret", "Ann", "Ellison", "female", "1945-06-02", "555-0187", "27 Birch Lane"},
    {"father", "Walter", "James", "Ellison", "male", "1941-09-23", "555-0187", "27 Birch Lane"},
    {"child", "Maya", "Rose", "Ellison", "female", "2014-04-18", "555-0142", "418 Alder Street"},
};

const PractitionerDef kEpicPractitioners[] = {
    {"Raman", "Priya", "", "Internal Medicine"},
    {"Osei", "Daniel", "", "Pediatrics"},
    {"Whitfield", "Laura", "", "Cardiology"},
};

const PractitionerDef kAthenaPractitioners[] = {
    {"Brandt", "Helen", "", "Cardiology"},
    {"Lee", "Marcus", "", "Family Nurse Practitioner"},
    {"Ruiz", "Ana", "", "Family Medicine"},
};

// Base62 for Epic-style ids.
constexpr char kBase62[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

QString base62(quint64 v)
{
    QString out(11, u'0');
    for (int i = 10; i >= 0; --i) {
        out[i] = QLatin1Char(kBase62[v % 62]);
        v /= 62;
    }
    return out;
}

std::optional<quint64> unbase62(QStringView s)
{
    if (s.size() != 11)
        return std::nullopt;
    quint64 v = 0;
    for (QChar c : s) {
        int d = -1;
        const char16_t u = c.unicode();
        if (u >= u'0' && u <= u'9')
            d = u - u'0';
        else if (u >= u'A' && u <= u'Z')
            d = 10 + (u - u'A');
        else if (u >= u'a' && u <= u'z')
            d = 36 + (u - u'a');
        if (d < 0)
            return std::nullopt;
        const quint64 next = v * 62 + quint64(d);
        if (next / 62 != v && v != 0)
            return std::nullopt; // overflow
        v = next;
    }
    return v;
}

quint32 feistelRound(quint32 half, int round)
{
    return quint32(mix64(kSeed ^ (quint64(half) << 8) ^ quint64(round)) >> 16);
}

quint64 scramble(quint64 v)
{
    quint32 l = quint32(v >> 32), r = quint32(v);
    for (int round = 0; round < 4; ++round) {
        const quint32 t = r;
        r = l ^ feistelRound(r, round);
        l = t;
    }
    return (quint64(l) << 32) | r;
}

quint64 unscramble(quint64 v)
{
    quint32 l = quint32(v >> 32), r = quint32(v);
    for (int round = 3; round >= 0; --round) {
        const quint32 t = l;
        l = r ^ feistelRound(l, round);
        r = t;
    }
    return (quint64(l) << 32) | r;
}

constexpr qint64 kMaxIndex = (qint64(1) << 40) - 1;

quint16 idCheck(int seg, int patient, qint64 index)
{
    return quint16(mix64(kSeed ^ (quint64(seg) << 50) ^ (quint64(patient) << 44) ^ quint64(index)) & 0x7FFF);
}

// athena id kinds, one per segment (nullptr: handled specially or not served).
const char* athenaKind(Seg seg)
{
    switch (seg) {
    case Seg::Condition:
        return "Problem";
    case Seg::Allergy:
        return "pa";
    case Seg::MedRequest:
        return "medicationrequest";
    case Seg::Medication:
        return "medication";
    case Seg::Immunization:
        return "historical";
    case Seg::Procedure:
        return "surgicalhistory";
    case Seg::Encounter:
        return "encounter";
    case Seg::VitalObs:
        return "vitalamb";
    case Seg::LabObs:
        return "resultamb";
    case Seg::SocialObs:
        return "smokingstatus";
    case Seg::DiagReport:
        return "clinicalresult";
    case Seg::DocRef:
        return "encounterNote";
    case Seg::Binary:
        return "binary";
    case Seg::Goal:
        return "goal";
    case Seg::CareTeam:
        return "careteam";
    case Seg::CarePlanLong:
        return "careplan";
    case Seg::CarePlanEnc:
        return "encountercareplan";
    case Seg::Device:
        return "device";
    case Seg::Coverage:
        return "coverage";
    case Seg::Practitioner:
        return "Provider";
    default:
        return nullptr;
    }
}

constexpr qint64 kAthenaPatientBlock = 10'000'000;
// Mother's lab draws at demo-epic per unit of scale (quarterly over ten years, plus a few extra checks);
// with 60 visits this puts her at about 101,000 resources at scale 100.
constexpr qint64 kMotherEpicDraws = 44;

QDate isoDate(const char* s)
{
    return QDate::fromString(QString::fromLatin1(s), Qt::ISODate);
}

QList<ImmunizationDef> adultFlu(int firstYear, int lastYear, const char* cvx, const char* display, int patient)
{
    QList<ImmunizationDef> out;
    for (int y = firstYear; y <= lastYear; ++y)
        out.append({cvx, display, QDate(y, 10, 2 + int((patient * 7 + y * 3) % 21)), "PMC", "Sanofi Pasteur"});
    return out;
}

void sortByDate(QList<ImmunizationDef>& list)
{
    std::stable_sort(list.begin(), list.end(),
                     [](const ImmunizationDef& a, const ImmunizationDef& b) { return a.date < b.date; });
}

// Pediatric schedule (CDC) from the child's birth date; returns the doses up to the anchor date.
QList<ImmunizationDef> childSchedule()
{
    struct Dose {
        const char* cvx;
        const char* display;
        int months;
        const char* mvx;
        const char* manufacturer;
    };
    static const Dose kDoses[] = {
        {"08", "Hep B, adolescent or pediatric", 0, "MSD", "Merck and Co., Inc."},
        {"08", "Hep B, adolescent or pediatric", 2, "MSD", "Merck and Co., Inc."},
        {"116", "rotavirus, pentavalent", 2, "MSD", "Merck and Co., Inc."},
        {"20", "DTaP", 2, "PMC", "Sanofi Pasteur"},
        {"49", "Hib (PRP-OMP)", 2, "MSD", "Merck and Co., Inc."},
        {"133", "Pneumococcal conjugate PCV 13", 2, "PFR", "Pfizer, Inc"},
        {"10", "IPV", 2, "PMC", "Sanofi Pasteur"},
        {"116", "rotavirus, pentavalent", 4, "MSD", "Merck and Co., Inc."},
        {"20", "DTaP", 4, "PMC", "Sanofi Pasteur"},
        {"49", "Hib (PRP-OMP)", 4, "MSD", "Merck and Co., Inc."},
        {"133", "Pneumococcal conjugate PCV 13", 4, "PFR", "Pfizer, Inc"},
        {"10", "IPV", 4, "PMC", "Sanofi Pasteur"},
        {"08", "Hep B, adolescent or pediatric", 6, "MSD", "Merck and Co., Inc."},
        {"116", "rotavirus, pentavalent", 6, "MSD", "Merck and Co., Inc."},
        {"20", "DTaP", 6, "PMC", "Sanofi Pasteur"},
        {"133", "Pneumococcal conjugate PCV 13", 6, "PFR", "Pfizer, Inc"},
        {"10", "IPV", 6, "PMC", "Sanofi Pasteur"},
        {"49", "Hib (PRP-OMP)", 12, "MSD", "Merck and Co., Inc."},
        {"133", "Pneumococcal conjugate PCV 13", 12, "PFR", "Pfizer, Inc"},
        {"03", "MMR", 12, "MSD", "Merck and Co., Inc."},
        {"21", "varicella", 12, "MSD", "Merck and Co., Inc."},
        {"83", "Hep A, ped/adol, 2 dose", 12, "SKB", "GlaxoSmithKline"},
        {"20", "DTaP", 15, "PMC", "Sanofi Pasteur"},
        {"83", "Hep A, ped/adol, 2 dose", 18, "SKB", "GlaxoSmithKline"},
        {"20", "DTaP", 54, "PMC", "Sanofi Pasteur"},
        {"10", "IPV", 54, "PMC", "Sanofi Pasteur"},
        {"03", "MMR", 54, "MSD", "Merck and Co., Inc."},
        {"21", "varicella", 54, "MSD", "Merck and Co., Inc."},
        {"115", "Tdap", 132, "SKB", "GlaxoSmithKline"},
        {"114", "meningococcal MCV4P", 132, "PMC", "Sanofi Pasteur"},
        {"165", "HPV9", 132, "MSD", "Merck and Co., Inc."},
    };
    const QDate birth = isoDate(kPeople[3].birthDate);
    QList<ImmunizationDef> all;
    for (const Dose& d : kDoses) {
        const QDate when = birth.addMonths(d.months).addDays(d.months == 0 ? 1 : 3);
        if (when <= anchorDate())
            all.append({d.cvx, d.display, when, d.mvx, d.manufacturer});
    }
    // Influenza every season from 6 months (two doses in the first season).
    const int firstSeason = birth.addMonths(6).year();
    for (int y = firstSeason; y <= anchorDate().year(); ++y) {
        const QDate when(y, 10, 6 + (y % 9));
        if (when > anchorDate() || when < birth.addMonths(6))
            continue;
        all.append(
            {"150", "Influenza, injectable, quadrivalent, preservative free", when, "PMC", "Sanofi Pasteur"});
        if (y == firstSeason)
            all.append({"150", "Influenza, injectable, quadrivalent, preservative free", when.addDays(28), "PMC",
                        "Sanofi Pasteur"});
    }
    sortByDate(all);
    return all;
}

} // namespace

// --- Small helpers -------------------------------------------------------------------------------------------

QString segResourceType(Seg seg)
{
    switch (seg) {
    case Seg::Patient:
        return u"Patient"_s;
    case Seg::Condition:
        return u"Condition"_s;
    case Seg::Allergy:
        return u"AllergyIntolerance"_s;
    case Seg::MedRequest:
        return u"MedicationRequest"_s;
    case Seg::Medication:
        return u"Medication"_s;
    case Seg::Immunization:
        return u"Immunization"_s;
    case Seg::Procedure:
        return u"Procedure"_s;
    case Seg::Encounter:
        return u"Encounter"_s;
    case Seg::VitalObs:
    case Seg::LabObs:
    case Seg::SocialObs:
        return u"Observation"_s;
    case Seg::DiagReport:
        return u"DiagnosticReport"_s;
    case Seg::DocRef:
        return u"DocumentReference"_s;
    case Seg::Binary:
        return u"Binary"_s;
    case Seg::Goal:
        return u"Goal"_s;
    case Seg::CareTeam:
        return u"CareTeam"_s;
    case Seg::CarePlanLong:
    case Seg::CarePlanEnc:
        return u"CarePlan"_s;
    case Seg::Device:
        return u"Device"_s;
    case Seg::Coverage:
        return u"Coverage"_s;
    case Seg::Practitioner:
        return u"Practitioner"_s;
    case Seg::Organization:
        return u"Organization"_s;
    case Seg::Location:
        return u"Location"_s;
    case Seg::Count:
        break;
    }
    return {};
}

bool segIsPatientCompartment(Seg seg)
{
    return seg != Seg::Medication && seg != Seg::Practitioner && seg != Seg::Organization && seg != Seg::Location;
}

quint64 mix64(quint64 x)
{
    // splitmix64 finaliser
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}

double unit(int patient, int salt, qint64 index, int salt2)
{
    const quint64 h = mix64(kSeed ^ mix64((quint64(patient) << 56) ^ (quint64(quint32(salt)) << 32) ^
                                          quint64(index) ^ (quint64(quint32(salt2)) << 44)));
    return double(h >> 11) / double(quint64(1) << 53);
}

double noise(int patient, int salt, qint64 index, int salt2)
{
    return unit(patient, salt, index, salt2) * 2.0 - 1.0;
}

QDate anchorDate()
{
    return QDate(2025, 10, 15);
}

const DrugDef& drug(int index)
{
    return kDrugs[index];
}
int drugCount()
{
    return int(std::size(kDrugs));
}
const AnalyteDef& analyte(int index)
{
    return kAnalytes[index];
}
const ConditionDef& condition(int index)
{
    return kConditions[index];
}
const AllergyDef& allergy(int index)
{
    return kAllergies[index];
}
const PersonDef& person(int patient)
{
    return kPeople[patient];
}

QList<PractitionerDef> practitioners(Vendor vendor)
{
    QList<PractitionerDef> out;
    if (vendor == Vendor::Epic)
        out = QList<PractitionerDef>(std::begin(kEpicPractitioners), std::end(kEpicPractitioners));
    else
        out = QList<PractitionerDef>(std::begin(kAthenaPractitioners), std::end(kAthenaPractitioners));
    return out;
}

int organizationCount(Vendor vendor)
{
    return vendor == Vendor::Epic ? 1 : 3;
}
int locationCount(Vendor vendor)
{
    return vendor == Vendor::Epic ? 2 : 1;
}

// --- Ids -----------------------------------------------------------------------------------------------------

QString epicId(const ResourceKey& key)
{
    const int seg = static_cast<int>(key.seg);
    const quint64 packed = (quint64(seg & 0x3F) << 58) | (quint64(key.patient & 0x7) << 55) |
                           ((quint64(key.index) & quint64(kMaxIndex)) << 15) |
                           idCheck(seg, key.patient, key.index);
    const quint64 a = scramble(packed);
    const quint64 b = mix64(a ^ kSeed);
    return u"e"_s + base62(a) + base62(b) + u"3"_s;
}

std::optional<ResourceKey> parseEpicId(QStringView id)
{
    if (id.size() != 24 || id.front() != u'e' || id.back() != u'3')
        return std::nullopt;
    const auto a = unbase62(id.mid(1, 11));
    const auto b = unbase62(id.mid(12, 11));
    if (!a || !b || mix64(*a ^ kSeed) != *b)
        return std::nullopt;
    const quint64 packed = unscramble(*a);
    ResourceKey key;
    const int seg = int(packed >> 58);
    if (seg >= kSegCount)
        return std::nullopt;
    key.seg = static_cast<Seg>(seg);
    key.patient = int((packed >> 55) & 0x7);
    key.index = qint64((packed >> 15) & quint64(kMaxIndex));
    if (idCheck(seg, key.patient, key.index) != (packed & 0x7FFF))
        return std::nullopt;
    return key;
}

QString athenaId(const ResourceKey& key)
{
    const QString practice = QString::number(kAthenaPractice);
    switch (key.seg) {
    case Seg::Patient:
        return u"a-%1.E-%2"_s.arg(practice).arg(24001 + key.patient);
    case Seg::Organization:
        if (key.index == 0)
            return u"a-1.Practice-%1"_s.arg(practice);
        if (key.index == 1)
            return u"a-%1.CSG-1"_s.arg(practice);
        return u"a-%1.Department-%2"_s.arg(practice).arg(key.index - 1);
    case Seg::Location:
        return u"a-%1.Department-%2"_s.arg(practice).arg(key.index + 1);
    default:
        break;
    }
    const char* kind = athenaKind(key.seg);
    if (!kind)
        return {};
    const qint64 n =
        key.patient == kShared ? 100 + key.index : (key.patient + 1) * kAthenaPatientBlock + key.index;
    return u"a-%1.%2-%3"_s.arg(practice, QLatin1StringView(kind)).arg(n);
}

std::optional<ResourceKey> parseAthenaId(QStringView id)
{
    const QString practice = QString::number(kAthenaPractice);
    if (id == QString(u"a-1.Practice-"_s + practice))
        return ResourceKey{Seg::Organization, kShared, 0};
    const QString prefix = u"a-"_s + practice + u"."_s;
    if (!id.startsWith(prefix))
        return std::nullopt;
    const QStringView rest = id.mid(prefix.size());
    const qsizetype dash = rest.lastIndexOf(u'-');
    if (dash <= 0)
        return std::nullopt;
    const QStringView kind = rest.left(dash);
    bool ok = false;
    const qint64 n = rest.mid(dash + 1).toLongLong(&ok);
    if (!ok || n < 0 || rest.mid(dash + 1).startsWith(u'+') || rest.mid(dash + 1).startsWith(u'0'))
        return std::nullopt;
    if (kind == u"E") {
        const int p = int(n - 24001);
        if (p < 0 || p >= kPatientCount)
            return std::nullopt;
        return ResourceKey{Seg::Patient, p, 0};
    }
    if (kind == u"CSG")
        return n == 1 ? std::optional<ResourceKey>(ResourceKey{Seg::Organization, kShared, 1}) : std::nullopt;
    if (kind == u"Department")
        return ResourceKey{Seg::Location, kShared, n - 1}; // also Organization n+1: resolved by the caller's type
    for (int s = 0; s < kSegCount; ++s) {
        const char* k = athenaKind(static_cast<Seg>(s));
        if (!k || kind != QLatin1StringView(k))
            continue;
        ResourceKey key;
        key.seg = static_cast<Seg>(s);
        if (n < kAthenaPatientBlock) {
            if (n < 100)
                return std::nullopt;
            key.patient = kShared;
            key.index = n - 100;
        } else {
            key.patient = int(n / kAthenaPatientBlock) - 1;
            key.index = n % kAthenaPatientBlock;
            if (key.patient < 0 || key.patient >= kPatientCount)
                return std::nullopt;
        }
        return key;
    }
    return std::nullopt;
}

QString resourceId(Vendor vendor, const ResourceKey& key)
{
    return vendor == Vendor::Epic ? epicId(key) : athenaId(key);
}

std::optional<ResourceKey> parseResourceId(Vendor vendor, QStringView id)
{
    return vendor == Vendor::Epic ? parseEpicId(id) : parseAthenaId(id);
}

// --- Plans ---------------------------------------------------------------------------------------------------

qint64 Plan::count(Seg seg) const
{
    switch (seg) {
    case Seg::Patient:
        return 1;
    case Seg::Condition:
        return conditions.size();
    case Seg::Allergy:
        return allergies.size();
    case Seg::MedRequest:
        return meds.size();
    case Seg::Medication:
        return drugsUsed().size();
    case Seg::Immunization:
        return immunizations.size();
    case Seg::Procedure:
        return procedures.size();
    case Seg::Encounter:
        return visits;
    case Seg::VitalObs:
        return visits * kVitalsPerVisit;
    case Seg::LabObs:
        return draws * analytes.size();
    case Seg::SocialObs:
        return smokingCode.isEmpty() ? 0 : 1;
    case Seg::DiagReport:
        return draws;
    case Seg::DocRef:
        return visits;
    case Seg::Binary:
        return vendor == Vendor::Epic ? visits : 0;
    case Seg::Goal:
        return hasGoal ? 1 : 0;
    case Seg::CareTeam:
        return 1;
    case Seg::CarePlanLong:
        return conditions.isEmpty() ? 0 : 1;
    case Seg::CarePlanEnc:
        return vendor == Vendor::Epic ? encounterCarePlans : 0;
    case Seg::Device:
        return hasDevice ? 1 : 0;
    case Seg::Coverage:
        return hasCoverage ? 1 : 0;
    case Seg::Practitioner:
        return practitioners.size();
    case Seg::Organization:
        return organizationCount(vendor);
    case Seg::Location:
        return 1;
    case Seg::Count:
        break;
    }
    return 0;
}

QList<int> Plan::drugsUsed() const
{
    QList<int> out;
    for (const MedOrderDef& m : meds)
        if (!out.contains(m.drug))
            out.append(m.drug);
    std::sort(out.begin(), out.end());
    return out;
}

namespace {

QDateTime spread(QDate start, QDate end, qint64 k, qint64 n, int patient, int salt)
{
    const QDateTime s(start, QTime(0, 0), Qt::UTC);
    const qint64 days = std::max<qint64>(1, start.daysTo(end));
    const double u = unit(patient, salt, k);
    const double pos = (double(k) + 0.2 + 0.6 * u) / double(std::max<qint64>(1, n));
    if (days >= 3 * n) {
        // Sparse: one visit on a working day, between 13:00 and 21:00 UTC (morning/afternoon in the US).
        const qint64 day = qint64(std::floor(pos * double(days)));
        const int minutes = 13 * 60 + int(unit(patient, salt + 1, k) * 8 * 60);
        return s.addDays(day).addSecs(qint64(minutes) * 60);
    }
    // Dense histories (large scales): spread over the seconds of the span, still strictly increasing.
    return s.addSecs(qint64(pos * double(days) * 86400.0));
}

} // namespace

QDateTime Plan::visitTime(qint64 k) const
{
    return spread(visitStart, visitEnd, k, visits, patient, vendor == Vendor::Epic ? 101 : 201);
}

QDateTime Plan::drawTime(qint64 k) const
{
    if (mirrorsEpicDraws) {
        Plan epic;
        epic.vendor = Vendor::Epic;
        epic.patient = patient;
        epic.labStart = labStart;
        epic.labEnd = labEnd;
        epic.draws = epicDraws;
        return epic.drawTime(2 * k + 1);
    }
    return spread(labStart, labEnd, k, draws, patient, vendor == Vendor::Epic ? 103 : 203);
}

Plan makePlan(Vendor vendor, int patient, int scale)
{
    Plan p;
    p.vendor = vendor;
    p.patient = patient;
    const QDate end = anchorDate();
    const bool epic = vendor == Vendor::Epic;
    switch (patient) {
    case 0: // self
        if (epic) {
            p.visitStart = QDate(2016, 1, 10);
            p.visits = 10;
            p.visitReason = "Annual physical";
            p.visitType = {kSnomed, "185349003", "Encounter for check up"};
            p.labStart = QDate(2017, 1, 5);
            p.draws = 8;
            p.analytes = {10, 11, 12, 13};
            p.panel = {kLoinc, "24331-1", "Lipid 1996 panel - Serum or Plasma"};
            p.conditions = {14};
            p.allergies = {3};
            p.meds = {{14, "2016-04-02", "active"}};
            p.immunizations =
                adultFlu(2018, 2024, "150", "Influenza, injectable, quadrivalent, preservative free", 0);
            p.immunizations.append({"115", "Tdap", QDate(2019, 6, 10), "SKB", "GlaxoSmithKline"});
            p.immunizations.append({"208",
                                    "SARS-COV-2 (COVID-19) vaccine, mRNA, spike protein, LNP, preservative free, "
                                    "30 mcg/0.3mL dose",
                                    QDate(2021, 4, 2), "PFR", "Pfizer, Inc"});
            p.immunizations.append({"208",
                                    "SARS-COV-2 (COVID-19) vaccine, mRNA, spike protein, LNP, preservative free, "
                                    "30 mcg/0.3mL dose",
                                    QDate(2021, 4, 23), "PFR", "Pfizer, Inc"});
            p.procedures = {{{kSnomed, "73761001", "Colonoscopy"}, "2025-03-18"}};
            p.practitioners = {0};
        } else {
            p.visitStart = QDate(2021, 2, 1);
            p.visits = 4;
            p.visitReason = "Low back pain";
            p.visitType = {kCpt, "99213", "OFFICE/OUTPATIENT VISIT EST"};
            p.conditions = {15};
            p.meds = {{15, "2023-02-06", "completed"}};
            p.immunizations =
                adultFlu(2023, 2024, "150", "Influenza, injectable, quadrivalent, preservative free", 0);
            p.hasCoverage = true;
            p.practitioners = {2};
        }
        p.smokingCode = u"266919005"_s;
        p.smokingDisplay = u"Never smoked tobacco"_s;
        break;
    case 1: // mother
        if (epic) {
            p.visitStart = QDate(2015, 11, 1);
            p.visits = 60;
            p.visitReason = "Follow-up: diabetes, heart failure, chronic kidney disease";
            p.visitType = {kSnomed, "390906007", "Follow-up encounter"};
            p.labStart = QDate(2015, 11, 15);
            p.draws = kMotherEpicDraws;
            p.analytes = {0, 1, 2, 3, 4, 5, 6};
            p.panel = {kLoinc, "24323-8", "Comprehensive metabolic 2000 panel - Serum or Plasma"};
            p.conditions = {0, 2, 4, 5, 7};
            p.allergies = {0};
            p.meds = {{0, "2010-05-01", "active"}, {1, "2019-03-12", "active"}, {2, "2012-08-20", "active"},
                      {3, "2018-06-25", "active"}, {4, "2018-06-25", "active"}, {5, "2008-01-15", "stopped"},
                      {6, "2015-02-01", "active"}};
            p.immunizations = adultFlu(2015, 2024, "197", "influenza, high-dose, quadrivalent", 1);
            p.immunizations.append(
                {"33", "pneumococcal polysaccharide PPV23", QDate(2012, 11, 5), "MSD", "Merck and Co., Inc."});
            p.immunizations.append(
                {"133", "Pneumococcal conjugate PCV 13", QDate(2016, 10, 20), "PFR", "Pfizer, Inc"});
            p.immunizations.append(
                {"187", "zoster vaccine recombinant", QDate(2019, 3, 4), "SKB", "GlaxoSmithKline"});
            p.immunizations.append(
                {"187", "zoster vaccine recombinant", QDate(2019, 6, 10), "SKB", "GlaxoSmithKline"});
            p.immunizations.append({"115", "Tdap", QDate(2018, 2, 14), "SKB", "GlaxoSmithKline"});
            p.immunizations.append({"208",
                                    "SARS-COV-2 (COVID-19) vaccine, mRNA, spike protein, LNP, preservative free, "
                                    "30 mcg/0.3mL dose",
                                    QDate(2021, 1, 20), "PFR", "Pfizer, Inc"});
            p.immunizations.append({"208",
                                    "SARS-COV-2 (COVID-19) vaccine, mRNA, spike protein, LNP, preservative free, "
                                    "30 mcg/0.3mL dose",
                                    QDate(2021, 2, 10), "PFR", "Pfizer, Inc"});
            p.procedures = {{{kSnomed, "73761001", "Colonoscopy"}, "2013-09-09"},
                            {{kSnomed, "40701008", "Echocardiography"}, "2018-06-22"},
                            {{kSnomed, "40701008", "Echocardiography"}, "2021-07-08"},
                            {{kSnomed, "40701008", "Echocardiography"}, "2024-07-15"}};
            p.hasGoal = true;
            p.encounterCarePlans = 2;
            p.practitioners = {0, 2};
        } else {
            p.visitStart = QDate(2019, 10, 1);
            p.visits = 18;
            p.visitReason = "Cardiology and nephrology follow-up";
            p.visitType = {kCpt, "99214", "OFFICE/OUTPATIENT VISIT EST"};
            p.labStart = QDate(2015, 11, 15);
            p.mirrorsEpicDraws = true;
            p.epicDraws = kMotherEpicDraws * qint64(scale);
            p.draws = p.epicDraws / 2;
            p.analytes = {2, 3, 4, 5};
            p.panel = {kLoinc, "51990-0", "Basic metabolic panel - Blood"};
            p.conditions = {1, 3, 4, 6, 8};
            p.allergies = {0};
            p.meds = {{0, "2010-05-01", "active"},
                      {2, "2012-08-20", "active"},
                      {3, "2018-06-25", "active"},
                      {4, "2018-06-25", "active"}};
            p.immunizations = adultFlu(2022, 2024, "197", "influenza, high-dose, quadrivalent", 1);
            p.immunizations.append(
                {"33", "pneumococcal polysaccharide PPV23", QDate(2012, 11, 5), "MSD", "Merck and Co., Inc."});
            p.procedures = {{{kSnomed, "40701008", "Echocardiography"}, "2021-07-08"},
                            {{kSnomed, "40701008", "Echocardiography"}, "2024-07-15"}};
            p.hasCoverage = true;
            p.practitioners = {0};
        }
        p.hasDevice = true;
        p.smokingCode = u"8517006"_s;
        p.smokingDisplay = u"Ex-smoker"_s;
        break;
    case 2: // father
        if (epic) {
            p.visitStart = QDate(2017, 10, 1);
            p.visits = 32;
            p.visitReason = "Follow-up: atrial fibrillation, memory";
            p.visitType = {kSnomed, "390906007", "Follow-up encounter"};
            p.labStart = QDate(2017, 10, 5);
            p.draws = 96;
            p.analytes = {7, 8};
            p.panel = {kLoinc, "34528-0", "PT panel - Platelet poor plasma by Coagulation assay"};
            p.conditions = {9, 10, 5, 12};
            p.allergies = {2};
            p.meds = {{7, "2016-08-05", "active"},
                      {8, "2021-12-01", "active"},
                      {9, "2010-03-01", "active"},
                      {10, "2016-08-05", "active"}};
            p.immunizations = adultFlu(2017, 2024, "197", "influenza, high-dose, quadrivalent", 2);
            p.immunizations.append(
                {"33", "pneumococcal polysaccharide PPV23", QDate(2008, 10, 1), "MSD", "Merck and Co., Inc."});
            p.immunizations.append(
                {"133", "Pneumococcal conjugate PCV 13", QDate(2015, 11, 12), "PFR", "Pfizer, Inc"});
            p.immunizations.append(
                {"187", "zoster vaccine recombinant", QDate(2020, 2, 3), "SKB", "GlaxoSmithKline"});
            p.immunizations.append(
                {"187", "zoster vaccine recombinant", QDate(2020, 5, 4), "SKB", "GlaxoSmithKline"});
            p.immunizations.append({"208",
                                    "SARS-COV-2 (COVID-19) vaccine, mRNA, spike protein, LNP, preservative free, "
                                    "30 mcg/0.3mL dose",
                                    QDate(2021, 1, 14), "PFR", "Pfizer, Inc"});
            p.immunizations.append({"208",
                                    "SARS-COV-2 (COVID-19) vaccine, mRNA, spike protein, LNP, preservative free, "
                                    "30 mcg/0.3mL dose",
                                    QDate(2021, 2, 4), "PFR", "Pfizer, Inc"});
            p.procedures = {{{kSnomed, "29303009", "Electrocardiographic procedure"}, "2016-08-02"},
                            {{kSnomed, "29303009", "Electrocardiographic procedure"}, "2020-08-10"},
                            {{kSnomed, "29303009", "Electrocardiographic procedure"}, "2024-08-12"}};
            p.encounterCarePlans = 1;
            p.practitioners = {0};
        } else {
            p.visitStart = QDate(2021, 10, 1);
            p.visits = 12;
            p.visitReason = "Anticoagulation clinic";
            p.visitType = {kCpt, "99213", "OFFICE/OUTPATIENT VISIT EST"};
            p.labStart = QDate(2021, 10, 15);
            p.draws = 24;
            p.analytes = {9};
            p.panel = {kLoinc, "34714-6", "INR in Blood by Coagulation assay"};
            p.conditions = {9, 11, 6};
            p.meds = {{7, "2016-08-05", "active"}, {9, "2010-03-01", "active"}, {10, "2016-08-05", "active"}};
            p.immunizations = adultFlu(2022, 2024, "197", "influenza, high-dose, quadrivalent", 2);
            p.procedures = {{{kSnomed, "29303009", "Electrocardiographic procedure"}, "2024-08-12"}};
            p.hasCoverage = true;
            p.practitioners = {0};
        }
        p.smokingCode = u"8517006"_s;
        p.smokingDisplay = u"Ex-smoker"_s;
        break;
    default: // child
        if (epic) {
            p.visitStart = QDate(2014, 4, 25);
            p.visits = 22;
            p.visitReason = "Well child visit";
            p.visitType = {kSnomed, "410620009", "Well child visit"};
            p.labStart = QDate(2015, 4, 10);
            p.labEnd = QDate(2015, 5, 10);
            p.draws = 1;
            p.analytes = {14};
            p.panel = {kLoinc, "58410-2", "CBC panel - Blood by Automated count"};
            p.conditions = {13, 17};
            p.allergies = {1};
            p.meds = {{11, "2017-09-12", "active"}, {12, "2018-10-02", "active"}, {13, "2019-04-02", "active"}};
            p.immunizations = childSchedule();
            p.procedures = {{{kSnomed, "56251003", "Nebulizer therapy"}, "2017-09-12"},
                            {{kSnomed, "56251003", "Nebulizer therapy"}, "2019-01-22"}};
            p.encounterCarePlans = 1;
            p.practitioners = {1};
        } else {
            p.visitStart = QDate(2022, 1, 10);
            p.visits = 3;
            p.visitReason = "Urgent care: wheezing";
            p.visitType = {kCpt, "99213", "OFFICE/OUTPATIENT VISIT EST"};
            p.conditions = {13, 16};
            p.allergies = {1};
            p.meds = {{11, "2022-01-10", "active"}};
            // Registry copies of the Epic flu shots of the last three seasons.
            for (const ImmunizationDef& imm : childSchedule())
                if (qstrcmp(imm.cvx, "150") == 0 && imm.date > QDate(2022, 1, 1))
                    p.immunizations.append(imm);
            p.hasCoverage = true;
            p.practitioners = {1};
        }
        break;
    }
    if (!p.visitEnd.isValid())
        p.visitEnd = end;
    if (!p.labEnd.isValid())
        p.labEnd = end;
    p.visits *= scale;
    if (!p.mirrorsEpicDraws)
        p.draws *= scale;
    // Dates must not decrease along a segment (date searches binary-search them).
    sortByDate(p.immunizations);
    std::stable_sort(p.meds.begin(), p.meds.end(), [](const MedOrderDef& a, const MedOrderDef& b) {
        return qstrcmp(a.authoredOn, b.authoredOn) < 0;
    });
    std::stable_sort(p.procedures.begin(), p.procedures.end(),
                     [](const ProcedureDef& a, const ProcedureDef& b) { return qstrcmp(a.date, b.date) < 0; });
    std::stable_sort(p.conditions.begin(), p.conditions.end(),
                     [](int a, int b) { return qstrcmp(kConditions[a].onset, kConditions[b].onset) < 0; });
    return p;
}

// --- Values ----------------------------------------------------------------------------------------------------

double labValue(int patient, int a, qint64 k, qint64 n)
{
    const double f = n > 1 ? double(k) / double(n - 1) : 0.0;
    const double e = noise(patient, 500 + a, k);
    const double pi = 3.14159265358979;
    switch (a) {
    case 0:
        return 7.4 + 0.6 * std::sin(2 * pi * 3 * f) + 0.3 * e; // HbA1c %
    case 1:
        return 150 + 35 * e + 20 * std::sin(2 * pi * 3 * f); // glucose
    case 2:
        return 1.02 + 0.5 * f + 0.08 * e; // creatinine
    case 3:
        return std::max(20.0, 57 - 19 * f + 3 * e); // eGFR
    case 4:
        return 210 + 280 * f + 70 * e; // BNP
    case 5:
        return 4.5 + 0.35 * e; // potassium
    case 6:
        return 42 + 70 * f + 15 * e; // UACR
    case 7:
        return 2.5 + 0.55 * e; // INR
    case 8:
        return 27.5 + 6.0 * noise(patient, 507, k); // PT (tracks INR loosely)
    case 9:
        return 2.45 + 0.6 * e; // POC INR
    case 10:
        return 205 + 16 * e; // cholesterol
    case 11:
        return 58 + 6 * e; // HDL
    case 12:
        return 124 + 13 * e; // LDL
    case 13:
        return 122 + 28 * e; // TG
    case 14:
        return 12.2 + 0.5 * e; // Hb
    default:
        return 0;
    }
}

VitalValue vitalValue(const Plan& plan, int v, qint64 k)
{
    const int p = plan.patient;
    const double f = plan.visits > 1 ? double(k) / double(plan.visits - 1) : 0.0;
    // Same person, same body at both endpoints: noise is keyed by the visit's date, not by the endpoint.
    const qint64 day = plan.visitTime(k).date().toJulianDay();
    auto n = [&](int salt) { return noise(p, 300 + salt, day); };
    VitalValue out;
    if (p == 3) {
        const QDate birth = QDate::fromString(QString::fromLatin1(kPeople[3].birthDate), Qt::ISODate);
        const double age = std::max(0.0, double(birth.daysTo(plan.visitTime(k).date())) / 365.25);
        const double height = age < 1 ? 50 + 25 * age : 75 + 6.2 * (age - 1);
        const double weight = age < 1 ? 3.4 + 6.5 * age : 10 + 2.6 * (age - 1);
        switch (v) {
        case 0:
            out.systolic = 88 + 2.2 * age + 5 * n(1);
            out.diastolic = 54 + 1.2 * age + 4 * n(2);
            break;
        case 1:
            out.value = 138 - 6 * age + 8 * n(3);
            break;
        case 2:
            out.value = std::round(38 - 2 * age + 2 * n(4));
            break;
        case 3:
            out.value = 36.9 + 0.25 * n(5);
            break;
        case 4:
            out.value = std::min(100.0, std::round(98 + 1.5 * n(6)));
            break;
        case 5:
            out.value = weight * (1 + 0.03 * n(7));
            break;
        case 6:
            out.value = height * (1 + 0.005 * n(8));
            break;
        default: {
            const double w = weight * (1 + 0.03 * n(7));
            const double h = height * (1 + 0.005 * n(8)) / 100.0;
            out.value = w / (h * h);
        }
        }
        return out;
    }
    struct Base {
        double sys, dia, hr, hrVar, weight, weightTrend, height;
    };
    static const Base kBase[3] = {
        {118, 76, 68, 6, 64, 1.5, 168},
        {134, 74, 72, 8, 74, -4.5, 160},
        {129, 72, 78, 15, 79, -6.0, 175},
    };
    const Base& b = kBase[p];
    const double weight = b.weight + b.weightTrend * f + 1.2 * n(7);
    switch (v) {
    case 0:
        out.systolic = b.sys + (p == 1 ? 10 * f : 0) + 9 * n(1);
        out.diastolic = b.dia + 5 * n(2);
        break;
    case 1:
        out.value = b.hr + b.hrVar * n(3);
        break;
    case 2:
        out.value = std::round(16 + 2 * n(4));
        break;
    case 3:
        out.value = 36.8 + 0.3 * n(5);
        break;
    case 4:
        out.value = std::min(100.0, std::round((p == 0 ? 98 : 95.5) + 2 * n(6)));
        break;
    case 5:
        out.value = weight;
        break;
    case 6:
        out.value = b.height + 0.4 * n(8);
        break;
    default: {
        const double h = (b.height + 0.4 * n(8)) / 100.0;
        out.value = weight / (h * h);
    }
    }
    return out;
}

} // namespace hh::demo::detail
