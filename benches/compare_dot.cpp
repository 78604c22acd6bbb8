#include "DependencyGraph.h"
#include "GeneratedPlatform.h"
#include "GraphLayout.h"
#include "InventoryReader.h"
#include "ReportExport.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QLineF>
#include <QProcess>
#include <QTemporaryDir>

#include <cstdio>

using namespace daybreak;

// Lays out one graph with our layered layout and with Graphviz's dot, and counts edge crossings
// in both the same way: straight segments between node centres, every pair tested. Also prints
// our own count along the routed edges (dummy segments), which is what the ordering minimises.
// Usage: compare_dot GRAPH [dot timeout in s, default 600] [most nodes dot is run on, 10000]
namespace {
long long crossings(const QHash<QString, QPointF> &centre,
                    const QList<QPair<QString, QString>> &edges)
{
    QList<QLineF> lines;
    for (const auto &[a, b] : edges)
        if (centre.contains(a) && centre.contains(b))
            lines.append(QLineF(centre.value(a), centre.value(b)));
    long long n = 0;
    for (int i = 0; i < lines.size(); ++i)
        for (int j = i + 1; j < lines.size(); ++j) {
            const QLineF &p = lines.at(i), &q = lines.at(j);
            if (p.p1() == q.p1() || p.p1() == q.p2() || p.p2() == q.p1() || p.p2() == q.p2())
                continue; // edges sharing a node touch, they do not cross
            if (std::max(p.x1(), p.x2()) < std::min(q.x1(), q.x2()) ||
                std::max(q.x1(), q.x2()) < std::min(p.x1(), p.x2()))
                continue;
            QPointF at;
            if (p.intersects(q, &at) == QLineF::BoundedIntersection)
                ++n;
        }
    return n;
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QString what = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QStringLiteral("1000");
    const int timeoutSeconds = argc > 2 ? atoi(argv[2]) : 600;
    const int maxDotNodes = argc > 3 ? atoi(argv[3]) : 10000;
    Inventory inv;
    bool isNumber = false;
    const int n = what.toInt(&isNumber);
    if (isNumber) {
        inv = GeneratedPlatform::inventory(n);
    } else {
        const InventoryReadResult read = InventoryReader::readGraphFiles(
            what + QStringLiteral("/nodes.csv"), what + QStringLiteral("/edges.csv"));
        if (!read.ok()) {
            for (const Problem &p : read.problems)
                std::fprintf(stderr, "%s\n", qPrintable(p.toString()));
            return 2;
        }
        inv = read.inventory;
    }
    QList<QPair<QString, QString>> edges;
    for (const Pipeline &p : inv.pipelines())
        for (const QString &up : p.upstreams)
            edges.append({up, p.id});

    const DependencyGraph graph(inv);
    QElapsedTimer timer;
    timer.start();
    const GraphLayout layout = GraphLayout::compute(graph);
    const double oursMs = timer.nsecsElapsed() / 1e6;
    QHash<QString, QPointF> ours;
    for (auto it = layout.positions().begin(); it != layout.positions().end(); ++it)
        ours.insert(it.key(), it.value() + QPointF(layout.options().nodeWidth / 2,
                                                   layout.options().nodeHeight / 2));
    const long long oursCrossings = crossings(ours, edges);

    QTemporaryDir dir;
    StoreSnapshot s;
    s.inventory = inv;
    QFile dotFile(dir.filePath(QStringLiteral("g.dot")));
    dotFile.open(QIODevice::WriteOnly);
    dotFile.write(ReportExport::dot(s).toUtf8());
    dotFile.close();
    // dot takes more than ten minutes above about 10,000 nodes: skipped there, and said so.
    const bool runDot = inv.size() <= maxDotNodes;
    QProcess dot;
    timer.restart();
    bool finished = false;
    if (runDot) {
        dot.start(QStringLiteral("dot"), {QStringLiteral("-Tplain"), dotFile.fileName()});
        finished = dot.waitForFinished(timeoutSeconds * 1000);
    }
    const double dotMs = timer.nsecsElapsed() / 1e6;
    long long dotCrossings = -1;
    if (finished && dot.exitCode() == 0) {
        QHash<QString, QPointF> theirs;
        for (const QByteArray &line : dot.readAllStandardOutput().split('\n')) {
            const QList<QByteArray> f = line.split(' ');
            if (f.size() > 4 && f.at(0) == "node")
                theirs.insert(QString::fromUtf8(f.at(1)).remove(QLatin1Char('"')),
                              QPointF(f.at(2).toDouble(), f.at(3).toDouble()));
        }
        dotCrossings = crossings(theirs, edges);
    } else if (runDot) {
        dot.kill();
        dot.waitForFinished();
    }
    const QString dotTime = !runDot    ? QStringLiteral("skipped (> %1 nodes)").arg(maxDotNodes)
                            : finished ? QStringLiteral("%1 ms").arg(dotMs, 0, 'f', 0)
                                       : QStringLiteral("timed out (%1 s)").arg(timeoutSeconds);
    const QString ratio =
        dotCrossings > 0 ? QStringLiteral("%1").arg(double(oursCrossings) / dotCrossings, 0, 'f', 2)
                         : QStringLiteral("-");
    const QString speed =
        finished ? QStringLiteral("%1x").arg(dotMs / std::max(oursMs, 0.001), 0, 'f', 0)
                 : QStringLiteral("-");
    std::printf("| %s | %d | %lld | %.1f ms | %lld | %lld | %s | %s | %s | %s |\n",
                qPrintable(QFileInfo(what).fileName()), int(inv.size()), (long long)edges.size(),
                oursMs, oursCrossings, (long long)layout.straightCrossings(), qPrintable(dotTime),
                dotCrossings < 0 ? "-" : qPrintable(QString::number(dotCrossings)),
                qPrintable(ratio), qPrintable(speed));
    return 0;
}
