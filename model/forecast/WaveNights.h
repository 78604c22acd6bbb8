#pragma once

#include "LearnedDurations.h"
#include "SlaProjection.h"
#include "StoreTypes.h"

namespace daybreak {

// What-if nights: for each planned wave, the 6am of the night after its window closes, as the
// plan would leave it: every pipeline of that wave and the ones before it on the cloud (with its
// cloud durations: learned from its shadow runs while it dual-runs, else the inventory's), the
// rest where they run today. A plan, not a night in progress: no run events.
struct WaveNight
{
    QString wave;
    QDate night; // the business date of the first morning after the window
    QList<SlaProjection::Report> reports;
    QStringList atRisk;   // reports whose p95 finish is past the deadline
    QStringList breached; // reports whose p50 finish is
    // "Mon 07 Dec 6am: 9 reports on track" or "Mon 07 Dec 6am: 1 late (rpt_a 06:20), 2 at risk
    // (rpt_b p95 06:12, ...)"
    QString summary(const QTimeZone &zone) const;
    // "Mon 07 Dec 6am: on track" or "Mon 07 Dec 6am: 1 late, 2 at risk"
    QString brief() const;
    bool bad() const { return !atRisk.isEmpty() || !breached.isEmpty(); }
};

namespace WaveNights {
// `learned`: durations learned from history (null: the inventory's figures).
QList<WaveNight> all(const StoreSnapshot &snapshot, const WavePlan &plan,
                     const LearnedDurations *learned = nullptr);
// The night after `wave` of `plan`; an empty night when there is no such wave.
WaveNight after(const StoreSnapshot &snapshot, const WavePlan &plan, const QString &wave,
                const LearnedDurations *learned = nullptr);
// The reports on track in `before` and at risk or late in `after`, each as "rpt_a (p95 06:12)".
QStringList turnedAtRisk(const WaveNight &before, const WaveNight &after, const QTimeZone &zone);
} // namespace WaveNights

} // namespace daybreak
