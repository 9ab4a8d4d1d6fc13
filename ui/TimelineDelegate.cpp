#include "ui/TimelineDelegate.h"

#include "core/records/RecordTypes.h"
#include "ui/RecordFormat.h"
#include "ui/RecordTableModel.h"

#include <QPainter>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace hh::ui {

using namespace hh::records;

namespace {
constexpr int kPad = 8;

int gutterWidth(const QFontMetrics& fm)
{
    return fm.averageCharWidth() * 14;
}

int yearOf(const QModelIndex& index)
{
    const QDateTime t = RecordFormat::parse(index.data(RecordTableModel::EffectiveAtRole).toString());
    return t.isValid() ? t.toLocalTime().date().year() : 0;
}
} // namespace

TimelineDelegate::TimelineDelegate(QObject* parent) : QStyledItemDelegate(parent) {}

TimelineDelegate::~TimelineDelegate() = default;

bool TimelineDelegate::startsYear(const QModelIndex& index)
{
    if (!index.isValid())
        return false;
    if (index.row() == 0)
        return true;
    return yearOf(index) != yearOf(index.siblingAtRow(index.row() - 1));
}

QSize TimelineDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    const QFontMetrics fm(option.font);
    int h = kPad * 2 + fm.height() * 2 + fm.leading();
    if (startsYear(index))
        h += fm.height() * 2;
    return {std::max(300, option.rect.width()), h};
}

void TimelineDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const RecordRow row = index.data(RecordTableModel::RecordRole).value<RecordRow>();
    const QPalette& pal = opt.palette;
    const QFontMetrics fm(opt.font);
    const bool selected = opt.state.testFlag(QStyle::State_Selected);
    const QPalette::ColorGroup group = opt.state.testFlag(QStyle::State_Active) ? QPalette::Active
                                                                                : QPalette::Inactive;
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    QRect r = opt.rect;

    if (startsYear(index)) {
        QFont yearFont = opt.font;
        yearFont.setWeight(QFont::DemiBold);
        yearFont.setPointSizeF(yearFont.pointSizeF() > 0 ? yearFont.pointSizeF() * 1.2 : yearFont.pointSizeF());
        painter->setFont(yearFont);
        painter->setPen(pal.color(group, QPalette::Text));
        const int year = yearOf(index);
        const QRect yearRect(r.left() + kPad, r.top(), r.width() - 2 * kPad, fm.height() * 2);
        painter->drawText(yearRect, Qt::AlignLeft | Qt::AlignVCenter,
                          year > 0 ? QString::number(year) : tr("Date unknown"));
        r.setTop(r.top() + fm.height() * 2);
    }

    if (selected) {
        QColor tint = pal.color(group, QPalette::Highlight);
        tint.setAlphaF(0.18f);
        painter->fillRect(r, tint);
    }
    if (opt.state.testFlag(QStyle::State_HasFocus)) {
        QPen focusPen(pal.color(group, QPalette::Highlight));
        focusPen.setWidthF(1.5);
        painter->setPen(focusPen);
        painter->setBrush(Qt::NoBrush);
        painter->drawRect(QRectF(r).adjusted(0.75, 0.75, -0.75, -0.75));
    }

    const int gutter = gutterWidth(fm);
    QColor secondary = pal.color(group, QPalette::PlaceholderText);
    if (!secondary.isValid())
        secondary = pal.color(group, QPalette::Mid);

    // Date in the gutter.
    painter->setFont(opt.font);
    painter->setPen(secondary);
    const QDateTime when = RecordFormat::parse(row.effectiveAt);
    const QString date = when.isValid() ? QLocale().toString(when.toLocalTime().date(), u"d MMM"_s) : QString();
    painter->drawText(QRect(r.left() + kPad, r.top() + kPad, gutter - 3 * kPad, fm.height()),
                      Qt::AlignRight | Qt::AlignVCenter, date);

    // Line and dot.
    const int lineX = r.left() + gutter;
    QPen linePen(pal.color(group, QPalette::Mid));
    linePen.setWidthF(2.0);
    painter->setPen(linePen);
    painter->drawLine(lineX, opt.rect.top(), lineX, opt.rect.bottom());
    const bool upcoming = row.status == u"planned" || (when.isValid() && when > QDateTime::currentDateTimeUtc());
    painter->setPen(Qt::NoPen);
    painter->setBrush(upcoming ? pal.color(group, QPalette::Base) : pal.color(group, QPalette::Highlight));
    const qreal d = fm.height() * 0.6;
    const QRectF dot(lineX - d / 2, r.top() + kPad + (fm.height() - d) / 2, d, d);
    painter->drawEllipse(dot);
    if (upcoming) {
        painter->setPen(QPen(pal.color(group, QPalette::Highlight), 2.0));
        painter->setBrush(Qt::NoBrush);
        painter->drawEllipse(dot);
    }

    // Title and details.
    const int textLeft = lineX + kPad * 2;
    const int textWidth = r.right() - textLeft - kPad;
    QFont titleFont = opt.font;
    titleFont.setWeight(QFont::DemiBold);
    painter->setFont(titleFont);
    painter->setPen(pal.color(group, QPalette::Text));
    const QString title = row.display.isEmpty() ? tr("Visit") : row.display;
    painter->drawText(QRect(textLeft, r.top() + kPad, textWidth, fm.height()), Qt::AlignLeft | Qt::AlignVCenter,
                      QFontMetrics(titleFont).elidedText(title, Qt::ElideRight, textWidth));
    QStringList parts;
    const QJsonObject cls = row.details.value("class"_L1).toObject();
    const QString kind = cls.value("display"_L1).toString().isEmpty() ? cls.value("code"_L1).toString()
                                                                     : cls.value("display"_L1).toString();
    if (!kind.isEmpty())
        parts.append(kind);
    for (const auto key : {"location"_L1, "service_provider"_L1}) {
        const QString v = row.details.value(key).toString();
        if (!v.isEmpty() && !parts.contains(v))
            parts.append(v);
    }
    if (upcoming)
        parts.append(tr("Upcoming"));
    else if (!row.status.isEmpty() && row.status != u"finished")
        parts.append(RecordFormat::status(row.status));
    painter->setFont(opt.font);
    painter->setPen(secondary);
    painter->drawText(QRect(textLeft, r.top() + kPad + fm.height() + fm.leading(), textWidth, fm.height()),
                      Qt::AlignLeft | Qt::AlignVCenter,
                      fm.elidedText(parts.join(u" · "_s), Qt::ElideRight, textWidth));
    painter->restore();
}

} // namespace hh::ui
