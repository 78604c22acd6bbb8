#include "MigrationRules.h"

#include "WaveRules.h"

#include <QTimeZone>

namespace daybreak {

QString actionName(MigrationAction action)
{
    switch (action) {
    case MigrationAction::DualRun:
        return QStringLiteral("dual_run");
    case MigrationAction::Cutover:
        return QStringLiteral("cutover");
    case MigrationAction::Rollback:
        return QStringLiteral("rollback");
    case MigrationAction::Decommission:
        return QStringLiteral("decommission");
    }
    return {};
}

std::optional<MigrationAction> actionFromName(const QString &name)
{
    for (MigrationAction a : {MigrationAction::DualRun, MigrationAction::Cutover,
                              MigrationAction::Rollback, MigrationAction::Decommission})
        if (actionName(a) == name)
            return a;
    return std::nullopt;
}

State targetState(MigrationAction action)
{
    switch (action) {
    case MigrationAction::DualRun:
        return State::DualRun;
    case MigrationAction::Cutover:
        return State::Cloud;
    case MigrationAction::Rollback:
        return State::DualRun;
    case MigrationAction::Decommission:
        return State::Decommissioned;
    }
    return State::OnPrem;
}

MigrationRules::MigrationRules(const StoreSnapshot &snapshot, QDateTime now)
    : m_snapshot(snapshot), m_now(std::move(now))
{
}

ChangeWindow MigrationRules::changeWindow() const
{
    return ChangeWindow::of(m_snapshot.inventory);
}

ParityGate::Evaluation MigrationRules::gateOf(const StoreSnapshot &snapshot,
                                              const QString &pipeline, const QDate &asOf)
{
    const Pipeline *p = snapshot.inventory.find(pipeline);
    const ParityGate gate(snapshot.inventory.parityRunsRequired,
                          p ? p->parityTolerance : kDefaultParityTolerance);
    return gate.evaluate(snapshot.parity.value(pipeline), asOf);
}

QStringList MigrationRules::upstreamsNotCutOver(const StoreSnapshot &snapshot,
                                                const QString &pipeline)
{
    QStringList result;
    const Pipeline *p = snapshot.inventory.find(pipeline);
    if (!p)
        return result;
    for (const QString &up : p->upstreams) {
        const Pipeline *u = snapshot.inventory.find(up);
        if (u && !u->staysOnPrem() && canonicalSide(snapshot.stateOf(up)) != Side::Cloud)
            result.append(up);
    }
    return result;
}

QStringList MigrationRules::cloudDownstreams(const QString &pipeline) const
{
    QStringList result;
    for (const QString &down : m_snapshot.inventory.downstreamsOf(pipeline))
        if (canonicalSide(m_snapshot.stateOf(down)) == Side::Cloud)
            result.append(down);
    return result;
}

void MigrationRules::checkState(Decision &d, const Pipeline &p, State current,
                                MigrationAction action) const
{
    const QString state = stateName(current);
    switch (action) {
    case MigrationAction::DualRun:
        if (p.staysOnPrem())
            d.refuse(Reason::Code::StaysOnPrem,
                     QStringLiteral("%1 is declared to stay on-prem (target onprem)").arg(p.id),
                     {p.id});
        else if (current != State::OnPrem)
            d.refuse(
                Reason::Code::WrongState,
                QStringLiteral("%1 is %2; a dual run starts only from onprem").arg(p.id, state),
                {p.id});
        break;
    case MigrationAction::Cutover:
        if (p.staysOnPrem())
            d.refuse(Reason::Code::StaysOnPrem,
                     QStringLiteral("%1 is declared to stay on-prem (target onprem)").arg(p.id),
                     {p.id});
        else if (current != State::DualRun)
            d.refuse(Reason::Code::WrongState,
                     QStringLiteral("%1 is %2; only a dual-running pipeline can be cut over")
                         .arg(p.id, state),
                     {p.id});
        break;
    case MigrationAction::Rollback:
        if (current == State::Decommissioned)
            d.refuse(Reason::Code::WrongState,
                     QStringLiteral("%1 is decommissioned: its on-prem side is retired, so there "
                                    "is no pointer to flip back")
                         .arg(p.id),
                     {p.id});
        else if (current != State::Cloud)
            d.refuse(Reason::Code::WrongState,
                     QStringLiteral("%1 is %2; only a cut-over (cloud) pipeline can be rolled back")
                         .arg(p.id, state),
                     {p.id});
        break;
    case MigrationAction::Decommission:
        if (current != State::Cloud)
            d.refuse(
                Reason::Code::WrongState,
                QStringLiteral("%1 is %2; only a cut-over (cloud) pipeline can be decommissioned")
                    .arg(p.id, state),
                {p.id});
        break;
    }
}

void MigrationRules::checkWindow(Decision &d, const ActionRequest &request,
                                 MigrationAction action) const
{
    if (action == MigrationAction::DualRun)
        return; // a shadow run changes nobody's reads
    const ChangeWindow window = changeWindow();
    if (window.isInChangeWindow(m_now))
        return;
    if (action == MigrationAction::Rollback && request.breakGlass)
        return; // allowed, audited as break-glass; the reason is checked separately
    const QDateTime local = window.toLocal(m_now);
    const QString when =
        QStringLiteral("%1 %2").arg(local.toString(QStringLiteral("ddd yyyy-MM-dd HH:mm")),
                                    QString::fromUtf8(window.zone().id()));
    QString text = window.isBlackout(local.date())
                       ? QStringLiteral("the change window is closed: %1 is a blackout date")
                             .arg(local.date().toString(Qt::ISODate))
                       : QStringLiteral("the change window is closed: %1 is outside %2")
                             .arg(when, window.policy().describe());
    if (auto next = window.nextOpening(m_now))
        text += QStringLiteral("; it opens %1")
                    .arg(window.toLocal(*next).toString(QStringLiteral("ddd yyyy-MM-dd HH:mm")));
    if (action == MigrationAction::Rollback)
        text += QStringLiteral(" (an urgent rollback needs --break-glass and a reason)");
    d.refuse(window.isBlackout(local.date()) ? Reason::Code::Blackout : Reason::Code::WindowClosed,
             text, {request.pipeline});
}

void MigrationRules::checkPlanned(Decision &d, const QString &pipeline) const
{
    // Unplanned cutovers are allowed by the rules but marked, so the report and war room see them.
    const Wave *current = nullptr;
    for (const Wave &w : m_snapshot.plan.waves())
        if (w.windowStart <= m_now && m_now <= w.windowEnd)
            current = &w;
    if (!current) {
        d.warn(Reason::Code::Unplanned,
               QStringLiteral("no wave is planned for this change window: the cutover of %1 is "
                              "unplanned")
                   .arg(pipeline),
               {pipeline});
        return;
    }
    if (!current->members.contains(pipeline)) {
        const QString planned = m_snapshot.plan.waveOf(pipeline);
        d.warn(Reason::Code::Unplanned,
               QStringLiteral(
                   "%1 is not in wave '%2', the wave of this window (%3): the cutover is unplanned")
                   .arg(pipeline, current->name,
                        planned.isEmpty() ? QStringLiteral("it is not planned at all")
                                          : QStringLiteral("it is planned in '%1'").arg(planned)),
               {pipeline});
        return;
    }
    const WaveRules rules(m_snapshot, m_now.toTimeZone(changeWindow().zone()).date());
    QStringList ahead;
    for (const QString &m : rules.cutoverOrder(*current)) {
        if (m == pipeline)
            break;
        if (canonicalSide(m_snapshot.stateOf(m)) != Side::Cloud)
            ahead << m;
    }
    if (!ahead.isEmpty())
        d.warn(Reason::Code::Unplanned,
               QStringLiteral("%1 is cut over ahead of %2, earlier in wave '%3''s cutover order: "
                              "the cutover is unplanned")
                   .arg(pipeline, ahead.join(QStringLiteral(", ")), current->name),
               QStringList{pipeline} + ahead);
}

bool MigrationRules::needsApproval(const Inventory &inventory, const Pipeline &pipeline,
                                   MigrationAction action, bool breakGlass)
{
    if (action == MigrationAction::DualRun || (action == MigrationAction::Rollback && breakGlass))
        return false;
    switch (inventory.approvals) {
    case ApprovalPolicy::None:
        return false;
    case ApprovalPolicy::HighRisk:
        return pipeline.risk == Risk::High;
    case ApprovalPolicy::All:
        return true;
    }
    return false;
}

Decision MigrationRules::check(MigrationAction action, const ActionRequest &request) const
{
    Decision d;
    const Pipeline *p = m_snapshot.inventory.find(request.pipeline);
    if (!p) {
        d.refuse(Reason::Code::Other,
                 QStringLiteral("unknown pipeline '%1'").arg(request.pipeline));
        return d;
    }
    const State current = m_snapshot.stateOf(p->id);
    checkState(d, *p, current, action);

    if (action == MigrationAction::Cutover) {
        const ParityGate::Evaluation g = gate(p->id);
        if (g.status == ParityGate::Status::Failed) {
            for (const QDate &missing : g.missingNights)
                d.refuse(Reason::Code::ParityGate,
                         QStringLiteral("%1's parity gate is failed: no dual-run comparison for %2")
                             .arg(p->id, missing.toString(Qt::ISODate)),
                         {p->id});
            for (const ParityResult &b : g.openBreaches)
                d.refuse(Reason::Code::ParityGate,
                         QStringLiteral("%1's parity gate is failed: breach on %2 (difference %3% "
                                        "> tolerance %4%), "
                                        "not yet explained or accepted")
                             .arg(p->id, b.businessDate.toString(Qt::ISODate))
                             .arg(b.worstRelativeDiff() * 100, 0, 'g', 3)
                             .arg(p->parityTolerance * 100, 0, 'g', 3),
                         {p->id});
        } else if (g.status == ParityGate::Status::Pending) {
            d.refuse(Reason::Code::ParityGate,
                     QStringLiteral("%1's parity gate is pending: %2 of %3 clean dual-run results")
                         .arg(p->id)
                         .arg(g.cleanRuns)
                         .arg(g.runsRequired),
                     {p->id});
        }
        checkPlanned(d, p->id);
        for (const QString &up : upstreamsNotCutOver(p->id))
            d.refuse(Reason::Code::UpstreamNotCutOver,
                     QStringLiteral("%1 reads %2, which is still canonical on-prem (%3)")
                         .arg(p->id, up, stateName(m_snapshot.stateOf(up))),
                     {p->id, up});
    }
    if (action == MigrationAction::Rollback) {
        if (request.reason.trimmed().isEmpty())
            d.refuse(Reason::Code::ReasonMissing,
                     QStringLiteral("a rollback of %1 needs a reason").arg(p->id), {p->id});
        const QStringList readers = cloudDownstreams(p->id);
        if (!readers.isEmpty())
            d.warn(Reason::Code::CrossSideRead,
                   QStringLiteral("%1 will read %2 across sides (from on-prem) after the rollback")
                       .arg(readers.join(QStringLiteral(", ")), p->id),
                   readers);
    }
    if (request.breakGlass && request.reason.trimmed().isEmpty() &&
        action != MigrationAction::Rollback)
        d.refuse(Reason::Code::ReasonMissing,
                 QStringLiteral("break-glass on %1 needs a reason").arg(p->id), {p->id});
    checkWindow(d, request, action);
    if (request.approvedRequest == 0 &&
        needsApproval(m_snapshot.inventory, *p, action, request.breakGlass))
        d.refuse(
            Reason::Code::ApprovalNeeded,
            QStringLiteral("the %1 of %2 needs a second operator (approvals: %3): ask with "
                           "'daybreakctl request %1 %2 --reason R', and another operator "
                           "approves it")
                .arg(actionName(action), p->id, approvalPolicyName(m_snapshot.inventory.approvals)),
            {p->id});
    return d;
}

} // namespace daybreak
