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

namespace {
// The key a collapsed group has in the graph that is laid out: '#' is never in a pipeline id.
QString groupKey(const QString &group)
{
    return QStringLiteral("#group:") + group;
}
} // namespace

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

    if (!options.groups) {
        const GraphLayout plain = GraphLayout::compute(DependencyGraph(ids, edges), o);
        d.m_layerCount = int(plain.layers().size());
        for (const QString &id : ids) {
            d.m_nodeIndex.insert(id, int(d.m_nodes.size()));
            d.m_nodes.append(
                {id, d.m_groupOf.value(id), plain.layerOf().value(id),
                 QRectF(plain.positions().value(id), QSizeF(o.nodeWidth, o.nodeHeight))});
        }
        for (const GraphLayout::Edge &e : plain.edges())
            d.m_edges.append({e.from, e.to, false, false, 1, e.points});
        d.m_size = plain.size();
        return d;
    }

    QStringList names;
    QHash<QString, QStringList> members;
    for (const QString &id : ids) {
        const QString g = d.m_groupOf.value(id);
        if (!members.contains(g))
            names << g;
        members[g].append(id);
    }
    QSet<QString> collapsed;
    for (const QString &g : names)
        if (members.value(g).size() > 1 && (options.collapseAll || options.collapsed.contains(g)))
            collapsed.insert(g);

    // The graph that is laid out: a collapsed group is one vertex, its edges merged with a count.
    const auto keyOf = [&](const QString &id) {
        const QString g = d.m_groupOf.value(id);
        return collapsed.contains(g) ? groupKey(g) : id;
    };
    QStringList keys;
    QSet<QString> seen;
    for (const QString &id : ids)
        if (const QString k = keyOf(id); !seen.contains(k)) {
            seen.insert(k);
            keys << k;
        }
    QList<QPair<QString, QString>> links;
    QHash<QPair<QString, QString>, int> count;
    for (const auto &[from, to] : edges) {
        const QPair<QString, QString> link{keyOf(from), keyOf(to)};
        if (link.first == link.second)
            continue; // inside a collapsed group
        if (!count.contains(link))
            links.append(link);
        ++count[link];
    }
    const GraphLayout plain = GraphLayout::compute(DependencyGraph(keys, links), o);
    d.m_layerCount = int(plain.layers().size());
    const QHash<QString, int> &layerOf = plain.layerOf();

    // The groups in the order of their median height in that layout, so groups that read each
    // other sit near each other.
    QHash<QString, double> height;
    for (const QString &g : names) {
        std::vector<double> ys;
        if (collapsed.contains(g))
            ys.push_back(plain.positions().value(groupKey(g)).y());
        else
            for (const QString &id : members.value(g))
                ys.push_back(plain.positions().value(id).y());
        std::nth_element(ys.begin(), ys.begin() + ys.size() / 2, ys.end());
        height.insert(g, ys[ys.size() / 2]);
    }
    std::stable_sort(names.begin(), names.end(),
                     [&](const QString &a, const QString &b) { return height[a] < height[b]; });

    // Each group laid out inside itself, in those columns, then stacked in that order: a group
    // goes as high as the groups already placed in its columns allow, so groups in different
    // columns share the height and the picture stays compact.
    std::vector<double> skyline(std::max(1, d.m_layerCount), 0);
    QHash<QString, QRectF> rectOf; // of every laid-out vertex: pipelines and collapsed groups
    QList<Edge> innerEdges;
    for (const QString &g : names) {
        const QStringList &list = members.value(g);
        const bool boxed = list.size() > 1;
        const bool isCollapsed = collapsed.contains(g);
        int first = d.m_layerCount, last = 0;
        for (const QString &id : list) {
            first = std::min(first, layerOf.value(keyOf(id)));
            last = std::max(last, layerOf.value(keyOf(id)));
        }
        GraphLayout inner;
        double boxHeight = o.nodeHeight;
        if (isCollapsed) {
            boxHeight = o.nodeHeight + kGroupPadding * 2;
        } else if (boxed) {
            const QSet<QString> in(list.cbegin(), list.cend());
            QList<QPair<QString, QString>> innerLinks;
            for (const auto &e : links)
                if (in.contains(e.first) && in.contains(e.second))
                    innerLinks.append(e);
            inner = GraphLayout::compute(DependencyGraph(list, innerLinks), o, layerOf);
            boxHeight = kGroupLabel + kGroupPadding * 2 + inner.size().height();
        }
        double top = 0;
        for (int l = first; l <= last; ++l)
            top = std::max(top, skyline[l]);
        for (int l = first; l <= last; ++l)
            skyline[l] = top + boxHeight + kGroupGap;

        if (boxed) {
            Group box;
            box.name = g;
            box.collapsed = isCollapsed;
            box.members = list;
            box.firstLayer = first;
            box.lastLayer = last;
            box.rect = QRectF(first * step, top,
                              (last - first) * step + o.nodeWidth + kGroupPadding * 2, boxHeight);
            d.m_groupIndex.insert(g, int(d.m_groups.size()));
            d.m_groups.append(box);
            if (isCollapsed) {
                rectOf.insert(groupKey(g), box.rect);
                continue;
            }
        }
        const QPointF offset = boxed ? QPointF(kGroupPadding, top + kGroupLabel + kGroupPadding)
                                     : QPointF(kGroupPadding, top);
        for (const QString &id : list) {
            const QPointF at = boxed ? inner.positions().value(id) + offset
                                     : QPointF(layerOf.value(id) * step, 0) + offset;
            rectOf.insert(id, QRectF(at, QSizeF(o.nodeWidth, o.nodeHeight)));
        }
        for (const GraphLayout::Edge &e : inner.edges()) {
            Edge drawnEdge{e.from, e.to, false, false, count.value({e.from, e.to}, 1), {}};
            for (const QPointF &p : e.points)
                drawnEdge.points.append(p + offset);
            innerEdges.append(drawnEdge);
        }
    }

    for (const QString &id : ids)
        if (!collapsed.contains(d.m_groupOf.value(id))) {
            d.m_nodeIndex.insert(id, int(d.m_nodes.size()));
            d.m_nodes.append({id, d.m_groupOf.value(id), layerOf.value(id), rectOf.value(id)});
        }
    d.m_edges = innerEdges;
    // Edges between groups (or into and out of collapsed ones): straight, side to side.
    for (const auto &link : links) {
        const bool fromGroup = link.first.startsWith(QLatin1Char('#'));
        const bool toGroup = link.second.startsWith(QLatin1Char('#'));
        const QString gf = fromGroup ? link.first.mid(7) : d.m_groupOf.value(link.first);
        const QString gt = toGroup ? link.second.mid(7) : d.m_groupOf.value(link.second);
        if (!fromGroup && !toGroup && gf == gt && members.value(gf).size() > 1)
            continue; // drawn with its group
        const QRectF a = rectOf.value(link.first), b = rectOf.value(link.second);
        d.m_edges.append({fromGroup ? gf : link.first,
                          toGroup ? gt : link.second,
                          fromGroup,
                          toGroup,
                          count.value(link),
                          {QPointF(a.right(), a.center().y()), QPointF(b.left(), b.center().y())}});
    }
    double bottom = 0;
    for (double s : skyline)
        bottom = std::max(bottom, s - kGroupGap);
    d.m_size =
        QSizeF(d.m_layerCount * step - o.layerGap + kGroupPadding * 2, std::max(0.0, bottom));
    d.wrapTallColumns(step);
    return d;
}

