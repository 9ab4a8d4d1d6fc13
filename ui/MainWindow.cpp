#include "ui/MainWindow.h"

#include "core/Log.h"
#include "core/Services.h"
#include "ui/Async.h"
#include "ui/ChangePasswordDialog.h"
#include "ui/FamilyPage.h"
#include "ui/MessageBoxes.h"
#include "ui/ProfileEditorDialog.h"
#include "ui/ProfileListModel.h"
#include "ui/SettingsDialog.h"
#include "ui/Theme.h"

#include <QAction>
#include <QLabel>
#include <QListView>
#include <QMenuBar>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QToolBar>

using namespace Qt::StringLiterals;

namespace hh::ui {

namespace {
const QString kGeometryKey = u"ui/mainWindowGeometry"_s;
const QString kStateKey = u"ui/mainWindowState"_s;
constexpr int kStatusMessageMs = 5000;
} // namespace

MainWindow::MainWindow(const User& user, IAccountService& accounts, IProfileService& profiles, QWidget* parent)
    : QMainWindow(parent),
      m_user(user),
      m_accounts(accounts),
      m_profiles(profiles),
      m_model(new ProfileListModel(this)),
      m_pages(new QStackedWidget(this)),
      m_familyPage(new FamilyPage(m_model, m_pages)),
      m_accountLabel(new QLabel(this))
{
    setObjectName(u"mainWindow"_s);
    setWindowTitle(tr("Health Hub"));
    setWindowIcon(appIcon());

    m_pages->setObjectName(u"pageStackedWidget"_s);
    m_pages->addWidget(m_familyPage);
    setCentralWidget(m_pages);

    createActions();
    createMenus();
    createToolBar();

    m_accountLabel->setObjectName(u"accountStatusLabel"_s);
    m_accountLabel->setText(tr("Signed in as %1").arg(m_user.name));
    statusBar()->setObjectName(u"mainStatusBar"_s);
    statusBar()->addPermanentWidget(m_accountLabel);

    connect(m_familyPage, &FamilyPage::addRequested, this, &MainWindow::addProfile);
    connect(m_familyPage, &FamilyPage::profileActivated, this, &MainWindow::editProfile);
    connect(m_familyPage, &FamilyPage::currentProfileChanged, this, &MainWindow::updateActions);
    connect(m_model, &QAbstractItemModel::modelReset, this, &MainWindow::updateActions);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &MainWindow::updateActions);

    QSettings settings;
    if (!restoreGeometry(settings.value(kGeometryKey).toByteArray()))
        resize(960, 640);
    restoreState(settings.value(kStateKey).toByteArray());

    updateActions();
    reloadProfiles();
}

MainWindow::~MainWindow()
{
    QSettings settings;
    settings.setValue(kGeometryKey, saveGeometry());
    settings.setValue(kStateKey, saveState());
}

void MainWindow::createActions()
{
    auto make = [this](const QString& objectName, const QString& text, const QKeySequence& shortcut,
                       const QString& statusTip) {
        auto* action = new QAction(text, this);
        action->setObjectName(objectName);
        if (!shortcut.isEmpty())
            action->setShortcut(shortcut);
        action->setStatusTip(statusTip);
        addAction(action); // shortcuts work even with the menu bar hidden
        return action;
    };

    m_lockAction = make(u"lockAction"_s, tr("&Lock now"), QKeySequence(Qt::CTRL | Qt::Key_L),
                        tr("Close the vault; your password opens it again"));
    m_lockAction->setIcon(themedIcon(u"system-lock-screen"_s, u":/icons/lock.svg"_s));
    m_signOutAction = make(u"signOutAction"_s, tr("Sign &out"), {}, tr("Close the vault and forget the account"));
    m_quitAction = make(u"quitAction"_s, tr("&Quit"), QKeySequence(Qt::CTRL | Qt::Key_Q), tr("Quit Health Hub"));
    m_quitAction->setMenuRole(QAction::QuitRole);

    m_addAction = make(u"addProfileAction"_s, tr("&Add profile…"), QKeySequence(Qt::CTRL | Qt::Key_N),
                       tr("Add a family member"));
    m_addAction->setIcon(themedIcon(u"list-add"_s, u":/icons/add.svg"_s));
    m_addAction->setIconText(tr("Add"));
    m_editAction = make(u"editProfileAction"_s, tr("&Edit profile…"), QKeySequence(Qt::CTRL | Qt::Key_E),
                        tr("Edit the selected family member"));
    m_editAction->setIcon(themedIcon(u"document-edit"_s, u":/icons/edit.svg"_s));
    m_editAction->setIconText(tr("Edit"));
    m_removeAction = make(u"removeProfileAction"_s, tr("&Remove profile…"), QKeySequence(QKeySequence::Delete),
                          tr("Remove the selected family member and all their records"));
    m_removeAction->setIcon(themedIcon(u"list-remove"_s, u":/icons/remove.svg"_s));
    m_removeAction->setIconText(tr("Remove"));

    m_changePasswordAction = make(u"changePasswordAction"_s, tr("Change &password…"), {},
                                  tr("Change the password that opens the vault"));
    m_settingsAction = make(u"autoLockSettingsAction"_s, tr("&Auto-lock…"), {},
                            tr("Choose after how many minutes without use Health Hub locks itself"));
    m_settingsAction->setMenuRole(QAction::PreferencesRole);
    m_aboutAction = make(u"aboutAction"_s, tr("&About Health Hub"), {}, tr("Version and license"));
    m_aboutAction->setMenuRole(QAction::AboutRole);

    connect(m_lockAction, &QAction::triggered, this, &MainWindow::lockRequested);
    connect(m_signOutAction, &QAction::triggered, this, &MainWindow::signOutRequested);
    connect(m_quitAction, &QAction::triggered, this, &MainWindow::quitRequested);
    connect(m_addAction, &QAction::triggered, this, &MainWindow::addProfile);
    connect(m_editAction, &QAction::triggered, this, &MainWindow::editCurrentProfile);
    connect(m_removeAction, &QAction::triggered, this, &MainWindow::removeCurrentProfile);
    connect(m_changePasswordAction, &QAction::triggered, this, &MainWindow::changePassword);
    connect(m_settingsAction, &QAction::triggered, this, &MainWindow::showSettings);
    connect(m_aboutAction, &QAction::triggered, this, &MainWindow::showAbout);
}

