#include "ManualClock.h"
#include "SlaService.h"
#include "TestStores.h"
#include "Watch.h"

#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <QUrl>

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

    // Between its runs the watch follows the store's change feed: a run event from the
    // orchestrator is read as such, and a new inventory makes it read the store whole once, and
    // say so.
    void theWatchFollowsTheFeedAndReadsWholeOnlyForANewInventory()
    {
        QVERIFY2(m_backend.problem().isEmpty(), qPrintable(m_backend.problem()));
        const QString url = m_backend.freshUrl();
        auto store = m_backend.open(url);
        seed(*store, watchedNight());
        auto orchestrator = m_backend.open(url, OpenMode::MustExist);
        ManualClock clock(berlin(0, 50));
        QString text;
        QTextStream log(&text);
        Watch watch(*store, clock, QStringLiteral("watch"), {}, log);
        watch.start();

        Inventory more = watchedNight();
        Pipeline early = pipeline(QStringLiteral("early"));
        early.schedule = QTime(0, 40);
        early.onpremMinutes = 10;
        more.addPipeline(early);
        seed(*orchestrator, more); // another import, from another connection
        clock.set(berlin(0, 56));
        watch.tick(true);
        QVERIFY2(text.contains(QStringLiteral("read the whole store (the inventory changed")),
                 qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("ALERT late_start early: early LATE START")),
                 qPrintable(text));

        RunEvent started;
        started.pipeline = QStringLiteral("early");
        started.kind = RunEvent::Kind::Started;
        started.at = berlin(0, 57);
        QCOMPARE(
            SlaService(*orchestrator, clock, QStringLiteral("airflow")).recordEvent(started).kind,
            Outcome::Kind::Done);
        clock.set(berlin(0, 58));
        watch.tick(false); // as a change notification wakes it
        QVERIFY2(text.contains(QStringLiteral("resolved late_start early: started at 00:57")),
                 qPrintable(text));
        QCOMPARE(text.count(QStringLiteral("read the whole store")), 1);
        watch.stop(QStringLiteral("test"));
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

    // /etc/daybreak/watch.conf as the unit passes it: the store and the numbers from the file,
    // options on the command line winning, and every bad line, key or password named.
    void theWatchReadsItsConfigFile()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        auto write = [&dir](const QString &name, const QByteArray &text) {
            QFile file(dir.filePath(name));
            if (!file.open(QIODevice::WriteOnly))
                return QString();
            file.write(text);
            return file.fileName();
        };
        auto refused = [](const QString &config) {
            QProcess p;
            p.start(QStringLiteral(DAYBREAKCTL_PATH),
                    {QStringLiteral("watch"), QStringLiteral("--config"), config});
            p.waitForFinished(30000);
            return std::pair{p.exitCode(), QString::fromUtf8(p.readAllStandardError())};
        };
        const QString malformed =
            write(QStringLiteral("malformed.conf"), "; a comment\n[watch]\ninterval = 5\nstore\n");
        auto [code, err] = refused(malformed);
        QCOMPARE(code, 2);
        QVERIFY2(err.contains(malformed + QStringLiteral(": line 4: 'store' is not 'key = value'")),
                 qPrintable(err));
        const QString hashed =
            write(QStringLiteral("hashed.conf"), "[watch]\n# interval = 5\n# old notes\n");
        std::tie(code, err) = refused(hashed);
        QCOMPARE(code, 2);
        QVERIFY2(err.contains(hashed + QStringLiteral(": line 2: a comment starts with ';'")),
                 qPrintable(err));
        const QString wrong = write(QStringLiteral("wrong.conf"),
                                    "[watch]\nlisen = 127.0.0.1:5000\n"
                                    "store = postgresql://daybreak:hunter2@db/daybreak\n");
        std::tie(code, err) = refused(wrong);
        QCOMPARE(code, 2);
        QVERIFY2(err.contains(QStringLiteral("unknown key 'lisen'")), qPrintable(err));
        QVERIFY2(err.contains(QStringLiteral("key 'store': the URL carries a password")) &&
                     err.contains(QStringLiteral(".pgpass")),
                 qPrintable(err));
        std::tie(code, err) = refused(dir.filePath(QStringLiteral("missing.conf")));
        QCOMPARE(code, 2);
        QVERIFY(err.contains(QStringLiteral("missing.conf: cannot read it (no such file)")));

        const QString path = m_backend.freshUrl();
        seed(*m_backend.open(path), watchedNight());
        // As the service has it: a PostgreSQL password in a .pgpass (mode 0600), not the file.
        QString stored = path;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        if (path.startsWith(QLatin1String("postgresql://"))) {
            QUrl url(path);
            const QString pgpass = write(QStringLiteral("pgpass"),
                                         QStringLiteral("%1:%2:%3:%4:%5\n")
                                             .arg(url.host())
                                             .arg(url.port())
                                             .arg(url.path().mid(1), url.userName(), url.password())
                                             .toUtf8());
            QVERIFY(QFile::setPermissions(pgpass, QFile::ReadOwner | QFile::WriteOwner));
            env.insert(QStringLiteral("PGPASSFILE"), pgpass);
            url.setPassword(QString());
            stored = url.toString();
        }
        // interval = 0 in the file would be refused; the command line's --interval 1 wins.
        const QString good = write(QStringLiteral("watch.conf"),
                                   "[watch]\nstore = " + stored.toUtf8() + "\ninterval = 0\n");
        QProcess watch;
        watch.setProcessEnvironment(env);
        watch.start(QStringLiteral(DAYBREAKCTL_PATH),
                    {QStringLiteral("watch"), QStringLiteral("--config"), good,
                     QStringLiteral("--interval"), QStringLiteral("1")});
        QVERIFY(watch.waitForStarted(30000));
        auto reader = m_backend.open(path, OpenMode::MustExist);
        QTRY_VERIFY_WITH_TIMEOUT(!reader->watches().isEmpty(), 30000); // the file's store
        QCOMPARE(reader->watches().first().intervalSeconds, 1);
        ::kill(pid_t(watch.processId()), SIGTERM);
        QVERIFY(watch.waitForFinished(30000));
        QCOMPARE(watch.exitCode(), 0);
        QVERIFY(
            QString::fromUtf8(watch.readAllStandardError()).contains(QStringLiteral("every 1 s")));
    }
};

QTEST_GUILESS_MAIN(TestWatch)
#include "tst_watch.moc"
