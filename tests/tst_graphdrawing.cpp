#include "GraphDrawing.h"
#include "GroupFolders.h"
#include "Inventory.h"
#include "TestStores.h"

#include <QRandomGenerator>
#include <QTest>

using namespace daybreak;
using namespace TestStores;

// The picture every view and the CLI's export draw: columns, group boxes, collapsing.
class TestGraphDrawing : public QObject
{
    Q_OBJECT

private:
    // A platform of `groups` groups, each a small chain reading from the group before it.
    static Inventory randomPlatform(quint32 seed, int count)
    {
        QRandomGenerator rng(seed);
        QList<Pipeline> ps;
        for (int i = 0; i < count; ++i) {
            QStringList ups;
            for (int k = 0; k < 3 && i > 0; ++k)
                if (rng.bounded(100) < 45)
                    ups << QStringLiteral("p%1").arg(rng.bounded(i));
            ups.removeDuplicates();
            Pipeline p = pipeline(QStringLiteral("p%1").arg(i), ups);
            p.group = QStringLiteral("g%1").arg(rng.bounded(1 + count / 6));
            ps << p;
        }
        return inventory(ps);
    }

    static void checkDrawing(const Inventory &inv, const GraphDrawing &d)
    {
        // Every upstream lies left of its reader.
        for (const Pipeline &p : inv.pipelines())
            for (const QString &up : p.upstreams)
                if (d.node(p.id) && d.node(up))
                    QVERIFY2(d.node(up)->rect.right() < d.node(p.id)->rect.left(),
                             qPrintable(up + QStringLiteral(" -> ") + p.id));
        // No two nodes overlap; no two group boxes overlap.
        const QList<GraphDrawing::Node> &nodes = d.nodes();
        for (int i = 0; i < nodes.size(); ++i)
            for (int j = i + 1; j < nodes.size(); ++j)
                QVERIFY2(!nodes.at(i).rect.intersects(nodes.at(j).rect),
                         qPrintable(nodes.at(i).id + QStringLiteral(" / ") + nodes.at(j).id));
        const QList<GraphDrawing::Group> &groups = d.groups();
        for (int i = 0; i < groups.size(); ++i)
            for (int j = i + 1; j < groups.size(); ++j)
                QVERIFY2(!groups.at(i).rect.intersects(groups.at(j).rect),
                         qPrintable(groups.at(i).name + QStringLiteral(" / ") + groups.at(j).name));
        // A group's members are together: inside its box, and no other pipeline is.
        for (const GraphDrawing::Node &n : nodes) {
            for (const GraphDrawing::Group &g : groups) {
                const bool member = g.members.contains(n.id);
                QVERIFY(!(member && g.collapsed)); // a collapsed group's members are not drawn
                QCOMPARE(g.rect.contains(n.rect), member);
                if (!member)
                    QVERIFY(!g.rect.intersects(n.rect));
            }
        }
    }

private slots:
    void groupsFromTheFieldThePrefixOrTheOwner()
    {
        Pipeline a = pipeline(QStringLiteral("staging.orders"));
        Pipeline b = pipeline(QStringLiteral("core__fx"));
        Pipeline c = pipeline(QStringLiteral("plain"));
        c.owner = QStringLiteral("finance");
        Pipeline e = pipeline(QStringLiteral("x.y"));
        e.group = QStringLiteral("marts/finance");
        QCOMPARE(a.groupName(), QStringLiteral("staging"));
        QCOMPARE(b.groupName(), QStringLiteral("core"));
        QCOMPARE(c.groupName(), QStringLiteral("finance"));
        QCOMPARE(e.groupName(), QStringLiteral("marts/finance"));
        c.owner.clear();
        QCOMPARE(c.groupName(), QStringLiteral("(ungrouped)"));
    }

    void randomPlatformsDrawCleanly_data()
    {
        QTest::addColumn<quint32>("seed");
        QTest::addColumn<bool>("collapseAll");
        for (quint32 seed = 1; seed <= 12; ++seed) {
            QTest::addRow("seed %u expanded", seed) << seed << false;
            QTest::addRow("seed %u collapsed", seed) << seed << true;
        }
    }

    void randomPlatformsDrawCleanly()
    {
        QFETCH(quint32, seed);
        QFETCH(bool, collapseAll);
        const Inventory inv = randomPlatform(seed, 40 + int(seed) * 7);
        GraphDrawing::Options o;
        o.collapseAll = collapseAll;
        const GraphDrawing d = GraphDrawing::compute(inv, o);
        checkDrawing(inv, d);
        int drawnOrCollapsed = int(d.nodes().size());
        for (const GraphDrawing::Group &g : d.groups())
            if (g.collapsed)
                drawnOrCollapsed += int(g.members.size());
        QCOMPARE(drawnOrCollapsed, int(inv.size()));
    }

