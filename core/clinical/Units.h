#pragma once

#include <QString>
#include <QStringView>

#include <optional>

namespace hh::clinical {

// UCUM unit handling (FHIR-SMART-NOTES.md §7): one canonical unit per quantity kind.
//   mass kg (g, [lb_av], [oz_av]); length cm (m, mm, [in_i], [ft_i]); temperature Cel ([degF], K);
//   lab analytes whose molar mass is known by LOINC code: glucose, creatinine, cholesterol (total,
//   HDL, LDL), triglycerides, urea nitrogen -> mg/dL; HbA1c mmol/mol (IFCC) -> % (NGSP).
// Conversion happens only when the Quantity's system is UCUM, or it has no system and its unit
// text maps unambiguously ("degrees Fahrenheit", "gram", "lbs"); a Quantity with another system
// (Epic's OID dose units) is kept exactly as received. Pure, thread-safe, never throws.
struct UnitResult {
    double value = 0;
    QString unit;           // canonical UCUM code, or the unit as received when not recognized
    bool ucum = false;      // `unit` is a UCUM code
    bool converted = false; // the value or the unit code changed kind-wise (e.g. g -> kg)
};

class Units
{
public:
    // unitText = Quantity.unit, system = Quantity.system (any form), code = Quantity.code,
    // loincCode = the observation's LOINC code (for analyte-specific lab conversions), may be empty.
    static UnitResult convert(double value, const QString& unitText, const QString& system, const QString& code,
                              QStringView loincCode = {});

    // The UCUM code a unit string maps to unambiguously, or empty (used when there is no system).
    static QString ucumFromText(QStringView text);

    // A LOINC code that is reported in molar units with the code of its mass-concentration twin
    // (e.g. 14749-6 glucose mmol/L -> 2345-7); the code itself otherwise.
    static QString massEquivalentLoinc(const QString& loincCode);
};

} // namespace hh::clinical
