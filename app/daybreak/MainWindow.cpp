#include "MainWindow.h"

#include "KeyboardHelp.h"

#include "ReadReceipts.h"

#include "Freshness.h"

#include "ActionPrompter.h"
#include "Calendar.h"
#include "Clock.h"
#include "GraphExport.h"
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
#include "ParityService.h"
#include "PipelineDetailsPanel.h"
#include "PipelineTableModel.h"
#include "PipelineTablePanel.h"
#include "ReportExport.h"
#include "SlaPanel.h"
#include "SlaService.h"
#include "StorePrompt.h"
#include "StoreSession.h"
#include "WarRoomWindow.h"
#include "WaveBoard.h"
#include "WaveRunbookPanel.h"
#include "WaveStatus.h"

#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QPointer>
#include <QProgressDialog>
#include <QScreen>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QThread>
#include <QThreadPool>
#include <QTimeZone>
#include <QTimer>
#include <QToolBar>
#include <QUndoStack>
#include <QVBoxLayout>

namespace daybreak {

namespace {
const char kRecentKey[] = "recentStores";
}

MainWindow::MainWindow(const Clock &clock, ActionPrompter *prompter, QWidget *parent)
    : QMainWindow(parent), m_clock(clock), m_ownPrompter(prompter ? nullptr : new DialogPrompter),
      m_prompter(prompter ? prompter : m_ownPrompter.get()), m_model(new PipelineTableModel(this)),
      m_table(new PipelineTablePanel(m_model, this)), m_scene(new GraphScene(this)),
      m_graph(new GraphPanel(m_scene, this)), m_board(new WaveBoard(this)),
      m_tabs(new QTabWidget(this)), m_details(new PipelineDetailsPanel(this)),
      m_parity(new ParityPanel(this)), m_sla(new SlaPanel(this)),
      m_runbook(new WaveRunbookPanel(this)),
      m_actions(new MigrationActions(clock, m_prompter, this)), m_storeLabel(new QLabel(this)),
      m_windowLabel(new QLabel(this)), m_countsLabel(new QLabel(this)),
      m_rollbackLabel(new QLabel(this)), m_freshnessLabel(new QLabel(this)),
      m_watchLabel(new QLabel(this))
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
    m_unreachableBar->setStyleSheet(QStringLiteral(
        "QLabel { background: #b71c1c; color: white; font-weight: bold; padding: 6px 10px; }"));
    m_unreachableBar->hide();
    column->addWidget(m_unreachableBar);
    // A store this user may only read says why above everything: a file opened read-only or not
    // writable, or a SQLite file whose own promises are broken (with the findings).
    m_readOnlyBar = new QLabel(central);
    m_readOnlyBar->setObjectName(QStringLiteral("readOnlyBar"));
    m_readOnlyBar->setWordWrap(true);
    m_readOnlyBar->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_readOnlyBar->setStyleSheet(QStringLiteral(
        "QLabel { background: #e65100; color: white; font-weight: bold; padding: 6px 10px; }"));
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

    m_storeLabel->setObjectName(QStringLiteral("storeLabel"));
    m_windowLabel->setObjectName(QStringLiteral("changeWindowLabel"));
    // The store's location is the one that gives way when the bar is short; the full text is
    // its tooltip.
    m_storeLabel->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_storeLabel->setMinimumWidth(120);
    m_rollbackLabel->setObjectName(QStringLiteral("rollbackLabel"));
    m_rollbackLabel->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Preferred);
    statusBar()->addWidget(m_storeLabel, 1);
    m_countsLabel->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_countsLabel->setMinimumWidth(160);
    statusBar()->addWidget(m_countsLabel, 1);
    m_freshnessLabel->setObjectName(QStringLiteral("freshnessLabel"));
    // Permanent, so an edit's answer in the status bar never draws over the advice.
    statusBar()->addPermanentWidget(m_rollbackLabel);
    statusBar()->addPermanentWidget(m_freshnessLabel);
    m_watchLabel->setObjectName(QStringLiteral("watchLabel"));
    statusBar()->addPermanentWidget(m_watchLabel);
    statusBar()->addPermanentWidget(m_windowLabel);
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
        m_windowLabel->setText(changeWindowText());
        refreshNight();
    });
    tick->start(30 * 1000);
    m_nightPace = new QTimer(this);
    m_nightPace->setSingleShot(true);
    m_nightPace->setInterval(kNightPaceMs);
    connect(m_nightPace, &QTimer::timeout, this, [this] {
        if (m_nightPaced) {
            m_nightPaced = false;
            refreshNightForChange();
        }
    });
    auto *freshness = new QTimer(this);
    connect(freshness, &QTimer::timeout, this, &MainWindow::showFreshness);
    freshness->start(1000);

    resize(1440, 900);
    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
}

