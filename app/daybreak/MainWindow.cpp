#include "MainWindow.h"

#include "Badges.h"
#include "ExportActions.h"
#include "KeyboardHelp.h"
#include "NightController.h"
#include "StatusBadges.h"
#include "StoreOpener.h"

#include "ReadReceipts.h"

#include "ActionPrompter.h"
#include "Calendar.h"
#include "Clock.h"
#include "GraphPanel.h"
#include "GraphScene.h"
#include "GraphView.h"
#include "LearnedDurations.h"
#include "MigrationActions.h"
#include "MigrationPlan.h"
#include "MigrationRules.h"
#include "MigrationService.h"
#include "OpenStoreDialog.h"
#include "ParityPanel.h"
#include "PipelineDetailsPanel.h"
#include "PipelineTableModel.h"
#include "PipelineTablePanel.h"
#include "SlaPanel.h"
#include "SlaService.h"
#include "StorePrompt.h"
#include "StoreSession.h"
#include "WarRoomWindow.h"
#include "WaveBoard.h"
#include "WaveRunbookPanel.h"

#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QScreen>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QUndoStack>
#include <QVBoxLayout>

namespace daybreak {

MainWindow::MainWindow(const Clock &clock, ActionPrompter *prompter, QWidget *parent)
    : QMainWindow(parent), m_clock(clock), m_ownPrompter(prompter ? nullptr : new DialogPrompter),
      m_prompter(prompter ? prompter : m_ownPrompter.get()), m_model(new PipelineTableModel(this)),
      m_table(new PipelineTablePanel(m_model, this)), m_scene(new GraphScene(this)),
      m_graph(new GraphPanel(m_scene, this)), m_board(new WaveBoard(this)),
      m_tabs(new QTabWidget(this)), m_details(new PipelineDetailsPanel(this)),
      m_parity(new ParityPanel(this)), m_sla(new SlaPanel(this)),
      m_runbook(new WaveRunbookPanel(this)),
      m_actions(new MigrationActions(clock, m_prompter, this)),
      m_badges(new StatusBadges(statusBar())),
      m_opener(new StoreOpener(
          this, m_prompter, [this](std::unique_ptr<StoreSession> s) { setSession(std::move(s)); })),
      m_night(new NightController(clock, {m_sla, m_runbook, m_board, [this] { return m_warRoom; }},
                                  this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Daybreak"));
    m_tabs->addTab(m_graph, tr("Dependency graph"));
    m_tabs->addTab(m_board, tr("Wave board"));
    m_tabs->addTab(m_sla, tr("6am timeline"));
    m_tabs->addTab(m_runbook, tr("Wave runbook"));
    connect(m_runbook, &WaveRunbookPanel::approveRequested, this,
            [this](qint64 id) { m_actions->decide(id, true); });
    connect(m_runbook, &WaveRunbookPanel::rejectRequested, this,
            [this](qint64 id) { m_actions->decide(id, false); });
    m_tabs->setDocumentMode(true);
    // Above everything: a bar that appears only while the store is unreachable.
    auto *central = new QWidget(this);
    auto *column = new QVBoxLayout(central);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(0);
    m_unreachableBar = new QLabel(central);
    m_unreachableBar->setObjectName(QStringLiteral("unreachableBar"));
    m_unreachableBar->setWordWrap(true);
    Badges::paint(m_unreachableBar, QLatin1String(Badges::kAlarm), "6px 10px");
    m_unreachableBar->hide();
    column->addWidget(m_unreachableBar);
    // A store this user may only read says why above everything: a file opened read-only or not
    // writable, or a SQLite file whose own promises are broken (with the findings).
    m_readOnlyBar = new QLabel(central);
    m_readOnlyBar->setObjectName(QStringLiteral("readOnlyBar"));
    m_readOnlyBar->setWordWrap(true);
    m_readOnlyBar->setTextInteractionFlags(Qt::TextSelectableByMouse);
    Badges::paint(m_readOnlyBar, QLatin1String(Badges::kReadOnly), "6px 10px");
    m_readOnlyBar->hide();
    column->addWidget(m_readOnlyBar);
    column->addWidget(m_tabs, 1);
    setCentralWidget(central);
    setDockOptions(AnimatedDocks | AllowTabbedDocks);

    auto *tableDock = new QDockWidget(tr("Pipelines"), this);
    tableDock->setObjectName(QStringLiteral("pipelinesDock"));
    tableDock->setWidget(m_table);
    addDockWidget(Qt::BottomDockWidgetArea, tableDock);
    auto *parityDock = new QDockWidget(tr("Parity"), this);
    parityDock->setObjectName(QStringLiteral("parityDock"));
    parityDock->setWidget(m_parity);
    addDockWidget(Qt::BottomDockWidgetArea, parityDock);
    tabifyDockWidget(tableDock, parityDock);
    tableDock->raise();
    auto *detailsDock = new QDockWidget(tr("Details"), this);
    detailsDock->setObjectName(QStringLiteral("detailsDock"));
    detailsDock->setWidget(m_details);
    addDockWidget(Qt::RightDockWidgetArea, detailsDock);
    resizeDocks({detailsDock}, {340}, Qt::Horizontal);
    resizeDocks({tableDock}, {230}, Qt::Vertical);

    buildMenus();

    // Selection is one truth across the graph, the table and the details.
    connect(m_scene, &GraphScene::pipelineSelected, this, &MainWindow::selectPipeline);
    connect(m_table, &PipelineTablePanel::pipelineSelected, this, &MainWindow::selectPipeline);
    connect(m_graph, &GraphPanel::searchRequested, this, &MainWindow::selectPipeline);
    connect(m_details, &QTextBrowser::anchorClicked, this, [this](const QUrl &url) {
        if (url.scheme() == QLatin1String("pipeline")) {
            selectPipeline(url.path());
            m_graph->view()->centreOn(url.path());
        }
    });
    connect(m_scene, &GraphScene::contextMenuRequested, this,
            [this](const QString &id, const QPoint &pos) { pipelineMenu(id)->popup(pos); });
    m_table->view()->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_table->view(), &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        const QString id =
            m_table->view()->indexAt(pos).data(PipelineTableModel::PipelineIdRole).toString();
        if (!id.isEmpty())
            pipelineMenu(id)->popup(m_table->view()->viewport()->mapToGlobal(pos));
    });
    connect(m_board, &WaveBoard::pipelineSelected, this, &MainWindow::selectPipeline);
    connect(m_parity, &ParityPanel::pipelineSelected, this, &MainWindow::selectPipeline);
    connect(m_sla, &SlaPanel::nightOffsetChanged, this, &MainWindow::refreshNight);
    connect(m_sla, &SlaPanel::acknowledgeRequested, this, [this](qint64 id) {
        if (!m_session)
            return;
        const QDateTime now = m_clock.now();
        m_session->post([this, id, now](Store *store) -> std::function<void()> {
            Outcome o;
            const ClockReading at(now);
            if (store)
                o = SlaService(*store, at, currentOsUser()).acknowledge(id);
            else
                o.fail(Outcome::Kind::StoreFailure, tr("the store is unreachable"));
            return [this, o] {
                statusBar()->showMessage(
                    o.ok() ? o.message : tr("Not acknowledged: %1").arg(o.describe()), 10000);
                m_session->reload();
            };
        });
    });
    connect(m_board, &WaveBoard::message, this,
            [this](const QString &text) { statusBar()->showMessage(text, 10000); });
    connect(m_actions, &MigrationActions::message, this,
            [this](const QString &text) { statusBar()->showMessage(text, 8000); });

