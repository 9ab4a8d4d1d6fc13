#include "ui/connect/AddEndpointDialog.h"

#include "core/connect/ConnectService.h"
#include "ui/Async.h"
#include "ui/BusyIndicator.h"
#include "ui/ErrorLabel.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace hh::ui {

AddEndpointDialog::AddEndpointDialog(connect::ConnectService* service, QWidget* parent)
    : QDialog(parent), m_service(service)
{
    setObjectName(u"addEndpointDialog"_s);
    setWindowTitle(tr("Add a health system"));
    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    m_name = new QLineEdit(this);
    m_name->setObjectName(u"endpointNameLineEdit"_s);
    m_base = new QLineEdit(this);
    m_base->setObjectName(u"fhirBaseLineEdit"_s);
    m_base->setPlaceholderText(u"https://fhir.example.org/r4"_s);
    m_clientId = new QLineEdit(this);
    m_clientId->setObjectName(u"clientIdLineEdit"_s);
    m_clientId->setPlaceholderText(tr("optional"));
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&FHIR address:"), m_base);
    form->addRow(tr("&Client id:"), m_clientId);
    layout->addLayout(form);
    m_error = new ErrorLabel(this);
    layout->addWidget(m_error);
    m_busy = new BusyIndicator(this);
    layout->addWidget(m_busy);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_add = buttons->addButton(tr("Add"), QDialogButtonBox::AcceptRole);
    m_add->setObjectName(u"addButton"_s);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_add, &QPushButton::clicked, this, &AddEndpointDialog::submit);
}

AddEndpointDialog::~AddEndpointDialog() = default;

void AddEndpointDialog::submit()
{
    if (!m_service || m_busy->isBusy())
        return;
    const QString name = m_name->text().trimmed();
    const QUrl base(m_base->text().trimmed());
    if (name.isEmpty() || m_base->text().trimmed().isEmpty()) {
        m_error->showError(tr("Enter a name and the FHIR address."));
        return;
    }
    m_error->clearError();
    m_add->setEnabled(false);
    m_busy->start(tr("Asking %1 how to sign in…").arg(base.host()));
    whenFinished(m_service->addEndpoint(name, base, m_clientId->text().trimmed()), this,
                 [this](const Result<connect::Endpoint>& added) {
                     m_busy->stop();
                     m_add->setEnabled(true);
                     if (!added) {
                         m_error->showError(added.error().message());
                         return;
                     }
                     m_added = added.value();
                     Q_EMIT endpointAdded(m_added);
                     accept();
                 });
}

} // namespace hh::ui
