// `healthhub connect` and `healthhub disconnect` (issue 4), and the demo server starter the login
// window uses for the built-in demo health systems.
#include "app/Commands.h"

#include "core/Log.h"
#include "core/connect/ConnectService.h"
#include "core/connect/DemoEndpoints.h"
#include "core/demo/DemoServer.h"
#include "db/ConnectionStore.h"
#include "db/VaultService.h"
#include "ui/connect/LoginDialog.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QFutureWatcher>
#include <QGuiApplication>
#include <QPointer>
#include <QTextStream>
#include <QTimer>

#include <memory>
#include <optional>

namespace hh::app {

// Makes DemoEndpoints::ensureStarted() start an in-process demo server (a child of `owner`, on the
// calling thread) on a free port and register its endpoints. With autoApprove its login and
// consent pages submit themselves (the patient comes from login_hint): used when the app runs
// offscreen. When `owner` is destroyed, the server stops and the registration is removed.
// The GUI calls it once after creating its main window: installDemoServerStarter(window, false).
void installDemoServerStarter(QObject* owner, bool autoApprove);

void installDemoServerStarter(QObject* owner, bool autoApprove)
{
    QPointer<QObject> guard(owner);
    connect::DemoEndpoints::setStarter([guard, autoApprove]() -> Status {
        if (!guard)
            return Error(ErrorCode::Unknown,
                         QCoreApplication::translate("hh::app::ConnectCommands", "The demo health systems are closed."),
                         QStringLiteral("demo owner gone"));
        auto* server = new demo::DemoServer(guard);
        demo::DemoServerOptions options;
        options.autoApprove = autoApprove;
        // Tokens sealed with a key of the open vault: a demo connection made by `healthhub connect`
        // keeps working in `healthhub sync` (another process), and after a restart of the app.
        options.tokenKey = connect::DemoEndpoints::tokenKey();
        auto port = server->start(options);
        if (!port) {
            delete server;
            return port.error();
        }
        for (const demo::DemoEndpoint& e : server->endpoints())
            connect::DemoEndpoints::registerBaseUrl(e.id, e.fhirBaseUrl);
        qCInfo(lcApp) << "demo health systems started on port" << *port << (autoApprove ? "(auto-approve)" : "");
        return success();
    });
    QObject::connect(owner, &QObject::destroyed, [] {
        connect::DemoEndpoints::setStarter({});
        connect::DemoEndpoints::unregisterAll();
    });
}

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("hh::app", text);
}

Result<std::unique_ptr<connect::ConnectService>> openService(CommandContext& ctx)
{
    const auto user = ctx.vault->currentUser();
    auto factory = ctx.vault->connections();
    if (!user || !factory)
        return Error(ErrorCode::InvalidInput, tr("Sign in first."), QStringLiteral("vault locked"));
    auto service = std::make_unique<connect::ConnectService>(db::makeConnectStores(factory, user->id),
                                                             ctx.vault->secretsKey(), user->id);
    if (Status st = service->ready().result(); !st)
        return st.error();
    return service;
}

bool isOffscreen()
{
    return QGuiApplication::platformName() == u"offscreen" || QGuiApplication::platformName() == u"minimal";
}
} // namespace

