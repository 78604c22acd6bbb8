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
// One night replayed; nights are independent (each learns from the record, not from the
// replay), so they run side by side on every core.
struct NightOutcome
{
    bool counted = false;
    QList<Backtest::ReportNight> rows; // in the plan's report order
    int runs = 0, within = 0;
    QHash<QString, std::pair<int, int>> reportRuns; // runs, within p95
};

class NightReplay
{
public:
    using ReportNight = Backtest::ReportNight;

    NightReplay(const Inventory &inventory, const Nights &byNight, const QStringList &order,
                const Backtest::StateAt &stateAt, const Backtest::Settings &settings)
        : m_inventory(inventory), m_byNight(byNight), m_order(order), m_stateAt(stateAt),
          m_settings(settings), m_step(std::max(1, settings.stepMinutes))
    {
    }

    NightOutcome replay(Nights::const_iterator it) const
    {
        NightOutcome out;
        const QDate night = it->first;
        const QList<RunEvent> &tonight = it->second;
        if (tonight.isEmpty())
            return out;
        const LearnedDurations learned =
            LearnedDurations::learn(m_inventory, historyBefore(m_byNight, night), night);
        const Inventory inv = learned.applyTo(m_inventory);
        // The routing as the night began.
        QHash<QString, State> states;
        for (const Pipeline &p : inv.pipelines())
            states.insert(p.id, m_stateAt(p.id, tonight.first().at));
        const auto sideOf = [&states](const Pipeline &p) {
            return canonicalSide(states.value(p.id));
        };
        SlaProjection::Inputs in;
        in.order = m_order;
        in.marginMinutes = m_settings.marginMinutes;
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
        countRuns(inv, states, canonical, out);
        QHash<QString, ReportNight> rows = reportRows(plan, night, canonical);
        walkTheNight(inv, night, tonight, sideOf, in, plan, rows);
        for (const SlaProjection::Report &r : plan.reports())
            out.rows.append(rows.value(r.pipeline));
        return out;
    }

private:
    const Inventory &m_inventory;
    const Nights &m_byNight;
    const QStringList &m_order;
    const Backtest::StateAt &m_stateAt;
    const Backtest::Settings &m_settings;
    const int m_step;

    // Each run that happened, and whether it kept within its learned p95.
    static void countRuns(const Inventory &inv, const QHash<QString, State> &states,
                          const QHash<QString, QList<RunEvent>> &canonical, NightOutcome &out)
    {
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
    }

    // Each report's deadline, the plan's p95 and when it really finished.
    static QHash<QString, ReportNight> reportRows(const SlaProjection &plan, const QDate &night,
                                                  const QHash<QString, QList<RunEvent>> &canonical)
    {
        QHash<QString, ReportNight> rows;
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
        }
        return rows;
    }

    // The replay: every step, the projection on the events known by then, until no report
    // can still be flagged.
    void walkTheNight(const Inventory &inv, const QDate &night, const QList<RunEvent> &tonight,
                      const std::function<Side(const Pipeline &)> &sideOf,
                      const SlaProjection::Inputs &in, const SlaProjection &plan,
                      QHash<QString, ReportNight> &rows) const
    {
        QDateTime lastDeadline;
        for (const SlaProjection::Report &r : plan.reports())
            lastDeadline = std::max(lastDeadline, r.deadline);
        QDateTime first = tonight.first().at;
        if (plan.firstDue().isValid())
            first = std::min(first, plan.firstDue());
        qsizetype known = 0;
        SlaProjection::Inputs live = in;
        for (QDateTime t = floorTo(first, m_step); t < lastDeadline;
             t = t.addSecs(qint64(m_step) * 60)) {
            while (known < tonight.size() && tonight.at(known).at <= t)
                live.events.append(tonight.at(known++));
            live.now = t;
            const SlaProjection now = SlaProjection::project(inv, night, sideOf, live);
            flagFresh(now, t, rows);
            if (!anyStillOpen(now, t, rows))
                break;
        }
    }

    // The alerts a live console would have raised at `t`, for reports not flagged yet.
    static void flagFresh(const SlaProjection &now, const QDateTime &t,
                          QHash<QString, ReportNight> &rows)
    {
        bool fresh = false; // one not flagged yet is at risk or late now
        for (const SlaProjection::Report &r : now.reports())
            fresh = fresh || ((r.status == SlaProjection::Status::AtRisk ||
                               r.status == SlaProjection::Status::Breached) &&
                              !rows.value(r.pipeline).flagged() && t < r.deadline);
        if (!fresh)
            return;
        for (const SlaAlert &a : reportAlerts(now, t)) {
            ReportNight &row = rows[a.report];
            if (row.flagged() || t >= row.deadline)
                continue;
            row.firstFlagged = t;
            row.flaggedAs = a.status;
            row.cause = a.cause;
        }
    }

    // A report that may still be flagged: not flagged, before its deadline, not done.
    static bool anyStillOpen(const SlaProjection &now, const QDateTime &t,
                             const QHash<QString, ReportNight> &rows)
    {
        for (const SlaProjection::Report &r : now.reports())
            if (!rows.value(r.pipeline).flagged() && t < r.deadline &&
                !now.runs().value(r.pipeline).succeeded)
                return true;
        return false;
    }
};

