#include "MigrationService.h"

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

ActionOutcome MigrationService::performUnguarded(MigrationAction action,
                                                 const ActionRequest &request,
                                                 std::optional<qint64> expectedVersion, bool write)
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

} // namespace daybreak
