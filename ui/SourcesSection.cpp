#include "ui/SourcesSection.h"

#include "core/connect/DemoEndpoints.h"
#include "core/records/IRecordsService.h"
#include "ui/Async.h"
#include "ui/MessageBoxes.h"
#include "ui/RecordFormat.h"
#include "ui/sync/SyncPanel.h"

#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace hh::ui {

using namespace hh::records;

SourcesSection::SourcesSection(const SessionServices& services, QWidget* parent)
    : ProfileSection(parent), m_services(services), m_connections(new QTreeWidget(this)),
      m_jobs(new QTreeWidget(this)), m_status(new QLabel(this)),
      m_connect(new QPushButton(tr("Co&nnect a health system…"), this)),
      m_disconnect(new QPushButton(tr("&Disconnect…"), this)), m_panelContainer(new QWidget(this)),
      m_panelLayout(new QVBoxLayout(m_panelContainer))
{
    setObjectName(u"sourcesSection"_s);
    m_services.owner.reset();
    QFont bold = font();
    bold.setWeight(QFont::DemiBold);

    auto* connectionsLabel = new QLabel(tr("Health syste&ms"), this);
    connectionsLabel->setFont(bold);
    connectionsLabel->setBuddy(m_connections);
    m_connections->setObjectName(u"connectionsTreeWidget"_s);
    m_connections->setAccessibleName(tr("Connected health systems"));
    m_connections->setRootIsDecorated(false);
    m_connections->setHeaderLabels({tr("Health system"), tr("Vendor"), tr("Status"), tr("Last synced"), tr("Records"),
                                    tr("Last problem")});
    m_connections->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_connections->setMaximumHeight(fontMetrics().height() * 9);

    m_connect->setObjectName(u"connectHealthSystemButton"_s);
    m_connect->setAccessibleName(tr("Connect a health system"));
    m_connect->setIcon(QIcon(u":/icons/connect.svg"_s));
    m_connect->setEnabled(!m_services.connect.isNull());
    if (m_services.connect.isNull())
        m_connect->setToolTip(tr("Connecting health systems is not available in this session."));
    m_disconnect->setObjectName(u"disconnectHealthSystemButton"_s);
    m_disconnect->setAccessibleName(tr("Disconnect the selected health system"));
    m_disconnect->setToolTip(tr("Stop syncing the selected health system and revoke Health Hub's access there; "
                                "its records are kept unless you choose to delete them."));
    m_disconnect->setEnabled(false);
    m_status->setObjectName(u"sourcesStatusLabel"_s);
    m_status->setWordWrap(true);

    m_panelContainer->setObjectName(u"syncPanelContainer"_s);
    m_panelLayout->setContentsMargins(0, 0, 0, 0);
    if (m_services.syncControl && m_services.syncHistory) {
        m_panel = new SyncPanel(m_services.syncControl.data(), m_services.syncHistory, m_panelContainer);
        m_panelLayout->addWidget(m_panel);
    } else {
        // Slot for the sync engine's panel (ui/sync/SyncPanel): shown when the session provides
        // ISyncControl and ISyncHistory.
        auto* placeholder = new QLabel(tr("Syncing is not available in this session. The records below are the ones "
                                          "already stored on this computer."),
                                       m_panelContainer);
        placeholder->setObjectName(u"syncPanelPlaceholderLabel"_s);
        placeholder->setWordWrap(true);
        m_panelLayout->addWidget(placeholder);
    }

    auto* jobsLabel = new QLabel(tr("Recen&t syncs"), this);
    jobsLabel->setFont(bold);
    jobsLabel->setBuddy(m_jobs);
    m_jobs->setObjectName(u"syncJobsTreeWidget"_s);
    m_jobs->setAccessibleName(tr("Recent syncs"));
    m_jobs->setRootIsDecorated(false);
    m_jobs->setHeaderLabels({tr("Started"), tr("Health system"), tr("Result"), tr("Resources"), tr("Problem")});
    m_jobs->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    // The sync panel has its own history; ours is the offline one (read from the vault).
    const bool panel = !m_panel.isNull();
    jobsLabel->setVisible(!panel);
    m_jobs->setVisible(!panel);

    auto* top = new QHBoxLayout;
    top->addWidget(connectionsLabel);
    top->addStretch(1);
    top->addWidget(m_disconnect);
    top->addWidget(m_connect);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_connections);
    layout->addWidget(m_status);
    layout->addWidget(m_panelContainer, panel ? 1 : 0);
    layout->addWidget(jobsLabel);
    layout->addWidget(m_jobs, panel ? 0 : 1);

    connect(m_connect, &QPushButton::clicked, this, &ProfileSection::connectRequested);
    connect(m_disconnect, &QPushButton::clicked, this, &SourcesSection::disconnectSelected);
    connect(m_connections, &QTreeWidget::currentItemChanged, this, &SourcesSection::updateDisconnectButton);
}

