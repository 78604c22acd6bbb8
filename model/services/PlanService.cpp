#include "PlanService.h"

#include "Calendar.h"
#include "Clock.h"
#include "Guarded.h"
#include "PlanNights.h"
#include "SlaService.h"
#include "Store.h"

#include <QRegularExpression>
#include <QSet>

#include <QTimeZone>
#include <algorithm>

namespace daybreak {

QString defaultWaveName(const QDate &date)
{
    return QStringLiteral("wave-%1").arg(date.toString(Qt::ISODate));
}

namespace {
bool validWaveName(const QString &name)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9 _.-]{0,63}$"));
    return re.match(name).hasMatch();
}

PlanOutcome refused(Decision d, const QString &message)
{
    PlanOutcome o;
    o.kind = Outcome::Kind::Refused;
    o.decision = std::move(d);
    o.message = message;
    return o;
}

PlanOutcome status(Outcome::Kind s, const QString &message)
{
    PlanOutcome o;
    o.kind = s;
    o.message = message;
    return o;
}
} // namespace

PlanService::PlanService(Store &store, const Clock &clock, QString actor)
    : m_store(store), m_clock(clock), m_actor(std::move(actor))
{
}

QDate PlanService::today() const
{
    const StoreSnapshot s = m_store.snapshot();
    return Calendar(s.inventory).localDate(m_clock.now());
}

Decision PlanService::roleDecision(const Access &access)
{
    Decision d;
    if (!access.can(Role::Planner))
        d.refuse(Reason::Code::RoleMissing,
                 roleRefusal(access, Role::Planner, QStringLiteral("changing the wave plan")));
    return d;
}

PlanOutcome PlanService::commit(const StoreSnapshot &snapshot, const WavePlan &after,
                                const QString &action, const QString &reason,
                                qint64 expectedPlanVersion)
{
    if (const Decision d = roleDecision(m_store.access()); !d.allowed())
        return refused(d, QStringLiteral("the plan was not changed"));
    const WavePlan &before = snapshot.plan;
    PlanChange change;
    change.expectedPlanVersion =
        expectedPlanVersion < 0 ? snapshot.planVersion : expectedPlanVersion;
    const QDateTime now = m_clock.now();
    auto audit = [&](const QString &act, const QString &pipeline, const QString &from,
                     const QString &to, const QString &why) {
        change.audit.append({0, now, m_actor, act, pipeline, from, to, why, false, false, {}});
    };
    for (const Wave &w : before.waves())
        if (!after.find(w.name)) {
            change.removeWaves << w.name;
            audit(QStringLiteral("wave_remove"), {}, w.name, {}, reason);
        }
    for (const Wave &w : after.waves()) {
        const Wave *old = before.find(w.name);
        if (!old)
            audit(QStringLiteral("wave_add"), {}, {}, w.name,
                  QStringLiteral("%1, capacity %2, at most %3 high-risk")
                      .arg(w.date.toString(Qt::ISODate))
                      .arg(w.capacity)
                      .arg(w.maxHighRisk));
        if (!old || !(*old == w))
            change.upsertWaves << w;
    }
    // One audit row per pipeline that moved, so the log reads like the plan's history.
    QSet<QString> touched;
    for (const Wave &w : before.waves())
        for (const QString &m : w.members)
            touched.insert(m);
    for (const Wave &w : after.waves())
        for (const QString &m : w.members)
            touched.insert(m);
    QStringList moved;
    for (const QString &id : std::as_const(touched))
        if (before.waveOf(id) != after.waveOf(id))
            moved << id;
    moved.sort();
    for (const QString &id : std::as_const(moved))
        audit(action, id, before.waveOf(id), after.waveOf(id), reason);

    if (m_store.applyPlanChange(change) == WriteStatus::Conflict)
        return status(
            Outcome::Kind::Conflict,
            QStringLiteral("the plan was changed by someone else meanwhile; nothing was written"));
    PlanOutcome o;
    o.before = before;
    o.after = after;
    o.planVersion = change.expectedPlanVersion + 1;
    return o;
}

