#pragma once

#include "core/clinical/NormalizeContext.h"
#include "core/clinical/NormalizedRecord.h"
#include "core/sync/SyncTypes.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <optional>

class QSqlQuery;

namespace hh::db {

// One profile_fhir_resources_normalized row ready to be written, computed off the SQL thread: by the
// clinical pipeline (from stored raw JSON) or by SyncStore::prepare() (from the page reader's parsed
// resource, so that a new resource is parsed once and its normalized row is written in the same
// transaction as its raw row).
struct NormalizedRow final : sync::DerivedRows {
    QString group; // dedup_group (empty: never de-duplicated)
    QByteArray json;
    QString resourceType;
    QString status;
    QString system;
    QString code;
    QString display;
    QString effectiveAt;
    QString effectiveEnd;
    std::optional<double> valueNum;
    QString valueUnit;
    QString valueText;
    QString abnormal;
    QString error;

    // Normalizes `resource` (unsupported types get their error record without reading the JSON).
    static NormalizedRow make(const QJsonObject& resource, const QString& resourceType, const QString& resourceId,
                              const clinical::NormalizeContext& context);
};

// Whether a new resource of this type is normalized when it is stored (SyncStore::prepare()). Medication
// and the medication orders are not: an order needs the Medication it references, which the sync may fetch
// later, so they are normalized by the clinical pipeline, which resolves them against every stored
// Medication of the connection (and normalizes orders again when one changes).
[[nodiscard]] bool normalizedWhenStored(const QString& resourceType);

// The profile_dedup_dirty row meaning "the summary must be rebuilt" (group keys are "<ResourceType>:...").
[[nodiscard]] QString summaryQueueMarker();

// INSERT of a normalized row; bindNormalizedInsert() binds every parameter. The row takes its raw row's
// id (unique, as raw_id is, and time-ordered like it).
[[nodiscard]] QString normalizedInsertSql();
void bindNormalizedInsert(QSqlQuery& q, const QString& rawId, const QString& profileId, const QString& rawHash,
                          const NormalizedRow& row, const QString& now);
// UPDATE of normalized row `id` with a new normalization (same values as the INSERT).
[[nodiscard]] QString normalizedUpdateSql();
void bindNormalizedUpdate(QSqlQuery& q, const QString& id, const QString& rawHash, const NormalizedRow& row,
                          const QString& now);

} // namespace hh::db
