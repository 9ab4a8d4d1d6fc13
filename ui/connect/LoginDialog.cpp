#include "ui/connect/LoginDialog.h"

#include "core/Log.h"
#include "core/connect/DemoEndpoints.h"
#include "core/smart/LoopbackRedirectListener.h"
#include "core/smart/Pkce.h"
#include "core/smart/UrlPolicy.h"
#include "ui/Async.h"
#include "ui/connect/LoginBrowser.h"
#include "ui/connect/LoginBrowserFactory.h"
#include "ui/connect/LoginBrowserLoader.h"

#include <QCoreApplication>
#include <QDesktopServices>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QStyle>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <unistd.h>

using namespace Qt::StringLiterals;

namespace hh::ui {

namespace {
QString hostText(const QUrl& url)
{
    if (url.host().isEmpty())
        return {};
    const int port = url.port();
    const bool defaultPort = port == -1 || (url.scheme() == u"https" && port == 443)
        || (url.scheme() == u"http" && port == 80);
    return defaultPort ? url.host() : u"%1:%2"_s.arg(url.host()).arg(port);
}
} // namespace

LoginDialog::LoginDialog(connect::ConnectService* service, QString profileId, QString endpointId, QWidget* parent)
    : LoginDialog(service, std::move(profileId), std::move(endpointId), Options{}, parent)
{
}

LoginDialog::LoginDialog(connect::ConnectService* service, QString profileId, QString endpointId, Options options,
                         QWidget* parent)
    : QDialog(parent), m_service(service), m_profileId(std::move(profileId)), m_endpointId(std::move(endpointId)),
      m_options(std::move(options)), m_opener([](const QUrl& url) { return QDesktopServices::openUrl(url); })
{
    setObjectName(u"loginDialog"_s);
    setWindowTitle(tr("Sign in to your health system"));
    buildUi();
    resize(920, 760);
    if (m_options.startImmediately)
        QTimer::singleShot(0, this, &LoginDialog::start);
}

LoginDialog::~LoginDialog()
{
    abandon();
    // Now, not with the other children: the page must die before its profile (the browser's
    // destructor sees to that).
    delete m_browser;
    m_browser = nullptr;
}

void LoginDialog::prepareApplication()
{
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    if (geteuid() == 0 && qEnvironmentVariableIsEmpty("QTWEBENGINE_DISABLE_SANDBOX"))
        qputenv("QTWEBENGINE_DISABLE_SANDBOX", "1");
    // No DevTools: never open a remote debugging port on a window that shows health records.
    qunsetenv("QTWEBENGINE_REMOTE_DEBUGGING");
}

void LoginDialog::buildUi()
{
    auto* layout = new QVBoxLayout(this);

    auto* bar = new QHBoxLayout;
    m_back = new QToolButton(this);
    m_back->setObjectName(u"backButton"_s);
    m_back->setIcon(style()->standardIcon(QStyle::SP_ArrowBack));
    m_back->setToolTip(tr("Back"));
    m_back->setAccessibleName(tr("Back"));
    m_reload = new QToolButton(this);
    m_reload->setObjectName(u"reloadButton"_s);
    m_reload->setIcon(style()->standardIcon(QStyle::SP_BrowserReload));
    m_reload->setToolTip(tr("Reload"));
    m_reload->setAccessibleName(tr("Reload"));
    m_lock = new QLabel(this);
    m_lock->setObjectName(u"lockIconLabel"_s);
    m_lock->setPixmap(QIcon(u":/icons/lock.svg"_s).pixmap(16, 16));
    m_lock->setToolTip(tr("The connection to this site is encrypted."));
    m_lock->setVisible(false);
    m_address = new QLineEdit(this);
    m_address->setObjectName(u"addressBarLineEdit"_s);
    m_address->setReadOnly(true);
    m_address->setFocusPolicy(Qt::ClickFocus);
    m_address->setAccessibleName(tr("Address of the sign-in page"));
    m_browserButton = new QPushButton(tr("&Open in my browser instead"), this);
    m_browserButton->setObjectName(u"openInBrowserButton"_s);
    m_browserButton->setToolTip(tr("Some portals do not work inside apps. Sign in with your web browser; "
                                   "Health Hub receives the answer on this computer."));
    bar->addWidget(m_back);
    bar->addWidget(m_reload);
    bar->addWidget(m_lock);
    bar->addWidget(m_address, 1);
    bar->addWidget(m_browserButton);
    layout->addLayout(bar);

    m_stack = new QStackedWidget(this);
    m_browserHost = new QWidget(m_stack);
    auto* hostLayout = new QVBoxLayout(m_browserHost);
    hostLayout->setContentsMargins(0, 0, 0, 0);
    m_statusPage = new QWidget(m_stack);
    auto* statusLayout = new QVBoxLayout(m_statusPage);
    statusLayout->addStretch(1);
    m_status = new QLabel(m_statusPage);
    m_status->setObjectName(u"loginStatusLabel"_s);
    m_status->setWordWrap(true);
    m_status->setAlignment(Qt::AlignCenter);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard); // copy the error
    // Messages can quote the health system (its error_description): never rendered as rich text.
    m_status->setTextFormat(Qt::PlainText);
    statusLayout->addWidget(m_status);
    m_retry = new QPushButton(tr("&Try again"), m_statusPage);
    m_retry->setObjectName(u"retryButton"_s);
    auto* retryRow = new QHBoxLayout;
    retryRow->addStretch(1);
    retryRow->addWidget(m_retry);
    retryRow->addStretch(1);
    statusLayout->addLayout(retryRow);
    statusLayout->addStretch(2);
    m_stack->addWidget(m_browserHost);
    m_stack->addWidget(m_statusPage);
    layout->addWidget(m_stack, 1);

