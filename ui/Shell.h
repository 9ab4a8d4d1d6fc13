#pragma once

#include "core/Domain.h"
#include "ui/SessionServices.h"

#include <QObject>
#include <QPointer>

#include <chrono>
#include <optional>

class QWidget;

namespace hh {
class IAccountService;
class IProfileService;
}

namespace hh::ui {

class AutoLock;
class MainWindow;

// Owns the top-level windows and moves between them:
//   no vault → first-run wizard; vault → sign-in/unlock (email from lastEmail());
//   signed in → main window; lock (menu, Ctrl+L, auto-lock) → unlock screen with the email kept;
//   sign out → sign-in screen without the email.
// One window is shown at a time; the previous one is hidden and deleted (with any dialogs and
// in-memory profile data it held). GUI thread only. The services must outlive the Shell.
class Shell final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Shell)
public:
    enum class Screen { None, FirstRun, CreateAccount, SignIn, Main };
    Q_ENUM(Screen)

    Shell(IAccountService& accounts, IProfileService& profiles, QObject* parent = nullptr);
    ~Shell() override;

    // Shows the first window: the main window when an account is already signed in, else the
    // first-run wizard or the unlock screen. Call once, after QApplication exists.
    void start();

    [[nodiscard]] Screen currentScreen() const { return m_screen; }
    // The window on screen now (FirstRunWizard, SignInWindow or MainWindow); null before start().
    [[nodiscard]] QWidget* currentWindow() const { return m_window; }
    // The main window while signed in, else null.
    [[nodiscard]] MainWindow* mainWindow() const;
    [[nodiscard]] AutoLock* autoLock() const { return m_autoLock; }

    // How to make the services of a signed-in session (records, sync, connect). Called when the
    // main window opens; the session is ended — main window told, services released — before the
    // vault is locked or signed out. Without a factory the main window runs without those services.
    void setSessionFactory(SessionFactory factory) { m_sessionFactory = std::move(factory); }
    [[nodiscard]] const SessionServices& session() const { return m_session; }

    // Tests: a fixed auto-lock interval instead of the setting (minutes); nullopt restores the setting.
    void setAutoLockIntervalOverride(std::optional<std::chrono::milliseconds> interval);

public Q_SLOTS:
    // Close the vault, keep the email: unlock screen. No-op unless signed in.
    void lock();
    // Close the vault and forget the email: sign-in screen. No-op unless signed in.
    void signOut();

Q_SIGNALS:
    void screenChanged(hh::ui::Shell::Screen screen);
    // The user chose File → Quit; the application should quit (main connects it to QApplication::quit).
    void quitRequested();

private:
    void showFirstRun();
    void showCreateAccount();
    void showSignIn(const QString& email);
    void showMain(const User& user);
    void setWindow(QWidget* window, Screen screen);
    void applyAutoLockInterval();
    void endSession();

    IAccountService& m_accounts;
    IProfileService& m_profiles;
    AutoLock* m_autoLock;
    QPointer<QWidget> m_window;
    Screen m_screen = Screen::None;
    std::optional<std::chrono::milliseconds> m_autoLockOverride;
    SessionFactory m_sessionFactory;
    SessionServices m_session;
};

} // namespace hh::ui
