#include "ChangeFeed.h"

namespace daybreak {

StoreChange classifyFeed(const QList<FeedEntry> &entries)
{
    StoreChange c;
    for (const FeedEntry &e : entries) {
        const QString &t = e.table;
        if (t == QLatin1String("routing"))
            c.routing.insert(e.key);
        else if (t == QLatin1String("parity_results"))
            c.parity.insert(e.key);
        else if (t == QLatin1String("waves") || t == QLatin1String("wave_members"))
            c.plan = true;
        else if (t == QLatin1String("settings") && e.key == QLatin1String("plan_version"))
            c.plan = true;
        else if (t == QLatin1String("run_events"))
            c.runs.insert(e.key);
        else if (t == QLatin1String("alerts"))
            c.alerts = true;
        else if (t == QLatin1String("change_requests"))
            c.requests = true;
        else if (t == QLatin1String("audit"))
            c.audit = true;
        else if (t == QLatin1String("watches"))
            c.watches = true;
        else if (!c.everything) // the inventory: its pipelines, edges or settings
            c = StoreChange::all(QStringLiteral("the inventory changed (%1 %2)").arg(t, e.key));
        if (c.everything)
            return c;
    }
    return c;
}

} // namespace daybreak
