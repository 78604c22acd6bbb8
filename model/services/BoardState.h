#pragma once

#include "ParityService.h"
#include "PlanMoves.h"
#include "StoreTypes.h"
#include "WaveNights.h"

#include <QCoreApplication>
#include <QDate>
#include <QHash>
#include <QStringList>

#include <memory>

namespace daybreak {

// What the wave board shows, without a widget: the snapshot it judges moves on, the moves, the
// what-if nights per wave and each card's owner, risk, state, parity health and depth. The board
// and its column models read the same state, so a card and the column it sits in cannot disagree;
// the parity health is worked out once per card and snapshot, not on every paint.
class BoardState
{
    Q_DECLARE_TR_FUNCTIONS(BoardState)

public:
    enum class BacklogOrder
    {
        Depth,
        Owner,
        Id,
        Group
    };

    void setSnapshot(const StoreSnapshot &snapshot, const QDate &today);
    // The durations the what-if nights use; false when they are the ones already in use.
    bool setLearned(std::shared_ptr<const LearnedDurations> learned);
    std::shared_ptr<const LearnedDurations> learned() const { return m_learned; }

    const StoreSnapshot &snapshot() const { return m_snapshot; }
    const QDate &today() const { return m_today; }
    // The moves judged on the snapshot; null before the first one.
    const PlanMoves *moves() const { return m_moves.get(); }

    // Cloud-target pipelines not cut over and in no wave, selected by `filter` (a selector, or
    // the ids containing the text) and sorted; `total` gets the count before the filter.
    QStringList backlog(const QString &filter, BacklogOrder order, int *total) const;
    // The waves still to plan into, in date order, and those whose window is over, each
    // described with what it cut over.
    QStringList openWaves() const;
    QStringList pastWaves() const;
    // The night after each wave as the plan would leave it (none above PlanMoves' what-if
    // limit); projected again only when the plan or the durations changed.
    const QHash<QString, WaveNight> &nights();
    int highRiskIn(const Wave &wave) const;

    QString ownerOf(const QString &id) const;
    Risk riskOf(const QString &id) const;
    State stateOf(const QString &id) const;
    ParityHealth healthOf(const QString &id) const;
    int depthOf(const QString &id) const;
    QString cardToolTip(const QString &id) const;

private:
    StoreSnapshot m_snapshot;
    QDate m_today;
    std::unique_ptr<PlanMoves> m_moves;
    std::shared_ptr<const LearnedDurations> m_learned;
    mutable QHash<QString, ParityHealth> m_health; // of this snapshot
    QHash<QString, WaveNight> m_nights;
    WavePlan m_nightsOf;
    const LearnedDurations *m_nightsLearned = nullptr;
};

} // namespace daybreak
