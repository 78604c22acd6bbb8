#include "DependencyGraph.h"
#include "GeneratedPlatform.h"
#include "GraphLayout.h"

#include <QTest>

using namespace daybreak;

// The layered layout on generated platforms. Goals (Release): 1,000 under 100 ms, 5,000 under 1 s.
// Prints crossings against the naive (inventory) order.
class BenchLayout : public QObject
{
    Q_OBJECT

private slots:
    void layout_data()
    {
        QTest::addColumn<int>("pipelines");
        for (int n : {60, 1000, 5000, 10000})
            QTest::newRow(qPrintable(QString::number(n))) << n;
    }

    void layout()
    {
        QFETCH(int, pipelines);
        const Inventory inv = GeneratedPlatform::inventory(pipelines);
        const DependencyGraph graph(inv);
        GraphLayout result;
        QBENCHMARK
        {
            result = GraphLayout::compute(graph);
        }
        qInfo("%d pipelines: %d crossings after sweeps, %d in naive order (%.1f%%)", pipelines,
              result.crossings(), result.naiveCrossings(),
              100.0 * result.crossings() / std::max(1, result.naiveCrossings()));
    }
};

QTEST_GUILESS_MAIN(BenchLayout)
#include "bench_layout.moc"