MainWindow::~MainWindow()
{
    // A store being opened answers within the store's limits (the watchdog's 10 s).
    if (m_opening) {
        disconnect(m_opening, nullptr, this, nullptr);
        m_opening->wait();
        delete m_opening;
    }
}

void MainWindow::setSession(std::unique_ptr<StoreSession> session)
{
    m_board->setPlan(nullptr);
    m_plan.reset();
    m_session = std::move(session);
    m_calibratedNight = QDate(); // a new store has its own record
    m_unreachableBar->hide();
    const QString readOnly = m_session->access().viewerBecause;
    m_readOnlyBar->setText(tr("Read-only: %1 may only read this store: %2")
                               .arg(m_session->access().user, readOnly.left(600)));
    m_readOnlyBar->setToolTip(readOnly);
    m_readOnlyBar->setVisible(!readOnly.isEmpty());
    m_storeLabel->setStyleSheet(QString());
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
        m_storeLabel->setStyleSheet(QString());
        m_unreachableBar->hide();
        statusBar()->showMessage(tr("Store reachable again: %1").arg(m_session->location()), 10000);
    });
    setWindowTitle(tr("Daybreak — %1").arg(m_session->location()));
    rememberStore(m_session->location());
    refresh();
}

void MainWindow::showUnreachable(const QString &message)
{
    // Loud on purpose: a war room must not trust a picture that stopped updating.
    m_storeLabel->setStyleSheet(QStringLiteral(
        "QLabel { background: #b71c1c; color: white; font-weight: bold; padding: 0 6px; }"));
    m_storeLabel->setText(tr("Store unreachable — retrying in %1 s")
                              .arg(QString::number(m_session->retryDelayMs() / 1000.0, 'f', 1)));
    m_unreachableBar->setText(
        tr("Store unreachable: what you see is frozen and no change can be made. Reconnecting by "
           "itself "
           "(next attempt in %1 s).\n%2")
            .arg(QString::number(m_session->retryDelayMs() / 1000.0, 'f', 1), message.left(300)));
    m_unreachableBar->show();
    if (m_warRoom)
        m_warRoom->showStoreUnreachable(message);
}

bool MainWindow::openStore(const QString &url, QString *error)
{
    try {
        setSession(std::make_unique<StoreSession>(
            openStoreInteractively(this, url, OpenMode::MustExist, m_readOnly)));
        return true;
    } catch (const StoreError &e) {
        if (error)
            *error = e.message();
        return false;
    }
}

void MainWindow::openStoreInBackground(const QString &url)
{
    openInBackground(url, {}, 0);
}

