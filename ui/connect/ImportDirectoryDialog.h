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

// Import an endpoint directory (Epic's R4 endpoint Bundle or a SMART User-access Brands Bundle)
// from a file or an https URL. objectNames: directorySourceLineEdit, browseButton, importButton.
class ImportDirectoryDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImportDirectoryDialog)

public:
    explicit ImportDirectoryDialog(connect::ConnectService* service, QWidget* parent = nullptr);
    ~ImportDirectoryDialog() override;

Q_SIGNALS:
    void imported(const hh::connect::ImportSummary& summary);

private:
    void browse();
    void submit();

    QPointer<connect::ConnectService> m_service;
    QLineEdit* m_source;
    QPushButton* m_import;
    BusyIndicator* m_busy;
    ErrorLabel* m_error;
};

} // namespace hh::ui
