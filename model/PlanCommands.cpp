#include "PlanCommands.h"

#include "MigrationPlan.h"

PlanEditCommand::PlanEditCommand(MigrationPlan *plan, const QString &text, WavePlan before, WavePlan after,
                                 qint64 versionAfter)
    : QUndoCommand(text), m_plan(plan), m_before(std::move(before)), m_after(std::move(after)), m_versionAfter(versionAfter)
{
}

void PlanEditCommand::undo()
{
    qint64 version = 0;
    if (m_plan->restore(m_before, m_versionAfter, &version))
        m_versionBefore = version;
    else
        setObsolete(true);
}

void PlanEditCommand::redo()
{
    if (m_applied) {
        m_applied = false; // the first redo happened in the service before the push
        return;
    }
    qint64 version = 0;
    if (m_plan->restore(m_after, m_versionBefore, &version))
        m_versionAfter = version;
    else
        setObsolete(true);
}

RenameWaveCommand::RenameWaveCommand(MigrationPlan *plan, QString from, QString to, qint64 versionAfter)
    : QUndoCommand(QObject::tr("Rename wave %1 to %2").arg(from, to)), m_plan(plan), m_from(std::move(from)),
      m_to(std::move(to)), m_version(versionAfter)
{
}

void RenameWaveCommand::undo()
{
    if (!m_plan->rename(m_to, m_from, m_version, &m_version))
        setObsolete(true);
}

void RenameWaveCommand::redo()
{
    if (m_applied) {
        m_applied = false;
        return;
    }
    if (!m_plan->rename(m_from, m_to, m_version, &m_version))
        setObsolete(true);
}

bool RenameWaveCommand::mergeWith(const QUndoCommand *other)
{
    const auto *next = static_cast<const RenameWaveCommand *>(other);
    if (next->m_from != m_to)
        return false;
    m_to = next->m_to;
    m_version = next->m_version;
    setText(QObject::tr("Rename wave %1 to %2").arg(m_from, m_to));
    return true;
}
