#pragma once

#include "ui/PagedSection.h"

class QCheckBox;
class QComboBox;
class QPushButton;
class QTableView;

namespace hh::records {
class IRecordsService;
}

namespace hh::ui {

class TestTableModel;

// Labs & vitals: one row per test with its latest value, unit, reference range, flag and trend;
// filter by name or code, by kind (labs, vital signs, other), abnormal only. Opening a test
// (Enter, double-click, "Show chart…") asks for its chart. objectNames: filterLineEdit,
// kindComboBox, abnormalOnlyCheckBox, testsTableView, countLabel, showChartButton.
class LabsSection final : public PagedSection
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LabsSection)
public:
    explicit LabsSection(records::IRecordsService* service, QWidget* parent = nullptr);
    ~LabsSection() override;

    [[nodiscard]] TestTableModel* model() const { return m_model; }
    [[nodiscard]] QTableView* tableView() const { return m_table; }
    void openCurrent();

private:
    [[nodiscard]] CountTexts countTexts() const override;
    void clearFilters() override;

    TestTableModel* m_model;
    QComboBox* m_kind;
    QCheckBox* m_abnormal;
    QPushButton* m_chart;
    QTableView* m_table;
};

} // namespace hh::ui
