#include "ManualClock.h"
#include "MigrationService.h"
#include "PgStore.h"
#include "SqlStore.h"
#include "TestStores.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QThread>

#include <atomic>
#include <functional>

using namespace daybreak;

// Four eyes on routing changes, against SQLite and PostgreSQL: a request waits for a second
// operator, who is never its requester; approving performs the change with every rule checked
// again; two approvers at once give one change; requests expire when their window closes. On
// PostgreSQL the server itself names who asks and who decides, so plain SQL cannot get around it.
class TestRequests : public QObject
{
    Q_OBJECT

    TestBackend m_backend;
    // Saturday 5 December 2026, 10:00 in Berlin: the weekend window is open until Sun 23:59.
    ManualClock m_clock{QDateTime(QDate(2026, 12, 5), QTime(10, 0), QTimeZone("Europe/Berlin"))};
    QString m_url;
    QString m_database;

    // "up" in the cloud, "b" and "c" dual-running with passed gates, both reading "up"; all high
    // risk, under approvals: all.
    Inventory inventory() const
    {
        Pipeline up = TestStores::pipeline(QStringLiteral("up"), {}, Side::Cloud, Risk::High);
        up.initialState = State::DualRun;
        Pipeline b = TestStores::pipeline(QStringLiteral("b"), {QStringLiteral("up")}, Side::Cloud,
                                          Risk::High);
        b.initialState = State::DualRun;
        Pipeline c = TestStores::pipeline(QStringLiteral("c"), {QStringLiteral("up")}, Side::Cloud,
                                          Risk::Low);
        c.initialState = State::DualRun;
        Inventory inv = TestStores::inventory({up, b, c});
        inv.approvals = ApprovalPolicy::All;
        return inv;
    }

    // A connection as `user` (PostgreSQL: that login; SQLite: the file, the actor named).
    struct Operator
    {
        std::unique_ptr<SqlStore> store;
        std::unique_ptr<MigrationService> service;
    };
    Operator as(const QString &user)
    {
        Operator o;
        o.store = m_backend.isPostgres()
                      ? m_backend.open(
                            m_backend.server().url(m_database, user, user + QStringLiteral("-pw")),
                            OpenMode::MustExist)
                      : m_backend.open(m_url, OpenMode::MustExist);
        o.service = std::make_unique<MigrationService>(*o.store, m_clock, user);
        return o;
    }
    void freshStore()
    {
        m_url = m_backend.freshUrl();
        if (m_backend.isPostgres())
            m_database = PgTarget::parse(m_url).database;
        std::unique_ptr<SqlStore> owner = m_backend.open(m_url);
        owner->setUpRoles();
        m_backend.pinServerClock(m_url, m_clock.now()); // the database's rules read it too
        TestStores::seed(*owner, inventory());
        for (const QString &id : {QStringLiteral("up"), QStringLiteral("b"), QStringLiteral("c")})
            TestStores::recordCleanRuns(*owner, id, QDate(2026, 12, 4), 7);
        QCOMPARE(owner->applyTransition(TestStores::routingChange(QStringLiteral("up"),
                                                                  State::DualRun, State::Cloud, 1)),
                 WriteStatus::Written);
    }
    static QString reasons(const Outcome &o)
    {
        QStringList texts{o.message};
        for (const Reason &r : o.decision.reasons)
            texts << r.text;
        return texts.join(QStringLiteral(" | "));
    }
    int auditCount(Store &store, const QString &action, const QString &pipeline)
    {
        int n = 0;
        for (const AuditEntry &a : store.auditLog(pipeline))
            n += a.action == action ? 1 : 0;
        return n;
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(m_backend.problem().isEmpty(), qPrintable(m_backend.problem()));
        if (m_backend.isPostgres()) {
            // Roles are the cluster's: made once by an owner's init, then the users.
            freshStore();
            PgTestServer &s = m_backend.server();
            s.createUser(QStringLiteral("req_alice"), QStringLiteral("req_alice-pw"),
                         QStringLiteral("daybreak_operator"));
            for (const QString &approver :
                 {QStringLiteral("req_bob"), QStringLiteral("req_carol")}) {
                s.createUser(approver, approver + QStringLiteral("-pw"),
                             QStringLiteral("daybreak_operator"));
                s.exec({QStringLiteral("GRANT daybreak_approver TO %1").arg(approver)});
            }
        }
    }

    void init() { freshStore(); }

