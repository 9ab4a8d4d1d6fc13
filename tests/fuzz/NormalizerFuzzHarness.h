#pragma once

#include <QString>

#include <cstddef>
#include <cstdint>

namespace hh::clinical::fuzz {

// Runs arbitrary bytes through the clinical pipeline the way the app does: parse as JSON; a Bundle's
// entries (or a JSON array's elements, or the object itself) are normalized with a resolver over
// the same input, each as if from two connections; then de-duplication, and the summary.
// Checks invariants that must hold for any input (JSON round trips, every clean record has
// sources, summary keys present). Returns an empty string when they hold, else what broke.
// Shared by the libFuzzer target and the regression test that replays saved crash inputs.
QString runNormalizerPipeline(const uint8_t* data, size_t size);

} // namespace hh::clinical::fuzz
