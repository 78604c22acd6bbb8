#include "MigrationService.h"

#include "Calendar.h"
#include "ChangeWindow.h"
#include "Clock.h"
#include "Guarded.h"
#include "Store.h"

namespace daybreak {

MigrationService::MigrationService(Store &store, const Clock &clock, QString actor)
    : m_store(store), m_clock(clock), m_actor(std::move(actor))
{
}

Decision MigrationService::check(MigrationAction action, const ActionRequest &request)
{
    const StoreSnapshot snapshot = m_store.snapshot();
    Decision d = MigrationRules(snapshot, m_clock.now()).check(action, request);
    refuseBeyondRole(d, action);
    return d;
}

void MigrationService::refuseBeyondRole(Decision &decision, MigrationAction action) const
{
    const Decision role = roleDecision(m_store.access(), Role::Operator, actionName(action));
    decision.reasons = role.reasons + decision.reasons;
}

ActionOutcome MigrationService::perform(MigrationAction action, const ActionRequest &request,
                                        std::optional<qint64> expectedVersion)
{
    return guarded<ActionOutcome>(
        [&] { return performUnguarded(action, request, expectedVersion, true); });
}

ActionOutcome MigrationService::dryRun(MigrationAction action, const ActionRequest &request,
                                       std::optional<qint64> expectedVersion)
{
    return guarded<ActionOutcome>(
        [&] { return performUnguarded(action, request, expectedVersion, false); });
}

// The pointer's move as the store writes it: the versions it was decided on (its own and its
// neighbours'), its audit row, and for an approval the request it carries out.
Transition MigrationService::transitionFor(const StoreSnapshot &snapshot,
                                           const RoutingPointer &pointer, MigrationAction action,
                                           const ActionRequest &request,
                                           const ActionOutcome &outcome, const QDateTime &now,
                                           const std::optional<ChangeRequest> &approving) const
{
    Transition t;
    t.pipeline = request.pipeline;
    t.from = pointer.state;
    t.to = outcome.to;
    t.expectedVersion = pointer.version;
    // The rules read the neighbours' states (upstreams cut over, downstreams reading across sides).
    for (const QString &n : snapshot.inventory.find(request.pipeline)->upstreams +
                                snapshot.inventory.downstreamsOf(request.pipeline))
        t.neighbourVersions.insert(n, snapshot.routing.value(n).version);
    t.audit.at = now;
    t.audit.actor = m_actor;
    t.audit.action = actionName(action);
    t.audit.pipeline = request.pipeline;
    t.audit.from = stateName(t.from);
    t.audit.to = stateName(t.to);
    t.audit.reason = request.reason.trimmed();
    t.audit.breakGlass = request.breakGlass;
    for (const Reason &w : outcome.decision.warnings)
        t.audit.unplanned = t.audit.unplanned || w.code == Reason::Code::Unplanned;
    if (approving) {
        t.audit.reason = QStringLiteral("request #%1 by %2, approved by %3: %4")
                             .arg(approving->id)
                             .arg(approving->requester, identity(), approving->reason);
        AuditEntry approval = t.audit;
        approval.action = QStringLiteral("approve");
        approval.unplanned = false;
        approval.from.clear();
        approval.to.clear();
        approval.reason = QStringLiteral("request #%1 (%2 of %3 asked by %4)")
                              .arg(approving->id)
                              .arg(approving->action, approving->pipeline, approving->requester);
        t.approval = Transition::Approval{approving->id, identity(), approval};
    }
    return t;
}

ActionOutcome MigrationService::performUnguarded(MigrationAction action,
                                                 const ActionRequest &request,
                                                 std::optional<qint64> expectedVersion, bool write,
                                                 const std::optional<ChangeRequest> &approving)
{
    ActionOutcome outcome;
    const StoreSnapshot snapshot = m_store.snapshot();
    const QDateTime now = m_clock.now();
    if (!snapshot.inventory.contains(request.pipeline)) {
        outcome.fail(Outcome::Kind::Unknown,
                     QStringLiteral("unknown pipeline '%1'").arg(request.pipeline));
        return outcome;
    }
    const RoutingPointer pointer = snapshot.routing.value(request.pipeline);
    outcome.from = pointer.state;
    outcome.to = targetState(action);
    if (expectedVersion && *expectedVersion != pointer.version) {
        outcome.fail(
            Outcome::Kind::Conflict,
            QStringLiteral(
                "%1 changed since you looked (version %2, now %3 and %4); nothing was written")
                .arg(request.pipeline)
                .arg(*expectedVersion)
                .arg(pointer.version)
                .arg(stateName(pointer.state)));
        return outcome;
    }
    outcome.decision = MigrationRules(snapshot, now).check(action, request);
    refuseBeyondRole(outcome.decision, action);
    if (!outcome.decision.allowed()) {
        outcome.fail(Outcome::Kind::Refused,
                     QStringLiteral("%1 of %2 refused").arg(actionName(action), request.pipeline));
        return outcome;
    }
    const Transition t = transitionFor(snapshot, pointer, action, request, outcome, now, approving);
    if (!write) {
        outcome.kind = Outcome::Kind::Done;
        outcome.message =
            QStringLiteral("dry run: %1 would go %2 -> %3 (canonical %4)%5; nothing "
                           "was written")
                .arg(request.pipeline, stateName(t.from), stateName(t.to),
                     sideName(canonicalSide(t.to)),
                     t.audit.breakGlass ? QStringLiteral(", break-glass") : QString());
        return outcome;
    }
    if (m_store.applyTransition(t) == WriteStatus::Conflict) {
        if (approving) {
            outcome.fail(Outcome::Kind::Conflict,
                         QStringLiteral("request #%1 was decided by someone else, or %2 or a "
                                        "pipeline next to it changed, while this approval ran; "
                                        "nothing was written")
                             .arg(approving->id)
                             .arg(request.pipeline));
            return outcome;
        }
        outcome.fail(
            Outcome::Kind::Conflict,
            QStringLiteral(
                "%1 or a pipeline next to it was changed by someone else while this %2 ran; "
                "nothing was written")
                .arg(request.pipeline, actionName(action)));
        return outcome;
    }
    outcome.kind = Outcome::Kind::Done;
    outcome.message = QStringLiteral("%1: %2 -> %3 (canonical %4)")
                          .arg(request.pipeline, stateName(t.from), stateName(t.to),
                               sideName(canonicalSide(t.to)));
    return outcome;
}

QString MigrationService::identity() const
{
    return m_store.serverNamesUsers() ? m_store.access().user : m_actor;
}

MigrationService::RequestOutcome MigrationService::requestChange(MigrationAction action,
                                                                 const ActionRequest &request)
{
    return guarded<RequestOutcome>([&] {
        RequestOutcome outcome;
        const StoreSnapshot snapshot = m_store.snapshot();
        const QDateTime now = m_clock.now();
        const Pipeline *p = snapshot.inventory.find(request.pipeline);
        if (!p) {
            outcome.fail(Outcome::Kind::Unknown,
                         QStringLiteral("unknown pipeline '%1'").arg(request.pipeline));
            return outcome;
        }
        outcome.from = snapshot.stateOf(p->id);
        outcome.to = targetState(action);
        if (!MigrationRules::needsApproval(snapshot.inventory, *p, action, request.breakGlass)) {
            outcome.decision.refuse(
                Reason::Code::Other,
                QStringLiteral("the %1 of %2 needs no second operator (approvals: %3): run "
                               "'daybreakctl %1 %2' itself")
                    .arg(actionName(action), p->id,
                         approvalPolicyName(snapshot.inventory.approvals)),
                {p->id});
        }
        if (request.reason.trimmed().isEmpty())
            outcome.decision.refuse(
                Reason::Code::ReasonMissing,
                QStringLiteral("a request for the %1 of %2 needs a reason the approver reads")
                    .arg(actionName(action), p->id),
                {p->id});
        // Every other rule as it stands now: a request that could never go is not asked.
        ActionRequest asIfApproved = request;
        asIfApproved.approvedRequest = -1;
        const Decision rules = MigrationRules(snapshot, now).check(action, asIfApproved);
        outcome.decision.reasons += rules.reasons;
        outcome.decision.warnings += rules.warnings;
        refuseBeyondRole(outcome.decision, action);
        if (!outcome.decision.allowed()) {
            outcome.fail(
                Outcome::Kind::Refused,
                QStringLiteral("request for the %1 of %2 refused").arg(actionName(action), p->id));
            return outcome;
        }
        // It expires when the window it was made in closes (a break-glass request made outside
        // the window: when the next one closes).
        const ChangeWindow window = ChangeWindow::of(snapshot.inventory);
        std::optional<QDateTime> until = window.openUntil(now);
        if (!until)
            if (const auto opens = window.nextOpening(now))
                until = window.openUntil(*opens);
        ChangeRequest r;
        r.createdAt = now;
        r.requester = identity();
        r.action = actionName(action);
        r.pipeline = p->id;
        r.reason = request.reason.trimmed();
        r.expiresAt = until.value_or(now.addDays(1));
        AuditEntry audit;
        audit.at = now;
        audit.actor = m_actor;
        audit.action = QStringLiteral("request");
        audit.pipeline = p->id;
        audit.reason = QStringLiteral("%1: %2").arg(r.action, r.reason);
        outcome.requestId = m_store.addChangeRequest(r, audit);
        outcome.kind = Outcome::Kind::Done;
        outcome.message =
            QStringLiteral("request #%1: the %2 of %3, asked by %4, waits for a second operator "
                           "until %5 ('daybreakctl approve %1' or 'daybreakctl reject %1 --reason "
                           "R')")
                .arg(outcome.requestId)
                .arg(r.action, r.pipeline, r.requester,
                     Calendar(snapshot.inventory)
                         .format(r.expiresAt, QStringLiteral("ddd yyyy-MM-dd HH:mm t")));
        return outcome;
    });
}

std::optional<ChangeRequest> MigrationService::findRequest(qint64 id, Outcome &outcome)
{
    for (const ChangeRequest &r : m_store.changeRequests())
        if (r.id == id) {
            const QDateTime now = m_clock.now();
            Decision d;
            if (r.status != ChangeRequest::Status::Pending)
                d.refuse(Reason::Code::Other,
                         QStringLiteral("request #%1 is already %2 (by %3)")
                             .arg(id)
                             .arg(requestStatusName(r.status), r.decidedBy),
                         {r.pipeline});
            else if (r.expired(now))
                d.refuse(Reason::Code::WindowClosed,
                         QStringLiteral("request #%1 expired at %2, when its change window closed; "
                                        "ask again in the next window")
                             .arg(id)
                             .arg(r.expiresAt.toString(Qt::ISODate)),
                         {r.pipeline});
            if (r.requester == identity())
                d.refuse(Reason::Code::RoleMissing,
                         QStringLiteral("four eyes: %1 asked for request #%2 and cannot decide "
                                        "it; another operator must")
                             .arg(r.requester)
                             .arg(id),
                         {r.pipeline});
            if (!d.allowed()) {
                outcome.decision = d;
                outcome.fail(Outcome::Kind::Refused,
                             QStringLiteral("request #%1 cannot be decided").arg(id));
                return std::nullopt;
            }
            return r;
        }
    outcome.fail(Outcome::Kind::Unknown, QStringLiteral("no change request #%1").arg(id));
    return std::nullopt;
}

ActionOutcome MigrationService::approve(qint64 requestId)
{
    return guarded<ActionOutcome>([&] {
        ActionOutcome outcome;
        const std::optional<ChangeRequest> r = findRequest(requestId, outcome);
        if (!r)
            return outcome;
        const Decision approver =
            roleDecision(m_store.access(), Role::Approver, QStringLiteral("approving a request"));
        if (!approver.allowed()) {
            outcome.decision = approver;
            outcome.fail(Outcome::Kind::Refused,
                         QStringLiteral("approval of request #%1 refused").arg(requestId));
            return outcome;
        }
        ActionRequest request{r->pipeline, r->reason, false, r->id};
        return performUnguarded(actionFromName(r->action).value_or(MigrationAction::Cutover),
                                request, std::nullopt, true, r);
    });
}

Outcome MigrationService::reject(qint64 requestId, const QString &reason)
{
    return guarded<Outcome>([&] {
        Outcome outcome;
        const std::optional<ChangeRequest> r = findRequest(requestId, outcome);
        if (!r)
            return outcome;
        Decision d =
            roleDecision(m_store.access(), Role::Operator, QStringLiteral("rejecting a request"));
        if (reason.trimmed().isEmpty())
            d.refuse(Reason::Code::ReasonMissing,
                     QStringLiteral("rejecting request #%1 needs a reason").arg(requestId),
                     {r->pipeline});
        if (!d.allowed()) {
            outcome.decision = d;
            outcome.fail(Outcome::Kind::Refused,
                         QStringLiteral("rejection of request #%1 refused").arg(requestId));
            return outcome;
        }
        AuditEntry audit;
        audit.at = m_clock.now();
        audit.actor = m_actor;
        audit.action = QStringLiteral("reject");
        audit.pipeline = r->pipeline;
        audit.reason = QStringLiteral("request #%1 (%2 asked by %3): %4")
                           .arg(requestId)
                           .arg(r->action, r->requester, reason.trimmed());
        if (m_store.rejectChangeRequest(requestId, identity(), reason.trimmed(), audit) ==
            WriteStatus::Conflict) {
            outcome.fail(
                Outcome::Kind::Conflict,
                QStringLiteral("request #%1 was decided by someone else meanwhile").arg(requestId));
            return outcome;
        }
        outcome.kind = Outcome::Kind::Done;
        outcome.message = QStringLiteral("request #%1 rejected: %2").arg(requestId).arg(reason);
        return outcome;
    });
}

} // namespace daybreak
