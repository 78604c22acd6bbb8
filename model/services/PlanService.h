#pragma once

#include "Access.h"
#include "Decision.h"
#include "Outcome.h"
#include "PlanMoves.h"
#include "StoreTypes.h"
#include "WavePlanner.h"
#include "WaveRules.h"

namespace daybreak {

class Clock;
class Store;

// A plan edit's outcome, with the plan before and after it (what an undo step needs).
struct PlanOutcome : Outcome
{
    WavePlan before;
    WavePlan after;
    qint64 planVersion = 0; // after the edit
    WavePlanner::Result autoPlan;
};

// Every edit of the wave plan, for the CLI and for the board's undo commands alike: each is
// checked by WaveRules, written as one transaction guarded by the plan version, and audited.
class PlanService
{
public:
    PlanService(Store &store, const Clock &clock, QString actor);

    PlanOutcome addWave(const QString &name, const QDate &date, int capacity = kDefaultWaveCapacity,
                        int maxHighRisk = kDefaultWaveMaxHighRisk);
    PlanOutcome removeWave(const QString &name);
    PlanOutcome renameWave(const QString &from, const QString &to, qint64 expectedPlanVersion = -1);
    // Places the pipelines in order; all or nothing.
    // `dryRun`: every rule and the role checked against the live store, nothing written; the
    // outcome is the one the real change would have (Done or Refused with every reason).
    PlanOutcome assign(const QStringList &pipelines, const QString &wave, bool dryRun = false);
    PlanOutcome unassign(const QStringList &pipelines);
    // The board's move: into `wave` (empty: back to the backlog), with the upstreams it needs when
    // `carryUpstreams` (a Shift-drag). Judged by PlanMoves on the store's current plan.
    PlanOutcome move(const QStringList &pipelines, const QString &wave, bool carryUpstreams,
                     bool dryRun = false);
    // The same judgement on a snapshot the caller holds (what a column shows while dragging),
    // for a user with `access`: no store call.
    static Decision checkMove(const Access &access, const PlanMoves &moves,
                              const QStringList &pipelines, const QString &wave,
                              bool carryUpstreams);
    // Plans every unplanned pipeline; with `apply` false it only previews.
    PlanOutcome autoPlan(const WavePlanner::Options &options, bool apply);
    // Puts the plan back to `target` (undo/redo): refused as a conflict if the plan moved, and by
    // the wave rules like a fresh edit if `target` breaks one that the current plan does not.
    PlanOutcome restore(const WavePlan &target, qint64 expectedPlanVersion, const QString &action);

    QList<PlanFinding> validate();
    // Refuses every plan edit for a user without the planner role (the board says so while
    // dragging).
    static Decision roleDecision(const Access &access);
    // What an auto-plan placed, in a sentence.
    static QString autoPlanMessage(const WavePlanner::Result &result);
    // How far the plan reaches, and how far it would at larger capacities, said before it is
    // written: "at 8 per weekend: 104 weekends, last 2028-12-09; at 16: 52, last 2027-12-11;
    // at 32: 26, last 2027-06-12". Empty when nothing was placed.
    static QString horizonText(const StoreSnapshot &snapshot, const WaveRules &rules,
                               const WavePlanner::Options &options,
                               const WavePlanner::Result &result);
    // Today in the inventory's time zone, from the clock.
    QDate today() const;

private:
    PlanOutcome commit(const StoreSnapshot &snapshot, const WavePlan &after, const QString &action,
                       const QString &reason, qint64 expectedPlanVersion);

    Store &m_store;
    const Clock &m_clock;
    QString m_actor;
};

QString defaultWaveName(const QDate &date);

} // namespace daybreak
