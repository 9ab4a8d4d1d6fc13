#pragma once

#include <QDialog>

class QSpinBox;

namespace hh::ui {

// Application settings (non-PHI, QSettings through UiSettings). For now: auto-lock after N minutes,
// 0 = never. Later settings (language, …) get their own rows here.
class SettingsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsDialog)
public:
    explicit SettingsDialog(QWidget* parent = nullptr);
    ~SettingsDialog() override;

    // Stores changed values (emitting their signals) and closes the dialog.
    void accept() override;

Q_SIGNALS:
    void autoLockMinutesChanged(int minutes);

private:
    QSpinBox* m_autoLockMinutes;
};

} // namespace hh::ui
