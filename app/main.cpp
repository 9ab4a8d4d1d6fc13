#include "app/Commands.h"

#include <QApplication>
#include <QTextStream>

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QTextStream(stdout) << "healthhub " << HH_VERSION << "\n";
    return 0;
}