Nights byBusinessNight(const QList<RunEvent> &events)
{
    Nights byNight;
    for (RunEvent e : events) {
        e.at = e.at.toUTC(); // copied many times over: UTC times are the cheap ones
        byNight[e.businessDate].append(e);
    }
    for (auto &[night, list] : byNight)
        std::stable_sort(list.begin(), list.end(),
                         [](const RunEvent &a, const RunEvent &b) { return a.at < b.at; });
    return byNight;
}

// Each night on a worker of its own, as many workers as cores.
std::vector<NightOutcome> replayAll(const NightReplay &replay,
                                    const std::vector<Nights::const_iterator> &nights)
{
    std::vector<NightOutcome> outcomes(nights.size());
    const int workers =
        std::max(1, std::min<int>(int(std::thread::hardware_concurrency()), int(nights.size())));
    std::vector<std::future<void>> running;
    for (int w = 0; w < workers; ++w)
        running.push_back(std::async(std::launch::async, [&, w] {
            for (size_t i = size_t(w); i < nights.size(); i += size_t(workers))
                outcomes[i] = replay.replay(nights[i]);
        }));
    for (std::future<void> &f : running)
        f.get(); // rethrows what a worker threw
    return outcomes;
}

// The figures the nights add up to, across reports.
struct Tally
{
    QHash<QString, Backtest::ReportFigures> perReport;
    QHash<QString, QList<double>> leadsOf;
    QList<double> leads;
};

void tallyNight(Backtest::Result &result, const QDate &night, const NightOutcome &out, Tally &tally)
{
    result.nights.append(night);
    result.runs += out.runs;
    result.runsWithinP95 += out.within;
    for (const auto &[id, runs] : out.reportRuns.asKeyValueRange()) {
        tally.perReport[id].runs += runs.first;
        tally.perReport[id].runsWithinP95 += runs.second;
    }
    bool held = true;
    bool falseAlarm = false;
    for (const Backtest::ReportNight &row : out.rows) {
        falseAlarm = falseAlarm || row.falseAlarm();
        const bool rowHeld =
            row.finished.isValid() && row.plannedP95.isValid() && row.finished <= row.plannedP95;
        held = held && rowHeld;
        result.rowsHeld += rowHeld ? 1 : 0;
        result.rows.append(row);
        Backtest::ReportFigures &f = tally.perReport[row.report];
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
            tally.leads << row.leadMinutes();
            tally.leadsOf[row.report] << row.leadMinutes();
            result.flaggedTwoHoursAhead += row.leadMinutes() >= 120 ? 1 : 0;
        }
    }
    result.nightsHeld += held ? 1 : 0;
    result.nightsWithFalseAlarm += falseAlarm ? 1 : 0;
}
} // namespace

Backtest::Result Backtest::run(const Inventory &inventory, const QList<RunEvent> &events,
                               const QDate &from, const QDate &to, const StateAt &stateAt,
                               const Settings &settings)
{
    const Nights byNight = byBusinessNight(events);
    const QStringList order = DependencyGraph(inventory).topologicalOrder();
    std::vector<Nights::const_iterator> nights;
    for (auto it = byNight.lower_bound(from); it != byNight.end() && it->first <= to; ++it)
        nights.push_back(it);
    const std::vector<NightOutcome> outcomes =
        replayAll(NightReplay(inventory, byNight, order, stateAt, settings), nights);
    Result result;
    Tally tally;
    for (size_t i = 0; i < nights.size(); ++i)
        if (outcomes[i].counted)
            tallyNight(result, nights[i]->first, outcomes[i], tally);
    result.medianLeadMinutes = LearnedDurations::quantile(tally.leads, 0.5);
    for (ReportFigures &f : tally.perReport) {
        f.medianLeadMinutes = LearnedDurations::quantile(tally.leadsOf.value(f.report), 0.5);
        result.reports.append(f);
    }
    std::sort(result.reports.begin(), result.reports.end(),
              [](const ReportFigures &a, const ReportFigures &b) { return a.report < b.report; });
    return result;
}

} // namespace daybreak
