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

LearnedDurations LearnedDurations::learn(const Inventory &inventory, const QList<RunEvent> &history,
                                         const QDate &night)
{
    LearnedDurations learned;
    const QDate from = night.addDays(-kWindowNights);
    const NightKind kind = kindOf(night);
    const bool rare = kind == NightKind::MonthEnd || kind == NightKind::QuarterEnd;
    // Pointers into `history`, not copies: a backtest learns from 30 nights of a whole platform
    // for every night it replays.
    QHash<QString, QList<const RunEvent *>> onprem, cloud;
    for (const RunEvent &e : history)
        if (e.businessDate < night &&
            (e.businessDate >= from ||
             (rare && e.businessDate >= historyFrom(night) && kindOf(e.businessDate) == kind)))
            (e.side == Side::OnPrem ? onprem : cloud)[e.pipeline].append(&e);

    // Each night's first start and success per pipeline and side, for the start delays.
    struct NightRun
    {
        QDateTime firstStart, success;
        bool failed = false;
    };
    QHash<QString, std::map<QDate, NightRun>> runsOf[2];
    for (const int side : {0, 1})
        for (const auto &[id, events] : (side == 0 ? onprem : cloud).asKeyValueRange())
            for (const RunEvent *event : events) {
                const RunEvent &e = *event;
                if (e.businessDate < from)
                    continue;
                NightRun &r = runsOf[side][id][e.businessDate];
                if (e.kind == RunEvent::Kind::Started &&
                    (!r.firstStart.isValid() || e.at < r.firstStart))
                    r.firstStart = e.at;
                else if (e.kind == RunEvent::Kind::Succeeded &&
                         (!r.success.isValid() || e.at > r.success))
                    r.success = e.at;
                else if (e.kind == RunEvent::Kind::Failed)
                    r.failed = true;
            }
    const QTimeZone zone = Calendar(inventory).zone();
    // From ready (its schedule and every upstream's success, on its side where that ran, else the
    // other) to its first start, on the window's nights without a failure.
    auto successOf = [&](const QString &id, int side, const QDate &date) {
        const auto runs = runsOf[side].constFind(id);
        if (runs == runsOf[side].cend())
            return QDateTime();
        const auto night = runs->find(date);
        return night == runs->end() ? QDateTime() : night->second.success;
    };
    auto delaysOf = [&](const Pipeline &p, int side) {
        QList<double> delays;
        const auto own = runsOf[side].constFind(p.id);
        if (own == runsOf[side].cend())
            return delays;
        for (const auto &[date, run] : *own) {
            if (!run.firstStart.isValid() || run.failed)
                continue;
            QDateTime ready;
            if (p.schedule)
                ready = wallClock(p.schedule->hour() >= 12 ? date.addDays(-1) : date, *p.schedule,
                                  zone);
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
    };

    struct Sample
    {
        QList<double> all, ofKind;
        QList<Night> kindNights, ordinary; // month- and quarter-ends would fake a trend
        QList<double> ordinaryMinutes;
        int failures = 0;           // in the window
        QList<double> retryMinutes; // failure to the rerun's start, for those retried
    };
    QHash<QString, Sample> samples[2];
    // A month- or quarter-end weighs on the whole platform: where one pipeline has too few
    // nights of the kind, the pooled ratio of such nights to ordinary ones (per side) stands in.
    QList<double> ratios[2];
    // Failures and the waits before their reruns, pooled per side the same way.
    int failures[2] = {0, 0};
    QList<double> retries[2];
    for (const Pipeline &p : inventory.pipelines())
        for (const Side side : {Side::OnPrem, Side::Cloud}) {
            QList<const RunEvent *> events = (side == Side::OnPrem ? onprem : cloud).value(p.id);
            if (events.isEmpty())
                continue;
            std::stable_sort(events.begin(), events.end(),
                             [](const RunEvent *a, const RunEvent *b) { return a->at < b->at; });
            Sample sample;
            for (const Night &n : nightsOf(events)) {
                const NightKind k = kindOf(n.date);
                if (n.date < from && k != kind)
                    continue;
                if (n.date >= from)
                    sample.all << n.minutes;
                if (k == kind) {
                    sample.ofKind << n.minutes;
                    sample.kindNights << n;
                }
                if (n.date >= from && (k == NightKind::Weekday || k == NightKind::Weekend)) {
                    sample.ordinary << n;
                    sample.ordinaryMinutes << n.minutes;
                }
            }
            // Its failures in the window, and how long the orchestrator waited to retry each.
            for (qsizetype i = 0; i < events.size(); ++i) {
                const RunEvent &e = *events.at(i);
                if (e.kind != RunEvent::Kind::Failed || e.businessDate < from)
                    continue;
                ++sample.failures;
                ++failures[int(side)];
                for (qsizetype j = i + 1; j < events.size(); ++j) {
                    const RunEvent &next = *events.at(j);
                    if (next.businessDate != e.businessDate)
                        break;
                    if (next.kind == RunEvent::Kind::Started ||
                        next.kind == RunEvent::Kind::Retrying) {
                        const double wait = double(e.at.secsTo(next.at)) / 60.0;
                        sample.retryMinutes << wait;
                        retries[int(side)] << wait;
                        break;
                    }
                }
            }
            if (rare && !sample.ordinaryMinutes.isEmpty()) {
                const double median = quantile(sample.ordinaryMinutes, 0.5);
                if (median > 0)
                    for (const double m : std::as_const(sample.ofKind))
                        ratios[int(side)] << m / median;
            }
            samples[int(side)].insert(p.id, sample);
        }

    for (const Pipeline &p : inventory.pipelines())
        for (const Side side : {Side::OnPrem, Side::Cloud}) {
            const auto it = samples[int(side)].constFind(p.id);
            if (it == samples[int(side)].cend())
                continue;
            const Sample &sample = *it;
            const bool byKind = sample.ofKind.size() >= kMinOfKind;
            const bool pooled = !byKind && rare && !ratios[int(side)].isEmpty() &&
                                sample.ordinaryMinutes.size() >= kMinOfKind;
            const QList<double> &used = byKind   ? sample.ofKind
                                        : pooled ? sample.ordinaryMinutes
                                                 : sample.all;
            if (used.isEmpty())
                continue; // only nights of long ago, too few of its kind
            const double factor = pooled ? quantile(ratios[int(side)], 0.5) : 1.0;
            Figures f;
            f.window = int(sample.all.size());
            f.nights = int(used.size());
            f.p50 = factor * quantile(used, 0.5);
            f.p95 = factor * quantile(used, 0.95);
            const QList<Night> &trendNights = byKind ? sample.kindNights : sample.ordinary;
            QList<double> trendMinutes;
            for (const Night &n : trendNights)
                trendMinutes << n.minutes;
            f.trendPercent = trendOf(trendNights, quantile(trendMinutes, 0.5), night);
            f.basis = byKind   ? QStringLiteral("%1 %2 nights").arg(f.nights).arg(kindName(kind))
                      : pooled ? QStringLiteral("%1 ordinary nights x %2 for a %3, from %4 such "
                                                "runs across the platform")
                                     .arg(f.nights)
                                     .arg(factor, 0, 'f', 2)
                                     .arg(kindName(kind))
                                     .arg(ratios[int(side)].size())
                               : QStringLiteral("%1 nights").arg(f.nights);
            if (f.window < kFullNights) {
                // Short history: the inventory's figures weigh what the missing nights would.
                const double w = double(f.window) / double(kFullNights);
                const double typed = p.minutesOn(side);
                const double typedP95 =
                    (side == Side::OnPrem ? p.onpremP95Minutes : p.cloudP95Minutes).value_or(typed);
                f.p50 = w * f.p50 + (1 - w) * typed;
                f.p95 = w * f.p95 + (1 - w) * typedP95;
                f.blended = true;
                f.basis += QStringLiteral(", blended with the inventory's");
            }
            f.p95 = std::max(f.p95, f.p50);
            // Its own retry habit from three failures on, else the platform's.
            const bool own = sample.failures >= kMinOfKind;
            const QList<double> &waits = own ? sample.retryMinutes : retries[int(side)];
            const int failed = own ? sample.failures : failures[int(side)];
            if (!waits.isEmpty() && 2 * waits.size() >= failed) {
                f.retries = true;
                f.retryP50 = quantile(waits, 0.5);
                f.retryP95 = quantile(waits, 0.95);
            }
            const QList<double> delays = delaysOf(p, int(side));
            f.delayP50 = quantile(delays, 0.5);
            f.delayP95 = quantile(delays, 0.95);
            (side == Side::OnPrem ? learned.m_onprem : learned.m_cloud).insert(p.id, f);
        }
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
