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

// One run of the planner, in the order the rule reads: the candidates, the weekends on offer,
// each candidate's first and last possible weekend, then weekend by weekend the best released
// candidate, and what could not be placed.
class PlanBuilder
{
public:
    PlanBuilder(const StoreSnapshot &snapshot, const WaveRules &rules,
                const WavePlanner::Options &options)
        : m_snapshot(snapshot), m_rules(rules), m_from(options.from),
          m_capacity(std::max(1, options.capacity)), m_maxHigh(std::max(0, options.maxHighRisk))
    {
    }

    WavePlanner::Result run()
    {
        gatherCandidates();
        offerWeekends();
        indexPinnedMembers();
        boundEachCandidate();
        boundUpstreamsByPinnedDownstreams();
        fillWeekends();
        reportUnplaced();
        assemble();
        return std::move(m_result);
    }

private:
    const StoreSnapshot &m_snapshot;
    const WaveRules &m_rules;
    const QDate m_from;
    const int m_capacity;
    const int m_maxHigh;
    WavePlanner::Result m_result;

    QStringList m_candidates;
    int m_highCandidates = 0;
    std::vector<Slot> m_weekends;
    QHash<QString, int> m_slotOf;        // pinned pipelines in a weekend on offer
    QHash<QString, QDate> m_datedBefore; // pinned in waves before `from`
    int m_end = 0;
    QHash<QString, int> m_indexOf;
    // Per candidate: the first weekend it may take, the last (a pinned downstream), and how many
    // candidate upstreams it still waits for.
    std::vector<int> m_first, m_last, m_waiting, m_dependents;
    std::vector<bool> m_high, m_blocked, m_placed;
    std::vector<QStringList> m_downs;
    QHash<QString, QStringList> m_membersOfNew;

    int size() const { return int(m_candidates.size()); }

    void gatherCandidates()
    {
        for (const Pipeline &p : m_snapshot.inventory.pipelines())
            if (m_rules.isPlannable(p.id) && m_snapshot.plan.waveOf(p.id).isEmpty()) {
                m_candidates << p.id;
                m_highCandidates += p.risk == Risk::High ? 1 : 0;
            }
    }

    // The weekends on offer: pinned waves from `from` on, and enough new weekends after them.
    void offerWeekends()
    {
        QSet<QDate> taken;
        for (const Wave &w : m_snapshot.plan.waves()) {
            if (w.date < m_from || !m_rules.checkWaveDate(w).allowed())
                continue;
            int high = 0;
            for (const QString &m : w.members)
                if (const Pipeline *p = m_snapshot.inventory.find(m); p && p->risk == Risk::High)
                    ++high;
            m_weekends.push_back(
                {w.date, w.name, true, w.capacity, w.maxHighRisk, int(w.members.size()), high});
            taken.insert(w.date);
        }
        const ChangeWindow &window = m_rules.changeWindow();
        const int readinessWeeks = (m_snapshot.inventory.parityRunsRequired + 6) / 7 + 1;
        const int horizon = size() / m_capacity +
                            (m_maxHigh > 0 ? m_highCandidates / m_maxHigh : 0) + readinessWeeks +
                            int(m_weekends.size()) + 4;
        QDate d = m_from;
        while (d.dayOfWeek() != window.policy().startDay)
            d = d.addDays(1);
        for (int added = 0; added < horizon; d = d.addDays(7)) {
            if (window.isBlackout(d) || taken.contains(d))
                continue;
            const Wave probe = m_rules.makeWave(QString(), d);
            if (!m_rules.checkWaveDate(probe).allowed())
                continue;
            m_weekends.push_back({d, QStringLiteral("wave-%1").arg(d.toString(Qt::ISODate)), false,
                                  m_capacity, m_maxHigh, 0, 0});
            ++added;
        }
        std::stable_sort(m_weekends.begin(), m_weekends.end(),
                         [](const Slot &a, const Slot &b) { return a.date < b.date; });
        m_end = int(m_weekends.size());
    }

    void indexPinnedMembers()
    {
        QHash<QString, int> slotOfWave;
        for (int i = 0; i < m_end; ++i)
            slotOfWave.insert(m_weekends[i].name, i);
        for (const Wave &w : m_snapshot.plan.waves())
            for (const QString &m : w.members) {
                if (slotOfWave.contains(w.name))
                    m_slotOf.insert(m, slotOfWave.value(w.name));
                else
                    m_datedBefore.insert(m, w.date);
            }
    }

    void boundEachCandidate()
    {
        const int n = size();
        for (int i = 0; i < n; ++i)
            m_indexOf.insert(m_candidates.at(i), i);
        m_first.assign(n, 0);
        m_last.assign(n, m_end - 1);
        m_waiting.assign(n, 0);
        m_dependents.assign(n, 0);
        m_high.assign(n, false);
        m_blocked.assign(n, false);
        m_downs.assign(n, {});
        for (int i = 0; i < n; ++i)
            boundCandidate(i);
    }

