#include "ManualClock.h"
#include "MigrationService.h"
#include "TestStores.h"
#include "WaveRules.h"

#include <QTest>
#include <QTimeZone>

using namespace daybreak;

using namespace TestStores;
using Codes = QList<Reason::Code>;
Q_DECLARE_METATYPE(Codes)

namespace {
Codes codesOf(const Decision &d)
{
    Codes codes;
    for (const Reason &r : d.reasons)
        codes.append(r.code);
    return codes;
}
const QDate kToday(2026, 11, 24); // a Tuesday
} // namespace

// src -> mid -> leaf; `hot1..3` are high-risk and independent; `stays` is on-prem for good.
class TestWaveRules : public QObject
{
    Q_OBJECT

private:
    StoreSnapshot m_snapshot;

    void init()
    {
        Pipeline src = pipeline(QStringLiteral("src"));
        Pipeline mid =
            pipeline(QStringLiteral("mid"), {QStringLiteral("src"), QStringLiteral("stays")});
        Pipeline leaf = pipeline(QStringLiteral("leaf"), {QStringLiteral("mid")});
        Pipeline done = pipeline(QStringLiteral("done"));
        Pipeline stays = pipeline(QStringLiteral("stays"), {}, Side::OnPrem);
        QList<Pipeline> all{src, mid, leaf, done, stays};
        for (int i = 1; i <= 3; ++i)
            all.append(pipeline(QStringLiteral("hot%1").arg(i), {}, Side::Cloud, Risk::High));
        m_snapshot = StoreSnapshot();
        m_snapshot.inventory = inventory(all);
        m_snapshot.inventory.changeWindow.blackoutDates = {QDate(2026, 12, 26)};
        for (const Pipeline &p : all)
            m_snapshot.routing.insert(p.id, {p.id, State::DualRun, 1, {}});
        m_snapshot.routing[QStringLiteral("done")].state = State::Cloud;
        m_snapshot.routing[QStringLiteral("stays")].state = State::OnPrem;
        // Everyone dual-running has a passed gate except `leaf` (2 of 7 clean).
        for (const Pipeline &p : all) {
            const int n = p.id == QLatin1String("leaf") ? 2 : 7;
            for (int i = 0; i < n; ++i) {
                ParityResult r;
                r.pipeline = p.id;
                r.businessDate = kToday.addDays(-i);
                r.onpremRows = r.cloudRows = 100;
                m_snapshot.parity[p.id].append(r);
            }
        }
    }

    WavePlan plan(const WaveRules &rules, QList<QPair<QString, QStringList>> waves)
    {
        QList<Wave> list;
        QDate date(2026, 11, 28);
        for (const auto &[name, members] : waves) {
            Wave w = rules.makeWave(name, date);
            w.members = members;
            w.capacity = 3;
            list.append(w);
            date = date.addDays(7);
        }
        return WavePlan(list);
    }

private slots:
    void initTestCase() { init(); }

    void assignReasons_data()
    {
        QTest::addColumn<QString>("pipeline");
        QTest::addColumn<QString>("wave");
        QTest::addColumn<Codes>("expected");
        // Waves: w1 (11-28) holds src; w2 (12-05) holds hot1, hot2; w3 (12-12) holds leaf; full
        // (12-19) is full.
        QTest::newRow("valid: mid after src")
            << QStringLiteral("mid") << QStringLiteral("w2") << Codes{};
        QTest::newRow("valid: mid with src in the same wave")
            << QStringLiteral("mid") << QStringLiteral("w1") << Codes{};
        QTest::newRow("upstream not planned") << QStringLiteral("leaf") << QStringLiteral("w1")
                                              << Codes{Reason::Code::UpstreamPlannedLater};
        QTest::newRow("full wave")
            << QStringLiteral("src") << QStringLiteral("w4") << Codes{Reason::Code::WaveCapacity};
        QTest::newRow("already cut over")
            << QStringLiteral("done") << QStringLiteral("w2") << Codes{Reason::Code::WrongState};
        QTest::newRow("stays on-prem")
            << QStringLiteral("stays") << QStringLiteral("w2") << Codes{Reason::Code::StaysOnPrem};
        QTest::newRow("high-risk limit")
            << QStringLiteral("hot3") << QStringLiteral("w2") << Codes{Reason::Code::WaveHighRisk};
        QTest::newRow("capacity") << QStringLiteral("hot3") << QStringLiteral("w4")
                                  << Codes{Reason::Code::WaveCapacity};
        QTest::newRow("unknown wave")
            << QStringLiteral("mid") << QStringLiteral("nope") << Codes{Reason::Code::UnknownWave};
    }

