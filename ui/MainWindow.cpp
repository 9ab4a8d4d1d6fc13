#include "ui/MainWindow.h"

#include "core/Log.h"
#include "core/Services.h"
#include "core/connect/DemoEndpoints.h"
#include "core/records/IRecordsService.h"
#include "core/sync/ISyncControl.h"
#include "ui/Async.h"
#include "ui/ChangePasswordDialog.h"
#include "ui/FamilyPage.h"
#include "ui/FileDialogs.h"
#include "ui/LanguageDialog.h"
#include "ui/MessageBoxes.h"
#include "ui/ProfileEditorDialog.h"
#include "ui/ProfileListModel.h"
#include "ui/ProfileView.h"
#include "ui/SearchResultsView.h"
#include "ui/SettingsDialog.h"
#include "ui/Theme.h"
#include "ui/VisitSummaryPdf.h"
#include "ui/connect/ConnectDialog.h"
#include "ui/connect/LoginDialog.h"

#include <QAction>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenuBar>
#include <QRegularExpression>
#include <QSettings>
#include <QShortcut>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>
#include <QtConcurrent>

using namespace Qt::StringLiterals;

namespace hh::ui {

namespace {
const QString kGeometryKey = u"ui/mainWindowGeometry"_s;
const QString kStateKey = u"ui/mainWindowState"_s;
constexpr int kStatusMessageMs = 5000;
} // namespace

MainWindow::MainWindow(const User& user, IAccountService& accounts, IProfileService& profiles,
                       const SessionServices& services, QWidget* parent)
    : QMainWindow(parent),
      m_user(user),
      m_accounts(accounts),
      m_profiles(profiles),
      m_model(new ProfileListModel(this)),
      m_pages(new QStackedWidget(this)),
      m_familyPage(new FamilyPage(m_model, m_pages)),
      m_services(services),
      m_profileView(new ProfileView(services, m_pages)),
      m_searchView(new SearchResultsView(services.records.data(), m_pages)),
      m_accountLabel(new QLabel(this))
{
    m_services.owner.reset(); // the Shell owns the session
    setObjectName(u"mainWindow"_s);
    setWindowTitle(tr("Health Hub"));
    setWindowIcon(appIcon());

    m_pages->setObjectName(u"pageStackedWidget"_s);
    m_pages->addWidget(m_familyPage);
    m_pages->addWidget(m_profileView);
    m_searchView->setObjectName(u"familySearchView"_s);
    auto* searchPage = new QWidget(m_pages);
    searchPage->setObjectName(u"familySearchPage"_s);
    auto* searchLayout = new QVBoxLayout(searchPage);
    searchLayout->setContentsMargins(12, 12, 12, 12);
    searchLayout->addWidget(m_searchView);
    m_searchView->setParent(searchPage);
    m_pages->addWidget(searchPage);
    setCentralWidget(m_pages);

    createActions();
    createMenus();
    createToolBar();

    m_accountLabel->setObjectName(u"accountStatusLabel"_s);
    m_accountLabel->setText(tr("Signed in as %1").arg(m_user.name));
    statusBar()->setObjectName(u"mainStatusBar"_s);
    statusBar()->addPermanentWidget(m_accountLabel);

    connect(m_familyPage, &FamilyPage::addRequested, this, &MainWindow::addProfile);
    connect(m_familyPage, &FamilyPage::profileActivated, this, &MainWindow::openProfile);
    connect(m_familyPage, &FamilyPage::currentProfileChanged, this, &MainWindow::updateActions);
    connect(m_familyPage, &FamilyPage::searchRequested, this, &MainWindow::searchFamily);
    connect(m_familyPage, &FamilyPage::syncAllRequested, this, &MainWindow::syncAll);
    connect(m_familyPage, &FamilyPage::cancelSyncRequested, m_cancelSyncAction, &QAction::trigger);
    // Delete removes a profile from the family list only (a window-wide Delete fired in the record tables too).
    auto* removeKey = new QShortcut(QKeySequence::Delete, m_familyPage->listView(), nullptr, nullptr,
                                    Qt::WidgetWithChildrenShortcut);
    removeKey->setObjectName(u"removeProfileShortcut"_s);
    connect(removeKey, &QShortcut::activated, m_removeAction, &QAction::trigger);
    connect(m_profileView, &ProfileView::backRequested, this, &MainWindow::showFamilyPage);
    connect(m_profileView, &ProfileView::connectRequested, this, &MainWindow::connectHealthSystem);
    connect(m_profileView, &ProfileView::exportPdfRequested, this, &MainWindow::exportVisitSummary);
    connect(m_searchView, &SearchResultsView::hitActivated, this, [this](const records::SearchHit& hit) {
        openProfile(hit.profileId);
        m_profileView->openHit(hit);
    });
    connect(m_pages, &QStackedWidget::currentChanged, this, [this] {
        const bool profile = m_pages->currentWidget() == m_profileView;
        setWindowTitle(profile ? tr("%1 — Health Hub").arg(m_profileView->profile().displayName) : tr("Health Hub"));
        updateActions();
    });
    connectServices();
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
    // Delete works in the family list only (below): in a profile's tables it would offer to remove the profile.
    m_removeAction = make(u"removeProfileAction"_s, tr("&Remove profile…"), {},
                          tr("Remove the selected family member and all their records"));
    m_removeAction->setIcon(themedIcon(u"list-remove"_s, u":/icons/remove.svg"_s));
    m_removeAction->setIconText(tr("Remove"));

    m_changePasswordAction = make(u"changePasswordAction"_s, tr("Change &password…"), {},
                                  tr("Change the password that opens the vault"));
    m_addAccountAction = make(u"addAccountAction"_s, tr("Add another &account…"), {},
                              tr("Create another account in this vault; it sees only its own family profiles"));
    m_settingsAction = make(u"autoLockSettingsAction"_s, tr("&Preferences…"), {},
                            tr("Auto-lock and automatic sync"));
    m_settingsAction->setMenuRole(QAction::PreferencesRole);
    m_aboutAction = make(u"aboutAction"_s, tr("&About Health Hub"), {}, tr("Version and license"));
    m_aboutAction->setMenuRole(QAction::AboutRole);

    m_exportPdfAction = make(u"exportPdfAction"_s, tr("Export &visit summary (PDF)…"), {},
                             tr("Write a visit summary of the selected family member to a PDF file"));
    m_exportPdfAction->setIcon(QIcon(u":/icons/export-pdf.svg"_s));
    m_exportFhirAction = make(u"exportFhirAction"_s, tr("Export &FHIR bundle…"), {},
                              tr("Write all records of the selected family member as a FHIR bundle (JSON)"));
    m_exportFhirAction->setIcon(QIcon(u":/icons/export.svg"_s));
    m_exportIpsAction = make(u"exportIpsAction"_s, tr("Export &patient summary (IPS)…"), {},
                             tr("Write an International Patient Summary (FHIR document) of the selected family member"));
    m_connectAction = make(u"connectAction"_s, tr("&Connect a health system…"), {},
                           tr("Sign in to a patient portal for the selected family member"));
    m_connectAction->setIcon(QIcon(u":/icons/connect.svg"_s));
    m_syncAllAction = make(u"syncAllAction"_s, tr("S&ync all"), QKeySequence(QKeySequence::Refresh),
                           tr("Fetch new records from every connected health system"));
    m_syncAllAction->setIcon(themedIcon(u"view-refresh"_s, u":/icons/sync.svg"_s));
    // F5 (Sync all) never stops a sync: cancelling is an action of its own.
    m_cancelSyncAction = make(u"cancelSyncAction"_s, tr("Cancel s&ync"), {}, tr("Stop every sync that is running"));
    m_showFamilyAction = make(u"showFamilyAction"_s, tr("&Family"), QKeySequence(Qt::ALT | Qt::Key_Home),
                              tr("Show the whole family"));
    m_showFamilyAction->setIcon(themedIcon(u"go-home"_s, u":/icons/family.svg"_s));
    m_openProfileAction = make(u"openProfileAction"_s, tr("&Open profile"), {},
                               tr("Open the selected family member's records"));
    m_searchAction = make(u"searchAction"_s, tr("&Search records…"), QKeySequence(QKeySequence::Find),
                          tr("Search by name or code"));
    m_searchAction->setIcon(QIcon(u":/icons/search.svg"_s));

    connect(m_lockAction, &QAction::triggered, this, &MainWindow::lockRequested);
    connect(m_signOutAction, &QAction::triggered, this, &MainWindow::signOutRequested);
    connect(m_quitAction, &QAction::triggered, this, &MainWindow::quitRequested);
    connect(m_addAction, &QAction::triggered, this, &MainWindow::addProfile);
    connect(m_editAction, &QAction::triggered, this, &MainWindow::editCurrentProfile);
    connect(m_removeAction, &QAction::triggered, this, &MainWindow::removeCurrentProfile);
    connect(m_changePasswordAction, &QAction::triggered, this, &MainWindow::changePassword);
    connect(m_addAccountAction, &QAction::triggered, this, &MainWindow::addAccountRequested);
    connect(m_settingsAction, &QAction::triggered, this, &MainWindow::showSettings);
    connect(m_aboutAction, &QAction::triggered, this, &MainWindow::showAbout);
    connect(m_exportPdfAction, &QAction::triggered, this, &MainWindow::exportVisitSummary);
    connect(m_exportFhirAction, &QAction::triggered, this, &MainWindow::exportFhirBundle);
    connect(m_exportIpsAction, &QAction::triggered, this, &MainWindow::exportPatientSummary);
    connect(m_connectAction, &QAction::triggered, this, &MainWindow::connectHealthSystem);
    connect(m_syncAllAction, &QAction::triggered, this, &MainWindow::syncAll);
    connect(m_cancelSyncAction, &QAction::triggered, this, [this] {
        if (m_services.syncControl)
            m_services.syncControl->cancelAll();
    });
    connect(m_showFamilyAction, &QAction::triggered, this, &MainWindow::showFamilyPage);
    connect(m_openProfileAction, &QAction::triggered, this,
            [this] { openProfile(m_familyPage->currentProfileId()); });
    connect(m_searchAction, &QAction::triggered, this, [this] {
        QLineEdit* field = m_pages->currentWidget() == m_profileView ? m_profileView->searchField()
                                                                      : m_familyPage->searchField();
        if (m_pages->currentWidget() != m_profileView)
            showFamilyPage();
        field->setFocus();
        field->selectAll();
    });
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
    file->addAction(m_exportPdfAction);
    file->addAction(m_exportFhirAction);
    file->addAction(m_exportIpsAction);
    file->addSeparator();
    file->addAction(m_lockAction);
    file->addAction(m_signOutAction);
    file->addSeparator();
    file->addAction(m_quitAction);

    QMenu* view = addMenu(u"viewMenu"_s, tr("&View"));
    view->addAction(m_showFamilyAction);
    view->addAction(m_openProfileAction);
    view->addAction(m_searchAction);

    QMenu* family = addMenu(u"familyMenu"_s, tr("F&amily"));
    family->addAction(m_addAction);
    family->addAction(m_editAction);
    family->addAction(m_removeAction);
    family->addSeparator();
    family->addAction(m_connectAction);
    family->addAction(m_syncAllAction);
    family->addAction(m_cancelSyncAction);

    QMenu* account = addMenu(u"accountMenu"_s, tr("A&ccount"));
    account->addAction(m_changePasswordAction);
    account->addAction(m_addAccountAction);

    QMenu* settings = addMenu(u"settingsMenu"_s, tr("&Settings"));
    settings->addAction(m_settingsAction);
    // Settings ▸ Language (i18n): the choice applies at the next start.
    QAction* languageAction = settings->addAction(tr("&Language…"));
    languageAction->setObjectName(u"languageAction"_s);
    languageAction->setStatusTip(tr("Choose the language Health Hub uses"));
    connect(languageAction, &QAction::triggered, this, [this] { LanguageDialog::openFor(this); });

    QMenu* help = addMenu(u"helpMenu"_s, tr("&Help"));
    help->addAction(m_aboutAction);
}

void MainWindow::createToolBar()
{
    m_toolBar = addToolBar(tr("Family"));
    m_toolBar->setObjectName(u"familyToolBar"_s);
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toolBar->setMovable(false);
    m_toolBar->addAction(m_showFamilyAction);
    if (QWidget* button = m_toolBar->widgetForAction(m_showFamilyAction)) {
        button->setObjectName(u"showFamilyToolButton"_s);
        button->setAccessibleName(tr("Family"));
    }
    m_toolBar->addSeparator();
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
    m_familyPage->listView()->setFocus();
}

QString MainWindow::currentProfileId() const
{
    if (m_pages->currentWidget() == m_profileView)
        return m_profileView->profile().id;
    if (m_pages->currentWidget() == m_familyPage)
        return m_familyPage->currentProfileId();
    return {};
}

std::optional<Profile> MainWindow::currentProfile() const
{
    return m_model->profileAt(m_model->rowOf(currentProfileId()));
}

void MainWindow::updateActions()
{
    const bool hasCurrent = !currentProfileId().isEmpty();
    const bool records = !m_services.records.isNull();
    m_editAction->setEnabled(hasCurrent);
    m_removeAction->setEnabled(hasCurrent && !m_removing);
    m_exportPdfAction->setEnabled(hasCurrent && records && !m_exporting);
    m_exportFhirAction->setEnabled(hasCurrent && records && !m_exporting);
    m_exportIpsAction->setEnabled(hasCurrent && records && !m_exporting);
    m_connectAction->setEnabled(hasCurrent && !m_services.connect.isNull());
    m_syncAllAction->setEnabled(!m_services.syncControl.isNull());
    m_cancelSyncAction->setEnabled(!m_services.syncControl.isNull() && m_familyPage->isSyncRunning());
    m_openProfileAction->setEnabled(!m_familyPage->currentProfileId().isEmpty()
                                    && m_pages->currentWidget() == m_familyPage);
    m_searchAction->setEnabled(records);
}

void MainWindow::connectServices()
{
    m_familyPage->setSyncAvailable(!m_services.syncControl.isNull());
    m_familyPage->searchField()->setEnabled(!m_services.records.isNull());
    if (records::IRecordsService* records = m_services.records.data()) {
        connect(records, &records::IRecordsService::profileChanged, this, [this](const QString& profileId) {
            if (profileId.isEmpty())
                reloadProfiles();
            else
                refreshOverview(profileId);
        });
    }
    if (sync::ISyncControl* control = m_services.syncControl.data()) {
        connect(control, &sync::ISyncControl::connectionProgress, this, [this](const sync::SyncProgress& p) {
            m_syncActive.insert(p.connectionId);
            updateSyncProgress();
        });
        connect(control, &sync::ISyncControl::connectionFinished, this, &MainWindow::onSyncFinished);
        connect(control, &sync::ISyncControl::profileSynced, this, &MainWindow::refreshOverview);
        connect(control, &sync::ISyncControl::syncRequestFailed, this, [this](const Error& e) {
            m_familyPage->setSyncIdle(e.message());
            updateActions();
        });
        connect(control, &sync::ISyncControl::scheduleSaveFailed, this, [this](const Error& e) {
            MessageBoxes::error(this, tr("Settings"), tr("The sync schedule could not be saved: %1").arg(e.message()));
        });
        connect(control, &sync::ISyncControl::idle, this, [this] {
            QString message;
            if (m_syncDone > 0)
                message = m_syncFailed == 0 ? tr("Sync finished.")
                                            : tr("Sync finished; %1 of %Ln health system(s) failed.", nullptr,
                                                 m_syncDone)
                                                  .arg(QLocale().toString(m_syncFailed));
            m_syncActive.clear();
            m_syncDone = 0;
            m_syncFailed = 0;
            m_familyPage->setSyncIdle(message);
            updateActions();
            refreshOverviews();
        });
        // Syncs already running (started before this window, or by the schedule).
        for (const sync::SyncProgress& p : control->activeSyncs())
            m_syncActive.insert(p.connectionId);
        if (!m_syncActive.isEmpty())
            updateSyncProgress();
    }
}

void MainWindow::syncAll()
{
    if (!m_services.syncControl)
        return;
    if (!m_familyPage->isSyncRunning()) { // a second Sync all while syncing adds to the running count
        m_syncDone = 0;
        m_syncFailed = 0;
        m_familyPage->setSyncRunning(0, 0);
    }
    m_services.syncControl->syncAll();
    updateActions();
}

void MainWindow::onSyncFinished(const sync::SyncJobResult& result)
{
    m_syncActive.remove(result.connectionId);
    ++m_syncDone;
    if (result.status == sync::JobStatus::Failed)
        ++m_syncFailed;
    refreshOverview(result.profileId);
    if (!m_syncActive.isEmpty())
        updateSyncProgress();
}

void MainWindow::updateSyncProgress()
{
    m_familyPage->setSyncRunning(m_syncDone, m_syncDone + static_cast<int>(m_syncActive.size()));
    updateActions();
}

void MainWindow::refreshOverviews()
{
    if (!m_services.records)
        return;
    whenFinished(m_services.records->overviews(), this, [this](const Result<QList<records::ProfileOverview>>& r) {
        if (!r.ok()) {
            if (r.error().code() != ErrorCode::Cancelled)
                qCWarning(lcUi) << "reading overviews failed:" << r.error().detail();
            return;
        }
        for (const records::ProfileOverview& o : r.value())
            m_model->setOverview(o);
    });
}

void MainWindow::refreshOverview(const QString& profileId)
{
    if (!m_services.records || profileId.isEmpty())
        return;
    whenFinished(m_services.records->overview(profileId), this, [this](const Result<records::ProfileOverview>& r) {
        if (r.ok())
            m_model->setOverview(r.value());
    });
}

void MainWindow::openProfile(const QString& profileId)
{
    const auto profile = m_model->profileAt(m_model->rowOf(profileId));
    if (!profile)
        return;
    m_familyPage->selectProfile(profile->id);
    m_profileView->setProfile(*profile);
    m_pages->setCurrentWidget(m_profileView);
    setWindowTitle(tr("%1 — Health Hub").arg(profile->displayName));
    if (QWidget* target = m_profileView->findChild<QWidget*>(u"sectionListWidget"_s))
        target->setFocus();
    updateActions();
}

void MainWindow::searchFamily(const QString& text)
{
    if (!m_services.records)
        return;
    m_searchView->search(text, QString());
    m_pages->setCurrentWidget(m_searchView->parentWidget());
    m_searchView->tableView()->setFocus();
    updateActions();
}

void MainWindow::endSession()
{
    m_profileView->endSession();
    if (m_services.syncControl)
        m_services.syncControl->disconnect(this);
    if (m_services.records)
        m_services.records->disconnect(this);
    m_services = {};
    m_familyPage->setSyncAvailable(false);
    updateActions();
}

void MainWindow::setExporting(bool exporting)
{
    m_exporting = exporting;
    updateActions();
}

QString MainWindow::suggestedExportPath(const Profile& profile, const QString& what, const QString& suffix) const
{
    QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (dir.isEmpty() || !QDir(dir).exists())
        dir = QDir::homePath();
    QString name = tr("%1 %2 %3", "file name: person, what, date")
                       .arg(profile.displayName, what, QDate::currentDate().toString(Qt::ISODate));
    static const QRegularExpression unsafe(uR"([\\/:*?"<>|\x00-\x1f])"_s);
    name.replace(unsafe, u"_"_s);
    return QDir(dir).filePath(name + u'.' + suffix);
}

