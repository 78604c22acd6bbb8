// What only the PostgreSQL store has: URLs and passwords, roles with grants, LISTEN/NOTIFY, and
// surviving a server that goes away (a killed backend mid-transaction, a stopped server).
#include "CliCalendar.h"
#include "FlipWorkers.h"
#include "InventoryService.h"
#include "MainWindow.h"
#include "ManualClock.h"
#include "MigrationPlan.h"
#include "MigrationService.h"
#include "PgChangeNotifier.h"
#include "PgSchema.h"
#include "PgStore.h"
#include "ScriptedPrompter.h"
#include "SqliteStore.h"
#include "StoreSession.h"
#include "TestStores.h"

#include <QElapsedTimer>
#include <QLabel>
#include <QProcess>
#include <QScopeGuard>
#include <QSettings>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <functional>
#include <utility>

using namespace daybreak;

using namespace TestStores;

namespace {
struct Run
{
    int exit = -1;
    QString out;
    QString err;
};

Transition cutover(const QString &id, qint64 version)
{
    return routingChange(id, State::DualRun, State::Cloud, version);
}

// Runs `hook` inside every write transaction just before COMMIT: a second console (or the
// server) acts at the worst moment.
class HookedStore : public PgStore
{
public:
    explicit HookedStore(const PgTarget &target) : PgStore(target, OpenMode::MustExist) {}
    std::function<void()> hook;

protected:
    void beforeCommit() override
    {
        if (hook)
            std::exchange(hook, nullptr)();
    }
};
} // namespace

class TestPgStore : public QObject
{
    Q_OBJECT

private:
    PgTestServer m_server;
    QTemporaryDir m_dir;
    ManualClock m_clock{QDateTime(QDate(2026, 11, 28), QTime(10, 0), Qt::UTC)};

