#pragma once

#include "GraphLayout.h"

#include <QHash>

#include <QList>
#include <QPointF>
#include <QRectF>
#include <QSet>
#include <QString>
#include <QStringList>
#include <vector>

#include <optional>
#include <vector>

namespace daybreak {

class Inventory;

// The picture of the dependency graph that the console, the CLI's export and the reports all
// draw: every pipeline's box, every edge's route and every group's box, in scene units. Groups
// (Pipeline::groupName) are drawn as labelled boxes holding their members together; a collapsed
// group is one box in one column, laid out as a node of its own, and the edges into and out of
// it are drawn once per neighbour with a count. Built on GraphLayout: the graph with collapsed
// groups merged is laid out, each open group ordered inside itself in those columns, and the
// groups stacked in that layout's order.
class GraphDrawing
{
public:
    struct Options
    {
        GraphLayout::Options layout;
        bool groups = true;       // false: the plain layout, no group boxes
        bool collapseAll = false; // every group of two or more collapsed
        QSet<QString> collapsed;  // or these groups
        // Folders (see GroupFolders) drawn as one collapsed box each, named by the folder,
        // holding every group inside them.
        QSet<QString> folded;
        // Only these pipelines are drawn (a selection with its context hidden); unset: all.
        std::optional<QSet<QString>> only;
    };
    struct Node
    {
        QString id;
        QString group;
        int layer = 0;
        QRectF rect;
    };
    struct Group
    {
        QString name;
        QRectF rect;
        bool collapsed = false;
        QStringList members; // in the inventory's order
        int firstLayer = 0;
        int lastLayer = 0;
        int foldedGroups = 0; // a folded folder: how many groups it holds; else 0
    };
    struct Edge
    {
        QString source; // a pipeline id, or a collapsed group's name when sourceIsGroup
        QString target;
        bool sourceIsGroup = false;
        bool targetIsGroup = false;
        int count = 1; // the pipeline edges it stands for
        QList<QPointF> points;
    };

    static GraphDrawing compute(const Inventory &inventory, const Options &options);
    static GraphDrawing compute(const Inventory &inventory)
    {
        return compute(inventory, Options{});
    }

    const QList<Node> &nodes() const
    {
        return m_nodes;
    } // drawn pipelines (not in collapsed groups)
    const QList<Edge> &edges() const { return m_edges; }
    const QList<Group> &groups() const { return m_groups; } // groups of two or more members
    const Node *node(const QString &id) const;
    const Group *group(const QString &name) const;
    // The group a pipeline is drawn in, and whether that group is collapsed.
    QString groupOf(const QString &id) const { return m_groupOf.value(id); }
    QSizeF size() const { return m_size; }
    const GraphLayout::Options &layoutOptions() const { return m_options; }
    int layerCount() const { return m_layerCount; }

    static constexpr double kGroupPadding = 10; // inside a group box, around its members
    static constexpr double kGroupLabel = 24;   // the label band at a group box's top
    static constexpr double kGroupGap = 16;     // between two group boxes above each other

private:
    friend class GraphDrawingBuilder; // GraphDrawing.cpp
    void wrapTallColumns(double step);
    // After wrapping: edges follow the boxes (shift: how far each column moved right).
    void rerouteWrapped(const std::vector<double> &shift,
                        const QHash<QString, const Group *> &openGroupOf, double step);

    QList<Node> m_nodes;
    QList<Edge> m_edges;
    QList<Group> m_groups;
    QHash<QString, int> m_nodeIndex, m_groupIndex;
    QHash<QString, QString> m_groupOf;
    QSizeF m_size;
    GraphLayout::Options m_options;
    int m_layerCount = 0;
};

} // namespace daybreak
