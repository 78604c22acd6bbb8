#pragma once

#include <QGraphicsPathItem>

namespace daybreak {

// A read dependency drawn left to right; cross-side reads (the reader's canonical side differs
// from the upstream's) are orange and dashed.
class DependencyEdgeItem : public QGraphicsPathItem
{
public:
    DependencyEdgeItem(const QString &from, const QString &to, const QList<QPointF> &points,
                       QGraphicsItem *parent = nullptr);

    const QString &from() const { return m_from; }
    const QString &to() const { return m_to; }
    bool isCrossSide() const { return m_crossSide; }
    void setCrossSide(bool crossSide);
    void setDimmed(bool dimmed);
    // Large graphs: straight, aliased segments at every zoom level, so panning stays fluid.
    void setFast(bool fast) { m_fast = fast; }
    // An edge into or out of a collapsed group stands for `count` reads: drawn thicker.
    void setCount(int count);

    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    void updatePen();

    QPolygonF m_points; // the plain polyline, for far-out zoom levels
    QString m_from;
    QString m_to;
    bool m_crossSide = false;
    bool m_dimmed = false;
    bool m_fast = false;
    int m_count = 1;
};

} // namespace daybreak
