#include "ManualClock.h"
#include "MigrationService.h"
#include "ParityService.h"
#include "PlanService.h"
#include "TestStores.h"
#include "WaveStatus.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace daybreak;

// The weekend's wave as a live runbook, through a scripted weekend under an injected clock: the
// window not yet open, two cutovers in order, one refusal, a rollback, the first cloud run and
// the first night's parity.
class TestWaveStatus : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    const QTimeZone m_berlin{"Europe/Berlin"};
    ManualClock m_clock{QDateTime(QDate(2026, 12, 4), QTime(18, 0), QTimeZone("Europe/Berlin"))};

    void at(int day, int hour, int minute = 0)
    {
        m_clock.set(QDateTime(QDate(2026, 12, day), QTime(hour, minute), m_berlin));
    }
    WaveStatus status(Store &store)
    {
        const StoreSnapshot s = store.snapshot();
        const Wave *w = WaveStatus::currentWave(s.plan, m_clock.now());
        Q_ASSERT(w);
        return WaveStatus::compute(store, s, *w, m_clock.now());
    }
    static const WaveStatus::Member &member(const WaveStatus &st, const QString &id)
    {
        for (const WaveStatus::Member &m : st.members)
            if (m.pipeline == id)
                return m;
        qFatal("no member %s", qPrintable(id));
    }

