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

} // namespace daybreak
