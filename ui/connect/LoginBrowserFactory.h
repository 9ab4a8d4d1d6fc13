#pragma once

#include "ui/connect/LoginBrowser.h"

#include <QtPlugin>

namespace hh::ui {

// The interface of the login window module (a Qt plugin, target hh_login_webengine): its root object
// implements it. Loaded by LoginBrowserLoader. The IID carries a version: change it whenever
// LoginBrowser or this interface changes, so that a stale module is refused instead of misused.
class LoginBrowserFactory
{
public:
    LoginBrowserFactory() = default;
    LoginBrowserFactory(const LoginBrowserFactory&) = delete;
    LoginBrowserFactory& operator=(const LoginBrowserFactory&) = delete;
    LoginBrowserFactory(LoginBrowserFactory&&) = delete;
    LoginBrowserFactory& operator=(LoginBrowserFactory&&) = delete;
    virtual ~LoginBrowserFactory() = default;

    // A new browser (new off-the-record profile) as a child of `parent`. Never null.
    [[nodiscard]] virtual LoginBrowser* createBrowser(LoginBrowser::Events events, QWidget* parent) = 0;
};

} // namespace hh::ui

#define HH_LOGIN_BROWSER_FACTORY_IID "io.github.healthhub.LoginBrowserFactory/1"
Q_DECLARE_INTERFACE(hh::ui::LoginBrowserFactory, HH_LOGIN_BROWSER_FACTORY_IID)
