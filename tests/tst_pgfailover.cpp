// A PostgreSQL store through a failover: host lists in the URL, a COMMIT whose answer was lost
// (found by its request id), and a primary killed with kill -9 while 200 flips run against a
// synchronous streaming standby that is then promoted (scripts/pg-pair.sh).
#include "CliCalendar.h"
#include "CommitCutter.h"
#include "CtlRun.h"
#include "Deliverer.h"
#include "FlipWorkers.h"
#include "HttpReceiver.h"
#include "MainWindow.h"
#include "ManualClock.h"
#include "NotifyService.h"
#include "PgStore.h"
#include "SlaService.h"
#include "StoreSession.h"
#include "TestStores.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QLabel>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QScopeGuard>
#include <QSettings>
#include <QSqlQuery>
#include <QTcpServer>
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

CtlRun ctl(const QStringList &args)
{
    return runCtl(QStringLiteral(DAYBREAKCTL_PATH), args);
}

// The pair scripts/pg-pair.sh started for ctest (fixture "postgresql_pair").
struct Pair
{
    QString stateFile = qEnvironmentVariable("DAYBREAK_TEST_PG_PAIR_STATE");
    int primaryPort = 0;
    int standbyPort = 0;
    QString password;

    Pair()
    {
        QFile f(stateFile);
        if (!f.open(QIODevice::ReadOnly))
            return;
        for (const QByteArray &line : f.readAll().split('\n')) {
            const QString l = QString::fromUtf8(line);
            if (l.startsWith(QLatin1String("primary_port=")))
                primaryPort = l.section(QLatin1Char('='), 1).toInt();
            else if (l.startsWith(QLatin1String("standby_port=")))
                standbyPort = l.section(QLatin1Char('='), 1).toInt();
            else if (l.startsWith(QLatin1String("password=")))
                password = l.section(QLatin1Char('='), 1);
        }
    }
    QString url(const QString &db) const
    {
        return QStringLiteral("postgresql://postgres:%1@127.0.0.1:%2,127.0.0.1:%3/%4")
            .arg(password)
            .arg(primaryPort)
            .arg(standbyPort)
            .arg(db);
    }
    bool script(const QString &command) const
    {
        return QProcess::execute(QStringLiteral(DAYBREAK_SOURCE_DIR "/scripts/pg-pair.sh"),
                                 {command, stateFile}) == 0;
    }
};

bool createOnPrimary(const Pair &pair, const QString &db)
{
    return QProcess::execute(QStringLiteral("psql"),
                             {QStringLiteral("postgresql://postgres:%1@127.0.0.1:%2/postgres")
                                  .arg(pair.password)
                                  .arg(pair.primaryPort),
                              QStringLiteral("-qc"),
                              QStringLiteral("CREATE DATABASE %1").arg(db)}) == 0;
}

int flipRows(Store &store)
{
    int n = 0;
    for (const AuditEntry &a : store.auditLog())
        n += a.action == QLatin1String("cutover") || a.action == QLatin1String("rollback") ? 1 : 0;
    return n;
}

} // namespace