void MainWindow::openInBackground(const QString &url, const QString &password, int attempt)
{
    const QString shown = url.section(QLatin1Char('?'), 0, 0);
    if (m_opening) {
        statusBar()->showMessage(tr("Still opening another store; try again when it answers"),
                                 10000);
        return;
    }
    StoreOptions options;
    options.readOnly = m_readOnly;
    options.password = password;
    struct Result
    {
        std::optional<OpenedStore> opened;
        bool needsPassword = false;
        QString error;
    };
    auto result = std::make_shared<Result>();
    m_opening = QThread::create([url, options, result] {
        try {
            result->opened =
                StoreSession::prepare(daybreak::openStore(url, OpenMode::MustExist, options));
        } catch (const PasswordRequired &e) {
            result->needsPassword = true;
            result->error = e.message();
        } catch (const StoreError &e) {
            result->error = e.message();
        }
    });
    statusBar()->showMessage(tr("Opening %1…").arg(shown));
    connect(m_opening, &QThread::finished, this, [this, url, shown, result, attempt] {
        m_opening->deleteLater();
        m_opening = nullptr;
        statusBar()->clearMessage();
        if (result->opened) {
            setSession(std::make_unique<StoreSession>(std::move(*result->opened)));
            if (isPostgresUrl(url))
                QSettings().setValue(QStringLiteral("store/lastServer"), m_session->location());
            emit storeOpened(m_session->location());
            return;
        }
        if (result->needsPassword && attempt < 3) {
            bool ok = false;
            const QString prompt =
                attempt == 0 ? tr("Password for %1:").arg(shown)
                             : tr("The server refused it:\n%1\n\nPassword:").arg(result->error);
            const QString password = QInputDialog::getText(this, tr("PostgreSQL password"), prompt,
                                                           QLineEdit::Password, QString(), &ok);
            if (ok) {
                openInBackground(url, password, attempt + 1);
                return;
            }
            result->error = tr("no password given for %1").arg(shown);
        }
        emit storeOpenFailed(url, result->error);
        m_prompter->showRefusal(this, tr("Open store"),
                                {tr("Cannot open %1: %2").arg(shown, result->error)});
    });
    m_opening->start();
}

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Open store…"), QKeySequence::Open, this, &MainWindow::chooseStore);
    file->addAction(tr("&Connect to PostgreSQL…"), this, &MainWindow::connectToServer);
    m_recentMenu = file->addMenu(tr("Open &recent"));
    rebuildRecentMenu();
    file->addSeparator();
    file->addAction(tr("&Export graph…"), QKeySequence(Qt::CTRL | Qt::Key_E), this,
                    &MainWindow::exportGraph);
    file->addAction(tr("Export &report…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E), this,
                    &MainWindow::exportReport);
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
            refreshNightForChange();
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
    m_storeLabel->setText(
        tr("Store: %1 · %2").arg(m_session->location(), m_session->access().describe()));
    m_storeLabel->setToolTip(m_storeLabel->text());
    refreshCounts(s, today);
    m_windowLabel->setText(changeWindowText());

    const ChangeWindowPolicy &policy = s.inventory.changeWindow;
    QStringList blackouts;
    for (const QDate &d : policy.blackoutDates)
        blackouts << d.toString(Qt::ISODate);
    m_windowLabel->setToolTip(
        tr("High-risk changes (cutover, rollback, decommission) run %1 (%2). Blackout dates: %3")
            .arg(policy.describe(), s.inventory.timezone,
                 blackouts.isEmpty() ? tr("none") : blackouts.join(QStringLiteral(", "))));
}

void MainWindow::rememberStore(const QString &url)
{
    QSettings settings;
    QStringList recent = settings.value(QLatin1String(kRecentKey)).toStringList();
    recent.removeAll(url);
    recent.prepend(url);
    settings.setValue(QLatin1String(kRecentKey), recent.mid(0, 8));
    rebuildRecentMenu();
}

void MainWindow::rebuildRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = QSettings().value(QLatin1String(kRecentKey)).toStringList();
    for (const QString &url : recent)
        m_recentMenu->addAction(url, this, [this, url] { openStoreInBackground(url); });
    m_recentMenu->setEnabled(!recent.isEmpty());
}

void MainWindow::chooseStore()
{
    openStoreDialog(OpenStoreDialog::Kind::SqliteFile);
}

void MainWindow::connectToServer()
{
    openStoreDialog(OpenStoreDialog::Kind::PostgresServer);
}

void MainWindow::openStoreDialog(OpenStoreDialog::Kind kind)
{
    QSettings settings;
    OpenStoreDialog dialog(this);
    const QString current = m_session ? m_session->location() : QString();
    dialog.setSqlitePath(current.contains(QLatin1String("://")) ? defaultStorePath() : current);
    dialog.setServerUrl(
        settings
            .value(QStringLiteral("store/lastServer"),
                   QStringLiteral("postgresql://%1@localhost:5432/daybreak?sslmode=prefer")
                       .arg(currentOsUser()))
            .toString());
    dialog.setKind(kind);
    dialog.setReadOnly(m_readOnly);
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_readOnly = dialog.readOnly();
    openStoreInBackground(dialog.url());
}