    auto* bottom = new QHBoxLayout;
    bottom->addStretch(1);
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setObjectName(u"cancelButton"_s);
    m_cancel->setAutoDefault(false);
    bottom->addWidget(m_cancel);
    layout->addLayout(bottom);

    connect(m_back, &QToolButton::clicked, this, [this] {
        if (m_browser && m_phase == Phase::Portal)
            m_browser->back();
    });
    connect(m_reload, &QToolButton::clicked, this, [this] {
        if (m_browser && m_phase == Phase::Portal) {
            m_stack->setCurrentWidget(m_browserHost);
            m_browser->reload();
        }
    });
    connect(m_cancel, &QPushButton::clicked, this, &LoginDialog::reject);
    connect(m_browserButton, &QPushButton::clicked, this, &LoginDialog::openInBrowser);
    connect(m_retry, &QPushButton::clicked, this, [this] {
        if (m_phase == Phase::Portal && m_browser && m_request) {
            // The portal could not be reached: same sign-in, load again.
            m_stack->setCurrentWidget(m_browserHost);
            m_browser->load(m_request->authorizeUrl);
            return;
        }
        start();
    });
    setPhase(Phase::Starting);
}

bool LoginDialog::createBrowser()
{
    // The first sign-in loads the WebEngine module; later ones reuse it.
    Result<LoginBrowserFactory*> factory = LoginBrowserLoader::factory();
    if (!factory) {
        fail(factory.error());
        return false;
    }
    // Every event arrives queued (never inside a WebEngine callback) and never after dispose().
    LoginBrowser::Events events;
    events.redirectCaptured = [this](const QUrl& url) { onRedirect(url); };
    events.navigationRefused = [this](const QUrl& url) {
        fail(Error(ErrorCode::Protocol,
                   tr("The sign-in page tried to open an unprotected page (%1). Health Hub only opens "
                      "encrypted (https) pages and refused it.")
                       .arg(hostText(url)),
                   u"insecure navigation refused"_s));
    };
    events.certificateRejected = [this](const QUrl& url) {
        fail(Error(ErrorCode::Network,
                   tr("The security certificate of %1 is not valid, so Health Hub did not continue. Nothing "
                      "was sent to that site.")
                       .arg(hostText(url)),
                   u"certificate error"_s));
    };
    events.urlChanged = [this](const QUrl& url) { onUrlChanged(url); };
    events.loadFailed = [this](const QUrl& url, const QString& errorString) { onLoadFailed(url, errorString); };
    events.rendererCrashed = [this] {
        if (m_phase != Phase::Portal)
            return;
        fail(Error(ErrorCode::Unknown, tr("The sign-in page stopped working. Try again."),
                   u"render process terminated"_s));
    };
    m_browser = (*factory)->createBrowser(std::move(events), m_browserHost);
    m_browserHost->layout()->addWidget(m_browser->widget());
    return true;
}

void LoginDialog::destroyBrowser()
{
    if (m_listener) {
        m_listener->close();
        m_listener->deleteLater();
        m_listener = nullptr;
    }
    if (!m_browser)
        return;
    // Deferred by the browser itself, page before profile.
    m_browser->dispose();
    m_browser = nullptr;
}

