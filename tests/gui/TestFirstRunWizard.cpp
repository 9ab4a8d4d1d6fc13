#include "gui/GuiTestSupport.h"
#include "support/FakeServices.h"
#include "ui/BusyIndicator.h"
#include "ui/ErrorLabel.h"
#include "ui/FirstRunWizard.h"
#include "ui/MainWindow.h"
#include "ui/Shell.h"
#include "ui/SignInWindow.h"

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPointer>
#include <QPushButton>
#include <QTest>

using namespace hh;
using namespace hh::test;
using namespace hh::ui;
using namespace Qt::StringLiterals;

class TestFirstRunWizard : public QObject
{
    Q_OBJECT

    TemporarySettings m_settings;

    template<typename T>
    static T* child(QWidget* parent, const QString& name)
    {
        T* w = parent ? parent->findChild<T*>(name) : nullptr;
        if (!w)
            qWarning("missing child %s", qPrintable(name));
        return w;
    }

    // Starts a shell on an empty data directory and moves to the account form.
    static FirstRunWizard* openForm(Shell& shell)
    {
        shell.start();
        auto* wizard = qobject_cast<FirstRunWizard*>(shell.currentWindow());
        if (!wizard)
            return nullptr;
        QTest::mouseClick(child<QPushButton>(wizard, u"getStartedButton"_s), Qt::LeftButton);
        return wizard;
    }

