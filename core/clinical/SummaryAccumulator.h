#pragma once

#include "core/clinical/CleanRecord.h"
#include "core/clinical/SummaryBuilder.h"

#include <QJsonObject>
#include <QList>

#include <memory>

namespace hh::clinical {

// The profile summary built incrementally: feed every clean record of the profile once through
// add(), in any order, then call finish(). The result is the document SummaryBuilder::build()
// returns for the same records (build() is add-all + finish), whatever the order of the calls.
//
// Memory is bounded by what the summary shows, not by the number of records: per lab/vital test
// the newest `historyLength` values and the two newest numeric values per unit (for the trend),
// the `maxEncounters` nearest upcoming and most recent past encounters, one Patient, and the active
// conditions, medications, allergies and the immunizations (all shown). Each is kept as a trimmed
// copy holding only the fields the summary prints; everything else is a counter.
//
// Order: wherever the summary sorts (newest first, top N, the Patient with the most sources) ties
// are broken by a total order (time, dedup key, then the kept fields' JSON), so equal inputs give
// byte-identical documents regardless of the order of add() calls.
//
// "Now" is fixed when the accumulator is constructed (options.nowMs, or the current time when 0):
// it decides which encounters are upcoming while records are added.
//
// Thread affinity: none; one accumulator must be used by one thread at a time. To spread the work,
// feed one accumulator per thread (same options) and merge() them. Never throws.
class SummaryAccumulator
{
public:
    explicit SummaryAccumulator(SummaryOptions options = {});
    SummaryAccumulator(const SummaryAccumulator& other);
    SummaryAccumulator(SummaryAccumulator&& other) noexcept;
    SummaryAccumulator& operator=(const SummaryAccumulator& other);
    SummaryAccumulator& operator=(SummaryAccumulator&& other) noexcept;
    ~SummaryAccumulator();

    // Takes what the summary can need from `record`; the record may be dropped right after.
    void add(const CleanRecord& record);

    // Whether add() reads more of a record of this type than its type and sources. For the other
    // types (Procedure, DiagnosticReport, Claim, ...) the summary only counts records, and
    // addCounted(type, sources) is the same as add(record) without the cost of reading the record.
    [[nodiscard]] static bool needsRecord(const QString& resourceType);
    void addCounted(const QString& resourceType, const QList<SourceRef>& sources);

    // Adds everything `other` was fed, as if its records had been added here. `other` should have
    // been built with the same options (same nowMs, historyLength, maxEncounters); Q_ASSERTed.
    void merge(const SummaryAccumulator& other);

    // The profile_summary.summary_json document (see SummaryBuilder.h). May be called repeatedly;
    // adding more records afterwards is allowed.
    [[nodiscard]] QJsonObject finish(const QList<ConnectionInfo>& connections) const;

    // The options in use, with nowMs resolved.
    [[nodiscard]] const SummaryOptions& options() const;
    // Records passed to add() (including merged ones).
    [[nodiscard]] qint64 recordCount() const;
    // Trimmed records currently held: the measure of the accumulator's memory, which depends on the
    // number of distinct tests and shown items, not on the number of records added.
    [[nodiscard]] qsizetype retainedRecords() const;

private:
    struct State;
    std::unique_ptr<State> d;
};

} // namespace hh::clinical
