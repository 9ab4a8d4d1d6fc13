#pragma once

#include "core/clinical/CleanRecord.h"
#include "core/clinical/NormalizedRecord.h"

#include <QList>
#include <QSet>
#include <QString>

namespace hh::clinical {

// normalized records of one profile (all connections) -> one CleanRecord per clinical fact.
//
// Two steps, so recomputation can be incremental:
//  1. groupKey(record): a blocking key computed from the record alone (type + concept: condition
//     cluster or code, RxNorm ingredient+strength, LOINC code, CVX family ...). Time is NOT part
//     of it, so tolerance matching never crosses groups.
//  2. mergeGroup(records of one group): sorts by time and clusters (observations: same time within
//     1 h, or same day when a side has no time; immunizations/procedures/encounters/reports: same
//     day; conditions: overlapping episodes; allergies, medications, patients: one per group).
//     Records of the same connection never merge in time-point types (they are distinct events).
//     Conflicting values in one cluster are kept as a conflict.
// The result of mergeGroup depends only on the set of records, not their order, so recomputing
// the groups touched by a sync gives exactly what a full deduplicate() would.
//
// Incremental use (storage layer): for the normalized rows inserted/updated/deleted by a sync,
// take affectedGroups(old versions, new versions); for each affected group load all of the
// profile's normalized records with that group key, mergeGroup() them, and replace the clean
// rows whose dedup_key lies in [dedupKeyPrefix(g), dedupKeyPrefixEnd(g)).
// Pure, reentrant, never throws. Records with `error` or `hidden` take no part (empty group key).
class Deduplicator
{
public:
    static QString groupKey(const NormalizedRecord& record);
    static QList<CleanRecord> mergeGroup(const QList<NormalizedRecord>& records);
    static QList<CleanRecord> deduplicate(const QList<NormalizedRecord>& records);

    // Group keys touched when `before` (old versions, deleted rows) became `after` (new versions).
    static QSet<QString> affectedGroups(const QList<NormalizedRecord>& before, const QList<NormalizedRecord>& after);

    static QString dedupKeyPrefix(const QString& groupKey) { return groupKey + u'|'; }
    static QString dedupKeyPrefixEnd(const QString& groupKey) { return groupKey + u'}'; }
    static QString groupKeyOf(const QString& dedupKey) { return dedupKey.section(u'|', 0, 0); }

    // Time tolerance for "the same observation".
    static constexpr qint64 kObservationToleranceMs = 60 * 60 * 1000;
    // Two times written with a zone on different calendar days still match within this.
    static constexpr qint64 kSameDayToleranceMs = 12 * 60 * 60 * 1000;
    // Relative tolerance for "the same value" after unit conversion.
    static constexpr double kValueTolerance = 0.003;
};

inline QList<CleanRecord> deduplicate(const QList<NormalizedRecord>& records)
{
    return Deduplicator::deduplicate(records);
}

} // namespace hh::clinical
