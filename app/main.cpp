// Health Hub: with no subcommand the GUI opens; subcommands run the same actions headless.

#include "app/Bootstrap.h"
#include "app/Commands.h"
#include "app/Gui.h"

#include "core/vault/Keychain.h"
#include "db/VaultService.h"

#include <QApplication>
#include <QCoreApplication>
#include <QLoggingCategory>
#include <QTextStream>

#include <memory>

using namespace hh::app;

namespace {

struct Parsed {
    GlobalOptions global;
    QString command;
    QStringList args;
    QString language;
    bool version = false;
    bool help = false;
    bool commandHelp = false; // COMMAND --help
    bool demo = false;
    QString error;
};

// Global options come before the command word; everything after it belongs to the command.
Parsed parseGlobal(const QStringList& argv)
{
    Parsed p;
    for (qsizetype i = 1; i < argv.size(); ++i) {
        const QString& a = argv.at(i);
        const QString name = a.section(u'=', 0, 0);
        auto takeValue = [&](QString& target) {
            const qsizetype eq = a.indexOf(u'=');
            if (eq > 0) {
                target = a.mid(eq + 1);
                if (target.trimmed().isEmpty()) {
                    p.error = QCoreApplication::translate("hh::app", "%1 needs a value.").arg(a.left(eq));
                    return false;
                }
                return true;
            }
            if (i + 1 >= argv.size()) {
                p.error = QCoreApplication::translate("hh::app", "%1 needs a value.").arg(a);
                return false;
            }
            target = argv.at(++i);
            // An empty value (an unset shell variable) must not fall back to the default vault, file or language.
            if (target.trimmed().isEmpty()) {
                p.error = QCoreApplication::translate("hh::app", "%1 needs a value.").arg(name);
                return false;
            }
            return true;
        };
        if (!p.command.isEmpty()) {
            // --email/--password-file/--data-dir are also accepted after the command word.
            if (name == u"--email" || name == u"--password-file" || name == u"--data-dir") {
                QString& target = name == u"--email" ? p.global.email
                                  : name == u"--password-file" ? p.global.passwordFile
                                                               : p.global.dataDir;
                // `init --email` is the command's own option too; keep it visible to the command.
                if (p.command == u"init" && name == u"--email") {
                    p.args.append(a);
                    if (!a.contains(u'=') && i + 1 < argv.size())
                        p.args.append(argv.at(i + 1));
                }
                if (!takeValue(target))
                    return p;
                continue;
            }
            // `healthhub sync --help`: that command's usage (sandbox prints its own).
            if ((a == u"--help" || a == u"-h") && p.command != u"sandbox") {
                p.commandHelp = true;
                continue;
            }
            p.args.append(a);
            continue;
        }
        if (name == u"--data-dir") {
            if (!takeValue(p.global.dataDir))
                return p;
        } else if (name == u"--email") {
            if (!takeValue(p.global.email))
                return p;
        } else if (name == u"--password-file") {
            if (!takeValue(p.global.passwordFile))
                return p;
        } else if (name == u"--lang") {
            if (!takeValue(p.language))
                return p;
        } else if (a == u"--no-keychain") {
            p.global.noKeychain = true;
        } else if (a == u"--demo") {
            p.demo = true;
            p.global.demo = true;
        } else if (a == u"--version" || a == u"-v") {
            p.version = true;
        } else if (a == u"--help" || a == u"-h") {
            p.help = true;
        } else if (a.startsWith(u'-')) {
            p.error = QCoreApplication::translate("hh::app", "Unknown option %1.").arg(a);
            return p;
        } else {
            p.command = a;
        }
    }
    return p;
}

std::unique_ptr<hh::IKeychain> makeKeychain(const GlobalOptions& global)
{
    if (global.noKeychain)
        return std::make_unique<hh::NoKeychain>();
    return hh::makeDefaultKeychain();
}

// Commands keep stderr for their own messages and progress (an error is one "healthhub: ..." line): Health
// Hub's own log is off below critical unless QT_LOGGING_RULES turns it on (e.g. "hh.*.info=true"), and the
// chatter of Qt, WebEngine and the platform plugin (XDG_RUNTIME_DIR, GL backends ...) is not printed unless
// QT_LOGGING_RULES names a qt.* category.
QtMessageHandler g_defaultHandler = nullptr;

void commandMessageHandler(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    const bool ours = context.category && qstrncmp(context.category, "hh.", 3) == 0;
    if (ours || type == QtCriticalMsg || type == QtFatalMsg)
        g_defaultHandler(type, context, message);
}

void quietCommandLog()
{
    QLoggingCategory::setFilterRules(QStringLiteral("hh.*.info=false\nhh.*.debug=false\nhh.*.warning=false"));
    if (!qEnvironmentVariable("QT_LOGGING_RULES").contains(QLatin1String("qt.")))
        g_defaultHandler = qInstallMessageHandler(commandMessageHandler);
}

int runHeadless(const Parsed& p)
{
    if (p.command == u"sandbox")
        return runSandboxCommand(p.args);

    CommandContext ctx;
    ctx.global = p.global;
    ctx.global.dataDir = p.demo ? resolveDemoDataDir(p.global.dataDir) : resolveDataDir(p.global.dataDir);
    ctx.args = p.args;
    hh::db::VaultService vault(ctx.global.dataDir, makeKeychain(p.global));
    ctx.vault = &vault;
    if (p.command == u"init")
        return runInitCommand(ctx);
    if (p.command == u"profile")
        return runProfileCommand(ctx);
    if (p.command == u"endpoint")
        return runEndpointCommand(ctx);
    if (p.command == u"connect")
        return runConnectCommand(ctx);
    if (p.command == u"disconnect")
        return runDisconnectCommand(ctx);
    if (p.command == u"sync")
        return runSyncCommand(ctx);
    if (p.command == u"export")
        return runExportCommand(ctx);
    if (p.command == u"summary")
        return runSummaryCommand(ctx);
    return usage(QCoreApplication::translate("hh::app", "Unknown command \"%1\".").arg(p.command));
}

} // namespace