void MainWindow::createMenus()
{
    menuBar()->setObjectName(u"mainMenuBar"_s);
    auto addMenu = [this](const QString& objectName, const QString& title) {
        QMenu* menu = menuBar()->addMenu(title);
        menu->setObjectName(objectName);
        return menu;
    };
    QMenu* file = addMenu(u"fileMenu"_s, tr("&File"));
    file->addAction(m_lockAction);
    file->addAction(m_signOutAction);
    file->addSeparator();
    file->addAction(m_quitAction);

    QMenu* family = addMenu(u"familyMenu"_s, tr("F&amily"));
    family->addAction(m_addAction);
    family->addAction(m_editAction);
    family->addAction(m_removeAction);

    QMenu* account = addMenu(u"accountMenu"_s, tr("A&ccount"));
    account->addAction(m_changePasswordAction);

    QMenu* settings = addMenu(u"settingsMenu"_s, tr("&Settings"));
    settings->addAction(m_settingsAction);

    QMenu* help = addMenu(u"helpMenu"_s, tr("&Help"));
    help->addAction(m_aboutAction);
}

void MainWindow::createToolBar()
{
    m_toolBar = addToolBar(tr("Family"));
    m_toolBar->setObjectName(u"familyToolBar"_s);
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toolBar->setMovable(false);
    const std::pair<QAction*, QString> buttons[] = {{m_addAction, u"addProfileToolButton"_s},
                                                    {m_editAction, u"editProfileToolButton"_s},
                                                    {m_removeAction, u"removeProfileToolButton"_s}};
    for (const auto& [action, name] : buttons) {
        m_toolBar->addAction(action);
        if (QWidget* button = m_toolBar->widgetForAction(action)) {
            button->setObjectName(name);
            button->setAccessibleName(action->text().remove(u'&').remove(u'…'));
        }
    }
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_lockAction);
    if (QWidget* button = m_toolBar->widgetForAction(m_lockAction)) {
        button->setObjectName(u"lockToolButton"_s);
        button->setAccessibleName(tr("Lock now"));
    }
}

ProfileEditorDialog* MainWindow::profileEditor() const
{
    return m_editor;
}

ChangePasswordDialog* MainWindow::changePasswordDialog() const
{
    return m_changePassword;
}

SettingsDialog* MainWindow::settingsDialog() const
{
    return m_settings;
}

int MainWindow::addPage(QWidget* page)
{
    return m_pages->addWidget(page);
}

void MainWindow::showFamilyPage()
{
    m_pages->setCurrentWidget(m_familyPage);
}

void MainWindow::updateActions()
{
    const bool hasCurrent = !m_familyPage->currentProfileId().isEmpty();
    m_editAction->setEnabled(hasCurrent);
    m_removeAction->setEnabled(hasCurrent && !m_removing);
}

void MainWindow::reloadProfiles()
{
    m_familyPage->setLoading(true);
    whenFinished(m_profiles.listProfiles(), this, [this](const Result<QList<Profile>>& result) {
        if (result.ok()) {
            m_model->setProfiles(result.value());
        } else {
            qCWarning(lcUi) << "listing profiles failed:" << result.error().detail();
            showError(tr("Could not open the family list"), result.error());
        }
        m_familyPage->setLoading(false);
        updateActions();
    });
}

