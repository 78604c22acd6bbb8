#pragma once

#include "Inventory.h"
#include "Problem.h"

class Clock;
class Store;

// Loads an inventory into the store as one audited transaction, or nothing at all.
class InventoryService
{
public:
    InventoryService(Store &store, const Clock &clock, QString actor);

    // Reads and checks `path`, then applies it. Returns every problem; writes only when none is an error.
    Problems importFile(const QString &path);
    Problems importInventory(const Inventory &inventory, const QString &source);
    // The embedded demo (resources/demo-inventory.json) with a few weeks of dual-run history.
    Problems importDemo();

private:
    Problems checkAgainstStore(const Inventory &inventory, const QString &source);

    Store &m_store;
    const Clock &m_clock;
    QString m_actor;
};
