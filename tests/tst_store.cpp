// The store's guarantees, run twice by ctest: against a SQLite file and against PostgreSQL.
#include "MigrationService.h"
#include "PgSchema.h"
#include "SqliteSchema.h"
#include "TestStores.h"

#include "ManualClock.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace daybreak;

using namespace TestStores;

class TestStore : public QObject
{
    Q_OBJECT

private:
    TestBackend m_backend;

    static int auditCount(Store &store) { return int(store.auditLog().size()); }
    std::unique_ptr<SqlStore> seeded(QString *url = nullptr)
    {
        const QString u = m_backend.freshUrl();
        if (url)
            *url = u;
        auto store = m_backend.open(u);
        seed(*store, smallInventory());
        return store;
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(m_backend.problem().isEmpty(), qPrintable(m_backend.problem()));
        qInfo("back end: %s", qPrintable(m_backend.name()));
    }

    void bothBackEndsKnowTheSameSchemaVersions()
    {
        QCOMPARE(pgMigrations().size(), sqliteMigrations().size());
        auto store = m_backend.open(m_backend.freshUrl());
        QCOMPARE(store->schemaVersion(), int(sqliteMigrations().size()));
        QVERIFY(store->isEmpty());
        QVERIFY(store->access().can(Role::Owner));
    }

    void refusesNewerSchema()
    {
        const QString url = m_backend.freshUrl();
        {
            auto store = m_backend.open(url);
            QSqlQuery q(store->database());
            QVERIFY(q.exec(QStringLiteral("UPDATE schema_version SET version = 99")));
        }
        try {
            m_backend.open(url, OpenMode::MustExist);
            QFAIL("a newer schema must be refused");
        } catch (const StoreError &e) {
            QVERIFY2(e.message().contains(
                         QStringLiteral("schema version 99, newer than this Daybreak understands")),
                     qPrintable(e.message()));
        }
    }

    void refusesAMissingStore()
    {
        // SQLite: a file that is not there; PostgreSQL: a database without the Daybreak schema.
        QString url;
        if (m_backend.isPostgres())
            url = m_backend.server().superuserUrl(m_backend.server().createDatabase());
        else
            url = m_backend.freshUrl();
        try {
            m_backend.open(url, OpenMode::MustExist);
            QFAIL("a store that was never initialised must be refused");
        } catch (const StoreError &e) {
            QVERIFY2(e.message().contains(QStringLiteral("daybreakctl init")),
                     qPrintable(e.message()));
        }
    }

    void inventoryRoundTrips()
    {
        auto store = seeded();
        const StoreSnapshot s = store->snapshot();
        QCOMPARE(s.inventory.size(), 3);
        QCOMPARE(s.inventory.timezone, QStringLiteral("Europe/Berlin"));
        const Pipeline *a = s.inventory.find(QStringLiteral("a"));
        QCOMPARE(a->onpremP95Minutes, std::optional<int>(45));
        QCOMPARE(a->sla, std::optional<QTime>(QTime(6, 0)));
        QCOMPARE(a->parityTolerance, 0.000123456789); // double precision on both back ends
        QCOMPARE(a->tags, (QStringList{QStringLiteral("x"), QStringLiteral("y")}));
        QCOMPARE(s.inventory.find(QStringLiteral("b"))->upstreams,
                 QStringList{QStringLiteral("a")});
        QCOMPARE(s.inventory.find(QStringLiteral("keep"))->target, Side::OnPrem);
        QCOMPARE(s.stateOf(QStringLiteral("a")), State::DualRun);
        QCOMPARE(s.routing.value(QStringLiteral("a")).version, 1);
        QCOMPARE(auditCount(*store), 1);
    }

