#include "Calendar.h"
#include "ChangeWindow.h"

#include <QTest>
#include <QTimeZone>

using namespace daybreak;

class TestChangeWindow : public QObject
{
    Q_OBJECT

private:
    static QDateTime berlin(int y, int m, int d, int h, int min, int s = 0)
    {
        return QDateTime(QDate(y, m, d), QTime(h, min, s), QTimeZone("Europe/Berlin"));
    }
    static ChangeWindow defaultWindow(QList<QDate> blackouts = {})
    {
        ChangeWindowPolicy policy;
        policy.blackoutDates = blackouts;
        return ChangeWindow(policy, QTimeZone("Europe/Berlin"));
    }

private slots:
    void edges_data()
    {
        QTest::addColumn<QDateTime>("at");
        QTest::addColumn<bool>("open");
        // 2026-11-28 is a Saturday.
        QTest::newRow("friday 23:59:59 is outside") << berlin(2026, 11, 27, 23, 59, 59) << false;
        QTest::newRow("saturday 00:00 is inside") << berlin(2026, 11, 28, 0, 0) << true;
        QTest::newRow("saturday noon is inside") << berlin(2026, 11, 28, 12, 0) << true;
        QTest::newRow("sunday 23:59 is inside") << berlin(2026, 11, 29, 23, 59) << true;
        QTest::newRow("sunday 23:59:59 is inside") << berlin(2026, 11, 29, 23, 59, 59) << true;
        QTest::newRow("monday 00:00 is outside") << berlin(2026, 11, 30, 0, 0) << false;
        QTest::newRow("tuesday afternoon is outside") << berlin(2026, 11, 24, 15, 0) << false;
        // Saturday 00:00 in Berlin is still Friday 23:00 in UTC: the inventory's zone decides.
        QTest::newRow("saturday 00:30 Berlin = friday 23:30 UTC")
            << QDateTime(QDate(2026, 11, 27), QTime(23, 30), Qt::UTC) << true;
        QTest::newRow("monday 00:30 Berlin = sunday 23:30 UTC")
            << QDateTime(QDate(2026, 11, 29), QTime(23, 30), Qt::UTC) << false;
        // Daylight saving ends on Sunday 2026-10-25 at 03:00 CEST -> 02:00 CET.
        QTest::newRow("DST weekend: saturday 00:00 CEST is inside")
            << berlin(2026, 10, 24, 0, 0) << true;
        QTest::newRow("DST weekend: friday 22:00 UTC is saturday 00:00 CEST")
            << QDateTime(QDate(2026, 10, 23), QTime(22, 0), Qt::UTC) << true;
        QTest::newRow("DST weekend: friday 21:59 UTC is outside")
            << QDateTime(QDate(2026, 10, 23), QTime(21, 59), Qt::UTC) << false;
        QTest::newRow("DST weekend: sunday 23:59 CET is inside")
            << berlin(2026, 10, 25, 23, 59) << true;
        QTest::newRow("DST weekend: sunday 22:59 UTC is sunday 23:59 CET")
            << QDateTime(QDate(2026, 10, 25), QTime(22, 59), Qt::UTC) << true;
        QTest::newRow("DST weekend: sunday 23:00 UTC is monday in Berlin")
            << QDateTime(QDate(2026, 10, 25), QTime(23, 0), Qt::UTC) << false;
        // Spring forward: Sunday 2026-03-29 02:00 CET -> 03:00 CEST.
        QTest::newRow("spring DST: sunday 21:59 UTC is 23:59 CEST, inside")
            << QDateTime(QDate(2026, 3, 29), QTime(21, 59), Qt::UTC) << true;
        QTest::newRow("spring DST: sunday 22:00 UTC is monday 00:00 CEST, outside")
            << QDateTime(QDate(2026, 3, 29), QTime(22, 0), Qt::UTC) << false;
    }

    void edges()
    {
        QFETCH(QDateTime, at);
        QFETCH(bool, open);
        QCOMPARE(defaultWindow().isInChangeWindow(at), open);
    }

