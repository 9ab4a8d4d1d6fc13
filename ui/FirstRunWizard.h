#pragma once

#include "core/Domain.h"
#include "core/Result.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;

namespace hh {
class IAccountService;
}

namespace hh::ui {

class BusyIndicator;
class ErrorLabel;

// Creates an account: on first run a welcome page explaining the encrypted vault comes first;
// "another account" (from the sign-in screen) starts on the form and can go back to sign-in.
// Validates with core/Validation.h before calling IAccountService::createAccount; service errors
// are shown inline and the form keeps what was typed.
class FirstRunWizard final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FirstRunWizard)
public:
    // AnotherAccount: from the sign-in screen (the keychain holds the vault key). FromSession: Account ▸ Add
    // another account, over the signed-in window (the open vault's key); Cancel just closes it.
    enum class Mode { FirstRun, AnotherAccount, FromSession };
    enum class Page { Welcome, Account };

    FirstRunWizard(IAccountService& accounts, Mode mode, QWidget* parent = nullptr);
    ~FirstRunWizard() override;

    [[nodiscard]] Mode mode() const { return m_mode; }
    [[nodiscard]] Page currentPage() const;
    [[nodiscard]] bool isBusy() const { return m_busy; }

Q_SIGNALS:
    void accountCreated(const hh::User& user);
    // AnotherAccount mode: the user went back to the sign-in screen; FromSession: the user cancelled.
    void cancelled();

protected:
    void showEvent(QShowEvent* event) override;

private:
    QWidget* buildWelcomePage();
    QWidget* buildAccountPage();
    void showPage(Page page);
    [[nodiscard]] bool validateForm();
    void submit();
    void finishCreate(const Result<User>& result);
    void setBusy(bool busy);

    IAccountService& m_accounts;
    Mode m_mode;
    QStackedWidget* m_pages;
    QWidget* m_welcomePage = nullptr;
    QWidget* m_accountPage = nullptr;
    QLineEdit* m_email = nullptr;
    QLineEdit* m_name = nullptr;
    QLineEdit* m_password = nullptr;
    QLineEdit* m_confirm = nullptr;
    ErrorLabel* m_emailError = nullptr;
    ErrorLabel* m_nameError = nullptr;
    ErrorLabel* m_passwordError = nullptr;
    ErrorLabel* m_confirmError = nullptr;
    ErrorLabel* m_formError = nullptr;
    BusyIndicator* m_busyIndicator = nullptr;
    QPushButton* m_getStarted = nullptr;
    QPushButton* m_back = nullptr;
    QPushButton* m_create = nullptr;
    bool m_busy = false;
};

} // namespace hh::ui
