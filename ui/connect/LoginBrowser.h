#pragma once

#include <QString>
#include <QUrl>

#include <functional>

class QWidget;

namespace hh::ui {

// The embedded browser of the login window (LoginDialog), as seen from hh_ui. It is implemented by
// the WebEngine module (target hh_login_webengine, ui/connect/webengine/), which LoginBrowserLoader
// loads on the first sign-in: neither hh_ui nor the healthhub executable links QtWebEngine, so the
// app starts without it (issue 8, startup_ms).
//
// The implementation enforces the navigation rules of the sign-in (ARCHITECTURE.md "Security"): a new
// off-the-record profile per browser (nothing of the portal session reaches the disk), navigations
// and requests to the redirect URI captured before they leave, https only (http only to loopback),
// certificate errors, popups, downloads, permission requests refused, no context menu or DevTools.
//
// Events are always delivered later from the event loop (queued), never from inside a WebEngine
// callback, and never after dispose(): a handler may stop, dispose or replace the browser.
// GUI thread only. A plain C++ interface (no QObject, no moc) so that the module needs nothing of
// hh_ui's code: the vtable and the std::function callbacks are all that crosses the boundary.
class LoginBrowser
{
public:
    struct Events {
        // The main frame went (or a request of the page went) to the redirect URI: it was stopped
        // before reaching the network. The URL carries code/state or error: never log it.
        std::function<void(const QUrl& url)> redirectCaptured;
        // A main-frame navigation broke the rules (not https, not loopback http) and was refused.
        // The URL has no query, fragment or user info.
        std::function<void(const QUrl& url)> navigationRefused;
        // A certificate error (always refused; nothing was sent to that site).
        std::function<void(const QUrl& url)> certificateRejected;
        // The address shown changed (for the address bar: the dialog shows only its host).
        std::function<void(const QUrl& url)> urlChanged;
        // A page could not be loaded at all (network, DNS...). Not for pages the portal answered
        // with an HTTP error, nor for loads that were refused or stopped on purpose.
        std::function<void(const QUrl& url, const QString& errorString)> loadFailed;
        // The page's renderer process ended abnormally.
        std::function<void()> rendererCrashed;
    };

    LoginBrowser() = default;
    LoginBrowser(const LoginBrowser&) = delete;
    LoginBrowser& operator=(const LoginBrowser&) = delete;
    LoginBrowser(LoginBrowser&&) = delete;
    LoginBrowser& operator=(LoginBrowser&&) = delete;
    // Synchronous: page before profile. Also run when the Qt parent of widget() is deleted.
    virtual ~LoginBrowser() = default;

    // The browser's widget (the object itself; owned by its Qt parent). Its QWebEngineView child has
    // the objectName "loginWebView" (tests).
    [[nodiscard]] virtual QWidget* widget() = 0;
    // The URI whose navigations are captured (scheme, host, port and path compared).
    virtual void setRedirectUri(const QUrl& redirectUri) = 0;
    virtual void load(const QUrl& url) = 0;
    virtual void stop() = 0;
    virtual void back() = 0;
    virtual void reload() = 0;
    // No more events; hidden now, deleted from the event loop (page before profile).
    virtual void dispose() = 0;
};

} // namespace hh::ui
