#pragma once

#include "SlaAlert.h"
#include "SlaService.h"
#include "StoreChange.h"

#include <QMainWindow>

#include <memory>

class QTabWidget;
class QThread;
class QLabel;
class QMenu;
class QUndoGroup;

namespace daybreak {

class ActionPrompter;
class WaveRunbookPanel;
class Clock;
class GraphPanel;
class GraphScene;
class MigrationActions;
class MigrationPlan;
class ParityPanel;
class SlaPanel;
class WarRoomWindow;
class WaveBoard;
class PipelineDetailsPanel;
class PipelineTableModel;
class PipelineTablePanel;
class StoreSession;
class NightController;
class StatusBadges;
class StoreOpener;
class StoreBars;

// The console's main window: the dependency graph in the centre, the pipeline table and the
// details as docks, the routing actions, and a status bar that always says which store is open
// and whether high-risk changes are allowed right now.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    // `prompter`: dialogs in the product; tests pass one that answers for the user.
    MainWindow(const Clock &clock, ActionPrompter *prompter = nullptr, QWidget *parent = nullptr);
    ~MainWindow() override;

    void setSession(std::unique_ptr<StoreSession> session);
    bool openStore(const QString &url, QString *error = nullptr);
    // The menu's way: opens on a thread of its own, so a server that does not answer never
    // freezes the console; the new store replaces the old one when it has answered (a password
    // prompt first if the server wants one). storeOpened() or storeOpenFailed() follows.
    void openStoreInBackground(const QString &url);
    bool opening() const;
    void showUnreachable(const QString &message);
    // Open every store as a viewer from now on (daybreak --read-only: the war-room wall).
    void setReadOnly(bool readOnly);
    StoreSession *session() const { return m_session.get(); }

    PipelineTablePanel *tablePanel() const { return m_table; }
    GraphScene *graphScene() const { return m_scene; }
    GraphPanel *graphPanel() const { return m_graph; }
    PipelineDetailsPanel *detailsPanel() const { return m_details; }
    MigrationActions *migrationActions() const { return m_actions; }
    WaveBoard *waveBoard() const { return m_board; }
    ParityPanel *parityPanel() const { return m_parity; }
    SlaPanel *slaPanel() const { return m_sla; }
    WaveRunbookPanel *runbookPanel() const { return m_runbook; }
    WarRoomWindow *warRoom() const { return m_warRoom; }
    void showWarRoom();
    // Re-projects tonight (the clock moves even when the store does not) and runs the sensors.
    void refreshNight();
    // The status bar's counts and recommended rollbacks.
    void refreshCounts(const StoreSnapshot &snapshot, const QDate &today);
    // Works out the forecast's record on the nights before `tonight` (in the background).
    void calibrate(const QDate &tonight);
    MigrationPlan *plan() const { return m_plan.get(); }
    QTabWidget *tabs() const { return m_tabs; }
    QString changeWindowText() const;
    // The status bar's and the war room's "data as of 03:12:07", aging then STALE (in words and
    // colour).
    void showFreshness();
    // The context menu of a pipeline (graph or table), built but not shown.
    QMenu *pipelineMenu(const QString &id);
    void selectPipeline(const QString &id);

protected:
    void closeEvent(QCloseEvent *event) override;
    // The first maximise fits the graph again to the larger window.
    void changeEvent(QEvent *event) override;

signals:
    void storeOpened(const QString &location);
    void storeOpenFailed(const QString &url, const QString &error);
    // The 6am view now shows the store as of feed entry `feedSeq` (the replay benchmark's mark).
    void nightShown(qint64 feedSeq);
    // The store changed, as shown on `today` (everything: the views redraw all of it).
    void storeChanged(const StoreSnapshot &snapshot, const QDate &today, const StoreChange &change);
    // A plan edit left for the store or was answered: undo and redo wait for the answers.
    void editsSettledChanged();

private:
    void buildCentre();
    void buildDocks();
    void connectSelection();
    void connectMessages();
    void startClocks();
    void exportReport();
    // Redraws what `change` names (everything by default, and on a new inventory).
    void refresh(const StoreChange &change = StoreChange::all(QString()));
    const Clock &m_clock;
    std::unique_ptr<ActionPrompter> m_ownPrompter;
    ActionPrompter *m_prompter;
    StoreBars *m_bars = nullptr;
    QDate m_shownDay; // the day the views were last drawn whole for
    std::unique_ptr<StoreSession> m_session;
    std::unique_ptr<MigrationPlan> m_plan;
    PipelineTableModel *m_model;
    PipelineTablePanel *m_table;
    GraphScene *m_scene;
    GraphPanel *m_graph;
    WaveBoard *m_board;
    QTabWidget *m_tabs;
    QUndoGroup *m_undoGroup; // the open store's plan edits, for the Edit menu
    PipelineDetailsPanel *m_details;
    ParityPanel *m_parity;
    SlaPanel *m_sla;
    WaveRunbookPanel *m_runbook;
    WarRoomWindow *m_warRoom = nullptr;
    MigrationActions *m_actions;
    QMenu *m_contextMenu = nullptr;
    StatusBadges *m_badges;
    StoreOpener *m_opener;
    NightController *m_night;
    bool m_refittedOnMaximise = false;
    bool m_fitted = false;
};

} // namespace daybreak
