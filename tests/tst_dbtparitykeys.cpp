#include "DbtParityKeys.h"
#include "ManualClock.h"
#include "ParityDiffService.h"
#include "TestStores.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QTimeZone>

using namespace daybreak;
using namespace TestStores;

// Parity mappings from dbt: each side's compiled manifest gives the relation on that side, and
// the key comes from meta.daybreak.key, a primary_key constraint or a unique test, never a guess.
// The fixtures follow dbt's published manifest schema (v12 nodes; v9 without attached_node).
class TestDbtParityKeys : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    static QJsonObject model(const QString &name, const QString &relation,
                             const QJsonObject &extra = {})
    {
        QJsonObject n{{QStringLiteral("resource_type"), QStringLiteral("model")},
                      {QStringLiteral("name"), name},
                      {QStringLiteral("schema"), QStringLiteral("marts")},
                      {QStringLiteral("alias"), name},
                      {QStringLiteral("config"),
                       QJsonObject{{QStringLiteral("materialized"), QStringLiteral("table")}}},
                      {QStringLiteral("relation_name"),
                       relation.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(relation)}};
        for (auto it = extra.begin(); it != extra.end(); ++it)
            n.insert(it.key(), it.value());
        return n;
    }
    static QJsonObject uniqueTest(const QString &column, const QString &model, bool attached)
    {
        QJsonObject t{{QStringLiteral("resource_type"), QStringLiteral("test")},
                      {QStringLiteral("test_metadata"),
                       QJsonObject{{QStringLiteral("name"), QStringLiteral("unique")},
                                   {QStringLiteral("kwargs"),
                                    QJsonObject{{QStringLiteral("column_name"), column}}}}},
                      {QStringLiteral("depends_on"),
                       QJsonObject{{QStringLiteral("nodes"), QJsonArray{model}}}}};
        if (attached)
            t.insert(QStringLiteral("attached_node"), model);
        return t;
    }
    // One side's manifest: `schema` is where that target builds the marts.
    static QByteArray manifest(const QString &quote, const QString &database, bool attached)
    {
        auto rel = [&](const QString &table) {
            return QStringLiteral("%1%2%1.%1marts%1.%1%3%1").arg(quote, database, table);
        };
        QJsonObject nodes{
            {QStringLiteral("model.shop.orders"),
             model(QStringLiteral("orders"), rel(QStringLiteral("orders")),
                   {{QStringLiteral("constraints"),
                     QJsonArray{QJsonObject{
                         {QStringLiteral("type"), QStringLiteral("primary_key")},
                         {QStringLiteral("columns"), QJsonArray{QStringLiteral("order_id")}}}}}})},
            {QStringLiteral("model.shop.customers"),
             model(QStringLiteral("customers"), rel(QStringLiteral("customers")))},
            {QStringLiteral("test.shop.unique_customers_customer_id.1"),
             uniqueTest(QStringLiteral("customer_id"), QStringLiteral("model.shop.customers"),
                        attached)},
            {QStringLiteral("model.shop.daily"),
             model(QStringLiteral("daily"), rel(QStringLiteral("daily")),
                   {{QStringLiteral("meta"),
                     QJsonObject{{QStringLiteral("daybreak"),
                                  QJsonObject{{QStringLiteral("key"),
                                               QJsonArray{QStringLiteral("ds"),
                                                          QStringLiteral("store_id")}}}}}}})},
            {QStringLiteral("model.shop.events"),
             model(QStringLiteral("events"), rel(QStringLiteral("events")))},
            // a test on an expression is no key
            {QStringLiteral("test.shop.unique_events_concat.2"),
             uniqueTest(QStringLiteral("concat(a, b)"), QStringLiteral("model.shop.events"),
                        attached)},
        };
        return QJsonDocument(QJsonObject{{QStringLiteral("metadata"), QJsonObject{}},
                                         {QStringLiteral("nodes"), nodes}})
            .toJson();
    }
    QString write(const QString &name, const QByteArray &data)
    {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        if (f.open(QIODevice::WriteOnly))
            f.write(data);
        return path;
    }

