// Settings ▸ Language and the order the language is chosen in: --lang, then the setting, then the
// system locale (app/Bootstrap.cpp, ui/LanguageSettings, ui/LanguageDialog).

#include "app/Bootstrap.h"
#include "ui/LanguageDialog.h"
#include "ui/LanguageSettings.h"
#include "views/ViewsGuiSupport.h"

#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTranslator>

using namespace Qt::StringLiterals;
using hh::ui::LanguageSettings;

namespace {

// What installTranslators() left installed is owned by the application object; deleting a translator
// uninstalls it.
void removeInstalledTranslators()
{
    const auto translators = QCoreApplication::instance()->findChildren<QTranslator*>(Qt::FindDirectChildrenOnly);
    for (QTranslator* t : translators)
        delete t;
    QLocale::setDefault(QLocale::system());
}

// "es" when the Health Hub strings come out in Spanish, "en" when they stay English.
QString uiLanguageInUse()
{
    const QString file = QCoreApplication::translate("hh::ui::MainWindow", "&File");
    return file == u"&File"_s ? u"en"_s : u"es"_s;
}

// The system language this process runs under (the ctest entry sets LC_ALL).
QString systemLanguage()
{
    return QLocale::system().language() == QLocale::Spanish ? u"es"_s : u"en"_s;
}

} // namespace

class TestLanguageSetting : public QObject
{
    Q_OBJECT

private:
    hh::test::TemporarySettings m_settings;

private Q_SLOTS:
    void init()
    {
        hh::test::TemporarySettings::clear();
        removeInstalledTranslators();
    }

    void cleanup() { removeInstalledTranslators(); }

    void chooseLanguage_data()
    {
        QTest::addColumn<QString>("option");
        QTest::addColumn<QString>("setting");
        QTest::addColumn<QString>("expected");
        QTest::newRow("nothing: system") << QString() << QString() << QString();
        QTest::newRow("setting only") << QString() << u"es"_s << u"es"_s;
        QTest::newRow("option only") << u"es"_s << QString() << u"es"_s;
        QTest::newRow("option over setting") << u"en"_s << u"es"_s << u"en"_s;
        QTest::newRow("blank option ignored") << u"  "_s << u"es"_s << u"es"_s;
    }

    void chooseLanguage()
    {
        QFETCH(QString, option);
        QFETCH(QString, setting);
        QFETCH(QString, expected);
        QCOMPARE(hh::app::chooseLanguage(option, setting), expected);
    }

    void settingIsStoredAndValidated()
    {
        QCOMPARE(LanguageSettings::language(), QString());
        LanguageSettings::setLanguage(u"es"_s);
        QCOMPARE(LanguageSettings::language(), u"es"_s);
        QCOMPARE(QSettings().value(u"ui/language"_s).toString(), u"es"_s);
        LanguageSettings::setLanguage(u"xx"_s); // not shipped: back to the system language
        QCOMPARE(LanguageSettings::language(), QString());
        QSettings().setValue(u"ui/language"_s, u"klingon"_s);
        QCOMPARE(LanguageSettings::language(), QString());
    }

    // The whole start-up path: what the stored setting and --lang give, over this process's system
    // locale (run once under C.UTF-8 and once under es_ES.UTF-8 by ctest).
    void precedenceAtStartup_data()
    {
        QTest::addColumn<QString>("option");
        QTest::addColumn<QString>("setting");
        QTest::addColumn<QString>("expected"); // "" = the system language
        QTest::newRow("system") << QString() << QString() << QString();
        QTest::newRow("setting spanish") << QString() << u"es"_s << u"es"_s;
        QTest::newRow("setting english") << QString() << u"en"_s << u"en"_s;
        QTest::newRow("--lang es") << u"es"_s << QString() << u"es"_s;
        QTest::newRow("--lang en beats setting es") << u"en"_s << u"es"_s << u"en"_s;
        QTest::newRow("--lang es beats setting en") << u"es"_s << u"en"_s << u"es"_s;
    }

    void precedenceAtStartup()
    {
        QFETCH(QString, option);
        QFETCH(QString, setting);
        QFETCH(QString, expected);
        LanguageSettings::setLanguage(setting);
        hh::app::installTranslators(option);
        const QString want = expected.isEmpty() ? systemLanguage() : expected;
        QCOMPARE(uiLanguageInUse(), want);
        QCOMPARE(LanguageSettings::active(), expected);
        // Dates and numbers follow the chosen language.
        if (!expected.isEmpty())
            QCOMPARE(QLocale().language(), expected == u"es" ? QLocale::Spanish : QLocale::English);
        else
            QCOMPARE(QLocale().language(), QLocale::system().language());
        const QString date = QLocale().toString(QDate(2024, 3, 9), QLocale::LongFormat);
        if (want == u"es")
            QVERIFY2(date.contains(u"marzo"_s), qPrintable(date));
    }

