#include "GraphExport.h"

#include <QGraphicsItem>
#include <QGraphicsScene>
#include <QImage>
#include <QPainter>
#include <QSvgGenerator>

namespace daybreak {

namespace GraphExport {

QString toPng(QGraphicsScene *scene, const QString &path)
{
    const QRectF source = scene->itemsBoundingRect().adjusted(-20, -20, 20, 20);
    // Cap the bitmap so a 10,000-node graph still fits in memory; detail scales down with it.
    const double scale = std::min(2.0, 16000.0 / std::max(source.width(), source.height()));
    QImage image((source.size() * scale).toSize(), QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    scene->render(&painter, QRectF(QPointF(0, 0), image.size()), source);
    painter.end();
    return image.save(path, "PNG") ? QString() : QObject::tr("cannot write %1").arg(path);
}

QString toSvg(QGraphicsScene *scene, const QString &path)
{
    const QRectF source = scene->itemsBoundingRect().adjusted(-20, -20, 20, 20);
    QSvgGenerator svg;
    svg.setFileName(path);
    svg.setSize(source.size().toSize());
    svg.setViewBox(QRectF(QPointF(0, 0), source.size()));
    svg.setTitle(QObject::tr("Daybreak dependency graph"));
    // Cached items would land in the drawing as bitmaps; draw them as vectors and text instead.
    QList<QPair<QGraphicsItem *, QGraphicsItem::CacheMode>> cached;
    for (QGraphicsItem *item : scene->items())
        if (item->cacheMode() != QGraphicsItem::NoCache) {
            cached.append({item, item->cacheMode()});
            item->setCacheMode(QGraphicsItem::NoCache);
        }
    QPainter painter;
    const bool ok = painter.begin(&svg);
    if (ok) {
        scene->render(&painter, QRectF(QPointF(0, 0), source.size()), source);
        painter.end();
    }
    for (const auto &[item, mode] : cached)
        item->setCacheMode(mode);
    return ok ? QString() : QObject::tr("cannot write %1").arg(path);
}

} // namespace GraphExport

} // namespace daybreak
