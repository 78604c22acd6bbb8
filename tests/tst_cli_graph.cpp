#include "CtlRun.h"

#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRectF>
#include <QTemporaryDir>
#include <QTest>

using namespace daybreak;

// daybreakctl graph and --select end to end on the demo store.
class TestCliGraph : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_store;

    CtlRun ctl(QStringList args)
    {
        args << QStringLiteral("--store") << m_store;
        return runCtl(QStringLiteral(DAYBREAKCTL_PATH), args);
    }
    QJsonObject graphJson(const QStringList &extra)
    {
        const QString out = m_dir.filePath(QStringLiteral("g.json"));
        const CtlRun r = ctl(QStringList{QStringLiteral("graph"), QStringLiteral("--format"),
                                         QStringLiteral("json"), QStringLiteral("--out"), out} +
                             extra);
        if (r.exit != 0)
            qWarning("%s", qPrintable(r.err));
        QFile f(out);
        f.open(QIODevice::ReadOnly);
        return QJsonDocument::fromJson(f.readAll()).object();
    }
    static QRectF rectOf(const QJsonObject &o)
    {
        return QRectF(o.value(QStringLiteral("x")).toDouble(),
                      o.value(QStringLiteral("y")).toDouble(),
                      o.value(QStringLiteral("width")).toDouble(),
                      o.value(QStringLiteral("height")).toDouble());
    }

