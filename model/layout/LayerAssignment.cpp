#include "LayerAssignment.h"

#include "Components.h"
#include "NetworkSimplex.h"

#include <algorithm>
#include <climits>
#include <numeric>

namespace daybreak {

std::vector<int> LayerAssignment::compute(const std::vector<std::vector<int>> &down,
                                          const std::vector<std::vector<int>> &up,
                                          const std::vector<int> &topological)
{
    const int n = int(down.size());
    std::vector<int> layer(n, 0);
    // Longest path from the sources: the tightest left placement.
    for (int v : topological)
        for (int w : down[v])
            layer[w] = std::max(layer[w], layer[v] + 1);

    // Each move lowers the total span by |out - in| and never raises it, so this ends; the cap
    // only bounds the time on pathological graphs.
    for (int pass = 0; pass < 64; ++pass) {
        bool moved = false;
        for (auto it = topological.rbegin(); it != topological.rend(); ++it) {
            const int v = *it;
            if (down[v].size() <= up[v].size())
                continue;
            int hi = INT_MAX;
            for (int w : down[v])
                hi = std::min(hi, layer[w] - 1);
            if (hi > layer[v]) {
                layer[v] = hi;
                moved = true;
            }
        }
        for (int v : topological) {
            if (up[v].size() <= down[v].size())
                continue;
            int lo = 0;
            for (int u : up[v])
                lo = std::max(lo, layer[u] + 1);
            if (lo < layer[v]) {
                layer[v] = lo;
                moved = true;
            }
        }
        if (!moved)
            break;
    }
    // Then the least total span, per connected component, from that good start.
    std::vector<int> local(n, -1);
    for (const std::vector<int> &component : connectedComponents(down)) {
        if (component.size() < 2)
            continue;
        std::vector<int> rank;
        for (int v : component) {
            local[v] = int(rank.size());
            rank.push_back(layer[v]);
        }
        std::vector<std::pair<int, int>> edges;
        for (int v : component)
            for (int w : down[v])
                edges.emplace_back(local[v], local[w]);
        // Each iteration costs about one pass over the component: a budget of ~6 * 10^6 steps.
        const long long size = static_cast<long long>(component.size() + edges.size());
        NetworkSimplex::improve(int(component.size()), edges, rank,
                                std::max(50LL, 6000000LL / size));
        for (int v : component)
            layer[v] = rank[local[v]];
    }

    // Close gaps: layers nobody occupies (left behind by the moves) are dropped.
    const int top = n ? *std::max_element(layer.begin(), layer.end()) : 0;
    std::vector<int> used(top + 1, 0);
    for (int l : layer)
        used[l] = 1;
    std::vector<int> shift(top + 1, 0);
    for (int l = 0, next = 0; l <= top; ++l) {
        shift[l] = next;
        next += used[l];
    }
    for (int &l : layer)
        l = shift[l];
    return layer;
}

long long LayerAssignment::totalSpan(const std::vector<std::vector<int>> &down,
                                     const std::vector<int> &layer)
{
    long long span = 0;
    for (int v = 0; v < int(down.size()); ++v)
        for (int w : down[v])
            span += layer[w] - layer[v];
    return span;
}

} // namespace daybreak