    Run ctl(const QStringList &args,
            const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment())
    {
        QProcess p;
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(DAYBREAKCTL_PATH), args);
        p.closeWriteChannel();
        if (!p.waitForFinished(60000))
            return {};
        return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
                QString::fromUtf8(p.readAllStandardError())};
    }
    static QProcessEnvironment withPassword(const QString &password)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PGPASSWORD"), password);
        return env;
    }
    // A fresh database with smallInventory() imported by the superuser.
    QString seededDatabase()
    {
        const QString db = m_server.createDatabase();
        PgStore store(PgTarget::parse(m_server.superuserUrl(db)), OpenMode::CreateIfMissing);
        seed(store, smallInventory());
        return db;
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(m_server.available(), qPrintable(m_server.problem()));
        QCoreApplication::setOrganizationName(QStringLiteral("DaybreakTests"));
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope,
                           m_dir.filePath(QStringLiteral("settings")));
        // Login users for the role tests; each holds one Daybreak role (roles come from init).
        const QString db = m_server.createDatabase();
        const Run init =
            ctl({QStringLiteral("init"), QStringLiteral("--store"), m_server.superuserUrl(db)});
        QVERIFY2(init.exit == 0, qPrintable(init.err));
        QVERIFY2(init.out.contains(QStringLiteral("daybreak_operator")), qPrintable(init.out));
        m_server.createUser(QStringLiteral("vera"), QStringLiteral("vera-pw"),
                            QStringLiteral("daybreak_viewer"));
        m_server.createUser(QStringLiteral("paul"), QStringLiteral("paul-pw"),
                            QStringLiteral("daybreak_planner"));
        m_server.createUser(QStringLiteral("olga"), QStringLiteral("olga-pw"),
                            QStringLiteral("daybreak_operator"));
        m_server.createUser(QStringLiteral("nobody"), QStringLiteral("nobody-pw"));
    }
    // A fault test that failed half-way may have left the shared server stopped or frozen; bring
    // it back, so that its failure is the only one reported and not every later test's too.
    void cleanup()
    {
        if (!QTest::currentTestFailed())
            return;
        m_server.thaw();
        m_server.resume();
    }

    void urlsAreCheckedAndPasswordsNeverShown()
    {
        QVERIFY_THROWS_EXCEPTION(StoreError,
                                 PgTarget::parse(QStringLiteral("postgresql://u@host:5432/")));
        QVERIFY_THROWS_EXCEPTION(StoreError, PgTarget::parse(QStringLiteral("mysql://u@host/db")));
        const PgTarget t = PgTarget::parse(
            QStringLiteral("postgresql://ann:secret@db.example:6432/daybreak?sslmode=verify-full"));
        QCOMPARE(t.user, QStringLiteral("ann"));
        QCOMPARE(t.port, 6432);
        QCOMPARE(t.database, QStringLiteral("daybreak"));
        QVERIFY(t.options.contains(QStringLiteral("sslmode=verify-full")));
        QVERIFY(!t.displayUrl().contains(QStringLiteral("secret")));
        QVERIFY(t.displayUrl().contains(QStringLiteral("sslmode=verify-full")));
    }

    void passwordsComeFromPgpassAndPgpassword()
    {
        const QString db = seededDatabase();
        const QString url = m_server.url(db, QStringLiteral("olga"));
        // No password anywhere: the server asks, and we say where to put one.
        QProcessEnvironment none = QProcessEnvironment::systemEnvironment();
        none.remove(QStringLiteral("PGPASSWORD"));
        none.insert(QStringLiteral("PGPASSFILE"), m_dir.filePath(QStringLiteral("no-such-pgpass")));
        Run r = ctl({QStringLiteral("whoami"), QStringLiteral("--store"), url}, none);
        QCOMPARE(r.exit, 6);
        QVERIFY2(r.err.contains(QStringLiteral("PGPASSWORD")) &&
                     r.err.contains(QStringLiteral(".pgpass")),
                 qPrintable(r.err));
        QVERIFY_THROWS_EXCEPTION(
            PasswordRequired,
            PgStore(PgTarget::parse(url + QStringLiteral("?passfile=/nonexistent")),
                    OpenMode::MustExist));
        // PGPASSWORD
        QProcessEnvironment env = none;
        env.insert(QStringLiteral("PGPASSWORD"), QStringLiteral("olga-pw"));
        r = ctl({QStringLiteral("whoami"), QStringLiteral("--store"), url}, env);
        QVERIFY2(r.exit == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("olga (operator)")), qPrintable(r.out));
        // a pgpass file (~/.pgpass, or where PGPASSFILE points)
        const QString passfile = m_dir.filePath(QStringLiteral("pgpass"));
        QFile f(passfile);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QStringLiteral("127.0.0.1:%1:*:olga:olga-pw\n").arg(m_server.port()).toUtf8());
        f.close();
        QVERIFY(f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner));
        env = none;
        env.insert(QStringLiteral("PGPASSFILE"), passfile);
        r = ctl({QStringLiteral("whoami"), QStringLiteral("--store"), url}, env);
        QVERIFY2(r.exit == 0, qPrintable(r.err));
        QVERIFY2(!r.out.contains(QStringLiteral("olga-pw")), qPrintable(r.out));
    }

    void sslmodeIsHonoured()
    {
        // The throwaway server has no TLS: requiring it must fail, disabling it must work.
        const QString db = seededDatabase();
        const Run required =
            ctl({QStringLiteral("whoami"), QStringLiteral("--store"),
                 m_server.url(db, QStringLiteral("olga"), {}, QStringLiteral("sslmode=require"))},
                withPassword(QStringLiteral("olga-pw")));
        QCOMPARE(required.exit, 6);
        QVERIFY2(required.err.contains(QStringLiteral("SSL")), qPrintable(required.err));
        const Run disabled =
            ctl({QStringLiteral("whoami"), QStringLiteral("--store"),
                 m_server.url(db, QStringLiteral("olga"), {}, QStringLiteral("sslmode=disable"))},
                withPassword(QStringLiteral("olga-pw")));
        QVERIFY2(disabled.exit == 0, qPrintable(disabled.err));
    }

    void unreachableServerExitsSix()
    {
        // A port nobody listens on (the test server's port plus one is as good as any: check it).
        const Run r = ctl({QStringLiteral("status"), QStringLiteral("--store"),
                           QStringLiteral("postgresql://postgres@127.0.0.1:1/daybreak")});
        QCOMPARE(r.exit, 6);
        QVERIFY2(r.err.contains(QStringLiteral("store unavailable")) &&
                     r.err.contains(QStringLiteral("127.0.0.1")),
                 qPrintable(r.err));
    }

    void eachRoleDoesWhatItMayAndNoMore()
    {
        const QString db = m_server.createDatabase();
        const Run init = ctl({QStringLiteral("init"), QStringLiteral("--inventory"),
                              QStringLiteral(DAYBREAK_TEST_DATA "/inventories/all_week.json"),
                              QStringLiteral("--store"), m_server.superuserUrl(db)});
        QVERIFY2(init.exit == 0, qPrintable(init.err));
        auto as = [&](const QString &user, QStringList args) {
            args << QStringLiteral("--store") << m_server.url(db, user);
            return ctl(args, withPassword(user + QStringLiteral("-pw")));
        };
        const QStringList dualRun{QStringLiteral("dual-run"), QStringLiteral("exec_daily_sales")};
        const QStringList waveAdd{QStringLiteral("wave"), QStringLiteral("add"),
                                  QStringLiteral("--date"), QStringLiteral("2027-01-09")};
        const QStringList parity{QStringLiteral("parity"),
                                 QStringLiteral("record"),
                                 QStringLiteral("orders_ingest"),
                                 QStringLiteral("--date"),
                                 QStringLiteral("2026-11-20"),
                                 QStringLiteral("--onprem-rows"),
                                 QStringLiteral("10"),
                                 QStringLiteral("--cloud-rows"),
                                 QStringLiteral("10")};

        // viewer: reads, nothing else
        QCOMPARE(as(QStringLiteral("vera"), {QStringLiteral("status")}).exit, 0);
        QCOMPARE(
            as(QStringLiteral("vera"), {QStringLiteral("route"), QStringLiteral("orders_ingest")})
                .out,
            QStringLiteral("onprem\n"));
        Run r = as(QStringLiteral("vera"), dualRun);
        QCOMPARE(r.exit, 4);
        QVERIFY2(r.err.contains(QStringLiteral("needs the operator role")), qPrintable(r.err));
        r = as(QStringLiteral("vera"), waveAdd);
        QCOMPARE(r.exit, 4);
        QVERIFY2(r.err.contains(QStringLiteral("needs the planner role")), qPrintable(r.err));
        r = as(QStringLiteral("vera"), parity);
        QCOMPARE(r.exit, 4);
        QVERIFY2(r.err.contains(QStringLiteral("needs the operator role")), qPrintable(r.err));
        // planner: waves, not routing
        r = as(QStringLiteral("paul"), waveAdd);
        QVERIFY2(r.exit == 0, qPrintable(r.err));
        r = as(QStringLiteral("paul"), dualRun);
        QCOMPARE(r.exit, 4);
        QVERIFY2(r.err.contains(QStringLiteral("operator")) &&
                     r.err.contains(QStringLiteral("paul (planner)")),
                 qPrintable(r.err));
        // operator: routing and parity, not waves
        r = as(QStringLiteral("olga"), dualRun);
        QVERIFY2(r.exit == 0, qPrintable(r.err));
        r = as(QStringLiteral("olga"), parity);
        QVERIFY2(r.exit == 0, qPrintable(r.err));
        r = as(QStringLiteral("olga"), {QStringLiteral("wave"), QStringLiteral("add"),
                                        QStringLiteral("--date"), QStringLiteral("2027-01-16")});
        QCOMPARE(r.exit, 4);
        QVERIFY2(r.err.contains(QStringLiteral("needs the planner role")), qPrintable(r.err));
        // a user with no Daybreak role cannot even read
        r = as(QStringLiteral("nobody"), {QStringLiteral("status")});
        QCOMPARE(r.exit, 6);
        QVERIFY2(r.err.contains(QStringLiteral("permission denied")), qPrintable(r.err));
        // only the owner imports
        r = as(QStringLiteral("olga"),
               {QStringLiteral("import"),
                QStringLiteral(DAYBREAK_TEST_DATA "/inventories/all_week.json")});
        QCOMPARE(r.exit, 4);
        QVERIFY2(r.err.contains(QStringLiteral("needs the owner role")), qPrintable(r.err));

        // The audit names the database user the server saw, whatever the actor claims.
        PgStore owner(PgTarget::parse(m_server.superuserUrl(db)), OpenMode::MustExist);
        const QList<AuditEntry> rows = owner.auditLog(QStringLiteral("exec_daily_sales"));
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.first().dbUser, QStringLiteral("olga"));
        bool paulPlanned = false;
        for (const AuditEntry &a : owner.auditLog())
            paulPlanned = paulPlanned || (a.action == QLatin1String("wave_add") &&
                                          a.dbUser == QLatin1String("paul"));
        QVERIFY(paulPlanned);

        // The grants hold even for a client that goes around Daybreak.
        PgStore viewer(
            PgTarget::parse(m_server.url(db, QStringLiteral("vera"), QStringLiteral("vera-pw"))),
            OpenMode::MustExist);
        QSqlQuery q(viewer.database());
        QVERIFY(!q.exec(QStringLiteral("UPDATE routing SET state = 'cloud'")));
        QVERIFY2(q.lastError().text().contains(QStringLiteral("permission denied")),
                 qPrintable(q.lastError().text()));
        PgStore planner(
            PgTarget::parse(m_server.url(db, QStringLiteral("paul"), QStringLiteral("paul-pw"))),
            OpenMode::MustExist);
        QSqlQuery p(planner.database());
        QVERIFY(!p.exec(QStringLiteral("UPDATE routing SET state = 'cloud'")));
        QVERIFY(p.exec(QStringLiteral("SELECT COUNT(*) FROM waves")));
    }

    // Plain SQL with the operator's role, as someone with psql would try it: the pointer moves
    // only through daybreak_transition(), which writes its audit row in the same statement and
    // names the session user; an audit row of a routing change cannot be written alone.
    void operatorsMoveThePointerOnlyThroughTheServersFunction()
    {
        const QString db = seededDatabase();
        PgStore owner(PgTarget::parse(m_server.superuserUrl(db)), OpenMode::MustExist);
        owner.setUpRoles();
        auto sessionOf = [&](const QString &user) {
            return std::make_unique<PgStore>(
                PgTarget::parse(m_server.url(db, user, user + QStringLiteral("-pw"))),
                OpenMode::MustExist);
        };
        const QString id = QStringLiteral("b");
        QCOMPARE(owner.routing(id)->state, State::OnPrem);
        const QString call = QStringLiteral(
            "SELECT daybreak_transition('b', %1, '%2', '%3', '%4', '2026-12-05T10:00:00Z', "
            "'alice', 'by hand', 0, 0, NULL, NULL)");
        auto olga = sessionOf(QStringLiteral("olga"));
        QSqlQuery q(olga->database());

        QVERIFY(!q.exec(QStringLiteral(
            "UPDATE routing SET state = 'dual_run', version = version + 1 WHERE pipeline = 'b'")));
        QVERIFY2(q.lastError().text().contains(QStringLiteral("permission denied")),
                 qPrintable(q.lastError().text()));
        QVERIFY(!q.exec(QStringLiteral(
            "INSERT INTO audit (at, actor, action, pipeline, from_state, to_state, reason, "
            "break_glass) VALUES ('2026-12-05T10:00:00Z', 'alice', 'cutover', 'b', "
            "'dual_run', 'cloud', 'forged', 0)")));
        QVERIFY2(q.lastError().text().contains(QStringLiteral("permission denied")),
                 qPrintable(q.lastError().text()));
        QVERIFY(!q.exec(call.arg(1).arg(QStringLiteral("onprem"), QStringLiteral("cloud"),
                                        QStringLiteral("cutover"))));
        QVERIFY2(q.lastError().text().contains(QStringLiteral("no Daybreak change is a cutover")),
                 qPrintable(q.lastError().text()));

        // Through the function: one move, one audit row, in the session user's name.
        QVERIFY2(q.exec(call.arg(1).arg(QStringLiteral("onprem"), QStringLiteral("dual_run"),
                                        QStringLiteral("dual_run"))),
                 qPrintable(q.lastError().text()));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toLongLong(), 2);
        // A stale expected version moves nothing and writes nothing.
        QVERIFY(q.exec(call.arg(1).arg(QStringLiteral("onprem"), QStringLiteral("dual_run"),
                                       QStringLiteral("dual_run"))));
        QVERIFY(q.next());
        QVERIFY(q.value(0).isNull());
        const QList<AuditEntry> rows = owner.auditLog(id);
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.first().action, QStringLiteral("dual_run"));
        QCOMPARE(rows.first().actor, QStringLiteral("olga")); // not 'alice'
        QCOMPARE(rows.first().dbUser, QStringLiteral("olga"));
        QCOMPARE(owner.routing(id)->version, 2);
        // No audit row of hers without its change: she holds no INSERT on audit, and were it
        // granted again, the guard would still refuse a row no daybreak function writes.
        QVERIFY(!q.exec(QStringLiteral("INSERT INTO audit (at, actor, action, reason) VALUES "
                                       "('2026-12-05T10:01:00Z', 'alice', 'note', 'hello')")));
        QVERIFY2(q.lastError().text().contains(QStringLiteral("permission denied")),
                 qPrintable(q.lastError().text()));
        m_server.exec({QStringLiteral("GRANT INSERT ON audit TO daybreak_operator")}, db);
        QVERIFY(!q.exec(QStringLiteral("INSERT INTO audit (at, actor, action, reason) VALUES "
                                       "('2026-12-05T10:01:00Z', 'alice', 'channel_add', 'x')")));
        QVERIFY2(q.lastError().text().contains(QStringLiteral("written only with its change")),
                 qPrintable(q.lastError().text()));
        m_server.exec({QStringLiteral("REVOKE INSERT ON audit FROM daybreak_operator")}, db);
        // A channel, a mapping, a change request: only through their functions, each with its
        // audit row, in the session user's name.
        for (const QString &sql :
             {QStringLiteral("INSERT INTO channels (name, kind, target, created_by, created_at) "
                             "VALUES ('c', 'webhook', 'http://127.0.0.1:1/', 'alice', 'x')"),
              QStringLiteral("INSERT INTO lineage_map (namespace, job_pattern, side, created_by, "
                             "created_at) VALUES ('n', 'j', 'cloud', 'alice', 'x')"),
              QStringLiteral("INSERT INTO change_requests (created_at, requester, action, "
                             "pipeline, reason, expires_at, status) VALUES ('x', 'alice', "
                             "'cutover', 'b', 'r', 'y', 'pending')")}) {
            QVERIFY2(!q.exec(sql), qPrintable(sql));
            QVERIFY2(q.lastError().text().contains(QStringLiteral("permission denied")),
                     qPrintable(q.lastError().text()));
        }
        const QDateTime at(QDate(2026, 12, 5), QTime(10, 2), Qt::UTC);
        const AuditEntry addChannel{0,
                                    at,
                                    QStringLiteral("alice"),
                                    QStringLiteral("channel_add"),
                                    {},
                                    {},
                                    QStringLiteral("c"),
                                    {},
                                    false,
                                    false,
                                    {}};
        QCOMPARE(olga->addChannel({QStringLiteral("c"),
                                   QStringLiteral("webhook"),
                                   QStringLiteral("http://127.0.0.1:1/"),
                                   {},
                                   QStringLiteral("alice"),
                                   at},
                                  addChannel),
                 WriteStatus::Written);
        QCOMPARE(owner.channels().first().createdBy, QStringLiteral("olga"));
        QCOMPARE(owner.auditLog().last().action, QStringLiteral("channel_add"));
        QCOMPARE(owner.auditLog().last().actor, QStringLiteral("olga"));
        // The function records only its own action.
        AuditEntry mislabelled = addChannel;
        mislabelled.action = QStringLiteral("cutover");
        QVERIFY_THROWS_EXCEPTION(StoreError, olga->removeChannel(QStringLiteral("c"), mislabelled));
        QCOMPARE(owner.channels().size(), 1);
        ChangeRequest request;
        request.createdAt = at;
        request.requester = QStringLiteral("alice");
        request.action = QStringLiteral("cutover");
        request.pipeline = id;
        request.reason = QStringLiteral("weekend");
        request.expiresAt = at.addSecs(3600);
        const qint64 requestId = olga->addChangeRequest(request, {0,
                                                                  at,
                                                                  QStringLiteral("alice"),
                                                                  QStringLiteral("request"),
                                                                  id,
                                                                  {},
                                                                  {},
                                                                  QStringLiteral("weekend"),
                                                                  false,
                                                                  false,
                                                                  {}});
        QVERIFY(requestId > 0);
        QCOMPARE(owner.changeRequests().first().requester, QStringLiteral("olga"));
        QCOMPARE(owner.auditLog().last().reason,
                 QStringLiteral("request #%1: weekend").arg(requestId));
        // Her own request she cannot reject (four eyes), and nothing is written.
        const int rowsBefore = int(owner.auditLog().size());
        QCOMPARE(olga->rejectChangeRequest(requestId, QStringLiteral("alice"), QStringLiteral("no"),
                                           {0,
                                            at,
                                            QStringLiteral("alice"),
                                            QStringLiteral("reject"),
                                            id,
                                            {},
                                            {},
                                            QStringLiteral("no"),
                                            false,
                                            false,
                                            {}}),
                 WriteStatus::Conflict);
        QCOMPARE(int(owner.auditLog().size()), rowsBefore);
        // Run history: the events and their audit row in one call.
        olga->recordRunHistory({{0, id, QDate(2026, 12, 4), Side::Cloud, RunEvent::Kind::Started,
                                 at, QStringLiteral("alice")}},
                               {0,
                                at,
                                QStringLiteral("alice"),
                                QStringLiteral("run_history"),
                                {},
                                {},
                                {},
                                QStringLiteral("1 event"),
                                false,
                                false,
                                {}});
        QCOMPARE(owner.runEvents(QDate(2026, 12, 4)).last().recordedBy, QStringLiteral("olga"));
        QCOMPARE(owner.auditLog().last().action, QStringLiteral("run_history"));

        // Parity the same way: no direct write, no audit row without its comparison.
        QVERIFY(!q.exec(QStringLiteral(
            "UPDATE parity_results SET resolution = 'accepted' WHERE pipeline = 'a'")));
        QVERIFY2(q.lastError().text().contains(QStringLiteral("permission denied")),
                 qPrintable(q.lastError().text()));
        QVERIFY(!q.exec(QStringLiteral("INSERT INTO audit (at, actor, action, pipeline) VALUES "
                                       "('2026-12-05T10:02:00Z', 'olga', 'parity_accept', 'a')")));
        QVERIFY2(q.lastError().text().contains(QStringLiteral("permission denied")),
                 qPrintable(q.lastError().text()));
        QVERIFY2(q.exec(QStringLiteral(
                     "SELECT daybreak_record_parity('[{\"pipeline\": \"a\", \"business_date\": "
                     "\"2026-12-04\", \"onprem_rows\": 10, \"cloud_rows\": 5, "
                     "\"mismatched_rows\": 0, \"max_rel_diff\": 0, \"recorded_at\": "
                     "\"2026-12-05T07:00:00Z\", \"recorded_by\": \"alice\", \"resolution\": "
                     "\"accepted\"}]', '2026-12-05T07:00:00Z', 'alice', 'parity_record', 'a', "
                     "'by hand')")),
                 qPrintable(q.lastError().text()));
        const ParityResult recorded = owner.snapshot().parity.value(QStringLiteral("a")).last();
        QCOMPARE(recorded.recordedBy, QStringLiteral("olga")); // not 'alice'
        QCOMPARE(recorded.resolution, BreachResolution::None); // recorded, never resolved
        QVERIFY(q.exec(QStringLiteral("SELECT daybreak_resolve_breach('a', '2026-12-04', "
                                      "'accepted', '2026-12-05T07:05:00Z', 'alice', "
                                      "'parity_accept', 'known short load')")));
        QVERIFY(q.next() && q.value(0).toBool());
        QCOMPARE(owner.snapshot().parity.value(QStringLiteral("a")).last().resolvedBy,
                 QStringLiteral("olga"));

        // Viewer and planner may not even call it.
        for (const QString &user : {QStringLiteral("vera"), QStringLiteral("paul")}) {
            auto session = sessionOf(user);
            QSqlQuery other(session->database());
            QVERIFY(!other.exec(call.arg(2).arg(QStringLiteral("dual_run"), QStringLiteral("cloud"),
                                                QStringLiteral("cutover"))));
            QVERIFY2(other.lastError().text().contains(QStringLiteral("permission denied")),
                     qPrintable(user + QLatin1Char(' ') + other.lastError().text()));
        }
        QCOMPARE(owner.routing(id)->version, 2);
        // What `verify` checks holds: every pointer move has its audit row.
        QVERIFY2(owner.verify().isEmpty(), qPrintable(owner.verify().join(QLatin1Char('\n'))));
    }

    void plannersChangeThePlanOnlyThroughTheServersFunction()
    {
        const QString db = seededDatabase();
        PgStore owner(PgTarget::parse(m_server.superuserUrl(db)), OpenMode::MustExist);
        owner.setUpRoles();
        PgStore paul(
            PgTarget::parse(m_server.url(db, QStringLiteral("paul"), QStringLiteral("paul-pw"))),
            OpenMode::MustExist);
        PgStore olga(
            PgTarget::parse(m_server.url(db, QStringLiteral("olga"), QStringLiteral("olga-pw"))),
            OpenMode::MustExist);
        const qint64 version = owner.snapshot().planVersion;

        // No direct write to the plan's tables, and no plan audit row written alone.
        QSqlQuery asPaul(paul.database());
        for (const QString &sql :
             {QStringLiteral("INSERT INTO waves (name, wave_date, window_start, window_end, "
                             "capacity, max_high_risk) VALUES ('W', '2026-12-05', "
                             "'2026-12-05T00:00:00Z', '2026-12-06T23:59:00Z', 5, 1)"),
              QStringLiteral("UPDATE settings SET value = '99' WHERE key = 'plan_version'"),
              QStringLiteral("DELETE FROM wave_members")}) {
            QVERIFY2(!asPaul.exec(sql), qPrintable(sql));
            QVERIFY2(asPaul.lastError().text().contains(QStringLiteral("permission denied")),
                     qPrintable(asPaul.lastError().text()));
        }
        QSqlQuery asOlga(olga.database());
        QVERIFY(!asOlga.exec(
            QStringLiteral("INSERT INTO audit (at, actor, action, pipeline, to_state) VALUES "
                           "('2026-12-05T10:00:00Z', 'alice', 'wave_assign', 'a', 'W')")));
        QVERIFY2(asOlga.lastError().text().contains(QStringLiteral("permission denied")),
                 qPrintable(asOlga.lastError().text()));
        // Only a planner may call the function, and it records only plan changes.
        QVERIFY(!asOlga.exec(
            QStringLiteral("SELECT daybreak_plan_change(-1, '[]', '[]', '[]', '[]')")));
        QVERIFY2(asOlga.lastError().text().contains(QStringLiteral("permission denied")),
                 qPrintable(asOlga.lastError().text()));
        QVERIFY(!asPaul.exec(QStringLiteral(
            "SELECT daybreak_plan_change(-1, '[]', '[]', '[]', '[{\"at\": "
            "\"2026-12-05T10:00:00Z\", \"actor\": \"paul\", \"action\": \"cutover\"}]')")));
        QVERIFY2(asPaul.lastError().text().contains(
                     QStringLiteral("cutover is not a change of the wave plan")),
                 qPrintable(asPaul.lastError().text()));

        // Through Daybreak's own path: one statement, the rows in the session user's name.
        Wave w;
        w.name = QStringLiteral("W");
        w.date = QDate(2026, 12, 5);
        w.windowStart = QDateTime(w.date, QTime(0, 0), Qt::UTC);
        w.windowEnd = QDateTime(w.date.addDays(1), QTime(23, 59), Qt::UTC);
        w.capacity = 5;
        w.maxHighRisk = 1;
        w.members = {QStringLiteral("a"), QStringLiteral("b")};
        PlanChange change;
        change.upsertWaves = {w};
        change.expectedPlanVersion = version;
        const QDateTime at(QDate(2026, 12, 2), QTime(9, 0), Qt::UTC);
        change.audit = {{0,
                         at,
                         QStringLiteral("alice"),
                         QStringLiteral("wave_add"),
                         {},
                         {},
                         QStringLiteral("W"),
                         {},
                         false,
                         false,
                         {}},
                        {0,
                         at,
                         QStringLiteral("alice"),
                         QStringLiteral("wave_assign"),
                         QStringLiteral("a"),
                         {},
                         QStringLiteral("W"),
                         {},
                         false,
                         false,
                         {}}};
        QCOMPARE(paul.applyPlanChange(change), WriteStatus::Written);
        const StoreSnapshot after = owner.snapshot();
        QCOMPARE(after.planVersion, version + 1);
        QVERIFY(after.plan.find(QStringLiteral("W")));
        QCOMPARE(after.plan.find(QStringLiteral("W"))->members, w.members);
        int planRows = 0;
        for (const AuditEntry &a : owner.auditLog())
            if (a.action.startsWith(QLatin1String("wave_"))) {
                ++planRows;
                QCOMPARE(a.actor, QStringLiteral("paul")); // not 'alice'
            }
        QCOMPARE(planRows, 2);
        // The plan's compare-and-set: a stale version writes nothing.
        change.upsertWaves.first().capacity = 9;
        QCOMPARE(paul.applyPlanChange(change), WriteStatus::Conflict);
        QCOMPARE(owner.snapshot().plan.find(QStringLiteral("W"))->capacity, 5);
        QCOMPARE(owner.snapshot().planVersion, version + 1);

        // Alerts: acknowledged only through daybreak_ack_alert(), in the session user's name.
        SlaAlert alert;
        alert.businessDate = QDate(2026, 12, 2);
        alert.report = QStringLiteral("b");
        alert.status = QStringLiteral("at_risk");
        alert.raisedAt = at;
        alert.message = QStringLiteral("b is at risk");
        const QList<SlaAlert> raised = owner.raiseAlerts({alert});
        QCOMPARE(raised.size(), 1);
        const qint64 id = owner.alerts(alert.businessDate).first().id;
        QVERIFY(!asOlga.exec(
            QStringLiteral("UPDATE alerts SET acknowledged_by = 'alice' WHERE id = %1").arg(id)));
        QVERIFY2(asOlga.lastError().text().contains(QStringLiteral("permission denied")),
                 qPrintable(asOlga.lastError().text()));
        QVERIFY(!asOlga.exec(QStringLiteral("INSERT INTO audit (at, actor, action, reason) VALUES "
                                            "('2026-12-05T10:00:00Z', 'olga', 'alert_ack', 'x')")));
        QVERIFY2(asOlga.lastError().text().contains(QStringLiteral("permission denied")),
                 qPrintable(asOlga.lastError().text()));
        AuditEntry ack{
            0,     at, QStringLiteral("alice"), QStringLiteral("alert_ack"), {}, {}, {}, {}, false,
            false, {}};
        QCOMPARE(olga.acknowledgeAlert(id, ack), WriteStatus::Written);
        QCOMPARE(olga.acknowledgeAlert(id, ack), WriteStatus::Conflict); // once
        QCOMPARE(owner.alerts(alert.businessDate).first().acknowledgedBy, QStringLiteral("olga"));
        QCOMPARE(owner.auditLog().last().actor, QStringLiteral("olga"));
        QCOMPARE(owner.auditLog().last().action, QStringLiteral("alert_ack"));
        // The watch still resolves alerts itself, but only those two columns.
        QVERIFY2(asOlga.exec(QStringLiteral("UPDATE alerts SET resolved_at = "
                                            "'2026-12-02T10:00:00Z', resolved_reason = 'x' "
                                            "WHERE id = %1")
                                 .arg(id)),
                 qPrintable(asOlga.lastError().text()));
        QVERIFY(owner.verify().isEmpty());
    }

    void onlyTheOwnerMigratesAnOlderSchema()
    {
        const QString db = seededDatabase();
        const QString olga = m_server.url(db, QStringLiteral("olga"), QStringLiteral("olga-pw"));
        {
            PgStore owner(PgTarget::parse(m_server.superuserUrl(db)), OpenMode::MustExist);
            owner.setUpRoles(); // the grants olga's operator role needs on this database
        }
        // Pretend the store was written by an earlier release (migration 7).
        m_server.exec(
            {QStringLiteral("DROP TRIGGER audit_request ON audit"),
             QStringLiteral("DROP FUNCTION daybreak_audit_request()"),
             QStringLiteral("ALTER TABLE audit DROP COLUMN request_id"),
             QStringLiteral("DROP FUNCTION daybreak_read_receipt"),
             QStringLiteral("DROP TABLE route_readers"),
             QStringLiteral("DELETE FROM settings WHERE key = 'store_id'"),
             QStringLiteral("DROP FUNCTION daybreak_put_parity_setting"),
             QStringLiteral("DROP FUNCTION daybreak_remove_parity_setting"),
             QStringLiteral("DROP FUNCTION daybreak_record_parity_diff"),
             QStringLiteral("DROP TABLE parity_diffs"),
             QStringLiteral("DROP TABLE parity_settings"),
             QStringLiteral("DROP FUNCTION daybreak_feed() CASCADE"), // and its triggers
             QStringLiteral("DROP TABLE change_feed"),
             QStringLiteral("DROP TRIGGER audit_guard ON audit"),
             QStringLiteral("DROP FUNCTION daybreak_audit_guard()"),
             QStringLiteral("DROP FUNCTION daybreak_plan_change"),
             QStringLiteral("DROP FUNCTION daybreak_ack_alert"),
             QStringLiteral("DROP FUNCTION daybreak_add_channel"),
             QStringLiteral("DROP FUNCTION daybreak_remove_channel"),
             QStringLiteral("DROP FUNCTION daybreak_add_lineage_mapping"),
             QStringLiteral("DROP FUNCTION daybreak_remove_lineage_mapping"),
             QStringLiteral("DROP FUNCTION daybreak_add_change_request"),
             QStringLiteral("DROP FUNCTION daybreak_reject_change_request"),
             QStringLiteral("DROP FUNCTION daybreak_record_run_history"),
             QStringLiteral("DROP FUNCTION daybreak_audit_row"),
             QStringLiteral("DROP FUNCTION daybreak_require"),
             QStringLiteral("GRANT INSERT ON audit TO daybreak_planner, daybreak_operator"),
             QStringLiteral("GRANT INSERT, UPDATE, DELETE ON waves, wave_members TO "
                            "daybreak_planner"),
             QStringLiteral("GRANT UPDATE ON settings, alerts TO daybreak_planner"),
             QStringLiteral("GRANT UPDATE ON alerts TO daybreak_operator"),
             QStringLiteral("DROP FUNCTION daybreak_transition"),
             QStringLiteral("DROP FUNCTION daybreak_refusals"),
             QStringLiteral("DROP FUNCTION daybreak_now"),
             QStringLiteral("DROP FUNCTION daybreak_record_parity"),
             QStringLiteral("DROP FUNCTION daybreak_resolve_breach"),
             QStringLiteral("GRANT INSERT, UPDATE ON parity_results TO daybreak_operator"),
             QStringLiteral("GRANT UPDATE ON routing TO daybreak_operator"),
             QStringLiteral("DROP TABLE change_requests"),
             QStringLiteral("DROP FUNCTION daybreak_request_identity()"),
             QStringLiteral("DROP TABLE lineage_map"),
             QStringLiteral("DROP TABLE lineage_unmapped"),
             QStringLiteral("DROP TABLE outbox"),
             QStringLiteral("DROP TABLE leases"),
             QStringLiteral("DROP TABLE channels"),
             QStringLiteral("DROP TABLE watches"),
             QStringLiteral("ALTER TABLE alerts DROP COLUMN resolved_at"),
             QStringLiteral("ALTER TABLE alerts DROP COLUMN resolved_reason"),
             QStringLiteral("ALTER TABLE alerts DROP CONSTRAINT alerts_status_check"),
             QStringLiteral("ALTER TABLE alerts ADD CONSTRAINT alerts_status_check "
                            "CHECK (status IN ('at_risk', 'breached'))"),
             QStringLiteral("UPDATE schema_version SET version = 7")},
            db);
        const Run refused = ctl({QStringLiteral("status"), QStringLiteral("--store"), olga});
        QCOMPARE(refused.exit, 6);
        QVERIFY2(refused.err.contains(QStringLiteral("schema version 7")) &&
                     refused.err.contains(QStringLiteral("its owner must open it")),
                 qPrintable(refused.err));
        // The owner's next open migrates; then the operator gets on with it.
        PgStore owner(PgTarget::parse(m_server.superuserUrl(db)), OpenMode::MustExist);
        QCOMPARE(owner.schemaVersion(), int(pgMigrations().size()));
        const Run after = ctl({QStringLiteral("status"), QStringLiteral("--store"), olga});
        QVERIFY2(after.exit == 0, qPrintable(after.err));
        // The migration moved the grants: the old direct UPDATE is gone, the function is there.
        const Run moved =
            ctl({QStringLiteral("dual-run"), QStringLiteral("b"), QStringLiteral("--store"), olga});
        QVERIFY2(moved.exit == 0, qPrintable(moved.err));
        PgStore asOlga(PgTarget::parse(olga), OpenMode::MustExist);
        QSqlQuery q(asOlga.database());
        QVERIFY(!q.exec(QStringLiteral("UPDATE routing SET version = version + 1")));
        QVERIFY2(q.lastError().text().contains(QStringLiteral("permission denied")),
                 qPrintable(q.lastError().text()));
        QVERIFY(!q.exec(QStringLiteral(
            "INSERT INTO audit (at, actor, action) VALUES ('2030-01-01T00:00:00Z', 'o', 'x')")));
        QVERIFY2(q.lastError().text().contains(QStringLiteral("permission denied")),
                 qPrintable(q.lastError().text()));
        // And the planner's: the plan changes through daybreak_plan_change() alone.
        const QString paul = m_server.url(db, QStringLiteral("paul"), QStringLiteral("paul-pw"));
        const Run planned =
            ctl({QStringLiteral("wave"), QStringLiteral("add"), QStringLiteral("--name"),
                 QStringLiteral("Pilot"), QStringLiteral("--date"), QStringLiteral("2030-01-05"),
                 QStringLiteral("--store"), paul});
        QVERIFY2(planned.exit == 0, qPrintable(planned.err));
        PgStore asPaul(PgTarget::parse(paul), OpenMode::MustExist);
        QSqlQuery p(asPaul.database());
        QVERIFY(!p.exec(QStringLiteral("DELETE FROM waves")));
        QVERIFY2(p.lastError().text().contains(QStringLiteral("permission denied")),
                 qPrintable(p.lastError().text()));
    }

    void notifyReachesListenersWithinASecond()
    {
        const QString db = seededDatabase();
        const PgTarget target = PgTarget::parse(m_server.superuserUrl(db));
        PgChangeNotifier notifier(target);
        QSignalSpy changed(&notifier, &ChangeNotifier::changed);
        notifier.start();
        PgStore writer(target, OpenMode::MustExist);
        QCOMPARE(writer.applyTransition(cutover(QStringLiteral("a"), 1)), WriteStatus::Written);
        QVERIFY(changed.wait(1000));
        QCOMPARE(changed.takeFirst().first().toString(), QStringLiteral("routing"));
        // A rolled-back change announces nothing: NOTIFY is delivered on commit only. Notifications
        // arrive in commit order, so once the run event's arrives, a routing one would have come
        // first.
        changed.clear();
        QCOMPARE(writer.applyTransition(cutover(QStringLiteral("a"), 1)), WriteStatus::Conflict);
        writer.recordRunEvent(
            {0, QStringLiteral("a"), QDate(2026, 11, 27), Side::Cloud, RunEvent::Kind::Started,
             QDateTime(QDate(2026, 11, 28), QTime(1, 0), Qt::UTC), QStringLiteral("t")});
        QTRY_VERIFY_WITH_TIMEOUT(!changed.isEmpty() && changed.last().first().toString() ==
                                                           QLatin1String("run_events"),
                                 1000);
        QCOMPARE(changed.size(), 1);
        // A session follows: its snapshot shows the other console's change.
        StoreSession session(std::make_unique<PgStore>(target, OpenMode::MustExist));
        QSignalSpy refreshed(&session, &StoreSession::changed);
        ParityResult r;
        r.pipeline = QStringLiteral("a");
        r.businessDate = QDate(2026, 11, 27);
        r.onpremRows = r.cloudRows = 10;
        r.recordedAt = QDateTime(QDate(2026, 11, 28), QTime(7, 0), Qt::UTC);
        r.recordedBy = QStringLiteral("t");
        writer.recordParity({r}, {0,
                                  r.recordedAt,
                                  QStringLiteral("t"),
                                  QStringLiteral("parity_record"),
                                  {},
                                  {},
                                  {},
                                  {},
                                  false,
                                  false,
                                  {}});
        QVERIFY(refreshed.wait(1000));
        QCOMPARE(session.snapshot().parity.value(QStringLiteral("a")).size(), 1);
    }

    void killedConnectionMidTransactionWritesNothing()
    {
        const QString db = seededDatabase();
        const PgTarget target = PgTarget::parse(m_server.superuserUrl(db));
        HookedStore store(target);
        const int auditBefore = int(store.auditLog().size());
        store.hook = [&] {
            m_server.exec(
                {QStringLiteral("SELECT pg_terminate_backend(%1)").arg(store.backendPid())});
        };
        try {
            store.applyTransition(cutover(QStringLiteral("a"), 1));
            QFAIL("the commit must fail when the server killed the connection");
        } catch (const StoreError &e) {
            // The client cannot know whether the server got the COMMIT, and says so...
            QVERIFY2(e.message().contains(QStringLiteral("written whole or not at all")),
                     qPrintable(e.message()));
        }
        // ...and here it never did: the backend died before COMMIT, so nothing is there.
        PgStore check(target, OpenMode::MustExist);
        QCOMPARE(check.routing(QStringLiteral("a"))->version, 1);
        QCOMPARE(check.routing(QStringLiteral("a"))->state, State::DualRun);
        QCOMPARE(int(check.auditLog().size()), auditBefore);
        // The same store reconnects by itself on its next use and the change then goes through.
        QCOMPARE(store.routing(QStringLiteral("a"))->version, 1);
        QCOMPARE(store.applyTransition(cutover(QStringLiteral("a"), 1)), WriteStatus::Written);
        QCOMPARE(int(check.auditLog().size()), auditBefore + 1);
    }

    void serverRestartMidRunLeavesEveryFlipWholeOrAbsent()
    {
        const QString db = m_server.createDatabase();
        const QString url = m_server.superuserUrl(db);
        QCOMPARE(ctl({QStringLiteral("init"), QStringLiteral("--inventory"),
                      QStringLiteral(DAYBREAK_TEST_DATA "/inventories/flips.json"),
                      QStringLiteral("--store"), url})
                     .exit,
                 0);
        const QStringList ids{QStringLiteral("flip_a"), QStringLiteral("flip_b")};
        const QString today = CliCalendar::todayIn(QStringLiteral("UTC")).toString(Qt::ISODate);
        for (const QString &id : ids)
            QCOMPARE(ctl({QStringLiteral("parity"), QStringLiteral("record"), id,
                          QStringLiteral("--date"), today, QStringLiteral("--onprem-rows"),
                          QStringLiteral("9"), QStringLiteral("--cloud-rows"), QStringLiteral("9"),
                          QStringLiteral("--store"), url})
                         .exit,
                     0);
        auto flipRows = [&] {
            PgStore store(PgTarget::parse(url), OpenMode::MustExist);
            int n = 0;
            for (const AuditEntry &a : store.auditLog())
                n += a.action == QLatin1String("cutover") || a.action == QLatin1String("rollback")
                         ? 1
                         : 0;
            return n;
        };

        // Four workers flip the two pointers through daybreakctl while the server goes away and
        // comes back.
        FlipWorkers workers(this, QStringLiteral(TST_CONCURRENCY_PATH),
                            QStringLiteral(DAYBREAKCTL_PATH), url, 4, 150, 100);
        QTRY_VERIFY_WITH_TIMEOUT(flipRows() >= 20, 60000);
        QVERIFY(m_server.stop());
        QTRY_VERIFY_WITH_TIMEOUT(workers.output().contains(QStringLiteral(" 6\n")),
                                 30000); // the workers saw the outage
        QVERIFY(m_server.resume());
        QVERIFY(workers.finish());

        const auto [written, unreachableFlips, unreachable, unexpected] = workers.tally();
        QVERIFY2(unexpected.isEmpty(), qPrintable(unexpected.mid(0, 5).join(QLatin1Char('\n'))));
        QVERIFY(unreachable > 0);
        qInfo("restart mid-run: %d flips written, %d calls found the store unreachable",
              written.value(ids[0]) + written.value(ids[1]), unreachable);
        PgStore after(PgTarget::parse(url), OpenMode::MustExist);
        for (const QString &id : ids) {
            const qint64 moved = after.routing(id)->version - 1;
            int rows = 0;
            for (const AuditEntry &a : after.auditLog(id))
                rows +=
                    a.action == QLatin1String("cutover") || a.action == QLatin1String("rollback")
                        ? 1
                        : 0;
            // Nothing half-written: every pointer move has exactly one audit row.
            QCOMPARE(qint64(rows), moved);
            // Every acknowledged flip happened. A flip whose COMMIT reached the server just before
            // it stopped may have happened without its caller hearing so: those exited 6.
            QVERIFY2(moved >= written.value(id) &&
                         moved <= written.value(id) + unreachableFlips.value(id),
                     qPrintable(QStringLiteral("%1: moved %2, written %3, unreachable %4")
                                    .arg(id)
                                    .arg(moved)
                                    .arg(written.value(id))
                                    .arg(unreachableFlips.value(id))));
        }
    }

    void concurrentInitsCreateTheSchemaOnce()
    {
        const QString url = m_server.superuserUrl(m_server.createDatabase());
        QList<QProcess *> inits;
        for (int i = 0; i < 4; ++i) {
            auto *p = new QProcess(this);
            p->start(QStringLiteral(DAYBREAKCTL_PATH),
                     {QStringLiteral("init"), QStringLiteral("--store"), url});
            inits.append(p);
        }
        for (QProcess *p : inits) {
            QVERIFY(p->waitForFinished(60000));
            QVERIFY2(p->exitCode() == 0, p->readAllStandardError().constData());
        }
        PgStore store(PgTarget::parse(url), OpenMode::MustExist);
        QCOMPARE(store.schemaVersion(), int(pgMigrations().size()));
        QSqlQuery q(store.database());
        QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM schema_version")) && q.next());
        QCOMPARE(q.value(0).toInt(), 1);
    }

    void neighboursFlippedAtTheSameMomentCannotBothWin()
    {
        // b reads a. Console 1 cuts b over having seen a in the cloud; at the same moment console 2
        // rolls a back having seen b not yet in the cloud. Each alone is allowed; together they
        // would leave b reading a across sides with nobody warned. One of them must lose.
        const QString db = seededDatabase();
        const PgTarget target = PgTarget::parse(m_server.superuserUrl(db));
        PgStore setup(target, OpenMode::MustExist);
        QCOMPARE(setup.applyTransition(
                     routingChange(QStringLiteral("a"), State::DualRun, State::Cloud, 1)),
                 WriteStatus::Written);
        QCOMPARE(setup.applyTransition(
                     routingChange(QStringLiteral("b"), State::OnPrem, State::DualRun, 1)),
                 WriteStatus::Written);

        HookedStore first(target);
        Transition cutoverB = routingChange(QStringLiteral("b"), State::DualRun, State::Cloud, 2);
        cutoverB.neighbourVersions.insert(QStringLiteral("a"), 2);
        WriteStatus second = WriteStatus::Conflict;
        first.hook = [&] {
            PgStore other(target, OpenMode::MustExist);
            Transition rollbackA =
                routingChange(QStringLiteral("a"), State::Cloud, State::DualRun, 2);
            rollbackA.neighbourVersions.insert(QStringLiteral("b"), 2);
            second = other.applyTransition(rollbackA);
        };
        const WriteStatus firstStatus = first.applyTransition(cutoverB);
        QCOMPARE(second, WriteStatus::Written);       // committed first
        QCOMPARE(firstStatus, WriteStatus::Conflict); // would have been stale: rolled back whole
        QCOMPARE(setup.routing(QStringLiteral("b"))->state, State::DualRun);
        QCOMPARE(setup.routing(QStringLiteral("b"))->version, 2);
        QCOMPARE(setup.routing(QStringLiteral("a"))->state, State::DualRun);
        int bRows = 0;
        for (const AuditEntry &a : setup.auditLog(QStringLiteral("b")))
            bRows += a.to == QLatin1String("cloud") ? 1 : 0;
        QCOMPARE(bRows, 0);
    }

    void hungServerIsCutOffWithinTheLimitAndRecovered()
    {
        // SIGSTOP on every server process: connections stay open and the kernel still
        // acknowledges, so only Daybreak's own limits can end the wait.
        const QString db = seededDatabase();
        const QString url = m_server.superuserUrl(db);
        PgStore store(PgTarget::parse(url), OpenMode::MustExist);
        const State before = store.snapshot().stateOf(QStringLiteral("a"));
        QVERIFY(m_server.freeze());
        const auto thawAtEnd = qScopeGuard([this] { m_server.thaw(); });
        QElapsedTimer clock;
        clock.start();
        try {
            store.snapshot();
            QFAIL("a read from a stopped server returned");
        } catch (const StoreError &e) {
            QVERIFY2(e.message().contains(QStringLiteral("no answer from")) &&
                         e.message().contains(QStringLiteral("within 10 s")),
                     qPrintable(e.message()));
        }
        QVERIFY2(clock.elapsed() < 15000, qPrintable(QString::number(clock.elapsed())));
        // The orchestrator's call before a task: exit 6, never a hang (the limit is 15 s).
        clock.restart();
        const Run down =
            ctl({QStringLiteral("route"), QStringLiteral("a"), QStringLiteral("--store"), url});
        QVERIFY2(clock.elapsed() < 15000, qPrintable(QString::number(clock.elapsed())));
        QCOMPARE(down.exit, 6);
        QVERIFY2(down.err.contains(QStringLiteral("store unavailable")), qPrintable(down.err));
        // Thawed, the same store object answers again by itself.
        QVERIFY(m_server.thaw());
        QCOMPARE(store.snapshot().stateOf(QStringLiteral("a")), before);
        const Run up =
            ctl({QStringLiteral("route"), QStringLiteral("a"), QStringLiteral("--store"), url});
        QCOMPARE(up.exit, 0);
    }

    void hungServerNeverFreezesTheConsole()
    {
        const QString db = seededDatabase();
        const QString url = m_server.superuserUrl(db);
        ScriptedPrompter prompter;
        MainWindow window(m_clock, &prompter);
        QVERIFY(window.openStore(url));
        auto *label = window.findChild<QLabel *>(QStringLiteral("storeLabel"));
        auto *freshness = window.findChild<QLabel *>(QStringLiteral("freshnessLabel"));
        QTRY_VERIFY(freshness->text().startsWith(QStringLiteral("data as of ")));
        QVERIFY(freshness->styleSheet().isEmpty()); // live
        QVERIFY(m_server.freeze());
        const auto thawAtEnd = qScopeGuard([this] { m_server.thaw(); });
        // The event loop keeps answering: a 100 ms timer ticks on schedule the whole time the
        // store hangs, while the console finds out by itself (heartbeat) and says so.
        int ticks = 0;
        QTimer ticker;
        connect(&ticker, &QTimer::timeout, this, [&ticks] { ++ticks; });
        ticker.start(100);
        QElapsedTimer clock;
        clock.start();
        window.session()->reload(); // a read that hangs on the store thread, not here
        // A plan edit meanwhile returns before the store answers, and is answered (refused)
        // once the store is given up on.
        QSignalSpy answers(window.plan(), &MigrationPlan::answered);
        window.plan()->addWave(QStringLiteral("Frozen"), QDate(2026, 12, 5));
        QCOMPARE(window.plan()->pending(), 1);
        QCOMPARE(answers.count(), 0);
        QTRY_VERIFY_WITH_TIMEOUT(label->toolTip().contains(QStringLiteral("Store unreachable")),
                                 10000);
        QTRY_COMPARE_WITH_TIMEOUT(answers.count(), 1, 15000);
        QCOMPARE(window.plan()->lastAnswer().kind, Outcome::Kind::StoreFailure);
        QVERIFY(MigrationPlan::answerText(window.plan()->lastAnswer())
                    .startsWith(QStringLiteral("Not saved: the store is not answering")));
        QCOMPARE(window.plan()->undoStack()->count(), 0);
        // Opening a store on the hung server from the menu: the console goes on, and is told.
        QSignalSpy openFailed(&window, &MainWindow::storeOpenFailed);
        window.openStoreInBackground(url);
        QVERIFY(window.opening());
        QVERIFY(openFailed.wait(15000));
        QVERIFY(!window.opening());
        QCOMPARE(prompter.refusals.size(), 1);
        QCOMPARE(window.session()->location(), PgTarget::parse(url).displayUrl());
        // Then the picture ages in plain sight: amber after 15 s without an answer.
        QTRY_VERIFY_WITH_TIMEOUT(freshness->styleSheet().contains(QStringLiteral("#c77700")),
                                 20000);
        // Not by colour alone: the badge says it in words too.
        QVERIFY2(freshness->text().contains(QStringLiteral(" — aging: no answer for ")),
                 qPrintable(freshness->text()));
        const qint64 elapsed = clock.elapsed();
        QVERIFY2(ticks >= elapsed / 100 * 8 / 10,
                 qPrintable(QStringLiteral("%1 ticks in %2 ms").arg(ticks).arg(elapsed)));
        // Let go, and it comes back by itself, live again.
        QVERIFY(m_server.thaw());
        QTRY_VERIFY_WITH_TIMEOUT(!label->toolTip().contains(QStringLiteral("unreachable")), 40000);
        QTRY_VERIFY_WITH_TIMEOUT(freshness->styleSheet().isEmpty(), 5000);
        QVERIFY(!freshness->text().contains(QStringLiteral("no answer")));
        QVERIFY(!PgStore(PgTarget::parse(url), OpenMode::MustExist)
                     .snapshot()
                     .plan.find(QStringLiteral("Frozen")));
    }

    void switchingAwayFromAHungStoreDoesNotWait()
    {
        const QString db = seededDatabase();
        const QString url = m_server.superuserUrl(db);
        QTemporaryDir dir;
        const QString local = dir.filePath(QStringLiteral("local.sqlite"));
        {
            SqliteStore seeded(local, OpenMode::CreateIfMissing);
            TestStores::seed(seeded, TestStores::smallInventory());
        }
        ScriptedPrompter prompter;
        MainWindow window(m_clock, &prompter);
        QVERIFY(window.openStore(url));
        QVERIFY(m_server.freeze());
        const auto thawAtEnd = qScopeGuard([this] { m_server.thaw(); });
        window.session()->reload(); // a read in flight on the hung server
        QVERIFY(!window.session()->idle());
        // Another store, from the menu: it replaces the hung one while that one still hangs.
        QElapsedTimer clock;
        clock.start();
        QSignalSpy opened(&window, &MainWindow::storeOpened);
        window.openStoreInBackground(local);
        QVERIFY(opened.wait(5000));
        QCOMPARE(window.session()->location(), local);
        // Well within the 10 s after which the watchdog would have cut the hung call off: the
        // old store's thread was left to end by itself, not waited for.
        const qint64 elapsed = clock.elapsed();
        QVERIFY2(elapsed < 8000, qPrintable(QString::number(elapsed)));
    }

    void stoppedServerIsSurvivedByConsoleAndCli()
    {
        const QString db = seededDatabase();
        const QString url = m_server.superuserUrl(db);
        MainWindow window(m_clock);
        QVERIFY(window.openStore(url));
        auto *label = window.findChild<QLabel *>(QStringLiteral("storeLabel"));
        QVERIFY(
            label->toolTip().contains(QStringLiteral("Store: postgresql://postgres@127.0.0.1")));
        QVERIFY(!label->toolTip().contains(m_server.superuserPassword()));
        // The URL carried a password; the recent-stores list (and every other setting) does not.
        QSettings settings;
        QVERIFY(settings.value(QStringLiteral("recentStores"))
                    .toStringList()
                    .join(QLatin1Char(' '))
                    .contains(db));
        for (const QString &key : settings.allKeys())
            QVERIFY2(!settings.value(key).toString().contains(m_server.superuserPassword()) &&
                         !settings.value(key)
                              .toStringList()
                              .join(QLatin1Char(' '))
                              .contains(m_server.superuserPassword()),
                     qPrintable(key));

        QVERIFY(m_server.stop());
        // The console notices by itself (heartbeat) and says so; it keeps retrying with back-off.
        QTRY_VERIFY_WITH_TIMEOUT(label->toolTip().contains(QStringLiteral("Store unreachable")),
                                 10000);
        auto *bar = window.findChild<QLabel *>(QStringLiteral("unreachableBar"));
        QVERIFY(bar->isVisibleTo(&window));
        QVERIFY(bar->text().contains(QStringLiteral("Reconnecting by itself")));
        // Each failed attempt waits twice as long as the one before.
        QSignalSpy attempts(window.session(), &StoreSession::unavailable);
        QList<int> delays{window.session()->retryDelayMs()};
        while (delays.size() < 3) {
            QVERIFY(attempts.wait(20000));
            delays << window.session()->retryDelayMs();
        }
        QCOMPARE(delays.at(1), 2 * delays.at(0));
        QCOMPARE(delays.at(2), 2 * delays.at(1));
        // Meanwhile the orchestrator's call fails cleanly: with --strict always, and without it
        // on a host that holds no last-known routing for this store (its own empty cache).
        const Run strict = ctl({QStringLiteral("route"), QStringLiteral("a"),
                                QStringLiteral("--strict"), QStringLiteral("--store"), url});
        QCOMPARE(strict.exit, 6);
        QVERIFY2(strict.err.contains(QStringLiteral("store unavailable")), qPrintable(strict.err));
        QTemporaryDir emptyCache;
        QProcessEnvironment fresh = QProcessEnvironment::systemEnvironment();
        fresh.insert(QStringLiteral("XDG_CACHE_HOME"), emptyCache.path());
        const Run down = ctl(
            {QStringLiteral("route"), QStringLiteral("a"), QStringLiteral("--store"), url}, fresh);
        QCOMPARE(down.exit, 6);
        QVERIFY2(down.err.contains(QStringLiteral("no answer from the last-known routing")),
                 qPrintable(down.err));

        QVERIFY(m_server.resume());
        QTRY_VERIFY_WITH_TIMEOUT(!label->toolTip().contains(QStringLiteral("unreachable")), 40000);
        QVERIFY(!bar->isVisibleTo(&window));
        // Recovered for real: the orchestrator gets answers and the console follows changes again.
        const Run up =
            ctl({QStringLiteral("route"), QStringLiteral("a"), QStringLiteral("--store"), url});
        QCOMPARE(up.exit, 0);
        QCOMPARE(up.out, QStringLiteral("onprem\n"));
        PgStore direct(PgTarget::parse(url), OpenMode::MustExist);
        QCOMPARE(direct.applyTransition(cutover(QStringLiteral("a"), 1)), WriteStatus::Written);
        QTRY_VERIFY_WITH_TIMEOUT(
            window.session()->snapshot().stateOf(QStringLiteral("a")) == State::Cloud, 2000);
    }
};

QTEST_MAIN(TestPgStore)
#include "tst_pgstore.moc"
