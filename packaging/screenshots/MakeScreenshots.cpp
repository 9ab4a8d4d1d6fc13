// hh_make_screenshots OUTDIR [--lang CODE]
//
// The README's screenshots, from the demo family: a demo vault in a temporary folder, the demo family
// connected to the in-process demo health systems and synced, the clean-records pipeline run, then the
// family dashboard and a profile view grabbed offscreen (QWidget::grab) and a visit summary written
// as PDF. Writes OUTDIR/dashboard.png, OUTDIR/profile-summary.png, OUTDIR/profile-labs.png and
// OUTDIR/visit-summary.pdf (make-screenshots.sh turns its first page into visit-summary.png).
//
// Connections go in-process (the demo server on this process's event loop, sign-in through the demo's
// OAuth pages by tests/sync/SyncTestSupport's DemoTokenProvider), as the sync tests do: no browser, no
// second process. Only synthetic people are involved.

#include "app/Bootstrap.h"
#include "app/DemoVault.h"
#include "core/Domain.h"
#include "core/connect/DemoEndpoints.h"
#include "core/demo/DemoServer.h"
#include "core/sync/SyncScheduler.h"
#include "core/sync/SyncTypes.h"
#include "db/ClinicalPipeline.h"
#include "db/ConnectionFactory.h"
#include "db/RecordsService.h"
#include "db/SyncHistoryService.h"
#include "db/SyncStore.h"
#include "db/VaultService.h"
#include "sync/SyncTestSupport.h"
#include "ui/FamilyPage.h"
#include "ui/MainWindow.h"
#include "ui/ProfileListModel.h"
#include "ui/ProfileSection.h"
#include "ui/ProfileView.h"
#include "ui/SessionServices.h"
#include "ui/VisitSummaryPdf.h"
#include "core/vault/Keychain.h"

#include <QAbstractItemModel>
#include <QApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFutureWatcher>
#include <QLabel>
#include <QSettings>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QTextStream>
#include <QThread>
#include <QTimer>
#include <QUuid>

#include <functional>
#include <optional>

using namespace Qt::StringLiterals;
using namespace hh;

namespace {

QTextStream& err()
{
    static QTextStream s(stderr);
    return s;
}

int fail(const QString& what)
{
    err() << "hh_make_screenshots: " << what << Qt::endl;
    return 1;
}

// Runs the event loop until done() or the deadline; no busy sleeping.
bool waitUntil(const std::function<bool()>& done, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timer.elapsed() > timeoutMs)
            return false;
        QEventLoop loop;
        QTimer::singleShot(50, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return true;
}

// Runs work on a thread of its own (SQL never runs on the GUI thread) while this thread's event loop
// keeps serving the demo health systems. Not a pool thread: the pipeline fans out on the global pool
// and blocks for its tasks, which must not wait behind their own caller (2 cores = 2 pool threads).
template<typename T>
T offThread(std::function<T()> work)
{
    std::optional<T> result;
    QThread* thread = QThread::create([&] { result = work(); });
    QEventLoop loop;
    QObject::connect(thread, &QThread::finished, &loop, &QEventLoop::quit);
    thread->start();
    if (!thread->isFinished())
        loop.exec();
    thread->wait();
    delete thread;
    return *result;
}

QString nowIso()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

struct Link {
    QString profileId;
    QString demoUser; // the patient's user name at the demo health systems
    QString connectionId;
    QUrl fhirBase;
};

// The demo endpoints and one connection per profile and demo health system, as a connect would leave
// them (status connected; the patient id comes with the first token).
Status addConnections(const std::shared_ptr<db::ConnectionFactory>& factory, const demo::DemoServer& server,
                      QList<Link>& links)
{
    auto db = factory->connection(u"screenshots"_s);
    if (!db)
        return db.error();
    auto exec = [&](const QString& sql, const QVariantList& binds) -> Status {
        QSqlQuery q(*db);
        q.prepare(sql);
        for (const QVariant& b : binds)
            q.addBindValue(b);
        if (!q.exec())
            return Error(ErrorCode::Database, u"setup failed"_s, q.lastError().text());
        return success();
    };
    QList<Link> out;
    for (const QString& endpointId : {u"demo-epic"_s, u"demo-athena"_s}) {
        const auto ep = server.endpoint(endpointId);
        if (!ep)
            return Error(ErrorCode::NotFound, u"no demo endpoint"_s, endpointId);
        const QString id = u"screenshots-"_s + endpointId;
        if (Status st = exec(u"INSERT OR IGNORE INTO emr_endpoints (id, vendor, name, fhir_base_url, sandbox, builtin, "
                             "created_at, updated_at) VALUES (?, ?, ?, ?, 1, 0, ?, ?)"_s,
                             {id, ep->vendor, ep->name, ep->fhirBaseUrl.toString(), nowIso(), nowIso()});
            !st)
            return st;
        for (const Link& l : std::as_const(links)) {
            Link c = l;
            c.connectionId = QUuid::createUuid().toString(QUuid::WithoutBraces);
            c.fhirBase = ep->fhirBaseUrl;
            if (Status st = exec(u"INSERT INTO profile_emr_connections (id, profile_id, endpoint_id, provider, status, "
                                 "created_at, updated_at) VALUES (?, ?, ?, ?, 'connected', ?, ?)"_s,
                                 {c.connectionId, c.profileId, id, ep->vendor, nowIso(), nowIso()});
                !st)
                return st;
            out.append(c);
        }
    }
    links = out;
    return success();
}

bool save(QWidget* w, const QString& path)
{
    w->repaint();
    const bool ok = w->grab().save(path);
    if (ok)
        err() << "wrote " << path << Qt::endl;
    return ok;
}

} // namespace

