#include "MainMenus.h"

#include "ExportActions.h"
#include "KeyboardHelp.h"
#include "MainWindow.h"
#include "StoreOpener.h"

#include "GraphPanel.h"
#include "GraphScene.h"
#include "GraphView.h"
#include "MigrationActions.h"
#include "StoreSession.h"
#include "WaveBoard.h"

#include <QApplication>
#include <QDockWidget>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolBar>
#include <QUndoGroup>
#include <QUndoStack>

namespace daybreak {

namespace {

QString location(const MainWindow &w)
{
    return w.session() ? w.session()->location() : QString();
}

void addFileMenu(MainWindow &w, const MainMenus::Parts &parts)
{
    QMenu *file = w.menuBar()->addMenu(MainWindow::tr("&File"));
    file->addAction(MainWindow::tr("&Open store…"), QKeySequence::Open, &w, [&w, parts] {
        parts.opener->chooseStore(OpenStoreDialog::Kind::SqliteFile, location(w));
    });
    file->addAction(MainWindow::tr("&Connect to PostgreSQL…"), &w, [&w, parts] {
        parts.opener->chooseStore(OpenStoreDialog::Kind::PostgresServer, location(w));
    });
    parts.opener->setRecentMenu(file->addMenu(MainWindow::tr("Open &recent")));
    file->addSeparator();
    file->addAction(MainWindow::tr("&Export graph…"), QKeySequence(Qt::CTRL | Qt::Key_E), &w, [&w] {
        const QString said = ExportActions::graph(&w, w.graphScene());
        if (!said.isEmpty())
            w.statusBar()->showMessage(said, 8000);
    });
    file->addAction(MainWindow::tr("Export &report…"),
                    QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E), &w, parts.exportReport);
    file->addSeparator();
    file->addAction(MainWindow::tr("&Quit"), QKeySequence::Quit, &w, &QWidget::close);
}

// Undo and redo come from the undo group; they also wait while an edit is on its way to the
// store, because they replay what it wrote. The group's own enabling runs first; this after it.
void addEditMenu(MainWindow &w, const MainMenus::Parts &parts)
{
    QMenu *edit = w.menuBar()->addMenu(MainWindow::tr("&Edit"));
    QAction *undo = parts.undo->createUndoAction(edit, MainWindow::tr("&Undo"));
    QAction *redo = parts.undo->createRedoAction(edit, MainWindow::tr("&Redo"));
    undo->setShortcut(QKeySequence::Undo);
    redo->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z));
    undo->setObjectName(QStringLiteral("actionUndo"));
    redo->setObjectName(QStringLiteral("actionRedo"));
    edit->addAction(undo);
    edit->addAction(redo);
    QUndoGroup *group = parts.undo;
    const auto settle = [group, undo, redo, parts] {
        const bool settled = parts.editsSettled();
        undo->setEnabled(settled && group->canUndo());
        redo->setEnabled(settled && group->canRedo());
    };
    QObject::connect(group, &QUndoGroup::canUndoChanged, undo, settle);
    QObject::connect(group, &QUndoGroup::canRedoChanged, redo, settle);
    QObject::connect(group, &QUndoGroup::activeStackChanged, undo, settle);
    QObject::connect(&w, &MainWindow::editsSettledChanged, undo, settle);
    settle();
}

void addViewMenu(MainWindow &w)
{
    QMenu *view = w.menuBar()->addMenu(MainWindow::tr("&View"));
    view->addAction(MainWindow::tr("War &room"), QKeySequence(Qt::Key_F11), &w,
                    &MainWindow::showWarRoom)
        ->setObjectName(QStringLiteral("actionWarRoom"));
    view->addAction(MainWindow::tr("Dependency &graph"), QKeySequence(Qt::ALT | Qt::Key_1), &w,
                    [&w] { w.tabs()->setCurrentWidget(w.graphPanel()); });
    view->addAction(MainWindow::tr("&Wave board"), QKeySequence(Qt::ALT | Qt::Key_2), &w,
                    [&w] { w.tabs()->setCurrentWidget(w.waveBoard()); });
    QAction *byWave = view->addAction(MainWindow::tr("Colour graph by &wave"));
    byWave->setCheckable(true);
    QObject::connect(byWave, &QAction::toggled, w.graphScene(), &GraphScene::setColourByWave);
    view->addSeparator();
    GraphView *graph = w.graphPanel()->view();
    view->addAction(MainWindow::tr("Zoom &in"), QKeySequence::ZoomIn, graph, &GraphView::zoomIn);
    view->addAction(MainWindow::tr("Zoom &out"), QKeySequence::ZoomOut, graph, &GraphView::zoomOut);
    view->addAction(MainWindow::tr("&Fit to window"), QKeySequence(Qt::CTRL | Qt::Key_0), graph,
                    &GraphView::fitAll);
    view->addAction(MainWindow::tr("&Actual size"), QKeySequence(Qt::CTRL | Qt::Key_1), graph,
                    &GraphView::resetZoom);
    view->addAction(MainWindow::tr("F&ind pipeline"), QKeySequence::Find, &w, [&w] {
        w.graphPanel()->searchBox()->setFocus();
        w.graphPanel()->searchBox()->selectAll();
    });
    view->addSeparator();
    view->addAction(MainWindow::tr("&Reload from store"), QKeySequence::Refresh, &w, [&w] {
        if (w.session())
            w.session()->reload();
    });
    view->addSeparator();
    for (QDockWidget *dock : w.findChildren<QDockWidget *>())
        view->addAction(dock->toggleViewAction());
}

void addPipelineMenuAndTools(MainWindow &w)
{
    MigrationActions *actions = w.migrationActions();
    actions->addTo(w.menuBar()->addMenu(MainWindow::tr("&Pipeline")));
    QToolBar *tools = w.addToolBar(MainWindow::tr("Actions"));
    tools->setObjectName(QStringLiteral("actionsToolBar"));
    tools->setToolButtonStyle(Qt::ToolButtonTextOnly);
    for (QAction *a : actions->actions()) {
        if (a == actions->breakGlassAction())
            tools->addSeparator();
        tools->addAction(a);
    }
}

void addHelpMenu(MainWindow &w)
{
    QMenu *help = w.menuBar()->addMenu(MainWindow::tr("&Help"));
    help->addAction(
            MainWindow::tr("&Keyboard"), &w,
            [&w] { QMessageBox::information(&w, MainWindow::tr("Keyboard"), keyboardHelp()); })
        ->setObjectName(QStringLiteral("keyboardHelp"));
    help->addAction(MainWindow::tr("&About Daybreak"), &w, [&w] {
        QMessageBox::about(
            &w, MainWindow::tr("About Daybreak"),
            MainWindow::tr(
                "<b>Daybreak</b> %1<br>The migration console that keeps the 6am reports on time "
                "while nightly pipelines move from on-prem to the cloud.")
                .arg(QApplication::applicationVersion()));
    });
}

} // namespace

void MainMenus::build(MainWindow &window, const Parts &parts)
{
    addFileMenu(window, parts);
    addEditMenu(window, parts);
    addViewMenu(window);
    addPipelineMenuAndTools(window);
    addHelpMenu(window);
}

} // namespace daybreak