    static void fill(QWidget* w, const QString& email, const QString& name, const QString& password,
                     const QString& confirm)
    {
        typeInto(child<QLineEdit>(w, u"emailLineEdit"_s), email);
        typeInto(child<QLineEdit>(w, u"nameLineEdit"_s), name);
        typeInto(child<QLineEdit>(w, u"passwordLineEdit"_s), password);
        typeInto(child<QLineEdit>(w, u"confirmPasswordLineEdit"_s), confirm);
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_settings.isValid()); }
    void init() { TemporarySettings::clear(); }

    void firstRunShowsWelcomeThenForm()
    {
        FakeAccountService accounts;
        FakeProfileService profiles(&accounts);
        Shell shell(accounts, profiles);
        shell.start();
        QCOMPARE(shell.currentScreen(), Shell::Screen::FirstRun);
        auto* wizard = qobject_cast<FirstRunWizard*>(shell.currentWindow());
        QVERIFY(wizard);
        QVERIFY(wizard->isVisible());
        QCOMPARE(wizard->currentPage(), FirstRunWizard::Page::Welcome);
        // The welcome text explains the encrypted vault.
        bool explainsVault = false;
        for (const QLabel* label : wizard->findChildren<QLabel*>())
            explainsVault = explainsVault || label->text().contains(u"encrypted vault"_s);
        QVERIFY(explainsVault);

        QTest::mouseClick(child<QPushButton>(wizard, u"getStartedButton"_s), Qt::LeftButton);
        QCOMPARE(wizard->currentPage(), FirstRunWizard::Page::Account);
        QTest::mouseClick(child<QPushButton>(wizard, u"backButton"_s), Qt::LeftButton);
        QCOMPARE(wizard->currentPage(), FirstRunWizard::Page::Welcome);
    }

    void createsAccountAndOpensMainWindow()
    {
        FakeAccountService accounts;
        FakeProfileService profiles(&accounts);
        Shell shell(accounts, profiles);
        FirstRunWizard* wizard = openForm(shell);
        QVERIFY(wizard);
        const QPointer<FirstRunWizard> guard = wizard;
        fill(wizard, u"ana@example.org"_s, u"Ana López"_s, u"correct horse"_s, u"correct horse"_s);
        QTest::mouseClick(child<QPushButton>(wizard, u"createAccountButton"_s), Qt::LeftButton);

        QTRY_COMPARE(shell.currentScreen(), Shell::Screen::Main);
        QCOMPARE(accounts.createCalls, 1);
        QCOMPARE(accounts.lastCreateEmail, u"ana@example.org"_s);
        QCOMPARE(accounts.lastCreateName, u"Ana López"_s);
        QCOMPARE(accounts.passwordOf(u"ana@example.org"_s), "correct horse"_ba);
        MainWindow* main = shell.mainWindow();
        QVERIFY(main);
        QVERIFY(main->isVisible());
        QCOMPARE(main->user().email, u"ana@example.org"_s);
        QVERIFY(child<QLabel>(main, u"accountStatusLabel"_s)->text().contains(u"Ana López"_s));
        QTRY_VERIFY(!guard || !guard->isVisible()); // the shell may delete it
    }

    void enterOnLastFieldSubmits()
    {
        FakeAccountService accounts;
        FakeProfileService profiles(&accounts);
        Shell shell(accounts, profiles);
        FirstRunWizard* wizard = openForm(shell);
        QVERIFY(wizard);
        fill(wizard, u"ana@example.org"_s, u"Ana"_s, u"12345678"_s, u"12345678"_s);
        QTest::keyClick(child<QLineEdit>(wizard, u"confirmPasswordLineEdit"_s), Qt::Key_Return);
        QTRY_COMPARE(shell.currentScreen(), Shell::Screen::Main);
        QCOMPARE(accounts.createCalls, 1);
    }

    void validationErrorsSubmitNothing_data()
    {
        QTest::addColumn<QString>("email");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("password");
        QTest::addColumn<QString>("confirm");
        QTest::addColumn<QString>("errorLabel");
        QTest::newRow("bad email") << u"ana@nowhere"_s << u"Ana"_s << u"12345678"_s << u"12345678"_s
                                   << u"emailErrorLabel"_s;
        QTest::newRow("empty name") << u"ana@example.org"_s << u"   "_s << u"12345678"_s << u"12345678"_s
                                    << u"nameErrorLabel"_s;
        QTest::newRow("short password") << u"ana@example.org"_s << u"Ana"_s << u"1234567"_s << u"1234567"_s
                                        << u"passwordErrorLabel"_s;
        QTest::newRow("mismatch") << u"ana@example.org"_s << u"Ana"_s << u"12345678"_s << u"12345679"_s
                                  << u"confirmPasswordErrorLabel"_s;
    }
    void validationErrorsSubmitNothing()
    {
        QFETCH(QString, email);
        QFETCH(QString, name);
        QFETCH(QString, password);
        QFETCH(QString, confirm);
        QFETCH(QString, errorLabel);

        FakeAccountService accounts;
        FakeProfileService profiles(&accounts);
        Shell shell(accounts, profiles);
        FirstRunWizard* wizard = openForm(shell);
        QVERIFY(wizard);
        fill(wizard, email, name, password, confirm);
        QTest::mouseClick(child<QPushButton>(wizard, u"createAccountButton"_s), Qt::LeftButton);

        auto* label = child<ErrorLabel>(wizard, errorLabel);
        QVERIFY(label);
        QVERIFY2(!label->text().isEmpty(), qPrintable(errorLabel));
        QVERIFY(label->isVisibleTo(wizard));
        // Only the bad field complains.
        for (const ErrorLabel* other : wizard->findChildren<ErrorLabel*>())
            if (other != label)
                QVERIFY2(other->text().isEmpty(), qPrintable(other->objectName()));
        QCOMPARE(accounts.createCalls, 0);
        QCOMPARE(shell.currentScreen(), Shell::Screen::FirstRun);
        QCOMPARE(shell.currentWindow(), wizard);

        // Editing the field clears its message.
        QLineEdit* edit = child<QLineEdit>(wizard, u"emailLineEdit"_s);
        if (errorLabel == u"nameErrorLabel"_s)
            edit = child<QLineEdit>(wizard, u"nameLineEdit"_s);
        else if (errorLabel == u"passwordErrorLabel"_s)
            edit = child<QLineEdit>(wizard, u"passwordLineEdit"_s);
        else if (errorLabel == u"confirmPasswordErrorLabel"_s)
            edit = child<QLineEdit>(wizard, u"confirmPasswordLineEdit"_s);
        QTest::keyClick(edit, Qt::Key_X);
        QVERIFY(label->text().isEmpty());
    }

    void serviceErrorShownInlineAndFormKept()
    {
        FakeAccountService accounts;
        FakeProfileService profiles(&accounts);
        Shell shell(accounts, profiles);
        FirstRunWizard* wizard = openForm(shell);
        QVERIFY(wizard);
        accounts.failNextWith(Error(ErrorCode::AlreadyExists, u"An account with this email already exists."_s));
        fill(wizard, u"ana@example.org"_s, u"Ana"_s, u"12345678"_s, u"12345678"_s);
        QTest::mouseClick(child<QPushButton>(wizard, u"createAccountButton"_s), Qt::LeftButton);

        auto* emailError = child<ErrorLabel>(wizard, u"emailErrorLabel"_s);
        QTRY_COMPARE(emailError->text(), u"An account with this email already exists."_s);
        QCOMPARE(accounts.createCalls, 1);
        QCOMPARE(shell.currentScreen(), Shell::Screen::FirstRun);
        QCOMPARE(child<QLineEdit>(wizard, u"emailLineEdit"_s)->text(), u"ana@example.org"_s);
        QCOMPARE(child<QLineEdit>(wizard, u"nameLineEdit"_s)->text(), u"Ana"_s);
        QCOMPARE(child<QLineEdit>(wizard, u"passwordLineEdit"_s)->text(), u"12345678"_s);
        QCOMPARE(child<QLineEdit>(wizard, u"confirmPasswordLineEdit"_s)->text(), u"12345678"_s);
        QVERIFY(child<QPushButton>(wizard, u"createAccountButton"_s)->isEnabled());

        // Other errors go to the form-level label; then a retry succeeds.
        accounts.failNextWith(Error(ErrorCode::Io, u"The data folder cannot be written."_s));
        typeInto(child<QLineEdit>(wizard, u"emailLineEdit"_s), u"ana2@example.org"_s);
        QTest::mouseClick(child<QPushButton>(wizard, u"createAccountButton"_s), Qt::LeftButton);
        QTRY_COMPARE(child<ErrorLabel>(wizard, u"formErrorLabel"_s)->text(), u"The data folder cannot be written."_s);
        QTest::mouseClick(child<QPushButton>(wizard, u"createAccountButton"_s), Qt::LeftButton);
        QTRY_COMPARE(shell.currentScreen(), Shell::Screen::Main);
        QCOMPARE(accounts.createCalls, 3);
    }

    void busyWhileCreating()
    {
        FakeAccountService accounts;
        FakeProfileService profiles(&accounts);
        accounts.setDelivery(Delivery::Deferred);
        Shell shell(accounts, profiles);
        FirstRunWizard* wizard = openForm(shell);
        QVERIFY(wizard);
        fill(wizard, u"ana@example.org"_s, u"Ana"_s, u"12345678"_s, u"12345678"_s);
        auto* create = child<QPushButton>(wizard, u"createAccountButton"_s);
        QTest::mouseClick(create, Qt::LeftButton);

        QCOMPARE(accounts.pendingCount(), 1);
        QVERIFY(wizard->isBusy());
        QVERIFY(!create->isEnabled());
        QVERIFY(!child<QLineEdit>(wizard, u"emailLineEdit"_s)->isEnabled());
        auto* busy = child<BusyIndicator>(wizard, u"createAccountBusyIndicator"_s);
        QVERIFY(busy->isBusy());
        QVERIFY(!busy->text().isEmpty());
        // A second click or Enter while busy does not submit twice.
        QTest::keyClick(child<QLineEdit>(wizard, u"confirmPasswordLineEdit"_s), Qt::Key_Return);
        QCOMPARE(accounts.createCalls, 1);
        QCOMPARE(shell.currentScreen(), Shell::Screen::FirstRun);

        accounts.finishPending();
        QTRY_COMPARE(shell.currentScreen(), Shell::Screen::Main);
    }

