#include "ui/SparklineTextObject.h"

#include <QAbstractTextDocumentLayout>
#include <QPaintDevice>
#include <QPainter>
#include <QPainterPath>
#include <QTextCursor>
#include <QTextDocument>

#include <algorithm>

namespace hh::ui {

namespace {
enum Property {
    kValues = QTextFormat::UserProperty + 1,
    kLow,
    kHigh,
    kLastAbnormal,
};
constexpr qreal kWidthMm = 26.0;
constexpr qreal kHeightMm = 5.5;
} // namespace

SparklineTextObject::SparklineTextObject(QObject* parent) : QObject(parent) {}

SparklineTextObject::~SparklineTextObject() = default;

void SparklineTextObject::install(QTextDocument* document)
{
    auto* handler = new SparklineTextObject(document->documentLayout());
    document->documentLayout()->registerHandler(kObjectType, handler);
}

void SparklineTextObject::insert(QTextCursor& cursor, const QList<double>& values, std::optional<double> rangeLow,
                                 std::optional<double> rangeHigh, bool lastAbnormal)
{
    QTextCharFormat f;
    f.setObjectType(kObjectType);
    QVariantList list;
    for (double v : values)
        list.append(v);
    f.setProperty(kValues, list);
    if (rangeLow)
        f.setProperty(kLow, *rangeLow);
    if (rangeHigh)
        f.setProperty(kHigh, *rangeHigh);
    f.setProperty(kLastAbnormal, lastAbnormal);
    cursor.insertText(QString(QChar::ObjectReplacementCharacter), f);
}

QSizeF SparklineTextObject::intrinsicSize(QTextDocument* doc, int, const QTextFormat&)
{
    QPaintDevice* device = doc->documentLayout()->paintDevice();
    const qreal dpi = device ? device->logicalDpiX() : 96.0;
    return {kWidthMm / 25.4 * dpi, kHeightMm / 25.4 * dpi};
}

void SparklineTextObject::drawObject(QPainter* painter, const QRectF& rect, QTextDocument*, int,
                                     const QTextFormat& format)
{
    QList<double> values;
    for (const QVariant& v : format.property(kValues).toList())
        values.append(v.toDouble());
    if (values.isEmpty())
        return;
    const QVariant lowV = format.property(kLow);
    const QVariant highV = format.property(kHigh);
    double lo = *std::min_element(values.cbegin(), values.cend());
    double hi = *std::max_element(values.cbegin(), values.cend());
    if (lowV.isValid())
        lo = std::min(lo, lowV.toDouble());
    if (highV.isValid())
        hi = std::max(hi, highV.toDouble());
    if (hi <= lo) {
        hi += 1;
        lo -= 1;
    }
    const QRectF r = rect.adjusted(rect.width() * 0.04, rect.height() * 0.15, -rect.width() * 0.06, -rect.height() * 0.15);
    auto yOf = [&](double v) { return r.bottom() - (v - lo) / (hi - lo) * r.height(); };
    auto xOf = [&](qsizetype i) {
        return values.size() == 1 ? r.center().x() : r.left() + r.width() * qreal(i) / qreal(values.size() - 1);
    };

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    // Reference range band (print colors: the paper is white).
    if (lowV.isValid() || highV.isValid()) {
        const double bandLow = lowV.isValid() ? lowV.toDouble() : lo;
        const double bandHigh = highV.isValid() ? highV.toDouble() : hi;
        painter->fillRect(QRectF(QPointF(r.left(), yOf(bandHigh)), QPointF(r.right(), yOf(bandLow))),
                          QColor(0x3c, 0x9a, 0x5f, 46));
    }
    QPainterPath path;
    for (qsizetype i = 0; i < values.size(); ++i) {
        const QPointF p(xOf(i), yOf(values.at(i)));
        if (i == 0)
            path.moveTo(p);
        else
            path.lineTo(p);
    }
    QPen pen(QColor(0x33, 0x44, 0x55));
    pen.setWidthF(std::max<qreal>(1.0, rect.height() / 28.0));
    painter->setPen(pen);
    painter->setBrush(Qt::NoBrush);
    painter->drawPath(path);
    const bool abnormal = format.property(kLastAbnormal).toBool();
    const qreal dot = std::max<qreal>(2.0, rect.height() / 7.0);
    painter->setPen(Qt::NoPen);
    painter->setBrush(abnormal ? QColor(0xb0, 0x00, 0x20) : QColor(0x33, 0x44, 0x55));
    painter->drawEllipse(QPointF(xOf(values.size() - 1), yOf(values.last())), dot, dot);
    painter->restore();
}

} // namespace hh::ui
