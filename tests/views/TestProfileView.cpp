// The profile view over a fake records service: every section opens and shows its rows, records
// open with their sources, conflicts and raw JSON, tests open as charts, documents open inside the
// app, search, keyboard access and accessible names.
#include "ui/DocumentViewer.h"
#include "ui/DocumentsSection.h"
#include "ui/EncountersSection.h"
#include "ui/LabsSection.h"
#include "ui/ProfileView.h"
#include "ui/RawJsonDialog.h"
#include "ui/RecordDetailsDialog.h"
#include "ui/RecordTableModel.h"
#include "ui/RecordsSection.h"
#include "ui/SearchResultsModel.h"
#include "ui/SearchResultsView.h"
#include "ui/SourcesSection.h"
#include "ui/SummarySection.h"
#include "ui/TestChartDialog.h"
#include "ui/TestTableModel.h"
#include "ui/Theme.h"
#include "views/ViewsGuiSupport.h"

#include <QAbstractButton>
#include <QAbstractItemModelTester>
#include <QAreaSeries>
#include <QChart>
#include <QCheckBox>
#include <QComboBox>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QListView>
#include <QListWidget>
#include <QPdfDocument>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableView>
#include <QTableWidget>
#include <QTest>
#include <QTextBrowser>
#include <QTreeWidget>

using namespace hh;
using namespace hh::ui;
using namespace Qt::StringLiterals;
using Section = hh::ui::ProfileView::Section;
using hh::test::child;

class TestProfileView : public QObject
{
    Q_OBJECT

    struct Env {
        Env()
        {
            family = test::fillViewsFamily(records, profiles, newId());
            SessionServices services;
            services.records = &records;
            view = std::make_unique<ProfileView>(services);
            view->resize(1200, 800);
            view->setProfile(family.mom);
            view->show();
        }
        test::TemporarySettings settings;
        test::FakeAccountService accounts;
        test::FakeProfileService profiles{&accounts};
        test::FakeRecordsService records;
        test::ViewsFamily family;
        std::unique_ptr<ProfileView> view;
    };

    static int rowsOf(QAbstractItemView* v) { return v->model()->rowCount(); }

private Q_SLOTS:
    // A profile without records: one sentence (one translation) with the Connect link inside it, names escaped.
    void absentSummaryIsOneSentenceWithTheLink()
    {
        Profile leo;
        leo.id = u"p-leo"_s;
        leo.displayName = u"Leo <3"_s;
        records::ProfileSummary summary;
        summary.status = records::SummaryStatus::Absent;
        QList<SummaryHtml::Link> links;
        const QString html = SummaryHtml::build(leo, summary, QPalette(), QLocale::c(), &links);
        QCOMPARE(links.size(), 1);
        QCOMPARE(links.first().kind, SummaryHtml::Link::Kind::Connect);
        QVERIFY2(html.contains(u"There are no records for Leo &lt;3 yet. <a href=\"hh-link:0\""_s), qPrintable(html));
        QVERIFY2(html.contains(u">Connect a health system</a> to bring them in;"_s), qPrintable(html));
    }

