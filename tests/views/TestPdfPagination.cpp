// PdfPagination: where the visit summary's pages break. Nothing is cut in two that fits on a page, a heading stays
// with what follows it, a page that continues a table repeats its header row.
#include "ui/PdfPagination.h"
#include "ui/VisitSummaryPdf.h"

#include "core/records/RecordTypes.h"

#include <QAbstractTextDocumentLayout>
#include <QJsonArray>
#include <QJsonObject>
#include <QTest>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextTable>

#include <algorithm>
#include <memory>

using namespace hh;
using namespace hh::ui;
using namespace Qt::StringLiterals;
using Unit = PdfPagination::Unit;
using Range = PdfPagination::Range;

namespace {
Unit unit(qreal top, qreal bottom, bool keepWithNext = false, std::optional<Range> header = std::nullopt)
{
    Unit u;
    u.range = {top, bottom};
    u.keepWithNext = keepWithNext;
    u.repeatHeader = header;
    return u;
}

// The page whose body holds y, or -1.
qsizetype pageOf(const QList<PdfPagination::Page>& pages, qreal y)
{
    for (qsizetype i = 0; i < pages.size(); ++i)
        if (y >= pages.at(i).body.top && y < pages.at(i).body.bottom)
            return i;
    return -1;
}

// A visit summary with long sections of rows of one and two lines.
records::VisitSummaryData longSummary(int conditions)
{
    records::VisitSummaryData data;
    data.profile.displayName = u"Mom"_s;
    data.summary.status = records::SummaryStatus::Ready;
    QJsonObject s;
    QJsonArray list;
    for (int i = 0; i < conditions; ++i)
        list.append(
            QJsonObject{{"display"_L1, i % 3 == 0 ? u"Condition number %1 with a long name that takes two "
                                                    u"lines in its column of the table, or even three"_s.arg(i)
                                                  : u"Condition number %1"_s.arg(i)},
                        {"onset"_L1, u"2001-01-01"_s}});
    s.insert("conditions"_L1, list);
    QJsonArray vitals;
    for (int i = 0; i < 8; ++i)
        vitals.append(QJsonObject{{"display"_L1, u"Vital %1"_s.arg(i)},
                                  {"value"_L1, QJsonObject{{"value"_L1, 70 + i}, {"unit"_L1, u"/min"_s}}},
                                  {"effective_at"_L1, u"2024-04-01"_s}});
    s.insert("vitals"_L1, vitals);
    s.insert("labs"_L1, vitals);
    data.summary.summary = s;
    return data;
}
} // namespace

