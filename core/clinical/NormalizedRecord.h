#pragma once

#include "core/clinical/ClinicalTypes.h"

#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

namespace hh::clinical {

// Bumped whenever normalize() would produce different output for the same input; rows with an
// older normalizer_version are re-normalized from their raw row.
// 3: formulation marks (XL, HFA ...) leave drug names; strengths in mg. 4: (merge) a condition's status comes from
// a source that states a clinical status; re-normalizing queues every group, so stored clean rows are merged
// again. 5: an observation with no result but a dataAbsentReason is hidden. 6: converted values keep the measured
// precision (Units::convert). 7: the canonical code does not depend on the order of the codings. 8: hemoglobin
// and albumin in g/L (hemoglobin also mmol/L) are converted to g/dL. 9: (merge) health systems that disagree on
// whether a condition or medication is current make a status conflict; same-day ties go to the current status.
// 10: (merge) a condition's problem-list entry with a clinical status is the primary source. 11: (merge) Patients
// from health systems that give another date of birth or sex make a conflict (and the summary a patient_mismatch
// alert).
inline constexpr int kNormalizerVersion = 11;

// One raw FHIR resource made comparable: canonical code, clinical dates, values in canonical units.
// Maps onto profile_fhir_resources_normalized:
//   resource_type  <- resourceType          status          <- status
//   canonical_system <- canonicalSystem     canonical_code  <- canonicalCode
//   display        <- display               effective_at    <- effectiveAt
//   effective_end  <- effectiveEnd          value_num       <- valueNum()
//   value_unit     <- valueUnit()           value_text      <- valueText()
//   abnormal       <- abnormal()            normalized_json <- toJsonBytes()
//   error          <- error                 normalizer_version <- normalizerVersion
// (id, profile_id, raw_id, raw_hash and updated_at are the storage layer's.)
struct NormalizedRecord {
    // Provenance, copied from NormalizeContext.
    QString rawId;
    QString provider;
    QString endpointId;
    QString connectionId;

    QString resourceType;
    QString resourceId;

    // Status: Condition/AllergyIntolerance use clinicalStatus (verificationStatus kept apart),
    // Goal lifecycleStatus, everything else `status`.
    QString status;
    QString clinicalStatus;
    QString verificationStatus;
    bool hidden = false; // entered-in-error: keep, never show, never de-duplicate

    QString canonicalSystem;
    QString canonicalCode;
    QString display;
    QList<Coding> codings;   // every coding of the main code element, systems canonical
    QStringList categories;  // category codes (observation-category, condition-category ...)

    // Clinical time: onset / effective / authoredOn / occurrence / performed / period.start / date.
    QString effectiveAt;     // UTC "yyyy-MM-ddTHH:mm:ss.zzzZ", or date-only as sent ("2020-03-26")
    QString effectiveEnd;    // abatement / period.end, same format
    QString recordedAt;      // recordedDate / issued / dateAsserted
    QString localDate;       // calendar date of effectiveAt as the sender wrote it
    TimePrecision precision = TimePrecision::None;
    qint64 effectiveMs = 0;  // derived from effectiveAt (0 when none)
    qint32 effectiveDay = 0; // derived from localDate (days since epoch)

    Measurement value;            // Observation value (+ range, interpretation)
    QList<Component> components;  // Observation.component (blood pressure ...)
    MedicationInfo medication;    // Medication*, through the referenced/contained Medication
    QJsonObject details;          // type-specific extras (patient demographics, encounter class ...)
    QStringList warnings;         // what was odd but tolerated (no PHI: element names only)

    QString error;                // set when the resource could not be normalized
    int normalizerVersion = kNormalizerVersion;

    [[nodiscard]] bool ok() const { return error.isEmpty(); }
    [[nodiscard]] bool hasEffective() const { return precision != TimePrecision::None; }

    // Column helpers.
    [[nodiscard]] std::optional<double> valueNum() const { return value.value; }
    [[nodiscard]] QString valueUnit() const { return value.unit; }
    [[nodiscard]] QString valueText() const;
    [[nodiscard]] QString abnormal() const { return value.abnormal; }

    [[nodiscard]] SourceRef source() const;
    // normalized_json: compact UTF-8 JSON, written directly (fast path for the storage layer).
    [[nodiscard]] QByteArray toJsonBytes() const;
    // The same document as a QJsonObject (tests, tools).
    [[nodiscard]] QJsonObject toJson() const;
    // Inverse of toJson() (for records loaded back from normalized_json). Tolerates missing keys.
    static NormalizedRecord fromJson(const QJsonObject& o);
};

} // namespace hh::clinical

Q_DECLARE_METATYPE(hh::clinical::NormalizedRecord)
