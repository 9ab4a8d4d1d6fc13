#include "core/clinical/ConceptMaps.h"

#include "core/clinical/ClinicalTypes.h"
#include "core/clinical/CodeSystems.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>

#include <cmath>

namespace hh::clinical {

using namespace Qt::StringLiterals;

namespace {

struct ConditionCluster {
    const char16_t* id;
    bool generic;
    std::initializer_list<const char16_t*> snomed;
    std::initializer_list<const char16_t*> icd10Prefixes; // without dots, upper case
    std::initializer_list<const char16_t*> synonyms;      // normalized text
};

// Common chronic and recurring conditions seen in Synthea, athena and Epic problem lists.
// ICD-10-CM prefixes match by longest prefix, so complications (E11.4 diabetic neuropathy) can
// have their own cluster beside the disease (E11).
const ConditionCluster kConditionClusters[] = {
    {u"hypertension", false, {u"38341003", u"59621000", u"1201005", u"10725009"}, {u"I10"},
     {u"hypertension", u"essential hypertension", u"essential primary hypertension", u"high blood pressure",
      u"hypertensive disorder", u"benign essential hypertension"}},
    {u"diabetes-type-2", false, {u"44054006"}, {u"E11", u"E119", u"E118", u"E116"},
     {u"type 2 diabetes mellitus", u"diabetes mellitus type 2", u"type ii diabetes mellitus", u"diabetes type 2",
      u"type 2 diabetes mellitus without complications", u"type 2 diabetes"}},
    {u"diabetes-type-1", false, {u"46635009"}, {u"E10"}, {u"type 1 diabetes mellitus", u"diabetes mellitus type 1"}},
    {u"diabetes", true, {u"73211009"}, {u"E13", u"E14"}, {u"diabetes mellitus"}},
    {u"diabetic-neuropathy-type-2", false, {u"368581000119106"}, {u"E114"},
     {u"neuropathy due to type 2 diabetes mellitus"}},
    {u"diabetic-kidney-disease-type-2", false, {u"127013003", u"157141000119108"}, {u"E112"},
     {u"diabetic renal disease", u"proteinuria due to type 2 diabetes mellitus"}},
    {u"diabetic-retinopathy-type-2", false, {u"422034002"}, {u"E113"},
     {u"diabetic retinopathy associated with type ii diabetes mellitus"}},
    {u"prediabetes", false, {u"15777000", u"714628002"}, {u"R7303", u"R7309"}, {u"prediabetes"}},
    {u"hyperlipidemia", false, {u"55822004"}, {u"E785", u"E782", u"E784"},
     {u"hyperlipidemia", u"hyperlipidaemia", u"mixed hyperlipidemia"}},
    {u"hypercholesterolemia", false, {u"13644009"}, {u"E780"},
     {u"hypercholesterolemia", u"pure hypercholesterolemia"}},
    {u"hypertriglyceridemia", false, {u"302870006"}, {u"E781"}, {u"hypertriglyceridemia"}},
    {u"obesity", false, {u"414916001", u"162864005", u"408512008"}, {u"E66"},
     {u"obesity", u"body mass index 30 obesity", u"body mass index 40 severely obese"}},
    {u"asthma", false, {u"195967001", u"233678006"}, {u"J45"}, {u"asthma", u"childhood asthma"}},
    {u"copd", false, {u"13645005", u"185086009", u"87433001"}, {u"J44", u"J43"},
     {u"chronic obstructive lung disease", u"chronic obstructive pulmonary disease", u"copd",
      u"pulmonary emphysema", u"chronic obstructive bronchitis"}},
    {u"coronary-heart-disease", false, {u"53741008", u"414545008"}, {u"I25", u"I251"},
     {u"coronary heart disease", u"coronary artery disease", u"ischemic heart disease"}},
    {u"history-of-myocardial-infarction", false, {u"399211009"}, {u"I252"},
     {u"history of myocardial infarction", u"old myocardial infarction"}},
    {u"myocardial-infarction", false, {u"22298006"}, {u"I21"}, {u"myocardial infarction"}},
    {u"atrial-fibrillation", false, {u"49436004"}, {u"I48"}, {u"atrial fibrillation"}},
    {u"heart-failure", false, {u"84114007", u"88805009", u"42343007"}, {u"I50"},
     {u"heart failure", u"chronic congestive heart failure", u"congestive heart failure"}},
    {u"chronic-kidney-disease", true, {u"709044004"}, {u"N18", u"N189"}, {u"chronic kidney disease"}},
    {u"ckd-stage-1", false, {u"431855005"}, {u"N181"}, {u"chronic kidney disease stage 1"}},
    {u"ckd-stage-2", false, {u"431856006"}, {u"N182"}, {u"chronic kidney disease stage 2"}},
    {u"ckd-stage-3", false, {u"433144002"}, {u"N183"}, {u"chronic kidney disease stage 3"}},
    {u"ckd-stage-4", false, {u"431857002"}, {u"N184"}, {u"chronic kidney disease stage 4"}},
    {u"end-stage-renal-disease", false, {u"46177005"}, {u"N186"}, {u"end stage renal disease"}},
    {u"anemia", false, {u"271737000"}, {u"D649"}, {u"anemia", u"anaemia"}},
    {u"hypothyroidism", false, {u"40930008"}, {u"E039", u"E038"}, {u"hypothyroidism"}},
    {u"hyperthyroidism", false, {u"34486009"}, {u"E05"}, {u"hyperthyroidism"}},
    {u"osteoporosis", false, {u"64859006"}, {u"M81"}, {u"osteoporosis"}},
    {u"osteoarthritis", false, {u"396275006"}, {u"M199", u"M15"}, {u"osteoarthritis"}},
    {u"osteoarthritis-knee", false, {u"239873007"}, {u"M17"}, {u"osteoarthritis of knee"}},
    {u"osteoarthritis-hip", false, {u"239872002"}, {u"M16"}, {u"osteoarthritis of hip"}},
    {u"rheumatoid-arthritis", false, {u"69896004"}, {u"M05", u"M06"}, {u"rheumatoid arthritis"}},
    {u"alzheimers-disease", false, {u"26929004"}, {u"G30"}, {u"alzheimers disease", u"alzheimer disease"}},
    {u"dementia", true, {u"52448006"}, {u"F03"}, {u"dementia"}},
    {u"depression", false, {u"35489007", u"370143000"}, {u"F32", u"F33"},
     {u"depression", u"depressive disorder", u"major depressive disorder", u"major depression"}},
    {u"anxiety", false, {u"197480006", u"48694002"}, {u"F41"}, {u"anxiety", u"anxiety disorder"}},
    {u"gerd", false, {u"235595009"}, {u"K21"},
     {u"gastroesophageal reflux disease", u"gerd", u"gastro esophageal reflux disease"}},
    {u"migraine", false, {u"37796009"}, {u"G43"}, {u"migraine"}},
    {u"epilepsy", false, {u"84757009"}, {u"G40"}, {u"epilepsy", u"seizure disorder"}},
    {u"stroke", false, {u"230690007"}, {u"I63", u"I64"}, {u"stroke", u"cerebrovascular accident"}},
    {u"chronic-sinusitis", false, {u"40055000"}, {u"J32"}, {u"chronic sinusitis"}},
    {u"allergic-rhinitis", false, {u"61582004", u"367498001"}, {u"J30"},
     {u"allergic rhinitis", u"seasonal allergic rhinitis", u"perennial allergic rhinitis"}},
    {u"sleep-apnea", false, {u"73430006", u"78275009"}, {u"G4733"}, {u"sleep apnea", u"obstructive sleep apnea"}},
    {u"chronic-pain", false, {u"82423001"}, {u"G8929", u"G894"}, {u"chronic pain"}},
    {u"hiv", false, {u"86406008"}, {u"B20"}, {u"human immunodeficiency virus infection", u"hiv infection"}},
    {u"chronic-hepatitis-c", false, {u"128302006"}, {u"B182"}, {u"chronic hepatitis c"}},
    {u"gout", false, {u"90560007"}, {u"M10"}, {u"gout"}},
    {u"bph", false, {u"266569009"}, {u"N40"}, {u"benign prostatic hyperplasia"}},
    {u"atopic-dermatitis", false, {u"24079001"}, {u"L20"}, {u"atopic dermatitis", u"eczema"}},
    {u"metabolic-syndrome", false, {u"237602007"}, {u"E8881"}, {u"metabolic syndrome"}},
};

struct ClusterIndex {
    QHash<QString, int> bySnomed;
    QHash<QString, int> byIcdPrefix;
    QHash<QString, int> bySynonym;
};

const ClusterIndex& clusterIndex()
{
    static const ClusterIndex index = [] {
        ClusterIndex ix;
        int i = 0;
        for (const ConditionCluster& c : kConditionClusters) {
            for (const char16_t* s : c.snomed)
                ix.bySnomed.insert(QString::fromUtf16(s), i);
            for (const char16_t* s : c.icd10Prefixes)
                ix.byIcdPrefix.insert(QString::fromUtf16(s), i);
            for (const char16_t* s : c.synonyms)
                ix.bySynonym.insert(QString::fromUtf16(s), i);
            ++i;
        }
        return ix;
    }();
    return index;
}

int icdCluster(const QString& code)
{
    QString key;
    key.reserve(code.size());
    for (QChar c : code)
        if (c.isLetterOrNumber())
            key.append(c.toUpper());
    const auto& ix = clusterIndex().byIcdPrefix;
    for (qsizetype len = key.size(); len >= 3; --len) {
        const auto it = ix.constFind(key.left(len));
        if (it != ix.cend())
            return *it;
    }
    return -1;
}

struct VaccineFamily {
    const char16_t* family;
    const char* label;
    std::initializer_list<int> cvx;
};

const VaccineFamily kVaccineFamilies[] = {
    {u"influenza", QT_TRANSLATE_NOOP("hh::clinical::Vaccines", "Influenza (flu)"),
     {15, 16, 88, 111, 135, 140, 141, 144, 149, 150, 151, 153, 155, 158, 161, 166, 168, 171, 185, 186, 194, 197,
      200, 201, 202, 205, 231}},
    {u"td", QT_TRANSLATE_NOOP("hh::clinical::Vaccines", "Tetanus and diphtheria (Td/Tdap)"),
     {9, 113, 115, 138, 139, 196}},
    {u"dtap", QT_TRANSLATE_NOOP("hh::clinical::Vaccines", "DTaP"), {1, 20, 22, 50, 102, 106, 107, 110, 120, 130, 146}},
    {u"hepb", QT_TRANSLATE_NOOP("hh::clinical::Vaccines", "Hepatitis B"), {8, 42, 43, 44, 45, 51, 102, 104, 110, 146, 189}},
    {u"hib", QT_TRANSLATE_NOOP("hh::clinical::Vaccines", "Hib"), {17, 46, 47, 48, 49, 50, 51, 102, 120, 146, 148}},
    {u"pcv", QT_TRANSLATE_NOOP("hh::clinical::Vaccines", "Pneumococcal conjugate"), {100, 133, 152, 215, 216}},
    {u"ppsv", QT_TRANSLATE_NOOP("hh::clinical::Vaccines", "Pneumococcal polysaccharide"), {33, 109}},
    {u"ipv", QT_TRANSLATE_NOOP("hh::clinical::Vaccines", "Polio"), {2, 10, 89, 110, 120, 130, 146}},
    {u"mmr", QT_TRANSLATE_NOOP("hh::clinical::Vaccines", "Measles, mumps, rubella"), {3, 94}},
    {u"varicella", QT_TRANSLATE_NOOP("hh::clinical::Vaccines", "Varicella (chickenpox)"), {21, 94}},
    {u"hepa", QT_TRANSLATE_NOOP("hh::clinical::Vaccines", "Hepatitis A"), {31, 52, 83, 84, 85, 104}},
    {u"rotavirus", QT_TRANSLATE_NOOP("hh::clinical::Vaccines", "Rotavirus"), {74, 116, 119, 122}},
    {u"hpv", QT_TRANSLATE_NOOP("hh::clinical::Vaccines", "HPV"), {62, 118, 137, 165}},
    {u"meningococcal", QT_TRANSLATE_NOOP("hh::clinical::Vaccines", "Meningococcal ACWY"), {32, 103, 108, 114, 136, 147, 148, 203}},
    {u"menb", QT_TRANSLATE_NOOP("hh::clinical::Vaccines", "Meningococcal B"), {162, 163, 164}},
    {u"zoster", QT_TRANSLATE_NOOP("hh::clinical::Vaccines", "Shingles (zoster)"), {121, 187, 188}},
    {u"covid-19", QT_TRANSLATE_NOOP("hh::clinical::Vaccines", "COVID-19"),
     {207, 208, 210, 211, 212, 213, 217, 218, 219, 221, 225, 226, 227, 228, 229, 230, 300, 301, 302, 309, 310, 311,
      312, 313}},
};

const QHash<int, QStringList>& vaccineIndex()
{
    static const QHash<int, QStringList> ix = [] {
        QHash<int, QStringList> m;
        for (const VaccineFamily& f : kVaccineFamilies)
            for (int c : f.cvx)
                m[c].append(QString::fromUtf16(f.family));
        return m;
    }();
    return ix;
}

const QSet<QString>& saltWords()
{
    static const QSet<QString> s = {
        u"hydrochloride"_s, u"hcl"_s, u"besylate"_s, u"maleate"_s, u"mesylate"_s, u"succinate"_s, u"tartrate"_s,
        u"sulfate"_s, u"citrate"_s, u"fumarate"_s, u"bromide"_s, u"potassium"_s, u"sodium"_s, u"calcium"_s,
        u"monohydrate"_s, u"dihydrate"_s, u"anhydrous"_s, u"hyclate"_s, u"disodium"_s, u"dihydrochloride"_s,
    };
    return s;
}

// Formulation marks written after a drug's name: release and coating ("metoprolol succinate XL",
// "metFORMIN XR", "diltiazem CD") and an inhaler's propellant ("albuterol HFA"). They are not the
// ingredient; RxNorm names spell the formulation as a dose form ("Extended Release Oral Tablet",
// "Metered Dose Inhaler") after the strength, which parseDrugName() never reads.
const QSet<QString>& formulationWords()
{
    static const QSet<QString> s = {
        u"xl"_s, u"xr"_s, u"er"_s, u"sr"_s, u"cr"_s, u"la"_s, u"dr"_s, u"ec"_s, u"cd"_s, u"xt"_s, u"hfa"_s,
    };
    return s;
}

// Units that follow a strength number in a drug name.
bool isStrengthUnit(QStringView u)
{
    static const QSet<QString> units = {
        u"mg"_s, u"mcg"_s, u"g"_s, u"ug"_s, u"unt"_s, u"units"_s, u"unit"_s, u"meq"_s, u"%"_s, u"mg/ml"_s,
        u"unt/ml"_s, u"mg/actuat"_s, u"mcg/actuat"_s, u"mg/hr"_s, u"mcg/hr"_s, u"mg/g"_s, u"meq/ml"_s, u"mcg/ml"_s,
        u"iu"_s, u"mg/5ml"_s, u"ml"_s, u"mmol"_s, u"[iu]"_s, u"unt/g"_s, u"mg/day"_s, u"mg/24hr"_s,
        u"mcg/actuation"_s, u"mg/actuation"_s,
    };
    return units.contains(u.toString().toLower());
}

// A leading quantity in front of the ingredient: "10 ML", "24 HR", "120 ACTUAT", "NDA020503".
bool isQuantityUnit(QStringView u)
{
    const QString l = u.toString().toLower();
    return l == u"ml" || l == u"hr" || l == u"actuat" || l == u"day" || l == u"mg" || l == u"g";
}

bool isNumber(QStringView t, double* out)
{
    if (t.isEmpty() || t.size() > 24)
        return false;
    bool ok = false;
    const double v = t.toString().toDouble(&ok);
    if (!ok || !std::isfinite(v))
        return false;
    if (out)
        *out = v;
    return true;
}

bool hasLetter(QStringView t)
{
    for (QChar c : t)
        if (c.isLetter())
            return true;
    return false;
}

} // namespace

QString ConceptMaps::normalizeText(QStringView text)
{
    QString out;
    out.reserve(text.size());
    bool space = false;
    int depth = 0;
    for (QChar c : text) {
        if (c == u'(' || c == u'[') {
            ++depth;
            space = true;
            continue;
        }
        if (c == u')' || c == u']') {
            if (depth > 0)
                --depth;
            space = true;
            continue;
        }
        if (depth > 0)
            continue; // "(disorder)", "[Humulin]"
        if (c.isLetterOrNumber()) {
            if (space && !out.isEmpty())
                out.append(u' ');
            space = false;
            out.append(c.toLower());
        } else if (c != u'\'') {
            space = true;
        }
    }
    return out;
}

QString ConceptMaps::conditionCluster(const QList<Coding>& codings, QStringView text, const Coding* canonical)
{
    const ClusterIndex& ix = clusterIndex();
    int bestSpecific = -1;
    int bestGeneric = -1;
    bool canonicalHit = false;
    auto consider = [&](int cluster, bool fromCanonical) {
        if (cluster < 0)
            return;
        if (kConditionClusters[cluster].generic) {
            if (bestGeneric < 0)
                bestGeneric = cluster;
            return;
        }
        if (bestSpecific < 0 || (fromCanonical && !canonicalHit)) {
            bestSpecific = cluster;
            canonicalHit = fromCanonical;
        }
    };
    for (const Coding& c : codings) {
        const bool isCanonical = canonical && c.system == canonical->system && c.code == canonical->code;
        if (c.system == CodeSystems::snomed())
            consider(ix.bySnomed.value(c.code, -1), isCanonical);
        else if (c.system == CodeSystems::icd10cm())
            consider(icdCluster(c.code), isCanonical);
    }
    if (bestSpecific < 0 && !text.isEmpty())
        consider(ix.bySynonym.value(normalizeText(text), -1), false);
    const int chosen = bestSpecific >= 0 ? bestSpecific : bestGeneric;
    return chosen >= 0 ? QString::fromUtf16(kConditionClusters[chosen].id) : QString();
}

QStringList ConceptMaps::vaccineFamilies(QStringView cvx)
{
    bool ok = false;
    const int code = cvx.trimmed().toInt(&ok);
    if (!ok)
        return {};
    return vaccineIndex().value(code);
}

QString ConceptMaps::vaccineFamilyLabel(const QString& family)
{
    for (const VaccineFamily& f : kVaccineFamilies)
        if (family == QStringView(f.family))
            return QCoreApplication::translate("hh::clinical::Vaccines", f.label);
    return family;
}

bool ConceptMaps::isGenericLoinc(QStringView loinc)
{
    return loinc == u"8716-3" || loinc == u"85353-1" || loinc == u"29274-8" || loinc == u"34565-2"
           || loinc == u"74728-7";
}

bool ConceptMaps::isNoKnownAllergy(QStringView snomed)
{
    return snomed == u"716186003" || snomed == u"409137002" || snomed == u"428607008" || snomed == u"429625007"
           || snomed == u"1631000175102" || snomed == u"428197003";
}

QString ConceptMaps::normalizeIngredient(QStringView name)
{
    const QString n = normalizeText(name);
    const QStringList words = n.split(u' ', Qt::SkipEmptyParts);
    QStringList kept;
    kept.reserve(words.size());
    for (const QString& w : words)
        if (!saltWords().contains(w) && !formulationWords().contains(w))
            kept.append(w);
    if (kept.isEmpty())
        return n;
    return kept.join(u' ');
}

QString ConceptMaps::normalizeStrength(double value, QStringView unit)
{
    // Masses in milligrams, so that "125 mcg" and "0.125 MG" are one strength (also per volume, per dose ...).
    QString u = unit.toString().toLower();
    if (u.endsWith(u"/actuation"))
        u.chop(3); // Epic's "mcg/actuation" is RxNorm's "MCG/ACTUAT"
    const qsizetype slash = u.indexOf(u'/');
    const QString mass = slash < 0 ? u : u.left(slash);
    const QString per = slash < 0 ? QString() : u.mid(slash);
    if (mass == u"mcg" || mass == u"ug" || mass == u"µg") {
        value /= 1000.0;
        u = u"mg"_s + per;
    } else if (mass == u"g") {
        value *= 1000.0;
        u = u"mg"_s + per;
    }
    return QString::number(value, 'g', 10) + u' ' + u;
}

ConceptMaps::DrugName ConceptMaps::parseDrugName(QStringView text)
{
    DrugName out;
    if (text.isEmpty() || text.size() > 400)
        return out;
    // Brand names in brackets and Epic's "(GLUCOPHAGE)" are not ingredients.
    QString cleaned;
    cleaned.reserve(text.size());
    int depth = 0;
    for (QChar c : text) {
        if (c == u'[' || c == u'(') {
            ++depth;
            continue;
        }
        if (c == u']' || c == u')') {
            if (depth > 0)
                --depth;
            continue;
        }
        if (depth == 0)
            cleaned.append(c);
    }
    const QStringList parts = cleaned.split(u" / "_s, Qt::SkipEmptyParts);
    for (const QString& part : parts) {
        const QStringList tokens = part.split(u' ', Qt::SkipEmptyParts);
        QStringList name;
        QString strength;
        for (qsizetype i = 0; i < tokens.size(); ++i) {
            double value = 0;
            if (i + 1 < tokens.size() && isNumber(tokens[i], &value)) {
                const QString& unit = tokens[i + 1];
                if (name.isEmpty()) {
                    if (isQuantityUnit(unit) || isStrengthUnit(unit)) {
                        ++i; // leading quantity: "10 ML", "24 HR"
                        continue;
                    }
                } else if (isStrengthUnit(unit)) {
                    strength = normalizeStrength(value, unit);
                    break;
                }
            }
            if (name.isEmpty() && tokens[i].startsWith(u"NDA") && tokens[i].size() > 3 && tokens[i][3].isDigit())
                continue;
            if (!hasLetter(tokens[i])) {
                if (!name.isEmpty())
                    break;
                continue;
            }
            name.append(tokens[i]);
        }
        if (name.isEmpty())
            continue;
        const QString ingredient = normalizeIngredient(name.join(u' '));
        if (ingredient.isEmpty())
            continue;
        out.ingredients.append(ingredient);
        out.strengths.append(strength);
    }
    return out;
}

} // namespace hh::clinical
