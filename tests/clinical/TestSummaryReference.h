#pragma once

#include "core/clinical/SummaryBuilder.h"

namespace hh::clinical::test {

// The whole-list summary algorithm SummaryAccumulator replaced, as a test oracle (TestSummaryReference.cpp).
QJsonObject referenceSummary(const QList<CleanRecord>& records, const QList<ConnectionInfo>& connections,
                             const SummaryOptions& options);

} // namespace hh::clinical::test
