#include "Backtest.h"
#include "Calendar.h"
#include "LearnedDurations.h"
#include "PlanMoves.h"
#include "PlanNights.h"
#include "SlaService.h"
#include "TestStores.h"
#include "WaveNights.h"

#include <QTest>
#include <QTimeZone>

using namespace daybreak;
using namespace TestStores;

// Durations learned from run history: quantiles, the kinds of night, blending, the trend.
class TestForecast : public QObject
{
    Q_OBJECT

    // A run of `minutes` for `id` on the night of `date`, starting at 01:00 UTC.
    static QList<RunEvent> run(const QString &id, const QDate &date, double minutes,
                               Side side = Side::OnPrem)
    {
        const QDateTime start(date, QTime(1, 0), QTimeZone::utc());
        RunEvent s{0, id, date, side, RunEvent::Kind::Started, start, {}};
        RunEvent e = s;
        e.kind = RunEvent::Kind::Succeeded;
        e.at = start.addSecs(qint64(minutes * 60));
        return {s, e};
    }

    // src (01:00, 60 min) -> report (30 min, due 06:00).
    static Inventory srcToReport()
    {
        Pipeline src = pipeline(QStringLiteral("src"));
        src.schedule = QTime(1, 0);
        src.onpremMinutes = 60;
        Pipeline report = pipeline(QStringLiteral("report"), {QStringLiteral("src")});
        report.onpremMinutes = 30;
        report.sla = QTime(6, 0);
        return inventory({src, report});
    }
    static RunEvent event(const QString &id, const QDate &d, RunEvent::Kind kind,
                          const QDateTime &t)
    {
        return RunEvent{0, id, d, Side::OnPrem, kind, t, {}};
    }

private slots:
    void quantilesAsComputedByHand()
    {
        // 1..10: the median between 5 and 6; p95 at rank 0.95 * 9 = 8.55, between 9 and 10.
        QList<double> v;
        for (int i = 10; i >= 1; --i)
            v << i;
        QCOMPARE(LearnedDurations::quantile(v, 0.5), 5.5);
        QCOMPARE(LearnedDurations::quantile(v, 0.95), 9.55);
        QCOMPARE(LearnedDurations::quantile({7}, 0.95), 7.0);
    }

    void theKindsOfNight()
    {
        using K = LearnedDurations::NightKind;
        QCOMPARE(LearnedDurations::kindOf(QDate(2026, 12, 2)), K::Weekday);  // Tue's data
        QCOMPARE(LearnedDurations::kindOf(QDate(2026, 11, 29)), K::Weekend); // Sat's data
        QCOMPARE(LearnedDurations::kindOf(QDate(2026, 12, 1)), K::MonthEnd); // 30 Nov's data
        QCOMPARE(LearnedDurations::kindOf(QDate(2027, 1, 1)), K::QuarterEnd);
        QCOMPARE(LearnedDurations::kindOf(QDate(2026, 10, 1)), K::QuarterEnd);
    }

