#pragma once

#include "Inventory.h"
#include "Pipeline.h"
#include "RunEvent.h"

#include <QDateTime>

#include <functional>

namespace daybreak {

// The forecast held to account: recorded nights replayed as if live. For each night the
// durations are learned from the nights before it only, the routing is what it was that night,
// and every kStep minutes from the night's first due run to its last deadline the projection sees
// only the run events known by then and the report sensor says what the watch would have
// raised. Each report and night is then judged against what really happened.
class Backtest
{
public:
    struct Settings
    {
        int stepMinutes = 15;
        int marginMinutes = 0; // the at-risk margin, as the live view has it
    };
    struct ReportNight
    {
        QString report;
        QDate night;
        QDateTime deadline;
        QDateTime firstFlagged; // the first check that raised it before the deadline; or invalid
        QString flaggedAs;      // "at_risk" or "breached"
        QString cause;          // the alert's cause then
        QDateTime finished;     // its run's success that night; invalid: it never finished
        QDateTime plannedP95;   // its p95 finish as projected before the night began
        bool late = false;      // finished after the deadline, or not at all
        bool flagged() const { return firstFlagged.isValid(); }
        bool miss() const { return late && !flagged(); }
        bool falseAlarm() const { return !late && flagged(); }
        int leadMinutes() const; // deadline minus first flag; 0 when never flagged
    };
    struct ReportFigures
    {
        QString report;
        int nights = 0, late = 0, flagged = 0, misses = 0, falseAlarms = 0;
        double medianLeadMinutes = 0;    // over its late nights flagged in time
        int runs = 0, runsWithinP95 = 0; // its own runs
        double p95Coverage() const { return runs ? double(runsWithinP95) / runs : 0; }
    };
    struct Result
    {
        QList<QDate> nights; // replayed: nights in the range with recorded runs
        QList<ReportNight> rows;
        QList<ReportFigures> reports;
        int runs = 0;          // finished canonical runs judged
        int runsWithinP95 = 0; // of them, as long as the p95 they were projected with or less
        int nightsHeld = 0;    // nights on which every report finished by its planned p95
        int rowsHeld = 0;      // report-nights finished by their planned p95
        int late = 0, misses = 0, falseAlarms = 0;
        int nightsWithFalseAlarm = 0; // nights on which at least one report was a false alarm
        int flaggedTwoHoursAhead = 0; // late reports flagged at least 120 min before
        double medianLeadMinutes = 0; // over late reports flagged in time
        double p95Coverage() const { return runs ? double(runsWithinP95) / runs : 0; }
        // "p95 held on 57 of the last 60 nights; alerts came 2 h 40 min ahead on median"
        QString calibration() const;
    };
    using StateAt = std::function<State(const QString &pipeline, const QDateTime &at)>;

    // `events`: the run events of the nights from LearnedDurations::historyFrom(from) to `to`
    // (fewer is fine: less to learn from).
    static Result run(const Inventory &inventory, const QList<RunEvent> &events, const QDate &from,
                      const QDate &to, const StateAt &stateAt, const Settings &settings);
    static Result run(const Inventory &inventory, const QList<RunEvent> &events, const QDate &from,
                      const QDate &to, const StateAt &stateAt)
    {
        return run(inventory, events, from, to, stateAt, Settings{});
    }
};

// "2 h 40 min", "35 min"
QString minutesText(double minutes);

} // namespace daybreak
