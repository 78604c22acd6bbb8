#include "WavePlanner.h"

#include <algorithm>
#include <vector>

namespace daybreak {

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

WavePlanner::WavePlanner(const StoreSnapshot &snapshot, const WaveRules &rules)
    : m_snapshot(snapshot), m_rules(rules)
{
}

WavePlanner::Result WavePlanner::plan(const Options &options) const
{
    Result result;
    const WavePlan &pinned = m_snapshot.plan;
    const ChangeWindow &window = m_rules.changeWindow();
    const int capacity = std::max(1, options.capacity);
    const int maxHigh = std::max(0, options.maxHighRisk);

    QStringList candidates;
    int highCandidates = 0;
    for (const Pipeline &p : m_snapshot.inventory.pipelines())
        if (m_rules.isPlannable(p.id) && pinned.waveOf(p.id).isEmpty()) {
            candidates << p.id;
            highCandidates += p.risk == Risk::High ? 1 : 0;
        }
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
        weekends.push_back(
            {w.date, w.name, true, w.capacity, w.maxHighRisk, int(w.members.size()), high});
        taken.insert(w.date);
    }
    const int readinessWeeks = (m_snapshot.inventory.parityRunsRequired + 6) / 7 + 1;
    const int horizon = int(candidates.size()) / capacity +
                        (maxHigh > 0 ? highCandidates / maxHigh : 0) + readinessWeeks +
                        int(weekends.size()) + 4;
    QDate d = options.from;
    while (d.dayOfWeek() != window.policy().startDay)
        d = d.addDays(1);
    for (int added = 0; added < horizon; d = d.addDays(7)) {
        if (window.isBlackout(d) || taken.contains(d))
            continue;
        const Wave probe = m_rules.makeWave(QString(), d);
        if (!m_rules.checkWaveDate(probe).allowed())
            continue;
        weekends.push_back({d, QStringLiteral("wave-%1").arg(d.toString(Qt::ISODate)), false,
                            capacity, maxHigh, 0, 0});
        ++added;
    }
    std::stable_sort(weekends.begin(), weekends.end(),
                     [](const Slot &a, const Slot &b) { return a.date < b.date; });
    QHash<QString, int> slotOfWave;
    for (int i = 0; i < int(weekends.size()); ++i)
        slotOfWave.insert(weekends[i].name, i);

    QHash<QString, int> slotOf;        // pinned pipelines in a weekend on offer
    QHash<QString, QDate> datedBefore; // pinned in waves before `from`
    for (const Wave &w : pinned.waves())
        for (const QString &m : w.members) {
            if (slotOfWave.contains(w.name))
                slotOf.insert(m, slotOfWave.value(w.name));
            else
                datedBefore.insert(m, w.date);
        }
    const int end = int(weekends.size());

    // Per candidate: the first weekend it may take, the last (a pinned downstream), and how many
    // candidate upstreams it still waits for.
    const int n = int(candidates.size());
    QHash<QString, int> indexOf;
    for (int i = 0; i < n; ++i)
        indexOf.insert(candidates.at(i), i);
    std::vector<int> first(n, 0), last(n, end - 1), waiting(n, 0), dependents(n, 0);
    std::vector<bool> high(n, false), blocked(n, false);
    std::vector<QStringList> downs(n);
    for (int i = 0; i < n; ++i) {
        const QString &id = candidates.at(i);
        high[i] = m_snapshot.inventory.find(id)->risk == Risk::High;
        dependents[i] = int(m_snapshot.inventory.downstreamsOf(id).size());
        for (const QString &up : m_rules.pendingUpstreams(id)) {
            if (indexOf.contains(up)) {
                ++waiting[i];
                downs[indexOf.value(up)].append(id);
            } else if (slotOf.contains(up)) {
                first[i] = std::max(first[i], slotOf.value(up));
            } else if (!datedBefore.contains(up)) {
                blocked[i] = true;
                result.unplaced.append(
                    {true,
                     {},
                     id,
                     {Reason::Code::UpstreamPlannedLater,
                      QStringLiteral("%1 cannot be planned: it reads %2, which is "
                                     "neither planned nor plannable")
                          .arg(id, up),
                      {id, up}}});
            }
        }
        const QDate ready = m_rules.parityReadyDate(id);
        while (first[i] < end && weekends[first[i]].date < ready)
            ++first[i];
        for (const QString &down : m_snapshot.inventory.downstreamsOf(id)) {
            if (slotOf.contains(down))
                last[i] = std::min(last[i], slotOf.value(down));
            else if (datedBefore.contains(down))
                last[i] = -1;
        }
    }