void MainWindow::exportGraph()
{
    QString selectedFilter;
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Export graph"), QStringLiteral("daybreak-graph.png"),
                                     tr("PNG image (*.png);;SVG drawing (*.svg)"), &selectedFilter);
    if (path.isEmpty())
        return;
    const QString error = path.endsWith(QLatin1String(".svg"), Qt::CaseInsensitive)
                              ? GraphExport::toSvg(m_scene, path)
                              : GraphExport::toPng(m_scene, path);
    if (!error.isEmpty())
        QMessageBox::warning(this, tr("Export graph"), error);
    else
        statusBar()->showMessage(tr("Graph exported to %1").arg(path), 8000);
}

void MainWindow::exportReport()
{
    if (!m_session)
        return;
    QString filter;
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export report"), QStringLiteral("migration-plan.pdf"),
        tr("PDF document (*.pdf);;HTML page (*.html);;Markdown (*.md);;CSV for spreadsheets "
           "(*.csv);;Graphviz DOT (*.dot)"),
        &filter);
    if (path.isEmpty())
        return;
    const auto format = ReportExport::formatFromName(QFileInfo(path).suffix());
    if (!format) {
        QMessageBox::warning(this, tr("Export report"),
                             tr("Choose a .pdf, .html, .md, .csv or .dot file name."));
        return;
    }
    QProgressDialog progress(tr("Writing the report…"), QString(), 0, 100, this);
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(0);
    progress.setValue(0);
    // The durations the board's what-if nights use, learned by the last night evaluation.
    const PlanReport::Options options{m_session->location(), m_clock.now(), QString(),
                                      m_board->learned()};
    const QString error =
        ReportExport::write(*format, path, m_session->snapshot(), options,
                            [&progress](int percent) { progress.setValue(percent); });
    progress.setValue(100);
    if (!error.isEmpty())
        QMessageBox::warning(this, tr("Export report"), error);
    else
        statusBar()->showMessage(tr("Report written to %1").arg(path), 8000);
}

void MainWindow::calibrate(const QDate &tonight)
{
    // The record of the last nights: their events read on the store thread, the replay on a
    // worker of its own, so neither the window nor the store's other jobs wait on it.
    const QDate to = tonight.addDays(-1);
    const QDate from = to.addDays(-(SlaService::kBacktestNights - 1));
    const QDateTime now = m_clock.now();
    m_session->post([this, from, to, now](Store *store) -> std::function<void()> {
        if (!store)
            return [] {};
        SlaService::BacktestInputs inputs;
        try {
            const ClockReading at(now);
            inputs = SlaService(*store, at, currentOsUser()).backtestInputs(from, to);
        } catch (const StoreError &) {
            return [] {}; // the session reports the loss
        }
        return [this, inputs = std::move(inputs)] {
            QThreadPool::globalInstance()->start([inputs, window = QPointer<MainWindow>(this)] {
                const Backtest::Result r = SlaService::backtest(inputs);
                const QString tip =
                    tr("The last %1 recorded nights replayed as if live, each on the "
                       "durations learned before it (daybreakctl sla backtest):\n"
                       "p95 coverage %2 % of %3 runs; %4 late report-night(s), %5 missed; "
                       "%6 false alarm(s)")
                        .arg(r.nights.size())
                        .arg(100.0 * r.p95Coverage(), 0, 'f', 1)
                        .arg(r.runs)
                        .arg(r.late)
                        .arg(r.misses)
                        .arg(r.falseAlarms);
                QMetaObject::invokeMethod(
                    QCoreApplication::instance(),
                    [window, text = r.calibration(), tip] {
                        if (window)
                            window->m_sla->setCalibration(text, tip);
                    },
                    Qt::QueuedConnection);
            });
        };
    });
}