    // The window state moves with the clock, not with the store.
    auto *tick = new QTimer(this);
    connect(tick, &QTimer::timeout, this, [this] {
        if (m_session)
            m_badges->showChangeWindow(changeWindowText(), m_session->snapshot().inventory);
        refreshNight();
    });
    tick->start(30 * 1000);
    connect(m_night, &NightController::watchesRead, this, &MainWindow::showFreshness);
    connect(m_night, &NightController::nightShown, this, &MainWindow::nightShown);
    connect(m_opener, &StoreOpener::progress, this, [this](const QString &text) {
        if (text.isEmpty())
            statusBar()->clearMessage();
        else
            statusBar()->showMessage(text, 10000);
    });
    connect(m_opener, &StoreOpener::opened, this, &MainWindow::storeOpened);
    connect(m_opener, &StoreOpener::failed, this, &MainWindow::storeOpenFailed);
    auto *freshness = new QTimer(this);
    connect(freshness, &QTimer::timeout, this, &MainWindow::showFreshness);
    freshness->start(1000);

    resize(1440, 900);
    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
}

void MainWindow::setSession(std::unique_ptr<StoreSession> session)
{
    m_board->setPlan(nullptr);
    m_plan.reset();
    m_session = std::move(session);
    m_night->setSession(m_session.get());
    m_unreachableBar->hide();
    const QString readOnly = m_session->access().viewerBecause;
    m_readOnlyBar->setText(tr("Read-only: %1 may only read this store: %2")
                               .arg(m_session->access().user, readOnly.left(600)));
    m_readOnlyBar->setToolTip(readOnly);
    m_readOnlyBar->setVisible(!readOnly.isEmpty());
    m_fitted = false;
    // Plan edits run on the store thread like every other store call; the board and graph
    // refresh from the store like after any change.
    m_plan = std::make_unique<MigrationPlan>(
        [store = m_session.get()](MigrationPlan::Job job) { store->post(std::move(job)); },
        m_session->access(), m_clock, currentOsUser());
    m_board->setPlan(m_plan.get());
    connect(m_plan.get(), &MigrationPlan::planChanged, m_session.get(), &StoreSession::reload);
    connect(m_plan.get(), &MigrationPlan::editFailed, this, [this](const QString &text) {
        statusBar()->showMessage(tr("Undo/redo not applied: %1").arg(text), 10000);
        QTimer::singleShot(0, m_plan.get(), [this] { m_plan->undoStack()->clear(); });
    });
    m_undo->setEnabled(false);
    m_redo->setEnabled(false);
    // Undo and redo wait while an edit is on its way to the store: they replay what it wrote.
    const auto undoable = [this] {
        const bool idle = m_plan->pending() == 0;
        m_undo->setEnabled(idle && m_plan->undoStack()->canUndo());
        m_redo->setEnabled(idle && m_plan->undoStack()->canRedo());
    };
    connect(m_plan->undoStack(), &QUndoStack::canUndoChanged, this, undoable);
    connect(m_plan->undoStack(), &QUndoStack::canRedoChanged, this, undoable);
    connect(m_plan.get(), &MigrationPlan::pendingChanged, this, undoable);
    connect(m_plan->undoStack(), &QUndoStack::undoTextChanged, m_undo, [this](const QString &t) {
        m_undo->setText(t.isEmpty() ? tr("&Undo") : tr("&Undo %1").arg(t));
    });
    connect(m_plan->undoStack(), &QUndoStack::redoTextChanged, m_redo, [this](const QString &t) {
        m_redo->setText(t.isEmpty() ? tr("&Redo") : tr("&Redo %1").arg(t));
    });
    m_actions->setSession(m_session.get());
    connect(m_session.get(), &StoreSession::changed, this, &MainWindow::refresh);
    connect(m_session.get(), &StoreSession::unavailable, this, &MainWindow::showUnreachable);
    connect(m_session.get(), &StoreSession::answered, this, &MainWindow::showFreshness);
    connect(m_session.get(), &StoreSession::recovered, this, [this] {
        m_badges->showStore(m_session->location(), m_session->access().describe());
        m_unreachableBar->hide();
        statusBar()->showMessage(tr("Store reachable again: %1").arg(m_session->location()), 10000);
    });
    setWindowTitle(tr("Daybreak — %1").arg(m_session->location()));
    m_opener->remember(m_session->location());
    refresh();
}

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    const auto current = [this] { return m_session ? m_session->location() : QString(); };
    file->addAction(tr("&Open store…"), QKeySequence::Open, this, [this, current] {
        m_opener->chooseStore(OpenStoreDialog::Kind::SqliteFile, current());
    });
    file->addAction(tr("&Connect to PostgreSQL…"), this, [this, current] {
        m_opener->chooseStore(OpenStoreDialog::Kind::PostgresServer, current());
    });
    m_opener->setRecentMenu(file->addMenu(tr("Open &recent")));
    file->addSeparator();
    const auto said = [this](const QString &text) {
        if (!text.isEmpty())
            statusBar()->showMessage(text, 8000);
    };
    file->addAction(tr("&Export graph…"), QKeySequence(Qt::CTRL | Qt::Key_E), this,
                    [this, said] { said(ExportActions::graph(this, m_scene)); });
    file->addAction(tr("Export &report…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E), this,
                    [this, said] {
                        if (!m_session)
                            return;
                        // The durations the board's what-if nights use, learned by the last
                        // night evaluation.
                        said(ExportActions::report(
                            this, m_session->snapshot(),
                            {m_session->location(), m_clock.now(), QString(), m_board->learned()}));
                    });
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

    m_editMenu = menuBar()->addMenu(tr("&Edit"));
    m_undo = m_editMenu->addAction(tr("&Undo"), QKeySequence::Undo, this, [this] {
        if (m_plan)
            m_plan->undoStack()->undo();
    });
    m_redo = m_editMenu->addAction(tr("&Redo"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z),
                                   this, [this] {
                                       if (m_plan)
                                           m_plan->undoStack()->redo();
                                   });
    m_undo->setObjectName(QStringLiteral("actionUndo"));
    m_redo->setObjectName(QStringLiteral("actionRedo"));
    m_undo->setEnabled(false);
    m_redo->setEnabled(false);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    QAction *warRoom =
        view->addAction(tr("War &room"), QKeySequence(Qt::Key_F11), this, &MainWindow::showWarRoom);
    warRoom->setObjectName(QStringLiteral("actionWarRoom"));
    view->addAction(tr("Dependency &graph"), QKeySequence(Qt::ALT | Qt::Key_1), this,
                    [this] { m_tabs->setCurrentWidget(m_graph); });
    view->addAction(tr("&Wave board"), QKeySequence(Qt::ALT | Qt::Key_2), this,
                    [this] { m_tabs->setCurrentWidget(m_board); });
    QAction *byWave = view->addAction(tr("Colour graph by &wave"));
    byWave->setCheckable(true);
    connect(byWave, &QAction::toggled, m_scene, &GraphScene::setColourByWave);
    view->addSeparator();
    GraphView *graph = m_graph->view();
    view->addAction(tr("Zoom &in"), QKeySequence::ZoomIn, graph, &GraphView::zoomIn);
    view->addAction(tr("Zoom &out"), QKeySequence::ZoomOut, graph, &GraphView::zoomOut);
    view->addAction(tr("&Fit to window"), QKeySequence(Qt::CTRL | Qt::Key_0), graph,
                    &GraphView::fitAll);
    view->addAction(tr("&Actual size"), QKeySequence(Qt::CTRL | Qt::Key_1), graph,
                    &GraphView::resetZoom);
    view->addAction(tr("F&ind pipeline"), QKeySequence::Find, this, [this] {
        m_graph->searchBox()->setFocus();
        m_graph->searchBox()->selectAll();
    });
    view->addSeparator();
    view->addAction(tr("&Reload from store"), QKeySequence::Refresh, this, [this] {
        if (m_session)
            m_session->reload();
    });
    view->addSeparator();
    for (QDockWidget *dock : findChildren<QDockWidget *>())
        view->addAction(dock->toggleViewAction());

    QMenu *pipeline = menuBar()->addMenu(tr("&Pipeline"));
    m_actions->addTo(pipeline);

    QToolBar *tools = addToolBar(tr("Actions"));
    tools->setObjectName(QStringLiteral("actionsToolBar"));
    tools->setToolButtonStyle(Qt::ToolButtonTextOnly);
    for (QAction *a : m_actions->actions()) {
        if (a == m_actions->breakGlassAction())
            tools->addSeparator();
        tools->addAction(a);
    }

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&Keyboard"), this,
                    [this] { QMessageBox::information(this, tr("Keyboard"), keyboardHelp()); })
        ->setObjectName(QStringLiteral("keyboardHelp"));
    help->addAction(tr("&About Daybreak"), this, [this] {
        QMessageBox::about(
            this, tr("About Daybreak"),
            tr("<b>Daybreak</b> %1<br>The migration console that keeps the 6am reports on time "
               "while nightly pipelines move from on-prem to the cloud.")
                .arg(QApplication::applicationVersion()));
    });
}

