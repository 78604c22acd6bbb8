#include "GraphLayout.h"

#include "Components.h"
#include "CoordinateAssignment.h"
#include "CrossingReduction.h"
#include "DependencyGraph.h"
#include "LayerAssignment.h"
#include "LayeredGraph.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <vector>

namespace daybreak {

namespace {

// The graph as integer adjacency, cycles broken: an edge that closes a cycle is left out of the
// layering (and drawn straight), so the layout never loops on bad input.
struct IntGraph
{
    std::vector<std::vector<int>> down, up;
    std::vector<std::pair<int, int>> dropped; // edges left out of the layering
    std::vector<int> topological;
};

IntGraph intGraph(const DependencyGraph &graph)
{
    const QStringList &ids = graph.ids();
    const int n = int(ids.size());
    QHash<QString, int> index;
    for (int i = 0; i < n; ++i)
        index.insert(ids.at(i), i);
    std::vector<std::vector<int>> down(n);
    for (int i = 0; i < n; ++i)
        for (const QString &d : graph.downstreamsOf(ids.at(i)))
            if (const int j = index.value(d, -1); j >= 0 && j != i)
                down[i].push_back(j);
    for (auto &list : down) {
        std::sort(list.begin(), list.end());
        list.erase(std::unique(list.begin(), list.end()), list.end());
    }
    // Depth-first: an edge to a vertex still on the stack closes a cycle.
    IntGraph g;
    g.down.resize(n);
    g.up.resize(n);
    std::vector<int> state(n, 0); // 0 new, 1 on the stack, 2 done
    std::vector<int> postorder;
    std::vector<std::pair<int, size_t>> stack;
    for (int root = 0; root < n; ++root) {
        if (state[root])
            continue;
        stack.emplace_back(root, 0);
        state[root] = 1;
        while (!stack.empty()) {
            auto &[v, next] = stack.back();
            if (next < down[v].size()) {
                const int w = down[v][next++];
                if (state[w] == 1) {
                    g.dropped.emplace_back(v, w);
                } else {
                    g.down[v].push_back(w);
                    g.up[w].push_back(v);
                    if (state[w] == 0) {
                        state[w] = 1;
                        stack.emplace_back(w, 0);
                    }
                }
            } else {
                state[v] = 2;
                postorder.push_back(v);
                stack.pop_back();
            }
        }
    }
    g.topological.assign(postorder.rbegin(), postorder.rend());
    return g;
}

// Heights in layer widths, so that straight lines have the slopes they are drawn with.
std::vector<double> scaled(const std::vector<double> &y, double layerStep)
{
    std::vector<double> r(y.size());
    for (size_t i = 0; i < y.size(); ++i)
        r[i] = y[i] / layerStep;
    return r;
}

struct Placement
{
    long long initial = 0;  // crossings of the first starting order
    long long routed = 0;   // along the dummies
    long long straight = 0; // as straight lines
    std::vector<double> centre;
};

// Orders and places one component. Candidates: a depth-first and a breadth-first start, each
// refined, each with and without sifting; they are judged as the edges will be seen, as straight
// lines between node centres, and the best stays in `lg`.
Placement orderAndPlace(LayeredGraph &lg, int iterations,
                        const CoordinateAssignment::Spacing &spacing, double step)
{
    Placement best;
    std::vector<std::vector<int>> bestOrder;
    bool any = false;
    const auto consider = [&](long long routed) {
        std::vector<double> centre = CoordinateAssignment::compute(lg, spacing);
        const long long straight = lg.straightCrossings(scaled(centre, step));
        if (!any || straight < best.straight) {
            any = true;
            best.routed = routed;
            best.straight = straight;
            best.centre = std::move(centre);
            bestOrder = lg.order;
        }
    };
    long long size = lg.vertexCount();
    for (const auto &d : lg.down)
        size += static_cast<long long>(d.size());
    const bool sifting = CrossingReduction::siftingAffordable(lg);
    for (int start = 0; start < 2; ++start) {
        // A second start pays on graphs of a few thousand nodes; on the largest it would double
        // the time for a few per cent.
        if (start == 1 && (best.straight == 0 || size > 50000))
            break;
        if (start == 0) {
            CrossingReduction::depthFirstOrder(lg);
            best.initial = lg.crossings();
        } else {
            CrossingReduction::breadthFirstOrder(lg);
        }
        const long long routed = CrossingReduction::refine(lg, iterations);
        consider(routed);
        if (sifting && routed > 0)
            consider(CrossingReduction::sift(lg));
    }
    lg.order = std::move(bestOrder);
    lg.renumberAll();
    return best;
}

} // namespace

GraphLayout GraphLayout::compute(const DependencyGraph &graph, const Options &options)
{
    return compute(graph, options, nullptr);
}

GraphLayout GraphLayout::compute(const DependencyGraph &graph, const Options &options,
                                 const QHash<QString, int> &fixedLayers)
{
    return compute(graph, options, &fixedLayers);
}

namespace {

// One edge of the graph as the layered graph draws it: through a dummy in each layer it crosses.
struct Chain
{
    int from, to;
    std::vector<int> vertices;
};

// A connected component, laid out by itself before the components are packed.
struct Component
{
    std::vector<int> members;
    int firstLayer = 0, lastLayer = 0;
    LayeredGraph lg{1};
    std::vector<Chain> chains;
    std::vector<double> centre;
    double height = 0;
};

} // namespace

// How compute() lays a graph out: layers, each connected component ordered and placed by
// itself, then the components packed side by side and the edges drawn through their dummies.
class GraphLayoutBuilder
{
public:
    GraphLayoutBuilder(const DependencyGraph &graph, const GraphLayout::Options &options,
                       const QHash<QString, int> *fixedLayers)
        : ids(graph.ids()), n(int(ids.size())), options(options), fixedLayers(fixedLayers),
          g(intGraph(graph)),
          step(options.nodeWidth + options.layerGap), spacing{options.nodeHeight + options.rowGap,
                                                              options.rowGap},
          componentGap(options.rowGap * 2)
    {
        result.m_options = options;
    }

