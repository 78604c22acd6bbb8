#include "GraphLegend.h"

#include "PipelineNodeItem.h"
#include "SideColors.h"

#include <QPainter>

namespace daybreak {

GraphLegend::GraphLegend(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("graphLegend"));
}

QSize GraphLegend::sizeHint() const
{
    return QSize(560, 48);
}

void GraphLegend::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.fillRect(rect(), palette().window());
    // Two rows: what fills a node, then what marks it and its edges.
    double x = 8;
    double y = 12;
    auto label = [&](const QString &text) {
        p.setPen(palette().color(QPalette::WindowText));
        const int w = p.fontMetrics().horizontalAdvance(text);
        p.drawText(QRectF(x, y - 12, w + 2, 24), Qt::AlignVCenter, text);
        x += w + 16;
    };
    for (State s : {State::OnPrem, State::DualRun, State::Cloud, State::Decommissioned}) {
        p.setPen(QColor(0x30, 0x30, 0x30));
        p.setBrush(SideColors::forState(s));
        p.drawRoundedRect(QRectF(x, y - 7, 22, 14), 3, 3);
        x += 27;
        label(stateName(s));
    }
    p.setPen(QPen(QColor(0x30, 0x30, 0x30), 1, Qt::DashLine));
    p.setBrush(Qt::NoBrush);
    p.drawRoundedRect(QRectF(x, y - 7, 22, 14), 3, 3);
    x += 27;
    label(tr("stays on-prem"));
    x = 8;
    y = 36;
    for (ParityHealth h : {ParityHealth::Clean, ParityHealth::Warning, ParityHealth::Breached,
                           ParityHealth::Unknown}) {
        paintParityMarker(&p, QRectF(x, y - 8, 16, 16), h);
        x += 21;
        label(tr("parity %1").arg(parityHealthName(h)));
    }
    x += 8;
    p.setPen(QPen(SideColors::crossSideEdge(), 2.2, Qt::DashLine));
    p.drawLine(QPointF(x, y), QPointF(x + 30, y));
    x += 36;
    label(tr("cross-side read"));
}

} // namespace daybreak