QMenu *MainWindow::pipelineMenu(const QString &id)
{
    selectPipeline(id);
    delete m_contextMenu;
    m_contextMenu = new QMenu(this);
    m_contextMenu->setObjectName(QStringLiteral("pipelineMenu"));
    m_contextMenu->addSection(id);
    m_actions->addTo(m_contextMenu);
    return m_contextMenu;
}

void MainWindow::selectPipeline(const QString &id)
{
    m_actions->setCurrentPipeline(id);
    if (m_scene->focusedPipeline() != id)
        m_scene->focusPipeline(id);
    if (m_table->selectedPipeline() != id && !id.isEmpty())
        m_table->selectPipeline(id);
    if (m_tabs->currentWidget() != m_board && !id.isEmpty())
        m_board->selectPipeline(id);
    m_parity->showPipeline(id);
    if (!m_session || id.isEmpty()) {
        m_details->showNothing();
        return;
    }
    const QDate today = Calendar(m_session->snapshot().inventory).localDate(m_clock.now());
    m_details->showPipeline(m_session->snapshot(), id, {}, today);
    // Its history comes from the store thread; shown if it is still the one selected.
    // Read here, on this thread: the job runs on the store thread.
    const Inventory inventory = m_session->snapshot().inventory;
    const QDate night = SlaService::currentNight(inventory, m_clock.now());
    const qint64 version = m_session->snapshot().routing.value(id).version;
    const QDateTime dayAgo = m_clock.now().addSecs(-24 * 3600);
    m_session->post([this, id, today, inventory, night, version,
                     dayAgo](Store *store) -> std::function<void()> {
        if (!store)
            return {}; // the status bar already says the store is unreachable
        QList<AuditEntry> audit;
        QString learned;
        std::optional<MeasuredParity> lastDiff;
        QString readers;
        try {
            audit = store->auditLog(id);
            readers = summarizeReaders(store->readReceipts(id, dayAgo), version).text(version);
            // What the last nights teach about its durations, for the night ahead.
            learned = LearnedDurations::forPipeline(*store, inventory, id, night).summary(id);
            // The last night Daybreak measured its parity itself, with what differed.
            for (const MeasuredParity &m : store->measuredParity(id))
                if (!lastDiff || lastDiff->businessDate < m.businessDate)
                    lastDiff = m;
        } catch (const StoreError &) {
            return {};
        }
        return [this, id, today, audit, learned, lastDiff, readers] {
            if (m_actions->currentPipeline() != id)
                return;
            m_details->showPipeline(m_session->snapshot(), id, audit, today, learned, lastDiff,
                                    readers);
            m_parity->showLastDiff(id, lastDiff);
        };
    });
}