private slots:
    void relationsAndKeysAreReadAsDbtWroteThem()
    {
        const DbtParityRead r =
            readDbtParityKeys(manifest(QStringLiteral("\""), QStringLiteral("dwh"), true),
                              QStringLiteral("onprem.json"));
        QVERIFY(r.error.isEmpty());
        QCOMPARE(r.models.size(), 4);
        const DbtParityModel orders = r.models.value(QStringLiteral("model.shop.orders"));
        QCOMPARE(orders.schema, QStringLiteral("marts"));
        QCOMPARE(orders.table, QStringLiteral("orders"));
        QCOMPARE(orders.key, QStringList{QStringLiteral("order_id")});
        QCOMPARE(orders.keyFrom, QStringLiteral("primary_key constraint"));
        QCOMPARE(r.models.value(QStringLiteral("model.shop.customers")).key,
                 QStringList{QStringLiteral("customer_id")});
        QCOMPARE(r.models.value(QStringLiteral("model.shop.customers")).keyFrom,
                 QStringLiteral("unique test"));
        QCOMPARE(r.models.value(QStringLiteral("model.shop.daily")).key,
                 (QStringList{QStringLiteral("ds"), QStringLiteral("store_id")}));
        QVERIFY(r.models.value(QStringLiteral("model.shop.events")).key.isEmpty());
        // MySQL's back-quoted two-part relation; a v9 test found through depends_on
        const DbtParityRead mysql =
            readDbtParityKeys(manifest(QStringLiteral("`"), QStringLiteral("site"), false),
                              QStringLiteral("cloud.json"));
        QCOMPARE(mysql.models.value(QStringLiteral("model.shop.customers")).key,
                 QStringList{QStringLiteral("customer_id")});
        QCOMPARE(mysql.models.value(QStringLiteral("model.shop.orders")).table,
                 QStringLiteral("orders"));
        QVERIFY(!readDbtParityKeys("{ not json", QStringLiteral("x.json")).error.isEmpty());
    }

    void theImportMapsWhatHasAKeyAndNamesWhatHasNot()
    {
        QTemporaryDir dir;
        std::unique_ptr<SqliteStore> store = sqlite(dir);
        QList<Pipeline> pipelines;
        for (const QString &name : {QStringLiteral("orders"), QStringLiteral("customers"),
                                    QStringLiteral("daily"), QStringLiteral("events")}) {
            Pipeline p = pipeline(name);
            p.tags = {QStringLiteral("dbt:model.shop.") + name};
            pipelines << p;
        }
        seed(*store, inventory(pipelines));
        ManualClock clock{QDateTime(QDate(2026, 3, 2), QTime(9, 0), QTimeZone("Europe/Berlin"))};
        ParityDiffService service(*store, clock, QStringLiteral("olga"));
        QVERIFY(
            service.addSource({QStringLiteral("dwh"), QStringLiteral("sqlite:///a.db"), {}}).ok());
        QVERIFY(
            service.addSource({QStringLiteral("lake"), QStringLiteral("sqlite:///b.db"), {}}).ok());
        const QString onprem = write(QStringLiteral("onprem.json"),
                                     manifest(QStringLiteral("\""), QStringLiteral("dwh"), true));
        const QString cloud = write(QStringLiteral("cloud.json"),
                                    manifest(QStringLiteral("`"), QStringLiteral("lake"), true));

        const int auditBefore = int(store->auditLog().size());
        const ParityDiffService::DbtImport review = service.importDbt(
            onprem, cloud, QStringLiteral("dwh"), QStringLiteral("lake"), {}, false);
        QVERIFY2(review.ok(), qPrintable(review.describe()));
        QCOMPARE(review.mapped.size(), 3);
        QCOMPARE(review.withoutKey, QStringList{QStringLiteral("events")});
        QVERIFY(service.mappings().isEmpty()); // a review writes nothing
        QCOMPARE(int(store->auditLog().size()), auditBefore);

        const ParityDiffService::DbtImport applied =
            service.importDbt(onprem, cloud, QStringLiteral("dwh"), QStringLiteral("lake"),
                              QStringLiteral("from the dbt targets"), true);
        QVERIFY2(applied.ok(), qPrintable(applied.describe()));
        QCOMPARE(service.mappings().size(), 3);
        for (const ParityMapping &m : service.mappings()) {
            QCOMPARE(m.onprem.source, QStringLiteral("dwh"));
            QCOMPARE(m.onprem.schema, QStringLiteral("marts"));
            if (m.pipeline == QLatin1String("daily"))
                QCOMPARE(m.key, (QStringList{QStringLiteral("ds"), QStringLiteral("store_id")}));
        }
        QCOMPARE(int(store->auditLog().size()), auditBefore + 3);
        QVERIFY(store->auditLog().constLast().reason.startsWith(
            QStringLiteral("from the dbt targets — before: none; after: ")));

        // A manifest that is not there is named, and nothing changes.
        const ParityDiffService::DbtImport missing =
            service.importDbt(m_dir.filePath(QStringLiteral("nope.json")), cloud,
                              QStringLiteral("dwh"), QStringLiteral("lake"), {}, true);
        QCOMPARE(missing.kind, Outcome::Kind::BadInput);
        QVERIFY2(missing.message.contains(QStringLiteral("nope.json")),
                 qPrintable(missing.message));
    }
};

QTEST_GUILESS_MAIN(TestDbtParityKeys)
#include "tst_dbtparitykeys.moc"