void MainWindow::exportVisitSummary()
{
    const auto profile = currentProfile();
    if (!profile || !m_services.records || m_exporting)
        return;
    const Profile p = *profile;
    FileDialogs::Request request{tr("Export visit summary"), suggestedExportPath(p, tr("visit summary"), u"pdf"_s),
                                 tr("PDF documents (*.pdf)"), u"pdf"_s};
    QPointer<MainWindow> self(this);
    FileDialogs::saveFile(this, request, [self, p](const QString& path) {
        if (!self)
            return;
        if (path.isEmpty() || !self->m_services.records) {
            Q_EMIT self->exportFinished(QString(), false);
            return;
        }
        self->setExporting(true);
        self->statusBar()->showMessage(tr("Writing %1's visit summary…").arg(p.displayName));
        whenFinished(self->m_services.records->visitSummary(p.id), self.data(),
                     [self, path](const Result<records::VisitSummaryData>& summary) {
                         if (!summary.ok()) {
                             self->setExporting(false);
                             self->statusBar()->clearMessage();
                             self->showError(tr("Could not export the visit summary"), summary.error());
                             Q_EMIT self->exportFinished(path, false);
                             return;
                         }
                         VisitSummaryPdf::Options options;
                         options.locale = QLocale();
                         // Layout and PDF writing happen off the GUI thread (fonts and QPainter on a
                         // QPdfWriter are thread-safe).
                         QFuture<Status> written = QtConcurrent::run([d = summary.value(), path, options] {
                             return VisitSummaryPdf::write(d, path, options);
                         });
                         whenFinished(written, self.data(), [self, path](const Status& st) {
                             self->setExporting(false);
                             if (st.ok()) {
                                 self->statusBar()->showMessage(
                                     tr("Saved the visit summary to %1.").arg(QDir::toNativeSeparators(path)),
                                     kStatusMessageMs * 2);
                             } else {
                                 self->statusBar()->clearMessage();
                                 self->showError(tr("Could not export the visit summary"), st.error());
                             }
                             Q_EMIT self->exportFinished(path, st.ok());
                         });
                     });
    });
}

