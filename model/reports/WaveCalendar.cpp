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
// The chart drawn in layers: the days (weekends, blackouts, weeks, months), the column titles,
// one row per wave, today's line and the legend.
class Chart
{
public:
    Chart(const QList<Row> &rows, const QDate &today, const QList<QDate> &blackouts,
          const QTimeZone &zone, int total)
        : m_rows(rows), m_today(today), m_blackouts(blackouts), m_zone(zone), m_total(total)
    {
        span();
        m_bottom = kHeader + kRow * double(rows.size());
        m_dayWidth = (m_x1 - m_x0) / m_days;
    }

    QImage render()
    {
        const int height = kHeader + kRow * int(m_rows.size()) + kLegend;
        QImage image(QSize(kWidth, height), QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::white);
        QPainter p(&image);
        p.setRenderHint(QPainter::Antialiasing);
        m_font = p.font();
        m_font.setPixelSize(19);
        p.setFont(m_font);
        drawDays(p);
        p.setPen(Qt::black);
        p.drawText(QRectF(0, 30, kLabels - 12, 30), Qt::AlignRight | Qt::AlignVCenter,
                   QStringLiteral("wave · pipelines · high-risk"));
        p.drawText(QRectF(m_x1 + 10, 30, kAfter - 10, 30), Qt::AlignLeft | Qt::AlignVCenter,
                   QStringLiteral("in the cloud"));
        for (int i = 0; i < m_rows.size(); ++i)
            drawRow(p, i);
        // Today.
        const double now = xOf(m_today.startOfDay(m_zone)) + m_dayWidth / 2;
        p.setPen(QPen(QColor(0xc6, 0x28, 0x28), 2, Qt::DashLine));
        p.drawLine(QPointF(now, kHeader - 4), QPointF(now, m_bottom));
        drawLegend(p);
        p.end();
        return image;
    }

private:
    const QList<Row> &m_rows;
    const QDate m_today;
    const QList<QDate> &m_blackouts;
    const QTimeZone m_zone;
    const int m_total;
    QDate m_first, m_last;
    int m_days = 0;
    const double m_x0 = kLabels, m_x1 = kWidth - kAfter;
    double m_dayWidth = 0, m_bottom = 0;
    QFont m_font;

    // From the Monday of the first week shown to the Sunday of the last; today too when it is
    // near (a later part of a long plan keeps its own span).
    void span()
    {
        m_first = m_rows.isEmpty() ? m_today : m_rows.first().windowStart.toTimeZone(m_zone).date();
        m_last = m_first;
        for (const Row &r : m_rows) {
            m_first = std::min(m_first, r.windowStart.toTimeZone(m_zone).date());
            m_last = std::max(m_last, r.windowEnd.toTimeZone(m_zone).date());
        }
        constexpr int kNearDays = 21;
        if (m_today >= m_first.addDays(-kNearDays) && m_today <= m_last.addDays(kNearDays)) {
            m_first = std::min(m_first, m_today);
            m_last = std::max(m_last, m_today);
        }
        m_first = m_first.addDays(1 - m_first.dayOfWeek());
        m_last = m_last.addDays(7 - m_last.dayOfWeek());
        m_days = int(m_first.daysTo(m_last)) + 1;
    }

    double xOf(const QDateTime &t) const
    {
        return m_x0 + m_first.startOfDay(m_zone).secsTo(t) / 86400.0 * m_dayWidth;
    }

    void bold(QPainter &p, bool on)
    {
        m_font.setBold(on);
        p.setFont(m_font);
    }

