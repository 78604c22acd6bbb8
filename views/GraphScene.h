#pragma once

#include "DependencyGraph.h"
#include "GraphLayout.h"
#include "StoreTypes.h"

#include <QGraphicsScene>
#include <QHash>

namespace daybreak {

class DependencyEdgeItem;
class PipelineNodeItem;

// The dependency graph as a scene, built from store snapshots: the layout is recomputed only
// when the graph's shape changes; states, parity markers and cross-side edges follow each refresh.
class GraphScene : public QGraphicsScene
{
    Q_OBJECT

public:
    explicit GraphScene(QObject *parent = nullptr);
    ~GraphScene() override;

    void setSnapshot(const StoreSnapshot &snapshot, const QDate &today);
    // Selects the node and highlights its upstream and downstream closures; empty clears.
    void focusPipeline(const QString &id);
    QString focusedPipeline() const { return m_focused; }
    // Fill nodes by their planned wave instead of their state.
    void setColourByWave(bool byWave);
    bool colourByWave() const { return m_byWave; }

    PipelineNodeItem *node(const QString &id) const { return m_nodes.value(id); }
    const QList<DependencyEdgeItem *> &edges() const { return m_edges; }
    const GraphLayout &layout() const { return m_layout; }

signals:
    void pipelineSelected(const QString &id);
    void contextMenuRequested(const QString &id, const QPoint &screenPos);

private:
    void rebuild(const StoreSnapshot &snapshot);
    void applyEmphasis();

    GraphLayout m_layout;
    DependencyGraph m_graph;
    QStringList m_shape; // ids and edges the layout was made for
    QHash<QString, PipelineNodeItem *> m_nodes;
    QList<DependencyEdgeItem *> m_edges;
    QString m_focused;
    bool m_syncing = false;
    bool m_byWave = false;
    WavePlan m_plan;
    void applyFill();
};

} // namespace daybreak
