#include "GeneratedPlatform.h"
#include "WavePlanner.h"

#include <QTest>

using namespace daybreak;

// The drop check (may P go into W?) and the auto-planner on generated platforms.
// Goals at 5,000 pipelines: drop check under 1 ms, auto-planner under 200 ms (Release).
class BenchWaves : public QObject
{
    Q_OBJECT

private:
    const QDate m_today{2026, 11, 24};

private slots:
    void dropCheck_data()
    {
        QTest::addColumn<int>("pipelines");
        QTest::newRow("60") << 60;
        QTest::newRow("1000") << 1000;
        QTest::newRow("5000") << 5000;
        QTest::newRow("10000") << 10000;
    }

    void dropCheck()
    {
        QFETCH(int, pipelines);
        const StoreSnapshot s = GeneratedPlatform::snapshot(pipelines, m_today);
        const WaveRules rules(s, m_today);
        const WavePlanner::Result planned = WavePlanner(s, rules).plan({m_today.addDays(4), 8, 2});
        const WavePlan &plan = planned.plan;
        // Check a mart against the middle wave: a drag hovering over a column.
        const QString pipeline = s.inventory.pipelines().at(int(pipelines * 0.8)).id;
        const QString wave = plan.waves().at(plan.waves().size() / 2).name;
        int allowed = 0;
        QBENCHMARK
        {
            allowed += rules.checkAssign(plan, pipeline, wave).allowed() ? 1 : 0;
        }
        Q_UNUSED(allowed);
    }

    void autoPlanner_data() { dropCheck_data(); }

    void autoPlanner()
    {
        QFETCH(int, pipelines);
        const StoreSnapshot s = GeneratedPlatform::snapshot(pipelines, m_today);
        int placed = 0;
        QBENCHMARK
        {
            const WaveRules rules(s, m_today);
            placed = int(WavePlanner(s, rules).plan({m_today.addDays(4), 8, 2}).placed.size());
        }
        QVERIFY(placed > 0);
    }
};

QTEST_GUILESS_MAIN(BenchWaves)
#include "bench_waves.moc"
