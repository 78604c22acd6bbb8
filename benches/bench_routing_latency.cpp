// Median cutover and rollback latency through MigrationService (rules, compare-and-set, audit
// row, one transaction) on SQLite and on PostgreSQL over loopback. scripts/bench.sh starts a
// throwaway PostgreSQL and passes its URL in DAYBREAK_BENCH_PG_URL.
#include "GeneratedPlatform.h"
#include "ManualClock.h"
#include "MigrationService.h"
#include "Store.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>

using namespace daybreak;

namespace {
constexpr int kRounds = 300;

double percentile(QList<double> samples, double p)
{
    std::sort(samples.begin(), samples.end());
    return samples.at(
        std::min<qsizetype>(samples.size() - 1, qsizetype(p * double(samples.size()))));
}

void measure(QTextStream &out, const QString &backend, const QString &url, int size)
{
    Inventory inventory = GeneratedPlatform::inventory(size);
    QList<Pipeline> pipelines = inventory.pipelines();
    // A source pipeline (no upstreams), dual-running with a clean parity history.
    auto it = std::find_if(pipelines.begin(), pipelines.end(), [](const Pipeline &p) {
        return p.upstreams.isEmpty() && p.target == Side::Cloud && p.risk != Risk::High;
    });
    it->initialState = State::DualRun;
    const QString id = it->id;
    inventory.setPipelines(pipelines);
    // Saturday 10:00 in Berlin: inside the default weekend window.
    ManualClock clock(QDateTime(QDate(2026, 11, 28), QTime(9, 0), Qt::UTC));
    std::unique_ptr<Store> store = openStore(url, OpenMode::CreateIfMissing);
    AuditEntry audit{0,
                     clock.now(),
                     QStringLiteral("bench"),
                     QStringLiteral("import"),
                     {},
                     {},
                     {},
                     {},
                     false,
                     false,
                     {}};
    store->replaceInventory(inventory, audit);
    QList<ParityResult> runs;
    for (int i = 1; i <= inventory.parityRunsRequired; ++i) {
        ParityResult r;
        r.pipeline = id;
        r.businessDate = QDate(2026, 11, 28).addDays(-i);
        r.onpremRows = r.cloudRows = 1000;
        r.recordedAt = clock.now();
        r.recordedBy = QStringLiteral("bench");
        runs.append(r);
    }
    store->recordParity(runs, audit);

    MigrationService service(*store, clock, QStringLiteral("bench"));
    QList<double> cutover, rollback;
    QElapsedTimer timer;
    for (int i = 0; i < kRounds; ++i) {
        timer.start();
        const ActionOutcome c = service.cutover({id, QStringLiteral("bench"), false});
        cutover.append(double(timer.nsecsElapsed()) / 1e6);
        timer.start();
        const ActionOutcome r = service.rollback({id, QStringLiteral("bench"), false});
        rollback.append(double(timer.nsecsElapsed()) / 1e6);
        if (c.kind != Outcome::Kind::Done || r.kind != Outcome::Kind::Done) {
            out << backend << ": flip refused: " << c.message << " / " << r.message << Qt::endl;
            for (const Reason &reason : c.decision.reasons + r.decision.reasons)
                out << "  - " << reason.text << Qt::endl;
            return;
        }
    }
    // The store alone: the compare-and-set UPDATE and its audit row in one transaction, no rules.
    QList<double> storeOnly;
    qint64 version = store->routing(id)->version;
    for (int i = 0; i < kRounds; ++i) {
        Transition t;
        t.pipeline = id;
        t.from = i % 2 == 0 ? State::DualRun : State::Cloud;
        t.to = i % 2 == 0 ? State::Cloud : State::DualRun;
        t.expectedVersion = version++;
        t.audit = {0,
                   clock.now(),
                   QStringLiteral("bench"),
                   QStringLiteral("cutover"),
                   id,
                   stateName(t.from),
                   stateName(t.to),
                   QStringLiteral("bench"),
                   false,
                   false,
                   {}};
        timer.start();
        if (store->applyTransition(t) != WriteStatus::Written) {
            out << backend << ": unexpected conflict" << Qt::endl;
            return;
        }
        storeOnly.append(double(timer.nsecsElapsed()) / 1e6);
    }
    out << QStringLiteral("| %1 | %2 | %3 ms | %4 ms | %5 ms | %6 ms | %7 ms |")
               .arg(backend, -10)
               .arg(size, 6)
               .arg(percentile(cutover, 0.5), 0, 'f', 2)
               .arg(percentile(cutover, 0.95), 0, 'f', 2)
               .arg(percentile(rollback, 0.5), 0, 'f', 2)
               .arg(percentile(rollback, 0.95), 0, 'f', 2)
               .arg(percentile(storeOnly, 0.5), 0, 'f', 2)
        << Qt::endl;
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    const QString pgBase = qEnvironmentVariable(
        "DAYBREAK_BENCH_PG_URL"); // postgresql://...@host:port/ (database appended)
    out << "Routing change latency over " << kRounds
        << " cutover/rollback pairs (median and p95, milliseconds)\n";
    out << "| store | pipelines | cutover median | cutover p95 | rollback median | rollback p95 | "
           "compare-and-set + audit alone, median |\n"
           "|---|---|---|---|---|---|---|"
        << Qt::endl;
    QTemporaryDir dir;
    int n = 0;
    for (int size : {60, 1000}) {
        measure(out, QStringLiteral("SQLite"),
                dir.filePath(QStringLiteral("bench-%1.sqlite").arg(++n)), size);
        if (!pgBase.isEmpty())
            measure(out, QStringLiteral("PostgreSQL"),
                    pgBase + QStringLiteral("bench_%1").arg(size), size);
    }
    if (pgBase.isEmpty())
        out << "(PostgreSQL skipped: DAYBREAK_BENCH_PG_URL not set; scripts/bench.sh sets it)"
            << Qt::endl;
    return 0;
}
