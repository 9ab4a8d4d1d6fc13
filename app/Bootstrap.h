#pragma once

#include <QString>

namespace hh::app {

// Process-wide safety before anything else runs: no core dumps (they would hold keys and PHI),
// a restrictive umask for every file the app creates.
void hardenProcess();

// Application name/organization, so QStandardPaths and QSettings agree.
void setApplicationIdentity();

// Installs the Qt and Health Hub translators for the system locale, or for `language` ("es", "en")
// when given (setting or --lang).
void installTranslators(const QString& language);

// Before the QApplication exists: WebEngine needs shared OpenGL contexts, and Chromium refuses to
// run as root without its sandbox disabled (CI and containers run as root).
void prepareWebEngine();

// The data directory: --data-dir, else $HH_DATA_DIR, else the platform's app data location.
QString resolveDataDir(const QString& option);

} // namespace hh::app
