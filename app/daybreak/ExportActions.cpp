#include "ExportActions.h"

#include "GraphExport.h"
#include "GraphScene.h"
#include "ReportExport.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QProgressDialog>

namespace daybreak {

QString ExportActions::graph(QWidget *parent, GraphScene *scene)
{
    QString selectedFilter;
    const QString path = QFileDialog::getSaveFileName(
        parent, QObject::tr("Export graph"), QStringLiteral("daybreak-graph.png"),
        QObject::tr("PNG image (*.png);;SVG drawing (*.svg)"), &selectedFilter);
    if (path.isEmpty())
        return {};
    const QString error = path.endsWith(QLatin1String(".svg"), Qt::CaseInsensitive)
                              ? GraphExport::toSvg(scene, path)
                              : GraphExport::toPng(scene, path);
    if (!error.isEmpty()) {
        QMessageBox::warning(parent, QObject::tr("Export graph"), error);
        return {};
    }
    return QObject::tr("Graph exported to %1").arg(path);
}

QString ExportActions::report(QWidget *parent, const StoreSnapshot &snapshot,
                              const PlanReport::Options &options)
{
    QString filter;
    const QString path = QFileDialog::getSaveFileName(
        parent, QObject::tr("Export report"), QStringLiteral("migration-plan.pdf"),
        QObject::tr("PDF document (*.pdf);;HTML page (*.html);;Markdown (*.md);;CSV for "
                    "spreadsheets (*.csv);;Graphviz DOT (*.dot)"),
        &filter);
    if (path.isEmpty())
        return {};
    const auto format = ReportExport::formatFromName(QFileInfo(path).suffix());
    if (!format) {
        QMessageBox::warning(parent, QObject::tr("Export report"),
                             QObject::tr("Choose a .pdf, .html, .md, .csv or .dot file name."));
        return {};
    }
    QProgressDialog progress(QObject::tr("Writing the report…"), QString(), 0, 100, parent);
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(0);
    progress.setValue(0);
    const QString error = ReportExport::write(
        *format, path, snapshot, options, [&progress](int percent) { progress.setValue(percent); });
    progress.setValue(100);
    if (!error.isEmpty()) {
        QMessageBox::warning(parent, QObject::tr("Export report"), error);
        return {};
    }
    return QObject::tr("Report written to %1").arg(path);
}

} // namespace daybreak
