#include "ui/FirstRunWizard.h"

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
#include <QStackedWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace hh::ui {

namespace {
QLineEdit* makeLineEdit(QWidget* parent, const QString& objectName, const QString& accessibleName)
{
    auto* edit = new QLineEdit(parent);
    edit->setObjectName(objectName);
    edit->setAccessibleName(accessibleName);
    return edit;
}

ErrorLabel* makeErrorLabel(QWidget* parent, const QString& objectName)
{
    auto* label = new ErrorLabel(parent);
    label->setObjectName(objectName);
    return label;
}
} // namespace

FirstRunWizard::FirstRunWizard(IAccountService& accounts, Mode mode, QWidget* parent)
    : QWidget(parent), m_accounts(accounts), m_mode(mode), m_pages(new QStackedWidget(this))
{
    setObjectName(u"firstRunWizard"_s);
    setWindowTitle(mode == Mode::FirstRun ? tr("Welcome to Health Hub") : tr("Create an account"));
    setWindowIcon(appIcon());
    m_pages->setObjectName(u"wizardStackedWidget"_s);

    m_welcomePage = buildWelcomePage();
    m_accountPage = buildAccountPage();
    m_pages->addWidget(m_welcomePage);
    m_pages->addWidget(m_accountPage);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(32, 28, 32, 24);
    layout->addWidget(m_pages);

    showPage(mode == Mode::FirstRun ? Page::Welcome : Page::Account);
    if (mode == Mode::FromSession) { // a dialog over the signed-in window
        setWindowFlag(Qt::Dialog);
        setWindowModality(Qt::WindowModal);
        setAttribute(Qt::WA_DeleteOnClose);
    }
    setMinimumWidth(fontMetrics().averageCharWidth() * 70);
}

FirstRunWizard::~FirstRunWizard() = default;

QWidget* FirstRunWizard::buildWelcomePage()
{
    auto* page = new QWidget(m_pages);
    page->setObjectName(u"welcomePage"_s);

    auto* heading = new QLabel(tr("Welcome to Health Hub"), page);
    heading->setFont(headingFont(font()));
    auto* text = new QLabel(page);
    text->setWordWrap(true);
    text->setTextFormat(Qt::PlainText);
    text->setText(tr("Health Hub keeps your family's health records together on this computer, "
                     "in an encrypted vault.\n\n"
                     "Everything in the vault — profiles, records from your health systems, summaries — "
                     "is encrypted. It opens with your password, or with the system keychain while you are "
                     "signed in to this computer.\n\n"
                     "First, create your account. Choose a password you will remember: it protects the "
                     "vault, and nobody can recover it for you."));

    m_getStarted = new QPushButton(tr("&Get started"), page);
    m_getStarted->setObjectName(u"getStartedButton"_s);
    m_getStarted->setAccessibleName(tr("Get started"));
    m_getStarted->setDefault(true);
    connect(m_getStarted, &QPushButton::clicked, this, [this] { showPage(Page::Account); });

    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_getStarted);

    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(12);
    layout->addWidget(heading);
    layout->addWidget(text);
    layout->addStretch(1);
    layout->addLayout(buttons);
    return page;
}

