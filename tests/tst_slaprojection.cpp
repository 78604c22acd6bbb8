#include "DemoData.h"
#include "DependencyGraph.h"
#include "InventoryReader.h"
#include "InventoryService.h"
#include "ManualClock.h"
#include "SlaService.h"
#include "TestStores.h"

#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace daybreak;

using namespace TestStores;

namespace {
const QTimeZone kBerlin("Europe/Berlin");
QDateTime berlin(const QDate &d, int h, int m = 0)
{
    return QDateTime(d, QTime(h, m), kBerlin);
}
const QDate kNight(2026, 11, 25); // the Wednesday 6am

// src 01:00 (60 min) -> mid (60, p95 120) -> report (30, SLA 06:00); side -> other_src 23:30 (20)
// stays on time.
Inventory chain(int srcMinutes = 60)
{
    Pipeline src = pipeline(QStringLiteral("src"));
    src.schedule = QTime(1, 0);
    src.onpremMinutes = srcMinutes;
    Pipeline other = pipeline(QStringLiteral("other_src"));
    other.schedule = QTime(23, 30);
    other.onpremMinutes = 20;
    Pipeline mid =
        pipeline(QStringLiteral("mid"), {QStringLiteral("src"), QStringLiteral("other_src")});
    mid.onpremMinutes = 60;
    mid.onpremP95Minutes = 120;
    Pipeline report = pipeline(QStringLiteral("report"), {QStringLiteral("mid")});
    report.onpremMinutes = 30;
    report.sla = QTime(6, 0);
    return inventory({src, other, mid, report});
}

SlaProjection project(const Inventory &inv, const QDate &night, const QList<RunEvent> &events = {},
                      const QDateTime &now = {})
{
    SlaProjection::Inputs in;
    in.events = events;
    in.now = now;
    return SlaProjection::project(
        inv, night, [](const Pipeline &) { return Side::OnPrem; }, in);
}

RunEvent runEventAt(const QString &id, RunEvent::Kind kind, const QDateTime &at)
{
    RunEvent e;
    e.pipeline = id;
    e.businessDate = kNight;
    e.kind = kind;
    e.at = at;
    return e;
}
} // namespace

class TestSlaProjection : public QObject
{
    Q_OBJECT

private slots:
    void reprojectingWhatChangedEqualsProjectingEverything()
    {
        // The demo's night replayed event by event, as the orchestrator reports it: at every
        // step the projection carried over from the step before, with only the touched
        // pipelines and what reads them projected again, equals a projection from scratch.
        const Inventory inv =
            InventoryReader::readJson(demoInventoryJson(), QStringLiteral("demo")).inventory;
        const QStringList order = DependencyGraph(inv).topologicalOrder();
        QHash<QString, Side> sides;
        for (const Pipeline &p : inv.pipelines())
            sides.insert(p.id, Side::OnPrem);
        QHash<QString, bool> shadowed;
        const auto sideOf = [&sides](const Pipeline &p) { return sides.value(p.id); };
        SlaProjection::Inputs in;
        in.order = order;
        in.shadowed = [&shadowed](const Pipeline &p) { return shadowed.value(p.id); };
        QRandomGenerator random(6);
        QDateTime now = berlin(kNight.addDays(-1), 23, 0);
        in.now = now;
        SlaProjection previous = SlaProjection::project(inv, kNight, sideOf, in);
        for (int step = 0; step < 400; ++step) {
            QSet<QString> changed;
            if (step % 7 == 6) { // the minute moves on: everything not started moves with it
                now = now.addSecs(60 * random.bounded(1, 20));
            } else if (step % 11 == 10) { // a pipeline goes dual-running or to the other side
                const Pipeline &p = inv.pipelines().at(random.bounded(int(inv.size())));
                if (random.bounded(2))
                    shadowed[p.id] = !shadowed.value(p.id);
                else
                    sides[p.id] = sides.value(p.id) == Side::OnPrem ? Side::Cloud : Side::OnPrem;
                changed.insert(p.id);
            } else { // a run event, roughly in the order the night runs them
                const QString id =
                    order.at(std::min<int>(int(order.size()) - 1, step / 6 + random.bounded(8)));
                const int kind = random.bounded(10);
                RunEvent e = runEventAt(id,
                                        kind < 5   ? RunEvent::Kind::Started
                                        : kind < 9 ? RunEvent::Kind::Succeeded
                                                   : RunEvent::Kind::Failed,
                                        now.addSecs(-random.bounded(300)));
                e.id = step + 1;
                e.side = random.bounded(4) == 0 ? Side::Cloud : sides.value(id);
                in.events.append(e);
                changed.insert(id);
            }
            in.now = now;
            const SlaProjection full = SlaProjection::project(inv, kNight, sideOf, in);
            const SlaProjection again =
                SlaProjection::reproject(previous, inv, kNight, sideOf, in, changed);
            QVERIFY2(again.runs() == full.runs(), qPrintable(QString::number(step)));
            QVERIFY2(again.shadowRuns() == full.shadowRuns(), qPrintable(QString::number(step)));
            QVERIFY2(again.reports() == full.reports(), qPrintable(QString::number(step)));
            QCOMPARE(again.silent(), full.silent());
            QCOMPARE(again.firstDue(), full.firstDue());
            previous = again;
        }
    }

