#include "GraphScene.h"

#include "DependencyEdgeItem.h"
#include "DependencyGraph.h"
#include "DistinctLabels.h"
#include "GraphPicture.h"
#include "GroupBoxItem.h"
#include "GroupFolders.h"
#include "LabelFits.h"
#include "PipelineNodeItem.h"
#include "Selector.h"

#include <QFont>
#include <QFontMetrics>

#include <algorithm>
#include <limits>
#include <map>

namespace daybreak {

namespace {
QStringList shapeOf(const Inventory &inventory)
{
    QStringList shape;
    for (const Pipeline &p : inventory.pipelines())
        shape << p.id + QLatin1Char('<') + p.upstreams.join(QLatin1Char(','));
    return shape;
}
} // namespace

GraphScene::GraphScene(QObject *parent) : QGraphicsScene(parent)
{
    setItemIndexMethod(QGraphicsScene::BspTreeIndex);
    connect(this, &QGraphicsScene::selectionChanged, this, [this] {
        if (m_syncing)
            return;
        const QList<QGraphicsItem *> items = selectedItems();
        const auto *node =
            items.isEmpty() ? nullptr : dynamic_cast<PipelineNodeItem *>(items.first());
        const QString id = node ? node->pipelineId() : QString();
        if (id == m_focused)
            return;
        m_focused = id;
        applyEmphasis();
        emit pipelineSelected(id);
    });
}

GraphScene::~GraphScene()
{
    // Removing the items deselects them; nobody should hear about it while we go away.
    blockSignals(true);
    clear();
}

void GraphScene::rebuild()
{
    m_syncing = true;
    clear();
    m_nodes.clear();
    m_groups.clear();
    m_labels.clear();
    m_edges.clear();
    GraphDrawing::Options o = m_options;
    if (m_selection && m_hideContext)
        o.only = *m_selection;
    m_drawing = GraphDrawing::compute(m_snapshot.inventory, o);
    const bool fast = m_drawing.edges().size() > 1200;
    for (const GraphDrawing::Group &g : m_drawing.groups()) {
        auto *box = new GroupBoxItem(g.name, g.rect, g.collapsed, GroupBoxItem::Part::Box);
        connect(box, &GroupBoxItem::toggleRequested, this, &GraphScene::toggleGroup);
        addItem(box);
        m_groups.insert(g.name, box);
        auto *label = new GroupBoxItem(g.name, g.rect, g.collapsed, GroupBoxItem::Part::FarLabel);
        addItem(label);
        m_labels.append(label);
    }
    for (const GraphDrawing::Edge &e : m_drawing.edges()) {
        auto *edge = new DependencyEdgeItem(e.source, e.target, e.points);
        edge->setFast(fast);
        if (e.count > 1)
            edge->setCount(e.count);
        addItem(edge);
        m_edges.append(edge);
    }
    const QSizeF size(m_drawing.layoutOptions().nodeWidth, m_drawing.layoutOptions().nodeHeight);
    for (const GraphDrawing::Node &n : m_drawing.nodes()) {
        auto *node = new PipelineNodeItem(n.id, size);
        node->setPos(n.rect.topLeft());
        connect(node, &PipelineNodeItem::contextMenuRequested, this,
                &GraphScene::contextMenuRequested);
        addItem(node);
        m_nodes.insert(n.id, node);
    }
    labelEverything();
    setSceneRect(QRectF(QPointF(-40, -40), m_drawing.size() + QSizeF(80, 80)));
    m_syncing = false;
    refreshStatus();
}

// Every label drawn at once, near and far, made to fit its box and to tell its pipeline or group
// apart from every other (DistinctLabels): inside a group without the group's prefix, elided in
// the middle.
void GraphScene::labelEverything()
{
    const QSizeF size(m_drawing.layoutOptions().nodeWidth, m_drawing.layoutOptions().nodeHeight);
    QFont nearFont;
    nearFont.setPointSizeF(8.5);
    nearFont.setBold(true);
    QFont farFont;
    farFont.setBold(true);
    farFont.setPixelSize(std::max(1, int(size.height() * 0.5)));
    const LabelFits nearFits(nearFont, int(PipelineNodeItem::nearTextRect(size).width()));
    const LabelFits farFits(farFont, int(PipelineNodeItem::farTextRect(size).width()));
    QList<DistinctLabels::Item> nodes;
    for (const GraphDrawing::Node &n : m_drawing.nodes())
        nodes.append({n.id, m_groups.contains(n.group) ? n.group : QString()});
    const QHash<QString, QString> nearLabels =
        DistinctLabels::compute(nodes, [&](const QString &t) { return nearFits(t); });
    const QHash<QString, QString> farLabels =
        DistinctLabels::compute(nodes, [&](const QString &t) { return farFits(t); });
    for (auto it = m_nodes.cbegin(); it != m_nodes.cend(); ++it)
        it.value()->setLabels(nearLabels.value(it.key()), farLabels.value(it.key()));

    QList<DistinctLabels::Item> groups;
    for (const GraphDrawing::Group &g : m_drawing.groups())
        groups.append({g.name, {}});
    QFont groupFont;
    groupFont.setBold(true);
    std::map<int, QFontMetrics> metricsOf; // by pixel size
    const auto fitsAt = [&](const QString &t, const QString &name, double px) {
        const int pixels = std::max(1, int(px));
        auto m = metricsOf.find(pixels);
        if (m == metricsOf.end()) {
            groupFont.setPixelSize(pixels);
            m = metricsOf.emplace(pixels, QFontMetrics(groupFont)).first;
        }
        return m->second.horizontalAdvance(t) <= int(m_groups.value(name)->labelWidth());
    };
    const QHash<QString, QString> nearNames =
        DistinctLabels::compute(groups, [&](const QString &t, const QString &name) {
            return fitsAt(t, name, GroupBoxItem::kNearPixels);
        });
    const QHash<QString, QString> farNames =
        DistinctLabels::compute(groups, [&](const QString &t, const QString &name) {
            return fitsAt(t, name, m_groups.value(name)->farPixels());
        });
    for (auto it = m_groups.cbegin(); it != m_groups.cend(); ++it)
        it.value()->setLabels(nearNames.value(it.key()), farNames.value(it.key()));
    for (GroupBoxItem *label : std::as_const(m_labels))
        label->setLabels(nearNames.value(label->name()), farNames.value(label->name()));
}

void GraphScene::setSnapshot(const StoreSnapshot &snapshot, const QDate &today)
{
    m_snapshot = snapshot;
    m_today = today;
    const QStringList shape = shapeOf(snapshot.inventory);
    if (shape != m_shape) {
        m_shape = shape;
        m_graph = DependencyGraph(snapshot.inventory);
        if (m_firstShape && snapshot.inventory.size() > kCollapseAbove) {
            m_options.collapseAll = true;
            // Thousands of collapsed groups are still a wall: fold their folders.
            if (const GroupFolders folders(snapshot.inventory);
                folders.groupCount() > GroupFolders::kFoldAbove)
                m_options.folded = folders.overview(GroupFolders::kOverviewBoxes);
        }
        m_firstShape = snapshot.inventory.size() == 0;
        rebuild();
        return;
    }
    refreshStatus();
}

void GraphScene::restyle(const StoreSnapshot &snapshot, const QDate &today,
                         const QSet<QString> &ids)
{
    if (today != m_today) { // every gate's "today" moved
        setSnapshot(snapshot, today);
        return;
    }
    m_snapshot = snapshot;
    for (const QString &id : ids)
        if (PipelineNodeItem *node = m_nodes.value(id))
            if (const Pipeline *p = snapshot.inventory.find(id))
                node->setStatus(snapshot.stateOf(id), p->staysOnPrem(),
                                ParityService::health(snapshot, id, m_today),
                                snapshot.plan.waveOf(id));
    for (DependencyEdgeItem *edge : std::as_const(m_edges))
        if ((ids.contains(edge->from()) || ids.contains(edge->to())) &&
            m_nodes.contains(edge->from()) && m_nodes.contains(edge->to()))
            edge->setCrossSide(canonicalSide(snapshot.stateOf(edge->from())) !=
                               canonicalSide(snapshot.stateOf(edge->to())));
    for (const GraphDrawing::Group &g : m_drawing.groups())
        if (std::any_of(g.members.begin(), g.members.end(),
                        [&](const QString &m) { return ids.contains(m); }))
            m_groups.value(g.name)->setSummary(GraphPicture::groupCounts(g, snapshot),
                                               GraphPicture::groupSummary(g, snapshot, m_today),
                                               GraphPicture::worstHealth(g, snapshot, m_today));
    emit drawingChanged();
}

void GraphScene::refreshStatus()
{
    const StoreSnapshot &snapshot = m_snapshot;
    for (const Pipeline &p : snapshot.inventory.pipelines())
        if (PipelineNodeItem *node = m_nodes.value(p.id))
            node->setStatus(snapshot.stateOf(p.id), p.staysOnPrem(),
                            ParityService::health(snapshot, p.id, m_today),
                            snapshot.plan.waveOf(p.id));
    for (DependencyEdgeItem *edge : std::as_const(m_edges))
        edge->setCrossSide(m_nodes.contains(edge->from()) && m_nodes.contains(edge->to()) &&
                           canonicalSide(snapshot.stateOf(edge->from())) !=
                               canonicalSide(snapshot.stateOf(edge->to())));
    for (const GraphDrawing::Group &g : m_drawing.groups()) {
        m_groups.value(g.name)->setSummary(GraphPicture::groupCounts(g, snapshot),
                                           GraphPicture::groupSummary(g, snapshot, m_today),
                                           GraphPicture::worstHealth(g, snapshot, m_today));
    }
    applyFill();
    if (!m_focused.isEmpty() && !m_nodes.contains(m_focused))
        focusPipeline({});
    else
        applyEmphasis();
    emit drawingChanged();
}

void GraphScene::setGroupsShown(bool shown)
{
    if (m_options.groups == shown)
        return;
    m_options.groups = shown;
    rebuild();
}

bool GraphScene::isGroupCollapsed(const QString &group) const
{
    const GraphDrawing::Group *g = m_drawing.group(group);
    return g && g->collapsed;
}

void GraphScene::unfold(const QString &folder)
{
    // One level down: the folder's sub-folders folded, its groups collapsed.
    const GroupFolders folders(m_snapshot.inventory);
    m_options.folded.remove(folder);
    for (const QString &child : folders.childrenOf(folder)) {
        if (child != folder && folders.isFolder(child))
            m_options.folded.insert(child);
        else if (!m_options.collapseAll)
            m_options.collapsed.insert(child);
    }
}

void GraphScene::unfoldAround(const QSet<QString> &groups, int maxChildren)
{
    const GroupFolders folders(m_snapshot.inventory);
    for (const QString &g : groups)
        for (QString f; !(f = GroupFolders::foldedAs(g, m_options.folded)).isEmpty();) {
            if (folders.childrenOf(f).size() > maxChildren)
                break; // too wide to open: it stays one box
            unfold(f);
        }
}

void GraphScene::foldToOverview()
{
    const GroupFolders folders(m_snapshot.inventory);
    m_options.collapseAll = true;
    m_options.collapsed.clear();
    m_options.folded = folders.overview(GroupFolders::kOverviewBoxes);
    rebuild();
}

void GraphScene::reveal(const QString &id)
{
    const Pipeline *p = m_snapshot.inventory.find(id);
    if (!p || m_nodes.contains(id))
        return;
    const QString g = p->groupName();
    unfoldAround({g}, std::numeric_limits<int>::max());
    if (m_options.collapseAll) {
        m_options.collapseAll = false;
        m_options.collapsed.clear();
        for (const Pipeline &other : m_snapshot.inventory.pipelines())
            m_options.collapsed.insert(other.groupName());
    }
    m_options.collapsed.remove(g);
    if (m_selection && m_hideContext && !m_selection->contains(id))
        return; // hidden by the selection, not by a group
    rebuild();
}

void GraphScene::setGroupCollapsed(const QString &group, bool collapsed)
{
    if (isGroupCollapsed(group) == collapsed)
        return;
    if (!collapsed && m_options.folded.contains(group)) {
        unfold(group);
        rebuild();
        return;
    }
    if (m_options.collapseAll) {
        // From "all collapsed" to "all but this one": name every other group.
        m_options.collapseAll = false;
        m_options.collapsed.clear();
        for (const GraphDrawing::Group &g : m_drawing.groups())
            if (g.collapsed)
                m_options.collapsed.insert(g.name);
    }
    if (collapsed)
        m_options.collapsed.insert(group);
    else
        m_options.collapsed.remove(group);
    rebuild();
}

void GraphScene::toggleGroup(const QString &group)
{
    setGroupCollapsed(group, !isGroupCollapsed(group));
}

void GraphScene::collapseAll()
{
    m_options.collapseAll = true;
    m_options.collapsed.clear();
    m_options.folded.clear();
    rebuild();
}

void GraphScene::expandAll()
{
    m_options.collapseAll = false;
    m_options.collapsed.clear();
    m_options.folded.clear();
    rebuild();
}

QString GraphScene::setSelection(const QString &expression, bool hideContext)
{
    std::optional<QSet<QString>> selection;
    if (!expression.trimmed().isEmpty()) {
        const Selector::Result r = Selector::select(expression, m_snapshot);
        if (!r.ok())
            return r.error;
        selection = r.ids;
        // The selection is shown whole: its groups open, the rest as the user left them.
        if (m_options.groups) {
            QSet<QString> open;
            for (const Pipeline &p : m_snapshot.inventory.pipelines())
                if (r.ids.contains(p.id))
                    open.insert(p.groupName());
            if (m_options.collapseAll) {
                m_options.collapseAll = false;
                m_options.collapsed.clear();
                for (const Pipeline &p : m_snapshot.inventory.pipelines())
                    m_options.collapsed.insert(p.groupName());
            }
            // Hidden context: only the selection is drawn, so every folder around it opens.
            // Dimmed context: a folder of thousands (all sources) stays one box, lit.
            unfoldAround(open, hideContext ? std::numeric_limits<int>::max()
                                           : GroupFolders::kOverviewBoxes);
            for (const QString &g : open)
                m_options.collapsed.remove(g);
        }
    }
    m_selection = selection;
    m_hideContext = hideContext;
    rebuild();
    return {};
}

QRectF GraphScene::selectionBounds() const
{
    QRectF bounds;
    if (!m_selection)
        return bounds;
    for (const QString &id : *m_selection) {
        QRectF r;
        if (const GraphDrawing::Node *n = m_drawing.node(id))
            r = n->rect;
        else if (const GraphDrawing::Group *g = m_drawing.group(m_drawing.groupOf(id)))
            r = g->rect;
        bounds = bounds.isNull() ? r : bounds.united(r);
    }
    return bounds;
}

void GraphScene::setColourByWave(bool byWave)
{
    m_byWave = byWave;
    applyFill();
}

void GraphScene::applyFill()
{
    static const QList<QColor> palette{QColor(0x8d, 0xd3, 0xc7), QColor(0xff, 0xff, 0xb3),
                                       QColor(0xbe, 0xba, 0xda), QColor(0xfb, 0x80, 0x72),
                                       QColor(0x80, 0xb1, 0xd3), QColor(0xfd, 0xb4, 0x62),
                                       QColor(0xb3, 0xde, 0x69), QColor(0xfc, 0xcd, 0xe5)};
    for (auto it = m_nodes.begin(); it != m_nodes.end(); ++it) {
        const int wave = m_snapshot.plan.waveIndexOf(it.key());
        it.value()->setFillOverride(!m_byWave  ? QColor()
                                    : wave < 0 ? QColor(0xf2, 0xf2, 0xf2)
                                               : palette.at(wave % palette.size()));
    }
}

void GraphScene::focusPipeline(const QString &id)
{
    m_syncing = true;
    clearSelection();
    if (PipelineNodeItem *node = m_nodes.value(id))
        node->setSelected(true);
    m_syncing = false;
    if (m_focused != id) {
        m_focused = m_nodes.contains(id) ? id : QString();
        applyEmphasis();
    }
}

void GraphScene::applyEmphasis()
{
    // A focused pipeline shows what it reads and what reads it; a selection dims the rest.
    std::optional<QSet<QString>> related;
    if (!m_focused.isEmpty()) {
        related = m_graph.upstreamClosure(m_focused) + m_graph.downstreamClosure(m_focused);
        related->insert(m_focused);
    } else if (m_selection && !m_hideContext) {
        related = *m_selection;
    }
    if (!related) {
        for (PipelineNodeItem *node : std::as_const(m_nodes))
            node->setEmphasis(PipelineNodeItem::Emphasis::Normal);
        for (DependencyEdgeItem *edge : std::as_const(m_edges))
            edge->setDimmed(false);
        for (GroupBoxItem *box : std::as_const(m_groups))
            box->setDimmed(false);
        return;
    }
    for (auto it = m_nodes.begin(); it != m_nodes.end(); ++it)
        it.value()->setEmphasis(it.key() == m_focused         ? PipelineNodeItem::Emphasis::Normal
                                : related->contains(it.key()) ? PipelineNodeItem::Emphasis::Related
                                                              : PipelineNodeItem::Emphasis::Dimmed);
    for (DependencyEdgeItem *edge : std::as_const(m_edges)) {
        const bool fromIn = m_nodes.contains(edge->from()) ? related->contains(edge->from())
                                                           : !m_groups.contains(edge->from());
        const bool toIn = m_nodes.contains(edge->to()) ? related->contains(edge->to())
                                                       : !m_groups.contains(edge->to());
        edge->setDimmed(!(fromIn && toIn));
    }
    for (const GraphDrawing::Group &g : m_drawing.groups()) {
        bool any = false;
        for (const QString &id : g.members)
            any = any || related->contains(id);
        m_groups.value(g.name)->setDimmed(!any);
    }
}

void GraphScene::showChange(const StoreSnapshot &snapshot, const QDate &today,
                            const StoreChange &change)
{
    // A wave's members change every node's wave label, still without a new layout; a pointer or
    // a parity result restyles its own node.
    if (change.everything || change.plan)
        setSnapshot(snapshot, today);
    else if (!change.routing.isEmpty() || !change.parity.isEmpty())
        restyle(snapshot, today, change.routing + change.parity);
}

} // namespace daybreak
