// Runs `healthhub sandbox ARGS` through hh::app::runSandboxCommand without the rest of the app, for
// tst_demo_sandbox. With HH_HARNESS_APP=1 the harness creates the application object first (as main() does).

#include "app/Commands.h"

#include <QCoreApplication>

#include <cstdlib>
#include <memory>

int main(int argc, char* argv[])
{
    QStringList args;
    for (int i = 1; i < argc; ++i)
        args.append(QString::fromLocal8Bit(argv[i]));
    std::unique_ptr<QCoreApplication> app;
    if (qEnvironmentVariableIntValue("HH_HARNESS_APP") == 1)
        app = std::make_unique<QCoreApplication>(argc, argv);
    return hh::app::runSandboxCommand(args);
}
