#include "ui/connect/webengine/LoginWebPage.h"

#include "core/Log.h"
#include "core/smart/RedirectResult.h"
#include "core/smart/UrlPolicy.h"

namespace hh::ui {

LoginWebPage::LoginWebPage(QWebEngineProfile* profile, QObject* parent) : QWebEnginePage(profile, parent)
{
    connect(this, &QWebEnginePage::featurePermissionRequested, this,
            [this](const QUrl& origin, QWebEnginePage::Feature feature) {
                setFeaturePermission(origin, feature, QWebEnginePage::PermissionDeniedByUser);
            });
}

LoginWebPage::~LoginWebPage() = default;

void LoginWebPage::setRedirectUri(const QUrl& redirectUri)
{
    m_redirectUri = redirectUri;
}

QUrl LoginWebPage::redirectUri() const
{
    return m_redirectUri;
}

LoginWebPage::Decision LoginWebPage::classify(const QUrl& url, const QUrl& redirectUri, bool isMainFrame)
{
    if (redirectUri.isValid() && smart::matchesRedirectUri(url, redirectUri))
        return isMainFrame ? Decision::Capture : Decision::Refuse;
    const QString scheme = url.scheme().toLower();
    if (scheme == u"https" && !url.host().isEmpty() && url.userInfo().isEmpty())
        return Decision::Allow;
    if (scheme == u"http" && smart::isLoopbackHost(url.host()) && url.userInfo().isEmpty())
        return Decision::Allow;
    if (!isMainFrame && (scheme == u"about" || scheme == u"data" || scheme == u"blob"))
        return Decision::Allow; // frames the page builds itself; they never reach the network
    return Decision::Refuse;
}

bool LoginWebPage::acceptNavigationRequest(const QUrl& url, NavigationType type, bool isMainFrame)
{
    Q_UNUSED(type)
    switch (classify(url, m_redirectUri, isMainFrame)) {
    case Decision::Allow:
        return true;
    case Decision::Capture:
        qCDebug(lcUi) << "login: redirect captured";
        Q_EMIT redirectCaptured(url);
        return false;
    case Decision::Refuse:
        qCInfo(lcUi) << "login: navigation refused to" << redactUrl(url);
        if (isMainFrame)
            Q_EMIT navigationRefused(url.adjusted(QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::RemoveUserInfo));
        return false;
    }
    return false;
}

QWebEnginePage* LoginWebPage::createWindow(WebWindowType type)
{
    Q_UNUSED(type)
    qCInfo(lcUi) << "login: popup denied";
    return nullptr;
}

} // namespace hh::ui
