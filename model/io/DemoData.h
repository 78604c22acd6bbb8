#pragma once

#include "Inventory.h"
#include "ParityResult.h"

#include <QByteArray>
#include <QDateTime>

namespace daybreak {

// The embedded demo inventory (resources/demo-inventory.json).
QByteArray demoInventoryJson();
// Nine weeks or more of dual-run comparisons up to `now`'s business date, for every pipeline that
// starts dual-running or cut over. erp_products_extract is clean for two weeks and spikes on the
// latest quarter-end run (its gate holds the cutover); stg_clickstream, already cut over, spiked
// last night (a rollback is recommended).
QList<ParityResult> demoParityHistory(const Inventory &inventory, const QDateTime &now,
                                      const QString &actor);

} // namespace daybreak