    void aMonthEndLearnsFromMonthEnds()
    {
        const Inventory inv = inventory({pipeline(QStringLiteral("gl"))});
        QList<RunEvent> history;
        // Weekday nights of 20 minutes, month-end nights of 60, quarter-ends of 90, since May.
        for (QDate d(2026, 5, 1); d < QDate(2026, 12, 1); d = d.addDays(1)) {
            switch (LearnedDurations::kindOf(d)) {
            case LearnedDurations::NightKind::Weekday:
                history += run(QStringLiteral("gl"), d, 20);
                break;
            case LearnedDurations::NightKind::MonthEnd:
                history += run(QStringLiteral("gl"), d, 60);
                break;
            case LearnedDurations::NightKind::QuarterEnd:
                history += run(QStringLiteral("gl"), d, 90);
                break;
            case LearnedDurations::NightKind::Weekend:
                break;
            }
        }
        // A weekday learns from the weekdays of the last 30 nights.
        const auto weekday = LearnedDurations::learn(inv, history, QDate(2026, 11, 25))
                                 .of(QStringLiteral("gl"), Side::OnPrem);
        QCOMPARE(weekday->p50, 20.0);
        QCOMPARE(weekday->p95, 20.0);
        QVERIFY(weekday->basis.contains(QStringLiteral("weekday nights")));
        // The month-end of 30 November from the month-ends since May (the nights after 30 April,
        // 31 May, 31 July, 31 August and 31 October).
        const auto monthEnd = LearnedDurations::learn(inv, history, QDate(2026, 12, 1))
                                  .of(QStringLiteral("gl"), Side::OnPrem);
        QCOMPARE(monthEnd->p50, 60.0);
        QCOMPARE(monthEnd->nights, 5);
        QCOMPARE(monthEnd->basis, QStringLiteral("5 month-end nights"));
        // Two quarter-ends (June, September) are too few: all of the last 30 nights, weekdays
        // and the one month-end among them.
        const auto quarter = LearnedDurations::learn(inv, history, QDate(2027, 1, 1))
                                 .of(QStringLiteral("gl"), Side::OnPrem);
        QVERIFY(!quarter); // nothing in the 30 nights before 1 January: December has no runs
        QVERIFY(!LearnedDurations::learn(inv, history, QDate(2026, 11, 25))
                     .of(QStringLiteral("gl"), Side::Cloud));
    }

    void shortHistoryBlendsWithTheInventory()
    {
        Pipeline p = pipeline(QStringLiteral("load"));
        p.onpremMinutes = 10;
        p.onpremP95Minutes = 20;
        const Inventory inv = inventory({p});
        QList<RunEvent> history;
        for (int i = 1; i <= 4; ++i)
            history += run(QStringLiteral("load"), QDate(2026, 11, 20).addDays(i), 30);
        const auto f = LearnedDurations::learn(inv, history, QDate(2026, 11, 30))
                           .of(QStringLiteral("load"), Side::OnPrem);
        QVERIFY(f);
        QVERIFY(f->blended);
        // 4 nights of 10 needed: 0.4 * 30 + 0.6 * 10 and 0.4 * 30 + 0.6 * 20.
        QCOMPARE(f->p50, 18.0);
        QCOMPARE(f->p95, 24.0);
        QVERIFY(f->basis.contains(QStringLiteral("blended")));
        const Inventory applied =
            LearnedDurations::learn(inv, history, QDate(2026, 11, 30)).applyTo(inv);
        QCOMPARE(applied.find(QStringLiteral("load"))->onpremMinutes, 18);
        QCOMPARE(applied.find(QStringLiteral("load"))->onpremP95Minutes, 24);
    }

    void aRerunCountsFromItsOwnStartAndTheTrendShows()
    {
        const Inventory inv = inventory({pipeline(QStringLiteral("grow"))});
        QList<RunEvent> history;
        // Weekday nights growing from 40 to about 58 minutes (1 % a night).
        int k = 0;
        for (QDate d(2026, 11, 2); d < QDate(2026, 12, 1); d = d.addDays(1))
            if (LearnedDurations::kindOf(d) == LearnedDurations::NightKind::Weekday)
                history += run(QStringLiteral("grow"), d, 40 * (1 + 0.01 * d.day()) + 0 * k++);
        // A failed first try and a rerun: the rerun's 40 minutes, not the night's 3 hours.
        QList<RunEvent> retry = run(QStringLiteral("grow"), QDate(2026, 11, 24), 40);
        RunEvent failed = retry.first();
        failed.kind = RunEvent::Kind::Failed;
        failed.at = retry.first().at.addSecs(-2 * 3600);
        RunEvent firstTry = retry.first();
        firstTry.at = failed.at.addSecs(-3600);
        QList<RunEvent> withRetry;
        for (const RunEvent &e : std::as_const(history))
            if (e.businessDate != QDate(2026, 11, 24))
                withRetry << e;
        withRetry << firstTry << failed << retry;
        const auto f = LearnedDurations::learn(inv, withRetry, QDate(2026, 12, 2))
                           .of(QStringLiteral("grow"), Side::OnPrem);
        QVERIFY(f);
        QVERIFY2(f->trendPercent > 15 && f->trendPercent < 35,
                 qPrintable(QString::number(f->trendPercent)));
        QVERIFY(f->p95 < 60); // the failed night's three hours are not a duration
    }

