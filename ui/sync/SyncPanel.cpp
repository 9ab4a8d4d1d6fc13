#include "ui/sync/SyncPanel.h"

#include "core/sync/ISyncControl.h"
#include "core/sync/ISyncHistory.h"
#include "ui/Async.h"
#include "ui/sync/SyncConnectionRow.h"
#include "ui/sync/SyncHistoryModel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace hh::ui {

using namespace hh::sync;

SyncPanel::SyncPanel(ISyncControl* control, ISyncHistory* history, QWidget* parent)
    : QWidget(parent)
    , m_control(control)
    , m_history(history)
    , m_overall(new QProgressBar(this))
    , m_overallLabel(new QLabel(this))
    , m_syncAll(new QPushButton(this))
    , m_cancelAll(new QPushButton(tr("Cancel a&ll"), this))
    , m_refresh(new QPushButton(tr("&Refresh"), this))
    , m_error(new QLabel(this))
    , m_noConnections(new QLabel(tr("No health system is connected yet."), this))
    , m_rowsWidget(new QWidget(this))
    , m_rows(new QVBoxLayout(m_rowsWidget))
    , m_table(new QTableView(this))
    , m_historyModel(new SyncHistoryModel(this))
{
    setObjectName(QStringLiteral("syncPanelWidget"));
    m_overall->setObjectName(QStringLiteral("profileProgressBar"));
    m_overallLabel->setObjectName(QStringLiteral("overallStatusLabel"));
    m_syncAll->setObjectName(QStringLiteral("syncAllButton"));
    m_cancelAll->setObjectName(QStringLiteral("cancelAllButton"));
    m_refresh->setObjectName(QStringLiteral("refreshButton"));
    m_error->setObjectName(QStringLiteral("syncErrorLabel"));
    m_noConnections->setObjectName(QStringLiteral("noConnectionsLabel"));
    m_rowsWidget->setObjectName(QStringLiteral("connectionsWidget"));
    m_table->setObjectName(QStringLiteral("syncHistoryTableView"));

    m_error->setWordWrap(true);
    m_error->setVisible(false);
    m_error->setForegroundRole(QPalette::BrightText);
    m_overall->setAccessibleName(tr("Overall sync progress"));
    m_overall->setVisible(false);
    m_cancelAll->setEnabled(false);
    for (QPushButton* b : {m_syncAll, m_cancelAll, m_refresh})
        b->setAutoDefault(false);
    m_rows->setContentsMargins(0, 0, 0, 0);
    m_rows->addWidget(m_noConnections);

    m_table->setModel(m_historyModel);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setTabKeyNavigation(false); // Tab leaves the table (keyboard users)
    m_table->verticalHeader()->setVisible(false);
    m_table->setWordWrap(false);
    // Dates, names and counts as wide as they are (the history holds a bounded number of jobs); the
    // problem takes the rest.
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(SyncHistoryModel::ErrorColumn, QHeaderView::Stretch);
    m_table->setAccessibleName(tr("Sync history"));

    auto* header = new QHBoxLayout();
    header->addWidget(m_overallLabel, 1);
    header->addWidget(m_refresh);
    header->addWidget(m_cancelAll);
    header->addWidget(m_syncAll);

    auto* historyLabel = new QLabel(tr("Sync hist&ory"), this);
    historyLabel->setObjectName(QStringLiteral("syncHistoryLabel"));
    historyLabel->setBuddy(m_table);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(m_overall);
    layout->addWidget(m_error);
    layout->addWidget(m_rowsWidget);
    layout->addWidget(historyLabel);
    layout->addWidget(m_table, 1);

    connect(m_syncAll, &QPushButton::clicked, this, &SyncPanel::syncAll);
    connect(m_cancelAll, &QPushButton::clicked, this, &SyncPanel::cancelAll);
    connect(m_refresh, &QPushButton::clicked, this, &SyncPanel::refresh);
    if (m_control) {
        connect(m_control, &ISyncControl::connectionProgress, this, &SyncPanel::onProgress);
        connect(m_control, &ISyncControl::connectionFinished, this, &SyncPanel::onFinished);
        connect(m_control, &ISyncControl::syncRequestFailed, this,
                [this](const Error& e) { onFailure(e.message()); });
        for (const SyncProgress& p : m_control->activeSyncs()) {
            if (concerns(p.profileId))
                m_active.insert(p.connectionId, p);
        }
    }
    setProfileId({});
}

SyncPanel::~SyncPanel() = default;

bool SyncPanel::concerns(const QString& profileId) const
{
    return m_profileId.isEmpty() || profileId == m_profileId;
}

void SyncPanel::setProfileId(const QString& profileId)
{
    m_profileId = profileId;
    m_syncAll->setText(profileId.isEmpty() ? tr("S&ync everyone") : tr("S&ync all"));
    m_syncAll->setAccessibleName(profileId.isEmpty() ? tr("Sync every family member now")
                                                     : tr("Sync all health systems of this family member now"));
    m_active.clear();
    if (m_control) {
        for (const SyncProgress& p : m_control->activeSyncs()) {
            if (concerns(p.profileId))
                m_active.insert(p.connectionId, p);
        }
    }
    for (SyncConnectionRow* row : std::as_const(m_rowList))
        delete row;
    m_rowList.clear();
    refresh();
}

