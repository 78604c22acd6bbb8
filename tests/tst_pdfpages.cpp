#include "PdfPages.h"

#include <QAbstractTextDocumentLayout>
#include <QPdfWriter>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextTable>

using namespace daybreak;

// The PDF pagination of reports: a table of rows of one to six lines, with a header, between two
// headings that each begin a page. QTextDocument::print would cut some of these rows in two.
class TestPdfPages : public QObject
{
    Q_OBJECT

    static QString documentHtml()
    {
        QString rows;
        for (int r = 0; r < 90; ++r) {
            QStringList lines;
            for (int l = 0; l <= (r * 7) % 6; ++l)
                lines << QStringLiteral("row %1 line %2").arg(r).arg(l);
            rows += QStringLiteral("<tr><td>%1</td><td>%2</td></tr>")
                        .arg(r)
                        .arg(lines.join(QStringLiteral("<br>")));
        }
        return QStringLiteral("<h2>Before</h2><p>Some text.</p><h2 "
                              "style='page-break-before:always'>The table</h2><table border='1'>"
                              "<thead><tr><th>#</th><th>Lines</th></tr></thead>%1</table><h2 "
                              "style='page-break-before:always'>After</h2><p>The end.</p>")
            .arg(rows);
    }

    // Each body row's text, top to bottom, read from its cells' blocks.
    static QList<QPair<double, double>> rowExtents(QTextDocument &doc)
    {
        QList<QPair<double, double>> rows;
        QTextTable *table = nullptr;
        for (QTextFrame *f : doc.rootFrame()->childFrames())
            if ((table = qobject_cast<QTextTable *>(f)))
                break;
        if (!table)
            return rows;
        for (int r = table->format().headerRowCount(); r < table->rows(); ++r) {
            const QTextTableCell last = table->cellAt(r, 1);
            const QRectF top =
                doc.documentLayout()->blockBoundingRect(last.firstCursorPosition().block());
            const QRectF bottom =
                doc.documentLayout()->blockBoundingRect(last.lastCursorPosition().block());
            rows << qMakePair(top.top(), bottom.bottom());
        }
        return rows;
    }

private slots:
    void rowsAreNeverCutAndHeadersRepeat()
    {
        QTextDocument doc;
        doc.setHtml(documentHtml());
        doc.setDocumentMargin(0);
        doc.setTextWidth(600);
        const double pageHeight = 400;
        const QList<PdfPages::Page> pages = PdfPages::paginate(doc, pageHeight);
        const QList<QPair<double, double>> rows = rowExtents(doc);
        QCOMPARE(rows.size(), 90);
        QVERIFY2(pages.size() >= 6, "the table spans several pages");
        // Fixed slices of a page each would cut rows: the test has teeth.
        int cutByFixedSlices = 0;
        for (const auto &[top, bottom] : rows)
            cutByFixedSlices += int(top / pageHeight) != int((bottom - 1) / pageHeight) ? 1 : 0;
        QVERIFY(cutByFixedSlices > 0);
        for (const auto &[top, bottom] : rows) {
            const bool whole = std::any_of(pages.begin(), pages.end(), [&](const auto &p) {
                return p.top <= top && bottom <= p.bottom;
            });
            QVERIFY2(whole, qPrintable(QStringLiteral("row at %1..%2").arg(top).arg(bottom)));
        }
        for (const PdfPages::Page &p : pages) {
            QVERIFY(p.bottom > p.top);
            QVERIFY(p.bottom - p.top + p.headerHeight() <= pageHeight + 0.5);
        }
        // Contiguous, from the start to the end.
        QCOMPARE(pages.first().top, 0.0);
        for (qsizetype i = 1; i < pages.size(); ++i)
            QCOMPARE(pages.at(i).top, pages.at(i - 1).bottom);
        // Each heading with a page break begins a page; every page that begins inside the table
        // after its first carries the header above it.
        auto blockTop = [&](const QString &text) {
            for (QTextBlock b = doc.begin(); b.isValid(); b = b.next())
                if (b.text() == text)
                    return doc.documentLayout()->blockBoundingRect(b).top();
            return -1.0;
        };
        const double table = blockTop(QStringLiteral("The table"));
        const double after = blockTop(QStringLiteral("After"));
        QVERIFY(table > 0 && after > table);
        auto startsAPage = [&](double y) {
            return std::any_of(pages.begin(), pages.end(),
                               [&](const auto &p) { return std::abs(p.top - y) < 1; });
        };
        QVERIFY(startsAPage(table));
        QVERIFY(startsAPage(after));
        int repeated = 0;
        for (const PdfPages::Page &p : pages) {
            const bool insideTable = p.top > rows.first().first && p.top < rows.last().second;
            QCOMPARE(p.headerHeight() > 0, insideTable);
            repeated += insideTable ? 1 : 0;
        }
        QVERIFY(repeated >= 3);
    }

    void thePdfHoldsEachLineOnce()
    {
        // Cut between rows, no line is printed on two pages (a PDF keeps clipped text, and a
        // reader copying a command would get it twice).
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("t.pdf"));
        QTextDocument doc;
        doc.setHtml(documentHtml());
        int pages = 0;
        {
            QPdfWriter writer(path);
            writer.setPageSize(QPageSize(QPageSize::A5));
            pages = PdfPages::print(doc, writer, QStringLiteral("footer of the test"));
        }
        QVERIFY(pages >= 3);
        const QString pdftotext = QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
        QVERIFY(!pdftotext.isEmpty());
        QProcess p;
        p.start(pdftotext, {path, QStringLiteral("-")});
        QVERIFY(p.waitForFinished(60000));
        const QString text = QString::fromUtf8(p.readAllStandardOutput());
        for (int r = 0; r < 90; ++r)
            QCOMPARE(text.count(QStringLiteral("row %1 line 0\n").arg(r)), 1);
        QCOMPARE(text.count(QStringLiteral("footer of the test")), pages);
        QVERIFY(text.contains(QStringLiteral("page %1 of %1").arg(pages)));
        // The header, once per page the table is on.
        QVERIFY(text.count(QStringLiteral("Lines")) >= 3);
    }
};

QTEST_MAIN(TestPdfPages)
#include "tst_pdfpages.moc"
