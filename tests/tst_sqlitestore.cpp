#include "SqliteSchema.h"
#include "SqliteStore.h"
#include "TestStores.h"

#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace TestStores;

class TestSqliteStore : public QObject
{
    Q_OBJECT

private:
    static Inventory small()
    {
        Pipeline a = pipeline(QStringLiteral("a"));
        a.initialState = State::DualRun;
        a.onpremP95Minutes = 45;
        a.sla = QTime(6, 0);
        a.tags = QStringList{QStringLiteral("x"), QStringLiteral("y")};
        Pipeline keep = pipeline(QStringLiteral("keep"), {}, Side::OnPrem, Risk::High);
        return inventory({a, pipeline(QStringLiteral("b"), {QStringLiteral("a")}), keep});
    }
    static Transition transition(const QString &id, State from, State to, qint64 version)
    {
        Transition t;
        t.pipeline = id;
        t.from = from;
        t.to = to;
        t.expectedVersion = version;
        t.audit.at = QDateTime(QDate(2026, 11, 28), QTime(9, 0), Qt::UTC);
        t.audit.actor = QStringLiteral("tester");
        t.audit.action = QStringLiteral("cutover");
        t.audit.pipeline = id;
        t.audit.from = stateName(from);
        t.audit.to = stateName(to);
        return t;
    }
    static int auditCount(Store &store) { return int(store.auditLog().size()); }

private slots:
    void createsSchemaWithWal()
    {
        QTemporaryDir dir;
        auto store = sqlite(dir);
        QCOMPARE(store->schemaVersion(), int(sqliteMigrations().size()));
        QSqlQuery q(store->database());
        QVERIFY(q.exec(QStringLiteral("PRAGMA journal_mode")) && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("wal"));
        QVERIFY(store->isEmpty());
    }

    void refusesNewerSchema()
    {
        QTemporaryDir dir;
        {
            auto store = sqlite(dir);
            QSqlQuery q(store->database());
            QVERIFY(q.exec(QStringLiteral("UPDATE schema_version SET version = 99")));
        }
        try {
            SqliteStore again(dir.filePath(QStringLiteral("store.sqlite")), OpenMode::MustExist);
            QFAIL("a newer schema must be refused");
        } catch (const StoreError &e) {
            QVERIFY2(e.message().contains(QStringLiteral("schema version 99, newer than this Daybreak understands")),
                     qPrintable(e.message()));
        }
    }

    void refusesMissingAndForeignFiles()
    {
        QTemporaryDir dir;
        QVERIFY_THROWS_EXCEPTION(StoreError, SqliteStore(dir.filePath(QStringLiteral("none.sqlite")), OpenMode::MustExist));
        QFile junk(dir.filePath(QStringLiteral("junk.sqlite")));
        QVERIFY(junk.open(QIODevice::WriteOnly));
        junk.write(QByteArray(4096, 'x'));
        junk.close();
        try {
            SqliteStore store(junk.fileName(), OpenMode::MustExist);
            QFAIL("a file that is not SQLite must be refused");
        } catch (const StoreError &e) {
            QVERIFY2(e.message().contains(QStringLiteral("is not a SQLite database")), qPrintable(e.message()));
        }
    }

    void inventoryRoundTrips()
    {
        QTemporaryDir dir;
        auto store = sqlite(dir);
        seed(*store, small());
        const StoreSnapshot s = store->snapshot();
        QCOMPARE(s.inventory.size(), 3);
        QCOMPARE(s.inventory.timezone, QStringLiteral("Europe/Berlin"));
        const Pipeline *a = s.inventory.find(QStringLiteral("a"));
        QCOMPARE(a->onpremP95Minutes, std::optional<int>(45));
        QCOMPARE(a->sla, std::optional<QTime>(QTime(6, 0)));
        QCOMPARE(a->tags, (QStringList{QStringLiteral("x"), QStringLiteral("y")}));
        QCOMPARE(s.inventory.find(QStringLiteral("b"))->upstreams, QStringList{QStringLiteral("a")});
        QCOMPARE(s.inventory.find(QStringLiteral("keep"))->target, Side::OnPrem);
        QCOMPARE(s.stateOf(QStringLiteral("a")), State::DualRun);
        QCOMPARE(s.routing.value(QStringLiteral("a")).version, 1);
        QCOMPARE(auditCount(*store), 1);
    }

    void reimportKeepsRoutingState()
    {
        QTemporaryDir dir;
        auto store = sqlite(dir);
        seed(*store, small());
        QCOMPARE(store->applyTransition(transition(QStringLiteral("a"), State::DualRun, State::Cloud, 1)), WriteStatus::Written);
        Inventory again = small();
        again.setPipelines({again.pipelines().at(0), again.pipelines().at(1)}); // "keep" dropped
        seed(*store, again);
        const StoreSnapshot s = store->snapshot();
        QCOMPARE(s.stateOf(QStringLiteral("a")), State::Cloud);
        QCOMPARE(s.routing.value(QStringLiteral("a")).version, 2);
        QVERIFY(!s.inventory.contains(QStringLiteral("keep")));
    }

