#include "LearnedDurations.h"
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
};

QTEST_GUILESS_MAIN(TestForecast)
#include "tst_forecast.moc"
