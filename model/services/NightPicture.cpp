#include "NightPicture.h"

#include "Clock.h"
#include "MigrationRules.h"
#include "Store.h"

#include <algorithm>

namespace daybreak {

int NightPicture::failingDeliveries() const
{
    return int(std::count_if(deliveries.cbegin(), deliveries.cend(),
                             [](const Delivery &d) { return d.isFailing(); }));
}

NightPicture NightPicture::gather(Store &store, const Clock &clock, const QString &actor,
                                  const StoreSnapshot &snapshot, int nightOffset,
                                  int recentRoutingChanges, SlaService::LearnedCache *learned)
{
    NightPicture p;
    SlaService sla(store, clock, actor);
    sla.setLearnedCache(learned);
    const QDateTime now = clock.now();
    const QDate tonight = SlaService::currentNight(snapshot.inventory, now);
    // The sensors watch the current night whichever one is shown.
    p.current = sla.evaluate(snapshot, tonight);
    p.shown = nightOffset == 0 ? p.current : sla.evaluate(snapshot, tonight.addDays(nightOffset));
    p.watches = store.watches();
    if (const Wave *w = WaveStatus::currentWave(snapshot.plan, now))
        p.wave = WaveStatus::compute(store, snapshot, *w, now);
    QList<qint64> ids;
    for (const SlaAlert &a : p.shown.alerts)
        ids.append(a.id);
    p.deliveries = store.deliveriesOf(ids);
    if (recentRoutingChanges > 0) {
        const QList<AuditEntry> all = store.auditLog();
        for (auto it = all.crbegin();
             it != all.crend() && p.recentRouting.size() < recentRoutingChanges; ++it)
            if (actionFromName(it->action))
                p.recentRouting.append(*it);
    }
    return p;
}

} // namespace daybreak