    void theBlastRadiusNamesEachReportWithItsSlack()
    {
        // src (01:00, 60 min) feeds rpt_a (due 06:00, 30 min) and, through mid, rpt_b (03:00);
        // other feeds rpt_c alone.
        Pipeline src = pipeline(QStringLiteral("src"));
        src.schedule = QTime(1, 0);
        src.onpremMinutes = 60;
        src.onpremP95Minutes = 90;
        Pipeline mid = pipeline(QStringLiteral("mid"), {QStringLiteral("src")});
        mid.onpremMinutes = 60;
        Pipeline a = pipeline(QStringLiteral("rpt_a"), {QStringLiteral("src")});
        a.onpremMinutes = 30;
        a.sla = QTime(6, 0);
        Pipeline b = pipeline(QStringLiteral("rpt_b"), {QStringLiteral("mid")});
        b.onpremMinutes = 30;
        b.sla = QTime(3, 0);
        Pipeline other = pipeline(QStringLiteral("other"));
        other.schedule = QTime(1, 0);
        Pipeline c = pipeline(QStringLiteral("rpt_c"), {QStringLiteral("other")});
        c.sla = QTime(6, 0);
        for (Pipeline *p : {&src, &mid, &a, &b, &other, &c})
            p->target = Side::Cloud;
        StoreSnapshot s;
        s.inventory = inventory({src, mid, a, b, other, c});
        for (const Pipeline &p : s.inventory.pipelines())
            s.routing.insert(p.id, {p.id, State::OnPrem, 1, {}});
        const QDate night(2026, 12, 2);
        const SlaProjection projection = SlaService::project(s, night, {}, QDateTime());
        const QList<SlaService::Exposure> stake =
            SlaService::blastRadius(s.inventory, projection, QStringLiteral("src"));
        QCOMPARE(stake.size(), 2);
        // rpt_b: 01:00 + 90 (src p95) + 60 + 30 = 04:00, an hour late; rpt_a: 01:00 + 90 + 30 =
        // 03:00, three hours early. The tightest first.
        QCOMPARE(stake.at(0).report, QStringLiteral("rpt_b"));
        QCOMPARE(stake.at(0).slackMinutes, -60);
        QCOMPARE(stake.at(1).report, QStringLiteral("rpt_a"));
        QCOMPARE(stake.at(1).slackMinutes, 180);
        QCOMPARE(
            SlaService::blastRadiusText(stake, Calendar(s.inventory).zone()),
            QStringLiteral("rpt_b 03:00 (late at p95 by 60 min), rpt_a 06:00 (slack 180 min)"));
        QCOMPARE(SlaService::blastRadiusText(
                     SlaService::blastRadius(s.inventory, projection, QStringLiteral("rpt_c")),
                     Calendar(s.inventory).zone())
                     .left(11),
                 QStringLiteral("rpt_c 06:00"));
    }

    void aFirstMonthEndBorrowsThePlatformsFactor()
    {
        // Each pipeline has seen one month-end, twice as long as its ordinary nights: too few
        // of its own, so the ratio pooled over the platform (2) scales its ordinary figures.
        const Inventory inv =
            inventory({pipeline(QStringLiteral("a")), pipeline(QStringLiteral("b"))});
        QList<RunEvent> history;
        for (QDate d(2026, 11, 1); d < QDate(2026, 12, 1); d = d.addDays(1)) {
            const bool monthEnd =
                LearnedDurations::kindOf(d) == LearnedDurations::NightKind::MonthEnd;
            history += run(QStringLiteral("a"), d, monthEnd ? 40 : 20);
            history += run(QStringLiteral("b"), d, monthEnd ? 60 : 30);
        }
        // 1 Nov was a month-end night (31 Oct's data); 1 Dec is the next.
        const auto f = LearnedDurations::learn(inv, history, QDate(2026, 12, 1))
                           .of(QStringLiteral("a"), Side::OnPrem);
        QVERIFY(f);
        QCOMPARE(f->p50, 40.0);
        QVERIFY2(f->basis.contains(QStringLiteral("x 2.00 for a month-end")), qPrintable(f->basis));
    }

