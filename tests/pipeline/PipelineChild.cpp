// Helper of tst_pipeline (killedRunIsRepaired): runs the pipeline once for a profile, so that the test can
// kill it at a named point (HH_KILL_AT, core/TestHooks.h). Not a test by itself.
//   HH_TEST_DB=<vault> HH_TEST_KEY=<64 hex> tst_pipeline_child <profile id> <batch size>
#include "core/SecretBytes.h"
#include "db/ClinicalPipeline.h"
#include "db/ConnectionFactory.h"

#include <QCoreApplication>

#include <cstdio>

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 3)
        return 2;
    auto factory = std::make_shared<hh::db::ConnectionFactory>(QString::fromLocal8Bit(qgetenv("HH_TEST_DB")),
                                                               hh::SecretBytes(QByteArray::fromHex(qgetenv("HH_TEST_KEY"))));
    hh::db::ClinicalPipeline pipeline(factory);
    pipeline.setBatchSize(args.at(2).toInt());
    auto r = pipeline.runForProfile(args.at(1));
    std::printf("done %d\n", r.ok() ? 1 : 0);
    pipeline.releaseThread();
    factory->closeAll();
    return r.ok() ? 0 : 1;
}
