#include "WaveCalendar.h"

#include "StatePalette.h"

#include <QPainter>

#include <algorithm>

namespace daybreak {

namespace WaveCalendar {

namespace {
constexpr int kWidth = 1800;
constexpr int kLabels = 470; // the wave's name and size, left
constexpr int kAfter = 170;  // in the cloud after it, right
constexpr int kHeader = 64;
constexpr int kRow = 46;
constexpr int kLegend = 44;

QColor colour(Standing s)
{
    switch (s) {
    case Standing::Done:
        return StatePalette::fill(State::Cloud);
    case Standing::Refused:
        return QColor(0xc6, 0x28, 0x28);
    case Standing::ReportsAtRisk:
        return QColor(0xef, 0x8f, 0x00);
    case Standing::Planned:
        break;
    }
    return QColor(0x54, 0x6e, 0x7a);
}
} // namespace

Standing standing(const Row &row)
{
    if (row.done)
        return Standing::Done;
    if (row.errors)
        return Standing::Refused;
    if (row.reportsAtRisk > 0)
        return Standing::ReportsAtRisk;
    return Standing::Planned;
}

QString standingName(Standing s)
{
    switch (s) {
    case Standing::Done:
        return QStringLiteral("done");
    case Standing::Refused:
        return QStringLiteral("plan refused");
    case Standing::ReportsAtRisk:
        return QStringLiteral("6am at risk");
    case Standing::Planned:
        break;
    }
    return QStringLiteral("planned");
}

QImage render(const QList<Row> &rows, const QDate &today, const QList<QDate> &blackouts,
              const QTimeZone &zone, int total)
{
    // From the Monday of the first week shown to the Sunday of the last; today too when it is
    // near (a later part of a long plan keeps its own span).
    QDate first = rows.isEmpty() ? today : rows.first().windowStart.toTimeZone(zone).date();
    QDate last = first;
    for (const Row &r : rows) {
        first = std::min(first, r.windowStart.toTimeZone(zone).date());
        last = std::max(last, r.windowEnd.toTimeZone(zone).date());
    }
    constexpr int kNearDays = 21;
    if (today >= first.addDays(-kNearDays) && today <= last.addDays(kNearDays)) {
        first = std::min(first, today);
        last = std::max(last, today);
    }
    first = first.addDays(1 - first.dayOfWeek());
    last = last.addDays(7 - last.dayOfWeek());
    const int days = int(first.daysTo(last)) + 1;
    const int height = kHeader + kRow * int(rows.size()) + kLegend;
    QImage image(QSize(kWidth, height), QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    QFont font = p.font();
    font.setPixelSize(19);
    p.setFont(font);
    const double x0 = kLabels, x1 = kWidth - kAfter;
    const double dayWidth = (x1 - x0) / days;
    auto xOf = [&](const QDateTime &t) {
        return x0 + first.startOfDay(zone).secsTo(t) / 86400.0 * dayWidth;
    };
    const double bottom = kHeader + kRow * double(rows.size());
    // Weekends shaded, blackouts hatched, weeks and months ruled.
    double lastLabel = -1e9;
    for (int d = 0; d < days; ++d) {
        const QDate day = first.addDays(d);
        const QRectF column(x0 + d * dayWidth, kHeader, dayWidth, bottom - kHeader);
        if (day.dayOfWeek() >= 6)
            p.fillRect(column, QColor(0xe3, 0xf2, 0xfd));
        if (blackouts.contains(day))
            p.fillRect(column, QBrush(QColor(0x9e, 0x9e, 0x9e), Qt::BDiagPattern));
        if (day.dayOfWeek() == 1 || day.day() == 1) {
            p.setPen(QPen(day.day() == 1 ? QColor(0x60, 0x60, 0x60) : QColor(0xd0, 0xd0, 0xd0),
                          day.day() == 1 ? 2 : 1));
            p.drawLine(QPointF(column.left(), kHeader - (day.day() == 1 ? 30 : 6)),
                       QPointF(column.left(), bottom));
        }
        // A month's name at its first day, and at the chart's start when the month has room
        // left there for its name.
        // A name that fits the month's width: "December 2026", "Dec 2026", "Dec" or none.
        const int daysLeftInMonth = day.daysInMonth() - day.day() + 1;
        const double room = std::min<double>(daysLeftInMonth, days - d) * dayWidth;
        if (day.day() == 1 || d == 0) {
            p.setPen(Qt::black);
            font.setBold(true);
            p.setFont(font);
            QString name;
            for (const QString &format :
                 {QStringLiteral("MMMM yyyy"), QStringLiteral("MMM yyyy"), QStringLiteral("MMM")})
                if (p.fontMetrics().horizontalAdvance(day.toString(format)) + 8 < room) {
                    name = day.toString(format);
                    break;
                }
            p.drawText(QPointF(column.left() + 4, 22), name);
            font.setBold(false);
            p.setFont(font);
        }
        // Each Saturday labelled, as many as fit.
        if (day.dayOfWeek() == 6 && column.left() - lastLabel > 70 && column.left() + 60 < x1) {
            p.setPen(QColor(0x30, 0x30, 0x30));
            p.drawText(QRectF(column.left() - 20, 30, 80, 30), Qt::AlignLeft | Qt::AlignVCenter,
                       QStringLiteral("Sa %1").arg(day.day()));
            lastLabel = column.left();
        }
    }
    p.setPen(Qt::black);
    p.drawText(QRectF(0, 30, kLabels - 12, 30), Qt::AlignRight | Qt::AlignVCenter,
               QStringLiteral("wave · pipelines · high-risk"));
    p.drawText(QRectF(x1 + 10, 30, kAfter - 10, 30), Qt::AlignLeft | Qt::AlignVCenter,
               QStringLiteral("in the cloud"));
    for (int i = 0; i < rows.size(); ++i) {
        const Row &r = rows.at(i);
        const double y = kHeader + i * kRow;
        if (i % 2 == 1)
            p.fillRect(QRectF(0, y, kLabels, kRow), QColor(0xf5, 0xf5, 0xf5));
        const Standing s = standing(r);
        font.setBold(true);
        p.setFont(font);
        p.setPen(Qt::black);
        const QString label =
            QStringLiteral("%1 · %2 · %3").arg(r.name).arg(r.members).arg(r.highRisk);
        p.drawText(QRectF(8, y, kLabels - 20, kRow), Qt::AlignRight | Qt::AlignVCenter,
                   p.fontMetrics().elidedText(label, Qt::ElideMiddle, kLabels - 28));
        font.setBold(false);
        p.setFont(font);
        const double left = xOf(r.windowStart), right = xOf(r.windowEnd);
        const QRectF bar(left, y + 8, std::max(8.0, right - left), kRow - 16);
        p.setPen(QPen(colour(s).darker(130), 1));
        p.setBrush(colour(s));
        p.drawRoundedRect(bar, 4, 4);
        p.setPen(QColor(0x30, 0x30, 0x30));
        p.drawText(QRectF(x1 + 10, y, kAfter - 10, kRow), Qt::AlignLeft | Qt::AlignVCenter,
                   QStringLiteral("%1 of %2").arg(r.cloudAfter).arg(total));
    }
    // Today.
    const double now = xOf(today.startOfDay(zone)) + dayWidth / 2;
    p.setPen(QPen(QColor(0xc6, 0x28, 0x28), 2, Qt::DashLine));
    p.drawLine(QPointF(now, kHeader - 4), QPointF(now, bottom));
    // Legend.
    double x = 8;
    const double ly = bottom + 10;
    for (Standing s :
         {Standing::Done, Standing::Planned, Standing::ReportsAtRisk, Standing::Refused}) {
        p.setPen(QPen(colour(s).darker(130), 1));
        p.setBrush(colour(s));
        p.drawRoundedRect(QRectF(x, ly + 4, 34, 20), 4, 4);
        p.setPen(Qt::black);
        const QString name = standingName(s);
        p.drawText(QPointF(x + 42, ly + 21), name);
        x += 60 + p.fontMetrics().horizontalAdvance(name);
    }
    p.setPen(QPen(QColor(0xc6, 0x28, 0x28), 2, Qt::DashLine));
    p.drawLine(QPointF(x, ly + 14), QPointF(x + 34, ly + 14));
    p.setPen(Qt::black);
    p.drawText(QPointF(x + 42, ly + 21), QStringLiteral("today"));
    x += 120;
    p.fillRect(QRectF(x, ly + 4, 34, 20), QColor(0xe3, 0xf2, 0xfd));
    p.drawText(QPointF(x + 42, ly + 21), QStringLiteral("weekend"));
    x += 150;
    p.fillRect(QRectF(x, ly + 4, 34, 20), QBrush(QColor(0x9e, 0x9e, 0x9e), Qt::BDiagPattern));
    p.drawText(QPointF(x + 42, ly + 21), QStringLiteral("blackout"));
    p.end();
    return image;
}

} // namespace WaveCalendar

} // namespace daybreak
