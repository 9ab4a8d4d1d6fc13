#include "app/Commands.h"
#include "app/DemoVault.h"

#include "core/Validation.h"
#include "db/VaultService.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QFuture>
#include <QStringDecoder>
#include <QTextStream>

#include <cstdio>
#include <termios.h>
#include <unistd.h>

namespace hh::app {

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(hh::app::Cli)
};
} // namespace

int fail(const Error& error)
{
    QTextStream err(stderr);
    err << "healthhub: " << (error.message().isEmpty() ? Tr::tr("The operation failed.") : error.message())
        << "\n";
    if (error.code() != ErrorCode::InvalidInput)
        return kExitFailure;
    err << Tr::tr("Run 'healthhub --help' for usage.") << "\n"; // exit 2: the command line (or a file it names)
    return kExitUsage;
}

int usage(const QString& message)
{
    QTextStream(stderr) << "healthhub: " << message << "\n" << Tr::tr("Run 'healthhub --help' for usage.") << "\n";
    return kExitUsage;
}

bool parseCommandLine(QCommandLineParser& parser, const QStringList& args, const QString& command,
                      Positionals positionals)
{
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    if (!parser.parse(QStringList{command} + args)) {
        usage(parser.errorText());
        return false;
    }
    if (positionals == Positionals::None && !parser.positionalArguments().isEmpty()) {
        usage(Tr::tr("Unexpected argument: %1").arg(parser.positionalArguments().constFirst()));
        return false;
    }
    return true;
}

namespace {
// A password is at most this many bytes of UTF-8 (the same from a file, a pipe or the terminal; never cut).
constexpr qsizetype kMaxPasswordBytes = 1024;

// The first line read (with its line end, if any) as a password: the same bytes whatever it came from.
Result<SecretBytes> passwordFromLine(QByteArray line, const QString& emptyMessage)
{
    while (line.endsWith('\n') || line.endsWith('\r'))
        line.chop(1);
    if (line.isEmpty())
        return Error(ErrorCode::InvalidInput, emptyMessage, QStringLiteral("empty password"));
    if (line.size() > kMaxPasswordBytes)
        return Error(ErrorCode::InvalidInput, Tr::tr("The password is longer than %1 bytes.").arg(kMaxPasswordBytes),
                     QStringLiteral("password too long"));
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString decoded = utf8(line);
    if (utf8.hasError() || decoded.isEmpty())
        return Error(ErrorCode::InvalidInput, Tr::tr("The password is not UTF-8 text."),
                     QStringLiteral("password not UTF-8"));
    return SecretBytes(line);
}

// Up to kMaxPasswordBytes + 2 bytes of the first line: enough to tell a password that is too long.
QByteArray firstLine(QIODevice& device)
{
    return device.readLine(kMaxPasswordBytes + 3);
}
} // namespace

Result<SecretBytes> readPassword(const GlobalOptions& options, const QString& prompt)
{
    if (!options.passwordFile.isEmpty()) {
        QFile f(options.passwordFile);
        if (!f.open(QIODevice::ReadOnly))
            return Error(ErrorCode::InvalidInput,
                         Tr::tr("The password file %1 cannot be read.").arg(options.passwordFile),
                         f.errorString());
        return passwordFromLine(firstLine(f), Tr::tr("The password file is empty."));
    }
    if (!isatty(STDIN_FILENO)) {
        QFile in;
        if (!in.open(stdin, QIODevice::ReadOnly, QFileDevice::DontCloseHandle))
            return Error(ErrorCode::InvalidInput, Tr::tr("No password given."), in.errorString());
        return passwordFromLine(
            firstLine(in), Tr::tr("No password: give --password-file or the password on the first line of the input."));
    }
    // An interactive terminal: prompt without echo.
    QTextStream(stderr) << prompt << Qt::flush;
    termios old{};
    const bool haveTerm = tcgetattr(STDIN_FILENO, &old) == 0;
    if (haveTerm) {
        termios noEcho = old;
        noEcho.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        tcsetattr(STDIN_FILENO, TCSANOW, &noEcho);
    }
    char buffer[kMaxPasswordBytes + 3];
    const char* got = std::fgets(buffer, sizeof buffer, stdin);
    if (haveTerm)
        tcsetattr(STDIN_FILENO, TCSANOW, &old);
    QTextStream(stderr) << "\n";
    QByteArray line = got ? QByteArray(buffer) : QByteArray();
    std::fill(std::begin(buffer), std::end(buffer), '\0');
    return passwordFromLine(line, Tr::tr("No password given."));
}

Status signIn(CommandContext& ctx)
{
    if (ctx.global.demo && ctx.global.email.isEmpty())
        return openDemoVault(*ctx.vault); // created with the demo family on first use; its password is public
    if (ctx.global.email.isEmpty())
        return Error(ErrorCode::InvalidInput, Tr::tr("This command needs --email."), QStringLiteral("no email"));
    if (!ctx.vault->vaultExists())
        return Error(
            ErrorCode::VaultMissing,
            Tr::tr("There is no vault in %1. Create one with 'healthhub init'.").arg(ctx.vault->paths().dataDir),
            QStringLiteral("no vault"));
    auto password = readPassword(ctx.global, Tr::tr("Password for %1: ").arg(ctx.global.email));
    if (!password)
        return password.error();
    auto user = ctx.vault->signIn(ctx.global.email, *password).result();
    if (!user)
        return user.error();
    return success();
}

} // namespace hh::app
