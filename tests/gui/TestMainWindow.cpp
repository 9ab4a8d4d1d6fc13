#include "gui/GuiTestSupport.h"
#include "support/FakeServices.h"
#include "ui/AutoLock.h"
#include "ui/BusyIndicator.h"
#include "ui/ChangePasswordDialog.h"
#include "ui/ErrorLabel.h"
#include "ui/FamilyPage.h"
#include "ui/MainWindow.h"
#include "ui/ProfileEditorDialog.h"
#include "ui/ProfileView.h"
#include "ui/ProfileListModel.h"
#include "ui/SettingsDialog.h"
#include "ui/Shell.h"
#include "ui/SignInWindow.h"
#include "ui/UiSettings.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenuBar>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTest>
#include <QToolButton>

#include <chrono>
#include <memory>

using namespace hh;
using namespace hh::test;
using namespace hh::ui;
using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

class TestMainWindow : public QObject
{
    Q_OBJECT

    TemporarySettings m_settings;

    template<typename T>
    static T* child(QObject* parent, const QString& name)
    {
        T* w = parent ? parent->findChild<T*>(name) : nullptr;
        if (!w)
            qWarning("missing child %s", qPrintable(name));
        return w;
    }

    // Ana has an account; Ben (another account on the same vault) has a profile Ana must not see.
    struct Fixture {
        FakeAccountService accounts;
        FakeProfileService profiles{&accounts};
        User ana;
        std::unique_ptr<Shell> shell;

        Fixture()
        {
            ana = accounts.addAccount(u"ana@example.org"_s, u"Ana López"_s, u"correct horse"_s);
            const User ben = accounts.addAccount(u"ben@example.org"_s, u"Ben"_s, u"battery staple"_s);
            profiles.seed(ben.id, u"Ben's dad"_s, Relationship::Father);
            accounts.setLastEmail(ana.email);
            shell = std::make_unique<Shell>(accounts, profiles);
        }
        Profile seed(const QString& name, Relationship r, QDate dob = {})
        {
            return profiles.seed(ana.id, name, r, dob);
        }
        // Signs in through the unlock screen; returns the main window once its list has loaded.
        MainWindow* signIn()
        {
            shell->start();
            QWidget* window = shell->currentWindow();
            typeInto(window->findChild<QLineEdit*>(u"passwordLineEdit"_s), u"correct horse"_s);
            QTest::mouseClick(window->findChild<QPushButton*>(u"signInButton"_s), Qt::LeftButton);
            if (!QTest::qWaitFor([this] { return shell->mainWindow() != nullptr; }))
                return nullptr;
            // The window may go away while we wait (auto-lock): never touch a deleted one.
            QPointer<MainWindow> main = shell->mainWindow();
            if (!QTest::qWaitFor([main] { return !main || main->familyPage()->state() != FamilyPage::State::Loading; }))
                return nullptr;
            return main.data();
        }
    };

    static QStringList names(const ProfileListModel* model)
    {
        QStringList out;
        for (int row = 0; row < model->rowCount(); ++row)
            out << model->index(row, 0).data().toString();
        return out;
    }

