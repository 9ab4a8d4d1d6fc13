#include "ui/LabsSection.h"

#include "core/records/RecordTypes.h"
#include "ui/TableSetup.h"
#include "ui/TestTableModel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalBlocker>
#include <QTableView>

using namespace Qt::StringLiterals;

namespace hh::ui {

using namespace hh::records;

LabsSection::LabsSection(IRecordsService* service, QWidget* parent)
    : PagedSection(parent),
      m_model(new TestTableModel(this)),
      m_kind(new QComboBox(this)),
      m_abnormal(new QCheckBox(tr("&Out of range only"), this)),
      m_chart(new QPushButton(tr("Show cha&rt…"), this)),
      m_table(new QTableView(this))
{
    setObjectName(u"labsSection"_s);
    m_model->setService(service);

    m_kind->setObjectName(u"kindComboBox"_s);
    m_kind->setAccessibleName(tr("Kind of test"));
    m_kind->addItem(tr("Labs and vitals"), static_cast<int>(TestKind::Any));
    m_kind->addItem(tr("Lab results"), static_cast<int>(TestKind::Lab));
    m_kind->addItem(tr("Vital signs"), static_cast<int>(TestKind::Vital));
    m_kind->addItem(tr("Other observations"), static_cast<int>(TestKind::Other));
    m_abnormal->setObjectName(u"abnormalOnlyCheckBox"_s);
    setUpRowButton(m_chart, u"showChartButton"_s, tr("Show chart"));
    m_chart->setIcon(QIcon(u":/icons/chart.svg"_s));

    m_table->setObjectName(u"testsTableView"_s);
    m_table->setAccessibleName(tr("Labs and vital signs"));
    m_table->setModel(m_model);
    configureRecordTable(m_table, TestTableModel::DateColumn, 36);
    // Results with long units ("35 mL/min/1.73 m²", bold when out of range) fit without eliding; the trend
    // ("↑ Rising") gives up the room.
    const int charWidth = m_table->fontMetrics().averageCharWidth();
    m_table->setColumnWidth(TestTableModel::ResultColumn, charWidth * 24);
    m_table->setColumnWidth(TestTableModel::TrendColumn, charWidth * 12);
    setUpPaging(m_model, m_table, tr("Filter by test name or code"), tr("Filter tests"));
    showLoadFailures(tr("The results could not be read."));
    layOut({{filterEdit(), 2}, {m_kind, 1}, {m_abnormal, 0}, {countLabel(), 1}, {m_chart, 0}}, m_table);

    connect(m_kind, &QComboBox::currentIndexChanged, this,
            [this] { m_model->setKind(static_cast<TestKind>(m_kind->currentData().toInt())); });
    connect(m_abnormal, &QCheckBox::toggled, m_model, &TestTableModel::setAbnormalOnly);
    connect(m_table, &QTableView::activated, this, &LabsSection::openCurrent);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex& current) { m_chart->setEnabled(current.isValid()); });
    connect(m_chart, &QPushButton::clicked, this, &LabsSection::openCurrent);
    updateCount();
}

LabsSection::~LabsSection() = default;

void LabsSection::openCurrent()
{
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid())
        return;
    const TestRow t = current.data(TestTableModel::TestRole).value<TestRow>();
    Q_EMIT chartRequested(t.codeSystem, t.code, t.display);
}

void LabsSection::clearFilters()
{
    PagedSection::clearFilters();
    const QSignalBlocker kindBlocker(m_kind);
    const QSignalBlocker abnormalBlocker(m_abnormal);
    m_kind->setCurrentIndex(m_kind->findData(static_cast<int>(TestKind::Any)));
    m_abnormal->setChecked(false);
    m_model->resetFilters();
}

PagedSection::CountTexts LabsSection::countTexts() const
{
    return {tr("Loading…"), tr("No results found."), [](int n) { return tr("%Ln test(s)", nullptr, n); }};
}

} // namespace hh::ui
