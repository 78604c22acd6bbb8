#include "DemoData.h"
#include "DependencyGraph.h"
#include "InventoryReader.h"
#include "InventoryService.h"
#include "ManualClock.h"
#include "MigrationRules.h"
#include "ParityService.h"
#include "TestStores.h"

#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace daybreak;

class TestDemoInventory : public QObject
{
    Q_OBJECT

private:
    static Inventory demo()
    {
        const InventoryReadResult r =
            InventoryReader::readJson(demoInventoryJson(), QStringLiteral("demo"));
        if (!r.ok())
            qFatal("demo inventory has errors: %s", qPrintable(r.problems.first().toString()));
        return r.inventory;
    }
    // Minutes after the evening's midnight that a pipeline finishes on-prem: scheduled times
    // from 18:00 on belong to the evening before.
    static int onpremFinish(const Inventory &inv, const QString &id, QHash<QString, int> &memo)
    {
        if (memo.contains(id))
            return memo.value(id);
        const Pipeline *p = inv.find(id);
        int start = INT_MIN;
        if (p->schedule) {
            start = p->schedule->hour() * 60 + p->schedule->minute();
            if (start >= 18 * 60)
                start -= 24 * 60;
        }
        for (const QString &up : p->upstreams)
            start = std::max(start, onpremFinish(inv, up, memo));
        memo.insert(id, start + p->onpremMinutes);
        return memo.value(id);
    }

private slots:
    void shapeOfThePlatform()
    {
        const Inventory inv = demo();
        QVERIFY(inv.size() >= 64);
        const DependencyGraph graph(inv);
        QVERIFY(!graph.hasCycle());
        QVERIFY2(graph.depth() >= 5, "source -> staging -> core -> mart -> report");
        QSet<QString> owners;
        int reports = 0, staying = 0, dual = 0, cloud = 0;
        for (const Pipeline &p : inv.pipelines()) {
            owners.insert(p.owner);
            reports += (p.sla == QTime(6, 0)) ? 1 : 0;
            staying += p.staysOnPrem() ? 1 : 0;
            dual += p.initialState == State::DualRun ? 1 : 0;
            cloud += p.initialState == State::Cloud ? 1 : 0;
        }
        QVERIFY(reports >= 6);
        QVERIFY(owners.size() >= 6);
        QVERIFY(staying >= 2);
        QVERIFY(dual >= 2);
        QVERIFY(cloud >= 2);
    }

    void onPremCriticalPathEndsBetween0430And0530()
    {
        const Inventory inv = demo();
        QHash<QString, int> memo;
        int latest = INT_MIN;
        for (const Pipeline &p : inv.pipelines())
            if (p.sla)
                latest = std::max(latest, onpremFinish(inv, p.id, memo));
        QVERIFY2(latest >= 4 * 60 + 30 && latest <= 5 * 60 + 30,
                 qPrintable(QStringLiteral("latest report finishes at %1:%2")
                                .arg(latest / 60)
                                .arg(latest % 60)));
    }

    void startingStatesRespectTheCutoverOrder()
    {
        const InventoryReadResult r =
            InventoryReader::readJson(demoInventoryJson(), QStringLiteral("demo"));
        QVERIFY(r.problems.isEmpty());
    }

    void demoStoreCarriesParityHistory()
    {
        QTemporaryDir dir;
        auto store = TestStores::sqlite(dir);
        ManualClock clock(QDateTime(QDate(2026, 11, 24), QTime(9, 0), Qt::UTC));
        QVERIFY(InventoryService(*store, clock, QStringLiteral("t")).importDemo().ok());
        const StoreSnapshot s = store->snapshot();
        QHash<ParityGate::Status, int> gates;
        for (const Pipeline &p : s.inventory.pipelines())
            if (s.stateOf(p.id) == State::DualRun || s.stateOf(p.id) == State::Cloud)
                ++gates[MigrationRules::gateOf(s, p.id, QDate(2026, 11, 24)).status];
        QVERIFY(gates.value(ParityGate::Status::Passed) >= 3);
        QCOMPARE(gates.value(ParityGate::Status::Failed), 2);
        QCOMPARE(gates.value(ParityGate::Status::Pending), 1);
        // Clean for two weeks, then a spike on the quarter-end run that nobody has explained yet.
        const ParityGate::Evaluation products =
            MigrationRules::gateOf(s, QStringLiteral("erp_products_extract"), QDate(2026, 11, 24));
        QCOMPARE(products.status, ParityGate::Status::Failed);
        QCOMPARE(products.openBreaches.size(), 1);
        QCOMPARE(products.openBreaches.first().businessDate, QDate(2026, 9, 30));
        const QList<ParityResult> history = s.parity.value(QStringLiteral("erp_products_extract"));
        QCOMPARE(std::min_element(history.begin(), history.end(),
                                  [](const ParityResult &a, const ParityResult &b) {
                                      return a.businessDate < b.businessDate;
                                  })
                     ->businessDate,
                 QDate(2026, 9, 16));
        QVERIFY(history.size() > 14 + 1 + 50);
        // A cut-over pipeline that spiked last night: rollback recommended, nothing rolled back.
        const ParityService::PipelineParity click =
            ParityService::evaluate(s, QStringLiteral("stg_clickstream"), QDate(2026, 11, 24));
        QVERIFY(click.rollbackRecommended);
        QCOMPARE(s.stateOf(QStringLiteral("stg_clickstream")), State::Cloud);
    }
};

QTEST_GUILESS_MAIN(TestDemoInventory)
#include "tst_demoinventory.moc"
