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

    // Four eyes (the inventory's `approvals`). requestChange() records a pending request when
    // every rule but the approval allows the change now, and says its id (`requestId`);
    // approve() performs it, by an approver who is not its requester, every rule checked again
    // at that moment, the request approved in the change's own transaction (two approvers at
    // once: one change, the other a conflict); reject() closes it with a reason. Requests expire
    // at the end of the change window they were made in.
    struct RequestOutcome : ActionOutcome
    {
        qint64 requestId = 0;
    };
    RequestOutcome requestChange(MigrationAction action, const ActionRequest &request);
    ActionOutcome approve(qint64 requestId);
    Outcome reject(qint64 requestId, const QString &reason);
    // Who asks and who decides: the server's name for the user on PostgreSQL, else the actor.
    QString identity() const;

private:
    ActionOutcome performUnguarded(MigrationAction action, const ActionRequest &request,
                                   std::optional<qint64> expectedVersion, bool write,
                                   const std::optional<ChangeRequest> &approving = std::nullopt);
    std::optional<ChangeRequest> findRequest(qint64 id, Outcome &outcome);
    void refuseBeyondRole(Decision &decision, MigrationAction action) const;
    Transition transitionFor(const StoreSnapshot &snapshot, const RoutingPointer &pointer,
                             MigrationAction action, const ActionRequest &request,
                             const ActionOutcome &outcome, const QDateTime &now,
                             const std::optional<ChangeRequest> &approving) const;

    Store &m_store;
    const Clock &m_clock;
    QString m_actor;
};

} // namespace daybreak