    void reimportKeepsRoutingState()
    {
        auto store = seeded();
        QCOMPARE(store->applyTransition(
                     routingChange(QStringLiteral("a"), State::DualRun, State::Cloud, 1)),
                 WriteStatus::Written);
        Inventory again = smallInventory();
        again.setPipelines({again.pipelines().at(0), again.pipelines().at(1)}); // "keep" dropped
        seed(*store, again);
        const StoreSnapshot s = store->snapshot();
        QCOMPARE(s.stateOf(QStringLiteral("a")), State::Cloud);
        QCOMPARE(s.routing.value(QStringLiteral("a")).version, 2);
        QVERIFY(!s.inventory.contains(QStringLiteral("keep")));
    }

    void compareAndSetRefusesStaleWriterAcrossConnections()
    {
        QString url;
        auto first = seeded(&url);
        auto second = m_backend.open(url, OpenMode::MustExist);
        // Both consoles read version 1; the second one writes first.
        const qint64 seenByFirst = first->routing(QStringLiteral("a"))->version;
        const qint64 seenBySecond = second->routing(QStringLiteral("a"))->version;
        QCOMPARE(second->applyTransition(routingChange(QStringLiteral("a"), State::DualRun,
                                                       State::Cloud, seenBySecond)),
                 WriteStatus::Written);
        const int auditBefore = auditCount(*first);
        QCOMPARE(first->applyTransition(
                     routingChange(QStringLiteral("a"), State::DualRun, State::Cloud, seenByFirst)),
                 WriteStatus::Conflict);
        QCOMPARE(auditCount(*first), auditBefore);
        QCOMPARE(first->routing(QStringLiteral("a"))->version, 2);
        QCOMPARE(first->routing(QStringLiteral("a"))->state, State::Cloud);
    }

    void aNeighbourThatMovedMakesTheChangeAConflict()
    {
        QString url;
        auto first = seeded(&url);
        auto second = m_backend.open(url, OpenMode::MustExist);
        // The rules for a's cutover looked at b (its reader) at version 1; then another console
        // moved b.
        Transition t = routingChange(QStringLiteral("a"), State::DualRun, State::Cloud, 1);
        t.neighbourVersions.insert(QStringLiteral("b"), 1);
        QCOMPARE(second->applyTransition(
                     routingChange(QStringLiteral("b"), State::OnPrem, State::DualRun, 1)),
                 WriteStatus::Written);
        const int auditBefore = auditCount(*first);
        QCOMPARE(first->applyTransition(t), WriteStatus::Conflict);
        QCOMPARE(first->routing(QStringLiteral("a"))->version, 1);
        QCOMPARE(auditCount(*first), auditBefore);
        // Decided again on what is there now, it goes through.
        t.neighbourVersions[QStringLiteral("b")] = 2;
        QCOMPARE(first->applyTransition(t), WriteStatus::Written);
        QCOMPARE(first->routing(QStringLiteral("a"))->state, State::Cloud);
    }

    void auditRowsRefuseUpdateAndDelete()
    {
        auto store = seeded();
        QSqlQuery q(store->database());
        QVERIFY(!q.exec(QStringLiteral("UPDATE audit SET actor = 'mallory'")));
        QVERIFY2(q.lastError().text().contains(QStringLiteral("append-only")),
                 qPrintable(q.lastError().text()));
        QVERIFY(!q.exec(QStringLiteral("DELETE FROM audit")));
        QVERIFY(q.lastError().text().contains(QStringLiteral("append-only")));
        // Nor through the conflict path: SQLite's REPLACE deletes the old row without the DELETE
        // trigger; PostgreSQL's ON CONFLICT DO UPDATE is an UPDATE.
        const bool sqlite = store->database().driverName() == QLatin1String("QSQLITE");
        QVERIFY(!q.exec(sqlite
                            ? QStringLiteral("INSERT OR REPLACE INTO audit (id, at, actor, action, "
                                             "break_glass) SELECT id, at, 'mallory', action, 0 "
                                             "FROM audit")
                            : QStringLiteral("INSERT INTO audit (id, at, actor, action, "
                                             "break_glass) SELECT id, at, 'mallory', action, 0 "
                                             "FROM audit ON CONFLICT (id) DO UPDATE SET actor = "
                                             "excluded.actor")));
        QVERIFY2(q.lastError().text().contains(QStringLiteral("append-only")),
                 qPrintable(q.lastError().text()));
        QCOMPARE(auditCount(*store), 1);
        QCOMPARE(store->auditLog().first().actor, QStringLiteral("test"));
    }

