#include "ui/PdfPagination.h"

#include <QAbstractTextDocumentLayout>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextFrame>
#include <QTextTable>

#include <algorithm>
#include <limits>

namespace hh::ui {

QList<PdfPagination::Page> PdfPagination::paginate(const QList<Unit>& units, qreal pageHeight)
{
    QList<Page> pages;
    Page page;
    if (pageHeight <= 0) {
        page.body.bottom = units.isEmpty() ? 0 : units.last().range.bottom;
        return {page};
    }
    bool empty = true;            // nothing placed on `page` yet
    qsizetype noBreakBefore = -1; // units up to this one follow on without a page break before them
    const auto pageEnd = [&] { return page.body.top + pageHeight - (page.header ? page.header->height() : 0); };
    const auto startPage = [&](qreal top, const std::optional<Range>& header) {
        page.body.bottom = std::min(top, pageEnd());
        pages.append(page);
        page = Page{};
        page.body.top = top;
        // A header row that would leave less than half the page is not repeated.
        if (header && header->height() < pageHeight / 2)
            page.header = header;
        empty = true;
    };
    for (qsizetype i = 0; i < units.size();) {
        const Unit& u = units.at(i);
        // A heading goes with the next unit (and a chain of them with the first unit that does not keep with
        // next).
        qsizetype last = i;
        while (last + 1 < units.size() && units.at(last).keepWithNext)
            ++last;
        const bool free = i > noBreakBefore;
        if (u.range.bottom <= pageEnd() && (!free || units.at(last).range.bottom <= pageEnd())) {
            empty = false;
            ++i;
            continue;
        }
        if (!empty && free) {
            // It does not fit below what is on this page: it starts the next one.
            startPage(u.range.top, u.repeatHeader);
            continue;
        }
        // Taller than an empty page (with the units it keeps with): place as much as fits, cutting only what is
        // itself taller than the room left.
        noBreakBefore = std::max(noBreakBefore, last);
        if (u.range.bottom <= pageEnd()) {
            empty = false;
            ++i;
            continue;
        }
        startPage(pageEnd(), u.repeatHeader);
    }
    page.body.bottom = units.isEmpty() ? page.body.top : std::max(page.body.top, units.last().range.bottom);
    pages.append(page);
    return pages;
}

QList<PdfPagination::Unit> PdfPagination::units(QTextDocument* doc)
{
    QList<Unit> list;
    QAbstractTextDocumentLayout* layout = doc->documentLayout();
    // Laid-out blocks and tables may overlap a little (a table's frame reaches below the top of the paragraph
    // after it): a unit ends where the next one begins, so that no line of the next is drawn with it. An empty
    // block within the one before is dropped: it shows nothing.
    const auto add = [&](Unit u, bool emptyBlock) {
        if (!list.isEmpty() && u.range.top < list.last().range.bottom) {
            if (emptyBlock)
                return;
            Range& before = list.last().range;
            u.range.top = std::max(u.range.top, before.top);
            before.bottom = u.range.top;
        }
        u.range.bottom = std::max(u.range.bottom, u.range.top);
        list.append(u);
    };
    for (auto it = doc->rootFrame()->begin(); !it.atEnd(); ++it) {
        if (auto* table = qobject_cast<QTextTable*>(it.currentFrame())) {
            // Rows end halfway between the last line of one row and the first line of the next (in the padding,
            // on the border between them); the first begins and the last ends with the table.
            const QRectF frame = layout->frameBoundingRect(table);
            const int rows = table->rows();
            QList<qreal> contentTop(rows, std::numeric_limits<qreal>::max());
            QList<qreal> contentBottom(rows, std::numeric_limits<qreal>::lowest());
            for (int r = 0; r < rows; ++r) {
                for (int c = 0; c < table->columns(); ++c) {
                    const QTextTableCell cell = table->cellAt(r, c);
                    if (cell.row() != r)
                        continue; // spanned from above
                    contentTop[r] = std::min(contentTop[r],
                                             layout->blockBoundingRect(cell.firstCursorPosition().block()).top());
                    contentBottom[r] = std::max(
                        contentBottom[r], layout->blockBoundingRect(cell.lastCursorPosition().block()).bottom());
                }
            }
            QList<qreal> edge(rows + 1);
            edge[0] = frame.top();
            edge[rows] = frame.bottom();
            for (int r = 1; r < rows; ++r)
                edge[r] = (contentBottom[r - 1] + contentTop[r]) / 2;
            const int headerRows = table->format().headerRowCount();
            const std::optional<Range> header = headerRows > 0 && headerRows < rows
                                                    ? std::optional(Range{edge[0], edge[headerRows]})
                                                    : std::nullopt;
            for (int r = 0; r < rows; ++r) {
                Unit u;
                u.range = {edge[r], edge[r + 1]};
                u.keepWithNext = r < headerRows;
                if (r >= headerRows)
                    u.repeatHeader = header;
                add(u, false);
            }
            continue;
        }
        const QTextBlock block = it.currentBlock();
        if (!block.isValid())
            continue;
        const QRectF rect = layout->blockBoundingRect(block);
        Unit u;
        u.range = {rect.top(), rect.bottom()};
        u.keepWithNext = block.blockFormat().boolProperty(kKeepWithNext) || block.text().isEmpty();
        add(u, block.text().isEmpty());
    }
    return list;
}

} // namespace hh::ui
