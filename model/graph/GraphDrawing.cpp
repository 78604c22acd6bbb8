#include "GraphDrawing.h"

#include "DependencyGraph.h"
#include "Inventory.h"

#include <algorithm>

namespace daybreak {

const GraphDrawing::Node *GraphDrawing::node(const QString &id) const
{
    const auto it = m_nodeIndex.constFind(id);
    return it == m_nodeIndex.cend() ? nullptr : &m_nodes.at(*it);
}

const GraphDrawing::Group *GraphDrawing::group(const QString &name) const
{
    const auto it = m_groupIndex.constFind(name);
    return it == m_groupIndex.cend() ? nullptr : &m_groups.at(*it);
}

GraphDrawing GraphDrawing::compute(const Inventory &inventory, const Options &options)
{
    GraphDrawing d;
    d.m_options = options.layout;
    const GraphLayout::Options &o = options.layout;
    const double step = o.nodeWidth + o.layerGap;

    QStringList ids;
    QSet<QString> drawn;
    for (const Pipeline &p : inventory.pipelines())
        if (!options.only || options.only->contains(p.id)) {
            ids << p.id;
            drawn.insert(p.id);
            d.m_groupOf.insert(p.id, p.groupName());
        }
    QList<QPair<QString, QString>> edges;
    for (const Pipeline &p : inventory.pipelines())
        if (drawn.contains(p.id))
            for (const QString &up : p.upstreams)
                if (drawn.contains(up))
                    edges.append({up, p.id});
    const DependencyGraph graph(ids, edges);
    const GraphLayout plain = GraphLayout::compute(graph, o);
    d.m_layerCount = int(plain.layers().size());
    const QHash<QString, int> &layerOf = plain.layerOf();

    if (!options.groups) {
        for (const QString &id : ids) {
            d.m_nodeIndex.insert(id, int(d.m_nodes.size()));
            d.m_nodes.append(
                {id, d.m_groupOf.value(id), layerOf.value(id),
                 QRectF(plain.positions().value(id), QSizeF(o.nodeWidth, o.nodeHeight))});
        }
        for (const GraphLayout::Edge &e : plain.edges())
            d.m_edges.append({e.from, e.to, false, false, 1, e.points});
        d.m_size = plain.size();
        return d;
    }

    // The groups, in the order of their members' median height in the plain layout, so groups
    // that read each other sit near each other.
    QStringList names;
    QHash<QString, QStringList> members;
    for (const QString &id : ids) {
        const QString g = d.m_groupOf.value(id);
        if (!members.contains(g))
            names << g;
        members[g].append(id);
    }
    QHash<QString, double> height;
    for (const QString &g : names) {
        std::vector<double> ys;
        for (const QString &id : members.value(g))
            ys.push_back(plain.positions().value(id).y());
        std::nth_element(ys.begin(), ys.begin() + ys.size() / 2, ys.end());
        height.insert(g, ys[ys.size() / 2]);
    }
    std::stable_sort(names.begin(), names.end(),
                     [&](const QString &a, const QString &b) { return height[a] < height[b]; });

    // Each group laid out inside itself, in the plain layout's columns, then stacked: a group
    // goes as high as the groups already placed in its columns allow, never above the previous
    // one, so the order holds and groups in different columns share the height.
    std::vector<double> skyline(std::max(1, d.m_layerCount), 0);
    double previousTop = 0;
    QHash<QString, QPointF> nodeAt;
    QList<Edge> innerEdges;
    for (const QString &g : names) {
        const QStringList &list = members.value(g);
        const bool boxed = list.size() > 1;
        const bool collapsed = boxed && (options.collapseAll || options.collapsed.contains(g));
        int first = d.m_layerCount, last = 0;
        for (const QString &id : list) {
            first = std::min(first, layerOf.value(id));
            last = std::max(last, layerOf.value(id));
        }
        GraphLayout inner;
        double boxHeight = o.nodeHeight;
        if (collapsed) {
            boxHeight = kCollapsedHeight;
        } else if (boxed) {
            const QSet<QString> in(list.cbegin(), list.cend());
            QList<QPair<QString, QString>> innerLinks;
            for (const auto &e : edges)
                if (in.contains(e.first) && in.contains(e.second))
                    innerLinks.append(e);
            inner = GraphLayout::compute(DependencyGraph(list, innerLinks), o, layerOf);
            boxHeight = kGroupLabel + kGroupPadding * 2 + inner.size().height();
        }
        double top = previousTop;
        for (int l = first; l <= last; ++l)
            top = std::max(top, skyline[l]);
        for (int l = first; l <= last; ++l)
            skyline[l] = top + boxHeight + kGroupGap;
        previousTop = top;

        if (boxed) {
            Group box;
            box.name = g;
            box.collapsed = collapsed;
            box.members = list;
            box.firstLayer = first;
            box.lastLayer = last;
            box.rect = QRectF(first * step, top,
                              (last - first) * step + o.nodeWidth + kGroupPadding * 2, boxHeight);
            d.m_groupIndex.insert(g, int(d.m_groups.size()));
            d.m_groups.append(box);
        }
        if (collapsed)
            continue;
        const QPointF offset = boxed ? QPointF(kGroupPadding, top + kGroupLabel + kGroupPadding)
                                     : QPointF(kGroupPadding, top);
        for (const QString &id : list)
            nodeAt.insert(id, boxed ? inner.positions().value(id) + offset
                                    : QPointF(layerOf.value(id) * step, 0) + offset);
        for (const GraphLayout::Edge &e : inner.edges()) {
            Edge drawnEdge{e.from, e.to, false, false, 1, {}};
            for (const QPointF &p : e.points)
                drawnEdge.points.append(p + offset);
            innerEdges.append(drawnEdge);
        }
    }

    for (const QString &id : ids)
        if (nodeAt.contains(id)) {
            d.m_nodeIndex.insert(id, int(d.m_nodes.size()));
            d.m_nodes.append({id, d.m_groupOf.value(id), layerOf.value(id),
                              QRectF(nodeAt.value(id), QSizeF(o.nodeWidth, o.nodeHeight))});
        }
    d.m_edges = innerEdges;

    // Edges between groups: straight, from the reader's column to the reading one; into or out
    // of a collapsed group once per neighbour, with a count.
    QHash<QString, int> merged;
    const double mid = o.nodeHeight / 2;
    for (const auto &[from, to] : edges) {
        const QString gf = d.m_groupOf.value(from), gt = d.m_groupOf.value(to);
        const Group *cf = d.group(gf), *ct = d.group(gt);
        const bool fromCollapsed = cf && cf->collapsed, toCollapsed = ct && ct->collapsed;
        if (gf == gt && !fromCollapsed && members.value(gf).size() > 1)
            continue; // drawn with its group
        if (gf == gt && fromCollapsed)
            continue; // inside a collapsed group
        Edge e{fromCollapsed ? gf : from, toCollapsed ? gt : to, fromCollapsed, toCollapsed, 1, {}};
        const QString key = e.source + QChar(0x1f) + e.target;
        if (const auto it = merged.constFind(key); it != merged.cend()) {
            ++d.m_edges[*it].count;
            continue;
        }
        const QPointF start =
            fromCollapsed ? QPointF(layerOf.value(from) * step + kGroupPadding + o.nodeWidth,
                                    cf->rect.center().y())
                          : nodeAt.value(from) + QPointF(o.nodeWidth, mid);
        const QPointF end =
            toCollapsed ? QPointF(layerOf.value(to) * step + kGroupPadding, ct->rect.center().y())
                        : nodeAt.value(to) + QPointF(0, mid);
        e.points = {start, end};
        merged.insert(key, int(d.m_edges.size()));
        d.m_edges.append(e);
    }
    double bottom = 0;
    for (double s : skyline)
        bottom = std::max(bottom, s - kGroupGap);
    d.m_size =
        QSizeF(d.m_layerCount * step - o.layerGap + kGroupPadding * 2, std::max(0.0, bottom));
    return d;
}

} // namespace daybreak
