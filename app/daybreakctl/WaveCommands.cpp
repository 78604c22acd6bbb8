#include "CommandTable.h"
#include "Commands.h"
#include "CtlContext.h"

#include "MigrationService.h"
#include "PlanService.h"
#include "Printable.h"
#include "SlaService.h"
#include "WaveNights.h"
#include "WaveStatus.h"

#include "Calendar.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTimeZone>

#include <array>

namespace daybreak {

namespace {

int outcomeExit(CtlContext &ctx, const PlanOutcome &o)
{
    return ctx.finish(o);
}

bool intOption(CtlContext &ctx, const QCommandLineOption &o, int &out, QStringList &bad)
{
    if (!ctx.parser.isSet(o))
        return true;
    bool ok = false;
    out = ctx.parser.value(o).toInt(&ok);
    if (!ok)
        bad << QStringLiteral("--%1: '%2' is not a whole number")
                   .arg(o.names().constFirst(), ctx.parser.value(o));
    return ok;
}

void printPlan(CtlContext &ctx, const StoreSnapshot &s, const WavePlan &plan,
               const WaveRules &rules, const QSet<QString> &highlight = {},
               const LearnedDurations *learned = nullptr)
{
    if (plan.waves().isEmpty()) {
        ctx.out << "No waves planned." << Qt::endl;
        return;
    }
    // The 6am after each wave, as the plan would leave it (what-if nights).
    QHash<QString, WaveNight> nights;
    if (PlanMoves::whatIfApplies(s))
        for (const WaveNight &n : WaveNights::all(s, plan, learned))
            nights.insert(n.wave, n);
    const QTimeZone zone = Calendar(s.inventory).zone();
    for (const Wave &w : plan.waves()) {
        int high = 0;
        for (const QString &m : w.members)
            if (const Pipeline *p = s.inventory.find(m); p && p->risk == Risk::High)
                ++high;
        ctx.out << w.name << "  " << w.date.toString(QStringLiteral("ddd yyyy-MM-dd"))
                << "  window " << w.windowStart.toString(QStringLiteral("ddd HH:mm")) << "–"
                << w.windowEnd.toString(QStringLiteral("ddd HH:mm")) << "  " << w.members.size()
                << "/" << w.capacity << " pipelines, " << high << "/" << w.maxHighRisk
                << " high-risk\n";
        if (nights.contains(w.name) && !nights.value(w.name).reports.isEmpty())
            ctx.out << "  night after  " << nights.value(w.name).summary(zone) << "\n";
        int n = 0;
        for (const QString &m : rules.cutoverOrder(w)) {
            const Pipeline *p = s.inventory.find(m);
            ctx.out << QStringLiteral("  %1. %2 %3 %4%5\n")
                           .arg(++n, 2)
                           .arg(m, -30)
                           .arg(p ? riskName(p->risk) : QString(), -7)
                           .arg(stateName(s.stateOf(m)))
                           .arg(highlight.contains(m) ? QStringLiteral("  (new)") : QString());
        }
    }
    ctx.out.flush();
}

int waveAdd(CtlContext &ctx)
{
    const QCommandLineOption date(QStringLiteral("date"), QStringLiteral("Wave date, YYYY-MM-DD."),
                                  QStringLiteral("date"));
    const QCommandLineOption name(QStringLiteral("name"),
                                  QStringLiteral("Wave name (default wave-DATE)."),
                                  QStringLiteral("name"));
    const QCommandLineOption capacity(QStringLiteral("capacity"),
                                      QStringLiteral("Most pipelines (default 8)."),
                                      QStringLiteral("n"));
    const QCommandLineOption high(QStringLiteral("max-high-risk"),
                                  QStringLiteral("Most high-risk pipelines (default 2)."),
                                  QStringLiteral("n"));
    if (!ctx.parse({date, name, capacity, high}))
        return ctx.parseExit;
    QStringList bad;
    if (!ctx.parser.isSet(date))
        bad << QStringLiteral("--date is required");
    const QDate d = ctx.dateOption(date, &bad);
    int cap = kDefaultWaveCapacity, maxHigh = kDefaultWaveMaxHighRisk;
    intOption(ctx, capacity, cap, bad);
    intOption(ctx, high, maxHigh, bad);
    if (!bad.isEmpty())
        return ctx.usage(bad.join(QStringLiteral("; ")));
    Store *store = ctx.openStore();
    if (!store)
        return ExitStore;
    return outcomeExit(
        ctx,
        PlanService(*store, ctx.clock, ctx.actor).addWave(ctx.parser.value(name), d, cap, maxHigh));
}

int waveList(CtlContext &ctx)
{
    if (!ctx.parse({}))
        return ctx.parseExit;
    Store *store = ctx.openStore();
    if (!store)
        return ExitStore;
    const StoreSnapshot s = store->snapshot();
    const PlanService service(*store, ctx.clock, ctx.actor);
    const WaveRules rules(s, service.today());
    if (!ctx.json()) {
        SlaService sla(*store, ctx.clock, ctx.actor);
        printPlan(ctx, s, s.plan, rules, {}, sla.learned(s.inventory, sla.currentNight()).get());
        return ExitDone;
    }
    QJsonArray array;
    for (const Wave &w : s.plan.waves())
        array.append(QJsonObject{
            {QStringLiteral("name"), w.name},
            {QStringLiteral("date"), w.date.toString(Qt::ISODate)},
            {QStringLiteral("window_start"), w.windowStart.toString(Qt::ISODate)},
            {QStringLiteral("window_end"), w.windowEnd.toString(Qt::ISODate)},
            {QStringLiteral("capacity"), w.capacity},
            {QStringLiteral("max_high_risk"), w.maxHighRisk},
            {QStringLiteral("members"), QJsonArray::fromStringList(rules.cutoverOrder(w))}});
    ctx.printJson(QJsonDocument(array));
    return ExitDone;
}

// The weekend's wave as a live runbook: each member's steps, who did each and when, what is
// next and what is blocked and why.
int waveStatus(CtlContext &ctx)
{
    if (!ctx.parse({}, QStringLiteral("[WAVE]"), 0, 1))
        return ctx.parseExit;
    Store *store = ctx.openStore();
    if (!store)
        return ExitStore;
    const StoreSnapshot s = store->snapshot();
    const QDateTime now = ctx.clock.now();
    const Wave *wave = ctx.parser.positionalArguments().isEmpty()
                           ? WaveStatus::currentWave(s.plan, now)
                           : s.plan.find(ctx.parser.positionalArguments().constFirst());
    if (!wave)
        return ctx.fail(ExitUnknown, ctx.parser.positionalArguments().isEmpty()
                                         ? QStringLiteral("no wave is planned")
                                         : QStringLiteral("unknown wave '%1'")
                                               .arg(ctx.parser.positionalArguments().constFirst()));
    const WaveStatus st = WaveStatus::compute(*store, s, *wave, now);
    const Calendar calendar(s.inventory);
    if (ctx.json()) {
        ctx.printJson(QJsonDocument(st.toJson(calendar.zone())));
        return ExitDone;
    }
    QTextStream &o = ctx.out;
    o << wave->name << "  " << wave->date.toString(QStringLiteral("ddd yyyy-MM-dd")) << "  window "
      << calendar.format(wave->windowStart, QStringLiteral("ddd HH:mm")) << "–"
      << calendar.format(wave->windowEnd, QStringLiteral("ddd HH:mm t"))
      << (st.windowOpen ? "  (open now)" : "") << "\n";
    o << st.progressText(calendar.zone()) << "\n";
    auto step = [&](const char *name, const WaveStatus::Step &x) {
        o << "      " << QString::fromLatin1(name).leftJustified(10) << (x.done ? "[x] " : "[ ] ")
          << printable(x.detail);
        if (!x.by.isEmpty() || x.at.isValid())
            o << " (" << printable(x.by) << (x.by.isEmpty() || !x.at.isValid() ? "" : ", ")
              << (x.at.isValid() ? calendar.format(x.at, QStringLiteral("ddd HH:mm")) : QString())
              << ")";
        o << "\n";
    };
    int n = 0;
    QString next;
    for (const WaveStatus::Member &m : st.members) {
        o << QStringLiteral("%1. %2  %3  (%4, %5 risk, %6)")
                 .arg(++n, 2)
                 .arg(m.pipeline.leftJustified(30), WaveStatus::standingName(m.standing).toUpper(),
                      m.owner, riskName(m.risk), stateName(m.state))
          << "\n";
        step("gate", m.gate);
        for (const QString &flag : m.gateFlags)
            o << "      ! FLAG: " << printable(flag) << "\n";
        step("pre-check", m.precheck);
        step("cutover", m.cutover);
        step("cloud run", m.firstCloudRun);
        step("parity", m.firstNightParity);
        for (const QString &why : m.blockedBecause)
            o << "      - " << printable(why) << "\n";
        if (m.pendingRequest)
            o << QStringLiteral("      request #%1 by %2 waits for a second operator: "
                                "daybreakctl approve %1")
                     .arg(m.pendingRequest->id)
                     .arg(printable(m.pendingRequest->requester))
              << "\n";
        if (m.standing == WaveStatus::Standing::Next)
            next = m.pipeline;
    }
    if (!next.isEmpty())
        o << "next: " << next << " — daybreakctl cutover " << next << " --reason 'wave "
          << wave->name << "'\n";
    o.flush();
    return ExitDone;
}

int waveAssign(CtlContext &ctx)
{
    const QCommandLineOption dryRun(
        QStringLiteral("dry-run"),
        QStringLiteral("Check every rule against the live store and say what would happen; write "
                       "nothing, exit as the change would (0 or 4)."));
    if (!ctx.parse({dryRun}, QStringLiteral("ID WAVE"), 2, 2))
        return ctx.parseExit;
    Store *store = ctx.openStore();
    if (!store)
        return ExitStore;
    const QStringList args = ctx.parser.positionalArguments();
    return outcomeExit(ctx, PlanService(*store, ctx.clock, ctx.actor)
                                .assign({args.at(0)}, args.at(1), ctx.parser.isSet(dryRun)));
}

int waveUnassign(CtlContext &ctx)
{
    if (!ctx.parse({}, QStringLiteral("ID"), 1, 1))
        return ctx.parseExit;
    Store *store = ctx.openStore();
    if (!store)
        return ExitStore;
    return outcomeExit(
        ctx, PlanService(*store, ctx.clock, ctx.actor).unassign(ctx.parser.positionalArguments()));
}

int waveRemove(CtlContext &ctx)
{
    if (!ctx.parse({}, QStringLiteral("WAVE"), 1, 1))
        return ctx.parseExit;
    Store *store = ctx.openStore();
    if (!store)
        return ExitStore;
    return outcomeExit(ctx, PlanService(*store, ctx.clock, ctx.actor)
                                .removeWave(ctx.parser.positionalArguments().constFirst()));
}

int waveRename(CtlContext &ctx)
{
    if (!ctx.parse({}, QStringLiteral("WAVE NEW-NAME"), 2, 2))
        return ctx.parseExit;
    Store *store = ctx.openStore();
    if (!store)
        return ExitStore;
    const QStringList args = ctx.parser.positionalArguments();
    return outcomeExit(
        ctx, PlanService(*store, ctx.clock, ctx.actor).renameWave(args.at(0), args.at(1)));
}

int waveValidate(CtlContext &ctx)
{
    if (!ctx.parse({}))
        return ctx.parseExit;
    Store *store = ctx.openStore();
    if (!store)
        return ExitStore;
    const QList<PlanFinding> findings = PlanService(*store, ctx.clock, ctx.actor).validate();
    int errors = 0;
    QJsonArray array;
    for (const PlanFinding &f : findings) {
        errors += f.error ? 1 : 0;
        array.append(QJsonObject{{QStringLiteral("severity"),
                                  f.error ? QStringLiteral("error") : QStringLiteral("warning")},
                                 {QStringLiteral("wave"), f.wave},
                                 {QStringLiteral("pipeline"), f.pipeline.isEmpty()
                                                                  ? QJsonValue(QJsonValue::Null)
                                                                  : QJsonValue(f.pipeline)},
                                 {QStringLiteral("message"), f.reason.text}});
    }
    if (ctx.json()) {
        ctx.printJson(QJsonDocument(array));
    } else {
        for (const PlanFinding &f : findings)
            (f.error ? ctx.err : ctx.out)
                << (f.error ? "error: " : "warning: ") << f.reason.text << Qt::endl;
        ctx.out << findings.size() << " finding(s), " << errors << " error(s)" << Qt::endl;
    }
    return errors > 0 ? ExitValidation : ExitDone;
}

int waveAuto(CtlContext &ctx)
{
    const QCommandLineOption from(QStringLiteral("from"),
                                  QStringLiteral("First date to plan on, YYYY-MM-DD."),
                                  QStringLiteral("date"));
    const QCommandLineOption capacity(QStringLiteral("capacity"),
                                      QStringLiteral("Most pipelines per new wave (default 8)."),
                                      QStringLiteral("n"));
    const QCommandLineOption high(QStringLiteral("max-high-risk"),
                                  QStringLiteral("Most high-risk per new wave (default 2)."),
                                  QStringLiteral("n"));
    const QCommandLineOption dryRun(QStringLiteral("dry-run"),
                                    QStringLiteral("Print the plan without saving it."));
    if (!ctx.parse({from, capacity, high, dryRun}))
        return ctx.parseExit;
    QStringList bad;
    if (!ctx.parser.isSet(from))
        bad << QStringLiteral("--from is required");
    WavePlanner::Options options;
    if (ctx.parser.isSet(from))
        options.from = ctx.dateOption(from, &bad);
    intOption(ctx, capacity, options.capacity, bad);
    intOption(ctx, high, options.maxHighRisk, bad);
    if (!bad.isEmpty())
        return ctx.usage(bad.join(QStringLiteral("; ")));
    Store *store = ctx.openStore();
    if (!store)
        return ExitStore;
    PlanService service(*store, ctx.clock, ctx.actor);
    const PlanOutcome o = service.autoPlan(options, !ctx.parser.isSet(dryRun));
    if (o.kind != Outcome::Kind::Done)
        return outcomeExit(ctx, o);
    const StoreSnapshot s = store->snapshot();
    const WaveRules rules(s, service.today());
    const QStringList placed = o.autoPlan.placed;
    SlaService sla(*store, ctx.clock, ctx.actor);
    printPlan(ctx, s, o.autoPlan.plan, rules, QSet<QString>(placed.begin(), placed.end()),
              sla.learned(s.inventory, sla.currentNight()).get());
    for (const PlanFinding &f : o.autoPlan.unplaced)
        ctx.err << "not placed: " << f.reason.text << Qt::endl;
    for (const PlanFinding &f : o.autoPlan.nights)
        ctx.out << "night: " << f.reason.text << Qt::endl;
    ctx.out << (ctx.parser.isSet(dryRun) ? "Preview: " : "") << o.message << Qt::endl;
    return o.autoPlan.unplaced.isEmpty() ? ExitDone : ExitValidation;
}

} // namespace

std::span<const SubcommandEntry> waveSubcommands()
{
    static const std::array table{
        SubcommandEntry{"add", waveAdd},           SubcommandEntry{"list", waveList},
        SubcommandEntry{"status", waveStatus},     SubcommandEntry{"assign", waveAssign},
        SubcommandEntry{"unassign", waveUnassign}, SubcommandEntry{"remove", waveRemove},
        SubcommandEntry{"rename", waveRename},     SubcommandEntry{"validate", waveValidate},
        SubcommandEntry{"auto", waveAuto},
    };
    return table;
}

} // namespace daybreak