    void assignReasons()
    {
        QFETCH(QString, pipeline);
        QFETCH(QString, wave);
        QFETCH(Codes, expected);
        const WaveRules rules(m_snapshot, kToday);
        const WavePlan p =
            plan(rules, {{QStringLiteral("w1"), {QStringLiteral("src")}},
                         {QStringLiteral("w2"), {QStringLiteral("hot1"), QStringLiteral("hot2")}},
                         {QStringLiteral("w3"), {QStringLiteral("leaf")}},
                         {QStringLiteral("w4"),
                          {QStringLiteral("x1"), QStringLiteral("x2"), QStringLiteral("x3")}}});
        QCOMPARE(codesOf(rules.checkAssign(p, pipeline, wave)), expected);
    }

    void downstreamInAnEarlierWave()
    {
        const WaveRules rules(m_snapshot, kToday);
        const WavePlan p = plan(
            rules, {{QStringLiteral("w1"), {QStringLiteral("mid")}}, {QStringLiteral("w2"), {}}});
        const Decision d = rules.checkAssign(p, QStringLiteral("src"), QStringLiteral("w2"));
        QCOMPARE(codesOf(d), Codes{Reason::Code::DownstreamPlannedEarlier});
        QCOMPARE(d.reasons.first().text,
                 QStringLiteral(
                     "src is read by mid, which is planned in the earlier wave 'w1' (2026-11-28)"));
        QCOMPARE(d.reasons.first().pipelines,
                 (QStringList{QStringLiteral("src"), QStringLiteral("mid")}));
    }

    void manyReasonsAtOnce()
    {
        const WaveRules rules(m_snapshot, kToday);
        QList<Wave> waves{rules.makeWave(QStringLiteral("tuesday"), QDate(2026, 12, 1))};
        waves.first().members = {QStringLiteral("hot1"), QStringLiteral("hot2")};
        waves.first().capacity = 2;
        const WavePlan p(waves);
        const Decision d = rules.checkAssign(p, QStringLiteral("leaf"), QStringLiteral("tuesday"));
        QCOMPARE(codesOf(d), (Codes{Reason::Code::WindowClosed, Reason::Code::WaveCapacity,
                                    Reason::Code::UpstreamPlannedLater}));
        QCOMPARE(d.reasons.at(0).text,
                 QStringLiteral("wave 'tuesday' falls on Tue 2026-12-01, outside the change window "
                                "(Sat 00:00–Sun 23:59)"));
        QCOMPARE(d.reasons.at(1).text, QStringLiteral("wave 'tuesday' is full: 2 of 2 pipelines"));
        QCOMPARE(
            d.reasons.at(2).text,
            QStringLiteral(
                "leaf reads mid, which is still canonical on-prem and not planned in any wave"));
    }

    void blackoutWave()
    {
        const WaveRules rules(m_snapshot, kToday);
        const Decision d =
            rules.checkWaveDate(rules.makeWave(QStringLiteral("xmas"), QDate(2026, 12, 26)));
        QCOMPARE(codesOf(d), Codes{Reason::Code::Blackout});
        QVERIFY(rules.checkWaveDate(rules.makeWave(QStringLiteral("sunday"), QDate(2026, 12, 27)))
                    .allowed());
    }

