#include "ui/SearchResultsModel.h"

#include "ui/RecordFormat.h"

#include <QLocale>

namespace hh::ui {

using namespace hh::records;

SearchResultsModel::SearchResultsModel(QObject* parent) : QAbstractTableModel(parent) {}

SearchResultsModel::~SearchResultsModel() = default;

void SearchResultsModel::setHits(QList<SearchHit> hits)
{
    beginResetModel();
    m_hits = std::move(hits);
    endResetModel();
}

void SearchResultsModel::clear()
{
    setHits({});
}

const SearchHit* SearchResultsModel::hitAt(int row) const
{
    return row >= 0 && row < m_hits.size() ? &m_hits.at(row) : nullptr;
}

int SearchResultsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_hits.size());
}

int SearchResultsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SearchResultsModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const SearchHit& h = m_hits.at(index.row());
    if (role == HitRole)
        return QVariant::fromValue(h);
    if (role != Qt::DisplayRole && role != Qt::AccessibleTextRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case NameColumn:
        return h.display;
    case KindColumn:
        return resourceTypeLabel(h.resourceType);
    case PersonColumn:
        return h.profileName;
    case DateColumn:
        return RecordFormat::date(h.effectiveAt);
    case CodeColumn:
        return RecordFormat::code(h.codeSystem, h.code);
    case CountColumn:
        return h.count > 1 ? tr("%1 results").arg(QLocale().toString(h.count)) : QString();
    default:
        return {};
    }
}

QVariant SearchResultsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role != Qt::DisplayRole && role != Qt::AccessibleTextRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Record");
    case KindColumn:
        return tr("Kind");
    case PersonColumn:
        return tr("Family member");
    case DateColumn:
        return tr("Latest");
    case CodeColumn:
        return tr("Code");
    case CountColumn:
        return tr("Matches");
    default:
        return {};
    }
}

} // namespace hh::ui
