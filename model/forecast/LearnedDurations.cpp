#include "LearnedDurations.h"

#include "Calendar.h"

#include <QTimeZone>

#include <algorithm>
#include <cmath>
#include <map>

namespace daybreak {

LearnedDurations::NightKind LearnedDurations::kindOf(const QDate &businessDate)
{
    const QDate day = businessDate.addDays(-1); // the day whose data the night processes
    if (day.addDays(1).day() == 1)
        return day.month() % 3 == 0 ? NightKind::QuarterEnd : NightKind::MonthEnd;
    return day.dayOfWeek() >= 6 ? NightKind::Weekend : NightKind::Weekday;
}

QString LearnedDurations::kindName(NightKind kind)
{
    switch (kind) {
    case NightKind::Weekday:
        return QStringLiteral("weekday");
    case NightKind::Weekend:
        return QStringLiteral("weekend");
    case NightKind::MonthEnd:
        return QStringLiteral("month-end");
    case NightKind::QuarterEnd:
        return QStringLiteral("quarter-end");
    }
    return {};
}

double LearnedDurations::quantile(QList<double> values, double q)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const double at = q * double(values.size() - 1);
    const qsizetype low = qsizetype(std::floor(at));
    const qsizetype high = std::min(low + 1, values.size() - 1);
    return values.at(low) + (at - double(low)) * (values.at(high) - values.at(low));
}

namespace {
struct Night
{
    QDate date;
    double minutes = 0;
};

const RunEvent &deref(const RunEvent &e)
{
    return e;
}
const RunEvent &deref(const RunEvent *e)
{
    return *e;
}

// Each night's duration from its events: the last start before the success to the success.
template <typename Events> QList<Night> nightsOf(const Events &events)
{
    std::map<QDate, std::pair<QDateTime, QDateTime>> byNight; // (last start, success)
    for (const auto &item : events) {
        const RunEvent &e = deref(item);
        auto &[start, done] = byNight[e.businessDate];
        if (e.kind == RunEvent::Kind::Started && (!done.isValid() || e.at > done))
            start = e.at, done = QDateTime();
        else if (e.kind == RunEvent::Kind::Succeeded && start.isValid())
            done = e.at;
    }
    QList<Night> nights;
    for (const auto &[date, run] : byNight)
        if (run.first.isValid() && run.second.isValid() && run.second > run.first)
            nights.append({date, double(run.first.secsTo(run.second)) / 60.0});
    return nights;
}

// The least-squares slope of minutes over days, as a percentage of the median over the window.
double trendOf(const QList<Night> &nights, double median, const QDate &night)
{
    if (nights.size() < 3 || median <= 0)
        return 0;
    double sx = 0, sy = 0, sxx = 0, sxy = 0;
    for (const Night &n : nights) {
        const double x = double(night.daysTo(n.date));
        sx += x, sy += n.minutes, sxx += x * x, sxy += x * n.minutes;
    }
    const double count = double(nights.size());
    const double denominator = count * sxx - sx * sx;
    if (denominator == 0)
        return 0;
    const double slope = (count * sxy - sx * sy) / denominator; // minutes per day
    const double span = double(nights.first().date.daysTo(nights.last().date));
    return 100.0 * slope * span / median;
}
} // namespace

std::optional<double> LearnedDurations::runMinutes(const QList<RunEvent> &events)
{
    const QList<Night> nights = nightsOf(events);
    if (nights.isEmpty())
        return std::nullopt;
    return nights.last().minutes;
}

namespace {

// One night's learning, step by step: the events of the window (and, for a rare night, the
// same kind of night further back), each night's first start and success per side, each
// pipeline's sample, and from the samples its figures.
class Learner
{
public:
    Learner(const Inventory &inventory, const QList<RunEvent> &history, const QDate &night)
        : m_inventory(inventory), m_night(night),
          m_from(night.addDays(-LearnedDurations::kWindowNights)),
          m_kind(LearnedDurations::kindOf(night)),
          m_rare(m_kind == LearnedDurations::NightKind::MonthEnd ||
                 m_kind == LearnedDurations::NightKind::QuarterEnd),
          m_zone(Calendar(inventory).zone())
    {
        collectEvents(history);
        collectNightRuns();
        for (const Pipeline &p : inventory.pipelines())
            for (const Side side : {Side::OnPrem, Side::Cloud})
                sample(p, side);
    }

    std::optional<LearnedDurations::Figures> figures(const Pipeline &p, Side side) const;

private:
    using NightKind = LearnedDurations::NightKind;
    static constexpr int kMinOfKind = LearnedDurations::kMinOfKind;