QString MainWindow::changeWindowText() const
{
    if (!m_session)
        return {};
    return MigrationRules(m_session->snapshot(), m_clock.now())
        .changeWindow()
        .describeState(m_clock.now());
}

void MainWindow::refresh(const StoreChange &change)
{
    const StoreSnapshot &s = m_session->snapshot();
    const QString selected = m_actions->currentPipeline();
    const QDate today = Calendar(s.inventory).localDate(m_clock.now());
    if (!change.everything && today == m_shownDay) {
        // The change feed named what changed: redraw that, no new layout.
        const QSet<QString> pipelines = change.routing + change.parity;
        if (!pipelines.isEmpty() || change.plan) {
            m_model->updatePipelines(s, today, pipelines);
            if (change.plan) // a wave's members: every node's wave label, still no new layout
                m_scene->setSnapshot(s, today);
            else
                m_scene->restyle(s, today, pipelines);
        }
        if (change.plan || !change.routing.isEmpty())
            m_board->setSnapshot(s, today);
        if (!change.parity.isEmpty() || !change.routing.isEmpty())
            m_parity->setSnapshot(s, today);
        if (change.touchesNight() || change.requests || change.watches)
            m_night->refreshForChange();
        if (!pipelines.isEmpty())
            refreshCounts(s, today);
        if (change.touchesSnapshot() && !selected.isEmpty())
            selectPipeline(selected);
        return;
    }
    m_shownDay = today;
    m_model->setSnapshot(s, today);
    m_scene->setSnapshot(s, today);
    m_board->setSnapshot(s, today);
    m_parity->setSnapshot(s, today);
    refreshNight();
    QStringList ids;
    for (const Pipeline &p : s.inventory.pipelines())
        ids << p.id;
    m_graph->setPipelineIds(ids);
    if (!m_fitted && !ids.isEmpty()) {
        // Start legible: fit the graph, but never so small that labels disappear.
        QTimer::singleShot(0, this, [this] {
            GraphView *view = m_graph->view();
            view->fitAll();
            if (view->zoom() < 0.5) {
                view->setTransform(QTransform::fromScale(0.5, 0.5));
                view->centerOn(m_scene->itemsBoundingRect().center());
            }
        });
        m_fitted = true;
    }
    selectPipeline(s.inventory.contains(selected) ? selected : QString());
    m_badges->showStore(m_session->location(), m_session->access().describe());
    refreshCounts(s, today);
    m_badges->showChangeWindow(changeWindowText(), s.inventory);
}

