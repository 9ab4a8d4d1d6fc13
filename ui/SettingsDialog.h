#pragma once

#include "core/sync/SyncTypes.h"

#include <QDialog>

#include <optional>

class QComboBox;
class QSpinBox;

namespace hh::ui {

// Application settings: auto-lock after N minutes, 0 = never (non-PHI, QSettings through UiSettings), and,
// when the session can sync, when to sync automatically (kept in the vault by ISyncControl::saveSchedule).
class SettingsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsDialog)
public:
    // syncSchedule: the schedule in effect; none hides the row (no sync engine in this session).
    explicit SettingsDialog(QWidget* parent = nullptr, std::optional<sync::SyncSchedule> syncSchedule = std::nullopt);
    ~SettingsDialog() override;

    // Stores changed values (emitting their signals) and closes the dialog.
    void accept() override;

Q_SIGNALS:
    void autoLockMinutesChanged(int minutes);
    void syncScheduleChanged(hh::sync::SyncSchedule schedule);

private:
    QSpinBox* m_autoLockMinutes;
    QComboBox* m_syncSchedule = nullptr;
    std::optional<sync::SyncSchedule> m_initialSchedule;
};

} // namespace hh::ui
