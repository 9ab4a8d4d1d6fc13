#pragma once

#include "core/clinical/ClinicalTypes.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

namespace hh::clinical {

// One clinical fact across all of a profile's connections (issue 6). Maps onto
// profile_fhir_resources_clean:
//   resource_type <- resourceType     dedup_key <- dedupKey        status <- status
//   canonical_system/code <- canonicalSystem/canonicalCode         display <- display
//   effective_at <- effectiveAt       value_num <- valueNum()      value_unit <- valueUnit()
//   value_text <- valueText()         abnormal <- abnormal()       has_conflict <- hasConflict
//   sources <- sourcesJsonBytes()     clean_json <- storedJsonBytes()
// (id, profile_id and updated_at are the storage layer's.) All clean rows of one de-duplication
// group have dedup_key = groupKey + '|' + anchor, so a group's rows are the range
// [groupKey + "|", groupKey + "}") of the UNIQUE (profile_id, resource_type, dedup_key) index.
struct CleanRecord {
    QString resourceType;
    QString groupKey;
    QString dedupKey;

    QString status;
    QString clinicalStatus;
    QString verificationStatus;
    QString canonicalSystem;
    QString canonicalCode;
    QString display;
    QList<Coding> codings;   // union over the sources
    QStringList categories;  // union over the sources

    QString effectiveAt;     // as in NormalizedRecord (UTC ISO with ms, or date-only)
    QString effectiveEnd;
    QString recordedAt;
    QString localDate;
    TimePrecision precision = TimePrecision::None;
    qint64 effectiveMs = 0;
    qint32 effectiveDay = 0;

    Measurement value;
    QList<Component> components;
    MedicationInfo medication;
    QJsonObject details;

    // Different values for the same test and time (or other disagreements) are kept, not dropped:
    // [{field, values: [{value, unit, text, raw_id, provider, endpoint}]}]. The record's own value
    // is the one from the most complete source.
    bool hasConflict = false;
    QJsonArray conflicts;

    QList<SourceRef> sources;   // every contributing raw row
    // "primary" -> raw_id of the most complete source, which every field not listed came from;
    // field name -> raw_id for each field taken from another source.
    QJsonObject provenance;

    [[nodiscard]] std::optional<double> valueNum() const { return value.value; }
    [[nodiscard]] QString valueUnit() const { return value.unit; }
    [[nodiscard]] QString valueText() const;
    [[nodiscard]] QString abnormal() const { return value.abnormal; }
    [[nodiscard]] bool isAbnormal() const;

    [[nodiscard]] QJsonArray sourcesJson() const;
    // `sources` and `clean_json` columns: compact UTF-8 JSON written directly (storage fast path).
    [[nodiscard]] QByteArray sourcesJsonBytes() const;
    // The whole document (every field; what readers, exports and tests see).
    [[nodiscard]] QByteArray toJsonBytes() const;
    [[nodiscard]] QJsonObject toJson() const; // the same document as a QJsonObject
    static CleanRecord fromJson(const QJsonObject& o);

    // The clean_json column (issue 8: fewer bytes per row): the document without what the row's other
    // columns hold - resource_type, dedup_key, status, canonical_system, canonical_code, display,
    // effective_at, sources - without group_key when dedup_key begins with it, and without a provenance
    // that only names the first source as primary. withColumns() gives the whole document back.
    [[nodiscard]] QByteArray storedJsonBytes() const;

    // The clean row's columns a stored document leaves out (NULL columns read as empty strings).
    struct Columns {
        QString resourceType;
        QString dedupKey;
        QString status;
        QString canonicalSystem;
        QString canonicalCode;
        QString display;
        QString effectiveAt;
        QByteArray sources; // the sources column's JSON array
    };
    // This record's columns (as the clinical pipeline writes the row; empty text is stored as NULL).
    [[nodiscard]] Columns columns() const;
    // The whole document (as toJson()) from a clean_json value and its row's columns. A document stored
    // whole (rows written before storedJsonBytes() existed: it has "sources") is returned as it is.
    [[nodiscard]] static QJsonObject withColumns(QJsonObject stored, const Columns& columns);
};

} // namespace hh::clinical

Q_DECLARE_METATYPE(hh::clinical::CleanRecord)
