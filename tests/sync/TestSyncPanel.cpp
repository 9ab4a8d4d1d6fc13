// The sync panel (ui/sync) with fake core interfaces: rows per connection, progress, Sync now / Cancel,
// last sync and last problem, history table, keyboard use, profile filtering.

#include "core/sync/ISyncControl.h"
#include "core/sync/ISyncHistory.h"
#include "sync/FakeSyncHistory.h"
#include "ui/sync/SyncConnectionRow.h"
#include "ui/sync/SyncHistoryModel.h"
#include "ui/sync/SyncPanel.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QLabel>
#include <QProgressBar>
#include <QPromise>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using namespace hh;
using namespace hh::sync;
using hh::ui::SyncConnectionRow;
using hh::ui::SyncPanel;

namespace {

class FakeSyncControl final : public ISyncControl
{
public:
    QStringList calls;
    QList<SyncProgress> active;

    void syncConnection(const QString& id) override { calls << QStringLiteral("sync:") + id; }
    void syncProfile(const QString& id) override { calls << QStringLiteral("profile:") + id; }
    void syncAll() override { calls << QStringLiteral("all"); }
    void cancelConnection(const QString& id) override { calls << QStringLiteral("cancel:") + id; }
    void cancelProfile(const QString& id) override { calls << QStringLiteral("cancelProfile:") + id; }
    void cancelAll() override { calls << QStringLiteral("cancelAll"); }
    QList<SyncProgress> activeSyncs() const override { return active; }
    SyncSchedule schedule() const override { return SyncSchedule::Off; }
    void saveSchedule(SyncSchedule) override { calls << QStringLiteral("schedule"); }
    bool isActive(const QString& id) const override
    {
        return std::any_of(active.cbegin(), active.cend(), [&](const SyncProgress& p) { return p.connectionId == id; });
    }
};

using hh::test::FakeSyncHistory;
using hh::test::ready;

ConnectionSyncInfo conn(const QString& id, const QString& profile, const QString& endpoint, const QString& status)
{
    ConnectionSyncInfo c;
    c.connectionId = id;
    c.profileId = profile;
    c.profileName = profile == u"p1" ? QStringLiteral("Mom") : QStringLiteral("Dad");
    c.endpointId = endpoint;
    c.endpointName = endpoint == u"demo-epic" ? QStringLiteral("Demo Epic Clinic") : QStringLiteral("Demo athena Practice");
    c.provider = QStringLiteral("epic");
    c.status = status;
    return c;
}

template<typename W>
W* child(QWidget* parent, const char* name)
{
    return parent->findChild<W*>(QString::fromLatin1(name));
}

} // namespace

class TestSyncPanel : public QObject
{
    Q_OBJECT

private:
    FakeSyncControl* m_control = nullptr;
    FakeSyncHistory* m_history = nullptr;

private Q_SLOTS:
    void initTestCase() { registerSyncMetaTypes(); }

    void init()
    {
        m_control = new FakeSyncControl();
        m_history = new FakeSyncHistory();
        m_history->conns = {conn(QStringLiteral("c1"), QStringLiteral("p1"), QStringLiteral("demo-epic"),
                                 QStringLiteral("connected")),
                            conn(QStringLiteral("c2"), QStringLiteral("p1"), QStringLiteral("demo-athena"),
                                 QStringLiteral("needs_reauth")),
                            conn(QStringLiteral("c3"), QStringLiteral("p2"), QStringLiteral("demo-epic"),
                                 QStringLiteral("connected"))};
        m_history->conns[0].lastSyncedAt = QStringLiteral("2025-03-01T10:00:00.000Z");
        m_history->conns[0].lastJobStatus = JobStatus::Success;
        SyncJobRecord j;
        j.jobId = QStringLiteral("j1");
        j.profileId = QStringLiteral("p1");
        j.profileName = QStringLiteral("Mom");
        j.endpointName = QStringLiteral("Demo Epic Clinic");
        j.status = JobStatus::Partial;
        j.startedAt = QStringLiteral("2025-03-01T09:59:00.000Z");
        j.finishedAt = QStringLiteral("2025-03-01T10:00:00.000Z");
        j.resourcesFetched = 1234;
        j.errorMessage = QStringLiteral("Some data could not be fetched (Observation).");
        m_history->jobList = {j};
    }

    void cleanup()
    {
        delete m_control;
        delete m_history;
    }

