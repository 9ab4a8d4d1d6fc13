#pragma once

#include "core/Result.h"

#include <QString>

#include <functional>

class QIODevice;

namespace hh::records {

// Writes an export the user asked for (a file of health data: the FHIR bundles, the visit-summary PDF) the one
// way every export does: `write` fills a temporary file next to `path`, owner-only (0600) from the start, which
// is renamed over `path` once complete - never a half-written file, nothing left behind on failure. `path` must
// name a regular file or none: a folder, a device, a pipe or a socket is refused (the rename would replace it).
// Errors: Io, with a message naming the file; otherwise what `write` returned (the file is then not written).
[[nodiscard]] Status writeExportFile(const QString& path, const std::function<Status(QIODevice& device)>& write);

} // namespace hh::records
