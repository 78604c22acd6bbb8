#pragma once

#include "Inventory.h"
#include "Outcome.h"
#include "Problem.h"
#include "StoreTypes.h"

namespace daybreak {

class Clock;
class Store;

// Loads an inventory into the store as one audited transaction, or nothing at all.
class InventoryService
{
public:
    InventoryService(Store &store, const Clock &clock, QString actor);

    // Reads and checks `path`, then applies it. Every problem is in the outcome's `problems`; it
    // writes only when none is an error (else BadInput). Only the store's owner imports. An
    // import never removes a pipeline silently: one missing from the file is refused, named with
    // its wave, unless `allowRemovals` (then each removal is a warning in the outcome); a
    // pipeline that is not on-prem is never removed (tst_migrationservice guards it).
    // `dryRun`: every check made against the live store, nothing written; Done says what the
    // import would do.
    Outcome importFile(const QString &path, bool allowRemovals = false, bool dryRun = false);
    Outcome importInventory(const Inventory &inventory, const QString &source,
                            bool allowRemovals = false, bool dryRun = false);
    // The embedded demo (resources/demo-inventory.json) with a few weeks of dual-run history.
    Outcome importDemo();

private:
    Outcome apply(const Inventory &inventory, const QString &source, const Problems &readProblems,
                  bool withDemoHistory, bool allowRemovals, bool dryRun = false);
    Problems checkAgainstStore(const Inventory &inventory, const QString &source,
                               const StoreSnapshot &current);

    Store &m_store;
    const Clock &m_clock;
    QString m_actor;
};

} // namespace daybreak
