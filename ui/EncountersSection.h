#pragma once

#include "ui/ProfileSection.h"

class QLabel;
class QLineEdit;
class QListView;
class QPushButton;
class QTimer;

namespace hh::records {
class IRecordsService;
}

namespace hh::ui {

class RecordTableModel;

// Encounters as a timeline, newest first (upcoming visits at the top), paged like the tables.
// objectNames: filterLineEdit, encountersListView, countLabel, detailsButton.
class EncountersSection final : public ProfileSection
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EncountersSection)
public:
    explicit EncountersSection(records::IRecordsService* service, QWidget* parent = nullptr);
    ~EncountersSection() override;

    void setProfile(const Profile& profile) override;
    void ensureLoaded() override;
    void refresh() override;
    [[nodiscard]] QWidget* focusTarget() const override;

    [[nodiscard]] RecordTableModel* model() const { return m_model; }
    [[nodiscard]] QListView* listView() const { return m_list; }

private:
    void updateCount();
    void activateCurrent();

    RecordTableModel* m_model;
    QLineEdit* m_filter;
    QLabel* m_count;
    QPushButton* m_details;
    QListView* m_list;
    QTimer* m_filterTimer;
    bool m_loaded = false;
};

} // namespace hh::ui
