#include "CrossingReduction.h"

#include "LayeredGraph.h"

#include <algorithm>
#include <vector>

namespace daybreak {

namespace {

// The weighted median of a vertex's neighbour positions (Gansner et al.): with an even count
// the two middle positions are weighted towards the side where the neighbours are packed closer.
double medianOf(std::vector<int> &p)
{
    const int m = int(p.size());
    if (m == 0)
        return -1;
    std::sort(p.begin(), p.end());
    if (m % 2 == 1)
        return p[m / 2];
    if (m == 2)
        return (p[0] + p[1]) / 2.0;
    const double left = p[m / 2 - 1] - p[0];
    const double right = p[m - 1] - p[m / 2];
    if (left + right == 0)
        return (p[m / 2 - 1] + p[m / 2]) / 2.0;
    return (p[m / 2 - 1] * right + p[m / 2] * left) / (left + right);
}

// Sorts layer l by the medians of its neighbours on one side; vertices without neighbours
// there keep their slots.
void medianSweep(LayeredGraph &g, int l, bool fromAbove, std::vector<int> &scratch)
{
    std::vector<int> &row = g.order[l];
    std::vector<std::pair<double, int>> movable;
    std::vector<bool> fixed(row.size(), false);
    for (int i = 0; i < int(row.size()); ++i) {
        const int v = row[i];
        const std::vector<int> &nb = fromAbove ? g.up[v] : g.down[v];
        scratch.clear();
        for (int w : nb)
            scratch.push_back(g.pos[w]);
        const double m = medianOf(scratch);
        if (m < 0)
            fixed[i] = true;
        else
            movable.emplace_back(m, v);
    }
    std::stable_sort(movable.begin(), movable.end(),
                     [](const auto &a, const auto &b) { return a.first < b.first; });
    size_t next = 0;
    for (int i = 0; i < int(row.size()); ++i)
        if (!fixed[i])
            row[i] = movable[next++].second;
    g.renumber(l);
}

// The sorted neighbour positions of every vertex of one layer, on both sides: the adjacent
// layers stay fixed while the layer is transposed, so they are read once per layer.
struct Neighbourhood
{
    std::vector<int> offsetUp, offsetDown; // per slot in the layer, into `up` / `down`
    std::vector<int> up, down;

