#pragma once

#include <QStyledItemDelegate>

namespace hh::ui {

// Draws a profile "card" for ProfileListModel in an icon-mode list view: an avatar with initials in
// a colored circle, the display name, the relationship and the age. Everything except the avatar
// uses palette roles, so light and dark themes both work.
class ProfileCardDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProfileCardDelegate)
public:
    explicit ProfileCardDelegate(QObject* parent = nullptr);
    ~ProfileCardDelegate() override;

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    [[nodiscard]] QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
};

} // namespace hh::ui
