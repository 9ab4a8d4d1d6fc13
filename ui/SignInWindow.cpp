#include "ui/SignInWindow.h"

#include "core/SecretBytes.h"
#include "core/Services.h"
#include "core/Validation.h"
#include "ui/Async.h"
#include "ui/BusyIndicator.h"
#include "ui/ErrorLabel.h"
#include "ui/Theme.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace hh::ui {

SignInWindow::SignInWindow(IAccountService& accounts, QWidget* parent)
    : QWidget(parent),
      m_accounts(accounts),
      m_heading(new QLabel(this)),
      m_intro(new QLabel(this)),
      m_email(new QLineEdit(this)),
      m_password(new QLineEdit(this)),
      m_error(new ErrorLabel(this)),
      m_busyIndicator(new BusyIndicator(this)),
      m_signIn(new QPushButton(tr("&Sign in"), this)),
      m_createAccount(new QPushButton(tr("Create &another account…"), this))
{
    setObjectName(u"signInWindow"_s);
    setWindowTitle(tr("Health Hub"));
    setWindowIcon(appIcon());

    m_heading->setObjectName(u"headingLabel"_s);
    m_heading->setFont(headingFont(font()));
    m_intro->setObjectName(u"introLabel"_s);
    m_intro->setWordWrap(true);

    m_email->setObjectName(u"emailLineEdit"_s);
    m_email->setAccessibleName(tr("Email"));
    m_email->setPlaceholderText(tr("name@example.org"));
    m_email->setInputMethodHints(Qt::ImhEmailCharactersOnly | Qt::ImhNoAutoUppercase);
    m_password->setObjectName(u"passwordLineEdit"_s);
    m_password->setAccessibleName(tr("Password"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setInputMethodHints(Qt::ImhHiddenText | Qt::ImhSensitiveData | Qt::ImhNoPredictiveText);
    m_error->setObjectName(u"signInErrorLabel"_s);
    m_busyIndicator->setObjectName(u"signInBusyIndicator"_s);

    m_signIn->setObjectName(u"signInButton"_s);
    m_signIn->setAccessibleName(tr("Sign in"));
    m_signIn->setDefault(true);
    m_createAccount->setObjectName(u"createAnotherAccountButton"_s);
    m_createAccount->setAccessibleName(tr("Create another account"));
    m_createAccount->setFlat(true);
    m_createAccount->setToolTip(tr("Add another person's account to the vault on this computer."));

    auto* form = new QFormLayout;
    auto* emailLabel = new QLabel(tr("&Email:"), this);
    emailLabel->setBuddy(m_email);
    auto* passwordLabel = new QLabel(tr("&Password:"), this);
    passwordLabel->setBuddy(m_password);
    form->addRow(emailLabel, m_email);
    form->addRow(passwordLabel, m_password);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_createAccount);
    buttons->addStretch(1);
    buttons->addWidget(m_signIn);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(32, 28, 32, 24);
    layout->setSpacing(12);
    layout->addWidget(m_heading);
    layout->addWidget(m_intro);
    layout->addSpacing(8);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(m_busyIndicator);
    layout->addStretch(1);
    layout->addLayout(buttons);

    setTabOrder(m_email, m_password);
    setTabOrder(m_password, m_signIn);
    setTabOrder(m_signIn, m_createAccount);

    connect(m_email, &QLineEdit::returnPressed, this, [this] {
        if (m_password->text().isEmpty())
            m_password->setFocus();
        else
            submit();
    });
    connect(m_password, &QLineEdit::returnPressed, this, &SignInWindow::submit);
    connect(m_signIn, &QPushButton::clicked, this, &SignInWindow::submit);
    connect(m_createAccount, &QPushButton::clicked, this, &SignInWindow::createAccountRequested);
    connect(m_email, &QLineEdit::textEdited, m_error, &ErrorLabel::clearError);
    connect(m_password, &QLineEdit::textEdited, m_error, &ErrorLabel::clearError);

    updateHeading();
    setMinimumWidth(fontMetrics().averageCharWidth() * 60);
}

SignInWindow::~SignInWindow() = default;

void SignInWindow::setEmail(const QString& email)
{
    m_email->setText(email);
    updateHeading();
    focusFirstEmptyField();
}

void SignInWindow::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    focusFirstEmptyField();
}

void SignInWindow::focusFirstEmptyField()
{
    if (m_email->text().isEmpty())
        m_email->setFocus();
    else
        m_password->setFocus();
}

void SignInWindow::updateHeading()
{
    if (m_email->text().isEmpty()) {
        m_heading->setText(tr("Sign in to Health Hub"));
        m_intro->setText(tr("Enter the email and password of your Health Hub account."));
    } else {
        m_heading->setText(tr("Unlock Health Hub"));
        m_intro->setText(tr("Your family's records are locked. Enter your password to open them."));
    }
}

QString SignInWindow::messageFor(const Error& error)
{
    if (!error.message().isEmpty())
        return error.message();
    switch (error.code()) {
    case ErrorCode::WrongPassword:
        return tr("The password is not correct.");
    case ErrorCode::NotFound:
        return tr("There is no account with this email on this computer.");
    case ErrorCode::VaultTooNew:
        return tr("The vault was created by a newer version of Health Hub. Please update Health Hub.");
    case ErrorCode::VaultMissing:
        return tr("There is no vault on this computer yet.");
    default:
        return tr("Signing in failed. Please try again.");
    }
}

void SignInWindow::submit()
{
    if (m_busy)
        return;
    const QString email = m_email->text().trimmed();
    if (const Status s = validateEmail(email); !s.ok()) {
        m_error->showError(s.error().message());
        m_email->setFocus();
        return;
    }
    if (m_password->text().isEmpty()) {
        m_error->showError(tr("Enter your password."));
        m_password->setFocus();
        return;
    }
    m_error->clearError();
    const SecretBytes password = SecretBytes::fromString(m_password->text());
    setBusy(true);
    whenFinished(m_accounts.signIn(email, password), this,
                 [this](const Result<User>& result) { finishSignIn(result); });
}

void SignInWindow::finishSignIn(const Result<User>& result)
{
    setBusy(false);
    // The password leaves the widget either way: on success the window goes, on failure the
    // user types it again.
    m_password->clear();
    if (!result.ok()) {
        m_error->showError(messageFor(result.error()));
        if (result.error().code() == ErrorCode::NotFound) {
            m_email->setFocus();
            m_email->selectAll();
        } else {
            m_password->setFocus();
        }
        return;
    }
    Q_EMIT signedIn(result.value());
}

void SignInWindow::setBusy(bool busy)
{
    m_busy = busy;
    m_email->setEnabled(!busy);
    m_password->setEnabled(!busy);
    m_signIn->setEnabled(!busy);
    m_createAccount->setEnabled(!busy);
    if (busy)
        m_busyIndicator->start(tr("Signing in…"));
    else
        m_busyIndicator->stop();
}

} // namespace hh::ui