    GraphLayout build()
    {
        if (n == 0)
            return std::move(result);
        assignLayers();
        std::vector<Component> parts;
        double area = 0; // columns x height, for the packing's width
        for (std::vector<int> &members : connectedComponents(g.down)) {
            parts.push_back(layOutComponent(std::move(members)));
            const Component &c = parts.back();
            area += (c.lastLayer - c.firstLayer + 1) * (c.height + componentGap);
        }
        pack(parts, area);
        return std::move(result);
    }

private:
    void assignLayers()
    {
        if (!fixedLayers) {
            rank = LayerAssignment::compute(g.down, g.up, g.topological);
        } else {
            for (const QString &id : ids)
                rank.push_back(fixedLayers->value(id, 0));
            // Given layers may not fit an edge (a part of a larger drawing whose cycles were
            // broken elsewhere): such an edge is drawn straight, outside the layering.
            for (int v = 0; v < n; ++v) {
                auto &out = g.down[v];
                for (auto it = out.begin(); it != out.end();) {
                    if (rank[*it] > rank[v]) {
                        ++it;
                        continue;
                    }
                    g.dropped.emplace_back(v, *it);
                    auto &in = g.up[*it];
                    in.erase(std::find(in.begin(), in.end(), v));
                    it = out.erase(it);
                }
            }
        }
        for (int r : rank)
            layerCount = std::max(layerCount, r + 1);
    }

    // The component's layered graph (its nodes first, by local id, then the dummies), ordered
    // and placed.
    Component layOutComponent(std::vector<int> members)
    {
        Component c;
        c.members = std::move(members);
        c.firstLayer = layerCount;
        for (int v : c.members) {
            c.firstLayer = std::min(c.firstLayer, rank[v]);
            c.lastLayer = std::max(c.lastLayer, rank[v]);
        }
        c.lg = LayeredGraph(c.lastLayer - c.firstLayer + 1);
        LayeredGraph &lg = c.lg;
        std::vector<int> local(n, -1);
        for (int v : c.members)
            local[v] = lg.addVertex(rank[v] - c.firstLayer, false);
        for (int v : c.members)
            for (int w : g.down[v]) {
                Chain chain{v, w, {local[v]}};
                for (int l = rank[v] + 1; l < rank[w]; ++l)
                    chain.vertices.push_back(lg.addVertex(l - c.firstLayer, true));
                chain.vertices.push_back(local[w]);
                for (size_t i = 0; i + 1 < chain.vertices.size(); ++i)
                    lg.addEdge(chain.vertices[i], chain.vertices[i + 1]);
                c.chains.push_back(std::move(chain));
            }
        // As many ordering iterations as the options allow, fewer on very large graphs so the
        // whole layout stays well under a second (each iteration is about one pass over it).
        long long size = lg.vertexCount();
        for (const auto &d : lg.down)
            size += static_cast<long long>(d.size());
        const int iterations = int(std::clamp(1500000LL / std::max(1LL, size), 6LL,
                                              static_cast<long long>(options.sweeps)));
        Placement placed = orderAndPlace(lg, iterations, spacing, step);
        result.m_naiveCrossings += int(placed.initial);
        result.m_crossings += int(placed.routed);
        result.m_straightCrossings += placed.straight;
        c.centre = std::move(placed.centre);
        for (int v = 0; v < lg.vertexCount(); ++v)
            c.height =
                std::max(c.height, c.centre[v] + (lg.dummy[v] ? spacing.dummy : spacing.real) / 2);
        return c;
    }

