#include "Access.h"
#include "CliCalendar.h"
#include "CtlRun.h"
#include "SqliteStore.h"
#include "Version.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <csignal>
#include <pwd.h>
#include <unistd.h>

using namespace daybreak;

namespace {
using Run = CtlRun;

QString fixture(const QString &name)
{
    return QStringLiteral(DAYBREAK_TEST_DATA "/inventories/") + name;
}
} // namespace

// daybreakctl end to end, through a real process against a real SQLite file.
class TestCli : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_store;

    Run ctl(const QStringList &args, const QString &store = {},
            const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment())
    {
        QStringList all = args;
        if (!store.isEmpty())
            all << QStringLiteral("--store") << store;
        return runCtl(QStringLiteral(DAYBREAKCTL_PATH), all, env);
    }
    Run ctl(const QStringList &args) { return ctl(args, m_store); }

    // As another user when the tests run as root (CI): setpriv to `uid`; otherwise as this user.
    Run ctlAs(int uid, const QStringList &args, const QString &store)
    {
        if (geteuid() != 0)
            return ctl(args, store);
        const QString id = QString::number(uid);
        return runCtl(QStringLiteral("setpriv"),
                      QStringList{QStringLiteral("--reuid=") + id, QStringLiteral("--regid=") + id,
                                  QStringLiteral("--clear-groups"),
                                  QStringLiteral(DAYBREAKCTL_PATH)} +
                          args + QStringList{QStringLiteral("--store"), store});
    }

    QString freshStore(const QString &name)
    {
        const QString path = m_dir.filePath(name);
        QFile::remove(path);
        return path;
    }

    // all_week.json's pipelines under a window that is never open today: a single weekday three
    // days away, so the test holds whatever day CI runs it.
    QString closedWindowInventory()
    {
        QFile in(fixture(QStringLiteral("all_week.json")));
        in.open(QIODevice::ReadOnly);
        QJsonObject root = QJsonDocument::fromJson(in.readAll()).object();
        const QDate today = CliCalendar::todayIn(QStringLiteral("Europe/Berlin"));
        const QString day = QLocale::c().dayName(today.addDays(3).dayOfWeek()).toLower();
        root[QStringLiteral("change_window")] =
            QJsonObject{{QStringLiteral("start_day"), day},
                        {QStringLiteral("start"), QStringLiteral("00:00")},
                        {QStringLiteral("end_day"), day},
                        {QStringLiteral("end"), QStringLiteral("23:59")}};
        const QString path = m_dir.filePath(QStringLiteral("closed.json"));
        QFile out(path);
        out.open(QIODevice::WriteOnly);
        out.write(QJsonDocument(root).toJson());
        return path;
    }

    void recordCleanRuns(const QString &store, const QString &id, int n)
    {
        for (int i = 1; i <= n; ++i) {
            const Run r = ctl({QStringLiteral("parity"), QStringLiteral("record"), id,
                               QStringLiteral("--date"),
                               CliCalendar::todayIn(QStringLiteral("Europe/Berlin"))
                                   .addDays(i - n)
                                   .toString(Qt::ISODate),
                               QStringLiteral("--onprem-rows"), QStringLiteral("5000"),
                               QStringLiteral("--cloud-rows"), QStringLiteral("5000")},
                              store);
            QCOMPARE(r.exit, 0);
        }
    }

    QJsonArray json(const QStringList &args, const QString &store)
    {
        const Run r = ctl(args + QStringList{QStringLiteral("--json")}, store);
        return QJsonDocument::fromJson(r.out.toUtf8()).array();
    }