    void read(const LayeredGraph &g, const std::vector<int> &row)
    {
        offsetUp.assign(1, 0);
        offsetDown.assign(1, 0);
        up.clear();
        down.clear();
        for (int v : row) {
            for (int w : g.up[v])
                up.push_back(g.pos[w]);
            std::sort(up.begin() + offsetUp.back(), up.end());
            offsetUp.push_back(int(up.size()));
            for (int w : g.down[v])
                down.push_back(g.pos[w]);
            std::sort(down.begin() + offsetDown.back(), down.end());
            offsetDown.push_back(int(down.size()));
        }
    }
};

// Crossings between two sorted position lists when the first vertex sits above the second:
// pairs where the first's neighbour lies strictly below the second's. `reversed` gets the count
// for the swapped order.
void crossingPair(const int *a, int na, const int *b, int nb, long long &above, long long &reversed)
{
    int j = 0, k = 0;
    for (int i = 0; i < na; ++i) {
        while (j < nb && b[j] < a[i])
            ++j;
        while (k < nb && b[k] <= a[i])
            ++k;
        above += j;
        reversed += nb - k;
    }
}

// Swaps neighbours in a layer while that removes crossings; with `takeTies` also when it
// changes nothing, which lets the next sweep escape a plateau (as dot does every other pass).
// Only layers next to a change are looked at again.
long long transpose(LayeredGraph &g, bool takeTies)
{
    long long gained = 0;
    Neighbourhood n;
    std::vector<int> slot;
    std::vector<char> active(g.layerCount(), 1), next(g.layerCount(), 0);
    for (int pass = 0; pass < 8; ++pass) {
        long long passGain = 0;
        std::fill(next.begin(), next.end(), 0);
        for (int l = 0; l < g.layerCount(); ++l) {
            if (!active[l])
                continue;
            std::vector<int> &row = g.order[l];
            n.read(g, row);
            // slot[i]: which original slot's lists the vertex now at i carries.
            slot.resize(row.size());
            for (int i = 0; i < int(row.size()); ++i)
                slot[i] = i;
            bool changed = false;
            for (int i = 0; i + 1 < int(row.size()); ++i) {
                const int su = slot[i], sv = slot[i + 1];
                long long now = 0, swapped = 0;
                crossingPair(&n.up[n.offsetUp[su]], n.offsetUp[su + 1] - n.offsetUp[su],
                             &n.up[n.offsetUp[sv]], n.offsetUp[sv + 1] - n.offsetUp[sv], now,
                             swapped);
                crossingPair(&n.down[n.offsetDown[su]], n.offsetDown[su + 1] - n.offsetDown[su],
                             &n.down[n.offsetDown[sv]], n.offsetDown[sv + 1] - n.offsetDown[sv],
                             now, swapped);
                if (now == 0)
                    continue;
                if (swapped < now || (takeTies && swapped == now)) {
                    std::swap(row[i], row[i + 1]);
                    std::swap(slot[i], slot[i + 1]);
                    g.pos[row[i]] = i;
                    g.pos[row[i + 1]] = i + 1;
                    passGain += now - swapped;
                    changed = true;
                }
            }
            if (changed)
                for (int k = std::max(0, l - 1); k <= std::min(g.layerCount() - 1, l + 1); ++k)
                    next[k] = 1;
        }
        gained += passGain;
        active.swap(next);
        if (passGain == 0)
            break;
    }
    return gained;
}

// Sifting (Matuszewski et al.): each vertex of a layer, most connected first, is taken out and
// put back at the position where it crosses least, counted against every other vertex of its
// layer. Finds moves that adjacent swaps cannot. Returns the crossings removed.
long long siftLayer(LayeredGraph &g, int l)
{
    std::vector<int> &row = g.order[l];
    const int n = int(row.size());
    if (n < 3)
        return 0;
    Neighbourhood nb;
    nb.read(g, row);
    // Slots in their current order, the most connected first.
    std::vector<int> bySize(n);
    for (int i = 0; i < n; ++i)
        bySize[i] = i;
    const auto degree = [&](int slot) {
        return nb.offsetUp[slot + 1] - nb.offsetUp[slot] + nb.offsetDown[slot + 1] -
               nb.offsetDown[slot];
    };
    std::stable_sort(bySize.begin(), bySize.end(),
                     [&](int a, int b) { return degree(a) > degree(b); });
    std::vector<int> slots(n); // slot of the vertex at each index
    for (int i = 0; i < n; ++i)
        slots[i] = i;
    std::vector<long long> before(n), after(n); // c(u above v), c(v above u) per index
    long long gained = 0;
    for (int moving : bySize) {
        // Only nodes move: a dummy sifted off its edge's line gains in the routed count and
        // loses more where the edge is seen as the straight line it is.
        if (degree(moving) == 0 || g.dummy[row[moving]])
            continue;
        const int from = int(std::find(slots.begin(), slots.end(), moving) - slots.begin());
        long long cost = 0; // v at the very top
        for (int i = 0; i < n; ++i) {
            before[i] = after[i] = 0;
            if (i == from)
                continue;
            const int other = slots[i];
            // c(other above v) into before[i]; c(v above other) into after[i]
            crossingPair(&nb.up[nb.offsetUp[other]], nb.offsetUp[other + 1] - nb.offsetUp[other],
                         &nb.up[nb.offsetUp[moving]], nb.offsetUp[moving + 1] - nb.offsetUp[moving],
                         before[i], after[i]);
            crossingPair(&nb.down[nb.offsetDown[other]],
                         nb.offsetDown[other + 1] - nb.offsetDown[other],
                         &nb.down[nb.offsetDown[moving]],
                         nb.offsetDown[moving + 1] - nb.offsetDown[moving], before[i], after[i]);
            cost += after[i];
        }
        // Walk v down past each other vertex: its pair flips from "v above" to "v below".
        long long best = cost, current = cost;
        long long atFrom = -1;
        int bestGap = 0, gap = 0; // gap k: v placed before the k-th other vertex
        for (int i = 0; i < n; ++i) {
            if (i == from) {
                atFrom = current;
                continue;
            }
            current += before[i] - after[i];
            ++gap;
            if (current < best) {
                best = current;
                bestGap = gap;
            }
        }
        if (atFrom < 0)
            atFrom = current;
        if (best >= atFrom)
            continue;
        gained += atFrom - best;
        slots.erase(slots.begin() + from);
        slots.insert(slots.begin() + bestGap, moving);
    }
    if (gained > 0) {
        const std::vector<int> old = row;
        for (int i = 0; i < n; ++i)
            row[i] = old[slots[i]];
        g.renumber(l);
    }
    return gained;
}

} // namespace

void CrossingReduction::depthFirstOrder(LayeredGraph &g)
{
    for (auto &row : g.order)
        row.clear();
    std::vector<bool> seen(g.vertexCount(), false);
    std::vector<int> stack;
    auto visit = [&](int root) {
        stack.push_back(root);
        while (!stack.empty()) {
            const int v = stack.back();
            stack.pop_back();
            if (seen[v])
                continue;
            seen[v] = true;
            g.order[g.layer[v]].push_back(v);
            // Reversed so the first reader is visited first.
            for (auto it = g.down[v].rbegin(); it != g.down[v].rend(); ++it)
                if (!seen[*it])
                    stack.push_back(*it);
            // Inputs reached from a reader join next to it rather than at the top of their layer.
            for (auto it = g.up[v].rbegin(); it != g.up[v].rend(); ++it)
                if (!seen[*it])
                    stack.push_back(*it);
        }
    };
    for (int v = 0; v < g.vertexCount(); ++v)
        if (g.up[v].empty() && !seen[v])
            visit(v);
    for (int v = 0; v < g.vertexCount(); ++v)
        if (!seen[v])
            visit(v);
    g.renumberAll();
}

void CrossingReduction::breadthFirstOrder(LayeredGraph &g)
{
    for (auto &row : g.order)
        row.clear();
    std::vector<bool> seen(g.vertexCount(), false);
    std::vector<int> queue;
    for (int root = 0; root < g.vertexCount(); ++root) {
        if (seen[root] || !g.up[root].empty())
            continue;
        queue.assign(1, root);
        seen[root] = true;
        for (size_t head = 0; head < queue.size(); ++head) {
            const int v = queue[head];
            g.order[g.layer[v]].push_back(v);
            for (const auto *side : {&g.down[v], &g.up[v]})
                for (int w : *side)
                    if (!seen[w]) {
                        seen[w] = true;
                        queue.push_back(w);
                    }
        }
    }
    g.renumberAll();
}

long long CrossingReduction::refine(LayeredGraph &g, int maxIterations)
{
    std::vector<int> scratch;
    transpose(g, false);
    long long best = g.crossings();
    std::vector<std::vector<int>> bestOrder = g.order;
    int stale = 0;
    for (int it = 0; it < maxIterations && best > 0 && stale < 16; ++it) {
        if (it % 2 == 0)
            for (int l = 1; l < g.layerCount(); ++l)
                medianSweep(g, l, true, scratch);
        else
            for (int l = g.layerCount() - 2; l >= 0; --l)
                medianSweep(g, l, false, scratch);
        transpose(g, it % 4 < 2);
        const long long c = g.crossings();
        if (c < best) {
            stale = (best - c) * 200 < best ? stale + 1 : 0; // under 0.5 % counts as stale
            best = c;
            bestOrder = g.order;
        } else {
            ++stale;
        }
    }
    g.order = bestOrder;
    g.renumberAll();
    return best;
}

CrossingReduction::Result CrossingReduction::run(LayeredGraph &g, int maxIterations)
{
    // Two starting orders, each refined; the better one stays.
    Result result;
    long long size = g.vertexCount();
    for (const auto &d : g.down)
        size += static_cast<long long>(d.size());
    depthFirstOrder(g);
    result.initial = g.crossings();
    result.final = refine(g, maxIterations);
    // A second start pays on graphs of a few thousand nodes; on the largest it would double the
    // time for a few per cent.
    if (result.final == 0 || size > 50000)
        return result;
    const std::vector<std::vector<int>> first = g.order;
    breadthFirstOrder(g);
    const long long second = refine(g, maxIterations);
    if (second < result.final) {
        result.final = second;
    } else {
        g.order = first;
        g.renumberAll();
    }
    return result;
}

bool CrossingReduction::siftingAffordable(const LayeredGraph &g)
{
    // Sifting costs about the square of a layer's width per pass.
    long long cost = 0;
    for (const auto &row : g.order)
        cost += static_cast<long long>(row.size()) * static_cast<long long>(row.size());
    return cost < 20000000LL;
}

long long CrossingReduction::sift(LayeredGraph &g)
{
    long long best = g.crossings();
    std::vector<std::vector<int>> bestOrder = g.order;
    // Down and up while it gains: it moves what medians and swaps left stuck.
    for (int pass = 0; pass < 4 && best > 0; ++pass) {
        if (pass % 2 == 0)
            for (int l = 0; l < g.layerCount(); ++l)
                siftLayer(g, l);
        else
            for (int l = g.layerCount() - 1; l >= 0; --l)
                siftLayer(g, l);
        transpose(g, false);
        const long long c = g.crossings();
        if (c >= best)
            break;
        best = c;
        bestOrder = g.order;
    }
    g.order = std::move(bestOrder);
    g.renumberAll();
    return best;
}

} // namespace daybreak
