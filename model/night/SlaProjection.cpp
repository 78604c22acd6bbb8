#include "SlaProjection.h"

#include "Calendar.h"
#include "DependencyGraph.h"

#include <QTimeZone>

#include <algorithm>
#include <cmath>
#include <optional>

namespace daybreak {

namespace {
QDateTime at(const QDate &businessDate, const QTime &time, const QTimeZone &zone)
{
    const QDate day = time.hour() >= 12 ? businessDate.addDays(-1) : businessDate;
    return wallClock(day, time, zone).toUTC();
}

QDateTime later(const QDateTime &a, const QDateTime &b)
{
    if (!a.isValid())
        return b;
    if (!b.isValid())
        return a;
    return a > b ? a : b;
}

// z of the 95th percentile of a normal distribution.
constexpr double kZ95 = 1.6448536;

// A finish time as a normal distribution: mean and standard deviation, in seconds from a base.
struct Spread
{
    double mean = 0;
    double sd = 0;
};

// The later of two independent finishes (Clark, 1961): its mean and spread. Waiting for the
// last of several upstreams starts later on average than the latest of their medians, the
// more so the more they spread; with no spread it is the plain maximum.
Spread latest(const Spread &a, const Spread &b)
{
    const double theta = std::sqrt(a.sd * a.sd + b.sd * b.sd);
    if (theta < 1.0)
        return a.mean >= b.mean ? a : b;
    const double alpha = (a.mean - b.mean) / theta;
    const double cdf = 0.5 * std::erfc(-alpha / std::sqrt(2.0));
    const double pdf = std::exp(-0.5 * alpha * alpha) / std::sqrt(2.0 * M_PI);
    const double mean = a.mean * cdf + b.mean * (1 - cdf) + theta * pdf;
    const double second = (a.mean * a.mean + a.sd * a.sd) * cdf +
                          (b.mean * b.mean + b.sd * b.sd) * (1 - cdf) +
                          (a.mean + b.mean) * theta * pdf;
    return {mean, std::sqrt(std::max(0.0, second - mean * mean))};
}

struct SideEvents
{
    QDateTime startedAt;
    QDateTime succeededAt;
    QDateTime failedAt;
    bool failed = false;
};

// One more event of a run, in time order.
void fold(SideEvents &s, const RunEvent &e)
{
    {
        switch (e.kind) {
        case RunEvent::Kind::Started:
        case RunEvent::Kind::Retrying:
            s.startedAt = e.at.toUTC();
            s.failed = false;
            s.succeededAt = {};
            break;
        case RunEvent::Kind::Succeeded:
            s.succeededAt = e.at.toUTC();
            s.failed = false;
            break;
        case RunEvent::Kind::Failed:
            s.failed = true;
            s.failedAt = e.at.toUTC();
            break;
        case RunEvent::Kind::Scheduled:
            break;
        }
    }
}
// How one run of the night goes, from its schedule, its upstreams' runs and its own events: the
// projection's core. Reads the runs projected so far (upstreams come first in the order).
class RunProjector
{
public:
    using Run = SlaProjection::Run;
    using Inputs = SlaProjection::Inputs;

    RunProjector(const QDate &businessDate, const QTimeZone &tz, const QDateTime &nightStartUtc,
                 const Inputs &in, const QHash<QString, Run> &runs)
        : m_date(businessDate), m_tz(tz), m_base(nightStartUtc),
          m_now(in.now.isValid() ? in.now.toUTC() : QDateTime()), m_in(in), m_runs(runs)
    {
        for (const RunEvent &e : in.events) // folded as they come: no copies
            fold(m_bySide[{e.pipeline, int(e.side)}], e);
    }