    struct NightRun
    {
        QDateTime firstStart, success;
        bool failed = false;
    };
    struct Sample
    {
        QList<double> all, ofKind;
        QList<Night> kindNights, ordinary; // month- and quarter-ends would fake a trend
        QList<double> ordinaryMinutes;
        int failures = 0;           // in the window
        QList<double> retryMinutes; // failure to the rerun's start, for those retried
    };

    const Inventory &m_inventory;
    const QDate m_night, m_from;
    const NightKind m_kind;
    const bool m_rare;
    const QTimeZone m_zone;
    // Pointers into `history`, not copies: a backtest learns from 30 nights of a whole platform
    // for every night it replays.
    QHash<QString, QList<const RunEvent *>> m_events[2];
    // Each night's first start and success per pipeline and side, for the start delays.
    QHash<QString, std::map<QDate, NightRun>> m_runsOf[2];
    QHash<QString, Sample> m_samples[2];
    // A month- or quarter-end weighs on the whole platform: where one pipeline has too few
    // nights of the kind, the pooled ratio of such nights to ordinary ones (per side) stands in.
    QList<double> m_ratios[2];
    // Failures and the waits before their reruns, pooled per side the same way.
    int m_failures[2] = {0, 0};
    QList<double> m_retries[2];

    void collectEvents(const QList<RunEvent> &history)
    {
        const QDate back = LearnedDurations::historyFrom(m_night);
        for (const RunEvent &e : history)
            if (e.businessDate < m_night &&
                (e.businessDate >= m_from || (m_rare && e.businessDate >= back &&
                                              LearnedDurations::kindOf(e.businessDate) == m_kind)))
                m_events[int(e.side)][e.pipeline].append(&e);
    }

    void collectNightRuns()
    {
        for (const int side : {0, 1})
            for (const auto &[id, events] : m_events[side].asKeyValueRange())
                for (const RunEvent *event : events) {
                    const RunEvent &e = *event;
                    if (e.businessDate < m_from)
                        continue;
                    NightRun &r = m_runsOf[side][id][e.businessDate];
                    if (e.kind == RunEvent::Kind::Started &&
                        (!r.firstStart.isValid() || e.at < r.firstStart))
                        r.firstStart = e.at;
                    else if (e.kind == RunEvent::Kind::Succeeded &&
                             (!r.success.isValid() || e.at > r.success))
                        r.success = e.at;
                    else if (e.kind == RunEvent::Kind::Failed)
                        r.failed = true;
                }
    }

    void sample(const Pipeline &p, Side side)
    {
        QList<const RunEvent *> events = m_events[int(side)].value(p.id);
        if (events.isEmpty())
            return;
        std::stable_sort(events.begin(), events.end(),
                         [](const RunEvent *a, const RunEvent *b) { return a->at < b->at; });
        Sample s;
        sampleNights(events, s);
        sampleFailures(events, side, s);
        if (m_rare && !s.ordinaryMinutes.isEmpty()) {
            const double median = LearnedDurations::quantile(s.ordinaryMinutes, 0.5);
            if (median > 0)
                for (const double m : std::as_const(s.ofKind))
                    m_ratios[int(side)] << m / median;
        }
        m_samples[int(side)].insert(p.id, s);
    }

    void sampleNights(const QList<const RunEvent *> &events, Sample &s) const
    {
        for (const Night &n : nightsOf(events)) {
            const NightKind k = LearnedDurations::kindOf(n.date);
            if (n.date < m_from && k != m_kind)
                continue;
            if (n.date >= m_from)
                s.all << n.minutes;
            if (k == m_kind) {
                s.ofKind << n.minutes;
                s.kindNights << n;
            }
            if (n.date >= m_from && (k == NightKind::Weekday || k == NightKind::Weekend)) {
                s.ordinary << n;
                s.ordinaryMinutes << n.minutes;
            }
        }
    }

    // Its failures in the window, and how long the orchestrator waited to retry each.
    void sampleFailures(const QList<const RunEvent *> &events, Side side, Sample &s)
    {
        for (qsizetype i = 0; i < events.size(); ++i) {
            const RunEvent &e = *events.at(i);
            if (e.kind != RunEvent::Kind::Failed || e.businessDate < m_from)
                continue;
            ++s.failures;
            ++m_failures[int(side)];
            for (qsizetype j = i + 1; j < events.size(); ++j) {
                const RunEvent &next = *events.at(j);
                if (next.businessDate != e.businessDate)
                    break;
                if (next.kind == RunEvent::Kind::Started || next.kind == RunEvent::Kind::Retrying) {
                    const double wait = double(e.at.secsTo(next.at)) / 60.0;
                    s.retryMinutes << wait;
                    m_retries[int(side)] << wait;
                    break;
                }
            }
        }
    }

