#include "LayeredGraph.h"

#include <algorithm>
#include <utility>

namespace daybreak {

int LayeredGraph::addVertex(int atLayer, bool isDummy)
{
    layer.push_back(atLayer);
    dummy.push_back(isDummy);
    up.emplace_back();
    down.emplace_back();
    pos.push_back(int(order[atLayer].size()));
    order[atLayer].push_back(vertexCount() - 1);
    return vertexCount() - 1;
}

void LayeredGraph::addEdge(int from, int to)
{
    down[from].push_back(to);
    up[to].push_back(from);
}

void LayeredGraph::renumber(int l)
{
    for (int i = 0; i < int(order[l].size()); ++i)
        pos[order[l][i]] = i;
}

void LayeredGraph::renumberAll()
{
    for (int l = 0; l < layerCount(); ++l)
        renumber(l);
}

long long LayeredGraph::crossingsBetween(int l) const
{
    std::vector<std::pair<int, int>> ends;
    for (int v : order[l])
        for (int w : down[v])
            ends.emplace_back(pos[v], pos[w]);
    std::sort(ends.begin(), ends.end());
    const int n = int(order[l + 1].size());
    std::vector<int> tree(n + 1, 0);
    long long crossings = 0;
    long long seen = 0;
    for (const auto &end : ends) {
        long long notGreater = 0;
        for (int i = end.second + 1; i > 0; i -= i & -i)
            notGreater += tree[i];
        crossings += seen - notGreater;
        for (int i = end.second + 1; i <= n; i += i & -i)
            ++tree[i];
        ++seen;
    }
    return crossings;
}

long long LayeredGraph::crossings() const
{
    long long total = 0;
    for (int l = 0; l + 1 < layerCount(); ++l)
        total += crossingsBetween(l);
    return total;
}

long long LayeredGraph::straightCrossings(const std::vector<double> &y) const
{
    // Where each vertex's edge passes its layer: a node's own centre; for a dummy, the point of
    // the straight line between its edge's two nodes.
    std::vector<double> line(vertexCount());
    for (int v = 0; v < vertexCount(); ++v) {
        if (!dummy[v]) {
            line[v] = y[v];
            continue;
        }
        int a = v, b = v;
        while (dummy[a])
            a = up[a].front();
        while (dummy[b])
            b = down[b].front();
        const double t = double(layer[v] - layer[a]) / double(layer[b] - layer[a]);
        line[v] = y[a] + (y[b] - y[a]) * t;
    }
    long long total = 0;
    std::vector<std::pair<double, double>> pieces;
    std::vector<double> exits;
    std::vector<int> tree;
    for (int l = 0; l + 1 < layerCount(); ++l) {
        pieces.clear();
        for (int v : order[l])
            for (int w : down[v])
                pieces.emplace_back(line[v], line[w]);
        std::sort(pieces.begin(), pieces.end());
        exits.clear();
        for (const auto &p : pieces)
            exits.push_back(p.second);
        std::sort(exits.begin(), exits.end());
        exits.erase(std::unique(exits.begin(), exits.end()), exits.end());
        const int n = int(exits.size());
        tree.assign(n + 1, 0);
        long long inserted = 0;
        for (size_t i = 0; i < pieces.size();) {
            size_t j = i;
            while (j < pieces.size() && pieces[j].first == pieces[i].first)
                ++j;
            // Lines entering strictly above that leave strictly below cross this group's.
            for (size_t k = i; k < j; ++k) {
                const int rank = int(
                    std::upper_bound(exits.begin(), exits.end(), pieces[k].second) - exits.begin());
                long long notAbove = 0; // inserted lines leaving at or above this one
                for (int t = rank; t > 0; t -= t & -t)
                    notAbove += tree[t];
                total += inserted - notAbove;
            }
            for (size_t k = i; k < j; ++k) {
                const int rank =
                    int(std::lower_bound(exits.begin(), exits.end(), pieces[k].second) -
                        exits.begin()) +
                    1;
                for (int t = rank; t <= n; t += t & -t)
                    ++tree[t];
                ++inserted;
            }
            i = j;
        }
    }
    return total;
}

} // namespace daybreak
