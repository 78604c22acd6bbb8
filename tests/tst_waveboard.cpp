#include "BoardState.h"
#include "InventoryService.h"
#include "MainWindow.h"
#include "ManualClock.h"
#include "MigrationPlan.h"
#include "PlanService.h"
#include "ScriptedPrompter.h"
#include "StoreSession.h"
#include "TestStores.h"
#include "WaveBoard.h"
#include "WaveColumn.h"
#include "WaveColumnModel.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QLabel>
#include <QMimeData>
#include <QRandomGenerator>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <QToolButton>

using namespace daybreak;

// The wave board in the real main window on the demo store: drops go through the column models.
class TestWaveBoard : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    ManualClock m_clock{QDateTime(QDate(2026, 11, 24), QTime(15, 0), QTimeZone("Europe/Berlin"))};
    ScriptedPrompter m_prompter;
    std::unique_ptr<MainWindow> m_window;
    QString m_path;

    WaveBoard *board() { return m_window->waveBoard(); }
    QString waveOf(const QString &id)
    {
        // What the store holds once the console has nothing on its way to it.
        if (!settled())
            return QStringLiteral("(edit still pending)");
        return SqliteStore(m_path, OpenMode::MustExist).snapshot().plan.waveOf(id);
    }
    std::unique_ptr<QMimeData> mime(const QStringList &ids)
    {
        auto data = std::make_unique<QMimeData>();
        data->setData(QLatin1String(kPipelineMimeType), ids.join(QLatin1Char('\n')).toUtf8());
        return data;
    }
    bool dropInto(const QString &wave, const QStringList &ids)
    {
        WaveColumn *column = board()->column(wave);
        if (!column)
            return false;
        auto data = mime(ids);
        column->model()->dropMimeData(data.get(), Qt::MoveAction, -1, 0, {});
        return settled();
    }
    // Edits go to the store thread; the board shows them once the store has answered and been
    // read back.
    bool settled()
    {
        return QTest::qWaitFor(
            [this] { return m_window->plan()->pending() == 0 && m_window->session()->idle(); },
            5000);
    }

