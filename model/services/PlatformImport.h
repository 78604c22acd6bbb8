#pragma once

#include "Inventory.h"
#include "Outcome.h"
#include "RunHistory.h"

namespace daybreak {

class Clock;
class Store;

// What an import from a platform (dbt, Airflow) changes in the store's inventory, pipeline by
// pipeline, in words a lead reviews before anything is written.
struct InventoryChange
{
    enum class Kind
    {
        Added,
        Removed,
        Kept, // left out by the platform, but migrating: an import never removes it
        Changed
    };
    Kind kind = Kind::Changed;
    QString pipeline;
    QStringList what; // "group a → b", "reads +x −y", "deadline 06:00 → 07:00", ...
    QString line() const;
};

struct ImportOutcome : Outcome
{
    QList<InventoryChange> changes;
    bool applied = false;
    int count(InventoryChange::Kind kind) const;
};

// Imports a platform's own description into the store. On an empty store it is the inventory.
// On a store that has one, it is a reviewed diff: what the platform owns (reads, groups,
// names, owners, report deadlines) follows the platform; what the lead set (durations,
// schedules, risks, targets, tolerances) stays; a pipeline the platform no longer has is removed
// only while it is on-prem. Nothing is written without `apply`; with it, one transaction with an
// audit row per pipeline that changed.
class PlatformImport
{
public:
    PlatformImport(Store &store, const Clock &clock, QString actor);

    ImportOutcome importInventory(const Inventory &incoming, const QString &source, bool apply);
    // Runs matched to pipelines by the tag the importer gave them ("dbt:<unique_id>"); a run
    // already in the store is not written twice. One transaction, one audit row.
    Outcome importRuns(const RunHistoryRead &runs, const QString &source, Side side);

private:
    Store &m_store;
    const Clock &m_clock;
    QString m_actor;
};

} // namespace daybreak
