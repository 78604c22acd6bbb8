#pragma once

#include "Inventory.h"
#include "StoreTypes.h"

#include <QDateTime>

namespace daybreak {

// The embedded demo's past, generated from a seed so every view tells a true story the moment a
// newcomer opens it: nine weeks of nightly runs on both sides (slower month-ends, a quarter-end
// spike, a mart whose runs grow 2 % a week, two nights on which an extract failed and recovered
// late, the cloud shadow runs of
// every dual-running pipeline), the dual-run comparisons that go with them, three past waves
// with their audited cutovers, and one rollback.
struct DemoPast
{
    // The demo inventory as it stood before the history: a pipeline the history moves starts
    // on-prem, so its routing audit rows lead from there to the state the inventory names.
    Inventory inventory;
    StoreHistory history;
};

// Everything up to `now` (runs of the current night only as far as they have happened). The same
// `seed` and `now` give the same past.
DemoPast demoPast(const Inventory &demo, const QDateTime &now, const QString &actor,
                  quint32 seed = 20261201);

} // namespace daybreak
