#pragma once

#include "core/Result.h"

#include <QList>
#include <QString>

namespace hh::bench {

// `healthhub --demo --data-dir DIR --no-keychain` under QT_QPA_PLATFORM=offscreen with HH_STARTUP_PROBE=1:
// wall time from starting the process to its line "startup-probe: dashboard-shown" (ui/Shell.cpp prints
// it when the main window is first shown, then quits). The demo vault in DIR exists already, so each run
// is: load, sign in to the demo account (one password KDF), open the session, show the dashboard.
// When the line arrives /proc/PID/maps of the child is read: is libQt6WebEngineCore mapped?
struct StartupResult {
    QList<double> ms;             // measured runs (a first warm-up run is not included)
    int webEngineMappedRuns = 0;  // runs where libQt6WebEngineCore was mapped at the probe line
    int mapsChecked = 0;          // runs where /proc/PID/maps could be read
};

[[nodiscard]] Result<StartupResult> runStartupBench(const QString& healthhub, const QString& dataDir, int runs);

} // namespace hh::bench
