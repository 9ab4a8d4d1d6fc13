// Offline: with every network route broken (an application proxy that cannot exist), every view
// opens and shows its data, and no QNetworkAccessManager is ever created by them.
#include "ui/DocumentViewer.h"
#include "ui/DocumentsSection.h"
#include "ui/LabsSection.h"
#include "ui/ProfileListModel.h"
#include "ui/ProfileView.h"
#include "ui/RecordDetailsDialog.h"
#include "ui/RecordTableModel.h"
#include "ui/RecordsSection.h"
#include "ui/SearchResultsModel.h"
#include "ui/SearchResultsView.h"
#include "ui/SummarySection.h"
#include "ui/TestChartDialog.h"
#include "ui/TestTableModel.h"
#include "views/ViewsGuiSupport.h"

#include <QApplication>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QPdfDocument>
#include <QStackedWidget>
#include <QTableView>
#include <QTest>
#include <QTextBrowser>

using namespace hh;
using namespace hh::ui;
using namespace Qt::StringLiterals;
using Section = hh::ui::ProfileView::Section;

namespace {
// Every QNetworkAccessManager reachable from the application and its windows.
int networkManagers()
{
    int n = static_cast<int>(qApp->findChildren<QNetworkAccessManager*>().size());
    const QList<QWidget*> windows = QApplication::allWidgets();
    for (QWidget* w : windows)
        n += static_cast<int>(w->findChildren<QNetworkAccessManager*>(Qt::FindDirectChildrenOnly).size());
    return n;
}
} // namespace

class TestOffline : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        // Any attempt to reach the network would go through this proxy and fail.
        QNetworkProxy::setApplicationProxy(QNetworkProxy(QNetworkProxy::HttpProxy, u"proxy.invalid"_s, 1));
    }

    void everyViewOpensWithoutNetwork()
    {
        test::ViewsEnv env;
        QCOMPARE(networkManagers(), 0);
        QTRY_COMPARE(env.main->profileModel()->rowCount(), 3);
        env.main->openProfile(env.family.mom.id);
        ProfileView* view = env.main->profileView();
        auto* summary = qobject_cast<SummarySection*>(view->section(Section::Summary));
        QTRY_VERIFY(summary->isLoaded());
        QVERIFY(summary->browser()->toPlainText().contains(u"Diabetes"_s));

        for (int s = static_cast<int>(Section::Conditions); s <= static_cast<int>(Section::Sources); ++s) {
            view->showSection(static_cast<Section>(s));
            QCOMPARE(view->currentSection(), static_cast<Section>(s));
        }
        auto* conditions = qobject_cast<RecordsSection*>(view->section(Section::Conditions));
        QTRY_VERIFY(conditions->model()->rowCount() > 0);
        auto* labs = qobject_cast<LabsSection*>(view->section(Section::Labs));
        QTRY_VERIFY(labs->model()->rowCount() > 0);

        // Documents of every kind, including a web page pointing at remote images.
        view->showSection(Section::Documents);
        auto* docs = qobject_cast<DocumentsSection*>(view->section(Section::Documents));
        QTRY_COMPARE(docs->model()->rowCount(), 3);
        for (const QString& id : {env.family.noteId, env.family.letterId, env.family.webPageId}) {
            docs->tableView()->setCurrentIndex(docs->model()->index(docs->model()->rowOf(id), 0));
            QTRY_COMPARE(docs->shownRecordId(), id);
            QTRY_VERIFY(docs->viewer()->mode() != DocumentViewer::Mode::Message);
        }
        QTRY_COMPARE(docs->viewer()->mode(), DocumentViewer::Mode::Html);
        QVERIFY(docs->viewer()->textBrowser()->toPlainText().contains(u"Chest X-ray"_s));

        // Record details, raw JSON, a chart, a search.
        view->openRecord(env.family.a1cRecordId);
        QTRY_VERIFY(view->recordDialog() && view->recordDialog()->isLoaded());
        view->recordDialog()->showRawJson();
        view->openChart(u"http://loinc.org"_s, u"4548-4"_s, u"Hemoglobin A1c"_s);
        QTRY_VERIFY(view->chartDialog() && view->chartDialog()->isLoaded());
        view->search(u"a1c"_s);
        QTRY_VERIFY(view->searchView()->model()->rowCount() > 0);
        env.main->searchFamily(u"tablet"_s);
        QTRY_VERIFY(env.main->familySearchView()->model()->rowCount() > 0);
        QTest::qWait(50); // let any deferred loading happen

        QCOMPARE(networkManagers(), 0);
        QCOMPARE(QNetworkProxy::applicationProxy().hostName(), u"proxy.invalid"_s);
    }
};

QTEST_MAIN(TestOffline)
#include "TestOffline.moc"