    Run project(const Pipeline &p, Side side) const
    {
        Run run;
        run.pipeline = p.id;
        run.side = side;
        const QDateTime scheduled = p.schedule ? at(m_date, *p.schedule, m_tz) : QDateTime();
        Start s{scheduled, scheduled, scheduled, {}};
        if (scheduled.isValid())
            s.ready = spreadOf(scheduled, scheduled);
        waitForUpstreams(p, run, s);
        if (!s.expected.isValid())
            s.expected = at(m_date, QTime(0, 0), m_tz);
        if (!s.start.isValid())
            s.start = s.startP95 = s.expected;
        const Minutes m{p.minutesOn(side),
                        (side == Side::OnPrem ? p.onpremP95Minutes : p.cloudP95Minutes)
                            .value_or(p.minutesOn(side))};
        run.expectedStart = s.expected;
        run.expectedFinish = s.expected.addSecs(qint64(m.p50) * 60);
        run.due = s.start;
        run.p95Minutes = m.p95;
        const SideEvents ev = m_bySide.value({p.id, int(side)});
        if (ev.succeededAt.isValid())
            succeeded(ev, m, run);
        else if (ev.failed)
            failed(p, side, ev, m, run);
        else if (ev.startedAt.isValid())
            running(ev, m, run);
        else if (!run.blocked)
            notStarted(p, side, s, m, run);
        else
            run.start = s.start;
        return run;
    }

private:
    struct Start
    {
        QDateTime expected, start, startP95;
        std::optional<Spread> ready; // when its inputs are there: schedule and upstreams
    };
    struct Minutes
    {
        int p50 = 0, p95 = 0;
    };

    const QDate m_date;
    const QTimeZone m_tz;
    const QDateTime m_base;
    const QDateTime m_now;
    const Inputs &m_in;
    const QHash<QString, Run> &m_runs;
    QHash<QPair<QString, int>, SideEvents> m_bySide;

    Spread spreadOf(const QDateTime &finish, const QDateTime &finishP95) const
    {
        return Spread{double(m_base.secsTo(finish)), double(finish.secsTo(finishP95)) / kZ95};
    }

    void waitForUpstreams(const Pipeline &p, Run &run, Start &s) const
    {
        for (const QString &up : p.upstreams) {
            const auto it = m_runs.constFind(up);
            if (it == m_runs.constEnd())
                continue;
            s.expected = later(s.expected, it->expectedFinish);
            if ((it->failed && !it->retryExpected) || it->blocked) {
                run.blocked = true;
                run.drivenBy = up;
                continue;
            }
            if (!s.start.isValid() || it->finish > s.start) {
                s.start = it->finish;
                if (!run.blocked)
                    run.drivenBy = up;
            }
            s.startP95 = later(s.startP95, it->finishP95);
            const Spread spread = spreadOf(it->finish, it->finishP95);
            s.ready = s.ready ? latest(*s.ready, spread) : spread;
        }
    }

    static void succeeded(const SideEvents &ev, const Minutes &m, Run &run)
    {
        run.started = run.succeeded = true;
        run.blocked = false;
        run.start =
            ev.startedAt.isValid() ? ev.startedAt : ev.succeededAt.addSecs(-qint64(m.p50) * 60);
        run.finish = run.finishP95 = ev.succeededAt;
    }

    void failed(const Pipeline &p, Side side, const SideEvents &ev, const Minutes &m,
                Run &run) const
    {
        run.started = run.failed = true;
        run.blocked = false;
        run.start = ev.startedAt;
        const std::optional<Inputs::RetryHabit> habit =
            m_in.retry ? m_in.retry(p, side) : std::nullopt;
        if (!habit || !ev.failedAt.isValid() ||
            (m_now.isValid() &&
             m_now > ev.failedAt.addSecs(qint64(std::llround(habit->delayP95Minutes * 60)))))
            return;
        // The orchestrator usually retries it: project the rerun, its wait's spread and its own.
        run.retryExpected = true;
        const QDateTime rerun =
            later(ev.failedAt.addSecs(qint64(std::llround(habit->delayP50Minutes * 60))), m_now);
        run.finish = rerun.addSecs(qint64(m.p50) * 60);
        const double wait =
            std::max(0.0, habit->delayP95Minutes - habit->delayP50Minutes) * 60.0 / kZ95;
        const double own = double(m.p95 - m.p50) * 60.0 / kZ95;
        run.finishP95 =
            run.finish.addSecs(qint64(std::llround(kZ95 * std::sqrt(wait * wait + own * own))));
    }

    void running(const SideEvents &ev, const Minutes &m, Run &run) const
    {
        run.started = true;
        run.blocked = false;
        run.start = ev.startedAt;
        run.finish = later(ev.startedAt.addSecs(qint64(m.p50) * 60), m_now);
        run.finishP95 = later(ev.startedAt.addSecs(qint64(m.p95) * 60), m_now);
    }

