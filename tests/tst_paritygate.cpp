#include "ParityGate.h"

#include <QTest>

class TestParityGate : public QObject
{
    Q_OBJECT

private:
    static ParityResult result(int day, qint64 onprem = 1000, qint64 cloud = 1000, qint64 mismatched = 0, double diff = 0)
    {
        ParityResult r;
        r.pipeline = QStringLiteral("p");
        r.businessDate = QDate(2026, 11, 1).addDays(day);
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
    void sevenCleanRunsPass()
    {
        const ParityGate gate(7, 0.001);
        QCOMPARE(gate.evaluate(clean(6)).status, ParityGate::Status::Pending);
        const auto e = gate.evaluate(clean(7));
        QCOMPARE(e.status, ParityGate::Status::Passed);
        QCOMPARE(e.cleanRuns, 7);
        QCOMPARE(gate.evaluate({}).status, ParityGate::Status::Pending);
    }

    void breachKinds_data()
    {
        QTest::addColumn<qint64>("onprem");
        QTest::addColumn<qint64>("cloud");
        QTest::addColumn<qint64>("mismatched");
        QTest::addColumn<double>("diff");
        QTest::addColumn<bool>("breach");
        QTest::newRow("identical") << qint64(1000) << qint64(1000) << qint64(0) << 0.0 << false;
        QTest::newRow("row count off by 1 in 1000 is at tolerance") << qint64(1000) << qint64(999) << qint64(0) << 0.0 << false;
        QTest::newRow("row count off by 2 in 1000") << qint64(1000) << qint64(998) << qint64(0) << 0.0 << true;
        QTest::newRow("mismatched rows") << qint64(1000) << qint64(1000) << qint64(5) << 0.0 << true;
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

    void oneBreachFailsTheGateEvenAmongCleanRuns()
    {
        const ParityGate gate(7, 0.001);
        QList<ParityResult> list = clean(10);
        list[3] = result(3, 1000, 900);
        const auto e = gate.evaluate(list);
        QCOMPARE(e.status, ParityGate::Status::Failed);
        QCOMPARE(e.openBreaches.size(), 1);
        QCOMPARE(e.openBreaches.first().businessDate, QDate(2026, 11, 4));
        QCOMPARE(e.cleanRuns, 6);
    }

    void acceptedBreachLetsItPassAgain()
    {
        const ParityGate gate(7, 0.001);
        QList<ParityResult> list = clean(8);
        list[7] = result(7, 1000, 900);
        QCOMPARE(gate.evaluate(list).status, ParityGate::Status::Failed);
        list[7].acceptedBy = QStringLiteral("lead");
        list[7].acceptedReason = QStringLiteral("late-arriving rows, explained");
        QCOMPARE(gate.evaluate(list).status, ParityGate::Status::Passed);
    }

    void orderOfInputDoesNotMatter()
    {
        const ParityGate gate(3, 0.001);
        QList<ParityResult> list{result(5), result(1, 1000, 500), result(4), result(3)};
        list[1].acceptedBy = QStringLiteral("x");
        const auto e = gate.evaluate(list);
        QCOMPARE(e.latest->businessDate, QDate(2026, 11, 6));
        QCOMPARE(e.status, ParityGate::Status::Passed);
    }
};

QTEST_GUILESS_MAIN(TestParityGate)
#include "tst_paritygate.moc"
