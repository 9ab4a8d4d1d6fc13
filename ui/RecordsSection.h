#pragma once

#include "core/records/RecordTypes.h"
#include "ui/PagedSection.h"

#include <QPointer>

class QComboBox;
class QPushButton;
class QTableView;

namespace hh::records {
class IRecordsService;
}

namespace hh::ui {

class RecordTableModel;

// A table of one kind of record (conditions, medications, allergies, immunizations, procedures):
// filter by name or code, active/all/inactive, sortable columns — all answered by the service —
// and Enter or double-click opens the record. objectNames: filterLineEdit, statusComboBox,
// recordsTableView, countLabel, detailsButton.
class RecordsSection final : public PagedSection
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RecordsSection)
public:
    RecordsSection(records::RecordKind kind, records::IRecordsService* service, QWidget* parent = nullptr);
    ~RecordsSection() override;

    [[nodiscard]] RecordTableModel* model() const { return m_model; }
    [[nodiscard]] QTableView* tableView() const { return m_table; }
    [[nodiscard]] QString currentRecordId() const;

private:
    [[nodiscard]] CountTexts countTexts() const override;
    void clearFilters() override;
    void activateCurrent();

    records::RecordKind m_kind;
    RecordTableModel* m_model;
    QComboBox* m_status;
    QPushButton* m_details;
    QTableView* m_table;
};

} // namespace hh::ui
