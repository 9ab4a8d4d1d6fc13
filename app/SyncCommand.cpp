// `healthhub sync [--profile NAME_OR_ID] [--json]` (issue 5): syncs one profile's connections, or every
// profile's, printing progress on stderr; --json prints the jobs on stdout. Exit status 1 when a job failed.
#include "app/Commands.h"

#include "core/connect/ConnectService.h"
#include "core/connect/DemoEndpoints.h"
#include "core/connect/TokenProvider.h"
#include "core/sync/SyncScheduler.h"
#include "db/ClinicalPipeline.h"
#include "db/ConnectionStore.h"
#include "db/SyncHistoryService.h"
#include "db/SyncStore.h"
#include "db/VaultService.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QHash>
#include <QTextStream>
#include <QTimer>

#include <algorithm>
#include <atomic>
#include <csignal>
#include <memory>
#include <optional>

namespace hh::app {

// app/ConnectCommands.cpp: lets DemoEndpoints::ensureStarted() start the in-process demo server.
void installDemoServerStarter(QObject* owner, bool autoApprove);

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(hh::app::SyncCommand)
};

QJsonObject jobJson(const sync::SyncJobResult& r)
{
    return QJsonObject{
        {QStringLiteral("job_id"), r.jobId.isEmpty() ? QJsonValue() : QJsonValue(r.jobId)},
        {QStringLiteral("profile"), r.profileName},
        {QStringLiteral("profile_id"), r.profileId},
        {QStringLiteral("endpoint"), r.endpointId},
        {QStringLiteral("endpoint_name"), r.endpointName},
        {QStringLiteral("status"), sync::jobStatusKey(r.status)},
        {QStringLiteral("resources_fetched"), r.resourcesFetched},
        {QStringLiteral("error_message"), r.errorMessage.isEmpty() ? QJsonValue() : QJsonValue(r.errorMessage)},
    };
}

// SIGINT/SIGTERM cancel the running syncs (consistently) instead of killing the process.
std::atomic<bool> g_interrupted{false};
void onInterrupt(int)
{
    g_interrupted.store(true);
}
} // namespace

