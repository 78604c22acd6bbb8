#include "PdfPages.h"

#include <QAbstractTextDocumentLayout>
#include <QPainter>
#include <QPdfWriter>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextFrame>
#include <QTextLayout>
#include <QTextTable>

#include <algorithm>
#include <limits>

namespace daybreak {

namespace PdfPages {

namespace {
constexpr double kFooterHeight = 22; // device pixels (the writer works at 96 dpi)
constexpr double kRowEdge = 6;       // a row's padding and border beyond its text
constexpr double kAfterHeading = 60; // a heading keeps this much of what follows with it

QList<QTextTable *> tables(QTextFrame *frame)
{
    QList<QTextTable *> found;
    for (QTextFrame *child : frame->childFrames()) {
        if (auto *t = qobject_cast<QTextTable *>(child))
            found << t;
        found << tables(child);
    }
    return found;
}

struct TableRows
{
    QList<Span> rows;
    int headerRows = 0;
};

// Each row's span from its cells' first and last blocks, the boundary between two rows halfway
// between the text of one and the next.
TableRows rowsOf(QTextTable *table, QAbstractTextDocumentLayout *layout)
{
    TableRows t;
    t.headerRows = table->format().headerRowCount();
    QList<Span> text;
    for (int r = 0; r < table->rows(); ++r) {
        double top = std::numeric_limits<double>::max();
        double bottom = std::numeric_limits<double>::lowest();
        for (int c = 0; c < table->columns(); ++c) {
            const QTextTableCell cell = table->cellAt(r, c);
            if (!cell.isValid() || cell.row() != r || cell.column() != c)
                continue;
            top =
                std::min(top, layout->blockBoundingRect(cell.firstCursorPosition().block()).top());
            bottom = std::max(
                bottom, layout->blockBoundingRect(cell.lastCursorPosition().block()).bottom());
        }
        if (top < bottom)
            text << Span{top, bottom};
    }
    for (qsizetype i = 0; i < text.size(); ++i) {
        const double top =
            i == 0 ? text.at(i).top - kRowEdge : (text.at(i - 1).bottom + text.at(i).top) / 2;
        const double bottom = i + 1 == text.size() ? text.at(i).bottom + kRowEdge
                                                   : (text.at(i).bottom + text.at(i + 1).top) / 2;
        t.rows << Span{top, bottom};
    }
    t.headerRows = std::min<int>(t.headerRows, int(t.rows.size()));
    return t;
}

struct Layout
{
    QList<Span> spans;    // nothing is cut inside these
    QList<double> forced; // a page starts here
    struct Header
    {
        Span header; // the header rows
        Span body;   // the rows after them
    };
    QList<Header> headers;
};

Layout measure(QTextDocument &doc)
{
    Layout out;
    QAbstractTextDocumentLayout *layout = doc.documentLayout();
    for (QTextTable *table : tables(doc.rootFrame())) {
        const TableRows t = rowsOf(table, layout);
        out.spans << t.rows;
        if (table->frameFormat().pageBreakPolicy() & QTextFormat::PageBreak_AlwaysBefore)
            if (!t.rows.isEmpty())
                out.forced << t.rows.first().top;
        if (t.headerRows > 0 && t.rows.size() > t.headerRows) {
            const Span header{t.rows.first().top, t.rows.at(t.headerRows - 1).bottom};
            out.headers << Layout::Header{header,
                                          {t.rows.at(t.headerRows).top, t.rows.last().bottom}};
            // The header never ends a page alone.
            out.spans << Span{header.top, t.rows.at(t.headerRows).bottom};
        }
    }
    for (QTextBlock block = doc.begin(); block.isValid(); block = block.next()) {
        if (QTextCursor(block).currentTable())
            continue; // its row is the span
        const QRectF rect = layout->blockBoundingRect(block);
        const QTextBlockFormat format = block.blockFormat();
        if (format.pageBreakPolicy() & QTextFormat::PageBreak_AlwaysBefore)
            out.forced << rect.top();
        const QTextLayout *lines = block.layout();
        for (int i = 0; i < lines->lineCount(); ++i) {
            const QTextLine line = lines->lineAt(i);
            const double top = lines->position().y() + line.y();
            out.spans << Span{top, top + line.height()};
        }
        if (format.headingLevel() > 0)
            out.spans << Span{rect.top(), rect.bottom() + kAfterHeading};
    }
    std::sort(out.forced.begin(), out.forced.end());
    return out;
}
} // namespace

QList<Span> unbreakableSpans(QTextDocument &doc)
{
    return measure(doc).spans;
}

QList<Page> paginate(QTextDocument &doc, double pageHeight)
{
    const Layout m = measure(doc);
    const double end = doc.documentLayout()->documentSize().height();
    QList<Page> pages;
    double s = 0;
    while (s < end - 0.5) {
        Page page;
        page.top = s;
        // A page that begins inside a table's rows repeats its header above them.
        for (const Layout::Header &h : m.headers)
            if (s > h.header.bottom - 0.5 && s >= h.body.top - 0.5 && s < h.body.bottom - 0.5) {
                page.headerTop = h.header.top;
                page.headerBottom = h.header.bottom;
            }
        const double room = pageHeight - page.headerHeight();
        const double limit = s + room;
        double cut = std::min(limit, end);
        const auto forced =
            std::find_if(m.forced.begin(), m.forced.end(), [&](double f) { return f > s + 1; });
        if (forced != m.forced.end() && *forced <= cut) {
            cut = *forced;
        } else if (cut < end) {
            // Back off to the start of whatever the page's end would cut, until nothing is cut;
            // something taller than a page is cut where the page ends.
            for (bool moved = true; moved;) {
                moved = false;
                for (const Span &sp : m.spans)
                    if (sp.top < cut - 0.5 && cut < sp.bottom - 0.5 && sp.top > s + 1 &&
                        sp.bottom - sp.top <= room) {
                        cut = sp.top;
                        moved = true;
                    }
            }
        }
        if (cut <= s + 1)
            cut = std::min(limit, end);
        page.bottom = cut;
        pages << page;
        s = cut;
    }
    return pages;
}

int print(QTextDocument &doc, QPdfWriter &writer, const QString &footer)
{
    writer.setResolution(96); // device pixels are CSS pixels: the HTML's sizes hold as written
    doc.documentLayout()->setPaintDevice(&writer);
    doc.setDocumentMargin(0);
    doc.setTextWidth(writer.width()); // one long page, cut below
    const double height = writer.height() - kFooterHeight;
    const QList<Page> pages = paginate(doc, height);
    QPainter p;
    if (!p.begin(&writer))
        return 0;
    QFont small = doc.defaultFont();
    small.setPointSizeF(7.5);
    auto slice = [&](double top, double bottom, double at) {
        p.save();
        p.translate(0, at - top);
        // One pixel more, for the border under the page's last row.
        const QRectF view(0, top, writer.width(), bottom - top + 1);
        p.setClipRect(view);
        QAbstractTextDocumentLayout::PaintContext context;
        // The layout draws every block the clip touches, whole, and a PDF keeps the text the
        // painter's clip hides: a reader's copy and pdftotext would find a neighbour's line
        // twice. So the blocks drawn are those well inside the slice.
        context.clip = view.adjusted(0, 2, 0, -3);
        context.palette.setColor(QPalette::Text, Qt::black);
        doc.documentLayout()->draw(&p, context);
        p.restore();
    };
    for (qsizetype i = 0; i < pages.size(); ++i) {
        const Page &page = pages.at(i);
        if (i > 0)
            writer.newPage();
        if (page.headerHeight() > 0)
            slice(page.headerTop, page.headerBottom, 0);
        slice(page.top, page.bottom, page.headerHeight());
        p.setFont(small);
        p.setPen(QColor(0x60, 0x60, 0x60));
        const QRectF line(0, height + 6, writer.width(), kFooterHeight - 6);
        p.drawText(line, Qt::AlignLeft | Qt::AlignVCenter, footer);
        p.drawText(line, Qt::AlignRight | Qt::AlignVCenter,
                   QStringLiteral("page %1 of %2").arg(i + 1).arg(pages.size()));
    }
    p.end();
    return int(pages.size());
}

} // namespace PdfPages

} // namespace daybreak
