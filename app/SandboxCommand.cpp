#include "app/Commands.h"

#include <QTextStream>

namespace hh::app {

int runSandboxCommand(const QStringList&)
{
    QTextStream(stderr) << "healthhub: the sandbox command is not available yet\n";
    return 2;
}

} // namespace hh::app
