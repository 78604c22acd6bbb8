#include "Components.h"

#include <algorithm>
#include <numeric>

namespace daybreak {

std::vector<std::vector<int>> connectedComponents(const std::vector<std::vector<int>> &down)
{
    const int n = int(down.size());
    std::vector<int> parent(n);
    std::iota(parent.begin(), parent.end(), 0);
    const auto find = [&](int v) {
        while (parent[v] != v)
            v = parent[v] = parent[parent[v]];
        return v;
    };
    for (int v = 0; v < n; ++v)
        for (int w : down[v])
            parent[find(v)] = find(w);
    std::vector<int> slot(n, -1);
    std::vector<std::vector<int>> result;
    for (int v = 0; v < n; ++v) {
        const int r = find(v);
        if (slot[r] < 0) {
            slot[r] = int(result.size());
            result.emplace_back();
        }
        result[slot[r]].push_back(v);
    }
    std::stable_sort(result.begin(), result.end(),
                     [](const auto &a, const auto &b) { return a.size() > b.size(); });
    return result;
}

} // namespace daybreak
