#include "NetworkSimplex.h"

#include <algorithm>
#include <climits>

namespace daybreak {

namespace {

class Solver
{
public:
    Solver(int n, const std::vector<std::pair<int, int>> &edges, std::vector<int> &rank)
        : m_n(n), m_rank(rank), m_tree(edges.size(), 0), m_incident(n), m_parentEdge(n, -1),
          m_low(n), m_lim(n), m_cut(edges.size(), 0)
    {
        for (const auto &[t, h] : edges) {
            m_tail.push_back(t);
            m_head.push_back(h);
        }
        for (int e = 0; e < int(edges.size()); ++e) {
            m_incident[m_tail[e]].push_back(e);
            m_incident[m_head[e]].push_back(e);
        }
    }

    void run(long long maxIterations)
    {
        if (m_n < 2)
            return;
        feasibleTree();
        structure();
        for (long long it = 0; it < maxIterations; ++it) {
            const int leave = leavingEdge();
            if (leave < 0)
                break;
            const int enter = enteringEdge(leave);
            if (enter < 0)
                break;
            exchange(leave, enter);
        }
        const int lowest = *std::min_element(m_rank.begin(), m_rank.end());
        for (int &r : m_rank)
            r -= lowest;
    }

private:
    int slack(int e) const { return m_rank[m_head[e]] - m_rank[m_tail[e]] - 1; }
    int other(int e, int v) const { return m_tail[e] == v ? m_head[e] : m_tail[e]; }
    bool inSubtree(int root, int v) const
    {
        return m_low[root] <= m_lim[v] && m_lim[v] <= m_lim[root];
    }

    // A spanning tree of tight edges: grow it along tight edges; when it stops, pull in the
    // nearest vertex by shifting the whole tree by the least slack of an edge leaving it.
    void feasibleTree()
    {
        std::vector<char> inTree(m_n, 0);
        std::vector<int> members{0};
        inTree[0] = 1;
        std::vector<int> queue{0};
        const auto grow = [&] {
            while (!queue.empty()) {
                const int v = queue.back();
                queue.pop_back();
                for (int e : m_incident[v]) {
                    const int w = other(e, v);
                    if (!inTree[w] && slack(e) == 0) {
                        inTree[w] = 1;
                        m_tree[e] = 1;
                        members.push_back(w);
                        queue.push_back(w);
                    }
                }
            }
        };
        grow();
        while (int(members.size()) < m_n) {
            int best = -1;
            int bestSlack = INT_MAX;
            for (int v : members)
                for (int e : m_incident[v])
                    if (!inTree[other(e, v)] && slack(e) < bestSlack) {
                        bestSlack = slack(e);
                        best = e;
                    }
            if (best < 0)
                return; // not connected: the caller passes one component
            const int delta = inTree[m_head[best]] ? -bestSlack : bestSlack;
            for (int v : members)
                m_rank[v] += delta;
            queue = members; // the shift may have tightened other edges leaving the tree
            grow();
        }
    }

    // Postorder ranges (low, lim) of the tree rooted at 0, then every tree edge's cut value.
    void structure()
    {
        std::fill(m_parentEdge.begin(), m_parentEdge.end(), -1);
        m_postorder.clear();
        std::vector<std::pair<int, size_t>> stack{{0, 0}};
        int counter = 0;
        m_low[0] = 0;
        while (!stack.empty()) {
            auto &[v, next] = stack.back();
            if (next < m_incident[v].size()) {
                const int e = m_incident[v][next++];
                if (!m_tree[e] || e == m_parentEdge[v])
                    continue;
                const int w = other(e, v);
                m_parentEdge[w] = e;
                m_low[w] = counter;
                stack.emplace_back(w, 0);
            } else {
                m_lim[v] = counter++;
                m_postorder.push_back(v);
                stack.pop_back();
            }
        }
        for (int v : m_postorder)
            if (m_parentEdge[v] >= 0)
                m_cut[m_parentEdge[v]] = cutValue(v);
    }

    // The cut value of the tree edge joining `v` to its parent, from the cut values of the tree
    // edges below `v` and the edges at `v` (Gansner et al., section 2.4).
    long long cutValue(int v) const
    {
        const int f = m_parentEdge[v];
        const int dir = m_tail[f] == v ? 1 : -1;
        long long sum = 0;
        for (int e : m_incident[v]) {
            const int w = other(e, v);
            const bool outside = !inSubtree(v, w);
            long long value;
            if (outside) {
                value = 1;
            } else {
                value = (m_tree[e] ? m_cut[e] : 0) - 1;
            }
            int d = dir > 0 ? (m_head[e] == v ? 1 : -1) : (m_tail[e] == v ? 1 : -1);
            if (outside)
                d = -d;
            sum += d < 0 ? -value : value;
        }
        return sum;
    }

    int leavingEdge() const
    {
        int best = -1;
        long long most = 0;
        for (int v : m_postorder) {
            const int e = m_parentEdge[v];
            if (e >= 0 && m_cut[e] < most) {
                most = m_cut[e];
                best = e;
            }
        }
        return best;
    }

    // The non-tree edge of least slack that goes from the head side of `leave` to its tail side.
    int enteringEdge(int leave) const
    {
        const int child = m_parentEdge[m_tail[leave]] == leave ? m_tail[leave] : m_head[leave];
        const bool tailSideBelow = child == m_tail[leave];
        int best = -1;
        int bestSlack = INT_MAX;
        for (int e = 0; e < int(m_tail.size()); ++e) {
            if (m_tree[e])
                continue;
            const bool tailIn = inSubtree(child, m_tail[e]), headIn = inSubtree(child, m_head[e]);
            const bool crosses = tailSideBelow ? (!tailIn && headIn) : (tailIn && !headIn);
            if (crosses && slack(e) < bestSlack) {
                bestSlack = slack(e);
                best = e;
            }
        }
        return best;
    }

    void exchange(int leave, int enter)
    {
        const int child = m_parentEdge[m_tail[leave]] == leave ? m_tail[leave] : m_head[leave];
        const int s = slack(enter);
        const int delta = inSubtree(child, m_head[enter]) ? -s : s;
        if (delta != 0)
            for (int v = 0; v < m_n; ++v)
                if (inSubtree(child, v))
                    m_rank[v] += delta;
        m_tree[leave] = 0;
        m_tree[enter] = 1;
        structure();
    }

    int m_n;
    std::vector<int> &m_rank;
    std::vector<int> m_tail, m_head;
    std::vector<char> m_tree;
    std::vector<std::vector<int>> m_incident;
    std::vector<int> m_parentEdge, m_low, m_lim, m_postorder;
    std::vector<long long> m_cut;
};

} // namespace

void NetworkSimplex::improve(int n, const std::vector<std::pair<int, int>> &edges,
                             std::vector<int> &layer, long long maxIterations)
{
    Solver(n, edges, layer).run(maxIterations);
}

} // namespace daybreak
