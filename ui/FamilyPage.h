#pragma once

#include <QWidget>

class QLabel;
class QListView;
class QPushButton;
class QStackedWidget;

namespace hh::ui {

class ProfileListModel;

// The family list: profile cards in an icon-mode list view, an empty state inviting to add the
// first family member, and a loading state until the first list arrives.
class FamilyPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FamilyPage)
public:
    enum class State { Loading, Empty, List };

    explicit FamilyPage(ProfileListModel* model, QWidget* parent = nullptr);
    ~FamilyPage() override;

    [[nodiscard]] QListView* listView() const { return m_list; }
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

private:
    void updateState();

    ProfileListModel* m_model;
    QStackedWidget* m_stack;
    QWidget* m_loadingPage;
    QWidget* m_emptyPage;
    QListView* m_list;
    QPushButton* m_addButton;
    bool m_loading = true;
};

} // namespace hh::ui
