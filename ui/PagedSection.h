#pragma once

#include "ui/ProfileSection.h"

#include <QList>

#include <functional>
#include <utility>

class QAbstractItemView;
class QLabel;
class QLineEdit;
class QPushButton;

namespace hh::ui {

class PagedTableModel;

// What the sections showing one paged model (records or tests) in one view share: a filter box and
// a count label in a bar above the view, lazy loading (setProfile() forgets, ensureLoaded() reads the
// first page, refresh() re-reads what is shown), the count kept in step with the model and the first
// row chosen once the first page is in. The subclass creates the widgets and passes its translated
// texts in (they stay in its own translation context). GUI thread only.
class PagedSection : public ProfileSection
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PagedSection)
public:
    ~PagedSection() override;

    void setProfile(const Profile& profile) override;
    void ensureLoaded() override;
    void refresh() override;
    [[nodiscard]] QWidget* focusTarget() const override;

protected:
    // The count label's texts; count(n) for n >= 1 rows (a plural form: tr("%Ln record(s)", nullptr, n)).
    struct CountTexts {
        QString loading;
        QString none;
        std::function<QString(int)> count;
    };

    explicit PagedSection(QWidget* parent = nullptr);

    // Call once from the subclass's constructor, after view has its model. The filter box sets the
    // model's filter (trimmed) once typing pauses.
    void setUpPaging(PagedTableModel* model, QAbstractItemView* view, const QString& filterPlaceholder,
                     const QString& filterAccessibleName);
    // The filter box (objectName filterLineEdit) and the count label (countLabel), for the bar.
    [[nodiscard]] QLineEdit* filterEdit() const { return m_filter; }
    [[nodiscard]] QLabel* countLabel() const { return m_countLabel; }
    // Lays the section out: bar (widgets with their stretch factors) above content.
    void layOut(const QList<std::pair<QWidget*, int>>& bar, QWidget* content);
    // A failed read shows its message (or fallback) in the count label.
    void showLoadFailures(const QString& fallback);
    // A button acting on the current row: disabled until there is one.
    static void setUpRowButton(QPushButton* button, const QString& objectName, const QString& accessibleName);

    [[nodiscard]] virtual CountTexts countTexts() const = 0;
    // setProfile() with another family member: no filter carries over (Mom's filter would hide Dad's records).
    // The subclass puts its filter widgets back (signals blocked) and its model's query with them, without
    // reading, and calls this, which empties the filter box.
    virtual void clearFilters();
    void updateCount();

private:
    PagedTableModel* m_paged = nullptr;
    QAbstractItemView* m_view = nullptr;
    QLineEdit* m_filter;
    QLabel* m_countLabel;
    bool m_loaded = false;
    QString m_profileId;
};

} // namespace hh::ui