    void parityReadinessIsAWarning()
    {
        const WaveRules rules(m_snapshot, kToday);
        QCOMPARE(rules.parityReadyDate(QStringLiteral("leaf")), kToday.addDays(5));
        QCOMPARE(rules.parityReadyDate(QStringLiteral("mid")), kToday);
        const WavePlan p =
            plan(rules, {{QStringLiteral("w1"), {QStringLiteral("src"), QStringLiteral("mid")}}});
        const Decision d = rules.checkAssign(p, QStringLiteral("leaf"), QStringLiteral("w1"));
        QVERIFY(d.allowed());
        QCOMPARE(d.warnings.size(), 1);
        QCOMPARE(
            d.warnings.first().text,
            QStringLiteral(
                "leaf's parity gate cannot pass before 2026-11-29, after wave 'w1' on 2026-11-28"));
    }

    void validateListsEveryFinding()
    {
        const WaveRules rules(m_snapshot, kToday);
        QList<Wave> waves{rules.makeWave(QStringLiteral("early"), QDate(2026, 11, 28)),
                          rules.makeWave(QStringLiteral("late"), QDate(2026, 12, 5)),
                          rules.makeWave(QStringLiteral("xmas"), QDate(2026, 12, 26))};
        waves[0].members = {QStringLiteral("mid"), QStringLiteral("hot1"), QStringLiteral("hot2"),
                            QStringLiteral("hot3")};
        waves[1].members = {QStringLiteral("src")};
        waves[2].members = {QStringLiteral("stays")};
        const QList<PlanFinding> findings = rules.validate(WavePlan(waves));
        QStringList texts;
        for (const PlanFinding &f : findings)
            texts << f.reason.text;
        QVERIFY(texts.contains(QStringLiteral(
            "wave 'early' holds 3 high-risk pipelines, over its limit of 2: hot1, hot2, hot3")));
        QVERIFY(texts.contains(QStringLiteral(
            "mid reads src, which is planned in the later wave 'late' (2026-12-05)")));
        QVERIFY(texts.contains(QStringLiteral("wave 'xmas' falls on 2026-12-26, a blackout date")));
        QVERIFY(texts.contains(QStringLiteral("stays is declared to stay on-prem")));
        QCOMPARE(findings.size(), 4);
    }

    void cutoverOrderIsTopologicalWithDependentsFirst()
    {
        const WaveRules rules(m_snapshot, kToday);
        Wave w = rules.makeWave(QStringLiteral("w"), QDate(2026, 11, 28));
        w.members = {QStringLiteral("leaf"), QStringLiteral("hot2"), QStringLiteral("mid"),
                     QStringLiteral("src"), QStringLiteral("hot1")};
        // src has 2 dependents, mid 1, the rest none: src, mid first, then ties by id.
        QCOMPARE(rules.cutoverOrder(w),
                 (QStringList{QStringLiteral("src"), QStringLiteral("mid"), QStringLiteral("hot1"),
                              QStringLiteral("hot2"), QStringLiteral("leaf")}));
    }

    void unassignMustNotStrandADownstream()
    {
        const WaveRules rules(m_snapshot, kToday);
        const WavePlan p = plan(rules, {{QStringLiteral("w1"), {QStringLiteral("src")}},
                                        {QStringLiteral("w2"), {QStringLiteral("mid")}}});
        const Decision d = rules.checkUnassign(p, {QStringLiteral("src")});
        QCOMPARE(codesOf(d), Codes{Reason::Code::DownstreamPlannedEarlier});
        QVERIFY(rules.checkUnassign(p, {QStringLiteral("src"), QStringLiteral("mid")}).allowed());
        QVERIFY(rules.checkUnassign(p, {QStringLiteral("mid")}).allowed());
    }
};

QTEST_GUILESS_MAIN(TestWaveRules)
#include "tst_waverules.moc"