SyncConnectionRow* SyncPanel::rowFor(const QString& connectionId) const
{
    for (SyncConnectionRow* row : m_rowList) {
        if (row->connectionId() == connectionId)
            return row;
    }
    return nullptr;
}

void SyncPanel::refresh()
{
    if (!m_history)
        return;
    const int generation = ++m_generation;
    m_pending = 2;
    auto done = [this, generation]() {
        if (generation == m_generation && --m_pending == 0)
            Q_EMIT refreshed();
    };
    whenFinished(m_history->connections(m_profileId), this,
                 [this, generation, done](const Result<QList<ConnectionSyncInfo>>& r) {
                     if (generation != m_generation)
                         return;
                     if (r)
                         onConnections(*r);
                     else
                         onFailure(r.error().message());
                     done();
                 });
    whenFinished(m_history->jobs(m_profileId, m_historyLimit), this,
                 [this, generation, done](const Result<QList<SyncJobRecord>>& r) {
                     if (generation != m_generation)
                         return;
                     if (r)
                         m_historyModel->setJobs(*r);
                     else
                         onFailure(r.error().message());
                     done();
                 });
}

void SyncPanel::onConnections(const QList<ConnectionSyncInfo>& connections)
{
    QList<SyncConnectionRow*> keep;
    for (const ConnectionSyncInfo& info : connections) {
        SyncConnectionRow* row = rowFor(info.connectionId);
        if (row) {
            row->setInfo(info);
        } else {
            row = new SyncConnectionRow(info, m_profileId.isEmpty(), m_rowsWidget);
            connect(row, &SyncConnectionRow::syncRequested, this, [this](const QString& id) {
                if (m_control)
                    m_control->syncConnection(id);
            });
            connect(row, &SyncConnectionRow::cancelRequested, this, [this](const QString& id) {
                if (m_control)
                    m_control->cancelConnection(id);
            });
            const auto active = m_active.constFind(info.connectionId);
            if (active != m_active.constEnd())
                row->setProgress(*active);
        }
        keep.append(row);
    }
    for (SyncConnectionRow* row : std::as_const(m_rowList)) {
        if (!keep.contains(row))
            delete row;
    }
    m_rowList = keep;
    // Keep the layout in the vault's order (and so the tab order).
    for (SyncConnectionRow* row : std::as_const(m_rowList)) {
        m_rows->removeWidget(row);
        m_rows->addWidget(row);
    }
    QWidget* previous = m_syncAll;
    for (SyncConnectionRow* row : std::as_const(m_rowList)) {
        if (auto* button = row->findChild<QPushButton*>(QStringLiteral("syncNowButton"))) {
            setTabOrder(previous, button);
            previous = button;
        }
    }
    setTabOrder(previous, m_table);
    m_noConnections->setVisible(m_rowList.isEmpty());
    m_syncAll->setEnabled(!m_rowList.isEmpty());
    updateOverall();
}

void SyncPanel::onProgress(const SyncProgress& progress)
{
    if (!concerns(progress.profileId))
        return;
    m_active.insert(progress.connectionId, progress);
    if (SyncConnectionRow* row = rowFor(progress.connectionId))
        row->setProgress(progress);
    else if (m_generation > 0)
        refresh(); // a connection this panel has not listed yet
    m_error->setVisible(false);
    updateOverall();
}

void SyncPanel::onFinished(const SyncJobResult& result)
{
    if (!concerns(result.profileId))
        return;
    m_active.remove(result.connectionId);
    if (SyncConnectionRow* row = rowFor(result.connectionId))
        row->setFinished(result);
    updateOverall();
    refresh();
}

void SyncPanel::onFailure(const QString& message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
    m_error->setAccessibleName(message);
}

void SyncPanel::syncAll()
{
    if (!m_control)
        return;
    if (m_profileId.isEmpty())
        m_control->syncAll();
    else
        m_control->syncProfile(m_profileId);
}

void SyncPanel::cancelAll()
{
    if (!m_control)
        return;
    if (m_profileId.isEmpty())
        m_control->cancelAll();
    else
        m_control->cancelProfile(m_profileId);
}

void SyncPanel::updateOverall()
{
    int done = 0;
    int total = 0;
    qint64 fetched = 0;
    int running = 0;
    for (const SyncProgress& p : std::as_const(m_active)) {
        done += p.typesDone;
        total += p.typesTotal;
        fetched += p.resourcesFetched;
        running += p.running ? 1 : 0;
    }
    const bool active = !m_active.isEmpty();
    m_cancelAll->setEnabled(active);
    m_overall->setVisible(active);
    if (active) {
        if (total > 0) {
            m_overall->setRange(0, total);
            m_overall->setValue(std::min(done, total));
        } else {
            m_overall->setRange(0, 0);
        }
        m_overall->setFormat(tr("%Ln record(s) fetched", nullptr, static_cast<int>(std::min<qint64>(fetched, INT_MAX))));
        m_overallLabel->setText(tr("Syncing %1 of %Ln health system(s)…", nullptr, static_cast<int>(m_active.size()))
                                    .arg(QLocale().toString(running)));
    } else if (m_rowList.isEmpty()) {
        m_overallLabel->setText(tr("Nothing to sync."));
    } else {
        m_overallLabel->setText(tr("Not syncing."));
    }
    m_overall->setAccessibleDescription(m_overallLabel->text());
}

} // namespace hh::ui
