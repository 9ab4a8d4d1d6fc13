#pragma once

#include "ui/ProfileSection.h"
#include "ui/SessionServices.h"

#include <QPointer>

class QLabel;
class QPushButton;
class QTreeWidget;
class QVBoxLayout;

namespace hh::ui {

class SyncPanel;

// Sources & sync history: the health systems a profile is connected to (status, last sync, how
// many records came from each), the sync panel of the sync engine (progress, "Sync now", cancel,
// history) when the session has one, the newest sync jobs, "Connect a health system…" and
// "Disconnect…" for the selected health system (asks first; optionally deletes its records, after which
// the profile's clean records and summary are built again from the others).
// objectNames: connectionsTreeWidget, syncJobsTreeWidget, connectHealthSystemButton,
// disconnectHealthSystemButton, sourcesStatusLabel, syncPanelContainer (holds the SyncPanel, or
// syncPanelPlaceholderLabel when syncing is unavailable).
class SourcesSection final : public ProfileSection
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SourcesSection)
public:
    SourcesSection(const SessionServices& services, QWidget* parent = nullptr);
    ~SourcesSection() override;

    void setProfile(const Profile& profile) override;
    void ensureLoaded() override;
    void refresh() override;
    [[nodiscard]] QWidget* focusTarget() const override;

    [[nodiscard]] QTreeWidget* connectionsTree() const { return m_connections; }
    [[nodiscard]] QTreeWidget* jobsTree() const { return m_jobs; }
    [[nodiscard]] QPushButton* disconnectButton() const { return m_disconnect; }
    [[nodiscard]] QLabel* statusLabel() const { return m_status; }
    [[nodiscard]] SyncPanel* syncPanel() const;
    // Removes the sync panel now (the session is ending; its services are about to go).
    void detachSyncPanel();

Q_SIGNALS:
    void refreshed();
    // A disconnect asked for with the button has ended (ok or not; the status label says how).
    void disconnectFinished();

private:
    void updateDisconnectButton();
    void disconnectSelected();
    void onDisconnected(const Result<connect::DisconnectResult>& r, const QString& profileId, bool deleteData);

    SessionServices m_services;
    QString m_profileId;
    QTreeWidget* m_connections;
    QTreeWidget* m_jobs;
    QLabel* m_status;
    QPushButton* m_connect;
    QPushButton* m_disconnect;
    bool m_disconnecting = false;
    QString m_notice; // what the last disconnect did, shown under the list until another profile is shown
    QWidget* m_panelContainer;
    QVBoxLayout* m_panelLayout;
    QPointer<SyncPanel> m_panel;
    int m_pending = 0;
    bool m_loaded = false;
};

} // namespace hh::ui
