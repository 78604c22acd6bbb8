#include "BoardState.h"

#include "Selector.h"

#include <algorithm>

namespace daybreak {

void BoardState::setSnapshot(const StoreSnapshot &snapshot, const QDate &today)
{
    m_snapshot = snapshot;
    m_today = today;
    m_moves = std::make_unique<PlanMoves>(snapshot, today);
    m_moves->setLearned(m_learned);
    m_health.clear();
}

bool BoardState::setLearned(std::shared_ptr<const LearnedDurations> learned)
{
    if (learned == m_learned)
        return false;
    m_learned = std::move(learned);
    if (m_moves)
        m_moves->setLearned(m_learned);
    return true;
}

QStringList BoardState::backlog(const QString &filter, BacklogOrder order, int *total) const
{
    QStringList ids;
    if (!m_moves)
        return ids;
    for (const Pipeline &p : m_snapshot.inventory.pipelines())
        if (m_moves->rules().isPlannable(p.id) && m_snapshot.plan.waveOf(p.id).isEmpty())
            ids << p.id;
    if (total)
        *total = int(ids.size());
    if (!filter.isEmpty()) {
        const Selector::Result selected = Selector::select(filter, m_snapshot);
        const auto filteredOut = [&](const QString &id) {
            return selected.ok() ? !selected.ids.contains(id)
                                 : !id.contains(filter, Qt::CaseInsensitive);
        };
        ids.erase(std::remove_if(ids.begin(), ids.end(), filteredOut), ids.end());
    }
    QHash<QString, QString> groupOf;
    for (const Pipeline &p : m_snapshot.inventory.pipelines())
        groupOf.insert(p.id, p.groupName());
    std::sort(ids.begin(), ids.end(), [&](const QString &a, const QString &b) {
        if (order == BacklogOrder::Depth && depthOf(a) != depthOf(b))
            return depthOf(a) < depthOf(b);
        if (order == BacklogOrder::Owner && ownerOf(a) != ownerOf(b))
            return ownerOf(a) < ownerOf(b);
        if (order == BacklogOrder::Group && groupOf.value(a) != groupOf.value(b))
            return groupOf.value(a) < groupOf.value(b);
        return a < b;
    });
    return ids;
}

QStringList BoardState::openWaves() const
{
    QStringList names;
    for (const Wave &w : m_snapshot.plan.waves())
        if (!w.windowEnd.isValid() || w.windowEnd.date() >= m_today)
            names << w.name;
    return names;
}

QStringList BoardState::pastWaves() const
{
    // A wave whose window is over is history: what it cut over, never a column to plan into.
    QStringList past;
    for (const Wave &w : m_snapshot.plan.waves()) {
        if (!w.windowEnd.isValid() || w.windowEnd.date() >= m_today)
            continue;
        int cut = 0;
        for (const QString &id : w.members)
            cut += canonicalSide(m_snapshot.stateOf(id)) == Side::Cloud ? 1 : 0;
        past << tr("%1 (%2, %3 of %4 cut over)")
                    .arg(w.name, w.date.toString(QStringLiteral("ddd yyyy-MM-dd")))
                    .arg(cut)
                    .arg(w.members.size());
    }
    return past;
}

const QHash<QString, WaveNight> &BoardState::nights()
{
    if (m_nights.isEmpty() || !(m_nightsOf == m_snapshot.plan) ||
        m_nightsLearned != m_learned.get()) {
        m_nights.clear();
        if (PlanMoves::whatIfApplies(m_snapshot))
            for (const WaveNight &n : WaveNights::all(m_snapshot, m_snapshot.plan, m_learned.get()))
                m_nights.insert(n.wave, n);
        m_nightsOf = m_snapshot.plan;
        m_nightsLearned = m_learned.get();
    }
    return m_nights;
}

int BoardState::highRiskIn(const Wave &wave) const
{
    return int(std::count_if(wave.members.cbegin(), wave.members.cend(),
                             [this](const QString &m) { return riskOf(m) == Risk::High; }));
}

QString BoardState::ownerOf(const QString &id) const
{
    const Pipeline *p = m_snapshot.inventory.find(id);
    return p ? p->owner : QString();
}

Risk BoardState::riskOf(const QString &id) const
{
    const Pipeline *p = m_snapshot.inventory.find(id);
    return p ? p->risk : Risk::Medium;
}

State BoardState::stateOf(const QString &id) const
{
    return m_snapshot.stateOf(id);
}

ParityHealth BoardState::healthOf(const QString &id) const
{
    const auto known = m_health.constFind(id);
    if (known != m_health.cend())
        return *known;
    return *m_health.insert(id, ParityService::health(m_snapshot, id, m_today));
}

int BoardState::depthOf(const QString &id) const
{
    return m_moves ? m_moves->depthOf(id) : 0;
}

QString BoardState::cardToolTip(const QString &id) const
{
    const Pipeline *p = m_snapshot.inventory.find(id);
    if (!p)
        return id;
    const WaveRules *rules = m_moves ? &m_moves->rules() : nullptr;
    const QStringList pending = rules ? rules->pendingUpstreams(id) : QStringList();
    return tr("%1 — %2\nowner %3, %4 risk, %5\nparity ready %6%7")
        .arg(id, p->name, p->owner.trimmed().isEmpty() ? tr("none") : p->owner, riskName(p->risk),
             stateName(stateOf(id)),
             rules ? rules->parityReadyDate(id).toString(Qt::ISODate) : QString(),
             pending.isEmpty() ? QString()
                               : tr("\nneeds first: %1").arg(pending.join(QStringLiteral(", "))));
}

} // namespace daybreak
