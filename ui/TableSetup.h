#pragma once

class QTableView;

namespace hh::ui {

// The common look and keyboard behaviour of record tables: whole-row selection, one row at a time,
// sortable headers, alternating rows, no grid, the last column stretching, no row numbers, Tab
// leaving the table (arrows move inside it).
void configureRecordTable(QTableView* view);

} // namespace hh::ui
