// The orchestrator's question while the store is away, end to end on real processes:
//  - `daybreakctl route` answered from the last-known routing with the PostgreSQL server stopped;
//  - `daybreakctl route --timeout 1` with the server frozen (SIGSTOP): how far past the deadline;
//  - the watch's GET /api/v1/route/ID at a fixed 500 requests a second on 10,000 pipelines, with
//    the store up and with it stopped.
// scripts/bench.sh starts the throwaway PostgreSQL and passes DAYBREAK_BENCH_PG_URL (a database
// bench_outage exists) and DAYBREAK_BENCH_PG_STATE (to stop, freeze and resume it).
#include "GeneratedPlatform.h"
#include "ManualClock.h"
#include "Store.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>

#include <algorithm>

using namespace daybreak;

namespace {

double percentile(QList<double> samples, double p)
{
    std::sort(samples.begin(), samples.end());
    return samples.at(
        std::min<qsizetype>(samples.size() - 1, qsizetype(p * double(samples.size()))));
}

bool server(const QString &command)
{
    return QProcess::execute(QStringLiteral(DAYBREAK_SOURCE_DIR "/scripts/pg-throwaway.sh"),
                             {command, qEnvironmentVariable("DAYBREAK_BENCH_PG_STATE")}) == 0;
}

// Wall time of one daybreakctl route, in milliseconds; `answered` says whether it printed a side.
double routeOnce(const QStringList &args, bool *answered)
{
    QProcess p;
    QElapsedTimer t;
    t.start();
    p.start(QStringLiteral(DAYBREAKCTL_PATH), args);
    p.waitForFinished(30000);
    const double ms = double(t.nsecsElapsed()) / 1e6;
    const QByteArray out = p.readAllStandardOutput();
    *answered = p.exitCode() == 0 && (out == "onprem\n" || out == "cloud\n");
    return ms;
}

// GETs at a fixed rate for `seconds`; the latency of each, in milliseconds.
QList<double> load(const QString &url, const QByteArray &token, int perSecond, int seconds,
                   int *failed)
{
    QNetworkAccessManager manager;
    QList<double> latencies;
    const int total = perSecond * seconds;
    int sent = 0, done = 0;
    *failed = 0;
    QEventLoop loop;
    QElapsedTimer clock;
    clock.start();
    QTimer pacer;
    pacer.setTimerType(Qt::PreciseTimer);
    pacer.setInterval(1);
    QObject::connect(&pacer, &QTimer::timeout, [&] {
        // Catch up with the schedule: request n is due at n / perSecond seconds.
        while (sent < total && double(sent) * 1000.0 / perSecond <= double(clock.elapsed())) {
            QNetworkRequest request{QUrl(url)};
            request.setRawHeader("Authorization", "Bearer " + token);
            const qint64 start = clock.nsecsElapsed();
            QNetworkReply *reply = manager.get(request);
            ++sent;
            QObject::connect(reply, &QNetworkReply::finished, [&, reply, start] {
                latencies.append(double(clock.nsecsElapsed() - start) / 1e6);
                if (reply->error() != QNetworkReply::NoError)
                    ++*failed;
                reply->deleteLater();
                if (++done == total)
                    loop.quit();
            });
        }
        if (sent == total)
            pacer.stop();
    });
    pacer.start();
    QTimer::singleShot((seconds + 30) * 1000, &loop, &QEventLoop::quit);
    loop.exec();
    return latencies;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    const QString base = qEnvironmentVariable("DAYBREAK_BENCH_PG_URL");
    if (base.isEmpty() || qEnvironmentVariableIsEmpty("DAYBREAK_BENCH_PG_STATE")) {
        out << "bench_route_outage: run by scripts/bench.sh (needs DAYBREAK_BENCH_PG_URL and "
               "DAYBREAK_BENCH_PG_STATE)"
            << Qt::endl;
        return 0;
    }
    QTemporaryDir dir;
    qputenv("XDG_CACHE_HOME", dir.filePath(QStringLiteral("cache")).toUtf8());
    const QString url = base + QStringLiteral("bench_outage");
    const int size = 10000;
    QString id;
    {
        const Inventory inventory = GeneratedPlatform::inventory(size);
        id = inventory.pipelines().first().id;
        ManualClock clock(QDateTime(QDate(2026, 11, 28), QTime(9, 0), Qt::UTC));
        std::unique_ptr<Store> store = openStore(url, OpenMode::CreateIfMissing);
        AuditEntry audit;
        audit.at = clock.now();
        audit.actor = QStringLiteral("bench");
        audit.action = QStringLiteral("import");
        store->replaceInventory(inventory, audit);
    }
    const QStringList route{QStringLiteral("route"), id, QStringLiteral("--store"), url};
    bool answered = false;
    QList<double> up, down, hung;
    for (int i = 0; i < 30; ++i)
        up.append(routeOnce(route, &answered)); // also keeps the last-known routing
    if (!answered) {
        out << "route did not answer from the store" << Qt::endl;
        return 1;
    }
    out << "route on " << size << " pipelines, PostgreSQL on loopback, wall time of the whole "
        << "daybreakctl process (median / p99 / worst, ms)\n"
        << "| store | median | p99 | worst | answered |\n|---|---|---|---|---|" << Qt::endl;
    const auto row = [&](const QString &what, const QList<double> &ms, int ok) {
        out << QStringLiteral("| %1 | %2 | %3 | %4 | %5 of %6 |")
                   .arg(what)
                   .arg(percentile(ms, 0.5), 0, 'f', 1)
                   .arg(percentile(ms, 0.99), 0, 'f', 1)
                   .arg(*std::max_element(ms.begin(), ms.end()), 0, 'f', 1)
                   .arg(ok)
                   .arg(ms.size())
            << Qt::endl;
    };
    row(QStringLiteral("up (from the store)"), up, 30);

    server(QStringLiteral("stop"));
    int ok = 0;
    for (int i = 0; i < 30; ++i) {
        down.append(routeOnce(route, &answered));
        ok += answered ? 1 : 0;
    }
    row(QStringLiteral("stopped (last-known routing)"), down, ok);
    server(QStringLiteral("resume"));

    server(QStringLiteral("freeze"));
    ok = 0;
    for (int i = 0; i < 10; ++i) {
        hung.append(routeOnce(route + QStringList{QStringLiteral("--timeout"), QStringLiteral("1")},
                              &answered));
        ok += answered ? 1 : 0;
    }
    row(QStringLiteral("frozen, --timeout 1 (last-known routing)"), hung, ok);
    server(QStringLiteral("thaw"));

    // The watch's routing endpoint.
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    const quint16 port = probe.serverPort();
    probe.close();
    QFile tokens(dir.filePath(QStringLiteral("tokens")));
    if (!tokens.open(QIODevice::WriteOnly))
        return 1;
    tokens.write("bench-token-0123456789 name=bench\n");
    tokens.close();
    tokens.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    QProcess watch;
    watch.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    watch.start(QStringLiteral(DAYBREAKCTL_PATH),
                {QStringLiteral("watch"), QStringLiteral("--interval"), QStringLiteral("5"),
                 QStringLiteral("--listen"), QStringLiteral("127.0.0.1:%1").arg(port),
                 QStringLiteral("--token-file"), tokens.fileName(), QStringLiteral("--store"),
                 url});
    const QString endpoint =
        QStringLiteral("http://127.0.0.1:%1/api/v1/route/%2").arg(port).arg(id);
    int failed = 0;
    for (int attempt = 0; attempt < 200; ++attempt) { // until the listener answers
        if (load(endpoint, "bench-token-0123456789", 10, 1, &failed).size() == 10 && failed == 0)
            break;
    }
    out << "\nGET /api/v1/route/ID from the watch, " << size
        << " pipelines, a fixed 500 requests a second for 10 s (ms)\n"
        << "| store | p50 | p99 | worst | failed |\n|---|---|---|---|---|" << Qt::endl;
    for (const bool stopped : {false, true}) {
        if (stopped)
            server(QStringLiteral("stop"));
        const QList<double> ms = load(endpoint, "bench-token-0123456789", 500, 10, &failed);
        out << QStringLiteral("| %1 | %2 | %3 | %4 | %5 of %6 |")
                   .arg(stopped ? QStringLiteral("stopped") : QStringLiteral("up"))
                   .arg(percentile(ms, 0.5), 0, 'f', 2)
                   .arg(percentile(ms, 0.99), 0, 'f', 2)
                   .arg(*std::max_element(ms.begin(), ms.end()), 0, 'f', 2)
                   .arg(failed)
                   .arg(ms.size())
            << Qt::endl;
    }
    server(QStringLiteral("resume"));
    watch.terminate();
    watch.waitForFinished(10000);
    return 0;
}
