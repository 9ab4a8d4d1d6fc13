#pragma once

#include "core/Result.h"

#include <QObject>
#include <QStringList>

namespace hh::ui {

class LoginBrowserFactory;

// Loads the login window module (hh_login_webengine: the QtWebEngine browser of LoginDialog) the
// first time a sign-in needs it, and keeps it loaded (QtWebEngine cannot be unloaded).
//
// Where it looks, first match wins:
//   1. <dir of the executable>/HH_LOGIN_MODULE_RELDIR: the installed layout (e.g. /usr/bin/healthhub
//      and /usr/lib/healthhub/<module>; the relative path comes from the install rules);
//   2. <dir of the executable>: the build tree (the module is built next to healthhub).
// setSearchPaths() replaces that list (tests run from another directory).
//
// A missing or broken module is an Error whose message starts with "The sign-in window could not be
// loaded:" (translated); LoginDialog shows it. GUI thread only.
class LoginBrowserLoader final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LoginBrowserLoader)

public:
    // The module's factory; loads the module on the first call.
    [[nodiscard]] static Result<LoginBrowserFactory*> factory();
    // Whether a factory was obtained (the module is mapped).
    [[nodiscard]] static bool isLoaded();

    // The module's file name (e.g. "libhh_login_webengine.so").
    [[nodiscard]] static QString moduleFileName();
    // The directories searched, in order.
    [[nodiscard]] static QStringList searchPaths();
    // Replaces the directories searched (empty: the defaults above). The next factory() searches
    // again (a module already loaded stays mapped).
    static void setSearchPaths(const QStringList& directories);

private:
    LoginBrowserLoader() = default;
    ~LoginBrowserLoader() override = default;
};

} // namespace hh::ui
