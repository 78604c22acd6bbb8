#include "MainWindow.h"

#include "ChangeWindow.h"
#include "Clock.h"
#include "MigrationRules.h"
#include "PipelineTableModel.h"
#include "PipelineTablePanel.h"
#include "StoreSession.h"

#include <QApplication>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>
#include <QTimeZone>
#include <QTimer>

MainWindow::MainWindow(StoreSession *session, const Clock &clock, QWidget *parent)
    : QMainWindow(parent), m_session(session), m_clock(clock), m_model(new PipelineTableModel(this)),
      m_table(new PipelineTablePanel(m_model, this)), m_storeLabel(new QLabel(this)), m_windowLabel(new QLabel(this)),
      m_countsLabel(new QLabel(this))
{
    setWindowTitle(tr("Daybreak — %1").arg(session->store().location()));
    setCentralWidget(m_table);
    m_storeLabel->setObjectName(QStringLiteral("storeLabel"));
    m_windowLabel->setObjectName(QStringLiteral("changeWindowLabel"));
    statusBar()->addWidget(m_storeLabel);
    statusBar()->addWidget(m_countsLabel);
    statusBar()->addPermanentWidget(m_windowLabel);
    buildMenus();

    connect(m_session, &StoreSession::changed, this, &MainWindow::refresh);
    connect(m_session, &StoreSession::unavailable, this,
            [this](const QString &message) { m_storeLabel->setText(tr("Store unreachable: %1").arg(message)); });
    // The window state moves with the clock, not with the store.
    auto *tick = new QTimer(this);
    connect(tick, &QTimer::timeout, this, [this] { m_windowLabel->setText(changeWindowText()); });
    tick->start(30 * 1000);
    refresh();
    resize(1200, 760);
}

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *quit = file->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
    quit->setShortcut(QKeySequence::Quit);
    QMenu *view = menuBar()->addMenu(tr("&View"));
    QAction *reload = view->addAction(tr("&Reload"), this, [this] { m_session->reload(); });
    reload->setShortcut(QKeySequence::Refresh);
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Daybreak"), this, [this] {
        QMessageBox::about(this, tr("About Daybreak"),
                           tr("<b>Daybreak</b> %1<br>The migration console that keeps the 6am reports on time "
                              "while nightly pipelines move from on-prem to the cloud.")
                               .arg(QApplication::applicationVersion()));
    });
}

QString MainWindow::changeWindowText() const
{
    const StoreSnapshot &s = m_session->snapshot();
    return MigrationRules(s, m_clock.now()).changeWindow().describeState(m_clock.now());
}

void MainWindow::refresh()
{
    const StoreSnapshot &s = m_session->snapshot();
    const QString selected = m_table->selectedPipeline();
    m_model->setSnapshot(s);
    if (!selected.isEmpty())
        m_table->selectPipeline(selected);
    m_storeLabel->setText(tr("Store: %1").arg(m_session->store().location()));
    QHash<State, int> counts;
    for (const Pipeline &p : s.inventory.pipelines())
        ++counts[s.stateOf(p.id)];
    m_countsLabel->setText(tr("%1 pipelines · %2 on-prem · %3 dual-run · %4 cloud · %5 decommissioned")
                               .arg(s.inventory.size())
                               .arg(counts.value(State::OnPrem))
                               .arg(counts.value(State::DualRun))
                               .arg(counts.value(State::Cloud))
                               .arg(counts.value(State::Decommissioned)));
    m_windowLabel->setText(changeWindowText());
    m_windowLabel->setToolTip(tr("High-risk changes (cutover, rollback, decommission) run %1 (%2); "
                                 "blackout dates: %3")
                                  .arg(s.inventory.changeWindow.describe(), s.inventory.timezone,
                                       s.inventory.changeWindow.blackoutDates.isEmpty()
                                           ? tr("none")
                                           : QLocale::c().toString(s.inventory.changeWindow.blackoutDates.first(),
                                                                   QStringLiteral("yyyy-MM-dd"))
                                                 + (s.inventory.changeWindow.blackoutDates.size() > 1 ? tr(", …") : QString())));
}
