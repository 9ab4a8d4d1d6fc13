#pragma once

#include "ui/PagedSection.h"

class QListView;
class QPushButton;

namespace hh::records {
class IRecordsService;
}

namespace hh::ui {

class RecordTableModel;

// Encounters as a timeline, newest first (upcoming visits at the top), paged like the tables.
// objectNames: filterLineEdit, encountersListView, countLabel, detailsButton.
class EncountersSection final : public PagedSection
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EncountersSection)
public:
    explicit EncountersSection(records::IRecordsService* service, QWidget* parent = nullptr);
    ~EncountersSection() override;

    [[nodiscard]] RecordTableModel* model() const { return m_model; }
    [[nodiscard]] QListView* listView() const { return m_list; }

private:
    [[nodiscard]] CountTexts countTexts() const override;
    void clearFilters() override;
    void activateCurrent();

    RecordTableModel* m_model;
    QPushButton* m_details;
    QListView* m_list;
};

} // namespace hh::ui