int runSyncCommand(CommandContext& ctx)
{
    QCommandLineParser parser;
    const QCommandLineOption profileOpt(QStringLiteral("profile"),
                                        Tr::tr("Profile name or id (default: every profile)."), Tr::tr("profile"));
    const QCommandLineOption jsonOpt(QStringLiteral("json"), Tr::tr("Print the jobs as JSON."));
    parser.addOptions({profileOpt, jsonOpt});
    if (!parseCommandLine(parser, ctx.args, QStringLiteral("sync")))
        return kExitUsage;
    const bool json = parser.isSet(jsonOpt);
    if (parser.isSet(profileOpt) && parser.value(profileOpt).trimmed().isEmpty())
        return usage(Tr::tr("--profile needs a profile name or id."));

    if (Status st = signIn(ctx); !st)
        return fail(st.error());
    const auto user = ctx.vault->currentUser();
    auto factory = ctx.vault->connections();
    if (!user || !factory)
        return fail(Error(ErrorCode::InvalidInput, Tr::tr("Sign in first."), QStringLiteral("vault locked")));
    QString profileId;
    if (parser.isSet(profileOpt)) {
        auto profile = ctx.vault->findProfile(parser.value(profileOpt)).result();
        if (!profile)
            return fail(profile.error());
        profileId = profile->id;
    }

    // Tokens: the connection layer's provider (refresh tokens, Epic's JWT bearer grant).
    auto service = std::make_shared<connect::ConnectService>(db::makeConnectStores(factory, user->id),
                                                             ctx.vault->secretsKey(), user->id);
    if (Status st = service->ready().result(); !st)
        return fail(st.error());
    auto tokens = std::make_shared<connect::TokenProvider>(service);
    auto store = std::make_shared<db::SyncStore>(factory);
    // Progress lines name the profile and the health system ("Mom at Lakeside Clinic"), not a connection id.
    QHash<QString, QString> connectionLabels;
    {
        db::SyncHistoryService history(factory, user->id);
        if (auto conns = history.connections(profileId).result()) {
            for (const sync::ConnectionSyncInfo& c : std::as_const(*conns))
                connectionLabels.insert(c.connectionId, Tr::tr("%1 at %2").arg(c.profileName, c.endpointName));
        }
    }

    QObject demoOwner; // the in-process demo server, if a demo connection is synced
    installDemoServerStarter(&demoOwner, false);

    sync::SyncEngineOptions options;
    options.resolveBaseUrl = [](const QString& stored) { return connect::DemoEndpoints::resolve(stored); };
    options.lockFilePath = ctx.vault->paths().syncLock();
    int exitCode = kExitOk;
    QList<sync::SyncJobResult> results;
    {
        sync::SyncScheduler scheduler(store, tokens, user->id, options);
        scheduler.setTargetPreparer([](const sync::SyncTarget& t) -> Status {
            if (connect::DemoEndpoints::isDemoBase(t.fhirBaseUrl))
                return connect::DemoEndpoints::ensureStarted(connect::DemoEndpoints::demoId(t.fhirBaseUrl));
            return success();
        });
        auto settings = [&]() -> std::optional<sync::SyncSettings> {
            auto session = store->openSession();
            std::optional<sync::SyncSettings> out;
            if (session) {
                auto s = (*session)->loadSettings();
                if (s)
                    out = *s;
            }
            return out;
        }();
        store->releaseThread();
        if (settings)
            scheduler.setMaxConcurrent(settings->maxConcurrent);

        QTextStream err(stderr);
        QHash<QString, qint64> lastPrinted;
        QObject::connect(&scheduler, &sync::ISyncControl::connectionProgress, &scheduler,
                         [&](const sync::SyncProgress& p) {
                             if (!p.running || p.typesTotal == 0)
                                 return;
                             // One line per finished record type, plus every 1000 records.
                             const qint64 key = qint64(p.typesDone) * 1000000000LL + p.resourcesFetched / 1000;
                             if (lastPrinted.value(p.connectionId, -1) == key)
                                 return;
                             lastPrinted.insert(p.connectionId, key);
                             err << Tr::tr("%1: %2 of %3 kinds of records, %4 records")
                                        .arg(connectionLabels.value(p.connectionId, p.connectionId.left(8)))
                                        .arg(p.typesDone)
                                        .arg(p.typesTotal)
                                        .arg(p.resourcesFetched)
                                 << "\n"
                                 << Qt::flush;
                         });
        QObject::connect(&scheduler, &sync::ISyncControl::connectionFinished, &scheduler,
                         [&](const sync::SyncJobResult& r) {
                             results.append(r);
                             err << Tr::tr("%1 at %2: %3, %4 records")
                                        .arg(r.profileName, r.endpointName, sync::jobStatusLabel(r.status))
                                        .arg(r.resourcesFetched);
                             if (!r.errorMessage.isEmpty())
                                 err << " – " << r.errorMessage;
                             err << "\n" << Qt::flush;
                         });
        QObject::connect(&scheduler, &sync::ISyncControl::syncRequestFailed, &scheduler, [&](const Error& e) {
            err << "healthhub: " << e.message() << "\n" << Qt::flush;
            exitCode = kExitFailure;
        });

        QEventLoop loop;
        QObject::connect(&scheduler, &sync::ISyncControl::idle, &loop, &QEventLoop::quit);
        QTimer interruptPoll;
        g_interrupted = false;
        auto oldInt = std::signal(SIGINT, onInterrupt);
        auto oldTerm = std::signal(SIGTERM, onInterrupt);
        QObject::connect(&interruptPoll, &QTimer::timeout, &scheduler, [&]() {
            if (g_interrupted.exchange(false)) {
                err << Tr::tr("Cancelling…") << "\n" << Qt::flush;
                scheduler.cancelAll();
            }
        });
        interruptPoll.start(200);
        scheduler.start();
        if (profileId.isEmpty())
            scheduler.syncAll();
        else
            scheduler.syncProfile(profileId);
        loop.exec();
        interruptPoll.stop();
        std::signal(SIGINT, oldInt);
        std::signal(SIGTERM, oldTerm);
        scheduler.shutdown();
    }
    store->releaseThread();

    if (results.isEmpty() && exitCode == kExitOk)
        QTextStream(stderr) << Tr::tr("No connected health system to sync.") << "\n";

    // Issue 6: the clinical pipeline (normalize, de-duplicate, summary) for every profile that got data.
    QList<std::pair<QString, QString>> synced; // id, name
    for (const sync::SyncJobResult& r : std::as_const(results)) {
        if (r.dataStored() && std::find_if(synced.cbegin(), synced.cend(),
                                           [&](const auto& p) { return p.first == r.profileId; }) == synced.cend())
            synced.append({r.profileId, r.profileName});
    }
    if (!updateRecords(factory, synced))
        exitCode = kExitFailure;
    for (const sync::SyncJobResult& r : std::as_const(results)) {
        if (r.status == sync::JobStatus::Failed)
            exitCode = kExitFailure;
    }
    if (json) {
        QJsonArray array;
        for (const sync::SyncJobResult& r : std::as_const(results))
            array.append(jobJson(r));
        QTextStream(stdout) << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented));
    }
    return exitCode;
}

bool updateRecords(const std::shared_ptr<db::ConnectionFactory>& factory,
                   const QList<std::pair<QString, QString>>& profiles)
{
    if (profiles.isEmpty())
        return true;
    bool ok = true;
    QTextStream err(stderr);
    db::ClinicalPipeline pipeline(factory);
    for (const auto& [id, name] : profiles) {
        int lastStep = -1; // a line per 10 %, never backwards
        auto stats = pipeline.runForProfile(id, [&](qint64 done, qint64 total) {
            const int percent = total > 0 ? int(done * 100 / total) : 0;
            if (percent / 10 <= lastStep)
                return;
            lastStep = percent / 10;
            err << Tr::tr("%1: updating the records, %2%").arg(name).arg(percent) << "\n" << Qt::flush;
        });
        if (!stats) {
            err << "healthhub: "
                << Tr::tr("The records of %1 could not be updated: %2").arg(name, stats.error().message()) << "\n"
                << Qt::flush;
            ok = false;
            continue;
        }
        err << Tr::tr("%1: %2 records, %3 after removing duplicates")
                   .arg(name)
                   .arg(stats->rawScanned)
                   .arg(stats->cleanRows)
            << "\n"
            << Qt::flush;
    }
    pipeline.releaseThread();
    return ok;
}

} // namespace hh::app
