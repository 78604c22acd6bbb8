#include "Calendar.h"
#include "LearnedDurations.h"
#include "SlaService.h"
#include "TestStores.h"

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
};

QTEST_GUILESS_MAIN(TestForecast)
#include "tst_forecast.moc"
