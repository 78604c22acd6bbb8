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
    // Which of `targets` each pipeline reaches (itself, or anything reading it transitively),
    // worked out for every pipeline in one pass from the sinks up: a bit per target and node.
    // What the night's sensors ask for each of a thousand late runs.
    class Reach
    {
    public:
        // The targets reached from any of `sources`, in the order of `targets`.
        QStringList from(const QStringList &sources) const;
        // The same as bits: bit t (word t / 64) set when targets().at(t) is reached.
        std::vector<quint64> bitsFrom(const QStringList &sources) const;
        const QStringList &targets() const { return m_targets; }

    private:
        friend class DependencyGraph;
        const DependencyGraph *m_graph = nullptr;
        QStringList m_targets;
        qsizetype m_words = 0;
        std::vector<quint64> m_bits; // node-major: m_words words per node
        bool m_exact = true;         // false on a cyclic graph: walk per question instead
    };
    Reach reach(const QStringList &targets) const;
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
