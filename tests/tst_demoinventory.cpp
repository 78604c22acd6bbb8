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

    void demoStoreTellsNineWeeksOfTrueHistory()
    {
        QTemporaryDir dir;
        auto store = TestStores::sqlite(dir);
        // 03:10 in Berlin: the current night is under way.
        const QDateTime now(QDate(2026, 11, 24), QTime(2, 10), Qt::UTC);
        ManualClock clock(now);
        QVERIFY(InventoryService(*store, clock, QStringLiteral("t")).importDemo().ok());
        QVERIFY2(store->verify().isEmpty(), qPrintable(store->verify().join(QLatin1Char('\n'))));
        const StoreSnapshot s = store->snapshot();

        // Both sides, every night for nine weeks: on-prem for everything, the cloud shadow runs
        // of the pipelines that dual-run.
        const QString click = QStringLiteral("stg_clickstream");
        int nights = 0;
        QList<int> onpremMinutes; // stg_clickstream's on-prem run, night by night
        QList<QDate> failedNights;
        for (QDate night = QDate(2026, 9, 20); night < QDate(2026, 11, 24);
             night = night.addDays(1)) {
            const QList<RunEvent> events = store->runEvents(night);
            QSet<QString> onprem, cloud;
            QDateTime started, finished;
            for (const RunEvent &e : events) {
                (e.side == Side::OnPrem ? onprem : cloud).insert(e.pipeline);
                if (e.kind == RunEvent::Kind::Failed && !failedNights.contains(night))
                    failedNights.append(night);
                if (e.pipeline == click && e.side == Side::OnPrem) {
                    if (e.kind == RunEvent::Kind::Started && !started.isValid())
                        started = e.at;
                    if (e.kind == RunEvent::Kind::Succeeded)
                        finished = e.at;
                }
            }
            QCOMPARE(onprem.size(), 66);
            QVERIFY(cloud.contains(QStringLiteral("stg_products")));
            QVERIFY(!cloud.contains(QStringLiteral("hr_payroll_extract")));
            QVERIFY(started.isValid() && finished > started);
            onpremMinutes.append(int(started.secsTo(finished) / 60));
            ++nights;
        }
        QVERIFY(nights >= 60);
        QCOMPARE(failedNights.size(), 2);
        // Month-ends run slower: the night after Oct 31 against the nights around it.
        const int monthEnd = onpremMinutes.at(int(QDate(2026, 9, 20).daysTo(QDate(2026, 11, 1))));
        const int ordinary = onpremMinutes.at(int(QDate(2026, 9, 20).daysTo(QDate(2026, 11, 10))));
        QVERIFY2(monthEnd > ordinary,
                 qPrintable(QStringLiteral("%1 vs %2").arg(monthEnd).arg(ordinary)));
        // The current night only as far as it has happened.
        for (const RunEvent &e : store->runEvents(QDate(2026, 11, 24)))
            QVERIFY(e.at <= now);
        QVERIFY(!store->runEvents(QDate(2026, 11, 24)).isEmpty());

        // Two past waves, their audited cutovers and one rollback; the pointers follow.
        QStringList past;
        for (const Wave &w : s.plan.waves()) {
            QVERIFY(w.windowEnd < now);
            past << w.name;
        }
        QCOMPARE(past, (QStringList{QStringLiteral("Pilot"), QStringLiteral("Clickstream")}));
        int cutovers = 0, rollbacks = 0;
        for (const AuditEntry &a : store->auditLog()) {
            cutovers += a.action == QLatin1String("cutover") ? 1 : 0;
            rollbacks += a.action == QLatin1String("rollback") ? 1 : 0;
            QVERIFY(a.at <= now);
        }
        QCOMPARE(cutovers, 6);
        QCOMPARE(rollbacks, 1);
        QCOMPARE(s.routing.value(QStringLiteral("ads_spend_extract")).version, qint64(5));

        // Generated from a seed: the same moment gives the same past.
        QTemporaryDir again;
        auto twin = TestStores::sqlite(again);
        QVERIFY(InventoryService(*twin, clock, QStringLiteral("t")).importDemo().ok());
        QCOMPARE(twin->runEvents(QDate(2026, 10, 1)).size(),
                 store->runEvents(QDate(2026, 10, 1)).size());
        QCOMPARE(twin->runEvents(QDate(2026, 10, 1)).last().at,
                 store->runEvents(QDate(2026, 10, 1)).last().at);
    }
};

QTEST_GUILESS_MAIN(TestDemoInventory)
#include "tst_demoinventory.moc"