void MainWindow::refreshCounts(const StoreSnapshot &s, const QDate &today)
{
    QHash<State, int> counts;
    for (const Pipeline &p : s.inventory.pipelines())
        ++counts[s.stateOf(p.id)];
    int rollbacks = 0;
    for (const Pipeline &p : s.inventory.pipelines())
        rollbacks += s.stateOf(p.id) == State::Cloud &&
                             ParityService::evaluate(s, p.id, today).rollbackRecommended
                         ? 1
                         : 0;
    m_countsLabel->setText(tr("%1 pipelines · %2 on-prem · %3 dual-run · %4 cloud · %5 "
                              "decommissioned")
                               .arg(s.inventory.size())
                               .arg(counts.value(State::OnPrem))
                               .arg(counts.value(State::DualRun))
                               .arg(counts.value(State::Cloud))
                               .arg(counts.value(State::Decommissioned)));
    m_countsLabel->setToolTip(m_countsLabel->text());
    m_rollbackLabel->setText(
        rollbacks > 0 ? tr("<b style='color:#b00020'>%1 rollback(s) recommended</b>").arg(rollbacks)
                      : QString());
    m_rollbackLabel->setVisible(rollbacks > 0);
}

void MainWindow::refreshNightForChange()
{
    if (m_nightPace->isActive()) {
        m_nightPaced = true; // one when the pace is over, for all that came meanwhile
        return;
    }
    refreshNight();
    m_nightPace->start();
}

void MainWindow::refreshNight()
{
    if (!m_session)
        return;
    if (m_nightInFlight) {
        m_nightAgain = true; // one more when this one is back, not one per request
        return;
    }
    m_nightInFlight = true;
    const StoreSnapshot snapshot = m_session->snapshot();
    const QDateTime now = m_clock.now();
    const bool warRoom = m_warRoom != nullptr;
    const int offset = m_sla->nightOffset();
    // The sensors read the night's run events and may raise alerts: on the store thread.
    m_session->post([this, snapshot, now, warRoom, offset,
                     learned = m_learned](Store *store) -> std::function<void()> {
        if (!store)
            return [this] { m_nightInFlight = false; };
        SlaService::Night night, current;
        std::optional<WaveStatus> wave;
        QList<AuditEntry> routing;
        QList<WatchBeat> watches;
        QList<Delivery> deliveries;
        try {
            const ClockReading at(now); // SlaService keeps a reference: it must outlive it
            SlaService sla(*store, at, currentOsUser());
            sla.setLearnedCache(learned.get());
            const QDate tonight = SlaService::currentNight(snapshot.inventory, now);
            // The sensors watch the current night whichever one the panel shows; the war room
            // always shows the current night.
            current = sla.evaluate(snapshot, tonight);
            night = offset == 0 ? current : sla.evaluate(snapshot, tonight.addDays(offset));
            watches = store->watches();
            // The weekend's wave as a live runbook: the Wave tab, and the war room's main panel.
            if (const Wave *w = WaveStatus::currentWave(snapshot.plan, now))
                wave = WaveStatus::compute(*store, snapshot, *w, now);
            QList<qint64> ids;
            for (const SlaAlert &a : night.alerts)
                ids.append(a.id);
            deliveries = store->deliveriesOf(ids);
            if (warRoom) {
                const QList<AuditEntry> all = store->auditLog();
                for (auto it = all.crbegin(); it != all.crend() && routing.size() < 12; ++it)
                    if (it->action == QLatin1String("cutover") ||
                        it->action == QLatin1String("rollback") ||
                        it->action == QLatin1String("dual_run") ||
                        it->action == QLatin1String("decommission"))
                        routing.append(*it);
            }
        } catch (const StoreError &) {
            return [this] { m_nightInFlight = false; }; // the session reports the loss
        }
        return [this, night, current, wave, routing, watches, deliveries, now,
                calendar = Calendar(snapshot.inventory), learnedNow = learned->learned,
                feedSeq = snapshot.feedSeq] {
            m_nightInFlight = false;
            m_board->setLearned(learnedNow); // the what-if nights of the waves use them too
            if (const QDate tonight = calendar.businessDate(now); tonight != m_calibratedNight) {
                m_calibratedNight = tonight;
                calibrate(tonight);
            }
            m_watches = watches;
            m_failingDeliveries = 0;
            for (const Delivery &d : deliveries)
                m_failingDeliveries += d.isFailing() ? 1 : 0;
            showFreshness();
            m_sla->setNight(night.projection, night.alerts, now, deliveries);
            const QString identity =
                m_session->serverNamesUsers() ? m_session->access().user : currentOsUser();
            const bool canDecide = m_session->access().can(Role::Operator);
            const bool canApprove = canDecide && m_session->access().can(Role::Approver);
            if (wave)
                m_runbook->setStatus(*wave, calendar.zone(), identity, canDecide, canApprove);
            else
                m_runbook->setNoWave();
            if (m_warRoom) {
                m_warRoom->setNight(current.projection, now);
                m_warRoom->setRecentChanges(routing, calendar);
                m_warRoom->setWave(wave, calendar.zone(), identity, canDecide, canApprove);
            }
            emit nightShown(feedSeq);
            if (m_nightAgain) {
                m_nightAgain = false;
                refreshNight();
            }
        };
    });
}

