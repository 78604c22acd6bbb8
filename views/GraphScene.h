#pragma once

#include "DependencyGraph.h"
#include "GraphDrawing.h"
#include "StoreChange.h"
#include "StoreTypes.h"

#include <QGraphicsScene>
#include <QHash>
#include <QSet>

namespace daybreak {

class DependencyEdgeItem;
class GroupBoxItem;
class PipelineNodeItem;

// The dependency graph as a scene, built from store snapshots through GraphDrawing, the same
// picture `daybreakctl graph` exports: groups as boxes that collapse and expand, a selection
// shown with its context dimmed or hidden. The drawing is recomputed only when the graph's shape
// or the view's choices change; states, parity markers and cross-side edges follow each refresh.
class GraphScene : public QGraphicsScene
{
    Q_OBJECT

public:
    explicit GraphScene(QObject *parent = nullptr);
    ~GraphScene() override;

    void setSnapshot(const StoreSnapshot &snapshot, const QDate &today);
    // The store changed: redraws the part of `change` this view shows (everything: all of it).
    void showChange(const StoreSnapshot &snapshot, const QDate &today, const StoreChange &change);
    // Restyles only these pipelines' nodes, the edges at them and the groups that hold them,
    // from `snapshot` (the same inventory as the last setSnapshot: no new layout).
    void restyle(const StoreSnapshot &snapshot, const QDate &today, const QSet<QString> &ids);
    // Selects the node and highlights its upstream and downstream closures; empty clears.
    void focusPipeline(const QString &id);
    QString focusedPipeline() const { return m_focused; }
    // Fill nodes by their planned wave instead of their state.
    void setColourByWave(bool byWave);
    bool colourByWave() const { return m_byWave; }

    // Groups: drawn as boxes or not; collapsed one by one or all at once.
    void setGroupsShown(bool shown);
    bool groupsShown() const { return m_options.groups; }
    void setGroupCollapsed(const QString &group, bool collapsed);
    void toggleGroup(const QString &group);
    void collapseAll();
    void expandAll();
    // Whole folders of groups as one box each (GroupFolders::overview); double-clicking a
    // folder unfolds it one level.
    void foldToOverview();
    // Opens whatever hides the pipeline (its folders, its group) so its node is drawn.
    void reveal(const QString &id);
    bool isGroupCollapsed(const QString &group) const;
    // A selector (dbt's grammar, see Selector); returns the error naming the bad token, or
    // empty. An empty expression clears the selection. `hideContext` draws only the selection.
    QString setSelection(const QString &expression, bool hideContext);
    const std::optional<QSet<QString>> &selection() const { return m_selection; }
    // Where the selection is drawn (its nodes, or the collapsed groups holding them).
    QRectF selectionBounds() const;

    PipelineNodeItem *node(const QString &id) const { return m_nodes.value(id); }
    GroupBoxItem *groupBox(const QString &name) const { return m_groups.value(name); }
    const QList<DependencyEdgeItem *> &edges() const { return m_edges; }
    const GraphDrawing &drawing() const { return m_drawing; }
    const GraphDrawing::Options &drawingOptions() const { return m_options; }

    // Above this many pipelines the first picture shows the groups collapsed: a fit of
    // thousands of boxes is a sliver nobody can read.
    static constexpr int kCollapseAbove = 300;

signals:
    void pipelineSelected(const QString &id);
    void contextMenuRequested(const QString &id, const QPoint &screenPos);
    // The picture was redrawn (new shape, states, collapse or selection): for the minimap.
    void drawingChanged();

private:
    void rebuild();
    void labelEverything();
    void unfold(const QString &folder);
    // Until none of them is folded away, except into a folder of more than `maxChildren`.
    void unfoldAround(const QSet<QString> &groups, int maxChildren);
    void refreshStatus();
    void applyEmphasis();
    void applyFill();

    StoreSnapshot m_snapshot;
    QDate m_today;
    GraphDrawing m_drawing;
    GraphDrawing::Options m_options;
    DependencyGraph m_graph;
    QStringList m_shape; // ids and edges the drawing was made for
    bool m_firstShape = true;
    QHash<QString, PipelineNodeItem *> m_nodes;
    QHash<QString, GroupBoxItem *> m_groups;
    QList<GroupBoxItem *> m_labels;
    QList<DependencyEdgeItem *> m_edges;
    QString m_focused;
    std::optional<QSet<QString>> m_selection;
    bool m_hideContext = false;
    bool m_syncing = false;
    bool m_byWave = false;
};

} // namespace daybreak
