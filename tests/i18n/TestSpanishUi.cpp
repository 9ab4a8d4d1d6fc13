// The compiled Spanish catalog (healthhub_es.qm, embedded under :/i18n as the app embeds it) turns the
// main window and the family dashboard into Spanish, offscreen.

#include "app/Bootstrap.h"
#include "i18n/TsCatalog.h"
#include "ui/FamilyPage.h"
#include "ui/ProfileListModel.h"
#include "views/ViewsGuiSupport.h"

#include <QAbstractButton>
#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QTest>

using namespace Qt::StringLiterals;

class TestSpanishUi : public QObject
{
    Q_OBJECT

private:
    hh::test::TsCatalog m_es;
    std::unique_ptr<QTranslator> m_translator;

    // The Spanish text the catalog gives; the test fails if the catalog lacks it or left it English.
    QString spanish(const QString& context, const QString& source)
    {
        const QString text = m_es.translation(context, source);
        if (text.isEmpty() || text == source)
            qWarning("no Spanish translation for [%s] %s", qPrintable(context), qPrintable(source));
        return text;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_es = hh::test::readTs(QStringLiteral(HH_TRANSLATIONS_DIR "/healthhub_es.ts"));
        QVERIFY2(m_es.error.isEmpty(), qPrintable(m_es.error));
        // Where qt_add_translations(... RESOURCE_PREFIX /i18n) puts it in the app; this test embeds the
        // same lrelease output at the same path.
        QVERIFY(QFile::exists(u":/i18n/healthhub_es.qm"_s));
        m_translator = hh::app::loadHealthHubTranslator(QLocale(u"es"_s));
        QVERIFY(m_translator);
        QVERIFY(!m_translator->isEmpty());
        QVERIFY(QCoreApplication::installTranslator(m_translator.get()));
        QLocale::setDefault(QLocale(u"es"_s));
    }

    void cleanupTestCase()
    {
        QCoreApplication::removeTranslator(m_translator.get());
        QLocale::setDefault(QLocale::c());
    }

    void translatorLookup()
    {
        const QString file = spanish(u"hh::ui::MainWindow"_s, u"&File"_s);
        QVERIFY(!file.isEmpty());
        QCOMPARE(QCoreApplication::translate("hh::ui::MainWindow", "&File"), file);
        // Plural forms: one and many.
        const QString years = QCoreApplication::translate("hh::ui::ProfileListModel", "%n years", "age", 3);
        QVERIFY2(years.startsWith(u"3 ") && years != u"3 years", qPrintable(years));
        const QString one = QCoreApplication::translate("hh::ui::ProfileListModel", "%n years", "age", 1);
        QCOMPARE(one, spanish(u"hh::ui::ProfileListModel"_s, u"%n years"_s).replace(u"%n"_s, u"1"_s));
        QVERIFY(one != u"1 years"_s);
    }

    // The Spanish mnemonics differ from the English ones: they must not clash either (with the Spanish menus).
    void spanishKeysAreUnambiguous()
    {
        const QStringList problems = hh::test::ambiguousKeysOnEveryPage();
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    }

    void mainWindowAndDashboardInSpanish()
    {
        hh::test::ViewsEnv env;
        auto* window = env.main.get();
        QVERIFY(QTest::qWaitForWindowExposed(window));

        auto* fileMenu = window->findChild<QMenu*>(u"fileMenu"_s);
        QVERIFY(fileMenu);
        QCOMPARE(fileMenu->title(), spanish(u"hh::ui::MainWindow"_s, u"&File"_s));
        auto* settingsMenu = window->findChild<QMenu*>(u"settingsMenu"_s);
        QVERIFY(settingsMenu);
        QCOMPARE(settingsMenu->title(), spanish(u"hh::ui::MainWindow"_s, u"&Settings"_s));

        auto* title = window->findChild<QLabel*>(u"familyTitleLabel"_s);
        QVERIFY(title);
        QCOMPARE(title->text(), spanish(u"hh::ui::FamilyPage"_s, u"Your family"_s));
        auto* search = window->findChild<QLineEdit*>(u"familySearchLineEdit"_s);
        QVERIFY(search);
        QCOMPARE(search->placeholderText(),
                 spanish(u"hh::ui::FamilyPage"_s, u"Search everyone's records (name or code)"_s));
        auto* syncAll = window->findChild<QAbstractButton*>(u"syncAllButton"_s);
        QVERIFY(syncAll);
        QCOMPARE(syncAll->accessibleName(), spanish(u"hh::ui::FamilyPage"_s, u"Sync all"_s));

        // The cards: relationship and age in Spanish.
        hh::ui::ProfileListModel* model = window->profileModel();
        QTRY_VERIFY(model->rowCount() >= 3);
        const int mom = model->rowOf(env.family.mom.id);
        QVERIFY(mom >= 0);
        const QModelIndex index = model->index(mom);
        QCOMPARE(index.data(hh::ui::ProfileListModel::RelationshipLabelRole).toString(),
                 spanish(u"hh::Relationship"_s, u"Mother"_s));
        const QString age = index.data(hh::ui::ProfileListModel::AgeTextRole).toString();
        QVERIFY2(age.endsWith(u" años"_s), qPrintable(age));
        hh::test::screenshot(window, u"i18n-dashboard-es"_s);
    }
};

QTEST_MAIN(TestSpanishUi)
#include "TestSpanishUi.moc"
