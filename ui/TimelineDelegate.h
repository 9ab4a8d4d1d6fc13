#pragma once

#include <QStyledItemDelegate>

namespace hh::ui {

// Paints RecordTableModel rows (encounters) as a vertical timeline: the date in a left gutter, a
// dot on a line, the visit's name and its kind, place and status; a year heading where the year
// changes from the row above. Palette roles only, so light and dark themes both work.
class TimelineDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TimelineDelegate)
public:
    explicit TimelineDelegate(QObject* parent = nullptr);
    ~TimelineDelegate() override;

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    [[nodiscard]] QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

    // True when the row starts a new year (drawn with a heading).
    [[nodiscard]] static bool startsYear(const QModelIndex& index);
};

} // namespace hh::ui
