#include "DependencyGraph.h"

#include <QRandomGenerator>
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

    // The one-pass reach answers what a walk per question answers: on random graphs of more
    // than 64 targets (several words of bits), and on a cyclic one (where it walks instead).
    void reachAnswersWhatAWalkAnswers()
    {
        QRandomGenerator rng(11);
        for (int round = 0; round < 20; ++round) {
            const int n = 40 + int(rng.bounded(160));
            QStringList ids;
            for (int i = 0; i < n; ++i)
                ids << QStringLiteral("p%1").arg(i);
            Edges edges;
            for (int i = 1; i < n; ++i)
                for (int k = int(rng.bounded(4)); k > 0; --k)
                    edges.append({ids.at(int(rng.bounded(i))), ids.at(i)}); // upstream first
            if (round % 5 == 4) // a cycle: the last node feeds the first
                edges.append({ids.last(), ids.first()});
            const DependencyGraph g(ids, edges);
            QStringList targets;
            for (const QString &id : ids)
                if (rng.bounded(100) < 60)
                    targets << id;
            const DependencyGraph::Reach reach = g.reach(targets);
            for (int q = 0; q < 30; ++q) {
                QStringList sources;
                for (int k = 1 + int(rng.bounded(3)); k > 0; --k)
                    sources << ids.at(int(rng.bounded(n)));
                sources << QStringLiteral("ghost"); // unknown ids reach nothing
                QCOMPARE(reach.from(sources), g.downstreamAmong(sources, targets));
            }
        }
        QVERIFY(DependencyGraph::Reach().from({QStringLiteral("a")}).isEmpty());
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
