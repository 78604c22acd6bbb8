#pragma once

#include "Inventory.h"
#include "Outcome.h"
#include "Problem.h"

namespace daybreak {

class Clock;
class Store;

// Loads an inventory into the store as one audited transaction, or nothing at all.
class InventoryService
{
public:
    InventoryService(Store &store, const Clock &clock, QString actor);

    // Reads and checks `path`, then applies it. Every problem is in the outcome's `problems`; it
    // writes only when none is an error (else BadInput). Only the store's owner imports.
    Outcome importFile(const QString &path);
    Outcome importInventory(const Inventory &inventory, const QString &source);
    // The embedded demo (resources/demo-inventory.json) with a few weeks of dual-run history.
    Outcome importDemo();

private:
    Outcome apply(const Inventory &inventory, const QString &source, const Problems &readProblems,
                  bool withDemoHistory);
    Problems checkAgainstStore(const Inventory &inventory, const QString &source);

    Store &m_store;
    const Clock &m_clock;
    QString m_actor;
};

} // namespace daybreak
