#pragma once

#include "core/clinical/ClinicalTypes.h"

#include <QString>
#include <QStringView>

namespace hh::clinical {

// Canonical code-system URIs and the per-resource preference order of FHIR-SMART-NOTES.md §6.
// All functions are pure, thread-safe and never throw.
class CodeSystems
{
public:
    static QString snomed() { return QStringLiteral("http://snomed.info/sct"); }
    static QString loinc() { return QStringLiteral("http://loinc.org"); }
    static QString rxnorm() { return QStringLiteral("http://www.nlm.nih.gov/research/umls/rxnorm"); }
    static QString cvx() { return QStringLiteral("http://hl7.org/fhir/sid/cvx"); }
    static QString mvx() { return QStringLiteral("http://hl7.org/fhir/sid/mvx"); }
    static QString icd10cm() { return QStringLiteral("http://hl7.org/fhir/sid/icd-10-cm"); }
    static QString icd9cm() { return QStringLiteral("http://hl7.org/fhir/sid/icd-9-cm"); }
    static QString cpt() { return QStringLiteral("http://www.ama-assn.org/go/cpt"); }
    static QString hcpcs() { return QStringLiteral("http://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets"); }
    static QString icd10pcs() { return QStringLiteral("http://www.cms.gov/Medicare/Coding/ICD10"); }
    static QString cdt() { return QStringLiteral("http://www.ada.org/cdt"); }
    static QString ndc() { return QStringLiteral("http://hl7.org/fhir/sid/ndc"); }
    static QString ucum() { return QStringLiteral("http://unitsofmeasure.org"); }
    static QString npi() { return QStringLiteral("http://hl7.org/fhir/sid/us-npi"); }
    static QString actCode() { return QStringLiteral("http://terminology.hl7.org/CodeSystem/v3-ActCode"); }
    static QString nucc() { return QStringLiteral("http://nucc.org/provider-taxonomy"); }

    // The canonical URI for a system as received: urn:oid aliases, https -> http, trailing slash,
    // case, athena's doc-section URL (LOINC), Epic's LOINC-as-OID. Unknown systems come back
    // trimmed but otherwise unchanged. *aliased is set when the URI was rewritten.
    static QString canonicalUri(const QString& system, bool* aliased = nullptr);

    // Preference rank of a (canonical) system for a resource type: 0 is best; kNotPreferred when
    // the system is not in the type's list.
    static constexpr int kNotPreferred = 1000;
    static int rank(QStringView resourceType, QStringView system);
    [[nodiscard]] static bool isPreferred(QStringView resourceType, QStringView system)
    {
        return rank(resourceType, system) < kNotPreferred;
    }

    // Index of the canonical coding among `codings` (systems already canonical): the best-ranked
    // system; inside it the userSelected coding, else the first one not rewritten from an alias,
    // else the first. With no preferred system: the first coding from a non-local system, else
    // the first. -1 for an empty list.
    static qsizetype chooseCanonical(const QList<Coding>& codings, QStringView resourceType);

    // Vendor-local systems (Epic urn:oid:1.2.840.114350..., athena's fhir.athena.io, flowsheet ids).
    static bool isLocalSystem(QStringView system);

    // Short human name ("SNOMED CT", "LOINC", ...) or the URI itself.
    static QString shortName(QStringView system);
};

} // namespace hh::clinical
