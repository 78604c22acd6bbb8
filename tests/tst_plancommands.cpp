#include "ManualClock.h"
#include "MigrationPlan.h"
#include "MigrationService.h"
#include "TestStores.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace daybreak;

using namespace TestStores;

class TestPlanCommands : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_n = 0;
    std::unique_ptr<SqliteStore> m_store;
    ManualClock m_clock{QDateTime(QDate(2026, 11, 24), QTime(10, 0), QTimeZone("Europe/Berlin"))};
    std::unique_ptr<MigrationPlan> m_plan;

    QString waveOf(const QString &id) { return m_store->snapshot().plan.waveOf(id); }
    // Runs an edit and returns its answer: on a store of this thread it has arrived by the time
    // the call returns.
    template <typename F> PlanOutcome edit(F call)
    {
        QSignalSpy answered(m_plan.get(), &MigrationPlan::answered);
        call();
        if (answered.count() != 1) { // exactly one answer per edit, or the edit fails the test
            PlanOutcome none;
            none.kind = Outcome::Kind::Unknown;
            none.message = QStringLiteral("%1 answers").arg(answered.count());
            return none;
        }
        return m_plan->lastAnswer();
    }
    int waves() { return int(m_store->snapshot().plan.waves().size()); }

private slots:
    void init()
    {
        m_plan.reset();
        m_store = std::make_unique<SqliteStore>(
            m_dir.filePath(QStringLiteral("p%1.sqlite").arg(++m_n)), OpenMode::CreateIfMissing);
        Pipeline a = pipeline(QStringLiteral("a"));
        Pipeline b = pipeline(QStringLiteral("b"), {QStringLiteral("a")});
        Pipeline c = pipeline(QStringLiteral("c"));
        for (Pipeline *p : {&a, &b, &c})
            p->initialState = State::DualRun;
        seed(*m_store, inventory({a, b, c}));
        for (const QString &id : {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")})
            recordCleanRuns(*m_store, id, QDate(2026, 11, 23), 7);
        m_plan = std::make_unique<MigrationPlan>(*m_store, m_clock, QStringLiteral("lead"));
    }

    void undoRedoRoundTrips()
    {
        QUndoStack *stack = m_plan->undoStack();
        QVERIFY(edit([&] { m_plan->addWave(QStringLiteral("w1"), QDate(2026, 11, 28)); }).ok());
        QVERIFY(edit([&] { m_plan->addWave(QStringLiteral("w2"), QDate(2026, 12, 5)); }).ok());
        QVERIFY(edit([&] { m_plan->assign({QStringLiteral("a")}, QStringLiteral("w1")); }).ok());
        QVERIFY(edit([&] { m_plan->assign({QStringLiteral("b")}, QStringLiteral("w2")); }).ok());
        QCOMPARE(stack->count(), 4);
        QCOMPARE(waveOf(QStringLiteral("b")), QStringLiteral("w2"));

        stack->undo();
        QCOMPARE(waveOf(QStringLiteral("b")), QString());
        stack->undo();
        QCOMPARE(waveOf(QStringLiteral("a")), QString());
        stack->undo();
        QCOMPARE(waves(), 1);
        stack->redo();
        stack->redo();
        stack->redo();
        QCOMPARE(waves(), 2);
        QCOMPARE(waveOf(QStringLiteral("a")), QStringLiteral("w1"));
        QCOMPARE(waveOf(QStringLiteral("b")), QStringLiteral("w2"));
        // Every step is in the audit log.
        int undoRows = 0;
        for (const AuditEntry &e : m_store->auditLog())
            undoRows += e.action == QLatin1String("wave_undo") ? 1 : 0;
        QCOMPARE(undoRows, 4); // two pipelines out and back in again
        QCOMPARE(stack->undoText(), QStringLiteral("Move b to w2"));
    }

    void refusedEditsNeverReachTheStack()
    {
        QVERIFY(edit([&] { m_plan->addWave(QStringLiteral("w1"), QDate(2026, 11, 28)); }).ok());
        const PlanOutcome o =
            edit([&] { m_plan->assign({QStringLiteral("b")}, QStringLiteral("w1")); });
        QCOMPARE(o.kind, Outcome::Kind::Refused);
        QCOMPARE(o.decision.reasons.first().text,
                 QStringLiteral(
                     "b reads a, which is still canonical on-prem and not planned in any wave"));
        QCOMPARE(m_plan->undoStack()->count(), 1);
        QCOMPARE(edit([&] { m_plan->addWave(QStringLiteral("tue"), QDate(2026, 12, 1)); }).kind,
                 Outcome::Kind::Refused);
        QCOMPARE(m_plan->undoStack()->count(), 1);
    }

    void shiftMoveCarriesUpstreamsAndUndoesAsOne()
    {
        QVERIFY(edit([&] { m_plan->addWave(QStringLiteral("w1"), QDate(2026, 11, 28)); }).ok());
        QVERIFY(
            edit([&] {
                m_plan->assign({QStringLiteral("a"), QStringLiteral("b")}, QStringLiteral("w1"));
            }).ok());
        QCOMPARE(waveOf(QStringLiteral("a")), QStringLiteral("w1"));
        m_plan->undoStack()->undo();
        QCOMPARE(waveOf(QStringLiteral("a")), QString());
        QCOMPARE(waveOf(QStringLiteral("b")), QString());
    }

    void removeAndUnassignUndo()
    {
        QVERIFY(edit([&] { m_plan->addWave(QStringLiteral("w1"), QDate(2026, 11, 28)); }).ok());
        QVERIFY(
            edit([&] {
                m_plan->assign({QStringLiteral("a"), QStringLiteral("c")}, QStringLiteral("w1"));
            }).ok());
        QVERIFY(edit([&] { m_plan->unassign({QStringLiteral("c")}); }).ok());
        QVERIFY(edit([&] { m_plan->removeWave(QStringLiteral("w1")); }).ok());
        QCOMPARE(waves(), 0);
        m_plan->undoStack()->undo();
        QCOMPARE(waveOf(QStringLiteral("a")), QStringLiteral("w1"));
        m_plan->undoStack()->undo();
        QCOMPARE(waveOf(QStringLiteral("c")), QStringLiteral("w1"));
    }

    void renamesMergeAndUndoToTheOriginal()
    {
        QVERIFY(edit([&] { m_plan->addWave(QStringLiteral("w1"), QDate(2026, 11, 28)); }).ok());
        QVERIFY(edit([&] { m_plan->assign({QStringLiteral("a")}, QStringLiteral("w1")); }).ok());
        QVERIFY(
            edit([&] { m_plan->renameWave(QStringLiteral("w1"), QStringLiteral("First")); }).ok());
        QVERIFY(edit([&] {
                    m_plan->renameWave(QStringLiteral("First"), QStringLiteral("Wave one"));
                }).ok());
        QCOMPARE(m_plan->undoStack()->count(), 3);
        QCOMPARE(waveOf(QStringLiteral("a")), QStringLiteral("Wave one"));
        m_plan->undoStack()->undo();
        QCOMPARE(waveOf(QStringLiteral("a")), QStringLiteral("w1"));
        m_plan->undoStack()->redo();
        QCOMPARE(waveOf(QStringLiteral("a")), QStringLiteral("Wave one"));
    }

    void undoRefusesToOverwriteAnotherConsole()
    {
        QVERIFY(edit([&] { m_plan->addWave(QStringLiteral("w1"), QDate(2026, 11, 28)); }).ok());
        QVERIFY(edit([&] { m_plan->assign({QStringLiteral("a")}, QStringLiteral("w1")); }).ok());
        // Another console edits the plan.
        SqliteStore other(m_store->location(), OpenMode::MustExist);
        QVERIFY(PlanService(other, m_clock, QStringLiteral("other"))
                    .assign({QStringLiteral("c")}, QStringLiteral("w1"))
                    .ok());
        QSignalSpy failed(m_plan.get(), &MigrationPlan::editFailed);
        m_plan->undoStack()->undo();
        QCOMPARE(failed.count(), 1);
        QVERIFY(
            failed.first().first().toString().contains(QStringLiteral("changed by someone else")));
        QCOMPARE(waveOf(QStringLiteral("a")), QStringLiteral("w1"));
        QCOMPARE(waveOf(QStringLiteral("c")), QStringLiteral("w1"));
    }

    void undoIsCheckedByTheWaveRulesLikeAFreshEdit()
    {
        m_plan.reset();
        m_store = std::make_unique<SqliteStore>(
            m_dir.filePath(QStringLiteral("rules%1.sqlite").arg(++m_n)), OpenMode::CreateIfMissing);
        Pipeline a = pipeline(QStringLiteral("a"));
        a.initialState = State::Cloud;
        Pipeline b = pipeline(QStringLiteral("b"), {QStringLiteral("a")});
        b.initialState = State::DualRun;
        seed(*m_store, inventory({a, b}));
        m_plan = std::make_unique<MigrationPlan>(*m_store, m_clock, QStringLiteral("lead"));
        QVERIFY(edit([&] { m_plan->addWave(QStringLiteral("w1"), QDate(2026, 11, 28)); }).ok());
        QVERIFY(edit([&] {
                    m_plan->assign({QStringLiteral("b")}, QStringLiteral("w1"));
                }).ok()); // a is in the cloud already
        QVERIFY(edit([&] { m_plan->unassign({QStringLiteral("b")}); }).ok());
        // a is rolled back meanwhile (a routing change: the plan version does not move).
        const ActionOutcome rollback =
            MigrationService(*m_store, m_clock, QStringLiteral("oncall"))
                .rollback({QStringLiteral("a"), QStringLiteral("totals off"), true});
        QCOMPARE(rollback.kind, Outcome::Kind::Done);
        // Undoing the unassign would put b back into w1 ahead of its upstream: refused, with the
        // reason.
        QSignalSpy failed(m_plan.get(), &MigrationPlan::editFailed);
        m_plan->undoStack()->undo();
        QCOMPARE(failed.count(), 1);
        QVERIFY2(failed.first().first().toString().contains(QStringLiteral(
                     "b reads a, which is still canonical on-prem and not planned in any wave")),
                 qPrintable(failed.first().first().toString()));
        QCOMPARE(waveOf(QStringLiteral("b")), QString());
        // The same edit made fresh is refused the same way.
        QVERIFY(!edit([&] { m_plan->assign({QStringLiteral("b")}, QStringLiteral("w1")); }).ok());
    }

    void autoPlanIsOneUndoStep()
    {
        const PlanOutcome o = edit([&] { m_plan->applyAutoPlan({QDate(2026, 11, 28), 2, 2}); });
        QVERIFY(o.ok());
        QCOMPARE(o.autoPlan.placed.size(), 3);
        QCOMPARE(m_plan->undoStack()->count(), 1);
        QVERIFY(waves() >= 2);
        m_plan->undoStack()->undo();
        QCOMPARE(waves(), 0);
    }
};

QTEST_GUILESS_MAIN(TestPlanCommands)
#include "tst_plancommands.moc"
