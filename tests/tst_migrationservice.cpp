#include "InventoryService.h"
#include "ManualClock.h"
#include "MigrationService.h"
#include "PlanService.h"
#include "TestStores.h"

#include <QTemporaryDir>
#include <QTest>

#include <QTimeZone>
#include <algorithm>

using namespace daybreak;

using namespace TestStores;
using Codes = QList<Reason::Code>;
Q_DECLARE_METATYPE(Codes)

namespace {
QDateTime berlin(int y, int m, int d, int h, int min)
{
    return QDateTime(QDate(y, m, d), QTime(h, min), QTimeZone("Europe/Berlin"));
}
const QDateTime kSaturday = berlin(2026, 11, 28, 10, 0);
const QDateTime kTuesday = berlin(2026, 11, 24, 15, 0);
const QDateTime kBlackoutSaturday = berlin(2026, 12, 26, 10, 0);

Codes codesOf(const Decision &d)
{
    Codes codes;
    for (const Reason &r : d.reasons)
        codes.append(r.code);
    return codes;
}
} // namespace

class TestMigrationService : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<SqliteStore> m_store;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<MigrationService> m_service;

    // up (upstream of `mart`) and `mart` itself, with `stays` (target onprem) also feeding `mart`.
    void build(State upState, State martState, int cleanRuns, bool breach,
               const QDateTime &at = kSaturday)
    {
        m_store.reset();
        m_store = std::make_unique<SqliteStore>(
            m_dir.filePath(QStringLiteral("s%1.sqlite").arg(++m_counter)),
            OpenMode::CreateIfMissing);
        Pipeline up = pipeline(QStringLiteral("orders_ingest"));
        up.initialState = upState;
        Pipeline stays = pipeline(QStringLiteral("gl_extract"), {}, Side::OnPrem);
        Pipeline mart = pipeline(QStringLiteral("orders_mart"),
                                 {QStringLiteral("orders_ingest"), QStringLiteral("gl_extract")});
        mart.initialState = martState;
        Pipeline report = pipeline(QStringLiteral("exec_report"), {QStringLiteral("orders_mart")});
        Inventory inv = inventory({up, stays, mart, report});
        inv.changeWindow.blackoutDates = {QDate(2026, 12, 26)};
        seed(*m_store, inv);
        if (cleanRuns > 0)
            recordCleanRuns(*m_store, QStringLiteral("orders_mart"), at.date().addDays(-1),
                            cleanRuns);
        if (breach) {
            ParityResult bad;
            bad.pipeline = QStringLiteral("orders_mart");
            bad.businessDate = at.date().addDays(-1 - cleanRuns);
            bad.onpremRows = 1000;
            bad.cloudRows = 950;
            bad.recordedAt = kTuesday;
            bad.recordedBy = QStringLiteral("t");
            AuditEntry audit;
            audit.at = kTuesday;
            audit.actor = QStringLiteral("t");
            audit.action = QStringLiteral("parity_record");
            m_store->recordParity({bad}, audit);
        }
        m_clock = std::make_unique<ManualClock>(at);
        m_service = std::make_unique<MigrationService>(*m_store, *m_clock, QStringLiteral("lead"));
    }
    int m_counter = 0;