int main(int argc, char* argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() < 2 || args.at(1).startsWith(u'-'))
        return fail(u"usage: hh_make_screenshots OUTDIR [--lang CODE]"_s);
    const QString outDir = QDir(args.at(1)).absolutePath();
    QString language = u"en"_s;
    if (const qsizetype i = args.indexOf(u"--lang"_s); i > 0 && i + 1 < args.size())
        language = args.at(i + 1);
    if (!QDir().mkpath(outDir))
        return fail(u"cannot create "_s + outDir);

    // Private settings (no window geometry or language from the user's own config).
    QTemporaryDir tmp;
    if (!tmp.isValid())
        return fail(u"no temporary folder"_s);
    QCoreApplication::setOrganizationName(u"HealthHubScreenshots"_s);
    QCoreApplication::setApplicationName(u"HealthHubScreenshots"_s);
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, tmp.filePath(u"config"_s));
    app::installTranslators(language);
    sync::registerSyncMetaTypes();

    // 1. The demo vault: account and family (app/DemoVault.cpp, as `healthhub --demo` makes it).
    db::VaultService vault(tmp.filePath(u"vault"_s), std::make_unique<NoKeychain>());
    if (Status st = app::openDemoVault(vault); !st)
        return fail(u"demo vault: "_s + st.error().detail());
    const std::optional<User> user = vault.currentUser();
    if (!user)
        return fail(u"not signed in"_s);
    auto profiles = vault.listProfiles().result();
    if (!profiles)
        return fail(u"profiles: "_s + profiles.error().detail());

    // 2. The demo health systems, in this process.
    demo::DemoServer server;
    demo::DemoServerOptions serverOptions;
    serverOptions.scale = 1;
    if (auto port = server.start(serverOptions); !port)
        return fail(u"demo server: "_s + port.error().detail());

    // 3. Connect each family member to both demo health systems (their demo user names).
    QList<Link> links;
    for (const Profile& p : profiles.value())
        if (const QString demoUser = connect::DemoEndpoints::patientFor(p.relationship); !demoUser.isEmpty())
            links.append(Link{p.id, demoUser, {}, {}});
    if (links.size() != 4)
        return fail(u"the demo family is not complete"_s);
    auto factory = vault.connections();
    const Status added = offThread<Status>([&] {
        Status st = addConnections(factory, server, links);
        factory->releaseThreadConnections();
        return st;
    });
    if (!added)
        return fail(u"connections: "_s + added.error().detail());

    // 4. Sync everyone (real FHIR paging, retries, storage), then the clean-records pipeline.
    auto tokens = std::make_shared<synctest::DemoTokenProvider>();
    for (const Link& l : std::as_const(links))
        tokens->addConnection(l.connectionId, l.fhirBase, l.demoUser);
    int finished = 0;
    int failed = 0;
    // The scheduler stays for the window (its "Sync all" and the sync history are part of the views).
    sync::SyncScheduler scheduler(std::make_shared<db::SyncStore>(factory), tokens, user->id, {});
    QObject::connect(&scheduler, &sync::ISyncControl::connectionFinished, &app, [&](const sync::SyncJobResult& r) {
        ++finished;
        failed += (r.status == sync::JobStatus::Success || r.status == sync::JobStatus::Partial) ? 0 : 1;
    });
    scheduler.syncAll();
    if (!waitUntil([&] { return finished >= links.size(); }, 300000))
        return fail(u"the sync did not finish"_s);
    err() << "synced " << finished << " connections (" << failed << " failed)" << Qt::endl;
    if (failed > 0)
        return fail(u"some connections failed to sync"_s);
    for (const Link& l : std::as_const(links)) {
        if (std::any_of(links.cbegin(), links.cend(), [&](const Link& o) { return &o < &l && o.profileId == l.profileId; }))
            continue; // one run per profile
        const Status st = offThread<Status>([&] {
            db::ClinicalPipeline pipeline(factory);
            auto r = pipeline.runForProfile(l.profileId);
            pipeline.releaseThread();
            return r ? success() : Status(r.error());
        });
        if (!st)
            return fail(u"pipeline: "_s + st.error().detail());
    }

    // 5. The window, as after sign-in, over the real records service.
    auto records = std::make_unique<db::RecordsService>(factory, user->id);
    auto history = std::make_unique<db::SyncHistoryService>(factory, user->id);
    ui::SessionServices services;
    services.records = records.get();
    services.syncControl = &scheduler;
    services.syncHistory = history.get();
    auto window = std::make_unique<ui::MainWindow>(*user, vault, vault, services);
    window->resize(1200, 780);
    window->show();
    ui::ProfileListModel* model = window->profileModel();
    const bool overviews = waitUntil(
        [&] {
            if (model->rowCount() != 4)
                return false;
            for (int r = 0; r < 4; ++r)
                if (!model->index(r).data(ui::ProfileListModel::HasOverviewRole).toBool())
                    return false;
            return true;
        },
        30000);
    if (!overviews)
        return fail(u"the dashboard did not load"_s);
    waitUntil([] { return false; }, 300); // let the cards settle (fonts, layout)
    if (!save(window.get(), outDir + u"/dashboard.png"_s))
        return fail(u"cannot write dashboard.png"_s);

    // Mom's record: the summary, then labs & vitals.
    QString momId;
    for (const Link& l : std::as_const(links))
        if (l.demoUser == u"mother")
            momId = l.profileId;
    window->openProfile(momId);
    auto* browser = window->findChild<QTextBrowser*>(u"summaryTextBrowser"_s);
    auto* status = window->findChild<QLabel*>(u"summaryStatusLabel"_s);
    if (!browser || !status)
        return fail(u"no summary view"_s);
    if (!waitUntil([&] { return status->isHidden() && browser->toPlainText().size() > 200; }, 30000))
        return fail(u"the summary did not load"_s);
    waitUntil([] { return false; }, 300);
    if (!save(window.get(), outDir + u"/profile-summary.png"_s))
        return fail(u"cannot write profile-summary.png"_s);

    ui::ProfileView* view = window->profileView();
    view->showSection(ui::ProfileView::Section::Labs);
    ui::ProfileSection* labs = view->section(ui::ProfileView::Section::Labs);
    QTableView* table = labs ? labs->findChild<QTableView*>() : nullptr;
    if (!table || !waitUntil([&] { return table->model() && table->model()->rowCount() > 3; }, 30000))
        return fail(u"the labs did not load"_s);
    waitUntil([] { return false; }, 300);
    if (!save(window.get(), outDir + u"/profile-labs.png"_s))
        return fail(u"cannot write profile-labs.png"_s);

    // 6. Mom's visit summary as PDF (the script renders its first page).
    auto summary = records->visitSummary(momId);
    QFutureWatcher<Result<records::VisitSummaryData>> watcher;
    {
        QEventLoop loop;
        QObject::connect(&watcher, &QFutureWatcherBase::finished, &loop, &QEventLoop::quit);
        watcher.setFuture(summary);
        if (!summary.isFinished())
            loop.exec();
    }
    const auto data = summary.result();
    if (!data)
        return fail(u"visit summary: "_s + data.error().detail());
    ui::VisitSummaryPdf::Options pdfOptions;
    pdfOptions.locale = QLocale();
    const QString pdf = outDir + u"/visit-summary.pdf"_s;
    if (Status st = ui::VisitSummaryPdf::write(data.value(), pdf, pdfOptions); !st)
        return fail(u"PDF: "_s + st.error().detail());
    err() << "wrote " << pdf << Qt::endl;

    // As the Shell ends a session: the window, then the session's services, then the vault.
    window.reset();
    records.reset();
    history.reset();
    scheduler.shutdown(std::chrono::seconds(10));
    server.stop();
    vault.lock();
    return 0;
}
