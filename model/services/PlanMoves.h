#pragma once

#include "Decision.h"
#include "LearnedDurations.h"
#include "StoreTypes.h"
#include "WaveRules.h"

#include <QDate>
#include <QHash>
#include <QStringList>

#include <memory>

namespace daybreak {

// A move on the wave board, judged on one snapshot: which pipelines it takes along and whether the
// wave rules allow it. "Carry upstreams" (a Shift-drag) brings the unplanned or later-planned
// upstreams a pipeline needs, upstreams first. PlanService makes its edits with it and the board's
// column models ask it while dragging, so what a column shows and what a drop does cannot differ.
class PlanMoves
{
public:
    PlanMoves(StoreSnapshot snapshot, QDate today);
    PlanMoves(const PlanMoves &) = delete; // the rules hold a reference to the snapshot
    PlanMoves &operator=(const PlanMoves &) = delete;

    // What moving `ids` into `wave` moves, in placing order (empty wave: the planned ones among
    // `ids`).
    QStringList moving(const QStringList &ids, const QString &wave, bool carryUpstreams) const;
    // The wave rules' answer for that move (roles are the service's business).
    Decision check(const QStringList &ids, const QString &wave, bool carryUpstreams) const;
    // The unplanned or later-planned upstreams `id` needs in `wave`, upstreams first, then `id`.
    QStringList withUpstreams(const QString &id, const QString &wave) const;

    const StoreSnapshot &snapshot() const { return m_snapshot; }
    // What-if nights are projected twice per drag move: above this many pipelines the drop
    // check and the board leave them out (a 10,000-pipeline night takes about 0.1 s).
    static constexpr int kWhatIfLimit = 3000;
    static bool whatIfApplies(const StoreSnapshot &s)
    {
        return s.inventory.pipelines().size() <= kWhatIfLimit;
    }
    // The durations the what-if nights are projected with (none: the inventory's).
    void setLearned(std::shared_ptr<const LearnedDurations> learned)
    {
        m_learned = std::move(learned);
    }
    const LearnedDurations *learned() const { return m_learned.get(); }
    const WaveRules &rules() const { return m_rules; }
    // Longest-path layer of a pipeline: 0 reads nothing.
    int depthOf(const QString &id) const { return m_depth.value(id); }

private:
    StoreSnapshot m_snapshot;
    WaveRules m_rules; // after m_snapshot: it reads it
    QHash<QString, int> m_depth;
    std::shared_ptr<const LearnedDurations> m_learned;
};

} // namespace daybreak
