#pragma once

#include "ChangeWindow.h"
#include "Decision.h"
#include "DependencyGraph.h"
#include "StoreTypes.h"

#include <QDate>

#include <optional>

namespace daybreak {

// One problem in a plan: which wave, which pipeline, and the reason (error or warning).
struct PlanFinding
{
    bool error = true;
    QString wave;
    QString pipeline;
    Reason reason;
};

// The wave rules of DESIGN.md §3 in one place: may pipeline P go into wave W, is a whole plan
// valid, in which order does a wave cut over, and when can a pipeline's gate pass.
// Build one per snapshot and reuse it: the drop check runs on every drag move.
class WaveRules
{
public:
    WaveRules(const StoreSnapshot &snapshot, QDate today);

    // "May P go into W?" against `plan` (the store's plan or a hypothetical one).
    Decision checkAssign(const WavePlan &plan, const QString &pipeline,
                         const QString &waveName) const;
    // Taking these pipelines out of their waves must not strand a planned downstream.
    Decision checkUnassign(const WavePlan &plan, const QStringList &pipelines) const;
    // The wave's date must fall in the change window and not on a blackout date.
    Decision checkWaveDate(const Wave &wave) const;
    QList<PlanFinding> validate(const WavePlan &plan) const;

    // Topological order of the wave's members; ties: most downstream dependents first, then id.
    QStringList cutoverOrder(const Wave &wave) const;
    // The first date the gate can pass, counting the clean nightly runs still needed from today.
    QDate parityReadyDate(const QString &pipeline) const;
    // Cloud-target pipelines not cut over yet: what waves are for.
    bool isPlannable(const QString &pipeline) const;
    // Upstreams that are neither canonical cloud nor staying on-prem.
    QStringList pendingUpstreams(const QString &pipeline) const;
    int downstreamCount(const QString &pipeline) const;

    // A wave on `date` with the policy's window around it.
    Wave makeWave(const QString &name, const QDate &date) const;
    const DependencyGraph &graph() const { return m_graph; }
    const ChangeWindow &changeWindow() const { return m_window; }
    QDate today() const { return m_today; }

private:
    QString waveLabel(const WavePlan &plan, int index) const;

    const StoreSnapshot &m_snapshot;
    QDate m_today;
    DependencyGraph m_graph;
    ChangeWindow m_window;
    mutable QHash<QString, int> m_downstreamCount;
};

} // namespace daybreak
