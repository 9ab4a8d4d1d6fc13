#pragma once

// A main window over fake services with the views' test family.

#include "gui/GuiTestSupport.h"
#include "ui/MainWindow.h"
#include "ui/SessionServices.h"
#include "views/ViewsTestData.h"

#include <QApplication>
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
    explicit ViewsEnv(bool withSync = true)
    {
        user = accounts.addAccount(u"carer@example.org"_s, u"Carer"_s, u"pw-123456789"_s);
        (void)accounts.signIn(u"carer@example.org"_s, SecretBytes(QByteArray("pw-123456789"))).result();
        family = fillViewsFamily(records, profiles, user.id);
        ui::SessionServices services;
        services.records = &records;
        if (withSync)
            services.syncControl = &sync;
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

} // namespace hh::test