    // Weekends shaded, blackouts hatched, weeks and months ruled; month names, Saturdays.
    void drawDays(QPainter &p)
    {
        double lastLabel = -1e9;
        for (int d = 0; d < m_days; ++d) {
            const QDate day = m_first.addDays(d);
            const QRectF column(m_x0 + d * m_dayWidth, kHeader, m_dayWidth, m_bottom - kHeader);
            if (day.dayOfWeek() >= 6)
                p.fillRect(column, QColor(0xe3, 0xf2, 0xfd));
            if (m_blackouts.contains(day))
                p.fillRect(column, QBrush(QColor(0x9e, 0x9e, 0x9e), Qt::BDiagPattern));
            if (day.dayOfWeek() == 1 || day.day() == 1) {
                p.setPen(QPen(day.day() == 1 ? QColor(0x60, 0x60, 0x60) : QColor(0xd0, 0xd0, 0xd0),
                              day.day() == 1 ? 2 : 1));
                // A month's divider beside its name, then below the band of Saturday labels:
                // never through a label.
                if (day.day() == 1)
                    p.drawLine(QPointF(column.left(), 4), QPointF(column.left(), 28));
                p.drawLine(QPointF(column.left(), kHeader - 4), QPointF(column.left(), m_bottom));
            }
            if (day.day() == 1 || d == 0)
                drawMonthName(p, day, d, column.left());
            // Each Saturday labelled, as many as fit; the last one moved left to stay in the
            // chart rather than dropped.
            if (day.dayOfWeek() == 6 && column.left() - lastLabel > 70) {
                const QString label = QStringLiteral("Sa %1").arg(day.day());
                const double width = p.fontMetrics().horizontalAdvance(label);
                const double x = std::min(column.left() - 20, m_x1 + 6 - width);
                p.setPen(QColor(0x30, 0x30, 0x30));
                p.drawText(QRectF(x, 30, width + 4, 30), Qt::AlignLeft | Qt::AlignVCenter, label);
                lastLabel = column.left();
            }
        }
    }

    // A month's name at its first day, and at the chart's start when the month has room left
    // there for its name: the name that fits the month's width, "December 2026", "Dec 2026",
    // "Dec" or none.
    void drawMonthName(QPainter &p, const QDate &day, int d, double left)
    {
        const int daysLeftInMonth = day.daysInMonth() - day.day() + 1;
        const double room = std::min<double>(daysLeftInMonth, m_days - d) * m_dayWidth;
        p.setPen(Qt::black);
        bold(p, true);
        QString name;
        for (const QString &format :
             {QStringLiteral("MMMM yyyy"), QStringLiteral("MMM yyyy"), QStringLiteral("MMM")})
            if (p.fontMetrics().horizontalAdvance(day.toString(format)) + 8 < room) {
                name = day.toString(format);
                break;
            }
        p.drawText(QPointF(left + 4, 22), name);
        bold(p, false);
    }

    void drawRow(QPainter &p, int i)
    {
        const Row &r = m_rows.at(i);
        const double y = kHeader + i * kRow;
        if (i % 2 == 1)
            p.fillRect(QRectF(0, y, kLabels, kRow), QColor(0xf5, 0xf5, 0xf5));
        const Standing s = standing(r);
        bold(p, true);
        p.setPen(Qt::black);
        const QString label =
            QStringLiteral("%1 · %2 · %3").arg(r.name).arg(r.members).arg(r.highRisk);
        p.drawText(QRectF(8, y, kLabels - 20, kRow), Qt::AlignRight | Qt::AlignVCenter,
                   p.fontMetrics().elidedText(label, Qt::ElideMiddle, kLabels - 28));
        bold(p, false);
        const double left = xOf(r.windowStart), right = xOf(r.windowEnd);
        const QRectF bar(left, y + 8, std::max(8.0, right - left), kRow - 16);
        p.setPen(QPen(colour(s).darker(130), 1));
        p.setBrush(colour(s));
        p.drawRoundedRect(bar, 4, 4);
        p.setPen(QColor(0x30, 0x30, 0x30));
        p.drawText(QRectF(m_x1 + 10, y, kAfter - 10, kRow), Qt::AlignLeft | Qt::AlignVCenter,
                   QStringLiteral("%1 of %2").arg(r.cloudAfter).arg(m_total));
    }

    void drawLegend(QPainter &p)
    {
        double x = 8;
        const double ly = m_bottom + 10;
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
    }
};
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
    return Chart(rows, today, blackouts, zone, total).render();
}

} // namespace WaveCalendar

} // namespace daybreak
