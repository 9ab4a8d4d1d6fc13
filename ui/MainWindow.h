#pragma once

#include "core/Domain.h"
#include "core/Result.h"

#include <QMainWindow>
#include <QPointer>

class QAction;
class QLabel;
class QStackedWidget;
class QToolBar;

namespace hh {
class IAccountService;
class IProfileService;
}

namespace hh::ui {

class ChangePasswordDialog;
class FamilyPage;
class ProfileEditorDialog;
class ProfileListModel;
class SettingsDialog;

// The signed-in window. Its central QStackedWidget starts with the family list; later views
// (dashboard, profile view) are added with addPage(). Lock, sign-out and quit are requests the
// Shell carries out (it owns the windows); everything about profiles happens here, through
// IProfileService, without blocking.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)
public:
    MainWindow(const User& user, IAccountService& accounts, IProfileService& profiles, QWidget* parent = nullptr);
    ~MainWindow() override;

    [[nodiscard]] const User& user() const { return m_user; }
    [[nodiscard]] ProfileListModel* profileModel() const { return m_model; }
    [[nodiscard]] FamilyPage* familyPage() const { return m_familyPage; }
    [[nodiscard]] QStackedWidget* pageStack() const { return m_pages; }
    // Adds a page to the central stack (not shown); returns its index.
    int addPage(QWidget* page);
    void showFamilyPage();
    // The editor or change-password dialog currently open, if any (tests, focus handling).
    [[nodiscard]] ProfileEditorDialog* profileEditor() const;
    [[nodiscard]] ChangePasswordDialog* changePasswordDialog() const;
    [[nodiscard]] SettingsDialog* settingsDialog() const;

public Q_SLOTS:
    void reloadProfiles();
    void addProfile();
    void editProfile(const QString& profileId);
    void editCurrentProfile();
    void removeCurrentProfile();
    void changePassword();
    void showSettings();
    void showAbout();

Q_SIGNALS:
    void lockRequested();
    void signOutRequested();
    void quitRequested();
    void autoLockMinutesChanged(int minutes);

private:
    void createActions();
    void createMenus();
    void createToolBar();
    void updateActions();
    void openEditor(ProfileEditorDialog* dialog);
    void removeProfile(const Profile& profile);
    void showError(const QString& title, const Error& error);

    User m_user;
    IAccountService& m_accounts;
    IProfileService& m_profiles;
    ProfileListModel* m_model;
    QStackedWidget* m_pages;
    FamilyPage* m_familyPage;
    QLabel* m_accountLabel;
    QToolBar* m_toolBar = nullptr;
    QPointer<ProfileEditorDialog> m_editor;
    QPointer<ChangePasswordDialog> m_changePassword;
    QPointer<SettingsDialog> m_settings;
    bool m_removing = false;

    QAction* m_lockAction = nullptr;
    QAction* m_signOutAction = nullptr;
    QAction* m_quitAction = nullptr;
    QAction* m_addAction = nullptr;
    QAction* m_editAction = nullptr;
    QAction* m_removeAction = nullptr;
    QAction* m_changePasswordAction = nullptr;
    QAction* m_settingsAction = nullptr;
    QAction* m_aboutAction = nullptr;
};

} // namespace hh::ui
