#pragma once

#include "Pipeline.h"

#include <QStyledItemDelegate>

namespace daybreak {

QString cardSubtitle(const QString &owner, Risk risk, State state);

// Paints a board card: side colour strip, id, owner and risk, parity marker, place in the order.
class PipelineCardDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace daybreak
