#include "CrossingReduction.h"
#include "DemoData.h"
#include "DependencyGraph.h"
#include "GraphLayout.h"
#include "InventoryReader.h"
#include "LayerAssignment.h"
#include "LayeredGraph.h"

#include <QLineF>
#include <QRandomGenerator>
#include <QRectF>
#include <QTest>

#include <cmath>
#include <numeric>

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
        // Two layers a, b over c, d with a->d and b->c: one crossing; the ordering untangles it.
        LayeredGraph g(2);
        const int a = g.addVertex(0, false), b = g.addVertex(0, false);
        const int c = g.addVertex(1, false), d = g.addVertex(1, false);
        g.addEdge(a, d);
        g.addEdge(b, c);
        QCOMPARE(g.crossings(), 1);
        g.addEdge(a, c); // a->c, a->d, b->c: still the one crossing of a->d with b->c
        QCOMPARE(g.crossings(), 1);
        const CrossingReduction::Result r = CrossingReduction::run(g, 8);
        QCOMPARE(r.final, 0);
        QCOMPARE(g.crossings(), 0);
    }

    void separateComponentsNeverCross()
    {
        // a->d and b->c are two components: each is laid out on its own, one below the other.
        const DependencyGraph g(
            {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c"), QStringLiteral("d")},
            {{QStringLiteral("a"), QStringLiteral("d")},
             {QStringLiteral("b"), QStringLiteral("c")}});
        const GraphLayout layout = GraphLayout::compute(g);
        checkLayout(g, layout);
        QCOMPARE(layout.crossings(), 0);
        const auto y = [&](const char *id) {
            return layout.positions().value(QLatin1String(id)).y();
        };
        QCOMPARE(y("a"), y("d"));
        QCOMPARE(y("b"), y("c"));
        QVERIFY(std::abs(y("a") - y("b")) >= layout.options().nodeHeight);
    }

    void aSourceSitsJustBeforeItsFirstReader()
    {
        // s is read only by t at the end of a chain: next to t, not three layers away.
        const DependencyGraph g({QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c"),
                                 QStringLiteral("t"), QStringLiteral("s")},
                                {{QStringLiteral("a"), QStringLiteral("b")},
                                 {QStringLiteral("b"), QStringLiteral("c")},
                                 {QStringLiteral("c"), QStringLiteral("t")},
                                 {QStringLiteral("s"), QStringLiteral("t")}});
        const GraphLayout layout = GraphLayout::compute(g);
        checkLayout(g, layout);
        QCOMPARE(layout.layerOf().value(QStringLiteral("t")), 3);
        QCOMPARE(layout.layerOf().value(QStringLiteral("s")), 2);
        // A chain and a straight long edge: t level with c and s; the whole chain level.
        QCOMPARE(layout.positions().value(QStringLiteral("a")).y(),
                 layout.positions().value(QStringLiteral("b")).y());
    }

    void straightCrossingsMatchSegmentIntersections()
    {
        // The layout's count of straight-line crossings against testing every pair of segments.
        QRandomGenerator rng(11);
        for (int round = 0; round < 30; ++round) {
            const int layers = 2 + int(rng.bounded(4));
            LayeredGraph g(layers);
            std::vector<std::vector<int>> real(layers);
            for (int l = 0; l < layers; ++l)
                for (int k = 0; k < 2 + int(rng.bounded(4)); ++k)
                    real[l].push_back(g.addVertex(l, false));
            QList<QPair<int, int>> edges; // real endpoints
            for (int e = 0; e < 12; ++e) {
                const int a = int(rng.bounded(layers - 1));
                const int b = a + 1 + int(rng.bounded(layers - 1 - a));
                const int u = real[a][rng.bounded(int(real[a].size()))];
                const int w = real[b][rng.bounded(int(real[b].size()))];
                if (edges.contains({u, w}))
                    continue;
                edges.append({u, w});
                int at = u;
                for (int l = a + 1; l < b; ++l) {
                    const int d = g.addVertex(l, true);
                    g.addEdge(at, d);
                    at = d;
                }
                g.addEdge(at, w);
            }
            std::vector<double> y(g.vertexCount());
            for (double &v : y)
                v = rng.bounded(1000) / 10.0; // dummies get a height too: it must not matter
            long long expected = 0;
            for (int i = 0; i < edges.size(); ++i)
                for (int j = i + 1; j < edges.size(); ++j) {
                    const auto [a, b] = edges.at(i);
                    const auto [c, d] = edges.at(j);
                    if (a == c || a == d || b == c || b == d)
                        continue;
                    const QLineF p(g.layer[a], y[a], g.layer[b], y[b]);
                    const QLineF q(g.layer[c], y[c], g.layer[d], y[d]);
                    QPointF at;
                    expected += p.intersects(q, &at) == QLineF::BoundedIntersection ? 1 : 0;
                }
            QCOMPARE(g.straightCrossings(y), expected);
        }
    }

    void layeringHasTheLeastTotalSpan_data()
    {
        QTest::addColumn<int>("seed");
        for (int seed = 1; seed <= 40; ++seed)
            QTest::addRow("random dag %d", seed) << seed;
    }

    void layeringHasTheLeastTotalSpan()
    {
        // Small connected DAGs against every layering there is: network simplex finds the least
        // sum of edge spans, which longest-path layering often misses.
        QFETCH(int, seed);
        QRandomGenerator rng{quint32(seed)};
        const int n = 3 + int(rng.bounded(4));
        std::vector<std::vector<int>> down(n), up(n);
        std::vector<std::pair<int, int>> edges;
        for (int v = 1; v < n; ++v) {
            const int u = int(rng.bounded(v)); // keeps it connected
            edges.emplace_back(u, v);
            for (int w = 0; w < v; ++w)
                if (w != u && rng.bounded(100) < 30)
                    edges.emplace_back(w, v);
        }
        for (const auto &[u, v] : edges) {
            down[u].push_back(v);
            up[v].push_back(u);
        }
        std::vector<int> topological(n);
        std::iota(topological.begin(), topological.end(), 0);
        const std::vector<int> layer = LayerAssignment::compute(down, up, topological);
        for (const auto &[u, v] : edges)
            QVERIFY(layer[v] > layer[u]);
        long long best = -1;
        std::vector<int> l(n, 0);
        for (long long code = 0; code < std::pow(n, n); ++code) {
            long long c = code;
            for (int v = 0; v < n; ++v, c /= n)
                l[v] = int(c % n);
            bool feasible = true;
            long long span = 0;
            for (const auto &[u, v] : edges) {
                feasible = feasible && l[v] > l[u];
                span += l[v] - l[u];
            }
            if (feasible && (best < 0 || span < best))
                best = span;
        }
        QCOMPARE(LayerAssignment::totalSpan(down, layer), best);
    }

    void emptyGraph()
    {
        const GraphLayout layout = GraphLayout::compute(DependencyGraph());
        QVERIFY(layout.positions().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestGraphLayout)
#include "tst_graphlayout.moc"
