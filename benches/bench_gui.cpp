#include "GeneratedPlatform.h"
#include "MainWindow.h"
#include "ManualClock.h"
#include "ScriptedPrompter.h"
#include "SqliteStore.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTimeZone>

#include <cstdio>

// Opening a large store in the console to its first paint. Run under /usr/bin/time -v for the
// peak memory (scripts/bench.sh does): goal under 2 s and 500 MB at 10,000 pipelines.
int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    const int pipelines = argc > 1 ? atoi(argv[1]) : 10000;
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("big.sqlite"));
    {
        SqliteStore store(path, OpenMode::CreateIfMissing);
        AuditEntry audit;
        audit.at = QDateTime::currentDateTimeUtc();
        audit.actor = QStringLiteral("bench");
        audit.action = QStringLiteral("import");
        store.replaceInventory(GeneratedPlatform::inventory(pipelines), audit);
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
    std::printf("%d pipelines: open to first paint %lld ms (%dx%d)\n", pipelines, firstPaint, first.width(), first.height());
    return 0;
}
