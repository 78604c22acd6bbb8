// PostgreSQL's own backstop (migrations 13 and 14): one rule matrix, run once through
// MigrationService (the C++ rules, which explain) and once by calling daybreak_transition()
// directly as an operator with plain SQL (the database, which only refuses). Each scenario must
// come out the same both ways, so the two rule sets cannot drift apart unnoticed.
#include "ManualClock.h"
#include "MigrationService.h"
#include "PgStore.h"
#include "TestStores.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QTimeZone>

#include <functional>

using namespace daybreak;
using namespace daybreak::TestStores;

namespace {
const QTimeZone kBerlin("Europe/Berlin");
const QDateTime kSaturday(QDate(2026, 12, 5), QTime(10, 0), kBerlin);
const QDateTime kWednesday(QDate(2026, 12, 9), QTime(10, 0), kBerlin);

struct Scenario
{
    QDateTime at = kSaturday;
    MigrationAction action = MigrationAction::Cutover;
    bool breakGlass = false;
    QString reason;
    bool refused = false;
    QString rule; // what the database's refusal names
    std::function<void(Inventory &)> inventory = [](Inventory &) {};
    bool upstreamInCloud = true;
    bool bInCloud = false;
    int cleanNights = 7;
    bool breach = false;
};
} // namespace

// Declared before the data functions use it: a Release build instantiates it there.
Q_DECLARE_METATYPE(Scenario)

class TestDatabaseRules : public QObject
{
    Q_OBJECT

private:
    TestBackend m_backend;

    // A store as the scenario has it, made by its owner; returns its URL for the operator.
    QString storeFor(const Scenario &s)
    {
        const QString url = m_backend.freshUrl();
        std::unique_ptr<SqlStore> owner = m_backend.open(url);
        owner->setUpRoles();
        Pipeline up = pipeline(QStringLiteral("up"), {}, Side::Cloud);
        up.initialState = s.upstreamInCloud ? State::Cloud : State::DualRun;
        Pipeline keep = pipeline(QStringLiteral("keep"), {}, Side::OnPrem); // stays on-prem
        Pipeline b = pipeline(QStringLiteral("b"), {QStringLiteral("up"), QStringLiteral("keep")},
                              Side::Cloud);
        b.initialState = s.bInCloud ? State::Cloud : State::DualRun;
        Inventory inv = inventory({up, keep, b});
        s.inventory(inv);
        seed(*owner, inv);
        if (s.cleanNights > 0)
            recordCleanRuns(*owner, QStringLiteral("b"), QDate(2026, 12, 4), s.cleanNights);
        if (s.breach) {
            ParityResult r;
            r.pipeline = QStringLiteral("b");
            r.businessDate = QDate(2026, 12, 3);
            r.onpremRows = 1000;
            r.cloudRows = 700;
            r.recordedAt = QDateTime(QDate(2026, 12, 4), QTime(7, 0), Qt::UTC);
            r.recordedBy = QStringLiteral("test");
            recordParity(*owner, r);
        }
        m_backend.pinServerClock(url, s.at);
        return url;
    }

    QString asOperator(const QString &url)
    {
        return m_backend.server().url(PgTarget::parse(url).database, QStringLiteral("dbr_olga"),
                                      QStringLiteral("dbr_olga-pw"));
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(m_backend.isPostgres(), "the database's rules are PostgreSQL's");
        QVERIFY2(m_backend.problem().isEmpty(), qPrintable(m_backend.problem()));
        m_backend.open(m_backend.freshUrl())->setUpRoles(); // the cluster's roles
        m_backend.server().createUser(QStringLiteral("dbr_olga"), QStringLiteral("dbr_olga-pw"),
                                      QStringLiteral("daybreak_operator"));
    }