class TestPgFailover : public QObject
{
    Q_OBJECT

private:
    PgTestServer m_server;
    Pair m_pair;
    QTemporaryDir m_dir;
    ManualClock m_clock{QDateTime(QDate(2026, 11, 28), QTime(10, 0), Qt::UTC)};

private slots:
    void initTestCase()
    {
        QVERIFY2(m_server.available(), qPrintable(m_server.problem()));
        QVERIFY2(m_pair.primaryPort > 0 && m_pair.standbyPort > 0,
                 qPrintable(QStringLiteral("no pair state in %1").arg(m_pair.stateFile)));
        QCoreApplication::setOrganizationName(QStringLiteral("DaybreakTests"));
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope,
                           m_dir.filePath(QStringLiteral("settings")));
        // This test's own last-known routing, for itself and every daybreakctl it starts.
        qputenv("XDG_CACHE_HOME", m_dir.filePath(QStringLiteral("cache")).toUtf8());
    }

    void hostListsAreReadAsLibpqReadsThem()
    {
        const PgTarget t = PgTarget::parse(
            QStringLiteral("postgresql://olga:pw@db1.example:5433,db2.example,[::1]:6432/daybreak"
                           "?sslmode=require"));
        QCOMPARE(t.hosts.size(), 3);
        QCOMPARE(t.hosts[0].name, QStringLiteral("db1.example"));
        QCOMPARE(t.hosts[0].port, 5433);
        QCOMPARE(t.hosts[1].port, 5432);
        QCOMPARE(t.hosts[2].name, QStringLiteral("::1"));
        QCOMPARE(t.hosts[2].port, 6432);
        QCOMPARE(t.user, QStringLiteral("olga"));
        QCOMPARE(t.password, QStringLiteral("pw"));
        QCOMPARE(t.database, QStringLiteral("daybreak"));
        // Of several hosts, only the one that takes writes, unless the URL says otherwise.
        QVERIFY(t.options.contains(QStringLiteral("target_session_attrs=read-write")));
        QCOMPARE(t.displayUrl(),
                 QStringLiteral("postgresql://olga@db1.example:5433,db2.example:5432,[::1]:6432/"
                                "daybreak?sslmode=require&target_session_attrs=read-write"));
        QCOMPARE(PgTarget::parse(t.displayUrl()).displayUrl(), t.displayUrl());
        const PgTarget any = PgTarget::parse(
            QStringLiteral("postgresql://u@h1,h2/db?target_session_attrs=prefer-standby"));
        QVERIFY(any.options.contains(QStringLiteral("target_session_attrs=prefer-standby")));
        QVERIFY(!any.options.contains(QStringLiteral("target_session_attrs=read-write")));
        // One host: as before.
        const PgTarget one = PgTarget::parse(QStringLiteral("postgresql://u@h1:5439/db"));
        QCOMPARE(one.hosts.size(), 1);
        QCOMPARE(one.displayUrl(), QStringLiteral("postgresql://u@h1:5439/db"));
        // Each bad host is named.
        try {
            PgTarget::parse(QStringLiteral("postgresql://u@h1:5432,,h3/db"));
            QFAIL("an empty host must be refused");
        } catch (const StoreError &e) {
            QVERIFY2(e.message().contains(QStringLiteral("host '' of the host list")),
                     qPrintable(e.message()));
        }
        try {
            PgTarget::parse(QStringLiteral("postgresql://u@h1:5432,h2:99999/db"));
            QFAIL("a port out of range must be refused");
        } catch (const StoreError &e) {
            QVERIFY2(e.message().contains(QStringLiteral("h2:99999")), qPrintable(e.message()));
        }
        QVERIFY_THROWS_EXCEPTION(StoreError,
                                 PgTarget::parse(QStringLiteral("postgresql://u@h1/db?host=h2")));
        // libpq's query form of the list works as before, and also takes only the primary.
        const PgTarget query = PgTarget::parse(
            QStringLiteral("postgresql:///db?host=h1,h2&port=5432,5433&user=alice"));
        QVERIFY(query.options.contains(QStringLiteral("host=h1,h2")));
        QVERIFY(query.options.contains(QStringLiteral("port=5432,5433")));
        QVERIFY(query.options.contains(QStringLiteral("target_session_attrs=read-write")));
        QCOMPARE(query.user, QStringLiteral("alice"));
    }

    void aCommitWhoseAnswerWasLostIsFoundByItsRequestId()
    {
        const QString db = m_server.createDatabase();
        {
            PgStore owner(PgTarget::parse(m_server.superuserUrl(db)), OpenMode::CreateIfMissing);
            seed(owner, smallInventory());
        }
        CommitCutter cutter(quint16(m_server.port()));
        const QString relayed =
            QStringLiteral("postgresql://postgres:%1@127.0.0.1:%2/%3?sslmode=disable")
                .arg(m_server.superuserPassword())
                .arg(cutter.port())
                .arg(db);
        PgStore store(PgTarget::parse(relayed), OpenMode::MustExist);
        const qint64 before = store.routing(QStringLiteral("a"))->version;

        // The server commits; its answer never comes. Reported done, once.
        cutter.arm(CommitCutter::Cut::DropAnswer);
        QCOMPARE(store.applyTransition(
                     routingChange(QStringLiteral("a"), State::DualRun, State::Cloud, before)),
                 WriteStatus::Written);
        QVERIFY(cutter.cutDone());
        PgStore direct(PgTarget::parse(m_server.superuserUrl(db)), OpenMode::MustExist);
        QCOMPARE(direct.routing(QStringLiteral("a"))->version, before + 1);
        QCOMPARE(direct.routing(QStringLiteral("a"))->state, State::Cloud);
        QCOMPARE(flipRows(direct), 1);
        // The audit row carries the request id it was found by.
        m_server.exec({QStringLiteral("DO $$ BEGIN IF (SELECT COUNT(*) FROM audit WHERE action = "
                                      "'cutover' AND request_id IS NOT NULL) <> 1 THEN RAISE "
                                      "EXCEPTION 'no request id'; END IF; END $$")},
                      db);

        // The COMMIT never reaches the server: nothing written, and said so.
        cutter.arm(CommitCutter::Cut::None);
        CommitCutter second(quint16(m_server.port()));
        PgStore other(PgTarget::parse(
                          QStringLiteral("postgresql://postgres:%1@127.0.0.1:%2/%3?sslmode=disable")
                              .arg(m_server.superuserPassword())
                              .arg(second.port())
                              .arg(db)),
                      OpenMode::MustExist);
        second.arm(CommitCutter::Cut::DropCommit);
        try {
            other.applyTransition(
                routingChange(QStringLiteral("a"), State::Cloud, State::DualRun, before + 1));
            QFAIL("a COMMIT that never reached the server must not be reported written");
        } catch (const StoreError &e) {
            QVERIFY2(e.message().contains(QStringLiteral("it was not written")),
                     qPrintable(e.message()));
            QVERIFY2(e.message().contains(QStringLiteral("rollback of a")),
                     qPrintable(e.message()));
        }
        QVERIFY(second.cutDone());
        QCOMPARE(direct.routing(QStringLiteral("a"))->version, before + 1);
        QCOMPARE(flipRows(direct), 1);
    }

    void httpRouteAnswersWhileTheStoreIsFrozen()
    {
        // A real watch process with its listener, on a PostgreSQL store that then hangs (SIGSTOP).
        const QString db = m_server.createDatabase();
        const QString url = m_server.superuserUrl(db);
        {
            PgStore owner(PgTarget::parse(url), OpenMode::CreateIfMissing);
            seed(owner, smallInventory());
        }
        QFile tokens(m_dir.filePath(QStringLiteral("tokens")));
        QVERIFY(tokens.open(QIODevice::WriteOnly));
        tokens.write("k8s-token-0123456789abcdef name=k8s-pod\n");
        tokens.close();
        QVERIFY(tokens.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner));
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const quint16 port = probe.serverPort();
        probe.close();
        QProcess watch;
        watch.start(QStringLiteral(DAYBREAKCTL_PATH),
                    {QStringLiteral("watch"), QStringLiteral("--interval"), QStringLiteral("1"),
                     QStringLiteral("--listen"), QStringLiteral("127.0.0.1:%1").arg(port),
                     QStringLiteral("--token-file"), tokens.fileName(), QStringLiteral("--store"),
                     url});
        QVERIFY(watch.waitForStarted());
        const auto stop = qScopeGuard([&] {
            m_server.thaw();
            watch.terminate();
            watch.waitForFinished(20000);
        });
        QNetworkAccessManager http;
        struct Answer
        {
            int status = 0;
            QByteArray body;
            QByteArray reachable;
        };
        const auto get = [&](const QByteArray &bearer) {
            QNetworkRequest request(
                QUrl(QStringLiteral("http://127.0.0.1:%1/api/v1/route/a").arg(port)));
            if (!bearer.isEmpty())
                request.setRawHeader("Authorization", "Bearer " + bearer);
            QNetworkReply *reply = http.get(request);
            QEventLoop loop;
            connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
            loop.exec();
            reply->deleteLater();
            return Answer{reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
                          reply->readAll(), reply->rawHeader("Daybreak-Store-Reachable")};
        };
        const QByteArray token = "k8s-token-0123456789abcdef";
        QTRY_VERIFY_WITH_TIMEOUT(get(token).status == 200, 30000);
        QVERIFY(m_server.freeze());
        // Past the watch's next run: it is stuck on the frozen server, its listener is not.
        QTRY_VERIFY_WITH_TIMEOUT(get(token).reachable == "false", 30000);
        const Answer frozen = get(token);
        QCOMPARE(frozen.status, 200);
        QVERIFY2(frozen.body.contains("\"side\""), frozen.body.constData());
        QVERIFY2(frozen.body.contains("\"onprem\"") || frozen.body.contains("\"cloud\""),
                 frozen.body.constData());
        // No token, a wrong one, a short one: refused, frozen store or not.
        QCOMPARE(get({}).status, 401);
        QCOMPARE(get("k8s-token-0123456789abcdeX").status, 401);
        QCOMPARE(get("k8s").status, 401);
        QVERIFY(m_server.thaw());
        QTRY_VERIFY_WITH_TIMEOUT(get(token).reachable == "true", 30000);
        QCOMPARE(watch.state(), QProcess::Running);
    }

    void killedPrimaryMidRunLosesNoFlip()
    {
        // The store, on the pair, through its host list.
        const QString db = QStringLiteral("failover");
        QVERIFY(createOnPrimary(m_pair, db));
        const QString url = m_pair.url(db);
        const CtlRun init = ctl({QStringLiteral("init"), QStringLiteral("--inventory"),
                                 QStringLiteral(DAYBREAK_TEST_DATA "/inventories/flips.json"),
                                 QStringLiteral("--store"), url});
        QVERIFY2(init.exit == 0, qPrintable(init.err));
        const QStringList ids{QStringLiteral("flip_a"), QStringLiteral("flip_b")};
        const QString today = CliCalendar::todayIn(QStringLiteral("UTC")).toString(Qt::ISODate);
        for (const QString &id : ids)
            QCOMPARE(ctl({QStringLiteral("parity"), QStringLiteral("record"), id,
                          QStringLiteral("--date"), today, QStringLiteral("--onprem-rows"),
                          QStringLiteral("9"), QStringLiteral("--cloud-rows"), QStringLiteral("9"),
                          QStringLiteral("--store"), url})
                         .exit,
                     0);
        QVERIFY(ctl({QStringLiteral("route"), ids[0], QStringLiteral("--store"), url}).exit == 0);

        // A console and a watch follow it.
        MainWindow window(m_clock);
        QVERIFY(window.openStore(url));
        QProcess watch;
        watch.start(QStringLiteral(DAYBREAKCTL_PATH),
                    {QStringLiteral("watch"), QStringLiteral("--interval"), QStringLiteral("1"),
                     QStringLiteral("--lease"), QStringLiteral("5"), QStringLiteral("--store"),
                     url});
        QVERIFY(watch.waitForStarted());
        const auto cleanupWatch = qScopeGuard([&] {
            watch.kill();
            watch.waitForFinished();
        });

        // Paging through the failover: a store of its own on the pair, one alert paged before.
        QVERIFY(createOnPrimary(m_pair, QStringLiteral("paging")));
        PgStore paging(PgTarget::parse(m_pair.url(QStringLiteral("paging"))),
                       OpenMode::CreateIfMissing);
        seed(paging, watchedNight());
        ManualClock night(berlin(0, 30));
        Receiver hook;
        QVERIFY(NotifyService(paging, night, QStringLiteral("ops"))
                    .addChannel({QStringLiteral("hook"),
                                 QStringLiteral("webhook"),
                                 hook.url(QStringLiteral("in")),
                                 {},
                                 {},
                                 {}})
                    .ok());
        {
            SlaService sla(paging, night, QStringLiteral("airflow"));
            for (const auto &[kind, at] : {std::pair{RunEvent::Kind::Started, berlin(0, 30)},
                                           std::pair{RunEvent::Kind::Succeeded, berlin(0, 40)}}) {
                RunEvent e;
                e.pipeline = QStringLiteral("other");
                e.kind = kind;
                e.at = at;
                QVERIFY(sla.recordEvent(e).ok());
            }
            night.set(berlin(1, 16)); // src is late
            QCOMPARE(sla.evaluate(kNight).raisedNow.size(), 1);
        }
        const qint64 alert = paging.alerts(kNight).first().id;
        QString pagingLog;
        QTextStream pagingText(&pagingLog);
        Deliverer watchA(paging, night, QStringLiteral("watch-a"), pagingText);
        QCOMPARE(watchA.round(kNight), 1);
        QCOMPARE(hook.m_requests.size(), 1);

        // Four workers, 50 flips each, through daybreakctl.
        FlipWorkers workers(this, QStringLiteral(TST_CONCURRENCY_PATH),
                            QStringLiteral(DAYBREAKCTL_PATH), url, 4, 50, 200);
        {
            PgStore primary(PgTarget::parse(url), OpenMode::MustExist);
            QTRY_VERIFY_WITH_TIMEOUT(flipRows(primary) >= 20, 120000);
        }
        auto *storeLabel = window.findChild<QLabel *>(QStringLiteral("storeLabel"));
        QVERIFY(storeLabel);
        QVERIFY(!storeLabel->toolTip().contains(QStringLiteral("Store unreachable")));
        QVERIFY(m_pair.script(QStringLiteral("kill-primary")));
        // The console shows the outage while it lasts (the red bar), reading the store by itself.
        window.session()->reload();
        QTRY_VERIFY_WITH_TIMEOUT(
            storeLabel->toolTip().contains(QStringLiteral("Store unreachable")), 20000);
        // No primary at all: the orchestrator still gets its answer, from the last-known routing.
        const CtlRun meanwhile =
            ctl({QStringLiteral("route"), ids[0], QStringLiteral("--store"), url});
        QVERIFY2(meanwhile.exit == 0, qPrintable(meanwhile.err));
        QVERIFY(meanwhile.out == QLatin1String("onprem\n") ||
                meanwhile.out == QLatin1String("cloud\n"));
        QVERIFY2(meanwhile.err.contains(QStringLiteral("from last-known routing")),
                 qPrintable(meanwhile.err));
        QVERIFY(m_pair.script(QStringLiteral("promote")));
        QElapsedTimer sincePromotion;
        sincePromotion.start();

        QVERIFY(workers.finish());

        // Every flip that answered exit 0 is there with one audit row; none that failed is.
        const FlipWorkers::Tally tally = workers.tally();
        const QHash<QString, int> &written = tally.written;
        const int unreachable = tally.unreachable;
        const QStringList &unexpected = tally.unexpected;
        QVERIFY2(unexpected.isEmpty(), qPrintable(unexpected.mid(0, 5).join(QLatin1Char('\n'))));
        PgStore after(PgTarget::parse(url), OpenMode::MustExist);
        for (const QString &id : ids) {
            int rows = 0;
            for (const AuditEntry &a : after.auditLog(id))
                rows +=
                    a.action == QLatin1String("cutover") || a.action == QLatin1String("rollback")
                        ? 1
                        : 0;
            QCOMPARE(rows, written.value(id));
            QCOMPARE(after.routing(id)->version - 1, qint64(rows));
        }
        qInfo("failover mid-run: %d flips answered exit 0, %d calls found no primary",
              written.value(ids[0]) + written.value(ids[1]), unreachable);

        // The console follows the new primary by itself: a change there reaches it within 10 s.
        const RoutingPointer now = *after.routing(ids[0]);
        const State next = now.state == State::Cloud ? State::DualRun : State::Cloud;
        QElapsedTimer sinceChange;
        sinceChange.start();
        QCOMPARE(after.applyTransition(routingChange(ids[0], now.state, next, now.version)),
                 WriteStatus::Written);
        QTRY_VERIFY_WITH_TIMEOUT(
            window.session()->snapshot().routing.value(ids[0]).version == now.version + 1, 10000);
        // and the red bar is gone with the outage.
        QTRY_VERIFY_WITH_TIMEOUT(
            !storeLabel->toolTip().contains(QStringLiteral("Store unreachable")), 10000);
        qInfo("the console showed the new primary's change %lld ms after it committed (%lld ms "
              "after the promotion)",
              sinceChange.elapsed(), sincePromotion.elapsed());
        // The lease and the outbox came through with the store: the alert is acknowledged on the
        // new primary and its resolve goes out once, by the watch that held the lease before.
        night.set(berlin(1, 16).addSecs(30));
        // Its connection died with the old primary: the first try says so, the next reconnects.
        Outcome acked;
        QString tries;
        for (int attempt = 0; attempt < 3; ++attempt) {
            acked = SlaService(paging, night, QStringLiteral("alice")).acknowledge(alert);
            tries += acked.describe() + QLatin1Char('\n');
            if (acked.ok())
                break;
        }
        QVERIFY2(acked.ok(), qPrintable(tries));
        PgStore second(PgTarget::parse(m_pair.url(QStringLiteral("paging"))), OpenMode::MustExist);
        Deliverer watchB(second, night, QStringLiteral("watch-b"), pagingText);
        const auto rounds = [&] {
            try {
                watchA.round(kNight);
            } catch (const StoreError &) { // its connection died with the old primary
            }
            watchB.round(kNight);
            return hook.m_requests.size();
        };
        QTRY_COMPARE_WITH_TIMEOUT(rounds(), qsizetype(2), 20000);
        QVERIFY(watchA.holdsLease() && !watchB.holdsLease());
        QCOMPARE(rounds(), qsizetype(2)); // nothing twice, whoever runs
        QCOMPARE(hook.m_requests.first().body.value(QStringLiteral("event")).toString(),
                 QStringLiteral("trigger"));
        QCOMPARE(hook.m_requests.last().body.value(QStringLiteral("event")).toString(),
                 QStringLiteral("resolve"));

        // The watch beats on the new primary.
        const auto lastBeat = [&] {
            QDateTime latest;
            for (const WatchBeat &b : after.watches())
                if (!latest.isValid() || b.lastRan > latest)
                    latest = b.lastRan;
            return latest;
        };
        const QDateTime beatAfterRun = lastBeat();
        QVERIFY(beatAfterRun.isValid());
        QTRY_VERIFY_WITH_TIMEOUT(lastBeat() > beatAfterRun, 15000);
        QCOMPARE(watch.state(), QProcess::Running);
    }
};

QTEST_MAIN(TestPgFailover)
#include "tst_pgfailover.moc"
