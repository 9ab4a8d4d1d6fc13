#pragma once

#include "ui/ProfileSection.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class QTimer;

namespace hh::records {
class IRecordsService;
}

namespace hh::ui {

class TestTableModel;

// Labs & vitals: one row per test with its latest value, unit, reference range, flag and trend;
// filter by name or code, by kind (labs, vital signs, other), abnormal only. Opening a test
// (Enter, double-click, "Show chart…") asks for its chart. objectNames: filterLineEdit,
// kindComboBox, abnormalOnlyCheckBox, testsTableView, countLabel, showChartButton.
class LabsSection final : public ProfileSection
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LabsSection)
public:
    explicit LabsSection(records::IRecordsService* service, QWidget* parent = nullptr);
    ~LabsSection() override;

    void setProfile(const Profile& profile) override;
    void ensureLoaded() override;
    void refresh() override;
    [[nodiscard]] QWidget* focusTarget() const override;

    [[nodiscard]] TestTableModel* model() const { return m_model; }
    [[nodiscard]] QTableView* tableView() const { return m_table; }
    void openCurrent();

private:
    void updateCount();

    TestTableModel* m_model;
    QLineEdit* m_filter;
    QComboBox* m_kind;
    QCheckBox* m_abnormal;
    QLabel* m_count;
    QPushButton* m_chart;
    QTableView* m_table;
    QTimer* m_filterTimer;
    bool m_loaded = false;
};

} // namespace hh::ui
