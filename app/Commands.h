#pragma once

#include <QStringList>

namespace hh::app {

// `healthhub sandbox ...`: runs the demo health systems until SIGTERM/SIGINT (issue 3).
// args are the arguments after the word "sandbox". Returns the process exit code.
int runSandboxCommand(const QStringList& args);

} // namespace hh::app
