#pragma once

class QTableView;

namespace hh::ui {

// The common look and keyboard behaviour of record tables: whole-row selection, one row at a time,
// sortable headers, alternating rows, no grid, the last column stretching, no row numbers, Tab
// leaving the table (arrows move inside it).
void configureRecordTable(QTableView* view);
// The same, sorted by dateColumn (newest first) at the start, the first column firstColumnChars
// average characters wide. Call after the view has its model.
void configureRecordTable(QTableView* view, int dateColumn, int firstColumnChars);

} // namespace hh::ui
