// A busy night replayed against open consoles: a writer process appends run events at a steady
// rate (10 a second by default) to a generated platform of 10,000 pipelines, while this process
// holds the console open on the same store. It prints the console's CPU (user + system, from
// getrusage) per second of wall time and per event, and how long each event took to reach the
// console. On PostgreSQL (DAYBREAK_BENCH_PG_URL, as scripts/bench.sh sets it) it also opens
// `--consoles N` sessions following the same night and prints what they cost the server
// (the backends' CPU from /proc, as the server runs on this machine).
//
// Usage: bench_follow [--pipelines N] [--rate R] [--seconds S] [--consoles N] [--postgresql]
//        bench_follow --writer URL RATE SECONDS START_MS EPOCH_MS   (the writer, started by it)
#include "Clock.h"
#include "DependencyGraph.h"
#include "GeneratedPlatform.h"
#include "MainWindow.h"
#include "PgStore.h"
#include "ScriptedPrompter.h"
#include "SqliteStore.h"
#include "StoreSession.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QProcess>
#include <QSocketNotifier>
#include <QTemporaryDir>
#include <QThread>
#include <QTimeZone>
#include <QTimer>

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>

using namespace daybreak;

namespace {
const QDate kNight(2026, 11, 23);

// The night's clock, shared by the console and the writer: 01:30 on the night's morning (Berlin)
// when the benchmark began, running on in real time, so the console projects the very night the
// writer's events belong to and each event is "now" when it is written.
QDateTime nightAt(qint64 epochMs)
{
    return QDateTime(kNight, QTime(1, 30), QTimeZone("Europe/Berlin"))
        .toUTC()
        .addMSecs(QDateTime::currentMSecsSinceEpoch() - epochMs);
}

class NightClock final : public Clock
{
public:
    explicit NightClock(qint64 epochMs) : m_epochMs(epochMs) {}
    QDateTime now() const override { return nightAt(m_epochMs); }

private:
    qint64 m_epochMs;
};

double cpuSeconds()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
           double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

// The CPU seconds the PostgreSQL server's processes have used so far (they run on this machine).
double serverCpuSeconds()
{
    double total = 0;
    const long ticks = sysconf(_SC_CLK_TCK);
    for (const QString &pid : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs)) {
        if (!pid.toInt())
            continue;
        QFile comm(QStringLiteral("/proc/%1/comm").arg(pid));
        if (!comm.open(QIODevice::ReadOnly) || !comm.readAll().startsWith("postgres"))
            continue;
        QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        const QList<QByteArray> fields = stat.readAll().split(' ');
        if (fields.size() > 14)
            total += double(fields.at(13).toLongLong() + fields.at(14).toLongLong()) / ticks;
    }
    return total;
}

double percentile(QList<double> samples, double p)
{
    if (samples.isEmpty())
        return 0;
    std::sort(samples.begin(), samples.end());
    return samples.at(std::min<qsizetype>(samples.size() - 1, qsizetype(p * samples.size())));
}

// The writer: the night as it goes, in the order its pipelines run (topological): event 2k
// starts the k-th pipeline on its canonical side, event 2k+1 finishes it; event i is written at
// START + i / RATE, stamped with the night's clock.
int writer(const QStringList &args)
{
    const QString url = args.at(0);
    const double rate = args.at(1).toDouble();
    const int seconds = args.at(2).toInt();
    const qint64 start = args.at(3).toLongLong();
    const qint64 epoch = args.at(4).toLongLong();
    std::unique_ptr<Store> store = openStore(url, OpenMode::MustExist);
    const StoreSnapshot snapshot = store->snapshot();
    const QStringList order = DependencyGraph(snapshot.inventory).topologicalOrder();
    const int events = int(rate * seconds);
    for (int i = 0; i < events; ++i) {
        const qint64 due = start + qint64(1000.0 * i / rate);
        const qint64 wait = due - QDateTime::currentMSecsSinceEpoch();
        if (wait > 0)
            QThread::msleep(quint64(wait)); // pacing the load, not synchronising a test
        const QString &id = order.at((i / 2) % order.size());
        store->recordRunEvent({0, id, kNight, canonicalSide(snapshot.stateOf(id)),
                               i % 2 ? RunEvent::Kind::Succeeded : RunEvent::Kind::Started,
                               nightAt(epoch), QStringLiteral("replay")});
    }
    return 0;
}

// Another console following the night: a session of its own until it is told to stop.
int follower(const QString &url)
{
    StoreSession session(openStore(url, OpenMode::MustExist));
    QSocketNotifier quit(STDIN_FILENO, QSocketNotifier::Read);
    QObject::connect(&quit, &QSocketNotifier::activated, qApp, &QCoreApplication::quit);
    return QCoreApplication::exec();
}

