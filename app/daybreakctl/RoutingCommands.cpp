#include "Commands.h"
#include "CtlContext.h"
#include "Printable.h"

#include "Calendar.h"
#include "LearnedDurations.h"
#include "MigrationService.h"
#include "ParityService.h"
#include "ReadReceipts.h"
#include "SlaService.h"
#include "SqlStore.h"

#include <QJsonArray>
#include <QJsonObject>

namespace daybreak {

namespace {

QJsonObject pipelineJson(const StoreSnapshot &s, const Pipeline &p, const QDate &today)
{
    const RoutingPointer r = s.routing.value(p.id);
    const ParityService::PipelineParity parity = ParityService::evaluate(s, p.id, today);
    return QJsonObject{
        {QStringLiteral("id"), p.id},
        {QStringLiteral("name"), p.name},
        {QStringLiteral("owner"), p.owner},
        {QStringLiteral("state"), stateName(r.state)},
        {QStringLiteral("canonical"), sideName(r.canonical())},
        {QStringLiteral("parity_gate"), gateStatusName(parity.gate.status)},
        {QStringLiteral("wave"), s.plan.waveOf(p.id).isEmpty() ? QJsonValue(QJsonValue::Null)
                                                               : QJsonValue(s.plan.waveOf(p.id))},
        {QStringLiteral("risk"), riskName(p.risk)},
        {QStringLiteral("target"), sideName(p.target)},
        {QStringLiteral("version"), r.version},
        {QStringLiteral("upstreams"), QJsonArray::fromStringList(p.upstreams)},
        {QStringLiteral("rollback_recommended"), parity.rollbackRecommended},
    };
}

int runAction(CtlContext &ctx, MigrationAction action)
{
    const QCommandLineOption reason(QStringLiteral("reason"),
                                    QStringLiteral("Why, for the audit log."),
                                    QStringLiteral("text"));
    const QCommandLineOption breakGlass(
        QStringLiteral("break-glass"),
        QStringLiteral("Roll back outside the change window (needs --reason)."));
    const QCommandLineOption expect(
        QStringLiteral("expect-version"),
        QStringLiteral("Refuse (exit 5) unless the routing pointer is at this version."),
        QStringLiteral("n"));
    const QCommandLineOption dryRun(
        QStringLiteral("dry-run"),
        QStringLiteral("Check every rule against the live store and say what would happen; write "
                       "nothing, exit as the change would (0 or 4)."));
    QList<QCommandLineOption> options{reason, expect, dryRun};
    if (action == MigrationAction::Rollback)
        options.append(breakGlass);
    if (!ctx.parse(options, QStringLiteral("ID"), 1, 1))
        return ctx.parseExit;
    if (action == MigrationAction::Rollback && ctx.parser.value(reason).trimmed().isEmpty())
        return ctx.usage(QStringLiteral("rollback needs --reason TEXT"));
    std::optional<qint64> expected;
    if (ctx.parser.isSet(expect)) {
        bool ok = false;
        expected = ctx.parser.value(expect).toLongLong(&ok);
        if (!ok || *expected < 1) // versions start at 1: -1 was taken as a conflict (D14)
            return ctx.usage(QStringLiteral("--expect-version: '%1' is not a pointer version "
                                            "(a whole number from 1)")
                                 .arg(ctx.parser.value(expect)));
    }
    Store *store = ctx.openStore();
    if (!store)
        return ExitStore;
    MigrationService service(*store, ctx.clock, ctx.actor);
    const ActionRequest request{
        ctx.parser.positionalArguments().constFirst(), ctx.parser.value(reason),
        action == MigrationAction::Rollback && ctx.parser.isSet(breakGlass)};
    return ctx.finish(ctx.parser.isSet(dryRun) ? service.dryRun(action, request, expected)
                                               : service.perform(action, request, expected));
}

// What the last nights teach about the pipeline's durations, on each side it ran on.
QString learnedText(const StoreSnapshot &s, const Pipeline &p, Store &store, const QDateTime &now)
{
    const QString text = LearnedDurations::forPipeline(store, s.inventory, p.id,
                                                       SlaService::currentNight(s.inventory, now))
                             .summary(p.id);
    return text.isEmpty() ? QStringLiteral("- (no run in the last %1 nights)")
                                .arg(LearnedDurations::kWindowNights)
                          : text;
}

void printDetail(CtlContext &ctx, const StoreSnapshot &s, const Pipeline &p,
                 MigrationService &service, Store &store)
{
    const RoutingPointer r = s.routing.value(p.id);
    const ParityService::PipelineParity parity =
        ParityService::evaluate(s, p.id, Calendar(s.inventory).localDate(ctx.clock.now()));
    QTextStream &o = ctx.out;
    o << p.id << " — " << p.name << "\n";
    o << "  owner       " << p.owner << "\n";
    o << "  state       " << stateName(r.state) << " (canonical " << sideName(r.canonical())
      << ", pointer version " << r.version << ")\n";
    {
        // Who has seen the pointer's current version: a flip is complete on the ground only once
        // every reader of the last day has.
        const ReaderSummary readers = summarizeReaders(
            store.readReceipts(p.id, ctx.clock.now().addSecs(-24 * 3600)), r.version);
        o << "  readers     " << readers.text(r.version) << "\n";
        if (!readers.complete() && r.version > 1)
            o << "              (the last change is not complete until every reader has seen it)\n";
    }
    o << "  target      " << sideName(p.target) << ", risk " << riskName(p.risk) << "\n";
    o << "  schedule    " << p.scheduleText()
      << (p.sla ? QStringLiteral(", SLA ") + p.sla->toString(QStringLiteral("HH:mm")) : QString())
      << "\n";
    o << "  duration    on-prem " << p.onpremMinutes << " min, cloud " << p.cloudMinutes
      << " min (inventory)\n";
    o << "  learned     " << learnedText(s, p, store, ctx.clock.now()) << "\n";
    {
        // What a cutover or rollback of it puts at stake tonight.
        const QDate night = SlaService::currentNight(s.inventory, ctx.clock.now());
        const SlaProjection tonight =
            SlaService(store, ctx.clock, ctx.actor).projectNight(s, night);
        o << "  feeds       "
          << SlaService::blastRadiusText(SlaService::blastRadius(s.inventory, tonight, p.id),
                                         Calendar(s.inventory).zone())
          << "\n";
    }
    o << "  wave        "
      << (s.plan.waveOf(p.id).isEmpty() ? QStringLiteral("-") : s.plan.waveOf(p.id)) << "\n";
    o << "  upstreams   "
      << (p.upstreams.isEmpty() ? QStringLiteral("-") : p.upstreams.join(QStringLiteral(", ")))
      << "\n";
    const QStringList downs = s.inventory.downstreamsOf(p.id);
    o << "  downstreams "
      << (downs.isEmpty() ? QStringLiteral("-") : downs.join(QStringLiteral(", "))) << "\n";
    // "71 clean in a row, 7 needed", not "71 of 7 clean" (a newcomer's finding, D14).
    o << "  parity gate " << gateStatusName(parity.gate.status) << " (" << parity.gate.cleanRuns
      << " clean in a row, " << parity.gate.runsRequired << " needed";
    for (const ParityResult &b : parity.gate.openBreaches)
        o << "; open breach " << b.businessDate.toString(Qt::ISODate);
    for (const QDate &m : parity.gate.missingNights)
        o << "; no comparison for " << m.toString(Qt::ISODate);
    o << ")\n";
    if (parity.rollbackRecommended)
        o << "  ROLLBACK RECOMMENDED: a parity breach is open since the cutover\n";
    const MigrationAction next = r.state == State::OnPrem    ? MigrationAction::DualRun
                                 : r.state == State::DualRun ? MigrationAction::Cutover
                                                             : MigrationAction::Rollback;
    if (r.state != State::Decommissioned && !p.staysOnPrem()) {
        const Decision d = service.check(next, {p.id, QStringLiteral("check"), false});
        o << "  next step   " << actionName(next)
          << (d.allowed() ? QStringLiteral(": allowed now") : QStringLiteral(": blocked")) << "\n";
        for (const Reason &reason : d.reasons)
            o << "              - " << reason.text << "\n";
    }
    o.flush();
}

} // namespace

int cmdStatus(CtlContext &ctx)
{
    const QCommandLineOption select = CtlContext::selectOption();
    if (!ctx.parse({select}, QStringLiteral("ID"), 0, 1))
        return ctx.parseExit;
    Store *store = ctx.openStore();
    if (!store)
        return ExitStore;
    const StoreSnapshot full = store->snapshot();
    std::optional<StoreSnapshot> selected = ctx.selected(full, select);
    if (!selected)
        return ExitBadInput;
    const StoreSnapshot &s = *selected;
    const QStringList ids = ctx.parser.positionalArguments();
    if (!ids.isEmpty() && !full.inventory.contains(ids.first()))
        return ctx.fail(ExitUnknown, QStringLiteral("unknown pipeline '%1'").arg(ids.first()));
    if (ctx.json()) {
        QJsonArray array;
        for (const Pipeline &p : s.inventory.pipelines())
            if (ids.isEmpty() || ids.first() == p.id)
                array.append(pipelineJson(s, p, Calendar(s.inventory).localDate(ctx.clock.now())));
        ctx.printJson(QJsonDocument(array));
        return ExitDone;
    }
    if (!ids.isEmpty()) {
        MigrationService service(*store, ctx.clock, ctx.actor);
        printDetail(ctx, full, *full.inventory.find(ids.first()), service, *store);
        return ExitDone;
    }
    const QString row = QStringLiteral("%1 %2 %3 %4 %5\n");
    ctx.out << row.arg(QStringLiteral("ID"), -28)
                   .arg(QStringLiteral("STATE"), -15)
                   .arg(QStringLiteral("CANONICAL"), -10)
                   .arg(QStringLiteral("GATE"), -8)
                   .arg(QStringLiteral("RISK"));
    QHash<State, int> counts;
    for (const Pipeline &p : s.inventory.pipelines()) {
        const RoutingPointer r = s.routing.value(p.id);
        ++counts[r.state];
        ctx.out << row.arg(p.id, -28)
                       .arg(stateName(r.state) +
                                (p.staysOnPrem() ? QStringLiteral("*") : QString()),
                            -15)
                       .arg(sideName(r.canonical()), -10)
                       .arg(gateStatusName(
                                ParityService::evaluate(
                                    s, p.id, Calendar(s.inventory).localDate(ctx.clock.now()))
                                    .gate.status),
                            -8)
                       .arg(riskName(p.risk));
    }
    ctx.out << "\n"
            << s.inventory.size() << " pipelines: " << counts.value(State::OnPrem) << " onprem, "
            << counts.value(State::DualRun) << " dual_run, " << counts.value(State::Cloud)
            << " cloud, " << counts.value(State::Decommissioned)
            << " decommissioned (* stays on-prem)" << Qt::endl;
    return ExitDone;
}

int cmdDualRun(CtlContext &ctx)
{
    return runAction(ctx, MigrationAction::DualRun);
}
int cmdCutover(CtlContext &ctx)
{
    return runAction(ctx, MigrationAction::Cutover);
}
int cmdRollback(CtlContext &ctx)
{
    return runAction(ctx, MigrationAction::Rollback);
}
int cmdDecommission(CtlContext &ctx)
{
    return runAction(ctx, MigrationAction::Decommission);
}

int cmdAudit(CtlContext &ctx)
{
    if (!ctx.parse({}, QStringLiteral("ID"), 0, 1))
        return ctx.parseExit;
    Store *store = ctx.openStore();
    if (!store)
        return ExitStore;
    const QString id = ctx.parser.positionalArguments().value(0);
    if (!id.isEmpty() && !store->routing(id) && store->auditLog(id).isEmpty())
        return ctx.fail(ExitUnknown, QStringLiteral("unknown pipeline '%1'").arg(id));
    const QList<AuditEntry> rows = store->auditLog(id);
    if (ctx.json()) {
        QJsonArray array;
        auto orNull = [](const QString &s) {
            return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s);
        };
        for (const AuditEntry &a : rows)
            array.append(QJsonObject{{QStringLiteral("id"), a.id},
                                     {QStringLiteral("at"), isoUtc(a.at)},
                                     {QStringLiteral("actor"), a.actor},
                                     {QStringLiteral("action"), a.action},
                                     {QStringLiteral("pipeline"), orNull(a.pipeline)},
                                     {QStringLiteral("from"), orNull(a.from)},
                                     {QStringLiteral("to"), orNull(a.to)},
                                     {QStringLiteral("reason"), orNull(a.reason)},
                                     {QStringLiteral("break_glass"), a.breakGlass},
                                     {QStringLiteral("unplanned"), a.unplanned},
                                     {QStringLiteral("db_user"), orNull(a.dbUser)}});
        ctx.printJson(QJsonDocument(array));
        return ExitDone;
    }
    // Text output shows control characters instead of acting on them (tst_cli guards it).
    for (const AuditEntry &a : rows) {
        ctx.out << isoUtc(a.at) << "  " << printable(a.actor);
        if (!a.dbUser.isEmpty() && a.dbUser != a.actor)
            ctx.out << " (db " << printable(a.dbUser) << ")";
        ctx.out << "  " << printable(a.action);
        if (!a.pipeline.isEmpty())
            ctx.out << "  " << printable(a.pipeline);
        if (!a.from.isEmpty() || !a.to.isEmpty())
            ctx.out << "  " << a.from << " -> " << a.to;
        if (a.breakGlass)
            ctx.out << "  [BREAK-GLASS]";
        if (a.unplanned)
            ctx.out << "  [UNPLANNED]";
        if (!a.reason.isEmpty())
            ctx.out << "  \"" << printable(a.reason) << "\"";
        ctx.out << "\n";
    }
    ctx.out.flush();
    return ExitDone;
}

int cmdWhoami(CtlContext &ctx)
{
    if (!ctx.parse({}))
        return ctx.parseExit;
    Store *store = ctx.openStore();
    if (!store)
        return ExitStore;
    const Access access = store->access();
    if (ctx.json()) {
        QJsonArray roles;
        for (Role r : {Role::Viewer, Role::Planner, Role::Operator, Role::Owner})
            if (access.can(r))
                roles.append(roleName(r));
        ctx.printJson(QJsonDocument(QJsonObject{{QStringLiteral("store"), store->location()},
                                                {QStringLiteral("user"), access.user},
                                                {QStringLiteral("roles"), roles}}));
        return ExitDone;
    }
    ctx.out << store->location() << ": " << access.describe() << Qt::endl;
    return ExitDone;
}

} // namespace daybreak
