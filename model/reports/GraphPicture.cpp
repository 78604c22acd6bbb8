#include "GraphPicture.h"

#include "DependencyGraph.h"
#include "GraphLayout.h"
#include "StatePalette.h"

#include <QPainter>
#include <QPainterPath>

namespace daybreak {

namespace GraphPicture {

QImage render(const StoreSnapshot &snapshot, int maxWidth)
{
    const GraphLayout layout = GraphLayout::compute(DependencyGraph(snapshot.inventory));
    const QSizeF size = layout.size() + QSizeF(40, 40);
    const double scale = std::min(2.0, maxWidth / std::max(1.0, size.width()));
    QImage image((size * scale).toSize().expandedTo(QSize(10, 10)),
                 QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    p.scale(scale, scale);
    p.translate(20, 20);
    for (const GraphLayout::Edge &e : layout.edges()) {
        const bool cross =
            canonicalSide(snapshot.stateOf(e.from)) != canonicalSide(snapshot.stateOf(e.to));
        QPen pen(cross ? QColor(0xD3, 0x5F, 0x00) : QColor(0x80, 0x80, 0x80), cross ? 2 : 1);
        if (cross)
            pen.setStyle(Qt::DashLine);
        p.setPen(pen);
        QPainterPath path(e.points.first());
        for (int i = 1; i < e.points.size(); ++i) {
            const QPointF a = e.points.at(i - 1), b = e.points.at(i);
            const double dx = (b.x() - a.x()) / 2;
            path.cubicTo(a + QPointF(dx, 0), b - QPointF(dx, 0), b);
        }
        p.drawPath(path);
    }
    const GraphLayout::Options &o = layout.options();
    QFont font = p.font();
    font.setPixelSize(13);
    font.setBold(true);
    p.setFont(font);
    for (auto it = layout.positions().begin(); it != layout.positions().end(); ++it) {
        const State state = snapshot.stateOf(it.key());
        const Pipeline *pipeline = snapshot.inventory.find(it.key());
        QPen border(QColor(0x30, 0x30, 0x30), 1);
        if (pipeline && pipeline->staysOnPrem())
            border.setStyle(Qt::DashLine);
        p.setPen(border);
        p.setBrush(StatePalette::fill(state));
        const QRectF box(it.value(), QSizeF(o.nodeWidth, o.nodeHeight));
        p.drawRoundedRect(box, 6, 6);
        p.setPen(StatePalette::text(state));
        p.drawText(box.adjusted(8, 0, -6, 0), Qt::AlignVCenter | Qt::AlignLeft,
                   p.fontMetrics().elidedText(it.key(), Qt::ElideMiddle, int(o.nodeWidth - 14)));
    }
    p.end();
    return image;
}

} // namespace GraphPicture

} // namespace daybreak