void LoginDialog::setPhase(Phase phase)
{
    m_phase = phase;
    const bool portal = phase == Phase::Portal;
    m_back->setEnabled(portal);
    m_reload->setEnabled(portal);
    const bool loopbackRedirect = m_request && m_request->redirectUri.scheme() == u"http"
        && smart::isLoopbackHost(m_request->redirectUri.host());
    m_browserButton->setEnabled(portal && loopbackRedirect);
    m_cancel->setEnabled(phase != Phase::Completing);
    m_cancel->setText(phase == Phase::Failed ? tr("Close") : tr("Cancel"));
    m_retry->setVisible(phase == Phase::Failed);
    Q_EMIT phaseChanged(phase);
}

void LoginDialog::showStatus(const QString& text, bool canRetry)
{
    m_status->setText(text);
    m_retry->setVisible(canRetry);
    m_stack->setCurrentWidget(m_statusPage);
}

void LoginDialog::start()
{
    if (!m_service) {
        fail(Error(ErrorCode::Unknown, tr("Health Hub is locked."), u"no connect service"_s));
        return;
    }
    abandon();
    destroyBrowser();
    ++m_attempt;
    m_captured = false;
    m_request.reset();
    m_error.reset();
    m_address->clear();
    m_lock->setVisible(false);
    setPhase(Phase::Starting);
    if (!createBrowser())
        return;
    showStatus(tr("Opening the sign-in page…"), false);
    const quint64 attempt = m_attempt;
    whenFinished(m_service->endpoint(m_endpointId), this, [this, attempt](const Result<connect::Endpoint>& ep) {
        if (attempt != m_attempt)
            return;
        if (!ep) {
            fail(ep.error());
            return;
        }
        setWindowTitle(tr("Sign in to %1").arg(ep->name));
        if (ep->isDemo()) {
            if (Status st = connect::DemoEndpoints::ensureStarted(connect::DemoEndpoints::demoId(ep->fhirBaseUrl)); !st) {
                fail(st.error());
                return;
            }
        }
        beginLogin();
    });
}

void LoginDialog::beginLogin()
{
    const quint64 attempt = m_attempt;
    connect::LoginOptions options;
    options.loginHint = m_options.loginHint;
    options.redirectUri = m_options.redirectUri;
    whenFinished(m_service->beginLogin(m_profileId, m_endpointId, options), this,
                 [this, attempt](const Result<connect::LoginRequest>& request) {
                     if (attempt != m_attempt) {
                         if (request && m_service)
                             (void)m_service->abandonLogin(request->state);
                         return;
                     }
                     if (!request) {
                         fail(request.error());
                         return;
                     }
                     onLoginReady(request.value());
                 });
}

void LoginDialog::onLoginReady(const connect::LoginRequest& request)
{
    m_request = request;
    m_stateOpen = true;
    m_browser->setRedirectUri(request.redirectUri);
    setWindowTitle(tr("Sign in to %1").arg(request.endpointName));
    setPhase(Phase::Portal);
    m_stack->setCurrentWidget(m_browserHost);
    onUrlChanged(request.authorizeUrl);
    m_browser->load(request.authorizeUrl);
    m_browser->widget()->setFocus();
}

void LoginDialog::onUrlChanged(const QUrl& url)
{
    if (url.isEmpty() || url.scheme() == u"about")
        return;
    // Only the host: the path and query of sign-in pages carry state and codes.
    m_address->setText(hostText(url));
    const bool encrypted = url.scheme() == u"https";
    m_lock->setVisible(encrypted);
    m_address->setToolTip(encrypted ? tr("Encrypted connection to %1").arg(url.host())
                                    : tr("%1 runs on this computer (not encrypted)").arg(url.host()));
}

void LoginDialog::onLoadFailed(const QUrl& url, const QString& errorString)
{
    if (m_captured || m_phase != Phase::Portal)
        return;
    // The browser's reason (e.g. net::ERR_NAME_NOT_RESOLVED) is for the log, not for the caregiver.
    qCInfo(lcUi) << "login: sign-in page unreachable:" << errorString;
    showStatus(tr("The sign-in page of %1 could not be reached. Check the internet connection and try again.")
                   .arg(hostText(url)),
               true);
    m_retry->setVisible(true);
    m_retry->setFocus(); // Enter tries again
}