int main(int argc, char* argv[])
{
    hardenProcess();
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    const Parsed parsed = parseGlobal(arguments);
    if (!parsed.command.isEmpty())
        quietCommandLog();

    const bool pdfExport = parsed.command == u"export" && exportNeedsGui(parsed.args);
    if (pdfExport && qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")
        && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    // Without a window system the login window cannot open: the command then runs without QApplication (which
    // would abort) and says so (runConnectCommand).
    const bool windowSystem = !qEnvironmentVariableIsEmpty("DISPLAY") || !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")
        || !qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM");
    if (!parsed.command.isEmpty() && parsed.error.isEmpty() && !parsed.commandHelp
        && ((commandNeedsGui(parsed.command) && windowSystem) || pdfExport)) {
        // The login window needs widgets and WebEngine (offscreen under QT_QPA_PLATFORM=offscreen).
        prepareWebEngine();
        QApplication app(argc, argv);
        setApplicationIdentity();
        installTranslators(parsed.language);
        return runHeadless(parsed);
    }
    if (parsed.version || parsed.help || !parsed.error.isEmpty() || !parsed.command.isEmpty()) {
        QCoreApplication app(argc, argv);
        setApplicationIdentity();
        installTranslators(parsed.language);
        if (!parsed.error.isEmpty())
            return usage(parseGlobal(arguments).error); // again: the message in the chosen language
        if (parsed.version) {
            QTextStream(stdout) << "healthhub " << HH_VERSION << "\n";
            return kExitOk;
        }
        if (parsed.help) {
            QTextStream(stdout) << usageText();
            return kExitOk;
        }
        if (parsed.commandHelp) {
            const QString text = commandUsageText(parsed.command);
            if (text.isEmpty())
                return usage(QCoreApplication::translate("hh::app", "Unknown command \"%1\".").arg(parsed.command));
            QTextStream(stdout) << text;
            return kExitOk;
        }
        return runHeadless(parsed);
    }

    GuiOptions gui;
    gui.dataDir = parsed.global.dataDir;
    gui.demo = parsed.demo;
    gui.language = parsed.language;
    gui.noKeychain = parsed.global.noKeychain;
    return runGui(argc, argv, gui);
}
