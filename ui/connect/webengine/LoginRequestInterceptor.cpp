#include "ui/connect/webengine/LoginRequestInterceptor.h"

#include "core/smart/RedirectResult.h"
#include "core/smart/UrlPolicy.h"

namespace hh::ui {

LoginRequestInterceptor::LoginRequestInterceptor(QObject* parent) : QWebEngineUrlRequestInterceptor(parent) {}

LoginRequestInterceptor::~LoginRequestInterceptor() = default;

void LoginRequestInterceptor::setRedirectUri(const QUrl& redirectUri)
{
    QMutexLocker lock(&m_mutex);
    m_redirectUri = redirectUri;
}

void LoginRequestInterceptor::interceptRequest(QWebEngineUrlRequestInfo& info)
{
    const QUrl url = info.requestUrl();
    QUrl redirect;
    {
        QMutexLocker lock(&m_mutex);
        redirect = m_redirectUri;
    }
    if (redirect.isValid() && smart::matchesRedirectUri(url, redirect)) {
        info.block(true);
        if (info.resourceType() == QWebEngineUrlRequestInfo::ResourceTypeMainFrame)
            Q_EMIT redirectBlocked(url);
        return;
    }
    const QString scheme = url.scheme().toLower();
    const bool secure = (scheme == u"https" || scheme == u"wss");
    const bool loopback = (scheme == u"http" || scheme == u"ws") && smart::isLoopbackHost(url.host());
    if (!secure && !loopback)
        info.block(true);
}

} // namespace hh::ui
