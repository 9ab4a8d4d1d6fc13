#pragma once

#include "core/Domain.h"
#include "core/records/RecordTypes.h"
#include "ui/SessionServices.h"

#include <QMap>
#include <QPointer>
#include <QWidget>

class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QStackedWidget;
class QToolButton;

namespace hh::ui {

class ProfileSection;
class RecordDetailsDialog;
class SearchResultsView;
class TestChartDialog;

// One family member's health record, read from the vault (works offline): a header (avatar, name,
// age, sync state, search, export), a section list on the left and the section on the right:
// Summary, Conditions, Medications, Allergies, Labs & vitals, Immunizations, Encounters (timeline),
// Documents, Sources & sync history, and search results. Records open in a details dialog
// (sources, conflicts, raw FHIR JSON); tests open in a chart.
//
// Keyboard: Alt+Left goes back to the family, Ctrl+1…Ctrl+9 choose a section, Ctrl+F searches.
// objectNames: backToFamilyButton, profileAvatarLabel, profileNameLabel, profileDetailsLabel,
// profileSyncLabel, profileSearchLineEdit, exportPdfButton, sectionListWidget, sectionStackedWidget.
class ProfileView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProfileView)
public:
    enum class Section { Summary, Conditions, Medications, Allergies, Labs, Immunizations, Encounters, Documents,
                         Sources, Search };
    Q_ENUM(Section)

    explicit ProfileView(const SessionServices& services, QWidget* parent = nullptr);
    ~ProfileView() override;

    // Shows a profile, starting at the summary (a new profile) or keeping the section (the same one).
    void setProfile(const Profile& profile);
    [[nodiscard]] const Profile& profile() const { return m_profile; }

    void showSection(Section section);
    [[nodiscard]] Section currentSection() const;
    [[nodiscard]] ProfileSection* section(Section section) const;
    [[nodiscard]] SearchResultsView* searchView() const { return m_search; }
    [[nodiscard]] QLineEdit* searchField() const { return m_searchEdit; }

    // Searches this profile's records and shows the results.
    void search(const QString& text);
    // The profile's data changed: refresh the header and the sections already shown.
    void refresh();

    void openRecord(const QString& recordId);
    void openRecordByKey(const QString& resourceType, const QString& dedupKey);
    void openChart(const QString& codeSystem, const QString& code, const QString& display);
    // Opens what a search hit points at: a test's chart, or the record.
    void openHit(const records::SearchHit& hit);
    [[nodiscard]] RecordDetailsDialog* recordDialog() const;
    [[nodiscard]] TestChartDialog* chartDialog() const;

    // The session is ending: drop widgets that use its services (the sync panel).
    void endSession();

Q_SIGNALS:
    void backRequested();
    void connectRequested();
    void exportPdfRequested();
    void sectionChanged(hh::ui::ProfileView::Section section);

private:
    void addSection(Section section, const QString& label, const QString& icon, ProfileSection* widget);
    void updateHeader();
    void loadOverview();
    // Closes the record dialog shown (if any) and makes its successor (deleted when closed).
    [[nodiscard]] RecordDetailsDialog* newRecordDialog();

    SessionServices m_services;
    Profile m_profile;
    records::ProfileOverview m_overview;
    QToolButton* m_back;
    QLabel* m_avatar;
    QLabel* m_name;
    QLabel* m_details;
    QLabel* m_sync;
    QLineEdit* m_searchEdit;
    QPushButton* m_exportPdf;
    QListWidget* m_nav;
    QStackedWidget* m_stack;
    SearchResultsView* m_search;
    QMap<Section, ProfileSection*> m_sections;
    QList<Section> m_order; // nav rows
    QPointer<RecordDetailsDialog> m_recordDialog;
    QPointer<TestChartDialog> m_chartDialog;
};

} // namespace hh::ui
