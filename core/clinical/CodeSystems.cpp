#include "core/clinical/CodeSystems.h"

#include <QHash>

namespace hh::clinical {

namespace {

struct Alias {
    const char16_t* from; // already in lookup form: lower case, http, no trailing slash
    QString (*to)();
};

// Lower-cased, trimmed, https -> http, without trailing slashes.
QString lookupForm(const QString& system)
{
    QString key = system.trimmed().toLower();
    if (key.startsWith(u"https://"))
        key.remove(4, 1);
    while (key.endsWith(u'/'))
        key.chop(1);
    return key;
}

const QHash<QString, QString>& aliasTable()
{
    static const QHash<QString, QString> table = [] {
        const Alias aliases[] = {
            {u"http://snomed.info/sct", &CodeSystems::snomed},
            {u"http://snomed.info/id", &CodeSystems::snomed},
            {u"urn:oid:2.16.840.1.113883.6.96", &CodeSystems::snomed},
            {u"http://loinc.org", &CodeSystems::loinc},
            {u"urn:oid:2.16.840.1.113883.6.1", &CodeSystems::loinc},
            {u"urn:oid:1.2.246.537.6.96", &CodeSystems::loinc},
            {u"http://hl7.org/fhir/valueset-doc-section-codes.html", &CodeSystems::loinc},
            {u"http://hl7.org/fhir/valueset-doc-section-codes", &CodeSystems::loinc},
            {u"http://www.nlm.nih.gov/research/umls/rxnorm", &CodeSystems::rxnorm},
            {u"urn:oid:2.16.840.1.113883.6.88", &CodeSystems::rxnorm},
            {u"http://hl7.org/fhir/sid/cvx", &CodeSystems::cvx},
            {u"urn:oid:2.16.840.1.113883.12.292", &CodeSystems::cvx},
            {u"http://hl7.org/fhir/sid/mvx", &CodeSystems::mvx},
            {u"urn:oid:2.16.840.1.113883.12.227", &CodeSystems::mvx},
            {u"http://hl7.org/fhir/sid/icd-10-cm", &CodeSystems::icd10cm},
            {u"urn:oid:2.16.840.1.113883.6.90", &CodeSystems::icd10cm},
            {u"http://hl7.org/fhir/sid/icd-9-cm", &CodeSystems::icd9cm},
            {u"urn:oid:2.16.840.1.113883.6.103", &CodeSystems::icd9cm},
            {u"urn:oid:2.16.840.1.113883.6.2", &CodeSystems::icd9cm},
            {u"http://www.ama-assn.org/go/cpt", &CodeSystems::cpt},
            {u"urn:oid:2.16.840.1.113883.6.12", &CodeSystems::cpt},
            {u"http://www.cms.gov/medicare/coding/hcpcsreleasecodesets", &CodeSystems::hcpcs},
            {u"urn:oid:2.16.840.1.113883.6.285", &CodeSystems::hcpcs},
            {u"urn:oid:2.16.840.1.113883.6.14", &CodeSystems::hcpcs},
            {u"http://www.cms.gov/medicare/coding/icd10", &CodeSystems::icd10pcs},
            {u"urn:oid:2.16.840.1.113883.6.4", &CodeSystems::icd10pcs},
            {u"http://www.ada.org/cdt", &CodeSystems::cdt},
            {u"urn:oid:2.16.840.1.113883.6.13", &CodeSystems::cdt},
            {u"http://hl7.org/fhir/sid/ndc", &CodeSystems::ndc},
            {u"urn:oid:2.16.840.1.113883.6.69", &CodeSystems::ndc},
            {u"http://unitsofmeasure.org", &CodeSystems::ucum},
            {u"urn:oid:2.16.840.1.113883.6.8", &CodeSystems::ucum},
            {u"http://hl7.org/fhir/sid/us-npi", &CodeSystems::npi},
            {u"urn:oid:2.16.840.1.113883.4.6", &CodeSystems::npi},
            {u"http://terminology.hl7.org/codesystem/v3-actcode", &CodeSystems::actCode},
            {u"http://hl7.org/fhir/v3/actcode", &CodeSystems::actCode},
            {u"urn:oid:2.16.840.1.113883.5.4", &CodeSystems::actCode},
            {u"http://nucc.org/provider-taxonomy", &CodeSystems::nucc},
            {u"urn:oid:2.16.840.1.113883.6.101", &CodeSystems::nucc},
        };
        QHash<QString, QString> t;
        for (const Alias& a : aliases)
            t.insert(QString::fromUtf16(a.from), a.to());
        return t;
    }();
    return table;
}

// Exact canonical URIs, for the fast path (no allocation when the sender already uses them).
const QHash<QString, bool>& canonicalSet()
{
    static const QHash<QString, bool> set = [] {
        QHash<QString, bool> s;
        for (const QString& v : aliasTable())
            s.insert(v, true);
        return s;
    }();
    return set;
}

enum class Kind { Condition, Allergy, Medication, Immunization, Observation, Procedure, Encounter, Goal,
                  CareTeam, Document, CarePlan, Device, Coverage, Party, Other };

Kind kindOf(QStringView type)
{
    if (type == u"Condition")
        return Kind::Condition;
    if (type == u"Observation" || type == u"DiagnosticReport")
        return Kind::Observation;
    if (type == u"MedicationRequest" || type == u"Medication" || type == u"MedicationStatement"
        || type == u"MedicationAdministration" || type == u"MedicationDispense")
        return Kind::Medication;
    if (type == u"Immunization")
        return Kind::Immunization;
    if (type == u"AllergyIntolerance")
        return Kind::Allergy;
    if (type == u"Procedure")
        return Kind::Procedure;
    if (type == u"Encounter")
        return Kind::Encounter;
    if (type == u"Goal")
        return Kind::Goal;
    if (type == u"CareTeam")
        return Kind::CareTeam;
    if (type == u"DocumentReference")
        return Kind::Document;
    if (type == u"CarePlan")
        return Kind::CarePlan;
    if (type == u"Device")
        return Kind::Device;
    if (type == u"Coverage")
        return Kind::Coverage;
    if (type == u"Practitioner" || type == u"Organization" || type == u"PractitionerRole")
        return Kind::Party;
    return Kind::Other;
}

} // namespace

QString CodeSystems::canonicalUri(const QString& system, bool* aliased)
{
    if (aliased)
        *aliased = false;
    if (system.isEmpty())
        return {};
    if (canonicalSet().contains(system))
        return system;
    const QString key = lookupForm(system);
    const auto it = aliasTable().constFind(key);
    if (it != aliasTable().cend()) {
        if (aliased)
            *aliased = true;
        return it.value();
    }
    return system.trimmed();
}

int CodeSystems::rank(QStringView resourceType, QStringView s)
{
    switch (kindOf(resourceType)) {
    case Kind::Condition:
        if (s == snomed()) return 0;
        if (s == icd10cm()) return 1;
        if (s == icd9cm()) return 2;
        break;
    case Kind::Allergy:
        if (s == rxnorm()) return 0;
        if (s == snomed()) return 1;
        break;
    case Kind::Medication:
        if (s == rxnorm()) return 0;
        if (s == ndc()) return 1;
        break;
    case Kind::Immunization:
        if (s == cvx()) return 0;
        if (s == ndc()) return 1;
        if (s == snomed()) return 2;
        break;
    case Kind::Observation:
    case Kind::Document:
        if (s == loinc()) return 0;
        if (s == snomed()) return 1;
        break;
    case Kind::Procedure:
        if (s == snomed()) return 0;
        if (s == cpt()) return 1;
        if (s == hcpcs()) return 2;
        if (s == icd10pcs()) return 3;
        if (s == cdt()) return 4;
        break;
    case Kind::Encounter:
        if (s == cpt()) return 0;
        if (s == snomed()) return 1;
        if (s == actCode()) return 2;
        break;
    case Kind::Goal:
    case Kind::CarePlan:
    case Kind::Device:
        if (s == snomed()) return 0;
        if (s == loinc()) return 1;
        break;
    case Kind::CareTeam:
        if (s == snomed()) return 0;
        if (s == nucc()) return 1;
        if (s == loinc()) return 2;
        break;
    case Kind::Coverage:
        if (s == actCode()) return 0;
        break;
    case Kind::Party:
        if (s == npi()) return 0;
        if (s == nucc()) return 1;
        break;
    case Kind::Other:
        break;
    }
    return kNotPreferred;
}

bool CodeSystems::isLocalSystem(QStringView s)
{
    return s.startsWith(u"urn:oid:1.2.840.114350") || s.contains(u"fhir.athena.io") || s.contains(u"open.epic.com")
           || s.contains(u"epic.com/");
}

qsizetype CodeSystems::chooseCanonical(const QList<Coding>& codings, QStringView resourceType)
{
    qsizetype best = -1;
    int bestRank = kNotPreferred + 2;
    int bestTier = 3; // 0 userSelected, 1 canonical URI as sent, 2 aliased
    for (qsizetype i = 0; i < codings.size(); ++i) {
        const Coding& c = codings[i];
        if (c.code.isEmpty())
            continue;
        int r = rank(resourceType, c.system);
        if (r == kNotPreferred && (c.system.isEmpty() || isLocalSystem(c.system)))
            r = kNotPreferred + 1;
        const int tier = c.userSelected ? 0 : (c.aliased ? 2 : 1);
        // Equal in every other way: the smaller code, so that the order the sender listed them in does not
        // matter (Epic sends pulse oximetry as [59408-5, 2708-6], athenahealth as [2708-6, 59408-5]).
        if (r < bestRank || (r == bestRank && tier < bestTier)
            || (r == bestRank && tier == bestTier && c.code < codings[best].code)) {
            best = i;
            bestRank = r;
            bestTier = tier;
        }
    }
    return best;
}

QString CodeSystems::shortName(QStringView s)
{
    if (s == snomed()) return QStringLiteral("SNOMED CT");
    if (s == loinc()) return QStringLiteral("LOINC");
    if (s == rxnorm()) return QStringLiteral("RxNorm");
    if (s == cvx()) return QStringLiteral("CVX");
    if (s == icd10cm()) return QStringLiteral("ICD-10-CM");
    if (s == icd9cm()) return QStringLiteral("ICD-9-CM");
    if (s == cpt()) return QStringLiteral("CPT");
    if (s == ndc()) return QStringLiteral("NDC");
    if (s == hcpcs()) return QStringLiteral("HCPCS");
    return s.toString();
}

} // namespace hh::clinical
