#pragma once

#include "core/sync/SyncTypes.h"

#include <QHash>
#include <QPointer>
#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;
class QTableView;
class QVBoxLayout;

namespace hh::sync {
class ISyncControl;
class ISyncHistory;
}

namespace hh::ui {

class SyncConnectionRow;
class SyncHistoryModel;

// Sync status of one family member (or of the whole family): an overall progress bar with
// "Sync all" / "Cancel", one row per connection (progress, status, last sync, last problem, "Sync now" /
// "Cancel"), and the sync history table. Self-contained: give it the scheduler (ISyncControl) and the
// history reader (ISyncHistory); it never blocks and never touches the vault itself.
//
// objectNames: syncPanelWidget, profileProgressBar, syncAllButton, cancelAllButton, refreshButton,
// connectionsWidget (rows: connectionSyncFrame), noConnectionsLabel, syncErrorLabel, syncHistoryTableView.
class SyncPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SyncPanel)

public:
    // control and history must outlive the panel.
    SyncPanel(sync::ISyncControl* control, sync::ISyncHistory* history, QWidget* parent = nullptr);
    ~SyncPanel() override;

    // Empty: the whole family.
    void setProfileId(const QString& profileId);
    [[nodiscard]] const QString& profileId() const { return m_profileId; }
    void setHistoryLimit(int limit) { m_historyLimit = limit; }

    [[nodiscard]] SyncHistoryModel* historyModel() const { return m_historyModel; }
    [[nodiscard]] SyncConnectionRow* rowFor(const QString& connectionId) const;

public Q_SLOTS:
    // Reloads connections and history from the vault.
    void refresh();

Q_SIGNALS:
    // Connections and history have been (re)loaded.
    void refreshed();

private:
    void onConnections(const QList<sync::ConnectionSyncInfo>& connections);
    void onProgress(const sync::SyncProgress& progress);
    void onFinished(const sync::SyncJobResult& result);
    void onFailure(const QString& message);
    void syncAll();
    void cancelAll();
    void updateOverall();
    [[nodiscard]] bool concerns(const QString& profileId) const;

    sync::ISyncControl* m_control;
    sync::ISyncHistory* m_history;
    QString m_profileId;
    int m_historyLimit = 50;
    int m_generation = 0; // ignores answers of superseded refreshes
    int m_pending = 0;
    QHash<QString, sync::SyncProgress> m_active; // by connection
    QProgressBar* m_overall;
    QLabel* m_overallLabel;
    QPushButton* m_syncAll;
    QPushButton* m_cancelAll;
    QPushButton* m_refresh;
    QLabel* m_error;
    QLabel* m_noConnections;
    QWidget* m_rowsWidget;
    QVBoxLayout* m_rows;
    QTableView* m_table;
    SyncHistoryModel* m_historyModel;
    QList<SyncConnectionRow*> m_rowList;
};

} // namespace hh::ui
