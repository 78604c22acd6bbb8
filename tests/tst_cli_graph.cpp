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
        QVERIFY2(bad.err.contains(QStringLiteral("no group nope")), qPrintable(bad.err));
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
