#include "PlanNights.h"

#include "Calendar.h"
#include "PlanMoves.h"
#include "WaveNights.h"

#include <QTimeZone>

#include <algorithm>

namespace daybreak {

namespace {
// The reports each wave's night turns at risk, against the night before it (for the first
// wave: tonight as the pipelines run now).
QList<QStringList> turnedPerWave(const StoreSnapshot &s, const WavePlan &plan,
                                 const LearnedDurations *learned, const QTimeZone &zone)
{
    const QList<WaveNight> nights = WaveNights::all(s, plan, learned);
    QList<QStringList> turned;
    WaveNight previous;
    if (!nights.isEmpty()) {
        // Before the first wave: every report as it runs today, on the first wave's night.
        WavePlan none = plan;
        for (const Wave &w : plan.waves())
            for (const QString &m : w.members)
                none.unassign(m);
        previous = WaveNights::after(s, none, plan.waves().constFirst().name, learned);
    }
    for (const WaveNight &n : nights) {
        turned << WaveNights::turnedAtRisk(previous, n, zone);
        previous = n;
    }
    return turned;
}

int count(const QList<QStringList> &turned)
{
    int n = 0;
    for (const QStringList &t : turned)
        n += int(t.size());
    return n;
}
} // namespace

namespace PlanNights {

void avoidRiskyNights(const StoreSnapshot &s, const WaveRules &rules, WavePlanner::Result &result,
                      const LearnedDurations *learned)
{
    if (!PlanMoves::whatIfApplies(s) || result.placed.isEmpty())
        return;
    bool deadlines = false; // a platform without 6am reports has no night to spare
    for (const Pipeline &p : s.inventory.pipelines())
        deadlines = deadlines || p.sla.has_value();
    if (!deadlines)
        return;
    const QTimeZone zone = Calendar(s.inventory).zone();
    WavePlan plan = result.plan;
    QList<QStringList> turned = turnedPerWave(s, plan, learned, zone);
    const qint64 perTrial =
        std::max<qint64>(1, qint64(s.inventory.size()) * (result.plan.waves().size() + 1));
    const int maxTrials = int(std::min<qint64>(kMaxTrials, kMaxWork / perTrial));
    int trials = 0;
    for (int i = 0; i < plan.waves().size() && trials < maxTrials; ++i) {
        if (turned.value(i).isEmpty())
            continue;
        // Its newly placed pipelines, downstreams first (they free their upstreams to move).
        QStringList order = rules.cutoverOrder(plan.waves().at(i));
        std::reverse(order.begin(), order.end());
        for (const QString &id : std::as_const(order)) {
            if (!result.placed.contains(id) || turned.value(i).isEmpty())
                continue;
            for (int j = i + 1; j < plan.waves().size() && trials < maxTrials; ++j) {
                ++trials;
                WavePlan trial = plan;
                trial.unassign(id);
                if (!rules.checkAssign(trial, id, plan.waves().at(j).name).allowed())
                    continue;
                trial.assign(id, plan.waves().at(j).name);
                const QList<QStringList> then = turnedPerWave(s, trial, learned, zone);
                if (count(then) < count(turned)) {
                    result.nights.append(
                        {false,
                         plan.waves().at(j).name,
                         id,
                         {Reason::Code::NightAtRisk,
                          QStringLiteral("%1 waits for %2 (planned in %3): the night after %3 "
                                         "would have turned %4 at risk")
                              .arg(id, plan.waves().at(j).name, plan.waves().at(i).name,
                                   turned.value(i).join(QStringLiteral(", "))),
                          {id}}});
                    plan = trial;
                    turned = then;
                    break;
                }
            }
        }
    }
    for (int i = 0; i < plan.waves().size(); ++i)
        if (!turned.value(i).isEmpty()) {
            const WaveNight n = WaveNights::after(s, plan, plan.waves().at(i).name, learned);
            result.nights.append(
                {false,
                 plan.waves().at(i).name,
                 {},
                 {Reason::Code::NightAtRisk,
                  QStringLiteral("the night after %1 (%2) turns %3 at risk; no later wave could "
                                 "take what it moves without breaking the order, the capacity "
                                 "or the readiness, or without putting another night at risk")
                      .arg(plan.waves().at(i).name,
                           n.night.toString(QStringLiteral("ddd dd MMM 6am")),
                           turned.value(i).join(QStringLiteral(", "))),
                  {}}});
        }
    // A wave the planner made and the second look emptied is no wave at all.
    for (const QString &name : std::as_const(result.createdWaves))
        if (const Wave *w = plan.find(name); w && w->members.isEmpty())
            plan.removeWave(name);
    result.createdWaves.removeIf([&plan](const QString &name) { return !plan.find(name); });
    result.plan = plan;
}

} // namespace PlanNights

} // namespace daybreak