    void theRequesterCannotApproveTheirOwnRequest()
    {
        Operator alice = as(QStringLiteral("req_alice"));
        // Without a request the cutover is refused, saying how to ask.
        const ActionOutcome direct =
            alice.service->cutover({QStringLiteral("b"), QStringLiteral("w")});
        QCOMPARE(direct.kind, Outcome::Kind::Refused);
        QVERIFY2(
            reasons(direct).contains(QStringLiteral("needs a second operator (approvals: all)")),
            qPrintable(reasons(direct)));
        const auto asked = alice.service->requestChange(
            MigrationAction::Cutover, {QStringLiteral("b"), QStringLiteral("wave 1")});
        QVERIFY2(asked.ok(), qPrintable(reasons(asked)));
        QVERIFY(asked.requestId > 0);
        const ActionOutcome own = alice.service->approve(asked.requestId);
        QCOMPARE(own.kind, Outcome::Kind::Refused);
        QVERIFY2(reasons(own).contains(QStringLiteral("four eyes")), qPrintable(reasons(own)));
        QCOMPARE(alice.store->routing(QStringLiteral("b"))->state, State::DualRun);

        Operator bob = as(QStringLiteral("req_bob"));
        const ActionOutcome approved = bob.service->approve(asked.requestId);
        QVERIFY2(approved.ok(), qPrintable(reasons(approved)));
        QCOMPARE(bob.store->routing(QStringLiteral("b"))->state, State::Cloud);
        const QList<ChangeRequest> requests = bob.store->changeRequests();
        QCOMPARE(requests.size(), 1);
        QCOMPARE(requests.first().status, ChangeRequest::Status::Approved);
        QCOMPARE(requests.first().requester, QStringLiteral("req_alice"));
        QCOMPARE(requests.first().decidedBy, QStringLiteral("req_bob"));
        // The request, the approval and the change, each with its audit row.
        QCOMPARE(auditCount(*bob.store, QStringLiteral("request"), QStringLiteral("b")), 1);
        QCOMPARE(auditCount(*bob.store, QStringLiteral("approve"), QStringLiteral("b")), 1);
        QCOMPARE(auditCount(*bob.store, QStringLiteral("cutover"), QStringLiteral("b")), 1);
        QVERIFY(bob.store->verify().isEmpty());
        // Decided once.
        const ActionOutcome again =
            as(QStringLiteral("req_carol")).service->approve(asked.requestId);
        QCOMPARE(again.kind, Outcome::Kind::Refused);
        QVERIFY(reasons(again).contains(QStringLiteral("already approved")));
    }

    void anApprovalChecksEveryRuleAgain()
    {
        Operator alice = as(QStringLiteral("req_alice"));
        const auto asked = alice.service->requestChange(
            MigrationAction::Cutover, {QStringLiteral("b"), QStringLiteral("wave 1")});
        QVERIFY2(asked.ok(), qPrintable(reasons(asked)));
        // Meanwhile its upstream goes back on-prem (a break-glass rollback: one person's call).
        const ActionOutcome back =
            alice.service->rollback({QStringLiteral("up"), QStringLiteral("row counts off"), true});
        QVERIFY2(back.ok(), qPrintable(reasons(back)));
        const ActionOutcome approved =
            as(QStringLiteral("req_bob")).service->approve(asked.requestId);
        QCOMPARE(approved.kind, Outcome::Kind::Refused);
        QVERIFY2(reasons(approved).contains(
                     QStringLiteral("b reads up, which is still canonical on-prem")),
                 qPrintable(reasons(approved)));
        QCOMPARE(alice.store->routing(QStringLiteral("b"))->state, State::DualRun);
        QCOMPARE(alice.store->changeRequests().first().status, ChangeRequest::Status::Pending);
    }

    void twoApproversAtOnceGiveOneChange()
    {
        const auto asked = as(QStringLiteral("req_alice"))
                               .service->requestChange(MigrationAction::Cutover,
                                                       {QStringLiteral("b"), QStringLiteral("w")});
        QVERIFY(asked.ok());
        std::atomic<int> ready{0};
        ActionOutcome results[2];
        const QString approvers[2] = {QStringLiteral("req_bob"), QStringLiteral("req_carol")};
        QList<QThread *> threads;
        for (int i = 0; i < 2; ++i)
            threads << QThread::create([&, i] {
                Operator o = as(approvers[i]);
                ++ready;
                while (ready.load() < 2)
                    QThread::yieldCurrentThread();
                results[i] = o.service->approve(asked.requestId);
            });
        for (QThread *t : threads)
            t->start();
        for (QThread *t : threads) {
            QVERIFY(t->wait(60000));
            delete t;
        }
        const int done = (results[0].ok() ? 1 : 0) + (results[1].ok() ? 1 : 0);
        QCOMPARE(done, 1);
        const ActionOutcome &other = results[0].ok() ? results[1] : results[0];
        QVERIFY2(other.kind == Outcome::Kind::Conflict || other.kind == Outcome::Kind::Refused,
                 qPrintable(reasons(other)));
        Operator check = as(QStringLiteral("req_alice"));
        QCOMPARE(auditCount(*check.store, QStringLiteral("cutover"), QStringLiteral("b")), 1);
        QCOMPARE(auditCount(*check.store, QStringLiteral("approve"), QStringLiteral("b")), 1);
        QCOMPARE(check.store->routing(QStringLiteral("b"))->version, qint64(2));
    }

