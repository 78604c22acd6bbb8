#include "PipelineNodeItem.h"

#include "SideColors.h"

#include <QGraphicsSceneContextMenuEvent>
#include <QPainter>
#include <QPainterPath>
#include <QStyleOptionGraphicsItem>

namespace daybreak {

void paintParityMarker(QPainter *painter, const QRectF &box, ParityHealth health)
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QColor colour = SideColors::forHealth(health);
    painter->setPen(QPen(QColor(0x20, 0x20, 0x20), 1.2));
    painter->setBrush(colour);
    const QPointF c = box.center();
    const double r = std::min(box.width(), box.height()) / 2;
    switch (health) {
    case ParityHealth::Clean: { // circle with a tick
        painter->drawEllipse(c, r, r);
        QPen tick(Qt::white, std::max(1.5, r / 3));
        painter->setPen(tick);
        painter->drawPolyline(QPolygonF{c + QPointF(-r * 0.5, 0), c + QPointF(-r * 0.1, r * 0.4),
                                        c + QPointF(r * 0.55, -r * 0.45)});
        break;
    }
    case ParityHealth::Warning: { // triangle with a bar
        painter->drawPolygon(
            QPolygonF{c + QPointF(0, -r), c + QPointF(r, r * 0.8), c + QPointF(-r, r * 0.8)});
        painter->setPen(QPen(QColor(0x20, 0x20, 0x20), std::max(1.5, r / 4)));
        painter->drawLine(c + QPointF(0, -r * 0.35), c + QPointF(0, r * 0.3));
        break;
    }
    case ParityHealth::Breached: { // square with a cross
        painter->drawRect(QRectF(c - QPointF(r * 0.9, r * 0.9), QSizeF(r * 1.8, r * 1.8)));
        painter->setPen(QPen(Qt::white, std::max(1.5, r / 3)));
        painter->drawLine(c + QPointF(-r * 0.5, -r * 0.5), c + QPointF(r * 0.5, r * 0.5));
        painter->drawLine(c + QPointF(-r * 0.5, r * 0.5), c + QPointF(r * 0.5, -r * 0.5));
        break;
    }
    case ParityHealth::Unknown: { // hollow dashed circle
        painter->setBrush(Qt::NoBrush);
        painter->setPen(QPen(QColor(0x60, 0x60, 0x60), 1.2, Qt::DotLine));
        painter->drawEllipse(c, r * 0.8, r * 0.8);
        break;
    }
    }
    painter->restore();
}

PipelineNodeItem::PipelineNodeItem(const QString &id, const QSizeF &size, QGraphicsItem *parent)
    : QGraphicsObject(parent), m_id(id), m_near(id), m_far(id), m_size(size)
{
    setFlags(ItemIsSelectable);
    setAcceptHoverEvents(true);
    setCacheMode(DeviceCoordinateCache);
    setZValue(1);
}

void PipelineNodeItem::setStatus(State state, bool staysOnPrem, ParityHealth health,
                                 const QString &wave)
{
    m_state = state;
    m_staysOnPrem = staysOnPrem;
    m_health = health;
    m_wave = wave;
    setToolTip(QStringLiteral("<b>%1</b><br>state: %2%3<br>canonical: %4<br>parity: %5%6")
                   .arg(m_id, stateName(state), staysOnPrem ? tr(" (stays on-prem)") : QString(),
                        sideName(canonicalSide(state)), parityHealthName(health),
                        wave.isEmpty() ? QString() : tr("<br>wave: %1").arg(wave)));
    update();
}

void PipelineNodeItem::setEmphasis(Emphasis emphasis)
{
    if (m_emphasis == emphasis)
        return;
    m_emphasis = emphasis;
    setOpacity(emphasis == Emphasis::Dimmed ? 0.22 : 1.0);
    update();
}

void PipelineNodeItem::setFillOverride(const QColor &colour)
{
    if (m_fillOverride == colour)
        return;
    m_fillOverride = colour;
    update();
}