    // Mom's filters do not follow to Dad's profile: a filter box, status or lab choice left set would make Dad's
    // lists look empty ("No medications found") for no visible reason. The same profile shown again (a refresh
    // after an edit) keeps them.
    void filtersDoNotCarryOverToAnotherProfile()
    {
        Env env;
        ProfileView* v = env.view.get();
        QVERIFY(QTest::qWaitForWindowExposed(v));
        v->showSection(Section::Medications);
        auto* meds = qobject_cast<RecordsSection*>(v->section(Section::Medications));
        auto* filter = child<QLineEdit>(meds, u"filterLineEdit"_s);
        auto* status = child<QComboBox>(meds, u"statusComboBox"_s);
        test::typeInto(filter, u"metformin"_s);
        status->setCurrentIndex(status->findData(static_cast<int>(records::StatusFilter::All)));
        QTRY_VERIFY(!env.records.recordQueries.isEmpty() && env.records.recordQueries.last().text == u"metformin"_s);
        v->showSection(Section::Labs);
        auto* labs = qobject_cast<LabsSection*>(v->section(Section::Labs));
        auto* abnormal = child<QCheckBox>(labs, u"abnormalOnlyCheckBox"_s);
        auto* kind = child<QComboBox>(labs, u"kindComboBox"_s);
        abnormal->setChecked(true);
        kind->setCurrentIndex(kind->findData(static_cast<int>(records::TestKind::Vital)));
        QTRY_VERIFY(!env.records.testQueries.isEmpty() && env.records.testQueries.last().abnormalOnly);

        v->setProfile(env.family.mom); // the same person again: kept
        QCOMPARE(filter->text(), u"metformin"_s);
        QVERIFY(abnormal->isChecked());

        v->setProfile(env.family.dad);
        QVERIFY(filter->text().isEmpty());
        QCOMPARE(status->currentData().toInt(), static_cast<int>(records::StatusFilter::Active));
        QVERIFY(!abnormal->isChecked());
        QCOMPARE(kind->currentData().toInt(), static_cast<int>(records::TestKind::Any));
        const qsizetype testsBefore = env.records.testQueries.size();
        v->showSection(Section::Labs);
        QTRY_VERIFY(env.records.testQueries.size() > testsBefore);
        const records::TestQuery tq = env.records.testQueries.last();
        QCOMPARE(tq.profileId, env.family.dad.id);
        QVERIFY(!tq.abnormalOnly);
        QCOMPARE(tq.kind, records::TestKind::Any);
        const qsizetype recordsBefore = env.records.recordQueries.size();
        v->showSection(Section::Medications);
        QTRY_VERIFY(env.records.recordQueries.size() > recordsBefore);
        const records::RecordQuery rq = env.records.recordQueries.last();
        QCOMPARE(rq.profileId, env.family.dad.id);
        QVERIFY(rq.text.isEmpty());
        QCOMPARE(rq.status, records::StatusFilter::Active);
    }