    void planAndCriticalPath()
    {
        const SlaProjection p = project(chain(), kNight);
        QCOMPARE(p.runs().value(QStringLiteral("other_src")).start,
                 berlin(kNight.addDays(-1), 23, 30));
        QCOMPARE(p.runs().value(QStringLiteral("mid")).start, berlin(kNight, 2));
        QCOMPARE(p.runs().value(QStringLiteral("mid")).drivenBy, QStringLiteral("src"));
        const SlaProjection::Report r = p.reports().first();
        QCOMPARE(r.projectedFinish, berlin(kNight, 3, 30));
        QCOMPARE(r.status, SlaProjection::Status::OnTrack);
        QCOMPARE(r.criticalPath, (QStringList{QStringLiteral("src"), QStringLiteral("mid"),
                                              QStringLiteral("report")}));
    }

    void lateStartPushesEverythingAndTurnsAtRisk()
    {
        // The orchestrator is alive (other_src ran at 23:30), but src has not started at 02:30:
        // it starts no earlier than now.
        const QList<RunEvent> alive{runEventAt(QStringLiteral("other_src"), RunEvent::Kind::Started,
                                               berlin(kNight.addDays(-1), 23, 30)),
                                    runEventAt(QStringLiteral("other_src"),
                                               RunEvent::Kind::Succeeded,
                                               berlin(kNight.addDays(-1), 23, 50))};
        SlaProjection p = project(chain(), kNight, alive, berlin(kNight, 2, 30));
        QVERIFY(!p.silent());
        QCOMPARE(p.runs().value(QStringLiteral("src")).start, berlin(kNight, 2, 30));
        QCOMPARE(p.reports().first().projectedFinish, berlin(kNight, 5));
        QCOMPARE(p.reports().first().status,
                 SlaProjection::Status::OnTrack); // p95 06:00 is exactly the deadline
        p = project(chain(), kNight, alive, berlin(kNight, 2, 31));
        QCOMPARE(p.reports().first().status, SlaProjection::Status::AtRisk);
        p = project(chain(), kNight, alive, berlin(kNight, 3, 31));
        QCOMPARE(p.reports().first().status, SlaProjection::Status::Breached);
    }

    void aNightWithoutAnyEventIsNoDataNotABreach()
    {
        // Finding: at 09:43 on a fresh store the view said "BREACHED: 9 reports", projected 14:03,
        // although nothing had been reported at all.
        const SlaProjection morning = project(chain(), kNight, {}, berlin(kNight, 9, 43));
        QVERIFY(morning.silent());
        QCOMPARE(morning.firstDue(), berlin(kNight.addDays(-1), 23, 30));
        QCOMPARE(morning.reports().first().status, SlaProjection::Status::NoData);
        QCOMPARE(slaStatusName(morning.reports().first().status), QStringLiteral("no_data"));
        // The bars are the plan, not runs pushed to now.
        QCOMPARE(morning.runs().value(QStringLiteral("src")).start, berlin(kNight, 1));
        QVERIFY(SlaService::sense(morning, berlin(kNight, 9, 43)).isEmpty());
        // Within the grace after the first run was due, it is still a plan with a clock.
        const SlaProjection early =
            project(chain(), kNight, {}, berlin(kNight.addDays(-1), 23, 40));
        QVERIFY(!early.silent());
        QCOMPARE(early.reports().first().status, SlaProjection::Status::OnTrack);
        // Before any run was due, the coming night's projection.
        QVERIFY(!project(chain(), kNight, {}, berlin(kNight.addDays(-1), 21, 0)).silent());
    }