    // Components are packed: each goes where the ones already placed leave it highest, so a
    // small one sits beside a large one. Unless the layers are given, a component may move to
    // any columns, and there are enough columns for a picture about 1.6 times as wide as tall:
    // a platform of many small pieces wraps instead of making a sliver.
    void pack(const std::vector<Component> &parts, double area)
    {
        int columns = std::max(1, layerCount);
        if (!fixedLayers && parts.size() > 1)
            columns = std::max(columns, int(std::ceil(std::sqrt(1.6 * area / step))));
        std::vector<double> skyline(columns, 0);
        result.m_order.resize(columns);
        topLeft.resize(n);
        for (const Component &c : parts) {
            const int span = c.lastLayer - c.firstLayer + 1;
            int column = c.firstLayer;
            double top = 0;
            for (int l = column; l < column + span; ++l)
                top = std::max(top, skyline[l]);
            if (!fixedLayers)
                for (int at = 0; at + span <= columns; ++at) {
                    double highest = 0;
                    for (int l = at; l < at + span; ++l)
                        highest = std::max(highest, skyline[l]);
                    if (highest < top || (highest == top && at < column)) {
                        top = highest;
                        column = at;
                    }
                }
            for (int l = column; l < column + span; ++l)
                skyline[l] = top + c.height + componentGap;
            place(c, column, top);
        }
        while (!result.m_order.isEmpty() && result.m_order.last().isEmpty())
            result.m_order.removeLast();
        // The edges the given layers did not fit: straight, side to side.
        const double mid = options.nodeHeight / 2;
        for (const auto &[v, w] : g.dropped)
            result.m_edges.append(
                {ids.at(v),
                 ids.at(w),
                 {topLeft[v] + QPointF(options.nodeWidth, mid), topLeft[w] + QPointF(0, mid)}});
        result.m_size =
            QSizeF(int(result.m_order.size()) * step - options.layerGap,
                   std::max(0.0, *std::max_element(skyline.begin(), skyline.end()) - componentGap));
    }

    // The component's nodes, order and edges where the packing put it.
    void place(const Component &c, int column, double top)
    {
        const LayeredGraph &lg = c.lg;
        const auto pointOf = [&](int lv) {
            return QPointF((lg.layer[lv] + column) * step, top + c.centre[lv]);
        };
        for (int lv = 0; lv < int(c.members.size()); ++lv) {
            const int v = c.members[lv];
            topLeft[v] = pointOf(lv) - QPointF(0, options.nodeHeight / 2);
            result.m_positions.insert(ids.at(v), topLeft[v]);
            result.m_layer.insert(ids.at(v), lg.layer[lv] + column);
        }
        for (int l = 0; l < lg.layerCount(); ++l)
            for (int lv : lg.order[l])
                if (!lg.dummy[lv])
                    result.m_order[l + column].append(ids.at(c.members[lv]));
        for (const Chain &chain : c.chains) {
            GraphLayout::Edge e{ids.at(chain.from), ids.at(chain.to), {}};
            e.points.append(pointOf(chain.vertices.front()) + QPointF(options.nodeWidth, 0));
            for (size_t i = 1; i + 1 < chain.vertices.size(); ++i) {
                // A dummy is a bend point crossing its layer horizontally.
                const QPointF p = pointOf(chain.vertices[i]);
                e.points.append(p);
                e.points.append(p + QPointF(options.nodeWidth, 0));
            }
            e.points.append(pointOf(chain.vertices.back()));
            result.m_edges.append(e);
        }
    }

    const QStringList &ids;
    const int n;
    const GraphLayout::Options &options;
    const QHash<QString, int> *fixedLayers;
    IntGraph g;
    const double step;
    const CoordinateAssignment::Spacing spacing;
    const double componentGap;
    std::vector<int> rank;
    int layerCount = 0;
    std::vector<QPointF> topLeft;
    GraphLayout result;
};

GraphLayout GraphLayout::compute(const DependencyGraph &graph, const Options &options,
                                 const QHash<QString, int> *fixedLayers)
{
    return GraphLayoutBuilder(graph, options, fixedLayers).build();
}

} // namespace daybreak
