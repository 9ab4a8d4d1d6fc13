#include "ui/TestTableModel.h"

#include "core/Log.h"
#include "core/records/IRecordsService.h"
#include "ui/Async.h"
#include "ui/RecordFormat.h"
#include "ui/Theme.h"

#include <QApplication>
#include <QIcon>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace hh::ui {

using namespace hh::records;

TestTableModel::TestTableModel(QObject* parent) : QAbstractTableModel(parent)
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

void TestTableModel::setAbnormalOnly(bool abnormalOnly)
{
    if (m_query.abnormalOnly == abnormalOnly)
        return;
    m_query.abnormalOnly = abnormalOnly;
    reload();
}

void TestTableModel::setPageSize(int rows)
{
    m_pageSize = std::clamp(rows, 1, 1000);
}

void TestTableModel::clearRows()
{
    ++m_generation;
    beginResetModel();
    m_rows.clear();
    m_total = -1;
    setFetching(false); // before the reset ends: views may ask for the first page right away
    endResetModel();
}

void TestTableModel::setFetching(bool fetching)
{
    if (m_fetching == fetching)
        return;
    m_fetching = fetching;
    Q_EMIT loadingChanged(fetching);
}

void TestTableModel::ensureLoaded()
{
    if (m_total < 0 && canFetchMore(QModelIndex()))
        fetchMore(QModelIndex());
}

void TestTableModel::reload()
{
    clearRows();
    if (canFetchMore(QModelIndex()))
        fetchMore(QModelIndex());
}

bool TestTableModel::canFetchMore(const QModelIndex& parent) const
{
    if (parent.isValid() || !m_service || m_query.profileId.isEmpty() || m_fetching)
        return false;
    return m_total < 0 || m_rows.size() < m_total;
}

void TestTableModel::fetchMore(const QModelIndex& parent)
{
    if (!canFetchMore(parent))
        return;
    TestQuery q = m_query;
    q.offset = static_cast<int>(m_rows.size());
    q.limit = m_pageSize;
    const quint64 generation = m_generation;
    setFetching(true);
    whenFinished(m_service->tests(q), this, [this, generation, offset = q.offset](const Result<TestPage>& r) {
        if (generation != m_generation)
            return;
        // Still "fetching" while the rows go in: a view (or model tester) reacting to rowsInserted
        // must not ask for the same page again.
        if (!r.ok()) {
            setFetching(false);
            if (r.error().code() != ErrorCode::Cancelled) {
                qCWarning(lcUi) << "reading tests failed:" << r.error().detail();
                Q_EMIT loadFailed(r.error());
            }
            m_total = static_cast<int>(m_rows.size());
            return;
        }
        if (offset != m_rows.size()) {
            setFetching(false);
            return;
        }
        const TestPage& page = r.value();
        m_total = page.totalCount;
        if (!page.rows.isEmpty()) {
            const int from = static_cast<int>(m_rows.size());
            beginInsertRows(QModelIndex(), from, from + static_cast<int>(page.rows.size()) - 1);
            m_rows.append(page.rows);
            endInsertRows();
        }
        setFetching(false);
        if (offset == 0)
            Q_EMIT loaded(m_total);
    });
}

void TestTableModel::refresh()
{
    if (!m_service || m_query.profileId.isEmpty())
        return;
    if (m_rows.isEmpty()) {
        reload();
        return;
    }
    TestQuery q = m_query;
    q.offset = 0;
    q.limit = std::max(m_pageSize, static_cast<int>(m_rows.size()));
    const quint64 generation = ++m_generation;
    setFetching(true);
    whenFinished(m_service->tests(q), this, [this, generation](const Result<TestPage>& r) {
        if (generation != m_generation)
            return;
        if (!r.ok()) {
            setFetching(false);
            return;
        }
        const TestPage& page = r.value();
        bool same = page.rows.size() == m_rows.size();
        for (qsizetype i = 0; same && i < page.rows.size(); ++i)
            same = page.rows.at(i).code == m_rows.at(i).code && page.rows.at(i).codeSystem == m_rows.at(i).codeSystem
                   && page.rows.at(i).display == m_rows.at(i).display;
        m_total = page.totalCount;
        if (same) {
            m_rows = page.rows;
            if (!m_rows.isEmpty())
                Q_EMIT dataChanged(index(0, 0), index(static_cast<int>(m_rows.size()) - 1, ColumnCount - 1));
        } else {
            beginResetModel();
            m_rows = page.rows;
            endResetModel();
        }
        setFetching(false);
    });
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
    if (m_query.sort == key && m_query.descending == descending && m_total >= 0)
        return;
    m_query.sort = key;
    m_query.descending = descending;
    if (m_total >= 0 || m_fetching)
        reload();
}

} // namespace hh::ui
