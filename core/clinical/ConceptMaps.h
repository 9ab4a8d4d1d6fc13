#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

namespace hh::clinical {

struct Coding;

// Small curated knowledge the pipeline needs without a terminology server:
// - common chronic conditions as clusters of SNOMED CT codes, ICD-10-CM prefixes and text synonyms,
//   so "SNOMED 44054006 Diabetes" and "SNOMED 73211009 + ICD-10-CM E11.9" meet;
// - vaccine families by CVX (a flu shot is CVX 140 at one provider and 158 at another; combination
//   vaccines count for several families);
// - RxNorm-style drug names -> ingredients + strength ("24 HR metFORMIN hydrochloride 500 MG
//   Extended Release Oral Tablet" -> metformin, 500 mg);
// - text normalization for matching.
// All tables are built once, read-only afterwards: thread-safe.
class ConceptMaps
{
public:
    // Lower case, "(disorder)"-style semantic tags and punctuation removed, single spaces.
    static QString normalizeText(QStringView text);

    // The condition cluster id ("hypertension", "diabetes-type-2" ...) for these codings and
    // text, or empty. A specific cluster wins over a generic one ("diabetes mellitus" + E11.9 ->
    // type 2); among specific ones the cluster hit by `canonical` wins.
    static QString conditionCluster(const QList<Coding>& codings, QStringView text, const Coding* canonical);

    // Vaccine families of a CVX code ("influenza", "td", "dtap", "hepb", "mmr" ...). Leading zeros
    // ignored. Empty for unknown codes.
    static QStringList vaccineFamilies(QStringView cvx);
    // Translated label of a family for the summary ("Influenza (flu)").
    static QString vaccineFamilyLabel(const QString& family);

    // LOINC codes for the blood-pressure panel and its components.
    static bool isBloodPressurePanel(QStringView loinc) { return loinc == u"85354-9" || loinc == u"55284-4"; }
    static QString systolicCode() { return QStringLiteral("8480-6"); }
    static QString diastolicCode() { return QStringLiteral("8462-4"); }
    static QString bloodPressurePanelCode() { return QStringLiteral("85354-9"); }
    // LOINC codes that only say "this is a vital sign / panel" and must not be the canonical code
    // when a more specific LOINC code is present (8716-3 vital signs, 85353-1 vitals panel ...).
    static bool isGenericLoinc(QStringView loinc);

    // "No known allergy" / "not asked" statements, which are not allergies.
    static bool isNoKnownAllergy(QStringView snomed);

    struct DrugName {
        QStringList ingredients; // normalized, in order of appearance
        QStringList strengths;   // normalized ("500 mg", "5 mg/ml"), parallel to ingredients ("" if none)
        [[nodiscard]] bool isEmpty() const { return ingredients.isEmpty(); }
    };
    // Parses a drug description as RxNorm and EHRs write them. Ingredients without a strength are
    // returned with an empty strength; nothing is returned when no word looks like an ingredient.
    static DrugName parseDrugName(QStringView text);
    // Lower case, salts, formulation marks and parentheses removed: "metFORMIN hydrochloride" -> "metformin",
    // "metoprolol succinate XL" -> "metoprolol", "albuterol HFA" -> "albuterol".
    static QString normalizeIngredient(QStringView name);
    // "500", "MG" -> "500 mg"; "0.40" -> "0.4"; masses in milligrams: "125", "mcg" -> "0.125 mg",
    // "50", "MCG/ACTUAT" and "50", "mcg/actuation" -> "0.05 mg/actuat".
    static QString normalizeStrength(double value, QStringView unit);
};

} // namespace hh::clinical