void MainWindow::exportFhirBundle()
{
    exportFhir(records::FhirExportKind::Collection);
}

void MainWindow::exportPatientSummary()
{
    exportFhir(records::FhirExportKind::PatientSummary);
}

void MainWindow::exportFhir(records::FhirExportKind kind)
{
    const auto profile = currentProfile();
    if (!profile || !m_services.records || m_exporting)
        return;
    const Profile p = *profile;
    const bool ips = kind == records::FhirExportKind::PatientSummary;
    FileDialogs::Request request{ips ? tr("Export patient summary (IPS)") : tr("Export FHIR bundle"),
                                 suggestedExportPath(p, ips ? tr("patient summary") : tr("FHIR records"), u"json"_s),
                                 tr("FHIR JSON (*.json)"), u"json"_s};
    QPointer<MainWindow> self(this);
    FileDialogs::saveFile(this, request, [self, p, kind](const QString& path) {
        if (!self)
            return;
        if (path.isEmpty() || !self->m_services.records) {
            Q_EMIT self->exportFinished(QString(), false);
            return;
        }
        self->setExporting(true);
        self->statusBar()->showMessage(tr("Writing %1's records…").arg(p.displayName));
        whenFinished(self->m_services.records->exportFhir(p.id, kind, path), self.data(),
                     [self, path](const Result<records::ExportResult>& r) {
                         self->setExporting(false);
                         if (r.ok()) {
                             self->statusBar()->showMessage(
                                 tr("Saved %1 records to %2.")
                                     .arg(QLocale().toString(r->entryCount), QDir::toNativeSeparators(path)),
                                 kStatusMessageMs * 2);
                         } else {
                             self->statusBar()->clearMessage();
                             self->showError(tr("Could not export the records"), r.error());
                         }
                         Q_EMIT self->exportFinished(path, r.ok());
                     });
    });
}

