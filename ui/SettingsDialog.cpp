#include "ui/SettingsDialog.h"
#include "ui/DialogButtons.h"

#include "ui/UiSettings.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace hh::ui {

SettingsDialog::SettingsDialog(QWidget* parent) : QDialog(parent), m_autoLockMinutes(new QSpinBox(this))
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

    const DialogButtons buttons = addDialogButtons(this, tr("&OK"), tr("OK"), u"okButton"_s);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(hint);
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
    QDialog::accept();
}

} // namespace hh::ui
