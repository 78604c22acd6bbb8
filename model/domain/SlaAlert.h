#pragma once

#include <QDate>
#include <QDateTime>
#include <QString>

namespace daybreak {

// A sensor's alert: a report turned at-risk (or breached) for one night.
struct SlaAlert
{
    qint64 id = 0;
    QDate businessDate;
    QString report;
    QString status; // at_risk or breached
    QDateTime raisedAt;
    QDateTime projectedFinish;
    QString cause; // the pipeline on the critical path that causes it
    double hoursLeft = 0;
    QString message;
    QString acknowledgedBy;
    QDateTime acknowledgedAt;

    bool isAcknowledged() const { return !acknowledgedBy.isEmpty(); }
};

} // namespace daybreak
