#include "ui/EncountersSection.h"

#include "ui/RecordTableModel.h"
#include "ui/TimelineDelegate.h"

#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>

using namespace Qt::StringLiterals;

namespace hh::ui {

using namespace hh::records;

EncountersSection::EncountersSection(IRecordsService* service, QWidget* parent)
    : PagedSection(parent),
      m_model(new RecordTableModel(RecordKind::Encounters, this)),
      m_details(new QPushButton(tr("&Details…"), this)),
      m_list(new QListView(this))
{
    setObjectName(u"encountersSection"_s);
    m_model->setService(service);
    setUpRowButton(m_details, u"detailsButton"_s, tr("Details"));
    m_list->setObjectName(u"encountersListView"_s);
    m_list->setAccessibleName(tr("Visits, newest first"));
    m_list->setModel(m_model);
    m_list->setItemDelegate(new TimelineDelegate(m_list));
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_list->setUniformItemSizes(false);
    setUpPaging(m_model, m_list, tr("Filter visits by name"), tr("Filter visits"));
    layOut({{filterEdit(), 2}, {countLabel(), 1}, {m_details, 0}}, m_list);

    connect(m_list, &QListView::activated, this, &EncountersSection::activateCurrent);
    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex& current) { m_details->setEnabled(current.isValid()); });
    connect(m_details, &QPushButton::clicked, this, &EncountersSection::activateCurrent);
    updateCount();
}

EncountersSection::~EncountersSection() = default;

void EncountersSection::activateCurrent()
{
    const QString id = m_list->currentIndex().data(RecordTableModel::RecordIdRole).toString();
    if (!id.isEmpty())
        Q_EMIT recordActivated(id);
}

void EncountersSection::clearFilters()
{
    PagedSection::clearFilters();
    m_model->resetFilters(StatusFilter::All);
}

PagedSection::CountTexts EncountersSection::countTexts() const
{
    return {tr("Loading…"), tr("No visits found."), [](int n) { return tr("%Ln visit(s)", nullptr, n); }};
}

} // namespace hh::ui
