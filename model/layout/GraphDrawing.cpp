#include "GraphDrawing.h"

#include "DependencyGraph.h"
#include "GroupFolders.h"
#include "Inventory.h"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/strong_components.hpp>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <queue>

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

// A group (or a pipeline of its own) as it is stacked: its columns, its height and, once placed,
// its box's top-left corner.
struct Part
{
    QString name;
    QStringList members;
    bool boxed = false;
    bool collapsed = false;
    int first = 0;
    int last = 0;
    double height = 0;
    GraphLayout inner;
    double x = 0;
    double top = 0;
};

// Skyline packing: each part, in order, goes as high as the parts already on `skyline` (the
// bottom of each column) allow, so parts in different columns share the height. Sets each
// part's top; returns the bottom of the lowest.
double pile(std::vector<Part> &parts, const std::vector<int> &which, std::vector<double> &skyline)
{
    double bottom = 0;
    for (int i : which) {
        Part &part = parts[i];
        double top = 0;
        for (int l = part.first; l <= part.last; ++l)
            top = std::max(top, skyline[l]);
        for (int l = part.first; l <= part.last; ++l)
            skyline[l] = top + part.height + GraphDrawing::kGroupGap;
        part.top = top;
        bottom = std::max(bottom, top + part.height);
    }
    return bottom;
}

// Piles `which` from the top, column 0 at x0. Returns the height.
double stack(std::vector<Part> &parts, const std::vector<int> &which, int layerCount, double x0,
             double step)
{
    std::vector<double> skyline(std::max(1, layerCount), 0);
    const double bottom = pile(parts, which, skyline);
    for (int i : which)
        parts[i].x = x0 + parts[i].first * step;
    return bottom;
}

// The parts in units that must stay in one band (groups that read each other both ways), the
// units in an order where what a unit reads comes before it, ties kept in the parts' order.
std::vector<std::vector<int>> bandUnits(int count, const std::vector<std::pair<int, int>> &links)
{
    using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS>;
    Graph graph(count);
    for (const auto &[a, b] : links)
        boost::add_edge(a, b, graph);
    std::vector<int> component(count);
    const int units = count == 0 ? 0 : boost::strong_components(graph, component.data());
    std::vector<std::vector<int>> members(units);
    for (int i = 0; i < count; ++i)
        members[component[i]].push_back(i);
    std::vector<std::vector<int>> down(units);
    std::vector<int> pending(units, 0);
    for (const auto &[a, b] : links)
        if (component[a] != component[b]) {
            down[component[a]].push_back(component[b]);
            ++pending[component[b]];
        }
    // Kahn's order, the unit holding the earliest part first.
    using Entry = std::pair<int, int>; // (earliest part, unit)
    std::priority_queue<Entry, std::vector<Entry>, std::greater<>> ready;
    for (int u = 0; u < units; ++u)
        if (pending[u] == 0)
            ready.push({members[u].front(), u});
    std::vector<std::vector<int>> order;
    while (!ready.empty()) {
        const int u = ready.top().second;
        ready.pop();
        order.push_back(members[u]);
        for (int w : down[u])
            if (--pending[w] == 0)
                ready.push({members[w].front(), w});
    }
    return order;
}

