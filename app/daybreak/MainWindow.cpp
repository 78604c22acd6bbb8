#include "MainWindow.h"

#include "ExportActions.h"
#include "MainMenus.h"
#include "NightController.h"
#include "StatusBadges.h"
#include "StoreOpener.h"

#include "ActionPrompter.h"
#include "Calendar.h"
#include "Clock.h"
#include "GraphPanel.h"
#include "GraphScene.h"
#include "GraphView.h"
#include "MigrationActions.h"
#include "MigrationPlan.h"
#include "MigrationRules.h"
#include "MigrationService.h"
#include "ParityPanel.h"
#include "PipelineDetailsPanel.h"
#include "PipelineHistory.h"
#include "PipelineTableModel.h"
#include "PipelineTablePanel.h"
#include "SlaPanel.h"
#include "SlaService.h"
#include "StoreBars.h"
#include "StorePrompt.h"
#include "StoreSession.h"
#include "WarRoomWindow.h"
#include "WaveBoard.h"
#include "WaveRunbookPanel.h"

#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QGuiApplication>
#include <QMenu>
#include <QScreen>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QUndoGroup>
#include <QUndoStack>
#include <QVBoxLayout>

namespace daybreak {

MainWindow::MainWindow(const Clock &clock, ActionPrompter *prompter, QWidget *parent)
    : QMainWindow(parent), m_clock(clock), m_ownPrompter(prompter ? nullptr : new DialogPrompter),
      m_prompter(prompter ? prompter : m_ownPrompter.get()), m_model(new PipelineTableModel(this)),
      m_table(new PipelineTablePanel(m_model, this)), m_scene(new GraphScene(this)),
      m_graph(new GraphPanel(m_scene, this)), m_board(new WaveBoard(this)),
      m_tabs(new QTabWidget(this)), m_undoGroup(new QUndoGroup(this)),
      m_details(new PipelineDetailsPanel(this)), m_parity(new ParityPanel(this)),
      m_sla(new SlaPanel(this)), m_runbook(new WaveRunbookPanel(this)),
      m_actions(new MigrationActions(clock, m_prompter, this)),
      m_badges(new StatusBadges(statusBar())),
      m_opener(new StoreOpener(
          this, m_prompter, [this](std::unique_ptr<StoreSession> s) { setSession(std::move(s)); })),
      m_night(new NightController(clock, {m_sla, m_runbook, m_board, [this] { return m_warRoom; }},
                                  this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Daybreak"));
    buildCentre();
    buildDocks();
    MainMenus::build(*this, {m_opener, m_undoGroup, [this] { exportReport(); },
                             [this] { return !m_plan || m_plan->pending() == 0; }});
    // Each view takes the part of a store change it shows.
    connect(this, &MainWindow::storeChanged, m_model, &PipelineTableModel::showChange);
    connect(this, &MainWindow::storeChanged, m_scene, &GraphScene::showChange);
    connect(this, &MainWindow::storeChanged, m_board, &WaveBoard::showChange);
    connect(this, &MainWindow::storeChanged, m_parity, &ParityPanel::showChange);
    connectSelection();
    connectMessages();
    startClocks();
    // The user's last geometry; the first time, the whole of the screen's available area.
    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray())) {
        if (const QScreen *screen = QGuiApplication::primaryScreen())
            setGeometry(screen->availableGeometry());
        else
            resize(1440, 900);
    }
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
}

void MainWindow::buildCentre()
{
    m_tabs->addTab(m_graph, tr("Dependency graph"));
    m_tabs->addTab(m_board, tr("Wave board"));
    m_tabs->addTab(m_sla, tr("6am timeline"));
    m_tabs->addTab(m_runbook, tr("Wave runbook"));
    m_tabs->setDocumentMode(true);
    // Above everything: the bars that say the store is unreachable or may only be read.
    auto *central = new QWidget(this);
    auto *column = new QVBoxLayout(central);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(0);
    m_bars = new StoreBars(central);
    column->addWidget(m_bars);
    column->addWidget(m_tabs, 1);
    setCentralWidget(central);
}