    QDateTime successOf(const QString &id, int side, const QDate &date) const
    {
        const auto runs = m_runsOf[side].constFind(id);
        if (runs == m_runsOf[side].cend())
            return QDateTime();
        const auto night = runs->find(date);
        return night == runs->end() ? QDateTime() : night->second.success;
    }

    // From ready (its schedule and every upstream's success, on its side where that ran, else
    // the other) to its first start, on the window's nights without a failure.
    QList<double> delaysOf(const Pipeline &p, int side) const
    {
        QList<double> delays;
        const auto own = m_runsOf[side].constFind(p.id);
        if (own == m_runsOf[side].cend())
            return delays;
        for (const auto &[date, run] : *own) {
            if (!run.firstStart.isValid() || run.failed)
                continue;
            QDateTime ready;
            if (p.schedule)
                ready = wallClock(p.schedule->hour() >= 12 ? date.addDays(-1) : date, *p.schedule,
                                  m_zone);
            bool known = true;
            for (const QString &up : p.upstreams) {
                QDateTime done = successOf(up, side, date);
                if (!done.isValid())
                    done = successOf(up, 1 - side, date);
                if (!done.isValid()) {
                    known = false;
                    break;
                }
                ready = ready.isValid() ? std::max(ready, done) : done;
            }
            if (known && ready.isValid())
                delays << std::max<qint64>(0, ready.secsTo(run.firstStart)) / 60.0;
        }
        return delays;
    }

    void blendWithInventory(const Pipeline &p, Side side, LearnedDurations::Figures &f) const;
    void addRetryHabit(const Sample &s, Side side, LearnedDurations::Figures &f) const;
};

std::optional<LearnedDurations::Figures> Learner::figures(const Pipeline &p, Side side) const
{
    const auto quantile = &LearnedDurations::quantile;
    const auto it = m_samples[int(side)].constFind(p.id);
    if (it == m_samples[int(side)].cend())
        return std::nullopt;
    const Sample &s = *it;
    const QList<double> &ratios = m_ratios[int(side)];
    const bool byKind = s.ofKind.size() >= kMinOfKind;
    const bool pooled =
        !byKind && m_rare && !ratios.isEmpty() && s.ordinaryMinutes.size() >= kMinOfKind;
    const QList<double> &used = byKind ? s.ofKind : pooled ? s.ordinaryMinutes : s.all;
    if (used.isEmpty())
        return std::nullopt; // only nights of long ago, too few of its kind
    const double factor = pooled ? quantile(ratios, 0.5) : 1.0;
    LearnedDurations::Figures f;
    f.window = int(s.all.size());
    f.nights = int(used.size());
    f.p50 = factor * quantile(used, 0.5);
    f.p95 = factor * quantile(used, 0.95);
    const QList<Night> &trendNights = byKind ? s.kindNights : s.ordinary;
    QList<double> trendMinutes;
    for (const Night &n : trendNights)
        trendMinutes << n.minutes;
    f.trendPercent = trendOf(trendNights, quantile(trendMinutes, 0.5), m_night);
    const QString kind = LearnedDurations::kindName(m_kind);
    f.basis = byKind   ? QStringLiteral("%1 %2 nights").arg(f.nights).arg(kind)
              : pooled ? QStringLiteral("%1 ordinary nights x %2 for a %3, from %4 such "
                                        "runs across the platform")
                             .arg(f.nights)
                             .arg(factor, 0, 'f', 2)
                             .arg(kind)
                             .arg(ratios.size())
                       : QStringLiteral("%1 nights").arg(f.nights);
    if (f.window < LearnedDurations::kFullNights)
        blendWithInventory(p, side, f);
    f.p95 = std::max(f.p95, f.p50);
    addRetryHabit(s, side, f);
    const QList<double> delays = delaysOf(p, int(side));
    f.delayP50 = quantile(delays, 0.5);
    f.delayP95 = quantile(delays, 0.95);
    return f;
}

// Short history: the inventory's figures weigh what the missing nights would.
void Learner::blendWithInventory(const Pipeline &p, Side side, LearnedDurations::Figures &f) const
{
    const double w = double(f.window) / double(LearnedDurations::kFullNights);
    const double typed = p.minutesOn(side);
    const double typedP95 =
        (side == Side::OnPrem ? p.onpremP95Minutes : p.cloudP95Minutes).value_or(typed);
    f.p50 = w * f.p50 + (1 - w) * typed;
    f.p95 = w * f.p95 + (1 - w) * typedP95;
    f.blended = true;
    f.basis += QStringLiteral(", blended with the inventory's");
}

// Its own retry habit from three failures on, else the platform's.
void Learner::addRetryHabit(const Sample &s, Side side, LearnedDurations::Figures &f) const
{
    const bool own = s.failures >= kMinOfKind;
    const QList<double> &waits = own ? s.retryMinutes : m_retries[int(side)];
    const int failed = own ? s.failures : m_failures[int(side)];
    if (!waits.isEmpty() && 2 * waits.size() >= failed) {
        f.retries = true;
        f.retryP50 = LearnedDurations::quantile(waits, 0.5);
        f.retryP95 = LearnedDurations::quantile(waits, 0.95);
    }
}

} // namespace

