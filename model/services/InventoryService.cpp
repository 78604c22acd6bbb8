#include "InventoryService.h"

#include "Clock.h"
#include "DemoData.h"
#include "DemoHistory.h"
#include "Guarded.h"
#include "InventoryReader.h"
#include "Store.h"

namespace daybreak {

InventoryService::InventoryService(Store &store, const Clock &clock, QString actor)
    : m_store(store), m_clock(clock), m_actor(std::move(actor))
{
}

namespace {
Outcome badFile(const QString &source, Problems problems)
{
    Outcome o;
    o.problems = std::move(problems);
    o.fail(Outcome::Kind::BadInput, QStringLiteral("%1: nothing was imported").arg(source));
    return o;
}
} // namespace

Outcome InventoryService::importFile(const QString &path, bool allowRemovals, bool dryRun)
{
    const InventoryReadResult read = InventoryReader::readFile(path);
    if (!read.ok())
        return badFile(path, read.problems);
    return apply(read.inventory, path, read.problems, false, allowRemovals, dryRun);
}

Outcome InventoryService::importInventory(const Inventory &inventory, const QString &source,
                                          bool allowRemovals, bool dryRun)
{
    return apply(inventory, source, {}, false, allowRemovals, dryRun);
}

Outcome InventoryService::importDemo()
{
    const InventoryReadResult read =
        InventoryReader::readJson(demoInventoryJson(), QStringLiteral("demo inventory"));
    if (!read.ok())
        return badFile(QStringLiteral("the embedded demo"), read.problems);
    return apply(read.inventory, QStringLiteral("the embedded demo"), read.problems, true, false);
}

Outcome InventoryService::apply(const Inventory &inventory, const QString &source,
                                const Problems &readProblems, bool withDemoHistory,
                                bool allowRemovals, bool dryRun)
{
    Outcome o;
    if (const Decision role =
            roleDecision(m_store.access(), Role::Owner, QStringLiteral("importing an inventory"));
        !role.allowed()) {
        o.refuse(role, QStringLiteral("nothing was imported"));
        return o;
    }
    return guarded<Outcome>([&] {
        const StoreSnapshot current = m_store.snapshot();
        Problems problems = readProblems + checkAgainstStore(inventory, source, current);
        if (hasErrors(problems))
            return badFile(source, problems);
        // What the file leaves out would be removed, with its place in a wave: never silently.
        Decision removals;
        for (const Pipeline &p : current.inventory.pipelines()) {
            if (inventory.contains(p.id))
                continue;
            const QString wave = current.plan.waveOf(p.id);
            const QString what =
                wave.isEmpty()
                    ? QStringLiteral("%1 is not in %2: the import would remove it")
                          .arg(p.id, source)
                    : QStringLiteral("%1 is not in %2: the import would remove it and its place "
                                     "in wave '%3'")
                          .arg(p.id, source, wave);
            if (allowRemovals)
                problems.append(
                    {Problem::Severity::Warning, source, 0, 0, p.id, QStringLiteral("id"),
                     QStringLiteral("removed") +
                         (wave.isEmpty() ? QString()
                                         : QStringLiteral(" (it was in wave '%1')").arg(wave))});
            else
                removals.refuse(Reason::Code::Removal,
                                what + QStringLiteral(" (pass --allow-removals to remove it)"),
                                {p.id});
        }
        if (!removals.allowed()) {
            Outcome refused;
            refused.problems = problems;
            refused.refuse(removals, QStringLiteral("%1 pipeline(s) would be removed; nothing was "
                                                    "imported")
                                         .arg(removals.reasons.size()));
            return refused;
        }
        if (dryRun) {
            int added = 0, removed = 0;
            for (const Pipeline &p : inventory.pipelines())
                added += current.inventory.contains(p.id) ? 0 : 1;
            for (const Pipeline &p : current.inventory.pipelines())
                removed += inventory.contains(p.id) ? 0 : 1;
            o.problems = problems;
            o.message =
                QStringLiteral("dry run: %1 pipelines from %2 would be imported (%3 new, %4 "
                               "removed, %5 kept); nothing was written")
                    .arg(inventory.size())
                    .arg(source)
                    .arg(added)
                    .arg(removed)
                    .arg(inventory.size() - added);
            return o;
        }
        AuditEntry audit;
        audit.at = m_clock.now();
        audit.actor = m_actor;
        audit.action = QStringLiteral("import");
        audit.reason = QStringLiteral("%1 pipelines from %2").arg(inventory.size()).arg(source);
        // The demo's past goes in the same transaction as its inventory: one init, whole or not
        // at all (tst_cli guards it).
        if (withDemoHistory) {
            const DemoPast past = demoPast(inventory, audit.at, m_actor);
            m_store.replaceInventory(past.inventory, audit, past.history);
        } else {
            m_store.replaceInventory(inventory, audit);
        }
        o.problems = problems;
        o.message =
            QStringLiteral("imported %1 pipelines from %2").arg(inventory.size()).arg(source);
        return o;
    });
}

Problems InventoryService::checkAgainstStore(const Inventory &inventory, const QString &source,
                                             const StoreSnapshot &current)
{
    Problems problems;
    for (const Pipeline &p : current.inventory.pipelines()) {
        const State state = current.stateOf(p.id);
        const Pipeline *incoming = inventory.find(p.id);
        if (!incoming) {
            if (state != State::OnPrem)
                problems.append(
                    {Problem::Severity::Error, source, 0, 0, p.id, QStringLiteral("id"),
                     QStringLiteral(
                         "missing from the file but %1 in the store; a migrating pipeline "
                         "cannot be dropped by an import")
                         .arg(stateName(state))});
            continue;
        }
        if (incoming->initialState != state && incoming->initialState != State::OnPrem)
            problems.append(
                {Problem::Severity::Warning, source, 0, 0, p.id, QStringLiteral("state"),
                 QStringLiteral("the store says %1; the file's '%2' is ignored (state changes go "
                                "through dual-run, cutover and rollback)")
                     .arg(stateName(state), stateName(incoming->initialState))});
        if (incoming->staysOnPrem() && state != State::OnPrem)
            problems.append({Problem::Severity::Error, source, 0, 0, p.id, QStringLiteral("target"),
                             QStringLiteral("onprem, but the pipeline is already %1 in the store")
                                 .arg(stateName(state))});
    }
    return problems;
}

} // namespace daybreak
