#pragma once

#include <QMutex>
#include <QUrl>
#include <QWebEngineUrlRequestInterceptor>

namespace hh::ui {

// Second guard of the login window, below the page's navigation rules: every network request of the
// login profile (pages, scripts, images, XHR, redirects) is checked on Chromium's IO thread. Requests
// to the redirect URI and requests that are neither https nor http to a loopback host are blocked,
// so none of them leaves the computer. A blocked main-frame request to the redirect URI is reported
// through redirectBlocked() (queued to the login window), in case the navigation hook missed it.
// Thread-safe.
class LoginRequestInterceptor final : public QWebEngineUrlRequestInterceptor
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LoginRequestInterceptor)

public:
    explicit LoginRequestInterceptor(QObject* parent = nullptr);
    ~LoginRequestInterceptor() override;

    void setRedirectUri(const QUrl& redirectUri);
    void interceptRequest(QWebEngineUrlRequestInfo& info) override;

Q_SIGNALS:
    void redirectBlocked(const QUrl& url);

private:
    mutable QMutex m_mutex;
    QUrl m_redirectUri;
};

} // namespace hh::ui
