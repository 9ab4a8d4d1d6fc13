#include "ui/connect/ImportDirectoryDialog.h"

#include "core/connect/ConnectService.h"
#include "ui/Async.h"
#include "ui/BusyIndicator.h"
#include "ui/ErrorLabel.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace hh::ui {

ImportDirectoryDialog::ImportDirectoryDialog(connect::ConnectService* service, QWidget* parent)
    : QDialog(parent), m_service(service)
{
    setObjectName(u"importDirectoryDialog"_s);
    setWindowTitle(tr("Import a directory of health systems"));
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("Choose an endpoint directory file (Epic's R4 endpoint list or a SMART "
                                "\"User-access Brands\" bundle) or enter its https address."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto* row = new QHBoxLayout;
    m_source = new QLineEdit(this);
    m_source->setObjectName(u"directorySourceLineEdit"_s);
    m_source->setPlaceholderText(u"https://open.epic.com/Endpoints/R4"_s);
    auto* browseButton = new QPushButton(tr("Browse…"), this);
    browseButton->setObjectName(u"browseButton"_s);
    row->addWidget(m_source, 1);
    row->addWidget(browseButton);
    layout->addLayout(row);
    m_error = new ErrorLabel(this);
    layout->addWidget(m_error);
    m_busy = new BusyIndicator(this);
    layout->addWidget(m_busy);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_import = buttons->addButton(tr("Import"), QDialogButtonBox::AcceptRole);
    m_import->setObjectName(u"importButton"_s);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(browseButton, &QPushButton::clicked, this, &ImportDirectoryDialog::browse);
    connect(m_import, &QPushButton::clicked, this, &ImportDirectoryDialog::submit);
}

ImportDirectoryDialog::~ImportDirectoryDialog() = default;

void ImportDirectoryDialog::browse()
{
    auto* dialog = new QFileDialog(this, tr("Endpoint directory"), QString(), tr("FHIR JSON (*.json);;All files (*)"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::ExistingFile);
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString& file) { m_source->setText(file); });
    dialog->open();
}

void ImportDirectoryDialog::submit()
{
    if (!m_service || m_busy->isBusy())
        return;
    const QString source = m_source->text().trimmed();
    if (source.isEmpty()) {
        m_error->showError(tr("Choose a file or enter an address."));
        return;
    }
    m_error->clearError();
    m_import->setEnabled(false);
    m_busy->start(tr("Importing…"));
    whenFinished(m_service->importDirectory(source), this, [this](const Result<connect::ImportSummary>& summary) {
        m_busy->stop();
        m_import->setEnabled(true);
        if (!summary) {
            m_error->showError(summary.error().message());
            return;
        }
        Q_EMIT imported(summary.value());
        accept();
    });
}

} // namespace hh::ui
