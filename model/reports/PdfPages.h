#pragma once

#include <QList>
#include <QString>

class QPdfWriter;
class QTextDocument;

namespace daybreak {

// Prints a rich-text document on a PDF writer's pages the way a reader expects of a report:
// no table row and no line of text is cut by a page's end (a row that would be starts the next
// page, where its table's header rows are repeated above it), an explicit page break
// (`page-break-before`) starts a page, and every page carries `footer` and "page 3 of 21".
// QTextDocument::print splits table rows line by line and adds margins of its own; here the
// document is laid out once as one long page and cut where nothing is split.
namespace PdfPages {

// A page: the slice [top, bottom) of the long layout, and the header rows [headerTop,
// headerBottom) drawn above it when it begins inside a table (both 0 when not).
struct Page
{
    double top = 0;
    double bottom = 0;
    double headerTop = 0;
    double headerBottom = 0;
    double headerHeight() const { return headerBottom - headerTop; }
};

// Cuts a document laid out at its text width into pages of `pageHeight`.
QList<Page> paginate(QTextDocument &document, double pageHeight);

// The spans nothing may be cut inside: every table row and every line outside tables, in
// document coordinates. For tests and for paginate().
struct Span
{
    double top = 0;
    double bottom = 0;
};
QList<Span> unbreakableSpans(QTextDocument &document);

// Returns the number of pages printed, or 0 when the writer could not be painted on.
int print(QTextDocument &document, QPdfWriter &writer, const QString &footer);

} // namespace PdfPages

} // namespace daybreak