    static bool activate(QWidget* window)
    {
        window->activateWindow();
        QApplication::setActiveWindow(window);
        return QTest::qWaitForWindowActive(window);
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_settings.isValid()); }
    void init() { TemporarySettings::clear(); }

    void showsOnlyOwnProfilesAsCards()
    {
        Fixture f;
        f.seed(u"Mom"_s, Relationship::Mother, QDate(1950, 3, 1));
        f.seed(u"Ana"_s, Relationship::Self, QDate(1980, 5, 2));
        MainWindow* main = f.signIn();
        QVERIFY(main);
        QCOMPARE(main->familyPage()->state(), FamilyPage::State::List);
        auto* view = child<QListView>(main, u"profileListView"_s);
        QVERIFY(view);
        QCOMPARE(view->viewMode(), QListView::IconMode);
        QCOMPARE(view->model(), main->profileModel());
        QCOMPARE(names(main->profileModel()), (QStringList{u"Ana"_s, u"Mom"_s}));
        QVERIFY(view->isVisibleTo(main));
        QVERIFY(!view->accessibleName().isEmpty());
        // Cards have a size from the delegate, not a one-line default.
        const QSize card = view->itemDelegate()->sizeHint(QStyleOptionViewItem(), main->profileModel()->index(0, 0));
        QVERIFY(card.height() > 3 * view->fontMetrics().height());
        // Rendering the cards must not crash (delegate paint path).
        QVERIFY(!main->grab().isNull());
    }

    void emptyStateOffersAdd()
    {
        Fixture f;
        MainWindow* main = f.signIn();
        QVERIFY(main);
        QCOMPARE(main->familyPage()->state(), FamilyPage::State::Empty);
        QVERIFY(child<QLabel>(main, u"emptyStateLabel"_s)->text().contains(u"first family member"_s));
        auto* add = child<QPushButton>(main, u"addProfileButton"_s);
        QVERIFY(add->isVisibleTo(main));
        QVERIFY(!child<QAction>(main, u"editProfileAction"_s)->isEnabled());
        QVERIFY(!child<QAction>(main, u"removeProfileAction"_s)->isEnabled());
        QTest::mouseClick(add, Qt::LeftButton);
        QVERIFY(main->profileEditor());
        QCOMPARE(main->profileEditor()->mode(), ProfileEditorDialog::Mode::Add);
        // The first profile is suggested as the caregiver themself.
        QCOMPARE(child<QComboBox>(main->profileEditor(), u"relationshipComboBox"_s)->currentData().toInt(),
                 static_cast<int>(Relationship::Self));
    }

    void ctrlNOpensEditorAndAddsProfile()
    {
        Fixture f;
        MainWindow* main = f.signIn();
        QVERIFY(main);
        QVERIFY(activate(main));
        QTest::keyClick(main, Qt::Key_N, Qt::ControlModifier);
        QPointer<ProfileEditorDialog> editor = main->profileEditor();
        QVERIFY(editor);
        QVERIFY(editor->isVisible());

        auto* save = child<QPushButton>(editor, u"saveButton"_s);
        QVERIFY(!save->isEnabled()); // no display name yet
        typeInto(child<QLineEdit>(editor, u"displayNameLineEdit"_s), u"Grandma Rose"_s);
        QVERIFY(save->isEnabled());
        typeInto(child<QLineEdit>(editor, u"legalNameLineEdit"_s), u"Rose Marie López"_s);
        auto* unknown = child<QCheckBox>(editor, u"dateOfBirthUnknownCheckBox"_s);
        auto* dob = child<QDateEdit>(editor, u"dateOfBirthDateEdit"_s);
        QVERIFY(unknown->isChecked()); // no invented birth date by default
        QVERIFY(!dob->isEnabled());
        QTest::mouseClick(unknown, Qt::LeftButton);
        QVERIFY(dob->isEnabled());
        QCOMPARE(dob->maximumDate(), QDate::currentDate());
        dob->setDate(QDate(1941, 4, 9));
        auto* relationship = child<QComboBox>(editor, u"relationshipComboBox"_s);
        QCOMPARE(relationship->count(), static_cast<int>(allRelationships().size()));
        relationship->setCurrentIndex(relationship->findData(static_cast<int>(Relationship::Grandparent)));
        QTest::mouseClick(save, Qt::LeftButton);

        QTRY_VERIFY(!editor);
        QCOMPARE(f.profiles.addCalls, 1);
        QCOMPARE(main->profileModel()->rowCount(), 1);
        const Profile shown = *main->profileModel()->profileAt(0);
        QCOMPARE(shown.displayName, u"Grandma Rose"_s);
        const auto stored = f.profiles.byId(shown.id);
        QVERIFY(stored);
        QCOMPARE(stored->userId, f.ana.id);
        QCOMPARE(stored->legalName, u"Rose Marie López"_s);
        QCOMPARE(stored->dateOfBirth, QDate(1941, 4, 9));
        QCOMPARE(stored->relationship, Relationship::Grandparent);
        QCOMPARE(main->familyPage()->state(), FamilyPage::State::List);
        QCOMPARE(main->familyPage()->currentProfileId(), shown.id);
        QVERIFY(child<QAction>(main, u"editProfileAction"_s)->isEnabled());
    }

    void editorValidation()
    {
        Fixture f;
        f.seed(u"Ana"_s, Relationship::Self);
        MainWindow* main = f.signIn();
        QVERIFY(main);
        child<QAction>(main, u"addProfileAction"_s)->trigger();
        ProfileEditorDialog* editor = main->profileEditor();
        QVERIFY(editor);
        // Ana is already "Self": the suggestion moves on.
        QCOMPARE(child<QComboBox>(editor, u"relationshipComboBox"_s)->currentData().toInt(),
                 static_cast<int>(Relationship::Other));
        auto* save = child<QPushButton>(editor, u"saveButton"_s);
        auto* name = child<QLineEdit>(editor, u"displayNameLineEdit"_s);
        auto* message = child<ErrorLabel>(editor, u"validationErrorLabel"_s);
        QVERIFY(message->text().isEmpty()); // no error before the user typed anything
        typeInto(name, u"x"_s);
        QVERIFY(save->isEnabled());
        QTest::keyClick(name, Qt::Key_Backspace);
        QVERIFY(!save->isEnabled());
        QVERIFY(!message->text().isEmpty());
        typeInto(name, u"   "_s);
        QVERIFY(!save->isEnabled());
        // Enter with an invalid form does not save.
        QTest::keyClick(name, Qt::Key_Return);
        QCOMPARE(f.profiles.addCalls, 0);
        QVERIFY(main->profileEditor());
    }

    void editorKeepsFormOnServiceError()
    {
        Fixture f;
        MainWindow* main = f.signIn();
        QVERIFY(main);
        child<QAction>(main, u"addProfileAction"_s)->trigger();
        ProfileEditorDialog* editor = main->profileEditor();
        typeInto(child<QLineEdit>(editor, u"displayNameLineEdit"_s), u"Dad"_s);
        f.profiles.setDelivery(Delivery::Deferred);
        f.profiles.failNextWith(Error(ErrorCode::Database, u"The profile could not be stored."_s));
        QTest::mouseClick(child<QPushButton>(editor, u"saveButton"_s), Qt::LeftButton);

        // Busy while pending: no second save, no cancel.
        QVERIFY(editor->isBusy());
        QVERIFY(child<BusyIndicator>(editor, u"saveBusyIndicator"_s)->isBusy());
        QVERIFY(!child<QPushButton>(editor, u"saveButton"_s)->isEnabled());
        QVERIFY(!child<QPushButton>(editor, u"cancelButton"_s)->isEnabled());
        editor->reject();
        QVERIFY(editor->isVisible());

        f.profiles.finishPending();
        QTRY_COMPARE(child<ErrorLabel>(editor, u"validationErrorLabel"_s)->text(),
                     u"The profile could not be stored."_s);
        QVERIFY(editor->isVisible());
        QCOMPARE(child<QLineEdit>(editor, u"displayNameLineEdit"_s)->text(), u"Dad"_s);
        QCOMPARE(main->profileModel()->rowCount(), 0);
        QVERIFY(child<QPushButton>(editor, u"saveButton"_s)->isEnabled());
    }

    void editThroughShortcutAndEnterOnCard()
    {
        Fixture f;
        const Profile mom = f.seed(u"Mom"_s, Relationship::Mother, QDate(1950, 3, 1));
        f.seed(u"Ana"_s, Relationship::Self);
        MainWindow* main = f.signIn();
        QVERIFY(main);
        QVERIFY(activate(main));
        main->familyPage()->selectProfile(mom.id);

        QTest::keyClick(main, Qt::Key_E, Qt::ControlModifier);
        QPointer<ProfileEditorDialog> editor = main->profileEditor();
        QVERIFY(editor);
        QCOMPARE(editor->mode(), ProfileEditorDialog::Mode::Edit);
        auto* name = child<QLineEdit>(editor, u"displayNameLineEdit"_s);
        QCOMPARE(name->text(), u"Mom"_s);
        QVERIFY(!child<QCheckBox>(editor, u"dateOfBirthUnknownCheckBox"_s)->isChecked());
        QCOMPARE(child<QDateEdit>(editor, u"dateOfBirthDateEdit"_s)->date(), QDate(1950, 3, 1));
        typeInto(name, u"Mamá"_s);
        // Now mark the birth date unknown.
        QTest::mouseClick(child<QCheckBox>(editor, u"dateOfBirthUnknownCheckBox"_s), Qt::LeftButton);
        QTest::mouseClick(child<QPushButton>(editor, u"saveButton"_s), Qt::LeftButton);
        QTRY_VERIFY(!editor);

        QCOMPARE(f.profiles.updateCalls, 1);
        QCOMPARE(f.profiles.byId(mom.id)->displayName, u"Mamá"_s);
        QVERIFY(!f.profiles.byId(mom.id)->dateOfBirth.isValid());
        const int row = main->profileModel()->rowOf(mom.id);
        QCOMPARE(main->profileModel()->index(row, 0).data().toString(), u"Mamá"_s);
        QCOMPARE(main->profileModel()->rowCount(), 2);

        // Enter on a card opens that family member's profile view; Ctrl+E still edits them there.
        auto* view = child<QListView>(main, u"profileListView"_s);
        main->familyPage()->selectProfile(mom.id);
        view->setFocus();
        QTest::keyClick(view, Qt::Key_Return);
        QVERIFY(!main->profileEditor());
        QCOMPARE(main->pageStack()->currentWidget(), main->profileView());
        QCOMPARE(main->profileView()->profile().id, mom.id);
        QVERIFY(activate(main));
        QTest::keyClick(main, Qt::Key_E, Qt::ControlModifier);
        QVERIFY(main->profileEditor());
        QCOMPARE(main->profileEditor()->profileFromForm().id, mom.id);
        QTest::mouseClick(child<QPushButton>(main->profileEditor(), u"cancelButton"_s), Qt::LeftButton);
        QCOMPARE(f.profiles.updateCalls, 1);
    }

    void removeAsksFirst()
    {
        Fixture f;
        const Profile dad = f.seed(u"Dad"_s, Relationship::Father);
        f.seed(u"Ana"_s, Relationship::Self);
        MainWindow* main = f.signIn();
        QVERIFY(main);
        main->familyPage()->selectProfile(dad.id);
        auto* remove = child<QAction>(main, u"removeProfileAction"_s);
        QVERIFY(remove->isEnabled());
        QVERIFY(remove->shortcut().isEmpty()); // Delete belongs to the family list, not to the whole window

        MessageRecorder messages;
        messages.answer = false; // Cancel
        remove->trigger();
        QCOMPARE(messages.count(MessageBoxes::Kind::Confirmation), 1);
        QVERIFY(messages.requests.first().text.contains(u"Dad"_s));
        QVERIFY(!messages.requests.first().acceptText.isEmpty());
        QCOMPARE(f.profiles.removeCalls, 0);
        QCOMPARE(main->profileModel()->rowCount(), 2);
        QVERIFY(f.profiles.byId(dad.id));

        // Delete in an open profile's view offers nothing (it used to offer to remove the profile).
        QVERIFY(activate(main));
        main->familyPage()->selectProfile(dad.id);
        main->familyPage()->listView()->setFocus();
        QTest::keyClick(main->familyPage()->listView(), Qt::Key_Return);
        QTRY_COMPARE(main->profileView()->profile().id, dad.id);
        QTest::keyClick(QApplication::focusWidget() ? QApplication::focusWidget() : main, Qt::Key_Delete);
        QCOMPARE(messages.count(MessageBoxes::Kind::Confirmation), 1);
        QTest::keyClick(main, Qt::Key_Home, Qt::AltModifier); // back to the family

        // Delete key in the family list, confirmed.
        messages.answer = true;
        main->familyPage()->selectProfile(dad.id);
        main->familyPage()->listView()->setFocus();
        QTest::keyClick(main->familyPage()->listView(), Qt::Key_Delete);
        QCOMPARE(messages.count(MessageBoxes::Kind::Confirmation), 2);
        QTRY_COMPARE(main->profileModel()->rowCount(), 1);
        QCOMPARE(f.profiles.removeCalls, 1);
        QVERIFY(!f.profiles.byId(dad.id));
        QCOMPARE(names(main->profileModel()), QStringList{u"Ana"_s});
        // The neighbour is selected, so the keyboard user can go on.
        QVERIFY(!main->familyPage()->currentProfileId().isEmpty());
        QVERIFY(remove->isEnabled());
    }

    void removeFailureKeepsCard()
    {
        Fixture f;
        const Profile dad = f.seed(u"Dad"_s, Relationship::Father);
        MainWindow* main = f.signIn();
        QVERIFY(main);
        main->familyPage()->selectProfile(dad.id);
        MessageRecorder messages;
        messages.answer = true;
        f.profiles.failNextWith(Error(ErrorCode::Database, u"The database is busy."_s));
        child<QAction>(main, u"removeProfileAction"_s)->trigger();
        QTRY_COMPARE(messages.count(MessageBoxes::Kind::Error), 1);
        QCOMPARE(messages.requests.last().text, u"The database is busy."_s);
        QCOMPARE(main->profileModel()->rowCount(), 1);
    }

    void loadFailureIsReported()
    {
        Fixture f;
        MessageRecorder messages;
        f.profiles.failNextWith(Error(ErrorCode::Database, u"The family list could not be read."_s));
        MainWindow* main = f.signIn();
        QVERIFY(main);
        QCOMPARE(messages.count(MessageBoxes::Kind::Error), 1);
        QCOMPARE(messages.requests.first().text, u"The family list could not be read."_s);
    }

    void lockReturnsToUnlockScreen()
    {
        Fixture f;
        f.seed(u"Mom"_s, Relationship::Mother);
        MainWindow* mainRaw = f.signIn();
        QVERIFY(mainRaw);
        QPointer<MainWindow> main = mainRaw;
        QVERIFY(activate(main));
        QTest::keyClick(main, Qt::Key_L, Qt::ControlModifier);

        QCOMPARE(f.accounts.lockCalls, 1);
        QCOMPARE(f.shell->currentScreen(), Shell::Screen::SignIn);
        auto* unlock = qobject_cast<SignInWindow*>(f.shell->currentWindow());
        QVERIFY(unlock);
        QVERIFY(unlock->isVisible());
        QCOMPARE(child<QLineEdit>(unlock, u"emailLineEdit"_s)->text(), u"ana@example.org"_s);
        QVERIFY(child<QLabel>(unlock, u"headingLabel"_s)->text().contains(u"Unlock"_s));
        QTRY_VERIFY(!main); // the window with the family's data is gone
        QVERIFY(!f.shell->autoLock()->isRunning());

        // Unlock again.
        typeInto(child<QLineEdit>(unlock, u"passwordLineEdit"_s), u"correct horse"_s);
        QTest::mouseClick(child<QPushButton>(unlock, u"signInButton"_s), Qt::LeftButton);
        QTRY_COMPARE(f.shell->currentScreen(), Shell::Screen::Main);
        QTRY_COMPARE(f.shell->mainWindow()->profileModel()->rowCount(), 1);
    }

    void lockClosesOpenDialogs()
    {
        Fixture f;
        MainWindow* main = f.signIn();
        QVERIFY(main);
        child<QAction>(main, u"addProfileAction"_s)->trigger();
        QPointer<ProfileEditorDialog> editor = main->profileEditor();
        QVERIFY(editor);
        typeInto(child<QLineEdit>(editor, u"displayNameLineEdit"_s), u"Half-typed name"_s);
        f.shell->lock();
        QVERIFY(!editor->isVisible());
        QTRY_VERIFY(!editor);
    }

    void signOutForgetsEmail()
    {
        Fixture f;
        MainWindow* main = f.signIn();
        QVERIFY(main);
        child<QAction>(main, u"signOutAction"_s)->trigger();
        QCOMPARE(f.accounts.signOutCalls, 1);
        QCOMPARE(f.accounts.lockCalls, 0);
        QCOMPARE(f.shell->currentScreen(), Shell::Screen::SignIn);
        QVERIFY(child<QLineEdit>(f.shell->currentWindow(), u"emailLineEdit"_s)->text().isEmpty());
    }

    void quitIsRequested()
    {
        Fixture f;
        MainWindow* main = f.signIn();
        QVERIFY(main);
        QSignalSpy quit(f.shell.get(), &Shell::quitRequested);
        auto* action = child<QAction>(main, u"quitAction"_s);
        QCOMPARE(action->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_Q));
        action->trigger();
        QCOMPARE(quit.count(), 1);
    }

    void autoLockFires()
    {
        Fixture f;
        f.shell->setAutoLockIntervalOverride(30ms);
        QVERIFY(!f.shell->autoLock()->isRunning()); // not before sign-in
        // With a 30 ms interval the lock may fire before the family has loaded (slow machines,
        // sanitizers): what matters is that it fires once and locks.
        (void)f.signIn();
        QTRY_COMPARE(f.shell->currentScreen(), Shell::Screen::SignIn);
        QCOMPARE(f.accounts.lockCalls, 1);
        QVERIFY(!f.shell->autoLock()->isRunning());
        QCOMPARE(child<QLineEdit>(f.shell->currentWindow(), u"emailLineEdit"_s)->text(), u"ana@example.org"_s);
    }

    void autoLockZeroMeansNever()
    {
        Fixture f;
        f.shell->setAutoLockIntervalOverride(0ms);
        MainWindow* main = f.signIn();
        QVERIFY(main);
        QVERIFY(f.shell->autoLock()->isRunning());
        QVERIFY(!f.shell->autoLock()->isTimerActive());
    }

    void autoLockInputRestartsTimer()
    {
        AutoLock autoLock;
        QSignalSpy timedOut(&autoLock, &AutoLock::timedOut);
        autoLock.setInterval(1h);
        autoLock.start();
        QVERIFY(autoLock.isTimerActive());
        // Input re-arms a stopped timer only through the filter: stop the timer behind its back.
        autoLock.setInterval(0ms);
        QVERIFY(!autoLock.isTimerActive());
        autoLock.setInterval(1h);
        QWidget w;
        QTest::keyClick(&w, Qt::Key_A);
        QVERIFY(autoLock.isTimerActive());
        autoLock.stop();
        QVERIFY(!autoLock.isTimerActive());
        QTest::keyClick(&w, Qt::Key_A);
        QVERIFY(!autoLock.isTimerActive()); // stopped: input does not arm it
        QCOMPARE(timedOut.count(), 0);
    }

    void autoLockSettingIsPersisted()
    {
        Fixture f;
        QCOMPARE(UiSettings::autoLockMinutes(), UiSettings::kDefaultAutoLockMinutes);
        MainWindow* main = f.signIn();
        QVERIFY(main);
        QCOMPARE(f.shell->autoLock()->interval(), std::chrono::milliseconds(10min));
        child<QAction>(main, u"autoLockSettingsAction"_s)->trigger();
        SettingsDialog* dialog = main->settingsDialog();
        QVERIFY(dialog);
        auto* minutes = child<QSpinBox>(dialog, u"autoLockMinutesSpinBox"_s);
        QCOMPARE(minutes->value(), 10);
        QVERIFY(!dialog->findChild<QComboBox*>(u"syncScheduleComboBox"_s)); // no sync engine in this session
        minutes->setValue(5);
        QTest::mouseClick(child<QPushButton>(dialog, u"okButton"_s), Qt::LeftButton);
        QCOMPARE(UiSettings::autoLockMinutes(), 5);
        QCOMPARE(QSettings().value(u"security/autoLockMinutes"_s).toInt(), 5);
        QCOMPARE(f.shell->autoLock()->interval(), std::chrono::milliseconds(5min));
        QVERIFY(f.shell->autoLock()->isTimerActive());
    }

    void changePassword()
    {
        Fixture f;
        MainWindow* main = f.signIn();
        QVERIFY(main);
        MessageRecorder messages;
        child<QAction>(main, u"changePasswordAction"_s)->trigger();
        QPointer<ChangePasswordDialog> dialog = main->changePasswordDialog();
        QVERIFY(dialog);
        auto* oldPassword = child<QLineEdit>(dialog, u"oldPasswordLineEdit"_s);
        auto* newPassword = child<QLineEdit>(dialog, u"newPasswordLineEdit"_s);
        auto* confirm = child<QLineEdit>(dialog, u"confirmPasswordLineEdit"_s);
        auto* button = child<QPushButton>(dialog, u"changePasswordButton"_s);

        // Mismatch: nothing submitted.
        typeInto(oldPassword, u"correct horse"_s);
        typeInto(newPassword, u"new password 1"_s);
        typeInto(confirm, u"new password 2"_s);
        QTest::mouseClick(button, Qt::LeftButton);
        QVERIFY(!child<ErrorLabel>(dialog, u"confirmPasswordErrorLabel"_s)->text().isEmpty());
        QCOMPARE(f.accounts.changePasswordCalls, 0);

        // Wrong current password: the service says so, the dialog stays.
        typeInto(oldPassword, u"wrong horse"_s);
        typeInto(confirm, u"new password 1"_s);
        QTest::mouseClick(button, Qt::LeftButton);
        QTRY_VERIFY(!child<ErrorLabel>(dialog, u"oldPasswordErrorLabel"_s)->text().isEmpty());
        QCOMPARE(f.accounts.changePasswordCalls, 1);
        QVERIFY(dialog->isVisible());

        typeInto(oldPassword, u"correct horse"_s);
        QTest::mouseClick(button, Qt::LeftButton);
        QTRY_VERIFY(!dialog);
        QCOMPARE(f.accounts.changePasswordCalls, 2);
        QCOMPARE(f.accounts.passwordOf(u"ana@example.org"_s), "new password 1"_ba);
        QCOMPARE(messages.count(MessageBoxes::Kind::Information), 1);
    }

    void menusAndAccessibility()
    {
        Fixture f;
        f.seed(u"Ana"_s, Relationship::Self);
        MainWindow* main = f.signIn();
        QVERIFY(main);
        QStringList menus;
        for (QAction* a : main->menuBar()->actions())
            menus << a->text().remove(u'&');
        QCOMPARE(menus, (QStringList{u"File"_s, u"View"_s, u"Family"_s, u"Account"_s, u"Settings"_s, u"Help"_s}));
        QCOMPARE(child<QAction>(main, u"lockAction"_s)->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_L));
        QCOMPARE(child<QAction>(main, u"addProfileAction"_s)->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_N));
        QCOMPARE(child<QAction>(main, u"editProfileAction"_s)->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_E));
        for (const QString& name : {u"addProfileToolButton"_s, u"editProfileToolButton"_s,
                                    u"removeProfileToolButton"_s}) {
            auto* button = child<QToolButton>(main, name);
            QVERIFY2(button, qPrintable(name));
            QVERIFY2(!button->accessibleName().isEmpty(), qPrintable(name));
        }
        // About goes through the message-box wrapper.
        MessageRecorder messages;
        child<QAction>(main, u"aboutAction"_s)->trigger();
        QCOMPARE(messages.count(MessageBoxes::Kind::Information), 1);
        QVERIFY(messages.requests.first().text.contains(u"Health Hub"_s));
    }
};

QTEST_MAIN(TestMainWindow)
#include "TestMainWindow.moc"
