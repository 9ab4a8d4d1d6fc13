#pragma once

#include "core/records/RecordTypes.h"
#include "ui/ProfileSection.h"

#include <QPointer>

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

class RecordTableModel;

// A table of one kind of record (conditions, medications, allergies, immunizations, procedures):
// filter by name or code, active/all/inactive, sortable columns — all answered by the service —
// and Enter or double-click opens the record. objectNames: filterLineEdit, statusComboBox,
// recordsTableView, countLabel, detailsButton.
class RecordsSection final : public ProfileSection
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RecordsSection)
public:
    RecordsSection(records::RecordKind kind, records::IRecordsService* service, QWidget* parent = nullptr);
    ~RecordsSection() override;

    void setProfile(const Profile& profile) override;
    void ensureLoaded() override;
    void refresh() override;
    [[nodiscard]] QWidget* focusTarget() const override;

    [[nodiscard]] RecordTableModel* model() const { return m_model; }
    [[nodiscard]] QTableView* tableView() const { return m_table; }
    [[nodiscard]] QString currentRecordId() const;

private:
    void updateCount();
    void activateCurrent();

    records::RecordKind m_kind;
    RecordTableModel* m_model;
    QLineEdit* m_filter;
    QComboBox* m_status;
    QLabel* m_count;
    QPushButton* m_details;
    QTableView* m_table;
    QTimer* m_filterTimer;
    bool m_loaded = false;
};

} // namespace hh::ui
