#include "GraphScene.h"

#include "DependencyEdgeItem.h"
#include "DependencyGraph.h"
#include "PipelineNodeItem.h"

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

void GraphScene::rebuild(const StoreSnapshot &snapshot)
{
    m_syncing = true;
    clear();
    m_nodes.clear();
    m_edges.clear();
    m_graph = DependencyGraph(snapshot.inventory);
    m_layout = GraphLayout::compute(m_graph);
    const GraphLayout::Options &o = m_layout.options();
    for (const GraphLayout::Edge &e : m_layout.edges()) {
        auto *edge = new DependencyEdgeItem(e.from, e.to, e.points);
        edge->setFast(m_layout.edges().size() > 1200);
        addItem(edge);
        m_edges.append(edge);
    }
    for (auto it = m_layout.positions().begin(); it != m_layout.positions().end(); ++it) {
        auto *node = new PipelineNodeItem(it.key(), QSizeF(o.nodeWidth, o.nodeHeight));
        node->setPos(it.value());
        connect(node, &PipelineNodeItem::contextMenuRequested, this,
                &GraphScene::contextMenuRequested);
        addItem(node);
        m_nodes.insert(it.key(), node);
    }
    setSceneRect(QRectF(QPointF(-40, -40), m_layout.size() + QSizeF(80, 80)));
    m_syncing = false;
}

void GraphScene::setSnapshot(const StoreSnapshot &snapshot, const QDate &today)
{
    const QStringList shape = shapeOf(snapshot.inventory);
    if (shape != m_shape) {
        m_shape = shape;
        rebuild(snapshot);
    }
    for (const Pipeline &p : snapshot.inventory.pipelines())
        if (PipelineNodeItem *node = m_nodes.value(p.id))
            node->setStatus(snapshot.stateOf(p.id), p.staysOnPrem(),
                            ParityService::health(snapshot, p.id, today),
                            snapshot.plan.waveOf(p.id));
    for (DependencyEdgeItem *edge : std::as_const(m_edges))
        edge->setCrossSide(canonicalSide(snapshot.stateOf(edge->from())) !=
                           canonicalSide(snapshot.stateOf(edge->to())));
    m_plan = snapshot.plan;
    applyFill();
    if (!m_focused.isEmpty() && !m_nodes.contains(m_focused))
        focusPipeline({});
    else
        applyEmphasis();
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
        const int wave = m_plan.waveIndexOf(it.key());
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
    if (m_focused.isEmpty()) {
        for (PipelineNodeItem *node : std::as_const(m_nodes))
            node->setEmphasis(PipelineNodeItem::Emphasis::Normal);
        for (DependencyEdgeItem *edge : std::as_const(m_edges))
            edge->setDimmed(false);
        return;
    }
    QSet<QString> related =
        m_graph.upstreamClosure(m_focused) + m_graph.downstreamClosure(m_focused);
    related.insert(m_focused);
    for (auto it = m_nodes.begin(); it != m_nodes.end(); ++it)
        it.value()->setEmphasis(it.key() == m_focused        ? PipelineNodeItem::Emphasis::Normal
                                : related.contains(it.key()) ? PipelineNodeItem::Emphasis::Related
                                                             : PipelineNodeItem::Emphasis::Dimmed);
    for (DependencyEdgeItem *edge : std::as_const(m_edges))
        edge->setDimmed(!(related.contains(edge->from()) && related.contains(edge->to())));
}

} // namespace daybreak
