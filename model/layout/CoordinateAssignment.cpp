#include "CoordinateAssignment.h"

#include "LayeredGraph.h"

#include <algorithm>

namespace daybreak {

namespace {

// Gansner et al.'s edge weights: keeping a long edge straight matters most.
double weight(const LayeredGraph &g, int a, int b)
{
    const int dummies = int(g.dummy[a]) + int(g.dummy[b]);
    return dummies == 2 ? 64 : dummies == 1 ? 8 : 1;
}

struct Block
{
    double weight = 0;
    double weighted = 0; // sum of weight * target
    int first = 0;
    int count = 0;
    double value() const { return weighted / weight; }
};

// Places layer l: minimises sum w_i (y_i - target_i)^2 with y_{i+1} - y_i >= sep_i, by
// substituting z_i = y_i - offset_i (offset the summed separations) so the constraint becomes
// z non-decreasing, and pooling adjacent violators.
void placeLayer(const LayeredGraph &g, int l, const std::vector<double> &target,
                const std::vector<double> &w, const std::vector<double> &extent,
                std::vector<double> &y)
{
    const std::vector<int> &row = g.order[l];
    const int n = int(row.size());
    std::vector<double> offset(n, 0);
    for (int i = 1; i < n; ++i)
        offset[i] = offset[i - 1] + (extent[row[i - 1]] + extent[row[i]]) / 2;
    std::vector<Block> blocks;
    blocks.reserve(n);
    for (int i = 0; i < n; ++i) {
        const int v = row[i];
        blocks.push_back({w[v], w[v] * (target[v] - offset[i]), i, 1});
        while (blocks.size() > 1 && blocks[blocks.size() - 2].value() >= blocks.back().value()) {
            Block top = blocks.back();
            blocks.pop_back();
            Block &below = blocks.back();
            below.weight += top.weight;
            below.weighted += top.weighted;
            below.count += top.count;
        }
    }
    for (const Block &b : blocks)
        for (int i = b.first; i < b.first + b.count; ++i)
            y[row[i]] = b.value() + offset[i];
}

} // namespace

std::vector<double> CoordinateAssignment::compute(const LayeredGraph &g, const Spacing &spacing,
                                                  int sweeps)
{
    const int n = g.vertexCount();
    std::vector<double> extent(n), y(n, 0), target(n), w(n);
    for (int v = 0; v < n; ++v)
        extent[v] = g.dummy[v] ? spacing.dummy : spacing.real;
    for (int l = 0; l < g.layerCount(); ++l) {
        double at = 0;
        for (int i = 0; i < int(g.order[l].size()); ++i) {
            const int v = g.order[l][i];
            at += i == 0 ? extent[v] / 2 : (extent[g.order[l][i - 1]] + extent[v]) / 2;
            y[v] = at;
        }
    }
    // A vertex with no neighbour on the pulling side stays where it is, weakly held.
    // The target is the weighted median of the neighbours (an L1 fit, as dot's priority method
    // solves): a vertex lines up exactly with its heaviest neighbours instead of averaging them.
    std::vector<std::pair<double, double>> pulls; // (y, weight)
    const auto pull = [&](int l, bool above, bool below) {
        for (int v : g.order[l]) {
            pulls.clear();
            if (above)
                for (int u : g.up[v])
                    pulls.emplace_back(y[u], weight(g, u, v));
            if (below)
                for (int u : g.down[v])
                    pulls.emplace_back(y[u], weight(g, u, v));
            if (pulls.empty()) {
                target[v] = y[v];
                w[v] = 0.01;
                continue;
            }
            std::sort(pulls.begin(), pulls.end());
            double total = 0;
            for (const auto &p : pulls)
                total += p.second;
            double acc = 0;
            size_t i = 0;
            while (i + 1 < pulls.size() && (acc + pulls[i].second) * 2 < total)
                acc += pulls[i++].second;
            target[v] = (acc + pulls[i].second) * 2 == total && i + 1 < pulls.size()
                            ? (pulls[i].first + pulls[i + 1].first) / 2
                            : pulls[i].first;
            w[v] = total;
        }
        placeLayer(g, l, target, w, extent, y);
    };
    for (int s = 0; s < sweeps; ++s) {
        for (int l = 1; l < g.layerCount(); ++l)
            pull(l, true, false);
        for (int l = g.layerCount() - 2; l >= 0; --l)
            pull(l, false, true);
    }
    for (int s = 0; s < 2; ++s)
        for (int l = 0; l < g.layerCount(); ++l)
            pull(l, true, true);
    // The topmost vertex's top edge at 0.
    double top = 0;
    bool any = false;
    for (int v = 0; v < n; ++v) {
        const double t = y[v] - extent[v] / 2;
        top = any ? std::min(top, t) : t;
        any = true;
    }
    for (double &c : y)
        c -= top;
    return y;
}

} // namespace daybreak