int runConnectCommand(CommandContext& ctx)
{
    QCommandLineParser parser;
    const QCommandLineOption profileOpt(QStringLiteral("profile"), tr("Profile name or id."), tr("profile"));
    const QCommandLineOption endpointOpt(QStringLiteral("endpoint"), tr("Endpoint id (see 'endpoint list')."),
                                         tr("id"));
    const QCommandLineOption hintOpt(QStringLiteral("login-hint"), tr("User name to suggest to the portal."),
                                     tr("user"));
    const QCommandLineOption redirectOpt(QStringLiteral("redirect-uri"),
                                         tr("Redirect URI to use instead of the endpoint's setting."), tr("uri"));
    const QCommandLineOption timeoutOpt(QStringLiteral("timeout"),
                                        tr("Give up after this many seconds (default: 120 offscreen, none "
                                           "otherwise)."),
                                        tr("seconds"));
    parser.addOptions({profileOpt, endpointOpt, hintOpt, redirectOpt, timeoutOpt});
    if (!parseCommandLine(parser, ctx.args, QStringLiteral("connect")))
        return kExitUsage;
    if (parser.value(profileOpt).trimmed().isEmpty() || parser.value(endpointOpt).trimmed().isEmpty())
        return usage(tr("connect needs --profile and --endpoint."));
    int timeoutSecs = isOffscreen() ? 120 : 0; // offscreen nobody can click: an auto-approving portal takes seconds
    if (parser.isSet(timeoutOpt)) {
        bool ok = false;
        timeoutSecs = parser.value(timeoutOpt).toInt(&ok);
        if (!ok || timeoutSecs < 0)
            return usage(tr("--timeout needs a number of seconds."));
    }
    QUrl redirect;
    if (parser.isSet(redirectOpt)) {
        redirect = QUrl(parser.value(redirectOpt));
        if (!redirect.isValid() || redirect.scheme().isEmpty())
            return usage(tr("--redirect-uri needs a URL."));
    }
    if (!qobject_cast<QGuiApplication*>(QCoreApplication::instance()))
        return fail(Error(ErrorCode::Unknown, tr("connect needs a window system (or QT_QPA_PLATFORM=offscreen)."),
                          QStringLiteral("no QApplication")));

    if (Status st = signIn(ctx); !st)
        return fail(st.error());
    auto profile = ctx.vault->findProfile(parser.value(profileOpt)).result();
    if (!profile)
        return fail(profile.error());
    auto service = openService(ctx);
    if (!service)
        return fail(service.error());
    auto endpoint = (*service)->endpoint(parser.value(endpointOpt).trimmed()).result();
    if (!endpoint)
        return fail(endpoint.error());

    // A demo health system signs in the demo patient who is this profile (mother, father ...), unless told.
    QString loginHint = parser.value(hintOpt).trimmed();
    if (!parser.isSet(hintOpt) && endpoint->isDemo()) {
        loginHint = connect::DemoEndpoints::patientFor(profile->relationship);
        if (loginHint.isEmpty() && isOffscreen())
            return usage(tr("The demo health systems have no patient for this profile's relationship: give "
                            "--login-hint self, mother, father or child."));
    }

    // Built-in demo endpoints: the in-process demo server, auto-approving when nobody can click.
    QObject demoOwner;
    installDemoServerStarter(&demoOwner, isOffscreen());

    std::optional<Error> error;
    std::optional<connect::EmrConnection> connected;
    {
        ui::LoginDialog::Options options;
        options.loginHint = loginHint;
        options.redirectUri = redirect;
        ui::LoginDialog dialog(service->get(), profile->id, endpoint->id, options);
        QObject::connect(&dialog, &ui::LoginDialog::connected, &dialog, [&](const connect::EmrConnection& c) {
            connected = c;
            QCoreApplication::quit();
        });
        QObject::connect(&dialog, &ui::LoginDialog::failed, &dialog, [&](const Error& e) {
            error = e;
            if (isOffscreen())
                QCoreApplication::quit(); // nobody can press "Try again"
        });
        QObject::connect(&dialog, &QDialog::finished, &dialog, [] { QCoreApplication::quit(); });
        QTimer timeout;
        timeout.setSingleShot(true);
        if (timeoutSecs > 0) {
            QObject::connect(&timeout, &QTimer::timeout, &dialog, [&] {
                error = Error(ErrorCode::Cancelled, tr("The sign-in did not finish in time."),
                              QStringLiteral("connect timeout"));
                QCoreApplication::quit();
            });
            timeout.start(timeoutSecs * 1000);
        }
        dialog.show();
        QCoreApplication::exec();
        if (!connected && !error)
            error = dialog.lastError().value_or(
                Error(ErrorCode::Cancelled, tr("The sign-in was cancelled."), QStringLiteral("login cancelled")));
        if (!connected && dialog.isVisible())
            dialog.reject(); // gives the state up
    }
    if (!connected)
        return fail(*error);
    QTextStream(stderr) << tr("Connected %1 to %2.").arg(profile->displayName, endpoint->name) << "\n";
    if (!connected->lastError.isEmpty())
        QTextStream(stderr) << connected->lastError << "\n";
    QTextStream(stdout) << connected->id << "\n";
    return kExitOk;
}