SourcesSection::~SourcesSection() = default;

SyncPanel* SourcesSection::syncPanel() const
{
    return m_panel.data();
}

void SourcesSection::detachSyncPanel()
{
    delete m_panel.data();
}

void SourcesSection::updateDisconnectButton()
{
    const QTreeWidgetItem* item = m_connections->currentItem();
    // A disconnected one still has its records to delete.
    m_disconnect->setEnabled(!m_disconnecting && item && !m_services.connect.isNull());
}

void SourcesSection::disconnectSelected()
{
    const QTreeWidgetItem* item = m_connections->currentItem();
    if (!item || m_services.connect.isNull() || m_disconnecting)
        return;
    const QString connectionId = item->data(0, Qt::UserRole).toString();
    const QString endpointId = item->data(0, Qt::UserRole + 1).toString();
    const QString name = item->text(0);
    const bool already = item->data(0, Qt::UserRole + 2).toBool();
    const QString profileId = m_profileId;
    const QString title = tr("Disconnect %1").arg(name);
    const QString text = already ? tr("%1 is already disconnected. Delete the records synced from it?").arg(name)
                                 : tr("Disconnect %1?").arg(name);
    const QString info = already ? tr("The records of the other health systems are kept.")
                                 : tr("Health Hub stops syncing it and asks it to revoke Health Hub's access. "
                                      "You can connect it again later.");
    auto proceed = [this, connectionId, endpointId, profileId, already](bool confirmed, bool deleteData) {
        if (!confirmed || (already && !deleteData) || m_services.connect.isNull())
            return;
        m_disconnecting = true;
        updateDisconnectButton();
        m_status->setText(deleteData ? tr("Disconnecting and deleting the records…") : tr("Disconnecting…"));
        QPointer<connect::ConnectService> service = m_services.connect;
        // A built-in demo health system runs in this process: started, so that it can revoke its tokens.
        whenFinished(service->endpoint(endpointId), this,
                     [this, service, connectionId, profileId, deleteData](const Result<connect::Endpoint>& ep) {
                         if (ep && ep->isDemo())
                             (void)connect::DemoEndpoints::ensureStarted(
                                 connect::DemoEndpoints::demoId(ep->fhirBaseUrl));
                         if (!service) {
                             m_disconnecting = false;
                             Q_EMIT disconnectFinished();
                             return;
                         }
                         whenFinished(service->disconnect(connectionId, deleteData), this,
                                      [this, profileId, deleteData](const Result<connect::DisconnectResult>& r) {
                                          onDisconnected(r, profileId, deleteData);
                                      });
                     });
    };
    if (already)
        MessageBoxes::confirm(this, title, text, info, tr("Delete records"),
                              [proceed](bool confirmed) { proceed(confirmed, confirmed); });
    else
        MessageBoxes::confirmOption(this, title, text, info, tr("Disconnect"),
                                    tr("Also delete the records synced from it"), proceed);
}

