#include "DemoData.h"
#include "GraphPanel.h"
#include "GraphPicture.h"
#include "GraphScene.h"
#include "GroupBoxItem.h"
#include "GroupFolders.h"
#include "InventoryReader.h"
#include "PipelineNodeItem.h"
#include "TestStores.h"

#include <QCheckBox>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QSet>
#include <QTest>

using namespace daybreak;
using namespace TestStores;

// The console's graph: the same picture as the export, groups that collapse and expand,
// selections dimmed or alone.
class TestGraphScene : public QObject
{
    Q_OBJECT

    StoreSnapshot m_demo;
    const QDate m_today{2026, 11, 24};

    static QHash<QString, QPointF> scenePositions(const GraphScene &scene)
    {
        QHash<QString, QPointF> at;
        for (const GraphDrawing::Node &n : scene.drawing().nodes())
            at.insert(n.id, scene.node(n.id)->pos());
        return at;
    }

private slots:
    void initTestCase()
    {
        m_demo.inventory =
            InventoryReader::readJson(demoInventoryJson(), QStringLiteral("demo")).inventory;
        QCOMPARE(m_demo.inventory.size(), 66);
        for (const Pipeline &p : m_demo.inventory.pipelines())
            m_demo.routing.insert(p.id, {p.id, p.initialState, 1, {}});
    }

    void theSceneIsTheExportedPicture()
    {
        GraphScene scene;
        scene.setSnapshot(m_demo, m_today);
        QCOMPARE(scene.drawing().nodes().size(), 66); // a small graph starts open
        QVERIFY(!scene.drawing().groups().isEmpty());
        const QJsonObject json =
            GraphPicture::json(GraphDrawing::compute(m_demo.inventory)).object();
        const QJsonArray nodes = json.value(QStringLiteral("nodes")).toArray();
        QCOMPARE(nodes.size(), 66);
        for (const QJsonValue &v : nodes) {
            const QJsonObject n = v.toObject();
            const PipelineNodeItem *item = scene.node(n.value(QStringLiteral("id")).toString());
            QVERIFY(item);
            QCOMPARE(item->pos(), QPointF(n.value(QStringLiteral("x")).toDouble(),
                                          n.value(QStringLiteral("y")).toDouble()));
        }
        for (const QJsonValue &v : json.value(QStringLiteral("groups")).toArray()) {
            const GroupBoxItem *box =
                scene.groupBox(v.toObject().value(QStringLiteral("name")).toString());
            QVERIFY(box);
            QVERIFY(!box->isCollapsed());
        }
    }

    void collapseAndExpandAGroup()
    {
        GraphScene scene;
        scene.setSnapshot(m_demo, m_today);
        const QHash<QString, QPointF> before = scenePositions(scene);
        scene.toggleGroup(QStringLiteral("finance"));
        QVERIFY(scene.isGroupCollapsed(QStringLiteral("finance")));
        QVERIFY(!scene.node(QStringLiteral("core_fx")));
        QVERIFY(scene.groupBox(QStringLiteral("finance"))->isCollapsed());
        QVERIFY(scene.groupBox(QStringLiteral("finance"))
                    ->toolTip()
                    .contains(QStringLiteral("12 pipelines")));
        scene.toggleGroup(QStringLiteral("finance"));
        QCOMPARE(scenePositions(scene), before);
        scene.collapseAll();
        QVERIFY(scene.drawing().nodes().isEmpty());
        scene.expandAll();
        QCOMPARE(scenePositions(scene), before);
    }

