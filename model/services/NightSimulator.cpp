#include "NightSimulator.h"

#include "Calendar.h"
#include "DependencyGraph.h"

#include <QRandomGenerator>
#include <QTimeZone>

#include <algorithm>

namespace daybreak {

namespace NightSimulator {

QList<RunEvent> events(const StoreSnapshot &s, const QDate &businessDate, quint32 seed)
{
    QRandomGenerator rng(seed);
    const QTimeZone zone = Calendar(s.inventory).zone();
    QHash<QString, QDateTime> finished;
    QList<RunEvent> out;
    auto add = [&](const QString &id, Side side, RunEvent::Kind kind, const QDateTime &at) {
        RunEvent e;
        e.pipeline = id;
        e.businessDate = businessDate;
        e.side = side;
        e.kind = kind;
        e.at = at;
        out.append(e);
    };
    for (const QString &id : DependencyGraph(s.inventory).topologicalOrder()) {
        const Pipeline *p = s.inventory.find(id);
        QDateTime start;
        if (p->schedule)
            start = QDateTime(p->schedule->hour() >= 12 ? businessDate.addDays(-1) : businessDate,
                              *p->schedule, zone);
        for (const QString &up : p->upstreams)
            if (finished.contains(up) && (!start.isValid() || finished.value(up) > start))
                start = finished.value(up);
        start = start.addSecs(60 * int(rng.bounded(6))); // the scheduler's pick-up delay
        const State state = s.stateOf(id);
        QList<Side> sides{canonicalSide(state)};
        if (state == State::DualRun)
            sides.append(Side::Cloud);
        for (Side side : sides) {
            double factor = 0.85 + rng.bounded(30) / 100.0;
            if (rng.bounded(100) < 6)
                factor *= 1.7; // a slow night for this one
            const int minutes = std::max(1, int(p->minutesOn(side) * factor));
            QDateTime t = start;
            add(id, side, RunEvent::Kind::Started, t);
            if (side == canonicalSide(state) && rng.bounded(100) < 3) {
                const QDateTime failedAt = t.addSecs(60 * std::max(1, minutes / 3));
                add(id, side, RunEvent::Kind::Failed, failedAt);
                t = failedAt.addSecs(60 * 8);
                add(id, side, RunEvent::Kind::Retrying, t);
            }
            const QDateTime done = t.addSecs(60 * minutes);
            add(id, side, RunEvent::Kind::Succeeded, done);
            if (side == canonicalSide(state))
                finished.insert(id, done);
        }
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const RunEvent &a, const RunEvent &b) { return a.at < b.at; });
    return out;
}

} // namespace NightSimulator

} // namespace daybreak
