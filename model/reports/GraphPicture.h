#pragma once

#include "GraphDrawing.h"
#include "ParityService.h"
#include "StoreTypes.h"

#include <QDate>
#include <QImage>
#include <QJsonDocument>

class QPainter;

namespace daybreak {

// The dependency graph drawn without widgets, from the same GraphDrawing the console shows: for
// reports and for `daybreakctl graph`. Nodes filled by state, cross-side reads dashed, group
// boxes labelled, a collapsed group summarised by state and worst parity health.
namespace GraphPicture {
void paint(QPainter &painter, const GraphDrawing &drawing, const StoreSnapshot &snapshot,
           const QDate &asOf);
// "42 pipelines: 30 on-prem, 8 dual-run, 4 cloud; parity breached"
QString groupSummary(const GraphDrawing::Group &group, const StoreSnapshot &snapshot,
                     const QDate &asOf);
// The worst parity health among the group's members.
ParityHealth worstHealth(const GraphDrawing::Group &group, const StoreSnapshot &snapshot,
                         const QDate &asOf);
// What fits in a collapsed group's box: "42 · 30 on-prem · 8 dual · 4 cloud"
QString groupCounts(const GraphDrawing::Group &group, const StoreSnapshot &snapshot);
// For reports: the whole graph, groups collapsed when it would be too tall to read, scaled to
// `maxWidth`.
QImage render(const StoreSnapshot &snapshot, const QDate &asOf, int maxWidth = 1800);
// A drawing as a picture scaled to `maxWidth`, the `outlined` pipelines (a wave's members, say)
// drawn with a thick dark outline.
QImage draw(const GraphDrawing &drawing, const StoreSnapshot &snapshot, const QDate &asOf,
            const QSet<QString> &outlined, int maxWidth = 1800);
// The margin a picture has around its drawing, in scene units.
inline constexpr double kPictureMargin = 20;
// Writes the picture as SVG or PNG (a PNG is scaled down to at most 16,000 pixels a side).
// Returns the error, or empty.
QString write(const QString &path, bool svg, const GraphDrawing &drawing,
              const StoreSnapshot &snapshot, const QDate &asOf);
// nodes [{id, group, layer, x, y, width, height}] (x, y the top-left), edges [{source, target,
// count, points}], groups [{name, x, y, width, height, collapsed, members}], in scene units.
QJsonDocument json(const GraphDrawing &drawing);
} // namespace GraphPicture

} // namespace daybreak
