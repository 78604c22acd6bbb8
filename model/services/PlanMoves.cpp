#include "PlanMoves.h"

#include "Calendar.h"
#include "WaveNights.h"

#include <QTimeZone>

#include <QSet>

#include <algorithm>
#include <utility>

namespace daybreak {

PlanMoves::PlanMoves(StoreSnapshot snapshot, QDate today)
    : m_snapshot(std::move(snapshot)), m_rules(m_snapshot, today), m_depth(m_rules.graph().layers())
{
}

QStringList PlanMoves::withUpstreams(const QString &id, const QString &wave) const
{
    const int target = m_snapshot.plan.indexOf(wave);
    QStringList needed;
    QStringList stack{id};
    QSet<QString> seen{id};
    while (!stack.isEmpty()) {
        const QString at = stack.takeLast();
        for (const QString &up : m_rules.pendingUpstreams(at)) {
            const int planned = m_snapshot.plan.waveIndexOf(up);
            if (seen.contains(up) || (planned >= 0 && planned <= target))
                continue;
            seen.insert(up);
            needed << up;
            stack << up;
        }
    }
    std::sort(needed.begin(), needed.end(), [this](const QString &a, const QString &b) {
        return depthOf(a) != depthOf(b) ? depthOf(a) < depthOf(b) : a < b;
    });
    needed << id;
    return needed;
}

QStringList PlanMoves::moving(const QStringList &ids, const QString &wave,
                              bool carryUpstreams) const
{
    QStringList out;
    if (wave.isEmpty()) {
        for (const QString &id : ids)
            if (!m_snapshot.plan.waveOf(id).isEmpty() && !out.contains(id))
                out << id;
        return out;
    }
    for (const QString &id : ids)
        for (const QString &m : carryUpstreams ? withUpstreams(id, wave) : QStringList{id})
            if (!out.contains(m))
                out << m;
    return out;
}

Decision PlanMoves::check(const QStringList &ids, const QString &wave, bool carryUpstreams) const
{
    const QStringList moves = moving(ids, wave, carryUpstreams);
    if (wave.isEmpty())
        return m_rules.checkUnassign(m_snapshot.plan, moves);
    Decision all;
    WavePlan after = m_snapshot.plan;
    for (const QString &id : moves) {
        const Decision d = m_rules.checkAssign(after, id, wave);
        all.reasons += d.reasons;
        all.warnings += d.warnings;
        after.assign(id, wave);
    }
    if (all.allowed() && !moves.isEmpty() && whatIfApplies(m_snapshot)) {
        // The night after the wave, before and after the move: a report it would turn at risk.
        const QTimeZone zone = Calendar(m_snapshot.inventory).zone();
        const WaveNight then = WaveNights::after(m_snapshot, after, wave, m_learned.get());
        const QStringList turned = WaveNights::turnedAtRisk(
            WaveNights::after(m_snapshot, m_snapshot.plan, wave, m_learned.get()), then, zone);
        if (!turned.isEmpty())
            all.warn(Reason::Code::NightAtRisk,
                     QStringLiteral("the night after %1 (%2) would turn %3 from on track to at "
                                    "risk")
                         .arg(wave, then.night.toString(QStringLiteral("ddd dd MMM 6am")),
                              turned.join(QStringLiteral(", "))),
                     moves);
    }
    return all;
}

} // namespace daybreak