    void requestsExpireWhenTheirWindowCloses()
    {
        const auto asked = as(QStringLiteral("req_alice"))
                               .service->requestChange(MigrationAction::Cutover,
                                                       {QStringLiteral("b"), QStringLiteral("w")});
        QVERIFY(asked.ok());
        const ChangeRequest r = as(QStringLiteral("req_bob")).store->changeRequests().first();
        QCOMPARE(r.expiresAt.toTimeZone(QTimeZone("Europe/Berlin")),
                 QDateTime(QDate(2026, 12, 6), QTime(23, 59), QTimeZone("Europe/Berlin")));
        const QDateTime saved = m_clock.now();
        m_clock.set(QDateTime(QDate(2026, 12, 7), QTime(0, 30), QTimeZone("Europe/Berlin")));
        QCOMPARE(r.statusText(m_clock.now()), QStringLiteral("expired"));
        const ActionOutcome late = as(QStringLiteral("req_bob")).service->approve(asked.requestId);
        m_clock.set(saved);
        QCOMPARE(late.kind, Outcome::Kind::Refused);
        QVERIFY2(reasons(late).contains(QStringLiteral("expired")), qPrintable(reasons(late)));
        QCOMPARE(as(QStringLiteral("req_bob")).store->routing(QStringLiteral("b"))->state,
                 State::DualRun);
    }

    void aRejectionNeedsAReasonAndClosesTheRequest()
    {
        const auto asked = as(QStringLiteral("req_alice"))
                               .service->requestChange(MigrationAction::Cutover,
                                                       {QStringLiteral("b"), QStringLiteral("w")});
        Operator bob = as(QStringLiteral("req_bob"));
        QCOMPARE(bob.service->reject(asked.requestId, QString()).kind, Outcome::Kind::Refused);
        QVERIFY(bob.service->reject(asked.requestId, QStringLiteral("not tonight")).ok());
        const ChangeRequest r = bob.store->changeRequests().first();
        QCOMPARE(r.status, ChangeRequest::Status::Rejected);
        QCOMPARE(r.decisionReason, QStringLiteral("not tonight"));
        QCOMPARE(bob.service->approve(asked.requestId).kind, Outcome::Kind::Refused);
        QCOMPARE(auditCount(*bob.store, QStringLiteral("reject"), QStringLiteral("b")), 1);
    }

    void thePolicySaysWhichChangesNeedTwo()
    {
        // A break-glass rollback stays one person's call, with its reason.
        Operator alice = as(QStringLiteral("req_alice"));
        QVERIFY(alice.service->rollback({QStringLiteral("up"), QStringLiteral("why"), true}).ok());
        // Under high-risk, the low-risk c goes alone and the high-risk b waits.
        std::unique_ptr<SqlStore> owner = m_backend.open(m_url, OpenMode::MustExist);
        Inventory inv = inventory();
        inv.approvals = ApprovalPolicy::HighRisk;
        TestStores::seed(*owner, inv);
        QCOMPARE(owner->snapshot().inventory.approvals, ApprovalPolicy::HighRisk);
        const Decision c = alice.service->check(MigrationAction::Rollback,
                                                {QStringLiteral("c"), QStringLiteral("r")});
        for (const Reason &r : c.reasons)
            QVERIFY2(r.code != Reason::Code::ApprovalNeeded, qPrintable(r.text));
        const Decision b =
            alice.service->check(MigrationAction::Decommission, {QStringLiteral("b"), {}});
        QVERIFY(std::any_of(b.reasons.begin(), b.reasons.end(), [](const Reason &r) {
            return r.code == Reason::Code::ApprovalNeeded;
        }));
        // A request for what needs no second operator is refused, saying so.
        const auto needless = alice.service->requestChange(
            MigrationAction::Rollback, {QStringLiteral("c"), QStringLiteral("r")});
        QCOMPARE(needless.kind, Outcome::Kind::Refused);
        QVERIFY(reasons(needless).contains(QStringLiteral("needs no second operator")));
    }