PlanOutcome PlanService::addWave(const QString &name, const QDate &date, int capacity,
                                 int maxHighRisk)
{
    return guarded<PlanOutcome>([&]() -> PlanOutcome {
        const StoreSnapshot s = m_store.snapshot();
        const QString waveName = name.isEmpty() ? defaultWaveName(date) : name.trimmed();
        QStringList bad;
        if (!date.isValid())
            bad << QStringLiteral("date: expected YYYY-MM-DD");
        if (!validWaveName(waveName))
            bad << QStringLiteral("name: '%1' is not a valid wave name (letters, digits, space, "
                                  "'_', '.', '-')")
                       .arg(waveName);
        if (capacity < 1)
            bad << QStringLiteral("capacity: must be at least 1");
        if (maxHighRisk < 0)
            bad << QStringLiteral("max-high-risk: must not be negative");
        if (!bad.isEmpty())
            return status(Outcome::Kind::BadInput, bad.join(QStringLiteral("; ")));
        const WaveRules rules(s, today());
        Wave wave = rules.makeWave(waveName, date);
        wave.capacity = capacity;
        wave.maxHighRisk = maxHighRisk;
        Decision d = rules.checkWaveDate(wave);
        if (s.plan.find(waveName))
            d.refuse(Reason::Code::Other,
                     QStringLiteral("a wave named '%1' already exists").arg(waveName));
        if (!d.allowed())
            return refused(d, QStringLiteral("wave '%1' not added").arg(waveName));
        WavePlan after = s.plan;
        after.addWave(wave);
        PlanOutcome o = commit(s, after, QStringLiteral("wave_assign"), {}, -1);
        if (o.ok())
            o.message = QStringLiteral(
                            "added wave '%1' on %2 (%3 to %4, capacity %5, at most %6 high-risk)")
                            .arg(waveName, date.toString(QStringLiteral("ddd yyyy-MM-dd")),
                                 wave.windowStart.toString(QStringLiteral("ddd HH:mm")),
                                 wave.windowEnd.toString(QStringLiteral("ddd HH:mm")))
                            .arg(capacity)
                            .arg(maxHighRisk);
        return o;
    });
}

PlanOutcome PlanService::removeWave(const QString &name)
{
    return guarded<PlanOutcome>([&]() -> PlanOutcome {
        const StoreSnapshot s = m_store.snapshot();
        const Wave *wave = s.plan.find(name);
        if (!wave)
            return status(Outcome::Kind::Unknown, QStringLiteral("unknown wave '%1'").arg(name));
        const WaveRules rules(s, today());
        const Decision d = rules.checkUnassign(s.plan, wave->members);
        if (!d.allowed())
            return refused(d, QStringLiteral("wave '%1' not removed").arg(name));
        WavePlan after = s.plan;
        after.removeWave(name);
        PlanOutcome o = commit(s, after, QStringLiteral("wave_unassign"),
                               QStringLiteral("wave '%1' removed").arg(name), -1);
        if (o.ok())
            o.message = QStringLiteral("removed wave '%1'; %2 pipeline(s) back in the backlog")
                            .arg(name)
                            .arg(wave->members.size());
        return o;
    });
}

PlanOutcome PlanService::renameWave(const QString &from, const QString &to,
                                    qint64 expectedPlanVersion)
{
    return guarded<PlanOutcome>([&]() -> PlanOutcome {
        const StoreSnapshot s = m_store.snapshot();
        if (!s.plan.find(from))
            return status(Outcome::Kind::Unknown, QStringLiteral("unknown wave '%1'").arg(from));
        if (!validWaveName(to.trimmed()))
            return status(Outcome::Kind::BadInput,
                          QStringLiteral("name: '%1' is not a valid wave name").arg(to));
        if (s.plan.find(to.trimmed())) {
            Decision d;
            d.refuse(Reason::Code::Other,
                     QStringLiteral("a wave named '%1' already exists").arg(to.trimmed()));
            return refused(d, QStringLiteral("wave '%1' not renamed").arg(from));
        }
        if (const Decision d = roleDecision(m_store.access()); !d.allowed())
            return refused(d, QStringLiteral("wave '%1' not renamed").arg(from));
        PlanChange change;
        change.expectedPlanVersion = expectedPlanVersion < 0 ? s.planVersion : expectedPlanVersion;
        change.renames.append({from, to.trimmed()});
        change.audit.append({0,
                             m_clock.now(),
                             m_actor,
                             QStringLiteral("wave_rename"),
                             {},
                             from,
                             to.trimmed(),
                             {},
                             false,
                             false,
                             {}});
        if (m_store.applyPlanChange(change) == WriteStatus::Conflict)
            return status(
                Outcome::Kind::Conflict,
                QStringLiteral(
                    "the plan was changed by someone else meanwhile; nothing was written"));
        PlanOutcome o;
        o.message = QStringLiteral("renamed wave '%1' to '%2'").arg(from, to.trimmed());
        o.planVersion = change.expectedPlanVersion + 1;
        return o;
    });
}

