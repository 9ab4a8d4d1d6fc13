#include "core/clinical/SummaryBuilder.h"

#include "core/clinical/SummaryAccumulator.h"

namespace hh::clinical {

// One implementation: the whole list goes through the streaming accumulator.
QJsonObject SummaryBuilder::build(const QList<CleanRecord>& records, const QList<ConnectionInfo>& connections,
                                  const SummaryOptions& options)
{
    SummaryAccumulator accumulator(options);
    for (const CleanRecord& c : records)
        accumulator.add(c);
    return accumulator.finish(connections);
}

} // namespace hh::clinical
