#include "ParityGate.h"

#include <QTest>

using namespace daybreak;

class TestParityGate : public QObject
{
    Q_OBJECT

private:
    static QDate day(int i) { return QDate(2026, 11, 1).addDays(i); }
    static ParityResult result(int i, qint64 onprem = 1000, qint64 cloud = 1000,
                               qint64 mismatched = 0, double diff = 0)
    {
        ParityResult r;
        r.pipeline = QStringLiteral("p");
        r.businessDate = day(i);
        r.onpremRows = onprem;
        r.cloudRows = cloud;
        r.mismatchedRows = mismatched;
        r.maxRelativeDiff = diff;
        return r;
    }
    static QList<ParityResult> clean(int n)
    {
        QList<ParityResult> list;
        for (int i = 0; i < n; ++i)
            list.append(result(i));
        return list;
    }

private slots:
    void sevenCleanNightsPass()
    {
        const ParityGate gate(7, 0.001);
        QCOMPARE(gate.evaluate(clean(6), day(5)).status, ParityGate::Status::Pending);
        const auto e = gate.evaluate(clean(7), day(6));
        QCOMPARE(e.status, ParityGate::Status::Passed);
        QCOMPARE(e.cleanRuns, 7);
        QCOMPARE(gate.evaluate({}, day(6)).status, ParityGate::Status::Pending);
    }

    void todaysComparisonMayStillBeRunning()
    {
        const ParityGate gate(7, 0.001);
        // The results end yesterday: still passed.
        QCOMPARE(gate.evaluate(clean(7), day(7)).status, ParityGate::Status::Passed);
        // Two days without a comparison: the missing night counts against the gate.
        const auto e = gate.evaluate(clean(7), day(8));
        QCOMPARE(e.status, ParityGate::Status::Failed);
        QCOMPARE(e.missingNights, QList<QDate>{day(7)});
    }

    void aMissingNightFailsIt()
    {
        const ParityGate gate(7, 0.001);
        QList<ParityResult> list = clean(10);
        list.removeAt(6);
        const auto e = gate.evaluate(list, day(9));
        QCOMPARE(e.status, ParityGate::Status::Failed);
        QCOMPARE(e.missingNights, QList<QDate>{day(6)});
        QCOMPARE(e.cleanRuns, 3);
        // Once it is seven nights back, the gap no longer matters and the clean run is long enough.
        for (int i = 10; i < 14; ++i)
            list.append(result(i));
        QCOMPARE(gate.evaluate(list, day(13)).status, ParityGate::Status::Passed);
    }

    void breachKinds_data()
    {
        QTest::addColumn<qint64>("onprem");
        QTest::addColumn<qint64>("cloud");
        QTest::addColumn<qint64>("mismatched");
        QTest::addColumn<double>("diff");
        QTest::addColumn<bool>("breach");
        QTest::newRow("identical") << qint64(1000) << qint64(1000) << qint64(0) << 0.0 << false;
        QTest::newRow("row count off by 1 in 1000 is at tolerance")
            << qint64(1000) << qint64(999) << qint64(0) << 0.0 << false;
        QTest::newRow("row count off by 2 in 1000")
            << qint64(1000) << qint64(998) << qint64(0) << 0.0 << true;
        QTest::newRow("mismatched rows")
            << qint64(1000) << qint64(1000) << qint64(5) << 0.0 << true;
        QTest::newRow("value drift") << qint64(1000) << qint64(1000) << qint64(0) << 0.02 << true;
        QTest::newRow("empty on both sides") << qint64(0) << qint64(0) << qint64(0) << 0.0 << false;
    }

    void breachKinds()
    {
        QFETCH(qint64, onprem);
        QFETCH(qint64, cloud);
        QFETCH(qint64, mismatched);
        QFETCH(double, diff);
        QFETCH(bool, breach);
        const ParityGate gate(7, 0.001);
        QCOMPARE(gate.isBreach(result(0, onprem, cloud, mismatched, diff)), breach);
    }

    void checksumMismatchIsABreach()
    {
        ParityResult r = result(0);
        r.checksumMatch = false;
        QVERIFY(ParityGate(7, 0.001).isBreach(r));
        r.checksumMatch = true;
        QVERIFY(!ParityGate(7, 0.001).isBreach(r));
    }

    void oneBreachFailsTheGateEvenAmongCleanRuns()
    {
        const ParityGate gate(7, 0.001);
        QList<ParityResult> list = clean(10);
        list[3] = result(3, 1000, 900);
        const auto e = gate.evaluate(list, day(9));
        QCOMPARE(e.status, ParityGate::Status::Failed);
        QCOMPARE(e.openBreaches.size(), 1);
        QCOMPARE(e.openBreaches.first().businessDate, day(3));
        QCOMPARE(e.cleanRuns, 6);
    }

    void resolvedBreachLetsItPassAgain_data()
    {
        QTest::addColumn<int>("how");
        QTest::newRow("accepted") << int(BreachResolution::Accepted);
        QTest::newRow("explained as a legacy bug") << int(BreachResolution::LegacyBug);
        QTest::newRow("explained as a new bug") << int(BreachResolution::NewBug);
    }

    void resolvedBreachLetsItPassAgain()
    {
        QFETCH(int, how);
        const ParityGate gate(7, 0.001);
        QList<ParityResult> list = clean(8);
        list[7] = result(7, 1000, 900);
        QCOMPARE(gate.evaluate(list, day(7)).status, ParityGate::Status::Failed);
        list[7].resolution = BreachResolution(how);
        list[7].resolvedBy = QStringLiteral("lead");
        list[7].resolvedReason = QStringLiteral("late-arriving rows, explained");
        QCOMPARE(gate.evaluate(list, day(7)).status, ParityGate::Status::Passed);
    }

    void orderOfInputDoesNotMatter()
    {
        const ParityGate gate(3, 0.001);
        QList<ParityResult> list{result(5), result(2, 1000, 500), result(4), result(3)};
        list[1].resolution = BreachResolution::Accepted;
        const auto e = gate.evaluate(list, day(5));
        QCOMPARE(e.latest->businessDate, day(5));
        QCOMPARE(e.status, ParityGate::Status::Passed);
    }
};

QTEST_GUILESS_MAIN(TestParityGate)
#include "tst_paritygate.moc"
