#pragma once

#include <QLocale>
#include <QString>
#include <QTranslator>

#include <memory>

namespace hh::app {

// Process-wide safety before anything else runs: no core dumps (they would hold keys and PHI),
// a restrictive umask for every file the app creates.
void hardenProcess();

// Application name/organization, so QStandardPaths and QSettings agree.
void setApplicationIdentity();

// The interface language: `option` (--lang) when given, else `setting` (Settings ▸ Language, see
// ui::LanguageSettings), else "" — the system locale.
[[nodiscard]] QString chooseLanguage(const QString& option, const QString& setting);

// Installs the Qt and Health Hub translators and sets the default QLocale (dates, numbers) for the
// language chooseLanguage(option, stored setting) picks. Needs setApplicationIdentity() first (the
// setting lives in QSettings).
void installTranslators(const QString& option);

// Loads healthhub_<language>.qm for locale from directory (the .qm files are embedded under :/i18n by
// qt_add_translations): a plain QTranslator, so every translate() call must use the context lupdate
// records for it (see translations/README.md). A language without a file gets healthhub_en.qm (English's
// plural forms); nullptr only if that is missing too.
[[nodiscard]] std::unique_ptr<QTranslator> loadHealthHubTranslator(const QLocale& locale,
                                                                   const QString& directory = QStringLiteral(":/i18n"));

// Before the QApplication exists: WebEngine needs shared OpenGL contexts, and Chromium refuses to
// run as root without its sandbox disabled (CI and containers run as root).
void prepareWebEngine();

// The data directory: --data-dir, else $HH_DATA_DIR, else the platform's app data location.
QString resolveDataDir(const QString& option);
// The same for the demo vault (--demo): --data-dir, else $HH_DATA_DIR, else the platform data folder with
// "-demo" appended (e.g. ~/.local/share/HealthHub/HealthHub-demo), so the demo never touches the real vault.
QString resolveDemoDataDir(const QString& option);

// The text `healthhub --help` prints, in the installed translators' language (context "hh::app::Usage").
[[nodiscard]] QString usageText();
// `healthhub COMMAND --help`: the synopsis, that command's lines of usageText() and the global options; empty
// for an unknown command.
[[nodiscard]] QString commandUsageText(const QString& command);

} // namespace hh::app
