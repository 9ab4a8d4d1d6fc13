#include "db/NormalizedRow.h"

#include "core/clinical/Deduplicator.h"
#include "core/clinical/Normalizer.h"
#include "db/SqlUtil.h"

#include <QSqlQuery>
#include <QVariant>

namespace hh::db {

using namespace hh::clinical;
using namespace Qt::StringLiterals;

NormalizedRow NormalizedRow::make(const QJsonObject& resource, const QString& resourceType, const QString& resourceId,
                                  const NormalizeContext& context)
{
    QJsonObject input;
    if (Normalizer::isSupported(resourceType)) {
        input = resource; // malformed JSON arrives as {} -> a record with `error`
    } else {
        // Unsupported types (Binary, Coverage ...) get their error record without reading the JSON.
        input.insert(u"resourceType"_s, resourceType);
        input.insert(u"id"_s, resourceId);
    }
    const NormalizedRecord r = Normalizer::normalize(input, context);
    NormalizedRow o;
    o.group = Deduplicator::groupKey(r);
    o.json = r.toJsonBytes();
    o.resourceType = r.resourceType.isEmpty() ? resourceType : r.resourceType;
    o.status = r.status;
    o.system = r.canonicalSystem;
    o.code = r.canonicalCode;
    o.display = r.display;
    o.effectiveAt = r.effectiveAt;
    o.effectiveEnd = r.effectiveEnd;
    o.valueNum = r.valueNum();
    o.valueUnit = r.valueUnit();
    o.valueText = r.valueText();
    o.abnormal = r.abnormal();
    o.error = r.error;
    return o;
}

bool normalizedWhenStored(const QString& type)
{
    return type != u"Medication" && type != u"MedicationRequest" && type != u"MedicationStatement"
        && type != u"MedicationAdministration" && type != u"MedicationDispense";
}

QString summaryQueueMarker()
{
    return u"~summary"_s;
}

QString normalizedInsertSql()
{
    return u"INSERT INTO profile_fhir_resources_normalized (id, profile_id, raw_id, resource_type, status, "
           u"canonical_system, canonical_code, display, effective_at, effective_end, value_num, value_unit, "
           u"value_text, abnormal, normalized_json, error, normalizer_version, raw_hash, dedup_group, "
           u"updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS TEXT), ?, ?, ?, ?, ?)"_s;
}

namespace {
// The values from resource_type to updated_at, in the column order both statements use; the next index.
int bindValues(QSqlQuery& q, int k, const QString& rawHash, const NormalizedRow& o, const QString& now)
{
    q.bindValue(k++, o.resourceType);
    q.bindValue(k++, nullIfEmpty(o.status));
    q.bindValue(k++, nullIfEmpty(o.system));
    q.bindValue(k++, nullIfEmpty(o.code));
    q.bindValue(k++, nullIfEmpty(o.display));
    q.bindValue(k++, nullIfEmpty(o.effectiveAt));
    q.bindValue(k++, nullIfEmpty(o.effectiveEnd));
    q.bindValue(k++, nullIfAbsent(o.valueNum));
    q.bindValue(k++, nullIfEmpty(o.valueUnit));
    q.bindValue(k++, nullIfEmpty(o.valueText));
    q.bindValue(k++, nullIfEmpty(o.abnormal));
    q.bindValue(k++, o.json);
    q.bindValue(k++, nullIfEmpty(o.error));
    q.bindValue(k++, kNormalizerVersion);
    q.bindValue(k++, rawHash);
    q.bindValue(k++, nullIfEmpty(o.group));
    q.bindValue(k++, now);
    return k;
}
} // namespace

void bindNormalizedInsert(QSqlQuery& q, const QString& rawId, const QString& profileId, const QString& rawHash,
                          const NormalizedRow& o, const QString& now)
{
    q.bindValue(0, rawId);
    q.bindValue(1, profileId);
    q.bindValue(2, rawId);
    bindValues(q, 3, rawHash, o, now);
}

QString normalizedUpdateSql()
{
    return u"UPDATE profile_fhir_resources_normalized SET resource_type = ?, status = ?, canonical_system = ?, "
           u"canonical_code = ?, display = ?, effective_at = ?, effective_end = ?, value_num = ?, value_unit = ?, "
           u"value_text = ?, abnormal = ?, normalized_json = CAST(? AS TEXT), error = ?, normalizer_version = ?, "
           u"raw_hash = ?, dedup_group = ?, updated_at = ? WHERE id = ?"_s;
}

void bindNormalizedUpdate(QSqlQuery& q, const QString& id, const QString& rawHash, const NormalizedRow& o,
                          const QString& now)
{
    q.bindValue(bindValues(q, 0, rawHash, o, now), id);
}

} // namespace hh::db
