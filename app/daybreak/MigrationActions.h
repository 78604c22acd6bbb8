#pragma once

#include "MigrationRules.h"
#include "Outcome.h"

#include <QObject>

class QAction;
class QMenu;
class QWidget;

namespace daybreak {

class ActionPrompter;
class Clock;
class StoreSession;

// The routing actions of the console (start dual-run, cut over, roll back, break-glass rollback,
// decommission) for the current pipeline. Each asks, then calls MigrationService, exactly like
// daybreakctl; a refusal is shown with every reason.
class MigrationActions : public QObject
{
    Q_OBJECT

public:
    MigrationActions(const Clock &clock, ActionPrompter *prompter, QWidget *dialogParent);

    void setSession(StoreSession *session);
    void setCurrentPipeline(const QString &id);
    const QString &currentPipeline() const { return m_current; }
    void addTo(QMenu *menu) const;
    QList<QAction *> actions() const;

    QAction *dualRunAction() const { return m_dualRun; }
    QAction *cutoverAction() const { return m_cutover; }
    QAction *rollbackAction() const { return m_rollback; }
    QAction *breakGlassAction() const { return m_breakGlass; }
    QAction *decommissionAction() const { return m_decommission; }

    // Checks on the store thread, asks, then performs on the store thread; what became of it
    // arrives as message() (and a dialog for a refusal).
    void run(MigrationAction action, bool breakGlass);
    // Four eyes: ask a second operator for a change; approve or reject (asking why) a request.
    void requestApproval(MigrationAction action, const QString &id, const QString &reason);
    void decide(qint64 request, bool approve);

signals:
    void message(const QString &text);

private:
    void updateEnabled();
    void confirmAndPerform(MigrationAction action, bool breakGlass, const QString &id,
                           qint64 seenVersion, const Decision &pre, const QString &stake);
    void storeUnreachable(const QString &why);
    void report(const Outcome &outcome, const QString &what);

    const Clock &m_clock;
    ActionPrompter *m_prompter;
    QWidget *m_parent;
    StoreSession *m_session = nullptr;
    QString m_current;
    QAction *m_dualRun;
    QAction *m_cutover;
    QAction *m_rollback;
    QAction *m_breakGlass;
    QAction *m_decommission;
};

} // namespace daybreak
