#pragma once

#include "MigrationRules.h"
#include "Outcome.h"
#include "StoreTypes.h"

#include <QString>

#include <optional>

namespace daybreak {

class Clock;
class Store;

// A routing change's outcome, with the states it moved between.
struct ActionOutcome : Outcome
{
    State from = State::OnPrem;
    State to = State::OnPrem;
};

// The one place that changes a pipeline's routing state. The GUI and daybreakctl both call it,
// so a rule cannot hold in one and not the other.
class MigrationService
{
public:
    MigrationService(Store &store, const Clock &clock, QString actor);

    // `expectedVersion`: the pointer version the caller last saw; a moved pointer is a conflict.
    ActionOutcome perform(MigrationAction action, const ActionRequest &request,
                          std::optional<qint64> expectedVersion = std::nullopt);
    // The same path with nothing written: every rule, the role and the expected version checked
    // against the live store; Done ("dry run: … would go …") or the refusal the change would get.
    ActionOutcome dryRun(MigrationAction action, const ActionRequest &request,
                         std::optional<qint64> expectedVersion = std::nullopt);

    ActionOutcome startDualRun(const ActionRequest &r)
    {
        return perform(MigrationAction::DualRun, r);
    }
    ActionOutcome cutover(const ActionRequest &r) { return perform(MigrationAction::Cutover, r); }
    ActionOutcome rollback(const ActionRequest &r) { return perform(MigrationAction::Rollback, r); }
    ActionOutcome decommission(const ActionRequest &r)
    {
        return perform(MigrationAction::Decommission, r);
    }

    // What would happen now, without writing: for greying out actions and for `status ID`.
    Decision check(MigrationAction action, const ActionRequest &request);

    const QString &actor() const { return m_actor; }

private:
    ActionOutcome performUnguarded(MigrationAction action, const ActionRequest &request,
                                   std::optional<qint64> expectedVersion, bool write);
    void refuseBeyondRole(Decision &decision, MigrationAction action) const;

    Store &m_store;
    const Clock &m_clock;
    QString m_actor;
};

} // namespace daybreak
