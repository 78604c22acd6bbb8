#include "SlaTimeline.h"

#include "LocalText.h"
#include "StatePalette.h"

#include <QCategoryAxis>
#include <QChart>
#include <QDateTimeAxis>
#include <QLineSeries>
#include <QSet>
#include <QTimeZone>

#include <algorithm>
#include <cmath>

namespace daybreak {

namespace {
constexpr qsizetype kMaxRows = 120;
// The axis labels in the machine's local time; plot the inventory zone's wall clock as local so
// the war room reads 06:00 where the report is due, wherever the console runs.
QTimeZone g_zone;
// Local time goes through mktime (and a look at the zone files) on every conversion: a busy
// night places the same few hundred moments several times a second.
QHash<qint64, double> g_placed;
QByteArray g_placedZone;
double ms(const QDateTime &t)
{
    if (g_placedZone != g_zone.id() || g_placed.size() > 100000) {
        g_placed.clear();
        g_placedZone = g_zone.id();
    }
    const qint64 key = t.toMSecsSinceEpoch();
    if (const auto it = g_placed.constFind(key); it != g_placed.constEnd())
        return *it;
    const QDateTime wall = t.toTimeZone(g_zone);
    const double placed =
        double(QDateTime(wall.date(), wall.time(), Qt::LocalTime).toMSecsSinceEpoch());
    g_placed.insert(key, placed);
    return placed;
}
} // namespace

SlaTimeline::SlaTimeline(QWidget *parent) : QChartView(parent)
{
    setObjectName(QStringLiteral("slaTimeline"));
    setRenderHint(QPainter::Antialiasing);
    setChart(new QChart);
    chart()->legend()->hide();
    chart()->setMargins(QMargins(4, 4, 4, 4));
    setMinimumHeight(260);
}

void SlaTimeline::setRows(Rows rows)
{
    m_rows = rows;
    rebuild();
}

void SlaTimeline::setProjection(const SlaProjection &projection, const QDateTime &now)
{
    m_projection = projection;
    m_nowTime = now;
    const QDateTime latest = latestReported(projection);
    m_simulated =
        now.isValid() && latest.isValid() && latest > now.addSecs(qint64(kAheadMinutes) * 60);
    if (m_simulated)
        m_nowTime = latest;
    rebuild();
}

void SlaTimeline::setNowPen(const QPen &pen)
{
    m_nowPen = pen;
    if (m_now)
        m_now->setPen(pen);
}

QDateTime SlaTimeline::latestReported(const SlaProjection &projection)
{
    QDateTime latest;
    for (const SlaProjection::Run &r : projection.runs()) {
        if (r.succeeded)
            latest = std::max(latest, r.finish);
        else if (r.started && r.start.isValid())
            latest = std::max(latest, r.start);
    }
    return latest;
}

QColor SlaTimeline::colourFor(const SlaProjection::Run &run, bool onAtRiskPath)
{
    if (run.failed || run.blocked)
        return QColor(0xc0, 0x1c, 0x28);
    if (run.succeeded)
        return QColor(0x1b, 0x7f, 0x3b);
    if (run.started)
        return QColor(0x1f, 0x6f, 0xc5);
    return onAtRiskPath ? QColor(0xe0, 0x8a, 0x00) : QColor(0x7a, 0x9c, 0xc4);
}

namespace {

void place(QLineSeries *series, const QList<QPointF> &points, const QPen &pen)
{
    if (series->pen() != pen)
        series->setPen(pen);
    if (series->points() != points)
        series->replace(points);
}

} // namespace

void SlaTimeline::rebuild()
{
    const RowChoice rows = chooseRows();
    const QTimeZone zone = m_projection.nightStart().timeZone();
    g_zone = zone.isValid() ? zone : QTimeZone::utc();
    const QDateTime axisEnd = axisEndFor(rows.order, zone);
    // A busy night redraws several times a second: the bars that moved move, and the chart is
    // built anew only when its rows, labels or axes change.
    if (const Frame frame = frameFor(rows, axisEnd); !m_x || frame != m_frame)
        buildFrame(frame);
    m_order = rows.order;
    m_axisEnd = axisEnd;
    placeBars(rows);
    placeNow(int(rows.order.size()));
    if (const QString title =
            (m_simulated ? tr("SIMULATION (runs reported ahead of this clock; now is the "
                              "played night's %1) — ")
                               .arg(clockTime(m_nowTime, m_projection.nightStart().timeZone()))
                         : QString()) +
            titleText(rows.total);
        title != chart()->title())
        chart()->setTitle(title); // a new title lays the chart out again
}

// Rows: grouped by report (each report's critical path, report last), or every pipeline.
SlaTimeline::RowChoice SlaTimeline::chooseRows() const
{
    RowChoice rows;
    QSet<QString> placed;
    // Reports in trouble first, so a cap on the rows never hides them.
    QList<SlaProjection::Report> reports = m_projection.reports();
    std::stable_sort(reports.begin(), reports.end(),
                     [](const SlaProjection::Report &a, const SlaProjection::Report &b) {
                         return int(a.status) > int(b.status);
                     });
    for (const SlaProjection::Report &r : std::as_const(reports)) {
        for (const QString &id : r.criticalPath) {
            if (r.status == SlaProjection::Status::AtRisk ||
                r.status == SlaProjection::Status::Breached)
                rows.atRiskPath.insert(id);
            if (m_rows == Rows::CriticalPaths && !placed.contains(id)) {
                placed.insert(id);
                rows.order << id;
            }
        }
    }
    if (m_rows == Rows::All) {
        QList<SlaProjection::Run> runs = m_projection.runs().values();
        std::sort(runs.begin(), runs.end(),
                  [](const SlaProjection::Run &a, const SlaProjection::Run &b) {
                      return a.expectedStart != b.expectedStart ? a.expectedStart < b.expectedStart
                                                                : a.pipeline < b.pipeline;
                  });
        for (const SlaProjection::Run &r : runs)
            rows.order << r.pipeline;
    }
    // A chart series per bar: past a few hundred rows nobody can read it and Qt Charts slows down.
    rows.total = rows.order.size();
    if (rows.order.size() > kMaxRows)
        rows.order = rows.order.mid(0, kMaxRows);
    return rows;
}

// The axis reaches past the night's 08:00 when a projected run does, so a late bar is never cut
// off at the edge: to the next full hour after the latest finish.
QDateTime SlaTimeline::axisEndFor(const QStringList &order, const QTimeZone &zone) const
{
    QDateTime axisEnd = m_projection.nightEnd();
    for (const QString &id : order) {
        const SlaProjection::Run run = m_projection.runs().value(id);
        for (const QDateTime &t : {run.finish, run.finishP95})
            if (t.isValid() && t > axisEnd)
                axisEnd = t;
    }
    if (axisEnd > m_projection.nightEnd()) {
        const QDateTime local = axisEnd.toTimeZone(zone);
        axisEnd = QDateTime(local.date(), QTime(local.time().hour(), 0), zone).addSecs(3600);
    }
    return axisEnd;
}

SlaTimeline::Frame SlaTimeline::frameFor(const RowChoice &rows, const QDateTime &axisEnd) const
{
    Frame frame;
    frame.rows = rows.order;
    frame.start = m_projection.nightStart();
    frame.end = axisEnd;
    for (const QString &id : rows.order) {
        frame.labels << (rows.atRiskPath.contains(id) ? QStringLiteral("⚠ %1").arg(id) : id);
        if (m_projection.shadowRuns().contains(id))
            frame.shadowed << id;
    }
    for (const SlaProjection::Report &r : m_projection.reports())
        frame.deadlines.insert(qint64(ms(r.deadline)));
    return frame;
}

// Each row: the plan's thin grey bar, the run's bar, and the cloud shadow's dashed one.
void SlaTimeline::placeBars(const RowChoice &rows)
{
    const double barWidth = 10;
    for (int i = 0; i < rows.order.size(); ++i) {
        const QString &id = rows.order.at(i);
        const SlaProjection::Run run = m_projection.runs().value(id);
        const bool risky = rows.atRiskPath.contains(id);
        place(m_planned.value(id),
              {{ms(run.expectedStart), i + 0.28}, {ms(run.expectedFinish), i + 0.28}},
              QPen(QColor(0xb0, 0xb0, 0xb0), barWidth / 3, Qt::SolidLine, Qt::FlatCap));
        const QDateTime end = run.finish.isValid() ? run.finish : m_axisEnd;
        const QDateTime start = run.start.isValid() ? run.start : run.expectedStart;
        place(m_bars.value(id), {{ms(start), double(i)}, {ms(end), double(i)}},
              QPen(colourFor(run, risky), barWidth, Qt::SolidLine, Qt::FlatCap));
        if (QLineSeries *shadowBar = m_shadow.value(id)) {
            const SlaProjection::Run shadow = m_projection.shadowRuns().value(id);
            place(
                shadowBar,
                {{ms(shadow.start), i - 0.3},
                 {ms(shadow.finish.isValid() ? shadow.finish : shadow.start), i - 0.3}},
                QPen(StatePalette::fill(State::Cloud), barWidth / 2.5, Qt::DashLine, Qt::FlatCap));
        }
    }
}

// Now, while it is within the night.
void SlaTimeline::placeNow(int rowCount)
{
    const bool nowShown = m_nowTime.isValid() && m_nowTime >= m_projection.nightStart() &&
                          m_nowTime <= m_projection.nightEnd();
    if (nowShown && !m_now)
        m_now = addLine({}, m_nowPen);
    else if (!nowShown && m_now) {
        chart()->removeSeries(m_now);
        delete m_now;
        m_now = nullptr;
    }
    if (m_now)
        place(m_now, {{ms(m_nowTime), -1}, {ms(m_nowTime), double(rowCount)}}, m_nowPen);
}

QLineSeries *SlaTimeline::addLine(const QList<QPointF> &points, const QPen &pen)
{
    auto *s = new QLineSeries;
    s->append(points);
    s->setPen(pen);
    chart()->addSeries(s);
    s->attachAxis(m_x);
    s->attachAxis(m_y);
    return s;
}

void SlaTimeline::buildFrame(const Frame &frame)
{
    QChart *c = chart();
    c->removeAllSeries();
    for (QAbstractAxis *axis : c->axes())
        c->removeAxis(axis);
    m_bars.clear();
    m_planned.clear();
    m_shadow.clear();
    m_now = nullptr;
    m_frame = frame;

    m_x = new QDateTimeAxis;
    m_x->setFormat(QStringLiteral("HH:mm"));
    // A tick on every whole hour of the wall clock, however far the axis reaches (08:00, or
    // later when a run runs later; a night that changes the clock has 11 or 13 hours).
    const qint64 wallHours = qint64(std::llround((ms(frame.end) - ms(frame.start)) / 3600000.0));
    m_x->setTickCount(int(std::clamp<qint64>(wallHours + 1, 2, 49)));
    m_x->setRange(QDateTime::fromMSecsSinceEpoch(qint64(ms(frame.start))),
                  QDateTime::fromMSecsSinceEpoch(qint64(ms(frame.end))));
    m_y = new QCategoryAxis;
    m_y->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    m_y->setRange(-1, std::max<qsizetype>(frame.rows.size(), 1));
    m_y->setReverse(true);
    m_y->setTruncateLabels(false);
    QFont small = m_y->labelsFont();
    small.setPointSizeF(8.5); // rows get the height they need (readableHeight), not a tiny font
    m_y->setLabelsFont(small);
    QFont xFont = m_x->labelsFont();
    xFont.setPointSizeF(9);
    m_x->setLabelsFont(xFont);
    c->addAxis(m_x, Qt::AlignTop); // at the top: in view while the rows scroll
    c->addAxis(m_y, Qt::AlignLeft);
    for (int i = 0; i < frame.rows.size(); ++i) {
        const QString &id = frame.rows.at(i);
        m_y->append(frame.labels.at(i), i);
        m_planned.insert(id, addLine({}, QPen()));
        m_bars.insert(id, addLine({}, QPen()));
        if (frame.shadowed.contains(id))
            m_shadow.insert(id, addLine({}, QPen()));
    }
    // Deadlines (06:00 and any other).
    for (qint64 d : frame.deadlines)
        addLine({{double(d), -1}, {double(d), double(frame.rows.size())}},
                QPen(QColor(0xc0, 0x1c, 0x28), 2, Qt::DashLine));
}

QString SlaTimeline::titleText(qsizetype total) const
{
    const QTimeZone zone = m_projection.nightStart().timeZone();
    const QStringList &order = m_order;
    int atRisk = 0, breached = 0;
    for (const SlaProjection::Report &r : m_projection.reports()) {
        atRisk += r.status == SlaProjection::Status::AtRisk ? 1 : 0;
        breached += r.status == SlaProjection::Status::Breached ? 1 : 0;
    }
    if (m_projection.silent())
        return tr("Night of %1 (%2) — NO DATA: the orchestrator reported no run for this "
                  "night (the first was due at %3) · the bars are the plan, not a projection")
            .arg(dayAndDate(m_projection.businessDate()), QString::fromUtf8(zone.id()),
                 clockTime(m_projection.firstDue(), zone));
    const QString rowsNote = total > order.size()
                                 ? tr(" · first %1 of %2 rows").arg(order.size()).arg(total)
                                 : QString();
    const QString legend = tr(" · grey: plan · light blue: projected · green done · blue running · "
                              "amber at-risk path · red failed · dashed: cloud shadow");
    const QString night = dayAndDate(m_projection.businessDate());
    QDateTime lastDeadline;
    for (const SlaProjection::Report &r : m_projection.reports())
        lastDeadline = std::max(lastDeadline, r.deadline);
    if (m_nowTime.isValid() && lastDeadline.isValid() && m_nowTime > lastDeadline) {
        // The night is over: its outcome, from the runs that happened.
        QStringList missed;
        QDateTime lastFinish;
        for (const SlaProjection::Report &r : m_projection.reports()) {
            const SlaProjection::Run run = m_projection.runs().value(r.pipeline);
            if (run.succeeded && run.finish <= r.deadline)
                lastFinish = std::max(lastFinish, run.finish);
            else
                missed << (run.succeeded ? tr("%1 (%2 against %3)")
                                               .arg(r.pipeline, clockTime(run.finish, zone),
                                                    clockTime(r.deadline, zone))
                                         : tr("%1 (never finished)").arg(r.pipeline));
        }
        const int made = int(m_projection.reports().size() - missed.size());
        return (missed.isEmpty()
                    ? tr("Night of %1 (%2) — over: all %3 reports made their deadline (the last "
                         "at %4)")
                          .arg(night, QString::fromUtf8(zone.id()))
                          .arg(made)
                          .arg(clockTime(lastFinish, zone))
                    : tr("Night of %1 (%2) — over: %3 of %4 reports made their deadline; missed: "
                         "%5")
                          .arg(night, QString::fromUtf8(zone.id()))
                          .arg(made)
                          .arg(m_projection.reports().size())
                          .arg(missed.join(QStringLiteral(", ")))) +
               rowsNote + legend;
    }
    if (m_nowTime.isValid() && m_nowTime < m_projection.firstDue() &&
        !latestReported(m_projection).isValid())
        return tr("Night of %1 (%2) — coming: %3 reports, %4 at risk at p95 · nothing has "
                  "run yet, the bars are the projection%5%6")
            .arg(night, QString::fromUtf8(zone.id()))
            .arg(m_projection.reports().size())
            .arg(atRisk)
            .arg(rowsNote, legend);
    return tr("Night of %1 (%2) — %3 reports: %4 at risk, %5 breached%6%7")
        .arg(dayAndDate(m_projection.businessDate()), QString::fromUtf8(zone.id()))
        .arg(m_projection.reports().size())
        .arg(atRisk)
        .arg(breached)
        .arg(total > order.size() ? tr(" · first %1 of %2 rows").arg(order.size()).arg(total)
                                  : QString(),
             legend);
}

int SlaTimeline::readableHeight() const
{
    return int(m_order.size()) * kRowPixels + 130; // the title, the axis and the margins
}

} // namespace daybreak