private slots:
    // Every daybreakctl here keeps its last-known routing in this test's folder, not the user's.
    void initTestCase()
    {
        qputenv("XDG_CACHE_HOME", m_dir.filePath(QStringLiteral("cache")).toUtf8());
    }
    void usage()
    {
        QCOMPARE(ctl({QStringLiteral("--help")}, {}).exit, 0);
        const Run none = ctl({}, {});
        QCOMPARE(none.exit, 2);
        QVERIFY(none.err.contains(QStringLiteral("Usage: daybreakctl COMMAND")));
        const Run unknown = ctl({QStringLiteral("frobnicate")}, {});
        QCOMPARE(unknown.exit, 2);
        QVERIFY(unknown.err.contains(QStringLiteral("unknown command 'frobnicate'")));
        const Run badOption = ctl({QStringLiteral("status"), QStringLiteral("--colour")}, {});
        QCOMPARE(badOption.exit, 2);
        QVERIFY(badOption.err.contains(QStringLiteral("colour")));
    }

    void initDemoThenStatus()
    {
        const QString store = freshStore(QStringLiteral("demo.sqlite"));
        Run r = ctl({QStringLiteral("init"), QStringLiteral("--demo")}, store);
        QCOMPARE(r.exit, 0);
        QVERIFY(r.out.contains(QStringLiteral("pipelines)")));
        r = ctl({QStringLiteral("status")}, store);
        QCOMPARE(r.exit, 0);
        QVERIFY(r.out.contains(QStringLiteral("rpt_exec_daily_sales")));
        QVERIFY(r.out.contains(QStringLiteral("66 pipelines:")));

        const QJsonArray all = json({QStringLiteral("status")}, store);
        QCOMPARE(all.size(), 66);
        for (const QJsonValue &v : all) {
            const QJsonObject o = v.toObject();
            for (const char *key : {"id", "name", "state", "canonical", "parity_gate", "wave"})
                QVERIFY2(o.contains(QLatin1String(key)), key);
            const QString state = o[QStringLiteral("state")].toString();
            // Only the demo's past waves hold pipelines, and all of them are cut over.
            QVERIFY(o[QStringLiteral("wave")].isNull() || state == QLatin1String("cloud"));
            const QString canonical = o[QStringLiteral("canonical")].toString();
            QCOMPARE(canonical,
                     (state == QLatin1String("cloud") || state == QLatin1String("decommissioned"))
                         ? QStringLiteral("cloud")
                         : QStringLiteral("onprem"));
        }
        // Initialising a store that already holds an inventory is refused.
        QCOMPARE(ctl({QStringLiteral("init"), QStringLiteral("--demo")}, store).exit, 4);
    }

    void verifyExitsOneWithEveryFinding()
    {
        const QString store = freshStore(QStringLiteral("verify.sqlite"));
        QCOMPARE(ctl({QStringLiteral("init"), QStringLiteral("--demo")}, store).exit, 0);
        Run r = ctl({QStringLiteral("verify")}, store);
        QCOMPARE(r.exit, 0);
        QVERIFY(r.out.contains(QStringLiteral("every pointer follows from its audit rows")));
        const QString auditBefore =
            ctl({QStringLiteral("audit"), QStringLiteral("erp_orders_extract")}, store).out;
        {
            // A pointer flipped with plain SQL, no audit row.
            QSqlDatabase db =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("tamper"));
            db.setDatabaseName(store);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("UPDATE routing SET state = 'cloud', version = version "
                                          "+ 1 WHERE pipeline = 'core_fx'")));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("tamper"));
        r = ctl({QStringLiteral("verify")}, store);
        QCOMPARE(r.exit, 1);
        // The demo's history moved core_fx once (to dual_run): the tamper is the second move.
        QVERIFY2(r.err.contains(QStringLiteral("core_fx: the pointer is at version 3 but has 1 "
                                               "routing audit row(s)")),
                 qPrintable(r.err));
        QVERIFY(r.err.contains(QStringLiteral("2 finding(s)")));
        // A file trusts whoever can write it, so a tampered one opens read-only for changes,
        // the findings named, and nothing more is written to it.
        for (const QStringList &change :
             {QStringList{QStringLiteral("dual-run"), QStringLiteral("erp_orders_extract")},
              QStringList{QStringLiteral("wave"), QStringLiteral("add"), QStringLiteral("--name"),
                          QStringLiteral("Later"), QStringLiteral("--date"),
                          QStringLiteral("2030-01-05")}}) {
            r = ctl(change, store);
            QVERIFY2(r.exit == 4, qPrintable(change.join(QLatin1Char(' ')) + r.err));
            QVERIFY2(r.err.contains(QStringLiteral("opened read-only until they are mended")) &&
                         r.err.contains(QStringLiteral("core_fx: the pointer is at version 3")),
                     qPrintable(r.err));
        }
        r = ctl({QStringLiteral("route"), QStringLiteral("core_fx")}, store);
        QCOMPARE(r.out.trimmed(), QStringLiteral("cloud")); // reads go on
        // Telemetry goes on too: the orchestrator still says what ran.
        r = ctl({QStringLiteral("run-event"), QStringLiteral("core_fx"), QStringLiteral("--side"),
                 QStringLiteral("cloud"), QStringLiteral("--state"), QStringLiteral("started")},
                store);
        QVERIFY2(r.exit == 0, qPrintable(r.err));
        r = ctl({QStringLiteral("verify")}, store);
        QVERIFY(r.err.contains(QStringLiteral("2 finding(s)"))); // nothing else moved
        QCOMPARE(ctl({QStringLiteral("audit"), QStringLiteral("erp_orders_extract")}, store).out,
                 auditBefore);
        // validate --store no longer says "no errors" about it.
        r = ctl({QStringLiteral("validate")}, store);
        QCOMPARE(r.exit, 1);
        QVERIFY(r.err.contains(QStringLiteral("core_fx")) ||
                r.out.contains(QStringLiteral("core_fx")));
    }

    void inputDetailsAreRefusedOrReadTheWayTheLeadMeantThem()
    {
        // Input the lead did not mean is refused or read the way they meant it, never taken
        // silently.
        const QString store = freshStore(QStringLiteral("details.sqlite"));
        QCOMPARE(ctl({QStringLiteral("init"), QStringLiteral("--demo")}, store).exit, 0);
        // A repeated option is named, not silently the last one.
        Run r = ctl({QStringLiteral("route"), QStringLiteral("core_fx"), QStringLiteral("--store"),
                     store + QStringLiteral(".other")},
                    store);
        QCOMPARE(r.exit, 2);
        QVERIFY2(r.err.contains(QStringLiteral("--store is given 2 times")), qPrintable(r.err));
        // Dates are exactly YYYY-MM-DD, in years a plan can mean.
        for (const QString &date : {QStringLiteral("2026-12-05T00:00"),
                                    QStringLiteral("0001-12-01"), QStringLiteral("9999-12-04")}) {
            r = ctl({QStringLiteral("wave"), QStringLiteral("add"), QStringLiteral("--date"), date},
                    store);
            QCOMPARE(r.exit, 2);
            QVERIFY2(r.err.contains(QStringLiteral("is not a date")), qPrintable(r.err));
        }
        // A time without an offset is the inventory's wall clock (Europe/Berlin), whatever the
        // machine's zone.
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("TZ"), QStringLiteral("America/New_York"));
        r = ctl({QStringLiteral("run-event"), QStringLiteral("core_fx"), QStringLiteral("--side"),
                 QStringLiteral("onprem"), QStringLiteral("--state"), QStringLiteral("started"),
                 QStringLiteral("--at"), QStringLiteral("2021-11-25T01:30:00")},
                store, env); // years before the demo's history, so the night holds only this
        QCOMPARE(r.exit, 0);
        SqliteStore check(store, OpenMode::MustExist);
        const QList<RunEvent> events = check.runEvents(QDate(2021, 11, 25));
        QCOMPARE(events.size(), 1);
        QCOMPARE(events.first().at, QDateTime(QDate(2021, 11, 25), QTime(0, 30), Qt::UTC));
    }

    void routePrintsOnlyTheSide()
    {
        const QString store = freshStore(QStringLiteral("route.sqlite"));
        QCOMPARE(ctl({QStringLiteral("init"), QStringLiteral("--demo")}, store).exit, 0);
        Run r = ctl({QStringLiteral("route"), QStringLiteral("fx_rates_extract")}, store);
        QCOMPARE(r.exit, 0);
        QCOMPARE(r.out, QStringLiteral("cloud\n"));
        QVERIFY(r.err.isEmpty());
        r = ctl({QStringLiteral("route"), QStringLiteral("core_orders")}, store);
        QCOMPARE(r.out, QStringLiteral("onprem\n"));
        r = ctl({QStringLiteral("route"), QStringLiteral("no_such_thing")}, store);
        QCOMPARE(r.exit, 3);
        QVERIFY(r.out.isEmpty());
        QVERIFY(r.err.contains(QStringLiteral("unknown pipeline 'no_such_thing'")));
    }

    void cutoverOutsideTheWindowIsRefused()
    {
        const QString store = freshStore(QStringLiteral("closed.sqlite"));
        QCOMPARE(
            ctl({QStringLiteral("init"), QStringLiteral("--inventory"), closedWindowInventory()},
                store)
                .exit,
            0);
        recordCleanRuns(store, QStringLiteral("orders_ingest"), 3);
        const Run r = ctl({QStringLiteral("cutover"), QStringLiteral("orders_ingest")}, store);
        QCOMPARE(r.exit, 4);
        QVERIFY2(r.err.contains(QStringLiteral("the change window is closed")), qPrintable(r.err));
        QCOMPARE(ctl({QStringLiteral("route"), QStringLiteral("orders_ingest")}, store).out,
                 QStringLiteral("onprem\n"));
        // Every reason at once, naming the pipelines.
        const Run mart = ctl({QStringLiteral("cutover"), QStringLiteral("orders_mart")}, store);
        QCOMPARE(mart.exit, 4);
        QVERIFY(mart.err.contains(
            QStringLiteral("orders_mart's parity gate is pending: 0 of 3 clean")));
        QVERIFY(mart.err.contains(
            QStringLiteral("orders_mart reads orders_ingest, which is still canonical on-prem")));
        QVERIFY(mart.err.contains(QStringLiteral("the change window is closed")));
    }

    void textOutputShowsControlCharactersInsteadOfActingOnThem()
    {
        // Once went wrong: a reason with a newline forged a second audit line; ESC sequences
        // reached the terminal.
        const QString store = freshStore(QStringLiteral("escapes.sqlite"));
        QCOMPARE(ctl({QStringLiteral("init"), QStringLiteral("--demo")}, store).exit, 0);
        const QString forged =
            QStringLiteral("ok\n2026-11-28T10:00:00.000Z  alice  cutover  core_fx  "
                           "dual_run -> cloud  \"planned\"\x1b]0;owned\x07");
        QCOMPARE(ctl({QStringLiteral("rollback"), QStringLiteral("web_clickstream_extract"),
                      QStringLiteral("--break-glass"), QStringLiteral("--reason"), forged},
                     store)
                     .exit,
                 0);
        const Run audit = ctl({QStringLiteral("audit")}, store);
        QCOMPARE(audit.exit, 0);
        const int rows = int(json({QStringLiteral("audit")}, store).size());
        QCOMPARE(int(audit.out.count(QLatin1Char('\n'))), rows); // one line per row
        QVERIFY(!audit.out.contains(QChar(0x1b)));
        QVERIFY(!audit.out.contains(QChar(0x07)));
        QVERIFY2(audit.out.contains(QStringLiteral("\"ok\\n2026-11-28T10:00:00.000Z  alice")),
                 qPrintable(audit.out.right(300)));
        QVERIFY(audit.out.contains(QStringLiteral("\\x1b]0;owned\\x07")));
        // JSON keeps the reason as it was given.
        QCOMPARE(json({QStringLiteral("audit")}, store)
                     .last()
                     .toObject()[QStringLiteral("reason")]
                     .toString(),
                 forged);
    }

    void theActorIsWhoTheKernelSaysNotUser()
    {
        // Once went wrong: a uid with no passwd entry took $USER as its name, so anyone could sign
        // as root. As root (CI), run as such a uid; otherwise this user's passwd name must win.
        QTemporaryDir open;
        QFile::setPermissions(open.path(), QFileDevice::Permissions(0x7777));
        const QString store = open.filePath(QStringLiteral("s.sqlite"));
        QCOMPARE(ctl({QStringLiteral("init"), QStringLiteral("--demo")}, store).exit, 0);
        QFile::setPermissions(store, QFileDevice::Permissions(0x6666));
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("USER"), QStringLiteral("root"));
        QProcess p;
        p.setProcessEnvironment(env);
        const QStringList args{QStringLiteral("whoami"), QStringLiteral("--json"),
                               QStringLiteral("--store"), store};
        const bool root = geteuid() == 0;
        if (root)
            p.start(QStringLiteral("setpriv"),
                    QStringList{QStringLiteral("--reuid=12345"), QStringLiteral("--regid=12345"),
                                QStringLiteral("--clear-groups"),
                                QStringLiteral(DAYBREAKCTL_PATH)} +
                        args);
        else
            p.start(QStringLiteral(DAYBREAKCTL_PATH), args);
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 0);
        const QString user = QJsonDocument::fromJson(p.readAllStandardOutput())
                                 .object()[QStringLiteral("user")]
                                 .toString();
        QCOMPARE(user, root ? QStringLiteral("uid:12345")
                            : QString::fromLocal8Bit(getpwuid(geteuid())->pw_name));
    }

    void aViewerNeverLocksTheOwnerOut()
    {
        // Once went wrong: a viewer's `route` left -wal and -shm files of its own, and the store's
        // owner got "attempt to write a readonly database" until someone deleted them. As root
        // the viewer is another user; otherwise this user with the file made read-only.
        const bool root = geteuid() == 0;
        QTemporaryDir shared;
        QFile::setPermissions(shared.path(), QFileDevice::Permissions(0x7777));
        const QString store = shared.filePath(QStringLiteral("s.sqlite"));
        QCOMPARE(ctl({QStringLiteral("init"), QStringLiteral("--demo")}, store).exit, 0);
        if (root)
            QCOMPARE(::chown(QFile::encodeName(store).constData(), 12345, 12345), 0);
        else
            QFile::setPermissions(store, QFileDevice::ReadOwner | QFileDevice::ReadOther);
        Run r = ctlAs(65534, {QStringLiteral("route"), QStringLiteral("core_fx")}, store);
        QCOMPARE(r.exit, 0);
        QCOMPARE(r.out.trimmed(), QStringLiteral("onprem"));
        QVERIFY(!QFile::exists(store + QStringLiteral("-wal")));
        QVERIFY(!QFile::exists(store + QStringLiteral("-shm")));
        r = ctlAs(65534,
                  {QStringLiteral("run-event"), QStringLiteral("core_fx"), QStringLiteral("--side"),
                   QStringLiteral("onprem"), QStringLiteral("--state"), QStringLiteral("started")},
                  store);
        QVERIFY2(r.exit != 0 && r.err.contains(QStringLiteral("may only read this store")),
                 qPrintable(r.err));
        if (!root)
            QFile::setPermissions(store, QFileDevice::Permissions(0x6644));
        r = ctlAs(12345,
                  {QStringLiteral("run-event"), QStringLiteral("core_fx"), QStringLiteral("--side"),
                   QStringLiteral("onprem"), QStringLiteral("--state"), QStringLiteral("started")},
                  store);
        QVERIFY2(r.exit == 0, qPrintable(r.err));
    }

    void aFolderNobodyMayWriteStillAnswersRoute()
    {
        // Once went wrong: in a folder the user cannot write, even `route --read-only` failed with
        // a message that did not name the folder.
        const bool root = geteuid() == 0;
        QTemporaryDir closed;
        const QString store = closed.filePath(QStringLiteral("s.sqlite"));
        QCOMPARE(ctl({QStringLiteral("init"), QStringLiteral("--demo")}, store).exit, 0);
        QFile::setPermissions(store, QFileDevice::Permissions(0x6666));
        QFile::setPermissions(closed.path(), root ? QFileDevice::Permissions(0x7755)
                                                  : QFileDevice::Permissions(0x5555));
        for (const QStringList &args :
             {QStringList{QStringLiteral("route"), QStringLiteral("core_fx")},
              QStringList{QStringLiteral("route"), QStringLiteral("core_fx"),
                          QStringLiteral("--read-only")}}) {
            const Run r = ctlAs(65534, args, store);
            QVERIFY2(r.exit == 0, qPrintable(r.err));
            QCOMPARE(r.out.trimmed(), QStringLiteral("onprem"));
        }
        const Run r =
            ctlAs(65534,
                  {QStringLiteral("run-event"), QStringLiteral("core_fx"), QStringLiteral("--side"),
                   QStringLiteral("onprem"), QStringLiteral("--state"), QStringLiteral("started")},
                  store);
        QVERIFY2(r.exit != 0 && r.err.contains(QStringLiteral("cannot write the folder ") +
                                               QFileInfo(store).absolutePath()),
                 qPrintable(r.err));
        QFile::setPermissions(closed.path(), QFileDevice::Permissions(0x7700));
    }

    void notifyChannelsAreCheckedStoredTestedAndRemoved()
    {
        const QString store = freshStore(QStringLiteral("notify.sqlite"));
        QCOMPARE(ctl({QStringLiteral("init"), QStringLiteral("--demo")}, store).exit, 0);
        Run r = ctl({QStringLiteral("notify"), QStringLiteral("add"), QStringLiteral("hook"),
                     QStringLiteral("webhook"), QStringLiteral("ftp://example.com/x")},
                    store);
        QCOMPARE(r.exit, 2);
        QVERIFY2(r.err.contains(QStringLiteral("url: 'ftp://example.com/x' is not an http:// or "
                                               "https:// URL")),
                 qPrintable(r.err));
        QCOMPARE(json({QStringLiteral("notify"), QStringLiteral("list")}, store).size(), 0);

        // A command channel: the program gets the alert document on standard input.
        QTemporaryDir dir;
        const QString got = dir.filePath(QStringLiteral("got.json"));
        const QString program = dir.filePath(QStringLiteral("receive.sh"));
        QFile script(program);
        QVERIFY(script.open(QIODevice::WriteOnly));
        script.write(QStringLiteral("#!/bin/sh\ncat > '%1'\n").arg(got).toUtf8());
        script.close();
        script.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                              QFileDevice::ExeOwner);
        QCOMPARE(ctl({QStringLiteral("notify"), QStringLiteral("add"), QStringLiteral("run"),
                      QStringLiteral("command"), program},
                     store)
                     .exit,
                 0);
        const QJsonArray list = json({QStringLiteral("notify"), QStringLiteral("list")}, store);
        QCOMPARE(list.size(), 1);
        QCOMPARE(list.first().toObject()[QStringLiteral("kind")].toString(),
                 QStringLiteral("command"));
        r = ctl({QStringLiteral("notify"), QStringLiteral("test"), QStringLiteral("run")}, store);
        QVERIFY2(r.exit == 0, qPrintable(r.err));
        QFile received(got);
        QVERIFY(received.open(QIODevice::ReadOnly));
        const QJsonObject doc = QJsonDocument::fromJson(received.readAll()).object();
        QCOMPARE(doc[QStringLiteral("format")].toString(), QStringLiteral("daybreak-alert/1"));
        QVERIFY(
            doc[QStringLiteral("alert")].toObject()[QStringLiteral("message")].toString().contains(
                QStringLiteral("test alert")));
        QCOMPARE(json({QStringLiteral("audit")}, store)
                     .last()
                     .toObject()[QStringLiteral("action")]
                     .toString(),
                 QStringLiteral("channel_add"));
        QCOMPARE(
            ctl({QStringLiteral("notify"), QStringLiteral("remove"), QStringLiteral("run")}, store)
                .exit,
            0);
        QCOMPARE(
            ctl({QStringLiteral("notify"), QStringLiteral("remove"), QStringLiteral("run")}, store)
                .exit,
            3);
        // A receiver that fails is exit 1, as --help says (the store is fine).
        QCOMPARE(ctl({QStringLiteral("notify"), QStringLiteral("add"), QStringLiteral("dead"),
                      QStringLiteral("command"), QStringLiteral("/bin/false")},
                     store)
                     .exit,
                 0);
        r = ctl({QStringLiteral("notify"), QStringLiteral("test"), QStringLiteral("dead")}, store);
        QCOMPARE(r.exit, 1);
        QVERIFY2(r.err.contains(QStringLiteral("test delivery to 'dead' failed")),
                 qPrintable(r.err));
        QCOMPARE(
            ctl({QStringLiteral("notify"), QStringLiteral("remove"), QStringLiteral("dead")}, store)
                .exit,
            0);
    }

    void valuesTheStoreCannotHoldAreBadInput()
    {
        // Once went wrong: these gave exit 6 "store unavailable" from a CHECK or a year 10000 date.
        const QString store = freshStore(QStringLiteral("values.sqlite"));
        QCOMPARE(ctl({QStringLiteral("init"), QStringLiteral("--demo")}, store).exit, 0);
        const int auditBefore = int(json({QStringLiteral("audit")}, store).size());
        Run r = ctl({QStringLiteral("parity"), QStringLiteral("record"), QStringLiteral("core_fx"),
                     QStringLiteral("--date"),
                     CliCalendar::todayIn(QStringLiteral("Europe/Berlin")).toString(Qt::ISODate),
                     QStringLiteral("--onprem-rows"), QStringLiteral("1"),
                     QStringLiteral("--cloud-rows"), QStringLiteral("1"),
                     QStringLiteral("--max-rel-diff"), QStringLiteral("nan")},
                    store);
        QCOMPARE(r.exit, 2);
        QVERIFY2(r.err.contains(QStringLiteral("max-rel-diff: must be a non-negative number")),
                 qPrintable(r.err));
        r = ctl({QStringLiteral("run-event"), QStringLiteral("core_fx"), QStringLiteral("--side"),
                 QStringLiteral("onprem"), QStringLiteral("--state"), QStringLiteral("started"),
                 QStringLiteral("--at"), QStringLiteral("9999-12-31T23:59:59Z")},
                store);
        QCOMPARE(r.exit, 2);
        QVERIFY2(r.err.contains(QStringLiteral("outside the years 2000 to 2999")),
                 qPrintable(r.err));
        QCOMPARE(int(json({QStringLiteral("audit")}, store).size()), auditBefore);
    }

    void concurrentCommandsWaitForAnUpgrade()
    {
        // Once went wrong: after an upgrade, orchestrator `route` calls racing to migrate the
        // schema failed with exit 6 "database is locked"; now each waits for the write lock and
        // finds the work done.
        const QString store = freshStore(QStringLiteral("upgrade.sqlite"));
        QCOMPARE(ctl({QStringLiteral("init"), QStringLiteral("--demo")}, store).exit, 0);
        {
            QSqlDatabase db =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("old"));
            db.setDatabaseName(store);
            QVERIFY(db.open());
            QSqlQuery q(db);
            // An earlier release: six migrations behind.
            QVERIFY(q.exec(QStringLiteral("DROP TABLE parity_diffs")));
            QVERIFY(q.exec(QStringLiteral("DROP TABLE parity_settings")));
            QStringList feedTriggers;
            QVERIFY(q.exec(QStringLiteral(
                "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%_feed_%'")));
            while (q.next())
                feedTriggers << q.value(0).toString();
            QVERIFY(feedTriggers.size() > 30);
            for (const QString &t : std::as_const(feedTriggers))
                QVERIFY(q.exec(QStringLiteral("DROP TRIGGER %1").arg(t)));
            QVERIFY(q.exec(QStringLiteral("DROP TABLE change_feed")));
            QVERIFY(q.exec(QStringLiteral("DROP INDEX audit_by_action")));
            QVERIFY(q.exec(QStringLiteral("DROP INDEX audit_by_request")));
            QVERIFY(q.exec(QStringLiteral("ALTER TABLE audit DROP COLUMN request_id")));
            QVERIFY(q.exec(QStringLiteral("DROP TABLE change_requests")));
            QVERIFY(q.exec(QStringLiteral("DROP TABLE lineage_map")));
            QVERIFY(q.exec(QStringLiteral("DROP TABLE lineage_unmapped")));
            QVERIFY(q.exec(QStringLiteral("UPDATE schema_version SET version = 10")));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("old"));
        std::vector<std::unique_ptr<QProcess>> routes;
        for (int i = 0; i < 8; ++i) {
            routes.push_back(std::make_unique<QProcess>());
            routes.back()->start(QStringLiteral(DAYBREAKCTL_PATH),
                                 {QStringLiteral("route"), QStringLiteral("core_fx"),
                                  QStringLiteral("--store"), store});
        }
        for (auto &p : routes) {
            QVERIFY(p->waitForFinished(60000));
            QVERIFY2(p->exitCode() == 0, p->readAllStandardError().constData());
            QCOMPARE(p->readAllStandardOutput(), QByteArray("onprem\n"));
        }
    }

    void aVersionThatCannotBeIsBadUsage()
    {
        // D14: --expect-version -1 gave exit 5, as if someone had moved the pointer.
        const QString store = freshStore(QStringLiteral("versions.sqlite"));
        QCOMPARE(ctl({QStringLiteral("init"), QStringLiteral("--demo")}, store).exit, 0);
        for (const QString &v : {QStringLiteral("-1"), QStringLiteral("0"), QStringLiteral("x")}) {
            const Run r = ctl({QStringLiteral("dual-run"), QStringLiteral("core_orders"),
                               QStringLiteral("--expect-version"), v},
                              store);
            QCOMPARE(r.exit, 2);
            QVERIFY2(r.err.contains(QStringLiteral("is not a pointer version")), qPrintable(r.err));
        }
        const Run status = ctl({QStringLiteral("status"), QStringLiteral("core_fx")}, store);
        QVERIFY2(status.out.contains(QStringLiteral("clean in a row, 7 needed")),
                 qPrintable(status.out));
    }

    void breakGlassRollbackOutsideTheWindow()
    {
        // Start in a store whose window is open all week, cut over, then narrow the window.
        const QString store = freshStore(QStringLiteral("glass.sqlite"));
        QCOMPARE(ctl({QStringLiteral("init"), QStringLiteral("--inventory"),
                      fixture(QStringLiteral("all_week.json"))},
                     store)
                     .exit,
                 0);
        recordCleanRuns(store, QStringLiteral("orders_ingest"), 3);
        QCOMPARE(ctl({QStringLiteral("cutover"), QStringLiteral("orders_ingest"),
                      QStringLiteral("--reason"), QStringLiteral("wave 1")},
                     store)
                     .exit,
                 0);
        QCOMPARE(ctl({QStringLiteral("import"), closedWindowInventory()}, store).exit, 0);

        Run r = ctl({QStringLiteral("rollback"), QStringLiteral("orders_ingest")}, store);
        QCOMPARE(r.exit, 2);
        QVERIFY(r.err.contains(QStringLiteral("--reason")));
        r = ctl({QStringLiteral("rollback"), QStringLiteral("orders_ingest"),
                 QStringLiteral("--reason"), QStringLiteral("totals off")},
                store);
        QCOMPARE(r.exit, 4);
        QVERIFY(r.err.contains(QStringLiteral("--break-glass")));
        r = ctl({QStringLiteral("rollback"), QStringLiteral("orders_ingest"),
                 QStringLiteral("--reason"), QStringLiteral("totals off"),
                 QStringLiteral("--break-glass")},
                store);
        QCOMPARE(r.exit, 0);
        QCOMPARE(ctl({QStringLiteral("route"), QStringLiteral("orders_ingest")}, store).out,
                 QStringLiteral("onprem\n"));

        const QJsonArray audit = json({QStringLiteral("audit")}, store);
        const QJsonObject last = audit.last().toObject();
        QCOMPARE(last[QStringLiteral("action")].toString(), QStringLiteral("rollback"));
        QCOMPARE(last[QStringLiteral("pipeline")].toString(), QStringLiteral("orders_ingest"));
        QCOMPARE(last[QStringLiteral("from")].toString(), QStringLiteral("cloud"));
        QCOMPARE(last[QStringLiteral("to")].toString(), QStringLiteral("dual_run"));
        QCOMPARE(last[QStringLiteral("reason")].toString(), QStringLiteral("totals off"));
        QCOMPARE(last[QStringLiteral("break_glass")].toBool(), true);
        QCOMPARE(last[QStringLiteral("actor")].toString(),
                 QString::fromLocal8Bit(getpwuid(geteuid())->pw_name));
        QVERIFY(QDateTime::fromString(last[QStringLiteral("at")].toString(), Qt::ISODateWithMs)
                    .isValid());
        // Oldest first.
        QVERIFY(audit.first().toObject()[QStringLiteral("id")].toInt() <
                last[QStringLiteral("id")].toInt());
    }

    void fullCutoverPathAndConflict()
    {
        const QString store = freshStore(QStringLiteral("open.sqlite"));
        QCOMPARE(ctl({QStringLiteral("init"), QStringLiteral("--inventory"),
                      fixture(QStringLiteral("all_week.json"))},
                     store)
                     .exit,
                 0);
        recordCleanRuns(store, QStringLiteral("orders_ingest"), 3);
        recordCleanRuns(store, QStringLiteral("orders_mart"), 3);
        QCOMPARE(ctl({QStringLiteral("cutover"), QStringLiteral("orders_mart")}, store).exit,
                 4); // upstream first
        Run r = ctl({QStringLiteral("cutover"), QStringLiteral("orders_ingest")}, store);
        QCOMPARE(r.exit, 0);
        QVERIFY(r.out.contains(QStringLiteral("orders_ingest: dual_run -> cloud")));

        // A stale writer: it saw version 1, the pointer is at 1 for orders_mart, so claim 7.
        const int auditBefore = int(json({QStringLiteral("audit")}, store).size());
        r = ctl({QStringLiteral("cutover"), QStringLiteral("orders_mart"),
                 QStringLiteral("--expect-version"), QStringLiteral("7")},
                store);
        QCOMPARE(r.exit, 5);
        QVERIFY(r.err.contains(QStringLiteral("nothing was written")));
        QCOMPARE(int(json({QStringLiteral("audit")}, store).size()), auditBefore);
        QCOMPARE(ctl({QStringLiteral("route"), QStringLiteral("orders_mart")}, store).out,
                 QStringLiteral("onprem\n"));

        r = ctl({QStringLiteral("cutover"), QStringLiteral("orders_mart"),
                 QStringLiteral("--expect-version"), QStringLiteral("1")},
                store);
        QCOMPARE(r.exit, 0);
        QCOMPARE(ctl({QStringLiteral("route"), QStringLiteral("orders_mart")}, store).out,
                 QStringLiteral("cloud\n"));
        QCOMPARE(ctl({QStringLiteral("cutover"), QStringLiteral("nope")}, store).exit, 3);
        QCOMPARE(ctl({QStringLiteral("decommission"), QStringLiteral("orders_ingest")}, store).exit,
                 0);
        QCOMPARE(ctl({QStringLiteral("route"), QStringLiteral("orders_ingest")}, store).out,
                 QStringLiteral("cloud\n"));
        QCOMPARE(ctl({QStringLiteral("rollback"), QStringLiteral("orders_ingest"),
                      QStringLiteral("--reason"), QStringLiteral("x")},
                     store)
                     .exit,
                 4);
        QCOMPARE(ctl({QStringLiteral("dual-run"), QStringLiteral("exec_daily_sales")}, store).exit,
                 0);
        QCOMPARE(ctl({QStringLiteral("dual-run"), QStringLiteral("gl_extract")}, store).exit, 4);
    }

    void badImportChangesNothing()
    {
        const QString store = freshStore(QStringLiteral("import.sqlite"));
        QCOMPARE(ctl({QStringLiteral("init"), QStringLiteral("--inventory"),
                      fixture(QStringLiteral("good.json"))},
                     store)
                     .exit,
                 0);
        const QByteArray before =
            ctl({QStringLiteral("status"), QStringLiteral("--json")}, store).out.toUtf8();
        const Run r = ctl({QStringLiteral("import"), fixture(QStringLiteral("bad.csv"))}, store);
        QCOMPARE(r.exit, 2);
        QVERIFY2(
            r.err.contains(QStringLiteral(
                "bad.csv:3: error: pipeline 'b', field 'upstreams': unknown upstream 'ghost'")),
            qPrintable(r.err));
        QVERIFY(r.err.contains(QStringLiteral("nothing was written")));
        QCOMPARE(ctl({QStringLiteral("status"), QStringLiteral("--json")}, store).out.toUtf8(),
                 before);
        QCOMPARE(ctl({QStringLiteral("import"), fixture(QStringLiteral("good.csv"))}, store).exit,
                 0);
    }

    void initWithBadInventoryCreatesNothing()
    {
        const QString store = freshStore(QStringLiteral("never.sqlite"));
        const Run r = ctl({QStringLiteral("init"), QStringLiteral("--inventory"),
                           fixture(QStringLiteral("cycle.json"))},
                          store);
        QCOMPARE(r.exit, 2);
        QVERIFY(r.err.contains(QStringLiteral("dependency cycle: a -> b -> c -> a")));
        QVERIFY(!QFile::exists(store));
    }

    void validate()
    {
        Run r = ctl({QStringLiteral("validate"), fixture(QStringLiteral("self_read.json"))}, {});
        QCOMPARE(r.exit, 1);
        QVERIFY(r.err.contains(QStringLiteral("the pipeline reads itself")));
        r = ctl({QStringLiteral("validate"), fixture(QStringLiteral("good.json"))}, {});
        QCOMPARE(r.exit, 0);
        QCOMPARE(
            ctl({QStringLiteral("validate"), fixture(QStringLiteral("missing.json"))}, {}).exit, 2);
    }

    void parityCommands()
    {
        const QString store = freshStore(QStringLiteral("parity.sqlite"));
        QCOMPARE(ctl({QStringLiteral("init"), QStringLiteral("--inventory"),
                      fixture(QStringLiteral("all_week.json"))},
                     store)
                     .exit,
                 0);
        Run r = ctl({QStringLiteral("parity"), QStringLiteral("record"),
                     QStringLiteral("orders_ingest"), QStringLiteral("--date"),
                     QStringLiteral("2026-13-40"), QStringLiteral("--onprem-rows"),
                     QStringLiteral("x"), QStringLiteral("--cloud-rows"), QStringLiteral("5")},
                    store);
        QCOMPARE(r.exit, 2);
        QVERIFY(r.err.contains(QStringLiteral("--date: '2026-13-40' is not a date")));
        QVERIFY(r.err.contains(QStringLiteral("--onprem-rows: 'x' is not a whole number")));
        r = ctl({QStringLiteral("parity"), QStringLiteral("record"), QStringLiteral("ghost"),
                 QStringLiteral("--date"), QStringLiteral("2026-11-20"),
                 QStringLiteral("--onprem-rows"), QStringLiteral("1"),
                 QStringLiteral("--cloud-rows"), QStringLiteral("1")},
                store);
        QCOMPARE(r.exit, 3);
        recordCleanRuns(store, QStringLiteral("orders_ingest"), 3);
        r = ctl({QStringLiteral("parity"), QStringLiteral("record"), QStringLiteral("orders_mart"),
                 QStringLiteral("--date"), QStringLiteral("2026-11-20"),
                 QStringLiteral("--onprem-rows"), QStringLiteral("1000"),
                 QStringLiteral("--cloud-rows"), QStringLiteral("990"),
                 QStringLiteral("--mismatched-rows"), QStringLiteral("3"),
                 QStringLiteral("--max-rel-diff"), QStringLiteral("0.02")},
                store);
        QCOMPARE(r.exit, 0);
        QVERIFY(r.out.contains(QStringLiteral("BREACH")));
        const QJsonArray status = json({QStringLiteral("parity"), QStringLiteral("status")}, store);
        QCOMPARE(status.size(), 2);
        for (const QJsonValue &v : status) {
            const QJsonObject o = v.toObject();
            for (const char *key :
                 {"id", "gate", "clean_runs", "open_breaches", "rollback_recommended"})
                QVERIFY2(o.contains(QLatin1String(key)), key);
            if (o[QStringLiteral("id")] == QStringLiteral("orders_ingest")) {
                QCOMPARE(o[QStringLiteral("gate")].toString(), QStringLiteral("passed"));
                QCOMPARE(o[QStringLiteral("clean_runs")].toInt(), 3);
            } else {
                QCOMPARE(o[QStringLiteral("gate")].toString(), QStringLiteral("failed"));
                QCOMPARE(o[QStringLiteral("open_breaches")].toArray().first().toString(),
                         QStringLiteral("2026-11-20"));
            }
        }
        QCOMPARE(ctl({QStringLiteral("parity")}, store).exit, 2);
    }

    void parityImportAcceptAndExplain()
    {
        const QString store = freshStore(QStringLiteral("parity-import.sqlite"));
        QCOMPARE(ctl({QStringLiteral("init"), QStringLiteral("--inventory"),
                      fixture(QStringLiteral("all_week.json"))},
                     store)
                     .exit,
                 0);
        const int auditBefore = int(json({QStringLiteral("audit")}, store).size());
        const QString bad = QStringLiteral(DAYBREAK_TEST_DATA "/parity/bad.csv");
        Run r = ctl({QStringLiteral("parity"), QStringLiteral("import"), bad}, store);
        QCOMPARE(r.exit, 2);
        QVERIFY2(
            r.err.contains(QStringLiteral(
                "bad.csv:3: error: pipeline 'ghost', field 'pipeline': unknown pipeline 'ghost'")),
            qPrintable(r.err));
        QVERIFY(r.err.contains(QStringLiteral(
            "bad.csv:4: error: pipeline 'orders_mart', field 'date': '2026-11-31' is not a date")));
        QVERIFY(r.err.contains(QStringLiteral("bad.csv:4: error: pipeline 'orders_mart', field "
                                              "'cloud_rows': '-4' is not a row count")));
        QVERIFY(r.err.contains(QStringLiteral("bad.csv:4: error: pipeline 'orders_mart', field "
                                              "'checksum_match': 'maybe' is not true or false")));
        QVERIFY(r.err.contains(
            QStringLiteral("bad.csv:5: error: pipeline 'orders_ingest', field 'date': a second "
                           "result for 2026-11-22 (first on line 2)")));
        QVERIFY(r.err.contains(QStringLiteral("nothing was imported")));
        // Not even the good first row landed.
        QCOMPARE(int(json({QStringLiteral("audit")}, store).size()), auditBefore);
        QJsonArray status = json(
            {QStringLiteral("parity"), QStringLiteral("status"), QStringLiteral("orders_ingest")},
            store);
        QCOMPARE(status.first().toObject()[QStringLiteral("clean_runs")].toInt(), 0);

        r = ctl({QStringLiteral("parity"), QStringLiteral("import"),
                 QStringLiteral(DAYBREAK_TEST_DATA "/parity/good.csv")},
                store);
        QCOMPARE(r.exit, 0);
        QVERIFY(r.out.contains(QStringLiteral("Imported 3 comparison(s)")));
        status = json(
            {QStringLiteral("parity"), QStringLiteral("status"), QStringLiteral("orders_mart")},
            store);
        QCOMPARE(
            status.first().toObject()[QStringLiteral("open_breaches")].toArray().first().toString(),
            QStringLiteral("2026-11-21"));

        // Accepting or explaining needs a reason; both are audited with who and why.
        QCOMPARE(
            ctl({QStringLiteral("parity"), QStringLiteral("accept"), QStringLiteral("orders_mart"),
                 QStringLiteral("--date"), QStringLiteral("2026-11-21")},
                store)
                .exit,
            2);
        QCOMPARE(
            ctl({QStringLiteral("parity"), QStringLiteral("accept"),
                 QStringLiteral("orders_ingest"), QStringLiteral("--date"),
                 QStringLiteral("2026-11-21"), QStringLiteral("--reason"), QStringLiteral("x")},
                store)
                .exit,
            4); // no breach
        r = ctl({QStringLiteral("parity"), QStringLiteral("explain"), QStringLiteral("orders_mart"),
                 QStringLiteral("--date"), QStringLiteral("2026-11-21"), QStringLiteral("--cause"),
                 QStringLiteral("legacy_bug"), QStringLiteral("--reason"),
                 QStringLiteral("on-prem double-counted returns")},
                store);
        QCOMPARE(r.exit, 0);
        status = json(
            {QStringLiteral("parity"), QStringLiteral("status"), QStringLiteral("orders_mart")},
            store);
        QVERIFY(status.first().toObject()[QStringLiteral("open_breaches")].toArray().isEmpty());
        const QJsonObject last =
            json({QStringLiteral("audit"), QStringLiteral("orders_mart")}, store).last().toObject();
        QCOMPARE(last[QStringLiteral("action")].toString(), QStringLiteral("parity_explain"));
        QCOMPARE(last[QStringLiteral("to")].toString(), QStringLiteral("legacy_bug"));
        QCOMPARE(last[QStringLiteral("reason")].toString(),
                 QStringLiteral("2026-11-21: on-prem double-counted returns"));
        QCOMPARE(
            ctl({QStringLiteral("parity"), QStringLiteral("explain"), QStringLiteral("orders_mart"),
                 QStringLiteral("--date"), QStringLiteral("2026-11-21"), QStringLiteral("--cause"),
                 QStringLiteral("cosmic_rays"), QStringLiteral("--reason"), QStringLiteral("x")},
                store)
                .exit,
            2);
    }

    void postCutoverBreachRecommendsRollbackButDoesNotRollBack()
    {
        const QString store = freshStore(QStringLiteral("post.sqlite"));
        QCOMPARE(ctl({QStringLiteral("init"), QStringLiteral("--inventory"),
                      fixture(QStringLiteral("all_week.json"))},
                     store)
                     .exit,
                 0);
        recordCleanRuns(store, QStringLiteral("orders_ingest"), 3);
        QCOMPARE(ctl({QStringLiteral("cutover"), QStringLiteral("orders_ingest")}, store).exit, 0);
        const QString today =
            CliCalendar::todayIn(QStringLiteral("Europe/Berlin")).toString(Qt::ISODate);
        QCOMPARE(ctl({QStringLiteral("parity"), QStringLiteral("record"),
                      QStringLiteral("orders_ingest"), QStringLiteral("--date"), today,
                      QStringLiteral("--onprem-rows"), QStringLiteral("1000"),
                      QStringLiteral("--cloud-rows"), QStringLiteral("700")},
                     store)
                     .exit,
                 0);
        const QJsonObject o = json({QStringLiteral("parity"), QStringLiteral("status"),
                                    QStringLiteral("orders_ingest")},
                                   store)
                                  .first()
                                  .toObject();
        QVERIFY(o[QStringLiteral("rollback_recommended")].toBool());
        QCOMPARE(ctl({QStringLiteral("route"), QStringLiteral("orders_ingest")}, store).out,
                 QStringLiteral("cloud\n"));
        QVERIFY(ctl({QStringLiteral("status"), QStringLiteral("orders_ingest")}, store)
                    .out.contains(QStringLiteral("ROLLBACK RECOMMENDED")));
    }

    void theBacktestReplaysTheDemosNights()
    {
        const QString store = freshStore(QStringLiteral("backtest.sqlite"));
        QCOMPARE(ctl({QStringLiteral("init"), QStringLiteral("--demo")}, store).exit, 0);
        Run r = ctl({QStringLiteral("sla"), QStringLiteral("backtest"), QStringLiteral("--json")},
                    store);
        QCOMPARE(r.exit, 0);
        const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
        // Nine weeks of history: the default 60 nights are all there, each with its 9 reports.
        QCOMPARE(o[QStringLiteral("nights")].toInt(), 60);
        const double coverage = o[QStringLiteral("p95_coverage")].toDouble();
        QVERIFY2(coverage > 0.85 && coverage < 1.0, qPrintable(QString::number(coverage)));
        const QJsonArray reports = o[QStringLiteral("reports")].toArray();
        QCOMPARE(reports.size(), 9);
        int late = 0, misses = 0, falseAlarms = 0;
        for (const QJsonValue &v : reports) {
            const QJsonObject report = v.toObject();
            QCOMPARE(report[QStringLiteral("per_night")].toArray().size(), 60);
            late += report[QStringLiteral("late")].toInt();
            misses += report[QStringLiteral("misses")].toInt();
            falseAlarms += report[QStringLiteral("false_alarms")].toInt();
        }
        QCOMPARE(o[QStringLiteral("late")].toInt(), late);
        QCOMPARE(o[QStringLiteral("misses")].toInt(), misses);
        QCOMPARE(o[QStringLiteral("false_alarms")].toInt(), falseAlarms);
        // The two failed nights of the demo's history make reports late or flag them.
        QVERIFY(late + falseAlarms > 0);
        QVERIFY(
            o[QStringLiteral("calibration")].toString().startsWith(QStringLiteral("p95 held on ")));
        // A range of one night, and bad ranges refused with the flag named.
        r = ctl({QStringLiteral("sla"), QStringLiteral("backtest"), QStringLiteral("--json"),
                 QStringLiteral("--from"), QStringLiteral("2026-11-20"), QStringLiteral("--to"),
                 QStringLiteral("2026-11-20")},
                store);
        QCOMPARE(r.exit, 0);
        QVERIFY(QJsonDocument::fromJson(r.out.toUtf8())[QStringLiteral("nights")].toInt() <= 1);
        r = ctl({QStringLiteral("sla"), QStringLiteral("backtest"), QStringLiteral("--from"),
                 QStringLiteral("2026-11-31")},
                store);
        QCOMPARE(r.exit, 2);
        QVERIFY2(r.err.contains(QStringLiteral("--from: '2026-11-31' is not a date")),
                 qPrintable(r.err));
        r = ctl({QStringLiteral("sla"), QStringLiteral("backtest"), QStringLiteral("--from"),
                 QStringLiteral("2026-11-20"), QStringLiteral("--to"), QStringLiteral("2026-11-10"),
                 QStringLiteral("--step"), QStringLiteral("0")},
                store);
        QCOMPARE(r.exit, 2);
        QVERIFY2(r.err.contains(QStringLiteral("--from 2026-11-20 is after --to 2026-11-10")) &&
                     r.err.contains(QStringLiteral("--step: '0'")),
                 qPrintable(r.err));
    }

    void versionSaysTheReleaseAndTheCommit()
    {
        const Run r = ctl({QStringLiteral("--version")}, QString());
        QCOMPARE(r.exit, 0);
        static const QRegularExpression line(QStringLiteral(
            "^daybreakctl \\d+\\.\\d+\\.\\d+ \\(commit ([0-9a-f]{12}|unknown)\\)\n$"));
        QVERIFY2(line.match(r.out).hasMatch(), qPrintable(r.out));
        QCOMPARE(r.out.trimmed(), versionLine(QStringLiteral("daybreakctl")));
        // The store records which Daybreak last migrated its schema.
        const QString store = freshStore(QStringLiteral("version.sqlite"));
        QCOMPARE(ctl({QStringLiteral("init"), QStringLiteral("--demo")}, store).exit, 0);
        {
            QSqlDatabase db =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("version"));
            db.setDatabaseName(store);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("SELECT value FROM settings WHERE key = 'migrated_by'")));
            QVERIFY(q.next());
            QCOMPARE(q.value(0).toString(), versionLine(QStringLiteral("daybreak")));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("version"));
    }

    void fourEyesFromTheCommandLine()
    {
        const QString store = freshStore(QStringLiteral("foureyes.sqlite"));
        QCOMPARE(ctl({QStringLiteral("init"), QStringLiteral("--inventory"),
                      fixture(QStringLiteral("four_eyes.json"))},
                     store)
                     .exit,
                 0);
        // Alone, the rollback is refused, saying how to ask; break-glass stays one person's call.
        Run r = ctl({QStringLiteral("rollback"), QStringLiteral("ledger_load"),
                     QStringLiteral("--reason"), QStringLiteral("drill")},
                    store);
        QCOMPARE(r.exit, 4);
        QVERIFY2(r.err.contains(QStringLiteral("needs a second operator (approvals: all)")),
                 qPrintable(r.err));
        QCOMPARE(ctl({QStringLiteral("rollback"), QStringLiteral("ledger_load"),
                      QStringLiteral("--reason"), QStringLiteral("drill"),
                      QStringLiteral("--break-glass"), QStringLiteral("--dry-run")},
                     store)
                     .exit,
                 0);
        QCOMPARE(ctl({QStringLiteral("request"), QStringLiteral("rollback"),
                      QStringLiteral("ledger_load")},
                     store)
                     .exit,
                 4); // no reason for the approver
        r = ctl({QStringLiteral("request"), QStringLiteral("rollback"),
                 QStringLiteral("ledger_load"), QStringLiteral("--reason"),
                 QStringLiteral("row counts off"), QStringLiteral("--json")},
                store);
        QCOMPARE(r.exit, 0);
        const qint64 id = QJsonDocument::fromJson(r.out.toUtf8())
                              .object()
                              .value(QStringLiteral("id"))
                              .toInteger();
        QVERIFY2(id > 0, qPrintable(r.out));
        r = ctl({QStringLiteral("requests"), QStringLiteral("--json")}, store);
        const QJsonArray pending = QJsonDocument::fromJson(r.out.toUtf8()).array();
        QCOMPARE(pending.size(), 1);
        QCOMPARE(pending.first()[QStringLiteral("status")].toString(), QStringLiteral("pending"));
        QCOMPARE(pending.first()[QStringLiteral("requester")].toString(), currentOsUser());
        // The requester cannot approve it, nor reject it.
        r = ctl({QStringLiteral("approve"), QString::number(id)}, store);
        QCOMPARE(r.exit, 4);
        QVERIFY2(r.err.contains(QStringLiteral("four eyes")), qPrintable(r.err));
        QCOMPARE(ctl({QStringLiteral("reject"), QString::number(id), QStringLiteral("--reason"),
                      QStringLiteral("no")},
                     store)
                     .exit,
                 4);
        QCOMPARE(ctl({QStringLiteral("approve"), QStringLiteral("99")}, store).exit, 3);
        QCOMPARE(ctl({QStringLiteral("approve"), QStringLiteral("x")}, store).exit, 2);
        QCOMPARE(ctl({QStringLiteral("route"), QStringLiteral("ledger_load")}, store).out.trimmed(),
                 QStringLiteral("cloud"));
        QVERIFY(ctl({QStringLiteral("audit"), QStringLiteral("ledger_load")}, store)
                    .out.contains(QStringLiteral("request #%1: rollback: row counts off").arg(id)));
    }

    void dryRunsCheckEverythingAndWriteNothing()
    {
        const QString store = freshStore(QStringLiteral("dryrun.sqlite"));
        QCOMPARE(ctl({QStringLiteral("init"), QStringLiteral("--inventory"),
                      fixture(QStringLiteral("all_week.json"))},
                     store)
                     .exit,
                 0);
        QCOMPARE(ctl({QStringLiteral("wave"), QStringLiteral("add"), QStringLiteral("--name"),
                      QStringLiteral("W"), QStringLiteral("--date"), QStringLiteral("2030-01-07")},
                     store)
                     .exit,
                 0);
        const QString auditBefore = ctl({QStringLiteral("audit")}, store).out;
        // Would go: exit 0, said as a dry run.
        Run r = ctl({QStringLiteral("dual-run"), QStringLiteral("exec_daily_sales"),
                     QStringLiteral("--dry-run")},
                    store);
        QCOMPARE(r.exit, 0);
        QCOMPARE(r.out.trimmed(),
                 QStringLiteral("dry run: exec_daily_sales would go onprem -> "
                                "dual_run (canonical onprem); nothing was written"));
        // Refused: exit 4 with every reason, as the real command.
        r = ctl({QStringLiteral("cutover"), QStringLiteral("orders_ingest"),
                 QStringLiteral("--dry-run")},
                store);
        QCOMPARE(r.exit, 4);
        QVERIFY2(r.err.contains(QStringLiteral("parity gate is pending")), qPrintable(r.err));
        QCOMPARE(ctl({QStringLiteral("cutover"), QStringLiteral("orders_ingest")}, store).exit, 4);
        r = ctl({QStringLiteral("rollback"), QStringLiteral("orders_ingest"),
                 QStringLiteral("--reason"), QStringLiteral("drill"), QStringLiteral("--dry-run")},
                store);
        QCOMPARE(r.exit, 4); // dual-running, not cut over: nothing to roll back
        QVERIFY2(
            r.err.contains(QStringLiteral("only a cut-over (cloud) pipeline can be rolled back")),
            qPrintable(r.err));
        QCOMPARE(
            ctl({QStringLiteral("decommission"), QStringLiteral("orders_ingest"),
                 QStringLiteral("--dry-run")},
                store)
                .exit,
            ctl({QStringLiteral("decommission"), QStringLiteral("orders_ingest")}, store).exit);
        QCOMPARE(
            ctl({QStringLiteral("cutover"), QStringLiteral("nope"), QStringLiteral("--dry-run")},
                store)
                .exit,
            ctl({QStringLiteral("cutover"), QStringLiteral("nope")}, store).exit);
        // A wave assignment and an import, checked and not written.
        r = ctl({QStringLiteral("wave"), QStringLiteral("assign"), QStringLiteral("orders_ingest"),
                 QStringLiteral("W"), QStringLiteral("--dry-run")},
                store);
        QCOMPARE(r.exit, 0);
        QVERIFY2(r.out.contains(QStringLiteral("dry run: orders_ingest would be planned in wave "
                                               "'W'; nothing was written")),
                 qPrintable(r.out));
        r = ctl({QStringLiteral("wave"), QStringLiteral("assign"),
                 QStringLiteral("exec_daily_sales"), QStringLiteral("W"),
                 QStringLiteral("--dry-run")},
                store);
        QCOMPARE(r.exit, 4); // its upstreams are not in a wave
        r = ctl({QStringLiteral("import"), fixture(QStringLiteral("all_week.json")),
                 QStringLiteral("--dry-run")},
                store);
        QCOMPARE(r.exit, 0);
        QVERIFY2(r.out.contains(QStringLiteral("would be imported (0 new, 0 removed, 4 kept); "
                                               "nothing was written")),
                 qPrintable(r.out));
        QCOMPARE(ctl({QStringLiteral("import"), fixture(QStringLiteral("all_week.json")),
                      QStringLiteral("--dry-run"), QStringLiteral("--apply")},
                     store)
                     .exit,
                 2);
        // Nothing of it in the audit log, the routing or the plan.
        QCOMPARE(ctl({QStringLiteral("audit")}, store).out, auditBefore);
        QCOMPARE(
            ctl({QStringLiteral("route"), QStringLiteral("exec_daily_sales")}, store).out.trimmed(),
            QStringLiteral("onprem"));
        QVERIFY(!ctl({QStringLiteral("wave"), QStringLiteral("list")}, store)
                     .out.contains(QStringLiteral("orders_ingest")));
    }

    void runEventsAndTheSlaProjection()
    {
        const QString store = freshStore(QStringLiteral("sla.sqlite"));
        QCOMPARE(ctl({QStringLiteral("init"), QStringLiteral("--inventory"),
                      fixture(QStringLiteral("all_week.json"))},
                     store)
                     .exit,
                 0);
        const QStringList night{QStringLiteral("--date"), QStringLiteral("2030-01-15")};
        Run r = ctl(QStringList{QStringLiteral("sla"), QStringLiteral("--json")} + night, store);
        QCOMPARE(r.exit, 0);
        QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QJsonObject report = o[QStringLiteral("reports")].toArray().first().toObject();
        QCOMPARE(report[QStringLiteral("id")].toString(), QStringLiteral("exec_daily_sales"));
        QCOMPARE(report[QStringLiteral("deadline")].toString(),
                 QStringLiteral("2030-01-15T06:00:00+01:00"));
        QCOMPARE(report[QStringLiteral("projected_finish")].toString(),
                 QStringLiteral("2030-01-15T03:05:00+01:00"));
        QCOMPARE(report[QStringLiteral("status")].toString(), QStringLiteral("on_track"));
        QCOMPARE(report[QStringLiteral("critical_path")].toArray().toVariantList(),
                 (QVariantList{QStringLiteral("orders_ingest"), QStringLiteral("orders_mart"),
                               QStringLiteral("exec_daily_sales")}));
        QVERIFY(o[QStringLiteral("alerts")].toArray().isEmpty());

        r = ctl({QStringLiteral("run-event"), QStringLiteral("orders_ingest"),
                 QStringLiteral("--side"), QStringLiteral("onprem"), QStringLiteral("--state"),
                 QStringLiteral("started"), QStringLiteral("--at"),
                 QStringLiteral("2030-01-15T01:30:00+01:00")},
                store);
        QCOMPARE(r.exit, 0);
        QVERIFY(r.out.contains(
            QStringLiteral("for 2030-01-15"))); // the business date follows from --at
        QCOMPARE(ctl({QStringLiteral("run-event"), QStringLiteral("orders_ingest"),
                      QStringLiteral("--side"), QStringLiteral("onprem"), QStringLiteral("--state"),
                      QStringLiteral("failed"), QStringLiteral("--at"),
                      QStringLiteral("2030-01-15T01:50:00+01:00")},
                     store)
                     .exit,
                 0);
        r = ctl(QStringList{QStringLiteral("sla"), QStringLiteral("--json")} + night, store);
        QCOMPARE(r.exit, 1); // a cron job pages on this
        report = QJsonDocument::fromJson(r.out.toUtf8())
                     .object()[QStringLiteral("reports")]
                     .toArray()
                     .first()
                     .toObject();
        QCOMPARE(report[QStringLiteral("status")].toString(), QStringLiteral("breached"));
        QVERIFY(report[QStringLiteral("projected_finish")].isNull());

        r = ctl({QStringLiteral("run-event"), QStringLiteral("orders_ingest"),
                 QStringLiteral("--side"), QStringLiteral("mars"), QStringLiteral("--state"),
                 QStringLiteral("exploded")},
                store);
        QCOMPARE(r.exit, 2);
        QVERIFY(r.err.contains(QStringLiteral("--side must be onprem or cloud")));
        QVERIFY(r.err.contains(QStringLiteral("--state must be started")));
        QCOMPARE(
            ctl({QStringLiteral("run-event"), QStringLiteral("ghost"), QStringLiteral("--side"),
                 QStringLiteral("cloud"), QStringLiteral("--state"), QStringLiteral("started")},
                store)
                .exit,
            3);
        QCOMPARE(
            ctl({QStringLiteral("sla"), QStringLiteral("ack"), QStringLiteral("999")}, store).exit,
            3);
    }

    // sla --follow: the night once, then only what moves, as the store's change feed tells;
    // JSON as one object per line; a clean stop on SIGTERM.
    void slaFollowPrintsTheNightThenWhatMoves()
    {
        const QString store = freshStore(QStringLiteral("follow.sqlite"));
        QCOMPARE(ctl({QStringLiteral("init"), QStringLiteral("--inventory"),
                      fixture(QStringLiteral("all_week.json"))},
                     store)
                     .exit,
                 0);
        QCOMPARE(ctl({QStringLiteral("sla"), QStringLiteral("--follow"), QStringLiteral("--date"),
                      QStringLiteral("2030-02-30")},
                     store)
                     .exit,
                 2);
        QProcess follow;
        follow.start(QStringLiteral(DAYBREAKCTL_PATH),
                     {QStringLiteral("sla"), QStringLiteral("--follow"), QStringLiteral("--json"),
                      QStringLiteral("--date"), QStringLiteral("2030-01-15"),
                      QStringLiteral("--store"), store});
        QVERIFY(follow.waitForStarted(30000));
        QList<QJsonObject> looks;
        const auto readLooks = [&] {
            while (follow.canReadLine())
                looks << QJsonDocument::fromJson(follow.readLine()).object();
            return looks.size();
        };
        QTRY_VERIFY_WITH_TIMEOUT(readLooks() >= 1, 30000);
        const QJsonObject first = looks.first();
        QCOMPARE(first[QStringLiteral("date")].toString(), QStringLiteral("2030-01-15"));
        QVERIFY(first[QStringLiteral("new_night")].toBool());
        QCOMPARE(first[QStringLiteral("read_whole_store")].toString(),
                 QStringLiteral("the first read"));
        const QJsonArray reports = first[QStringLiteral("reports")].toArray();
        QVERIFY(!reports.isEmpty());
        QCOMPARE(reports.first().toObject()[QStringLiteral("id")].toString(),
                 QStringLiteral("exec_daily_sales"));
        QCOMPARE(reports.first().toObject()[QStringLiteral("status")].toString(),
                 QStringLiteral("on_track"));

        // A run of another night changes nothing this night shows: no line.
        QCOMPARE(ctl({QStringLiteral("run-event"), QStringLiteral("orders_ingest"),
                      QStringLiteral("--side"), QStringLiteral("onprem"), QStringLiteral("--state"),
                      QStringLiteral("started"), QStringLiteral("--at"),
                      QStringLiteral("2030-01-20T01:30:00+01:00")},
                     store)
                     .exit,
                 0);
        // The feeding run fails: the report is breached, and only what moved is printed.
        QCOMPARE(ctl({QStringLiteral("run-event"), QStringLiteral("orders_ingest"),
                      QStringLiteral("--side"), QStringLiteral("onprem"), QStringLiteral("--state"),
                      QStringLiteral("failed"), QStringLiteral("--at"),
                      QStringLiteral("2030-01-15T01:50:00+01:00")},
                     store)
                     .exit,
                 0);
        QTRY_VERIFY_WITH_TIMEOUT(readLooks() >= 2, 30000);
        const QJsonObject moved = looks.last();
        QVERIFY(!moved[QStringLiteral("new_night")].toBool());
        QVERIFY(moved[QStringLiteral("read_whole_store")].isNull()); // followed, not re-read
        QJsonObject report;
        for (const QJsonValue &r : moved[QStringLiteral("reports")].toArray())
            if (r.toObject()[QStringLiteral("id")].toString() == QLatin1String("exec_daily_sales"))
                report = r.toObject();
        QCOMPARE(report[QStringLiteral("status")].toString(), QStringLiteral("breached"));
        QCOMPARE(moved[QStringLiteral("reports")].toArray().size(), 1);
        QCOMPARE(looks.size(), 2); // the other night's event printed nothing

        ::kill(pid_t(follow.processId()), SIGTERM);
        QVERIFY(follow.waitForFinished(30000));
        QCOMPARE(follow.exitStatus(), QProcess::NormalExit);
        QCOMPARE(follow.exitCode(), 0);
    }

    void storeUnavailable()
    {
        Run r = ctl({QStringLiteral("status")},
                    m_dir.filePath(QStringLiteral("no/such/dir/store.sqlite")));
        QCOMPARE(r.exit, 6);
        QVERIFY(r.err.contains(QStringLiteral("does not exist")));
        const QString junk = m_dir.filePath(QStringLiteral("junk.sqlite"));
        QFile f(junk);
        f.open(QIODevice::WriteOnly);
        f.write(QByteArray(2048, 'z'));
        f.close();
        r = ctl({QStringLiteral("route"), QStringLiteral("x")}, junk);
        QCOMPARE(r.exit, 6);
        QVERIFY(r.err.contains(QStringLiteral("not a SQLite database")));
        QCOMPARE(ctl({QStringLiteral("status")}, QStringLiteral("redis://localhost/0")).exit, 6);
    }

    void storeFromEnvironment()
    {
        const QString store = freshStore(QStringLiteral("env.sqlite"));
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("DAYBREAK_STORE"), store);
        QCOMPARE(ctl({QStringLiteral("init"), QStringLiteral("--demo")}, {}, env).exit, 0);
        QVERIFY(QFile::exists(store));
        QCOMPARE(ctl({QStringLiteral("route"), QStringLiteral("stg_fx_rates")}, {}, env).out,
                 QStringLiteral("cloud\n"));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
