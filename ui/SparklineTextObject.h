#pragma once

#include <QList>
#include <QObject>
#include <QTextObjectInterface>

#include <optional>

class QTextCursor;

namespace hh::ui {

// A small trend chart inside a QTextDocument (the PDF visit summary): the values as a line over the
// reference range band, the last value as a dot (in the alert color when it is out of range). Drawn
// as vector graphics, so it stays sharp in the PDF. Register once per document with install(), then
// insert() charts at cursor positions.
class SparklineTextObject final : public QObject, public QTextObjectInterface
{
    Q_OBJECT
    Q_INTERFACES(QTextObjectInterface)
public:
    static constexpr int kObjectType = QTextFormat::UserObject + 71;

    explicit SparklineTextObject(QObject* parent = nullptr);
    ~SparklineTextObject() override;

    // Registers a handler owned by the document's layout.
    static void install(QTextDocument* document);
    static void insert(QTextCursor& cursor, const QList<double>& values, std::optional<double> rangeLow,
                       std::optional<double> rangeHigh, bool lastAbnormal);

    QSizeF intrinsicSize(QTextDocument* doc, int posInDocument, const QTextFormat& format) override;
    void drawObject(QPainter* painter, const QRectF& rect, QTextDocument* doc, int posInDocument,
                    const QTextFormat& format) override;
};

} // namespace hh::ui
