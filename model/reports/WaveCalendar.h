#pragma once

#include <QDate>
#include <QDateTime>
#include <QImage>
#include <QList>
#include <QString>
#include <QTimeZone>

namespace daybreak {

// The waves over the coming weekends as a Gantt chart for the plan report: one row per wave, one
// column per day (weekends shaded, blackout days hatched), each wave's change window a bar
// coloured by where it stands, and a line for today. Beside each row: its size and how many
// pipelines are in the cloud once it is done.
namespace WaveCalendar {

struct Row
{
    QString name;
    QDateTime windowStart;
    QDateTime windowEnd;
    int members = 0;
    int highRisk = 0;
    int cloudAfter = 0;    // in the cloud once the wave is done
    bool done = false;     // every member cut over
    bool errors = false;   // the plan validation refuses something in it
    int reportsAtRisk = 0; // the 6am after it
};

enum class Standing
{
    Done,
    Refused,
    ReportsAtRisk,
    Planned
};
Standing standing(const Row &row);
QString standingName(Standing standing); // "done", "plan refused", "6am at risk", "planned"

// `total`: the platform's pipelines. Rows in date order; 16 fit a landscape page.
QImage render(const QList<Row> &rows, const QDate &today, const QList<QDate> &blackouts,
              const QTimeZone &zone, int total);

} // namespace WaveCalendar

} // namespace daybreak
