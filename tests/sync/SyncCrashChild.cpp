// Helper of tst_sync_crash: runs one connection's sync against a demo server and prints its progress, so
// that the test can SIGKILL it mid-sync. Not a test by itself.
//
//   HH_TEST_DB=<vault path> HH_TEST_KEY=<64 hex> tst_sync_crash_child <connection id> <fhir base> <user>
// stdout: "fetched <n>" per page stored, then "done <status>".

#include "core/SecretBytes.h"
#include "core/sync/SyncScheduler.h"
#include "db/ConnectionFactory.h"
#include "db/SyncStore.h"
#include "sync/SyncTestSupport.h"

#include <QCoreApplication>
#include <QTextStream>
#include <QUrl>

#include <cstdio>

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 4)
        return 2;
    const QByteArray key = QByteArray::fromHex(qgetenv("HH_TEST_KEY"));
    auto factory = std::make_shared<hh::db::ConnectionFactory>(QString::fromLocal8Bit(qgetenv("HH_TEST_DB")),
                                                               hh::SecretBytes(key));
    auto store = std::make_shared<hh::db::SyncStore>(factory);
    auto tokens = std::make_shared<hh::synctest::DemoTokenProvider>();
    tokens->addConnection(args.at(1), QUrl(args.at(2)), args.at(3));
    hh::sync::SyncEngineOptions options;
    options.http.retry.timeScale = 0.001;
    hh::sync::SyncScheduler scheduler(store, tokens, {}, options);
    QObject::connect(&scheduler, &hh::sync::ISyncControl::connectionProgress, &app,
                     [](const hh::sync::SyncProgress& p) {
                         if (p.running && p.resourcesFetched > 0) {
                             std::printf("fetched %lld\n", static_cast<long long>(p.resourcesFetched));
                             std::fflush(stdout);
                         }
                     });
    QObject::connect(&scheduler, &hh::sync::ISyncControl::connectionFinished, &app,
                     [](const hh::sync::SyncJobResult& r) {
                         std::printf("done %s\n", qPrintable(hh::sync::jobStatusKey(r.status)));
                         std::fflush(stdout);
                         QCoreApplication::quit();
                     });
    scheduler.syncConnection(args.at(1));
    const int rc = app.exec();
    scheduler.shutdown();
    factory->closeAll();
    return rc;
}