void MainWindow::connectHealthSystem()
{
    const auto profile = currentProfile();
    if (!profile || !m_services.connect)
        return;
    auto* dialog = new ConnectDialog(m_services.connect.data(), profile->id, profile->displayName, this);
    dialog->setDemoLoginHint(connect::DemoEndpoints::patientFor(profile->relationship)); // Mom: the demo "mother"
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const QString id = profile->id;
    connect(dialog, &ConnectDialog::connected, this, [this, id] {
        refreshOverview(id);
        if (m_services.records)
            m_services.records->notifyProfileChanged(id);
        if (m_services.syncControl)
            m_services.syncControl->syncProfile(id); // bring the records in right away
    });
    dialog->open();
}

void MainWindow::reloadProfiles()
{
    m_familyPage->setLoading(true);
    whenFinished(m_profiles.listProfiles(), this, [this](const Result<QList<Profile>>& result) {
        if (result.ok()) {
            m_model->setProfiles(result.value());
            // The profile view follows edits made elsewhere; a removed profile sends us back.
            if (m_pages->currentWidget() == m_profileView) {
                const auto shown = m_model->profileAt(m_model->rowOf(m_profileView->profile().id));
                if (shown)
                    m_profileView->setProfile(*shown);
                else
                    showFamilyPage();
            }
            refreshOverviews();
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
        if (m_pages->currentWidget() == m_profileView && m_profileView->profile().id == saved.id) {
            m_profileView->setProfile(saved); // stay on the record being looked at
        } else {
            showFamilyPage();
            m_familyPage->selectProfile(saved.id);
        }
        refreshOverview(saved.id);
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
    editProfile(currentProfileId());
}

void MainWindow::removeCurrentProfile()
{
    if (m_removing)
        return;
    const auto profile = m_model->profileAt(m_model->rowOf(currentProfileId()));
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
        if (m_pages->currentWidget() == m_profileView && m_profileView->profile().id == profile.id)
            showFamilyPage();
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
    std::optional<sync::SyncSchedule> schedule;
    if (m_services.syncControl)
        schedule = m_services.syncControl->schedule();
    auto* dialog = new SettingsDialog(this, schedule);
    m_settings = dialog;
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &SettingsDialog::autoLockMinutesChanged, this, &MainWindow::autoLockMinutesChanged);
    connect(dialog, &SettingsDialog::syncScheduleChanged, this, [this](sync::SyncSchedule s) {
        if (m_services.syncControl)
            m_services.syncControl->saveSchedule(s);
    });
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
