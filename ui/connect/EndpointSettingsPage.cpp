#include "ui/connect/EndpointSettingsPage.h"

#include "core/connect/ConnectService.h"
#include "core/connect/EndpointSettings.h"
#include "ui/Async.h"
#include "ui/ErrorLabel.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace hh::ui {

EndpointSettingsPage::EndpointSettingsPage(connect::ConnectService* service, QString endpointId, QWidget* parent)
    : QWidget(parent), m_service(service)
{
    setObjectName(u"endpointSettingsPage"_s);
    auto* layout = new QVBoxLayout(this);

    auto* vendorGroup = new QGroupBox(tr("Defaults per vendor"), this);
    auto* vendorForm = new QFormLayout(vendorGroup);
    m_vendor = new QComboBox(vendorGroup);
    m_vendor->setObjectName(u"vendorComboBox"_s);
    m_vendor->addItem(tr("Epic"), u"epic"_s);
    m_vendor->addItem(tr("athenahealth"), u"athena"_s);
    m_vendor->addItem(tr("Other"), u"other"_s);
    m_vendorClientId = new QLineEdit(vendorGroup);
    m_vendorClientId->setObjectName(u"vendorClientIdLineEdit"_s);
    m_vendorClientId->setPlaceholderText(tr("the client id registered with the vendor"));
    m_vendorRedirect = new QLineEdit(vendorGroup);
    m_vendorRedirect->setObjectName(u"vendorRedirectUriLineEdit"_s);
    m_vendorRedirect->setPlaceholderText(connect::EndpointSettings::defaultRedirectUri().toString());
    m_vendorScopes = new QLineEdit(vendorGroup);
    m_vendorScopes->setObjectName(u"vendorScopesLineEdit"_s);
    m_vendorScopes->setPlaceholderText(tr("default scopes"));
    vendorForm->addRow(tr("&Vendor:"), m_vendor);
    vendorForm->addRow(tr("Client id:"), m_vendorClientId);
    vendorForm->addRow(tr("Redirect URI:"), m_vendorRedirect);
    vendorForm->addRow(tr("Scopes:"), m_vendorScopes);
    layout->addWidget(vendorGroup);

    m_endpointGroup = new QGroupBox(tr("This health system"), this);
    auto* endpointForm = new QFormLayout(m_endpointGroup);
    m_endpointClientId = new QLineEdit(m_endpointGroup);
    m_endpointClientId->setObjectName(u"endpointClientIdLineEdit"_s);
    m_endpointClientId->setPlaceholderText(tr("vendor default"));
    m_endpointRedirect = new QLineEdit(m_endpointGroup);
    m_endpointRedirect->setObjectName(u"endpointRedirectUriLineEdit"_s);
    m_endpointRedirect->setPlaceholderText(tr("vendor default"));
    m_endpointScopes = new QLineEdit(m_endpointGroup);
    m_endpointScopes->setObjectName(u"endpointScopesLineEdit"_s);
    m_endpointScopes->setPlaceholderText(tr("vendor default"));
    m_effective = new QLabel(m_endpointGroup);
    m_effective->setObjectName(u"effectiveSettingsLabel"_s);
    m_effective->setWordWrap(true);
    endpointForm->addRow(tr("Client id:"), m_endpointClientId);
    endpointForm->addRow(tr("Redirect URI:"), m_endpointRedirect);
    endpointForm->addRow(tr("Scopes:"), m_endpointScopes);
    endpointForm->addRow(m_effective);
    layout->addWidget(m_endpointGroup);

    m_error = new ErrorLabel(this);
    layout->addWidget(m_error);
    auto* row = new QHBoxLayout;
    m_status = new QLabel(this);
    m_status->setObjectName(u"settingsStatusLabel"_s);
    row->addWidget(m_status, 1);
    m_save = new QPushButton(tr("Save"), this);
    m_save->setObjectName(u"saveSettingsButton"_s);
    row->addWidget(m_save);
    layout->addLayout(row);
    layout->addStretch(1);

    connect(m_vendor, &QComboBox::currentIndexChanged, this, [this] { loadVendor(); });
    connect(m_save, &QPushButton::clicked, this, &EndpointSettingsPage::save);
    setEndpoint(endpointId);
    loadVendor();
}

EndpointSettingsPage::~EndpointSettingsPage() = default;

void EndpointSettingsPage::setEndpoint(const QString& endpointId)
{
    m_endpointId = endpointId;
    m_endpointGroup->setVisible(!endpointId.isEmpty());
    loadEndpoint();
}

void EndpointSettingsPage::loadVendor()
{
    if (!m_service)
        return;
    const QString vendor = m_vendor->currentData().toString();
    whenFinished(m_service->vendorSettings(vendor), this, [this, vendor](const Result<connect::VendorSettings>& s) {
        if (vendor != m_vendor->currentData().toString())
            return;
        if (!s) {
            m_error->showError(s.error().message());
            return;
        }
        m_vendorClientId->setText(s->clientId);
        m_vendorRedirect->setText(s->redirectUri);
        m_vendorScopes->setText(s->scopes);
    });
}

void EndpointSettingsPage::loadEndpoint()
{
    if (!m_service || m_endpointId.isEmpty())
        return;
    const QString id = m_endpointId;
    whenFinished(m_service->endpoint(id), this, [this, id](const Result<connect::Endpoint>& e) {
        if (id != m_endpointId)
            return;
        if (!e) {
            m_error->showError(e.error().message());
            return;
        }
        m_endpointGroup->setTitle(e->name);
        m_endpointClientId->setText(e->clientId);
        m_endpointRedirect->setText(e->redirectUri);
        m_endpointScopes->setText(e->scopes);
        const int index = m_vendor->findData(e->vendor);
        if (index >= 0)
            m_vendor->setCurrentIndex(index);
    });
    whenFinished(m_service->effectiveSettings(id), this, [this, id](const Result<connect::EndpointSettings>& s) {
        if (id != m_endpointId || !s)
            return;
        m_effective->setText(tr("In use: client id %1; redirect URI %2")
                                 .arg(s->clientId.isEmpty() ? tr("(none yet)") : s->clientId,
                                      s->redirectUri.toString()));
    });
}

void EndpointSettingsPage::save()
{
    if (!m_service || m_pendingSaves > 0)
        return;
    m_error->clearError();
    m_status->clear();
    m_saveFailed = false;
    m_save->setEnabled(false);
    auto done = [this](const Status& st) {
        if (!st) {
            m_saveFailed = true;
            m_error->showError(st.error().message());
        }
        if (--m_pendingSaves == 0) {
            m_save->setEnabled(true);
            if (!m_saveFailed) {
                m_status->setText(tr("Saved."));
                loadEndpoint();
                Q_EMIT saved();
            }
        }
    };
    connect::VendorSettings vendor;
    vendor.clientId = m_vendorClientId->text().trimmed();
    vendor.redirectUri = m_vendorRedirect->text().trimmed();
    vendor.scopes = m_vendorScopes->text().simplified();
    m_pendingSaves = m_endpointId.isEmpty() ? 1 : 2;
    whenFinished(m_service->setVendorSettings(m_vendor->currentData().toString(), vendor), this, done);
    if (!m_endpointId.isEmpty()) {
        whenFinished(m_service->setEndpointOverrides(m_endpointId, m_endpointClientId->text(),
                                                     m_endpointRedirect->text(), m_endpointScopes->text()),
                     this, [done](const Result<connect::Endpoint>& e) { done(e ? Status() : Status(e.error())); });
    }
}

} // namespace hh::ui
