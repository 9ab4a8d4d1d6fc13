#pragma once

#include "core/Domain.h"
#include "core/Result.h"
#include "core/records/RecordTypes.h"
#include "ui/SessionServices.h"

#include <QMainWindow>
#include <QPointer>
#include <QSet>

#include <optional>

class QAction;
class QLabel;
class QStackedWidget;
class QToolBar;

namespace hh {
class IAccountService;
class IProfileService;
}
namespace hh::sync {
struct SyncProgress;
struct SyncJobResult;
}

namespace hh::ui {

class ChangePasswordDialog;
class FamilyPage;
class ProfileEditorDialog;
class ProfileListModel;
class ProfileView;
class SearchResultsView;
class SettingsDialog;

// The signed-in window. Its central QStackedWidget holds the family dashboard (cards with counts,
// alerts and sync state from the records service), a family member's profile view (activating a
// card opens it; editing stays on Ctrl+E / Family ▸ Edit), and family search results; more pages can
// be added with addPage(). File ▸ Export writes a visit summary PDF or a FHIR bundle of the current
// profile. Lock, sign-out and quit are requests the Shell carries out (it owns the windows);
// everything else happens here through the session's services, without blocking.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)
public:
    MainWindow(const User& user, IAccountService& accounts, IProfileService& profiles,
               const SessionServices& services = {}, QWidget* parent = nullptr);
    ~MainWindow() override;

    [[nodiscard]] const User& user() const { return m_user; }
    [[nodiscard]] ProfileListModel* profileModel() const { return m_model; }
    [[nodiscard]] FamilyPage* familyPage() const { return m_familyPage; }
    [[nodiscard]] QStackedWidget* pageStack() const { return m_pages; }
    [[nodiscard]] ProfileView* profileView() const { return m_profileView; }
    [[nodiscard]] SearchResultsView* familySearchView() const { return m_searchView; }
    [[nodiscard]] const SessionServices& services() const { return m_services; }
    // Adds a page to the central stack (not shown); returns its index.
    int addPage(QWidget* page);
    void showFamilyPage();
    // The profile shown in the profile view, else the chosen card; empty if none.
    [[nodiscard]] QString currentProfileId() const;
    // The session is ending (lock, sign-out): drop everything that uses its services.
    void endSession();
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
    void openProfile(const QString& profileId);
    void searchFamily(const QString& text);
    void refreshOverviews();
    void syncAll();
    void exportVisitSummary();
    void exportFhirBundle();
    void exportPatientSummary();
    void connectHealthSystem();

Q_SIGNALS:
    void lockRequested();
    void signOutRequested();
    // Account ▸ Add another account (the Shell shows the account form over this window).
    void addAccountRequested();
    void quitRequested();
    void autoLockMinutesChanged(int minutes);
    // An export ended (path empty when nothing was chosen).
    void exportFinished(const QString& path, bool ok);

private:
    void createActions();
    void createMenus();
    void createToolBar();
    void updateActions();
    void openEditor(ProfileEditorDialog* dialog);
    void removeProfile(const Profile& profile);
    void showError(const QString& title, const Error& error);
    void connectServices();
    void updateSyncProgress();
    void onSyncFinished(const sync::SyncJobResult& result);
    void refreshOverview(const QString& profileId);
    void exportFhir(records::FhirExportKind kind);
    void setExporting(bool exporting);
    [[nodiscard]] std::optional<Profile> currentProfile() const;
    [[nodiscard]] QString suggestedExportPath(const Profile& profile, const QString& what, const QString& suffix) const;

    User m_user;
    IAccountService& m_accounts;
    IProfileService& m_profiles;
    ProfileListModel* m_model;
    QStackedWidget* m_pages;
    FamilyPage* m_familyPage;
    SessionServices m_services;
    ProfileView* m_profileView;
    SearchResultsView* m_searchView;
    QSet<QString> m_syncActive; // connections queued or running since "Sync all"
    int m_syncDone = 0;
    int m_syncFailed = 0;
    bool m_exporting = false;
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
    QAction* m_addAccountAction = nullptr;
    QAction* m_changePasswordAction = nullptr;
    QAction* m_settingsAction = nullptr;
    QAction* m_aboutAction = nullptr;
    QAction* m_exportPdfAction = nullptr;
    QAction* m_exportFhirAction = nullptr;
    QAction* m_exportIpsAction = nullptr;
    QAction* m_connectAction = nullptr;
    QAction* m_syncAllAction = nullptr;
    QAction* m_cancelSyncAction = nullptr;
    QAction* m_showFamilyAction = nullptr;
    QAction* m_openProfileAction = nullptr;
    QAction* m_searchAction = nullptr;
};

} // namespace hh::ui