QWidget* FirstRunWizard::buildAccountPage()
{
    auto* page = new QWidget(m_pages);
    page->setObjectName(u"accountPage"_s);

    auto* heading = new QLabel(m_mode == Mode::FirstRun ? tr("Create your account") : tr("Create another account"),
                               page);
    heading->setFont(headingFont(font()));
    auto* intro = new QLabel(page);
    intro->setWordWrap(true);
    intro->setText(m_mode == Mode::FirstRun
                       ? tr("Your email identifies your account on this computer; nothing is sent anywhere.")
                       : tr("The new account shares this computer's vault but sees only its own family "
                            "profiles."));

    m_email = makeLineEdit(page, u"emailLineEdit"_s, tr("Email"));
    m_email->setPlaceholderText(tr("name@example.org"));
    m_email->setInputMethodHints(Qt::ImhEmailCharactersOnly | Qt::ImhNoAutoUppercase);
    m_name = makeLineEdit(page, u"nameLineEdit"_s, tr("Your name"));
    m_password = makeLineEdit(page, u"passwordLineEdit"_s, tr("Password"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(tr("At least %n characters", nullptr, kMinPasswordLength));
    m_password->setInputMethodHints(Qt::ImhHiddenText | Qt::ImhSensitiveData | Qt::ImhNoPredictiveText);
    m_confirm = makeLineEdit(page, u"confirmPasswordLineEdit"_s, tr("Confirm password"));
    m_confirm->setEchoMode(QLineEdit::Password);
    m_confirm->setInputMethodHints(m_password->inputMethodHints());

    m_emailError = makeErrorLabel(page, u"emailErrorLabel"_s);
    m_nameError = makeErrorLabel(page, u"nameErrorLabel"_s);
    m_passwordError = makeErrorLabel(page, u"passwordErrorLabel"_s);
    m_confirmError = makeErrorLabel(page, u"confirmPasswordErrorLabel"_s);
    m_formError = makeErrorLabel(page, u"formErrorLabel"_s);
    m_busyIndicator = new BusyIndicator(page);
    m_busyIndicator->setObjectName(u"createAccountBusyIndicator"_s);

    auto* form = new QFormLayout;
    ErrorLabel::addFormRow(form, page, tr("&Email:"), m_email, m_emailError);
    ErrorLabel::addFormRow(form, page, tr("Your &name:"), m_name, m_nameError);
    ErrorLabel::addFormRow(form, page, tr("&Password:"), m_password, m_passwordError);
    ErrorLabel::addFormRow(form, page, tr("&Confirm password:"), m_confirm, m_confirmError);

    switch (m_mode) {
    case Mode::FirstRun:
        m_back = new QPushButton(tr("&Back"), page);
        m_back->setAccessibleName(tr("Back"));
        break;
    case Mode::AnotherAccount:
        m_back = new QPushButton(tr("&Back to sign in"), page);
        m_back->setAccessibleName(tr("Back to sign in"));
        break;
    case Mode::FromSession:
        m_back = new QPushButton(tr("Cancel"), page);
        m_back->setAccessibleName(tr("Cancel"));
        m_back->setShortcut(QKeySequence::Cancel);
        break;
    }
    m_back->setObjectName(u"backButton"_s);
    m_create = new QPushButton(tr("Create &account"), page);
    m_create->setObjectName(u"createAccountButton"_s);
    m_create->setAccessibleName(tr("Create account"));
    m_create->setDefault(true);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_back);
    buttons->addStretch(1);
    buttons->addWidget(m_create);

    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(12);
    layout->addWidget(heading);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_formError);
    layout->addWidget(m_busyIndicator);
    layout->addStretch(1);
    layout->addLayout(buttons);

    setTabOrder(m_email, m_name);
    setTabOrder(m_name, m_password);
    setTabOrder(m_password, m_confirm);
    setTabOrder(m_confirm, m_create);
    setTabOrder(m_create, m_back);

    // Enter moves on to the next field; on the last one it submits.
    connect(m_email, &QLineEdit::returnPressed, m_name, qOverload<>(&QWidget::setFocus));
    connect(m_name, &QLineEdit::returnPressed, m_password, qOverload<>(&QWidget::setFocus));
    connect(m_password, &QLineEdit::returnPressed, m_confirm, qOverload<>(&QWidget::setFocus));
    connect(m_confirm, &QLineEdit::returnPressed, this, &FirstRunWizard::submit);
    connect(m_create, &QPushButton::clicked, this, &FirstRunWizard::submit);
    connect(m_back, &QPushButton::clicked, this, [this] {
        if (m_mode == Mode::FirstRun)
            showPage(Page::Welcome);
        else
            Q_EMIT cancelled();
    });
    // An error goes away as soon as its field is edited.
    const std::pair<QLineEdit*, ErrorLabel*> pairs[] = {
        {m_email, m_emailError}, {m_name, m_nameError}, {m_password, m_passwordError}, {m_confirm, m_confirmError}};
    for (const auto& [edit, error] : pairs) {
        connect(edit, &QLineEdit::textEdited, error, &ErrorLabel::clearError);
        connect(edit, &QLineEdit::textEdited, m_formError, &ErrorLabel::clearError);
    }
    return page;
}

FirstRunWizard::Page FirstRunWizard::currentPage() const
{
    return m_pages->currentWidget() == m_welcomePage ? Page::Welcome : Page::Account;
}

void FirstRunWizard::showPage(Page page)
{
    m_pages->setCurrentWidget(page == Page::Welcome ? m_welcomePage : m_accountPage);
    if (page == Page::Welcome)
        m_getStarted->setFocus();
    else
        m_email->setFocus();
}

void FirstRunWizard::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    showPage(currentPage());
}

bool FirstRunWizard::validateForm()
{
    QLineEdit* firstBad = nullptr;
    auto check = [&firstBad](const Status& status, QLineEdit* edit, ErrorLabel* label) {
        label->showError(status.ok() ? QString() : status.error().message());
        if (!status.ok() && !firstBad)
            firstBad = edit;
    };
    check(validateEmail(m_email->text()), m_email, m_emailError);
    check(validateAccountName(m_name->text()), m_name, m_nameError);
    check(validateNewPassword(m_password->text()), m_password, m_passwordError);
    if (m_confirm->text() != m_password->text())
        check(Error(ErrorCode::InvalidInput, tr("The two passwords do not match.")), m_confirm, m_confirmError);
    else
        check(success(), m_confirm, m_confirmError);
    if (firstBad)
        firstBad->setFocus();
    return firstBad == nullptr;
}

void FirstRunWizard::submit()
{
    if (m_busy)
        return;
    m_formError->clearError();
    if (!validateForm())
        return;
    const SecretBytes password = SecretBytes::fromString(m_password->text());
    setBusy(true);
    whenFinished(m_accounts.createAccount(m_email->text().trimmed(), m_name->text().trimmed(), password), this,
                 [this](const Result<User>& result) { finishCreate(result); });
}

void FirstRunWizard::finishCreate(const Result<User>& result)
{
    setBusy(false);
    if (!result.ok()) {
        // Keep everything the user typed; point at the field the error is about.
        const Error& error = result.error();
        const QString message = error.message().isEmpty() ? tr("The account could not be created.")
                                                          : error.message();
        if (error.code() == ErrorCode::AlreadyExists) {
            m_emailError->showError(message);
            m_email->setFocus();
            m_email->selectAll();
        } else {
            m_formError->showError(message);
        }
        return;
    }
    m_password->clear();
    m_confirm->clear();
    Q_EMIT accountCreated(result.value());
}

void FirstRunWizard::setBusy(bool busy)
{
    m_busy = busy;
    for (QWidget* w : {static_cast<QWidget*>(m_email), static_cast<QWidget*>(m_name),
                       static_cast<QWidget*>(m_password), static_cast<QWidget*>(m_confirm),
                       static_cast<QWidget*>(m_back), static_cast<QWidget*>(m_create)})
        w->setEnabled(!busy);
    if (busy)
        m_busyIndicator->start(m_accounts.vaultExists() ? tr("Creating your account…")
                                                        : tr("Creating your encrypted vault…"));
    else
        m_busyIndicator->stop();
}

} // namespace hh::ui
