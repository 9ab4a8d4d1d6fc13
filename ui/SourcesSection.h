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
// history) when the session has one, the newest sync jobs, and "Connect a health system…".
// objectNames: connectionsTreeWidget, syncJobsTreeWidget, connectHealthSystemButton,
// syncPanelContainer (holds the SyncPanel, or syncPanelPlaceholderLabel when syncing is unavailable).
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
    [[nodiscard]] SyncPanel* syncPanel() const;
    // Removes the sync panel now (the session is ending; its services are about to go).
    void detachSyncPanel();

Q_SIGNALS:
    void refreshed();

private:
    SessionServices m_services;
    QString m_profileId;
    QTreeWidget* m_connections;
    QTreeWidget* m_jobs;
    QLabel* m_status;
    QPushButton* m_connect;
    QWidget* m_panelContainer;
    QVBoxLayout* m_panelLayout;
    QPointer<SyncPanel> m_panel;
    int m_pending = 0;
    bool m_loaded = false;
};

} // namespace hh::ui
