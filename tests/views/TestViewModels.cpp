// The views' item models: checked with QAbstractItemModelTester, paged lazily from the service,
// sorted and filtered by the service.
#include "gui/GuiTestSupport.h"
#include "ui/ProfileListModel.h"
#include "ui/RecordTableModel.h"
#include "ui/SearchResultsModel.h"
#include "ui/TestTableModel.h"
#include "views/ViewsTestData.h"

#include <QAbstractItemModelTester>
#include <QHeaderView>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using namespace hh;
using namespace hh::records;
using namespace hh::ui;
using namespace Qt::StringLiterals;

class TestViewModels : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void recordModelPagesLazily()
    {
        test::FakeRecordsService rs;
        const QString profile = newId();
        for (int i = 0; i < 20000; ++i) {
            RecordRow r = test::row(u"Observation"_s, u"Test %1"_s.arg(i % 40), u"final"_s,
                                    QDateTime(QDate(2004, 1, 1), QTime(8, 0), Qt::UTC).addSecs(i * 3600LL).toString(Qt::ISODateWithMs),
                                    u"http://loinc.org"_s, u"1000-%1"_s.arg(i % 40));
            r.valueNum = 50 + i % 17;
            r.valueUnit = u"mg/dL"_s;
            r.abnormal = r.valueNum > 60 ? u"H"_s : u"N"_s;
            rs.addRow(profile, r);
        }
        RecordTableModel model(RecordKind::Observations);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPageSize(200);
        model.setService(&rs);
        model.setProfileId(profile);
        QVERIFY(model.canFetchMore(QModelIndex()) || model.isLoading());
        QSignalSpy loaded(&model, &RecordTableModel::loaded);
        model.ensureLoaded(); // (the model tester may already have asked: once is enough)
        model.ensureLoaded();
        QTRY_COMPARE(loaded.count(), 1);
        QCOMPARE(model.rowCount(), 200);
        QCOMPARE(model.totalCount(), 20000);
        QVERIFY(model.canFetchMore(QModelIndex()));
        model.fetchMore(QModelIndex());
        QTRY_COMPARE(model.rowCount(), 400);

        // A view over it only asks for what it shows.
        QTableView view;
        view.resize(800, 400);
        view.setModel(&model);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QTest::qWait(50);
        QVERIFY2(rs.maxRowReached <= 600, qPrintable(QString::number(rs.maxRowReached)));
        QVERIFY(model.rowCount() < 20000);
        QStringList offsets;
        for (const RecordQuery& q : rs.recordQueries)
            offsets.append(QString::number(q.offset));
        qInfo("record queries at offsets %s", qPrintable(offsets.join(u',')));
        // Each page was asked for once.
        QCOMPARE(QSet<QString>(offsets.cbegin(), offsets.cend()).size(), offsets.size());
        // Scrolling to the end fetches the next page, not everything.
        const int before = model.rowCount();
        view.scrollToBottom();
        QTRY_VERIFY(model.rowCount() > before);
        QVERIFY(model.rowCount() <= before + 2 * 200);

        // Abnormal values are flagged for color and screen readers.
        const int valueColumn = model.columnOf(RecordTableModel::Column::Value);
        bool sawAbnormal = false;
        for (int r = 0; r < 40 && !sawAbnormal; ++r)
            sawAbnormal = model.index(r, valueColumn).data(RecordTableModel::AbnormalRole).toBool()
                          && model.index(r, valueColumn).data(Qt::ForegroundRole).isValid();
        QVERIFY(sawAbnormal);
    }

    void recordModelSortsAndFiltersInTheService()
    {
        test::FakeRecordsService rs;
        test::FakeProfileService ps;
        const test::ViewsFamily f = test::fillViewsFamily(rs, ps, newId());
        RecordTableModel model(RecordKind::Conditions);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setService(&rs);
        model.setProfileId(f.mom.id);
        model.reload();
        QTRY_COMPARE(model.totalCount(), 3);
        QCOMPARE(rs.recordQueries.last().sort, RecordSort::Date);
        QVERIFY(rs.recordQueries.last().descending);
        QCOMPARE(model.index(0, model.columnOf(RecordTableModel::Column::Name)).data().toString(),
                 u"Acute bronchitis"_s); // newest onset first

        model.sort(model.columnOf(RecordTableModel::Column::Name), Qt::AscendingOrder);
        QTRY_COMPARE(model.rowCount(), 3);
        QCOMPARE(rs.recordQueries.last().sort, RecordSort::Name);
        QVERIFY(!rs.recordQueries.last().descending);
        QCOMPARE(model.index(0, 0).data().toString(), u"Acute bronchitis"_s);
        QCOMPARE(model.index(1, 0).data().toString(), u"Diabetes mellitus type 2"_s);
        // Not sortable in the service: nothing is asked.
        const qsizetype queries = rs.recordQueries.size();
        model.sort(model.columnOf(RecordTableModel::Column::Sources), Qt::AscendingOrder);
        QCOMPARE(rs.recordQueries.size(), queries);

        model.setStatusFilter(StatusFilter::Active);
        QTRY_COMPARE(model.totalCount(), 2);
        QCOMPARE(rs.recordQueries.last().status, StatusFilter::Active);
        model.setFilterText(u"diab"_s);
        QTRY_COMPARE(model.totalCount(), 1);
        QCOMPARE(rs.recordQueries.last().text, u"diab"_s);
        const QModelIndex diabetes = model.index(0, 0);
        QCOMPARE(diabetes.data(RecordTableModel::RecordIdRole).toString(), f.diabetesId);
        QVERIFY(model.index(0, model.columnOf(RecordTableModel::Column::Sources)).data().toString().contains(u"Lakeside"_s));
        QCOMPARE(model.headerData(0, Qt::Horizontal).toString(), u"Condition"_s);

        // A change of the data re-reads in place (same rows: no reset).
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        rs.rows[f.mom.id][0].status = u"active"_s;
        model.refresh();
        QTRY_COMPARE(changed.count(), 1);
        QCOMPARE(reset.count(), 0);
        // Different rows: reset.
        rs.rows[f.mom.id][0].display = u"Diabetes (revised)"_s;
        rs.addRow(f.mom.id, test::row(u"Condition"_s, u"Diabetic retinopathy"_s, u"active"_s, u"2024-01-01"_s));
        model.refresh();
        QTRY_COMPARE(reset.count(), 1);
        QCOMPARE(model.rowCount(), 2);
    }

    void staleAnswersAreDropped()
    {
        test::FakeRecordsService rs;
        test::FakeProfileService ps;
        const test::ViewsFamily f = test::fillViewsFamily(rs, ps, newId());
        rs.setDelivery(test::Delivery::Deferred);
        RecordTableModel model(RecordKind::Medications);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setService(&rs);
        model.setProfileId(f.mom.id);
        model.reload();
        QVERIFY(model.isLoading());
        QVERIFY(!model.canFetchMore(QModelIndex())); // one request at a time
        model.setProfileId(f.dad.id); // the answer for Mom must not land in Dad's table
        model.reload();
        rs.finishPending();
        QTRY_COMPARE(model.totalCount(), 1);
        QCOMPARE(model.index(0, 0).data().toString(), u"Atorvastatin 20 MG Oral Tablet"_s);
    }

    void testModel()
    {
        test::FakeRecordsService rs;
        test::FakeProfileService ps;
        const test::ViewsFamily f = test::fillViewsFamily(rs, ps, newId());
        TestTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setService(&rs);
        model.setProfileId(f.mom.id);
        model.reload();
        QTRY_COMPARE(model.totalCount(), 3);
        int a1c = -1;
        for (int r = 0; r < model.rowCount(); ++r)
            if (model.index(r, TestTableModel::TestColumn).data().toString() == u"Hemoglobin A1c")
                a1c = r;
        QVERIFY(a1c >= 0);
        QCOMPARE(model.index(a1c, TestTableModel::ResultColumn).data().toString(), u"8.1 %"_s);
        QCOMPARE(model.index(a1c, TestTableModel::RangeColumn).data().toString(), u"4–5.6"_s);
        QCOMPARE(model.index(a1c, TestTableModel::FlagColumn).data().toString(), u"High"_s);
        QVERIFY(model.index(a1c, TestTableModel::TrendColumn).data().toString().contains(u"Rising"_s));
        QVERIFY(model.index(a1c, TestTableModel::TestColumn).data(Qt::AccessibleTextRole).toString().contains(u"disagree"_s));

        model.setKind(TestKind::Vital);
        QTRY_COMPARE(model.totalCount(), 1);
        QCOMPARE(model.index(0, TestTableModel::ResultColumn).data().toString(), u"138/88"_s);
        model.setKind(TestKind::Any);
        model.setAbnormalOnly(true);
        QTRY_COMPARE(model.totalCount(), 1);
        QCOMPARE(rs.testQueries.last().abnormalOnly, true);
        model.sort(TestTableModel::TestColumn, Qt::AscendingOrder);
        QTRY_COMPARE(rs.testQueries.last().sort, TestSort::Name);
    }

    void searchModel()
    {
        SearchResultsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        SearchHit h;
        h.profileName = u"Mom"_s;
        h.display = u"Hemoglobin A1c"_s;
        h.resourceType = u"Observation"_s;
        h.count = 3;
        h.code = u"4548-4"_s;
        h.codeSystem = u"http://loinc.org"_s;
        model.setHits({h, h});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0, SearchResultsModel::PersonColumn).data().toString(), u"Mom"_s);
        QCOMPARE(model.index(0, SearchResultsModel::CodeColumn).data().toString(), u"LOINC 4548-4"_s);
        QVERIFY(model.index(0, SearchResultsModel::CountColumn).data().toString().contains(u'3'));
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }

    void profileModelCarriesOverviews()
    {
        test::FakeRecordsService rs;
        test::FakeProfileService ps;
        const test::ViewsFamily f = test::fillViewsFamily(rs, ps, newId());
        ProfileListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setProfiles({f.mom, f.dad, f.leo});
        const QModelIndex mom = model.index(model.rowOf(f.mom.id));
        QVERIFY(!mom.data(ProfileListModel::HasOverviewRole).toBool());
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setOverview(rs.overviewsById.value(f.mom.id));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.first().at(0).toModelIndex().row(), mom.row());
        QCOMPARE(mom.data(ProfileListModel::CountsTextRole).toString(),
                 u"2 conditions · 2 medications · 1 allergy"_s);
        const QStringList alerts = mom.data(ProfileListModel::AlertsRole).toStringList();
        QCOMPARE(alerts.size(), 2);
        QVERIFY(alerts.join(u'\n').contains(u"Hemoglobin A1c"_s));
        QVERIFY(alerts.join(u'\n').contains(u"sign in again"_s));
        QCOMPARE(mom.data(ProfileListModel::SyncStateRole).toInt(),
                 static_cast<int>(ProfileListModel::SyncState::NeedsSignIn));
        QVERIFY(mom.data(ProfileListModel::SyncTextRole).toString().startsWith(u"Synced"_s));
        QVERIFY(mom.data(Qt::AccessibleTextRole).toString().contains(u"2 medications"_s));
        // A reload of the list keeps the overview; a removed profile loses it.
        model.setProfiles({f.mom, f.dad});
        QVERIFY(model.index(model.rowOf(f.mom.id)).data(ProfileListModel::HasOverviewRole).toBool());
        model.setOverview(rs.overviewsById.value(f.dad.id));
        QCOMPARE(model.index(model.rowOf(f.dad.id)).data(ProfileListModel::SyncStateRole).toInt(),
                 static_cast<int>(ProfileListModel::SyncState::Failed));
        model.removeProfile(f.mom.id);
        QVERIFY(!model.overviewOf(f.mom.id));
    }
};

QTEST_MAIN(TestViewModels)
#include "TestViewModels.moc"
