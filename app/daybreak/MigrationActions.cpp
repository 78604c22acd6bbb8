#include "MigrationActions.h"

#include "ActionPrompter.h"
#include "Calendar.h"
#include "Clock.h"
#include "LocalText.h"
#include "MigrationService.h"
#include "SlaService.h"
#include "StoreSession.h"

#include <QAction>
#include <QMenu>

namespace daybreak {

MigrationActions::MigrationActions(const Clock &clock, ActionPrompter *prompter,
                                   QWidget *dialogParent)
    : QObject(dialogParent), m_clock(clock), m_prompter(prompter), m_parent(dialogParent),
      m_dualRun(new QAction(tr("Start &dual run…"), this)),
      m_cutover(new QAction(tr("&Cut over…"), this)),
      m_rollback(new QAction(tr("&Roll back…"), this)),
      m_breakGlass(new QAction(tr("&Break-glass rollback…"), this)),
      m_decommission(new QAction(tr("D&ecommission on-prem…"), this))
{
    m_dualRun->setObjectName(QStringLiteral("actionDualRun"));
    m_cutover->setObjectName(QStringLiteral("actionCutover"));
    m_rollback->setObjectName(QStringLiteral("actionRollback"));
    m_breakGlass->setObjectName(QStringLiteral("actionBreakGlass"));
    m_decommission->setObjectName(QStringLiteral("actionDecommission"));
    m_cutover->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    m_rollback->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    m_cutover->setToolTip(tr("Make the cloud side canonical (change window only)"));
    m_rollback->setToolTip(tr("Flip the pointer back to on-prem (change window only)"));
    m_breakGlass->setToolTip(
        tr("Roll back outside the change window; needs a reason and is audited as break-glass"));
    connect(m_dualRun, &QAction::triggered, this, [this] { run(MigrationAction::DualRun, false); });
    connect(m_cutover, &QAction::triggered, this, [this] { run(MigrationAction::Cutover, false); });
    connect(m_rollback, &QAction::triggered, this,
            [this] { run(MigrationAction::Rollback, false); });
    connect(m_breakGlass, &QAction::triggered, this,
            [this] { run(MigrationAction::Rollback, true); });
    connect(m_decommission, &QAction::triggered, this,
            [this] { run(MigrationAction::Decommission, false); });
    updateEnabled();
}

void MigrationActions::setSession(StoreSession *session)
{
    m_session = session;
    if (session) {
        connect(session, &StoreSession::changed, this, &MigrationActions::updateEnabled);
        connect(session, &StoreSession::unavailable, this, &MigrationActions::updateEnabled);
    }
    updateEnabled();
}

void MigrationActions::setCurrentPipeline(const QString &id)
{
    m_current = id;
    updateEnabled();
}

QList<QAction *> MigrationActions::actions() const
{
    return {m_dualRun, m_cutover, m_rollback, m_breakGlass, m_decommission};
}

void MigrationActions::addTo(QMenu *menu) const
{
    menu->addAction(m_dualRun);
    menu->addAction(m_cutover);
    menu->addAction(m_rollback);
    menu->addSeparator();
    menu->addAction(m_breakGlass);
    menu->addSeparator();
    menu->addAction(m_decommission);
}

void MigrationActions::updateEnabled()
{
    // Enabled by state only: the other rules (window, gate, upstreams) are explained on refusal.
    // A viewer (read-only file, daybreak_viewer) and a console that lost its store act on nothing.
    const bool mayAct =
        m_session && m_session->reachable() && m_session->access().can(Role::Operator);
    const bool known = mayAct && m_session->snapshot().inventory.contains(m_current);
    const State s = known ? m_session->snapshot().stateOf(m_current) : State::OnPrem;
    const bool stays = known && m_session->snapshot().inventory.find(m_current)->staysOnPrem();
    m_dualRun->setEnabled(known && !stays && s == State::OnPrem);
    m_cutover->setEnabled(known && s == State::DualRun);
    m_rollback->setEnabled(known && s == State::Cloud);
    m_breakGlass->setEnabled(known && s == State::Cloud);
    m_decommission->setEnabled(known && s == State::Cloud);
}

namespace {
QString actionTitle(MigrationAction action)
{
    switch (action) {
    case MigrationAction::DualRun:
        return MigrationActions::tr("Start dual run");
    case MigrationAction::Cutover:
        return MigrationActions::tr("Cut over");
    case MigrationAction::Rollback:
        return MigrationActions::tr("Roll back");
    case MigrationAction::Decommission:
        return MigrationActions::tr("Decommission");
    }
    return {};
}
} // namespace

void MigrationActions::run(MigrationAction action, bool breakGlass)
{
    if (!m_session || m_current.isEmpty())
        return;
    const QString id = m_current;
    const qint64 seenVersion = m_session->snapshot().routing.value(id).version;
    const QDateTime now = m_clock.now();
    const StoreSnapshot snapshot = m_session->snapshot(); // read here; the job runs elsewhere
    // Check first with a placeholder reason, so the only refusals shown are the real rules; on
    // the store thread, like every call that waits on the store.
    m_session->post([this, action, breakGlass, id, seenVersion, now,
                     snapshot](Store *store) -> std::function<void()> {
        if (!store)
            return [this] { storeUnreachable(tr("the store is unreachable")); };
        try {
            const ClockReading at(now);
            const Decision pre = MigrationService(*store, at, currentOsUser())
                                     .check(action, {id, QStringLiteral("pending"), breakGlass});
            // The 6am reports it feeds and tonight's slack of each: what the change risks.
            const QDate night = SlaService::currentNight(snapshot.inventory, now);
            const QString stake = SlaService::blastRadiusText(
                SlaService::blastRadius(
                    snapshot.inventory,
                    SlaService(*store, at, currentOsUser()).projectNight(snapshot, night), id),
                Calendar(snapshot.inventory).zone());
            return [this, action, breakGlass, id, seenVersion, pre, stake] {
                confirmAndPerform(action, breakGlass, id, seenVersion, pre, stake);
            };
        } catch (const StoreError &e) {
            return [this, why = e.message()] { storeUnreachable(why); };
        }
    });
}

void MigrationActions::storeUnreachable(const QString &why)
{
    // Say what the store said (it knows whether the change was refused or its fate is unknown).
    m_prompter->showRefusal(m_parent, tr("Store unreachable"), {why});
    emit message(tr("Store unreachable: %1").arg(why));
}

void MigrationActions::confirmAndPerform(MigrationAction action, bool breakGlass, const QString &id,
                                         qint64 seenVersion, const Decision &pre,
                                         const QString &stake)
{
    const QString verb = breakGlass ? tr("Break-glass rollback") : actionTitle(action);
    // Four eyes: when a second operator's approval is all that is missing, offer to ask.
    const bool onlyApproval =
        !pre.allowed() && std::all_of(pre.reasons.begin(), pre.reasons.end(), [](const Reason &r) {
            return r.code == Reason::Code::ApprovalNeeded;
        });
    if (onlyApproval) {
        ActionPrompter::Question q;
        q.title = tr("%1 needs a second operator").arg(verb);
        q.text = tr("%1 of %2 needs another operator's approval. Ask for it? The request waits "
                    "until the change window closes; approving it carries the change out.")
                     .arg(verb, id);
        q.reasonRequired = true;
        for (const Reason &w : pre.warnings)
            q.warnings << phraseReason(w);
        if (const std::optional<QString> reason = m_prompter->confirm(m_parent, q))
            requestApproval(action, id, *reason);
        return;
    }
    if (!pre.allowed()) {
        m_prompter->showRefusal(m_parent, tr("%1 of %2 refused").arg(verb, id),
                                phraseReasons(pre.reasons));
        emit message(tr("%1 of %2 refused").arg(verb, id));
        return;
    }
    ActionPrompter::Question q;
    q.title = verb;
    q.reasonRequired = action == MigrationAction::Rollback;
    q.dangerous = breakGlass;
    for (const Reason &w : pre.warnings)
        q.warnings << phraseReason(w);
    switch (action) {
    case MigrationAction::DualRun:
        q.text = tr("Start the cloud shadow run of %1? On-prem stays canonical.").arg(id);
        break;
    case MigrationAction::Cutover:
        q.text = tr("Cut %1 over? Its readers will use the cloud output from now on.").arg(id);
        break;
    case MigrationAction::Rollback:
        q.text =
            breakGlass
                ? tr("BREAK-GLASS: roll %1 back to on-prem outside the change window? This is "
                     "audited.")
                      .arg(id)
                : tr("Roll %1 back? On-prem becomes canonical again; nothing else moves.").arg(id);
        break;
    case MigrationAction::Decommission:
        q.text =
            tr("Retire the on-prem side of %1? There is no pointer rollback afterwards.").arg(id);
        break;
    }
    q.text += QLatin1Char('\n') + tr("It feeds tonight: %1.").arg(stake);
    const std::optional<QString> reason = m_prompter->confirm(m_parent, q);
    if (!reason || !m_session)
        return;
    // The rules are checked again when it is written, at the moment it is written.
    const QDateTime now = m_clock.now();
    const ActionRequest request{id, *reason, breakGlass};
    m_session->post(
        [this, action, request, seenVersion, now, verb](Store *store) -> std::function<void()> {
            if (!store)
                return [this] { storeUnreachable(tr("the store is unreachable")); };
            const ClockReading at(now);
            const ActionOutcome o =
                MigrationService(*store, at, currentOsUser()).perform(action, request, seenVersion);
            return [this, o, verb, id = request.pipeline] {
                if (o.kind == Outcome::Kind::Refused) {
                    m_prompter->showRefusal(m_parent, tr("%1 of %2 refused").arg(verb, id),
                                            phraseReasons(o.decision.reasons));
                } else if (o.kind != Outcome::Kind::Done) {
                    m_prompter->showRefusal(m_parent, tr("%1 of %2 not done").arg(verb, id),
                                            {o.message});
                }
                emit message(o.message);
                m_session->reload();
            };
        });
}

void MigrationActions::requestApproval(MigrationAction action, const QString &id,
                                       const QString &reason)
{
    if (!m_session)
        return;
    const QDateTime now = m_clock.now();
    m_session->post([this, action, id, reason, now](Store *store) -> std::function<void()> {
        if (!store)
            return [this] { storeUnreachable(tr("the store is unreachable")); };
        const ClockReading at(now);
        const MigrationService::RequestOutcome o =
            MigrationService(*store, at, currentOsUser()).requestChange(action, {id, reason});
        return [this, o, id] { report(o, tr("Request for %1").arg(id)); };
    });
}

void MigrationActions::decide(qint64 request, bool approve)
{
    if (!m_session)
        return;
    QString reason;
    if (!approve) {
        ActionPrompter::Question q;
        q.title = tr("Reject request #%1").arg(request);
        q.text = tr("Reject request #%1? Its requester reads your reason.").arg(request);
        q.reasonRequired = true;
        const std::optional<QString> typed = m_prompter->confirm(m_parent, q);
        if (!typed)
            return;
        reason = *typed;
    }
    const QDateTime now = m_clock.now();
    m_session->post([this, request, approve, reason, now](Store *store) -> std::function<void()> {
        if (!store)
            return [this] { storeUnreachable(tr("the store is unreachable")); };
        const ClockReading at(now);
        MigrationService service(*store, at, currentOsUser());
        const Outcome o =
            approve ? Outcome(service.approve(request)) : service.reject(request, reason);
        return [this, o, request, approve] {
            report(o, approve ? tr("Approval of request #%1").arg(request)
                              : tr("Rejection of request #%1").arg(request));
        };
    });
}

void MigrationActions::report(const Outcome &o, const QString &what)
{
    if (o.kind == Outcome::Kind::Refused) {
        m_prompter->showRefusal(m_parent, tr("%1 refused").arg(what),
                                phraseReasons(o.decision.reasons));
    } else if (o.kind != Outcome::Kind::Done) {
        m_prompter->showRefusal(m_parent, tr("%1 not done").arg(what), {o.message});
    }
    emit message(o.message);
    m_session->reload();
}

} // namespace daybreak
