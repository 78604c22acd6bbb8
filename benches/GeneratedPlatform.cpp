#include "GeneratedPlatform.h"

#include <QRandomGenerator>

namespace daybreak {

namespace GeneratedPlatform {

Inventory inventory(int count, quint32 seed)
{
    QRandomGenerator rng(seed);
    // Layer shares: 20% sources, 25% staging, 20% core, 25% marts, 10% reports.
    const double shares[] = {0.20, 0.25, 0.20, 0.25, 0.10};
    const char *prefixes[] = {"src", "stg", "core", "mart", "rpt"};
    QList<QStringList> layers(5);
    QList<Pipeline> pipelines;
    int made = 0;
    for (int layer = 0; layer < 5; ++layer) {
        const int n = layer == 4 ? count - made : std::max(1, int(count * shares[layer]));
        for (int i = 0; i < n; ++i, ++made) {
            Pipeline p;
            p.id = QStringLiteral("%1_%2")
                       .arg(QLatin1String(prefixes[layer]))
                       .arg(i, 5, 10, QLatin1Char('0'));
            p.name = p.id;
            p.owner = QStringLiteral("team%1").arg(rng.bounded(12));
            p.onpremMinutes = 5 + int(rng.bounded(40));
            p.cloudMinutes = std::max(3, p.onpremMinutes - int(rng.bounded(10)));
            p.risk = rng.bounded(100) < 15 ? Risk::High
                                           : (rng.bounded(100) < 50 ? Risk::Medium : Risk::Low);
            p.target = rng.bounded(100) < 4 ? Side::OnPrem : Side::Cloud;
            if (layer == 0) {
                p.schedule = QTime(0, 0).addSecs(60 * int(rng.bounded(180)));
            } else {
                const QStringList &below = layers.at(layer - 1);
                const int fanIn = 1 + int(rng.bounded(5));
                for (int k = 0; k < fanIn; ++k) {
                    // A few hubs: core and staging tables with small indices are read far more
                    // often.
                    const bool hub = rng.bounded(100) < 20;
                    const int pick = hub ? int(rng.bounded(std::min<qsizetype>(5, below.size())))
                                         : int(rng.bounded(below.size()));
                    const QString up = below.at(pick);
                    if (!p.upstreams.contains(up))
                        p.upstreams.append(up);
                }
            }
            if (layer == 4)
                p.sla = QTime(6, 0);
            layers[layer].append(p.id);
            pipelines.append(p);
        }
    }
    Inventory inv;
    inv.timezone = QStringLiteral("Europe/Berlin");
    inv.setPipelines(pipelines);
    return inv;
}

StoreSnapshot snapshot(int count, const QDate &today, quint32 seed)
{
    StoreSnapshot s;
    s.inventory = inventory(count, seed);
    QRandomGenerator rng(seed + 1);
    for (const Pipeline &p : s.inventory.pipelines()) {
        const bool dual = !p.staysOnPrem() && rng.bounded(100) < 10;
        s.routing.insert(p.id, {p.id, dual ? State::DualRun : State::OnPrem, 1, {}});
        if (!dual)
            continue;
        for (int i = 0; i < s.inventory.parityRunsRequired; ++i) {
            ParityResult r;
            r.pipeline = p.id;
            r.businessDate = today.addDays(-i);
            r.onpremRows = r.cloudRows = 1000;
            s.parity[p.id].append(r);
        }
    }
    return s;
}

} // namespace GeneratedPlatform

} // namespace daybreak
