// The parity diff against its floor: one full checksum scan of each table, both at once.
//   bench_paritydiff --onprem URL --cloud URL --table SCHEMA.TABLE --key COL
//                    [--expect-missing-cloud N --expect-missing-onprem N --expect-changed N]
//                    [--table-bytes B]
// Passwords as Daybreak reads them: .pgpass (PGPASSFILE) for PostgreSQL, --cloud-password-file
// for MariaDB. Prints the floor, the diff, their ratio, what was found, the bytes fetched and the
// peak memory of this process. Run by scripts/bench.sh; never part of the tests.
#include "ParityDiff.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>

#include <cstdio>

using namespace daybreak;

namespace {

qint64 peakKb()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    return -1;
}

TableRef tableOf(const QString &source, const QString &text)
{
    const qsizetype dot = text.indexOf(QLatin1Char('.'));
    return dot < 0 ? TableRef{source, {}, text}
                   : TableRef{source, text.left(dot), text.mid(dot + 1)};
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser p;
    const QStringList valued = {QStringLiteral("onprem"),
                                QStringLiteral("cloud"),
                                QStringLiteral("cloud-password-file"),
                                QStringLiteral("table"),
                                QStringLiteral("cloud-table"),
                                QStringLiteral("key"),
                                QStringLiteral("expect-missing-cloud"),
                                QStringLiteral("expect-missing-onprem"),
                                QStringLiteral("expect-changed"),
                                QStringLiteral("table-bytes"),
                                QStringLiteral("label")};
    for (const QString &o : valued)
        p.addOption({o, o, QStringLiteral("value")});
    p.process(app);
    const ParitySource onprem{QStringLiteral("onprem"), p.value(QStringLiteral("onprem")), {}};
    const ParitySource cloud{QStringLiteral("cloud"), p.value(QStringLiteral("cloud")),
                             p.value(QStringLiteral("cloud-password-file"))};
    ParityMapping m;
    m.pipeline = QStringLiteral("bench");
    m.onprem = tableOf(onprem.name, p.value(QStringLiteral("table")));
    m.cloud = tableOf(cloud.name, p.isSet(QStringLiteral("cloud-table"))
                                      ? p.value(QStringLiteral("cloud-table"))
                                      : p.value(QStringLiteral("table")));
    m.key = p.value(QStringLiteral("key")).split(QLatin1Char(','));
    DiffOptions floorOptions;
    floorOptions.floorOnly = true;
    QElapsedTimer t;
    t.start();
    const DiffReport floor = ParityDiff(m, onprem, cloud, floorOptions).run();
    const double floorSeconds = t.nsecsElapsed() / 1e9;
    if (floor.status == DiffReport::Status::BadMapping ||
        floor.status == DiffReport::Status::Unreachable) {
        std::fprintf(stderr, "floor: %s\n", qPrintable(floor.error));
        return 2;
    }
    t.restart();
    const DiffReport diff = ParityDiff(m, onprem, cloud, DiffOptions{}).run();
    const double diffSeconds = t.nsecsElapsed() / 1e9;
    if (diff.status == DiffReport::Status::BadMapping ||
        diff.status == DiffReport::Status::Unreachable) {
        std::fprintf(stderr, "diff: %s\n", qPrintable(diff.error));
        return 2;
    }
    const qint64 tableBytes = p.value(QStringLiteral("table-bytes")).toLongLong();
    std::printf("%s: %lld rows on-prem (%s), %lld in the cloud (%s)\n",
                qPrintable(p.value(QStringLiteral("label"))), diff.onpremRows,
                qPrintable(diff.onpremEngine), diff.cloudRows, qPrintable(diff.cloudEngine));
    std::printf("  floor (one checksum scan of each table, at once): %.2f s\n", floorSeconds);
    std::printf("  diff: %.2f s = %.2f x the floor; %lld queries, %lld segments, %lld rows and "
                "%lld bytes fetched",
                diffSeconds, diffSeconds / floorSeconds, diff.queries, diff.segmentsCompared,
                diff.rowsFetched, diff.bytesFetched);
    if (tableBytes > 0)
        std::printf(" (%.4f %% of the table's %lld bytes)", 100.0 * diff.bytesFetched / tableBytes,
                    tableBytes);
    std::printf("\n  found: %lld missing in the cloud, %lld only in the cloud, %lld changed\n",
                diff.missingOnCloudCount, diff.missingOnPremCount, diff.changedCount);
    std::printf("  peak memory of the diffing process: %lld kB\n", peakKb());
    bool ok = true;
    const auto expect = [&](const char *what, const QString &option, qint64 found) {
        if (!p.isSet(option))
            return;
        const qint64 want = p.value(option).toLongLong();
        if (want != found) {
            std::printf("  MISMATCH: expected %lld %s, found %lld\n", want, what, found);
            ok = false;
        }
    };
    expect("missing in the cloud", QStringLiteral("expect-missing-cloud"),
           diff.missingOnCloudCount);
    expect("only in the cloud", QStringLiteral("expect-missing-onprem"), diff.missingOnPremCount);
    expect("changed", QStringLiteral("expect-changed"), diff.changedCount);
    std::printf("  %s\n", ok ? "every planted difference found, nothing else" : "NOT EXACT");
    return ok ? 0 : 1;
}