    void showsOneRowPerConnectionOfTheProfile()
    {
        SyncPanel panel(m_control, m_history);
        QSignalSpy refreshed(&panel, &SyncPanel::refreshed);
        panel.setProfileId(QStringLiteral("p1"));
        QTRY_VERIFY(refreshed.size() >= 1);
        const auto rows = panel.findChildren<SyncConnectionRow*>(QStringLiteral("connectionSyncFrame"));
        QCOMPARE(rows.size(), 2);
        SyncConnectionRow* c1 = panel.rowFor(QStringLiteral("c1"));
        QVERIFY(c1);
        QCOMPARE(c1->property("connectionId").toString(), QStringLiteral("c1"));
        QCOMPARE(child<QLabel>(c1, "connectionNameLabel")->text(), QStringLiteral("Demo Epic Clinic"));
        QVERIFY(child<QLabel>(c1, "lastSyncLabel")->text().contains(QStringLiteral("Last synced")));
        QCOMPARE(child<QPushButton>(c1, "syncNowButton")->text().remove(u'&'), QStringLiteral("Sync now"));
        SyncConnectionRow* c2 = panel.rowFor(QStringLiteral("c2"));
        QCOMPARE(child<QLabel>(c2, "connectionStatusLabel")->text(), QStringLiteral("Needs sign-in again"));
        QCOMPARE(child<QLabel>(c2, "lastSyncLabel")->text(), QStringLiteral("Never synced"));
        QVERIFY(!panel.rowFor(QStringLiteral("c3")));

        // The history table.
        auto* table = child<QTableView>(&panel, "syncHistoryTableView");
        QVERIFY(table);
        QCOMPARE(table->model()->rowCount(), 1);
        QCOMPARE(table->model()->index(0, ui::SyncHistoryModel::StatusColumn).data().toString(),
                 jobStatusLabel(JobStatus::Partial));
        QCOMPARE(table->model()->index(0, ui::SyncHistoryModel::ErrorColumn).data().toString(),
                 QStringLiteral("Some data could not be fetched (Observation)."));

        // The whole family: every connection, with the member's name.
        panel.setProfileId({});
        QTRY_COMPARE(panel.findChildren<SyncConnectionRow*>(QStringLiteral("connectionSyncFrame")).size(), 3);
        QVERIFY(child<QLabel>(panel.rowFor(QStringLiteral("c3")), "connectionNameLabel")->text().contains(u"Dad"));
    }

    void syncNowCancelAndProgress()
    {
        SyncPanel panel(m_control, m_history);
        QSignalSpy refreshed(&panel, &SyncPanel::refreshed);
        panel.setProfileId(QStringLiteral("p1"));
        QTRY_VERIFY(refreshed.size() >= 1);
        SyncConnectionRow* row = panel.rowFor(QStringLiteral("c1"));
        auto* button = child<QPushButton>(row, "syncNowButton");
        QTest::mouseClick(button, Qt::LeftButton);
        QCOMPARE(m_control->calls, QStringList{QStringLiteral("sync:c1")});

        // Queued, then running with progress.
        SyncProgress p;
        p.profileId = QStringLiteral("p1");
        p.connectionId = QStringLiteral("c1");
        Q_EMIT m_control->connectionProgress(p);
        QCOMPARE(button->text().remove(u'&'), QStringLiteral("Cancel"));
        QVERIFY(child<QLabel>(row, "connectionStatusLabel")->text().contains(QStringLiteral("Waiting")));
        p.running = true;
        p.jobId = QStringLiteral("j2");
        p.typesDone = 3;
        p.typesTotal = 16;
        p.resourcesFetched = 420;
        p.currentType = QStringLiteral("AllergyIntolerance");
        Q_EMIT m_control->connectionProgress(p);
        auto* bar = child<QProgressBar>(row, "connectionProgressBar");
        QCOMPARE(bar->maximum(), 16);
        QCOMPARE(bar->value(), 3);
        QVERIFY(bar->format().contains(QStringLiteral("420")));
        // The kind of record in words (records::resourceTypeLabel), not the FHIR type name.
        const QString status = child<QLabel>(row, "connectionStatusLabel")->text();
        QVERIFY2(status.contains(QStringLiteral("(Allergy)")), qPrintable(status));
        QVERIFY2(!status.contains(QStringLiteral("AllergyIntolerance")), qPrintable(status));
        auto* overall = child<QProgressBar>(&panel, "profileProgressBar");
        QVERIFY(!overall->isHidden());
        QCOMPARE(overall->maximum(), 16);
        QVERIFY(child<QPushButton>(&panel, "cancelAllButton")->isEnabled());

        // Progress of another family member is not shown here.
        SyncProgress other = p;
        other.profileId = QStringLiteral("p2");
        other.connectionId = QStringLiteral("c3");
        other.typesTotal = 99;
        Q_EMIT m_control->connectionProgress(other);
        QCOMPARE(overall->maximum(), 16);

        QTest::mouseClick(button, Qt::LeftButton);
        QCOMPARE(m_control->calls.last(), QStringLiteral("cancel:c1"));

        // The job ends partly: the problem is shown in words and the vault is read again.
        const int before = m_history->connectionCalls;
        SyncJobResult r;
        r.jobId = QStringLiteral("j2");
        r.profileId = QStringLiteral("p1");
        r.connectionId = QStringLiteral("c1");
        r.status = JobStatus::Partial;
        r.errorMessage = QStringLiteral("Some data could not be fetched (Encounter).");
        Q_EMIT m_control->connectionFinished(r);
        QCOMPARE(button->text().remove(u'&'), QStringLiteral("Sync now"));
        auto* error = child<QLabel>(row, "lastErrorLabel");
        QVERIFY(!error->isHidden());
        QVERIFY(error->text().contains(QStringLiteral("Encounter")));
        QTRY_VERIFY(m_history->connectionCalls > before);
        QVERIFY(overall->isHidden());
        QVERIFY(!child<QPushButton>(&panel, "cancelAllButton")->isEnabled());
    }