int runDisconnectCommand(CommandContext& ctx)
{
    QCommandLineParser parser;
    const QCommandLineOption profileOpt(QStringLiteral("profile"), tr("Profile name or id."), tr("profile"));
    const QCommandLineOption endpointOpt(QStringLiteral("endpoint"), tr("Endpoint id."), tr("id"));
    const QCommandLineOption deleteOpt(QStringLiteral("delete-data"),
                                       tr("Also delete the records synced from this health system."));
    parser.addOptions({profileOpt, endpointOpt, deleteOpt});
    if (!parseCommandLine(parser, ctx.args, QStringLiteral("disconnect")))
        return kExitUsage;
    if (parser.value(profileOpt).trimmed().isEmpty() || parser.value(endpointOpt).trimmed().isEmpty())
        return usage(tr("disconnect needs --profile and --endpoint."));
    if (Status st = signIn(ctx); !st)
        return fail(st.error());
    auto profile = ctx.vault->findProfile(parser.value(profileOpt)).result();
    if (!profile)
        return fail(profile.error());
    auto service = openService(ctx);
    if (!service)
        return fail(service.error());
    auto connection = (*service)->connection(profile->id, parser.value(endpointOpt).trimmed()).result();
    if (!connection)
        return fail(connection.error());
    auto endpoint = (*service)->endpoint(connection->endpointId).result();
    if (!endpoint)
        return fail(endpoint.error());
    // A built-in demo health system runs in this process: started, so that it can revoke its tokens.
    QObject demoOwner;
    installDemoServerStarter(&demoOwner, false);
    if (endpoint->isDemo())
        (void)connect::DemoEndpoints::ensureStarted(connect::DemoEndpoints::demoId(endpoint->fhirBaseUrl));
    const bool deleteData = parser.isSet(deleteOpt);
    const bool wasDisconnected = connection->status == connect::ConnectionStatus::Disconnected;
    // Waited for with the event loop running: the in-process demo server answers the revocation on this thread.
    QFuture<Result<connect::DisconnectResult>> pending = (*service)->disconnect(connection->id, deleteData);
    {
        QEventLoop loop;
        QFutureWatcher<Result<connect::DisconnectResult>> watcher;
        QObject::connect(&watcher, &QFutureWatcherBase::finished, &loop, &QEventLoop::quit);
        watcher.setFuture(pending);
        if (!pending.isFinished())
            loop.exec();
    }
    auto result = pending.result();
    if (!result)
        return fail(result.error());
    QTextStream err(stderr);
    // The profile's clean records and summary are built again from what its other health systems gave.
    const auto rebuild = [&]() {
        err << Qt::flush;
        return !deleteData || updateRecords(ctx.vault->connections(), {{profile->id, profile->displayName}})
                   ? kExitOk
                   : kExitFailure;
    };
    if (wasDisconnected) { // nothing to revoke any more; --delete-data still deletes the records
        err << (deleteData ? tr("%1 was already disconnected from %2; the records synced from it were deleted.")
                           : tr("%1 was already disconnected from %2; its records are kept."))
                   .arg(profile->displayName, endpoint->name)
            << "\n";
        return rebuild();
    }
    if (result->revoked)
        err << tr("The health system revoked Health Hub's access.") << "\n";
    else if (!result->revocationError.isEmpty())
        err << tr("The access could not be revoked at the health system: %1").arg(result->revocationError) << "\n";
    else if (!result->revocationSupported)
        err << tr("This health system offers no way to revoke access; it ends on its own.") << "\n";
    err << (deleteData ? tr("Disconnected; the records synced from it were deleted.")
                       : tr("Disconnected; the records synced from it were kept."))
        << "\n";
    return rebuild();
}

bool commandNeedsGui(const QString& command)
{
    return command == u"connect";
}

} // namespace hh::app