QRectF PipelineNodeItem::boundingRect() const
{
    return QRectF(QPointF(-3, -3), m_size + QSizeF(6, 6));
}

void PipelineNodeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const double lod = option->levelOfDetailFromTransform(painter->worldTransform());
    const QRectF box(QPointF(0, 0), m_size);
    painter->setRenderHint(QPainter::Antialiasing, lod > 0.3);
    QPen border(QColor(0x30, 0x30, 0x30), 1);
    if (isSelected())
        border = QPen(QColor(0x10, 0x10, 0x10), 3.5);
    else if (m_emphasis == Emphasis::Related)
        border = QPen(QColor(0x10, 0x10, 0x10), 2.2);
    if (m_staysOnPrem)
        border.setStyle(Qt::DashLine);
    painter->setPen(border);
    painter->setBrush(m_fillOverride.isValid() ? m_fillOverride : SideColors::forState(m_state));
    if (lod < 0.15) { // far out: just the coloured block
        painter->drawRect(box);
        return;
    }
    painter->drawRoundedRect(box, 6, 6);
    if (m_state == State::DualRun) { // a stripe of cloud blue: both sides run
        painter->setPen(Qt::NoPen);
        painter->setBrush(SideColors::forState(State::Cloud));
        painter->drawRect(QRectF(box.right() - 10, box.top() + 1, 8, box.height() - 2));
    }
    const QRectF marker(box.left() + 6, box.top() + (box.height() - 18) / 2, 18, 18);
    paintParityMarker(painter, marker, m_health);
    if (lod < 0.45) {
        // Middle distance: the id alone, as large as the box allows, its end kept.
        QFont font = painter->font();
        font.setBold(true);
        font.setPixelSize(int(std::min(11.0 / lod, box.height() * 0.5)));
        painter->setFont(font);
        painter->setPen(m_fillOverride.isValid() ? QColor(0x20, 0x20, 0x20)
                                                 : SideColors::textOn(m_state));
        const QRectF text = farTextRect(m_size);
        painter->drawText(
            text, Qt::AlignLeft | Qt::AlignVCenter,
            painter->fontMetrics().elidedText(m_far, Qt::ElideMiddle, int(text.width())));
        return;
    }
    painter->setPen(m_fillOverride.isValid() ? QColor(0x20, 0x20, 0x20)
                                             : SideColors::textOn(m_state));
    QFont font = painter->font();
    font.setPointSizeF(8.5);
    font.setBold(true);
    painter->setFont(font);
    const QRectF text = nearTextRect(m_size);
    painter->drawText(
        text, Qt::AlignLeft | Qt::AlignVCenter,
        painter->fontMetrics().elidedText(m_near, Qt::ElideMiddle, int(text.width())));
    font.setBold(false);
    font.setPointSizeF(7.5);
    painter->setFont(font);
    const QString second =
        stateName(m_state) + (m_wave.isEmpty() ? QString() : QStringLiteral(" · ") + m_wave);
    painter->drawText(text.translated(0, box.height() / 2 - 5), Qt::AlignLeft | Qt::AlignVCenter,
                      painter->fontMetrics().elidedText(second, Qt::ElideRight, int(text.width())));
}

void PipelineNodeItem::setLabels(const QString &nearLabel, const QString &farLabel)
{
    m_near = nearLabel;
    m_far = farLabel;
    update();
}

QRectF PipelineNodeItem::nearTextRect(const QSizeF &size)
{
    // Right of the parity marker (6 px in, 18 px wide), the upper half of the box.
    return QRectF(6 + 18 + 6, 3, size.width() - 18 - 26, size.height() / 2);
}

QRectF PipelineNodeItem::farTextRect(const QSizeF &size)
{
    return QRectF(QPointF(0, 0), size).adjusted(18 + 10, 0, -6, 0);
}

void PipelineNodeItem::contextMenuEvent(QGraphicsSceneContextMenuEvent *event)
{
    emit contextMenuRequested(m_id, event->screenPos());
    event->accept();
}

} // namespace daybreak
