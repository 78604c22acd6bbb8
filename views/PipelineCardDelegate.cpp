#include "PipelineCardDelegate.h"

#include "PipelineNodeItem.h"
#include "SideColors.h"
#include "WaveColumnModel.h"

#include <QPainter>

namespace daybreak {

// "finance · high risk · dual_run"; without an owner, no empty part ("high risk · dual_run").
QString cardSubtitle(const QString &owner, Risk risk, State state)
{
    QStringList parts;
    if (!owner.trimmed().isEmpty())
        parts << owner.trimmed();
    parts << QStringLiteral("%1 risk").arg(riskName(risk)) << stateName(state);
    return parts.join(QStringLiteral(" · "));
}

void PipelineCardDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                 const QModelIndex &index) const
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QRectF card = QRectF(option.rect).adjusted(2, 1, -2, -1);
    const bool selected = option.state & QStyle::State_Selected;
    const State state = State(index.data(WaveColumnModel::StateRole).toInt());
    const Risk risk = Risk(index.data(WaveColumnModel::RiskRole).toInt());
    painter->setPen(
        QPen(selected ? QColor(0x10, 0x10, 0x10) : QColor(0xa0, 0xa0, 0xa0), selected ? 2.5 : 1));
    painter->setBrush(Qt::white);
    painter->drawRoundedRect(card, 5, 5);
    painter->setPen(Qt::NoPen);
    painter->setBrush(SideColors::forState(state));
    painter->drawRoundedRect(QRectF(card.left(), card.top(), 10, card.height()), 4, 4);
    paintParityMarker(painter, QRectF(card.left() + 16, card.top() + 8, 16, 16),
                      ParityHealth(index.data(WaveColumnModel::HealthRole).toInt()));
    QFont font = option.font;
    font.setBold(true);
    painter->setFont(font);
    painter->setPen(option.palette.color(QPalette::Text));
    const int order = index.data(WaveColumnModel::OrderRole).toInt();
    const QRectF text(card.left() + 38, card.top() + 3, card.width() - 44 - (order > 0 ? 28 : 0),
                      20);
    painter->drawText(text, Qt::AlignLeft | Qt::AlignVCenter,
                      painter->fontMetrics().elidedText(index.data().toString(), Qt::ElideMiddle,
                                                        int(text.width())));
    font.setBold(false);
    font.setPointSizeF(font.pointSizeF() * 0.85);
    painter->setFont(font);
    painter->setPen(risk == Risk::High ? QColor(0xb0, 0x20, 0x20) : QColor(0x55, 0x55, 0x55));
    painter->drawText(text.translated(0, 18), Qt::AlignLeft | Qt::AlignVCenter,
                      cardSubtitle(index.data(WaveColumnModel::OwnerRole).toString(), risk, state));
    if (order > 0) {
        painter->setPen(QColor(0x30, 0x30, 0x30));
        font.setBold(true);
        painter->setFont(font);
        painter->drawText(QRectF(card.right() - 32, card.top() + 3, 28, 20),
                          Qt::AlignRight | Qt::AlignVCenter, QStringLiteral("#%1").arg(order));
    }
    painter->restore();
}

QSize PipelineCardDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    return QSize(option.rect.width() > 0 ? option.rect.width() : 220, 44);
}

} // namespace daybreak