    void startDelaysAreLearnedFromReadyToStart()
    {
        // src is scheduled at 02:00 (the zone's wall clock) and is picked up 4, 5 or 6 minutes
        // later; dst starts 10 minutes after src's success.
        Pipeline src = pipeline(QStringLiteral("src"));
        src.schedule = QTime(2, 0);
        const Inventory inv =
            inventory({src, pipeline(QStringLiteral("dst"), {QStringLiteral("src")})});
        const QTimeZone zone = Calendar(inv).zone();
        QList<RunEvent> history;
        for (int i = 1; i <= 12; ++i) {
            const QDate d = QDate(2026, 11, 10).addDays(i);
            const QDateTime start = wallClock(d, QTime(2, 4 + i % 3), zone);
            const QDateTime done = start.addSecs(30 * 60);
            history << RunEvent{0,
                                QStringLiteral("src"),
                                d,
                                Side::OnPrem,
                                RunEvent::Kind::Started,
                                start,
                                {}}
                    << RunEvent{0,
                                QStringLiteral("src"),
                                d,
                                Side::OnPrem,
                                RunEvent::Kind::Succeeded,
                                done,
                                {}}
                    << RunEvent{0,
                                QStringLiteral("dst"),
                                d,
                                Side::OnPrem,
                                RunEvent::Kind::Started,
                                done.addSecs(600),
                                {}}
                    << RunEvent{0,
                                QStringLiteral("dst"),
                                d,
                                Side::OnPrem,
                                RunEvent::Kind::Succeeded,
                                done.addSecs(1200),
                                {}};
        }
        const LearnedDurations learned = LearnedDurations::learn(inv, history, QDate(2026, 11, 30));
        QCOMPARE(learned.of(QStringLiteral("src"), Side::OnPrem)->delayP50, 5.0);
        QCOMPARE(learned.of(QStringLiteral("src"), Side::OnPrem)->delayP95, 6.0);
        QCOMPARE(learned.of(QStringLiteral("dst"), Side::OnPrem)->delayP50, 10.0);
        // The projection starts dst 10 minutes after src's projected success.
        SlaProjection::Inputs in;
        in.startDelay = learned.startDelays();
        const SlaProjection p = SlaProjection::project(
            learned.applyTo(inv), QDate(2026, 11, 30),
            [](const Pipeline &) { return Side::OnPrem; }, in);
        QCOMPARE(p.runs().value(QStringLiteral("src")).start,
                 wallClock(QDate(2026, 11, 30), QTime(2, 5), zone));
        QCOMPARE(p.runs().value(QStringLiteral("dst")).start,
                 wallClock(QDate(2026, 11, 30), QTime(2, 45), zone));
    }

