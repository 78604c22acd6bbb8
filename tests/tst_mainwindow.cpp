#include "InventoryService.h"
#include "MainWindow.h"
#include "ManualClock.h"
#include "MigrationService.h"
#include "PipelineTablePanel.h"
#include "StoreSession.h"
#include "TestStores.h"

#include <QLabel>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void opensOnTheDemoAndFollowsOtherConsoles()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("demo.sqlite"));
        ManualClock clock(QDateTime(QDate(2026, 11, 24), QTime(15, 0), QTimeZone("Europe/Berlin")));
        {
            SqliteStore seed(path, OpenMode::CreateIfMissing);
            QVERIFY(!hasErrors(InventoryService(seed, clock, QStringLiteral("t")).importDemo()));
        }
        StoreSession session(std::make_unique<SqliteStore>(path, OpenMode::MustExist));
        MainWindow window(&session, clock);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        QTableView *table = window.tablePanel()->view();
        QCOMPARE(table->model()->rowCount(), 66);
        auto *storeLabel = window.findChild<QLabel *>(QStringLiteral("storeLabel"));
        QVERIFY(storeLabel->text().contains(path));
        auto *windowLabel = window.findChild<QLabel *>(QStringLiteral("changeWindowLabel"));
        QVERIFY2(windowLabel->text().contains(QStringLiteral("High-risk changes locked until Sat 2026-11-28 00:00")), qPrintable(windowLabel->text()));
        clock.set(QDateTime(QDate(2026, 11, 28), QTime(10, 0), QTimeZone("Europe/Berlin")));
        QCOMPARE(window.changeWindowText(), QStringLiteral("Change window open until Sun 23:59"));

        // Another console (a second connection) starts a dual run; the window follows within the poll.
        window.tablePanel()->selectPipeline(QStringLiteral("erp_orders_extract"));
        SqliteStore other(path, OpenMode::MustExist);
        QCOMPARE(MigrationService(other, clock, QStringLiteral("other")).startDualRun({QStringLiteral("erp_orders_extract"), {}, false}).status,
                 ActionOutcome::Status::Done);
        QSignalSpy changed(&session, &StoreSession::changed);
        QVERIFY(changed.wait(3000));
        const QModelIndex current = table->currentIndex();
        QCOMPARE(window.tablePanel()->selectedPipeline(), QStringLiteral("erp_orders_extract"));
        QCOMPARE(current.siblingAtColumn(3).data().toString(), QStringLiteral("dual_run"));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
