#include "ui/VisitSummaryPdf.h"

#include "core/records/ExportFile.h"
#include "ui/PdfPagination.h"
#include "ui/ProfileListModel.h"
#include "ui/RecordFormat.h"
#include "ui/SparklineTextObject.h"

#include <QAbstractTextDocumentLayout>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QPainter>
#include <QPdfWriter>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextTable>

#include <functional>

using namespace Qt::StringLiterals;

namespace hh::ui {

using namespace hh::records;

namespace {

constexpr qreal kBaseFontPt = 9.5;

// The profile's date of birth, or else the one the health systems sent (the summary's demographics).
QDate birthDateOf(const VisitSummaryData& data)
{
    if (data.profile.dateOfBirth.isValid())
        return data.profile.dateOfBirth;
    const QString sent = data.summary.summary.value("demographics"_L1).toObject().value("birth_date"_L1).toString();
    return QDate::fromString(sent.left(10), Qt::ISODate);
}

QString nameOf(const Profile& p)
{
    return p.legalName.trimmed().isEmpty() ? p.displayName : p.legalName;
}

// Writes the body with a QTextCursor: headings, paragraphs and tables with a repeating header row.
class Writer
{
public:
    Writer(QTextDocument* doc, const QLocale& locale) : m_doc(doc), m_cursor(doc), m_locale(locale)
    {
        m_text.setFontPointSize(kBaseFontPt);
        m_text.setForeground(Qt::black);
        m_muted = m_text;
        m_muted.setForeground(QColor(0x55, 0x5f, 0x6a));
        m_bold = m_text;
        m_bold.setFontWeight(QFont::DemiBold);
        m_alert = m_bold;
        m_alert.setForeground(QColor(0xb0, 0x00, 0x20));
    }

    void title(const QString& text, const QString& sub)
    {
        QTextBlockFormat b;
        b.setBottomMargin(2);
        m_cursor.setBlockFormat(b);
        QTextCharFormat f = m_bold;
        f.setFontPointSize(18);
        m_cursor.insertText(text, f);
        paragraph(sub, m_muted, 0, 6);
    }

    void heading(const QString& text)
    {
        QTextBlockFormat b;
        b.setTopMargin(12);
        b.setBottomMargin(4);
        b.setProperty(PdfPagination::kKeepWithNext, true);
        m_cursor.insertBlock(b);
        QTextCharFormat f = m_bold;
        f.setFontPointSize(12.5);
        f.setForeground(QColor(0x1f, 0x3a, 0x5a));
        m_cursor.insertText(text, f);
    }

    void paragraph(const QString& text, const QTextCharFormat& format, qreal top = 2, qreal bottom = 2)
    {
        QTextBlockFormat b;
        b.setTopMargin(top);
        b.setBottomMargin(bottom);
        m_cursor.insertBlock(b);
        m_cursor.insertText(text, format);
    }
    void text(const QString& t) { paragraph(t, m_text); }
    void note(const QString& t) { paragraph(t, m_muted); }
    void alert(const QString& t) { paragraph(u"⚠ "_s + t, m_alert); }

    // A table: header row (repeated on every page), then rows of cells; a cell is text, or drawn by
    // a callback (sparklines).
    struct Cell {
        Cell(QString t = {}, bool e = false) : text(std::move(t)), emphasis(e) {} // NOLINT(google-explicit-constructor)
        QString text;
        bool emphasis = false;
        std::function<void(QTextCursor&)> draw;
    };
    void table(const QStringList& headers, const QList<QList<Cell>>& rows, const QList<int>& widthsPercent)
    {
        QTextBlockFormat spacer;
        spacer.setTopMargin(2);
        m_cursor.insertBlock(spacer);
        QTextTableFormat tf;
        tf.setHeaderRowCount(1);
        tf.setCellPadding(3);
        tf.setCellSpacing(0);
        tf.setBorder(0.5);
        tf.setBorderBrush(QColor(0xc8, 0xcf, 0xd6));
        tf.setBorderStyle(QTextFrameFormat::BorderStyle_Solid);
        tf.setBorderCollapse(true);
        tf.setWidth(QTextLength(QTextLength::PercentageLength, 100));
        QList<QTextLength> widths;
        for (int w : widthsPercent)
            widths.append(QTextLength(QTextLength::PercentageLength, w));
        tf.setColumnWidthConstraints(widths);
        QTextTable* t = m_cursor.insertTable(static_cast<int>(rows.size()) + 1, static_cast<int>(headers.size()), tf);
        QTextCharFormat head = m_bold;
        head.setFontPointSize(kBaseFontPt - 0.5);
        for (int c = 0; c < headers.size(); ++c) {
            QTextTableCell cell = t->cellAt(0, c);
            QTextCharFormat cf = cell.format();
            cf.setBackground(QColor(0xee, 0xf1, 0xf4));
            cell.setFormat(cf);
            QTextCursor cc = cell.firstCursorPosition();
            cc.insertText(headers.at(c), head);
        }
        for (int r = 0; r < rows.size(); ++r) {
            const QList<Cell>& row = rows.at(r);
            for (int c = 0; c < row.size() && c < headers.size(); ++c) {
                QTextCursor cc = t->cellAt(r + 1, c).firstCursorPosition();
                const Cell& cell = row.at(c);
                if (cell.draw)
                    cell.draw(cc);
                else
                    cc.insertText(cell.text, cell.emphasis ? m_alert : m_text);
            }
        }
        m_cursor.movePosition(QTextCursor::End);
    }