// Places every part; returns the picture's height. Open groups span most columns on a real
// project (a dbt folder holds staging and marts alike), so stacked in one band they make a
// picture many times taller than wide. Then the parts are cut into bands, side by side, about
// 1.6 times as wide as tall overall: a band holds only parts that read nothing in a later band,
// so every upstream still lies left of its reader.
struct Bands
{
    double height = 0;
    int count = 1;
};
Bands placeInBands(std::vector<Part> &parts, const std::vector<std::pair<int, int>> &links,
                   int layerCount, double step, double width)
{
    std::vector<int> all(parts.size());
    std::iota(all.begin(), all.end(), 0);
    const double height = stack(parts, all, layerCount, 0, step);
    const bool open = std::any_of(parts.cbegin(), parts.cend(),
                                  [](const Part &p) { return p.boxed && !p.collapsed; });
    if (!open || height <= width * 1.5)
        return {height, 1};

    // Cut where a band would grow past `target`; the bands and their size side by side.
    const std::vector<std::vector<int>> units = bandUnits(int(parts.size()), links);
    const auto cut = [&](double target) {
        std::vector<std::vector<int>> bands(1);
        std::vector<double> skyline(std::max(1, layerCount), 0);
        for (const std::vector<int> &unit : units) {
            std::vector<double> tried = skyline;
            if (pile(parts, unit, tried) > target && !bands.back().empty()) {
                bands.emplace_back(); // this unit starts the next band
                tried.assign(skyline.size(), 0);
                pile(parts, unit, tried);
            }
            skyline = tried;
            bands.back().insert(bands.back().end(), unit.cbegin(), unit.cend());
        }
        return bands;
    };
    const auto place = [&](const std::vector<std::vector<int>> &bands) {
        double x = 0, bottom = 0;
        for (const std::vector<int> &band : bands) {
            int first = layerCount, last = 0;
            for (int i : band) {
                first = std::min(first, parts[i].first);
                last = std::max(last, parts[i].last);
            }
            bottom = std::max(bottom, stack(parts, band, layerCount, x - first * step, step));
            x += (last - first + 1) * step + GraphDrawing::kGroupPadding * 2;
        }
        return QSizeF(x, bottom);
    };
    // Bands are narrower than the whole picture, so how many make it about 1.6 times as wide
    // as tall is found by trying: the cut whose shape comes nearest.
    const auto misfit = [](QSizeF size) {
        return std::abs(std::log(size.width() / std::max(1.0, size.height()) / 1.6));
    };
    std::vector<std::vector<int>> best(1, all);
    double bestMisfit = misfit(QSizeF(width, height));
    for (int wanted = 2; wanted <= 48; ++wanted) {
        const std::vector<std::vector<int>> bands = cut(height / wanted);
        if (const double m = misfit(place(bands)); m < bestMisfit) {
            bestMisfit = m;
            best = bands;
        }
    }
    const QSizeF size = place(best);
    return {size.height(), int(best.size())};
}
} // namespace

// How compute() builds a drawing, step by step: what is drawn, the groups that are collapsed,
// the layout of the graph of groups, each group laid out inside itself, the groups placed in
// bands, and the edges between them.
class GraphDrawingBuilder
{
    static constexpr double kGroupPadding = GraphDrawing::kGroupPadding;
    static constexpr double kGroupLabel = GraphDrawing::kGroupLabel;

public:
    GraphDrawingBuilder(const Inventory &inventory, const GraphDrawing::Options &options)
        : m_inventory(inventory), m_options(options), o(options.layout),
          step(o.nodeWidth + o.layerGap)
    {
        d.m_options = o;
    }

    GraphDrawing build()
    {
        selectDrawn();
        if (!m_options.groups) {
            drawFlat();
            return std::move(d);
        }
        collapseGroups();
        const GraphLayout plain = GraphLayout::compute(DependencyGraph(keys, links), o);
        d.m_layerCount = int(plain.layers().size());
        layerOf = plain.layerOf();
        orderGroupsByHeight(plain);
        layOutParts();
        QHash<QString, int> partOf;
        for (int i = 0; i < int(parts.size()); ++i)
            for (const QString &id : parts[i].members)
                partOf.insert(keyOf(id), i);
        std::vector<std::pair<int, int>> partLinks;
        for (const auto &[from, to] : links)
            if (const int a = partOf.value(from), b = partOf.value(to); a != b)
                partLinks.push_back({a, b});
        const double width = d.m_layerCount * step - o.layerGap + kGroupPadding * 2;
        const Bands bands = placeInBands(parts, partLinks, d.m_layerCount, step, width);
        const double right = placeParts();
        for (const QString &id : ids)
            if (!collapsed.contains(d.m_groupOf.value(id))) {
                d.m_nodeIndex.insert(id, int(d.m_nodes.size()));
                d.m_nodes.append({id, d.m_groupOf.value(id), layerOf.value(id), rectOf.value(id)});
            }
        drawLinksBetweenGroups();
        d.m_size = QSizeF(std::max(width, right), std::max(0.0, bands.height));
        if (bands.count == 1)
            d.wrapTallColumns(step);
        return std::move(d);
    }

private:
    // The pipelines drawn (all, or those `only` names), each with its group or the folder that
    // folds it, and the edges among them.
    void selectDrawn()
    {
        QSet<QString> drawn;
        for (const Pipeline &p : m_inventory.pipelines())
            if (!m_options.only || m_options.only->contains(p.id)) {
                ids << p.id;
                drawn.insert(p.id);
                const QString folder = GroupFolders::foldedAs(p.groupName(), m_options.folded);
                d.m_groupOf.insert(p.id, folder.isEmpty() ? p.groupName() : folder);
                if (!folder.isEmpty())
                    foldedGroups[folder].insert(p.groupName());
            }
        for (const Pipeline &p : m_inventory.pipelines())
            if (drawn.contains(p.id))
                for (const QString &up : p.upstreams)
                    if (drawn.contains(up))
                        edges.append({up, p.id});
    }