    void blackoutSaturdayIsClosed()
    {
        const ChangeWindow w = defaultWindow({QDate(2026, 12, 26)});
        QVERIFY(!w.isInChangeWindow(berlin(2026, 12, 26, 10, 0)));
        QVERIFY(w.isInChangeWindow(berlin(2026, 12, 27, 10, 0))); // the Sunday is not blacked out
        QVERIFY(w.describeState(berlin(2026, 12, 26, 10, 0))
                    .startsWith(QStringLiteral("Blackout 2026-12-26")));
    }

    void nextOpeningSkipsBlackouts()
    {
        // A blackout Saturday: the Sunday still opens, at midnight.
        const ChangeWindow saturday = defaultWindow({QDate(2026, 11, 28)});
        const auto sunday = saturday.nextOpening(berlin(2026, 11, 24, 15, 0));
        QVERIFY(sunday);
        QCOMPARE(saturday.toLocal(*sunday), berlin(2026, 11, 29, 0, 0));
        // The whole weekend blacked out: the weekend after.
        const ChangeWindow both = defaultWindow({QDate(2026, 11, 28), QDate(2026, 11, 29)});
        const auto next = both.nextOpening(berlin(2026, 11, 24, 15, 0));
        QVERIFY(next);
        QCOMPARE(both.toLocal(*next), berlin(2026, 12, 5, 0, 0));
    }

    // The whole sentence the status bar and refusals show, over the DST weekends of two zones and
    // blackout combinations (finding: spring-forward said "until Mon 23:59"; a blackout Saturday
    // said "until next Sat"; a blackout Sunday still said "open until Sun 23:59").
    void sentences_data()
    {
        QTest::addColumn<QString>("zone");
        QTest::addColumn<QString>("blackouts"); // ISO dates, comma-separated
        QTest::addColumn<QString>("local");     // the wall clock in `zone`
        QTest::addColumn<QString>("sentence");
        const QString open = QStringLiteral("Change window open until Sun 23:59");
        const QString berlinZone = QStringLiteral("Europe/Berlin");
        const QString ny = QStringLiteral("America/New_York");
        // Europe/Berlin springs forward Sun 2027-03-28 02:00 -> 03:00, falls back Sun 2027-10-31.
        QTest::newRow("berlin spring Sat") << berlinZone << ""
                                           << "2027-03-27T10:00" << open;
        QTest::newRow("berlin spring Sun 01:59") << berlinZone << ""
                                                 << "2027-03-28T01:59" << open;
        QTest::newRow("berlin spring Sun 03:00") << berlinZone << ""
                                                 << "2027-03-28T03:00" << open;
        QTest::newRow("berlin spring Fri")
            << berlinZone << ""
            << "2027-03-26T18:00"
            << "Cutovers and rollbacks locked until Sat 2027-03-27 00:00 (Europe/Berlin)";
        QTest::newRow("berlin spring Mon")
            << berlinZone << ""
            << "2027-03-29T00:00"
            << "Cutovers and rollbacks locked until Sat 2027-04-03 00:00 (Europe/Berlin)";
        QTest::newRow("berlin autumn Sat") << berlinZone << ""
                                           << "2027-10-30T23:00" << open;
        QTest::newRow("berlin autumn Sun 02:30") << berlinZone << ""
                                                 << "2027-10-31T02:30" << open;
        QTest::newRow("berlin autumn Sun 23:59") << berlinZone << ""
                                                 << "2027-10-31T23:59" << open;
        // America/New_York springs forward Sun 2027-03-14, falls back Sun 2027-11-07.
        QTest::newRow("ny spring Sat") << ny << ""
                                       << "2027-03-13T08:00" << open;
        QTest::newRow("ny spring Sun 03:30") << ny << ""
                                             << "2027-03-14T03:30" << open;
        QTest::newRow("ny autumn Sat") << ny << ""
                                       << "2027-11-06T20:00" << open;
        QTest::newRow("ny autumn Sun 01:30") << ny << ""
                                             << "2027-11-07T01:30" << open;
        QTest::newRow("ny autumn Mon")
            << ny << ""
            << "2027-11-08T09:00"
            << "Cutovers and rollbacks locked until Sat 2027-11-13 00:00 (America/New_York)";
        // Blackouts.
        QTest::newRow("blackout Sat, on Fri")
            << berlinZone << "2026-12-26"
            << "2026-12-25T10:00"
            << "Cutovers and rollbacks locked until Sun 2026-12-27 00:00 (Europe/Berlin)";
        QTest::newRow("blackout Sat, on it")
            << berlinZone << "2026-12-26"
            << "2026-12-26T10:00"
            << "Blackout 2026-12-26: cutovers and rollbacks locked until Sun 2026-12-27 00:00 "
               "(Europe/Berlin)";
        QTest::newRow("blackout Sat, on Sun") << berlinZone << "2026-12-26"
                                              << "2026-12-27T10:00" << open;
        QTest::newRow("blackout Sun, on Sat") << berlinZone << "2026-12-27"
                                              << "2026-12-26T10:00"
                                              << "Change window open until Sat 23:59";
        QTest::newRow("blackout Sun, on it")
            << berlinZone << "2026-12-27"
            << "2026-12-27T10:00"
            << "Blackout 2026-12-27: cutovers and rollbacks locked until Sat 2027-01-02 00:00 "
               "(Europe/Berlin)";
        QTest::newRow("blackout weekend, on Fri")
            << berlinZone << "2026-12-26,2026-12-27"
            << "2026-12-25T10:00"
            << "Cutovers and rollbacks locked until Sat 2027-01-02 00:00 (Europe/Berlin)";
        QTest::newRow("blackout Sat on the spring weekend")
            << berlinZone << "2027-03-27"
            << "2027-03-26T12:00"
            << "Cutovers and rollbacks locked until Sun 2027-03-28 00:00 (Europe/Berlin)";
        QTest::newRow("blackout Sun on the spring weekend") << berlinZone << "2027-03-28"
                                                            << "2027-03-27T12:00"
                                                            << "Change window open until Sat 23:59";
        QTest::newRow("blackout Sun on the NY autumn weekend")
            << ny << "2027-11-07"
            << "2027-11-06T12:00"
            << "Change window open until Sat 23:59";
    }