private slots:
    void initTestCase()
    {
        m_store = m_dir.filePath(QStringLiteral("demo.sqlite"));
        QCOMPARE(ctl({QStringLiteral("init"), QStringLiteral("--demo")}).exit, 0);
    }

    void jsonHoldsEveryNodeLeftOfItsReaders()
    {
        const QJsonObject g = graphJson({});
        const QJsonArray nodes = g.value(QStringLiteral("nodes")).toArray();
        QCOMPARE(nodes.size(), 66);
        QHash<QString, QRectF> at;
        for (const QJsonValue &v : nodes) {
            const QJsonObject n = v.toObject();
            QVERIFY(!n.value(QStringLiteral("group")).toString().isEmpty());
            QVERIFY(n.value(QStringLiteral("layer")).toInt() >= 0);
            at.insert(n.value(QStringLiteral("id")).toString(), rectOf(n));
        }
        const QJsonArray edges = g.value(QStringLiteral("edges")).toArray();
        QVERIFY(!edges.isEmpty());
        for (const QJsonValue &v : edges) {
            const QJsonObject e = v.toObject();
            const QRectF from = at.value(e.value(QStringLiteral("source")).toString());
            const QRectF to = at.value(e.value(QStringLiteral("target")).toString());
            QVERIFY(from.right() < to.left());
            QVERIFY(e.value(QStringLiteral("points")).toArray().size() >= 2);
        }
        QVERIFY(!g.value(QStringLiteral("groups")).toArray().isEmpty());
    }

    void collapseAllGivesTheGroupsOnly()
    {
        const QJsonObject g = graphJson({QStringLiteral("--collapse"), QStringLiteral("all")});
        QCOMPARE(g.value(QStringLiteral("nodes")).toArray().size(), 0);
        int members = 0;
        for (const QJsonValue &v : g.value(QStringLiteral("groups")).toArray()) {
            QVERIFY(v.toObject().value(QStringLiteral("collapsed")).toBool());
            members += int(v.toObject().value(QStringLiteral("members")).toArray().size());
        }
        QCOMPARE(members, 66);
        const CtlRun bad =
            ctl({QStringLiteral("graph"), QStringLiteral("--format"), QStringLiteral("json"),
                 QStringLiteral("--out"), m_dir.filePath(QStringLiteral("x.json")),
                 QStringLiteral("--collapse"), QStringLiteral("finance,nope")});
        QCOMPARE(bad.exit, 2);
        QVERIFY2(bad.err.contains(QStringLiteral("no group or folder nope")), qPrintable(bad.err));
    }

    void foldersFoldIntoAnOverview()
    {
        // A bare graph of two folders (dex, tokens) holding groups, as a dbt project's folders.
        QTemporaryDir dir;
        QFile nodes(dir.filePath(QStringLiteral("nodes.csv")));
        QVERIFY(nodes.open(QIODevice::WriteOnly));
        nodes.write("id,name,group\n");
        QFile edges(dir.filePath(QStringLiteral("edges.csv")));
        QVERIFY(edges.open(QIODevice::WriteOnly));
        edges.write("source,target\n");
        for (int g = 0; g < 5; ++g)
            for (int k = 0; k < 2; ++k) {
                nodes.write(QStringLiteral("dex_%1_%2,,dex:trades/g%1\n").arg(g).arg(k).toUtf8());
                nodes.write(
                    QStringLiteral("tok_%1_%2,,tokens:prices/g%1\n").arg(g).arg(k).toUtf8());
                edges.write(QStringLiteral("tok_%1_%2,dex_%1_%2\n").arg(g).arg(k).toUtf8());
            }
        nodes.close();
        edges.close();
        const QString store = m_dir.filePath(QStringLiteral("folders.sqlite"));
        const auto run = [&](QStringList args) {
            return runCtl(QStringLiteral(DAYBREAKCTL_PATH),
                          args << QStringLiteral("--store") << store);
        };
        QCOMPARE(run({QStringLiteral("init")}).exit, 0);
        QCOMPARE(run({QStringLiteral("import"), dir.path()}).exit, 0);
        const QString out = m_dir.filePath(QStringLiteral("folders.json"));
        const auto groups = [&](const QString &collapse) {
            const CtlRun r =
                run({QStringLiteral("graph"), QStringLiteral("--format"), QStringLiteral("json"),
                     QStringLiteral("--out"), out, QStringLiteral("--collapse"), collapse});
            QFile f(out);
            f.open(QIODevice::ReadOnly);
            QHash<QString, QJsonObject> byName;
            for (const QJsonValue &v : QJsonDocument::fromJson(f.readAll())
                                           .object()
                                           .value(QStringLiteral("groups"))
                                           .toArray())
                byName.insert(v.toObject().value(QStringLiteral("name")).toString(), v.toObject());
            return r.exit == 0 ? byName : QHash<QString, QJsonObject>{};
        };
        // Ten groups are few enough for the overview to open every folder: collapse-all.
        const QHash<QString, QJsonObject> overview = groups(QStringLiteral("overview"));
        QCOMPARE(overview.keys().size(), 10);
        QVERIFY(overview.value(QStringLiteral("dex:trades/g3"))
                    .value(QStringLiteral("collapsed"))
                    .toBool());
        QVERIFY(!overview.value(QStringLiteral("dex:trades/g3"))
                     .contains(QStringLiteral("folded_groups")));
        // A folder named in --collapse folds; a group named there collapses.
        const QHash<QString, QJsonObject> named = groups(QStringLiteral("tokens,dex:trades/g1"));
        QCOMPARE(
            named.value(QStringLiteral("tokens")).value(QStringLiteral("folded_groups")).toInt(),
            5);
        QVERIFY(named.value(QStringLiteral("dex:trades/g1"))
                    .value(QStringLiteral("collapsed"))
                    .toBool());
        QVERIFY(!named.value(QStringLiteral("dex:trades/g2"))
                     .value(QStringLiteral("collapsed"))
                     .toBool());
        QCOMPARE(groups(QStringLiteral("dex:trades"))
                     .value(QStringLiteral("dex:trades"))
                     .value(QStringLiteral("folded_groups"))
                     .toInt(),
                 5);
    }

    void selectDrawsOnlyTheSelection()
    {
        const QJsonObject g =
            graphJson({QStringLiteral("--select"), QStringLiteral("+rpt_finance_flash")});
        QStringList ids;
        for (const QJsonValue &v : g.value(QStringLiteral("nodes")).toArray())
            ids << v.toObject().value(QStringLiteral("id")).toString();
        QVERIFY(ids.contains(QStringLiteral("rpt_finance_flash")));
        QVERIFY(ids.contains(QStringLiteral("core_fx")));
        QVERIFY(!ids.contains(QStringLiteral("rpt_marketing_daily")));
        // status takes the same selector.
        const CtlRun status =
            ctl({QStringLiteral("status"), QStringLiteral("--json"), QStringLiteral("--select"),
                 QStringLiteral("+rpt_finance_flash")});
        QCOMPARE(status.exit, 0);
        QCOMPARE(QJsonDocument::fromJson(status.out.toUtf8()).array().size(), ids.size());
    }

    void aBadSelectorNamesTheToken()
    {
        for (const QString &command : {QStringLiteral("status"), QStringLiteral("graph")}) {
            QStringList args{command, QStringLiteral("--select"),
                             QStringLiteral("core_fx+ group:finance,colour:red")};
            if (command == QLatin1String("graph"))
                args << QStringLiteral("--format") << QStringLiteral("json")
                     << QStringLiteral("--out") << m_dir.filePath(QStringLiteral("never.json"));
            const CtlRun r = ctl(args);
            QCOMPARE(r.exit, 2);
            QVERIFY2(r.err.contains(QStringLiteral("'colour:red': unknown method 'colour'")),
                     qPrintable(r.err));
        }
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("never.json"))));
    }

    void pictures()
    {
        const QString png = m_dir.filePath(QStringLiteral("g.png"));
        const QString svg = m_dir.filePath(QStringLiteral("g.svg"));
        QCOMPARE(ctl({QStringLiteral("graph"), QStringLiteral("--format"), QStringLiteral("png"),
                      QStringLiteral("--out"), png})
                     .exit,
                 0);
        const QImage image(png);
        QVERIFY(image.width() > 1000 && image.height() > 500);
        QCOMPARE(ctl({QStringLiteral("graph"), QStringLiteral("--format"), QStringLiteral("svg"),
                      QStringLiteral("--out"), svg, QStringLiteral("--collapse"),
                      QStringLiteral("finance")})
                     .exit,
                 0);
        QFile f(svg);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray text = f.readAll();
        QVERIFY(text.contains("<svg"));
        QVERIFY(text.contains("finance"));
        QVERIFY(text.contains("9 on-prem")); // the collapsed finance group's counts
    }
};

QTEST_MAIN(TestCliGraph)
#include "tst_cli_graph.moc"
