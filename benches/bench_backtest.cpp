#include "Backtest.h"
#include "GeneratedPlatform.h"
#include "LearnedDurations.h"
#include "NightSimulator.h"

#include <QElapsedTimer>
#include <QTest>

using namespace daybreak;

// The backtest of issue 20: 90 recorded nights replayed as if live, each learning from the 30
// before it, on generated platforms whose nights the demo orchestrator plays (jitter, slow
// nights, failures retried). Goal: 1,000 pipelines under 10 s.
class BenchBacktest : public QObject
{
    Q_OBJECT

private slots:
    void ninetyNights_data()
    {
        QTest::addColumn<int>("pipelines");
        for (int n : {60, 1000, 2000})
            QTest::newRow(qPrintable(QString::number(n))) << n;
    }

    void ninetyNights()
    {
        QFETCH(int, pipelines);
        const QDate last(2026, 11, 30);
        const QDate first = last.addDays(-89);
        const StoreSnapshot s = GeneratedPlatform::snapshot(pipelines, last);
        QList<RunEvent> events;
        for (QDate d = first.addDays(-LearnedDurations::kWindowNights); d <= last; d = d.addDays(1))
            events += NightSimulator::events(s, d, quint32(d.toJulianDay()));
        QElapsedTimer timer;
        timer.start();
        const Backtest::Result r =
            Backtest::run(s.inventory, events, first, last,
                          [&s](const QString &id, const QDateTime &) { return s.stateOf(id); });
        const qint64 ms = timer.elapsed();
        qInfo("%d pipelines, %lld events: %lld nights replayed in %lld ms (%lld ms a night); "
              "p95 coverage %.1f %% of %d runs, %d late, %d misses, %d false alarms",
              pipelines, qlonglong(events.size()), qlonglong(r.nights.size()), ms,
              qlonglong(ms / std::max<qsizetype>(1, r.nights.size())), 100.0 * r.p95Coverage(),
              r.runs, r.late, r.misses, r.falseAlarms);
        QCOMPARE(r.nights.size(), 90);
    }
};

QTEST_GUILESS_MAIN(BenchBacktest)
#include "bench_backtest.moc"
