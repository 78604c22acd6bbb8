#include "PlanCommands.h"

#include "MigrationPlan.h"

namespace daybreak {

PlanEditCommand::PlanEditCommand(MigrationPlan *plan, const QString &text, WavePlan before,
                                 WavePlan after)
    : QUndoCommand(text), m_plan(plan), m_before(std::move(before)), m_after(std::move(after))
{
}

void PlanEditCommand::undo()
{
    m_plan->restore(m_before);
}

void PlanEditCommand::redo()
{
    if (m_applied) {
        m_applied = false; // the first redo happened in the service before the push
        return;
    }
    m_plan->restore(m_after);
}

RenameWaveCommand::RenameWaveCommand(MigrationPlan *plan, QString from, QString to)
    : QUndoCommand(QObject::tr("Rename wave %1 to %2").arg(from, to)), m_plan(plan),
      m_from(std::move(from)), m_to(std::move(to))
{
}

void RenameWaveCommand::undo()
{
    m_plan->rename(m_to, m_from);
}

void RenameWaveCommand::redo()
{
    if (m_applied) {
        m_applied = false;
        return;
    }
    m_plan->rename(m_from, m_to);
}

bool RenameWaveCommand::mergeWith(const QUndoCommand *other)
{
    const auto *next = static_cast<const RenameWaveCommand *>(other);
    if (next->m_from != m_to)
        return false;
    m_to = next->m_to;
    setText(QObject::tr("Rename wave %1 to %2").arg(m_from, m_to));
    return true;
}

} // namespace daybreak