    void runningAndFinishedRuns()
    {
        const QList<RunEvent> events{
            runEventAt(QStringLiteral("other_src"), RunEvent::Kind::Started,
                       berlin(kNight.addDays(-1), 23, 30)),
            runEventAt(QStringLiteral("other_src"), RunEvent::Kind::Succeeded,
                       berlin(kNight.addDays(-1), 23, 50)),
            runEventAt(QStringLiteral("src"), RunEvent::Kind::Started, berlin(kNight, 1, 10)),
            runEventAt(QStringLiteral("src"), RunEvent::Kind::Succeeded, berlin(kNight, 2, 40))};
        const SlaProjection p = project(chain(), kNight, events, berlin(kNight, 2, 45));
        QVERIFY(p.runs().value(QStringLiteral("src")).succeeded);
        QCOMPARE(p.runs().value(QStringLiteral("src")).finish, berlin(kNight, 2, 40));
        QCOMPARE(p.runs().value(QStringLiteral("src")).expectedFinish, berlin(kNight, 2));
        // mid should have started at 02:40 but has not: it starts now (02:45).
        QCOMPARE(p.runs().value(QStringLiteral("mid")).start, berlin(kNight, 2, 45));
        // A started run finishes no earlier than now.
        const SlaProjection running =
            project(chain(), kNight,
                    {runEventAt(QStringLiteral("src"), RunEvent::Kind::Started, berlin(kNight, 1))},
                    berlin(kNight, 2, 20));
        QCOMPARE(running.runs().value(QStringLiteral("src")).finish, berlin(kNight, 2, 20));
    }

    void failureBlocksDownstreamsUntilRetried()
    {
        QList<RunEvent> events{
            runEventAt(QStringLiteral("src"), RunEvent::Kind::Started, berlin(kNight, 1)),
            runEventAt(QStringLiteral("src"), RunEvent::Kind::Failed, berlin(kNight, 1, 20))};
        SlaProjection p = project(chain(), kNight, events, berlin(kNight, 1, 30));
        QVERIFY(p.runs().value(QStringLiteral("src")).failed);
        QVERIFY(p.runs().value(QStringLiteral("mid")).blocked);
        QVERIFY(p.runs().value(QStringLiteral("report")).blocked);
        QCOMPARE(p.reports().first().status, SlaProjection::Status::Breached);
        QCOMPARE(p.reports().first().criticalPath.first(), QStringLiteral("src"));
        QVERIFY(!p.reports().first().projectedFinish.isValid());
        // Re-run in time: the report is back on track.
        events.append(
            runEventAt(QStringLiteral("src"), RunEvent::Kind::Retrying, berlin(kNight, 1, 35)));
        p = project(chain(), kNight, events, berlin(kNight, 1, 40));
        QVERIFY(!p.runs().value(QStringLiteral("mid")).blocked);
        QCOMPARE(p.reports().first().projectedFinish, berlin(kNight, 4, 5));
        QCOMPARE(p.reports().first().status, SlaProjection::Status::OnTrack);
    }

    void daylightSavingNights_data()
    {
        QTest::addColumn<QDate>("night");
        QTest::addColumn<QTime>("finish");
        // src 01:00 for three hours: wall-clock finish differs when the clocks change at
        // 02:00/03:00.
        QTest::newRow("ordinary night") << QDate(2026, 11, 25) << QTime(4, 0);
        QTest::newRow("clocks go back (an hour repeats)") << QDate(2026, 10, 25) << QTime(3, 0);
        QTest::newRow("clocks go forward (an hour is skipped)")
            << QDate(2026, 3, 29) << QTime(5, 0);
    }

    void daylightSavingNights()
    {
        QFETCH(QDate, night);
        QFETCH(QTime, finish);
        const SlaProjection p = project(chain(180), night);
        QCOMPARE(p.runs().value(QStringLiteral("src")).finish.toTimeZone(kBerlin).time(), finish);
        QCOMPARE(p.runs()
                     .value(QStringLiteral("src"))
                     .start.secsTo(p.runs().value(QStringLiteral("src")).finish),
                 180 * 60);
    }

    void aScheduleInTheSkippedHourRunsAsIfTheClockHadNotMoved()
    {
        // Spring forward in Berlin, Sun 2027-03-28 02:00 -> 03:00: a job at 02:30 does not
        // exist on the wall clock that night. It runs at 03:30 CEST (01:30 UTC), as cron and
        // Airflow run it, not at midnight (finding: it was projected to start at 00:00).
        Inventory inv = chain();
        QList<Pipeline> ps = inv.pipelines();
        ps[0].schedule = QTime(2, 30);
        inv = inventory(ps);
        const QDate night(2027, 3, 28);
        const SlaProjection p = project(inv, night);
        const QDateTime start = p.runs().value(QStringLiteral("src")).start;
        QCOMPARE(start.toUTC(), QDateTime(night, QTime(1, 30), QTimeZone::utc()));
        QCOMPARE(start.toTimeZone(kBerlin).time(), QTime(3, 30));
        // An ordinary night keeps its 02:30.
        QCOMPARE(project(inv, QDate(2027, 3, 21))
                     .runs()
                     .value(QStringLiteral("src"))
                     .start.toTimeZone(kBerlin)
                     .time(),
                 QTime(2, 30));
    }

