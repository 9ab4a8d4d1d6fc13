#include "ui/Shell.h"

#include "core/Log.h"
#include "core/Services.h"
#include "ui/AutoLock.h"
#include "ui/FirstRunWizard.h"
#include "ui/MainWindow.h"
#include "ui/SignInWindow.h"
#include "ui/UiSettings.h"

#include <QCoreApplication>
#include <QTimer>
#include <QWidget>

#include <cstdio>

// Q_INIT_RESOURCE must be used outside any namespace; the .qrc lives in a static library, so it
// has to be referenced for the linker to keep it.
static void initUiResources()
{
    Q_INIT_RESOURCE(ui);
}

namespace hh::ui {

namespace {
// Benchmark hook (tests/bench, startup_ms): with HH_STARTUP_PROBE set, the first time the main
// window is shown print one line on stdout and quit.
void startupProbe()
{
    static bool done = false;
    if (done || !qEnvironmentVariableIsSet("HH_STARTUP_PROBE"))
        return;
    done = true;
    std::fputs("startup-probe: dashboard-shown\n", stdout);
    std::fflush(stdout);
    QTimer::singleShot(0, QCoreApplication::instance(), &QCoreApplication::quit);
}
} // namespace

Shell::Shell(IAccountService& accounts, IProfileService& profiles, QObject* parent)
    : QObject(parent), m_accounts(accounts), m_profiles(profiles), m_autoLock(new AutoLock(this))
{
    initUiResources();
    connect(m_autoLock, &AutoLock::timedOut, this, [this] {
        qCInfo(lcUi) << "auto-lock after inactivity";
        lock();
    });
}

Shell::~Shell()
{
    m_autoLock->stop();
    if (MainWindow* main = mainWindow())
        main->endSession();
    delete m_window.data();
    m_session = {};
}

void Shell::start()
{
    // Already signed in (the demo vault, or a session opened before the window): straight in.
    if (const auto user = m_accounts.currentUser())
        showMain(*user);
    else if (!m_accounts.vaultExists())
        showFirstRun();
    else
        showSignIn(m_accounts.lastEmail());
}

MainWindow* Shell::mainWindow() const
{
    return m_screen == Screen::Main ? qobject_cast<MainWindow*>(m_window.data()) : nullptr;
}

void Shell::setAutoLockIntervalOverride(std::optional<std::chrono::milliseconds> interval)
{
    m_autoLockOverride = interval;
    applyAutoLockInterval();
}

void Shell::applyAutoLockInterval()
{
    using namespace std::chrono;
    m_autoLock->setInterval(m_autoLockOverride ? *m_autoLockOverride
                                               : duration_cast<milliseconds>(minutes(UiSettings::autoLockMinutes())));
}

void Shell::setWindow(QWidget* window, Screen screen)
{
    // Show the new window before the old one goes, so the application never has zero windows
    // (quitOnLastWindowClosed) and focus moves straight to the new one.
    QWidget* old = m_window;
    m_window = window;
    m_screen = screen;
    if (screen == Screen::Main) {
        applyAutoLockInterval();
        m_autoLock->start();
    } else {
        m_autoLock->stop();
    }
    window->show();
    window->raise();
    window->activateWindow();
    if (old) {
        // Dialogs are windows of their own: hiding the parent leaves them on screen. Hide them now
        // (a lock must not leave a half-edited profile showing); deletion waits for the event loop
        // because we may be inside one of the old window's own signals.
        const QList<QWidget*> children = old->findChildren<QWidget*>();
        for (QWidget* child : children)
            if (child->isWindow())
                child->hide();
        old->hide();
        old->deleteLater();
    }
    Q_EMIT screenChanged(screen);
    if (screen == Screen::Main)
        startupProbe();
}

void Shell::showFirstRun()
{
    auto* wizard = new FirstRunWizard(m_accounts, FirstRunWizard::Mode::FirstRun);
    connect(wizard, &FirstRunWizard::accountCreated, this, &Shell::showMain);
    setWindow(wizard, Screen::FirstRun);
}

void Shell::showCreateAccount()
{
    auto* wizard = new FirstRunWizard(m_accounts, FirstRunWizard::Mode::AnotherAccount);
    connect(wizard, &FirstRunWizard::accountCreated, this, &Shell::showMain);
    connect(wizard, &FirstRunWizard::cancelled, this, [this] { showSignIn(m_accounts.lastEmail()); });
    setWindow(wizard, Screen::CreateAccount);
}

void Shell::showSignIn(const QString& email)
{
    auto* signIn = new SignInWindow(m_accounts);
    signIn->setEmail(email);
    connect(signIn, &SignInWindow::signedIn, this, &Shell::showMain);
    connect(signIn, &SignInWindow::createAccountRequested, this, &Shell::showCreateAccount);
    setWindow(signIn, Screen::SignIn);
}

void Shell::endSession()
{
    if (MainWindow* main = mainWindow())
        main->endSession();
    m_session = {}; // releases the services (their threads stop and release their connections)
}

void Shell::showMain(const User& user)
{
    endSession();
    if (m_sessionFactory)
        m_session = m_sessionFactory(user);
    auto* main = new MainWindow(user, m_accounts, m_profiles, m_session);
    connect(main, &MainWindow::lockRequested, this, &Shell::lock);
    connect(main, &MainWindow::signOutRequested, this, &Shell::signOut);
    connect(main, &MainWindow::addAccountRequested, this, [this, main] {
        if (main->findChild<FirstRunWizard*>(QString(), Qt::FindDirectChildrenOnly))
            return; // already open
        auto* wizard = new FirstRunWizard(m_accounts, FirstRunWizard::Mode::FromSession, main);
        connect(wizard, &FirstRunWizard::accountCreated, this, &Shell::showMain); // the new account signs in
        connect(wizard, &FirstRunWizard::cancelled, wizard, &QWidget::close);
        wizard->show();
    });
    connect(main, &MainWindow::quitRequested, this, &Shell::quitRequested);
    connect(main, &MainWindow::autoLockMinutesChanged, this, &Shell::applyAutoLockInterval);
    setWindow(main, Screen::Main);
}

void Shell::lock()
{
    MainWindow* main = mainWindow();
    if (!main)
        return;
    const QString email = main->user().email;
    endSession();
    m_accounts.lock();
    showSignIn(email);
}

void Shell::signOut()
{
    if (!mainWindow())
        return;
    endSession();
    m_accounts.signOut();
    showSignIn(QString());
}

} // namespace hh::ui
