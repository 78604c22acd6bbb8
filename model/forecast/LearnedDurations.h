#pragma once

#include "Inventory.h"
#include "RunEvent.h"
#include "SlaProjection.h"

#include <QHash>
#include <QString>

#include <optional>

namespace daybreak {

// Durations learned from run history: per pipeline and side, the robust p50 and p95 of the
// nights it ran (start to success; a rerun counts from its own start), from the last
// kWindowNights nights before the one forecast. Nightly batches run longer at month-end and
// quarter-end and differently at weekends, so a night of one kind learns from the nights of its
// kind when there are kMinOfKind of them (month- and quarter-ends from the last
// kCalendarWindowDays), else from all. With fewer than kFullNights nights the
// figures are blended with the inventory's, in proportion, and say so. The trend is the fitted
// change of the duration over the window (nights of the kind used, or the ordinary ones), as a
// percentage of their median.
class LearnedDurations
{
public:
    static constexpr int kWindowNights = 30;
    // Month-ends and quarter-ends are rare: their nights are looked for this far back.
    static constexpr int kCalendarWindowDays = 400;
    static constexpr int kFullNights = 10;
    static constexpr int kMinOfKind = 3;

    enum class NightKind
    {
        Weekday,
        Weekend,
        MonthEnd,
        QuarterEnd
    };
    // The kind of the night whose reports are due on the morning of `businessDate`: the data of
    // the day before (its last day of a quarter or month, or a Saturday or Sunday).
    static NightKind kindOf(const QDate &businessDate);
    static QString kindName(NightKind kind); // "weekday", "weekend", "month-end", "quarter-end"

    struct Figures
    {
        double p50 = 0; // minutes
        double p95 = 0;
        int nights = 0;       // nights with a finished run (of the kind used, when it is)
        int window = 0;       // nights with a finished run in the whole window
        bool blended = false; // fewer than kFullNights: blended with the inventory's figures
        double trendPercent = 0;
        // From its inputs being ready (schedule, upstreams' successes) to its start, minutes.
        double delayP50 = 0;
        double delayP95 = 0;
        // Whether a failed run is usually retried (at least half of the failures: its own from
        // three on, else the platform's on its side), and after how many minutes.
        bool retries = false;
        double retryP50 = 0;
        double retryP95 = 0;
        QString basis; // "22 weekday nights", "4 nights, blended with the inventory's"
    };

    // `history`: the run events of the nights before `night` (any number; the windows are taken:
    // historyFrom(night) is as far back as it looks).
    static LearnedDurations learn(const Inventory &inventory, const QList<RunEvent> &history,
                                  const QDate &night);

    static QDate historyFrom(const QDate &night) { return night.addDays(-kCalendarWindowDays); }

    std::optional<Figures> of(const QString &pipeline, Side side) const;
    // "on-prem p50 73 min, p95 82 min (20 weekday nights; +6 % over 30 nights); cloud ...", or
    // empty when the pipeline has no run in the window.
    QString summary(const QString &pipeline) const;
    // The run history `night` learns from, read from the store: the window's nights and, for a
    // month- or quarter-end, the earlier nights of its kind (one read each, not 400 days).
    template <typename Store>
    static QList<RunEvent> historyOf(Store &store, const QDate &night, const QString &pipeline = {})
    {
        QList<RunEvent> events;
        const NightKind kind = kindOf(night);
        if (kind == NightKind::MonthEnd || kind == NightKind::QuarterEnd)
            for (QDate d = historyFrom(night); d < night.addDays(-kWindowNights); d = d.addDays(1))
                if (kindOf(d) == kind)
                    events += store.runEventsBetween(d, d, pipeline);
        events +=
            store.runEventsBetween(night.addDays(-kWindowNights), night.addDays(-1), pipeline);
        return events;
    }
    // The figures of one pipeline, or of all, for the night ahead, from the store's history.
    template <typename Store>
    static LearnedDurations forPipeline(Store &store, const Inventory &inventory,
                                        const QString &pipeline, const QDate &night)
    {
        return learn(inventory, historyOf(store, night, pipeline), night);
    }
    template <typename Store>
    static LearnedDurations forNight(Store &store, const Inventory &inventory, const QDate &night)
    {
        return learn(inventory, historyOf(store, night), night);
    }
    // The inventory with the learned figures as its durations (whole minutes, at least 1).
    Inventory applyTo(const Inventory &inventory) const;
    // The learned retry habits, as the projection takes them.
    std::function<std::optional<SlaProjection::Inputs::RetryHabit>(const Pipeline &, Side)>
    retryHabits() const;
    // The learned start delays, as the projection takes them.
    std::function<SlaProjection::Inputs::StartDelay(const Pipeline &, Side)> startDelays() const;

    // How long one night's run took (minutes): from the last start before its success to the
    // success, from the events of one pipeline and side in time order; none when it did not
    // succeed.
    static std::optional<double> runMinutes(const QList<RunEvent> &events);
    // The quantile q (0-1) of `values`, interpolated between the nearest ranks.
    static double quantile(QList<double> values, double q);

private:
    QHash<QString, Figures> m_onprem, m_cloud;
};

} // namespace daybreak
