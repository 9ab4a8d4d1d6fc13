#include "ui/SettingsDialog.h"
#include "ui/DialogButtons.h"

#include "ui/UiSettings.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace hh::ui {

SettingsDialog::SettingsDialog(QWidget* parent, std::optional<sync::SyncSchedule> syncSchedule)
    : QDialog(parent), m_autoLockMinutes(new QSpinBox(this)), m_initialSchedule(syncSchedule)
{
    setObjectName(u"settingsDialog"_s);
    setWindowTitle(tr("Settings"));

    m_autoLockMinutes->setObjectName(u"autoLockMinutesSpinBox"_s);
    m_autoLockMinutes->setAccessibleName(tr("Lock automatically after minutes without use"));
    m_autoLockMinutes->setRange(0, UiSettings::kMaxAutoLockMinutes);
    m_autoLockMinutes->setSpecialValueText(tr("Never"));
    m_autoLockMinutes->setSuffix(tr(" min"));
    m_autoLockMinutes->setValue(UiSettings::autoLockMinutes());

    auto* hint = new QLabel(tr("Health Hub locks itself when nobody has used it for this long. "
                               "0 turns automatic locking off."),
                            this);
    hint->setWordWrap(true);

    auto* form = new QFormLayout;
    auto* label = new QLabel(tr("&Lock after:"), this);
    label->setBuddy(m_autoLockMinutes);
    form->addRow(label, m_autoLockMinutes);
    form->addRow(hint);
    if (syncSchedule) {
        m_syncSchedule = new QComboBox(this);
        m_syncSchedule->setObjectName(u"syncScheduleComboBox"_s);
        m_syncSchedule->setAccessibleName(tr("Sync automatically"));
        m_syncSchedule->addItem(tr("Never (only when I ask)"), QVariant::fromValue(int(sync::SyncSchedule::Off)));
        m_syncSchedule->addItem(tr("When Health Hub starts"), QVariant::fromValue(int(sync::SyncSchedule::OnStartup)));
        m_syncSchedule->addItem(tr("Once a day"), QVariant::fromValue(int(sync::SyncSchedule::Daily)));
        m_syncSchedule->setCurrentIndex(m_syncSchedule->findData(int(*syncSchedule)));
        auto* syncLabel = new QLabel(tr("&Sync automatically:"), this);
        syncLabel->setBuddy(m_syncSchedule);
        form->addRow(syncLabel, m_syncSchedule);
        auto* syncHint = new QLabel(tr("Once a day: while Health Hub is open, every health system not synced in the "
                                       "last 24 hours is synced. The choice is kept in the vault, for every account that uses it."),
                                    this);
        syncHint->setWordWrap(true);
        form->addRow(syncHint);
    }

    const DialogButtons buttons = addDialogButtons(this, tr("&OK"), tr("OK"), u"okButton"_s);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addStretch(1);
    layout->addWidget(buttons.box);
    m_autoLockMinutes->setFocus();
}

SettingsDialog::~SettingsDialog() = default;

void SettingsDialog::accept()
{
    const int minutes = m_autoLockMinutes->value();
    if (minutes != UiSettings::autoLockMinutes()) {
        UiSettings::setAutoLockMinutes(minutes);
        Q_EMIT autoLockMinutesChanged(minutes);
    }
    if (m_syncSchedule) {
        const auto schedule = static_cast<sync::SyncSchedule>(m_syncSchedule->currentData().toInt());
        if (schedule != m_initialSchedule)
            Q_EMIT syncScheduleChanged(schedule);
    }
    QDialog::accept();
}

} // namespace hh::ui
