#include "ui/LabsSection.h"

#include "core/records/RecordTypes.h"
#include "ui/TableSetup.h"
#include "ui/TestTableModel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
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

LabsSection::LabsSection(IRecordsService* service, QWidget* parent)
    : ProfileSection(parent),
      m_model(new TestTableModel(this)),
      m_filter(new QLineEdit(this)),
      m_kind(new QComboBox(this)),
      m_abnormal(new QCheckBox(tr("&Out of range only"), this)),
      m_count(new QLabel(this)),
      m_chart(new QPushButton(tr("Show c&hart…"), this)),
      m_table(new QTableView(this)),
      m_filterTimer(new QTimer(this))
{
    setObjectName(u"labsSection"_s);
    m_model->setService(service);

    m_filter->setObjectName(u"filterLineEdit"_s);
    m_filter->setPlaceholderText(tr("Filter by test name or code"));
    m_filter->setAccessibleName(tr("Filter tests"));
    m_filter->setClearButtonEnabled(true);
    m_kind->setObjectName(u"kindComboBox"_s);
    m_kind->setAccessibleName(tr("Kind of test"));
    m_kind->addItem(tr("Labs and vitals"), static_cast<int>(TestKind::Any));
    m_kind->addItem(tr("Lab results"), static_cast<int>(TestKind::Lab));
    m_kind->addItem(tr("Vital signs"), static_cast<int>(TestKind::Vital));
    m_kind->addItem(tr("Other observations"), static_cast<int>(TestKind::Other));
    m_abnormal->setObjectName(u"abnormalOnlyCheckBox"_s);
    m_count->setObjectName(u"countLabel"_s);
    m_chart->setObjectName(u"showChartButton"_s);
    m_chart->setAccessibleName(tr("Show chart"));
    m_chart->setIcon(QIcon(u":/icons/chart.svg"_s));
    m_chart->setEnabled(false);

    m_table->setObjectName(u"testsTableView"_s);
    m_table->setAccessibleName(tr("Labs and vital signs"));
    m_table->setModel(m_model);
    configureRecordTable(m_table);
    m_table->horizontalHeader()->setSortIndicator(TestTableModel::DateColumn, Qt::DescendingOrder);
    m_table->setColumnWidth(TestTableModel::TestColumn, m_table->fontMetrics().averageCharWidth() * 36);

    m_filterTimer->setSingleShot(true);
    m_filterTimer->setInterval(250);

    auto* bar = new QHBoxLayout;
    bar->addWidget(m_filter, 2);
    bar->addWidget(m_kind, 1);
    bar->addWidget(m_abnormal);
    bar->addWidget(m_count, 1);
    bar->addWidget(m_chart);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(m_table, 1);

    connect(m_filter, &QLineEdit::textChanged, m_filterTimer, qOverload<>(&QTimer::start));
    connect(m_filterTimer, &QTimer::timeout, this, [this] { m_model->setFilterText(m_filter->text().trimmed()); });
    connect(m_kind, &QComboBox::currentIndexChanged, this,
            [this] { m_model->setKind(static_cast<TestKind>(m_kind->currentData().toInt())); });
    connect(m_abnormal, &QCheckBox::toggled, m_model, &TestTableModel::setAbnormalOnly);
    connect(m_model, &TestTableModel::loaded, this, &LabsSection::updateCount);
    connect(m_model, &TestTableModel::loadingChanged, this, &LabsSection::updateCount);
    connect(m_model, &QAbstractItemModel::modelReset, this, &LabsSection::updateCount);
    connect(m_model, &TestTableModel::loaded, this, [this] {
        if (!m_table->currentIndex().isValid() && m_model->rowCount() > 0)
            m_table->setCurrentIndex(m_model->index(0, 0));
    });
    connect(m_model, &TestTableModel::loadFailed, this, [this](const Error& e) {
        m_count->setText(e.message().isEmpty() ? tr("The results could not be read.") : e.message());
    });
    connect(m_table, &QTableView::activated, this, &LabsSection::openCurrent);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex& current) { m_chart->setEnabled(current.isValid()); });
    connect(m_chart, &QPushButton::clicked, this, &LabsSection::openCurrent);
    updateCount();
}

LabsSection::~LabsSection() = default;

void LabsSection::setProfile(const Profile& profile)
{
    m_loaded = false;
    m_model->setProfileId(profile.id);
}

void LabsSection::ensureLoaded()
{
    if (m_loaded)
        return;
    m_loaded = true;
    m_model->ensureLoaded();
}

void LabsSection::refresh()
{
    if (m_loaded)
        m_model->refresh();
}

QWidget* LabsSection::focusTarget() const
{
    return m_table;
}

void LabsSection::openCurrent()
{
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid())
        return;
    const TestRow t = current.data(TestTableModel::TestRole).value<TestRow>();
    Q_EMIT chartRequested(t.codeSystem, t.code, t.display);
}

void LabsSection::updateCount()
{
    if (m_model->isLoading() && m_model->rowCount() == 0) {
        m_count->setText(tr("Loading…"));
        return;
    }
    const int total = m_model->totalCount();
    if (total < 0)
        m_count->clear();
    else if (total == 0)
        m_count->setText(tr("No results found."));
    else if (total == 1)
        m_count->setText(tr("1 test"));
    else
        m_count->setText(tr("%1 tests").arg(QLocale().toString(total)));
}

} // namespace hh::ui
