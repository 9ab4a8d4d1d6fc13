#include "gui/GuiTestSupport.h"
#include "support/FakeServices.h"
#include "ui/BusyIndicator.h"
#include "ui/ErrorLabel.h"
#include "ui/MainWindow.h"
#include "ui/Shell.h"
#include "ui/SignInWindow.h"

#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QTest>

using namespace hh;
using namespace hh::test;
using namespace hh::ui;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(hh::ErrorCode)

class TestSignInWindow : public QObject
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

    struct Fixture {
        FakeAccountService accounts;
        FakeProfileService profiles{&accounts};
        Fixture()
        {
            accounts.addAccount(u"ana@example.org"_s, u"Ana López"_s, u"correct horse"_s);
            accounts.setLastEmail(u"ana@example.org"_s);
        }
    };

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_settings.isValid()); }
    void init() { TemporarySettings::clear(); }

    void startsOnUnlockScreenWithRememberedEmail()
    {
        Fixture f;
        Shell shell(f.accounts, f.profiles);
        QVERIFY(!shell.currentWindow());
        shell.start();
        QCOMPARE(shell.currentScreen(), Shell::Screen::SignIn);
        auto* window = qobject_cast<SignInWindow*>(shell.currentWindow());
        QVERIFY(window);
        QVERIFY(window->isVisible());
        QCOMPARE(child<QLineEdit>(window, u"emailLineEdit"_s)->text(), u"ana@example.org"_s);
        QVERIFY(child<QLabel>(window, u"headingLabel"_s)->text().contains(u"Unlock"_s));
        QCOMPARE(child<QLineEdit>(window, u"passwordLineEdit"_s)->echoMode(), QLineEdit::Password);
        QVERIFY(!child<QPushButton>(window, u"signInButton"_s)->accessibleName().isEmpty());
    }

    void startsOnSignInWithoutRememberedEmail()
    {
        Fixture f;
        f.accounts.setLastEmail(QString());
        Shell shell(f.accounts, f.profiles);
        shell.start();
        QCOMPARE(shell.currentScreen(), Shell::Screen::SignIn);
        QVERIFY(child<QLineEdit>(shell.currentWindow(), u"emailLineEdit"_s)->text().isEmpty());
        QVERIFY(child<QLabel>(shell.currentWindow(), u"headingLabel"_s)->text().contains(u"Sign in"_s));
    }

    void signInOpensMainWindow()
    {
        Fixture f;
        Shell shell(f.accounts, f.profiles);
        shell.start();
        QPointer<QWidget> window = shell.currentWindow();
        typeInto(child<QLineEdit>(window, u"passwordLineEdit"_s), u"correct horse"_s);
        QTest::mouseClick(child<QPushButton>(window, u"signInButton"_s), Qt::LeftButton);

        QTRY_COMPARE(shell.currentScreen(), Shell::Screen::Main);
        QCOMPARE(f.accounts.signInCalls, 1);
        QCOMPARE(f.accounts.lastSignInEmail, u"ana@example.org"_s);
        QVERIFY(shell.mainWindow());
        QVERIFY(shell.mainWindow()->isVisible());
        QCOMPARE(shell.mainWindow()->user().name, u"Ana López"_s);
        QVERIFY(child<QLabel>(shell.mainWindow(), u"accountStatusLabel"_s)->text().contains(u"Ana López"_s));
        QTRY_VERIFY(!window); // the sign-in window (and the password it held) is gone
    }

    void enterKeySignsIn()
    {
        Fixture f;
        f.accounts.setLastEmail(QString());
        Shell shell(f.accounts, f.profiles);
        shell.start();
        QWidget* window = shell.currentWindow();
        typeInto(child<QLineEdit>(window, u"emailLineEdit"_s), u"ANA@example.org"_s);
        typeInto(child<QLineEdit>(window, u"passwordLineEdit"_s), u"correct horse"_s);
        QTest::keyClick(child<QLineEdit>(window, u"passwordLineEdit"_s), Qt::Key_Return);
        QTRY_COMPARE(shell.currentScreen(), Shell::Screen::Main);
        QCOMPARE(f.accounts.lastSignInEmail, u"ANA@example.org"_s);
    }

    void wrongPasswordStaysWithMessage()
    {
        Fixture f;
        Shell shell(f.accounts, f.profiles);
        shell.start();
        QWidget* window = shell.currentWindow();
        auto* password = child<QLineEdit>(window, u"passwordLineEdit"_s);
        typeInto(password, u"wrong horse"_s);
        QTest::mouseClick(child<QPushButton>(window, u"signInButton"_s), Qt::LeftButton);

        auto* error = child<ErrorLabel>(window, u"signInErrorLabel"_s);
        QTRY_VERIFY(!error->text().isEmpty());
        QCOMPARE(error->text(), u"The password is not correct."_s);
        QVERIFY(error->isVisibleTo(window));
        QCOMPARE(f.accounts.signInCalls, 1);
        QCOMPARE(shell.currentScreen(), Shell::Screen::SignIn);
        QCOMPARE(shell.currentWindow(), window);
        QVERIFY(!shell.mainWindow());
        QVERIFY(password->text().isEmpty());
        QVERIFY(password->isEnabled());
        QVERIFY(child<QPushButton>(window, u"signInButton"_s)->isEnabled());

        // Typing again clears the message; the right password then works.
        typeInto(password, u"correct horse"_s);
        QVERIFY(error->text().isEmpty());
        QTest::keyClick(password, Qt::Key_Enter);
        QTRY_COMPARE(shell.currentScreen(), Shell::Screen::Main);
    }

    void serviceErrorsShowTheirMessage_data()
    {
        QTest::addColumn<hh::ErrorCode>("code");
        QTest::addColumn<QString>("message");
        QTest::addColumn<bool>("expectFallback");
        QTest::newRow("not found") << ErrorCode::NotFound << u"No account uses this email on this computer."_s
                                   << false;
        QTest::newRow("vault too new") << ErrorCode::VaultTooNew
                                       << u"This vault was made by a newer Health Hub. Update Health Hub."_s << false;
        QTest::newRow("corrupt") << ErrorCode::VaultCorrupt << u"The vault cannot be read."_s << false;
        QTest::newRow("no message: fallback per code") << ErrorCode::VaultTooNew << QString() << true;
    }
    void serviceErrorsShowTheirMessage()
    {
        QFETCH(hh::ErrorCode, code);
        QFETCH(QString, message);
        QFETCH(bool, expectFallback);
        Fixture f;
        Shell shell(f.accounts, f.profiles);
        shell.start();
        QWidget* window = shell.currentWindow();
        f.accounts.failNextWith(Error(code, message, u"detail for logs only"_s));
        typeInto(child<QLineEdit>(window, u"passwordLineEdit"_s), u"correct horse"_s);
        QTest::mouseClick(child<QPushButton>(window, u"signInButton"_s), Qt::LeftButton);

        auto* error = child<ErrorLabel>(window, u"signInErrorLabel"_s);
        QTRY_VERIFY(!error->text().isEmpty());
        if (expectFallback)
            QCOMPARE(error->text(), SignInWindow::messageFor(Error(code, QString())));
        else
            QCOMPARE(error->text(), message);
        QVERIFY(!error->text().contains(u"detail"_s));
        QCOMPARE(shell.currentScreen(), Shell::Screen::SignIn);
    }

    void incompleteFormIsNotSubmitted()
    {
        Fixture f;
        f.accounts.setLastEmail(QString());
        Shell shell(f.accounts, f.profiles);
        shell.start();
        QWidget* window = shell.currentWindow();
        auto* error = child<ErrorLabel>(window, u"signInErrorLabel"_s);

        QTest::mouseClick(child<QPushButton>(window, u"signInButton"_s), Qt::LeftButton);
        QVERIFY(!error->text().isEmpty()); // no email

        typeInto(child<QLineEdit>(window, u"emailLineEdit"_s), u"ana@example.org"_s);
        QTest::mouseClick(child<QPushButton>(window, u"signInButton"_s), Qt::LeftButton);
        QVERIFY(!error->text().isEmpty()); // no password
        QCOMPARE(f.accounts.signInCalls, 0);
    }

    void busyWhileSigningIn()
    {
        Fixture f;
        f.accounts.setDelivery(Delivery::Deferred);
        Shell shell(f.accounts, f.profiles);
        shell.start();
        auto* window = qobject_cast<SignInWindow*>(shell.currentWindow());
        QVERIFY(window);
        typeInto(child<QLineEdit>(window, u"passwordLineEdit"_s), u"correct horse"_s);
        auto* button = child<QPushButton>(window, u"signInButton"_s);
        QTest::mouseClick(button, Qt::LeftButton);

        QVERIFY(window->isBusy());
        QVERIFY(!button->isEnabled());
        QVERIFY(!child<QLineEdit>(window, u"passwordLineEdit"_s)->isEnabled());
        auto* busy = child<BusyIndicator>(window, u"signInBusyIndicator"_s);
        QVERIFY(busy->isBusy());
        QVERIFY(busy->isVisibleTo(window));
        QVERIFY(!busy->text().isEmpty());
        QCOMPARE(f.accounts.pendingCount(), 1);
        QCOMPARE(shell.currentScreen(), Shell::Screen::SignIn);

        // The main window's first profile list is deferred too: release both.
        f.profiles.setDelivery(Delivery::Deferred);
        f.accounts.finishPending();
        QTRY_COMPARE(shell.currentScreen(), Shell::Screen::Main);
        QCOMPARE(f.accounts.signInCalls, 1);
    }

    void windowDestroyedWhilePendingIsSafe()
    {
        // A result arriving after its window is gone must be dropped, not crash.
        Fixture f;
        f.accounts.setDelivery(Delivery::Deferred);
        auto shell = std::make_unique<Shell>(f.accounts, f.profiles);
        shell->start();
        QWidget* window = shell->currentWindow();
        typeInto(child<QLineEdit>(window, u"passwordLineEdit"_s), u"correct horse"_s);
        QTest::mouseClick(child<QPushButton>(window, u"signInButton"_s), Qt::LeftButton);
        QCOMPARE(f.accounts.pendingCount(), 1);
        shell.reset();
        f.accounts.finishPending();
        QCoreApplication::processEvents();
        QCOMPARE(f.accounts.signInCalls, 1);
    }
};

QTEST_MAIN(TestSignInWindow)
#include "TestSignInWindow.moc"
