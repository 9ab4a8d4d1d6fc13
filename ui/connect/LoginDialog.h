#pragma once

#include "core/Result.h"
#include "core/connect/ConnectService.h"
#include "core/connect/EmrConnection.h"
#include "core/smart/RedirectResult.h"

#include <QDialog>
#include <QPointer>
#include <QUrl>

#include <functional>
#include <optional>

class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;
class QToolButton;

namespace hh::smart {
class LoopbackRedirectListener;
}

namespace hh::ui {

class LoginBrowser;

// The sign-in window: a patient portal in an embedded browser (issue 4, ARCHITECTURE.md "Security").
//
// Opens the authorization URL of ConnectService::beginLogin() in an embedded browser (LoginBrowser:
// QtWebEngine with a NEW off-the-record profile, so no cookies or cache on disk and family members'
// portal sessions never mix), shows the portal's host and a lock for https in a read-only address
// bar, and offers back, reload, cancel and "Open in my browser instead". The redirect URI is captured
// before any request for it leaves; certificate errors, non-loopback http, popups, downloads and
// permission requests are refused; no DevTools, no context menu. When the portal cannot be reached an
// error page with "Try again" is shown. The captured redirect goes to ConnectService::completeLogin();
// on success the dialog accepts itself.
//
// The browser lives in a separate module (hh_login_webengine) that LoginBrowserLoader loads when the
// first sign-in starts: this class, hh_ui and the healthhub executable do not link QtWebEngine, so the
// app starts without it. A missing module fails the sign-in with a clear message (phase Failed).
//
// Demo endpoints: DemoEndpoints::ensureStarted() is called first (on this, the GUI thread).
// Widgets carry objectNames for tests: loginWebView (the QWebEngineView), addressBarLineEdit,
// lockIconLabel, backButton, reloadButton, cancelButton, openInBrowserButton, loginStatusLabel,
// retryButton, closeButton.
//
// The QApplication needs Qt::AA_ShareOpenGLContexts set before it is created (and
// QTWEBENGINE_DISABLE_SANDBOX=1 when running as root): prepareApplication(), which needs no WebEngine.
class LoginDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LoginDialog)

public:
    enum class Phase { Starting, Portal, Browser, Completing, Connected, Failed, Cancelled };

    struct Options {
        QString loginHint;     // login_hint for the portal (optional)
        QUrl redirectUri;      // empty = the endpoint's setting
        bool startImmediately = true; // false: call start() yourself
    };

    LoginDialog(connect::ConnectService* service, QString profileId, QString endpointId, Options options,
                QWidget* parent = nullptr);
    LoginDialog(connect::ConnectService* service, QString profileId, QString endpointId, QWidget* parent = nullptr);
    ~LoginDialog() override;

    // Before QApplication exists: shared OpenGL contexts, no Chromium sandbox as root, no remote
    // debugging port. Only QtCore calls: the executable runs it without loading QtWebEngine.
    static void prepareApplication();

    // Starts (or restarts) the sign-in: a fresh browser profile and a fresh state.
    void start();

    [[nodiscard]] Phase phase() const { return m_phase; }
    [[nodiscard]] const std::optional<connect::EmrConnection>& connection() const { return m_connection; }
    [[nodiscard]] const std::optional<Error>& lastError() const { return m_error; }

    // What "Open in my browser instead" uses to open the authorization URL (default:
    // QDesktopServices::openUrl). For tests.
    void setExternalOpener(std::function<bool(const QUrl&)> opener) { m_opener = std::move(opener); }

public Q_SLOTS:
    void reject() override;

Q_SIGNALS:
    void connected(const hh::connect::EmrConnection& connection);
    void failed(const hh::Error& error);
    void phaseChanged(hh::ui::LoginDialog::Phase phase);

private:
    void buildUi();
    [[nodiscard]] bool createBrowser();
    void destroyBrowser();
    void setPhase(Phase phase);
    void beginLogin();
    void onLoginReady(const connect::LoginRequest& request);
    void onRedirect(const QUrl& url);
    void handleRedirect(const smart::RedirectResult& redirect);
    void onLoadFailed(const QUrl& url, const QString& errorString);
    void onUrlChanged(const QUrl& url);
    void openInBrowser();
    void showStatus(const QString& text, bool canRetry);
    void fail(const Error& error);
    void abandon();

    QPointer<connect::ConnectService> m_service;
    QString m_profileId;
    QString m_endpointId;
    Options m_options;
    Phase m_phase = Phase::Starting;
    std::optional<connect::LoginRequest> m_request;
    std::optional<connect::EmrConnection> m_connection;
    std::optional<Error> m_error;
    bool m_captured = false;     // a redirect was taken: ignore the page's ensuing load failure
    bool m_stateOpen = false;    // a state was stored and not yet consumed
    quint64 m_attempt = 0;       // results of older attempts are ignored
    std::function<bool(const QUrl&)> m_opener;

    QToolButton* m_back = nullptr;
    QToolButton* m_reload = nullptr;
    QLabel* m_lock = nullptr;
    QLineEdit* m_address = nullptr;
    QPushButton* m_browserButton = nullptr;
    QPushButton* m_cancel = nullptr;
    QStackedWidget* m_stack = nullptr;
    QWidget* m_browserHost = nullptr;
    QWidget* m_statusPage = nullptr;
    QLabel* m_status = nullptr;
    QPushButton* m_retry = nullptr;
    QPushButton* m_close = nullptr;

    // Per login (a child of m_browserHost); disposed when a new sign-in starts.
    LoginBrowser* m_browser = nullptr;
    smart::LoopbackRedirectListener* m_listener = nullptr;
};

} // namespace hh::ui
