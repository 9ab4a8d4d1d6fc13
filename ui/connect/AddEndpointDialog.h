#pragma once

#include "core/connect/Endpoint.h"

#include <QDialog>
#include <QPointer>

class QLineEdit;
class QPushButton;

namespace hh::connect {
class ConnectService;
}

namespace hh::ui {

class BusyIndicator;
class ErrorLabel;

// "Add a health system by its FHIR address": name, FHIR base URL, optional client id. Discovery
// decides whether it can be used (ConnectService::addEndpoint); the vendor is "other".
// objectNames: endpointNameLineEdit, fhirBaseLineEdit, clientIdLineEdit, addButton.
class AddEndpointDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AddEndpointDialog)

public:
    explicit AddEndpointDialog(connect::ConnectService* service, QWidget* parent = nullptr);
    ~AddEndpointDialog() override;

    [[nodiscard]] const connect::Endpoint& addedEndpoint() const { return m_added; }

Q_SIGNALS:
    void endpointAdded(const hh::connect::Endpoint& endpoint);

private:
    void submit();

    QPointer<connect::ConnectService> m_service;
    QLineEdit* m_name;
    QLineEdit* m_base;
    QLineEdit* m_clientId;
    QPushButton* m_add;
    BusyIndicator* m_busy;
    ErrorLabel* m_error;
    connect::Endpoint m_added;
};

} // namespace hh::ui