    // A pinned downstream bounds every upstream of it, transitively.
    for (bool changed = true; changed;) {
        changed = false;
        for (int i = 0; i < n; ++i)
            for (const QString &down : downs[i]) {
                const int j = indexOf.value(down);
                if (last[j] < last[i]) {
                    last[i] = last[j];
                    changed = true;
                }
            }
    }

    // Fill weekend by weekend. Same-wave upstreams are allowed, so placing a pipeline can free its
    // downstreams for the same weekend. Pick: earliest deadline, then high-risk while the wave has
    // high-risk room (the scarcer resource), then most downstream dependents.
    auto better = [&](int a, int b) {
        if (last[a] != last[b])
            return last[a] < last[b];
        if (dependents[a] != dependents[b])
            return dependents[a] > dependents[b];
        return candidates.at(a) < candidates.at(b);
    };
    std::vector<int> pool; // released (no waiting upstreams), not yet placed
    std::vector<std::vector<int>> releasedAt(end + 1);
    for (int i = 0; i < n; ++i)
        if (!blocked[i] && waiting[i] == 0)
            pool.push_back(i);
    std::vector<bool> placed(n, false);
    QHash<QString, QStringList> membersOfNew;
    int remaining = 0;
    for (int i = 0; i < n; ++i)
        remaining += blocked[i] ? 0 : 1;
    for (int k = 0; k < end && remaining > 0; ++k) {
        Slot &s = weekends[k];
        for (;;) {
            if (s.count >= s.capacity)
                break;
            const bool highRoom = s.high < s.maxHighRisk;
            int best = -1;
            for (int i : pool) {
                if (first[i] > k || k > last[i] || (high[i] && !highRoom))
                    continue;
                if (best < 0) {
                    best = i;
                    continue;
                }
                if (last[i] != last[best] ? last[i] < last[best]
                                          : (high[i] != high[best] ? high[i] : better(i, best)))
                    best = i;
            }
            if (best < 0)
                break;
            pool.erase(std::find(pool.begin(), pool.end(), best));
            placed[best] = true;
            --remaining;
            ++s.count;
            s.high += high[best] ? 1 : 0;
            membersOfNew[s.name].append(candidates.at(best));
            result.placed << candidates.at(best);
            for (const QString &down : downs[best]) {
                const int j = indexOf.value(down);
                first[j] = std::max(first[j], k);
                if (--waiting[j] == 0 && !blocked[j])
                    pool.push_back(j);
            }
        }
    }
    for (int i = 0; i < n; ++i) {
        if (placed[i] || blocked[i])
            continue;
        const QString &id = candidates.at(i);
        result.unplaced.append(
            {true,
             {},
             id,
             {Reason::Code::WaveCapacity,
              waiting[i] > 0
                  ? QStringLiteral(
                        "%1 cannot be planned: an upstream it reads could not be planned")
                        .arg(id)
                  : QStringLiteral(
                        "%1 cannot be planned: no weekend between its upstreams, its parity "
                        "readiness and its planned downstreams has room")
                        .arg(id),
              {id}}});
    }
    QList<Wave> waves = pinned.waves();
    for (Wave &w : waves)
        w.members += membersOfNew.value(w.name);
    for (const Slot &s : weekends) {
        if (s.existing || membersOfNew.value(s.name).isEmpty())
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

} // namespace daybreak
