#include "ui/RecordsSection.h"

#include "ui/MessageBoxes.h"
#include "ui/RecordTableModel.h"
#include "ui/TableSetup.h"

#include <QComboBox>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalBlocker>
#include <QStyle>
#include <QTableView>

using namespace Qt::StringLiterals;

namespace hh::ui {

using namespace hh::records;

namespace {
QString emptyText(RecordKind kind)
{
    switch (kind) {
    case RecordKind::Conditions:
        return RecordsSection::tr("No conditions found.");
    case RecordKind::Medications:
        return RecordsSection::tr("No medications found.");
    case RecordKind::Allergies:
        return RecordsSection::tr("No allergies found.");
    case RecordKind::Immunizations:
        return RecordsSection::tr("No immunizations found.");
    case RecordKind::Procedures:
        return RecordsSection::tr("No procedures found.");
    default:
        return RecordsSection::tr("No records found.");
    }
}

QString activeLabel(RecordKind kind)
{
    switch (kind) {
    case RecordKind::Conditions:
        return RecordsSection::tr("Current conditions");
    case RecordKind::Medications:
        return RecordsSection::tr("Current medications");
    case RecordKind::Allergies:
        return RecordsSection::tr("Active allergies");
    case RecordKind::Immunizations:
        return RecordsSection::tr("Given");
    default:
        return RecordsSection::tr("Active");
    }
}

QString inactiveLabel(RecordKind kind)
{
    switch (kind) {
    case RecordKind::Conditions:
        return RecordsSection::tr("Past conditions");
    case RecordKind::Medications:
        return RecordsSection::tr("Past medications");
    case RecordKind::Immunizations:
        return RecordsSection::tr("Not given");
    default:
        return RecordsSection::tr("Inactive");
    }
}
} // namespace

RecordsSection::RecordsSection(RecordKind kind, IRecordsService* service, QWidget* parent)
    : PagedSection(parent),
      m_kind(kind),
      m_model(new RecordTableModel(kind, this)),
      m_status(new QComboBox(this)),
      m_details(new QPushButton(tr("&Details…"), this)),
      m_table(new QTableView(this))
{
    setObjectName(u"recordsSection"_s);
    m_model->setService(service);

    m_status->setObjectName(u"statusComboBox"_s);
    m_status->setAccessibleName(tr("Which records"));
    m_status->addItem(activeLabel(kind), static_cast<int>(StatusFilter::Active));
    m_status->addItem(tr("All"), static_cast<int>(StatusFilter::All));
    m_status->addItem(inactiveLabel(kind), static_cast<int>(StatusFilter::Inactive));
    clearFilters(); // the default status: current things first, all of the history kinds
    setUpRowButton(m_details, u"detailsButton"_s, tr("Details"));

    m_table->setObjectName(u"recordsTableView"_s);
    m_table->setAccessibleName(recordKindLabel(kind));
    m_table->setModel(m_model);
    configureRecordTable(m_table, m_model->columnOf(RecordTableModel::Column::Date), 40);
    // Codes fit whole up to ten digits ("SNOMED CT 433144002").
    if (const int code = m_model->columnOf(RecordTableModel::Column::Code); code >= 0)
        m_table->setColumnWidth(code, m_table->fontMetrics().horizontalAdvance(u"SNOMED CT 0000000000"_s)
                                          + 2 * m_table->style()->pixelMetric(QStyle::PM_FocusFrameHMargin) + 8);
    setUpPaging(m_model, m_table, tr("Filter by name or code"),
                tr("Filter %1").arg(recordKindLabel(kind)));
    showLoadFailures(tr("The records could not be read."));
    layOut({{filterEdit(), 2}, {m_status, 1}, {countLabel(), 1}, {m_details, 0}}, m_table);

    connect(m_status, &QComboBox::currentIndexChanged, this,
            [this] { m_model->setStatusFilter(static_cast<StatusFilter>(m_status->currentData().toInt())); });
    // Also as later pages come in (the other paged sections count on the first page only).
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &RecordsSection::updateCount);
    connect(m_table, &QTableView::activated, this, [this] { activateCurrent(); });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this] { m_details->setEnabled(!currentRecordId().isEmpty()); });
    connect(m_details, &QPushButton::clicked, this, &RecordsSection::activateCurrent);
    updateCount();
}

RecordsSection::~RecordsSection() = default;

QString RecordsSection::currentRecordId() const
{
    return m_table->currentIndex().data(RecordTableModel::RecordIdRole).toString();
}

void RecordsSection::activateCurrent()
{
    const QString id = currentRecordId();
    if (!id.isEmpty())
        Q_EMIT recordActivated(id);
}

void RecordsSection::clearFilters()
{
    PagedSection::clearFilters();
    // Current things first where "current" means something; immunizations and procedures are history.
    const bool historyKind = m_kind == RecordKind::Immunizations || m_kind == RecordKind::Procedures;
    const QSignalBlocker blocker(m_status);
    m_status->setCurrentIndex(historyKind ? 1 : 0);
    m_model->resetFilters(historyKind ? StatusFilter::All : StatusFilter::Active);
}

PagedSection::CountTexts RecordsSection::countTexts() const
{
    return {tr("Loading…"), emptyText(m_kind), [](int n) { return tr("%Ln record(s)", nullptr, n); }};
}

} // namespace hh::ui