PlanOutcome PlanService::assign(const QStringList &pipelines, const QString &waveName, bool dryRun)
{
    return move(pipelines, waveName, false, dryRun);
}

PlanOutcome PlanService::unassign(const QStringList &pipelines)
{
    return guarded<PlanOutcome>([&]() -> PlanOutcome {
        const StoreSnapshot s = m_store.snapshot();
        for (const QString &id : pipelines) {
            if (!s.inventory.contains(id))
                return status(Outcome::Kind::Unknown,
                              QStringLiteral("unknown pipeline '%1'").arg(id));
            if (s.plan.waveOf(id).isEmpty())
                return status(Outcome::Kind::BadInput,
                              QStringLiteral("%1 is not planned in any wave").arg(id));
        }
        return move(pipelines, {}, false);
    });
}

Decision PlanService::checkMove(const Access &access, const PlanMoves &moves,
                                const QStringList &pipelines, const QString &wave,
                                bool carryUpstreams)
{
    Decision d = roleDecision(access);
    const Decision rules = moves.check(pipelines, wave, carryUpstreams);
    d.reasons += rules.reasons;
    d.warnings += rules.warnings;
    return d;
}

PlanOutcome PlanService::move(const QStringList &pipelines, const QString &waveName,
                              bool carryUpstreams, bool dryRun)
{
    return guarded<PlanOutcome>([&]() -> PlanOutcome {
        const StoreSnapshot s = m_store.snapshot();
        if (!waveName.isEmpty() && !s.plan.find(waveName))
            return status(Outcome::Kind::Unknown,
                          QStringLiteral("unknown wave '%1'").arg(waveName));
        for (const QString &id : pipelines)
            if (!s.inventory.contains(id))
                return status(Outcome::Kind::Unknown,
                              QStringLiteral("unknown pipeline '%1'").arg(id));
        const PlanMoves moves(s, today());
        const QStringList moving = moves.moving(pipelines, waveName, carryUpstreams);
        if (moving.isEmpty())
            return status(
                Outcome::Kind::BadInput,
                QStringLiteral("%1: nothing to move").arg(pipelines.join(QStringLiteral(", "))));
        const QString label = moving.join(QStringLiteral(", "));
        // A dry run also answers for the role, as the write would.
        const Decision d =
            dryRun ? checkMove(m_store.access(), moves, pipelines, waveName, carryUpstreams)
                   : moves.check(pipelines, waveName, carryUpstreams);
        if (!d.allowed())
            return refused(d,
                           waveName.isEmpty()
                               ? QStringLiteral("%1 not taken out of its wave").arg(label)
                               : QStringLiteral("%1 not moved to wave '%2'").arg(label, waveName));
        WavePlan after = s.plan;
        for (const QString &id : moving) {
            if (waveName.isEmpty())
                after.unassign(id);
            else
                after.assign(id, waveName);
        }
        if (dryRun) {
            PlanOutcome o;
            o.kind = Outcome::Kind::Done;
            o.decision = d;
            o.before = s.plan;
            o.after = after;
            o.planVersion = s.planVersion;
            o.message = QStringLiteral("dry run: %1 would be %2; nothing was written")
                            .arg(label, waveName.isEmpty()
                                            ? QStringLiteral("back in the backlog")
                                            : QStringLiteral("planned in wave '%1'").arg(waveName));
            return o;
        }
        PlanOutcome o = commit(s, after,
                               waveName.isEmpty() ? QStringLiteral("wave_unassign")
                                                  : QStringLiteral("wave_assign"),
                               {}, -1);
        o.decision.warnings = d.warnings;
        if (o.ok())
            o.message = waveName.isEmpty()
                            ? QStringLiteral("%1 back in the backlog").arg(label)
                            : QStringLiteral("%1 planned in wave '%2'").arg(label, waveName);
        return o;
    });
}