void GraphDrawing::wrapTallColumns(double step)
{
    // Only where every box sits in one column (groups collapsed, or none of two or more open):
    // a column of a thousand collapsed groups is split into columns of its own, side by side,
    // so Fit shows something readable instead of a sliver. Boxes stay in their order, what they
    // read stays to their left and what reads them to their right.
    for (const Group &g : m_groups)
        if (!g.collapsed)
            return;
    if (m_layerCount < 1 || m_size.height() <= m_size.width() * 1.5)
        return;
    struct Box
    {
        QRectF *rect;
        int layer;
    };
    std::vector<std::vector<Box>> columns(m_layerCount);
    double area = 0;
    for (Node &n : m_nodes)
        columns[n.layer].push_back({&n.rect, n.layer});
    for (Group &g : m_groups)
        columns[g.firstLayer].push_back({&g.rect, g.firstLayer});
    for (auto &column : columns) {
        std::sort(column.begin(), column.end(),
                  [](const Box &a, const Box &b) { return a.rect->top() < b.rect->top(); });
        for (const Box &b : column)
            area += b.rect->height() + kGroupGap;
    }
    // The height that makes the wrapped picture about 1.6 times as wide as tall.
    const double target = std::max(m_options.nodeHeight * 8, std::sqrt(area * step / 1.6));
    double x = 0, height = 0;
    for (auto &column : columns) {
        double top = column.empty() ? 0 : column.front().rect->top();
        double columnX = x;
        for (const Box &b : column) {
            if (b.rect->bottom() - top > target && b.rect->top() > top) {
                columnX += step; // the next part of this column, to the right
                top = b.rect->top();
            }
            b.rect->moveTo(columnX + (b.rect->left() - b.layer * step), b.rect->top() - top);
            height = std::max(height, b.rect->bottom());
        }
        x = columnX + step;
    }
    // Edges run straight between the boxes where they now are.
    const auto rectOf = [&](const QString &key, bool isGroup) -> QRectF {
        if (isGroup)
            return group(key) ? group(key)->rect : QRectF();
        return node(key) ? node(key)->rect : QRectF();
    };
    for (Edge &e : m_edges) {
        const QRectF a = rectOf(e.source, e.sourceIsGroup), b = rectOf(e.target, e.targetIsGroup);
        e.points = {QPointF(a.right(), a.center().y()), QPointF(b.left(), b.center().y())};
    }
    m_size = QSizeF(x - m_options.layerGap + kGroupPadding * 2, height);
}

} // namespace daybreak
