#pragma once

// A main window over fake services with the views' test family.

#include "gui/GuiTestSupport.h"
#include "sync/FakeSyncHistory.h"
#include "ui/ProfileView.h"
#include "ui/FamilyPage.h"
#include "ui/sync/SyncConnectionRow.h"
#include "ui/MainWindow.h"
#include "ui/SessionServices.h"
#include "views/ViewsTestData.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QGroupBox>
#include <QLabel>
#include <QMenuBar>
#include <QMetaEnum>
#include <QStackedWidget>
#include <QTest>
#include <QWidget>

#include <memory>

namespace hh::test {

// HH_VIEWS_SCREENSHOTS=<dir>: tests save what they show there (to look at the views by eye).
inline void screenshot(QWidget* w, const QString& name)
{
    const QString dir = qEnvironmentVariable("HH_VIEWS_SCREENSHOTS");
    if (dir.isEmpty() || !w)
        return;
    QTest::qWait(30);
    w->grab().save(dir + u'/' + name + u".png"_s);
}

template<typename T>
T* child(QObject* parent, const QString& name)
{
    T* w = parent->findChild<T*>(name);
    if (!w)
        qFatal("no child %s", qPrintable(name));
    return w;
}

struct ViewsEnv {
    // history: the Sources section's sync panel (none: the section shows its offline history instead).
    explicit ViewsEnv(bool withSync = true, sync::ISyncHistory* history = nullptr)
    {
        user = accounts.addAccount(u"carer@example.org"_s, u"Carer"_s, u"pw-123456789"_s);
        (void)accounts.signIn(u"carer@example.org"_s, SecretBytes(QByteArray("pw-123456789"))).result();
        family = fillViewsFamily(records, profiles, user.id);
        ui::SessionServices services;
        services.records = &records;
        if (withSync)
            services.syncControl = &sync;
        services.syncHistory = history;
        main = std::make_unique<ui::MainWindow>(user, accounts, profiles, services);
        main->resize(1200, 800);
        main->show();
    }
    ~ViewsEnv() { main.reset(); }
    ViewsEnv(const ViewsEnv&) = delete;
    ViewsEnv& operator=(const ViewsEnv&) = delete;

    TemporarySettings settings;
    FakeAccountService accounts;
    FakeProfileService profiles{&accounts};
    FakeRecordsService records;
    FakeSyncControl sync;
    User user;
    ViewsFamily family;
    std::unique_ptr<ui::MainWindow> main;
};

// The keys that more than one visible control of `main` answers to (menu bar letters, the window's action
// shortcuts, button mnemonics and shortcuts, labels' and group boxes' mnemonics): one line per key.
inline QStringList ambiguousKeys(ui::MainWindow* main, const QString& where)
{
    QHash<QKeySequence, QStringList> users;
    auto add = [&users](const QKeySequence& key, const QString& who) {
        if (!key.isEmpty())
            users[key] << who;
    };
    for (QAction* a : main->menuBar()->actions())
        add(QKeySequence::mnemonic(a->text()), u"menu "_s + a->text());
    for (QAction* a : main->actions()) {
        for (const QKeySequence& k : a->shortcuts())
            add(k, u"action "_s + a->objectName());
    }
    for (QWidget* w : main->findChildren<QWidget*>()) {
        if (!w->isVisible())
            continue;
        if (auto* b = qobject_cast<QAbstractButton*>(w)) {
            const QKeySequence mnemonic = QKeySequence::mnemonic(b->text());
            add(mnemonic, u"button "_s + b->text());
            if (b->shortcut() != mnemonic) // setText() makes the mnemonic the button's shortcut
                add(b->shortcut(), u"button shortcut "_s + b->text());
        } else if (auto* l = qobject_cast<QLabel*>(w); l && l->buddy()) {
            add(QKeySequence::mnemonic(l->text()), u"label "_s + l->text());
        } else if (auto* g = qobject_cast<QGroupBox*>(w)) {
            add(QKeySequence::mnemonic(g->title()), u"group "_s + g->title());
        }
    }
    QStringList out;
    for (auto it = users.cbegin(); it != users.cend(); ++it) {
        if (it.value().size() > 1)
            out << where + u": "_s + it.key().toString() + u" = "_s + it.value().join(u" | "_s);
    }
    return out;
}

// ambiguousKeys() on the family dashboard and on every section of Mom's profile, whose Sources section shows
// the sync panel with two connections (one row each). Returns the problems; empty when every key is unique.
inline QStringList ambiguousKeysOnEveryPage()
{
    FakeSyncHistory history;
    for (const QString& id : {u"conn-1"_s, u"conn-2"_s}) {
        sync::ConnectionSyncInfo c;
        c.connectionId = id;
        c.profileName = u"Mom"_s;
        c.endpointName = u"Clinic "_s + id;
        c.status = u"active"_s;
        history.conns << c;
    }
    ViewsEnv env(true, &history);
    for (sync::ConnectionSyncInfo& c : history.conns)
        c.profileId = env.family.mom.id;
    ui::MainWindow* main = env.main.get();
    if (!QTest::qWaitForWindowExposed(main))
        return {u"the main window was not shown"_s};
    QStringList problems = ambiguousKeys(main, u"family"_s);
    main->familyPage()->selectProfile(env.family.mom.id);
    main->findChild<QAction*>(u"openProfileAction"_s)->trigger();
    if (main->pageStack()->currentWidget() != main->profileView())
        return {u"Mom's profile did not open"_s};
    for (int s = 0; s <= static_cast<int>(ui::ProfileView::Section::Sources); ++s) {
        main->profileView()->showSection(static_cast<ui::ProfileView::Section>(s));
        QCoreApplication::processEvents();
        problems << ambiguousKeys(main, QString::fromLatin1(
                                            QMetaEnum::fromType<ui::ProfileView::Section>().valueToKey(s)));
    }
    // The sync panel's rows (one per connection) are there to be checked too.
    if (!QTest::qWaitFor([main] { return main->profileView()->findChildren<ui::SyncConnectionRow*>().size() == 2; }))
        problems << u"the sync panel showed no rows"_s;
    problems << ambiguousKeys(main, u"Sources (rows)"_s);
    return problems;
}

} // namespace hh::test