    void collapsedEdgesAreDrawnOncePerNeighbourWithACount()
    {
        // Group "src" (a1, a2) feeds "dst" (b1 reading both, b2 reading a1), and "solo".
        Pipeline a1 = pipeline(QStringLiteral("src.a1")), a2 = pipeline(QStringLiteral("src.a2"));
        Pipeline b1 = pipeline(QStringLiteral("dst.b1"), {a1.id, a2.id});
        Pipeline b2 = pipeline(QStringLiteral("dst.b2"), {a1.id});
        Pipeline solo = pipeline(QStringLiteral("solo"), {b2.id});
        const Inventory inv = inventory({a1, a2, b1, b2, solo});
        GraphDrawing::Options o;
        o.collapsed = {QStringLiteral("src")};
        const GraphDrawing d = GraphDrawing::compute(inv, o);
        checkDrawing(inv, d);
        QVERIFY(d.group(QStringLiteral("src"))->collapsed);
        QVERIFY(!d.group(QStringLiteral("dst"))->collapsed);
        QVERIFY(!d.node(a1.id));
        int fromSrc = 0;
        for (const GraphDrawing::Edge &e : d.edges())
            if (e.sourceIsGroup) {
                QCOMPARE(e.source, QStringLiteral("src"));
                fromSrc += e.count;
                QVERIFY(e.target == b1.id || e.target == b2.id);
                QCOMPARE(e.count, e.target == b1.id ? 2 : 1);
            }
        QCOMPARE(fromSrc, 3);
        // Collapse both: one edge src -> dst standing for all three.
        o.collapseAll = true;
        const GraphDrawing all = GraphDrawing::compute(inv, o);
        checkDrawing(inv, all);
        int between = 0;
        for (const GraphDrawing::Edge &e : all.edges())
            if (e.sourceIsGroup && e.targetIsGroup) {
                ++between;
                QCOMPARE(e.count, 3);
            }
        QCOMPARE(between, 1);
        QVERIFY(all.size().height() < d.size().height());
    }

    void aTallColumnOfCollapsedGroupsWraps()
    {
        // One source read by 300 groups of two: collapsed, a column of 300 boxes, wrapped into
        // columns side by side instead of a sliver, every edge still going left to right.
        QList<Pipeline> ps{pipeline(QStringLiteral("src.a")), pipeline(QStringLiteral("src.b"))};
        for (int g = 0; g < 300; ++g)
            for (int k = 0; k < 2; ++k)
                ps << pipeline(QStringLiteral("g%1.p%2").arg(g).arg(k), {QStringLiteral("src.a")});
        const Inventory inv = inventory(ps);
        GraphDrawing::Options o;
        o.collapseAll = true;
        const GraphDrawing d = GraphDrawing::compute(inv, o);
        checkDrawing(inv, d);
        QCOMPARE(d.groups().size(), 301);
        QVERIFY2(
            d.size().height() < d.size().width() * 1.5,
            qPrintable(QStringLiteral("%1 x %2").arg(d.size().width()).arg(d.size().height())));
        for (const GraphDrawing::Edge &e : d.edges())
            QVERIFY(e.points.first().x() < e.points.last().x());
        for (const GraphDrawing::Group &g : d.groups())
            QVERIFY(QRectF(QPointF(0, 0), d.size()).contains(g.rect));
    }

    void openGroupsSpanningEveryColumnAreCutIntoBands()
    {
        // 120 groups, each a chain of five across the columns (as a dbt folder holds staging and
        // marts alike) reading one source; two groups read each other both ways.
        // Stacked in one band they would be some forty times taller than wide; in bands side by
        // side the picture is about as wide as tall, every upstream still left of its reader.
        QList<Pipeline> ps{pipeline(QStringLiteral("src.a"))};
        for (int g = 0; g < 120; ++g)
            for (int k = 0; k < 5; ++k) {
                QStringList ups;
                if (k > 0)
                    ups << QStringLiteral("g%1.p%2").arg(g).arg(k - 1);
                else
                    ups << QStringLiteral("src.a");
                if (g == 51 && k == 2)
                    ups << QStringLiteral("g50.p1");
                if (g == 50 && k == 3)
                    ups << QStringLiteral("g51.p1");
                ps << pipeline(QStringLiteral("g%1.p%2").arg(g).arg(k), ups);
            }
        const Inventory inv = inventory(ps);
        const GraphDrawing d = GraphDrawing::compute(inv);
        checkDrawing(inv, d);
        QCOMPARE(d.groups().size(), 120);
        QVERIFY2(
            d.size().height() < d.size().width() * 1.5,
            qPrintable(QStringLiteral("%1 x %2").arg(d.size().width()).arg(d.size().height())));
        for (const GraphDrawing::Group &g : d.groups())
            QVERIFY(QRectF(QPointF(0, 0), d.size()).contains(g.rect));
        // The two groups that read each other stay in one band: their boxes share columns.
        const QRectF a = d.group(QStringLiteral("g50"))->rect;
        const QRectF b = d.group(QStringLiteral("g51"))->rect;
        QVERIFY(a.left() < b.right() && b.left() < a.right());
    }

