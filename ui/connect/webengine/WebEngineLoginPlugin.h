#pragma once

#include "ui/connect/LoginBrowserFactory.h"

#include <QObject>

namespace hh::ui {

// The root object of the hh_login_webengine module (a Qt plugin loaded by LoginBrowserLoader):
// makes WebEngineLoginBrowsers.
class WebEngineLoginPlugin final : public QObject, public LoginBrowserFactory
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID HH_LOGIN_BROWSER_FACTORY_IID)
    Q_INTERFACES(hh::ui::LoginBrowserFactory)
    Q_DISABLE_COPY_MOVE(WebEngineLoginPlugin)

public:
    explicit WebEngineLoginPlugin(QObject* parent = nullptr);
    ~WebEngineLoginPlugin() override;

    LoginBrowser* createBrowser(LoginBrowser::Events events, QWidget* parent) override;
};

} // namespace hh::ui
