#include "ui/TestTableModel.h"

#include "core/records/IRecordsService.h"
#include "ui/RecordFormat.h"
#include "ui/Theme.h"

#include <QApplication>
#include <QIcon>

using namespace Qt::StringLiterals;

namespace hh::ui {

using namespace hh::records;

TestTableModel::TestTableModel(QObject* parent) : PagedTableModel(parent)
{
    m_query.sort = TestSort::Date;
    m_query.descending = true;
}

TestTableModel::~TestTableModel() = default;

void TestTableModel::setService(IRecordsService* service)
{
    m_service = service;
    clearRows();
}

void TestTableModel::setProfileId(const QString& profileId)
{
    if (m_query.profileId == profileId)
        return;
    m_query.profileId = profileId;
    clearRows();
}

void TestTableModel::setFilterText(const QString& text)
{
    if (m_query.text == text)
        return;
    m_query.text = text;
    reload();
}

void TestTableModel::setKind(TestKind kind)
{
    if (m_query.kind == kind)
        return;
    m_query.kind = kind;
    reload();
}

void TestTableModel::resetFilters()
{
    m_query.text.clear();
    m_query.kind = TestKind::Any;
    m_query.abnormalOnly = false;
}

void TestTableModel::setAbnormalOnly(bool abnormalOnly)
{
    if (m_query.abnormalOnly == abnormalOnly)
        return;
    m_query.abnormalOnly = abnormalOnly;
    reload();
}

bool TestTableModel::canRead() const
{
    return m_service && !m_query.profileId.isEmpty();
}

void TestTableModel::dropRows()
{
    m_rows.clear();
}

void TestTableModel::requestPage(int offset, int limit)
{
    TestQuery q = m_query;
    q.offset = offset;
    q.limit = limit;
    takePage(m_service->tests(q), m_rows, offset, "reading tests failed:");
}

void TestTableModel::requestRefresh(int limit)
{
    TestQuery q = m_query;
    q.offset = 0;
    q.limit = limit;
    // A failed refresh keeps the rows shown without a message (as before the paging was shared).
    takeRefresh(
        m_service->tests(q), m_rows,
        [](const TestRow& a, const TestRow& b) {
            return a.code == b.code && a.codeSystem == b.codeSystem && a.display == b.display;
        },
        false);
}

int TestTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int TestTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TestTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const TestRow& t = m_rows.at(index.row());
    const int column = index.column();
    auto text = [&]() -> QString {
        switch (column) {
        case TestColumn:
            return t.display;
        case ResultColumn:
            return RecordFormat::value(t.value, t.unit, t.valueText);
        case RangeColumn:
            return RecordFormat::range(t.rangeLow, t.rangeHigh, t.rangeText);
        case FlagColumn:
            return RecordFormat::abnormalLabel(t.abnormal);
        case TrendColumn:
            return t.trend == Trend::None
                       ? QString()
                       : tr("%1 %2", "trend arrow and word").arg(RecordFormat::trendArrow(t.trend),
                                                                 RecordFormat::trendLabel(t.trend));
        case DateColumn:
            return RecordFormat::dateTime(t.latestAt);
        case CountColumn:
            return QLocale().toString(t.resultCount);
        case KindColumn:
            return testKindLabel(t.kind);
        default:
            return {};
        }
    };
    switch (role) {
    case Qt::DisplayRole:
        return text();
    case Qt::AccessibleTextRole:
        if (column == TestColumn && t.hasConflict)
            return tr("%1 (the health systems disagree)").arg(t.display);
        return text();
    case Qt::ToolTipRole:
        if (column == TrendColumn && t.previousValue)
            return tr("Previous result: %1").arg(RecordFormat::value(t.previousValue, t.unit, QString()));
        if (column == TestColumn && t.hasConflict)
            return tr("The health systems disagree about the latest result.");
        if (column == TestColumn)
            return RecordFormat::code(t.codeSystem, t.code);
        return {};
    case Qt::DecorationRole:
        if (column == TestColumn && t.hasConflict)
            return QIcon(u":/icons/conflict.svg"_s);
        return {};
    case Qt::TextAlignmentRole:
        if (column == CountColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ForegroundRole:
        if ((column == ResultColumn || column == FlagColumn) && t.isAbnormal())
            return errorTextColor(QApplication::palette());
        return {};
    case Qt::FontRole:
        if ((column == ResultColumn || column == FlagColumn) && t.isAbnormal()) {
            QFont f = QApplication::font();
            f.setWeight(QFont::DemiBold);
            return f;
        }
        return {};
    case TestRole:
        return QVariant::fromValue(t);
    case AbnormalRole:
        return t.isAbnormal();
    case TrendRole:
        return static_cast<int>(t.trend);
    default:
        return {};
    }
}

QVariant TestTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role != Qt::DisplayRole && role != Qt::AccessibleTextRole)
        return {};
    switch (section) {
    case TestColumn:
        return tr("Test");
    case ResultColumn:
        return tr("Latest result");
    case RangeColumn:
        return tr("Reference range");
    case FlagColumn:
        return tr("Flag");
    case TrendColumn:
        return tr("Trend");
    case DateColumn:
        return tr("Date");
    case CountColumn:
        return tr("Results");
    case KindColumn:
        return tr("Kind");
    default:
        return {};
    }
}

void TestTableModel::sort(int column, Qt::SortOrder order)
{
    TestSort key;
    switch (column) {
    case TestColumn:
        key = TestSort::Name;
        break;
    case FlagColumn:
        key = TestSort::Flag;
        break;
    case DateColumn:
        key = TestSort::Date;
        break;
    case CountColumn:
        key = TestSort::Count;
        break;
    default:
        return;
    }
    const bool descending = order == Qt::DescendingOrder;
    if (m_query.sort == key && m_query.descending == descending && totalCount() >= 0)
        return;
    m_query.sort = key;
    m_query.descending = descending;
    if (totalCount() >= 0 || isLoading())
        reload();
}

} // namespace hh::ui
