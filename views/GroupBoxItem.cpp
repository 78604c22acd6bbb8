#include "GroupBoxItem.h"

#include "GraphDrawing.h"
#include "SideColors.h"

#include <QGraphicsSceneMouseEvent>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

namespace daybreak {

GroupBoxItem::GroupBoxItem(const QString &name, const QRectF &rect, bool collapsed, Part part,
                           QGraphicsItem *parent)
    : QGraphicsObject(parent), m_name(name), m_near(name), m_far(name), m_rect(rect),
      m_collapsed(collapsed), m_part(part)
{
    setZValue(part == Part::FarLabel ? 3 : collapsed ? 1 : -1);
    if (part == Part::FarLabel)
        setAcceptedMouseButtons(Qt::NoButton);
    setAcceptHoverEvents(true);
}

void GroupBoxItem::setSummary(const QString &counts, const QString &summary, ParityHealth worst)
{
    m_counts = counts;
    m_summary = summary;
    m_worst = worst;
    setToolTip(
        QStringLiteral("<b>%1</b><br>%2<br><i>%3</i>")
            .arg(m_name.toHtmlEscaped(), summary.toHtmlEscaped(),
                 m_collapsed ? tr("Double-click to expand") : tr("Double-click to collapse")));
    update();
}

void GroupBoxItem::setDimmed(bool dimmed)
{
    setOpacity(dimmed ? 0.25 : 1.0);
}

void GroupBoxItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const double lod = option->levelOfDetailFromTransform(painter->worldTransform());
    painter->setRenderHint(QPainter::Antialiasing, lod > 0.3);
    const bool far = lod < 0.45;
    if (m_part == Part::FarLabel) { // far only: near, the box's band holds the name
        if (far)
            paintLabel(painter, true);
        return;
    }
    const QColor border =
        m_collapsed ? SideColors::forHealth(m_worst).darker(130) : QColor(0x90, 0xa4, 0xae);
    painter->setPen(QPen(border, m_collapsed ? 2 : 1));
    painter->setBrush(m_collapsed ? QColor(0xe8, 0xec, 0xef) : QColor(0xf1, 0xf4, 0xf6, 200));
    painter->drawRoundedRect(m_rect, 8, 8);
    if (m_collapsed) { // a health bar along the left edge, readable from afar
        painter->setPen(Qt::NoPen);
        painter->setBrush(SideColors::forHealth(m_worst));
        painter->drawRect(QRectF(m_rect.left() + 1, m_rect.top() + 4, 6, m_rect.height() - 8));
    }
    if (far)
        return; // the label item draws the name on top
    paintLabel(painter, false);
    if (m_collapsed) {
        QFont font = painter->font();
        font.setBold(false);
        font.setPixelSize(12);
        painter->setFont(font);
        painter->setPen(QColor(0x37, 0x47, 0x4f));
        const QRectF line(m_rect.left() + 12, m_rect.top() + GraphDrawing::kGroupLabel,
                          m_rect.width() - 20, m_rect.height() - GraphDrawing::kGroupLabel - 4);
        painter->drawText(
            line, Qt::AlignLeft | Qt::AlignVCenter,
            painter->fontMetrics().elidedText(m_counts, Qt::ElideRight, int(line.width())));
    }
}

void GroupBoxItem::setLabels(const QString &nearLabel, const QString &farLabel)
{
    m_near = nearLabel;
    m_far = farLabel;
    update();
}

double GroupBoxItem::farPixels() const
{
    return m_collapsed ? m_rect.height() * 0.42
                       : std::max(GraphDrawing::kGroupLabel, m_rect.height() * 0.25);
}

void GroupBoxItem::paintLabel(QPainter *painter, bool far)
{
    // Far out the name grows, within its box, so that the overview still reads.
    const double lod =
        QStyleOptionGraphicsItem::levelOfDetailFromTransform(painter->worldTransform());
    double px = kNearPixels;
    QRectF label(m_rect.left() + 12, m_rect.top() + 2, m_rect.width() - 20,
                 GraphDrawing::kGroupLabel - 4);
    if (far) {
        px = std::min(16.0 / std::max(lod, 0.005), farPixels());
        if (m_collapsed)
            label = m_rect.adjusted(12, 0, -8, 0);
        else
            label.setHeight(std::max(GraphDrawing::kGroupLabel, px * 1.3));
    }
    QFont font = painter->font();
    font.setBold(true);
    font.setPixelSize(std::max(1, int(px)));
    painter->setFont(font);
    const QString text = painter->fontMetrics().elidedText(far ? m_far : m_near, Qt::ElideMiddle,
                                                           int(label.width()));
    if (far && !m_collapsed) { // over the members' coloured blocks: a light band behind it
        painter->setPen(Qt::NoPen);
        painter->setBrush(QColor(255, 255, 255, 190));
        painter->drawRect(
            QRectF(label.topLeft(),
                   QSizeF(painter->fontMetrics().horizontalAdvance(text) + 8, label.height())));
    }
    painter->setPen(QColor(0x26, 0x32, 0x38));
    painter->drawText(label, Qt::AlignLeft | Qt::AlignVCenter, text);
}

void GroupBoxItem::mouseDoubleClickEvent(QGraphicsSceneMouseEvent *event)
{
    emit toggleRequested(m_name);
    event->accept();
}

} // namespace daybreak
