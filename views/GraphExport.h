#pragma once

#include <QString>

class QGraphicsScene;

namespace daybreak {

// Writes the whole graph scene as a picture; returns an error message or an empty string.
namespace GraphExport {
QString toPng(QGraphicsScene *scene, const QString &path);
QString toSvg(QGraphicsScene *scene, const QString &path);
} // namespace GraphExport

} // namespace daybreak
