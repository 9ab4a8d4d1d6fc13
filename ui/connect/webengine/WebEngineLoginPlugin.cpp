#include "ui/connect/webengine/WebEngineLoginPlugin.h"

#include "ui/connect/webengine/WebEngineLoginBrowser.h"

namespace hh::ui {

WebEngineLoginPlugin::WebEngineLoginPlugin(QObject* parent) : QObject(parent) {}

WebEngineLoginPlugin::~WebEngineLoginPlugin() = default;

LoginBrowser* WebEngineLoginPlugin::createBrowser(LoginBrowser::Events events, QWidget* parent)
{
    return new WebEngineLoginBrowser(std::move(events), parent);
}

} // namespace hh::ui
