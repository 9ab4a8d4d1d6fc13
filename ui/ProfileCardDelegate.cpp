#include "ui/ProfileCardDelegate.h"

#include "ui/ProfileListModel.h"
#include "ui/Theme.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace hh::ui {

namespace {
constexpr int kPadding = 12;
constexpr int kMaxAlertLines = 2;

int avatarDiameter(const QFontMetrics& fm)
{
    return std::max(48, fm.height() * 3);
}

QColor syncDotColor(ProfileListModel::SyncState state, const QPalette& pal, QPalette::ColorGroup group)
{
    using S = ProfileListModel::SyncState;
    const bool dark = isDarkPalette(pal);
    switch (state) {
    case S::Ok:
        return dark ? QColor(0x6c, 0xc4, 0x84) : QColor(0x2e, 0x8b, 0x4e); // small accent: "fine"
    case S::Running:
        return pal.color(group, QPalette::Highlight);
    case S::Failed:
    case S::NeedsSignIn:
        return errorTextColor(pal);
    case S::NotConnected:
    case S::Unknown:
        break;
    }
    return pal.color(group, QPalette::Mid);
}
} // namespace

ProfileCardDelegate::ProfileCardDelegate(QObject* parent) : QStyledItemDelegate(parent) {}

ProfileCardDelegate::~ProfileCardDelegate() = default;

QSize ProfileCardDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex&) const
{
    // Every card has room for the same lines (uniform sizes keep the grid calm): name,
    // relationship and age, sync state, counts, and two alerts beside the avatar.
    const QFontMetrics fm(option.font);
    const int width = std::max(360, fm.averageCharWidth() * 58);
    const int lines = 4 + kMaxAlertLines;
    const int height = kPadding * 2 + fm.height() * lines + fm.leading() * (lines - 1) + 6;
    return {width, std::max(height, kPadding * 2 + avatarDiameter(fm))};
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

    // Avatar: initials in a colored circle, on the left.
    const QFontMetrics fm(opt.font);
    const int d = avatarDiameter(fm);
    const QRectF avatar(card.left() + kPadding, card.top() + kPadding, d, d);
    painter->setPen(Qt::NoPen);
    painter->setBrush(index.data(ProfileListModel::AvatarColorRole).value<QColor>());
    painter->drawEllipse(avatar);
    QFont initialsFont = opt.font;
    initialsFont.setPixelSize(std::max(12, d * 2 / 5));
    initialsFont.setWeight(QFont::DemiBold);
    painter->setFont(initialsFont);
    painter->setPen(Qt::white);
    painter->drawText(avatar, Qt::AlignCenter, index.data(ProfileListModel::InitialsRole).toString());

    const QColor textColor = pal.color(group, QPalette::Text);
    QColor secondary = pal.color(group, QPalette::PlaceholderText);
    if (!secondary.isValid())
        secondary = pal.color(group, QPalette::Mid);
    const qreal left = avatar.right() + kPadding;
    const qreal textWidth = card.right() - kPadding - left;
    qreal y = card.top() + kPadding;
    auto line = [&](const QString& text, const QFont& font, const QColor& color, qreal indent = 0) {
        const QFontMetrics m(font);
        painter->setFont(font);
        painter->setPen(color);
        painter->drawText(QRectF(left + indent, y, textWidth - indent, m.height()), Qt::AlignLeft | Qt::AlignVCenter,
                          m.elidedText(text, Qt::ElideRight, static_cast<int>(textWidth - indent)));
        y += m.height() + fm.leading();
    };

    // Name, relationship and age.
    QFont nameFont = opt.font;
    nameFont.setWeight(QFont::DemiBold);
    line(index.data(Qt::DisplayRole).toString(), nameFont, textColor);
    line(tr("%1 · %2", "relationship · age")
             .arg(index.data(ProfileListModel::RelationshipLabelRole).toString(),
                  index.data(ProfileListModel::AgeTextRole).toString()),
         opt.font, secondary);

    if (!index.data(ProfileListModel::HasOverviewRole).toBool()) {
        painter->restore();
        return;
    }

    // Sync state: a small dot and the words.
    const auto state = static_cast<ProfileListModel::SyncState>(index.data(ProfileListModel::SyncStateRole).toInt());
    const qreal dot = fm.height() * 0.5;
    painter->setPen(Qt::NoPen);
    painter->setBrush(syncDotColor(state, pal, group));
    painter->drawEllipse(QRectF(left, y + (fm.height() - dot) / 2, dot, dot));
    line(index.data(ProfileListModel::SyncTextRole).toString(), opt.font, secondary, dot + 6);

    // Counts: when they do not fit, wrapped at their " · " separators onto a second line if the alerts leave
    // that line free ("… · sin alergias conocidas" was cut in Spanish).
    const QStringList alerts = index.data(ProfileListModel::AlertsRole).toStringList();
    const QString counts = index.data(ProfileListModel::CountsTextRole).toString();
    if (!counts.isEmpty()) {
        const QString separator = u" · "_s;
        const QStringList parts = counts.split(separator);
        QStringList lines{QString()};
        const bool secondLineFree = alerts.size() < kMaxAlertLines;
        for (const QString& part : parts) {
            const QString longer = lines.last().isEmpty() ? part : lines.last() + separator + part;
            if (lines.last().isEmpty() || fm.horizontalAdvance(longer) <= textWidth || !secondLineFree
                || lines.size() == 2)
                lines.last() = longer;
            else
                lines.append(part);
        }
        for (const QString& text : std::as_const(lines))
            line(text, opt.font, textColor);
    }

    // Alerts, the most important first.
    const QColor alertColor = errorTextColor(pal);
    for (int i = 0; i < alerts.size() && i < kMaxAlertLines; ++i) {
        QString text = alerts.at(i);
        if (i == kMaxAlertLines - 1 && alerts.size() > kMaxAlertLines)
            text = tr("%1 (+%2 more)").arg(text).arg(alerts.size() - kMaxAlertLines);
        line(u"⚠ "_s + text, opt.font, alertColor);
    }

    painter->restore();
}

} // namespace hh::ui
