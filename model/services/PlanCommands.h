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

// A plan edit on the undo stack: it remembers the plan before and after, so undo and redo put
// the store back exactly; MigrationPlan refuses if someone else edited the plan meanwhile.
class PlanEditCommand : public QUndoCommand
{
public:
    PlanEditCommand(MigrationPlan *plan, const QString &text, WavePlan before, WavePlan after);

    void undo() override;
    void redo() override;

protected:
    MigrationPlan *m_plan;
    WavePlan m_before;
    WavePlan m_after;
    bool m_applied = true; // pushed after the service already wrote it
};

class AssignCommand final : public PlanEditCommand
{
public:
    using PlanEditCommand::PlanEditCommand;
};

class UnassignCommand final : public PlanEditCommand
{
public:
    using PlanEditCommand::PlanEditCommand;
};

class AddWaveCommand final : public PlanEditCommand
{
public:
    using PlanEditCommand::PlanEditCommand;
};

class RemoveWaveCommand final : public PlanEditCommand
{
public:
    using PlanEditCommand::PlanEditCommand;
};

class AutoPlanCommand final : public PlanEditCommand
{
public:
    using PlanEditCommand::PlanEditCommand;
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
