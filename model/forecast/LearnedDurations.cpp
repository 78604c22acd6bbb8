#include "LearnedDurations.h"

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

// Each night's duration from its events: the last start before the success to the success.
QList<Night> nightsOf(const QList<RunEvent> &events)
{
    std::map<QDate, std::pair<QDateTime, QDateTime>> byNight; // (last start, success)
    for (const RunEvent &e : events) {
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

LearnedDurations LearnedDurations::learn(const Inventory &inventory, const QList<RunEvent> &history,
                                         const QDate &night)
{
    LearnedDurations learned;
    const QDate from = night.addDays(-kWindowNights);
    const NightKind kind = kindOf(night);
    const bool rare = kind == NightKind::MonthEnd || kind == NightKind::QuarterEnd;
    QHash<QString, QList<RunEvent>> onprem, cloud;
    for (const RunEvent &e : history)
        if (e.businessDate < night &&
            (e.businessDate >= from ||
             (rare && e.businessDate >= historyFrom(night) && kindOf(e.businessDate) == kind)))
            (e.side == Side::OnPrem ? onprem : cloud)[e.pipeline].append(e);
    for (const Pipeline &p : inventory.pipelines())
        for (const Side side : {Side::OnPrem, Side::Cloud}) {
            QList<RunEvent> events = (side == Side::OnPrem ? onprem : cloud).value(p.id);
            if (events.isEmpty())
                continue;
            std::stable_sort(events.begin(), events.end(),
                             [](const RunEvent &a, const RunEvent &b) { return a.at < b.at; });
            const QList<Night> nights = nightsOf(events);
            if (nights.isEmpty())
                continue;
            QList<double> all, ofKind;
            QList<Night> kindNights, ordinary; // month- and quarter-ends would fake a trend
            for (const Night &n : nights) {
                const NightKind k = kindOf(n.date);
                if (n.date < from && k != kind)
                    continue;
                if (n.date >= from)
                    all << n.minutes;
                if (k == kind) {
                    ofKind << n.minutes;
                    kindNights << n;
                }
                if (n.date >= from && (k == NightKind::Weekday || k == NightKind::Weekend))
                    ordinary << n;
            }
            const bool byKind = ofKind.size() >= kMinOfKind;
            const QList<double> &used = byKind ? ofKind : all;
            if (used.isEmpty())
                continue; // only nights of long ago, too few of its kind
            Figures f;
            f.window = int(all.size());
            f.nights = int(used.size());
            f.p50 = quantile(used, 0.5);
            f.p95 = quantile(used, 0.95);
            const QList<Night> &trendNights = byKind ? kindNights : ordinary;
            QList<double> trendMinutes;
            for (const Night &n : trendNights)
                trendMinutes << n.minutes;
            f.trendPercent = trendOf(trendNights, quantile(trendMinutes, 0.5), night);
            f.basis = byKind ? QStringLiteral("%1 %2 nights").arg(f.nights).arg(kindName(kind))
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