    const QLocale& locale() const { return m_locale; }

private:
    QTextDocument* m_doc;
    QTextCursor m_cursor;
    QLocale m_locale;
    QTextCharFormat m_text;
    QTextCharFormat m_muted;
    QTextCharFormat m_bold;
    QTextCharFormat m_alert;
};

const TestHistory* findTrend(const QList<TestHistory>& trends, const QJsonObject& item)
{
    const QJsonObject code = item.value("code"_L1).toObject();
    const QString system = code.value("system"_L1).toString();
    const QString c = code.value("code"_L1).toString();
    for (const TestHistory& h : trends)
        if (h.code == c && h.codeSystem == system && (!c.isEmpty() || h.display == item.value("display"_L1).toString()))
            return &h;
    return nullptr;
}

} // namespace

QPageSize VisitSummaryPdf::pageSizeFor(const QLocale& locale)
{
    // Countries that use US Letter (the rest of the world uses A4).
    switch (locale.territory()) {
    case QLocale::UnitedStates:
    case QLocale::Canada:
    case QLocale::Mexico:
    case QLocale::Chile:
    case QLocale::Colombia:
    case QLocale::CostaRica:
    case QLocale::DominicanRepublic:
    case QLocale::ElSalvador:
    case QLocale::Guatemala:
    case QLocale::Nicaragua:
    case QLocale::Panama:
    case QLocale::Philippines:
    case QLocale::PuertoRico:
    case QLocale::Venezuela:
        return QPageSize(QPageSize::Letter);
    default:
        return QPageSize(QPageSize::A4);
    }
}

QTextDocument* VisitSummaryPdf::buildDocument(const VisitSummaryData& data, const Options& options)
{
    auto* doc = new QTextDocument;
    QFont base = doc->defaultFont();
    base.setPointSizeF(kBaseFontPt);
    doc->setDefaultFont(base);
    doc->setDocumentMargin(0);
    SparklineTextObject::install(doc);
    const QLocale& locale = options.locale;
    const QDateTime generated = options.generatedAt.isValid() ? options.generatedAt : QDateTime::currentDateTime();
    const Profile& p = data.profile;
    const QJsonObject& s = data.summary.summary;
    Writer w(doc, locale);
    // An empty section: "None recorded.", or which health systems refused that kind of record (their summary
    // sources' not_shared), so that the doctor does not read "none" where nothing was shared.
    const auto noneNote = [&s](const QString& type) {
        QStringList refused;
        for (const QJsonValue& v : s.value("sources"_L1).toArray()) {
            const QJsonObject src = v.toObject();
            if (src.value("not_shared"_L1).toArray().contains(type))
                refused.append(src.value("name"_L1).toString());
        }
        return refused.isEmpty() ? tr("None recorded.") : tr("Not shared by %1.").arg(refused.join(u", "_s));
    };

    // Who.
    QStringList who;
    if (const QDate born = birthDateOf(data); born.isValid())
        who.append(tr("Born %1 (%2)")
                       .arg(RecordFormat::longDate(born, locale), ProfileListModel::ageText(born, generated.date())));
    const QString gender = s.value("demographics"_L1).toObject().value("gender"_L1).toString();
    if (gender == u"female")
        who.append(tr("Female"));
    else if (gender == u"male")
        who.append(tr("Male"));
    if (!p.legalName.isEmpty() && p.legalName != p.displayName)
        who.append(tr("Known as %1").arg(p.displayName));
    w.title(tr("Visit summary: %1").arg(nameOf(p)), who.join(u" · "_s));
    w.note(tr("Records as of %1, from %2. Printed %3.")
               .arg(data.dataAsOf.isEmpty() ? tr("an unknown date") : RecordFormat::dateTime(data.dataAsOf, locale),
                    data.connections.isEmpty()
                        ? tr("no connected health system")
                        : [&] {
                              QStringList names;
                              for (const SourceConnection& c : data.connections)
                                  names.append(c.endpointName);
                              return names.join(u", "_s);
                          }(),
                    RecordFormat::calendarDateTime(generated, locale)));
    if (data.summary.status == SummaryStatus::Absent)
        w.text(tr("No records have been synced for %1 yet.").arg(p.displayName));

    // Needs attention.
    const QJsonArray alerts = s.value("alerts"_L1).toArray();
    bool anyRecordAlert = false;
    for (const QJsonValue& v : alerts) {
        const QJsonObject a = v.toObject();
        const QString kind = a.value("kind"_L1).toString();
        if (kind != u"abnormal_result" && kind != u"conflicting_results" && kind != u"patient_mismatch")
            continue; // connection problems are for the caregiver, not the doctor
        if (!anyRecordAlert)
            w.heading(tr("Needs attention"));
        anyRecordAlert = true;
        ProfileAlert alert;
        alert.kind = kind;
        alert.display = a.value("display"_L1).toString();
        const QJsonObject value = a.value("value"_L1).toObject();
        alert.message = RecordFormat::value(value, locale);
        QString line = RecordFormat::alert(alert);
        const QString date = RecordFormat::date(a.value("effective_at"_L1).toString(), locale);
        if (!date.isEmpty())
            line = tr("%1 (%2)", "alert and date").arg(line, date);
        w.alert(line);
    }

    using Cell = Writer::Cell;
    // Conditions.
    w.heading(tr("Current conditions"));
    {
        QList<QList<Cell>> rows;
        for (const QJsonValue& v : s.value("conditions"_L1).toArray()) {
            const QJsonObject c = v.toObject();
            const QJsonObject code = c.value("code"_L1).toObject();
            rows.append(QList<Cell>{{c.value("display"_L1).toString()},
                         {RecordFormat::date(c.value("onset"_L1).toString(), locale)},
                         {RecordFormat::code(code.value("system"_L1).toString(), code.value("code"_L1).toString())}});
        }
        if (rows.isEmpty())
            w.note(noneNote(u"Condition"_s));
        else
            w.table({tr("Condition"), tr("Since"), tr("Code")}, rows, {55, 15, 30});
    }

    // Medications.
    w.heading(tr("Current medications"));
    {
        QList<QList<Cell>> rows;
        for (const QJsonValue& v : s.value("medications"_L1).toArray()) {
            const QJsonObject m = v.toObject();
            rows.append(QList<Cell>{{m.value("display"_L1).toString()},
                         {m.value("dosage"_L1).toString()},
                         {RecordFormat::date(m.value("authored_at"_L1).toString(), locale)}});
        }
        if (rows.isEmpty())
            w.note(noneNote(u"MedicationRequest"_s));
        else
            w.table({tr("Medication"), tr("How to take"), tr("Prescribed")}, rows, {50, 35, 15});
    }

    // Allergies.
    w.heading(tr("Allergies and intolerances"));
    {
        QList<QList<Cell>> rows;
        for (const QJsonValue& v : s.value("allergies"_L1).toArray()) {
            const QJsonObject a = v.toObject();
            rows.append(QList<Cell>{{a.value("display"_L1).toString()},
                         {RecordFormat::criticality(a.value("criticality"_L1).toString()),
                          a.value("criticality"_L1).toString() == u"high"},
                         {RecordFormat::reactions(a.value("reactions"_L1))}});
        }
        if (rows.isEmpty())
            w.note(s.value("no_known_allergies"_L1).toBool() ? tr("No known allergies.") : noneNote(u"AllergyIntolerance"_s));
        else
            w.table({tr("Allergy"), tr("Risk"), tr("Reactions")}, rows, {45, 15, 40});
    }

    // Labs and vitals with small trend charts.
    auto results = [&](const QString& title, const QJsonArray& items, int limit) {
        w.heading(title);
        QList<QList<Cell>> rows;
        for (const QJsonValue& v : items) {
            if (rows.size() >= limit)
                break;
            const QJsonObject t = v.toObject();
            const QJsonObject value = t.value("value"_L1).toObject();
            const QString shown = RecordFormat::resultValue(value, locale);
            const QString flag = t.value("abnormal"_L1).toString();
            const bool abnormal = RecordFormat::isAbnormal(flag);
            Cell trend;
            if (const TestHistory* h = findTrend(data.trends, t); h && !h->series.isEmpty()) {
                QList<double> points;
                std::optional<double> low;
                std::optional<double> high;
                for (const HistoryPoint& hp : h->series.first().points) {
                    if (!hp.value)
                        continue;
                    points.append(*hp.value);
                    low = hp.rangeLow;
                    high = hp.rangeHigh;
                }
                if (points.size() >= 2)
                    trend.draw = [points, low, high, abnormal](QTextCursor& c) {
                        SparklineTextObject::insert(c, points, low, high, abnormal);
                    };
            }
            rows.append(QList<Cell>{{t.value("display"_L1).toString()},
                         {shown, abnormal},
                         {RecordFormat::range(RecordFormat::jsonNumber(value, "range_low"_L1), RecordFormat::jsonNumber(value, "range_high"_L1),
                                              value.value("range_text"_L1).toString(), locale)},
                         {RecordFormat::abnormalLabel(flag), abnormal},
                         {RecordFormat::date(t.value("effective_at"_L1).toString(), locale)},
                         trend});
        }
        if (rows.isEmpty())
            w.note(noneNote(u"Observation"_s));
        else
            w.table({tr("Test"), tr("Result"), tr("Reference range"), tr("Flag"), tr("Date"), tr("Trend")}, rows,
                    {27, 13, 13, 10, 15, 22});
    };
    results(tr("Recent lab results"), s.value("labs"_L1).toArray(), VisitSummaryData::kMaxLabs);
    results(tr("Vital signs"), s.value("vitals"_L1).toArray(), VisitSummaryData::kMaxVitals);

    // Immunizations.
    w.heading(tr("Immunizations"));
    {
        QList<QList<Cell>> rows;
        for (const QJsonValue& v : s.value("immunizations"_L1).toArray()) {
            const QJsonObject i = v.toObject();
            if (rows.size() >= 20)
                break;
            const QString date = i.value("date"_L1).toString().isEmpty() ? i.value("effective_at"_L1).toString()
                                                                         : i.value("date"_L1).toString();
            rows.append(QList<Cell>{{i.value("display"_L1).toString()}, {RecordFormat::date(date, locale)}});
        }
        if (rows.isEmpty())
            w.note(noneNote(u"Immunization"_s));
        else
            w.table({tr("Vaccine"), tr("Date")}, rows, {80, 20});
    }

    // Visits.
    w.heading(tr("Recent and upcoming visits"));
    {
        QList<QList<Cell>> rows;
        for (const QJsonValue& v : s.value("encounters"_L1).toArray()) {
            const QJsonObject e = v.toObject();
            QStringList where;
            for (const auto key : {"location"_L1, "service_provider"_L1})
                if (!e.value(key).toString().isEmpty() && !where.contains(e.value(key).toString()))
                    where.append(e.value(key).toString());
            QString what = e.value("display"_L1).toString();
            if (e.value("when"_L1).toString() == u"upcoming")
                what = tr("%1 (upcoming)").arg(what);
            rows.append(QList<Cell>{{RecordFormat::date(e.value("effective_at"_L1).toString(), locale)}, {what},
                         {where.join(u", "_s)}});
        }
        if (rows.isEmpty())
            w.note(noneNote(u"Encounter"_s));
        else
            w.table({tr("Date"), tr("Visit"), tr("Where")}, rows, {15, 45, 40});
    }

    // Sources.
    w.heading(tr("Where these records come from"));
    {
        QList<QList<Cell>> rows;
        for (const SourceConnection& c : data.connections)
            rows.append(QList<Cell>{{c.endpointName},
                         {RecordFormat::vendor(c.provider)},
                         {c.lastSyncedAt.isEmpty() ? tr("never") : RecordFormat::dateTime(c.lastSyncedAt, locale)}});
        if (rows.isEmpty())
            w.note(tr("No health system connected."));
        else
            w.table({tr("Health system"), tr("Vendor"), tr("Last synced")}, rows, {55, 20, 25});
    }
    w.note(tr("Made with Health Hub from the records these health systems shared. Values from different systems "
              "were merged; please confirm anything important with the care team."));
    return doc;
}

Status VisitSummaryPdf::write(const VisitSummaryData& data, QIODevice* device, const Options& options)
{
    if (!qobject_cast<QGuiApplication*>(QCoreApplication::instance()))
        return Error(ErrorCode::Unknown, tr("Writing a PDF needs the graphical application (fonts)."),
                     u"no QGuiApplication"_s);
    const QLocale& locale = options.locale;
    const QDateTime generated = options.generatedAt.isValid() ? options.generatedAt : QDateTime::currentDateTime();
    const Profile& p = data.profile;

    QPdfWriter writer(device);
    writer.setResolution(300);
    writer.setPageSize(options.pageSize ? *options.pageSize : pageSizeFor(locale));
    writer.setPageMargins(QMarginsF(16, 14, 16, 14), QPageLayout::Millimeter);
    writer.setTitle(tr("Visit summary: %1").arg(nameOf(p)));
    writer.setCreator(u"Health Hub"_s);

    std::unique_ptr<QTextDocument> doc(buildDocument(data, options));
    doc->documentLayout()->setPaintDevice(&writer);

    QPainter painter;
    if (!painter.begin(&writer))
        return Error(ErrorCode::Io, tr("The PDF could not be started."), u"QPainter::begin failed"_s);
    const QRectF page(QPointF(0, 0), QSizeF(writer.width(), writer.height()));
    QFont small = doc->defaultFont();
    small.setPointSizeF(8);
    const QFontMetricsF fm(small, &writer);
    const qreal headerH = fm.height() * 2.2;
    const qreal footerH = fm.height() * 2.2;
    const QSizeF body(page.width(), page.height() - headerH - footerH);
    // One long page, cut into pages where nothing is split (PdfPagination).
    doc->setTextWidth(body.width());
    const QList<PdfPagination::Page> layout =
        PdfPagination::paginate(PdfPagination::units(doc.get()), body.height());
    const auto pages = layout.size();

    const QString headerLeft = tr("Visit summary — %1").arg(nameOf(p));
    const QDate born = birthDateOf(data);
    const QString headerRight = born.isValid()
                                    ? tr("Date of birth: %1").arg(RecordFormat::calendarDate(born, locale))
                                    : tr("Date of birth not recorded");
    const QString footerLeft =
        tr("Printed %1 by Health Hub").arg(RecordFormat::calendarDateTime(generated, locale));
    const QPen rule(QColor(0xb0, 0xb8, 0xc0), 2);
    for (qsizetype i = 0; i < pages; ++i) {
        if (i > 0 && !writer.newPage()) {
            painter.end();
            return Error(ErrorCode::Io, tr("The PDF could not be written."), u"newPage failed"_s);
        }
        // Header.
        painter.setFont(small);
        painter.setPen(QColor(0x33, 0x3b, 0x44));
        painter.drawText(QRectF(0, 0, page.width(), fm.height()), Qt::AlignLeft | Qt::AlignVCenter, headerLeft);
        painter.drawText(QRectF(0, 0, page.width(), fm.height()), Qt::AlignRight | Qt::AlignVCenter, headerRight);
        painter.setPen(rule);
        painter.drawLine(QPointF(0, fm.height() * 1.5), QPointF(page.width(), fm.height() * 1.5));
        // Body: the header row of a table the page continues, then the page's part of the document. Lines outside
        // the part are not drawn at all (a clip alone would keep their text in the PDF, found twice by a search).
        qreal y = headerH;
        const auto drawPart = [&](const PdfPagination::Range& part) {
            painter.save();
            painter.translate(0, y);
            painter.setClipRect(QRectF(0, 0, body.width(), part.height()));
            painter.translate(0, -part.top);
            QAbstractTextDocumentLayout::PaintContext ctx;
            ctx.clip = QRectF(0, part.top + 1, body.width(), std::max<qreal>(part.height() - 2, 0));
            ctx.palette.setColor(QPalette::Text, Qt::black);
            doc->documentLayout()->draw(&painter, ctx);
            painter.restore();
            y += part.height();
        };
        if (layout.at(i).header)
            drawPart(*layout.at(i).header);
        drawPart(layout.at(i).body);
        // Footer.
        const qreal fy = page.height() - fm.height();
        painter.setPen(rule);
        painter.drawLine(QPointF(0, fy - fm.height() * 0.5), QPointF(page.width(), fy - fm.height() * 0.5));
        painter.setFont(small);
        painter.setPen(QColor(0x33, 0x3b, 0x44));
        painter.drawText(QRectF(0, fy, page.width(), fm.height()), Qt::AlignLeft | Qt::AlignVCenter, footerLeft);
        painter.drawText(QRectF(0, fy, page.width(), fm.height()), Qt::AlignRight | Qt::AlignVCenter,
                         tr("Page %1 of %2").arg(i + 1).arg(pages));
    }
    if (!painter.end())
        return Error(ErrorCode::Io, tr("The PDF could not be written."), u"QPainter::end failed"_s);
    return success();
}

Status VisitSummaryPdf::write(const VisitSummaryData& data, const QString& path, const Options& options)
{
    return records::writeExportFile(path, [&](QIODevice& file) { return write(data, &file, options); });
}

} // namespace hh::ui
