#pragma once

#include "core/Result.h"

#include <QDialog>

class QLineEdit;
class QPushButton;

namespace hh {
class IAccountService;
}

namespace hh::ui {

class BusyIndicator;
class ErrorLabel;

// Current password, new password and its confirmation → IAccountService::changePassword (which
// re-wraps the vault key, so it takes as long as a sign-in). Closes only on success.
class ChangePasswordDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChangePasswordDialog)
public:
    explicit ChangePasswordDialog(IAccountService& accounts, QWidget* parent = nullptr);
    ~ChangePasswordDialog() override;

    [[nodiscard]] bool isBusy() const { return m_busy; }

    void accept() override;
    void reject() override;

Q_SIGNALS:
    void passwordChanged();

private:
    [[nodiscard]] bool validateForm();
    void finish(const Status& status);
    void setBusy(bool busy);

    IAccountService& m_accounts;
    QLineEdit* m_oldPassword;
    QLineEdit* m_newPassword;
    QLineEdit* m_confirm;
    ErrorLabel* m_oldError;
    ErrorLabel* m_newError;
    ErrorLabel* m_confirmError;
    ErrorLabel* m_formError;
    BusyIndicator* m_busyIndicator;
    QPushButton* m_change;
    QPushButton* m_cancel;
    bool m_busy = false;
};

} // namespace hh::ui