private slots:
    void cutoverRules_data()
    {
        QTest::addColumn<int>("upState");
        QTest::addColumn<int>("martState");
        QTest::addColumn<int>("cleanRuns");
        QTest::addColumn<bool>("breach");
        QTest::addColumn<QDateTime>("at");
        QTest::addColumn<Codes>("expected");
        const int cloud = int(State::Cloud), dual = int(State::DualRun),
                  onprem = int(State::OnPrem);
        QTest::newRow("all rules met") << cloud << dual << 7 << false << kSaturday << Codes{};
        QTest::newRow("not dual-running")
            << cloud << onprem << 7 << false << kSaturday << Codes{Reason::Code::WrongState};
        QTest::newRow("already cut over")
            << cloud << cloud << 7 << false << kSaturday << Codes{Reason::Code::WrongState};
        QTest::newRow("gate pending")
            << cloud << dual << 6 << false << kSaturday << Codes{Reason::Code::ParityGate};
        QTest::newRow("gate failed by an open breach")
            << cloud << dual << 7 << true << kSaturday << Codes{Reason::Code::ParityGate};
        QTest::newRow("upstream still on-prem")
            << onprem << dual << 7 << false << kSaturday << Codes{Reason::Code::UpstreamNotCutOver};
        QTest::newRow("upstream only dual-running")
            << dual << dual << 7 << false << kSaturday << Codes{Reason::Code::UpstreamNotCutOver};
        QTest::newRow("weekday") << cloud << dual << 7 << false << kTuesday
                                 << Codes{Reason::Code::WindowClosed};
        QTest::newRow("blackout saturday")
            << cloud << dual << 7 << false << kBlackoutSaturday << Codes{Reason::Code::Blackout};
        QTest::newRow("several at once")
            << onprem << dual << 2 << false << kTuesday
            << Codes{Reason::Code::ParityGate, Reason::Code::UpstreamNotCutOver,
                     Reason::Code::WindowClosed};
        QTest::newRow("everything wrong")
            << onprem << onprem << 0 << true << kBlackoutSaturday
            << Codes{Reason::Code::WrongState, Reason::Code::ParityGate,
                     Reason::Code::UpstreamNotCutOver, Reason::Code::Blackout};
    }

    void cutoverRules()
    {
        QFETCH(int, upState);
        QFETCH(int, martState);
        QFETCH(int, cleanRuns);
        QFETCH(bool, breach);
        QFETCH(QDateTime, at);
        QFETCH(Codes, expected);
        build(State(upState), State(martState), cleanRuns, breach, at);
        const int auditBefore = int(m_store->auditLog().size());
        const qint64 versionBefore = m_store->routing(QStringLiteral("orders_mart"))->version;
        const ActionOutcome outcome =
            m_service->cutover({QStringLiteral("orders_mart"), QStringLiteral("wave 1"), false});
        QCOMPARE(codesOf(outcome.decision), expected);
        if (expected.isEmpty()) {
            QCOMPARE(outcome.kind, Outcome::Kind::Done);
            QCOMPARE(m_store->routing(QStringLiteral("orders_mart"))->state, State::Cloud);
            QCOMPARE(m_store->routing(QStringLiteral("orders_mart"))->version, versionBefore + 1);
            const AuditEntry last = m_store->auditLog().last();
            QCOMPARE(last.action, QStringLiteral("cutover"));
            QCOMPARE(last.actor, QStringLiteral("lead"));
            QCOMPARE(last.reason, QStringLiteral("wave 1"));
            QCOMPARE(last.at, at.toUTC());
        } else {
            QCOMPARE(outcome.kind, Outcome::Kind::Refused);
            QCOMPARE(int(m_store->auditLog().size()), auditBefore);
            QCOMPARE(m_store->routing(QStringLiteral("orders_mart"))->version, versionBefore);
        }
    }

    void refusalsNameThePipelines()
    {
        build(State::OnPrem, State::DualRun, 7, false, kTuesday);
        const ActionOutcome o = m_service->cutover({QStringLiteral("orders_mart"), {}, false});
        QStringList texts;
        for (const Reason &r : o.decision.reasons)
            texts << r.text;
        QVERIFY(texts.contains(QStringLiteral(
            "orders_mart reads orders_ingest, which is still canonical on-prem (onprem)")));
        QVERIFY2(texts.last().startsWith(QStringLiteral(
                     "the change window is closed: Tue 2026-11-24 15:00 Europe/Berlin "
                     "is outside Sat 00:00–Sun 23:59; it opens Sat 2026-11-28 00:00")),
                 qPrintable(texts.last()));
        // A pipeline that stays on-prem is never a blocking upstream.
        for (const QString &t : texts)
            QVERIFY(!t.contains(QStringLiteral("gl_extract")));
    }

    void gateReasonNamesTheBreach()
    {
        build(State::Cloud, State::DualRun, 7, true);
        const ActionOutcome o = m_service->cutover({QStringLiteral("orders_mart"), {}, false});
        QCOMPARE(o.decision.reasons.size(), 1);
        QCOMPARE(o.decision.reasons.first().text,
                 QStringLiteral("orders_mart's parity gate is failed: breach on 2026-11-20 "
                                "(difference 5% > tolerance 0.1%), "
                                "not yet explained or accepted"));
    }

    void rollbackNeedsWindowOrBreakGlass()
    {
        build(State::Cloud, State::Cloud, 7, false);
        m_clock->set(kTuesday);
        ActionOutcome o = m_service->rollback(
            {QStringLiteral("orders_mart"), QStringLiteral("bad numbers"), false});
        QCOMPARE(codesOf(o.decision), Codes{Reason::Code::WindowClosed});
        QVERIFY(o.decision.reasons.first().text.contains(QStringLiteral("--break-glass")));
        o = m_service->rollback({QStringLiteral("orders_mart"), QString(), true});
        QCOMPARE(codesOf(o.decision), Codes{Reason::Code::ReasonMissing});
        QCOMPARE(m_store->routing(QStringLiteral("orders_mart"))->state, State::Cloud);

        o = m_service->rollback(
            {QStringLiteral("orders_mart"), QStringLiteral("report totals wrong"), true});
        QCOMPARE(o.kind, Outcome::Kind::Done);
        QCOMPARE(m_store->routing(QStringLiteral("orders_mart"))->state, State::DualRun);
        QCOMPARE(m_store->routing(QStringLiteral("orders_mart"))->canonical(), Side::OnPrem);
        const AuditEntry last = m_store->auditLog().last();
        QCOMPARE(last.action, QStringLiteral("rollback"));
        QVERIFY(last.breakGlass);
        QCOMPARE(last.reason, QStringLiteral("report totals wrong"));
        // Nothing else moved: per-pipeline rollback.
        QCOMPARE(m_store->routing(QStringLiteral("orders_ingest"))->state, State::Cloud);
    }

    void rollbackInWindowWithReasonAndCrossSideWarning()
    {
        build(State::Cloud, State::Cloud, 7, false);
        // exec_report stays on-prem here; make the upstream's reader cloud to see the warning.
        const ActionOutcome o = m_service->rollback(
            {QStringLiteral("orders_ingest"), QStringLiteral("late data"), false});
        QCOMPARE(o.kind, Outcome::Kind::Done);
        QCOMPARE(o.decision.warnings.size(), 1);
        QCOMPARE(o.decision.warnings.first().pipelines, QStringList{QStringLiteral("orders_mart")});
        QVERIFY(!m_store->auditLog().last().breakGlass);
    }

    void rollbackOnlyFromCloud()
    {
        build(State::Cloud, State::DualRun, 7, false);
        ActionOutcome o =
            m_service->rollback({QStringLiteral("orders_mart"), QStringLiteral("x"), false});
        QCOMPARE(codesOf(o.decision), Codes{Reason::Code::WrongState});
        QCOMPARE(m_service->decommission({QStringLiteral("orders_ingest"), {}, false}).kind,
                 Outcome::Kind::Done);
        o = m_service->rollback({QStringLiteral("orders_ingest"), QStringLiteral("x"), false});
        QCOMPARE(codesOf(o.decision), Codes{Reason::Code::WrongState});
        QVERIFY(o.decision.reasons.first().text.contains(QStringLiteral("decommissioned")));
        QCOMPARE(m_store->routing(QStringLiteral("orders_ingest"))->state, State::Decommissioned);
        QCOMPARE(m_store->routing(QStringLiteral("orders_ingest"))->canonical(), Side::Cloud);
    }

    void decommissionOnlyInWindow()
    {
        build(State::Cloud, State::DualRun, 7, false);
        m_clock->set(kTuesday);
        ActionOutcome o = m_service->decommission({QStringLiteral("orders_ingest"), {}, false});
        QCOMPARE(codesOf(o.decision), Codes{Reason::Code::WindowClosed});
        o = m_service->decommission({QStringLiteral("orders_mart"), {}, false});
        QCOMPARE(codesOf(o.decision),
                 (Codes{Reason::Code::WrongState, Reason::Code::WindowClosed}));
    }

    void dualRunRules()
    {
        build(State::Cloud, State::DualRun, 0, false);
        m_clock->set(kTuesday); // a shadow run is not a high-risk change
        ActionOutcome o = m_service->startDualRun({QStringLiteral("exec_report"), {}, false});
        QCOMPARE(o.kind, Outcome::Kind::Done);
        QCOMPARE(m_store->routing(QStringLiteral("exec_report"))->canonical(), Side::OnPrem);
        o = m_service->startDualRun({QStringLiteral("gl_extract"), {}, false});
        QCOMPARE(codesOf(o.decision), Codes{Reason::Code::StaysOnPrem});
        o = m_service->startDualRun({QStringLiteral("orders_mart"), {}, false});
        QCOMPARE(codesOf(o.decision), Codes{Reason::Code::WrongState});
        o = m_service->cutover({QStringLiteral("gl_extract"), {}, false});
        QVERIFY(codesOf(o.decision).contains(Reason::Code::StaysOnPrem));
    }

    void unplannedCutoversAreMarked()
    {
        build(State::Cloud, State::DualRun, 7, false);
        ActionOutcome o = m_service->cutover({QStringLiteral("orders_mart"), {}, false});
        QCOMPARE(o.kind, Outcome::Kind::Done);
        QCOMPARE(o.decision.warnings.size(), 1);
        QCOMPARE(o.decision.warnings.first().code, Reason::Code::Unplanned);
        QVERIFY(m_store->auditLog().last().unplanned);

        // Planned in this weekend's wave: not marked.
        build(State::Cloud, State::DualRun, 7, false);
        PlanService plans(*m_store, *m_clock, QStringLiteral("lead"));
        QVERIFY(plans.addWave(QStringLiteral("this weekend"), QDate(2026, 11, 28)).ok());
        QVERIFY(plans.assign({QStringLiteral("orders_mart")}, QStringLiteral("this weekend")).ok());
        o = m_service->cutover({QStringLiteral("orders_mart"), {}, false});
        QCOMPARE(o.kind, Outcome::Kind::Done);
        QVERIFY(o.decision.warnings.isEmpty());
        QVERIFY(!m_store->auditLog().last().unplanned);
    }

    void aMissingNightHoldsTheCutover()
    {
        build(State::Cloud, State::DualRun, 7, false);
        m_clock->set(
            kSaturday.addDays(2)); // Monday: Saturday's and Sunday's comparisons are missing
        const Decision d =
            m_service->check(MigrationAction::Cutover, {QStringLiteral("orders_mart"), {}, false});
        QVERIFY(d.refusedFor(Reason::Code::ParityGate));
        QCOMPARE(d.reasons.first().text,
                 QStringLiteral(
                     "orders_mart's parity gate is failed: no dual-run comparison for 2026-11-28"));
    }

    void unknownPipeline()
    {
        build(State::Cloud, State::DualRun, 7, false);
        QCOMPARE(m_service->cutover({QStringLiteral("nope"), {}, false}).kind,
                 Outcome::Kind::Unknown);
    }

    void staleExpectedVersionIsAConflict()
    {
        build(State::Cloud, State::DualRun, 7, false);
        const int auditBefore = int(m_store->auditLog().size());
        const ActionOutcome o = m_service->perform(MigrationAction::Cutover,
                                                   {QStringLiteral("orders_mart"), {}, false}, 7);
        QCOMPARE(o.kind, Outcome::Kind::Conflict);
        QCOMPARE(int(m_store->auditLog().size()), auditBefore);
        QCOMPARE(m_store->routing(QStringLiteral("orders_mart"))->state, State::DualRun);
        QCOMPARE(
            m_service
                ->perform(MigrationAction::Cutover, {QStringLiteral("orders_mart"), {}, false}, 1)
                .kind,
            Outcome::Kind::Done);
    }

    void badImportChangesNothing()
    {
        build(State::Cloud, State::DualRun, 7, false);
        const StoreSnapshot before = m_store->snapshot();
        const int auditBefore = int(m_store->auditLog().size());
        InventoryService importer(*m_store, *m_clock, QStringLiteral("lead"));
        const Outcome o =
            importer.importFile(QStringLiteral(DAYBREAK_TEST_DATA "/inventories/many_errors.json"));
        QCOMPARE(o.kind, Outcome::Kind::BadInput);
        QVERIFY(hasErrors(o.problems));
        const StoreSnapshot after = m_store->snapshot();
        QCOMPARE(after.inventory.size(), before.inventory.size());
        QVERIFY(after.inventory.contains(QStringLiteral("orders_mart")));
        QCOMPARE(int(m_store->auditLog().size()), auditBefore);
    }

    void importThatDropsAPlannedPipelineMovesThePlanVersion()
    {
        // Once went wrong: the removed pipeline's wave place went with it, and the plan's version
        // did not move, so a console holding the old plan kept editing it.
        build(State::OnPrem, State::OnPrem, 0, false);
        PlanService plan(*m_store, *m_clock, QStringLiteral("lead"));
        QVERIFY(plan.addWave(QStringLiteral("w1"), QDate(2026, 12, 5)).ok());
        QVERIFY(plan.assign({QStringLiteral("orders_ingest")}, QStringLiteral("w1")).ok());
        const qint64 versionBefore = m_store->snapshot().planVersion;
        Inventory next = m_store->snapshot().inventory;
        QList<Pipeline> kept;
        for (Pipeline p : next.pipelines()) {
            if (p.id == QLatin1String("orders_ingest"))
                continue;
            p.upstreams.removeAll(QStringLiteral("orders_ingest"));
            kept.append(p);
        }
        next.setPipelines(kept);
        InventoryService importer(*m_store, *m_clock, QStringLiteral("lead"));
        // Not silently: refused, naming the pipeline and its wave, nothing written.
        const Outcome refused = importer.importInventory(next, QStringLiteral("next.json"));
        QCOMPARE(refused.kind, Outcome::Kind::Refused);
        QCOMPARE(refused.decision.reasons.size(), 1);
        QCOMPARE(refused.decision.reasons.first().pipelines,
                 QStringList{QStringLiteral("orders_ingest")});
        QVERIFY2(refused.decision.reasons.first().text.contains(
                     QStringLiteral("its place in wave 'w1'")),
                 qPrintable(refused.decision.reasons.first().text));
        QVERIFY(m_store->snapshot().inventory.contains(QStringLiteral("orders_ingest")));
        QCOMPARE(m_store->snapshot().planVersion, versionBefore);
        // Allowed: removed, the removal listed, and the plan's version moves.
        const Outcome allowed = importer.importInventory(next, QStringLiteral("next.json"), true);
        QVERIFY(allowed.ok());
        QVERIFY(
            std::any_of(allowed.problems.cbegin(), allowed.problems.cend(), [](const Problem &p) {
                return p.pipeline == QLatin1String("orders_ingest") && !p.isError();
            }));
        const StoreSnapshot after = m_store->snapshot();
        QVERIFY(after.plan.find(QStringLiteral("w1"))->members.isEmpty());
        QCOMPARE(after.planVersion, versionBefore + 1);
    }

    void importCannotDropAMigratingPipeline()
    {
        build(State::Cloud, State::DualRun, 7, false);
        InventoryService importer(*m_store, *m_clock, QStringLiteral("lead"));
        const Outcome o =
            importer.importFile(QStringLiteral(DAYBREAK_TEST_DATA "/inventories/unknown_key.json"));
        QCOMPARE(o.kind, Outcome::Kind::BadInput);
        QStringList lines;
        for (const Problem &p : o.problems)
            lines << p.toString();
        const QString text = lines.join(QLatin1Char('\n'));
        QVERIFY2(text.contains(QStringLiteral(
                     "pipeline 'orders_ingest', field 'id': missing from the file but cloud")),
                 qPrintable(text));
        QVERIFY(!m_store->snapshot().inventory.contains(QStringLiteral("a")));
    }
};

QTEST_GUILESS_MAIN(TestMigrationService)
#include "tst_migrationservice.moc"