void MainWindow::showWarRoom()
{
    if (!m_warRoom) {
        m_warRoom = new WarRoomWindow(m_scene, m_actions->actions(), this);
        m_warRoom->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_warRoom, &WarRoomWindow::closed, this, [this] { m_warRoom = nullptr; });
        connect(m_warRoom->runbook(), &WaveRunbookPanel::approveRequested, this,
                [this](qint64 id) { m_actions->decide(id, true); });
        connect(m_warRoom->runbook(), &WaveRunbookPanel::rejectRequested, this,
                [this](qint64 id) { m_actions->decide(id, false); });
    }
    refreshNight();
    if (QScreen *screen = this->screen())
        m_warRoom->setGeometry(screen->geometry()); // also without a window manager
    m_warRoom->setViewerOnly(!m_session || !m_session->access().can(Role::Operator));
    m_warRoom->showFullScreen();
    m_warRoom->raise();
    m_warRoom->fitGraph();
}

MainWindow::~MainWindow() = default;

bool MainWindow::openStore(const QString &url, QString *error)
{
    try {
        setSession(std::make_unique<StoreSession>(
            openStoreInteractively(this, url, OpenMode::MustExist, m_opener->readOnly())));
        return true;
    } catch (const StoreError &e) {
        if (error)
            *error = e.message();
        return false;
    }
}

