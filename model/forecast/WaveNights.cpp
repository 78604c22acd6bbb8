#include "WaveNights.h"

#include "Calendar.h"
#include "DependencyGraph.h"

#include <QTimeZone>

namespace daybreak {

namespace {
QString hhmm(const QDateTime &t, const QTimeZone &zone)
{
    // To the minute above: a p95 of 06:00:40 is after a 06:00 deadline.
    return t.isValid() ? t.addSecs(59).toTimeZone(zone).toString(QStringLiteral("HH:mm"))
                       : QStringLiteral("blocked");
}

WaveNight project(const StoreSnapshot &s, const WavePlan &plan, int index,
                  const Inventory &inventory, const LearnedDurations *learned,
                  const QStringList &order)
{
    WaveNight night;
    const Wave &wave = plan.waves().at(index);
    night.wave = wave.name;
    const Calendar calendar(s.inventory);
    night.night = calendar.businessDate(wave.windowEnd.isValid()
                                            ? wave.windowEnd
                                            : calendar.at(wave.date.addDays(1), QTime(23, 59)));
    QSet<QString> moved;
    for (int i = 0; i <= index; ++i)
        for (const QString &m : plan.waves().at(i).members)
            moved.insert(m);
    SlaProjection::Inputs in;
    in.order = order;
    if (learned)
        in.startDelay = learned->startDelays();
    const SlaProjection p = SlaProjection::project(
        inventory, night.night,
        [&](const Pipeline &pipeline) {
            return moved.contains(pipeline.id) ? Side::Cloud
                                               : canonicalSide(s.stateOf(pipeline.id));
        },
        in);
    night.reports = p.reports();
    for (const SlaProjection::Report &r : night.reports)
        if (r.status == SlaProjection::Status::Breached)
            night.breached << r.pipeline;
        else if (r.status == SlaProjection::Status::AtRisk)
            night.atRisk << r.pipeline;
    return night;
}
} // namespace

QString WaveNight::brief() const
{
    const QString when = night.toString(QStringLiteral("ddd dd MMM")) + QStringLiteral(" 6am");
    if (reports.isEmpty())
        return QStringLiteral("%1: no report with a deadline").arg(when);
    QStringList parts;
    if (!breached.isEmpty())
        parts << QStringLiteral("%1 late").arg(breached.size());
    if (!atRisk.isEmpty())
        parts << QStringLiteral("%1 at risk").arg(atRisk.size());
    return QStringLiteral("%1: %2").arg(when, parts.isEmpty() ? QStringLiteral("on track")
                                                              : parts.join(QStringLiteral(", ")));
}

QString WaveNight::summary(const QTimeZone &zone) const
{
    const QString when = night.toString(QStringLiteral("ddd dd MMM")) + QStringLiteral(" 6am");
    if (reports.isEmpty())
        return QStringLiteral("%1: no report with a deadline").arg(when);
    if (atRisk.isEmpty() && breached.isEmpty())
        return QStringLiteral("%1: %2 report(s) on track").arg(when).arg(reports.size());
    QStringList late, risky;
    for (const SlaProjection::Report &r : reports)
        if (breached.contains(r.pipeline))
            late << QStringLiteral("%1 %2").arg(r.pipeline, hhmm(r.projectedFinish, zone));
        else if (atRisk.contains(r.pipeline))
            risky << QStringLiteral("%1 p95 %2").arg(r.pipeline, hhmm(r.p95Finish, zone));
    QStringList parts;
    if (!late.isEmpty())
        parts
            << QStringLiteral("%1 late (%2)").arg(late.size()).arg(late.join(QStringLiteral(", ")));
    if (!risky.isEmpty())
        parts << QStringLiteral("%1 at risk (%2)")
                     .arg(risky.size())
                     .arg(risky.join(QStringLiteral(", ")));
    return QStringLiteral("%1: %2").arg(when, parts.join(QStringLiteral(", ")));
}

namespace WaveNights {

QList<WaveNight> all(const StoreSnapshot &s, const WavePlan &plan, const LearnedDurations *learned)
{
    const Inventory inventory = learned ? learned->applyTo(s.inventory) : s.inventory;
    const QStringList order = DependencyGraph(inventory).topologicalOrder();
    QList<WaveNight> nights;
    for (int i = 0; i < plan.waves().size(); ++i)
        nights << project(s, plan, i, inventory, learned, order);
    return nights;
}

WaveNight after(const StoreSnapshot &s, const WavePlan &plan, const QString &wave,
                const LearnedDurations *learned)
{
    const int index = plan.indexOf(wave);
    if (index < 0)
        return {};
    const Inventory inventory = learned ? learned->applyTo(s.inventory) : s.inventory;
    return project(s, plan, index, inventory, learned,
                   DependencyGraph(inventory).topologicalOrder());
}

QStringList turnedAtRisk(const WaveNight &before, const WaveNight &after, const QTimeZone &zone)
{
    QStringList turned;
    for (const SlaProjection::Report &r : after.reports) {
        const bool bad = after.atRisk.contains(r.pipeline) || after.breached.contains(r.pipeline);
        const bool wasBad =
            before.atRisk.contains(r.pipeline) || before.breached.contains(r.pipeline);
        if (bad && !wasBad)
            turned << QStringLiteral("%1 (p95 %2, due %3)")
                          .arg(r.pipeline, hhmm(r.p95Finish, zone),
                               r.deadline.toTimeZone(zone).toString(QStringLiteral("HH:mm")));
    }
    return turned;
}

} // namespace WaveNights

} // namespace daybreak
