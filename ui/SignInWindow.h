#pragma once

#include "core/Domain.h"
#include "core/Result.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;

namespace hh {
class IAccountService;
}

namespace hh::ui {

class BusyIndicator;
class ErrorLabel;

// Sign-in / unlock screen. With a remembered email it reads "Unlock" and focuses the password.
// Calls IAccountService::signIn without blocking; signedIn() once the vault is open.
class SignInWindow final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SignInWindow)
public:
    explicit SignInWindow(IAccountService& accounts, QWidget* parent = nullptr);
    ~SignInWindow() override;

    // Prefills the email (the remembered account): the screen becomes the unlock screen.
    void setEmail(const QString& email);
    [[nodiscard]] bool isBusy() const { return m_busy; }

    // Wording for an error from signIn(): the service's translated message, or a fallback per code.
    [[nodiscard]] static QString messageFor(const Error& error);

Q_SIGNALS:
    void signedIn(const hh::User& user);
    void createAccountRequested();

protected:
    void showEvent(QShowEvent* event) override;

private:
    void submit();
    void finishSignIn(const Result<User>& result);
    void setBusy(bool busy);
    void updateHeading();
    void focusFirstEmptyField();

    IAccountService& m_accounts;
    QLabel* m_heading;
    QLabel* m_intro;
    QLineEdit* m_email;
    QLineEdit* m_password;
    ErrorLabel* m_error;
    BusyIndicator* m_busyIndicator;
    QPushButton* m_signIn;
    QPushButton* m_createAccount;
    bool m_busy = false;
};

} // namespace hh::ui
