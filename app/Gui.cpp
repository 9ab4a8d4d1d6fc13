#include "app/Gui.h"

#include "app/Bootstrap.h"
#include "app/Commands.h"
#include "app/DemoVault.h"

#include "core/Log.h"
#include "core/vault/Keychain.h"
#include "db/VaultService.h"
#include "core/connect/ConnectService.h"
#include "core/connect/DemoEndpoints.h"
#include "core/connect/TokenProvider.h"
#include "core/sync/SyncScheduler.h"
#include "db/ConnectionStore.h"
#include "db/PipelineRunner.h"
#include "db/RecordsService.h"
#include "db/SyncHistoryService.h"
#include "db/SyncStore.h"
#include "ui/SessionServices.h"
#include "ui/Shell.h"

#include <QApplication>
#include <QMessageBox>
#include <QPointer>
#include <QScopeGuard>
#include <QStandardPaths>

namespace hh::app {

int runGui(int& argc, char** argv, const GuiOptions& options)
{
    prepareWebEngine();
    QApplication app(argc, argv);
    setApplicationIdentity();
    QApplication::setDesktopFileName(QStringLiteral("io.github.healthhub.HealthHub"));
    installTranslators(options.language);

    const QString dataDir = options.demo ? resolveDemoDataDir(options.dataDir) : resolveDataDir(options.dataDir);

    std::unique_ptr<IKeychain> keychain =
        options.noKeychain ? std::unique_ptr<IKeychain>(new NoKeychain) : makeDefaultKeychain();
    db::VaultService vault(dataDir, std::move(keychain));

    if (options.demo) {
        // The demo vault opens without a password prompt: its password is public (README).
        if (Status st = openDemoVault(vault); !st) {
            QMessageBox::critical(nullptr, QCoreApplication::translate("hh::app", "Health Hub"),
                                  QCoreApplication::translate("hh::app", "The demo vault could not be opened: %1")
                                      .arg(st.error().message()));
            return 1;
        }
    }

    // Locks the vault on the way out, after the Shell below is gone: the session's services (records,
    // sync, pipeline) stop their threads first, so no query runs on a connection being closed.
    const auto lockOnExit = qScopeGuard([&vault] { vault.lock(); });
    ui::Shell shell(vault, vault);
    // The signed-in session's services: records for the views, connections (login, tokens) and
    // background sync. The Shell releases them before the vault locks.
    QObject demoOwner;
    installDemoServerStarter(&demoOwner, false);
    shell.setSessionFactory([&vault](const User& user) {
        struct Session {
            std::shared_ptr<db::RecordsService> records;
            std::shared_ptr<connect::ConnectService> connect;
            std::unique_ptr<db::SyncHistoryService> history;
            std::unique_ptr<sync::SyncScheduler> scheduler;
            std::unique_ptr<db::PipelineRunner> pipeline;
            ~Session()
            {
                // Every worker must have ended before the vault closes its connections: a cancelled worker ends
                // within its own timeouts (a request, a busy database), so wait for it however long that is.
                while (scheduler && !scheduler->shutdown(std::chrono::seconds(5)))
                    qCWarning(lcApp) << "still waiting for a sync to stop";
                scheduler.reset();
                // After the scheduler (it feeds the runner); stops at the next batch, keeps what is done.
                if (pipeline)
                    pipeline->shutdown();
                pipeline.reset();
            }
        };
        auto session = std::make_shared<Session>();
        auto factory = vault.connections();
        session->records = std::make_shared<db::RecordsService>(factory, user.id);
        session->connect = std::make_shared<connect::ConnectService>(db::makeConnectStores(factory, user.id),
                                                                     vault.secretsKey(), user.id);
        session->history = std::make_unique<db::SyncHistoryService>(factory, user.id);
        sync::SyncEngineOptions syncOptions;
        syncOptions.resolveBaseUrl = [](const QString& stored) { return connect::DemoEndpoints::resolve(stored); };
        syncOptions.lockFilePath = vault.paths().syncLock();
        auto store = std::make_shared<db::SyncStore>(factory);
        auto tokens = std::make_shared<connect::TokenProvider>(session->connect);
        session->scheduler = std::make_unique<sync::SyncScheduler>(store, tokens, user.id, syncOptions);
        session->scheduler->setTargetPreparer([](const sync::SyncTarget& t) -> Status {
            if (connect::DemoEndpoints::isDemoBase(t.fhirBaseUrl))
                return connect::DemoEndpoints::ensureStarted(connect::DemoEndpoints::demoId(t.fhirBaseUrl));
            return success();
        });
        auto* records = session->records.get();
        // Issue 6: each connection's new data goes through the clinical pipeline (normalize, de-duplicate,
        // summary) on the runner's thread; the views refresh once the profile's summary is written.
        session->pipeline = std::make_unique<db::PipelineRunner>(factory, user.id);
        auto* pipeline = session->pipeline.get();
        QObject::connect(session->scheduler.get(), &sync::ISyncControl::connectionSynced, pipeline,
                         [pipeline](const QString& profileId, const QString&, const QString&) {
                             pipeline->enqueue(profileId);
                         });
        QObject::connect(pipeline, &db::PipelineRunner::profileUpdated, records,
                         [records](const QString& profileId) { records->notifyProfileChanged(profileId); });
        QObject::connect(pipeline, &db::PipelineRunner::profileFailed, records,
                         [records](const QString& profileId, const Error&) { records->notifyProfileChanged(profileId); });
        pipeline->start();
        session->scheduler->useStoredSettings(); // Settings ▸ Preferences: the schedule, kept in the vault
        session->scheduler->start();
        ui::SessionServices services;
        services.records = records;
        services.connect = session->connect.get();
        services.syncControl = session->scheduler.get();
        services.syncHistory = session->history.get();
        services.updateRecords = [p = QPointer<db::PipelineRunner>(pipeline)](const QString& profileId) {
            if (p)
                p->enqueue(profileId);
        };
        services.owner = session;
        return services;
    });
    QObject::connect(&shell, &ui::Shell::quitRequested, &app, &QCoreApplication::quit);
    shell.start();
    return app.exec();
}

} // namespace hh::app