LearnedDurations LearnedDurations::learn(const Inventory &inventory, const QList<RunEvent> &history,
                                         const QDate &night)
{
    const Learner learner(inventory, history, night);
    LearnedDurations learned;
    for (const Pipeline &p : inventory.pipelines())
        for (const Side side : {Side::OnPrem, Side::Cloud})
            if (const std::optional<Figures> f = learner.figures(p, side))
                (side == Side::OnPrem ? learned.m_onprem : learned.m_cloud).insert(p.id, *f);
    return learned;
}

std::optional<LearnedDurations::Figures> LearnedDurations::of(const QString &pipeline,
                                                              Side side) const
{
    const QHash<QString, Figures> &figures = side == Side::OnPrem ? m_onprem : m_cloud;
    const auto it = figures.constFind(pipeline);
    if (it == figures.cend())
        return std::nullopt;
    return *it;
}

QString LearnedDurations::summary(const QString &pipeline) const
{
    QStringList parts;
    for (const Side side : {Side::OnPrem, Side::Cloud})
        if (const auto f = of(pipeline, side))
            parts << QStringLiteral("%1 p50 %2 min, p95 %3 min (%4; %5%6 % over %7 nights)")
                         .arg(side == Side::OnPrem ? QStringLiteral("on-prem")
                                                   : QStringLiteral("cloud"))
                         .arg(f->p50, 0, 'f', 0)
                         .arg(f->p95, 0, 'f', 0)
                         .arg(f->basis)
                         .arg(f->trendPercent >= 0 ? QStringLiteral("+") : QString())
                         .arg(f->trendPercent, 0, 'f', 0)
                         .arg(f->window);
    return parts.join(QStringLiteral("; "));
}

std::function<std::optional<SlaProjection::Inputs::RetryHabit>(const Pipeline &, Side)>
LearnedDurations::retryHabits() const
{
    return [learned = *this](const Pipeline &p,
                             Side side) -> std::optional<SlaProjection::Inputs::RetryHabit> {
        const auto f = learned.of(p.id, side);
        if (!f || !f->retries)
            return std::nullopt;
        return SlaProjection::Inputs::RetryHabit{f->retryP50, f->retryP95};
    };
}

std::function<SlaProjection::Inputs::StartDelay(const Pipeline &, Side)>
LearnedDurations::startDelays() const
{
    return [learned = *this](const Pipeline &p, Side side) {
        const auto f = learned.of(p.id, side);
        return f ? SlaProjection::Inputs::StartDelay{f->delayP50, f->delayP95}
                 : SlaProjection::Inputs::StartDelay{};
    };
}

Inventory LearnedDurations::applyTo(const Inventory &inventory) const
{
    Inventory out = inventory;
    QList<Pipeline> pipelines = inventory.pipelines();
    for (Pipeline &p : pipelines) {
        if (const auto f = of(p.id, Side::OnPrem)) {
            p.onpremMinutes = std::max(1, int(std::lround(f->p50)));
            p.onpremP95Minutes = std::max(p.onpremMinutes, int(std::lround(f->p95)));
        }
        if (const auto f = of(p.id, Side::Cloud)) {
            p.cloudMinutes = std::max(1, int(std::lround(f->p50)));
            p.cloudP95Minutes = std::max(p.cloudMinutes, int(std::lround(f->p95)));
        }
    }
    out.setPipelines(pipelines);
    return out;
}

} // namespace daybreak