void LoginDialog::onRedirect(const QUrl& url)
{
    if (m_captured || !m_request || (m_phase != Phase::Portal && m_phase != Phase::Browser))
        return;
    const smart::RedirectResult redirect = smart::parseRedirect(url, m_request->redirectUri);
    if (!redirect.isRedirect())
        return;
    m_captured = true;
    if (m_browser)
        m_browser->stop();
    handleRedirect(redirect);
}

void LoginDialog::handleRedirect(const smart::RedirectResult& redirect)
{
    if (!m_request || !m_service)
        return;
    m_captured = true;
    if (m_listener) {
        m_listener->close();
        m_listener->deleteLater();
        m_listener = nullptr;
    }
    // m_stateOpen stays set: a redirect with another (forged) state does not consume ours; fail()
    // gives ours up, success means completeLogin consumed it.
    setPhase(Phase::Completing);
    showStatus(tr("Finishing the sign-in with %1…").arg(m_request->endpointName), false);
    const quint64 attempt = m_attempt;
    whenFinished(m_service->completeLogin(*m_request, redirect), this,
                 [this, attempt](const Result<connect::EmrConnection>& connection) {
                     if (attempt != m_attempt)
                         return;
                     if (!connection) {
                         fail(connection.error());
                         return;
                     }
                     m_stateOpen = false;
                     m_connection = connection.value();
                     setPhase(Phase::Connected);
                     showStatus(tr("Connected."), false);
                     Q_EMIT connected(connection.value());
                     accept();
                 });
}

void LoginDialog::openInBrowser()
{
    if (!m_request || m_phase != Phase::Portal)
        return;
    const QUrl redirect = m_request->redirectUri;
    m_listener = new smart::LoopbackRedirectListener(this);
    const QString state = m_request->state;
    // The listener answers only the state of this sign-in (constant-time); ConnectService then
    // consumes it from oauth_states (single-use, expiry).
    auto validator = [state](const QString& returned) { return smart::constantTimeEquals(returned, state); };
    const qint64 msLeft = qMax<qint64>(1000, QDateTime::currentDateTimeUtc().msecsTo(m_request->expiresAt));
    Status listening = m_listener->listen(static_cast<quint16>(redirect.port(80)), redirect.path(), validator,
                                          std::chrono::milliseconds(msLeft));
    if (!listening) {
        m_listener->deleteLater();
        m_listener = nullptr;
        fail(Error(listening.error().code(),
                   tr("Health Hub cannot receive the answer from your browser on port %1: %2")
                       .arg(redirect.port(80))
                       .arg(listening.error().message()),
                   listening.error().detail()));
        return;
    }
    connect(m_listener, &smart::LoopbackRedirectListener::redirectReceived, this,
            [this](const smart::RedirectResult& result) {
                if (m_captured)
                    return;
                handleRedirect(result);
            });
    connect(m_listener, &smart::LoopbackRedirectListener::failed, this, [this](const Error& error) {
        if (!m_captured)
            fail(error);
    });
    if (!m_opener(m_request->authorizeUrl)) {
        fail(Error(ErrorCode::Unknown, tr("Your web browser could not be opened."), u"openUrl failed"_s));
        return;
    }
    if (m_browser)
        m_browser->stop();
    setPhase(Phase::Browser);
    showStatus(tr("Finish signing in to %1 in your web browser. Health Hub continues here as soon as the "
                  "portal sends you back.")
                   .arg(m_request->endpointName),
               false);
}

void LoginDialog::fail(const Error& error)
{
    if (m_phase == Phase::Failed || m_phase == Phase::Connected || m_phase == Phase::Cancelled)
        return;
    qCInfo(lcUi) << "login failed:" << error.detail();
    m_error = error;
    abandon();
    if (m_browser)
        m_browser->stop();
    setPhase(Phase::Failed);
    showStatus(error.message().isEmpty() ? tr("The sign-in failed.") : error.message(), true);
    Q_EMIT failed(error);
}

void LoginDialog::abandon()
{
    if (m_listener) {
        m_listener->close();
        m_listener->deleteLater();
        m_listener = nullptr;
    }
    if (m_stateOpen && m_request && m_service)
        (void)m_service->abandonLogin(m_request->state);
    m_stateOpen = false;
}

void LoginDialog::reject()
{
    if (m_phase == Phase::Completing)
        return; // a moment: the answer is being exchanged
    if (m_phase != Phase::Connected && m_phase != Phase::Failed) {
        abandon();
        ++m_attempt; // late results of this attempt are ignored
        if (m_browser)
            m_browser->stop();
        setPhase(Phase::Cancelled);
    }
    QDialog::reject();
}

} // namespace hh::ui
