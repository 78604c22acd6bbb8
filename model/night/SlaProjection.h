#pragma once

#include "Inventory.h"
#include "RunEvent.h"

#include <QDateTime>
#include <QHash>
#include <QSet>
#include <QTimeZone>

#include <functional>
#include <optional>

namespace daybreak {

// When each pipeline of one night runs and finishes, and whether each report meets its
// deadline. The night of business date D starts the evening before D: scheduled times from
// noon on belong to that evening, earlier ones to the morning of D. Times are in the
// inventory's time zone, so daylight-saving nights come out right.
//
// With live events: a run not started yet starts no earlier than now, a started run finishes
// no earlier than now, and a failed run without a retry blocks everything that reads it.
class SlaProjection
{
public:
    enum class Status
    {
        OnTrack,
        AtRisk,
        Breached,
        NoData // the orchestrator reported nothing for the night although runs were due
    };

    struct Run
    {
        QString pipeline;
        Side side = Side::OnPrem;
        QDateTime expectedStart; // the plan, without events
        QDateTime expectedFinish;
        QDateTime start;  // actual when started, else projected
        QDateTime finish; // p50; invalid when failed or blocked
        QDateTime finishP95;
        bool started = false;
        bool succeeded = false;
        bool failed = false;
        bool blocked = false;       // an upstream failed
        bool retryExpected = false; // failed, and projected with the rerun its habit promises
        QString drivenBy; // the upstream whose finish set the start; empty when the schedule did
        // When it could have started: its schedule or its upstreams' finishes, before "not
        // earlier than now" (the late-start sensor compares it with now).
        QDateTime due;
        int p95Minutes = 0; // on its side: the overrun sensor's limit
        bool operator==(const Run &) const = default;
    };
    struct Report
    {
        QString pipeline;
        QDateTime deadline;
        QDateTime projectedFinish; // invalid when blocked
        QDateTime p95Finish;
        Status status = Status::OnTrack;
        QStringList criticalPath; // from the first pipeline to the report
        bool operator==(const Report &) const = default;
    };
    struct Inputs
    {
        QList<RunEvent> events;
        QDateTime now;                                  // invalid: plan only
        std::function<bool(const Pipeline &)> shadowed; // also project the other side (dual run)
        // At risk: the p95 finish later than the deadline minus this margin. The p95s learned
        // from history are calibrated (the backtest measures it), so by default a report is at
        // risk when its p95 finish is past the deadline: a 5 % chance or more of missing it.
        int marginMinutes = 0;
        // The inventory's topological order when the caller has it (a replay projects one
        // inventory many times); empty: computed.
        QStringList order;
        // How long after its inputs are ready a run starts (the scheduler's pick-up), learned
        // from history; none: at once.
        struct StartDelay
        {
            double p50Minutes = 0;
            double p95Minutes = 0;
        };
        std::function<StartDelay(const Pipeline &, Side)> startDelay;
        // How the orchestrator retries a failed run (learned from history): after how long the
        // rerun starts. A failed run it usually retries is projected with its rerun until the
        // usual wait (p95) is over; without a habit, or after it, the failure blocks.
        struct RetryHabit
        {
            double delayP50Minutes = 0;
            double delayP95Minutes = 0;
        };
        std::function<std::optional<RetryHabit>(const Pipeline &, Side)> retry;
    };

    // `sideOf` picks the side each pipeline runs on canonically that night.
    static SlaProjection project(const Inventory &inventory, const QDate &businessDate,
                                 const std::function<Side(const Pipeline &)> &sideOf,
                                 const Inputs &inputs);
    static SlaProjection project(const Inventory &inventory, const QDate &businessDate,
                                 const std::function<Side(const Pipeline &)> &sideOf,
                                 int marginMinutes = 0);
    // `previous` brought up to date: only the runs of `changed` (pipelines with new events or
    // another side), and of pipelines whose upstream's run came out different, are projected
    // again; the rest are carried over. Equal to project() with the same arguments; it falls back
    // to project() unless `previous` is the same night projected at the same `inputs.now` and
    // margin (a new now moves every run not started yet). The inventory, the durations and the
    // shadowing of unchanged pipelines must be those `previous` was projected with.
    static SlaProjection reproject(const SlaProjection &previous, const Inventory &inventory,
                                   const QDate &businessDate,
                                   const std::function<Side(const Pipeline &)> &sideOf,
                                   const Inputs &inputs, const QSet<QString> &changed);

    const QHash<QString, Run> &runs() const { return m_runs; }
    const QHash<QString, Run> &shadowRuns() const { return m_shadows; }
    const QList<Report> &reports() const { return m_reports; }
    QDate businessDate() const { return m_date; }
    // No run event at all for the night although its first run was due more than
    // kSilenceGraceMinutes ago: the projection is the plan, and every report says NoData, not
    // a breach nobody saw (a silent orchestrator is its own kind of trouble).
    bool silent() const { return m_silent; }
    QDateTime firstDue() const { return m_firstDue; } // the plan's earliest start
    static constexpr int kSilenceGraceMinutes = 15;
    // The night's span, evening to morning, for a time axis.
    QDateTime nightStart() const { return m_nightStart; }
    QDateTime nightEnd() const { return m_nightEnd; }

private:
    static SlaProjection compute(const Inventory &inventory, const QDate &businessDate,
                                 const std::function<Side(const Pipeline &)> &sideOf,
                                 const Inputs &inputs, const SlaProjection *previous,
                                 const QSet<QString> &dirty);
    // The steps of compute(): a night nobody reported on, every run in dependency order (the
    // ones it re-projects: a run moved), and each report's verdict from its run.
    static std::optional<SlaProjection>
    silentNight(const Inventory &inventory, const QDate &businessDate,
                const std::function<Side(const Pipeline &)> &sideOf, const Inputs &in);
    QSet<QString> projectRuns(const Inventory &inventory, const QStringList &order,
                              const std::function<Side(const Pipeline &)> &sideOf, const Inputs &in,
                              const std::function<Run(const Pipeline &, Side)> &project,
                              const SlaProjection *previous, const QSet<QString> &changed);
    void judgeReports(const Inventory &inventory, const Inputs &in, const SlaProjection *previous,
                      const QSet<QString> &moved);
    Report judge(const Pipeline &p, const Inputs &in, const QTimeZone &tz) const;

    QHash<QString, Run> m_runs;
    QHash<QString, Run> m_shadows;
    QList<Report> m_reports;
    QDate m_date;
    QDateTime m_nightStart;
    QDateTime m_nightEnd;
    QDateTime m_firstDue;
    bool m_silent = false;
    QDateTime m_now; // what it was projected at (invalid: the plan)
    int m_marginMinutes = 0;
};

QString slaStatusName(SlaProjection::Status status);

} // namespace daybreak