    void expectedSystemLanguage()
    {
        const QString expected = qEnvironmentVariable("HH_I18N_EXPECT_SYSTEM");
        if (expected.isEmpty())
            QSKIP("HH_I18N_EXPECT_SYSTEM not set");
        QCOMPARE(systemLanguage(), expected);
    }

    // Settings ▸ Language from the main window's menu: keyboard reachable, accessible, stored, and the
    // user is told it applies at the next start.
    void dialogFromMenu()
    {
        hh::test::MessageRecorder messages;
        hh::test::ViewsEnv env;
        auto* window = env.main.get();
        QVERIFY(QTest::qWaitForWindowExposed(window));

        auto* settingsMenu = window->findChild<QMenu*>(u"settingsMenu"_s);
        QVERIFY(settingsMenu);
        QAction* action = window->findChild<QAction*>(u"languageAction"_s);
        QVERIFY(action);
        QVERIFY(settingsMenu->actions().contains(action));
        QVERIFY2(action->text().contains(u'&'), "the menu entry needs a keyboard accelerator");
        action->trigger();

        hh::ui::LanguageDialog* dialog = nullptr;
        QTRY_VERIFY((dialog = window->findChild<hh::ui::LanguageDialog*>(u"languageDialog"_s)) != nullptr);
        QTRY_VERIFY(dialog->isVisible());
        auto* combo = dialog->findChild<QComboBox*>(u"languageComboBox"_s);
        QVERIFY(combo);
        QVERIFY(!combo->accessibleName().isEmpty());
        QCOMPARE(combo->count(), 3);
        QCOMPARE(combo->itemData(0).toString(), QString());
        QCOMPARE(combo->itemData(1).toString(), u"en"_s);
        QCOMPARE(combo->itemData(2).toString(), u"es"_s);
        QCOMPARE(combo->itemText(2), u"Español"_s); // each language in its own name
        QCOMPARE(combo->currentIndex(), 0);
        hh::test::screenshot(dialog, u"i18n-language-dialog"_s);
        // The label's accelerator leads to the combo box.
        const auto labels = dialog->findChildren<QLabel*>();
        bool buddy = false;
        for (QLabel* l : labels)
            buddy = buddy || (l->buddy() == combo && l->text().contains(u'&'));
        QVERIFY(buddy);

        // Keyboard: choose with the arrow keys, confirm with the OK button.
        combo->setFocus();
        QTest::keyClick(combo, Qt::Key_Down);
        QTest::keyClick(combo, Qt::Key_Down);
        QCOMPARE(dialog->selectedLanguage(), u"es"_s);
        auto* ok = dialog->findChild<QPushButton*>(u"okButton"_s);
        QVERIFY(ok);
        QVERIFY(!ok->accessibleName().isEmpty());
        QSignalSpy changed(dialog, &hh::ui::LanguageDialog::languageChanged);
        QTest::mouseClick(ok, Qt::LeftButton);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.first().first().toString(), u"es"_s);
        QCOMPARE(LanguageSettings::language(), u"es"_s);
        QCOMPARE(messages.count(hh::ui::MessageBoxes::Kind::Information), 1);
        QVERIFY(messages.requests.first().text.contains(u"Español"_s));
        QTRY_VERIFY(!window->findChild<hh::ui::LanguageDialog*>(u"languageDialog"_s)); // closed and deleted

        // Cancel changes nothing; choosing the same language again says nothing.
        action->trigger();
        QTRY_VERIFY((dialog = window->findChild<hh::ui::LanguageDialog*>(u"languageDialog"_s)) != nullptr);
        combo = dialog->findChild<QComboBox*>(u"languageComboBox"_s);
        QCOMPARE(combo->currentIndex(), 2);
        combo->setCurrentIndex(0);
        dialog->reject();
        QCOMPARE(LanguageSettings::language(), u"es"_s);
        QCOMPARE(messages.count(hh::ui::MessageBoxes::Kind::Information), 1);
    }
};

QTEST_MAIN(TestLanguageSetting)
#include "TestLanguageSetting.moc"
