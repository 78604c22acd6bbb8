#pragma once

#include <QDate>
#include <QDateTime>
#include <QString>

// One dual-run comparison of a pipeline's two outputs for one business date.
struct ParityResult
{
    QString pipeline;
    QDate businessDate;
    qint64 onpremRows = 0;
    qint64 cloudRows = 0;
    qint64 mismatchedRows = 0;
    double maxRelativeDiff = 0.0;
    QDateTime recordedAt;
    QString recordedBy;
    // An accepted breach no longer holds the gate; who and why stay on record.
    QString acceptedBy;
    QString acceptedReason;

    // The largest of: row-count difference, mismatched share and value diff, all relative.
    double worstRelativeDiff() const;
    bool isWithin(double tolerance) const { return worstRelativeDiff() <= tolerance; }
    bool isAccepted() const { return !acceptedBy.isEmpty(); }
};
