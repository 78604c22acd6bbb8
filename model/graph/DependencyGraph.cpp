#include "DependencyGraph.h"

#include "Inventory.h"

#include <boost/graph/strong_components.hpp>
#include <boost/graph/topological_sort.hpp>

#include <algorithm>
#include <bit>
#include <iterator>
#include <vector>

namespace daybreak {

DependencyGraph::DependencyGraph(const Inventory &inventory)
{
    QStringList ids;
    QList<QPair<QString, QString>> edges;
    for (const Pipeline &p : inventory.pipelines()) {
        ids.append(p.id);
        for (const QString &up : p.upstreams)
            edges.append({up, p.id});
    }
    build(ids, edges);
}

DependencyGraph::DependencyGraph(const QStringList &ids,
                                 const QList<QPair<QString, QString>> &edges)
{
    build(ids, edges);
}

void DependencyGraph::build(const QStringList &ids, const QList<QPair<QString, QString>> &edges)
{
    for (const QString &id : ids) {
        if (m_index.contains(id))
            continue;
        m_index.insert(id, int(m_ids.size()));
        m_ids.append(id);
    }
    m_graph = Graph(m_ids.size());
    for (const auto &[up, down] : edges) {
        const auto u = m_index.constFind(up);
        const auto d = m_index.constFind(down);
        if (u == m_index.constEnd() || d == m_index.constEnd())
            continue;
        if (!boost::edge(*u, *d, m_graph).second)
            boost::add_edge(*u, *d, m_graph);
    }
}

QList<QStringList> DependencyGraph::cycles() const
{
    QList<QStringList> result;
    const auto n = boost::num_vertices(m_graph);
    if (n == 0)
        return result;
    std::vector<int> component(n);
    const int count = boost::strong_components(m_graph, component.data());
    std::vector<int> members(count, 0);
    for (int c : component)
        ++members[c];

    std::vector<bool> reported(count, false);
    for (Vertex v = 0; v < n; ++v) {
        const int c = component[v];
        const bool selfLoop = boost::edge(v, v, m_graph).second;
        if (reported[c] || (members[c] < 2 && !selfLoop))
            continue;
        reported[c] = true;
        // Walk forward inside the component until a vertex repeats; the repeat closes a cycle.
        std::vector<Vertex> path{v};
        std::vector<int> seenAt(n, -1);
        seenAt[v] = 0;
        Vertex at = v;
        for (;;) {
            Vertex next = at;
            for (auto [e, end] = boost::out_edges(at, m_graph); e != end; ++e) {
                if (component[boost::target(*e, m_graph)] == c) {
                    next = boost::target(*e, m_graph);
                    break;
                }
            }
            if (seenAt[next] >= 0) {
                QStringList cycle;
                for (size_t i = size_t(seenAt[next]); i < path.size(); ++i)
                    cycle << m_ids.at(int(path[i]));
                cycle << m_ids.at(int(next));
                result.append(cycle);
                break;
            }
            seenAt[next] = int(path.size());
            path.push_back(next);
            at = next;
        }
    }
    return result;
}

QStringList DependencyGraph::topologicalOrder() const
{
    if (hasCycle())
        return {};
    std::vector<Vertex> reversed;
    boost::topological_sort(m_graph, std::back_inserter(reversed));
    QStringList order;
    order.reserve(qsizetype(reversed.size()));
    for (auto it = reversed.rbegin(); it != reversed.rend(); ++it)
        order.append(m_ids.at(int(*it)));
    return order;
}

QStringList DependencyGraph::upstreamsOf(const QString &id) const
{
    QStringList result;
    const auto it = m_index.constFind(id);
    if (it == m_index.constEnd())
        return result;
    for (auto [e, end] = boost::in_edges(Vertex(*it), m_graph); e != end; ++e)
        result.append(m_ids.at(int(boost::source(*e, m_graph))));
    return result;
}

QStringList DependencyGraph::downstreamsOf(const QString &id) const
{
    QStringList result;
    const auto it = m_index.constFind(id);
    if (it == m_index.constEnd())
        return result;
    for (auto [e, end] = boost::out_edges(Vertex(*it), m_graph); e != end; ++e)
        result.append(m_ids.at(int(boost::target(*e, m_graph))));
    return result;
}

QSet<QString> DependencyGraph::closure(const QString &id, bool upstream) const
{
    QSet<QString> result;
    const auto it = m_index.constFind(id);
    if (it == m_index.constEnd())
        return result;
    std::vector<bool> seen(boost::num_vertices(m_graph), false);
    std::vector<Vertex> stack{Vertex(*it)};
    seen[*it] = true;
    while (!stack.empty()) {
        const Vertex v = stack.back();
        stack.pop_back();
        auto visit = [&](Vertex w) {
            if (!seen[w]) {
                seen[w] = true;
                result.insert(m_ids.at(int(w)));
                stack.push_back(w);
            }
        };
        if (upstream) {
            for (auto [e, end] = boost::in_edges(v, m_graph); e != end; ++e)
                visit(boost::source(*e, m_graph));
        } else {
            for (auto [e, end] = boost::out_edges(v, m_graph); e != end; ++e)
                visit(boost::target(*e, m_graph));
        }
    }
    return result;
}

QStringList DependencyGraph::downstreamAmong(const QStringList &sources,
                                             const QStringList &targets) const
{
    std::vector<bool> seen(boost::num_vertices(m_graph), false);
    std::vector<Vertex> stack;
    for (const QString &id : sources)
        if (const auto it = m_index.constFind(id); it != m_index.constEnd() && !seen[*it]) {
            seen[*it] = true;
            stack.push_back(Vertex(*it));
        }
    while (!stack.empty()) {
        const Vertex v = stack.back();
        stack.pop_back();
        for (auto [e, end] = boost::out_edges(v, m_graph); e != end; ++e)
            if (const Vertex w = boost::target(*e, m_graph); !seen[w]) {
                seen[w] = true;
                stack.push_back(w);
            }
    }
    QStringList found;
    for (const QString &id : targets)
        if (const auto it = m_index.constFind(id); it != m_index.constEnd() && seen[*it])
            found.append(id);
    return found;
}

DependencyGraph::Reach DependencyGraph::reach(const QStringList &targets) const
{
    Reach r;
    r.m_graph = this;
    r.m_targets = targets;
    const qsizetype n = qsizetype(boost::num_vertices(m_graph));
    r.m_words = (targets.size() + 63) / 64;
    if (hasCycle()) {
        r.m_exact = false;
        return r;
    }
    r.m_bits.assign(size_t(n * r.m_words), 0);
    for (qsizetype t = 0; t < targets.size(); ++t)
        if (const auto it = m_index.constFind(targets.at(t)); it != m_index.constEnd())
            r.m_bits[size_t(*it * r.m_words + t / 64)] |= quint64(1) << (t % 64);
    // Sinks first (boost's order is reversed topological): each node takes what its readers reach.
    std::vector<Vertex> sinksFirst;
    boost::topological_sort(m_graph, std::back_inserter(sinksFirst));
    for (const Vertex v : sinksFirst) {
        quint64 *mine = r.m_bits.data() + v * size_t(r.m_words);
        for (auto [e, end] = boost::out_edges(v, m_graph); e != end; ++e) {
            const quint64 *theirs =
                r.m_bits.data() + boost::target(*e, m_graph) * size_t(r.m_words);
            for (qsizetype w = 0; w < r.m_words; ++w)
                mine[w] |= theirs[w];
        }
    }
    return r;
}

std::vector<quint64> DependencyGraph::Reach::bitsFrom(const QStringList &sources) const
{
    std::vector<quint64> any(size_t(m_words), 0);
    if (!m_graph)
        return any;
    if (!m_exact) {
        const QStringList reached = m_graph->downstreamAmong(sources, m_targets);
        for (qsizetype t = 0; t < m_targets.size(); ++t)
            if (reached.contains(m_targets.at(t)))
                any[size_t(t / 64)] |= quint64(1) << (t % 64);
        return any;
    }
    for (const QString &id : sources)
        if (const auto it = m_graph->m_index.constFind(id); it != m_graph->m_index.constEnd()) {
            const quint64 *bits = m_bits.data() + size_t(*it) * size_t(m_words);
            for (qsizetype w = 0; w < m_words; ++w)
                any[size_t(w)] |= bits[w];
        }
    return any;
}

QStringList DependencyGraph::Reach::from(const QStringList &sources) const
{
    const std::vector<quint64> any = bitsFrom(sources);
    QStringList found;
    for (qsizetype w = 0; w < m_words; ++w)
        for (quint64 bits = any[size_t(w)]; bits; bits &= bits - 1)
            found.append(m_targets.at(w * 64 + std::countr_zero(bits)));
    return found;
}

QSet<QString> DependencyGraph::upstreamClosure(const QString &id) const
{
    return closure(id, true);
}

QSet<QString> DependencyGraph::downstreamClosure(const QString &id) const
{
    return closure(id, false);
}

QHash<QString, int> DependencyGraph::layers() const
{
    QHash<QString, int> result;
    const QStringList order = topologicalOrder();
    if (order.isEmpty())
        return result;
    std::vector<int> layer(boost::num_vertices(m_graph), 0);
    for (const QString &id : order) {
        const Vertex v = Vertex(m_index.value(id));
        for (auto [e, end] = boost::out_edges(v, m_graph); e != end; ++e) {
            const Vertex w = boost::target(*e, m_graph);
            layer[w] = std::max(layer[w], layer[v] + 1);
        }
        result.insert(id, layer[v]);
    }
    return result;
}

int DependencyGraph::depth() const
{
    const QHash<QString, int> l = layers();
    int deepest = -1;
    for (int v : l)
        deepest = std::max(deepest, v);
    return deepest + 1;
}

} // namespace daybreak