    void syncAllAndCancelAllFollowTheProfile()
    {
        SyncPanel panel(m_control, m_history);
        QSignalSpy refreshed(&panel, &SyncPanel::refreshed);
        panel.setProfileId(QStringLiteral("p1"));
        QTRY_VERIFY(refreshed.size() >= 1);
        QTest::mouseClick(child<QPushButton>(&panel, "syncAllButton"), Qt::LeftButton);
        QCOMPARE(m_control->calls.last(), QStringLiteral("profile:p1"));
        panel.setProfileId({});
        QTRY_VERIFY(refreshed.size() >= 2);
        QTest::mouseClick(child<QPushButton>(&panel, "syncAllButton"), Qt::LeftButton);
        QCOMPARE(m_control->calls.last(), QStringLiteral("all"));
        SyncProgress p;
        p.profileId = QStringLiteral("p2");
        p.connectionId = QStringLiteral("c3");
        p.running = true;
        Q_EMIT m_control->connectionProgress(p);
        QTest::mouseClick(child<QPushButton>(&panel, "cancelAllButton"), Qt::LeftButton);
        QCOMPARE(m_control->calls.last(), QStringLiteral("cancelAll"));
    }

    void keyboardOnly()
    {
        SyncPanel panel(m_control, m_history);
        QSignalSpy refreshed(&panel, &SyncPanel::refreshed);
        panel.setProfileId(QStringLiteral("p1"));
        QTRY_VERIFY(refreshed.size() >= 1);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        auto* button = child<QPushButton>(panel.rowFor(QStringLiteral("c1")), "syncNowButton");
        QVERIFY(button->focusPolicy() & Qt::TabFocus);
        button->setFocus();
        QTRY_VERIFY(button->hasFocus());
        QTest::keyClick(button, Qt::Key_Space);
        QCOMPARE(m_control->calls.last(), QStringLiteral("sync:c1"));
        // Tab reaches the next connection's button, then the history table.
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(),
                 child<QPushButton>(panel.rowFor(QStringLiteral("c2")), "syncNowButton"));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), child<QTableView>(&panel, "syncHistoryTableView"));
    }

    void loadErrorIsShown()
    {
        m_history->failWith = Error(ErrorCode::Database, QStringLiteral("The connections could not be read."), {});
        SyncPanel panel(m_control, m_history);
        QSignalSpy refreshed(&panel, &SyncPanel::refreshed);
        panel.setProfileId(QStringLiteral("p1"));
        QTRY_VERIFY(refreshed.size() >= 1);
        auto* error = child<QLabel>(&panel, "syncErrorLabel");
        QVERIFY(!error->isHidden());
        QCOMPARE(error->text(), QStringLiteral("The connections could not be read."));
    }

    void historyModelIsAValidModel()
    {
        ui::SyncHistoryModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setJobs(m_history->jobList);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.columnCount(), int(ui::SyncHistoryModel::ColumnCount));
        QCOMPARE(model.index(0, 0).data(ui::SyncHistoryModel::JobIdRole).toString(), QStringLiteral("j1"));
        QCOMPARE(model.index(0, ui::SyncHistoryModel::RecordsColumn).data().toString(), QLocale().toString(1234));
        model.setJobs({});
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_MAIN(TestSyncPanel)
#include "TestSyncPanel.moc"
