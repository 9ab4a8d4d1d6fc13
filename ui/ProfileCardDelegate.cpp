#include "ui/ProfileCardDelegate.h"

#include "ui/ProfileListModel.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>

namespace hh::ui {

namespace {
constexpr int kPadding = 12;

int avatarDiameter(const QFontMetrics& fm)
{
    return std::max(48, fm.height() * 3);
}
} // namespace

ProfileCardDelegate::ProfileCardDelegate(QObject* parent) : QStyledItemDelegate(parent) {}

ProfileCardDelegate::~ProfileCardDelegate() = default;

QSize ProfileCardDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex&) const
{
    const QFontMetrics fm(option.font);
    const int width = std::max(190, fm.averageCharWidth() * 24);
    const int height = kPadding * 3 + avatarDiameter(fm) + fm.height() * 3 + fm.leading() * 2;
    return {width, height};
}

void ProfileCardDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                                const QModelIndex& index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QPalette& pal = opt.palette;
    const bool selected = opt.state.testFlag(QStyle::State_Selected);
    const bool hovered = opt.state.testFlag(QStyle::State_MouseOver);
    const bool focused = opt.state.testFlag(QStyle::State_HasFocus);
    const QPalette::ColorGroup group = opt.state.testFlag(QStyle::State_Enabled)
                                           ? (opt.state.testFlag(QStyle::State_Active) ? QPalette::Active
                                                                                       : QPalette::Inactive)
                                           : QPalette::Disabled;

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);

    // Card.
    const QRectF card = QRectF(opt.rect).adjusted(3.5, 3.5, -3.5, -3.5);
    QPainterPath cardPath;
    cardPath.addRoundedRect(card, 10, 10);
    painter->fillPath(cardPath, pal.color(group, hovered ? QPalette::AlternateBase : QPalette::Base));
    if (selected) {
        // A tint of the highlight keeps the Text role readable in light and dark themes.
        QColor tint = pal.color(group, QPalette::Highlight);
        tint.setAlphaF(0.18f);
        painter->fillPath(cardPath, tint);
    }
    QPen border(selected ? pal.color(group, QPalette::Highlight) : pal.color(group, QPalette::Mid));
    border.setWidthF(selected || focused ? 2.0 : 1.0);
    painter->setPen(border);
    painter->drawPath(cardPath);

    // Avatar: initials in a colored circle.
    const QFontMetrics fm(opt.font);
    const int d = avatarDiameter(fm);
    const QRectF avatar(card.center().x() - d / 2.0, card.top() + kPadding, d, d);
    painter->setPen(Qt::NoPen);
    painter->setBrush(index.data(ProfileListModel::AvatarColorRole).value<QColor>());
    painter->drawEllipse(avatar);
    QFont initialsFont = opt.font;
    initialsFont.setPixelSize(std::max(12, d * 2 / 5));
    initialsFont.setWeight(QFont::DemiBold);
    painter->setFont(initialsFont);
    painter->setPen(Qt::white);
    painter->drawText(avatar, Qt::AlignCenter, index.data(ProfileListModel::InitialsRole).toString());

    // Text lines: name (bold), relationship, age.
    const QColor textColor = pal.color(group, QPalette::Text);
    QColor secondary = pal.color(group, QPalette::PlaceholderText);
    if (!secondary.isValid())
        secondary = pal.color(group, QPalette::Mid);
    const qreal textWidth = card.width() - 2 * kPadding;
    qreal y = avatar.bottom() + kPadding;

    QFont nameFont = opt.font;
    nameFont.setWeight(QFont::DemiBold);
    const QFontMetrics nameFm(nameFont);
    painter->setFont(nameFont);
    painter->setPen(textColor);
    const QString name = nameFm.elidedText(index.data(Qt::DisplayRole).toString(), Qt::ElideRight,
                                           static_cast<int>(textWidth));
    painter->drawText(QRectF(card.left() + kPadding, y, textWidth, nameFm.height()), Qt::AlignHCenter, name);
    y += nameFm.height() + fm.leading();

    painter->setFont(opt.font);
    painter->setPen(secondary);
    const QString relation = fm.elidedText(index.data(ProfileListModel::RelationshipLabelRole).toString(),
                                           Qt::ElideRight, static_cast<int>(textWidth));
    painter->drawText(QRectF(card.left() + kPadding, y, textWidth, fm.height()), Qt::AlignHCenter, relation);
    y += fm.height() + fm.leading();
    const QString age = fm.elidedText(index.data(ProfileListModel::AgeTextRole).toString(), Qt::ElideRight,
                                      static_cast<int>(textWidth));
    painter->drawText(QRectF(card.left() + kPadding, y, textWidth, fm.height()), Qt::AlignHCenter, age);

    painter->restore();
}

} // namespace hh::ui
