#include "DependencyEdgeItem.h"
#include "GraphExport.h"
#include "GraphScene.h"
#include "GraphView.h"
#include "InventoryService.h"
#include "LearnedDurations.h"
#include "MainWindow.h"
#include "ManualClock.h"
#include "MigrationActions.h"
#include "MigrationService.h"
#include "ParityChart.h"
#include "ParityOverviewModel.h"
#include "ParityPanel.h"
#include "ParityService.h"
#include "PipelineDetailsPanel.h"
#include "PipelineNodeItem.h"
#include "PipelineTablePanel.h"
#include "PlanService.h"
#include "ScriptedPrompter.h"
#include "SideColors.h"
#include "SlaPanel.h"
#include "SlaService.h"
#include "StoreSession.h"
#include "TestStores.h"
#include "WarRoomWindow.h"
#include "WaveRunbookPanel.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QFile>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineSeries>
#include <QMenu>
#include <QPainter>
#include <QPushButton>
#include <QScatterSeries>
#include <QScreen>
#include <QSettings>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStyleOptionGraphicsItem>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTimeZone>

using namespace daybreak;

namespace {
QDateTime berlin(int y, int m, int d, int h)
{
    return QDateTime(QDate(y, m, d), QTime(h, 0), QTimeZone("Europe/Berlin"));
}
QAction *menuAction(QMenu *menu, const QString &name)
{
    for (QAction *a : menu->actions())
        if (a->objectName() == name)
            return a;
    return nullptr;
}
} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_path;
    ManualClock m_clock{berlin(2026, 11, 24, 15)}; // a Tuesday
    ScriptedPrompter m_prompter;
    std::unique_ptr<MainWindow> m_window;

private:
    // Every read and job handed to the store thread has come back.
    bool settled()
    {
        return QTest::qWaitFor([this] { return m_window->session()->idle(); }, 10000);
    }