    void sentences()
    {
        QFETCH(QString, zone);
        QFETCH(QString, blackouts);
        QFETCH(QString, local);
        QFETCH(QString, sentence);
        ChangeWindowPolicy policy;
        for (const QString &date : blackouts.split(QLatin1Char(','), Qt::SkipEmptyParts))
            policy.blackoutDates.append(QDate::fromString(date, Qt::ISODate));
        const QTimeZone tz(zone.toUtf8());
        const ChangeWindow w(policy, tz);
        const QDateTime at = QDateTime::fromString(local, Qt::ISODate);
        QCOMPARE(w.describeState(wallClock(at.date(), at.time(), tz)), sentence);
    }

    void describeState()
    {
        const ChangeWindow w = defaultWindow();
        QCOMPARE(w.describeState(berlin(2026, 11, 28, 9, 0)),
                 QStringLiteral("Change window open until Sun 23:59"));
        QCOMPARE(w.describeState(berlin(2026, 11, 24, 15, 0)),
                 QStringLiteral(
                     "Cutovers and rollbacks locked until Sat 2026-11-28 00:00 (Europe/Berlin)"));
    }

    void wrappingWindowOverMonday()
    {
        ChangeWindowPolicy policy;
        policy.startDay = Qt::Friday;
        policy.startTime = QTime(20, 0);
        policy.endDay = Qt::Monday;
        policy.endTime = QTime(5, 59);
        const ChangeWindow w(policy, QTimeZone("Europe/Berlin"));
        QVERIFY(w.isInChangeWindow(berlin(2026, 11, 27, 20, 0)));
        QVERIFY(w.isInChangeWindow(berlin(2026, 11, 30, 5, 59)));
        QVERIFY(!w.isInChangeWindow(berlin(2026, 11, 30, 6, 0)));
        QVERIFY(!w.isInChangeWindow(berlin(2026, 11, 27, 19, 59)));
    }
};

QTEST_GUILESS_MAIN(TestChangeWindow)
#include "tst_changewindow.moc"
