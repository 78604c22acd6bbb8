#pragma once

#include <QHash>
#include <QList>
#include <QPointF>
#include <QSizeF>
#include <QString>
#include <QStringList>

namespace daybreak {

class DependencyGraph;

// Our layered left-to-right layout, in the steps of Gansner et al.'s dot: layers that keep edges
// short (LayerAssignment), dummy nodes on edges that skip layers, crossing reduction by weighted
// medians and transposition (CrossingReduction), then coordinates that straighten long edges
// (CoordinateAssignment). Each connected component is laid out on its own and stacked below the
// previous one, largest first, so components never cross. Pure computation, so the graph view,
// the report writer, the CLI's export and the benchmarks share it.
class GraphLayout
{
public:
    struct Options
    {
        double nodeWidth = 210;
        double nodeHeight = 40;
        double layerGap = 50; // horizontal space between layers
        double rowGap = 18;   // vertical space between nodes of a layer
        int sweeps = 64;      // ordering iterations at most (each a median sweep and transposition)
    };
    struct Edge
    {
        QString from;
        QString to;
        QList<QPointF> points; // from the upstream's right side to the downstream's left side
    };

    static GraphLayout compute(const DependencyGraph &graph, const Options &options);
    static GraphLayout compute(const DependencyGraph &graph) { return compute(graph, Options{}); }
    // With every node's layer given (each edge must go at least one layer right): a part of a
    // larger drawing, such as one group's members, in that drawing's columns.
    static GraphLayout compute(const DependencyGraph &graph, const Options &options,
                               const QHash<QString, int> &fixedLayers);

    const QHash<QString, QPointF> &positions() const { return m_positions; } // node top-left
    const QHash<QString, int> &layerOf() const { return m_layer; }
    const QList<Edge> &edges() const { return m_edges; }
    const QList<QStringList> &layers() const { return m_order; } // real nodes, top to bottom
    QSizeF size() const { return m_size; }
    const Options &options() const { return m_options; }
    // Edge crossings between adjacent layers, counting dummy segments: the quality measure.
    int crossings() const { return m_crossings; }
    // Crossings of the edges seen as straight lines between node centres (how Graphviz's layouts
    // are compared in benches/compare_dot).
    long long straightCrossings() const { return m_straightCrossings; }
    // The same count for the order the nodes arrived in (no sweeps), for comparison.
    int naiveCrossings() const { return m_naiveCrossings; }

private:
    friend class GraphLayoutBuilder; // GraphLayout.cpp
    static GraphLayout compute(const DependencyGraph &graph, const Options &options,
                               const QHash<QString, int> *fixedLayers);

    QHash<QString, QPointF> m_positions;
    QHash<QString, int> m_layer;
    QList<Edge> m_edges;
    QList<QStringList> m_order;
    QSizeF m_size;
    Options m_options;
    int m_crossings = 0;
    int m_naiveCrossings = 0;
    long long m_straightCrossings = 0;
};

} // namespace daybreak
