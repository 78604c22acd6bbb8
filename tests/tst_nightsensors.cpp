#include "ManualClock.h"
#include "NightSensors.h"
#include "SlaService.h"
#include "TestStores.h"

#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace daybreak;
using namespace TestStores;

namespace {
const QTimeZone kBerlin("Europe/Berlin");
const QDate kNight(2026, 11, 25);
QDateTime berlin(int h, int m = 0)
{
    return QDateTime(kNight, QTime(h, m), kBerlin);
}
} // namespace

// The watch's sensors against a real store (SQLite, and the throwaway PostgreSQL), time from a
// manual clock: each alert is raised once, names its cause, what it threatens and the hours left,
// and resolves itself when its cause clears.
class TestNightSensors : public QObject
{
    Q_OBJECT

private:
    TestBackend m_backend;
    std::unique_ptr<SqlStore> m_store;
    ManualClock m_clock{berlin(0, 30)};

    void event(const QString &id, RunEvent::Kind kind, const QDateTime &at)
    {
        RunEvent e;
        e.pipeline = id;
        e.kind = kind;
        e.at = at;
        SlaService feed(*m_store, m_clock, QStringLiteral("airflow"));
        QCOMPARE(feed.recordEvent(e).kind, Outcome::Kind::Done);
    }
    SlaService::Night evaluate()
    {
        SlaService sla(*m_store, m_clock, QStringLiteral("watch"));
        return sla.evaluate(kNight);
    }
    static const SlaAlert *find(const QList<SlaAlert> &alerts, const QString &status)
    {
        for (const SlaAlert &a : alerts)
            if (a.status == status)
                return &a;
        return nullptr;
    }

private slots:
    void init()
    {
        // src at 01:00 (60 min, p95 90) feeds the 06:00 report; "other" runs at 05:00.
        QVERIFY2(m_backend.problem().isEmpty(), qPrintable(m_backend.problem()));
        m_store = m_backend.open(m_backend.freshUrl());
        Pipeline src = pipeline(QStringLiteral("src"));
        src.schedule = QTime(1, 0);
        src.onpremMinutes = 60;
        src.onpremP95Minutes = 90;
        Pipeline report = pipeline(QStringLiteral("report"), {QStringLiteral("src")});
        report.onpremMinutes = 20;
        report.sla = QTime(6, 0);
        Pipeline other = pipeline(QStringLiteral("other"));
        other.schedule = QTime(5, 0);
        other.onpremMinutes = 10;
        seed(*m_store, inventory({src, report, other}));
    }

    void aRunThatShouldHaveStartedAlertsOnceAndResolvesWhenItStarts()
    {
        // Another run reported, so the orchestrator is alive; src is simply not started.
        m_clock.set(berlin(0, 40));
        event(QStringLiteral("other"), RunEvent::Kind::Scheduled, berlin(0, 40));
        m_clock.set(berlin(1, 14));
        QVERIFY(!find(evaluate().raisedNow, QStringLiteral("late_start"))); // within the grace
        m_clock.set(berlin(1, 16));
        const SlaService::Night late = evaluate();
        const SlaAlert *a = find(late.raisedNow, QStringLiteral("late_start"));
        QVERIFY(a);
        QCOMPARE(a->report, QStringLiteral("src"));
        QCOMPARE(a->message,
                 QStringLiteral("src LATE START on onprem: due 01:00, not started 16 min later; "
                                "threatens report; 4.7 h to the first deadline (06:00)"));
        m_clock.set(berlin(1, 17));
        QVERIFY(evaluate().raisedNow.isEmpty()); // once

        event(QStringLiteral("src"), RunEvent::Kind::Started, berlin(1, 18));
        m_clock.set(berlin(1, 19));
        const SlaService::Night started = evaluate();
        QCOMPARE(started.resolvedNow.size(), 1);
        QCOMPARE(started.resolvedNow.first().resolvedReason, QStringLiteral("started at 01:18"));
        const SlaAlert *stored = find(started.alerts, QStringLiteral("late_start"));
        QVERIFY(stored && stored->isResolved());
        QCOMPARE(stored->resolvedAt, berlin(1, 19));
    }

    void aRunPastItsP95AlertsAndResolvesWhenItFinishes()
    {
        event(QStringLiteral("src"), RunEvent::Kind::Started, berlin(1, 0));
        m_clock.set(berlin(2, 29));
        QVERIFY(!find(evaluate().raisedNow, QStringLiteral("overrun")));
        event(QStringLiteral("other"), RunEvent::Kind::Scheduled, berlin(2, 29));
        m_clock.set(berlin(2, 31));
        const SlaAlert *a = find(evaluate().raisedNow, QStringLiteral("overrun"));
        QVERIFY(a);
        QVERIFY2(a->message.startsWith(QStringLiteral(
                     "src OVERRUN on onprem: running 91 min since 01:00, past its p95 of 90 min; "
                     "threatens report")),
                 qPrintable(a->message));
        event(QStringLiteral("src"), RunEvent::Kind::Succeeded, berlin(2, 40));
        m_clock.set(berlin(2, 41));
        const SlaService::Night done = evaluate();
        QCOMPARE(done.resolvedNow.size(), 1);
        QCOMPARE(done.resolvedNow.first().status, QStringLiteral("overrun"));
        QCOMPARE(done.resolvedNow.first().resolvedReason, QStringLiteral("finished at 02:40"));
    }

    void aSilentOrchestratorIsOneAlertNotOnePerRun()
    {
        // Nothing at all tonight: at 01:31 src has been due for more than 30 minutes.
        m_clock.set(berlin(0, 59));
        QVERIFY(evaluate().raisedNow.isEmpty());
        m_clock.set(berlin(1, 31));
        const SlaService::Night silent = evaluate();
        QCOMPARE(silent.raisedNow.size(), 1); // no late start for src on top
        const SlaAlert &a = silent.raisedNow.first();
        QCOMPARE(a.status, QStringLiteral("silent"));
        QCOMPARE(a.report, QStringLiteral("orchestrator:onprem"));
        QVERIFY2(a.message.startsWith(
                     QStringLiteral("orchestrator SILENT on onprem: nothing at all this night "
                                    "while 1 run(s) are due (src); threatens report")),
                 qPrintable(a.message));
        QVERIFY(silent.projection.silent()); // and the view says NO DATA, not a breach

        // It speaks again: the silence resolves; src is now late, which is its own alert.
        event(QStringLiteral("other"), RunEvent::Kind::Scheduled, berlin(1, 40));
        m_clock.set(berlin(1, 41));
        const SlaService::Night back = evaluate();
        QCOMPARE(back.resolvedNow.size(), 1);
        QCOMPARE(back.resolvedNow.first().resolvedReason,
                 QStringLiteral("the orchestrator reports again"));
        QVERIFY(find(back.raisedNow, QStringLiteral("late_start")));
    }
};

QTEST_GUILESS_MAIN(TestNightSensors)
#include "tst_nightsensors.moc"
