#pragma once

#include "core/Result.h"
#include "core/SecretBytes.h"

#include <QString>
#include <QStringList>

#include <memory>
#include <optional>
#include <utility>

class QCommandLineParser;

namespace hh::db {
class ConnectionFactory;
class VaultService;
}

namespace hh::app {

// Exit codes of the command line.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;  // the operation failed (wrong password, not found, ...)
inline constexpr int kExitUsage = 2;    // the command line itself is wrong

// Options that come before the subcommand.
struct GlobalOptions {
    QString dataDir;
    QString email;
    QString passwordFile;
    bool noKeychain = false;
    bool demo = false; // --demo: the demo vault, signed in as its public demo account unless --email says otherwise
};

// What every subcommand gets: the global options, its own arguments and the vault service.
struct CommandContext {
    GlobalOptions global;
    QStringList args;        // after the subcommand word(s)
    db::VaultService* vault = nullptr;
};

// Prints "healthhub: <message>" on stderr and returns the exit code for the error.
int fail(const Error& error);
int usage(const QString& message);

// Parses a subcommand's own options (single-dash words read as long options). On an error - an unknown or
// incomplete option, or with Positionals::None any positional argument - it prints the usage message and
// returns false: the caller exits with kExitUsage.
enum class Positionals { None, Allowed };
[[nodiscard]] bool parseCommandLine(QCommandLineParser& parser, const QStringList& args, const QString& command,
                                    Positionals positionals = Positionals::None);

// The password from --password-file, or the first line of stdin when it is not a terminal, or a
// prompt without echo on a terminal.
Result<SecretBytes> readPassword(const GlobalOptions& options, const QString& prompt);
// Signs in with --email and the password; the returned error is already user-ready.
Status signIn(CommandContext& ctx);

int runInitCommand(CommandContext& ctx);
int runProfileCommand(CommandContext& ctx);

// Issue 4: the directory of health systems and connecting a profile (app/EndpointCommands.cpp,
// app/ConnectCommands.cpp).
int runEndpointCommand(CommandContext& ctx);
int runConnectCommand(CommandContext& ctx);
int runDisconnectCommand(CommandContext& ctx);
// True for subcommands that need a QApplication (the login window), e.g. "connect".
bool commandNeedsGui(const QString& command);

// Starts the in-process demo health systems on demand for demo:// endpoints, owned by `owner`
// (app/ConnectCommands.cpp). autoApprove: the portal pages submit themselves (offscreen tests).
void installDemoServerStarter(QObject* owner, bool autoApprove);

// Issue 5: `sync` (app/SyncCommand.cpp).
int runSyncCommand(CommandContext& ctx);

// Issue 6: runs the clinical pipeline (normalize, de-duplicate, summary) for each profile (id, name) on this
// thread, with a progress line per 10 % and a result line per profile on stderr; false when one failed (its
// message printed). app/SyncCommand.cpp.
[[nodiscard]] bool updateRecords(const std::shared_ptr<db::ConnectionFactory>& factory,
                                 const QList<std::pair<QString, QString>>& profiles);

// Issue 6: `summary --profile P [--json]` (app/SummaryCommand.cpp).
int runSummaryCommand(CommandContext& ctx);

// Issue 7: `export --profile P (--pdf FILE | --fhir FILE)` (app/ExportCommand.cpp).
int runExportCommand(CommandContext& ctx);
// True when the export writes a PDF (needs a GUI application for fonts and painting; offscreen is enough).
bool exportNeedsGui(const QStringList& args);

// `healthhub sandbox ...`: runs the demo health systems until SIGTERM/SIGINT (issue 3).
// args are the arguments after the word "sandbox". Returns the process exit code.
int runSandboxCommand(const QStringList& args);

} // namespace hh::app
