#include "DistinctLabels.h"
#include "GeneratedPlatform.h"
#include "GraphLayout.h"
#include "InventoryReader.h"
#include "LabelFits.h"
#include "PipelineNodeItem.h"

#include <QElapsedTimer>
#include <QFont>
#include <QFontMetrics>
#include <QGuiApplication>
#include <QSet>

#include <cstdio>

using namespace daybreak;

// The graph's node labels on a real platform: how many read the same as another, as they were
// elided before (from the front, "...ream_extract") and as DistinctLabels makes them, with every
// group open, and how long making them takes.
// Usage: bench_labels FOLDER... (nodes.csv/edges.csv folders such as ../shared/data/real-graphs/*)
int main(int argc, char *argv[])
{
    QGuiApplication app(argc, argv);
    QFont font;
    font.setPointSizeF(8.5);
    font.setBold(true);
    const QFontMetrics metrics(font);
    const LabelFits fits(
        font, int(PipelineNodeItem::nearTextRect(
                      QSizeF(GraphLayout::Options().nodeWidth, GraphLayout::Options().nodeHeight))
                      .width()));
    const GraphLayout::Options layout;
    const int width =
        int(PipelineNodeItem::nearTextRect(QSizeF(layout.nodeWidth, layout.nodeHeight)).width());
    std::printf("%-22s %9s %22s %22s %10s\n", "graph", "pipelines", "alike before (front)",
                "alike now (distinct)", "ms");
    for (int i = 1; i < argc; ++i) {
        const QString folder = QString::fromLocal8Bit(argv[i]);
        const InventoryReadResult read = InventoryReader::readGraphFiles(
            folder + QStringLiteral("/nodes.csv"), folder + QStringLiteral("/edges.csv"));
        if (!read.ok())
            return 2;
        QList<DistinctLabels::Item> items;
        QHash<QString, int> before;
        for (const Pipeline &p : read.inventory.pipelines()) {
            items.append({p.id, p.groupName()});
            ++before[metrics.elidedText(p.id, Qt::ElideLeft, width)];
        }
        int alikeBefore = 0;
        for (const int n : std::as_const(before))
            alikeBefore += n > 1 ? n : 0;
        QElapsedTimer timer;
        timer.start();
        const QHash<QString, QString> labels =
            DistinctLabels::compute(items, [&](const QString &t) { return fits(t); });
        const qint64 ms = timer.elapsed();
        QHash<QString, int> now;
        for (const QString &l : labels)
            ++now[l];
        int alikeNow = 0;
        for (const int n : std::as_const(now))
            alikeNow += n > 1 ? n : 0;
        std::printf("%-22s %9lld %22d %22d %10lld\n",
                    qPrintable(folder.section(QLatin1Char('/'), -1)), qint64(items.size()),
                    alikeBefore, alikeNow, ms);
    }
    return 0;
}