    void verifyFindsWhatPlainSqlDidBehindTheAuditLog()
    {
        // Once went wrong: dropped triggers and a pointer flipped without its audit row went
        // unnoticed.
        auto store = seeded();
        QCOMPARE(store->applyTransition(
                     routingChange(QStringLiteral("a"), State::DualRun, State::Cloud, 1)),
                 WriteStatus::Written);
        QCOMPARE(store->verify(), QStringList()); // a change made through Daybreak holds
        const bool sqlite = store->database().driverName() == QLatin1String("QSQLITE");
        QSqlQuery q(store->database());
        QVERIFY2(q.exec(sqlite
                            ? QStringLiteral("DROP TRIGGER audit_no_delete")
                            : QStringLiteral("ALTER TABLE audit DISABLE TRIGGER audit_no_update")),
                 qPrintable(q.lastError().text()));
        QVERIFY(q.exec(QStringLiteral(
            "UPDATE routing SET state = 'onprem', version = version + 1 WHERE pipeline = 'a'")));
        const QStringList findings = store->verify();
        QCOMPARE(findings.size(), 3);
        QVERIFY2(findings.at(0).startsWith(sqlite ? QStringLiteral("trigger audit_no_delete")
                                                  : QStringLiteral("trigger audit_no_update")),
                 qPrintable(findings.at(0)));
        QCOMPARE(findings.at(1), QStringLiteral("a: the pointer is at version 3 but has 1 routing "
                                                "audit row(s), so 1 change(s) were made without "
                                                "one"));
        QCOMPARE(findings.at(2),
                 QStringLiteral("a: the pointer says onprem, but its audit rows end at cloud"));
    }