    void drawFlat()
    {
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
    }

    QString keyOf(const QString &id) const
    {
        const QString g = d.m_groupOf.value(id);
        return collapsed.contains(g) ? groupKey(g) : id;
    }

    // The graph that is laid out: a collapsed group is one vertex, its edges merged with a count.
    void collapseGroups()
    {
        for (const QString &id : ids) {
            const QString g = d.m_groupOf.value(id);
            if (!members.contains(g))
                names << g;
            members[g].append(id);
        }
        for (const QString &g : std::as_const(names))
            if (members.value(g).size() > 1 &&
                (m_options.collapseAll || m_options.collapsed.contains(g) ||
                 foldedGroups.contains(g)))
                collapsed.insert(g);
        QSet<QString> seen;
        for (const QString &id : std::as_const(ids))
            if (const QString k = keyOf(id); !seen.contains(k)) {
                seen.insert(k);
                keys << k;
            }
        for (const auto &[from, to] : std::as_const(edges)) {
            const QPair<QString, QString> link{keyOf(from), keyOf(to)};
            if (link.first == link.second)
                continue; // inside a collapsed group
            if (!count.contains(link))
                links.append(link);
            ++count[link];
        }
    }

    // The groups in the order of their median height in that layout, so groups that read each
    // other sit near each other.
    void orderGroupsByHeight(const GraphLayout &plain)
    {
        QHash<QString, double> height;
        for (const QString &g : std::as_const(names)) {
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
    }

    // Each group laid out inside itself, in those columns.
    void layOutParts()
    {
        for (const QString &g : std::as_const(names)) {
            Part part;
            part.name = g;
            part.members = members.value(g);
            part.boxed = part.members.size() > 1;
            part.collapsed = collapsed.contains(g);
            part.first = d.m_layerCount;
            for (const QString &id : part.members) {
                part.first = std::min(part.first, layerOf.value(keyOf(id)));
                part.last = std::max(part.last, layerOf.value(keyOf(id)));
            }
            part.height = o.nodeHeight;
            if (part.collapsed) {
                part.height = o.nodeHeight + kGroupPadding * 2;
            } else if (part.boxed) {
                const QSet<QString> in(part.members.cbegin(), part.members.cend());
                QList<QPair<QString, QString>> innerLinks;
                for (const auto &e : std::as_const(links))
                    if (in.contains(e.first) && in.contains(e.second))
                        innerLinks.append(e);
                part.inner =
                    GraphLayout::compute(DependencyGraph(part.members, innerLinks), o, layerOf);
                part.height = kGroupLabel + kGroupPadding * 2 + part.inner.size().height();
            }
            parts.push_back(std::move(part));
        }
    }

    // The boxes, nodes and inner edges where the bands put their parts; returns the right edge.
    double placeParts()
    {
        double right = 0;
        for (const Part &part : parts) {
            if (part.boxed) {
                right = std::max(right, addGroupBox(part));
                if (part.collapsed)
                    continue;
            }
            const double left = part.x - part.first * step; // where layer 0 would be for it
            const QPointF offset =
                part.boxed ? QPointF(left + kGroupPadding, part.top + kGroupLabel + kGroupPadding)
                           : QPointF(left + kGroupPadding, part.top);
            for (const QString &id : part.members) {
                const QPointF at = part.boxed ? part.inner.positions().value(id) + offset
                                              : QPointF(layerOf.value(id) * step, 0) + offset;
                rectOf.insert(id, QRectF(at, QSizeF(o.nodeWidth, o.nodeHeight)));
                right = std::max(right, at.x() + o.nodeWidth + kGroupPadding);
            }
            for (const GraphLayout::Edge &e : part.inner.edges()) {
                GraphDrawing::Edge drawnEdge{
                    e.from, e.to, false, false, count.value({e.from, e.to}, 1), {}};
                for (const QPointF &p : e.points)
                    drawnEdge.points.append(p + offset);
                d.m_edges.append(drawnEdge);
            }
        }
        return right;
    }

    double addGroupBox(const Part &part)
    {
        GraphDrawing::Group box;
        box.name = part.name;
        box.collapsed = part.collapsed;
        box.members = part.members;
        box.firstLayer = part.first;
        box.lastLayer = part.last;
        box.foldedGroups = int(foldedGroups.value(part.name).size());
        box.rect =
            QRectF(part.x, part.top,
                   (part.last - part.first) * step + o.nodeWidth + kGroupPadding * 2, part.height);
        d.m_groupIndex.insert(part.name, int(d.m_groups.size()));
        d.m_groups.append(box);
        if (part.collapsed)
            rectOf.insert(groupKey(part.name), box.rect);
        return box.rect.right();
    }

    // Edges between groups (or into and out of collapsed ones): straight, side to side.
    void drawLinksBetweenGroups()
    {
        for (const auto &link : std::as_const(links)) {
            const bool fromGroup = link.first.startsWith(QLatin1Char('#'));
            const bool toGroup = link.second.startsWith(QLatin1Char('#'));
            const QString gf = fromGroup ? link.first.mid(7) : d.m_groupOf.value(link.first);
            const QString gt = toGroup ? link.second.mid(7) : d.m_groupOf.value(link.second);
            if (!fromGroup && !toGroup && gf == gt && members.value(gf).size() > 1)
                continue; // drawn with its group
            const QRectF a = rectOf.value(link.first), b = rectOf.value(link.second);
            d.m_edges.append(
                {fromGroup ? gf : link.first,
                 toGroup ? gt : link.second,
                 fromGroup,
                 toGroup,
                 count.value(link),
                 {QPointF(a.right(), a.center().y()), QPointF(b.left(), b.center().y())}});
        }
    }

    const Inventory &m_inventory;
    const GraphDrawing::Options &m_options;
    const GraphLayout::Options &o;
    const double step;
    GraphDrawing d;
    QStringList ids;
    QList<QPair<QString, QString>> edges;
    QHash<QString, QSet<QString>> foldedGroups; // a folded folder's groups
    QStringList names;                          // of the groups
    QHash<QString, QStringList> members;
    QSet<QString> collapsed;
    QStringList keys; // of the vertices laid out: pipelines and collapsed groups
    QList<QPair<QString, QString>> links;
    QHash<QPair<QString, QString>, int> count;
    QHash<QString, int> layerOf;
    std::vector<Part> parts;
    QHash<QString, QRectF> rectOf; // of every laid-out vertex
};

GraphDrawing GraphDrawing::compute(const Inventory &inventory, const Options &options)
{
    return GraphDrawingBuilder(inventory, options).build();
}

namespace {

// A box that wraps with its column; a group's box moves its members with it.
struct WrapBox
{
    QRectF *rect;
    GraphDrawing::Group *group = nullptr;
};

// Places column `c`'s boxes top to bottom in parts of at most `target` high, each part one step
// right of the one before, clear of the groups across the column; returns how many parts more
// than one it took. `moved` gets each group box's move, `height` the lowest bottom.
int wrapColumn(std::vector<WrapBox> &column, int c, double shift, double step, double target,
               const std::vector<GraphDrawing::Group *> &spanning, QHash<QString, QPointF> &moved,
               double &height)
{
    constexpr double gap = GraphDrawing::kGroupGap;
    std::sort(column.begin(), column.end(),
              [](const WrapBox &a, const WrapBox &b) { return a.rect->top() < b.rect->top(); });
    // The heights that groups across this column hold: in its first part, every group that
    // touches it; in the parts to its right, the groups that go on past it.
    const auto blocked = [&](int part, double top, double bottom) {
        for (const GraphDrawing::Group *g : spanning) {
            const bool touches = g->firstLayer <= c && c <= g->lastLayer;
            const bool pastIt = g->firstLayer <= c && c < g->lastLayer;
            if ((part == 0 ? touches : pastIt) && top < g->rect.bottom() + gap &&
                g->rect.top() - gap < bottom)
                return g->rect.bottom() + gap;
        }
        return -1.0;
    };
    int part = 0;
    double y = 0;
    bool empty = true;
    for (const WrapBox &b : column) {
        const double h = b.rect->height();
        for (;;) {
            double at = y;
            for (double below; (below = blocked(part, at, at + h)) >= 0;)
                at = below;
            if (at + h > target && !empty) {
                ++part; // the next part of this column, to the right
                y = 0;
                empty = true;
                continue;
            }
            const QPointF delta(shift + part * step, at - b.rect->top());
            b.rect->translate(delta);
            if (b.group)
                moved.insert(b.group->name, delta);
            y = at + h + gap;
            empty = false;
            height = std::max(height, b.rect->bottom());
            break;
        }
    }
    return part;
}

} // namespace

void GraphDrawing::wrapTallColumns(double step)
{
    // A column far taller than the picture is wide (a hundred sources read by one report, a
    // thousand collapsed groups) is split into columns of its own, side by side, so Fit shows
    // something readable instead of a sliver. What moves is every box that lies in one column:
    // a pipeline outside open groups, a collapsed group, an open group in one column. An open
    // group across several columns stays where it is and the boxes wrapped around it keep out
    // of its way. Boxes keep their order; what they read stays to their left and what reads
    // them to their right.
    if (m_layerCount < 1 || m_size.height() <= m_size.width() * 1.5)
        return;
    QHash<QString, const Group *> openGroupOf; // a pipeline's open group of two or more
    for (const Group &g : m_groups)
        if (!g.collapsed)
            for (const QString &id : g.members)
                openGroupOf.insert(id, &g);
    std::vector<std::vector<WrapBox>> columns(m_layerCount);
    std::vector<Group *> spanning;
    double area = 0;
    for (Node &n : m_nodes)
        if (!openGroupOf.contains(n.id)) {
            columns[n.layer].push_back({&n.rect});
            area += n.rect.height() + kGroupGap;
        }
    for (Group &g : m_groups) {
        area += (g.rect.height() + kGroupGap) * (g.lastLayer - g.firstLayer + 1);
        if (g.collapsed || g.firstLayer == g.lastLayer)
            columns[g.firstLayer].push_back({&g.rect, &g});
        else
            spanning.push_back(&g);
    }
    // The height that makes the wrapped picture about 1.6 times as wide as tall.
    const double target = std::max(m_options.nodeHeight * 8, std::sqrt(area * step / 1.6));
    std::vector<double> shift(m_layerCount + 1, 0); // how far each column moves right
    QHash<QString, QPointF> moved;                  // an open group's move, for its members
    double height = 0;
    for (int c = 0; c < m_layerCount; ++c)
        shift[c + 1] =
            shift[c] +
            wrapColumn(columns[c], c, shift[c], step, target, spanning, moved, height) * step;
    for (Group *g : spanning) {
        g->rect.setLeft(g->rect.left() + shift[g->firstLayer]);
        g->rect.setRight(g->rect.right() + shift[g->lastLayer]);
        height = std::max(height, g->rect.bottom());
    }
    for (Node &n : m_nodes)
        if (const Group *g = openGroupOf.value(n.id)) {
            if (g->firstLayer == g->lastLayer)
                n.rect.translate(moved.value(g->name));
            else
                n.rect.translate(shift[n.layer], 0);
        }
    rerouteWrapped(shift, openGroupOf, step);
    m_size = QSizeF(
        m_layerCount * step + shift[m_layerCount] - m_options.layerGap + kGroupPadding * 2, height);
}

void GraphDrawing::rerouteWrapped(const std::vector<double> &shift,
                                  const QHash<QString, const Group *> &openGroupOf, double step)
{
    // Edges inside a group across columns follow its columns; every other edge runs straight
    // between the boxes where they now are.
    const auto rectOf = [&](const QString &key, bool isGroup) -> QRectF {
        if (isGroup)
            return group(key) ? group(key)->rect : QRectF();
        return node(key) ? node(key)->rect : QRectF();
    };
    for (Edge &e : m_edges) {
        const Group *inside =
            e.sourceIsGroup || e.targetIsGroup ? nullptr : openGroupOf.value(e.source);
        if (inside && inside == openGroupOf.value(e.target) &&
            inside->firstLayer < inside->lastLayer) {
            for (QPointF &p : e.points) {
                const int c = std::clamp(int(std::floor((p.x() - kGroupPadding) / step)),
                                         inside->firstLayer, inside->lastLayer);
                p.rx() += shift[c];
            }
            continue;
        }
        const QRectF a = rectOf(e.source, e.sourceIsGroup), b = rectOf(e.target, e.targetIsGroup);
        e.points = {QPointF(a.right(), a.center().y()), QPointF(b.left(), b.center().y())};
    }
}

} // namespace daybreak