void SourcesSection::onDisconnected(const Result<connect::DisconnectResult>& r, const QString& profileId,
                                    bool deleteData)
{
    m_disconnecting = false;
    if (!r) {
        m_status->setText(r.error().message());
    } else {
        QStringList words;
        if (r->revoked)
            words << tr("The health system revoked Health Hub's access.");
        else if (!r->revocationError.isEmpty())
            words << r->revocationError;
        words << (deleteData ? tr("Disconnected; the records synced from it were deleted.")
                             : tr("Disconnected; the records synced from it were kept."));
        if (deleteData && m_services.updateRecords) {
            m_services.updateRecords(profileId);
            words << tr("The summary is being built again from the other health systems.");
        }
        if (profileId == m_profileId) {
            m_notice = words.join(u' ');
            m_status->setText(m_notice);
            refresh();
        }
    }
    updateDisconnectButton();
    Q_EMIT disconnectFinished();
}

void SourcesSection::setProfile(const Profile& profile)
{
    m_notice.clear();
    m_profileId = profile.id;
    m_loaded = false;
    m_connections->clear();
    m_jobs->clear();
    if (m_panel)
        m_panel->setProfileId(profile.id);
}

void SourcesSection::ensureLoaded()
{
    if (m_loaded)
        return;
    m_loaded = true;
    refresh();
}

QWidget* SourcesSection::focusTarget() const
{
    return m_connections;
}

void SourcesSection::refresh()
{
    if (!m_loaded || !m_services.records || m_profileId.isEmpty())
        return;
    m_pending = 2;
    const QString profileId = m_profileId;
    auto done = [this] {
        if (--m_pending == 0)
            Q_EMIT refreshed();
    };
    whenFinished(m_services.records->connections(profileId), this,
                 [this, profileId, done](const Result<QList<SourceConnection>>& r) {
                     if (profileId != m_profileId)
                         return;
                     m_connections->clear();
                     if (!r.ok()) {
                         m_status->setText(r.error().message());
                     } else if (r->isEmpty()) {
                         m_status->setText(tr("No health system is connected yet. Connect one to bring in the "
                                              "records."));
                     } else {
                         m_status->setText(m_notice);
                         for (const SourceConnection& c : r.value()) {
                             QString problem = c.status == u"needs_reauth" ? tr("Sign in again to keep syncing.")
                                                                             : c.lastError;
                             if (problem.isEmpty() && c.lastJobStatus == u"failed")
                                 problem = c.lastJobError;
                             auto* item = new QTreeWidgetItem(
                                 m_connections,
                                 {c.endpointName, RecordFormat::vendor(c.provider), RecordFormat::connectionStatus(c.status),
                                  c.lastSyncedAt.isEmpty() ? tr("Never") : RecordFormat::dateTime(c.lastSyncedAt),
                                  QLocale().toString(c.recordCount), problem});
                             item->setData(0, Qt::UserRole, c.connectionId);
                             item->setData(0, Qt::UserRole + 1, c.endpointId);
                             item->setData(0, Qt::UserRole + 2, c.status == u"disconnected");
                         }
                     }
                     done();
                 });
    whenFinished(m_services.records->syncJobs(profileId, 30), this,
                 [this, profileId, done](const Result<QList<SyncJobInfo>>& r) {
                     if (profileId != m_profileId)
                         return;
                     m_jobs->clear();
                     if (r.ok()) {
                         for (const SyncJobInfo& j : r.value())
                             new QTreeWidgetItem(m_jobs, {RecordFormat::dateTime(j.startedAt), j.endpointName,
                                                          RecordFormat::jobStatus(j.status),
                                                          QLocale().toString(j.resourcesFetched), j.errorMessage});
                     }
                     done();
                 });
    if (m_panel)
        m_panel->refresh();
}

} // namespace hh::ui