    void theServiceAndTheDatabaseAgree_data()
    {
        QTest::addColumn<Scenario>("scenario");
        Scenario s;
        QTest::newRow("Saturday cutover") << s;
        s = {};
        s.at = kWednesday;
        s.cleanNights = 0; // the gate would fail on Wednesday too; the window is what is named
        s.refused = true;
        s.rule = QStringLiteral("change window");
        QTest::newRow("Wednesday cutover") << s;
        s = {};
        s.inventory = [](Inventory &inv) { inv.changeWindow.blackoutDates = {kSaturday.date()}; };
        s.refused = true;
        s.rule = QStringLiteral("blackout date");
        QTest::newRow("cutover on a blackout Saturday") << s;
        s = {};
        s.upstreamInCloud = false;
        s.refused = true;
        s.rule = QStringLiteral("dependency order: b reads up");
        QTest::newRow("cutover before its upstream") << s;
        s = {};
        s.breach = true;
        s.refused = true;
        s.rule = QStringLiteral("parity gate: b's gate is failed");
        QTest::newRow("cutover over an open breach") << s;
        s = {};
        s.cleanNights = 3;
        s.refused = true;
        s.rule = QStringLiteral("parity gate: b's gate is pending");
        QTest::newRow("cutover with 3 of 7 clean nights") << s;
        s = {};
        s.bInCloud = true;
        s.at = kWednesday;
        s.action = MigrationAction::Rollback;
        s.reason = QStringLiteral("wrong numbers");
        s.refused = true;
        s.rule = QStringLiteral("change window");
        QTest::newRow("Wednesday rollback") << s;
        s.breakGlass = true;
        s.refused = false;
        s.rule.clear();
        QTest::newRow("Wednesday break-glass rollback with a reason") << s;
        s = {};
        s.bInCloud = true;
        s.at = kWednesday;
        s.action = MigrationAction::Decommission;
        s.refused = true;
        s.rule = QStringLiteral("change window");
        QTest::newRow("Wednesday decommission") << s;
        s.at = kSaturday;
        s.refused = false;
        s.rule.clear();
        QTest::newRow("Saturday decommission") << s;
        // Four eyes: the policy's changes need a request another operator approved, which a
        // direct call (no request) never carries.
        s = {};
        s.inventory = [](Inventory &inv) { inv.approvals = ApprovalPolicy::All; };
        s.refused = true;
        s.rule = QStringLiteral("four eyes: approvals are all");
        QTest::newRow("Saturday cutover, approvals: all") << s;
        s.inventory = [](Inventory &inv) { inv.approvals = ApprovalPolicy::HighRisk; };
        s.refused = false; // b is low risk
        s.rule.clear();
        QTest::newRow("Saturday cutover of a low-risk pipeline, approvals: high-risk") << s;
        s.inventory = [](Inventory &inv) {
            inv.approvals = ApprovalPolicy::HighRisk;
            QList<Pipeline> pipelines = inv.pipelines();
            for (Pipeline &p : pipelines)
                if (p.id == QLatin1String("b"))
                    p.risk = Risk::High;
            inv.setPipelines(pipelines);
        };
        s.refused = true;
        s.rule = QStringLiteral("four eyes: approvals are high-risk");
        QTest::newRow("Saturday cutover of a high-risk pipeline, approvals: high-risk") << s;
        s = {};
        s.inventory = [](Inventory &inv) { inv.approvals = ApprovalPolicy::All; };
        s.bInCloud = true;
        s.at = kWednesday;
        s.action = MigrationAction::Rollback;
        s.reason = QStringLiteral("wrong numbers");
        s.breakGlass = true;
        QTest::newRow("Wednesday break-glass rollback, approvals: all") << s;
    }

    void theServiceAndTheDatabaseAgree()
    {
        QFETCH(Scenario, scenario);
        const State from = scenario.bInCloud ? State::Cloud : State::DualRun;
        const State to = targetState(scenario.action);

        // Through the service: the C++ rules decide, and say why.
        {
            const QString url = storeFor(scenario);
            PgStore olga(PgTarget::parse(asOperator(url)), OpenMode::MustExist);
            ManualClock clock(scenario.at);
            MigrationService service(olga, clock, QStringLiteral("dbr_olga"));
            const ActionOutcome o = service.perform(
                scenario.action, {QStringLiteral("b"), scenario.reason, scenario.breakGlass});
            QVERIFY2((o.kind == Outcome::Kind::Refused) == scenario.refused,
                     qPrintable(o.describe()));
            QCOMPARE(olga.routing(QStringLiteral("b"))->state, scenario.refused ? from : to);
        }
        // Around it, with plain SQL: the database decides alone.
        {
            const QString url = storeFor(scenario);
            PgStore olga(PgTarget::parse(asOperator(url)), OpenMode::MustExist);
            QSqlQuery q(olga.database());
            q.prepare(QStringLiteral(
                "SELECT daybreak_transition('b', 1, ?, ?, ?, ?, 'dbr_olga', ?, ?, 0, NULL, NULL)"));
            q.addBindValue(stateName(from));
            q.addBindValue(stateName(to));
            q.addBindValue(actionName(scenario.action));
            q.addBindValue(scenario.at.toUTC().toString(Qt::ISODate));
            q.addBindValue(scenario.reason);
            q.addBindValue(scenario.breakGlass ? 1 : 0);
            const bool moved = q.exec() && q.next() && !q.value(0).isNull();
            QVERIFY2(moved != scenario.refused, qPrintable(q.lastError().text()));
            if (scenario.refused)
                QVERIFY2(q.lastError().text().contains(scenario.rule),
                         qPrintable(q.lastError().text()));
            QCOMPARE(olga.routing(QStringLiteral("b"))->state, scenario.refused ? from : to);
            // Moved or not, every pointer has exactly the audit rows of its moves.
            PgStore owner(PgTarget::parse(url), OpenMode::MustExist);
            QVERIFY2(owner.verify().isEmpty(), qPrintable(owner.verify().join(QLatin1Char(' '))));
        }
    }

    void aStaleVersionMovesNothing()
    {
        const QString url = storeFor({});
        PgStore olga(PgTarget::parse(asOperator(url)), OpenMode::MustExist);
        QSqlQuery q(olga.database());
        QVERIFY(q.exec(QStringLiteral("SELECT daybreak_transition('b', 7, 'dual_run', 'cloud', "
                                      "'cutover', '2026-12-05T09:00:00Z', 'x', '', 0, 0, NULL, "
                                      "NULL)")));
        QVERIFY(q.next());
        QVERIFY(q.value(0).isNull());
        QCOMPARE(olga.routing(QStringLiteral("b"))->state, State::DualRun);
        QVERIFY(olga.auditLog(QStringLiteral("b")).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestDatabaseRules)
#include "tst_databaserules.moc"
