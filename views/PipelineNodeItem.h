#pragma once

#include "ParityService.h"
#include "Pipeline.h"

#include <QColor>
#include <QGraphicsObject>

namespace daybreak {

// One pipeline in the graph: filled by state, marked by parity health with a shape. It paints
// and forwards input; it holds no rule.
class PipelineNodeItem : public QGraphicsObject
{
    Q_OBJECT

public:
    enum class Emphasis
    {
        Normal,
        Related,
        Dimmed
    };

    PipelineNodeItem(const QString &id, const QSizeF &size, QGraphicsItem *parent = nullptr);

    const QString &pipelineId() const { return m_id; }
    // What the box reads near and far (GraphScene makes them fit and tell the pipelines apart);
    // until set, the id.
    void setLabels(const QString &nearLabel, const QString &farLabel);
    const QString &nearLabel() const { return m_near; }
    const QString &farLabel() const { return m_far; }
    // The text rectangles the labels are drawn in, near (bold 8.5 pt) and far (bold, the box's
    // half height in pixels), in item coordinates.
    static QRectF nearTextRect(const QSizeF &size);
    static QRectF farTextRect(const QSizeF &size);
    void setStatus(State state, bool staysOnPrem, ParityHealth health, const QString &wave);
    void setEmphasis(Emphasis emphasis);
    // Replaces the state fill (colour by wave); an invalid colour restores it.
    void setFillOverride(const QColor &colour);
    State state() const { return m_state; }
    ParityHealth health() const { return m_health; }
    Emphasis emphasis() const { return m_emphasis; }

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

signals:
    void contextMenuRequested(const QString &id, const QPoint &screenPos);

protected:
    void contextMenuEvent(QGraphicsSceneContextMenuEvent *event) override;

private:
    QString m_id;
    QString m_near, m_far;
    QSizeF m_size;
    State m_state = State::OnPrem;
    bool m_staysOnPrem = false;
    ParityHealth m_health = ParityHealth::Unknown;
    QString m_wave;
    Emphasis m_emphasis = Emphasis::Normal;
    QColor m_fillOverride;
};

// Draws the parity marker shape centred in `box`; shared with the legend.
void paintParityMarker(QPainter *painter, const QRectF &box, ParityHealth health);

} // namespace daybreak
