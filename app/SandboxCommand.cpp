#include "app/Commands.h"

#include "core/demo/DemoServer.h"
#include "core/demo/FaultPlan.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QSocketNotifier>
#include <QTextStream>

#include <csignal>
#include <cstdio>
#include <memory>
#include <optional>

#include <sys/socket.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace hh::app {

namespace {

// Self-pipe for SIGTERM/SIGINT: the handler only writes one byte (async-signal-safe); the event loop reads it.
int g_signalFds[2] = {-1, -1};

extern "C" void onTerminationSignal(int)
{
    const char byte = 1;
    if (g_signalFds[0] >= 0 && ::write(g_signalFds[0], &byte, 1) < 0) {
        // nothing safe to do in a signal handler
    }
}

struct Parsed {
    demo::DemoServerOptions options;
    QString error; // non-empty: bad arguments
    bool help = false;
};

Parsed parseArgs(const QStringList& args)
{
    Parsed p;
    const auto need = [&](int& i, const QString& name) -> std::optional<QString> {
        if (i + 1 >= args.size()) {
            p.error = QCoreApplication::translate("hh::app::sandbox", "%1 needs a value").arg(name);
            return std::nullopt;
        }
        return args.at(++i);
    };
    for (int i = 0; i < args.size() && p.error.isEmpty(); ++i) {
        QString arg = args.at(i);
        QString inlineValue;
        bool hasInline = false;
        if (arg.startsWith(u"--"_s) && arg.contains(u'=')) {
            inlineValue = arg.section(u'=', 1);
            arg = arg.section(u'=', 0, 0);
            hasInline = true;
        }
        const auto value = [&](const QString& name) -> std::optional<QString> {
            if (hasInline)
                return inlineValue;
            return need(i, name);
        };
        if (arg == u"--help" || arg == u"-h") {
            p.help = true;
        } else if (arg == u"--auto-approve") {
            p.options.autoApprove = true;
        } else if (arg == u"--port") {
            const auto v = value(arg);
            if (!v)
                break;
            bool ok = false;
            const uint port = v->toUInt(&ok);
            if (!ok || port > 65535)
                p.error = QCoreApplication::translate("hh::app::sandbox", "--port needs a number from 0 to 65535");
            else
                p.options.port = quint16(port);
        } else if (arg == u"--scale") {
            const auto v = value(arg);
            if (!v)
                break;
            bool ok = false;
            const int scale = v->toInt(&ok);
            if (!ok || scale < 1 || scale > demo::SyntheticFamily::kMaxScale)
                p.error = QCoreApplication::translate("hh::app::sandbox", "--scale needs a number from 1 to %1")
                              .arg(demo::SyntheticFamily::kMaxScale);
            else
                p.options.scale = scale;
        } else if (arg == u"--replay") {
            const auto v = value(arg);
            if (!v)
                break;
            if (v->trimmed().isEmpty() || !QFileInfo(*v).isDir())
                p.error = QCoreApplication::translate("hh::app::sandbox", "--replay needs a directory");
            else
                p.options.replayDir = *v;
        } else if (arg == u"--fault") {
            const auto v = value(arg);
            if (!v)
                break;
            const auto rule = demo::FaultPlan::parse(*v);
            if (!rule)
                p.error = rule.error().message();
            else
                p.options.faults.append(*v);
        } else {
            p.error = QCoreApplication::translate("hh::app::sandbox", "unknown argument \"%1\"").arg(arg);
        }
    }
    return p;
}

} // namespace

int runSandboxCommand(const QStringList& args)
{
    QTextStream err(stderr);
    const Parsed parsed = parseArgs(args);
    if (parsed.help) {
        QTextStream(stdout) << "usage: healthhub sandbox [--port N] [--auto-approve] [--scale N] [--replay DIR] "
                               "[--fault SPEC ...]\n";
        return 0;
    }
    if (!parsed.error.isEmpty()) {
        err << "healthhub: " << parsed.error << "\n";
        return 2;
    }

    // main() may or may not have created the application object.
    std::unique_ptr<QCoreApplication> ownApp;
    static int argc = 1;
    static char name[] = "healthhub";
    static char* argv[] = {name, nullptr};
    if (!QCoreApplication::instance())
        ownApp = std::make_unique<QCoreApplication>(argc, argv);

    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalFds) != 0) {
        err << "healthhub: cannot set up signal handling\n";
        return 1;
    }
    struct sigaction action = {};
    action.sa_handler = onTerminationSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    struct sigaction oldTerm = {}, oldInt = {};
    sigaction(SIGTERM, &action, &oldTerm);
    sigaction(SIGINT, &action, &oldInt);

    int rc = 0;
    {
        demo::DemoServer server;
        const auto started = server.start(parsed.options);
        if (!started) {
            err << "healthhub: " << started.error().message() << "\n";
            rc = 1;
        } else {
            {
                QTextStream out(stdout);
                for (const demo::DemoEndpoint& e : server.endpoints())
                    out << e.id << ' ' << e.fhirBaseUrl.toString() << '\n';
                out.flush();
            }
            std::fflush(stdout);
            QSocketNotifier notifier(g_signalFds[1], QSocketNotifier::Read);
            QObject::connect(&notifier, &QSocketNotifier::activated, &server, [&server, &notifier]() {
                char byte = 0;
                if (::read(g_signalFds[1], &byte, 1) < 0)
                    byte = 0;
                notifier.setEnabled(false);
                server.stop();
                QCoreApplication::quit();
            });
            rc = QCoreApplication::exec();
        }
    }

    sigaction(SIGTERM, &oldTerm, nullptr);
    sigaction(SIGINT, &oldInt, nullptr);
    ::close(g_signalFds[0]);
    ::close(g_signalFds[1]);
    g_signalFds[0] = g_signalFds[1] = -1;
    return rc;
}

} // namespace hh::app
