#pragma once

#include <QPointer>
#include <QWidget>

class QComboBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace hh::connect {
class ConnectService;
}

namespace hh::ui {

class ErrorLabel;

// Sign-in settings: per vendor (Epic, athenahealth, other) the client id, redirect URI and scopes
// Health Hub uses, and per health system the overrides of those. Empty fields mean "default".
// Self-contained: embed it in a settings dialog, or pass an endpoint id to edit that endpoint too.
// objectNames: vendorComboBox, vendorClientIdLineEdit, vendorRedirectUriLineEdit,
// vendorScopesLineEdit, endpointClientIdLineEdit, endpointRedirectUriLineEdit,
// endpointScopesLineEdit, saveSettingsButton, settingsStatusLabel.
class EndpointSettingsPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EndpointSettingsPage)

public:
    explicit EndpointSettingsPage(connect::ConnectService* service, QString endpointId = {}, QWidget* parent = nullptr);
    ~EndpointSettingsPage() override;

    // Edits the overrides of this endpoint (empty: vendor settings only).
    void setEndpoint(const QString& endpointId);
    void save();

Q_SIGNALS:
    void saved();

private:
    void loadVendor();
    void loadEndpoint();

    QPointer<connect::ConnectService> m_service;
    QString m_endpointId;
    QComboBox* m_vendor;
    QLineEdit* m_vendorClientId;
    QLineEdit* m_vendorRedirect;
    QLineEdit* m_vendorScopes;
    QGroupBox* m_endpointGroup;
    QLineEdit* m_endpointClientId;
    QLineEdit* m_endpointRedirect;
    QLineEdit* m_endpointScopes;
    QLabel* m_effective;
    QPushButton* m_save;
    ErrorLabel* m_error;
    QLabel* m_status;
    int m_pendingSaves = 0;
    bool m_saveFailed = false;
};

} // namespace hh::ui
