#include "MorningParity.h"

#include "Calendar.h"
#include "Store.h"

#include <QSet>

#include <map>

namespace daybreak {

QList<MorningParity::Due> MorningParity::due(TelemetryStore &store, const StoreSnapshot &snapshot,
                                             const QList<ParityMapping> &mappings,
                                             const QDateTime &now)
{
    const Calendar calendar(snapshot.inventory);
    const QDate today = calendar.localDate(now);
    const QDate from = today.addDays(1 - kLookbackNights);
    QSet<QString> compared;
    for (const ParityMapping &m : mappings) {
        if (!snapshot.inventory.contains(m.pipeline))
            continue;
        const RoutingPointer pointer = snapshot.routing.value(m.pipeline);
        const bool dualRunning = pointer.state == State::DualRun;
        const bool watched = pointer.state == State::Cloud && pointer.updatedAt.isValid() &&
                             pointer.updatedAt.daysTo(now) <= kWatchDays;
        if (dualRunning || watched)
            compared.insert(m.pipeline);
    }
    if (compared.isEmpty())
        return {};
    // The last event of each side of each night: both must say the run completed.
    std::map<std::pair<QString, QDate>, std::pair<std::optional<RunEvent>, std::optional<RunEvent>>>
        last;
    for (const RunEvent &e : store.runEventsBetween(from, today)) {
        if (!compared.contains(e.pipeline))
            continue;
        auto &sides = last[{e.pipeline, e.businessDate}];
        std::optional<RunEvent> &slot = e.side == Side::OnPrem ? sides.first : sides.second;
        if (!slot || slot->at <= e.at)
            slot = e;
    }
    QList<Due> out;
    for (const auto &[key, sides] : last) {
        const auto &[pipeline, night] = key;
        const bool complete = sides.first && sides.second &&
                              sides.first->kind == RunEvent::Kind::Succeeded &&
                              sides.second->kind == RunEvent::Kind::Succeeded;
        if (!complete)
            continue;
        bool recorded = false;
        for (const ParityResult &r : snapshot.parity.value(pipeline))
            recorded = recorded || r.businessDate == night;
        if (!recorded)
            out.append({pipeline, night});
    }
    // oldest night first, so that a gate reads its nights in order
    std::stable_sort(out.begin(), out.end(),
                     [](const Due &a, const Due &b) { return a.night < b.night; });
    return out;
}

SlaAlert MorningParity::breachAlert(const StoreSnapshot &snapshot, const DiffReport &report,
                                    const QDateTime &now)
{
    const QString id = report.pipeline;
    const QString date = report.businessDate.toString(Qt::ISODate);
    QStringList what;
    for (auto it = report.changedByColumn.cbegin(); it != report.changedByColumn.cend(); ++it) {
        QString example;
        for (const ChangedRow &row : report.changed)
            for (const ChangedValue &v : row.values)
                if (example.isEmpty() && v.column == it.key())
                    example = QStringLiteral(", e.g. (%1) %2 on-prem, %3 in the cloud")
                                  .arg(row.key.join(QStringLiteral(", ")), v.onprem, v.cloud);
        what << QStringLiteral("%1 in %2 row(s)%3").arg(it.key()).arg(it.value()).arg(example);
    }
    if (report.missingOnCloudCount)
        what << QStringLiteral("%1 row(s) missing in the cloud").arg(report.missingOnCloudCount);
    if (report.missingOnPremCount)
        what << QStringLiteral("%1 row(s) only in the cloud").arg(report.missingOnPremCount);
    const bool cutOver = snapshot.stateOf(id) == State::Cloud;
    SlaAlert a;
    a.businessDate = report.businessDate;
    a.report = id;
    a.status = kAlertStatus;
    a.raisedAt = now;
    a.cause = id;
    a.message =
        QStringLiteral("parity breach in %1 on %2, measured by Daybreak: %3 of %4 rows differ "
                       "(max_rel_diff %5): %6. %7 Explain or accept it to clear the gate: "
                       "daybreakctl parity explain|accept %1 --date %2 ...")
            .arg(id, date)
            .arg(report.mismatchedRows())
            .arg(report.onpremRows)
            .arg(report.maxRelDiff, 0, 'g', 4)
            .arg(what.join(QStringLiteral("; ")),
                 cutOver ? QStringLiteral("%1 is already cut over: rollback advised (daybreakctl "
                                          "rollback %1 --reason ...).")
                               .arg(id)
                         : QStringLiteral("The cutover of %1 is halted until then.").arg(id));
    return a;
}

QList<SlaAlert> MorningParity::cleared(TelemetryStore &store, const StoreSnapshot &snapshot,
                                       const QDateTime &now, QList<QDate> *nights)
{
    const QDate today = Calendar(snapshot.inventory).localDate(now);
    QList<SlaAlert> done;
    for (QDate night = today.addDays(-kWatchDays); night <= today; night = night.addDays(1))
        for (SlaAlert a : store.alerts(night)) {
            if (a.status != kAlertStatus)
                continue;
            if (nights && !nights->contains(night))
                nights->append(night);
            if (a.isResolved())
                continue;
            for (const ParityResult &r : snapshot.parity.value(a.report)) {
                if (r.businessDate != night || !r.isResolved())
                    continue;
                a.resolvedAt = now;
                a.resolvedReason = QStringLiteral("%1 by %2: %3")
                                       .arg(r.resolution == BreachResolution::Accepted
                                                ? QStringLiteral("accepted")
                                                : QStringLiteral("explained as %1")
                                                      .arg(resolutionName(r.resolution)),
                                            r.resolvedBy, r.resolvedReason);
                done << a;
            }
        }
    return done;
}

} // namespace daybreak
