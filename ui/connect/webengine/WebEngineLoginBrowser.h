#pragma once

#include "ui/connect/LoginBrowser.h"

#include <QWidget>

class QWebEngineLoadingInfo;
class QWebEngineProfile;
class QWebEngineView;

namespace hh::ui {

class LoginRequestInterceptor;
class LoginWebPage;

// The QtWebEngine implementation of LoginBrowser (inside the hh_login_webengine module only): a
// new off-the-record QWebEngineProfile with LoginRequestInterceptor, a LoginWebPage with every
// optional web feature off, and a QWebEngineView ("loginWebView") without context menu.
class WebEngineLoginBrowser final : public QWidget, public LoginBrowser
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WebEngineLoginBrowser)

public:
    WebEngineLoginBrowser(Events events, QWidget* parent);
    ~WebEngineLoginBrowser() override;

    QWidget* widget() override { return this; }
    void setRedirectUri(const QUrl& redirectUri) override;
    void load(const QUrl& url) override;
    void stop() override;
    void back() override;
    void reload() override;
    void dispose() override;

private:
    void onLoadingChanged(const QWebEngineLoadingInfo& info);
    // Runs `deliver` from the event loop unless disposed (or deleted) by then.
    template<typename F>
    void post(F deliver);

    Events m_events;
    bool m_disposed = false;
    // Deleted in this order by the destructor: view, page, profile (owns the interceptor).
    QWebEngineProfile* m_profile = nullptr;
    LoginRequestInterceptor* m_interceptor = nullptr;
    LoginWebPage* m_page = nullptr;
    QWebEngineView* m_view = nullptr;
};

} // namespace hh::ui
