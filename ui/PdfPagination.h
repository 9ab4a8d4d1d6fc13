#pragma once

#include <QList>
#include <QTextFormat>

#include <optional>

class QTextDocument;

namespace hh::ui {

// Where the pages of a document body begin and end, for PDFs drawn from one QTextDocument laid out as a single
// long page (VisitSummaryPdf). QTextDocument's own pagination cuts a paragraph or a table row wherever the page
// ends (its first line at the foot of one page, the rest on the next) and can leave a heading alone at the foot of
// a page. Here a paragraph or a table row that does not fit starts the next page instead, a heading stays with
// what follows it, and a page that starts inside a table repeats the table's header row. Only something taller
// than a whole page is cut. Stateless; any thread.
class PdfPagination
{
public:
    // A block format property: true on a block (a heading) that must be on the same page as what follows it.
    static constexpr int kKeepWithNext = QTextFormat::UserProperty + 0x4848;

    // A vertical stretch of the document, in its coordinates.
    struct Range {
        qreal top = 0;
        qreal bottom = 0;
        [[nodiscard]] qreal height() const { return bottom - top; }
    };
    // Something not to be cut in two: a paragraph, or a table row.
    struct Unit {
        Range range;                       // from where a page starting with it begins to where it ends
        bool keepWithNext = false;         // a heading, an empty spacer, a table's header row
        std::optional<Range> repeatHeader; // a table row: its table's header row, repeated atop a page it starts
    };
    struct Page {
        std::optional<Range> header; // drawn first: the header row of the table the page continues
        Range body;                  // then this part of the document
    };

    // The pages for units in document order (each range below the one before) on pages pageHeight tall. Never
    // empty: no units give one empty page.
    [[nodiscard]] static QList<Page> paginate(const QList<Unit>& units, qreal pageHeight);
    // The units of a document laid out without a page height (QTextDocument::setTextWidth()): each block of its
    // root frame, and each row of its top-level tables (the first row being the header). Blocks with kKeepWithNext
    // and empty blocks keep with the next unit, and so does a table's header row.
    [[nodiscard]] static QList<Unit> units(QTextDocument* doc);
};

} // namespace hh::ui
