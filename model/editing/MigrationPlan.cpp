#include "MigrationPlan.h"

#include "PlanCommands.h"
#include "Store.h"

#include <QPointer>

namespace daybreak {

MigrationPlan::MigrationPlan(Runner run, Access access, const Clock &clock, const QString &actor,
                             QObject *parent)
    : QObject(parent), m_run(std::move(run)), m_access(std::move(access)), m_clock(clock),
      m_actor(actor)
{
}

MigrationPlan::MigrationPlan(Store &store, const Clock &clock, const QString &actor,
                             QObject *parent)
    : MigrationPlan(
          [&store](const Job &job) {
              if (const std::function<void()> then = job(&store))
                  then();
          },
          store.access(), clock, actor, parent)
{
}

QString MigrationPlan::answerText(const PlanOutcome &o)
{
    if (o.ok())
        return o.message;
    if (o.kind != Outcome::Kind::Refused && o.decision.reasons.isEmpty())
        return tr("Not saved: %1").arg(o.message); // the store failed, or someone edited first
    QStringList reasons;
    for (const Reason &r : o.decision.reasons)
        reasons << r.text;
    return tr("Refused: %1")
        .arg(reasons.isEmpty() ? o.message : reasons.join(QStringLiteral("; ")));
}

Decision MigrationPlan::checkMove(const PlanMoves &moves, const QStringList &pipelines,
                                  const QString &wave, bool carryUpstreams) const
{
    return PlanService::checkMove(m_access, moves, pipelines, wave, carryUpstreams);
}

namespace {
PlanOutcome failure(const QString &message)
{
    PlanOutcome o;
    o.kind = Outcome::Kind::StoreFailure;
    o.message = message;
    return o;
}

// On the store's thread: the edit with a service of its own, always with an answer.
PlanOutcome runOn(Store *store, const Clock &clock, const QString &actor,
                  const std::function<PlanOutcome(PlanService &)> &edit)
{
    if (!store)
        return failure(QStringLiteral("the store is not answering; the plan was not changed"));
    try {
        PlanService service(*store, clock, actor);
        return edit(service);
    } catch (const StoreError &e) {
        return failure(e.message());
    }
}
} // namespace

void MigrationPlan::finished()
{
    --m_pending;
    emit pendingChanged(m_pending);
}

void MigrationPlan::submit(Edit edit, MakeCommand make)
{
    ++m_pending;
    emit pendingChanged(m_pending);
    QPointer<MigrationPlan> self(this);
    m_run([self, edit = std::move(edit), make = std::move(make), version = m_version,
           &clock = m_clock, actor = m_actor](Store *store) -> std::function<void()> {
        const PlanOutcome o = runOn(store, clock, actor, edit);
        if (o.ok())
            version->store(o.planVersion);
        return [self, o, make] {
            if (!self)
                return;
            self->m_last = o;
            if (o.ok() && make)
                if (QUndoCommand *command = make(o))
                    self->m_stack.push(command);
            self->finished();
            emit self->answered(o);
            if (o.ok())
                emit self->planChanged();
        };
    });
}

void MigrationPlan::replay(Edit edit)
{
    ++m_pending;
    emit pendingChanged(m_pending);
    QPointer<MigrationPlan> self(this);
    m_run([self, edit = std::move(edit), version = m_version, &clock = m_clock,
           actor = m_actor](Store *store) -> std::function<void()> {
        const PlanOutcome o = runOn(store, clock, actor, edit);
        if (o.ok())
            version->store(o.planVersion);
        return [self, o] {
            if (!self)
                return;
            self->finished();
            if (!o.ok()) {
                QStringList reasons;
                for (const Reason &r : o.decision.reasons)
                    reasons << r.text;
                emit self->editFailed(
                    reasons.isEmpty()
                        ? o.message
                        : tr("%1: %2").arg(o.message, reasons.join(QStringLiteral("; "))));
            }
            emit self->planChanged();
        };
    });
}

void MigrationPlan::addWave(const QString &name, const QDate &date, int capacity, int maxHighRisk)
{
    const QString label = name.isEmpty() ? defaultWaveName(date) : name;
    submit([=](PlanService &s) { return s.addWave(name, date, capacity, maxHighRisk); },
           [this, label](const PlanOutcome &o) {
               return new PlanEditCommand(this, tr("Add wave %1").arg(label), o.before, o.after);
           });
}

void MigrationPlan::removeWave(const QString &name)
{
    submit([=](PlanService &s) { return s.removeWave(name); },
           [this, name](const PlanOutcome &o) {
               return new PlanEditCommand(this, tr("Remove wave %1").arg(name), o.before, o.after);
           });
}

void MigrationPlan::renameWave(const QString &from, const QString &to)
{
    submit([=](PlanService &s) { return s.renameWave(from, to); },
           [this, from, to](const PlanOutcome &) {
               return new RenameWaveCommand(this, from, to.trimmed());
           });
}

void MigrationPlan::assign(const QStringList &pipelines, const QString &wave)
{
    submit([=](PlanService &s) { return s.assign(pipelines, wave); },
           [this, pipelines, wave](const PlanOutcome &o) {
               return new PlanEditCommand(
                   this, tr("Move %1 to %2").arg(pipelines.join(QStringLiteral(", ")), wave),
                   o.before, o.after);
           });
}

void MigrationPlan::unassign(const QStringList &pipelines)
{
    submit([=](PlanService &s) { return s.unassign(pipelines); },
           [this, pipelines](const PlanOutcome &o) {
               return new PlanEditCommand(
                   this, tr("Move %1 to the backlog").arg(pipelines.join(QStringLiteral(", "))),
                   o.before, o.after);
           });
}

void MigrationPlan::move(const QStringList &pipelines, const QString &wave, bool carryUpstreams)
{
    submit([=](PlanService &s) { return s.move(pipelines, wave, carryUpstreams); },
           [this, pipelines, wave](const PlanOutcome &o) -> QUndoCommand * {
               // Name what moved, carried upstreams included, in the order they were placed.
               QStringList moved;
               QStringList candidates;
               if (const Wave *w = o.after.find(wave))
                   candidates = w->members;
               candidates += pipelines;
               for (const QString &id : std::as_const(candidates))
                   if (o.before.waveOf(id) != o.after.waveOf(id) && !moved.contains(id))
                       moved << id;
               const QString label = moved.join(QStringLiteral(", "));
               if (wave.isEmpty())
                   return new PlanEditCommand(this, tr("Move %1 to the backlog").arg(label),
                                              o.before, o.after);
               return new PlanEditCommand(this, tr("Move %1 to %2").arg(label, wave), o.before,
                                          o.after);
           });
}

void MigrationPlan::applyAutoPlan(const WavePlanner::Options &options)
{
    submit([=](PlanService &s) { return s.autoPlan(options, true); },
           [this](const PlanOutcome &o) -> QUndoCommand * {
               if (o.autoPlan.placed.isEmpty())
                   return nullptr;
               return new PlanEditCommand(
                   this, tr("Auto-plan %n pipeline(s)", nullptr, int(o.autoPlan.placed.size())),
                   o.before, o.after);
           });
}

void MigrationPlan::restore(const WavePlan &target)
{
    replay([target, version = m_version](PlanService &s) {
        return s.restore(target, version->load(), QStringLiteral("wave_undo"));
    });
}

void MigrationPlan::rename(const QString &from, const QString &to)
{
    replay([from, to, version = m_version](PlanService &s) {
        return s.renameWave(from, to, version->load());
    });
}

} // namespace daybreak
