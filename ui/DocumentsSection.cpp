#include "ui/DocumentsSection.h"

#include "core/records/IRecordsService.h"
#include "ui/Async.h"
#include "ui/DocumentViewer.h"
#include "ui/RecordTableModel.h"
#include "ui/TableSetup.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>

using namespace Qt::StringLiterals;

namespace hh::ui {

using namespace hh::records;

DocumentsSection::DocumentsSection(IRecordsService* service, QWidget* parent)
    : PagedSection(parent),
      m_service(service),
      m_model(new RecordTableModel(RecordKind::Documents, this)),
      m_details(new QPushButton(tr("&Details…"), this)),
      m_table(new QTableView(this)),
      m_viewer(new DocumentViewer(this))
{
    setObjectName(u"documentsSection"_s);
    m_model->setService(service);
    setUpRowButton(m_details, u"detailsButton"_s, tr("Details"));
    m_table->setObjectName(u"documentsTableView"_s);
    m_table->setAccessibleName(tr("Documents"));
    m_table->setModel(m_model);
    configureRecordTable(m_table, m_model->columnOf(RecordTableModel::Column::Date), 30);
    setUpPaging(m_model, m_table, tr("Filter documents by title"), tr("Filter documents"));

    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(u"documentsSplitter"_s);
    splitter->addWidget(m_table);
    splitter->addWidget(m_viewer);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    splitter->setChildrenCollapsible(false);
    layOut({{filterEdit(), 2}, {countLabel(), 1}, {m_details, 0}}, splitter);

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
    m_profileId = profile.id;
    m_shown.clear();
    PagedSection::setProfile(profile);
    m_viewer->showMessage(tr("Choose a document to read it here."));
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

void DocumentsSection::clearFilters()
{
    PagedSection::clearFilters();
    m_model->resetFilters(StatusFilter::All);
}

PagedSection::CountTexts DocumentsSection::countTexts() const
{
    return {tr("Loading…"), tr("No documents found."), [](int n) { return tr("%Ln document(s)", nullptr, n); }};
}

} // namespace hh::ui
