#include "DependencyGraph.h"

#include <QTest>

using namespace daybreak;

using Edges = QList<QPair<QString, QString>>;

class TestDependencyGraph : public QObject
{
    Q_OBJECT

private:
    // src1, src2 -> stg -> core -> mart1, mart2 -> report(mart1, mart2, src2)
    static DependencyGraph diamond()
    {
        const QStringList ids{QStringLiteral("report"), QStringLiteral("mart1"),
                              QStringLiteral("mart2"),  QStringLiteral("core"),
                              QStringLiteral("stg"),    QStringLiteral("src1"),
                              QStringLiteral("src2"),   QStringLiteral("lonely")};
        const Edges edges{{QStringLiteral("src1"), QStringLiteral("stg")},
                          {QStringLiteral("src2"), QStringLiteral("stg")},
                          {QStringLiteral("stg"), QStringLiteral("core")},
                          {QStringLiteral("core"), QStringLiteral("mart1")},
                          {QStringLiteral("core"), QStringLiteral("mart2")},
                          {QStringLiteral("mart1"), QStringLiteral("report")},
                          {QStringLiteral("mart2"), QStringLiteral("report")},
                          {QStringLiteral("src2"), QStringLiteral("report")}};
        return DependencyGraph(ids, edges);
    }

private slots:
    void topologicalOrderPutsUpstreamsFirst()
    {
        const DependencyGraph g = diamond();
        const QStringList order = g.topologicalOrder();
        QCOMPARE(order.size(), 8);
        for (const QString &id : g.ids())
            for (const QString &up : g.upstreamsOf(id))
                QVERIFY2(order.indexOf(up) < order.indexOf(id),
                         qPrintable(up + QStringLiteral(" before ") + id));
        QVERIFY(!g.hasCycle());
    }

    void cycleIsReportedAsClosedPath()
    {
        const DependencyGraph g(
            {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c"), QStringLiteral("d")},
            Edges{{QStringLiteral("a"), QStringLiteral("b")},
                  {QStringLiteral("b"), QStringLiteral("c")},
                  {QStringLiteral("c"), QStringLiteral("a")},
                  {QStringLiteral("c"), QStringLiteral("d")}});
        const QList<QStringList> cycles = g.cycles();
        QCOMPARE(cycles.size(), 1);
        QCOMPARE(cycles.first(), (QStringList{QStringLiteral("a"), QStringLiteral("b"),
                                              QStringLiteral("c"), QStringLiteral("a")}));
        QVERIFY(g.topologicalOrder().isEmpty());
        QVERIFY(g.layers().isEmpty());
    }

    void twoSeparateCyclesAreBothReported()
    {
        const DependencyGraph g(
            {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("x"), QStringLiteral("y")},
            Edges{{QStringLiteral("a"), QStringLiteral("b")},
                  {QStringLiteral("b"), QStringLiteral("a")},
                  {QStringLiteral("x"), QStringLiteral("y")},
                  {QStringLiteral("y"), QStringLiteral("x")}});
        QCOMPARE(g.cycles().size(), 2);
    }

    void closures()
    {
        const DependencyGraph g = diamond();
        QCOMPARE(g.upstreamClosure(QStringLiteral("mart1")),
                 (QSet<QString>{QStringLiteral("core"), QStringLiteral("stg"),
                                QStringLiteral("src1"), QStringLiteral("src2")}));
        QCOMPARE(g.downstreamClosure(QStringLiteral("stg")),
                 (QSet<QString>{QStringLiteral("core"), QStringLiteral("mart1"),
                                QStringLiteral("mart2"), QStringLiteral("report")}));
        QCOMPARE(g.downstreamClosure(QStringLiteral("report")), QSet<QString>{});
        QCOMPARE(g.upstreamClosure(QStringLiteral("lonely")), QSet<QString>{});
        QCOMPARE(g.upstreamClosure(QStringLiteral("nope")), QSet<QString>{});
    }

    void longestPathLayers()
    {
        const DependencyGraph g = diamond();
        const QHash<QString, int> l = g.layers();
        QCOMPARE(l.value(QStringLiteral("src1")), 0);
        QCOMPARE(l.value(QStringLiteral("src2")), 0);
        QCOMPARE(l.value(QStringLiteral("stg")), 1);
        QCOMPARE(l.value(QStringLiteral("core")), 2);
        QCOMPARE(l.value(QStringLiteral("mart1")), 3);
        // report reads src2 directly (layer 0) but its longest path runs through the marts
        QCOMPARE(l.value(QStringLiteral("report")), 4);
        QCOMPARE(l.value(QStringLiteral("lonely")), 0);
        QCOMPARE(g.depth(), 5);
    }

    void edgesToUnknownIdsAreIgnored()
    {
        const DependencyGraph g({QStringLiteral("a")},
                                Edges{{QStringLiteral("ghost"), QStringLiteral("a")}});
        QCOMPARE(g.nodeCount(), 1);
        QVERIFY(g.upstreamsOf(QStringLiteral("a")).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestDependencyGraph)
#include "tst_dependencygraph.moc"
