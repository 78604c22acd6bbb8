#include "Selector.h"
#include "StoreTypes.h"
#include "TestStores.h"

#include <QTest>

using namespace daybreak;
using namespace TestStores;

// a -> b -> c -> d, e -> c, f alone. Groups: stg (a, e), core (b, c), mart (d, f).
class TestSelector : public QObject
{
    Q_OBJECT

    StoreSnapshot m_snapshot;

    static QStringList sorted(const QSet<QString> &s)
    {
        QStringList l(s.cbegin(), s.cend());
        l.sort();
        return l;
    }

private slots:
    void initTestCase()
    {
        Pipeline a = pipeline(QStringLiteral("stg.a")), e = pipeline(QStringLiteral("stg.e"));
        Pipeline b = pipeline(QStringLiteral("core.b"), {a.id});
        Pipeline c = pipeline(QStringLiteral("core.c"), {b.id, e.id});
        Pipeline d = pipeline(QStringLiteral("mart.d"), {c.id});
        Pipeline f = pipeline(QStringLiteral("mart.f"));
        d.owner = f.owner = QStringLiteral("finance");
        m_snapshot.inventory = inventory({a, b, c, d, e, f});
        m_snapshot.routing.insert(b.id, {b.id, State::DualRun, 2, {}});
        m_snapshot.routing.insert(a.id, {a.id, State::Cloud, 3, {}});
        Wave w;
        w.name = QStringLiteral("Wave 1");
        w.members = {b.id, c.id};
        m_snapshot.plan = WavePlan({w});
    }

    void selects_data()
    {
        QTest::addColumn<QString>("selector");
        QTest::addColumn<QStringList>("expected");
        const auto l = [](std::initializer_list<const char *> ids) {
            QStringList r;
            for (const char *id : ids)
                r << QLatin1String(id);
            r.sort();
            return r;
        };
        QTest::newRow("an id") << "core.c" << l({"core.c"});
        QTest::newRow("+id: what it reads")
            << "+core.c" << l({"core.b", "core.c", "stg.a", "stg.e"});
        QTest::newRow("id+: what reads it") << "core.b+" << l({"core.b", "core.c", "mart.d"});
        QTest::newRow("+id+") << "+core.c+" << l({"core.b", "core.c", "mart.d", "stg.a", "stg.e"});
        QTest::newRow("1+id: one step up") << "1+core.c" << l({"core.b", "core.c", "stg.e"});
        QTest::newRow("id+1: one step down") << "stg.a+1" << l({"core.b", "stg.a"});
        QTest::newRow("@id: downstreams and what they read")
            << "@core.b" << l({"core.b", "core.c", "mart.d", "stg.a", "stg.e"});
        QTest::newRow("group") << "group:core" << l({"core.b", "core.c"});
        QTest::newRow("owner") << "owner:finance" << l({"mart.d", "mart.f"});
        QTest::newRow("state") << "state:dual_run" << l({"core.b"});
        QTest::newRow("state onprem is the default") << "state:onprem,group:stg" << l({"stg.e"});
        QTest::newRow("wave") << "wave:Wave*" << l({"core.b", "core.c"});
        QTest::newRow("quoted wave") << "wave:\"Wave 1\" stg.e" << l({"core.b", "core.c", "stg.e"});
        QTest::newRow("union") << "stg.a mart.f" << l({"mart.f", "stg.a"});
        QTest::newRow("intersection") << "+core.c,group:stg" << l({"stg.a", "stg.e"});
        QTest::newRow("operators on methods") << "group:mart+" << l({"mart.d", "mart.f"});
        QTest::newRow("+method") << "+group:mart"
                                 << l({"core.b", "core.c", "mart.d", "mart.f", "stg.a", "stg.e"});
        QTest::newRow("wildcard") << "stg.*" << l({"stg.a", "stg.e"});
        QTest::newRow("union of intersections")
            << "core.c+,owner:finance stg.e" << l({"mart.d", "stg.e"});
    }

    void selects()
    {
        QFETCH(QString, selector);
        QFETCH(QStringList, expected);
        const Selector::Result r = Selector::select(selector, m_snapshot);
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(sorted(r.ids), expected);
    }

    void badTokensAreNamed_data()
    {
        QTest::addColumn<QString>("selector");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown id") << "core.c zz+"
                                    << "'zz+': no pipeline 'zz'";
        QTest::newRow("unknown method") << "colour:red"
                                        << "'colour:red': unknown method 'colour'";
        QTest::newRow("bad state") << "state:flying"
                                   << "'state:flying': state must be";
        QTest::newRow("unknown group") << "group:nope"
                                       << "'group:nope': no group 'nope'";
        QTest::newRow("@ with +") << "@core.b+"
                                  << "'@core.b+': @ cannot be combined with +";
        QTest::newRow("empty value") << "owner:"
                                     << "'owner:': owner: needs a value";
        QTest::newRow("empty part") << "core.c,"
                                    << "'core.c,': an empty part around a comma";
        QTest::newRow("not a selector") << "a++b"
                                        << "'a++b' is not a selector";
        QTest::newRow("nothing") << "  "
                                 << "an empty selector selects nothing";
        QTest::newRow("open quote") << "wave:\"Wave 1"
                                    << "a double quote is not closed";
    }

    void badTokensAreNamed()
    {
        QFETCH(QString, selector);
        QFETCH(QString, message);
        const Selector::Result r = Selector::select(selector, m_snapshot);
        QVERIFY(!r.ok());
        QVERIFY(r.ids.isEmpty());
        QVERIFY2(r.error.contains(message), qPrintable(r.error));
    }
};

QTEST_GUILESS_MAIN(TestSelector)
#include "tst_selector.moc"