    void boundCandidate(int i)
    {
        const QString &id = m_candidates.at(i);
        m_high[i] = m_snapshot.inventory.find(id)->risk == Risk::High;
        m_dependents[i] = int(m_snapshot.inventory.downstreamsOf(id).size());
        for (const QString &up : m_rules.pendingUpstreams(id)) {
            if (m_indexOf.contains(up)) {
                ++m_waiting[i];
                m_downs[m_indexOf.value(up)].append(id);
            } else if (m_slotOf.contains(up)) {
                m_first[i] = std::max(m_first[i], m_slotOf.value(up));
            } else if (!m_datedBefore.contains(up)) {
                m_blocked[i] = true;
                m_result.unplaced.append(
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
        while (m_first[i] < m_end && m_weekends[m_first[i]].date < ready)
            ++m_first[i];
        for (const QString &down : m_snapshot.inventory.downstreamsOf(id)) {
            if (m_slotOf.contains(down))
                m_last[i] = std::min(m_last[i], m_slotOf.value(down));
            else if (m_datedBefore.contains(down))
                m_last[i] = -1;
        }
    }

    // A pinned downstream bounds every upstream of it, transitively.
    void boundUpstreamsByPinnedDownstreams()
    {
        for (bool changed = true; changed;) {
            changed = false;
            for (int i = 0; i < size(); ++i)
                for (const QString &down : m_downs[i]) {
                    const int j = m_indexOf.value(down);
                    if (m_last[j] < m_last[i]) {
                        m_last[i] = m_last[j];
                        changed = true;
                    }
                }
        }
    }

    // Pick: earliest deadline, then high-risk while the wave has high-risk room (the scarcer
    // resource), then most downstream dependents, then the id.
    bool better(int a, int b) const
    {
        if (m_last[a] != m_last[b])
            return m_last[a] < m_last[b];
        if (m_high[a] != m_high[b])
            return m_high[a];
        if (m_dependents[a] != m_dependents[b])
            return m_dependents[a] > m_dependents[b];
        return m_candidates.at(a) < m_candidates.at(b);
    }

    int bestFor(const std::vector<int> &pool, int k) const
    {
        const Slot &s = m_weekends[k];
        const bool highRoom = s.high < s.maxHighRisk;
        int best = -1;
        for (int i : pool) {
            if (m_first[i] > k || k > m_last[i] || (m_high[i] && !highRoom))
                continue;
            if (best < 0 || better(i, best))
                best = i;
        }
        return best;
    }

    // Fill weekend by weekend. Same-wave upstreams are allowed, so placing a pipeline can free its
    // downstreams for the same weekend.
    void fillWeekends()
    {
        const int n = size();
        std::vector<int> pool; // released (no waiting upstreams), not yet placed
        int remaining = 0;
        for (int i = 0; i < n; ++i) {
            if (!m_blocked[i] && m_waiting[i] == 0)
                pool.push_back(i);
            remaining += m_blocked[i] ? 0 : 1;
        }
        m_placed.assign(n, false);
        for (int k = 0; k < m_end && remaining > 0; ++k) {
            Slot &s = m_weekends[k];
            while (s.count < s.capacity) {
                const int best = bestFor(pool, k);
                if (best < 0)
                    break;
                pool.erase(std::find(pool.begin(), pool.end(), best));
                m_placed[best] = true;
                --remaining;
                ++s.count;
                s.high += m_high[best] ? 1 : 0;
                m_membersOfNew[s.name].append(m_candidates.at(best));
                m_result.placed << m_candidates.at(best);
                for (const QString &down : m_downs[best]) {
                    const int j = m_indexOf.value(down);
                    m_first[j] = std::max(m_first[j], k);
                    if (--m_waiting[j] == 0 && !m_blocked[j])
                        pool.push_back(j);
                }
            }
        }
    }

    void reportUnplaced()
    {
        for (int i = 0; i < size(); ++i) {
            if (m_placed[i] || m_blocked[i])
                continue;
            const QString &id = m_candidates.at(i);
            m_result.unplaced.append(
                {true,
                 {},
                 id,
                 {Reason::Code::WaveCapacity,
                  m_waiting[i] > 0
                      ? QStringLiteral(
                            "%1 cannot be planned: an upstream it reads could not be planned")
                            .arg(id)
                      : QStringLiteral(
                            "%1 cannot be planned: no weekend between its upstreams, its parity "
                            "readiness and its planned downstreams has room")
                            .arg(id),
                  {id}}});
        }
    }

    void assemble()
    {
        QList<Wave> waves = m_snapshot.plan.waves();
        for (Wave &w : waves)
            w.members += m_membersOfNew.value(w.name);
        for (const Slot &s : m_weekends) {
            if (s.existing || m_membersOfNew.value(s.name).isEmpty())
                continue;
            Wave w = m_rules.makeWave(s.name, s.date);
            w.capacity = s.capacity;
            w.maxHighRisk = s.maxHighRisk;
            w.members = m_membersOfNew.value(s.name);
            waves.append(w);
            m_result.createdWaves << s.name;
        }
        m_result.plan = WavePlan(waves);
    }
};

} // namespace

WavePlanner::WavePlanner(const StoreSnapshot &snapshot, const WaveRules &rules)
    : m_snapshot(snapshot), m_rules(rules)
{
}

WavePlanner::Result WavePlanner::plan(const Options &options) const
{
    return PlanBuilder(m_snapshot, m_rules, options).run();
}

} // namespace daybreak