PlanOutcome PlanService::autoPlan(const WavePlanner::Options &options, bool apply)
{
    return guarded<PlanOutcome>([&]() -> PlanOutcome {
        const StoreSnapshot s = m_store.snapshot();
        if (!options.from.isValid() || options.capacity < 1 || options.maxHighRisk < 0)
            return status(Outcome::Kind::BadInput,
                          QStringLiteral(
                              "auto-plan needs a valid --from date, a capacity of at least 1 and a "
                              "non-negative high-risk limit"));
        const WaveRules rules(s, today());
        WavePlanner::Result result = WavePlanner(s, rules).plan(options);
        // The 6am after each wave, on the durations tonight is projected with.
        SlaService sla(m_store, m_clock, m_actor);
        PlanNights::avoidRiskyNights(
            s, rules, result,
            sla.learned(s.inventory, sla.currentNight(s.inventory, m_clock.now())).get());
        PlanOutcome o;
        o.before = s.plan;
        o.after = result.plan;
        o.autoPlan = result;
        o.planVersion = s.planVersion;
        if (apply && !result.placed.isEmpty()) {
            PlanOutcome written = commit(
                s, result.plan, QStringLiteral("wave_auto"),
                QStringLiteral("auto-plan from %1").arg(options.from.toString(Qt::ISODate)), -1);
            written.autoPlan = result;
            o = written;
        }
        o.message = autoPlanMessage(result);
        if (const QString horizon = horizonText(s, rules, options, result); !horizon.isEmpty())
            o.message += QStringLiteral("; ") + horizon;
        return o;
    });
}

QString PlanService::autoPlanMessage(const WavePlanner::Result &result)
{
    QString text =
        QStringLiteral(
            "%1 pipeline(s) placed in %2 new and existing wave(s); %3 could not be placed")
            .arg(result.placed.size())
            .arg(result.plan.waves().size())
            .arg(result.unplaced.size());
    if (!result.nights.isEmpty())
        text +=
            QStringLiteral("; %1 note(s) on the nights after the waves").arg(result.nights.size());
    return text;
}

namespace {

// The weekends from `from` on that hold a pipeline placed by the plan, and the last of them.
std::pair<int, QDate> reach(const WavePlanner::Result &result, const QDate &from)
{
    const QSet<QString> placed(result.placed.cbegin(), result.placed.cend());
    int weekends = 0;
    QDate last;
    for (const Wave &w : result.plan.waves())
        if (w.date >= from &&
            std::any_of(w.members.cbegin(), w.members.cend(),
                        [&placed](const QString &m) { return placed.contains(m); })) {
            ++weekends;
            last = std::max(last, w.date);
        }
    return {weekends, last};
}

} // namespace

QString PlanService::horizonText(const StoreSnapshot &snapshot, const WaveRules &rules,
                                 const WavePlanner::Options &options,
                                 const WavePlanner::Result &result)
{
    const auto [weekends, last] = reach(result, options.from);
    if (weekends == 0)
        return {};
    QStringList parts{QStringLiteral("at %1 per weekend: %2 weekend(s), last %3")
                          .arg(options.capacity)
                          .arg(weekends)
                          .arg(last.toString(Qt::ISODate))};
    // Larger weekends, where the plan takes more than one: what the lead could trade for time.
    if (weekends > 1)
        for (const int factor : {2, 4}) {
            WavePlanner::Options larger = options;
            larger.capacity = options.capacity * factor;
            larger.maxHighRisk = options.maxHighRisk * factor;
            const auto [n, end] = reach(WavePlanner(snapshot, rules).plan(larger), options.from);
            if (n > 0)
                parts << QStringLiteral("at %1: %2, last %3")
                             .arg(larger.capacity)
                             .arg(n)
                             .arg(end.toString(Qt::ISODate));
        }
    return parts.join(QStringLiteral("; "));
}

PlanOutcome PlanService::restore(const WavePlan &target, qint64 expectedPlanVersion,
                                 const QString &action)
{
    return guarded<PlanOutcome>([&]() -> PlanOutcome {
        const StoreSnapshot s = m_store.snapshot();
        if (s.planVersion != expectedPlanVersion)
            return status(
                Outcome::Kind::Conflict,
                QStringLiteral(
                    "the plan was changed by someone else since; undo/redo would overwrite it"));
        // An undo is an edit like any other: it may not break a wave rule that the plan keeps now
        // (an upstream rolled back since, a wave date now blacked out, a wave now over capacity).
        const WaveRules rules(s, today());
        QSet<QString> brokenNow;
        for (const PlanFinding &f : rules.validate(s.plan))
            if (f.error)
                brokenNow.insert(f.reason.text);
        Decision d;
        for (const PlanFinding &f : rules.validate(target))
            if (f.error && !brokenNow.contains(f.reason.text))
                d.refuse(f.reason.code, f.reason.text, f.reason.pipelines);
        if (!d.allowed())
            return refused(d, QStringLiteral("the plan was not changed"));
        return commit(s, target, action, {}, expectedPlanVersion);
    });
}

QList<PlanFinding> PlanService::validate()
{
    const StoreSnapshot s = m_store.snapshot();
    return WaveRules(s, today()).validate(s.plan);
}

} // namespace daybreak
