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
        const ChangeWindow w = defaultWindow({QDate(2026, 11, 28)});
        const auto next = w.nextOpening(berlin(2026, 11, 24, 15, 0));
        QVERIFY(next);
        QCOMPARE(w.toLocal(*next), berlin(2026, 12, 5, 0, 0));
    }

    void describeState()
    {
        const ChangeWindow w = defaultWindow();
        QCOMPARE(w.describeState(berlin(2026, 11, 28, 9, 0)),
                 QStringLiteral("Change window open until Sun 23:59"));
        QCOMPARE(
            w.describeState(berlin(2026, 11, 24, 15, 0)),
            QStringLiteral("High-risk changes locked until Sat 2026-11-28 00:00 (Europe/Berlin)"));
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
