#include "GraphView.h"

#include "GraphMinimap.h"
#include "GraphScene.h"
#include "PipelineNodeItem.h"

#include <QKeyEvent>
#include <QWheelEvent>

namespace daybreak {

GraphView::GraphView(QGraphicsScene *scene, QWidget *parent) : QGraphicsView(scene, parent)
{
    setObjectName(QStringLiteral("graphView"));
    setRenderHint(QPainter::Antialiasing);
    setDragMode(QGraphicsView::ScrollHandDrag);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setViewportUpdateMode(QGraphicsView::SmartViewportUpdate);
    setOptimizationFlag(QGraphicsView::DontSavePainterState);
    setOptimizationFlag(QGraphicsView::DontAdjustForAntialiasing);
    setBackgroundBrush(QColor(0xFB, 0xFB, 0xF8));
    setFocusPolicy(Qt::StrongFocus);
    if (auto *graph = qobject_cast<GraphScene *>(scene)) {
        m_minimap = new GraphMinimap(graph, this, this);
        m_minimap->resize(220, 150);
    }
}

void GraphView::placeMinimap()
{
    if (!m_minimap)
        return;
    const QRect area = viewport()->geometry();
    m_minimap->setVisible(area.width() > 500 && area.height() > 320);
    m_minimap->move(area.right() - m_minimap->width() - 8, area.bottom() - m_minimap->height() - 8);
    m_minimap->update();
}

void GraphView::fitRect(const QRectF &sceneRect)
{
    if (sceneRect.isEmpty())
        return fitAll();
    fitInView(sceneRect.adjusted(-40, -40, 40, 40), Qt::KeepAspectRatio);
    // Never closer than natural size: a single node should not fill the screen.
    if (zoom() > 1)
        setTransform(QTransform());
    centerOn(sceneRect.center());
    if (m_minimap)
        m_minimap->update();
}

void GraphView::fitUntilZoomed()
{
    m_autoFit = true;
    fitAll();
}

void GraphView::resizeEvent(QResizeEvent *event)
{
    QGraphicsView::resizeEvent(event);
    if (m_autoFit)
        fitAll();
    placeMinimap();
}

void GraphView::scrollContentsBy(int dx, int dy)
{
    QGraphicsView::scrollContentsBy(dx, dy);
    if (m_minimap)
        m_minimap->update();
}

void GraphView::zoomBy(double factor)
{
    const double next = zoom() * factor;
    if (next < 0.02 || next > 6)
        return;
    scale(factor, factor);
    m_autoFit = false;
    if (m_minimap)
        m_minimap->update();
}

void GraphView::resetZoom()
{
    setTransform(QTransform());
}

void GraphView::fitAll()
{
    if (scene())
        fitInView(scene()->sceneRect(), Qt::KeepAspectRatio);
    if (m_minimap)
        m_minimap->update();
}

void GraphView::fitLegibly()
{
    fitAll();
    if (zoom() < 0.5 && scene()) {
        setTransform(QTransform::fromScale(0.5, 0.5));
        centerOn(scene()->itemsBoundingRect().center());
    }
}

void GraphView::centreOn(const QString &pipelineId)
{
    auto *graph = qobject_cast<GraphScene *>(scene());
    if (!graph)
        return;
    if (PipelineNodeItem *node = graph->node(pipelineId)) {
        if (zoom() < 0.6)
            setTransform(QTransform::fromScale(0.9, 0.9));
        centerOn(node);
    }
}

void GraphView::wheelEvent(QWheelEvent *event)
{
    if (event->angleDelta().y() == 0) {
        QGraphicsView::wheelEvent(event);
        return;
    }
    zoomBy(event->angleDelta().y() > 0 ? 1.15 : 1 / 1.15);
    event->accept();
}

void GraphView::keyPressEvent(QKeyEvent *event)
{
    if (event->matches(QKeySequence::ZoomIn) || event->key() == Qt::Key_Plus) {
        zoomIn();
    } else if (event->matches(QKeySequence::ZoomOut) || event->key() == Qt::Key_Minus) {
        zoomOut();
    } else {
        QGraphicsView::keyPressEvent(event);
    }
}

} // namespace daybreak
