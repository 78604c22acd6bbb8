#pragma once

#include "SlaProjection.h"

#include <QChartView>
#include <QHash>
#include <QPen>
#include <QSet>

class QCategoryAxis;
class QDateTimeAxis;
class QLineSeries;

namespace daybreak {

// The night on a time axis: one row per pipeline, the planned bar thin and grey, the projected
// or actual bar thick and coloured by how it is going, the shadow run of dual-running pipelines
// dashed under it, the deadline and the current time as vertical lines.
class SlaTimeline : public QChartView
{
    Q_OBJECT

public:
    enum class Rows
    {
        CriticalPaths,
        All
    };

    explicit SlaTimeline(QWidget *parent = nullptr);

    void setRows(Rows rows);
    Rows rows() const { return m_rows; }
    void setProjection(const SlaProjection &projection, const QDateTime &now);
    // A played night (simulate-night): the runs report times ahead of this clock, more than
    // kAheadMinutes. The timeline then says SIMULATION, and its now is the latest time the runs
    // report, so the caption, the now line and the bars agree.
    bool simulated() const { return m_simulated; }
    static constexpr int kAheadMinutes = 5;
    // The latest time a run of the night reported (a start or a finish); invalid: none ran.
    static QDateTime latestReported(const SlaProjection &projection);

    QStringList rowPipelines() const { return m_order; }
    // The height at which every row label reads on its own (kRowPixels a row): a panel that
    // can scroll gives it that much.
    int readableHeight() const;
    static constexpr int kRowPixels = 18;
    QLineSeries *barFor(const QString &pipeline) const { return m_bars.value(pipeline); }
    QLineSeries *plannedBarFor(const QString &pipeline) const { return m_planned.value(pipeline); }
    QLineSeries *shadowBarFor(const QString &pipeline) const { return m_shadow.value(pipeline); }
    QLineSeries *nowLine() const { return m_now; }
    // The now line's pen: dark on the console's light chart; the war room's dark wall sets a
    // light one.
    void setNowPen(const QPen &pen);
    // Colour of a run's bar, by how it is going.
    static QColor colourFor(const SlaProjection::Run &run, bool onAtRiskPath);

private:
    // What the chart's axes and series stand for: while it stays, the bars move in place.
    struct Frame
    {
        QStringList rows, labels, shadowed;
        QDateTime start, end;
        QSet<qint64> deadlines;
        bool operator==(const Frame &) const = default;
    };
    // The rows shown, those on an at-risk report's critical path, and how many there were.
    struct RowChoice
    {
        QStringList order;
        QSet<QString> atRiskPath;
        qsizetype total = 0;
    };
    void rebuild();
    RowChoice chooseRows() const;
    QDateTime axisEndFor(const QStringList &order, const QTimeZone &zone) const;
    Frame frameFor(const RowChoice &rows, const QDateTime &axisEnd) const;
    void placeBars(const RowChoice &rows);
    void placeNow(int rowCount);
    void buildFrame(const Frame &frame);
    QLineSeries *addLine(const QList<QPointF> &points, const QPen &pen);
    QString titleText(qsizetype totalRows) const;

    SlaProjection m_projection;
    QDateTime m_nowTime;
    bool m_simulated = false;
    QPen m_nowPen{QColor(0x10, 0x10, 0x10), 2};
    Rows m_rows = Rows::CriticalPaths;
    QStringList m_order;
    QDateTime m_axisEnd; // the chart's right edge: 08:00, or later when a run runs later
    QHash<QString, QLineSeries *> m_bars;
    QHash<QString, QLineSeries *> m_planned;
    QHash<QString, QLineSeries *> m_shadow;
    QLineSeries *m_now = nullptr;
    Frame m_frame;
    QDateTimeAxis *m_x = nullptr;
    QCategoryAxis *m_y = nullptr;
};

} // namespace daybreak