void MainWindow::buildDocks()
{
    setDockOptions(AnimatedDocks | AllowTabbedDocks);
    const auto dock = [this](const QString &title, const char *name, QWidget *content,
                             Qt::DockWidgetArea area) {
        auto *d = new QDockWidget(title, this);
        d->setObjectName(QLatin1String(name));
        d->setWidget(content);
        addDockWidget(area, d);
        return d;
    };
    QDockWidget *table = dock(tr("Pipelines"), "pipelinesDock", m_table, Qt::BottomDockWidgetArea);
    QDockWidget *parity = dock(tr("Parity"), "parityDock", m_parity, Qt::BottomDockWidgetArea);
    tabifyDockWidget(table, parity);
    table->raise();
    QDockWidget *details = dock(tr("Details"), "detailsDock", m_details, Qt::RightDockWidgetArea);
    resizeDocks({details}, {340}, Qt::Horizontal);
    resizeDocks({table}, {230}, Qt::Vertical);
}

void MainWindow::connectSelection()
{
    // Selection is one truth across the graph, the table, the board, parity and the details.
    connect(m_scene, &GraphScene::pipelineSelected, this, &MainWindow::selectPipeline);
    connect(m_table, &PipelineTablePanel::pipelineSelected, this, &MainWindow::selectPipeline);
    connect(m_graph, &GraphPanel::searchRequested, this, &MainWindow::selectPipeline);
    connect(m_board, &WaveBoard::pipelineSelected, this, &MainWindow::selectPipeline);
    connect(m_parity, &ParityPanel::pipelineSelected, this, &MainWindow::selectPipeline);
    connect(m_details, &QTextBrowser::anchorClicked, this, [this](const QUrl &url) {
        if (url.scheme() == QLatin1String("pipeline")) {
            selectPipeline(url.path());
            m_graph->view()->centreOn(url.path());
        }
    });
    connect(m_scene, &GraphScene::contextMenuRequested, this,
            [this](const QString &id, const QPoint &pos) { pipelineMenu(id)->popup(pos); });
    QTableView *table = m_table->view();
    table->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(table, &QWidget::customContextMenuRequested, this, [this, table](const QPoint &pos) {
        const QString id = table->indexAt(pos).data(PipelineTableModel::PipelineIdRole).toString();
        if (!id.isEmpty())
            pipelineMenu(id)->popup(table->viewport()->mapToGlobal(pos));
    });
}

void MainWindow::connectMessages()
{
    connect(m_runbook, &WaveRunbookPanel::approveRequested, this,
            [this](qint64 id) { m_actions->decide(id, true); });
    connect(m_runbook, &WaveRunbookPanel::rejectRequested, this,
            [this](qint64 id) { m_actions->decide(id, false); });
    connect(m_sla, &SlaPanel::nightOffsetChanged, this, &MainWindow::refreshNight);
    connect(m_sla, &SlaPanel::acknowledgeRequested, m_night, &NightController::acknowledge);
    const auto say = [this](int ms) {
        return [this, ms](const QString &text) { statusBar()->showMessage(text, ms); };
    };
    connect(m_night, &NightController::message, this, say(10000));
    connect(m_board, &WaveBoard::message, this, say(10000));
    connect(m_actions, &MigrationActions::message, this, say(8000));
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
}

void MainWindow::startClocks()
{
    // The window state moves with the clock, not with the store.
    auto *tick = new QTimer(this);
    connect(tick, &QTimer::timeout, this, [this] {
        if (m_session)
            m_badges->showChangeWindow(changeWindowText(), m_session->snapshot().inventory);
        refreshNight();
    });
    tick->start(30 * 1000);
    auto *freshness = new QTimer(this);
    connect(freshness, &QTimer::timeout, this, &MainWindow::showFreshness);
    freshness->start(1000);
}

void MainWindow::exportReport()
{
    if (!m_session)
        return;
    // The durations the board's what-if nights use, learned by the last night evaluation.
    const QString said = ExportActions::report(this, m_session->snapshot(),
                                               {m_session->location(), m_clock.now(), QString(),
                                                m_board->learned(), m_night->currentNight()});
    if (!said.isEmpty())
        statusBar()->showMessage(said, 8000);
}