QString option(const QStringList &args, const QString &name, const QString &fallback)
{
    const qsizetype i = args.indexOf(name);
    return i >= 0 && i + 1 < args.size() ? args.at(i + 1) : fallback;
}
} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    const QStringList args = app.arguments().mid(1);
    if (!args.isEmpty() && args.first() == QLatin1String("--writer"))
        return writer(args.mid(1));
    if (!args.isEmpty() && args.first() == QLatin1String("--follower"))
        return follower(args.at(1));
    const int pipelines =
        option(args, QStringLiteral("--pipelines"), QStringLiteral("10000")).toInt();
    const double rate = option(args, QStringLiteral("--rate"), QStringLiteral("10")).toDouble();
    const int seconds = option(args, QStringLiteral("--seconds"), QStringLiteral("30")).toInt();
    const int consoles = option(args, QStringLiteral("--consoles"), QStringLiteral("0")).toInt();
    const bool postgres = args.contains(QStringLiteral("--postgresql"));

    QTemporaryDir dir;
    QString url = dir.filePath(QStringLiteral("night.sqlite"));
    if (postgres) {
        url = qEnvironmentVariable("DAYBREAK_BENCH_PG_URL") + QStringLiteral("bench_follow");
    }
    {
        std::unique_ptr<Store> store = openStore(url, OpenMode::CreateIfMissing);
        AuditEntry audit{0,
                         QDateTime::currentDateTimeUtc(),
                         QStringLiteral("bench"),
                         QStringLiteral("import"),
                         {},
                         {},
                         {},
                         {},
                         false,
                         false,
                         {}};
        store->replaceInventory(GeneratedPlatform::inventory(pipelines), audit);
    }
    const qint64 epoch = QDateTime::currentMSecsSinceEpoch();
    NightClock clock(epoch);
    ScriptedPrompter prompter;
    MainWindow window(clock, &prompter);
    window.resize(1440, 900);
    if (!window.openStore(url))
        return 1;
    window.show();
    QEventLoop settle;
    QTimer::singleShot(3000, &settle, &QEventLoop::quit);
    settle.exec();

    // The other consoles: processes of their own, each a session following the same night.
    std::vector<std::unique_ptr<QProcess>> others;
    for (int i = 0; i < consoles; ++i) {
        others.push_back(std::make_unique<QProcess>());
        others.back()->start(app.applicationFilePath(), {QStringLiteral("--follower"), url});
        others.back()->waitForStarted();
    }
    QEventLoop opened;
    QTimer::singleShot(consoles > 0 ? 5000 : 0, &opened, &QEventLoop::quit);
    opened.exec();

    // Each event's delay: from when the writer wrote it to when the console's 6am view showed
    // it (the night it drew was evaluated on a snapshot that held it).
    const qint64 start = QDateTime::currentMSecsSinceEpoch() + 1000;
    QHash<QString, int> indexOf;
    const StoreSnapshot opened0 = window.session()->snapshot();
    const QStringList order = DependencyGraph(opened0.inventory).topologicalOrder();
    for (int i = 0; i < order.size(); ++i)
        indexOf.insert(order.at(i), i);
    QHash<QString, int> eventsHeard;          // per pipeline: its start, then its finish
    QList<std::pair<qint64, qint64>> pending; // (feed entry the console holds, when written)
    QList<double> delays;
    int heard = 0;
    int fullReads = 0;
    QObject::connect(window.session(), &StoreSession::changed, &app, [&](const StoreChange &c) {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        const qint64 seq = window.session()->snapshot().feedSeq;
        fullReads += c.everything ? 1 : 0;
        for (const QString &id : c.runs) {
            const int k = indexOf.value(id, -1);
            if (k < 0)
                continue;
            // Its events written by now and not heard before.
            for (int e = eventsHeard.value(id); e < 2; ++e) {
                const qint64 written = start + qint64(1000.0 * (2 * k + e) / rate);
                if (written > now + 50)
                    break;
                pending.append({seq, written});
                eventsHeard[id] = e + 1;
                ++heard;
            }
        }
    });
    QObject::connect(&window, &MainWindow::nightShown, &app, [&](qint64 seq) {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        while (!pending.isEmpty() && pending.first().first <= seq)
            delays.append(double(now - pending.takeFirst().second));
    });
    QProcess writerProcess;
    writerProcess.setProcessChannelMode(QProcess::ForwardedChannels);
    writerProcess.start(app.applicationFilePath(),
                        {QStringLiteral("--writer"), url, QString::number(rate),
                         QString::number(seconds), QString::number(start), QString::number(epoch)});
    const double cpuBefore = cpuSeconds();
    const double serverBefore = postgres ? serverCpuSeconds() : 0;
    QElapsedTimer wall;
    wall.start();
    QEventLoop night;
    QObject::connect(&writerProcess, &QProcess::finished, &night, &QEventLoop::quit);
    night.exec();
    QEventLoop drain; // the last events' way to the console
    QTimer::singleShot(2000, &drain, &QEventLoop::quit);
    drain.exec();
    const double cpu = cpuSeconds() - cpuBefore;
    const double server = postgres ? serverCpuSeconds() - serverBefore : 0;
    const double elapsed = double(wall.elapsed()) / 1000.0;
    for (auto &other : others) {
        other->write("q\n");
        other->closeWriteChannel();
        other->waitForFinished(5000);
    }
    const int events = int(rate * seconds);
    std::printf("%s, %d pipelines, %d run events at %.0f/s over %.1f s, %d other console(s):\n",
                postgres ? "PostgreSQL" : "SQLite", pipelines, events, rate, elapsed, consoles);
    std::printf("  console CPU %.1f %% of a core, %.4f CPU-s per event; %d full read(s)\n",
                100.0 * cpu / elapsed, cpu / events, fullReads);
    std::printf("  events heard %d of %d, shown in the 6am view %lld; delay from the write to "
                "the 6am view median %.0f ms, p95 %.0f ms, max %.0f ms\n",
                heard, events, qlonglong(delays.size()), percentile(delays, 0.5),
                percentile(delays, 0.95), percentile(delays, 1.0));
    if (postgres)
        std::printf("  server CPU %.1f %% of a core (all its processes, this console, %d others "
                    "and the writer)\n",
                    100.0 * server / elapsed, consoles);
    return 0;
}