private slots:
    void aScriptedWeekend()
    {
        auto store = TestStores::sqlite(m_dir);
        Pipeline up = TestStores::pipeline(QStringLiteral("up"));
        up.initialState = State::DualRun;
        Pipeline b = TestStores::pipeline(QStringLiteral("b"), {QStringLiteral("up")});
        b.initialState = State::DualRun;
        Pipeline c = TestStores::pipeline(QStringLiteral("c"));
        c.initialState = State::DualRun;
        TestStores::seed(*store, TestStores::inventory({up, b, c}));
        TestStores::recordCleanRuns(*store, QStringLiteral("up"), QDate(2026, 12, 4), 7);
        TestStores::recordCleanRuns(*store, QStringLiteral("b"), QDate(2026, 12, 4), 7);
        TestStores::recordCleanRuns(*store, QStringLiteral("c"), QDate(2026, 12, 4), 2);
        PlanService plans(*store, m_clock, QStringLiteral("lead"));
        QVERIFY(plans.addWave(QStringLiteral("W"), QDate(2026, 12, 5)).ok());
        const PlanOutcome assigned = plans.assign(
            {QStringLiteral("up"), QStringLiteral("b"), QStringLiteral("c")}, QStringLiteral("W"));
        QStringList why{assigned.message};
        for (const Reason &r : assigned.decision.reasons)
            why << r.text;
        QVERIFY2(assigned.ok(), qPrintable(why.join(QStringLiteral(" | "))));
        MigrationService alice(*store, m_clock, QStringLiteral("alice"));

        // Friday evening: the window is not open yet; everything waits, saying why.
        WaveStatus st = status(*store);
        QCOMPARE(st.wave.name, QStringLiteral("W"));
        QVERIFY(!st.windowOpen);
        QCOMPARE(st.toGo, 3);
        QVERIFY2(
            st.progressText(m_berlin).contains(QStringLiteral("window opens Sat 05 Dec 00:00")),
            qPrintable(st.progressText(m_berlin)));
        QVERIFY(member(st, QStringLiteral("up"))
                    .blockedBecause.join(QLatin1Char(' '))
                    .contains(QStringLiteral("window")));

        // Saturday morning: up is next; b waits for up; c's gate refuses.
        at(5, 9);
        st = status(*store);
        QVERIFY(st.windowOpen);
        QCOMPARE(st.members.first().pipeline, QStringLiteral("up")); // cutover order
        QCOMPARE(member(st, QStringLiteral("up")).standing, WaveStatus::Standing::Next);
        QCOMPARE(member(st, QStringLiteral("b")).standing, WaveStatus::Standing::Blocked);
        QVERIFY(member(st, QStringLiteral("b"))
                    .blockedBecause.join(QLatin1Char(' '))
                    .contains(QStringLiteral("b reads up, which is still canonical on-prem")));
        QCOMPARE(member(st, QStringLiteral("c")).standing, WaveStatus::Standing::Blocked);
        QVERIFY(!member(st, QStringLiteral("c")).gate.done);

        at(5, 9, 5);
        QVERIFY(alice.cutover({QStringLiteral("up"), QStringLiteral("wave W")}).ok());
        QCOMPARE(alice.cutover({QStringLiteral("c"), QStringLiteral("wave W")}).kind,
                 Outcome::Kind::Refused);
        st = status(*store);
        const WaveStatus::Member &cut = member(st, QStringLiteral("up"));
        QCOMPARE(cut.standing, WaveStatus::Standing::CutOver);
        QVERIFY(cut.cutover.done);
        QCOMPARE(cut.cutover.by, QStringLiteral("alice"));
        QCOMPARE(cut.cutover.at, m_clock.now());
        QVERIFY(!cut.firstCloudRun.done);
        QCOMPARE(member(st, QStringLiteral("b")).standing, WaveStatus::Standing::Next);
        QVERIFY(member(st, QStringLiteral("c"))
                    .blockedBecause.join(QLatin1Char(' '))
                    .contains(QStringLiteral("parity gate is pending")));

        at(5, 10);
        QVERIFY(alice.cutover({QStringLiteral("b"), QStringLiteral("wave W")}).ok());
        // The night: up's first cloud run, then its parity.
        RunEvent run;
        run.pipeline = QStringLiteral("up");
        run.businessDate = QDate(2026, 12, 6);
        run.side = Side::Cloud;
        run.kind = RunEvent::Kind::Succeeded;
        run.at = QDateTime(QDate(2026, 12, 6), QTime(1, 42), m_berlin);
        run.recordedBy = QStringLiteral("orchestrator");
        store->recordRunEvent(run);
        TestStores::recordCleanRuns(*store, QStringLiteral("up"), QDate(2026, 12, 6), 1);

        // Sunday morning: b goes back on-prem.
        at(6, 9);
        QVERIFY(alice.rollback({QStringLiteral("b"), QStringLiteral("row counts off")}).ok());
        st = status(*store);
        const WaveStatus::Member &done = member(st, QStringLiteral("up"));
        QVERIFY(done.firstCloudRun.done);
        QCOMPARE(done.firstCloudRun.by, QStringLiteral("orchestrator"));
        QVERIFY(done.firstNightParity.done);
        QVERIFY(done.firstNightParity.detail.contains(QStringLiteral("clean on 2026-12-06")));
        const WaveStatus::Member &back = member(st, QStringLiteral("b"));
        QCOMPARE(back.standing, WaveStatus::Standing::RolledBack);
        QVERIFY(back.cutover.detail.contains(QStringLiteral("rolled back by alice")));
        QCOMPARE(st.cutOver, 1);
        QCOMPARE(st.rolledBack, 1);
        QCOMPARE(st.toGo, 1);
        QCOMPARE(st.progressText(m_berlin),
                 QStringLiteral("1 of 3 cut over, 1 rolled back, 1 to go; window closes Sun "
                                "23:59, 14 h left"));
        const QJsonObject json = st.toJson(m_berlin);
        QCOMPARE(json.value(QStringLiteral("rolled_back")).toInt(), 1);
        QCOMPARE(json.value(QStringLiteral("members")).toArray().size(), 3);
        QCOMPARE(json.value(QStringLiteral("members"))
                     .toArray()
                     .first()[QStringLiteral("standing")]
                     .toString(),
                 QStringLiteral("cut over"));
        // The gate step is today's gate, labelled so, and ticked only when it passes now (not
        // "✔ failed" for a member cut over on a gate that has failed since).
        QVERIFY2(done.gate.detail.startsWith(QStringLiteral("today: ")),
                 qPrintable(done.gate.detail));
        QCOMPARE(done.gate.done, done.gate.detail.startsWith(QStringLiteral("today: passed")));

        // Its parity breaks after the cutover: its gate step says so, unticked, today's.
        ParityResult breach;
        breach.pipeline = QStringLiteral("up");
        breach.businessDate = QDate(2026, 12, 6).addDays(1);
        breach.onpremRows = 1000;
        breach.cloudRows = 900;
        breach.mismatchedRows = 100;
        breach.maxRelativeDiff = 0.1;
        breach.recordedAt = m_clock.now();
        breach.recordedBy = QStringLiteral("diff");
        at(7, 8);
        TestStores::recordParity(*store, breach);
        st = status(*store);
        const WaveStatus::Member &broken = member(st, QStringLiteral("up"));
        QCOMPARE(broken.standing, WaveStatus::Standing::CutOver);
        QVERIFY2(!broken.gate.done, qPrintable(broken.gate.detail));
        QVERIFY2(broken.gate.detail.startsWith(QStringLiteral("today: ")),
                 qPrintable(broken.gate.detail));
    }

    void theCurrentWaveIsTheOpenOneElseTheNext()
    {
        Wave a, b;
        a.name = QStringLiteral("a");
        a.windowStart = QDateTime(QDate(2026, 12, 5), QTime(0, 0), m_berlin);
        a.windowEnd = QDateTime(QDate(2026, 12, 6), QTime(23, 59), m_berlin);
        b = a;
        b.name = QStringLiteral("b");
        b.windowStart = b.windowStart.addDays(7);
        b.windowEnd = b.windowEnd.addDays(7);
        const WavePlan plan({a, b});
        QCOMPARE(WaveStatus::currentWave(plan, a.windowStart.addSecs(-60))->name,
                 QStringLiteral("a"));
        QCOMPARE(WaveStatus::currentWave(plan, a.windowStart.addSecs(60))->name,
                 QStringLiteral("a"));
        QCOMPARE(WaveStatus::currentWave(plan, a.windowEnd.addSecs(60))->name, QStringLiteral("b"));
        QCOMPARE(WaveStatus::currentWave(plan, b.windowEnd.addDays(3))->name, QStringLiteral("b"));
        QVERIFY(!WaveStatus::currentWave(WavePlan(), a.windowStart));
    }

    void aMappingChangeThatTurnedTheGateGreenIsFlagged()
    {
        at(4, 18); // Friday evening, before the wave's weekend
        QTemporaryDir dir;
        auto store = TestStores::sqlite(dir);
        Pipeline a = TestStores::pipeline(QStringLiteral("a"));
        a.initialState = State::DualRun;
        Pipeline calm = TestStores::pipeline(QStringLiteral("calm"));
        calm.initialState = State::DualRun;
        TestStores::seed(*store, TestStores::inventory({a, calm}));
        // a: a breach on 11-20, the mapping loosened the morning after while the gate failed,
        // the breach accepted, and seven clean nights since; calm: changed while green.
        ParityResult breach;
        breach.pipeline = QStringLiteral("a");
        breach.businessDate = QDate(2026, 11, 20);
        breach.onpremRows = 1000;
        breach.cloudRows = 1000;
        breach.mismatchedRows = 40;
        breach.maxRelativeDiff = 0.2;
        breach.recordedAt = QDateTime(QDate(2026, 11, 20), QTime(7, 0), m_berlin);
        breach.recordedBy = QStringLiteral("watch");
        TestStores::recordParity(*store, breach);
        TestStores::recordCleanRuns(*store, QStringLiteral("calm"), QDate(2026, 12, 4), 14);
        for (const QString &id : {QStringLiteral("a"), QStringLiteral("calm")}) {
            AuditEntry change;
            change.at = QDateTime(QDate(2026, 11, id == QLatin1String("a") ? 21 : 30), QTime(9, 0),
                                  m_berlin);
            change.actor = QStringLiteral("mallory");
            change.action = QStringLiteral("parity_map");
            change.pipeline = id;
            change.reason = QStringLiteral("tolerance — before: amount=0.001; after: amount=0.5");
            store->putParitySetting(
                {QStringLiteral("mapping"), id, QJsonObject{}, change.actor, change.at}, false,
                change);
        }
        QVERIFY(ParityService(*store, m_clock, QStringLiteral("olga"))
                    .resolve(QStringLiteral("a"), QDate(2026, 11, 20), BreachResolution::Accepted,
                             QStringLiteral("known"))
                    .ok());
        TestStores::recordCleanRuns(*store, QStringLiteral("a"), QDate(2026, 12, 4), 7);
        PlanService plans(*store, m_clock, QStringLiteral("lead"));
        QVERIFY(plans.addWave(QStringLiteral("W"), QDate(2026, 12, 5)).ok());
        QVERIFY(
            plans.assign({QStringLiteral("a"), QStringLiteral("calm")}, QStringLiteral("W")).ok());
        const WaveStatus st = status(*store);
        const WaveStatus::Member &flagged = member(st, QStringLiteral("a"));
        QVERIFY2(flagged.gate.done, qPrintable(flagged.gate.detail));
        QCOMPARE(flagged.gateFlags.size(), 1);
        QVERIFY2(flagged.gateFlags.first().contains(
                     QStringLiteral("changed by mallory on 2026-11-21 09:00 while the gate was "
                                    "failing")) &&
                     flagged.gateFlags.first().contains(QStringLiteral("after: amount=0.5")),
                 qPrintable(flagged.gateFlags.join(QLatin1Char(' '))));
        QVERIFY(member(st, QStringLiteral("calm")).gateFlags.isEmpty());
        int flags = 0;
        for (const QJsonValue &m : st.toJson(m_berlin).value(QStringLiteral("members")).toArray())
            flags += int(m.toObject().value(QStringLiteral("gate_flags")).toArray().size());
        QCOMPARE(flags, 1);
    }
};

QTEST_GUILESS_MAIN(TestWaveStatus)
#include "tst_wavestatus.moc"