    // Labels that keep the part that tells them apart: no group's prefix inside it, elided in the
    // middle, and no two alike, near or far.
    void labelsTellThePipelinesApart()
    {
        QList<Pipeline> ps;
        for (const QString &dag : {QStringLiteral("bqetl_search"), QStringLiteral("bqetl_ads")})
            for (int i = 0; i < 6; ++i) {
                Pipeline p = pipeline(
                    QStringLiteral("%1.%2_clients_daily_aggregated_v%3")
                        .arg(dag, i % 2 ? QStringLiteral("mobile") : QStringLiteral("desktop"))
                        .arg(i),
                    {});
                p.group = dag;
                ps << p;
            }
        Pipeline a = pipeline(QStringLiteral("bqetl_search.load"), {});
        a.group = QStringLiteral("bqetl_search");
        Pipeline b = pipeline(QStringLiteral("bqetl_ads.load"), {});
        b.group = QStringLiteral("bqetl_ads");
        ps << a << b;
        StoreSnapshot s;
        s.inventory = inventory(ps);
        GraphScene scene;
        scene.setSnapshot(s, m_today);
        QCOMPARE(scene.drawing().nodes().size(), ps.size());
        QSet<QString> nearLabels, farLabels;
        for (const Pipeline &p : ps) {
            const PipelineNodeItem *node = scene.node(p.id);
            QVERIFY(node);
            nearLabels.insert(node->nearLabel());
            farLabels.insert(node->farLabel());
            if (!p.id.endsWith(QLatin1String(".load"))) // those two need their DAG: below
                QVERIFY2(!node->nearLabel().startsWith(p.group), qPrintable(node->nearLabel()));
            QVERIFY2(!node->nearLabel().startsWith(QStringLiteral("…")),
                     qPrintable(node->nearLabel()));
        }
        QCOMPARE(nearLabels.size(), ps.size());
        QCOMPARE(farLabels.size(), ps.size());
        // The same task in two DAGs: each label names its DAG again.
        QCOMPARE(scene.node(QStringLiteral("bqetl_ads.load"))->nearLabel(),
                 QStringLiteral("bqetl_ads.load"));
    }

    void aLargePlatformOpensWithItsGroupsCollapsed()
    {
        QList<Pipeline> ps;
        for (int i = 0; i < GraphScene::kCollapseAbove + 20; ++i) {
            Pipeline p = pipeline(
                QStringLiteral("g%1.p%2").arg(i % 12).arg(i),
                i > 12 ? QStringList{QStringLiteral("g%1.p%2").arg((i - 12) % 12).arg(i - 12)}
                       : QStringList{});
            ps << p;
        }
        StoreSnapshot s;
        s.inventory = inventory(ps);
        GraphScene scene;
        scene.setSnapshot(s, m_today);
        QVERIFY(scene.drawing().nodes().isEmpty());
        QCOMPARE(scene.drawing().groups().size(), 12);
        // The user's choice stays across refreshes of the same graph.
        scene.setGroupCollapsed(QStringLiteral("g3"), false);
        scene.setSnapshot(s, m_today);
        QVERIFY(scene.node(QStringLiteral("g3.p3")));
        QVERIFY(scene.isGroupCollapsed(QStringLiteral("g4")));
    }

    void thousandsOfGroupsOpenFoldedIntoTheirFolders()
    {
        // 3 folders of 250 groups of two: more groups than collapse-all can show.
        QList<Pipeline> ps;
        for (int f = 0; f < 3; ++f)
            for (int g = 0; g < 250; ++g)
                for (int k = 0; k < 2; ++k) {
                    const QString id = QStringLiteral("f%1_g%2_p%3").arg(f).arg(g).arg(k);
                    QStringList ups;
                    if (k == 1)
                        ups << QStringLiteral("f%1_g%2_p0").arg(f).arg(g);
                    else if (f > 0)
                        ups << QStringLiteral("f%1_g%2_p1").arg(f - 1).arg(g);
                    Pipeline p = pipeline(id, ups);
                    p.group = QStringLiteral("f%1/g%2").arg(f).arg(g);
                    ps << p;
                }
        StoreSnapshot s;
        s.inventory = inventory(ps);
        QVERIFY(750 > GroupFolders::kFoldAbove);
        GraphScene scene;
        scene.setSnapshot(s, m_today);
        QCOMPARE(scene.drawing().groups().size(), 3);
        QVERIFY(scene.drawing().nodes().isEmpty());
        GroupBoxItem *f1 = scene.groupBox(QStringLiteral("f1"));
        QVERIFY(f1 && f1->isCollapsed());
        QVERIFY(f1->toolTip().contains(QStringLiteral("500 pipelines in 250 groups")));
        // Double-clicking a folder goes one level down: its groups, collapsed.
        scene.toggleGroup(QStringLiteral("f1"));
        QCOMPARE(scene.drawing().groups().size(), 252);
        QVERIFY(scene.isGroupCollapsed(QStringLiteral("f1/g7")));
        QVERIFY(scene.isGroupCollapsed(QStringLiteral("f0")));
        // Searching a pipeline inside a folded folder opens what hides it.
        scene.reveal(QStringLiteral("f2_g9_p1"));
        QVERIFY(scene.node(QStringLiteral("f2_g9_p1")));
        QVERIFY(scene.node(QStringLiteral("f2_g9_p0")));
        QVERIFY(scene.isGroupCollapsed(QStringLiteral("f2/g8")));
        QVERIFY(scene.isGroupCollapsed(QStringLiteral("f1/g7")));
        // The overview folds everything again; collapse-all unfolds into the 750 groups.
        scene.foldToOverview();
        QCOMPARE(scene.drawing().groups().size(), 3);
        scene.collapseAll();
        QCOMPARE(scene.drawing().groups().size(), 750);
        // A selection with the rest hidden opens every folder around it; with the rest dimmed a
        // folder of hundreds of groups stays one box, which holds the selection.
        scene.foldToOverview();
        QCOMPARE(scene.setSelection(QStringLiteral("+f2_g4_p1"), false), QString());
        QVERIFY(!scene.node(QStringLiteral("f0_g4_p0")));
        QCOMPARE(scene.drawing().groupOf(QStringLiteral("f0_g4_p0")), QStringLiteral("f0"));
        QVERIFY(
            scene.selectionBounds().contains(scene.drawing().group(QStringLiteral("f0"))->rect));
        scene.foldToOverview();
        QCOMPARE(scene.setSelection(QStringLiteral("+f2_g4_p1"), true), QString());
        QVERIFY(scene.node(QStringLiteral("f0_g4_p0")));
        QVERIFY(scene.node(QStringLiteral("f2_g4_p1")));
        QCOMPARE(scene.drawing().nodes().size(), 6);
    }

