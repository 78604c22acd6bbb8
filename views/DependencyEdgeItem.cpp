#include "DependencyEdgeItem.h"

#include "SideColors.h"

#include <QPainter>
#include <QPainterPath>
#include <QPen>
#include <QStyleOptionGraphicsItem>

#include <cmath>

namespace daybreak {

DependencyEdgeItem::DependencyEdgeItem(const QString &from, const QString &to,
                                       const QList<QPointF> &points, QGraphicsItem *parent)
    : QGraphicsPathItem(parent), m_points(QPolygonF(points)), m_from(from), m_to(to)
{
    // Smooth the polyline with horizontal tangents so edges leave and enter nodes level.
    QPainterPath path(points.first());
    for (int i = 1; i < points.size(); ++i) {
        const QPointF a = points.at(i - 1), b = points.at(i);
        const double dx = (b.x() - a.x()) / 2;
        path.cubicTo(a + QPointF(dx, 0), b - QPointF(dx, 0), b);
    }
    setPath(path);
    setZValue(0);
    updatePen();
}

void DependencyEdgeItem::setCrossSide(bool crossSide)
{
    m_crossSide = crossSide;
    updatePen();
    if (m_count == 1)
        setToolTip(crossSide ? QObject::tr("%1 reads %2 across sides").arg(m_to, m_from)
                             : QString());
}

void DependencyEdgeItem::setCount(int count)
{
    m_count = count;
    updatePen();
    setToolTip(QObject::tr("%1 → %2: %3 reads").arg(m_from, m_to).arg(count));
}

void DependencyEdgeItem::setDimmed(bool dimmed)
{
    m_dimmed = dimmed;
    setOpacity(dimmed ? 0.12 : 1.0);
}

void DependencyEdgeItem::updatePen()
{
    // Merged edges (into and out of collapsed groups) a little thicker by their count, and
    // translucent, so a bundle reads as a bundle rather than a black bar.
    QPen pen(m_crossSide   ? SideColors::crossSideEdge()
             : m_count > 1 ? QColor(0x55, 0x65, 0x75, 150)
                           : QColor(0x70, 0x70, 0x70),
             m_crossSide ? 2.2 : std::min(3.0, 1.2 + std::log2(double(m_count)) / 2));
    if (m_crossSide)
        pen.setStyle(Qt::DashLine);
    // Cosmetic: stroked in device pixels with the fast line rasteriser, not filled as an outline.
    pen.setCosmetic(true);
    setPen(pen);
}

void DependencyEdgeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option,
                               QWidget *widget)
{
    const double lod = option->levelOfDetailFromTransform(painter->worldTransform());
    if (m_fast || lod < 0.6) {
        // Level of detail: far out, thousands of curves cost more than they show.
        QPen thin = pen();
        thin.setCosmetic(true);
        thin.setWidthF(m_crossSide   ? 1.5
                       : m_count > 1 ? std::min(2.5, 1 + std::log2(double(m_count)) / 2)
                                     : 1.0);
        painter->setRenderHint(QPainter::Antialiasing, false);
        painter->setPen(thin);
        painter->drawPolyline(m_points);
        return;
    }
    painter->setRenderHint(QPainter::Antialiasing, true);
    QGraphicsPathItem::paint(painter, option, widget);
    // Arrow head at the reader's side.
    const QPainterPath &p = path();
    const QPointF tip = p.currentPosition();
    painter->setPen(Qt::NoPen);
    painter->setBrush(pen().color());
    painter->drawPolygon(QPolygonF{tip, tip + QPointF(-8, -4), tip + QPointF(-8, 4)});
}

} // namespace daybreak