    void notStarted(const Pipeline &p, Side side, const Start &s, const Minutes &m, Run &run) const
    {
        Spread begin = s.ready.value_or(spreadOf(s.start, s.start));
        if (m_in.startDelay) {
            const Inputs::StartDelay d = m_in.startDelay(p, side);
            const double spread = std::max(0.0, d.p95Minutes - d.p50Minutes) * 60.0 / kZ95;
            begin.mean += d.p50Minutes * 60.0;
            begin.sd = std::sqrt(begin.sd * begin.sd + spread * spread);
        }
        if (m_now.isValid()) // it cannot start before now
            begin = latest(begin, spreadOf(m_now, m_now));
        run.start = m_base.addSecs(qint64(std::llround(begin.mean)));
        run.finish = run.start.addSecs(qint64(m.p50) * 60);
        // Spreads of independent steps add in quadrature, not in minutes: summing the p95s of a
        // chain would forecast a night slower than any on record.
        const double own = double(m.p95 - m.p50) * 60.0 / kZ95;
        run.finishP95 = run.finish.addSecs(
            qint64(std::llround(kZ95 * std::sqrt(begin.sd * begin.sd + own * own))));
    }
};
} // namespace

SlaProjection SlaProjection::project(const Inventory &inventory, const QDate &businessDate,
                                     const std::function<Side(const Pipeline &)> &sideOf,
                                     int marginMinutes)
{
    Inputs inputs;
    inputs.marginMinutes = marginMinutes;
    return project(inventory, businessDate, sideOf, inputs);
}

SlaProjection SlaProjection::project(const Inventory &inventory, const QDate &businessDate,
                                     const std::function<Side(const Pipeline &)> &sideOf,
                                     const Inputs &in)
{
    return compute(inventory, businessDate, sideOf, in, nullptr, {});
}

SlaProjection SlaProjection::reproject(const SlaProjection &previous, const Inventory &inventory,
                                       const QDate &businessDate,
                                       const std::function<Side(const Pipeline &)> &sideOf,
                                       const Inputs &in, const QSet<QString> &changed)
{
    // Only the same night at the same moment can be carried over: a run not started yet starts
    // no earlier than now, so a new now moves all of them. A silent night is all plan.
    if (previous.m_date != businessDate || previous.m_now != in.now || !in.now.isValid() ||
        previous.m_silent || in.events.isEmpty() || previous.m_marginMinutes != in.marginMinutes ||
        previous.m_runs.isEmpty())
        return project(inventory, businessDate, sideOf, in);
    return compute(inventory, businessDate, sideOf, in, &previous, changed);
}

SlaProjection SlaProjection::compute(const Inventory &inventory, const QDate &businessDate,
                                     const std::function<Side(const Pipeline &)> &sideOf,
                                     const Inputs &in, const SlaProjection *previous,
                                     const QSet<QString> &changed)
{
    if (in.now.isValid() && in.events.isEmpty())
        if (std::optional<SlaProjection> silent = silentNight(inventory, businessDate, sideOf, in))
            return *silent;
    SlaProjection result;
    result.m_date = businessDate;
    result.m_now = in.now;
    result.m_marginMinutes = in.marginMinutes;
    const QTimeZone tz = Calendar(inventory).zone();
    result.m_nightStart = wallClock(businessDate.addDays(-1), QTime(20, 0), tz);
    result.m_nightEnd = wallClock(businessDate, QTime(8, 0), tz);
    // Arithmetic on times of a named zone allocates and looks up its rules at every step: the
    // runs are worked out in UTC, the reports handed back in the inventory's zone.
    const RunProjector runs(businessDate, tz, result.m_nightStart.toUTC(), in, result.m_runs);
    const QStringList order =
        in.order.isEmpty() ? DependencyGraph(inventory).topologicalOrder() : in.order;
    const QSet<QString> moved = result.projectRuns(
        inventory, order, sideOf, in,
        [&runs](const Pipeline &p, Side side) { return runs.project(p, side); }, previous, changed);
    result.judgeReports(inventory, in, previous, moved);
    return result;
}

// Nothing reported: if runs were due, say so instead of projecting every run from now.
std::optional<SlaProjection>
SlaProjection::silentNight(const Inventory &inventory, const QDate &businessDate,
                           const std::function<Side(const Pipeline &)> &sideOf, const Inputs &in)
{
    Inputs plan = in;
    plan.now = QDateTime();
    SlaProjection result = project(inventory, businessDate, sideOf, plan);
    if (!result.m_firstDue.isValid() ||
        in.now <= result.m_firstDue.addSecs(qint64(kSilenceGraceMinutes) * 60))
        return std::nullopt;
    result.m_silent = true;
    for (Report &r : result.m_reports)
        r.status = Status::NoData;
    return result;
}

// Carried over: a run is projected again only when its pipeline changed or an upstream's run
// came out different, so a change ripples as far as it moves anything and no further.
QSet<QString> SlaProjection::projectRuns(const Inventory &inventory, const QStringList &order,
                                         const std::function<Side(const Pipeline &)> &sideOf,
                                         const Inputs &in,
                                         const std::function<Run(const Pipeline &, Side)> &project,
                                         const SlaProjection *previous,
                                         const QSet<QString> &changed)
{
    if (previous) {
        m_runs = previous->m_runs;
        m_shadows = previous->m_shadows;
    }
    QSet<QString> moved;
    for (const QString &id : order) {
        const Pipeline *p = inventory.find(id);
        if (previous && !changed.contains(id) &&
            std::none_of(p->upstreams.begin(), p->upstreams.end(),
                         [&moved](const QString &up) { return moved.contains(up); }))
            continue; // as before, and already in m_runs
        const Side side = sideOf(*p);
        const Run run = project(*p, side);
        if (!m_firstDue.isValid() || run.expectedStart < m_firstDue)
            m_firstDue = run.expectedStart;
        if (previous && run != previous->m_runs.value(id))
            moved.insert(id);
        m_runs.insert(id, run);
        if (in.shadowed && in.shadowed(*p))
            m_shadows.insert(id, project(*p, side == Side::OnPrem ? Side::Cloud : Side::OnPrem));
        else
            m_shadows.remove(id);
    }
    if (previous)
        m_firstDue = previous->m_firstDue; // the plan's: no event moves it
    return moved;
}

// A report whose run and critical path no run moved on is as it was: its path is the chain of
// drivenBy, and a run's drivenBy changes only when the run comes out different.
void SlaProjection::judgeReports(const Inventory &inventory, const Inputs &in,
                                 const SlaProjection *previous, const QSet<QString> &moved)
{
    const QTimeZone tz = Calendar(inventory).zone();
    QHash<QString, const Report *> before;
    if (previous)
        for (const Report &r : previous->m_reports)
            before.insert(r.pipeline, &r);
    for (const Pipeline &p : inventory.pipelines()) {
        if (!p.sla || !m_runs.contains(p.id))
            continue;
        if (const Report *was = before.value(p.id);
            was && std::none_of(was->criticalPath.begin(), was->criticalPath.end(),
                                [&moved](const QString &id) { return moved.contains(id); }))
            m_reports.append(*was);
        else
            m_reports.append(judge(p, in, tz));
    }
}

SlaProjection::Report SlaProjection::judge(const Pipeline &p, const Inputs &in,
                                           const QTimeZone &tz) const
{
    const Run &run = m_runs[p.id];
    Report report;
    report.pipeline = p.id;
    report.deadline = wallClock(m_date, *p.sla, tz);
    const QDateTime deadlineUtc = report.deadline.toUTC();
    report.projectedFinish = run.finish.isValid() ? run.finish.toTimeZone(tz) : QDateTime();
    report.p95Finish = run.finishP95.isValid() ? run.finishP95.toTimeZone(tz) : QDateTime();
    if ((run.failed && !run.retryExpected) || run.blocked || run.finish > deadlineUtc)
        report.status = Status::Breached;
    else if (!run.succeeded && run.finishP95 > deadlineUtc.addSecs(-qint64(in.marginMinutes) * 60))
        report.status = Status::AtRisk;
    for (QString at = p.id; !at.isEmpty() && !report.criticalPath.contains(at);) {
        report.criticalPath.prepend(at);
        const auto it = m_runs.constFind(at);
        at = it == m_runs.constEnd() ? QString() : it->drivenBy;
    }
    return report;
}

QString slaStatusName(SlaProjection::Status status)
{
    switch (status) {
    case SlaProjection::Status::OnTrack:
        return QStringLiteral("on_track");
    case SlaProjection::Status::AtRisk:
        return QStringLiteral("at_risk");
    case SlaProjection::Status::NoData:
        return QStringLiteral("no_data");
    case SlaProjection::Status::Breached:
        return QStringLiteral("breached");
    }
    return {};
}

} // namespace daybreak