    void theBacktestFlagsALateNightWhenItsCauseShows()
    {
        // src (01:00, 60 min) -> report (30 min, due 06:00). Twenty ordinary nights, then one on
        // which src fails at 01:00 and its rerun ends at 05:50: late, and visible at 01:00.
        const Inventory inv = srcToReport();
        const QTimeZone zone = Calendar(inv).zone();
        auto at = [&](const QDate &d, int h, int m) { return wallClock(d, QTime(h, m), zone); };
        const QDate bad(2026, 11, 25);
        QList<RunEvent> history;
        for (QDate d(2026, 11, 5); d <= bad; d = d.addDays(1)) {
            const int jitter = d.day() % 5; // 0-4 minutes longer
            history << event(QStringLiteral("src"), d, RunEvent::Kind::Started, at(d, 0, 30));
            QDateTime done = at(d, 1, 30 + jitter);
            if (d == bad) {
                history << event(QStringLiteral("src"), d, RunEvent::Kind::Failed, at(d, 0, 58));
                history << event(QStringLiteral("src"), d, RunEvent::Kind::Started, at(d, 4, 50));
                done = at(d, 5, 50);
            }
            history << event(QStringLiteral("src"), d, RunEvent::Kind::Succeeded, done)
                    << event(QStringLiteral("report"), d, RunEvent::Kind::Started, done)
                    << event(QStringLiteral("report"), d, RunEvent::Kind::Succeeded,
                             done.addSecs(1800));
        }
        const Backtest::Result r =
            Backtest::run(inv, history, QDate(2026, 11, 20), bad,
                          [](const QString &, const QDateTime &) { return State::OnPrem; });
        QCOMPARE(r.nights.size(), 6);
        QCOMPARE(r.rows.size(), 6);
        QCOMPARE(r.late, 1);
        QCOMPARE(r.misses, 0);
        QCOMPARE(r.falseAlarms, 0);
        const Backtest::ReportNight &late = r.rows.last();
        QCOMPARE(late.night, bad);
        QVERIFY(late.late);
        // Failed at 00:58: the 01:00 check is the first that knows it, and it says so.
        QCOMPARE(late.firstFlagged, at(bad, 1, 0));
        QCOMPARE(late.flaggedAs, QStringLiteral("breached"));
        QCOMPARE(late.cause, QStringLiteral("src"));
        QCOMPARE(late.leadMinutes(), 300);
        QCOMPARE(r.medianLeadMinutes, 300.0);
        QCOMPARE(r.flaggedTwoHoursAhead, 1);
        // Every run of the five ordinary nights was within its learned p95; of the late night's,
        // the report's own 30 minutes were too, src's rerun was not counted past its p95.
        QCOMPARE(r.runs, 12);
        QVERIFY(r.p95Coverage() >= 10.0 / 12);
        QVERIFY(r.calibration().contains(QStringLiteral("alerts came 5 h ahead on median")));
    }

    void theSecondWavesNightBreaksAReport()
    {
        // quick (on-prem 30, cloud 20) and slow (on-prem 60, cloud 240) both feed report (30 min,
        // due 06:00) from 01:00. Wave one moves quick: still on track. Wave two moves slow: its
        // cloud four hours make the report late the Monday after.
        Pipeline quick = pipeline(QStringLiteral("quick"));
        quick.schedule = QTime(1, 0);
        quick.onpremMinutes = 30;
        quick.cloudMinutes = 20;
        Pipeline slow = pipeline(QStringLiteral("slow"));
        slow.schedule = QTime(1, 0);
        slow.onpremMinutes = 60;
        slow.cloudMinutes = 240;
        Pipeline report =
            pipeline(QStringLiteral("report"), {QStringLiteral("quick"), QStringLiteral("slow")});
        report.onpremMinutes = 30;
        report.sla = QTime(6, 0);
        for (Pipeline *p : {&quick, &slow})
            p->target = Side::Cloud;
        report.target = Side::OnPrem;
        StoreSnapshot s;
        s.inventory = inventory({quick, slow, report});
        for (const Pipeline &p : s.inventory.pipelines())
            s.routing.insert(p.id, {p.id, State::DualRun, 1, {}});
        const Calendar calendar(s.inventory);
        auto wave = [&](const QString &name, const QDate &saturday, const QStringList &members) {
            Wave w;
            w.name = name;
            w.date = saturday;
            w.windowStart = calendar.at(saturday, QTime(0, 0));
            w.windowEnd = calendar.at(saturday.addDays(1), QTime(23, 59));
            w.members = members;
            return w;
        };
        const WavePlan plan(
            {wave(QStringLiteral("one"), QDate(2026, 12, 5), {QStringLiteral("quick")}),
             wave(QStringLiteral("two"), QDate(2026, 12, 12), {QStringLiteral("slow")})});
        const QList<WaveNight> nights = WaveNights::all(s, plan);
        QCOMPARE(nights.size(), 2);
        QCOMPARE(nights.at(0).night, QDate(2026, 12, 7)); // the Monday
        QVERIFY(!nights.at(0).bad());
        QCOMPARE(nights.at(1).night, QDate(2026, 12, 14));
        // 01:00 + 240 + 30 = 05:30, and with no spread typed its p95 is the same: on time.
        QVERIFY2(!nights.at(1).bad(), qPrintable(nights.at(1).summary(calendar.zone())));
        // With a p95 of 5 hours on the cloud, the report's p95 06:30 is past its deadline.
        QList<Pipeline> ps = s.inventory.pipelines();
        for (Pipeline &p : ps)
            if (p.id == QStringLiteral("slow"))
                p.cloudP95Minutes = 300;
        s.inventory.setPipelines(ps);
        const QList<WaveNight> risky = WaveNights::all(s, plan);
        QVERIFY(!risky.at(0).bad());
        QCOMPARE(risky.at(1).atRisk, QStringList{QStringLiteral("report")});
        QCOMPARE(risky.at(1).brief(), QStringLiteral("Mon 14 Dec 6am: 1 at risk"));
        QCOMPARE(WaveNights::turnedAtRisk(risky.at(0), risky.at(1), calendar.zone()),
                 QStringList{QStringLiteral("report (p95 06:30, due 06:00)")});
        // The drop check warns when slow is dropped into wave one, and still allows it.
        s.plan =
            WavePlan({wave(QStringLiteral("one"), QDate(2026, 12, 5), {QStringLiteral("quick")})});
        const PlanMoves moves(s, QDate(2026, 12, 1));
        const Decision d = moves.check({QStringLiteral("slow")}, QStringLiteral("one"), false);
        QVERIFY(d.allowed());
        bool warned = false;
        for (const Reason &w : d.warnings)
            warned = warned || (w.code == Reason::Code::NightAtRisk &&
                                w.text.contains(QStringLiteral("report (p95 06:30, due 06:00)")));
        QVERIFY(warned);
    }

