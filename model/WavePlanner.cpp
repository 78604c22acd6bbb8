#include "WavePlanner.h"

#include <algorithm>
#include <vector>

namespace {
struct Slot
{
    QDate date;
    QString name;
    bool existing = false;
    int capacity = 0;
    int maxHighRisk = 0;
    int count = 0;
    int high = 0;
};
} // namespace

WavePlanner::WavePlanner(const StoreSnapshot &snapshot, const WaveRules &rules) : m_snapshot(snapshot), m_rules(rules) {}

WavePlanner::Result WavePlanner::plan(const Options &options) const
{
    Result result;
    const WavePlan &pinned = m_snapshot.plan;
    const ChangeWindow &window = m_rules.changeWindow();
    const int capacity = std::max(1, options.capacity);
    const int maxHigh = std::max(0, options.maxHighRisk);

    // Candidates in an order where every upstream comes first: by layer, then most dependents.
    const QHash<QString, int> layers = m_rules.graph().layers();
    QStringList candidates;
    int highCandidates = 0;
    for (const Pipeline &p : m_snapshot.inventory.pipelines())
        if (m_rules.isPlannable(p.id) && pinned.waveOf(p.id).isEmpty()) {
            candidates << p.id;
            highCandidates += p.risk == Risk::High ? 1 : 0;
        }
    std::sort(candidates.begin(), candidates.end(), [&](const QString &a, const QString &b) {
        const int la = layers.value(a), lb = layers.value(b);
        if (la != lb)
            return la < lb;
        const int da = m_rules.downstreamCount(a), db = m_rules.downstreamCount(b);
        return da != db ? da > db : a < b;
    });

    // The weekends on offer: pinned waves from `from` on, and enough new weekends after them.
    std::vector<Slot> weekends;
    QSet<QDate> taken;
    for (const Wave &w : pinned.waves()) {
        if (w.date < options.from || !m_rules.checkWaveDate(w).allowed())
            continue;
        int high = 0;
        for (const QString &m : w.members)
            if (const Pipeline *p = m_snapshot.inventory.find(m); p && p->risk == Risk::High)
                ++high;
        weekends.push_back({w.date, w.name, true, w.capacity, w.maxHighRisk, int(w.members.size()), high});
        taken.insert(w.date);
    }
    const int readinessWeeks = (m_snapshot.inventory.parityRunsRequired + 6) / 7 + 1;
    const int horizon = int(candidates.size()) / capacity + (maxHigh > 0 ? highCandidates / maxHigh : 0)
                        + readinessWeeks + int(weekends.size()) + 4;
    QDate d = options.from;
    while (d.dayOfWeek() != window.policy().startDay)
        d = d.addDays(1);
    for (int added = 0; added < horizon; d = d.addDays(7)) {
        if (window.isBlackout(d) || taken.contains(d))
            continue;
        const Wave probe = m_rules.makeWave(QString(), d);
        if (!m_rules.checkWaveDate(probe).allowed())
            continue;
        weekends.push_back({d, QStringLiteral("wave-%1").arg(d.toString(Qt::ISODate)), false, capacity, maxHigh, 0, 0});
        ++added;
    }
    std::stable_sort(weekends.begin(), weekends.end(), [](const Slot &a, const Slot &b) { return a.date < b.date; });
    QHash<QString, int> slotOfWave;
    for (int i = 0; i < int(weekends.size()); ++i)
        slotOfWave.insert(weekends[i].name, i);

    QHash<QString, int> slotOf; // pipeline -> slot, for everything planned at or after `from`
    QHash<QString, QDate> datedBefore; // pinned in waves before `from`
    for (const Wave &w : pinned.waves())
        for (const QString &m : w.members) {
            if (slotOfWave.contains(w.name))
                slotOf.insert(m, slotOfWave.value(w.name));
            else
                datedBefore.insert(m, w.date);
        }
    QHash<QString, QStringList> membersOfNew;

    // "Next slot at or after i with room", with path compression; one for any, one for high risk.
    std::vector<int> nextFree(weekends.size() + 1), nextHigh(weekends.size() + 1);
    for (size_t i = 0; i <= weekends.size(); ++i) {
        const bool full = i < weekends.size() && weekends[i].count >= weekends[i].capacity;
        const bool highFull = i < weekends.size() && weekends[i].high >= weekends[i].maxHighRisk;
        nextFree[i] = full ? int(i) + 1 : int(i);
        nextHigh[i] = highFull ? int(i) + 1 : int(i);
    }
    auto find = [](std::vector<int> &next, int i) {
        int root = i;
        while (next[root] != root)
            root = next[root];
        while (next[i] != root) {
            const int up = next[i];
            next[i] = root;
            i = up;
        }
        return root;
    };
    const int end = int(weekends.size());

    for (const QString &id : std::as_const(candidates)) {
        const Pipeline *p = m_snapshot.inventory.find(id);
        const bool high = p->risk == Risk::High;
        int lo = 0;
        QString blocker;
        for (const QString &up : m_rules.pendingUpstreams(id)) {
            if (slotOf.contains(up))
                lo = std::max(lo, slotOf.value(up));
            else if (!datedBefore.contains(up))
                blocker = up;
        }
        if (!blocker.isEmpty()) {
            result.unplaced.append({true, {}, id, {Reason::Code::UpstreamPlannedLater,
                                                   QStringLiteral("%1 cannot be planned: it reads %2, which could not be planned")
                                                       .arg(id, blocker), {id, blocker}}});
            continue;
        }
        const QDate ready = m_rules.parityReadyDate(id);
        while (lo < end && weekends[lo].date < ready)
            ++lo;
        int hi = end - 1;
        for (const QString &down : m_snapshot.inventory.downstreamsOf(id)) {
            if (slotOf.contains(down) && pinned.waveOf(down).size() > 0)
                hi = std::min(hi, slotOf.value(down));
            else if (datedBefore.contains(down))
                hi = -1;
        }
        int chosen = -1;
        for (int i = find(nextFree, lo); i <= hi && i < end;) {
            if (!high || weekends[i].high < weekends[i].maxHighRisk) {
                chosen = i;
                break;
            }
            i = find(nextFree, find(nextHigh, i + 1)); // room for a high-risk one, then room at all
        }
        if (chosen < 0) {
            result.unplaced.append({true, {}, id, {Reason::Code::WaveCapacity,
                                                   QStringLiteral("%1 cannot be planned: no weekend between its upstreams, "
                                                                  "its parity readiness (%2) and its planned downstreams has room")
                                                       .arg(id, ready.toString(Qt::ISODate)), {id}}});
            continue;
        }
        Slot &s = weekends[chosen];
        ++s.count;
        if (high)
            ++s.high;
        if (s.count >= s.capacity)
            nextFree[chosen] = chosen + 1;
        if (s.high >= s.maxHighRisk)
            nextHigh[chosen] = chosen + 1;
        slotOf.insert(id, chosen);
        membersOfNew[s.name].append(id);
        result.placed << id;
    }

    QList<Wave> waves = pinned.waves();
    for (Wave &w : waves)
        w.members += membersOfNew.value(w.name);
    for (const Slot &s : weekends) {
        if (s.existing || !membersOfNew.contains(s.name))
            continue;
        Wave w = m_rules.makeWave(s.name, s.date);
        w.capacity = s.capacity;
        w.maxHighRisk = s.maxHighRisk;
        w.members = membersOfNew.value(s.name);
        waves.append(w);
        result.createdWaves << s.name;
    }
    result.plan = WavePlan(waves);
    return result;
}