private:
    // One account (Ana, password 12345678) and the shell started on the sign-in screen.
    struct AnaAtSignIn {
        AnaAtSignIn()
        {
            accounts.addAccount(u"ana@example.org"_s, u"Ana"_s, u"12345678"_s);
            accounts.setLastEmail(u"ana@example.org"_s);
            shell.start();
        }
        FakeAccountService accounts;
        FakeProfileService profiles{&accounts};
        Shell shell{accounts, profiles};
    };

private Q_SLOTS:
    void anotherAccountFromSignInScreen()
    {
        AnaAtSignIn f;
        Shell& shell = f.shell;
        QCOMPARE(shell.currentScreen(), Shell::Screen::SignIn);
        QTest::mouseClick(child<QPushButton>(shell.currentWindow(), u"createAnotherAccountButton"_s),
                          Qt::LeftButton);
        QCOMPARE(shell.currentScreen(), Shell::Screen::CreateAccount);
        auto* wizard = qobject_cast<FirstRunWizard*>(shell.currentWindow());
        QVERIFY(wizard);
        QCOMPARE(wizard->currentPage(), FirstRunWizard::Page::Account);

        // Back returns to sign-in with the remembered email.
        QTest::mouseClick(child<QPushButton>(wizard, u"backButton"_s), Qt::LeftButton);
        QCOMPARE(shell.currentScreen(), Shell::Screen::SignIn);
        QCOMPARE(child<QLineEdit>(shell.currentWindow(), u"emailLineEdit"_s)->text(), u"ana@example.org"_s);

        // And this time create Ben's account.
        QTest::mouseClick(child<QPushButton>(shell.currentWindow(), u"createAnotherAccountButton"_s),
                          Qt::LeftButton);
        wizard = qobject_cast<FirstRunWizard*>(shell.currentWindow());
        QVERIFY(wizard);
        fill(wizard, u"ben@example.org"_s, u"Ben"_s, u"abcdefgh"_s, u"abcdefgh"_s);
        QTest::mouseClick(child<QPushButton>(wizard, u"createAccountButton"_s), Qt::LeftButton);
        QTRY_COMPARE(shell.currentScreen(), Shell::Screen::Main);
        QCOMPARE(shell.mainWindow()->user().name, u"Ben"_s);
    }

    // Account ▸ Add another account, while signed in (the README's way): the form opens over the window;
    // Cancel (or Esc) closes it and leaves the session as it was; creating the account signs it in.
    void anotherAccountWhileSignedIn()
    {
        AnaAtSignIn f;
        Shell& shell = f.shell;
        typeInto(child<QLineEdit>(shell.currentWindow(), u"passwordLineEdit"_s), u"12345678"_s);
        QTest::mouseClick(child<QPushButton>(shell.currentWindow(), u"signInButton"_s), Qt::LeftButton);
        QTRY_VERIFY(shell.mainWindow());
        QPointer<MainWindow> main = shell.mainWindow();
        auto* action = child<QAction>(main, u"addAccountAction"_s);
        QVERIFY(main->findChild<QMenu*>(u"accountMenu"_s)->actions().contains(action));

        action->trigger();
        QPointer<FirstRunWizard> wizard = main->findChild<FirstRunWizard*>();
        QVERIFY(wizard);
        QVERIFY(wizard->isVisible());
        QCOMPARE(wizard->mode(), FirstRunWizard::Mode::FromSession);
        QCOMPARE(wizard->currentPage(), FirstRunWizard::Page::Account);
        action->trigger(); // not a second form
        QCOMPARE(main->findChildren<FirstRunWizard*>().size(), 1);
        wizard->activateWindow();
        QApplication::setActiveWindow(wizard);
        QVERIFY(QTest::qWaitForWindowActive(wizard));
        QTest::keyClick(child<QLineEdit>(wizard, u"emailLineEdit"_s), Qt::Key_Escape);
        QTRY_VERIFY(!wizard);
        QCOMPARE(shell.currentScreen(), Shell::Screen::Main);
        QCOMPARE(shell.mainWindow(), main.data());
        QCOMPARE(f.accounts.createCalls, 0);

        action->trigger();
        wizard = main->findChild<FirstRunWizard*>();
        QVERIFY(wizard);
        fill(wizard, u"ben@example.org"_s, u"Ben"_s, u"abcdefgh"_s, u"abcdefgh"_s);
        QTest::mouseClick(child<QPushButton>(wizard, u"createAccountButton"_s), Qt::LeftButton);
        QTRY_VERIFY(shell.mainWindow() && shell.mainWindow()->user().name == u"Ben"_s);
        QCOMPARE(shell.currentScreen(), Shell::Screen::Main);
        QCOMPARE(f.accounts.createCalls, 1);
    }
};

QTEST_MAIN(TestFirstRunWizard)
#include "TestFirstRunWizard.moc"
