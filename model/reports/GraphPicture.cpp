#include "GraphPicture.h"

#include "GroupFolders.h"

#include "ParityService.h"
#include "StatePalette.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QPainter>
#include <QPainterPath>
#include <QSvgGenerator>
#include <cmath>
#include <tuple>

namespace daybreak {

namespace GraphPicture {

namespace {

constexpr double kMargin = kPictureMargin;

QJsonObject rectJson(const QRectF &r)
{
    return {{QStringLiteral("x"), r.x()},
            {QStringLiteral("y"), r.y()},
            {QStringLiteral("width"), r.width()},
            {QStringLiteral("height"), r.height()}};
}

QColor healthColour(ParityHealth h)
{
    switch (h) {
    case ParityHealth::Clean:
        return QColor(0x2e, 0x7d, 0x32);
    case ParityHealth::Warning:
        return QColor(0xef, 0x8f, 0x00);
    case ParityHealth::Breached:
        return QColor(0xc6, 0x28, 0x28);
    case ParityHealth::Unknown:
        break;
    }
    return QColor(0x75, 0x75, 0x75);
}

// How many members are on-prem, dual-running and in the cloud (decommissioned counts as cloud).
std::tuple<int, int, int> stateCounts(const GraphDrawing::Group &g, const StoreSnapshot &s)
{
    int onprem = 0, dual = 0, cloud = 0;
    for (const QString &id : g.members) {
        const State st = s.stateOf(id);
        onprem += st == State::OnPrem ? 1 : 0;
        dual += st == State::DualRun ? 1 : 0;
        cloud += st == State::Cloud || st == State::Decommissioned ? 1 : 0;
    }
    return {onprem, dual, cloud};
}

} // namespace

ParityHealth worstHealth(const GraphDrawing::Group &g, const StoreSnapshot &s, const QDate &asOf)
{
    ParityHealth worst = ParityHealth::Unknown;
    for (const QString &id : g.members) {
        const ParityHealth h = ParityService::health(s, id, asOf);
        if (int(h) > int(worst))
            worst = h;
    }
    return worst;
}

QString groupCounts(const GraphDrawing::Group &g, const StoreSnapshot &s)
{
    const auto [onprem, dual, cloud] = stateCounts(g, s);
    QStringList parts{
        g.foldedGroups > 0
            ? QStringLiteral("%1 groups · %2").arg(g.foldedGroups).arg(g.members.size())
            : QString::number(g.members.size())};
    if (onprem)
        parts << QStringLiteral("%1 on-prem").arg(onprem);
    if (dual)
        parts << QStringLiteral("%1 dual").arg(dual);
    if (cloud)
        parts << QStringLiteral("%1 cloud").arg(cloud);
    return parts.join(QStringLiteral(" · "));
}

QString groupSummary(const GraphDrawing::Group &g, const StoreSnapshot &s, const QDate &asOf)
{
    const auto [onprem, dual, cloud] = stateCounts(g, s);
    const ParityHealth worst = worstHealth(g, s, asOf);
    const QString in = g.foldedGroups > 0
                           ? QStringLiteral(" in %1 groups (a folder)").arg(g.foldedGroups)
                           : QString();
    return QStringLiteral("%1 pipelines%6: %2 on-prem, %3 dual-run, %4 cloud; parity %5")
        .arg(g.members.size())
        .arg(onprem)
        .arg(dual)
        .arg(cloud)
        .arg(worst == ParityHealth::Unknown ? QStringLiteral("unknown") : parityHealthName(worst),
             in);
}

void paint(QPainter &p, const GraphDrawing &d, const StoreSnapshot &s, const QDate &asOf)
{
    p.setRenderHint(QPainter::Antialiasing);
    QFont font = p.font();
    font.setPixelSize(13);
    // Group boxes first, behind everything.
    for (const GraphDrawing::Group &g : d.groups()) {
        p.setPen(QPen(QColor(0x90, 0xa4, 0xae), 1));
        p.setBrush(g.collapsed ? QColor(0xec, 0xef, 0xf1) : QColor(0xf5, 0xf7, 0xf8));
        p.drawRoundedRect(g.rect, 8, 8);
        font.setBold(true);
        p.setFont(font);
        p.setPen(QColor(0x37, 0x47, 0x4f));
        const QRectF label(g.rect.x() + 8, g.rect.y() + 2, g.rect.width() - 16,
                           GraphDrawing::kGroupLabel - 4);
        p.drawText(label, Qt::AlignLeft | Qt::AlignVCenter,
                   p.fontMetrics().elidedText(g.name, Qt::ElideLeft, int(label.width())));
        if (g.collapsed) {
            font.setBold(false);
            p.setFont(font);
            const ParityHealth worst = worstHealth(g, s, asOf);
            p.setPen(healthColour(worst));
            const QRectF line(label.x(), label.bottom(), label.width(),
                              g.rect.height() - GraphDrawing::kGroupLabel);
            p.drawText(
                line, Qt::AlignLeft | Qt::AlignVCenter,
                p.fontMetrics().elidedText(groupCounts(g, s), Qt::ElideRight, int(line.width())));
        }
    }
    for (const GraphDrawing::Edge &e : d.edges()) {
        const bool cross = !e.sourceIsGroup && !e.targetIsGroup &&
                           canonicalSide(s.stateOf(e.source)) != canonicalSide(s.stateOf(e.target));
        QPen pen(cross ? QColor(0xD3, 0x5F, 0x00) : QColor(0x80, 0x80, 0x80),
                 cross ? 2 : std::min(6.0, 1 + std::log2(double(e.count))));
        if (cross)
            pen.setStyle(Qt::DashLine);
        p.setPen(pen);
        p.setBrush(Qt::NoBrush);
        QPainterPath path(e.points.first());
        for (int i = 1; i < e.points.size(); ++i) {
            const QPointF a = e.points.at(i - 1), b = e.points.at(i);
            const double dx = (b.x() - a.x()) / 2;
            path.cubicTo(a + QPointF(dx, 0), b - QPointF(dx, 0), b);
        }
        p.drawPath(path);
        if (e.count > 1) {
            font.setBold(false);
            p.setFont(font);
            p.setPen(QColor(0x37, 0x47, 0x4f));
            p.drawText(path.pointAtPercent(0.5) + QPointF(4, -4), QString::number(e.count));
        }
    }
    font.setBold(true);
    p.setFont(font);
    for (const GraphDrawing::Node &n : d.nodes()) {
        const State state = s.stateOf(n.id);
        const Pipeline *pipeline = s.inventory.find(n.id);
        QPen border(QColor(0x30, 0x30, 0x30), 1);
        if (pipeline && pipeline->staysOnPrem())
            border.setStyle(Qt::DashLine);
        p.setPen(border);
        p.setBrush(StatePalette::fill(state));
        p.drawRoundedRect(n.rect, 6, 6);
        p.setPen(StatePalette::text(state));
        // The end of an id is what tells two models apart: elide at the start.
        p.drawText(n.rect.adjusted(8, 0, -6, 0), Qt::AlignVCenter | Qt::AlignLeft,
                   p.fontMetrics().elidedText(n.id, Qt::ElideLeft, int(n.rect.width() - 14)));
    }
}

QImage draw(const GraphDrawing &d, const StoreSnapshot &snapshot, const QDate &asOf,
            const QSet<QString> &outlined, int maxWidth)
{
    const QSizeF size = d.size() + QSizeF(2 * kMargin, 2 * kMargin);
    const double scale = std::min(2.0, maxWidth / std::max(1.0, size.width()));
    QImage image((size * scale).toSize().expandedTo(QSize(10, 10)),
                 QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter p(&image);
    p.scale(scale, scale);
    p.translate(kMargin, kMargin);
    paint(p, d, snapshot, asOf);
    p.setPen(QPen(QColor(0x1a, 0x23, 0x7e), 4));
    p.setBrush(Qt::NoBrush);
    for (const QString &id : outlined)
        if (const GraphDrawing::Node *n = d.node(id))
            p.drawRoundedRect(n->rect.adjusted(-3, -3, 3, 3), 8, 8);
    p.end();
    return image;
}

QImage render(const StoreSnapshot &snapshot, const QDate &asOf, int maxWidth)
{
    GraphDrawing::Options options;
    GraphDrawing d = GraphDrawing::compute(snapshot.inventory, options);
    // Too tall to read on a page: the groups collapsed give the overview.
    if (d.size().height() > d.size().width() * 3) {
        options.collapseAll = true;
        if (const GroupFolders folders(snapshot.inventory);
            folders.groupCount() > GroupFolders::kFoldAbove)
            options.folded = folders.overview(GroupFolders::kOverviewBoxes);
        d = GraphDrawing::compute(snapshot.inventory, options);
    }
    return draw(d, snapshot, asOf, {}, maxWidth);
}

QString write(const QString &path, bool svg, const GraphDrawing &d, const StoreSnapshot &s,
              const QDate &asOf)
{
    const QSizeF size = d.size() + QSizeF(2 * kMargin, 2 * kMargin);
    if (svg) {
        QSvgGenerator generator;
        generator.setFileName(path);
        generator.setSize(size.toSize());
        generator.setViewBox(QRectF(QPointF(0, 0), size));
        generator.setTitle(QStringLiteral("Daybreak dependency graph"));
        QPainter p;
        if (!p.begin(&generator))
            return QStringLiteral("%1: cannot be written").arg(path);
        p.translate(kMargin, kMargin);
        paint(p, d, s, asOf);
        p.end();
        return {};
    }
    const double scale = std::min(1.0, 16000.0 / std::max(size.width(), size.height()));
    QImage image((size * scale).toSize().expandedTo(QSize(10, 10)), QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter p(&image);
    p.scale(scale, scale);
    p.translate(kMargin, kMargin);
    paint(p, d, s, asOf);
    p.end();
    if (!image.save(path, "PNG"))
        return QStringLiteral("%1: cannot be written").arg(path);
    return {};
}

QJsonDocument json(const GraphDrawing &d)
{
    QJsonArray nodes, edges, groups;
    for (const GraphDrawing::Node &n : d.nodes()) {
        QJsonObject o = rectJson(n.rect);
        o.insert(QStringLiteral("id"), n.id);
        o.insert(QStringLiteral("group"), n.group);
        o.insert(QStringLiteral("layer"), n.layer);
        nodes.append(o);
    }
    for (const GraphDrawing::Edge &e : d.edges()) {
        QJsonArray points;
        for (const QPointF &pt : e.points)
            points.append(QJsonArray{pt.x(), pt.y()});
        edges.append(QJsonObject{{QStringLiteral("source"), e.source},
                                 {QStringLiteral("target"), e.target},
                                 {QStringLiteral("source_is_group"), e.sourceIsGroup},
                                 {QStringLiteral("target_is_group"), e.targetIsGroup},
                                 {QStringLiteral("count"), e.count},
                                 {QStringLiteral("points"), points}});
    }
    for (const GraphDrawing::Group &g : d.groups()) {
        QJsonObject o = rectJson(g.rect);
        o.insert(QStringLiteral("name"), g.name);
        o.insert(QStringLiteral("collapsed"), g.collapsed);
        if (g.foldedGroups > 0)
            o.insert(QStringLiteral("folded_groups"), g.foldedGroups);
        o.insert(QStringLiteral("members"), QJsonArray::fromStringList(g.members));
        groups.append(o);
    }
    return QJsonDocument(QJsonObject{{QStringLiteral("nodes"), nodes},
                                     {QStringLiteral("edges"), edges},
                                     {QStringLiteral("groups"), groups},
                                     {QStringLiteral("width"), d.size().width()},
                                     {QStringLiteral("height"), d.size().height()}});
}

} // namespace GraphPicture

} // namespace daybreak