    void theAutoPlannerLetsASlowStepWaitForTheOneThatMakesUpForIt()
    {
        // a (01:00; on-prem 60, cloud 180) -> b (on-prem 200, cloud 60) -> report (30, due
        // 06:00). Both on-prem: 05:50; both in the cloud: 05:30; a alone in the cloud: 07:50.
        // b is pinned in wave two; the planner's first pick for a is an earlier weekend, whose
        // night would be late: a waits for wave two instead.
        Pipeline a = pipeline(QStringLiteral("a"));
        a.schedule = QTime(1, 0);
        a.onpremMinutes = 60;
        a.cloudMinutes = 180;
        Pipeline b = pipeline(QStringLiteral("b"), {QStringLiteral("a")});
        b.onpremMinutes = 200;
        b.cloudMinutes = 60;
        Pipeline report = pipeline(QStringLiteral("report"), {QStringLiteral("b")});
        report.onpremMinutes = 30;
        report.sla = QTime(6, 0);
        report.target = Side::OnPrem;
        a.target = b.target = Side::Cloud;
        StoreSnapshot s;
        s.inventory = inventory({a, b, report});
        for (const Pipeline &p : s.inventory.pipelines())
            s.routing.insert(p.id, {p.id, State::OnPrem, 1, {}});
        const QDate today(2026, 12, 1);
        const WaveRules rules(s, today);
        Wave two = rules.makeWave(QStringLiteral("two"), QDate(2026, 12, 26));
        two.members = {QStringLiteral("b")};
        s.plan = WavePlan({two});
        const WaveRules pinned(s, today);
        WavePlanner::Options options;
        options.from = today;
        WavePlanner::Result result = WavePlanner(s, pinned).plan(options);
        QCOMPARE(result.placed, QStringList{QStringLiteral("a")});
        const QString first = result.plan.waveOf(QStringLiteral("a"));
        QVERIFY2(first != QStringLiteral("two"), qPrintable(first)); // the earliest weekend
        PlanNights::avoidRiskyNights(s, pinned, result, nullptr);
        QCOMPARE(result.plan.waveOf(QStringLiteral("a")), QStringLiteral("two"));
        QCOMPARE(result.plan.waves().size(), 1); // the emptied wave is gone
        QCOMPARE(result.nights.size(), 1);
        QVERIFY2(result.nights.first().reason.text.contains(QStringLiteral("a waits for two")),
                 qPrintable(result.nights.first().reason.text));
        for (const WaveNight &n : WaveNights::all(s, result.plan))
            QVERIFY2(!n.bad(), qPrintable(n.summary(Calendar(s.inventory).zone())));

        // With b staying on-prem nothing makes up for a's cloud hours: the night stays late,
        // and the planner says so.
        QList<Pipeline> ps = s.inventory.pipelines();
        for (Pipeline &p : ps)
            if (p.id == QStringLiteral("b"))
                p.target = Side::OnPrem;
        s.inventory.setPipelines(ps);
        s.plan = WavePlan();
        const WaveRules open(s, today);
        WavePlanner::Result alone = WavePlanner(s, open).plan(options);
        PlanNights::avoidRiskyNights(s, open, alone, nullptr);
        QVERIFY(!alone.nights.isEmpty());
        QVERIFY(alone.nights.last().reason.text.contains(QStringLiteral("turns report")));
    }

