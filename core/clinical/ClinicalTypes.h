#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace hh::clinical {
class JsonWriter;
}

// Small value types shared by the normalizer, the de-duplicator and the summary builder. They are
// plain data (copyable, no QObject) so records can cross threads in queued signals and QFutures.
// Kept in one header because each is a handful of fields that only make sense together.

namespace hh::clinical {

// One FHIR Coding with its system made canonical (see CodeSystems.h). `aliased` is true when the
// system was rewritten from an alias (urn:oid:..., https, trailing slash), which ranks it below a
// coding that used the canonical URI to begin with.
struct Coding {
    QString system;
    QString code;
    QString display;
    bool userSelected = false;
    bool aliased = false;

    [[nodiscard]] bool isEmpty() const { return code.isEmpty(); }
    void write(JsonWriter& w) const;
    [[nodiscard]] QJsonObject toJson() const;
    static Coding fromJson(const QJsonObject& o);
    friend bool operator==(const Coding& a, const Coding& b)
    {
        return a.system == b.system && a.code == b.code;
    }
};

// A value as received and as converted to the canonical unit of its quantity kind (Units.h).
// When no conversion applies, value == originalValue and unit == originalUnit.
struct Measurement {
    std::optional<double> value;          // canonical
    QString unit;                         // canonical UCUM code when known, else the unit as received
    std::optional<double> originalValue;  // as received
    QString originalUnit;                 // as received (unit text, else code)
    QString originalUnitCode;             // Quantity.code as received
    bool converted = false;               // value/unit were changed by a conversion
    bool ucum = false;                    // `unit` is a UCUM code
    QString comparator;                   // <, <=, >=, >
    QString text;                         // string / boolean / coded value as text, or "120/80"
    Coding coded;                         // valueCodeableConcept's canonical coding
    std::optional<double> rangeLow;       // reference range in the canonical unit
    std::optional<double> rangeHigh;
    QString rangeText;
    QString abnormal;                     // H, L, HH, LL, A, AA, N ... (empty: unknown)
    QString abnormalSource;               // "interpretation" or "range"

    [[nodiscard]] bool hasValue() const { return value.has_value() || !text.isEmpty() || !coded.isEmpty(); }
    void write(JsonWriter& w) const;
    [[nodiscard]] QJsonObject toJson() const;
    static Measurement fromJson(const QJsonObject& o);
};

// Observation.component (blood pressure systolic/diastolic and the like).
struct Component {
    QString system;   // canonical system of the component code
    QString code;
    QString display;
    Measurement value;

    void write(JsonWriter& w) const;
    [[nodiscard]] QJsonObject toJson() const;
    static Component fromJson(const QJsonObject& o);
};

// What we know about a drug, through medicationCodeableConcept, a contained or referenced
// Medication, or Medication.ingredient.
struct MedicationInfo {
    QString rxnorm;              // best RxNorm code (clinical drug preferred over ingredient)
    QStringList ingredientCodes; // RxNorm ingredient codes from Medication.ingredient
    QStringList ingredients;     // normalized ingredient names (lower case, salts removed), sorted
    QString strength;            // normalized strength, e.g. "500 mg" or "5 mg/ml" ("+"-joined for combos)
    QString form;                // dose form text
    QString source;              // "inline", "contained", "reference", "unresolved"

    [[nodiscard]] bool isEmpty() const { return rxnorm.isEmpty() && ingredients.isEmpty() && form.isEmpty(); }
    void write(JsonWriter& w) const;
    [[nodiscard]] QJsonObject toJson() const;
    static MedicationInfo fromJson(const QJsonObject& o);
};

// Where a clean record's data came from: one raw row of one connection.
struct SourceRef {
    QString provider;     // vendor: epic, athena, other
    QString endpoint;     // emr_endpoints.id
    QString connectionId; // profile_emr_connections.id (may be empty in tests)
    QString rawId;        // profile_fhir_resources_raw.id
    QString resourceId;   // FHIR id on the server

    [[nodiscard]] QString sourceKey() const { return provider + u'\x1f' + endpoint + u'\x1f' + connectionId; }
    void write(JsonWriter& w) const;
    [[nodiscard]] QJsonObject toJson() const;
    static SourceRef fromJson(const QJsonObject& o);
};

// Precision of a FHIR date/dateTime as written.
enum class TimePrecision { None, Year, Month, Day, Time };

// A status that says the fact is current: a condition's active / recurrence / relapse, a medication's
// active / on-hold / intended (each status code means the same in both resources' value sets).
[[nodiscard]] inline bool isCurrentStatus(QStringView status)
{
    return status == u"active" || status == u"recurrence" || status == u"relapse" || status == u"on-hold"
        || status == u"intended";
}

} // namespace hh::clinical