void MainWindow::showFreshness()
{
    if (!m_session) {
        m_freshnessLabel->clear();
        return;
    }
    const qint64 silence = m_session->silenceMs();
    const QDateTime asOf = m_clock.now().addMSecs(-silence);
    QString text =
        tr("data as of %1")
            .arg(
                Calendar(m_session->snapshot().inventory).format(asOf, QStringLiteral("HH:mm:ss")));
    // The colour is for the eye across the room; the words say the same to everyone else.
    QString colour;
    const int quiet = int(silence / 1000);
    switch (freshnessOf(silence)) {
    case Freshness::Live:
        break;
    case Freshness::Aging:
        colour = QStringLiteral("#c77700");
        text += tr(" — aging: no answer for %n s", nullptr, quiet);
        break;
    case Freshness::Stale:
        colour = QStringLiteral("#b71c1c");
        text += tr(" — STALE: no answer for %n s", nullptr, quiet);
        break;
    }
    m_freshnessLabel->setText(text);
    m_freshnessLabel->setStyleSheet(
        colour.isEmpty()
            ? QString()
            : QStringLiteral("QLabel { background: %1; color: white; font-weight: bold; padding: "
                             "0 6px; }")
                  .arg(colour));
    // The watch: when it last ran, or that none runs; a dead watch must never pass for a quiet
    // night.
    const Calendar calendar(m_session->snapshot().inventory);
    QString watchText, watchColour;
    if (m_watches.isEmpty()) {
        watchText = tr("watch: none running");
        watchColour = QStringLiteral("#c77700");
        m_watchLabel->setToolTip(tr("No daybreakctl watch beats in this store: nothing raises "
                                    "alerts while no console is open, and nobody is paged."));
    } else {
        const WatchBeat &latest = m_watches.first();
        const bool stale = latest.isStaleAt(m_clock.now());
        watchText = tr("watch: last ran %1%2")
                        .arg(calendar.format(latest.lastRan, QStringLiteral("HH:mm:ss")),
                             stale ? tr(" — STALE") : QString());
        watchColour = stale ? QStringLiteral("#b71c1c") : QString();
        m_watchLabel->setToolTip(
            tr("%1, every %2 s since %3; %4")
                .arg(latest.id)
                .arg(latest.intervalSeconds)
                .arg(calendar.format(latest.startedAt, QStringLiteral("ddd HH:mm")), latest.note));
    }
    m_watchLabel->setText(watchText);
    m_watchLabel->setStyleSheet(
        watchColour.isEmpty()
            ? QString()
            : QStringLiteral("QLabel { background: %1; color: white; font-weight: bold; padding: "
                             "0 6px; }")
                  .arg(watchColour));
    // A delivery that keeps failing means on-call may not have heard: the war room says so.
    if (m_failingDeliveries > 0) {
        watchText += tr(" · %1 deliveries FAILING").arg(m_failingDeliveries);
        watchColour = QStringLiteral("#b71c1c");
        m_watchLabel->setText(watchText);
        m_watchLabel->setStyleSheet(QStringLiteral(
            "QLabel { background: #b71c1c; color: white; font-weight: bold; padding: 0 6px; }"));
    }
    if (m_warRoom)
        m_warRoom->setFreshness(text + QStringLiteral(" · ") + watchText,
                                colour.isEmpty() ? watchColour : colour);
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

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    QMainWindow::closeEvent(event);
}

} // namespace daybreak