void MainWindow::openEditor(ProfileEditorDialog* dialog)
{
    m_editor = dialog;
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ProfileEditorDialog::profileSaved, this, [this](const Profile& saved) {
        m_model->upsertProfile(saved);
        showFamilyPage();
        m_familyPage->selectProfile(saved.id);
        statusBar()->showMessage(tr("Saved %1.").arg(saved.displayName), kStatusMessageMs);
        updateActions();
    });
    dialog->open();
}

void MainWindow::addProfile()
{
    if (m_editor) {
        m_editor->raise();
        m_editor->activateWindow();
        return;
    }
    Profile suggestion;
    // The first profile is usually the caregiver themself.
    suggestion.relationship = m_model->containsRelationship(Relationship::Self) ? Relationship::Other
                                                                                : Relationship::Self;
    openEditor(new ProfileEditorDialog(m_profiles, ProfileEditorDialog::Mode::Add, suggestion, this));
}

void MainWindow::editProfile(const QString& profileId)
{
    if (m_editor) {
        m_editor->raise();
        m_editor->activateWindow();
        return;
    }
    const auto profile = m_model->profileAt(m_model->rowOf(profileId));
    if (!profile)
        return;
    openEditor(new ProfileEditorDialog(m_profiles, ProfileEditorDialog::Mode::Edit, *profile, this));
}

void MainWindow::editCurrentProfile()
{
    editProfile(m_familyPage->currentProfileId());
}

void MainWindow::removeCurrentProfile()
{
    if (m_removing)
        return;
    const auto profile = m_model->profileAt(m_model->rowOf(m_familyPage->currentProfileId()));
    if (!profile)
        return;
    QPointer<MainWindow> self(this);
    const Profile p = *profile;
    MessageBoxes::confirm(
        this, tr("Remove profile"), tr("Remove %1 from Health Hub?").arg(p.displayName),
        tr("This deletes %1's profile and everything stored for it: health system connections, records and "
           "summaries. It cannot be undone.")
            .arg(p.displayName),
        tr("&Remove"), [self, p](bool confirmed) {
            if (self && confirmed)
                self->removeProfile(p);
        });
}

void MainWindow::removeProfile(const Profile& profile)
{
    m_removing = true;
    updateActions();
    statusBar()->showMessage(tr("Removing %1…").arg(profile.displayName));
    const int row = m_model->rowOf(profile.id);
    whenFinished(m_profiles.removeProfile(profile.id), this, [this, profile, row](const Status& status) {
        m_removing = false;
        statusBar()->clearMessage();
        if (!status.ok()) {
            showError(tr("Could not remove %1").arg(profile.displayName), status.error());
            updateActions();
            return;
        }
        m_model->removeProfile(profile.id);
        // Keep a card chosen so the keyboard user can go on (the neighbour that took its place).
        if (m_model->rowCount() > 0) {
            const int next = std::min(row, m_model->rowCount() - 1);
            if (const auto neighbour = m_model->profileAt(next))
                m_familyPage->selectProfile(neighbour->id);
        }
        statusBar()->showMessage(tr("Removed %1.").arg(profile.displayName), kStatusMessageMs);
        updateActions();
    });
}

void MainWindow::changePassword()
{
    if (m_changePassword) {
        m_changePassword->raise();
        m_changePassword->activateWindow();
        return;
    }
    auto* dialog = new ChangePasswordDialog(m_accounts, this);
    m_changePassword = dialog;
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ChangePasswordDialog::passwordChanged, this, [this] {
        statusBar()->showMessage(tr("Password changed."), kStatusMessageMs);
        MessageBoxes::information(this, tr("Password changed"),
                                  tr("Your new password opens the vault from now on."));
    });
    dialog->open();
}

void MainWindow::showSettings()
{
    if (m_settings) {
        m_settings->raise();
        m_settings->activateWindow();
        return;
    }
    auto* dialog = new SettingsDialog(this);
    m_settings = dialog;
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &SettingsDialog::autoLockMinutesChanged, this, &MainWindow::autoLockMinutesChanged);
    dialog->open();
}

void MainWindow::showAbout()
{
#ifdef HH_VERSION
    const QString version = QString::fromUtf8(HH_VERSION);
#else
    const QString version;
#endif
    MessageBoxes::information(this, tr("About Health Hub"), tr("Health Hub %1").arg(version),
                              tr("Your family's health records, synced from their health systems and kept "
                                 "in an encrypted vault on this computer."));
}

void MainWindow::showError(const QString& title, const Error& error)
{
    MessageBoxes::error(this, title,
                        error.message().isEmpty() ? tr("Something went wrong. Please try again.") : error.message());
}

} // namespace hh::ui