    void plainSqlCannotDecideItsOwnRequest()
    {
        if (!m_backend.isPostgres()) {
            // SQLite: the table's own CHECK refuses a decider who is the requester.
            std::unique_ptr<SqlStore> s = m_backend.open(m_url, OpenMode::MustExist);
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"),
                                                        QStringLiteral("raw-requests"));
            db.setDatabaseName(m_url);
            QVERIFY(db.open());
            {
                QSqlQuery q(db);
                QVERIFY(q.exec(QStringLiteral(
                    "INSERT INTO change_requests (created_at, requester, action, pipeline, "
                    "reason, expires_at, status) VALUES ('x', 'mallory', 'cutover', 'b', 'r', "
                    "'y', 'pending')")));
                QVERIFY(
                    !q.exec(QStringLiteral("UPDATE change_requests SET status = 'approved', "
                                           "decided_by = 'mallory' WHERE requester = 'mallory'")));
            }
            db.close();
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(QStringLiteral("raw-requests"));
            return;
        }
        // PostgreSQL: the server names the requester and the decider (session_user).
        auto raw = [&](const QString &user, const QString &sql) {
            const QString name = QStringLiteral("raw-%1").arg(user);
            QString error;
            {
                QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
                db.setHostName(QStringLiteral("127.0.0.1"));
                db.setPort(m_backend.server().port());
                db.setDatabaseName(m_database);
                db.setUserName(user);
                db.setPassword(user + QStringLiteral("-pw"));
                if (!db.open())
                    error = db.lastError().text();
                QSqlQuery q(db);
                if (error.isEmpty() && !q.exec(sql))
                    error = q.lastError().text();
                db.close();
            }
            QSqlDatabase::removeDatabase(name);
            return error;
        };
        // No plain write to the requests at all (migration 14): only through the functions.
        const QString direct =
            raw(QStringLiteral("req_alice"),
                QStringLiteral("INSERT INTO change_requests (created_at, requester, action, "
                               "pipeline, reason, expires_at, status) VALUES ('x', "
                               "'req_bob', 'cutover', 'b', 'r', '9999', 'approved')"));
        QVERIFY2(direct.contains(QStringLiteral("permission denied")), qPrintable(direct));
        // Alice asks through the function in Bob's name: the server makes it hers.
        QCOMPARE(raw(QStringLiteral("req_alice"),
                     QStringLiteral("SELECT daybreak_add_change_request('x', 'cutover', 'b', "
                                    "'r', '9999', '{\"at\": \"x\", \"actor\": \"req_bob\", "
                                    "\"action\": \"request\", \"reason\": \"r\"}')")),
                 QString());
        const ChangeRequest r = as(QStringLiteral("req_bob")).store->changeRequests().first();
        QCOMPARE(r.requester, QStringLiteral("req_alice"));
        QCOMPARE(r.status, ChangeRequest::Status::Pending);
        // Alice approves it herself, naming Carol as the decider: refused.
        const QString own = raw(QStringLiteral("req_alice"),
                                QStringLiteral("UPDATE change_requests SET status = 'approved', "
                                               "decided_by = 'req_carol', decided_at = 'x'"));
        QVERIFY2(own.contains(QStringLiteral("permission denied")), qPrintable(own));
        const QString reject = QStringLiteral(
            "SELECT daybreak_reject_change_request(%1, 'no', '{\"at\": \"x\", \"actor\": "
            "\"req_carol\", \"action\": \"reject\", \"reason\": \"no\"}')");
        QCOMPARE(raw(QStringLiteral("req_alice"), reject.arg(r.id)), QString()); // false:
        QCOMPARE(as(QStringLiteral("req_bob")).store->changeRequests().first().status,
                 ChangeRequest::Status::Pending); // her own stays pending
        // Bob may; then it is decided for good.
        QCOMPARE(raw(QStringLiteral("req_bob"), reject.arg(r.id)), QString());
        QCOMPARE(as(QStringLiteral("req_alice")).store->changeRequests().first().decidedBy,
                 QStringLiteral("req_bob"));
        QCOMPARE(raw(QStringLiteral("req_carol"), reject.arg(r.id)), QString()); // false:
        const ChangeRequest decided =
            as(QStringLiteral("req_alice")).store->changeRequests().first();
        QCOMPARE(decided.decidedBy, QStringLiteral("req_bob")); // decided once
        QCOMPARE(decided.status, ChangeRequest::Status::Rejected);
    }
};

QTEST_GUILESS_MAIN(TestRequests)
#include "tst_requests.moc"
