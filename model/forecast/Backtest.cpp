#include "Backtest.h"

#include "Calendar.h"
#include "DependencyGraph.h"
#include "LearnedDurations.h"
#include "ReportAlerts.h"
#include "SlaProjection.h"

#include <QTimeZone>

#include <algorithm>
#include <cmath>
#include <future>
#include <map>
#include <thread>
#include <vector>

namespace daybreak {

QString minutesText(double minutes)
{
    const int total = int(std::lround(minutes));
    if (std::abs(total) < 60)
        return QStringLiteral("%1 min").arg(total);
    const int h = total / 60, m = std::abs(total % 60);
    return m ? QStringLiteral("%1 h %2 min").arg(h).arg(m) : QStringLiteral("%1 h").arg(h);
}

int Backtest::ReportNight::leadMinutes() const
{
    return flagged() ? int(firstFlagged.secsTo(deadline) / 60) : 0;
}

QString Backtest::Result::calibration() const
{
    if (nights.isEmpty())
        return QStringLiteral("no recorded night to check the forecast against");
    QString text =
        QStringLiteral("p95 held on %1 of the last %2 nights").arg(nightsHeld).arg(nights.size());
    if (late == 0)
        text += QStringLiteral("; no report was late");
    else if (late == misses)
        text += QStringLiteral("; %1 late report(s), none flagged in time").arg(late);
    else
        text +=
            QStringLiteral("; alerts came %1 ahead on median").arg(minutesText(medianLeadMinutes));
    if (falseAlarms)
        text += QStringLiteral("; false alarms on %1 night(s)").arg(nightsWithFalseAlarm);
    return text;
}

namespace {
using Nights = std::map<QDate, QList<RunEvent>>;

// What `night` learns from: the nights of the window before it and, for a month- or
// quarter-end, the earlier nights of its kind (as LearnedDurations::historyOf reads them).
QList<RunEvent> historyBefore(const Nights &nights, const QDate &night)
{
    const auto kind = LearnedDurations::kindOf(night);
    const bool rare = kind == LearnedDurations::NightKind::MonthEnd ||
                      kind == LearnedDurations::NightKind::QuarterEnd;
    const QDate window = night.addDays(-LearnedDurations::kWindowNights);
    QList<RunEvent> history;
    for (auto it = nights.lower_bound(LearnedDurations::historyFrom(night));
         it != nights.end() && it->first < night; ++it)
        if (it->first >= window || (rare && LearnedDurations::kindOf(it->first) == kind))
            history += it->second;
    return history;
}

QDateTime floorTo(const QDateTime &t, int stepMinutes)
{
    const qint64 step = qint64(stepMinutes) * 60;
    const qint64 secs = t.toSecsSinceEpoch();
    return QDateTime::fromSecsSinceEpoch(secs - ((secs % step) + step) % step, t.timeZone());
}
} // namespace

Backtest::Result Backtest::run(const Inventory &inventory, const QList<RunEvent> &events,
                               const QDate &from, const QDate &to, const StateAt &stateAt,
                               const Settings &settings)
{
    Result result;
    Nights byNight;
    for (RunEvent e : events) {
        e.at = e.at.toUTC(); // copied many times over: UTC times are the cheap ones
        byNight[e.businessDate].append(e);
    }
    for (auto &[night, list] : byNight)
        std::stable_sort(list.begin(), list.end(),
                         [](const RunEvent &a, const RunEvent &b) { return a.at < b.at; });
    const QStringList order = DependencyGraph(inventory).topologicalOrder();
    const int step = std::max(1, settings.stepMinutes);
    // One night replayed; nights are independent (each learns from the record, not from the
    // replay), so they run side by side on every core.
    struct NightOutcome
    {
        bool counted = false;
        QList<ReportNight> rows; // in the plan's report order
        int runs = 0, within = 0;
        QHash<QString, std::pair<int, int>> reportRuns; // runs, within p95
    };
    auto replay = [&](Nights::const_iterator it) {
        NightOutcome out;
        const QDate night = it->first;
        const QList<RunEvent> &tonight = it->second;
        if (tonight.isEmpty())
            return out;
        const LearnedDurations learned =
            LearnedDurations::learn(inventory, historyBefore(byNight, night), night);
        const Inventory inv = learned.applyTo(inventory);

        // The routing as the night began.
        QHash<QString, State> states;
        for (const Pipeline &p : inv.pipelines())
            states.insert(p.id, stateAt(p.id, tonight.first().at));
        const auto sideOf = [&states](const Pipeline &p) {
            return canonicalSide(states.value(p.id));
        };
        SlaProjection::Inputs in;
        in.order = order;
        in.marginMinutes = settings.marginMinutes;
        in.startDelay = learned.startDelays();
        in.retry = learned.retryHabits();
        in.shadowed = [&states](const Pipeline &p) { return states.value(p.id) == State::DualRun; };
        const SlaProjection plan = SlaProjection::project(inv, night, sideOf, in);
        if (plan.reports().isEmpty())
            return out;
        out.counted = true;

        // What really happened: each pipeline's run on its canonical side.
        QHash<QString, QList<RunEvent>> canonical;
        for (const RunEvent &e : tonight)
            if (e.side == canonicalSide(states.value(e.pipeline)))
                canonical[e.pipeline].append(e);
        for (const Pipeline &p : inv.pipelines()) {
            const auto minutes = LearnedDurations::runMinutes(canonical.value(p.id));
            if (!minutes)
                continue;
            const Side side = canonicalSide(states.value(p.id));
            const int p95 = (side == Side::OnPrem ? p.onpremP95Minutes : p.cloudP95Minutes)
                                .value_or(p.minutesOn(side));
            const int within = *minutes <= p95 ? 1 : 0;
            ++out.runs;
            out.within += within;
            if (p.sla)
                out.reportRuns[p.id] = {1, within};
        }
        QHash<QString, ReportNight> rows;
        QDateTime lastDeadline;
        for (const SlaProjection::Report &r : plan.reports()) {
            ReportNight row;
            row.report = r.pipeline;
            row.night = night;
            row.deadline = r.deadline;
            row.plannedP95 = r.p95Finish;
            for (const RunEvent &e : canonical.value(r.pipeline))
                if (e.kind == RunEvent::Kind::Succeeded)
                    row.finished = e.at;
                else if (e.kind == RunEvent::Kind::Started || e.kind == RunEvent::Kind::Retrying)
                    row.finished = QDateTime();
            row.late = !row.finished.isValid() || row.finished > row.deadline;
            rows.insert(r.pipeline, row);
            lastDeadline = std::max(lastDeadline, r.deadline);
        }

        // The replay: every step, the projection on the events known by then.
        QDateTime first = tonight.first().at;
        if (plan.firstDue().isValid())
            first = std::min(first, plan.firstDue());
        qsizetype known = 0;
        SlaProjection::Inputs live = in;
        for (QDateTime t = floorTo(first, step); t < lastDeadline;
             t = t.addSecs(qint64(step) * 60)) {
            while (known < tonight.size() && tonight.at(known).at <= t)
                live.events.append(tonight.at(known++));
            live.now = t;
            const SlaProjection now = SlaProjection::project(inv, night, sideOf, live);
            bool open = false;  // a report that may still be flagged
            bool fresh = false; // one not flagged yet is at risk or late now
            for (const SlaProjection::Report &r : now.reports())
                fresh = fresh || ((r.status == SlaProjection::Status::AtRisk ||
                                   r.status == SlaProjection::Status::Breached) &&
                                  !rows.value(r.pipeline).flagged() && t < r.deadline);
            for (const SlaAlert &a : fresh ? reportAlerts(now, t) : QList<SlaAlert>()) {
                ReportNight &row = rows[a.report];
                if (row.flagged() || t >= row.deadline)
                    continue;
                row.firstFlagged = t;
                row.flaggedAs = a.status;
                row.cause = a.cause;
            }
            for (const SlaProjection::Report &r : now.reports())
                open = open || (!rows.value(r.pipeline).flagged() && t < r.deadline &&
                                !now.runs().value(r.pipeline).succeeded);
            if (!open)
                break;
        }
        for (const SlaProjection::Report &r : plan.reports())
            out.rows.append(rows.value(r.pipeline));
        return out;
    };

    std::vector<Nights::const_iterator> nights;
    for (auto it = byNight.lower_bound(from); it != byNight.end() && it->first <= to; ++it)
        nights.push_back(it);
    std::vector<NightOutcome> outcomes(nights.size());
    const int workers =
        std::max(1, std::min<int>(int(std::thread::hardware_concurrency()), int(nights.size())));
    std::vector<std::future<void>> running;
    for (int w = 0; w < workers; ++w)
        running.push_back(std::async(std::launch::async, [&, w] {
            for (size_t i = size_t(w); i < nights.size(); i += size_t(workers))
                outcomes[i] = replay(nights[i]);
        }));
    for (std::future<void> &f : running)
        f.get(); // rethrows what a worker threw

    QHash<QString, ReportFigures> perReport;
    QHash<QString, QList<double>> leadsOf;
    QList<double> leads;
    for (size_t i = 0; i < nights.size(); ++i) {
        const NightOutcome &out = outcomes[i];
        if (!out.counted)
            continue;
        result.nights.append(nights[i]->first);
        result.runs += out.runs;
        result.runsWithinP95 += out.within;
        for (const auto &[id, runs] : out.reportRuns.asKeyValueRange()) {
            perReport[id].runs += runs.first;
            perReport[id].runsWithinP95 += runs.second;
        }
        bool held = true;
        bool falseAlarm = false;
        for (const ReportNight &row : out.rows) {
            falseAlarm = falseAlarm || row.falseAlarm();
            const bool rowHeld = row.finished.isValid() && row.plannedP95.isValid() &&
                                 row.finished <= row.plannedP95;
            held = held && rowHeld;
            result.rowsHeld += rowHeld ? 1 : 0;
            result.rows.append(row);
            ReportFigures &f = perReport[row.report];
            f.report = row.report;
            ++f.nights;
            f.late += row.late ? 1 : 0;
            f.flagged += row.flagged() ? 1 : 0;
            f.misses += row.miss() ? 1 : 0;
            f.falseAlarms += row.falseAlarm() ? 1 : 0;
            result.late += row.late ? 1 : 0;
            result.misses += row.miss() ? 1 : 0;
            result.falseAlarms += row.falseAlarm() ? 1 : 0;
            if (row.late && row.flagged()) {
                leads << row.leadMinutes();
                leadsOf[row.report] << row.leadMinutes();
                result.flaggedTwoHoursAhead += row.leadMinutes() >= 120 ? 1 : 0;
            }
        }
        result.nightsHeld += held ? 1 : 0;
        result.nightsWithFalseAlarm += falseAlarm ? 1 : 0;
    }
    result.medianLeadMinutes = LearnedDurations::quantile(leads, 0.5);
    for (ReportFigures &f : perReport) {
        f.medianLeadMinutes = LearnedDurations::quantile(leadsOf.value(f.report), 0.5);
        result.reports.append(f);
    }
    std::sort(result.reports.begin(), result.reports.end(),
              [](const ReportFigures &a, const ReportFigures &b) { return a.report < b.report; });
    return result;
}

} // namespace daybreak
