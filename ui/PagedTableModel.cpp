#include "ui/PagedTableModel.h"

#include <algorithm>

namespace hh::ui {

PagedTableModel::PagedTableModel(QObject* parent) : QAbstractTableModel(parent) {}

PagedTableModel::~PagedTableModel() = default;

void PagedTableModel::setPageSize(int rows)
{
    m_pageSize = std::clamp(rows, 1, 1000);
}

void PagedTableModel::clearRows()
{
    ++m_generation; // whatever is in flight belongs to the old query
    beginResetModel();
    dropRows();
    m_total = -1;
    setFetching(false); // before the reset ends: views may ask for the first page right away
    endResetModel();
}

void PagedTableModel::setFetching(bool fetching)
{
    if (m_fetching == fetching)
        return;
    m_fetching = fetching;
    Q_EMIT loadingChanged(fetching);
}

void PagedTableModel::ensureLoaded()
{
    if (m_total < 0 && canFetchMore(QModelIndex()))
        fetchMore(QModelIndex());
}

void PagedTableModel::reload()
{
    clearRows();
    if (canFetchMore(QModelIndex()))
        fetchMore(QModelIndex());
}

bool PagedTableModel::canFetchMore(const QModelIndex& parent) const
{
    if (parent.isValid() || !canRead() || m_fetching)
        return false;
    return m_total < 0 || rowCount() < m_total;
}

void PagedTableModel::fetchMore(const QModelIndex& parent)
{
    if (!canFetchMore(parent))
        return;
    requestPage(rowCount(), m_pageSize);
}

void PagedTableModel::refresh()
{
    if (!canRead())
        return;
    if (rowCount() == 0) {
        reload();
        return;
    }
    requestRefresh(std::max(m_pageSize, rowCount()));
}

} // namespace hh::ui
