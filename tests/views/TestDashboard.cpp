// The family dashboard: cards with counts, alerts and sync state from a fake records service,
// opening a profile, refreshing one card on a change, "Sync all" progress, family search.
#include "ui/FamilyPage.h"
#include "ui/ProfileEditorDialog.h"
#include "ui/ProfileListModel.h"
#include "ui/ProfileView.h"
#include "ui/RecordDetailsDialog.h"
#include "ui/SearchResultsModel.h"
#include "ui/SearchResultsView.h"
#include "ui/SettingsDialog.h"
#include "ui/Shell.h"
#include "ui/TestChartDialog.h"
#include "views/ViewsGuiSupport.h"

#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QProgressBar>
#include <QPushButton>
#include <QPointer>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTableView>
#include <QTest>

using namespace hh;
using namespace hh::ui;
using namespace Qt::StringLiterals;
using hh::test::child;

class TestDashboard : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cardsShowCountsAlertsAndSyncState()
    {
        test::ViewsEnv env;
        ProfileListModel* model = env.main->profileModel();
        QTRY_COMPARE(model->rowCount(), 3);
        const auto card = [&](const Profile& p) { return model->index(model->rowOf(p.id)); };
        QTRY_VERIFY(card(env.family.mom).data(ProfileListModel::HasOverviewRole).toBool());
        QCOMPARE(card(env.family.mom).data(ProfileListModel::CountsTextRole).toString(),
                 u"2 conditions · 2 medications · 1 allergy"_s);
        const QStringList momAlerts = card(env.family.mom).data(ProfileListModel::AlertsRole).toStringList();
        QCOMPARE(momAlerts.size(), 2);
        QVERIFY(momAlerts.join(u' ').contains(u"Hemoglobin A1c is out of range: 8.1 %"_s));
        QVERIFY(momAlerts.join(u' ').contains(u"Lakeside Clinic needs you to sign in again"_s));
        QVERIFY(card(env.family.dad).data(ProfileListModel::SyncTextRole).toString().contains(u"failed"_s));
        QVERIFY(card(env.family.dad).data(ProfileListModel::AlertsRole).toStringList().first().contains(u"Syncing Riverside Health failed"_s));
        QCOMPARE(card(env.family.leo).data(ProfileListModel::SyncTextRole).toString(), u"No health system connected"_s);
        QVERIFY(card(env.family.leo).data(ProfileListModel::AlertsRole).toStringList().isEmpty());
        // Screen readers get the whole card.
        const QString spoken = card(env.family.mom).data(Qt::AccessibleTextRole).toString();
        QVERIFY(spoken.contains(u"Mom"_s) && spoken.contains(u"2 conditions"_s) && spoken.contains(u"out of range"_s));
        // The cards paint (light palette) without trouble and are big enough for the lines.
        QListView* list = env.main->familyPage()->listView();
        QVERIFY(QTest::qWaitForWindowExposed(env.main.get()));
        QVERIFY(!list->grab().isNull());
        test::screenshot(env.main.get(), u"dashboard"_s);
        QVERIFY(list->visualRect(card(env.family.mom)).height() >= list->fontMetrics().height() * 6);
    }

    void activatingACardOpensTheProfileAndEditStaysOnCtrlE()
    {
        test::ViewsEnv env;
        QTRY_COMPARE(env.main->profileModel()->rowCount(), 3);
        QVERIFY(QTest::qWaitForWindowExposed(env.main.get()));
        env.main->activateWindow();
        QListView* list = env.main->familyPage()->listView();
        env.main->familyPage()->selectProfile(env.family.mom.id);
        list->setFocus();
        QTest::keyClick(list, Qt::Key_Return);
        QCOMPARE(env.main->pageStack()->currentWidget(), env.main->profileView());
        QCOMPARE(env.main->profileView()->profile().id, env.family.mom.id);
        QCOMPARE(env.main->windowTitle(), u"Mom — Health Hub"_s);
        QVERIFY(!env.main->profileEditor());
        // Ctrl+E edits the profile being looked at.
        QTest::keyClick(env.main.get(), Qt::Key_E, Qt::ControlModifier);
        QVERIFY(env.main->profileEditor());
        QCOMPARE(env.main->profileEditor()->profileFromForm().id, env.family.mom.id);
        env.main->profileEditor()->reject();
        QTRY_VERIFY(!env.main->profileEditor());
        // Back to the family with the button (and Alt+Left).
        QTest::mouseClick(child<QWidget>(env.main.get(), u"backToFamilyButton"_s), Qt::LeftButton);
        QCOMPARE(env.main->pageStack()->currentWidget(), env.main->familyPage());
        child<QAction>(env.main.get(), u"openProfileAction"_s)->trigger();
        QCOMPARE(env.main->pageStack()->currentWidget(), env.main->profileView());
        child<QAction>(env.main->profileView(), u"backAction"_s)->trigger();
        QCOMPARE(env.main->pageStack()->currentWidget(), env.main->familyPage());
    }

    void aChangeRefreshesOnlyThatCard()
    {
        test::ViewsEnv env;
        ProfileListModel* model = env.main->profileModel();
        QTRY_VERIFY(model->rowCount() == 3
                    && model->index(model->rowOf(env.family.dad.id)).data(ProfileListModel::HasOverviewRole).toBool());
        const int callsBefore = env.records.overviewCalls;
        env.records.overviewsById[env.family.dad.id].activeMedications = 4;
        env.records.overviewsById[env.family.dad.id].alerts.clear();
        env.records.overviewsById[env.family.dad.id].lastSyncFailed = false;
        QSignalSpy changed(model, &QAbstractItemModel::dataChanged);
        env.records.notifyProfileChanged(env.family.dad.id);
        QTRY_COMPARE(changed.count(), 1);
        QCOMPARE(changed.first().at(0).toModelIndex().row(), model->rowOf(env.family.dad.id));
        QCOMPARE(env.records.overviewCalls, callsBefore + 1);
        const QModelIndex dad = model->index(model->rowOf(env.family.dad.id));
        QVERIFY(dad.data(ProfileListModel::CountsTextRole).toString().contains(u"4 medications"_s));
        QVERIFY(dad.data(ProfileListModel::AlertsRole).toStringList().isEmpty());
    }

    void syncAllShowsOverallProgress()
    {
        test::ViewsEnv env;
        QTRY_COMPARE(env.main->profileModel()->rowCount(), 3);
        auto* button = child<QPushButton>(env.main.get(), u"syncAllButton"_s);
        auto* bar = child<QProgressBar>(env.main.get(), u"syncAllProgressBar"_s);
        auto* status = child<QLabel>(env.main.get(), u"syncStatusLabel"_s);
        QVERIFY(button->isVisible());
        QVERIFY(!bar->isVisible());
        QTest::mouseClick(button, Qt::LeftButton);
        QCOMPARE(env.sync.requests, QStringList{u"all"_s});
        QVERIFY(bar->isVisible());
        env.sync.progress(env.family.mom.id, u"conn-1"_s, true);
        env.sync.progress(env.family.mom.id, u"conn-2"_s, false);
        env.sync.progress(env.family.dad.id, u"conn-3"_s, false);
        QCOMPARE(bar->maximum(), 3);
        QCOMPARE(bar->value(), 0);
        QVERIFY(status->text().contains(u"1 of 3"_s));
        // While syncing, the button cancels. Sync all (F5) does not: it used to, so a refresh stopped the sync.
        QVERIFY(button->text().contains(u"Cancel"_s));
        QAction* syncAction = child<QAction>(env.main.get(), u"syncAllAction"_s);
        QAction* cancelAction = child<QAction>(env.main.get(), u"cancelSyncAction"_s);
        QVERIFY(cancelAction->isEnabled());
        syncAction->trigger();
        QVERIFY(env.sync.cancels.isEmpty());
        QCOMPARE(env.sync.requests.size(), 2);
        QCOMPARE(bar->maximum(), 3); // the running count is kept
        const int overviewsBefore = env.records.overviewCalls;
        env.sync.finish(env.family.mom.id, u"conn-1"_s, sync::JobStatus::Success);
        QCOMPARE(bar->value(), 1);
        QTRY_VERIFY(env.records.overviewCalls > overviewsBefore); // the synced card refreshes
        env.sync.finish(env.family.mom.id, u"conn-2"_s, sync::JobStatus::Failed);
        QCOMPARE(bar->value(), 2);
        QTest::mouseClick(button, Qt::LeftButton);
        QCOMPARE(env.sync.cancels, QStringList{u"all"_s});
        env.sync.finish(env.family.dad.id, u"conn-3"_s, sync::JobStatus::Cancelled);
        env.sync.goIdle();
        QVERIFY(!bar->isVisible());
        QVERIFY2(status->text().contains(u"1 of 3"_s), qPrintable(status->text()));
        QVERIFY(!button->text().contains(u"Cancel"_s));
        QVERIFY(!cancelAction->isEnabled());
        // The menu action and F5 start a sync.
        QCOMPARE(syncAction->shortcut(), QKeySequence(QKeySequence::Refresh));
        syncAction->trigger();
        QCOMPARE(env.sync.requests.size(), 3);
        QVERIFY(cancelAction->isEnabled());
        cancelAction->trigger();
        QCOMPARE(env.sync.cancels, (QStringList{u"all"_s, u"all"_s}));
    }

    // Every key a visible control answers to - mnemonics, shortcuts, the menu bar's letters - means one thing
    // on the family page and on each section of a profile: Qt ignores an ambiguous key (F5 and Alt+S, C, A, H
    // did nothing on the Sources section, Labs' Alt+H opened the Help menu). TestSpanishUi checks Spanish.
    void keyboardShortcutsAreUnambiguous()
    {
        const QStringList problems = test::ambiguousKeysOnEveryPage();
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    }

    // Settings ▸ Preferences ▸ Sync automatically shows the schedule in effect and hands a change to the engine
    // (which keeps it in the vault: tst_sync_engine storedScheduleAppliesAtTheNextStart).
    void syncScheduleIsASetting()
    {
        test::ViewsEnv env;
        QTRY_COMPARE(env.main->profileModel()->rowCount(), 3);
        auto open = [&env]() -> QComboBox* {
            child<QAction>(env.main.get(), u"autoLockSettingsAction"_s)->trigger();
            SettingsDialog* dialog = env.main->settingsDialog();
            return dialog ? child<QComboBox>(dialog, u"syncScheduleComboBox"_s) : nullptr;
        };
        QComboBox* schedule = open();
        QVERIFY(schedule);
        QCOMPARE(schedule->currentData().toInt(), int(sync::SyncSchedule::Off));
        schedule->setFocus();
        QTest::keyClick(schedule, Qt::Key_End); // the last choice: once a day
        QCOMPARE(schedule->currentData().toInt(), int(sync::SyncSchedule::Daily));
        env.main->settingsDialog()->accept();
        QCOMPARE(env.sync.savedSchedules, QList<sync::SyncSchedule>{sync::SyncSchedule::Daily});
        QTRY_VERIFY(!env.main->settingsDialog());
        schedule = open();
        QVERIFY(schedule);
        QCOMPARE(schedule->currentData().toInt(), int(sync::SyncSchedule::Daily));
        env.main->settingsDialog()->accept(); // unchanged: not stored again
        QCOMPARE(env.sync.savedSchedules.size(), 1);
    }

    void withoutSyncEngineThereIsNoSyncAll()
    {
        test::ViewsEnv env(false);
        QTRY_COMPARE(env.main->profileModel()->rowCount(), 3);
        QVERIFY(!child<QPushButton>(env.main.get(), u"syncAllButton"_s)->isVisible());
        QVERIFY(!child<QAction>(env.main.get(), u"syncAllAction"_s)->isEnabled());
    }

    void familySearchOpensTheRecord()
    {
        test::ViewsEnv env;
        QTRY_COMPARE(env.main->profileModel()->rowCount(), 3);
        QVERIFY(QTest::qWaitForWindowExposed(env.main.get()));
        auto* field = child<QLineEdit>(env.main.get(), u"familySearchLineEdit"_s);
        test::typeInto(field, u"tablet"_s);
        QTest::keyClick(field, Qt::Key_Return);
        SearchResultsView* results = env.main->familySearchView();
        QCOMPARE(env.main->pageStack()->currentWidget(), results->parentWidget());
        QTRY_COMPARE(results->model()->rowCount(), 3); // metformin, lisinopril (Mom), atorvastatin (Dad)
        QCOMPARE(env.records.searchQueries.last().profileId, QString()); // the whole family
        QSet<QString> who;
        for (const records::SearchHit& h : results->model()->hits())
            who.insert(h.profileName);
        QCOMPARE(who, (QSet<QString>{u"Mom"_s, u"Dad"_s}));
        // Enter on Dad's hit opens Dad's profile and the record.
        int dadRow = -1;
        for (int r = 0; r < results->model()->rowCount(); ++r)
            if (results->model()->hitAt(r)->profileName == u"Dad")
                dadRow = r;
        QVERIFY(dadRow >= 0);
        results->tableView()->setCurrentIndex(results->model()->index(dadRow, 0));
        results->tableView()->setFocus();
        QTest::keyClick(results->tableView(), Qt::Key_Return);
        QCOMPARE(env.main->pageStack()->currentWidget(), env.main->profileView());
        QCOMPARE(env.main->profileView()->profile().id, env.family.dad.id);
        QTRY_VERIFY(env.main->profileView()->recordDialog() && env.main->profileView()->recordDialog()->isLoaded());
        QCOMPARE(env.main->profileView()->recordDialog()->detail().row.display, u"Atorvastatin 20 MG Oral Tablet"_s);
        // Ctrl+F from the dashboard focuses the family search.
        env.main->profileView()->recordDialog()->close();
        env.main->showFamilyPage();
        env.main->activateWindow();
        child<QAction>(env.main.get(), u"searchAction"_s)->trigger();
        QTRY_VERIFY(field->hasFocus());
    }

    void sessionEndsBeforeTheVaultLocks()
    {
        test::TemporarySettings settings;
        test::FakeAccountService accounts;
        test::FakeProfileService profiles(&accounts);
        accounts.addAccount(u"carer@example.org"_s, u"Carer"_s, u"pw-123456789"_s);
        (void)accounts.signIn(u"carer@example.org"_s, SecretBytes(QByteArray("pw-123456789"))).result();
        int sessions = 0;
        int lockCallsWhenReleased = -1;
        QPointer<test::FakeRecordsService> records;
        Shell shell(accounts, profiles);
        shell.setSessionFactory([&](const User& user) {
            ++sessions;
            auto* service = new test::FakeRecordsService;
            records = service;
            SessionServices s;
            s.records = service;
            s.owner = std::shared_ptr<void>(service, [&accounts, &lockCallsWhenReleased](void* p) {
                lockCallsWhenReleased = accounts.lockCalls;
                delete static_cast<test::FakeRecordsService*>(p);
            });
            Q_UNUSED(user);
            return s;
        });
        shell.start();
        QCOMPARE(shell.currentScreen(), Shell::Screen::Main);
        QCOMPARE(sessions, 1);
        QVERIFY(shell.mainWindow()->services().records);
        QVERIFY(records);
        shell.lock();
        QCOMPARE(shell.currentScreen(), Shell::Screen::SignIn);
        QVERIFY(!records);                    // the session's services are gone ...
        QCOMPARE(lockCallsWhenReleased, 0);   // ... before the vault was locked
        QCOMPARE(accounts.lockCalls, 1);
        QTest::qWait(0);                      // the old window goes; nothing uses the dead service
    }

    void exportAndConnectNeedAProfile()
    {
        test::ViewsEnv env;
        QTRY_COMPARE(env.main->profileModel()->rowCount(), 3);
        auto* pdf = child<QAction>(env.main.get(), u"exportPdfAction"_s);
        auto* fhir = child<QAction>(env.main.get(), u"exportFhirAction"_s);
        env.main->familyPage()->listView()->clearSelection();
        QVERIFY(!pdf->isEnabled());
        env.main->familyPage()->selectProfile(env.family.mom.id);
        QVERIFY(pdf->isEnabled());
        QVERIFY(fhir->isEnabled());
        // No connect service in this session: the action stays off.
        QVERIFY(!child<QAction>(env.main.get(), u"connectAction"_s)->isEnabled());
    }
};

QTEST_MAIN(TestDashboard)
#include "TestDashboard.moc"
