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
    if (in.now.isValid() && in.events.isEmpty()) {
        // Nothing reported: if runs were due, say so instead of projecting every run from now.
        Inputs plan = in;
        plan.now = QDateTime();
        SlaProjection result = project(inventory, businessDate, sideOf, plan);
        if (result.m_firstDue.isValid() &&
            in.now > result.m_firstDue.addSecs(qint64(kSilenceGraceMinutes) * 60)) {
            result.m_silent = true;
            for (Report &r : result.m_reports)
                r.status = Status::NoData;
            return result;
        }
    }
    SlaProjection result;
    result.m_date = businessDate;
    result.m_now = in.now;
    result.m_marginMinutes = in.marginMinutes;
    const QTimeZone tz = Calendar(inventory).zone();
    result.m_nightStart = wallClock(businessDate.addDays(-1), QTime(20, 0), tz);
    result.m_nightEnd = wallClock(businessDate, QTime(8, 0), tz);
    // Arithmetic on times of a named zone allocates and looks up its rules at every step: the
    // runs are worked out in UTC, the reports handed back in the inventory's zone.
    const QDateTime nightStartUtc = result.m_nightStart.toUTC();
    const QDateTime nowUtc = in.now.isValid() ? in.now.toUTC() : QDateTime();

    QHash<QPair<QString, int>, SideEvents> bySide; // folded as they come: no copies
    for (const RunEvent &e : in.events)
        fold(bySide[{e.pipeline, int(e.side)}], e);

    const QStringList order =
        in.order.isEmpty() ? DependencyGraph(inventory).topologicalOrder() : in.order;
    auto projectRun = [&](const Pipeline &p, Side side) {
        Run run;
        run.pipeline = p.id;
        run.side = side;
        const QDateTime scheduled = p.schedule ? at(businessDate, *p.schedule, tz) : QDateTime();
        QDateTime expectedStart = scheduled, start = scheduled, startP95 = scheduled;
        const QDateTime &base = nightStartUtc;
        auto spreadOf = [&base](const QDateTime &finish, const QDateTime &finishP95) {
            return Spread{double(base.secsTo(finish)), double(finish.secsTo(finishP95)) / kZ95};
        };
        std::optional<Spread> ready; // when its inputs are there: schedule and upstreams
        if (scheduled.isValid())
            ready = spreadOf(scheduled, scheduled);
        for (const QString &up : p.upstreams) {
            const auto it = result.m_runs.constFind(up);
            if (it == result.m_runs.constEnd())
                continue;
            expectedStart = later(expectedStart, it->expectedFinish);
            if ((it->failed && !it->retryExpected) || it->blocked) {
                run.blocked = true;
                run.drivenBy = up;
                continue;
            }
            if (!start.isValid() || it->finish > start) {
                start = it->finish;
                if (!run.blocked)
                    run.drivenBy = up;
            }
            startP95 = later(startP95, it->finishP95);
            const Spread s = spreadOf(it->finish, it->finishP95);
            ready = ready ? latest(*ready, s) : s;
        }
        if (!expectedStart.isValid())
            expectedStart = at(businessDate, QTime(0, 0), tz);
        if (!start.isValid())
            start = startP95 = expectedStart;
        const int p50 = p.minutesOn(side);
        const int p95 =
            (side == Side::OnPrem ? p.onpremP95Minutes : p.cloudP95Minutes).value_or(p50);
        run.expectedStart = expectedStart;
        run.expectedFinish = expectedStart.addSecs(qint64(p50) * 60);
        run.due = start;
        run.p95Minutes = p95;

        const SideEvents ev = bySide.value({p.id, int(side)});
        if (ev.succeededAt.isValid()) {
            run.started = run.succeeded = true;
            run.blocked = false;
            run.start =
                ev.startedAt.isValid() ? ev.startedAt : ev.succeededAt.addSecs(-qint64(p50) * 60);
            run.finish = run.finishP95 = ev.succeededAt;
        } else if (ev.failed) {
            run.started = run.failed = true;
            run.blocked = false;
            run.start = ev.startedAt;
            const std::optional<Inputs::RetryHabit> habit =
                in.retry ? in.retry(p, side) : std::nullopt;
            if (habit && ev.failedAt.isValid() &&
                (!nowUtc.isValid() || nowUtc <= ev.failedAt.addSecs(qint64(
                                                    std::llround(habit->delayP95Minutes * 60))))) {
                // The orchestrator usually retries it: project the rerun, its wait's spread and
                // its own.
                run.retryExpected = true;
                const QDateTime rerun = later(
                    ev.failedAt.addSecs(qint64(std::llround(habit->delayP50Minutes * 60))), nowUtc);
                run.finish = rerun.addSecs(qint64(p50) * 60);
                const double wait =
                    std::max(0.0, habit->delayP95Minutes - habit->delayP50Minutes) * 60.0 / kZ95;
                const double own = double(p95 - p50) * 60.0 / kZ95;
                run.finishP95 = run.finish.addSecs(
                    qint64(std::llround(kZ95 * std::sqrt(wait * wait + own * own))));
            }
        } else if (ev.startedAt.isValid()) {
            run.started = true;
            run.blocked = false;
            run.start = ev.startedAt;
            run.finish = later(ev.startedAt.addSecs(qint64(p50) * 60), nowUtc);
            run.finishP95 = later(ev.startedAt.addSecs(qint64(p95) * 60), nowUtc);
        } else if (!run.blocked) {
            Spread begin = ready.value_or(spreadOf(start, start));
            if (in.startDelay) {
                const Inputs::StartDelay d = in.startDelay(p, side);
                const double spread = std::max(0.0, d.p95Minutes - d.p50Minutes) * 60.0 / kZ95;
                begin.mean += d.p50Minutes * 60.0;
                begin.sd = std::sqrt(begin.sd * begin.sd + spread * spread);
            }
            if (nowUtc.isValid()) // it cannot start before now
                begin = latest(begin, spreadOf(nowUtc, nowUtc));
            start = base.addSecs(qint64(std::llround(begin.mean)));
            run.start = start;
            run.finish = start.addSecs(qint64(p50) * 60);
            // Spreads of independent steps add in quadrature, not in minutes: summing the p95s
            // of a chain would forecast a night slower than any on record.
            const double own = double(p95 - p50) * 60.0 / kZ95;
            run.finishP95 = run.finish.addSecs(
                qint64(std::llround(kZ95 * std::sqrt(begin.sd * begin.sd + own * own))));
        } else {
            run.start = start;
        }
        return run;
    };
    if (previous) {
        result.m_runs = previous->m_runs;
        result.m_shadows = previous->m_shadows;
    }
    // Carried over: a run is projected again only when its pipeline changed or an upstream's
    // run came out different, so a change ripples as far as it moves anything and no further.
    QSet<QString> moved;
    for (const QString &id : order) {
        const Pipeline *p = inventory.find(id);
        if (previous && !changed.contains(id) &&
            std::none_of(p->upstreams.begin(), p->upstreams.end(),
                         [&moved](const QString &up) { return moved.contains(up); }))
            continue; // as before, and already in m_runs
        const Side side = sideOf(*p);
        const Run run = projectRun(*p, side);
        if (!result.m_firstDue.isValid() || run.expectedStart < result.m_firstDue)
            result.m_firstDue = run.expectedStart;
        if (previous && run != previous->m_runs.value(id))
            moved.insert(id);
        result.m_runs.insert(id, run);
        if (in.shadowed && in.shadowed(*p))
            result.m_shadows.insert(
                id, projectRun(*p, side == Side::OnPrem ? Side::Cloud : Side::OnPrem));
        else
            result.m_shadows.remove(id);
    }
    if (previous)
        result.m_firstDue = previous->m_firstDue; // the plan's: no event moves it
    // A report whose run and critical path no run moved on is as it was: its path is the chain
    // of drivenBy, and a run's drivenBy changes only when the run comes out different.
    QHash<QString, const Report *> before;
    if (previous)
        for (const Report &r : previous->m_reports)
            before.insert(r.pipeline, &r);
    for (const Pipeline &p : inventory.pipelines()) {
        if (!p.sla || !result.m_runs.contains(p.id))
            continue;
        if (const Report *was = before.value(p.id);
            was && std::none_of(was->criticalPath.begin(), was->criticalPath.end(),
                                [&moved](const QString &id) { return moved.contains(id); })) {
            result.m_reports.append(*was);
            continue;
        }
        const Run &run = result.m_runs[p.id];
        Report report;
        report.pipeline = p.id;
        report.deadline = wallClock(businessDate, *p.sla, tz);
        const QDateTime deadlineUtc = report.deadline.toUTC();
        report.projectedFinish = run.finish.isValid() ? run.finish.toTimeZone(tz) : QDateTime();
        report.p95Finish = run.finishP95.isValid() ? run.finishP95.toTimeZone(tz) : QDateTime();
        if ((run.failed && !run.retryExpected) || run.blocked || run.finish > deadlineUtc)
            report.status = Status::Breached;
        else if (!run.succeeded &&
                 run.finishP95 > deadlineUtc.addSecs(-qint64(in.marginMinutes) * 60))
            report.status = Status::AtRisk;
        for (QString at = p.id; !at.isEmpty() && !report.criticalPath.contains(at);) {
            report.criticalPath.prepend(at);
            const auto it = result.m_runs.constFind(at);
            at = it == result.m_runs.constEnd() ? QString() : it->drivenBy;
        }
        result.m_reports.append(report);
    }
    return result;
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