    void compareAndSetRefusesStaleWriterAcrossConnections()
    {
        QTemporaryDir dir;
        auto first = sqlite(dir);
        seed(*first, small());
        SqliteStore second(dir.filePath(QStringLiteral("store.sqlite")), OpenMode::MustExist);
        // Both consoles read version 1; the second one writes first.
        const qint64 seenByFirst = first->routing(QStringLiteral("a"))->version;
        const qint64 seenBySecond = second.routing(QStringLiteral("a"))->version;
        QCOMPARE(second.applyTransition(transition(QStringLiteral("a"), State::DualRun, State::Cloud, seenBySecond)),
                 WriteStatus::Written);
        const int auditBefore = auditCount(*first);
        QCOMPARE(first->applyTransition(transition(QStringLiteral("a"), State::DualRun, State::Cloud, seenByFirst)),
                 WriteStatus::Conflict);
        QCOMPARE(auditCount(*first), auditBefore);
        QCOMPARE(first->routing(QStringLiteral("a"))->version, 2);
        QCOMPARE(first->routing(QStringLiteral("a"))->state, State::Cloud);
    }

    void auditRowsRefuseUpdateAndDelete()
    {
        QTemporaryDir dir;
        auto store = sqlite(dir);
        seed(*store, small());
        QSqlQuery q(store->database());
        QVERIFY(!q.exec(QStringLiteral("UPDATE audit SET actor = 'mallory'")));
        QVERIFY2(q.lastError().text().contains(QStringLiteral("append-only")), qPrintable(q.lastError().text()));
        QVERIFY(!q.exec(QStringLiteral("DELETE FROM audit")));
        QVERIFY(q.lastError().text().contains(QStringLiteral("append-only")));
        QCOMPARE(auditCount(*store), 1);
        QCOMPARE(store->auditLog().first().actor, QStringLiteral("test"));
    }

    void failedAuditWriteLeavesThePointerAlone()
    {
        QTemporaryDir dir;
        auto store = sqlite(dir);
        seed(*store, small());
        QSqlQuery q(store->database());
        QVERIFY(q.exec(QStringLiteral("CREATE TRIGGER break_audit BEFORE INSERT ON audit "
                                      "BEGIN SELECT RAISE(ABORT, 'disk full'); END")));
        QVERIFY_THROWS_EXCEPTION(StoreError,
                                 store->applyTransition(transition(QStringLiteral("a"), State::DualRun, State::Cloud, 1)));
        QCOMPARE(store->routing(QStringLiteral("a"))->state, State::DualRun);
        QCOMPARE(store->routing(QStringLiteral("a"))->version, 1);
    }

    void transitionWritesItsAuditRow()
    {
        QTemporaryDir dir;
        auto store = sqlite(dir);
        seed(*store, small());
        Transition t = transition(QStringLiteral("a"), State::DualRun, State::Cloud, 1);
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
    }

    void changeTokenSeesOtherConnections()
    {
        QTemporaryDir dir;
        auto watcher = sqlite(dir);
        seed(*watcher, small());
        const qint64 before = watcher->changeToken();
        QCOMPARE(watcher->changeToken(), before);
        SqliteStore other(dir.filePath(QStringLiteral("store.sqlite")), OpenMode::MustExist);
        QCOMPARE(other.applyTransition(transition(QStringLiteral("a"), State::DualRun, State::Cloud, 1)), WriteStatus::Written);
        QVERIFY(watcher->changeToken() != before);
    }

    void parityResultsReplaceTheSameDate()
    {
        QTemporaryDir dir;
        auto store = sqlite(dir);
        seed(*store, small());
        recordCleanRuns(*store, QStringLiteral("a"), QDate(2026, 11, 20), 3);
        ParityResult again;
        again.pipeline = QStringLiteral("a");
        again.businessDate = QDate(2026, 11, 20);
        again.onpremRows = 10;
        again.cloudRows = 7;
        again.recordedAt = QDateTime(QDate(2026, 11, 21), QTime(8, 0), Qt::UTC);
        again.recordedBy = QStringLiteral("t");
        AuditEntry audit;
        audit.at = again.recordedAt;
        audit.actor = QStringLiteral("t");
        audit.action = QStringLiteral("parity_record");
        store->recordParity({again}, audit);
        const QList<ParityResult> results = store->snapshot().parity.value(QStringLiteral("a"));
        QCOMPARE(results.size(), 3);
        QCOMPARE(results.last().cloudRows, 7);
    }
};

QTEST_GUILESS_MAIN(TestSqliteStore)
#include "tst_sqlitestore.moc"
