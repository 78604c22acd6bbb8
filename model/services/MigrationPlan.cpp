#include "MigrationPlan.h"

#include "PlanCommands.h"

namespace daybreak {

MigrationPlan::MigrationPlan(Store &store, const Clock &clock, const QString &actor,
                             QObject *parent)
    : QObject(parent), m_service(store, clock, actor)
{
}

void MigrationPlan::failed(const QString &message)
{
    emit editFailed(message);
    emit planChanged();
}

PlanOutcome MigrationPlan::addWave(const QString &name, const QDate &date, int capacity,
                                   int maxHighRisk)
{
    PlanOutcome o = m_service.addWave(name, date, capacity, maxHighRisk);
    if (!o.ok())
        return o;
    return accepted(
        o, new AddWaveCommand(this,
                              tr("Add wave %1").arg(name.isEmpty() ? defaultWaveName(date) : name),
                              o.before, o.after));
}

PlanOutcome MigrationPlan::removeWave(const QString &name)
{
    PlanOutcome o = m_service.removeWave(name);
    if (!o.ok())
        return o;
    return accepted(o,
                    new RemoveWaveCommand(this, tr("Remove wave %1").arg(name), o.before, o.after));
}

PlanOutcome MigrationPlan::renameWave(const QString &from, const QString &to)
{
    PlanOutcome o = m_service.renameWave(from, to);
    if (!o.ok())
        return o;
    return accepted(o, new RenameWaveCommand(this, from, to.trimmed()));
}

PlanOutcome MigrationPlan::assign(const QStringList &pipelines, const QString &wave)
{
    PlanOutcome o = m_service.assign(pipelines, wave);
    if (!o.ok())
        return o;
    return accepted(
        o,
        new AssignCommand(this, tr("Move %1 to %2").arg(pipelines.join(QStringLiteral(", ")), wave),
                          o.before, o.after));
}

PlanOutcome MigrationPlan::unassign(const QStringList &pipelines)
{
    PlanOutcome o = m_service.unassign(pipelines);
    if (!o.ok())
        return o;
    return accepted(o, new UnassignCommand(
                           this,
                           tr("Move %1 to the backlog").arg(pipelines.join(QStringLiteral(", "))),
                           o.before, o.after));
}

PlanOutcome MigrationPlan::move(const QStringList &pipelines, const QString &wave,
                                bool carryUpstreams)
{
    PlanOutcome o = m_service.move(pipelines, wave, carryUpstreams);
    if (!o.ok())
        return o;
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
        return accepted(o, new UnassignCommand(this, tr("Move %1 to the backlog").arg(label),
                                               o.before, o.after));
    return accepted(
        o, new AssignCommand(this, tr("Move %1 to %2").arg(label, wave), o.before, o.after));
}

PlanOutcome MigrationPlan::applyAutoPlan(const WavePlanner::Options &options)
{
    PlanOutcome o = m_service.autoPlan(options, true);
    if (!o.ok() || o.autoPlan.placed.isEmpty())
        return o;
    return accepted(
        o, new AutoPlanCommand(this, tr("Auto-plan %1 pipeline(s)").arg(o.autoPlan.placed.size()),
                               o.before, o.after));
}

PlanOutcome MigrationPlan::accepted(PlanOutcome o, QUndoCommand *command)
{
    m_version = o.planVersion;
    m_stack.push(command);
    emit planChanged();
    return o;
}

bool MigrationPlan::restore(const WavePlan &target)
{
    return replayed(m_service.restore(target, m_version, QStringLiteral("wave_undo")));
}

bool MigrationPlan::rename(const QString &from, const QString &to)
{
    return replayed(m_service.renameWave(from, to, m_version));
}

bool MigrationPlan::replayed(const PlanOutcome &o)
{
    if (!o.ok()) {
        QStringList reasons;
        for (const Reason &r : o.decision.reasons)
            reasons << r.text;
        failed(reasons.isEmpty() ? o.message
                                 : tr("%1: %2").arg(o.message, reasons.join(QStringLiteral("; "))));
        return false;
    }
    m_version = o.planVersion;
    emit planChanged();
    return true;
}

} // namespace daybreak