    void anInventoryAndItsHistoryAreOneTransaction()
    {
        // Once went wrong: init --demo wrote its inventory, then its parity history in a second
        // transaction; a failure in the second left the first and a wrong message behind.
        auto store = m_backend.open(m_backend.freshUrl());
        AuditEntry audit;
        audit.at = QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC);
        audit.actor = QStringLiteral("test");
        audit.action = QStringLiteral("import");
        ParityResult bad;
        bad.pipeline = QStringLiteral("a");
        bad.businessDate = QDate(2025, 12, 31);
        bad.onpremRows = -1; // the store's CHECK refuses it
        bad.recordedAt = audit.at;
        AuditEntry history = audit;
        history.action = QStringLiteral("parity_import");
        StoreHistory past;
        past.parity = {bad};
        past.audit = {history};
        QVERIFY_THROWS_EXCEPTION(StoreError,
                                 store->replaceInventory(smallInventory(), audit, past));
        QVERIFY(store->isEmpty());
        QCOMPARE(auditCount(*store), 0);
    }

    void failedAuditWriteLeavesThePointerAlone()
    {
        auto store = seeded();
        QSqlQuery q(store->database());
        // Make every further audit insert fail, as a full disk would.
        QVERIFY2(
            q.exec(m_backend.isPostgres()
                       ? QStringLiteral(
                             "ALTER TABLE audit ADD CONSTRAINT disk_full CHECK (false) NOT VALID")
                       : QStringLiteral("CREATE TRIGGER break_audit BEFORE INSERT ON audit "
                                        "BEGIN SELECT RAISE(ABORT, 'disk full'); END")),
            qPrintable(q.lastError().text()));
        QVERIFY_THROWS_EXCEPTION(
            StoreError, store->applyTransition(
                            routingChange(QStringLiteral("a"), State::DualRun, State::Cloud, 1)));
        QCOMPARE(store->routing(QStringLiteral("a"))->state, State::DualRun);
        QCOMPARE(store->routing(QStringLiteral("a"))->version, 1);
    }

    void transitionWritesItsAuditRowWithTheDatabaseUser()
    {
        auto store = seeded();
        Transition t = routingChange(QStringLiteral("a"), State::DualRun, State::Cloud, 1);
        t.audit.reason = QStringLiteral("wave 1");
        t.audit.breakGlass = true;
        QCOMPARE(store->applyTransition(t), WriteStatus::Written);
        const QList<AuditEntry> rows = store->auditLog(QStringLiteral("a"));
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.first().action, QStringLiteral("cutover"));
        QCOMPARE(rows.first().from, QStringLiteral("dual_run"));
        QCOMPARE(rows.first().to, QStringLiteral("cloud"));
        QCOMPARE(rows.first().reason, QStringLiteral("wave 1"));
        QCOMPARE(rows.first().actor, QStringLiteral("tester"));
        QVERIFY(rows.first().breakGlass);
        QCOMPARE(rows.first().at, t.audit.at);
        // The server names who was connected; a SQLite file has no database user.
        QCOMPARE(rows.first().dbUser,
                 m_backend.isPostgres() ? QStringLiteral("postgres") : QString());
    }

    void parityResultsReplaceTheSameDate()
    {
        auto store = seeded();
        recordCleanRuns(*store, QStringLiteral("a"), QDate(2026, 11, 20), 3);
        ParityResult again;
        again.pipeline = QStringLiteral("a");
        again.businessDate = QDate(2026, 11, 20);
        again.onpremRows = 5'000'000'000LL; // beyond 32 bits
        again.cloudRows = 7;
        again.maxRelativeDiff = 0.000987654321;
        again.recordedAt = QDateTime(QDate(2026, 11, 21), QTime(8, 0), Qt::UTC);
        again.recordedBy = QStringLiteral("t");
        TestStores::recordParity(*store, again);
        const QList<ParityResult> results = store->snapshot().parity.value(QStringLiteral("a"));
        QCOMPARE(results.size(), 3);
        QCOMPARE(results.last().cloudRows, 7);
        QCOMPARE(results.last().onpremRows, 5'000'000'000LL);
        QCOMPARE(results.last().maxRelativeDiff, 0.000987654321);
    }

    void planChangesAreCompareAndSet()
    {
        auto store = seeded();
        Wave w;
        w.name = QStringLiteral("w1");
        w.date = QDate(2026, 11, 28);
        w.windowStart = QDateTime(w.date, QTime(0, 0));
        w.windowEnd = QDateTime(w.date.addDays(1), QTime(23, 59));
        w.members = {QStringLiteral("a")};
        PlanChange change;
        change.upsertWaves = {w};
        change.expectedPlanVersion = 0;
        change.audit = {{0,
                         w.windowStart,
                         QStringLiteral("t"),
                         QStringLiteral("wave_add"),
                         {},
                         {},
                         {},
                         {},
                         false,
                         false,
                         {}}};
        QCOMPARE(store->applyPlanChange(change), WriteStatus::Written);
        const int audits = auditCount(*store);
        QCOMPARE(store->applyPlanChange(change), WriteStatus::Conflict); // still expects version 0
        QCOMPARE(auditCount(*store), audits);
        const StoreSnapshot s = store->snapshot();
        QCOMPARE(s.planVersion, 1);
        QCOMPARE(s.plan.waveOf(QStringLiteral("a")), QStringLiteral("w1"));
    }

    void aRefusedStatementIsNotALostConnection()
    {
        auto store = seeded();
        auto wave = [](const QString &name, int capacity) {
            Wave w;
            w.name = name;
            w.date = QDate(2026, 11, 28);
            w.windowStart = QDateTime(w.date, QTime(0, 0));
            w.windowEnd = QDateTime(w.date.addDays(1), QTime(23, 59));
            w.capacity = capacity;
            return w;
        };
        PlanChange two;
        two.upsertWaves = {wave(QStringLiteral("w1"), 8), wave(QStringLiteral("w2"), 8)};
        two.audit = {{0,
                      QDateTime(QDate(2026, 11, 24), QTime(9, 0)),
                      QStringLiteral("t"),
                      QStringLiteral("wave_add"),
                      {},
                      {},
                      {},
                      {},
                      false,
                      false,
                      {}}};
        QCOMPARE(store->applyPlanChange(two), WriteStatus::Written);
        const int audits = auditCount(*store);

        // A rename onto an existing wave breaks the primary key; a zero capacity breaks a CHECK.
        PlanChange clash;
        clash.renames = {{QStringLiteral("w1"), QStringLiteral("w2")}};
        clash.audit = two.audit;
        PlanChange empty;
        empty.upsertWaves = {wave(QStringLiteral("w3"), 0)};
        empty.audit = two.audit;
        for (const PlanChange &bad : {clash, empty}) {
            try {
                store->applyPlanChange(bad);
                QFAIL("the store must refuse the statement");
            } catch (const StoreRejected &e) {
                QVERIFY(!e.isBadValue());
            } catch (const StoreError &e) {
                QFAIL(qPrintable(QStringLiteral("refused as a broken store: %1").arg(e.message())));
            }
            // The connection is fine: nothing to reconnect, nothing written, the store answers.
            QVERIFY(!store->isSuspect());
            QCOMPARE(auditCount(*store), audits);
            const StoreSnapshot s = store->snapshot();
            QCOMPARE(s.planVersion, 1);
            QCOMPARE(s.plan.waves().size(), 2);
        }
    }

    void alertsAreRaisedOncePerNightAndStatus()
    {
        auto store = seeded();
        SlaAlert alert;
        alert.businessDate = QDate(2026, 11, 27);
        alert.report = QStringLiteral("a");
        alert.status = QStringLiteral("at_risk");
        alert.raisedAt = QDateTime(QDate(2026, 11, 28), QTime(3, 0), Qt::UTC);
        alert.hoursLeft = 1.5;
        alert.message = QStringLiteral("a at risk");
        QCOMPARE(store->raiseAlerts({alert}).size(), 1);
        QCOMPARE(store->raiseAlerts({alert}).size(), 0);
        const QList<SlaAlert> stored = store->alerts(alert.businessDate);
        QCOMPARE(stored.size(), 1);
        AuditEntry ack;
        ack.at = alert.raisedAt;
        ack.actor = QStringLiteral("oncall");
        ack.action = QStringLiteral("alert_ack");
        QCOMPARE(store->acknowledgeAlert(stored.first().id, ack), WriteStatus::Written);
        QCOMPARE(store->acknowledgeAlert(stored.first().id, ack), WriteStatus::Conflict);
    }

    void readOnlyOpenIsAViewerThatCannotWrite()
    {
        QString url;
        seeded(&url);
        StoreOptions viewer;
        viewer.readOnly = true;
        auto store = m_backend.open(url, OpenMode::MustExist, viewer);
        QCOMPARE(store->access().roles, QSet<Role>{Role::Viewer});
        QCOMPARE(store->snapshot().inventory.size(), 3);
        // The services refuse first, naming the role...
        ManualClock clock(QDateTime(QDate(2026, 11, 28), QTime(10, 0), Qt::UTC));
        const ActionOutcome o = MigrationService(*store, clock, QStringLiteral("t"))
                                    .cutover({QStringLiteral("a"), {}, false});
        QCOMPARE(o.kind, Outcome::Kind::Refused);
        QVERIFY(o.decision.refusedFor(Reason::Code::RoleMissing));
        QVERIFY2(
            o.decision.reasons.first().text.contains(QStringLiteral("needs the operator role")),
            qPrintable(o.decision.reasons.first().text));
        // ...and the connection itself cannot write even if a caller went around them.
        QVERIFY_THROWS_EXCEPTION(
            StoreError, store->applyTransition(
                            routingChange(QStringLiteral("a"), State::DualRun, State::Cloud, 1)));
        QCOMPARE(store->routing(QStringLiteral("a"))->version, 1);
    }
};

QTEST_GUILESS_MAIN(TestStore)
#include "tst_store.moc"