    void selectionsDimOrHideTheRest()
    {
        GraphScene scene;
        scene.setSnapshot(m_demo, m_today);
        QVERIFY(scene.setSelection(QStringLiteral("+rpt_finance_flash"), false).isEmpty());
        QCOMPARE(scene.node(QStringLiteral("core_fx"))->emphasis(),
                 PipelineNodeItem::Emphasis::Related);
        QCOMPARE(scene.node(QStringLiteral("rpt_marketing_daily"))->emphasis(),
                 PipelineNodeItem::Emphasis::Dimmed);
        QCOMPARE(scene.drawing().nodes().size(), 66);
        QVERIFY(scene.setSelection(QStringLiteral("+rpt_finance_flash"), true).isEmpty());
        QVERIFY(!scene.node(QStringLiteral("rpt_marketing_daily")));
        QCOMPARE(qsizetype(scene.drawing().nodes().size()), scene.selection()->size());
        const QString error = scene.setSelection(QStringLiteral("+rpt_finance_flash wat:x"), true);
        QVERIFY2(error.contains(QStringLiteral("'wat:x': unknown method 'wat'")),
                 qPrintable(error));
        QCOMPARE(qsizetype(scene.drawing().nodes().size()), scene.selection()->size()); // unchanged
        QVERIFY(scene.setSelection({}, false).isEmpty());
        QCOMPARE(scene.drawing().nodes().size(), 66);
    }

    void theSearchBoxTakesSelectors()
    {
        GraphScene scene;
        scene.setSnapshot(m_demo, m_today);
        GraphPanel panel(&scene);
        panel.search(QStringLiteral("group:finance,state:cloud"));
        QVERIFY(scene.selection());
        QCOMPARE(scene.selection()->size(), 2);
        QVERIFY(panel.selectionLabel()->text().contains(QStringLiteral("2 pipeline(s) selected")));
        panel.search(QStringLiteral("3+core_fx nope"));
        QVERIFY(
            panel.selectionLabel()->text().contains(QStringLiteral("'nope': no pipeline 'nope'")));
        QCOMPARE(scene.selection()->size(), 2); // a bad selector changes nothing
        panel.hideContextBox()->setChecked(true);
        panel.search(QStringLiteral("group:finance,state:cloud"));
        QCOMPARE(scene.drawing().nodes().size(), 2);
        panel.search(QString());
        QVERIFY(!scene.selection());
        QCOMPARE(scene.drawing().nodes().size(), 66);
    }
};

QTEST_MAIN(TestGraphScene)
#include "tst_graphscene.moc"