private slots:
    void initTestCase()
    {
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
            QVERIFY(InventoryService(seed, m_clock, QStringLiteral("t")).importDemo().ok());
            PlanService plans(seed, m_clock, QStringLiteral("t"));
            QVERIFY(plans.addWave(QStringLiteral("W1"), QDate(2026, 12, 5), 3, 1).ok());
            QVERIFY(plans.addWave(QStringLiteral("W2"), QDate(2026, 12, 12)).ok());
        }
        m_window = std::make_unique<MainWindow>(m_clock, &m_prompter);
        QVERIFY(m_window->openStore(m_path));
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void cleanup() { m_window.reset(); }

    void columnsMirrorThePlan()
    {
        QCOMPARE(board()->columns().size(), 3);
        WaveColumn *backlog = board()->column(QString());
        QAbstractItemModelTester tester(backlog->model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(backlog->model()->pipelines().contains(QStringLiteral("erp_orders_extract")));
        QVERIFY(!backlog->model()->pipelines().contains(
            QStringLiteral("fx_rates_extract"))); // cut over
        QVERIFY(!backlog->model()->pipelines().contains(
            QStringLiteral("hr_payroll_extract"))); // stays on-prem
        QVERIFY(board()
                    ->column(QStringLiteral("W1"))
                    ->headerText()
                    .contains(QStringLiteral("0/3 pipelines")));
        // The 6am after the wave, as the plan would leave it.
        const QString header = board()->column(QStringLiteral("W1"))->headerText();
        QVERIFY2(header.contains(QStringLiteral(" 6am: ")), qPrintable(header));
    }

    // A board without waves says how to start; once a wave is there, the hint gives way to it.
    void anEmptyBoardSaysHowToStart()
    {
        auto *hint = board()->findChild<QLabel *>(QStringLiteral("emptyBoardHint"));
        QVERIFY(hint);
        QVERIFY(!hint->isVisibleTo(board())); // the fixture plans two waves
        StoreSnapshot none = m_window->session()->snapshot();
        none.plan = WavePlan();
        board()->setSnapshot(none, QDate(2026, 11, 24));
        QCOMPARE(board()->columns().size(), 1);
        QVERIFY(hint->isVisibleTo(board()));
        QVERIFY(hint->text().contains(QStringLiteral("Add wave…")));
        QVERIFY(board()->column(QString())->minimumWidth() > 300); // the backlog has room
    }

    void theBoardStateAnswersWithoutAWidget()
    {
        // The same snapshot in a BoardState of its own gives the board's cards and columns.
        const StoreSnapshot snapshot = SqliteStore(m_path, OpenMode::MustExist).snapshot();
        BoardState state;
        QVERIFY(!state.moves());
        QVERIFY(state.backlog({}, BoardState::BacklogOrder::Depth, nullptr).isEmpty());
        state.setSnapshot(snapshot, m_clock.now().date());
        int total = -1;
        const QStringList backlog = state.backlog({}, BoardState::BacklogOrder::Depth, &total);
        QCOMPARE(backlog, board()->column(QString())->model()->pipelines());
        QCOMPARE(total, int(backlog.size()));
        QVERIFY(!backlog.isEmpty());
        for (int i = 1; i < backlog.size(); ++i)
            QVERIFY(state.depthOf(backlog.at(i - 1)) <= state.depthOf(backlog.at(i)));
        const QStringList byOwner = state.backlog({}, BoardState::BacklogOrder::Owner, nullptr);
        for (int i = 1; i < byOwner.size(); ++i)
            QVERIFY(state.ownerOf(byOwner.at(i - 1)) <= state.ownerOf(byOwner.at(i)));
        QStringList columns;
        for (WaveColumn *c : board()->columns())
            if (!c->wave().isEmpty())
                columns << c->wave();
        QCOMPARE(state.openWaves(), columns);
        const QDate today = m_clock.now().date();
        for (const Pipeline &p : snapshot.inventory.pipelines()) {
            QCOMPARE(state.healthOf(p.id), ParityService::health(snapshot, p.id, today));
            QCOMPARE(state.healthOf(p.id), board()->state().healthOf(p.id)); // asked twice
            QCOMPARE(state.stateOf(p.id), snapshot.stateOf(p.id));
            QVERIFY(state.cardToolTip(p.id).startsWith(p.id + QStringLiteral(" — ")));
        }
    }

    void theBacklogFiltersBySelectorOrText()
    {
        const QStringList all = board()->column(QString())->model()->pipelines();
        board()->setBacklogFilter(QStringLiteral("owner:finance"));
        const QStringList finance = board()->column(QString())->model()->pipelines();
        QVERIFY(!finance.isEmpty() && finance.size() < all.size());
        for (const QString &id : finance)
            QCOMPARE(board()->state().ownerOf(id), QStringLiteral("finance"));
        // Not a selector: the ids containing the text.
        board()->setBacklogFilter(QStringLiteral("EXTRACT"));
        const QStringList extracts = board()->column(QString())->model()->pipelines();
        QVERIFY(!extracts.isEmpty());
        for (const QString &id : extracts)
            QVERIFY(id.contains(QStringLiteral("extract")));
        board()->setBacklogFilter({});
        QCOMPARE(board()->column(QString())->model()->pipelines(), all);
    }

    // A column brought up to date moves, inserts and removes its cards instead of starting
    // over, so the view keeps its place; whatever the edits, it then holds the new list.
    void cardsThatMoveMoveAndTheRestStay()
    {
        WaveColumnModel *backlog = board()->column(QString())->model();
        QSignalSpy backlogResets(backlog, &QAbstractItemModel::modelReset);
        QSignalSpy backlogRemoved(backlog, &QAbstractItemModel::rowsRemoved);
        QVERIFY(dropInto(QStringLiteral("W2"), {QStringLiteral("erp_orders_extract")}));
        QCOMPARE(backlogResets.size(), 0);
        QCOMPARE(backlogRemoved.size(), 1); // the dropped card left; the others stayed put

        const QStringList pool = backlog->pipelines();
        QVERIFY(pool.size() > 10);
        WaveColumnModel *column = board()->column(QStringLiteral("W1"))->model();
        QAbstractItemModelTester tester(column,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy resets(column, &QAbstractItemModel::modelReset);
        QSignalSpy moved(column, &QAbstractItemModel::rowsMoved);
        QSignalSpy inserted(column, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(column, &QAbstractItemModel::rowsRemoved);
        QRandomGenerator random(5);
        QStringList ids = column->pipelines();
        for (int step = 0; step < 200; ++step) {
            QStringList next = ids;
            if (!next.isEmpty() && random.bounded(3) == 0)
                next.removeAt(random.bounded(next.size()));
            if (random.bounded(2) == 0) {
                const QString &id = pool.at(random.bounded(pool.size()));
                if (!next.contains(id))
                    next.insert(random.bounded(next.size() + 1), id);
            }
            if (next.size() > 1 && random.bounded(2) == 0)
                next.move(random.bounded(next.size()), random.bounded(next.size()));
            column->setPipelines(next);
            QCOMPARE(column->pipelines(), next);
            ids = next;
        }
        QCOMPARE(resets.size(), 0);
        QVERIFY(moved.size() > 10 && inserted.size() > 10 && removed.size() > 10);
        // Everything different: one reset, and still the list asked for.
        QStringList reversed = pool;
        std::reverse(reversed.begin(), reversed.end());
        column->setPipelines(reversed);
        QCOMPARE(column->pipelines(), reversed);
    }

    void validDropIsSavedAndUndoable()
    {
        QVERIFY(dropInto(QStringLiteral("W1"), {QStringLiteral("erp_orders_extract")}));
        QCOMPARE(waveOf(QStringLiteral("erp_orders_extract")), QStringLiteral("W1"));
        QVERIFY(board()
                    ->column(QStringLiteral("W1"))
                    ->model()
                    ->pipelines()
                    .contains(QStringLiteral("erp_orders_extract")));
        QVERIFY(board()
                    ->column(QStringLiteral("W1"))
                    ->headerText()
                    .contains(QStringLiteral("1/3 pipelines")));

        QAction *undo = m_window->findChild<QAction *>(QStringLiteral("actionUndo"));
        QAction *redo = m_window->findChild<QAction *>(QStringLiteral("actionRedo"));
        QVERIFY(undo->isEnabled());
        QCOMPARE(undo->shortcut(), QKeySequence(QKeySequence::Undo));
        QCOMPARE(redo->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z));
        undo->trigger();
        QVERIFY(settled());
        QCOMPARE(waveOf(QStringLiteral("erp_orders_extract")), QString());
        QVERIFY(board()->column(QString())->model()->pipelines().contains(
            QStringLiteral("erp_orders_extract")));
        redo->trigger();
        QVERIFY(settled());
        QCOMPARE(waveOf(QStringLiteral("erp_orders_extract")), QStringLiteral("W1"));
        // The actions name the edit they undo, and wait while an edit is on its way to the store
        // (its answer is handled on this thread, so nothing settles before qWaitFor).
        QVERIFY2(undo->text().startsWith(QStringLiteral("&Undo ")), qPrintable(undo->text()));
        auto data = mime({QStringLiteral("erp_customers_extract")});
        board()
            ->column(QStringLiteral("W1"))
            ->model()
            ->dropMimeData(data.get(), Qt::MoveAction, -1, 0, {});
        QCOMPARE(m_window->plan()->pending(), 1);
        QVERIFY(!undo->isEnabled());
        QVERIFY(settled());
        QVERIFY(undo->isEnabled());
    }

    void dropThatBreaksAnUpstreamIsRefused()
    {
        QSignalSpy messages(board(), &WaveBoard::message);
        QVERIFY(!board()
                     ->column(QStringLiteral("W1"))
                     ->model()
                     ->canDropMimeData(mime({QStringLiteral("stg_orders")}).get(), Qt::MoveAction,
                                       -1, 0, {}));
        dropInto(QStringLiteral("W1"), {QStringLiteral("stg_orders")});
        QCOMPARE(waveOf(QStringLiteral("stg_orders")), QString());
        QCOMPARE(messages.count(), 1);
        QCOMPARE(messages.first().first().toString(),
                 QStringLiteral("Refused: stg_orders reads erp_orders_extract, which is still "
                                "canonical on-prem and not planned in any wave"));
    }

    // A refused drop, made with the mouse, keeps every reason beside the column until dismissed.
    void aRefusedDropKeepsItsReasonsUntilDismissed()
    {
        WaveColumn *column = board()->column(QStringLiteral("W1"));
        QVERIFY(column->refusalText().isEmpty());
        auto data = mime({QStringLiteral("stg_orders")});
        column->view()->drop(data.get(), Qt::NoModifier); // what the view's dropEvent does
        QVERIFY(settled());
        QCOMPARE(waveOf(QStringLiteral("stg_orders")), QString());
        QVERIFY2(column->refusalText().contains(QStringLiteral("stg_orders reads "
                                                               "erp_orders_extract")),
                 qPrintable(column->refusalText()));
        // Still there after the store answered and the board was drawn again.
        QVERIFY(column->refusalNotice()->isVisibleTo(column));
        auto *dismiss = column->refusalNotice()->findChild<QToolButton *>();
        QVERIFY(dismiss);
        dismiss->click();
        QVERIFY(column->refusalText().isEmpty());
    }

    void viewerCannotDropAndIsToldWhy()
    {
        // As the file's owner, a dual-running pipeline can be cut over...
        m_window->selectPipeline(QStringLiteral("erp_products_extract"));
        QVERIFY(m_window->findChild<QAction *>(QStringLiteral("actionCutover"))->isEnabled());
        m_window->setReadOnly(true);
        QVERIFY(m_window->openStore(m_path)); // ...then the same file, as a viewer
        QVERIFY(!board()
                     ->column(QStringLiteral("W1"))
                     ->model()
                     ->canDropMimeData(mime({QStringLiteral("erp_orders_extract")}).get(),
                                       Qt::MoveAction, -1, 0, {}));
        QSignalSpy messages(board(), &WaveBoard::message);
        dropInto(QStringLiteral("W1"), {QStringLiteral("erp_orders_extract")});
        QCOMPARE(waveOf(QStringLiteral("erp_orders_extract")), QString());
        QCOMPARE(messages.count(), 1);
        QVERIFY2(
            messages.first().first().toString().contains(QStringLiteral("needs the planner role")),
            qPrintable(messages.first().first().toString()));
        // Routing actions are off for a viewer too.
        m_window->selectPipeline(QStringLiteral("erp_products_extract"));
        QAction *cutover = m_window->findChild<QAction *>(QStringLiteral("actionCutover"));
        QVERIFY(cutover);
        QVERIFY(!cutover->isEnabled());
    }

    void dropThatBreaksADownstreamIsRefused()
    {
        dropInto(QStringLiteral("W1"), {QStringLiteral("erp_orders_extract")});
        dropInto(QStringLiteral("W1"), {QStringLiteral("stg_orders")});
        QCOMPARE(waveOf(QStringLiteral("stg_orders")), QStringLiteral("W1"));
        QSignalSpy messages(board(), &WaveBoard::message);
        dropInto(QStringLiteral("W2"), {QStringLiteral("erp_orders_extract")});
        QCOMPARE(waveOf(QStringLiteral("erp_orders_extract")), QStringLiteral("W1"));
        QCOMPARE(messages.first().first().toString(),
                 QStringLiteral("Refused: erp_orders_extract is read by stg_orders, which is "
                                "planned in the earlier wave 'W1' (2026-12-05)"));
        // Back to the backlog would strand stg_orders as well.
        dropInto(QString(), {QStringLiteral("erp_orders_extract")});
        QCOMPARE(waveOf(QStringLiteral("erp_orders_extract")), QStringLiteral("W1"));
    }

    void dropOverCapacityIsRefused()
    {
        dropInto(QStringLiteral("W1"), {QStringLiteral("erp_customers_extract")});
        dropInto(QStringLiteral("W1"), {QStringLiteral("wms_inventory_extract")});
        dropInto(QStringLiteral("W1"), {QStringLiteral("returns_extract")});
        QSignalSpy messages(board(), &WaveBoard::message);
        dropInto(QStringLiteral("W1"), {QStringLiteral("tms_shipments_extract")});
        QCOMPARE(waveOf(QStringLiteral("tms_shipments_extract")), QString());
        QCOMPARE(messages.first().first().toString(),
                 QStringLiteral("Refused: wave 'W1' is full: 3 of 3 pipelines"));
    }

    void draggingMarksEveryColumn()
    {
        dropInto(QStringLiteral("W2"), {QStringLiteral("erp_orders_extract")});
        board()->dragStarted({QStringLiteral("stg_orders")});
        QCOMPARE(board()->column(QStringLiteral("W1"))->dropState(),
                 WaveColumn::DropState::Refused);
        QVERIFY(board()
                    ->column(QStringLiteral("W1"))
                    ->refusalReasons()
                    .first()
                    .contains(QStringLiteral("later wave 'W2'")));
        QCOMPARE(board()->column(QStringLiteral("W2"))->dropState(),
                 WaveColumn::DropState::Allowed);
        QCOMPARE(board()->column(QString())->dropState(), WaveColumn::DropState::Allowed);
        board()->dragFinished();
        QCOMPARE(board()->column(QStringLiteral("W1"))->dropState(), WaveColumn::DropState::Idle);
    }

    void shiftMoveCarriesTheUpstreamsItNeeds()
    {
        // stg_orders needs erp_orders_extract; with Shift both go, upstream first, as one undo
        // step.
        QCOMPARE(
            board()->moves()->withUpstreams(QStringLiteral("stg_orders"), QStringLiteral("W2")),
            (QStringList{QStringLiteral("erp_orders_extract"), QStringLiteral("stg_orders")}));
        WaveColumnModel *w2 = board()->column(QStringLiteral("W2"))->model();
        // Without Shift the drop is refused, naming the upstream; with it, allowed.
        const Decision alone = w2->checkDrop({QStringLiteral("stg_orders")});
        QVERIFY(!alone.allowed());
        QVERIFY(alone.reasons.first().text.contains(QStringLiteral("erp_orders_extract")));
        w2->setCarryUpstreams(true);
        QVERIFY(w2->canDropMimeData(mime({QStringLiteral("stg_orders")}).get(), Qt::MoveAction, -1,
                                    0, {}));
        QSignalSpy answers(w2, &WaveColumnModel::dropAnswered);
        dropInto(QStringLiteral("W2"), {QStringLiteral("stg_orders")});
        w2 = board()->column(QStringLiteral("W2"))->model();
        w2->setCarryUpstreams(false);
        QCOMPARE(answers.size(), 1);
        QCOMPARE(answers.first().first().toString(),
                 QStringLiteral("erp_orders_extract, stg_orders planned in wave 'W2'"));
        QCOMPARE(waveOf(QStringLiteral("stg_orders")), QStringLiteral("W2"));
        QCOMPARE(waveOf(QStringLiteral("erp_orders_extract")), QStringLiteral("W2"));
        QCOMPARE(board()->column(QStringLiteral("W2"))->model()->pipelines().first(),
                 QStringLiteral("erp_orders_extract"));
        m_window->plan()->undoStack()->undo();
        QVERIFY(settled());
        QCOMPARE(waveOf(QStringLiteral("stg_orders")), QString());
        QCOMPARE(waveOf(QStringLiteral("erp_orders_extract")), QString());
    }

    void keyboardMovesTheSelectedCard()
    {
        board()->selectPipeline(QStringLiteral("erp_customers_extract"));
        board()->moveSelected(+1);
        QVERIFY(settled());
        QCOMPARE(waveOf(QStringLiteral("erp_customers_extract")), QStringLiteral("W1"));
        board()->selectPipeline(QStringLiteral("erp_customers_extract"));
        QTest::keyClick(board()->column(QStringLiteral("W1"))->view(), Qt::Key_Right,
                        Qt::ControlModifier);
        QVERIFY(settled());
        QCOMPARE(waveOf(QStringLiteral("erp_customers_extract")), QStringLiteral("W2"));
        board()->selectPipeline(QStringLiteral("erp_customers_extract"));
        QTest::keyClick(board()->column(QStringLiteral("W2"))->view(), Qt::Key_Left,
                        Qt::ControlModifier);
        QVERIFY(settled());
        QCOMPARE(waveOf(QStringLiteral("erp_customers_extract")), QStringLiteral("W1"));
    }

    void anotherConsolesEditAppears()
    {
        SqliteStore other(m_path, OpenMode::MustExist);
        QVERIFY(PlanService(other, m_clock, QStringLiteral("other"))
                    .assign({QStringLiteral("returns_extract")}, QStringLiteral("W2"))
                    .ok());
        QTRY_VERIFY_WITH_TIMEOUT(board()
                                     ->column(QStringLiteral("W2"))
                                     ->model()
                                     ->pipelines()
                                     .contains(QStringLiteral("returns_extract")),
                                 3000);
    }
};

QTEST_MAIN(TestWaveBoard)
#include "tst_waveboard.moc"
