#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QListView;
class QProgressBar;
class QPushButton;
class QStackedWidget;

namespace hh::ui {

class ProfileListModel;

// The family dashboard: profile cards (name, relationship, age, sync state, counts, alerts) in an
// icon-mode list view, a search across the family's records, "Sync all" with overall progress, an
// empty state inviting to add the first family member, and a loading state until the first list
// arrives. objectNames: familySearchLineEdit, syncAllButton, syncAllProgressBar, syncStatusLabel,
// profileListView, addProfileButton.
class FamilyPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FamilyPage)
public:
    enum class State { Loading, Empty, List };

    explicit FamilyPage(ProfileListModel* model, QWidget* parent = nullptr);
    ~FamilyPage() override;

    [[nodiscard]] QListView* listView() const { return m_list; }
    [[nodiscard]] QLineEdit* searchField() const { return m_search; }
    [[nodiscard]] QPushButton* syncAllButton() const { return m_syncAll; }
    [[nodiscard]] QProgressBar* syncProgressBar() const { return m_syncProgress; }
    [[nodiscard]] QLabel* syncStatusLabel() const { return m_syncStatus; }

    // "Sync all": hidden without a sync engine; while running the button cancels.
    void setSyncAvailable(bool available);
    void setSyncRunning(int done, int total);
    void setSyncIdle(const QString& message);
    [[nodiscard]] bool isSyncRunning() const { return m_syncRunning; }
    [[nodiscard]] State state() const;
    // Loading until the model's first list arrives; then Empty or List follow the model.
    void setLoading(bool loading);

    // Id of the selected (current) card, empty if none.
    [[nodiscard]] QString currentProfileId() const;
    void selectProfile(const QString& profileId);

Q_SIGNALS:
    void addRequested();
    // Enter or double-click on a card.
    void profileActivated(const QString& profileId);
    void currentProfileChanged(const QString& profileId);
    void searchRequested(const QString& text);
    void syncAllRequested();
    void cancelSyncRequested();

private:
    void updateState();

    ProfileListModel* m_model;
    QStackedWidget* m_stack;
    QWidget* m_loadingPage;
    QWidget* m_emptyPage;
    QListView* m_list;
    QPushButton* m_addButton;
    QLineEdit* m_search;
    QPushButton* m_syncAll;
    QProgressBar* m_syncProgress;
    QLabel* m_syncStatus;
    bool m_loading = true;
    bool m_syncRunning = false;
};

} // namespace hh::ui