private slots:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("DaybreakTests"));
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope,
                           m_dir.filePath(QStringLiteral("settings")));
    }

    void init()
    {
        m_path = m_dir.filePath(
            QStringLiteral("%1.sqlite").arg(QString::fromLatin1(QTest::currentTestFunction())));
        {
            SqliteStore seed(m_path, OpenMode::CreateIfMissing);
            // The demo's comparisons run up to Saturday morning, the weekend the tests cut over in.
            m_clock.set(berlin(2026, 11, 28, 9));
            QVERIFY(InventoryService(seed, m_clock, QStringLiteral("t")).importDemo().ok());
        }
        m_clock.set(berlin(2026, 11, 24, 15));
        m_prompter = ScriptedPrompter();
        m_window = std::make_unique<MainWindow>(m_clock, &m_prompter);
        // The offscreen screen is small; the cases below read the console at 1440 x 900.
        m_window->resize(1440, 900);
        QString error;
        QVERIFY2(m_window->openStore(m_path, &error), qPrintable(error));
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void cleanup() { m_window.reset(); }

    // A first start opens on the whole of the screen's available area; later starts where the
    // user left it.
    void aFirstStartTakesTheAvailableScreen()
    {
        QSettings().remove(QStringLiteral("window/geometry"));
        const MainWindow fresh(m_clock, &m_prompter);
        const QScreen *screen = QGuiApplication::primaryScreen();
        QVERIFY(screen);
        QCOMPARE(fresh.geometry().size(), screen->availableGeometry().size());
    }

    void theMenuOpensStoresInTheBackground()
    {
        // Another store, opened the menu's way: the console keeps the old one until the new
        // one has answered, then shows it.
        const QString other = m_dir.filePath(QStringLiteral("other.sqlite"));
        {
            SqliteStore seed(other, OpenMode::CreateIfMissing);
            QVERIFY(InventoryService(seed, m_clock, QStringLiteral("t")).importDemo().ok());
        }
        QSignalSpy opened(m_window.get(), &MainWindow::storeOpened);
        QSignalSpy failed(m_window.get(), &MainWindow::storeOpenFailed);
        m_window->openStoreInBackground(other);
        QVERIFY(m_window->opening());
        QCOMPARE(m_window->session()->location(), m_path);
        QVERIFY(opened.wait(10000));
        QCOMPARE(m_window->session()->location(), other);
        QCOMPARE(m_window->session()->snapshot().inventory.size(), 66);
        QVERIFY(!m_window->opening());
        // A store that is not there: refused with the reason, the open one stays.
        m_window->openStoreInBackground(m_dir.filePath(QStringLiteral("missing.sqlite")));
        QVERIFY(failed.wait(10000));
        QCOMPARE(m_window->session()->location(), other);
        QCOMPARE(m_prompter.refusals.size(), 1);
        QVERIFY2(m_prompter.refusals.first().first().contains(QStringLiteral("missing.sqlite")),
                 qPrintable(m_prompter.refusals.first().first()));
        QCOMPARE(opened.count(), 1);
    }

    void opensOnTheDemo()
    {
        QCOMPARE(m_window->tablePanel()->view()->model()->rowCount(), 66);
        // The whole store text is the label's tool tip; the label elides it in the middle when
        // the status bar is narrow, never cutting off its end.
        const auto *storeLabel = m_window->findChild<QLabel *>(QStringLiteral("storeLabel"));
        QVERIFY(storeLabel->toolTip().contains(m_path));
        QVERIFY(storeLabel->toolTip().endsWith(QStringLiteral("(owner)")) ||
                storeLabel->text().endsWith(storeLabel->toolTip().right(6)));
        QVERIFY(storeLabel->fontMetrics().horizontalAdvance(storeLabel->text()) <=
                storeLabel->contentsRect().width());
        QCOMPARE(m_window->findChild<QLabel *>(QStringLiteral("changeWindowLabel"))->text(),
                 QStringLiteral(
                     "Cutovers and rollbacks locked until Sat 2026-11-28 00:00 (Europe/Berlin)"));
        m_clock.set(berlin(2026, 11, 28, 10));
        QCOMPARE(m_window->changeWindowText(),
                 QStringLiteral("Change window open until Sun 23:59"));
        QCOMPARE(m_window->graphScene()->drawing().nodes().size(), 66);
    }

    void theSixAmViewShowsTheForecastRecord()
    {
        // The demo's recorded nights replayed in the background, beside the projection.
        QTRY_VERIFY_WITH_TIMEOUT(
            m_window->slaPanel()->calibration().contains(QStringLiteral("p95 held on")), 20000);
        const QString text = m_window->slaPanel()->calibration();
        QVERIFY2(text.contains(QStringLiteral("of the last 60 nights")), qPrintable(text));
    }

    void nodesFollowStateAndParity()
    {
        GraphScene *scene = m_window->graphScene();
        QCOMPARE(scene->node(QStringLiteral("core_fx"))->state(), State::DualRun);
        QCOMPARE(scene->node(QStringLiteral("core_fx"))->health(), ParityHealth::Clean);
        QCOMPARE(scene->node(QStringLiteral("erp_products_extract"))->health(),
                 ParityHealth::Breached);
        QCOMPARE(scene->node(QStringLiteral("crm_contacts_extract"))->health(),
                 ParityHealth::Warning);
        QCOMPARE(scene->node(QStringLiteral("core_orders"))->health(), ParityHealth::Unknown);
        QCOMPARE(scene->node(QStringLiteral("fx_rates_extract"))->state(), State::Cloud);
        // stg_fx_rates (cloud) -> core_fx (canonical on-prem) is a cross-side read; stg_orders ->
        // core_orders is not.
        int crossSide = 0;
        for (DependencyEdgeItem *e : scene->edges()) {
            if (e->from() == QLatin1String("stg_fx_rates") && e->to() == QLatin1String("core_fx"))
                QVERIFY(e->isCrossSide());
            if (e->from() == QLatin1String("stg_orders") && e->to() == QLatin1String("core_orders"))
                QVERIFY(!e->isCrossSide());
            crossSide += e->isCrossSide() ? 1 : 0;
        }
        QVERIFY(crossSide >= 3);
    }

    void selectionIsSyncedAndHighlightsClosures()
    {
        GraphScene *scene = m_window->graphScene();
        m_window->tablePanel()->selectPipeline(QStringLiteral("core_orders"));
        QCOMPARE(scene->focusedPipeline(), QStringLiteral("core_orders"));
        QVERIFY(scene->node(QStringLiteral("core_orders"))->isSelected());
        QCOMPARE(scene->node(QStringLiteral("stg_orders"))->emphasis(),
                 PipelineNodeItem::Emphasis::Related);
        QCOMPARE(scene->node(QStringLiteral("rpt_exec_daily_sales"))->emphasis(),
                 PipelineNodeItem::Emphasis::Related);
        QCOMPARE(scene->node(QStringLiteral("hr_payroll_extract"))->emphasis(),
                 PipelineNodeItem::Emphasis::Dimmed);
        QCOMPARE(m_window->detailsPanel()->pipeline(), QStringLiteral("core_orders"));
        QVERIFY(
            m_window->detailsPanel()->toPlainText().contains(QStringLiteral("Core orders fact")));

        scene->clearSelection();
        scene->node(QStringLiteral("core_fx"))->setSelected(true);
        QCOMPARE(m_window->tablePanel()->selectedPipeline(), QStringLiteral("core_fx"));
        QCOMPARE(m_window->detailsPanel()->pipeline(), QStringLiteral("core_fx"));
        QVERIFY(m_window->detailsPanel()->toPlainText().contains(
            QStringLiteral("Parity gate: passed (")));
        QVERIFY(m_window->detailsPanel()->toPlainText().contains(
            QStringLiteral(" clean in a row, 7 needed)")));
        // What the demo's nights teach about its durations arrives from the store thread.
        SqliteStore store(m_path, OpenMode::MustExist);
        const Inventory inventory = store.snapshot().inventory;
        const QString learned =
            LearnedDurations::forPipeline(store, inventory, QStringLiteral("core_fx"),
                                          SlaService::currentNight(inventory, m_clock.now()))
                .summary(QStringLiteral("core_fx"));
        QVERIFY(learned.startsWith(QStringLiteral("on-prem p50 ")));
        QTRY_VERIFY2(m_window->detailsPanel()->toPlainText().contains(learned),
                     qPrintable(m_window->detailsPanel()->toPlainText()));
    }

    // The read receipts after a flip: who has seen the pointer's version, and who is behind.
    void theDetailsNameTheReadersOfThePointer()
    {
        {
            SqliteStore store(m_path, OpenMode::MustExist);
            const qint64 version = store.routing(QStringLiteral("core_gl"))->version;
            store.recordReadReceipt(QStringLiteral("core_gl"),
                                    ReadReceipt{QStringLiteral("etl-1"), QStringLiteral("airflow"),
                                                version, m_clock.now()});
        }
        m_window->selectPipeline(QStringLiteral("core_gl"));
        QTRY_VERIFY2(m_window->detailsPanel()->toPlainText().contains(
                         QStringLiteral("1 of 1 reader that asked in the last 24 h has seen "
                                        "version")),
                     qPrintable(m_window->detailsPanel()->toPlainText()));
        QVERIFY(m_window->detailsPanel()->toPlainText().contains(QStringLiteral("airflow@etl-1")));
    }

    void theLastMeasuredDiffIsShownWhereTheParityIs()
    {
        // A night Daybreak measured itself, as `parity diff --record` keeps it.
        {
            SqliteStore store(m_path, OpenMode::MustExist);
            ParityResult r;
            r.pipeline = QStringLiteral("core_fx");
            r.businessDate = QDate(2026, 11, 24);
            r.onpremRows = 5000;
            r.cloudRows = 4999;
            r.mismatchedRows = 2;
            r.maxRelativeDiff = 0.01;
            r.recordedAt = m_clock.now();
            r.recordedBy = QStringLiteral("watch");
            AuditEntry audit;
            audit.at = m_clock.now();
            audit.actor = QStringLiteral("watch");
            audit.action = QStringLiteral("parity_record");
            audit.pipeline = r.pipeline;
            const QJsonObject detail{
                {QStringLiteral("key_columns"), QJsonArray{QStringLiteral("id")}},
                {QStringLiteral("onprem_rows"), 5000},
                {QStringLiteral("cloud_rows"), 4999},
                {QStringLiteral("missing_on_cloud_count"), 1},
                {QStringLiteral("missing_on_onprem_count"), 0},
                {QStringLiteral("changed_count"), 1},
                {QStringLiteral("missing_on_cloud"),
                 QJsonArray{QJsonArray{QStringLiteral("4711")}}},
                {QStringLiteral("changed"),
                 QJsonArray{
                     QJsonObject{{QStringLiteral("key"), QJsonArray{QStringLiteral("17")}},
                                 {QStringLiteral("values"),
                                  QJsonArray{QJsonObject{
                                      {QStringLiteral("column"), QStringLiteral("rate")},
                                      {QStringLiteral("onprem"), QStringLiteral("1.0842")},
                                      {QStringLiteral("cloud"), QStringLiteral("1.0951")}}}}}}}};
            store.recordMeasuredParity(r, detail, audit);
        }
        m_window->selectPipeline(QStringLiteral("core_fx"));
        // Read on the store thread, then shown in the details and beside the Parity chart.
        QTRY_VERIFY2(m_window->detailsPanel()->toPlainText().contains(
                         QStringLiteral("Last diff measured by Daybreak: 2026-11-24")),
                     qPrintable(m_window->detailsPanel()->toPlainText()));
        const QString details = m_window->detailsPanel()->toPlainText();
        const QString section = details.mid(details.indexOf(QStringLiteral("Last diff")));
        QVERIFY2(section.contains(QStringLiteral("Missing in the cloud: 1 (4711)")) &&
                     section.contains(QStringLiteral("Changed: 1 rows")) &&
                     section.contains(QStringLiteral("(17)\nrate\n1.0842\n1.0951")),
                 qPrintable(section));
        QVERIFY(m_window->parityPanel()->lastDiff()->isVisibleTo(m_window->parityPanel()));
        QVERIFY(m_window->parityPanel()->lastDiff()->toPlainText().contains(
            QStringLiteral("5000 rows on-prem, 4999 in the cloud; 2 differing")));
        // Another pipeline's panel does not show core_fx's diff as its own.
        m_window->selectPipeline(QStringLiteral("core_orders"));
        QVERIFY(!m_window->parityPanel()->lastDiff()->isVisibleTo(m_window->parityPanel()));
    }

    void refusedCutoverFromTheContextMenuChangesNothing()
    {
        const int auditBefore = int(SqliteStore(m_path, OpenMode::MustExist).auditLog().size());
        QMenu *menu = m_window->pipelineMenu(QStringLiteral("stg_products"));
        QAction *cutover = menuAction(menu, QStringLiteral("actionCutover"));
        QVERIFY(cutover && cutover->isEnabled());
        cutover->trigger();
        QVERIFY(settled()); // checked and performed on the store thread
        QCOMPARE(m_prompter.refusals.size(), 1);
        const QStringList reasons = m_prompter.refusals.first();
        QVERIFY(reasons.contains(QStringLiteral("stg_products reads erp_products_extract, which is "
                                                "still canonical on-prem (dual_run)")));
        QVERIFY(reasons.last().startsWith(QStringLiteral("the change window is closed")));
        QVERIFY(m_prompter.questions.isEmpty());
        QCOMPARE(int(SqliteStore(m_path, OpenMode::MustExist).auditLog().size()), auditBefore);
        QCOMPARE(m_window->graphScene()->node(QStringLiteral("stg_products"))->state(),
                 State::DualRun);
    }

    void aTamperedFileOpensReadOnlyWithItsFindings()
    {
        // Plain SQL moved a pointer without its audit row: the console opens the file for
        // reading only, says why above everything, and offers no change.
        m_window.reset();
        {
            QSqlDatabase db =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("tamper"));
            db.setDatabaseName(m_path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("UPDATE routing SET version = version + 1 WHERE "
                                          "pipeline = 'stg_products'")));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("tamper"));
        m_window = std::make_unique<MainWindow>(m_clock, &m_prompter);
        QString error;
        QVERIFY2(m_window->openStore(m_path, &error), qPrintable(error));
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        auto *bar = m_window->findChild<QLabel *>(QStringLiteral("readOnlyBar"));
        QVERIFY(bar && bar->isVisible());
        QVERIFY2(bar->text().contains(QStringLiteral("promises are broken")) &&
                     bar->text().contains(QStringLiteral("stg_products")),
                 qPrintable(bar->text()));
        QMenu *menu = m_window->pipelineMenu(QStringLiteral("stg_products"));
        QVERIFY(!menuAction(menu, QStringLiteral("actionCutover"))->isEnabled());
        QVERIFY(!m_window->session()->access().can(Role::Operator));
    }

    void anIntactFileShowsNoReadOnlyBar()
    {
        QVERIFY(!m_window->findChild<QLabel *>(QStringLiteral("readOnlyBar"))->isVisible());
        QVERIFY(m_window->session()->access().can(Role::Operator));
    }

    void acceptedCutoverRecolours()
    {
        m_clock.set(berlin(2026, 11, 28, 10)); // Saturday
        QMenu *menu = m_window->pipelineMenu(QStringLiteral("core_fx"));
        menuAction(menu, QStringLiteral("actionCutover"))->trigger();
        QVERIFY(settled()); // checked and performed on the store thread
        QVERIFY(m_prompter.refusals.isEmpty());
        QCOMPARE(m_prompter.questions.size(), 1);
        // The dialog says what the cutover puts at stake: the reports it feeds, their slack.
        QVERIFY2(m_prompter.questions.first().text.contains(
                     QStringLiteral("It feeds tonight: rpt_finance_flash 06:00 (")),
                 qPrintable(m_prompter.questions.first().text));
        PipelineNodeItem *node = m_window->graphScene()->node(QStringLiteral("core_fx"));
        QCOMPARE(node->state(), State::Cloud);
        QCOMPARE(SqliteStore(m_path, OpenMode::MustExist).routing(QStringLiteral("core_fx"))->state,
                 State::Cloud);
        QCOMPARE(SqliteStore(m_path, OpenMode::MustExist).auditLog().last().reason,
                 QStringLiteral("scripted reason"));
        // The painted fill is the cloud colour.
        QImage nodeImage(QSize(220, 50), QImage::Format_ARGB32);
        nodeImage.fill(Qt::white);
        QPainter painter(&nodeImage);
        QStyleOptionGraphicsItem option;
        node->paint(&painter, &option, nullptr);
        painter.end();
        QCOMPARE(nodeImage.pixelColor(100, 35), SideColors::forState(State::Cloud));
    }

    void fourEyesInTheWaveRunbook()
    {
        // The weekend's wave, under approvals: all.
        m_clock.set(berlin(2026, 11, 28, 10)); // Saturday
        {
            SqliteStore store(m_path, OpenMode::MustExist);
            Inventory inv = store.snapshot().inventory;
            inv.approvals = ApprovalPolicy::All;
            TestStores::seed(store, inv);
            PlanService plans(store, m_clock, QStringLiteral("lead"));
            QVERIFY(plans.addWave(QStringLiteral("W"), QDate(2026, 11, 28)).ok());
            QVERIFY(plans.assign({QStringLiteral("core_fx")}, QStringLiteral("W")).ok());
        }
        m_window->session()->reload();
        QVERIFY(settled());
        // Cutting over asks for a second operator instead, and the request waits.
        QMenu *menu = m_window->pipelineMenu(QStringLiteral("core_fx"));
        menuAction(menu, QStringLiteral("actionCutover"))->trigger();
        QVERIFY(settled());
        QVERIFY(m_prompter.refusals.isEmpty());
        QCOMPARE(m_prompter.questions.size(), 1);
        QVERIFY2(m_prompter.questions.first().title.contains(QStringLiteral("second operator")),
                 qPrintable(m_prompter.questions.first().title));
        QVERIFY(settled());
        QList<ChangeRequest> requests = SqliteStore(m_path, OpenMode::MustExist).changeRequests();
        QCOMPARE(requests.size(), 1);
        QCOMPARE(requests.first().requester, currentOsUser());
        QCOMPARE(requests.first().reason, QStringLiteral("scripted reason"));
        // The Wave runbook tab shows it waiting, with Approve greyed for its requester.
        WaveRunbookPanel *panel = m_window->runbookPanel();
        QTRY_VERIFY_WITH_TIMEOUT(
            panel->findChild<QPushButton *>(QStringLiteral("approve-%1").arg(requests.first().id)),
            10000);
        QVERIFY2(panel->progressText().startsWith(QStringLiteral("0 of 1 cut over, 1 to go; "
                                                                 "window closes Sun 23:59")),
                 qPrintable(panel->progressText()));
        QPushButton *approve =
            panel->findChild<QPushButton *>(QStringLiteral("approve-%1").arg(requests.first().id));
        QVERIFY(!approve->isEnabled());
        QVERIFY(approve->toolTip().contains(QStringLiteral("four eyes")));
        QCOMPARE(panel->table()->item(0, 2)->text().section(QLatin1Char('\n'), 0, 0),
                 QStringLiteral("AWAITING APPROVAL"));
        // Another operator approves; the console follows.
        {
            SqliteStore other(m_path, OpenMode::MustExist);
            QVERIFY(MigrationService(other, m_clock, QStringLiteral("bob"))
                        .approve(requests.first().id)
                        .ok());
        }
        QTRY_VERIFY_WITH_TIMEOUT(
            panel->progressText().startsWith(QStringLiteral("1 of 1 cut over")), 10000);
        QVERIFY(!panel->findChild<QPushButton *>(
            QStringLiteral("approve-%1").arg(requests.first().id)));
        QVERIFY(panel->table()->item(0, 5)->text().contains(QStringLiteral("bob")));
        // During the window the war room leads with the same runbook; the graph steps aside.
        m_window->showWarRoom();
        WarRoomWindow *wall = m_window->warRoom();
        QVERIFY(wall);
        QTRY_VERIFY_WITH_TIMEOUT(wall->runbook()->isVisible(), 10000);
        QVERIFY(wall->runbook()->progressText().startsWith(QStringLiteral("1 of 1 cut over")));
        QVERIFY(!wall->findChild<GraphView *>()->isVisible());
        // After the window closes, the wall shows the graph again.
        m_clock.set(berlin(2026, 11, 30, 9));
        m_window->session()->reload();
        QTRY_VERIFY_WITH_TIMEOUT(!wall->runbook()->isVisible(), 10000);
        QVERIFY(wall->findChild<GraphView *>()->isVisible());
        wall->close();
    }

    void cancelledConfirmationChangesNothing()
    {
        m_clock.set(berlin(2026, 11, 28, 10));
        m_prompter.answer.reset();
        m_window->selectPipeline(QStringLiteral("core_fx"));
        m_window->migrationActions()->cutoverAction()->trigger();
        QVERIFY(settled());
        QCOMPARE(m_prompter.questions.size(), 1); // it was asked, and the answer was no
        QCOMPARE(SqliteStore(m_path, OpenMode::MustExist).routing(QStringLiteral("core_fx"))->state,
                 State::DualRun);
    }

    void breakGlassRollbackOnAWeekday()
    {
        m_window->selectPipeline(QStringLiteral("stg_fx_rates"));
        m_window->migrationActions()->rollbackAction()->trigger();
        QVERIFY(settled());
        QCOMPARE(m_prompter.refusals.size(), 1);
        QVERIFY(m_prompter.refusals.first().first().contains(QStringLiteral("--break-glass")));
        m_window->migrationActions()->breakGlassAction()->trigger();
        QVERIFY(settled());
        QCOMPARE(m_prompter.questions.size(), 1);
        QVERIFY(m_prompter.questions.first().dangerous);
        QVERIFY(m_prompter.questions.first().reasonRequired);
        const AuditEntry last = SqliteStore(m_path, OpenMode::MustExist).auditLog().last();
        QCOMPARE(last.action, QStringLiteral("rollback"));
        QVERIFY(last.breakGlass);
        QCOMPARE(m_window->graphScene()->node(QStringLiteral("stg_fx_rates"))->state(),
                 State::DualRun);
    }

    void followsAnotherConsole()
    {
        m_window->selectPipeline(QStringLiteral("erp_orders_extract"));
        SqliteStore other(m_path, OpenMode::MustExist);
        QCOMPARE(MigrationService(other, m_clock, QStringLiteral("other"))
                     .startDualRun({QStringLiteral("erp_orders_extract"), {}, false})
                     .kind,
                 Outcome::Kind::Done);
        QSignalSpy changed(m_window->session(), &StoreSession::changed);
        QVERIFY(changed.wait(3000));
        QCOMPARE(m_window->graphScene()->node(QStringLiteral("erp_orders_extract"))->state(),
                 State::DualRun);
        QCOMPARE(m_window->tablePanel()->selectedPipeline(), QStringLiteral("erp_orders_extract"));
        QVERIFY(m_window->detailsPanel()->toPlainText().contains(QStringLiteral("dual_run")));
    }

    void theStatusBarSaysWhenTheWatchLastRanAndWhenItIsStale()
    {
        auto *label = m_window->findChild<QLabel *>(QStringLiteral("watchLabel"));
        QTRY_COMPARE_WITH_TIMEOUT(label->text(), QStringLiteral("watch: none running"), 10000);
        SqliteStore other(m_path, OpenMode::MustExist);
        WatchBeat beat{QStringLiteral("ops1:4242"), QStringLiteral("ops1"), 4242,
                       m_clock.now().addSecs(-600), m_clock.now(),          60,
                       QStringLiteral("quiet")};
        other.recordWatchBeat(beat);
        m_window->refreshNight();
        const QString at = m_clock.now()
                               .toTimeZone(QTimeZone("Europe/Berlin"))
                               .toString(QStringLiteral("HH:mm:ss"));
        QTRY_COMPARE_WITH_TIMEOUT(label->text(), QStringLiteral("watch: last ran ") + at, 10000);
        // Three minutes without a beat from a 60-second watch: dead, and said so in red.
        m_clock.set(m_clock.now().addSecs(180));
        m_window->showFreshness();
        QCOMPARE(label->text(),
                 QStringLiteral("watch: last ran ") + at + QStringLiteral(" — STALE"));
        QVERIFY(label->styleSheet().contains(QStringLiteral("#b71c1c")));
    }

    void parityPanelShowsTheSpikeAndTheAdvice()
    {
        // Saturday morning, when the demo's latest comparisons are in: a comparison dated after
        // tomorrow is no evidence yet.
        m_clock.set(berlin(2026, 11, 28, 10));
        QSignalSpy reread(m_window->session(), &StoreSession::changed);
        m_window->session()->reload(); // read on the store thread
        QVERIFY(reread.wait(5000));
        ParityPanel *panel = m_window->parityPanel();
        QAbstractItemModelTester tester(panel->overview(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        // The cut-over pipeline with a fresh breach comes first, marked for rollback.
        QCOMPARE(panel->overview()->index(0, ParityOverviewModel::IdColumn).data().toString(),
                 QStringLiteral("stg_clickstream"));
        QCOMPARE(panel->overview()->index(0, ParityOverviewModel::AdviceColumn).data().toString(),
                 QStringLiteral("ROLL BACK recommended"));
        QCOMPARE(panel->overview()->index(1, ParityOverviewModel::AdviceColumn).data().toString(),
                 QStringLiteral("cutover held"));
        // The status bar's advice is never cut off at the default size: the store's location
        // gives way.
        const auto *rollback = m_window->findChild<QLabel *>(QStringLiteral("rollbackLabel"));
        QVERIFY(rollback->isVisible());
        QVERIFY(rollback->text().contains(QStringLiteral("1 rollback(s) recommended")));
        QVERIFY2(rollback->width() >= rollback->sizeHint().width(),
                 qPrintable(QStringLiteral("%1 < %2")
                                .arg(rollback->width())
                                .arg(rollback->sizeHint().width())));

        // Nothing selected: the overview of every pipeline's comparisons, one point per night,
        // not an empty chart with made-up dates.
        m_window->selectPipeline(QString());
        QSet<QDate> allNights;
        for (const QList<ParityResult> &results : m_window->session()->snapshot().parity)
            for (const ParityResult &r : results)
                allNights.insert(r.businessDate);
        QVERIFY(!allNights.isEmpty());
        QCOMPARE(panel->chart()->diffSeries()->count(), allNights.size());
        QVERIFY(panel->chart()->chart()->title().startsWith(QStringLiteral("All pipelines")));
        for (const QPointF &point : panel->chart()->diffSeries()->points())
            QVERIFY(point.y() >= 0 && point.y() <= 100);
        // The demo's explained breach (the rolled-back night) is a grey marker of its own, and
        // the legend's tolerance is not the red of an open breach.
        QVERIFY(panel->chart()->resolvedBreachSeries()->count() >= 1);
        QVERIFY(panel->chart()->toleranceSeries()->pen().color() !=
                panel->chart()->openBreachSeries()->color());

        m_window->selectPipeline(QStringLiteral("erp_products_extract"));
        const int nights = int(m_window->session()
                                   ->snapshot()
                                   .parity.value(QStringLiteral("erp_products_extract"))
                                   .size());
        QCOMPARE(panel->chart()->diffSeries()->count(), nights);
        QCOMPARE(panel->chart()->openBreachSeries()->count(), 1);
        QCOMPARE(panel->chart()->resolvedBreachSeries()->count(), 0);
        QCOMPARE(panel->chart()->toleranceSeries()->at(0).y(), 0.1);
        QCOMPARE(QDateTime::fromMSecsSinceEpoch(
                     qint64(panel->chart()->openBreachSeries()->at(0).x()), Qt::UTC)
                     .date(),
                 QDate(2026, 9, 30));

        // Accepting the breach (another console) moves the point to the resolved series.
        SqliteStore other(m_path, OpenMode::MustExist);
        QCOMPARE(ParityService(other, m_clock, QStringLiteral("lead"))
                     .resolve(QStringLiteral("erp_products_extract"), QDate(2026, 9, 30),
                              BreachResolution::Accepted, QStringLiteral("finance confirmed"))
                     .kind,
                 Outcome::Kind::Done);
        QTRY_COMPARE_WITH_TIMEOUT(panel->chart()->resolvedBreachSeries()->count(), 1, 3000);
        QCOMPARE(panel->chart()->openBreachSeries()->count(), 0);
    }

    void exportsPngAndSvg()
    {
        const QString png = m_dir.filePath(QStringLiteral("graph.png"));
        const QString svg = m_dir.filePath(QStringLiteral("graph.svg"));
        QCOMPARE(GraphExport::toPng(m_window->graphScene(), png), QString());
        QCOMPARE(GraphExport::toSvg(m_window->graphScene(), svg), QString());
        QImage image(png);
        QVERIFY(image.width() > 1000);
        QFile f(svg);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray text = f.readAll();
        QVERIFY(text.contains("<svg"));
        QVERIFY(text.contains("core_orders"));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
