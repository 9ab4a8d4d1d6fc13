#include "ui/TableSetup.h"

#include <QHeaderView>
#include <QTableView>

namespace hh::ui {

void configureRecordTable(QTableView* view)
{
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setAlternatingRowColors(true);
    view->setShowGrid(false);
    view->setWordWrap(false);
    view->setTabKeyNavigation(false);
    view->setSortingEnabled(true);
    view->verticalHeader()->hide();
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 10);
    view->horizontalHeader()->setStretchLastSection(true);
    view->horizontalHeader()->setHighlightSections(false);
    view->horizontalHeader()->setSectionsMovable(false);
    view->horizontalHeader()->setDefaultSectionSize(view->fontMetrics().averageCharWidth() * 18);
}

void configureRecordTable(QTableView* view, int dateColumn, int firstColumnChars)
{
    configureRecordTable(view);
    view->horizontalHeader()->setSortIndicator(dateColumn, Qt::DescendingOrder);
    view->setColumnWidth(0, view->fontMetrics().averageCharWidth() * firstColumnChars);
}

} // namespace hh::ui
