#pragma once

#include "Wave.h"

#include <QUndoCommand>

namespace daybreak {

class MigrationPlan;

// Merge ids for plan edits, in one place.
enum PlanCommandId
{
    RenameWaveCommandId = 1
};

// A plan edit on the undo stack (an assignment, a move to the backlog, a wave added or removed,
// an auto-plan; its text says which): it remembers the plan before and after, so undo and redo
// put the store back exactly; MigrationPlan refuses if someone else edited the plan meanwhile.
class PlanEditCommand final : public QUndoCommand
{
public:
    PlanEditCommand(MigrationPlan *plan, const QString &text, WavePlan before, WavePlan after);

    void undo() override;
    void redo() override;

private:
    MigrationPlan *m_plan;
    WavePlan m_before;
    WavePlan m_after;
    bool m_applied = true; // pushed after the service already wrote it
};

// Renames are applied as renames (so the audit says so) and consecutive renames of one wave merge.
class RenameWaveCommand final : public QUndoCommand
{
public:
    RenameWaveCommand(MigrationPlan *plan, QString from, QString to);

    void undo() override;
    void redo() override;
    int id() const override { return RenameWaveCommandId; }
    bool mergeWith(const QUndoCommand *other) override;

private:
    MigrationPlan *m_plan;
    QString m_from;
    QString m_to;
    bool m_applied = true;
};

} // namespace daybreak
