#include "ui/RecordsSection.h"

#include "ui/MessageBoxes.h"
#include "ui/RecordTableModel.h"
#include "ui/TableSetup.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

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
    : ProfileSection(parent),
      m_kind(kind),
      m_model(new RecordTableModel(kind, this)),
      m_filter(new QLineEdit(this)),
      m_status(new QComboBox(this)),
      m_count(new QLabel(this)),
      m_details(new QPushButton(tr("&Details…"), this)),
      m_table(new QTableView(this)),
      m_filterTimer(new QTimer(this))
{
    setObjectName(u"recordsSection"_s);
    m_model->setService(service);

    m_filter->setObjectName(u"filterLineEdit"_s);
    m_filter->setPlaceholderText(tr("Filter by name or code"));
    m_filter->setAccessibleName(tr("Filter %1").arg(recordKindLabel(kind)));
    m_filter->setClearButtonEnabled(true);
    m_status->setObjectName(u"statusComboBox"_s);
    m_status->setAccessibleName(tr("Which records"));
    m_status->addItem(activeLabel(kind), static_cast<int>(StatusFilter::Active));
    m_status->addItem(tr("All"), static_cast<int>(StatusFilter::All));
    m_status->addItem(inactiveLabel(kind), static_cast<int>(StatusFilter::Inactive));
    // Current things first where "current" means something; immunizations and procedures are history.
    const bool historyKind = kind == RecordKind::Immunizations || kind == RecordKind::Procedures;
    m_status->setCurrentIndex(historyKind ? 1 : 0);
    m_model->setStatusFilter(historyKind ? StatusFilter::All : StatusFilter::Active);
    m_count->setObjectName(u"countLabel"_s);
    m_details->setObjectName(u"detailsButton"_s);
    m_details->setAccessibleName(tr("Details"));
    m_details->setEnabled(false);

    m_table->setObjectName(u"recordsTableView"_s);
    m_table->setAccessibleName(recordKindLabel(kind));
    m_table->setModel(m_model);
    configureRecordTable(m_table);
    const int dateColumn = m_model->columnOf(RecordTableModel::Column::Date);
    m_table->horizontalHeader()->setSortIndicator(dateColumn, Qt::DescendingOrder);
    m_table->setColumnWidth(0, m_table->fontMetrics().averageCharWidth() * 40);

    m_filterTimer->setSingleShot(true);
    m_filterTimer->setInterval(250);

    auto* bar = new QHBoxLayout;
    bar->addWidget(m_filter, 2);
    bar->addWidget(m_status, 1);
    bar->addWidget(m_count, 1);
    bar->addWidget(m_details);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(m_table, 1);

    connect(m_filter, &QLineEdit::textChanged, m_filterTimer, qOverload<>(&QTimer::start));
    connect(m_filterTimer, &QTimer::timeout, this, [this] { m_model->setFilterText(m_filter->text().trimmed()); });
    connect(m_status, &QComboBox::currentIndexChanged, this,
            [this] { m_model->setStatusFilter(static_cast<StatusFilter>(m_status->currentData().toInt())); });
    connect(m_model, &RecordTableModel::loaded, this, &RecordsSection::updateCount);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &RecordsSection::updateCount);
    connect(m_model, &QAbstractItemModel::modelReset, this, &RecordsSection::updateCount);
    connect(m_model, &RecordTableModel::loadingChanged, this, &RecordsSection::updateCount);
    connect(m_model, &RecordTableModel::loaded, this, [this] {
        if (!m_table->currentIndex().isValid() && m_model->rowCount() > 0)
            m_table->setCurrentIndex(m_model->index(0, 0));
    });
    connect(m_model, &RecordTableModel::loadFailed, this, [this](const Error& e) {
        m_count->setText(e.message().isEmpty() ? tr("The records could not be read.") : e.message());
    });
    connect(m_table, &QTableView::activated, this, [this] { activateCurrent(); });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this] { m_details->setEnabled(!currentRecordId().isEmpty()); });
    connect(m_details, &QPushButton::clicked, this, &RecordsSection::activateCurrent);
    updateCount();
}

RecordsSection::~RecordsSection() = default;

void RecordsSection::setProfile(const Profile& profile)
{
    m_loaded = false;
    m_model->setProfileId(profile.id);
}

void RecordsSection::ensureLoaded()
{
    if (m_loaded)
        return;
    m_loaded = true;
    m_model->ensureLoaded();
}

void RecordsSection::refresh()
{
    if (m_loaded)
        m_model->refresh();
}

QWidget* RecordsSection::focusTarget() const
{
    return m_table;
}

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

void RecordsSection::updateCount()
{
    if (m_model->isLoading() && m_model->rowCount() == 0) {
        m_count->setText(tr("Loading…"));
        return;
    }
    const int total = m_model->totalCount();
    if (total < 0)
        m_count->clear();
    else if (total == 0)
        m_count->setText(emptyText(m_kind));
    else if (total == 1)
        m_count->setText(tr("1 record"));
    else
        m_count->setText(tr("%1 records").arg(QLocale().toString(total)));
}

} // namespace hh::ui
