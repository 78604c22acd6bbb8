#include "GraphLayout.h"

#include "DependencyGraph.h"

#include <QSizeF>

#include <algorithm>
#include <numeric>
#include <vector>

namespace daybreak {

namespace {

// The layered graph the sweeps work on: real nodes and dummies, integer ids, edges between
// adjacent layers only.
struct Layered
{
    std::vector<int> layer;                 // per vertex
    std::vector<std::vector<int>> up, down; // neighbours in the previous / next layer
    std::vector<std::vector<int>> order;    // per layer, vertices top to bottom
    std::vector<int> pos;                   // index within its layer

    int addVertex(int l)
    {
        layer.push_back(l);
        up.emplace_back();
        down.emplace_back();
        pos.push_back(int(order[l].size()));
        order[l].push_back(int(layer.size()) - 1);
        return int(layer.size()) - 1;
    }
    void renumber(int l)
    {
        for (int i = 0; i < int(order[l].size()); ++i)
            pos[order[l][i]] = i;
    }
};

// Crossings between layer l and l+1: inversions of the lower endpoints, counted with a Fenwick
// tree.
long long crossingsBetween(const Layered &g, int l)
{
    std::vector<std::pair<int, int>> ends;
    for (int v : g.order[l])
        for (int w : g.down[v])
            ends.emplace_back(g.pos[v], g.pos[w]);
    std::sort(ends.begin(), ends.end());
    const int n = int(g.order[l + 1].size());
    std::vector<int> tree(n + 1, 0);
    long long crossings = 0;
    long long seen = 0;
    for (const auto &[a, b] : ends) {
        (void)a;
        long long notGreater = 0;
        for (int i = b + 1; i > 0; i -= i & -i)
            notGreater += tree[i];
        crossings += seen - notGreater;
        for (int i = b + 1; i <= n; i += i & -i)
            ++tree[i];
        ++seen;
    }
    return crossings;
}

long long totalCrossings(const Layered &g)
{
    long long total = 0;
    for (int l = 0; l + 1 < int(g.order.size()); ++l)
        total += crossingsBetween(g, l);
    return total;
}

void sweep(Layered &g, int l, bool fromAbove)
{
    std::vector<int> &row = g.order[l];
    std::vector<double> key(g.layer.size(), 0);
    for (int v : row) {
        const std::vector<int> &nb = fromAbove ? g.up[v] : g.down[v];
        if (nb.empty()) {
            key[v] = g.pos[v]; // keep nodes without neighbours where they are
            continue;
        }
        double sum = 0;
        for (int w : nb)
            sum += g.pos[w];
        key[v] = sum / double(nb.size());
    }
    std::stable_sort(row.begin(), row.end(), [&](int a, int b) { return key[a] < key[b]; });
    g.renumber(l);
}

} // namespace

GraphLayout GraphLayout::compute(const DependencyGraph &graph, const Options &options)
{
    GraphLayout result;
    result.m_options = options;
    const QHash<QString, int> layerOf = graph.layers();
    result.m_layer = layerOf;
    if (layerOf.isEmpty())
        return result;
    int layerCount = 0;
    for (int l : layerOf)
        layerCount = std::max(layerCount, l + 1);

    Layered g;
    g.order.resize(layerCount);
    const QStringList &ids = graph.ids();
    QHash<QString, int> vertexOf;
    for (const QString &id : ids)
        vertexOf.insert(id, g.addVertex(layerOf.value(id)));
    struct Chain
    {
        QString from, to;
        std::vector<int> vertices; // from, dummies..., to
    };
    std::vector<Chain> chains;
    for (const QString &id : ids) {
        for (const QString &down : graph.downstreamsOf(id)) {
            Chain c{id, down, {vertexOf.value(id)}};
            const int a = layerOf.value(id), b = layerOf.value(down);
            for (int l = a + 1; l < b; ++l)
                c.vertices.push_back(g.addVertex(l));
            c.vertices.push_back(vertexOf.value(down));
            for (size_t i = 0; i + 1 < c.vertices.size(); ++i) {
                g.down[c.vertices[i]].push_back(c.vertices[i + 1]);
                g.up[c.vertices[i + 1]].push_back(c.vertices[i]);
            }
            chains.push_back(std::move(c));
        }
    }
    result.m_naiveCrossings = int(totalCrossings(g));

    // Alternate sweeps, keeping the best order seen.
    std::vector<std::vector<int>> best = g.order;
    long long bestCrossings = result.m_naiveCrossings;
    for (int s = 0; s < options.sweeps && bestCrossings > 0; ++s) {
        for (int l = 1; l < layerCount; ++l)
            sweep(g, l, true);
        for (int l = layerCount - 2; l >= 0; --l)
            sweep(g, l, false);
        const long long c = totalCrossings(g);
        if (c < bestCrossings) {
            bestCrossings = c;
            best = g.order;
        }
    }
    g.order = best;
    for (int l = 0; l < layerCount; ++l)
        g.renumber(l);
    result.m_crossings = int(bestCrossings);

    // Coordinates: layers left to right, each layer centred vertically; dummies take a thin row.
    const double rowHeight = options.nodeHeight + options.rowGap;
    const double dummyHeight = options.rowGap;
    std::vector<double> height(layerCount, 0);
    for (int l = 0; l < layerCount; ++l)
        for (int v : g.order[l])
            height[l] += v < ids.size() ? rowHeight : dummyHeight;
    const double tallest = *std::max_element(height.begin(), height.end());
    std::vector<QPointF> at(g.layer.size());
    result.m_order.resize(layerCount);
    for (int l = 0; l < layerCount; ++l) {
        double y = (tallest - height[l]) / 2;
        const double x = l * (options.nodeWidth + options.layerGap);
        for (int v : g.order[l]) {
            const bool real = v < ids.size();
            at[v] = QPointF(x, y);
            if (real) {
                result.m_positions.insert(ids.at(v), at[v]);
                result.m_order[l].append(ids.at(v));
            }
            y += real ? rowHeight : dummyHeight;
        }
    }
    result.m_size =
        QSizeF(layerCount * (options.nodeWidth + options.layerGap) - options.layerGap, tallest);

    const double mid = options.nodeHeight / 2;
    for (const Chain &c : chains) {
        Edge e{c.from, c.to, {}};
        e.points.append(at[c.vertices.front()] + QPointF(options.nodeWidth, mid));
        for (size_t i = 1; i + 1 < c.vertices.size(); ++i) {
            // A dummy is a bend point crossing its layer horizontally.
            const QPointF p = at[c.vertices[i]] + QPointF(0, dummyHeight / 2);
            e.points.append(p);
            e.points.append(p + QPointF(options.nodeWidth, 0));
        }
        e.points.append(at[c.vertices.back()] + QPointF(0, mid));
        result.m_edges.append(e);
    }
    return result;
}

} // namespace daybreak
