#include "app/Bootstrap.h"

#include "ui/LanguageSettings.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QLocale>
#include <QStandardPaths>
#include <QTranslator>

#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace hh::app {

void hardenProcess()
{
    if (qEnvironmentVariable("HH_ALLOW_CORE_DUMPS") != u"1") {
        rlimit none{0, 0};
        setrlimit(RLIMIT_CORE, &none);
        prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
    }
    umask(077);
}

void setApplicationIdentity()
{
    QCoreApplication::setOrganizationName(QStringLiteral("HealthHub"));
    QCoreApplication::setApplicationName(QStringLiteral("HealthHub"));
    QCoreApplication::setApplicationVersion(QStringLiteral(HH_VERSION));
}

QString chooseLanguage(const QString& option, const QString& setting)
{
    const QString fromOption = option.trimmed();
    if (!fromOption.isEmpty())
        return fromOption;
    return setting.trimmed();
}

std::unique_ptr<QTranslator> loadHealthHubTranslator(const QLocale& locale, const QString& directory)
{
    // Each of the locale's UI languages, then without territory (healthhub_es_MX.qm, healthhub_es.qm).
    // Any other language (or the C locale) gets English, the source language, whose catalog holds its plural
    // forms: without it "%Ln record(s)" would read "1 record(s)".
    auto translator = std::make_unique<QTranslator>();
    if (!translator->load(locale, QStringLiteral("healthhub"), QStringLiteral("_"), directory)
        && !translator->load(QStringLiteral("healthhub_en"), directory))
        return nullptr;
    return translator;
}

void installTranslators(const QString& option)
{
    const QString language = chooseLanguage(option, ui::LanguageSettings::language());
    ui::LanguageSettings::setActive(language);
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    auto* qt = new QTranslator(QCoreApplication::instance());
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    if (std::unique_ptr<QTranslator> own = loadHealthHubTranslator(locale)) {
        own->setParent(QCoreApplication::instance());
        QCoreApplication::installTranslator(own.release());
    }
    // Dates and numbers follow the chosen language (views format through QLocale()).
    if (!language.isEmpty())
        QLocale::setDefault(locale);
}

void prepareWebEngine()
{
    // QtCore calls only: QtWebEngine itself is loaded by the login window's module on the first
    // sign-in (ui/connect/LoginBrowserLoader.h), after the QApplication exists.
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    if (geteuid() == 0 && qEnvironmentVariableIsEmpty("QTWEBENGINE_DISABLE_SANDBOX"))
        qputenv("QTWEBENGINE_DISABLE_SANDBOX", "1");
    // No DevTools: never open a remote debugging port on a window that shows health records.
    qunsetenv("QTWEBENGINE_REMOTE_DEBUGGING");
}

QString resolveDataDir(const QString& option)
{
    QString dir = option;
    if (dir.isEmpty())
        dir = qEnvironmentVariable("HH_DATA_DIR");
    if (dir.isEmpty())
        dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return QDir::cleanPath(QDir(dir).absolutePath());
}

QString resolveDemoDataDir(const QString& option)
{
    if (option.isEmpty() && qEnvironmentVariableIsEmpty("HH_DATA_DIR"))
        return resolveDataDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("-demo"));
    return resolveDataDir(option);
}

QString usageText()
{
    // Five messages, so a translator sees each part on its own; joined as `healthhub --help` has always
    // printed them.
    //: The synopsis line: keep "healthhub"; the words in capitals may be translated.
    const QString synopsis = QCoreApplication::translate(
        "hh::app::Usage",
        "Usage: healthhub [GLOBAL OPTIONS] [COMMAND [ARGS]]");
    const QString noCommand = QCoreApplication::translate(
        "hh::app::Usage",
        "With no command, the Health Hub window opens.");
    //: Keep the option names and their value names (--data-dir DIR ...) as they are; align the
    //: descriptions in one column (wrap a long one onto an indented line).
    const QString options = QCoreApplication::translate(
        "hh::app::Usage",
        "Global options:\n"
        "  --data-dir DIR        vault folder (default: $HH_DATA_DIR or the platform data folder)\n"
        "  --email E             account to sign in with\n"
        "  --password-file F     read the password from the first line of F (else from the\n"
        "                        first line of standard input when it is not a terminal)\n"
        "  --no-keychain         do not use the system keychain (password only)\n"
        "  --lang CODE           user interface language (en, es)\n"
        "  --demo                open the demo vault (demo family, demo health systems);\n"
        "                        commands sign in as its demo account\n"
        "  --version, --help");
    //: Keep the command lines (init --email E --name N ...) as they are; align the descriptions in one
    //: column (after a long command line, the description goes on the next line).
    const QString commands = QCoreApplication::translate(
        "hh::app::Usage",
        "Commands:\n"
        "  init --email E --name N                     create an account (and the vault)\n"
        "  profile add --display-name N [--legal-name L] [--dob YYYY-MM-DD] [--relationship R]\n"
        "  profile list [--json]\n"
        "  profile remove NAME_OR_ID\n"
        "  endpoint list [--json]                      the directory of health systems\n"
        "  endpoint import FILE_OR_URL                 import an Epic or SMART Brands directory\n"
        "  endpoint add --name N --fhir-base URL [--client-id ID]\n"
        "  connect --profile P --endpoint ID [--login-hint USER] [--timeout SECONDS]\n"
        "                                              sign in to a patient portal for a profile\n"
        "  disconnect --profile P --endpoint ID [--delete-data]\n"
        "  sync [--profile P] [--json]                 fetch records from connected health systems\n"
        "  summary --profile P [--json]                a profile's summary (clean, de-duplicated records)\n"
        "  export --profile P (--pdf FILE | --fhir FILE) [--ips] [--paper a4|letter]\n"
        "                                              write a visit summary PDF or a FHIR bundle\n"
        "  sandbox [--port N] [--auto-approve] [--scale N] [--replay DIR] [--fault SPEC ...]\n"
        "                                              run the demo health systems");
    const QString exitStatus = QCoreApplication::translate(
        "hh::app::Usage",
        "Exit status: 0 success, 1 the operation failed, 2 the command line is wrong.");
    return synopsis + u"\n\n"_s + noCommand + u"\n\n"_s + options + u"\n\n"_s + commands + u"\n\n"_s + exitStatus
           + u'\n';
}

QString commandUsageText(const QString& command)
{
    // The command's lines of `healthhub --help` (with their continuation lines), then the global options.
    const QString full = usageText();
    const QStringList blocks = full.split(u"\n\n"_s);
    if (blocks.size() < 5)
        return {};
    QStringList lines;
    bool inCommand = false;
    for (const QString& line : blocks.at(3).split(u'\n')) {
        if (line.startsWith(u"  "_s) && !line.startsWith(u"   "_s)) // a command line, not a continuation
            inCommand = line.mid(2) == command || line.mid(2).startsWith(command + u' ');
        if (inCommand)
            lines << line;
    }
    if (lines.isEmpty())
        return {};
    return blocks.at(0) + u"\n\n"_s + blocks.at(3).section(u'\n', 0, 0) + u'\n' + lines.join(u'\n') + u"\n\n"_s
           + blocks.at(2) + u"\n\n"_s + blocks.at(4);
}

} // namespace hh::app
