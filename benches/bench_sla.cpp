#include "GeneratedPlatform.h"
#include "SlaProjection.h"

#include <QTest>
#include <QTimeZone>

using namespace daybreak;

// Projection of one night on generated platforms. Goal: a 5,000-pipeline night under 50 ms.
class BenchSla : public QObject
{
    Q_OBJECT

private slots:
    void projection_data()
    {
        QTest::addColumn<int>("pipelines");
        for (int n : {60, 1000, 5000, 10000})
            QTest::newRow(qPrintable(QString::number(n))) << n;
    }

    void projection()
    {
        QFETCH(int, pipelines);
        const Inventory inv = GeneratedPlatform::inventory(pipelines);
        const QDate night(2026, 11, 25);
        // A night in progress: the first fifth of the pipelines have started or finished.
        SlaProjection::Inputs in;
        in.now = QDateTime(night, QTime(2, 0), QTimeZone("Europe/Berlin"));
        for (int i = 0; i < pipelines / 5; ++i) {
            RunEvent e;
            e.pipeline = inv.pipelines().at(i).id;
            e.businessDate = night;
            e.kind = i % 2 ? RunEvent::Kind::Succeeded : RunEvent::Kind::Started;
            e.at = in.now.addSecs(-600);
            in.events.append(e);
        }
        int reports = 0;
        QBENCHMARK
        {
            reports = int(SlaProjection::project(
                              inv, night, [](const Pipeline &) { return Side::OnPrem; }, in)
                              .reports()
                              .size());
        }
        QVERIFY(reports > 0);
    }
};

QTEST_GUILESS_MAIN(BenchSla)
#include "bench_sla.moc"