class TestPdfPagination : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void everythingOnOnePage()
    {
        const auto pages = PdfPagination::paginate({unit(0, 10), unit(10, 30), unit(30, 50)}, 100);
        QCOMPARE(pages.size(), 1);
        QCOMPARE(pages.first().body.top, 0.0);
        QCOMPARE(pages.first().body.bottom, 50.0);
        QVERIFY(!pages.first().header);
        QCOMPARE(PdfPagination::paginate({}, 100).size(), 1);
    }

    // A paragraph that does not fit starts the next page whole: it is neither cut nor drawn twice.
    void whatDoesNotFitStartsTheNextPage()
    {
        const auto pages = PdfPagination::paginate({unit(0, 60), unit(62, 90), unit(92, 130)}, 100);
        QCOMPARE(pages.size(), 2);
        QCOMPARE(pages.at(0).body.top, 0.0);
        QCOMPARE(pages.at(0).body.bottom, 92.0); // up to where the paragraph begins
        QCOMPARE(pages.at(1).body.top, 92.0);
        QCOMPARE(pages.at(1).body.bottom, 130.0);
    }

    // The heading that would be last on the page goes to the next one with the rows it keeps with (a spacer, the
    // table's header row, the first row).
    void aHeadingStaysWithWhatFollows()
    {
        const Range header{85, 92};
        const QList<Unit> units{unit(0, 70),        unit(70, 80, true),           unit(80, 85, true),
                                unit(85, 92, true), unit(92, 105, false, header), unit(105, 118, false, header)};
        const auto pages = PdfPagination::paginate(units, 100);
        QCOMPARE(pages.size(), 2);
        QCOMPARE(pages.at(0).body.bottom, 70.0);
        QCOMPARE(pages.at(1).body.top, 70.0);
        QVERIFY(!pages.at(1).header); // the table starts on this page: its header is there already
    }

    // A page that starts inside a table begins with the table's header row, and has that much less room.
    void aTableRowOnANewPageHasItsHeader()
    {
        const Range header{10, 20};
        QList<Unit> units{unit(0, 10), unit(10, 20, true)};
        for (int r = 0; r < 12; ++r)
            units.append(unit(20 + r * 15, 35 + r * 15, false, header));
        const auto pages = PdfPagination::paginate(units, 100);
        QCOMPARE(pages.size(), 3);
        QCOMPARE(pages.at(0).body.bottom, 95.0); // rows end at 35, 50, 65, 80, 95
        QCOMPARE(pages.at(1).body.top, 95.0);
        QVERIFY(pages.at(1).header);
        QCOMPARE(pages.at(1).header->top, 10.0);
        QCOMPARE(pages.at(1).header->bottom, 20.0);
        QCOMPARE(pages.at(1).body.bottom, 185.0); // 90 of room after the header: six rows
        QCOMPARE(pages.at(2).body.bottom, 200.0);
    }

    // Only what is taller than a page is cut, at the page's end, and the pages go on.
    void whatIsTallerThanAPageIsCut()
    {
        const auto pages = PdfPagination::paginate({unit(0, 30), unit(30, 280), unit(280, 300)}, 100);
        QCOMPARE(pages.size(), 4);
        QCOMPARE(pages.at(0).body.bottom, 30.0);
        QCOMPARE(pages.at(1).body.top, 30.0);
        QCOMPARE(pages.at(1).body.bottom, 130.0);
        QCOMPARE(pages.at(2).body.bottom, 230.0);
        QCOMPARE(pages.at(3).body.top, 230.0);
        QCOMPARE(pages.at(3).body.bottom, 300.0);
        QCOMPARE(PdfPagination::paginate({unit(0, 30)}, 0).size(), 1);
    }

    // On the real document, whatever the page height: every line of every paragraph and table cell lies whole on
    // one page, each heading is on the page of the first line of its section, and no part is on two pages.
    void theVisitSummaryIsNeverCut_data()
    {
        QTest::addColumn<int>("conditions");
        for (int n : {10, 25, 40})
            QTest::addRow("%d conditions", n) << n;
    }
    void theVisitSummaryIsNeverCut()
    {
        QFETCH(int, conditions);
        VisitSummaryPdf::Options options;
        options.locale = QLocale(QLocale::English, QLocale::UnitedStates);
        const std::unique_ptr<QTextDocument> doc(VisitSummaryPdf::buildDocument(longSummary(conditions), options));
        doc->setTextWidth(600);
        QAbstractTextDocumentLayout* layout = doc->documentLayout();
        // Every laid-out line (root blocks and table cells) in document coordinates and order, and what it is.
        enum class Kind { Heading, Filler, Content }; // filler: an empty spacer, a table's header row
        QList<std::pair<Range, Kind>> lines;
        for (QTextBlock b = doc->begin(); b.isValid(); b = b.next()) {
            const QRectF r = layout->blockBoundingRect(b);
            const QTextTable* table = QTextCursor(b).currentTable();
            Kind kind = Kind::Content;
            if (b.blockFormat().boolProperty(PdfPagination::kKeepWithNext))
                kind = Kind::Heading;
            else if (b.text().isEmpty() || (table && table->cellAt(b.position()).row() == 0))
                kind = Kind::Filler;
            for (int i = 0; i < b.layout()->lineCount(); ++i) {
                const QRectF line = b.layout()->lineAt(i).rect();
                lines.append({{r.top() + line.top(), r.top() + line.bottom()}, kind});
            }
        }
        QVERIFY(std::count_if(lines.cbegin(), lines.cend(),
                              [](const auto& l) { return l.second == Kind::Heading; }) >= 5);
        const QList<Unit> units = PdfPagination::units(doc.get());
        for (int height = 150; height <= 700; height += 13) {
            const auto pages = PdfPagination::paginate(units, height);
            QVERIFY(pages.size() > 1);
            for (qsizetype p = 0; p < pages.size(); ++p) {
                const auto& page = pages.at(p);
                QVERIFY(page.body.height() + (page.header ? page.header->height() : 0) <= height + 0.01);
                if (p > 0) // nothing drawn twice (what lies between two pages is the blank above a paragraph)
                    QVERIFY(page.body.top >= pages.at(p - 1).body.bottom);
            }
            for (qsizetype i = 0; i < lines.size(); ++i) {
                const auto& [line, kind] = lines.at(i);
                const qsizetype p = pageOf(pages, line.top);
                QVERIFY2(p >= 0 && line.bottom <= pages.at(p).body.bottom + 0.01,
                         qPrintable(u"page height %1: the line at %2-%3 is cut"_s.arg(height).arg(line.top).arg(
                             line.bottom)));
                if (kind != Kind::Heading)
                    continue;
                qsizetype next = i + 1;
                while (next < lines.size() && lines.at(next).second != Kind::Content)
                    ++next;
                if (next < lines.size())
                    QVERIFY2(pageOf(pages, lines.at(next).first.top) == p,
                             qPrintable(
                                 u"page height %1: the heading at %2 is alone at the foot of page %3"_s.arg(height)
                                     .arg(line.top)
                                     .arg(p + 1)));
            }
        }
    }
};

QTEST_MAIN(TestPdfPagination)
#include "TestPdfPagination.moc"
