#include "ui/connect/ConnectDialog.h"

#include "core/connect/ConnectService.h"
#include "ui/ErrorLabel.h"
#include "ui/connect/AddEndpointDialog.h"
#include "ui/connect/EndpointListModel.h"
#include "ui/connect/EndpointSettingsPage.h"
#include "ui/connect/ImportDirectoryDialog.h"
#include "ui/connect/LoginDialog.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace hh::ui {

ConnectDialog::ConnectDialog(connect::ConnectService* service, QString profileId, QString profileName,
                             QWidget* parent)
    : QDialog(parent), m_service(service), m_profileId(std::move(profileId)), m_profileName(std::move(profileName))
{
    setObjectName(u"connectDialog"_s);
    setWindowTitle(tr("Connect %1 to a health system").arg(m_profileName));
    resize(640, 560);
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("Find the health system where %1 has a patient portal, then sign in to that "
                                "portal. Health Hub receives read-only access to the records.")
                                 .arg(m_profileName),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    m_search = new QLineEdit(this);
    m_search->setObjectName(u"endpointSearchLineEdit"_s);
    m_search->setPlaceholderText(tr("Search by name or city"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Search health systems"));
    auto* searchLabel = new QLabel(tr("&Find your health system:"), this);
    searchLabel->setBuddy(m_search);
    layout->addWidget(searchLabel);
    layout->addWidget(m_search);

    m_model = new EndpointListModel(service, this);
    m_list = new QListView(this);
    m_list->setObjectName(u"endpointListView"_s);
    m_list->setModel(m_model);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setUniformItemSizes(true);
    m_list->setAccessibleName(tr("Health systems"));
    layout->addWidget(m_list, 1);

    m_count = new QLabel(this);
    m_count->setObjectName(u"endpointCountLabel"_s);
    layout->addWidget(m_count);
    m_error = new ErrorLabel(this);
    layout->addWidget(m_error);

    auto* tools = new QHBoxLayout;
    m_add = new QPushButton(tr("&Add by FHIR address…"), this);
    m_add->setObjectName(u"addEndpointButton"_s);
    m_import = new QPushButton(tr("&Import directory…"), this);
    m_import->setObjectName(u"importDirectoryButton"_s);
    m_settings = new QPushButton(tr("Sign-in se&ttings…"), this);
    m_settings->setObjectName(u"endpointSettingsButton"_s);
    tools->addWidget(m_add);
    tools->addWidget(m_import);
    tools->addWidget(m_settings);
    tools->addStretch(1);
    layout->addLayout(tools);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_connect = buttons->addButton(tr("&Sign in…"), QDialogButtonBox::AcceptRole);
    m_connect->setObjectName(u"connectButton"_s);
    m_connect->setDefault(true);
    layout->addWidget(buttons);

    m_searchDelay = new QTimer(this);
    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(250);
    connect(m_search, &QLineEdit::textChanged, m_searchDelay, qOverload<>(&QTimer::start));
    connect(m_searchDelay, &QTimer::timeout, this, [this] { m_model->setSearchText(m_search->text()); });
    connect(m_model, &EndpointListModel::pageLoaded, this, [this] {
        m_count->setText(m_model->totalCount() == 0
                             ? tr("No health system matches.")
                             : tr("%1 of %Ln health system(s) shown", nullptr, m_model->totalCount())
                                   .arg(QLocale().toString(m_model->rowCount())));
        if (!m_wantedEndpoint.isEmpty()) {
            const int row = m_model->rowOf(m_wantedEndpoint);
            if (row >= 0) {
                m_list->setCurrentIndex(m_model->index(row));
                m_list->scrollTo(m_model->index(row));
                m_wantedEndpoint.clear();
            } else if (m_model->canFetchMore({})) {
                m_model->fetchMore({});
            }
        }
        updateButtons();
    });
    connect(m_model, &EndpointListModel::loadFailed, m_error, &ErrorLabel::showError);
    connect(m_model, &QAbstractItemModel::modelReset, this, &ConnectDialog::updateButtons);
    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this, &ConnectDialog::updateButtons);
    connect(m_list, &QListView::doubleClicked, this, &ConnectDialog::signIn);
    connect(m_connect, &QPushButton::clicked, this, &ConnectDialog::signIn);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_add, &QPushButton::clicked, this, &ConnectDialog::addEndpoint);
    connect(m_import, &QPushButton::clicked, this, &ConnectDialog::importDirectory);
    connect(m_settings, &QPushButton::clicked, this, &ConnectDialog::openSettings);
    m_model->setSearchText({});
    updateButtons();
}

ConnectDialog::~ConnectDialog() = default;

void ConnectDialog::selectEndpoint(const QString& endpointId)
{
    m_wantedEndpoint = endpointId;
    m_search->blockSignals(true);
    m_search->clear();
    m_search->blockSignals(false);
    m_model->setSearchText({});
}

QString ConnectDialog::selectedEndpointId() const
{
    const connect::Endpoint* e = m_model->endpointAt(m_list->currentIndex().row());
    return e ? e->id : QString();
}

void ConnectDialog::updateButtons()
{
    const bool selected = !selectedEndpointId().isEmpty();
    m_connect->setEnabled(selected && !m_login);
    m_settings->setEnabled(true);
}

void ConnectDialog::signIn()
{
    const QString endpointId = selectedEndpointId();
    if (endpointId.isEmpty() || m_login || !m_service)
        return;
    m_error->clearError();
    LoginDialog::Options options;
    if (const connect::Endpoint* e = m_model->endpointAt(m_list->currentIndex().row()); e && e->isDemo())
        options.loginHint = m_demoLoginHint;
    m_login = new LoginDialog(m_service, m_profileId, endpointId, options, this);
    m_login->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_login, &LoginDialog::connected, this, [this](const connect::EmrConnection& connection) {
        m_connection = connection;
        Q_EMIT connected(connection);
        accept();
    });
    // QWidget emits destroyed() from ~QWidget, when the object is no longer a LoginDialog: drop the
    // pointer without converting it.
    connect(m_login, &QObject::destroyed, this, [this] {
        m_login = nullptr;
        updateButtons();
    });
    m_login->open();
    updateButtons();
}

void ConnectDialog::openSettings()
{
    auto* dialog = new QDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setObjectName(u"endpointSettingsDialog"_s);
    dialog->setWindowTitle(tr("Sign-in settings"));
    auto* layout = new QVBoxLayout(dialog);
    layout->addWidget(new EndpointSettingsPage(m_service, selectedEndpointId(), dialog));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    layout->addWidget(buttons);
    dialog->open();
}

void ConnectDialog::addEndpoint()
{
    auto* dialog = new AddEndpointDialog(m_service, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &AddEndpointDialog::endpointAdded, this, [this](const connect::Endpoint& e) {
        m_search->setText(e.name);
        m_wantedEndpoint = e.id;
        m_searchDelay->stop();
        m_model->setSearchText(e.name);
    });
    dialog->open();
}

void ConnectDialog::importDirectory()
{
    auto* dialog = new ImportDirectoryDialog(m_service, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ImportDirectoryDialog::imported, this, [this](const connect::ImportSummary& summary) {
        m_count->setText(tr("Imported: %1 new, %2 updated.").arg(summary.added).arg(summary.updated));
        m_model->reload();
    });
    dialog->open();
}

} // namespace hh::ui