    void collapseThenExpandGivesBackThePicture()
    {
        const Inventory inv = randomPlatform(5, 80);
        const GraphDrawing before = GraphDrawing::compute(inv);
        GraphDrawing::Options o;
        o.collapsed = {before.groups().first().name};
        const GraphDrawing collapsed = GraphDrawing::compute(inv, o);
        QVERIFY(collapsed.nodes().size() < before.nodes().size());
        const GraphDrawing after = GraphDrawing::compute(inv);
        QCOMPARE(after.nodes().size(), before.nodes().size());
        for (const GraphDrawing::Node &n : before.nodes())
            QCOMPARE(after.node(n.id)->rect, n.rect);
        QCOMPARE(after.groups().size(), before.groups().size());
        for (const GraphDrawing::Group &g : before.groups())
            QCOMPARE(after.group(g.name)->rect, g.rect);
    }

    void onlyTheSelectionIsDrawn()
    {
        const Inventory inv = randomPlatform(3, 60);
        GraphDrawing::Options o;
        o.only = QSet<QString>{QStringLiteral("p1"), QStringLiteral("p2"), QStringLiteral("p3")};
        const GraphDrawing d = GraphDrawing::compute(inv, o);
        QCOMPARE(
            d.nodes().size() +
                [&] {
                    qsizetype hidden = 0;
                    for (const GraphDrawing::Group &g : d.groups())
                        hidden += g.collapsed ? g.members.size() : 0;
                    return hidden;
                }(),
            3);
        for (const GraphDrawing::Edge &e : d.edges())
            QVERIFY(o.only->contains(e.source) && o.only->contains(e.target));
    }

    void groupNamesReadAsFolders()
    {
        QCOMPARE(GroupFolders::parentOf(QStringLiteral("daily:_sector/bridges")),
                 QStringLiteral("daily:_sector"));
        QCOMPARE(GroupFolders::parentOf(QStringLiteral("daily:_sector")), QStringLiteral("daily"));
        QCOMPARE(GroupFolders::parentOf(QStringLiteral("moz-prod.telemetry")),
                 QStringLiteral("moz-prod"));
        QCOMPARE(GroupFolders::parentOf(QStringLiteral("finance")), QString());
        QVERIFY(GroupFolders::within(QStringLiteral("dex:trades/base"), QStringLiteral("dex")));
        QVERIFY(GroupFolders::within(QStringLiteral("dex"), QStringLiteral("dex")));
        QVERIFY(!GroupFolders::within(QStringLiteral("dexter"), QStringLiteral("dex")));
        QCOMPARE(GroupFolders::foldedAs(QStringLiteral("dex:trades/base"),
                                        {QStringLiteral("dex:trades"), QStringLiteral("dex")}),
                 QStringLiteral("dex")); // the outermost folded folder holds it
        QCOMPARE(GroupFolders::foldedAs(QStringLiteral("tokens:prices"), {QStringLiteral("dex")}),
                 QString());
    }

    // `top` folders, each of `sub` sub-folders of `leaf` groups of three chained pipelines; each
    // group's head reads the previous folder's last pipeline.
    static Inventory foldered(int top, int sub, int leaf)
    {
        QList<Pipeline> ps;
        QString previous;
        for (int t = 0; t < top; ++t)
            for (int s = 0; s < sub; ++s)
                for (int l = 0; l < leaf; ++l) {
                    const QString g = QStringLiteral("f%1:s%2/g%3").arg(t).arg(s).arg(l);
                    QString up = t > 0 ? QStringLiteral("f%1.s%2.g%3.p2").arg(t - 1).arg(s).arg(l)
                                       : QString();
                    for (int k = 0; k < 3; ++k) {
                        const QString id =
                            QStringLiteral("f%1.s%2.g%3.p%4").arg(t).arg(s).arg(l).arg(k);
                        Pipeline p = pipeline(id, up.isEmpty() ? QStringList{} : QStringList{up});
                        p.group = g;
                        ps << p;
                        up = id;
                    }
                }
        return inventory(ps);
    }

