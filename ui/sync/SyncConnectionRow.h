#pragma once

#include "core/sync/SyncTypes.h"

#include <QFrame>

class QLabel;
class QProgressBar;
class QPushButton;

namespace hh::ui {

// One connection in the sync panel: health system (and family member), status in words, a progress bar
// (record types done of total, records fetched), last sync time, last error, and a "Sync now" button
// that turns into "Cancel" while the connection is queued or syncing.
// objectName "connectionSyncFrame", property "connectionId".
class SyncConnectionRow final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SyncConnectionRow)

public:
    explicit SyncConnectionRow(const sync::ConnectionSyncInfo& info, bool showProfile, QWidget* parent = nullptr);
    ~SyncConnectionRow() override;

    [[nodiscard]] QString connectionId() const { return m_info.connectionId; }
    [[nodiscard]] QString profileId() const { return m_info.profileId; }
    [[nodiscard]] bool isActive() const { return m_active; }

    void setInfo(const sync::ConnectionSyncInfo& info);
    // Queued (running == false) or running with progress.
    void setProgress(const sync::SyncProgress& progress);
    // The job ended; the vault's new state follows with setInfo().
    void setFinished(const sync::SyncJobResult& result);

Q_SIGNALS:
    void syncRequested(const QString& connectionId);
    void cancelRequested(const QString& connectionId);

private:
    void updateTexts();
    void onButton();
    [[nodiscard]] QString statusWords() const;

    sync::ConnectionSyncInfo m_info;
    bool m_showProfile;
    bool m_active = false;
    bool m_running = false;
    sync::SyncProgress m_progress;
    QString m_lastResult; // words about the job that just ended
    QLabel* m_name;
    QLabel* m_status;
    QProgressBar* m_bar;
    QLabel* m_lastSync;
    QLabel* m_error;
    QPushButton* m_button;
};

} // namespace hh::ui
