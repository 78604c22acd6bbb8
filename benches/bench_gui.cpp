#include "GeneratedPlatform.h"
#include "GraphPanel.h"
#include "GraphScene.h"
#include "GraphView.h"
#include "InventoryReader.h"
#include "MainWindow.h"
#include "ManualClock.h"
#include "ScriptedPrompter.h"
#include "SqliteStore.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QScrollBar>
#include <QTemporaryDir>
#include <QTimeZone>

#include <cstdio>

using namespace daybreak;

// Opening a large store in the console to its first paint. Run under /usr/bin/time -v for the
// peak memory (scripts/bench.sh does): goal under 2 s and 500 MB at 10,000 pipelines.
// Usage: bench_gui [N | a nodes.csv/edges.csv folder such as ../shared/data/real-graphs/spellbook]
int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    const QString what = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QStringLiteral("10000");
    bool generated = false;
    int pipelines = what.toInt(&generated);
    Inventory inventory;
    if (generated) {
        inventory = GeneratedPlatform::inventory(pipelines);
    } else {
        const InventoryReadResult read = InventoryReader::readGraphFiles(
            what + QStringLiteral("/nodes.csv"), what + QStringLiteral("/edges.csv"));
        if (!read.ok())
            return 2;
        inventory = read.inventory;
        pipelines = int(inventory.size());
    }
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("big.sqlite"));
    {
        SqliteStore store(path, OpenMode::CreateIfMissing);
        AuditEntry audit;
        audit.at = QDateTime::currentDateTimeUtc();
        audit.actor = QStringLiteral("bench");
        audit.action = QStringLiteral("import");
        store.replaceInventory(inventory, audit);
    }
    ManualClock clock(QDateTime(QDate(2026, 11, 24), QTime(15, 0), QTimeZone("Europe/Berlin")));
    ScriptedPrompter prompter;
    QElapsedTimer timer;
    timer.start();
    MainWindow window(clock, &prompter);
    window.resize(1440, 900);
    if (!window.openStore(path))
        return 1;
    window.show();
    QCoreApplication::processEvents();
    const QImage first = window.grab().toImage(); // the first full paint
    const qint64 firstPaint = timer.elapsed();
    std::printf("%d pipelines: open to first paint %lld ms (%dx%d)\n", pipelines, firstPaint,
                first.width(), first.height());

    // Zoom and pan: repaint the graph view after each step, as a user's wheel and drag would.
    GraphView *view = window.graphPanel()->view();
    QElapsedTimer frames;
    frames.start();
    int count = 0;
    qint64 worst = 0;
    for (int i = 0; i < 12; ++i, ++count) {
        QElapsedTimer one;
        one.start();
        i < 6 ? view->zoomIn() : view->zoomOut();
        view->horizontalScrollBar()->setValue(view->horizontalScrollBar()->value() + 120);
        view->viewport()->repaint();
        worst = std::max(worst, one.elapsed());
    }
    std::printf("%d pipelines: zoom/pan repaint %.1f ms per frame on average, worst %lld ms\n",
                pipelines, double(frames.elapsed()) / count, worst);
    // `--open-only`: stop here, so the peak memory is that of the console as it opens.
    if (argc > 2 && qstrcmp(argv[2], "--open-only") == 0)
        return 0;
    // Every group opened (a big platform opens collapsed), then one full repaint.
    QElapsedTimer expand;
    expand.start();
    window.graphScene()->expandAll();
    view->fitAll();
    view->viewport()->repaint();
    std::printf("%d pipelines: expand every group and repaint %lld ms\n", pipelines,
                expand.elapsed());
    return 0;
}
