#pragma once

#include "core/clinical/CleanRecord.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace hh::clinical {

// A connection of the profile as the summary shows it (from profile_emr_connections + emr_endpoints).
struct ConnectionInfo {
    QString connectionId;
    QString provider;     // epic, athena, other
    QString endpointId;
    QString endpointName; // organization name for people
    QString status;       // connected, needs_reauth, error, disconnected
    QString lastSyncedAt; // UTC ISO
    QString lastError;    // words for people, no PHI
    // Resource types the health system refused in its latest sync (nothing of the type fetched): the summary
    // then says they were not shared rather than leaving "none" to be read as "there are none".
    QStringList notShared = {};
};

struct SummaryOptions {
    qint64 nowMs = 0;           // "now" in ms since epoch; 0 = the current time (tests pass a fixed one)
    int recentDays = 365;       // results newer than this raise alerts when abnormal
    int maxLabs = 40;           // latest value of at most this many lab tests
    int historyLength = 5;      // values kept per lab / vital for trends and charts
    int maxEncounters = 5;      // recent and upcoming encounters each
    double stableTolerance = 0.02; // relative change under which a trend is "stable"
};

// clean records (+ connections) -> the profile_summary.summary_json document.
//
// Keys: version, generated_at, demographics, conditions, medications, allergies, immunizations,
// immunizations_due, labs, vitals, encounters, alerts, counts, sources. Every item of conditions,
// medications, allergies, immunizations, immunizations_due, labs, vitals, encounters and alerts has
// `display`, `code` {system, code} and `sources` [{provider, endpoint, raw_id, ...}].
// Lists are newest first (encounters: upcoming earliest first, then past newest first); ties are
// broken by a total order, so the document does not depend on the order of `records`.
// build() feeds every record to a SummaryAccumulator (SummaryAccumulator.h), which builds the same
// document from a stream of records in bounded memory; prefer it for a whole profile.
// Pure, reentrant, never throws.
class SummaryBuilder
{
public:
    static constexpr int kVersion = 1;
    static QJsonObject build(const QList<CleanRecord>& records, const QList<ConnectionInfo>& connections,
                             const SummaryOptions& options = {});
};

inline QJsonObject buildSummary(const QList<CleanRecord>& records, const QList<ConnectionInfo>& connections,
                                const SummaryOptions& options = {})
{
    return SummaryBuilder::build(records, connections, options);
}

} // namespace hh::clinical