    void anOverviewFoldsFoldersUntilItFits()
    {
        const Inventory inv = foldered(4, 6, 30); // 720 groups of three
        const GroupFolders folders(inv);
        QCOMPARE(folders.groupCount(), 720);
        QVERIFY(folders.isFolder(QStringLiteral("f0")));
        QVERIFY(folders.isFolder(QStringLiteral("f0:s1")));
        QVERIFY(!folders.isFolder(QStringLiteral("f0:s1/g2")));
        QCOMPARE(folders.childrenOf(QStringLiteral("f0")).size(), 6);
        for (int limit : {2, 4, 10, 30, 80}) {
            const QSet<QString> folded = folders.overview(limit);
            GraphDrawing::Options o;
            o.collapseAll = true;
            o.folded = folded;
            const GraphDrawing d = GraphDrawing::compute(inv, o);
            QVERIFY2(d.groups().size() + d.nodes().size() <= std::max(limit, 4),
                     qPrintable(QString::number(limit)));
            // Every pipeline is in exactly one drawn box.
            int members = 0;
            for (const GraphDrawing::Group &g : d.groups())
                members += int(g.members.size());
            QCOMPARE(members + int(d.nodes().size()), inv.size());
            checkDrawing(inv, d);
        }
        // 40 boxes: the four top folders open (24 sub-folders), theirs (30 groups each) do not;
        // 80: one of them opens too (23 + 30 boxes), a second would not fit.
        QCOMPARE(folders.overview(80).size(), 23);
        const QSet<QString> folded = folders.overview(40);
        QCOMPARE(folded.size(), 24);
        QVERIFY(folded.contains(QStringLiteral("f3:s5")));
        GraphDrawing::Options o;
        o.collapseAll = true;
        o.folded = folded;
        const GraphDrawing d = GraphDrawing::compute(inv, o);
        const GraphDrawing::Group *box = d.group(QStringLiteral("f2:s4"));
        QVERIFY(box);
        QVERIFY(box->collapsed);
        QCOMPARE(box->foldedGroups, 30);
        QCOMPARE(box->members.size(), 90);
        QCOMPARE(d.groupOf(QStringLiteral("f2.s4.g7.p1")), QStringLiteral("f2:s4"));
        // Folded boxes keep dependency order: f1's box reads f0's.
        QVERIFY(d.group(QStringLiteral("f0:s4"))->rect.right() < box->rect.left());
        // Unfolded, the same pipelines come back as the collapsed groups of before.
        o.folded.clear();
        const GraphDrawing all = GraphDrawing::compute(inv, o);
        QCOMPARE(all.groups().size(), 720);
        QCOMPARE(all.group(QStringLiteral("f2:s4/g7"))->foldedGroups, 0);
    }

    void aFolderThatIsAlsoAGroupHoldsItsOwnMembers()
    {
        Pipeline a = pipeline(QStringLiteral("a1"));
        a.group = QStringLiteral("ajna");
        Pipeline b = pipeline(QStringLiteral("a2"), {QStringLiteral("a1")});
        b.group = QStringLiteral("ajna");
        Pipeline c = pipeline(QStringLiteral("a3"), {QStringLiteral("a2")});
        c.group = QStringLiteral("ajna/base");
        Pipeline e = pipeline(QStringLiteral("a4"), {QStringLiteral("a3")});
        e.group = QStringLiteral("ajna/base");
        const Inventory inv = inventory({a, b, c, e});
        const GroupFolders folders(inv);
        QVERIFY(folders.isFolder(QStringLiteral("ajna")));
        QCOMPARE(folders.childrenOf(QStringLiteral("ajna")),
                 (QStringList{QStringLiteral("ajna"), QStringLiteral("ajna/base")}));
        GraphDrawing::Options o;
        o.folded = {QStringLiteral("ajna")};
        const GraphDrawing d = GraphDrawing::compute(inv, o);
        QCOMPARE(d.groups().size(), 1);
        QCOMPARE(d.groups().first().members.size(), 4);
        QCOMPARE(d.groups().first().foldedGroups, 2);
        QVERIFY(d.nodes().isEmpty()); // a folded folder is drawn collapsed without collapse-all
    }
};

QTEST_GUILESS_MAIN(TestGraphDrawing)
#include "tst_graphdrawing.moc"
