#include "ManualClock.h"
#include "SlaService.h"
#include "TestStores.h"
#include "Watch.h"

#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <csignal>

using namespace daybreak;
using namespace TestStores;

namespace {
const QTimeZone kBerlin("Europe/Berlin");
QDateTime berlin(int h, int m = 0)
{
    return QDateTime(QDate(2026, 11, 25), QTime(h, m), kBerlin);
}
} // namespace

// The unattended watch, on SQLite and the throwaway PostgreSQL: in-process with a manual clock for
// what it raises, and as the real `daybreakctl watch` process for its heartbeat and its clean stop.
class TestWatch : public QObject
{
    Q_OBJECT

private:
    TestBackend m_backend;

private slots:
    void theLateStartFiresAtScheduleAndGraceOnceWithTheHeartbeat()
    {
        QVERIFY2(m_backend.problem().isEmpty(), qPrintable(m_backend.problem()));
        auto store = m_backend.open(m_backend.freshUrl());
        seed(*store, watchedNight());
        ManualClock clock(berlin(0, 31));
        RunEvent started;
        started.pipeline = QStringLiteral("other");
        started.kind = RunEvent::Kind::Started;
        started.at = berlin(0, 30);
        QCOMPARE(SlaService(*store, clock, QStringLiteral("airflow")).recordEvent(started).kind,
                 Outcome::Kind::Done);
        RunEvent done = started;
        done.kind = RunEvent::Kind::Succeeded;
        done.at = berlin(0, 40);
        QCOMPARE(SlaService(*store, clock, QStringLiteral("airflow")).recordEvent(done).kind,
                 Outcome::Kind::Done);

        QString text;
        QTextStream log(&text);
        Watch watch(*store, clock, QStringLiteral("watch"), {}, log);
        clock.set(berlin(1, 15)); // due 01:00, grace 15 min: not yet
        watch.start();
        QVERIFY2(!text.contains(QStringLiteral("late_start")), qPrintable(text));
        QCOMPARE(store->watches().size(), 1);
        QCOMPARE(store->watches().first().lastRan, berlin(1, 15));

        clock.set(berlin(1, 16));
        watch.tick(true);
        QVERIFY2(text.contains(QStringLiteral("ALERT late_start src: src LATE START on onprem: "
                                              "due 01:00, not started 16 min later")),
                 qPrintable(text));
        QCOMPARE(text.count(QStringLiteral("ALERT late_start")), 1);
        clock.set(berlin(1, 17));
        watch.tick(true);
        QCOMPARE(text.count(QStringLiteral("ALERT late_start")), 1); // raised once
        const WatchBeat beat = store->watches().first();
        QCOMPARE(beat.lastRan, berlin(1, 17));
        QCOMPARE(beat.note, QStringLiteral("night of 2026-11-25: 1 open alert(s); delivers"));
        QVERIFY(!beat.isStaleAt(berlin(1, 19)));
        QVERIFY(beat.isStaleAt(berlin(1, 20))); // two intervals and half a minute

        QSignalSpy stopped(&watch, &Watch::stopped);
        watch.stop(QStringLiteral("test"));
        QCOMPARE(stopped.size(), 1);
        QVERIFY(store->watches().isEmpty()); // a clean stop is not a dead watch
        QVERIFY(text.contains(QStringLiteral("stopped (test)")));
    }

    void theWatchProcessBeatsAndStopsCleanlyOnSigterm()
    {
        const QString path = m_backend.freshUrl();
        seed(*m_backend.open(path), watchedNight());
        QProcess bad;
        bad.start(QStringLiteral(DAYBREAKCTL_PATH),
                  {QStringLiteral("watch"), QStringLiteral("--interval"), QStringLiteral("0"),
                   QStringLiteral("--store"), path});
        QVERIFY(bad.waitForFinished(30000));
        QCOMPARE(bad.exitCode(), 2);
        QVERIFY(bad.readAllStandardError().contains("--interval: expected a whole number"));

        QProcess watch;
        watch.start(QStringLiteral(DAYBREAKCTL_PATH),
                    {QStringLiteral("watch"), QStringLiteral("--interval"), QStringLiteral("1"),
                     QStringLiteral("--store"), path});
        QVERIFY(watch.waitForStarted(30000));
        auto reader = m_backend.open(path, OpenMode::MustExist);
        QTRY_VERIFY_WITH_TIMEOUT(!reader->watches().isEmpty(), 30000);
        const QDateTime first = reader->watches().first().lastRan;
        QTRY_VERIFY_WITH_TIMEOUT(reader->watches().first().lastRan > first, 30000); // it ticks
        ::kill(pid_t(watch.processId()), SIGTERM);
        QVERIFY(watch.waitForFinished(30000));
        QCOMPARE(watch.exitStatus(), QProcess::NormalExit);
        QCOMPARE(watch.exitCode(), 0);
        const QString err = QString::fromUtf8(watch.readAllStandardError());
        QVERIFY2(err.contains(QStringLiteral(" INFO watch ")) &&
                     err.contains(QStringLiteral("stopped (SIGTERM)")),
                 qPrintable(err));
        QVERIFY(reader->watches().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestWatch)
#include "tst_watch.moc"
