#include "RoutingHistory.h"

#include <algorithm>

namespace daybreak {

RoutingHistory::RoutingHistory(const StoreSnapshot &snapshot, const QList<AuditEntry> &audit)
{
    for (const Pipeline &p : snapshot.inventory.pipelines())
        m_now.insert(p.id, snapshot.stateOf(p.id));
    for (const AuditEntry &a : audit) {
        if (a.pipeline.isEmpty())
            continue;
        const auto from = stateFromName(a.from);
        const auto to = stateFromName(a.to);
        if (from && to && *from != *to) // plan rows carry wave names, not states
            m_moves[a.pipeline].append({a.at, *from, *to});
    }
    for (QList<Move> &moves : m_moves)
        std::stable_sort(moves.begin(), moves.end(),
                         [](const Move &a, const Move &b) { return a.at < b.at; });
}

State RoutingHistory::stateAt(const QString &pipeline, const QDateTime &at) const
{
    const auto it = m_moves.constFind(pipeline);
    if (it == m_moves.cend() || it->isEmpty())
        return m_now.value(pipeline, State::OnPrem);
    const auto after = std::upper_bound(it->cbegin(), it->cend(), at,
                                        [](const QDateTime &t, const Move &m) { return t < m.at; });
    if (after == it->cbegin())
        return after->from;
    return std::prev(after)->to;
}

} // namespace daybreak
