#pragma once

#include "Inventory.h"

#include <QDateTime>
#include <QHash>

#include <functional>

// When each pipeline of one night runs and finishes, and whether each report meets its
// deadline. The night of business date D starts the evening before D: scheduled times from
// noon on belong to that evening, earlier ones to the morning of D. Times are in the
// inventory's time zone, so daylight-saving nights come out right.
class SlaProjection
{
public:
    enum class Status { OnTrack, AtRisk, Breached };

    struct Run
    {
        QString pipeline;
        Side side = Side::OnPrem;
        QDateTime start;
        QDateTime finish;    // p50
        QDateTime finishP95;
        QString drivenBy;    // the upstream whose finish set the start; empty when the schedule did
    };
    struct Report
    {
        QString pipeline;
        QDateTime deadline;
        QDateTime projectedFinish;
        QDateTime p95Finish;
        Status status = Status::OnTrack;
        QStringList criticalPath; // from the first pipeline to the report
    };

    // `sideOf` picks the side each pipeline runs on canonically that night.
    static SlaProjection project(const Inventory &inventory, const QDate &businessDate,
                                 const std::function<Side(const Pipeline &)> &sideOf, int marginMinutes = 60);

    const QHash<QString, Run> &runs() const { return m_runs; }
    const QList<Report> &reports() const { return m_reports; }
    QDate businessDate() const { return m_date; }

private:
    QHash<QString, Run> m_runs;
    QList<Report> m_reports;
    QDate m_date;
};

QString slaStatusName(SlaProjection::Status status);
