#include "DemoData.h"
#include "DependencyGraph.h"
#include "GraphLayout.h"
#include "InventoryReader.h"

#include <QRandomGenerator>
#include <QRectF>
#include <QTest>

using namespace daybreak;

class TestGraphLayout : public QObject
{
    Q_OBJECT

private:
    static void checkLayout(const DependencyGraph &g, const GraphLayout &layout)
    {
        const GraphLayout::Options &o = layout.options();
        QCOMPARE(int(layout.positions().size()), g.nodeCount());
        // Every upstream sits in an earlier layer, so strictly to the left.
        for (const QString &id : g.ids())
            for (const QString &down : g.downstreamsOf(id)) {
                QVERIFY(layout.layerOf().value(id) < layout.layerOf().value(down));
                QVERIFY(layout.positions().value(id).x() + o.nodeWidth <
                        layout.positions().value(down).x());
            }
        // No two nodes overlap.
        QList<QRectF> rects;
        for (const QPointF &p : layout.positions())
            rects.append(QRectF(p, QSizeF(o.nodeWidth, o.nodeHeight)));
        std::sort(rects.begin(), rects.end(), [](const QRectF &a, const QRectF &b) {
            return a.x() != b.x() ? a.x() < b.x() : a.y() < b.y();
        });
        for (int i = 1; i < rects.size(); ++i)
            if (rects.at(i).x() == rects.at(i - 1).x())
                QVERIFY2(!rects.at(i).intersects(rects.at(i - 1)), "nodes overlap");
        // Edges leave the upstream's right side and end on the downstream's left side.
        for (const GraphLayout::Edge &e : layout.edges()) {
            QCOMPARE(e.points.first().x(), layout.positions().value(e.from).x() + o.nodeWidth);
            QCOMPARE(e.points.last().x(), layout.positions().value(e.to).x());
        }
        QVERIFY(layout.crossings() <= layout.naiveCrossings());
    }

private slots:
    void demoLayoutIsLayeredAndClean()
    {
        const InventoryReadResult read =
            InventoryReader::readJson(demoInventoryJson(), QStringLiteral("demo"));
        const DependencyGraph g(read.inventory);
        const GraphLayout layout = GraphLayout::compute(g);
        checkLayout(g, layout);
        QCOMPARE(int(layout.layers().size()), g.depth());
        qInfo("demo: %d crossings after sweeps, %d in the inventory's order", layout.crossings(),
              layout.naiveCrossings());
        QVERIFY(layout.crossings() < layout.naiveCrossings());
    }

    void randomGraphs()
    {
        QRandomGenerator rng(7);
        for (int c = 0; c < 40; ++c) {
            const int n = 5 + int(rng.bounded(60));
            QStringList ids;
            QList<QPair<QString, QString>> edges;
            for (int i = 0; i < n; ++i) {
                ids << QStringLiteral("n%1").arg(i);
                for (int k = 0; k < 3 && i > 0; ++k)
                    if (rng.bounded(100) < 50)
                        edges.append({QStringLiteral("n%1").arg(rng.bounded(i)), ids.last()});
            }
            const DependencyGraph g(ids, edges);
            checkLayout(g, GraphLayout::compute(g));
        }
    }

    void crossingsAreCountedExactly()
    {
        // a->d, b->c with order a,b / c,d cross once; the sweep untangles it.
        const DependencyGraph g(
            {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c"), QStringLiteral("d")},
            {{QStringLiteral("a"), QStringLiteral("d")},
             {QStringLiteral("b"), QStringLiteral("c")}});
        const GraphLayout layout = GraphLayout::compute(g);
        QCOMPARE(layout.naiveCrossings(), 1);
        QCOMPARE(layout.crossings(), 0);
    }

    void emptyGraph()
    {
        const GraphLayout layout = GraphLayout::compute(DependencyGraph());
        QVERIFY(layout.positions().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestGraphLayout)
#include "tst_graphlayout.moc"
