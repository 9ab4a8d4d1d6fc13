#include "ui/DocumentsSection.h"

#include "core/records/IRecordsService.h"
#include "ui/Async.h"
#include "ui/DocumentViewer.h"
#include "ui/RecordTableModel.h"
#include "ui/TableSetup.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace hh::ui {

using namespace hh::records;

DocumentsSection::DocumentsSection(IRecordsService* service, QWidget* parent)
    : ProfileSection(parent),
      m_service(service),
      m_model(new RecordTableModel(RecordKind::Documents, this)),
      m_filter(new QLineEdit(this)),
      m_count(new QLabel(this)),
      m_details(new QPushButton(tr("&Details…"), this)),
      m_table(new QTableView(this)),
      m_viewer(new DocumentViewer(this)),
      m_filterTimer(new QTimer(this))
{
    setObjectName(u"documentsSection"_s);
    m_model->setService(service);
    m_filter->setObjectName(u"filterLineEdit"_s);
    m_filter->setPlaceholderText(tr("Filter documents by title"));
    m_filter->setAccessibleName(tr("Filter documents"));
    m_filter->setClearButtonEnabled(true);
    m_count->setObjectName(u"countLabel"_s);
    m_details->setObjectName(u"detailsButton"_s);
    m_details->setAccessibleName(tr("Details"));
    m_details->setEnabled(false);
    m_table->setObjectName(u"documentsTableView"_s);
    m_table->setAccessibleName(tr("Documents"));
    m_table->setModel(m_model);
    configureRecordTable(m_table);
    m_table->horizontalHeader()->setSortIndicator(m_model->columnOf(RecordTableModel::Column::Date),
                                                  Qt::DescendingOrder);
    m_table->setColumnWidth(0, m_table->fontMetrics().averageCharWidth() * 30);
    m_filterTimer->setSingleShot(true);
    m_filterTimer->setInterval(250);

    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(u"documentsSplitter"_s);
    splitter->addWidget(m_table);
    splitter->addWidget(m_viewer);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    splitter->setChildrenCollapsible(false);

    auto* bar = new QHBoxLayout;
    bar->addWidget(m_filter, 2);
    bar->addWidget(m_count, 1);
    bar->addWidget(m_details);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(splitter, 1);

    connect(m_filter, &QLineEdit::textChanged, m_filterTimer, qOverload<>(&QTimer::start));
    connect(m_filterTimer, &QTimer::timeout, this, [this] { m_model->setFilterText(m_filter->text().trimmed()); });
    connect(m_model, &RecordTableModel::loaded, this, &DocumentsSection::updateCount);
    connect(m_model, &RecordTableModel::loadingChanged, this, &DocumentsSection::updateCount);
    connect(m_model, &QAbstractItemModel::modelReset, this, &DocumentsSection::updateCount);
    connect(m_model, &RecordTableModel::loaded, this, [this] {
        if (!m_table->currentIndex().isValid() && m_model->rowCount() > 0)
            m_table->setCurrentIndex(m_model->index(0, 0));
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentChanged, this, &DocumentsSection::showCurrent);
    connect(m_table, &QTableView::activated, this, [this](const QModelIndex& index) {
        Q_EMIT recordActivated(index.data(RecordTableModel::RecordIdRole).toString());
    });
    connect(m_details, &QPushButton::clicked, this, [this] {
        const QString id = m_table->currentIndex().data(RecordTableModel::RecordIdRole).toString();
        if (!id.isEmpty())
            Q_EMIT recordActivated(id);
    });
    updateCount();
}

DocumentsSection::~DocumentsSection() = default;

void DocumentsSection::setProfile(const Profile& profile)
{
    m_loaded = false;
    m_profileId = profile.id;
    m_shown.clear();
    m_model->setProfileId(profile.id);
    m_viewer->showMessage(tr("Choose a document to read it here."));
}

void DocumentsSection::ensureLoaded()
{
    if (m_loaded)
        return;
    m_loaded = true;
    m_model->ensureLoaded();
}

void DocumentsSection::refresh()
{
    if (m_loaded)
        m_model->refresh();
}

QWidget* DocumentsSection::focusTarget() const
{
    return m_table;
}

void DocumentsSection::showCurrent()
{
    const QString id = m_table->currentIndex().data(RecordTableModel::RecordIdRole).toString();
    m_details->setEnabled(!id.isEmpty());
    if (id.isEmpty() || id == m_shown || !m_service)
        return;
    m_shown = id;
    m_viewer->showMessage(tr("Opening the document…"));
    whenFinished(m_service->document(m_profileId, id), this, [this, id](const Result<DocumentContent>& r) {
        if (id != m_shown)
            return; // another document was chosen meanwhile
        if (!r.ok())
            m_viewer->showMessage(r.error().message().isEmpty() ? tr("This document could not be opened.")
                                                                : r.error().message());
        else
            m_viewer->setDocument(r.value());
        Q_EMIT documentShown(id);
    });
}

void DocumentsSection::updateCount()
{
    if (m_model->isLoading() && m_model->rowCount() == 0) {
        m_count->setText(tr("Loading…"));
        return;
    }
    const int total = m_model->totalCount();
    if (total < 0)
        m_count->clear();
    else if (total == 0)
        m_count->setText(tr("No documents found."));
    else if (total == 1)
        m_count->setText(tr("1 document"));
    else
        m_count->setText(tr("%1 documents").arg(QLocale().toString(total)));
}

} // namespace hh::ui
