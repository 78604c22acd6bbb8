#pragma once

#include "ParityService.h"

#include <QGraphicsObject>

namespace daybreak {

// A group of the graph: a labelled box behind its members, or, collapsed, one box that stands
// for them with their states and worst parity health. Far out, where node labels cannot be read,
// the group's name is drawn large so the overview still reads. Double-click collapses or expands
// (the scene decides); it holds no rule.
class GroupBoxItem : public QGraphicsObject
{
    Q_OBJECT

public:
    // A group is drawn by two items: its box behind the nodes, and its name in front of them,
    // which only paints far out (near, the box's own label band holds the name).
    enum class Part
    {
        Box,
        FarLabel
    };
    GroupBoxItem(const QString &name, const QRectF &rect, bool collapsed, Part part,
                 QGraphicsItem *parent = nullptr);

    const QString &name() const { return m_name; }
    // What the name reads near and far (GraphScene makes them fit and tell the groups apart);
    // until set, the name.
    void setLabels(const QString &nearLabel, const QString &farLabel);
    // The label's width, and its font's pixel size near and at its largest far out.
    double labelWidth() const { return m_rect.width() - 20; }
    static constexpr double kNearPixels = 13;
    double farPixels() const;
    bool isCollapsed() const { return m_collapsed; }
    // `counts` fits in a collapsed box; `summary` is the tooltip's whole sentence.
    void setSummary(const QString &counts, const QString &summary, ParityHealth worst);
    void setDimmed(bool dimmed);

    QRectF boundingRect() const override { return m_rect.adjusted(-2, -2, 2, 2); }
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

signals:
    void toggleRequested(const QString &name);

protected:
    void mouseDoubleClickEvent(QGraphicsSceneMouseEvent *event) override;

private:
    void paintLabel(QPainter *painter, bool far);

    QString m_name;
    QString m_near, m_far;
    QRectF m_rect;
    bool m_collapsed;
    Part m_part;
    QString m_counts;
    QString m_summary;
    ParityHealth m_worst = ParityHealth::Unknown;
};

} // namespace daybreak