void MainWindow::openStoreInBackground(const QString &url)
{
    m_opener->open(url);
}

bool MainWindow::opening() const
{
    return m_opener->busy();
}

void MainWindow::setReadOnly(bool readOnly)
{
    m_opener->setReadOnly(readOnly);
}

void MainWindow::showUnreachable(const QString &message)
{
    const double retry = m_session->retryDelayMs() / 1000.0;
    m_badges->showUnreachable(retry);
    m_unreachableBar->setText(
        tr("Store unreachable: what you see is frozen and no change can be made. Reconnecting by "
           "itself (next attempt in %1 s).\n%2")
            .arg(QString::number(retry, 'f', 1), message.left(300)));
    m_unreachableBar->show();
    if (m_warRoom)
        m_warRoom->showStoreUnreachable(message);
}

void MainWindow::refreshNight()
{
    m_night->refresh();
}

void MainWindow::calibrate(const QDate &tonight)
{
    m_night->calibrate(tonight);
}

void MainWindow::refreshCounts(const StoreSnapshot &snapshot, const QDate &today)
{
    m_badges->showCounts(snapshot, today);
}

void MainWindow::showFreshness()
{
    if (!m_session) {
        m_badges->clearFreshness();
        return;
    }
    const StatusBadges::Freshness shown = m_badges->showFreshness(
        m_session->silenceMs(), m_clock.now(), Calendar(m_session->snapshot().inventory),
        m_night->watches(), m_night->failingDeliveries());
    if (m_warRoom)
        m_warRoom->setFreshness(shown.text, shown.colour);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    QMainWindow::closeEvent(event);
}

} // namespace daybreak
