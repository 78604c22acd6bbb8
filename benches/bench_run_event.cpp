// The orchestrator's hot path at 10,000 pipelines: the wall time of one `daybreakctl route` and
// one `daybreakctl run-event` process (median and p95 of kProcesses each), and the sustained
// run events per second one connection appends through SlaService, on SQLite and on PostgreSQL
// over loopback (scripts/bench.sh passes DAYBREAK_BENCH_PG_URL and creates bench_events).
#include "GeneratedPlatform.h"
#include "ManualClock.h"
#include "SlaService.h"
#include "Store.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>

using namespace daybreak;

namespace {
constexpr int kPipelines = 10000;
constexpr int kProcesses = 40;
constexpr int kAppends = 2000;

double percentile(QList<double> samples, double p)
{
    std::sort(samples.begin(), samples.end());
    return samples.at(
        std::min<qsizetype>(samples.size() - 1, qsizetype(p * double(samples.size()))));
}

QList<double> processes(const QStringList &args, const QString &url)
{
    QList<double> ms;
    QElapsedTimer timer;
    for (int i = 0; i < kProcesses; ++i) {
        QProcess p;
        timer.start();
        p.start(QStringLiteral(DAYBREAKCTL_PATH),
                args + QStringList{QStringLiteral("--store"), url});
        p.waitForFinished(60000);
        ms.append(double(timer.nsecsElapsed()) / 1e6);
        if (p.exitCode() != 0) {
            QTextStream(stderr) << p.readAllStandardError();
            return {};
        }
    }
    return ms;
}

void measure(QTextStream &out, const QString &backend, const QString &url)
{
    const Inventory inventory = GeneratedPlatform::inventory(kPipelines);
    ManualClock clock(QDateTime(QDate(2026, 11, 25), QTime(0, 30), Qt::UTC));
    std::unique_ptr<Store> store = openStore(url, OpenMode::CreateIfMissing);
    store->replaceInventory(inventory, {0,
                                        clock.now(),
                                        QStringLiteral("bench"),
                                        QStringLiteral("import"),
                                        {},
                                        {},
                                        {},
                                        {},
                                        false,
                                        false,
                                        {}});
    const QString id = inventory.pipelines().at(kPipelines / 2).id;
    const QList<double> route = processes({QStringLiteral("route"), id}, url);
    const QList<double> event =
        processes({QStringLiteral("run-event"), id, QStringLiteral("--side"),
                   QStringLiteral("onprem"), QStringLiteral("--state"), QStringLiteral("started")},
                  url);
    if (route.isEmpty() || event.isEmpty())
        return;
    SlaService sla(*store, clock, QStringLiteral("bench"));
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < kAppends; ++i) {
        RunEvent e;
        e.pipeline = inventory.pipelines().at(i % kPipelines).id;
        e.kind = i % 2 == 0 ? RunEvent::Kind::Started : RunEvent::Kind::Succeeded;
        e.at = clock.now().addSecs(i);
        sla.recordEvent(e);
    }
    const double perSecond = kAppends / (double(timer.nsecsElapsed()) / 1e9);
    out << QStringLiteral("| %1 | %2 | %3 ms | %4 ms | %5 ms | %6 ms | %7 |")
               .arg(backend, -10)
               .arg(kPipelines)
               .arg(percentile(route, 0.5), 0, 'f', 1)
               .arg(percentile(route, 0.95), 0, 'f', 1)
               .arg(percentile(event, 0.5), 0, 'f', 1)
               .arg(percentile(event, 0.95), 0, 'f', 1)
               .arg(perSecond, 0, 'f', 0)
        << Qt::endl;
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    const QString pgBase = qEnvironmentVariable("DAYBREAK_BENCH_PG_URL");
    out << "One process of the orchestrator's hot path (" << kProcesses
        << " each, median and p95) and sustained appends (" << kAppends << " events)\n"
        << "| store | pipelines | route median | route p95 | run-event median | run-event p95 | "
           "events/s appended |\n|---|---|---|---|---|---|---|"
        << Qt::endl;
    QTemporaryDir dir;
    measure(out, QStringLiteral("SQLite"), dir.filePath(QStringLiteral("events.sqlite")));
    if (!pgBase.isEmpty())
        measure(out, QStringLiteral("PostgreSQL"), pgBase + QStringLiteral("bench_events"));
    else
        out << "(PostgreSQL skipped: DAYBREAK_BENCH_PG_URL not set; scripts/bench.sh sets it)"
            << Qt::endl;
    return 0;
}
