#pragma once

#include "PlanService.h"

#include <QObject>
#include <QUndoStack>

namespace daybreak {

class Clock;
class Store;

// The plan as a document: owns the undo stack for plan edits. Every edit goes through
// PlanService (the same checks as the CLI); only accepted edits reach the stack.
class MigrationPlan : public QObject
{
    Q_OBJECT

public:
    MigrationPlan(Store &store, const Clock &clock, const QString &actor,
                  QObject *parent = nullptr);

    QUndoStack *undoStack() { return &m_stack; }
    PlanService &service() { return m_service; }

    PlanOutcome addWave(const QString &name, const QDate &date, int capacity = kDefaultWaveCapacity,
                        int maxHighRisk = kDefaultWaveMaxHighRisk);
    PlanOutcome removeWave(const QString &name);
    PlanOutcome renameWave(const QString &from, const QString &to);
    PlanOutcome assign(const QStringList &pipelines, const QString &wave);
    PlanOutcome unassign(const QStringList &pipelines);
    // The board's drop or keyboard move (empty wave: the backlog), one undo step.
    PlanOutcome move(const QStringList &pipelines, const QString &wave, bool carryUpstreams);
    PlanOutcome applyAutoPlan(const WavePlanner::Options &options);

    // Used by the commands; a failure is reported through editFailed() and clears the stack.
    bool restore(const WavePlan &target);
    bool rename(const QString &from, const QString &to);

signals:
    void planChanged();
    void editFailed(const QString &message);

private:
    // An undo or redo the store took (or refused): keeps the plan version the stack relies on.
    bool replayed(const PlanOutcome &o);
    void failed(const QString &message);
    PlanOutcome accepted(PlanOutcome o, QUndoCommand *command);

    PlanService m_service;
    QUndoStack m_stack;
    // The plan version our last edit produced: undo and redo expect the store to still be there.
    qint64 m_version = -1;
};

} // namespace daybreak