void MainWindow::setSession(std::unique_ptr<StoreSession> session)
{
    m_board->setPlan(nullptr);
    m_plan.reset();
    m_session = std::move(session);
    m_night->setSession(m_session.get());
    m_bars->hideUnreachable();
    m_bars->showReadOnly(m_session->access().user, m_session->access().viewerBecause);
    m_fitted = false;
    // Plan edits run on the store thread like every other store call; the board and graph
    // refresh from the store like after any change.
    m_plan = std::make_unique<MigrationPlan>(
        [store = m_session.get()](MigrationPlan::Job job) { store->post(std::move(job)); },
        m_session->access(), m_clock, currentOsUser());
    m_board->setPlan(m_plan.get());
    m_undoGroup->addStack(m_plan->undoStack());
    m_undoGroup->setActiveStack(m_plan->undoStack());
    connect(m_plan.get(), &MigrationPlan::planChanged, m_session.get(), &StoreSession::reload);
    connect(m_plan.get(), &MigrationPlan::pendingChanged, this, &MainWindow::editsSettledChanged);
    connect(m_plan.get(), &MigrationPlan::editFailed, this, [this](const QString &text) {
        statusBar()->showMessage(tr("Undo/redo not applied: %1").arg(text), 10000);
        QTimer::singleShot(0, m_plan.get(), [this] { m_plan->undoStack()->clear(); });
    });
    m_actions->setSession(m_session.get());
    connect(m_session.get(), &StoreSession::changed, this, &MainWindow::refresh);
    connect(m_session.get(), &StoreSession::unavailable, this, &MainWindow::showUnreachable);
    connect(m_session.get(), &StoreSession::answered, this, &MainWindow::showFreshness);
    connect(m_session.get(), &StoreSession::recovered, this, [this] {
        m_badges->showStore(m_session->location(), m_session->access().describe());
        m_bars->hideUnreachable();
        statusBar()->showMessage(tr("Store reachable again: %1").arg(m_session->location()), 10000);
    });
    setWindowTitle(tr("Daybreak — %1").arg(m_session->location()));
    m_opener->remember(m_session->location());
    refresh();
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
    const StoreSnapshot snapshot = m_session->snapshot();
    const QDateTime now = m_clock.now();
    m_session->post([this, id, today, snapshot, now](Store *store) -> std::function<void()> {
        if (!store)
            return {}; // the status bar already says the store is unreachable
        PipelineHistory h;
        try {
            h = PipelineHistory::read(*store, snapshot, id, now);
        } catch (const StoreError &) {
            return {};
        }
        return [this, id, today, h] {
            if (m_actions->currentPipeline() != id)
                return;
            m_details->showPipeline(m_session->snapshot(), id, h.audit, today, h.learned,
                                    h.lastDiff, h.readers);
            m_parity->showLastDiff(id, h.lastDiff);
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
    // A new day redraws everything: parity's age and the change window count in days.
    const bool everything = change.everything || today != m_shownDay;
    emit storeChanged(s, today, everything ? StoreChange::all(change.why) : change);
    if (!everything) {
        if (change.touchesNight() || change.requests || change.watches)
            m_night->refreshForChange();
        if (!change.routing.isEmpty() || !change.parity.isEmpty())
            m_badges->showCounts(s, today);
        if (change.touchesSnapshot() && !selected.isEmpty())
            selectPipeline(selected);
        return;
    }
    m_shownDay = today;
    refreshNight();
    QStringList ids;
    for (const Pipeline &p : s.inventory.pipelines())
        ids << p.id;
    m_graph->setPipelineIds(ids);
    if (!m_fitted && !ids.isEmpty()) {
        QTimer::singleShot(0, this, [this] { m_graph->view()->fitLegibly(); });
        m_fitted = true;
    }
    selectPipeline(s.inventory.contains(selected) ? selected : QString());
    m_badges->showStore(m_session->location(), m_session->access().describe());
    m_badges->showCounts(s, today);
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
    m_bars->showUnreachable(retry, message);
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

void MainWindow::changeEvent(QEvent *event)
{
    QMainWindow::changeEvent(event);
    if (event->type() == QEvent::WindowStateChange && isMaximized() && !m_refittedOnMaximise &&
        m_fitted) {
        m_refittedOnMaximise = true;
        QTimer::singleShot(0, this, [this] { m_graph->view()->fitLegibly(); });
    }
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    QMainWindow::closeEvent(event);
}

} // namespace daybreak
