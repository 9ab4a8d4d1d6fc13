#pragma once

#include <QMutex>
#include <QUrl>
#include <QWebEnginePage>

class QWebEngineProfile;

namespace hh::ui {

// The page of the login window. It enforces the navigation rules of the embedded sign-in
// (ARCHITECTURE.md "Security", FHIR-SMART-NOTES §2):
// - a navigation to the registered redirect URI (scheme + host + port + path, any navigation type,
//   redirects included) is captured in the main frame and refused, so nothing of it reaches the
//   network: redirectCaptured() carries the URL;
// - https is allowed; http only to a loopback host; anything else is refused (navigationRefused());
// - popups (window.open, target=_blank) are denied; feature permissions are denied.
// Certificate errors and downloads are handled by WebEngineLoginBrowser (refused).
class LoginWebPage final : public QWebEnginePage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LoginWebPage)

public:
    enum class Decision { Allow, Capture, Refuse };

    LoginWebPage(QWebEngineProfile* profile, QObject* parent);
    ~LoginWebPage() override;

    void setRedirectUri(const QUrl& redirectUri);
    [[nodiscard]] QUrl redirectUri() const;

    // The rule above, for a navigation to `url` (pure).
    [[nodiscard]] static Decision classify(const QUrl& url, const QUrl& redirectUri, bool isMainFrame);

Q_SIGNALS:
    void redirectCaptured(const QUrl& url);
    void navigationRefused(const QUrl& url);

protected:
    bool acceptNavigationRequest(const QUrl& url, NavigationType type, bool isMainFrame) override;
    QWebEnginePage* createWindow(WebWindowType type) override;

private:
    QUrl m_redirectUri;
};

} // namespace hh::ui
