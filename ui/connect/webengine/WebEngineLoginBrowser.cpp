#include "ui/connect/webengine/WebEngineLoginBrowser.h"

#include "core/Log.h"
#include "ui/connect/webengine/LoginRequestInterceptor.h"
#include "ui/connect/webengine/LoginWebPage.h"

#include <QVBoxLayout>
#include <QWebEngineCertificateError>
#include <QWebEngineDownloadRequest>
#include <QWebEngineLoadingInfo>
#include <QWebEngineProfile>
#include <QWebEngineSettings>
#include <QWebEngineView>

using namespace Qt::StringLiterals;

namespace hh::ui {

namespace {
// Chromium's net::ERR_ABORTED: a navigation we refused or stopped ourselves.
constexpr int kNetErrAborted = -3;
} // namespace

template<typename F>
void WebEngineLoginBrowser::post(F deliver)
{
    QMetaObject::invokeMethod(
        this,
        [this, deliver = std::move(deliver)] {
            if (!m_disposed)
                deliver();
        },
        Qt::QueuedConnection);
}

WebEngineLoginBrowser::WebEngineLoginBrowser(Events events, QWidget* parent)
    : QWidget(parent), m_events(std::move(events))
{
    setObjectName(u"loginBrowser"_s);
    // A new off-the-record profile for every sign-in: nothing of the portal session reaches the disk
    // and no two logins share cookies.
    m_profile = new QWebEngineProfile(this);
    Q_ASSERT(m_profile->isOffTheRecord());
    m_profile->setHttpCacheType(QWebEngineProfile::MemoryHttpCache);
    m_profile->setPersistentCookiesPolicy(QWebEngineProfile::NoPersistentCookies);
    m_profile->setSpellCheckEnabled(false);
    m_interceptor = new LoginRequestInterceptor(m_profile);
    m_profile->setUrlRequestInterceptor(m_interceptor);
    connect(m_profile, &QWebEngineProfile::downloadRequested, this, [](QWebEngineDownloadRequest* download) {
        qCInfo(lcUi) << "login: download refused";
        download->cancel();
    });
    // Emitted on Chromium's IO thread: queued to this (GUI) thread.
    connect(m_interceptor, &LoginRequestInterceptor::redirectBlocked, this,
            [this](const QUrl& url) {
                if (!m_disposed && m_events.redirectCaptured)
                    m_events.redirectCaptured(url);
            },
            Qt::QueuedConnection);

    m_page = new LoginWebPage(m_profile, this);
    QWebEngineSettings* s = m_page->settings();
    s->setAttribute(QWebEngineSettings::JavascriptCanOpenWindows, false);
    s->setAttribute(QWebEngineSettings::JavascriptCanAccessClipboard, false);
    s->setAttribute(QWebEngineSettings::LocalContentCanAccessRemoteUrls, false);
    s->setAttribute(QWebEngineSettings::LocalContentCanAccessFileUrls, false);
    s->setAttribute(QWebEngineSettings::PluginsEnabled, false);
    s->setAttribute(QWebEngineSettings::ScreenCaptureEnabled, false);
    s->setAttribute(QWebEngineSettings::WebRTCPublicInterfacesOnly, true);
    s->setAttribute(QWebEngineSettings::DnsPrefetchEnabled, false);
    s->setAttribute(QWebEngineSettings::FullScreenSupportEnabled, false);
    s->setAttribute(QWebEngineSettings::PdfViewerEnabled, false);
    s->setAttribute(QWebEngineSettings::NavigateOnDropEnabled, false);
    s->setAttribute(QWebEngineSettings::AllowRunningInsecureContent, false);

    connect(m_page, &QWebEnginePage::certificateError, this, [this](const QWebEngineCertificateError& error) {
        QWebEngineCertificateError refused = error;
        refused.rejectCertificate();
        qCWarning(lcUi) << "login: certificate error refused for" << redactUrl(error.url());
        const QUrl url = error.url().adjusted(QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::RemoveUserInfo);
        post([this, url] {
            if (m_events.certificateRejected)
                m_events.certificateRejected(url);
        });
    });
    connect(m_page, &LoginWebPage::redirectCaptured, this, [this](const QUrl& url) {
        post([this, url] {
            if (m_events.redirectCaptured)
                m_events.redirectCaptured(url);
        });
    });
    connect(m_page, &LoginWebPage::navigationRefused, this, [this](const QUrl& url) {
        post([this, url] {
            if (m_events.navigationRefused)
                m_events.navigationRefused(url);
        });
    });
    connect(m_page, &QWebEnginePage::loadingChanged, this, &WebEngineLoginBrowser::onLoadingChanged);
    connect(m_page, &QWebEnginePage::urlChanged, this, [this](const QUrl& url) {
        post([this, url] {
            if (m_events.urlChanged)
                m_events.urlChanged(url);
        });
    });
    connect(m_page, &QWebEnginePage::renderProcessTerminated, this,
            [this](QWebEnginePage::RenderProcessTerminationStatus status, int) {
                if (status == QWebEnginePage::NormalTerminationStatus)
                    return;
                qCWarning(lcUi) << "login: render process terminated, status" << status;
                post([this] {
                    if (m_events.rendererCrashed)
                        m_events.rendererCrashed();
                });
            });

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_view = new QWebEngineView(this);
    m_view->setObjectName(u"loginWebView"_s);
    m_view->setContextMenuPolicy(Qt::NoContextMenu); // no "Inspect", no "Open in new window"
    m_view->setPage(m_page);
    layout->addWidget(m_view);
    setFocusProxy(m_view);
}

WebEngineLoginBrowser::~WebEngineLoginBrowser()
{
    m_events = {};
    // The page must die before its profile.
    delete m_view;
    m_view = nullptr;
    delete m_page;
    m_page = nullptr;
    delete m_profile; // owns the interceptor
    m_profile = nullptr;
    m_interceptor = nullptr;
}

void WebEngineLoginBrowser::onLoadingChanged(const QWebEngineLoadingInfo& info)
{
    if (info.status() != QWebEngineLoadingInfo::LoadFailedStatus)
        return;
    if (info.errorCode() == kNetErrAborted)
        return; // we refused or stopped it ourselves
    if (info.errorDomain() == QWebEngineLoadingInfo::HttpStatusCodeDomain)
        return; // the portal answered (its own error page is shown)
    qCWarning(lcUi) << "login: page failed to load:" << info.errorCode() << redactUrl(info.url());
    const QUrl url = info.url().adjusted(QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::RemoveUserInfo);
    const QString errorString = info.errorString();
    post([this, url, errorString] {
        if (m_events.loadFailed)
            m_events.loadFailed(url, errorString);
    });
}

void WebEngineLoginBrowser::setRedirectUri(const QUrl& redirectUri)
{
    m_page->setRedirectUri(redirectUri);
    m_interceptor->setRedirectUri(redirectUri);
}

void WebEngineLoginBrowser::load(const QUrl& url)
{
    m_view->load(url);
}

void WebEngineLoginBrowser::stop()
{
    m_view->stop();
}

void WebEngineLoginBrowser::back()
{
    m_view->back();
}

void WebEngineLoginBrowser::reload()
{
    m_view->reload();
}

void WebEngineLoginBrowser::dispose()
{
    if (m_disposed)
        return;
    m_disposed = true;
    m_events = {};
    m_page->disconnect(this);
    m_interceptor->disconnect(this);
    m_view->stop();
    hide();
    // Deleted from the event loop (never inside one of the page's own signals); the destructor
    // deletes the page before the profile. If the parent goes first, it deletes this synchronously.
    deleteLater();
}

} // namespace hh::ui
