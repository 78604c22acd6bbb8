#pragma once

#include <QDate>
#include <QDateTime>
#include <QString>

namespace daybreak {

// A sensor's alert for one night: a report turned at-risk or breached; a run that should have
// started has not (late_start); a run is past its p95 (overrun); a side of the orchestrator fell
// silent while runs are due (silent, the dead-man's switch).
struct SlaAlert
{
    qint64 id = 0;
    QDate businessDate;
    QString report; // what it is about: the report, the late or overrunning run, or the side
    QString status; // at_risk, breached, late_start, overrun or silent
    QDateTime raisedAt;
    QDateTime projectedFinish;
    QString cause; // the pipeline on the critical path that causes it
    double hoursLeft = 0;
    QString message;
    QString acknowledgedBy;
    QDateTime acknowledgedAt;
    // Set when its cause cleared (the run started, the report is back on track, the side reports
    // again): the alert resolved itself, and says how.
    QDateTime resolvedAt;
    QString resolvedReason;

    bool isAcknowledged() const { return !acknowledgedBy.isEmpty(); }
    bool isResolved() const { return resolvedAt.isValid(); }
    bool isOpen() const { return !isAcknowledged() && !isResolved(); }
};

} // namespace daybreak
