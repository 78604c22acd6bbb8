#include "DependencyGraph.h"
#include "GeneratedPlatform.h"
#include "InventoryReader.h"
#include "ManualClock.h"
#include "MigrationService.h"
#include "SqliteStore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace daybreak;

namespace {
QByteArray inventoryJson(const Inventory &inv)
{
    QJsonArray pipelines;
    for (const Pipeline &p : inv.pipelines()) {
        QJsonObject o{{QStringLiteral("id"), p.id},
                      {QStringLiteral("name"), p.name},
                      {QStringLiteral("owner"), p.owner},
                      {QStringLiteral("schedule"), p.scheduleText()},
                      {QStringLiteral("duration_minutes"),
                       QJsonObject{{QStringLiteral("onprem"), p.onpremMinutes},
                                   {QStringLiteral("cloud"), p.cloudMinutes}}},
                      {QStringLiteral("upstreams"), QJsonArray::fromStringList(p.upstreams)},
                      {QStringLiteral("risk"), riskName(p.risk)},
                      {QStringLiteral("target"), sideName(p.target)}};
        if (p.sla)
            o.insert(QStringLiteral("sla"), p.sla->toString(QStringLiteral("HH:mm")));
        pipelines.append(o);
    }
    return QJsonDocument(
               QJsonObject{{QStringLiteral("format"), QStringLiteral("daybreak-inventory/1")},
                           {QStringLiteral("timezone"), QStringLiteral("Europe/Berlin")},
                           {QStringLiteral("pipelines"), pipelines}})
        .toJson();
}
void seed(Store &store, const Inventory &inventory)
{
    AuditEntry audit;
    audit.at = QDateTime::currentDateTimeUtc();
    audit.actor = QStringLiteral("bench");
    audit.action = QStringLiteral("import");
    store.replaceInventory(inventory, audit);
}
} // namespace

// Inventory import, graph build and store operations on generated platforms.
class BenchPlatform : public QObject
{
    Q_OBJECT

private slots:
    void sizes_data()
    {
        QTest::addColumn<int>("pipelines");
        for (int n : {60, 1000, 5000, 10000})
            QTest::newRow(qPrintable(QString::number(n))) << n;
    }

    void importJson_data() { sizes_data(); }
    void importJson()
    {
        QFETCH(int, pipelines);
        const QByteArray json = inventoryJson(GeneratedPlatform::inventory(pipelines));
        QBENCHMARK
        {
            const InventoryReadResult r =
                InventoryReader::readJson(json, QStringLiteral("bench.json"));
            QVERIFY(r.ok());
        }
    }

    void graphBuild_data() { sizes_data(); }
    void graphBuild()
    {
        QFETCH(int, pipelines);
        const Inventory inv = GeneratedPlatform::inventory(pipelines);
        QBENCHMARK
        {
            const DependencyGraph g(inv);
            QVERIFY(!g.topologicalOrder().isEmpty());
        }
    }

    void statusOfAll_data() { sizes_data(); }
    void statusOfAll()
    {
        QFETCH(int, pipelines);
        QTemporaryDir dir;
        SqliteStore store(dir.filePath(QStringLiteral("s.sqlite")), OpenMode::CreateIfMissing);
        seed(store, GeneratedPlatform::inventory(pipelines));
        QBENCHMARK
        {
            QCOMPARE(store.snapshot().inventory.size(), pipelines);
        }
    }

    void cutoverLatency_data() { sizes_data(); }
    void cutoverLatency()
    {
        // One dual-run start through the whole service (snapshot, rules, compare-and-set, audit).
        QFETCH(int, pipelines);
        QTemporaryDir dir;
        SqliteStore store(dir.filePath(QStringLiteral("s.sqlite")), OpenMode::CreateIfMissing);
        const Inventory inv = GeneratedPlatform::inventory(pipelines);
        seed(store, inv);
        ManualClock clock(QDateTime(QDate(2026, 11, 28), QTime(10, 0), QTimeZone("Europe/Berlin")));
        MigrationService service(store, clock, QStringLiteral("bench"));
        int i = 0;
        QBENCHMARK
        {
            const Pipeline &p = inv.pipelines().at(i++ % inv.size());
            service.startDualRun({p.id, {}, false});
        }
    }
};

QTEST_GUILESS_MAIN(BenchPlatform)
#include "bench_platform.moc"