    void everySectionOpensAndShowsRows()
    {
        Env env;
        ProfileView* v = env.view.get();
        QVERIFY(QTest::qWaitForWindowExposed(v));
        // Summary first.
        QCOMPARE(v->currentSection(), Section::Summary);
        auto* summary = qobject_cast<SummarySection*>(v->section(Section::Summary));
        QTRY_VERIFY(summary->isLoaded());
        const QString text = summary->browser()->toPlainText();
        for (const QString& expected : {u"Diabetes mellitus type 2"_s, u"Metformin hydrochloride 500 MG Oral Tablet"_s,
                                        u"Allergy to penicillin"_s, u"Hemoglobin A1c"_s, u"8.1 %"_s, u"High"_s,
                                        u"Rising"_s, u"138/88"_s, u"Influenza"_s, u"Shingles"_s, u"Office visit"_s,
                                        u"Riverside Health"_s, u"Needs attention"_s})
            QVERIFY2(text.contains(expected), qPrintable(expected));
        QCOMPARE(child<QLabel>(v, u"profileNameLabel"_s)->text(), u"Mom"_s);
        QTRY_VERIFY(child<QLabel>(v, u"profileSyncLabel"_s)->text().contains(u"Lakeside Clinic"_s));
        test::screenshot(v, u"profile-summary"_s);

        const std::pair<Section, int> tables[] = {{Section::Conditions, 2}, {Section::Medications, 2},
                                                  {Section::Allergies, 1}, {Section::Immunizations, 1}};
        for (const auto& [section, rows] : tables) {
            v->showSection(section);
            auto* s = qobject_cast<RecordsSection*>(v->section(section));
            QVERIFY(s);
            QVERIFY(s->isVisible());
            QTRY_COMPARE(rowsOf(s->tableView()), rows);
            QVERIFY(s->tableView()->currentIndex().isValid()); // keyboard users land on a row
            QAbstractItemModelTester tester(s->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
            test::screenshot(v, u"profile-section-%1"_s.arg(static_cast<int>(section)));
        }
        v->showSection(Section::Labs);
        auto* labs = qobject_cast<LabsSection*>(v->section(Section::Labs));
        QTRY_COMPARE(rowsOf(labs->tableView()), 3);
        test::screenshot(v, u"profile-labs"_s);
        v->showSection(Section::Encounters);
        auto* visits = qobject_cast<EncountersSection*>(v->section(Section::Encounters));
        QTRY_COMPARE(rowsOf(visits->listView()), 2);
        QVERIFY(!visits->listView()->grab().isNull()); // the timeline paints
        test::screenshot(v, u"profile-encounters"_s);
        QVERIFY(visits->model()->index(0, 0).data(Qt::AccessibleTextRole).toString().contains(u"Office visit"_s));
        v->showSection(Section::Documents);
        auto* docs = qobject_cast<DocumentsSection*>(v->section(Section::Documents));
        QTRY_COMPARE(rowsOf(docs->tableView()), 3);
        v->showSection(Section::Sources);
        auto* sources = qobject_cast<SourcesSection*>(v->section(Section::Sources));
        QTRY_COMPARE(sources->connectionsTree()->topLevelItemCount(), 2);
        QCOMPARE(sources->connectionsTree()->topLevelItem(0)->text(0), u"Lakeside Clinic"_s);
        QCOMPARE(sources->connectionsTree()->topLevelItem(0)->text(2), u"Needs sign-in"_s);
        QTRY_COMPARE(sources->jobsTree()->topLevelItemCount(), 1);
        test::screenshot(v, u"profile-sources"_s);
        // No sync engine in this session: the sync panel's slot says so.
        QVERIFY(child<QLabel>(v, u"syncPanelPlaceholderLabel"_s)->isVisible());
    }

    void darkPaletteRenders()
    {
        QPalette dark;
        dark.setColor(QPalette::Window, QColor(0x2b, 0x2d, 0x30));
        dark.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
        dark.setColor(QPalette::Base, QColor(0x1f, 0x21, 0x24));
        dark.setColor(QPalette::AlternateBase, QColor(0x28, 0x2a, 0x2e));
        dark.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
        dark.setColor(QPalette::Button, QColor(0x35, 0x37, 0x3b));
        dark.setColor(QPalette::ButtonText, QColor(0xe6, 0xe6, 0xe6));
        dark.setColor(QPalette::Highlight, QColor(0x3d, 0x7a, 0xc4));
        dark.setColor(QPalette::PlaceholderText, QColor(0x9a, 0xa0, 0xa6));
        const QPalette light = QApplication::palette();
        QApplication::setPalette(dark);
        {
            Env env;
            auto* summary = qobject_cast<SummarySection*>(env.view->section(Section::Summary));
            QTRY_VERIFY(summary->isLoaded());
            // The abnormal value is drawn in the dark theme's alert color, readable on the dark base.
            QVERIFY(summary->browser()->toHtml().contains(errorTextColor(dark).name(), Qt::CaseInsensitive));
            test::screenshot(env.view.get(), u"profile-summary-dark"_s);
            env.view->openChart(u"http://loinc.org"_s, u"4548-4"_s, u"Hemoglobin A1c"_s);
            QTRY_VERIFY(env.view->chartDialog() && env.view->chartDialog()->isLoaded());
            QCOMPARE(env.view->chartDialog()->chart()->backgroundBrush().color(), dark.color(QPalette::Base));
            test::screenshot(env.view->chartDialog(), u"chart-a1c-dark"_s);
        }
        QApplication::setPalette(light);
    }

    void filtersGoToTheService()
    {
        Env env;
        env.view->showSection(Section::Conditions);
        auto* s = qobject_cast<RecordsSection*>(env.view->section(Section::Conditions));
        QTRY_COMPARE(rowsOf(s->tableView()), 2);
        auto* status = child<QComboBox>(s, u"statusComboBox"_s);
        status->setCurrentIndex(status->findData(static_cast<int>(records::StatusFilter::Inactive)));
        QTRY_COMPARE(rowsOf(s->tableView()), 1);
        QCOMPARE(s->model()->index(0, 0).data().toString(), u"Acute bronchitis"_s);
        status->setCurrentIndex(status->findData(static_cast<int>(records::StatusFilter::All)));
        QTRY_COMPARE(rowsOf(s->tableView()), 3);
        test::typeInto(child<QLineEdit>(s, u"filterLineEdit"_s), u"hyper"_s);
        QTRY_COMPARE(rowsOf(s->tableView()), 1);
        QCOMPARE(env.records.recordQueries.last().text, u"hyper"_s);
        QVERIFY(child<QLabel>(s, u"countLabel"_s)->text().contains(u'1'));
    }

    void recordDetailsWithSourcesConflictAndRawJson()
    {
        Env env;
        env.view->openRecord(env.family.a1cRecordId);
        QPointer<RecordDetailsDialog> d = env.view->recordDialog();
        QVERIFY(d);
        QTRY_VERIFY(d->isLoaded());
        QCOMPARE(child<QLabel>(d, u"recordTitleLabel"_s)->text(), u"Hemoglobin A1c"_s);
        QVERIFY(child<QGroupBox>(d, u"conflictGroupBox"_s)->isVisible());
        auto* conflicts = child<QTreeWidget>(d, u"conflictTreeWidget"_s);
        QCOMPARE(conflicts->topLevelItemCount(), 2);
        QStringList froms{conflicts->topLevelItem(0)->text(2), conflicts->topLevelItem(1)->text(2)};
        froms.sort();
        QCOMPARE(froms, (QStringList{u"Lakeside Clinic"_s, u"Riverside Health"_s}));
        QCOMPARE(conflicts->topLevelItem(1)->text(1), u"8.4 %"_s);
        auto* sources = child<QTreeWidget>(d, u"sourcesTreeWidget"_s);
        QCOMPARE(sources->topLevelItemCount(), 2);
        QVERIFY(child<QPushButton>(d, u"showChartButton"_s)->isVisible());
        test::screenshot(d, u"record-details"_s);

        // Raw FHIR JSON, one click away, pretty-printed and read-only.
        QTest::mouseClick(child<QPushButton>(d, u"rawJsonButton"_s), Qt::LeftButton);
        auto* raw = d->findChild<RawJsonDialog*>();
        QVERIFY(raw);
        QPlainTextEdit* edit = raw->textEdit();
        QVERIFY(edit->isReadOnly());
        QVERIFY(edit->toPlainText().contains(u"\"resourceType\": \"Observation\""_s));
        QVERIFY(edit->toPlainText().count(u'\n') > 10);
        test::screenshot(raw, u"raw-json"_s);
        auto* combo = child<QComboBox>(raw, u"rawJsonSourceComboBox"_s);
        QCOMPARE(combo->count(), 2);
        combo->setCurrentIndex(1);
        QVERIFY(edit->toPlainText().contains(u"\"lab-3\""_s));
        raw->close();

        // "Show chart…" opens the test's chart.
        QTest::mouseClick(child<QPushButton>(d, u"showChartButton"_s), Qt::LeftButton);
        QTRY_VERIFY(env.view->chartDialog() && env.view->chartDialog()->isLoaded());
    }

    void labsOpenAChartWithTheRangeBand()
    {
        Env env;
        env.view->showSection(Section::Labs);
        auto* labs = qobject_cast<LabsSection*>(env.view->section(Section::Labs));
        QTRY_COMPARE(rowsOf(labs->tableView()), 3);
        int a1c = -1;
        int bp = -1;
        for (int r = 0; r < 3; ++r) {
            const QString name = labs->model()->index(r, TestTableModel::TestColumn).data().toString();
            if (name == u"Hemoglobin A1c")
                a1c = r;
            else if (name == u"Blood pressure panel")
                bp = r;
        }
        QVERIFY(a1c >= 0 && bp >= 0);
        labs->tableView()->setCurrentIndex(labs->model()->index(a1c, 0));
        labs->tableView()->setFocus();
        QTest::keyClick(labs->tableView(), Qt::Key_Return);
        QPointer<TestChartDialog> chart = env.view->chartDialog();
        QVERIFY(chart);
        QTRY_VERIFY(chart->isLoaded());
        QChart* c = chart->chart();
        QAreaSeries* band = nullptr;
        QList<QLineSeries*> lines;
        for (QAbstractSeries* s : c->series()) {
            if (auto* a = qobject_cast<QAreaSeries*>(s))
                band = a;
            else if (auto* l = qobject_cast<QLineSeries*>(s); l && s->objectName() == u"resultSeries")
                lines.append(l);
        }
        QVERIFY(band);
        QCOMPARE(band->upperSeries()->at(0).y(), 5.6);
        QCOMPARE(band->lowerSeries()->at(0).y(), 4.0);
        QCOMPARE(lines.size(), 1);
        QCOMPARE(lines.first()->count(), 3);
        QCOMPARE(lines.first()->at(2).y(), 8.1);
        // The axis numbers follow the locale, as the table does (QChart defaults to the C locale).
        QVERIFY(c->localizeNumbers());
        QCOMPARE(c->locale(), QLocale());
        QCOMPARE(child<QTableWidget>(chart, u"historyTableWidget"_s)->rowCount(), 3);
        chart->resize(820, 640);
        test::screenshot(chart, u"chart-a1c"_s);
        QVERIFY(chart->findChild<QWidget*>(u"testChartView"_s)->accessibleName().contains(u"Hemoglobin A1c"_s));
        chart->close();

        // Blood pressure: one line per component.
        labs->tableView()->setCurrentIndex(labs->model()->index(bp, 0));
        QTest::mouseClick(child<QPushButton>(labs, u"showChartButton"_s), Qt::LeftButton);
        QTRY_VERIFY(env.view->chartDialog() && env.view->chartDialog()->isLoaded());
        int bpLines = 0;
        for (QAbstractSeries* s : env.view->chartDialog()->chart()->series())
            bpLines += s->objectName() == u"resultSeries" ? 1 : 0;
        QCOMPARE(bpLines, 2);
    }

    void summaryLinksOpenRecordsAndCharts()
    {
        Env env;
        auto* summary = qobject_cast<SummarySection*>(env.view->section(Section::Summary));
        QTRY_VERIFY(summary->isLoaded());
        int recordLink = -1;
        int testLink = -1;
        for (int i = 0; i < summary->links().size(); ++i) {
            const auto& l = summary->links().at(i);
            if (l.kind == SummaryHtml::Link::Kind::Record && l.resourceType == u"Condition" && recordLink < 0)
                recordLink = i;
            if (l.kind == SummaryHtml::Link::Kind::Test && l.code == u"4548-4")
                testLink = i;
        }
        QVERIFY(recordLink >= 0 && testLink >= 0);
        summary->openLink(recordLink);
        QTRY_VERIFY(env.view->recordDialog() && env.view->recordDialog()->isLoaded());
        QCOMPARE(env.view->recordDialog()->detail().row.id, env.family.diabetesId);
        env.view->recordDialog()->close();
        summary->openLink(testLink);
        QTRY_VERIFY(env.view->chartDialog() && env.view->chartDialog()->isLoaded());
        QCOMPARE(env.view->chartDialog()->history().code, u"4548-4"_s);
    }

    void documentsOpenInsideTheApp()
    {
        Env env;
        env.view->showSection(Section::Documents);
        auto* docs = qobject_cast<DocumentsSection*>(env.view->section(Section::Documents));
        QTRY_COMPARE(rowsOf(docs->tableView()), 3);
        auto select = [&](const QString& id) {
            const int row = docs->model()->rowOf(id);
            QVERIFY(row >= 0);
            docs->tableView()->setCurrentIndex(docs->model()->index(row, 0));
        };
        select(env.family.noteId);
        QTRY_COMPARE(docs->viewer()->mode(), DocumentViewer::Mode::Text);
        QVERIFY(docs->viewer()->textBrowser()->toPlainText().contains(u"diabetes follow-up"_s));

        select(env.family.letterId);
        QTRY_COMPARE(docs->viewer()->mode(), DocumentViewer::Mode::Pdf);
        QTRY_COMPARE(docs->viewer()->pdfDocument()->pageCount(), 1);
        test::screenshot(env.view.get(), u"profile-documents-pdf"_s);
        QVERIFY(docs->viewer()->pdfDocument()->getAllText(0).text().contains(u"Discharge letter"_s));

        select(env.family.webPageId);
        QTRY_COMPARE(docs->viewer()->mode(), DocumentViewer::Mode::Html);
        QTextBrowser* browser = docs->viewer()->textBrowser();
        QVERIFY(browser->toPlainText().contains(u"No acute findings"_s));
        QVERIFY(!browser->openExternalLinks());
        QVERIFY(!browser->openLinks());
        // Remote and local resources referenced by the page are not loaded.
        QVERIFY(browser->loadResource(QTextDocument::ImageResource, QUrl(u"http://example.invalid/tracker.png"_s)).isNull());
        QVERIFY(browser->loadResource(QTextDocument::ImageResource, QUrl(u"file:///etc/hostname"_s)).isNull());

        // A document whose content was not downloaded says so.
        env.records.documents.remove(env.family.noteId);
        select(env.family.letterId);
        select(env.family.noteId);
        QTRY_VERIFY(child<QLabel>(docs->viewer(), u"documentMessageLabel"_s)->text().contains(u"not downloaded"_s));
        QCOMPARE(docs->viewer()->mode(), DocumentViewer::Mode::Message);
    }

    void searchWithinTheProfile()
    {
        Env env;
        auto* field = child<QLineEdit>(env.view.get(), u"profileSearchLineEdit"_s);
        test::typeInto(field, u"a1c"_s);
        QTest::keyClick(field, Qt::Key_Return);
        QCOMPARE(env.view->currentSection(), Section::Search);
        SearchResultsView* results = env.view->searchView();
        QTRY_COMPARE(results->model()->rowCount(), 3);
        QCOMPARE(env.records.searchQueries.last().profileId, env.family.mom.id);
        QVERIFY(results->tableView()->isColumnHidden(SearchResultsModel::PersonColumn));
        results->tableView()->setFocus();
        QTest::keyClick(results->tableView(), Qt::Key_Return); // an observation: its chart
        QTRY_VERIFY(env.view->chartDialog() && env.view->chartDialog()->isLoaded());
        // By code.
        env.view->chartDialog()->close();
        env.view->search(u"3834"_s);
        QTRY_COMPARE(results->model()->rowCount(), 1);
        QCOMPARE(results->model()->hitAt(0)->display, u"Hypertensive disorder"_s);
    }

    void keyboardAndAccessibleNames()
    {
        Env env;
        ProfileView* v = env.view.get();
        QVERIFY(QTest::qWaitForWindowExposed(v));
        v->activateWindow();
        v->setFocus();
        QTest::keyClick(v, Qt::Key_2, Qt::ControlModifier);
        QCOMPARE(v->currentSection(), Section::Conditions);
        QTest::keyClick(v, Qt::Key_5, Qt::ControlModifier);
        QCOMPARE(v->currentSection(), Section::Labs);
        auto* nav = child<QListWidget>(v, u"sectionListWidget"_s);
        nav->setFocus();
        QTest::keyClick(nav, Qt::Key_Down);
        QCOMPARE(v->currentSection(), Section::Immunizations);
        // Every visible control says what it is.
        for (int s = 0; s <= static_cast<int>(Section::Sources); ++s) {
            v->showSection(static_cast<Section>(s));
            QTest::qWait(0);
            const QList<QWidget*> widgets = v->findChildren<QWidget*>();
            for (QWidget* w : widgets) {
                if (!w->isVisible())
                    continue;
                const bool control = qobject_cast<QAbstractButton*>(w) || qobject_cast<QLineEdit*>(w)
                                     || qobject_cast<QComboBox*>(w) || qobject_cast<QAbstractItemView*>(w);
                QWidget* parent = w->parentWidget();
                if (!control || qobject_cast<QAbstractItemView*>(parent) || qobject_cast<QLineEdit*>(parent)
                    || qobject_cast<QComboBox*>(parent))
                    continue; // parts of a composite control (header, clear button ...)
                QString name = w->accessibleName();
                if (name.isEmpty())
                    if (auto* b = qobject_cast<QAbstractButton*>(w))
                        name = b->text();
                QVERIFY2(!name.isEmpty(), qPrintable(QString::fromLatin1(w->metaObject()->className()) + u' ' + w->objectName()));
            }
        }
    }

    void refreshFollowsChanges()
    {
        Env env;
        env.view->showSection(Section::Medications);
        auto* s = qobject_cast<RecordsSection*>(env.view->section(Section::Medications));
        QTRY_COMPARE(rowsOf(s->tableView()), 2);
        env.records.addRow(env.family.mom.id, test::row(u"MedicationRequest"_s, u"Insulin glargine"_s, u"active"_s,
                                                        u"2024-04-25"_s));
        env.records.notifyProfileChanged(env.family.mom.id);
        QTRY_COMPARE(rowsOf(s->tableView()), 3);
        // Another profile's change does not touch this view.
        const qsizetype queries = env.records.recordQueries.size();
        env.records.notifyProfileChanged(env.family.dad.id);
        QTest::qWait(20);
        QCOMPARE(env.records.recordQueries.size(), queries);
    }
};

QTEST_MAIN(TestProfileView)
#include "TestProfileView.moc"
