#pragma once

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <boost/graph/adjacency_list.hpp>

namespace daybreak {

class Inventory;

// The pipelines' read dependencies on Boost.Graph. Edges run upstream -> downstream, so a
// topological order is a valid cutover order. Edges to unknown ids are ignored here; the
// inventory reader reports them.
class DependencyGraph
{
public:
    DependencyGraph() = default;
    explicit DependencyGraph(const Inventory &inventory);
    // ids in a stable order; edges as (upstream, downstream)
    DependencyGraph(const QStringList &ids, const QList<QPair<QString, QString>> &edges);

    int nodeCount() const { return int(m_ids.size()); }
    const QStringList &ids() const { return m_ids; }
    bool contains(const QString &id) const { return m_index.contains(id); }

    bool hasCycle() const { return !cycles().isEmpty(); }
    // One cycle per strongly connected group, each as a closed path: {a, b, c, a}.
    QList<QStringList> cycles() const;
    // Empty when the graph has a cycle.
    QStringList topologicalOrder() const;

    QStringList upstreamsOf(const QString &id) const;
    QStringList downstreamsOf(const QString &id) const;
    QSet<QString> upstreamClosure(const QString &id) const; // everything `id` reads, transitively
    QSet<QString>
    downstreamClosure(const QString &id) const; // everything that reads `id`, transitively
    // The ids among `targets` that `sources` or anything reading them (transitively) are: one
    // walk for many sources, without a set of every id on the way.
    QStringList downstreamAmong(const QStringList &sources, const QStringList &targets) const;
    // Longest-path layering: sources are layer 0; every pipeline sits one past its deepest
    // upstream.
    QHash<QString, int> layers() const;
    int depth() const; // number of layers

private:
    using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS>;
    using Vertex = Graph::vertex_descriptor;

    void build(const QStringList &ids, const QList<QPair<QString, QString>> &edges);
    QSet<QString> closure(const QString &id, bool upstream) const;

    Graph m_graph;
    QStringList m_ids;
    QHash<QString, int> m_index;
};

} // namespace daybreak
