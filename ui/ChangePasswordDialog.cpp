#include "ui/ChangePasswordDialog.h"
#include "ui/DialogButtons.h"

#include "core/SecretBytes.h"
#include "core/Services.h"
#include "core/Validation.h"
#include "ui/Async.h"
#include "ui/BusyIndicator.h"
#include "ui/ErrorLabel.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace hh::ui {

namespace {
QLineEdit* makePasswordEdit(QWidget* parent, const QString& objectName, const QString& accessibleName)
{
    auto* edit = new QLineEdit(parent);
    edit->setObjectName(objectName);
    edit->setAccessibleName(accessibleName);
    edit->setEchoMode(QLineEdit::Password);
    edit->setInputMethodHints(Qt::ImhHiddenText | Qt::ImhSensitiveData | Qt::ImhNoPredictiveText);
    return edit;
}
} // namespace

ChangePasswordDialog::ChangePasswordDialog(IAccountService& accounts, QWidget* parent)
    : QDialog(parent),
      m_accounts(accounts),
      m_oldPassword(makePasswordEdit(this, u"oldPasswordLineEdit"_s, tr("Current password"))),
      m_newPassword(makePasswordEdit(this, u"newPasswordLineEdit"_s, tr("New password"))),
      m_confirm(makePasswordEdit(this, u"confirmPasswordLineEdit"_s, tr("Confirm new password"))),
      m_oldError(new ErrorLabel(this)),
      m_newError(new ErrorLabel(this)),
      m_confirmError(new ErrorLabel(this)),
      m_formError(new ErrorLabel(this)),
      m_busyIndicator(new BusyIndicator(this)),
      m_change(nullptr),
      m_cancel(nullptr)
{
    setObjectName(u"changePasswordDialog"_s);
    setWindowTitle(tr("Change password"));
    m_oldError->setObjectName(u"oldPasswordErrorLabel"_s);
    m_newError->setObjectName(u"newPasswordErrorLabel"_s);
    m_confirmError->setObjectName(u"confirmPasswordErrorLabel"_s);
    m_formError->setObjectName(u"formErrorLabel"_s);
    m_busyIndicator->setObjectName(u"changePasswordBusyIndicator"_s);
    m_newPassword->setPlaceholderText(tr("At least %n characters", nullptr, kMinPasswordLength));

    const DialogButtons buttons =
        addDialogButtons(this, tr("C&hange password"), tr("Change password"), u"changePasswordButton"_s);
    m_change = buttons.ok;
    m_cancel = buttons.cancel;

    auto* intro = new QLabel(tr("The new password will open the vault from now on. Nobody can recover it for you, "
                                "so keep it somewhere safe."),
                             this);
    intro->setWordWrap(true);

    auto* form = new QFormLayout;
    ErrorLabel::addFormRow(form, this, tr("C&urrent password:"), m_oldPassword, m_oldError);
    ErrorLabel::addFormRow(form, this, tr("&New password:"), m_newPassword, m_newError);
    ErrorLabel::addFormRow(form, this, tr("C&onfirm new password:"), m_confirm, m_confirmError);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_formError);
    layout->addWidget(m_busyIndicator);
    layout->addStretch(1);
    layout->addWidget(buttons.box);

    setTabOrder(m_oldPassword, m_newPassword);
    setTabOrder(m_newPassword, m_confirm);
    setTabOrder(m_confirm, m_change);
    setTabOrder(m_change, m_cancel);

    const std::pair<QLineEdit*, ErrorLabel*> pairs[] = {
        {m_oldPassword, m_oldError}, {m_newPassword, m_newError}, {m_confirm, m_confirmError}};
    for (const auto& [edit, error] : pairs) {
        connect(edit, &QLineEdit::textEdited, error, &ErrorLabel::clearError);
        connect(edit, &QLineEdit::textEdited, m_formError, &ErrorLabel::clearError);
    }
    m_oldPassword->setFocus();
    setMinimumWidth(fontMetrics().averageCharWidth() * 60);
}

ChangePasswordDialog::~ChangePasswordDialog() = default;

bool ChangePasswordDialog::validateForm()
{
    QLineEdit* firstBad = nullptr;
    auto check = [&firstBad](const QString& message, QLineEdit* edit, ErrorLabel* label) {
        label->showError(message);
        if (!message.isEmpty() && !firstBad)
            firstBad = edit;
    };
    check(m_oldPassword->text().isEmpty() ? tr("Enter your current password.") : QString(), m_oldPassword,
          m_oldError);
    const Status strength = validateNewPassword(m_newPassword->text());
    QString newMessage = strength.ok() ? QString() : strength.error().message();
    if (newMessage.isEmpty() && m_newPassword->text() == m_oldPassword->text())
        newMessage = tr("The new password is the same as the current one.");
    check(newMessage, m_newPassword, m_newError);
    check(m_confirm->text() != m_newPassword->text() ? tr("The two passwords do not match.") : QString(), m_confirm,
          m_confirmError);
    if (firstBad)
        firstBad->setFocus();
    return firstBad == nullptr;
}

void ChangePasswordDialog::accept()
{
    if (m_busy)
        return;
    m_formError->clearError();
    if (!validateForm())
        return;
    const SecretBytes oldPassword = SecretBytes::fromString(m_oldPassword->text());
    const SecretBytes newPassword = SecretBytes::fromString(m_newPassword->text());
    setBusy(true);
    whenFinished(m_accounts.changePassword(oldPassword, newPassword), this,
                 [this](const Status& status) { finish(status); });
}

void ChangePasswordDialog::reject()
{
    if (m_busy)
        return; // the vault key is being re-wrapped; let it finish
    QDialog::reject();
}

void ChangePasswordDialog::finish(const Status& status)
{
    setBusy(false);
    if (!status.ok()) {
        const QString message = status.error().message().isEmpty() ? tr("The password could not be changed.")
                                                                   : status.error().message();
        if (status.error().code() == ErrorCode::WrongPassword) {
            m_oldError->showError(message);
            m_oldPassword->clear();
            m_oldPassword->setFocus();
        } else {
            m_formError->showError(message);
        }
        return;
    }
    m_oldPassword->clear();
    m_newPassword->clear();
    m_confirm->clear();
    Q_EMIT passwordChanged();
    QDialog::accept();
}

void ChangePasswordDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_oldPassword->setEnabled(!busy);
    m_newPassword->setEnabled(!busy);
    m_confirm->setEnabled(!busy);
    m_change->setEnabled(!busy);
    m_cancel->setEnabled(!busy);
    if (busy)
        m_busyIndicator->start(tr("Changing the password…"));
    else
        m_busyIndicator->stop();
}

} // namespace hh::ui
