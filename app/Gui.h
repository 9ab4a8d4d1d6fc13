#pragma once

#include <QString>

namespace hh::app {

struct GuiOptions {
    QString dataDir;
    QString language;
    bool demo = false;
    bool noKeychain = false;
};

// Creates the QApplication, wires the services into the window shell and runs the event loop.
int runGui(int& argc, char** argv, const GuiOptions& options);

} // namespace hh::app
