#pragma once

#include "core/connect/EmrConnection.h"

#include <QDialog>
#include <QPointer>

#include <optional>

class QLabel;
class QLineEdit;
class QListView;
class QPushButton;
class QTimer;

namespace hh::connect {
class ConnectService;
}

namespace hh::ui {

class EndpointListModel;
class ErrorLabel;
class LoginDialog;

// "Connect <profile> to a health system": search the directory by name or city (paged), add a
// health system by its FHIR address, import a directory, edit sign-in settings, then sign in with
// the LoginDialog. Self-contained; the main window opens it for a profile:
//     auto* d = new ConnectDialog(connectService, profile.id, profile.displayName, this);
//     d->setAttribute(Qt::WA_DeleteOnClose);
//     connect(d, &ConnectDialog::connected, this, ...);
//     d->open();
// objectNames: endpointSearchLineEdit, endpointListView, endpointCountLabel, addEndpointButton,
// importDirectoryButton, endpointSettingsButton, connectButton.
class ConnectDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectDialog)

public:
    ConnectDialog(connect::ConnectService* service, QString profileId, QString profileName,
                  QWidget* parent = nullptr);
    ~ConnectDialog() override;

    // Pre-selects an endpoint (for "sign in again" on a connection that needs it): the search is
    // cleared and the row selected once loaded.
    void selectEndpoint(const QString& endpointId);
    // The user name suggested to the demo health systems (connect::DemoEndpoints::patientFor the profile's
    // relationship); real portals get no hint.
    void setDemoLoginHint(const QString& userName) { m_demoLoginHint = userName; }
    [[nodiscard]] QString selectedEndpointId() const;
    [[nodiscard]] EndpointListModel* model() const { return m_model; }
    // The login window while it is open (tests).
    [[nodiscard]] LoginDialog* loginDialog() const { return m_login; }
    [[nodiscard]] const std::optional<connect::EmrConnection>& connection() const { return m_connection; }

Q_SIGNALS:
    void connected(const hh::connect::EmrConnection& connection);

private:
    void updateButtons();
    void signIn();
    void openSettings();
    void addEndpoint();
    void importDirectory();

    QPointer<connect::ConnectService> m_service;
    QString m_profileId;
    QString m_profileName;
    QString m_wantedEndpoint;
    QString m_demoLoginHint;
    EndpointListModel* m_model;
    QLineEdit* m_search;
    QTimer* m_searchDelay;
    QListView* m_list;
    QLabel* m_count;
    ErrorLabel* m_error;
    QPushButton* m_add;
    QPushButton* m_import;
    QPushButton* m_settings;
    QPushButton* m_connect;
    QPointer<LoginDialog> m_login;
    std::optional<connect::EmrConnection> m_connection;
};

} // namespace hh::ui
