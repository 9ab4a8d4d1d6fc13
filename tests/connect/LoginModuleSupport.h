#pragma once

// The login window's browser is a module (hh_login_webengine) that LoginBrowserLoader looks for next
// to the executable; test executables live elsewhere, so they point the loader at the built module
// (HH_LOGIN_MODULE_DIR, tests/connect.cmake). Call from initMain(), before the QApplication exists.

#include "ui/connect/LoginBrowserLoader.h"
#include "ui/connect/LoginDialog.h"

#ifndef HH_LOGIN_MODULE_DIR
#error "HH_LOGIN_MODULE_DIR is set by tests/connect.cmake"
#endif

namespace hh::test {

inline void prepareLoginWindow()
{
    ui::LoginDialog::prepareApplication();
    ui::LoginBrowserLoader::setSearchPaths({QStringLiteral(HH_LOGIN_MODULE_DIR)});
}

} // namespace hh::test