    void aFailureTheOrchestratorRetriesIsProjectedWithItsRerun()
    {
        // src (01:00, 60 min) -> report (30 min, due 06:00). Over the window src failed three
        // times, each retried 20 minutes later: the habit is learned.
        const Inventory inv = srcToReport();
        const QTimeZone zone = Calendar(inv).zone();
        auto at = [&](const QDate &d, int h, int m) { return wallClock(d, QTime(h, m), zone); };
        const QDate night(2026, 11, 30);
        QList<RunEvent> history;
        for (int i = 1; i <= 12; ++i) {
            const QDate d = night.addDays(-i);
            history << event(QStringLiteral("src"), d, RunEvent::Kind::Started, at(d, 1, 0));
            if (i % 4 == 0)
                history << event(QStringLiteral("src"), d, RunEvent::Kind::Failed, at(d, 1, 10))
                        << event(QStringLiteral("src"), d, RunEvent::Kind::Retrying,
                                 at(d, 1, i == 12 ? 40 : 30));
            history << event(QStringLiteral("src"), d, RunEvent::Kind::Succeeded, at(d, 2, 40));
        }
        const LearnedDurations learned = LearnedDurations::learn(inv, history, night);
        const auto f = learned.of(QStringLiteral("src"), Side::OnPrem);
        QVERIFY(f && f->retries);
        QCOMPARE(f->retryP50, 20.0);
        QCOMPARE(f->retryP95, 29.0); // 20, 20, 30: rank 1.9 between 20 and 30

        // Tonight src fails at 01:30. At 01:40 the rerun is expected at 01:50: done 02:50, the
        // report at 03:20, on track, with src named as what failed.
        SlaProjection::Inputs in;
        in.events = {event(QStringLiteral("src"), night, RunEvent::Kind::Started, at(night, 1, 0)),
                     event(QStringLiteral("src"), night, RunEvent::Kind::Failed, at(night, 1, 30))};
        in.retry = learned.retryHabits();
        in.now = at(night, 1, 40);
        const auto onPrem = [](const Pipeline &) { return Side::OnPrem; };
        SlaProjection p = SlaProjection::project(inv, night, onPrem, in);
        QVERIFY(p.runs().value(QStringLiteral("src")).retryExpected);
        QCOMPARE(p.runs().value(QStringLiteral("src")).finish, at(night, 2, 50));
        QCOMPARE(p.reports().first().status, SlaProjection::Status::OnTrack);
        QCOMPARE(p.reports().first().projectedFinish, at(night, 3, 20));
        // At 02:00 the usual wait (p95 29 min) is over without a rerun: the failure blocks.
        in.now = at(night, 2, 0);
        p = SlaProjection::project(inv, night, onPrem, in);
        QVERIFY(!p.runs().value(QStringLiteral("src")).retryExpected);
        QCOMPARE(p.reports().first().status, SlaProjection::Status::Breached);
        // Without a habit a failure blocks at once.
        in.retry = {};
        in.now = at(night, 1, 40);
        QCOMPARE(SlaProjection::project(inv, night, onPrem, in).reports().first().status,
                 SlaProjection::Status::Breached);
    }
};

QTEST_GUILESS_MAIN(TestForecast)
#include "tst_forecast.moc"