    void dualRunningPipelinesProjectTheirShadowRun()
    {
        SlaProjection::Inputs in;
        in.shadowed = [](const Pipeline &p) { return p.id == QLatin1String("mid"); };
        const SlaProjection p = SlaProjection::project(
            chain(), kNight, [](const Pipeline &) { return Side::OnPrem; }, in);
        QVERIFY(p.shadowRuns().contains(QStringLiteral("mid")));
        QCOMPARE(p.shadowRuns().value(QStringLiteral("mid")).side, Side::Cloud);
        QCOMPARE(p.shadowRuns().value(QStringLiteral("mid")).finish,
                 berlin(kNight, 2, 20)); // cloud 20 min
    }

    void sensorFiresWhenTheReportTurnsAtRiskAndNotBefore()
    {
        QTemporaryDir dir;
        auto store = sqlite(dir);
        seed(*store, chain());
        ManualClock clock(berlin(kNight, 2, 30));
        SlaService sla(*store, clock, QStringLiteral("sensor"));
        // Only the report sensor here: the late-start, overrun and silence sensors have
        // tst_nightsensors.
        sla.setSensorSettings({24 * 60, 24 * 60});
        QCOMPARE(sla.currentNight(), kNight);
        // The orchestrator is alive: other_src ran.
        for (RunEvent e : {runEventAt(QStringLiteral("other_src"), RunEvent::Kind::Started,
                                      berlin(kNight.addDays(-1), 23, 30)),
                           runEventAt(QStringLiteral("other_src"), RunEvent::Kind::Succeeded,
                                      berlin(kNight.addDays(-1), 23, 50))})
            store->recordRunEvent(e);
        SlaService::Night n = sla.evaluate(kNight);
        QVERIFY(n.raisedNow.isEmpty());
        QVERIFY(n.alerts.isEmpty());
        clock.set(berlin(kNight, 2, 31));
        n = sla.evaluate(kNight);
        QCOMPARE(n.raisedNow.size(), 1);
        const SlaAlert a = n.alerts.first();
        QCOMPARE(a.report, QStringLiteral("report"));
        QCOMPARE(a.status, QStringLiteral("at_risk"));
        QCOMPARE(a.cause, QStringLiteral("src"));
        QCOMPARE(a.raisedAt, berlin(kNight, 2, 31).toUTC());
        QCOMPARE(a.message, QStringLiteral("report AT RISK: projected 05:01 (p95 06:01) against "
                                           "06:00; cause: src on its critical path; "
                                           "3.5 h to the deadline"));
        // Raised once: the next evaluation at the same status adds nothing.
        clock.set(berlin(kNight, 2, 40));
        QVERIFY(sla.evaluate(kNight).raisedNow.isEmpty());
        // Acknowledged by whom, and audited.
        QCOMPARE(sla.acknowledge(a.id).kind, Outcome::Kind::Done);
        QCOMPARE(store->alerts(kNight).first().acknowledgedBy, QStringLiteral("sensor"));
        QCOMPARE(store->auditLog().last().action, QStringLiteral("alert_ack"));
        QCOMPARE(sla.acknowledge(a.id).kind, Outcome::Kind::Unknown);
        // A failure: the event is only appended; the next evaluation raises the breach.
        RunEvent failed;
        failed.pipeline = QStringLiteral("src");
        failed.kind = RunEvent::Kind::Failed;
        failed.at = berlin(kNight, 2, 41);
        clock.set(berlin(kNight, 2, 41));
        const SlaService::EventOutcome o = sla.recordEvent(failed);
        QCOMPARE(o.kind, Outcome::Kind::Done);
        QCOMPARE(store->alerts(kNight).size(), 1);
        const QList<SlaAlert> raised = sla.evaluate(kNight).raisedNow;
        QCOMPARE(raised.size(), 1);
        QCOMPARE(raised.first().status, QStringLiteral("breached"));
        QVERIFY(raised.first().message.contains(QStringLiteral("cause: src failed")));
    }
};

QTEST_GUILESS_MAIN(TestSlaProjection)
#include "tst_slaprojection.moc"
