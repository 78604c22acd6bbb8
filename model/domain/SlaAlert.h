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

// One watch's heartbeat: who runs it, since when, and when it last projected the night.
struct WatchBeat
{
    QString id; // host:pid
    QString host;
    qint64 pid = 0;
    QDateTime startedAt;
    QDateTime lastRan;
    int intervalSeconds = 60;
    QString note; // what the last run found ("2 open alerts"), or why it failed

    // Stale when two intervals and half a minute passed without a run: the watch is dead or
    // stuck, and nobody may take the quiet for a quiet night.
    bool isStaleAt(const QDateTime &now) const
    {
        return lastRan.secsTo(now) > 2 * qint64(intervalSeconds) + 30;
    }
};

} // namespace daybreak
