#pragma once

#include "PlanService.h"

#include <QObject>
#include <QUndoStack>

#include <atomic>
#include <functional>
#include <memory>

namespace daybreak {

class Clock;
class Store;

// The plan as a document: owns the undo stack for plan edits. Every edit goes through
// PlanService (the same checks as the CLI); only accepted edits reach the stack. Edits run where
// the console's store calls run (StoreSession::post, on the store thread), so a board on a
// store that stopped answering never freezes: the answer comes back as answered().
class MigrationPlan : public QObject
{
    Q_OBJECT

public:
    // A store call: runs with the store (nullptr while it is unreachable) and returns what to do
    // back on this object's thread. A runner runs jobs one after the other, in order.
    using Job = std::function<std::function<void()>(Store *)>;
    using Runner = std::function<void(Job)>;

    MigrationPlan(Runner run, Access access, const Clock &clock, const QString &actor,
                  QObject *parent = nullptr);
    // Edits run at once on `store`, on this thread (tests, tools without a console).
    MigrationPlan(Store &store, const Clock &clock, const QString &actor,
                  QObject *parent = nullptr);

    QUndoStack *undoStack() { return &m_stack; }
    const Access &access() const { return m_access; }

    void addWave(const QString &name, const QDate &date, int capacity = kDefaultWaveCapacity,
                 int maxHighRisk = kDefaultWaveMaxHighRisk);
    void removeWave(const QString &name);
    void renameWave(const QString &from, const QString &to);
    void assign(const QStringList &pipelines, const QString &wave);
    void unassign(const QStringList &pipelines);
    // The board's drop or keyboard move (empty wave: the backlog), one undo step.
    void move(const QStringList &pipelines, const QString &wave, bool carryUpstreams);
    void applyAutoPlan(const WavePlanner::Options &options);
    // What a drop would meet, judged on the snapshot `moves` holds: no store call.
    Decision checkMove(const PlanMoves &moves, const QStringList &pipelines, const QString &wave,
                       bool carryUpstreams) const;

    // The last edit's answer (with the in-place runner, the answer to the call just made).
    const PlanOutcome &lastAnswer() const { return m_last; }
    // Edits (or undo steps) waiting for the store.
    int pending() const { return m_pending; }

    // Used by the commands; a failure is reported through editFailed() and clears the stack.
    void restore(const WavePlan &target);
    void rename(const QString &from, const QString &to);

    // The answer in a sentence: the outcome's message, "Refused: " and every reason, or "Not
    // saved: " and why (the store failed, or the plan moved meanwhile).
    static QString answerText(const PlanOutcome &o);

signals:
    // Every fresh edit's outcome, accepted or refused.
    void answered(const PlanOutcome &outcome);
    // The store's plan changed through us: time to read it back.
    void planChanged();
    void editFailed(const QString &message);
    void pendingChanged(int pending);

private:
    using Edit = std::function<PlanOutcome(PlanService &)>;
    using MakeCommand = std::function<QUndoCommand *(const PlanOutcome &)>;
    // Runs `edit` on the store; on success pushes the command `make` builds.
    void submit(Edit edit, MakeCommand make);
    // An undo or redo: refused ones are reported through editFailed().
    void replay(Edit edit);
    void finished();

    Runner m_run;
    Access m_access;
    const Clock &m_clock;
    QString m_actor;
    QUndoStack m_stack;
    PlanOutcome m_last;
    int m_pending = 0;
    // The plan version our last write produced: undo and redo expect the store to still be
    // there. Read and written by the jobs, in the order they run.
    std::shared_ptr<std::atomic<qint64>> m_version = std::make_shared<std::atomic<qint64>>(-1);
};

} // namespace daybreak
