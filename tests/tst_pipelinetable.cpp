#include "PipelineFilterProxy.h"
#include "PipelineTableModel.h"
#include "PipelineTablePanel.h"
#include "TestStores.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using namespace daybreak;

using namespace TestStores;

class TestPipelineTable : public QObject
{
    Q_OBJECT

private:
    static StoreSnapshot snapshot()
    {
        StoreSnapshot s;
        Pipeline a = pipeline(QStringLiteral("orders_ingest"), {}, Side::Cloud, Risk::High);
        a.owner = QStringLiteral("commerce");
        Pipeline b = pipeline(QStringLiteral("gl_extract"), {}, Side::OnPrem, Risk::Low);
        b.owner = QStringLiteral("finance");
        Pipeline c = pipeline(QStringLiteral("orders_mart"), {QStringLiteral("orders_ingest")});
        c.name = QStringLiteral("Orders mart");
        c.owner = QStringLiteral("commerce");
        s.inventory = inventory({a, b, c});
        s.routing.insert(QStringLiteral("orders_ingest"),
                         {QStringLiteral("orders_ingest"), State::Cloud, 2, {}});
        s.routing.insert(QStringLiteral("gl_extract"),
                         {QStringLiteral("gl_extract"), State::OnPrem, 1, {}});
        s.routing.insert(QStringLiteral("orders_mart"),
                         {QStringLiteral("orders_mart"), State::DualRun, 1, {}});
        return s;
    }

private slots:
    void modelIsSound()
    {
        PipelineTableModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSnapshot(snapshot(), QDate(2026, 11, 24));
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.columnCount(), int(PipelineTableModel::ColumnCount));
        const int ingest = model.rowOf(QStringLiteral("orders_ingest"));
        QCOMPARE(model.index(ingest, PipelineTableModel::StateColumn).data().toString(),
                 QStringLiteral("cloud"));
        QCOMPARE(model.index(ingest, PipelineTableModel::CanonicalColumn).data().toString(),
                 QStringLiteral("cloud"));
        QCOMPARE(model.index(ingest, PipelineTableModel::RiskColumn).data().toString(),
                 QStringLiteral("high"));
        QCOMPARE(
            model.index(model.rowOf(QStringLiteral("gl_extract")), PipelineTableModel::StateColumn)
                .data()
                .toString(),
            QStringLiteral("onprem (stays)"));
        QCOMPARE(
            model.index(model.rowOf(QStringLiteral("orders_mart")), PipelineTableModel::GateColumn)
                .data()
                .toString(),
            QStringLiteral("pending"));
        QVERIFY(model.index(ingest, PipelineTableModel::StateColumn)
                    .data(Qt::BackgroundRole)
                    .isValid());
    }

    void sameIdsUpdateInPlace()
    {
        PipelineTableModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        StoreSnapshot s = snapshot();
        model.setSnapshot(s, QDate(2026, 11, 24));
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        s.routing[QStringLiteral("orders_mart")].state = State::Cloud;
        model.setSnapshot(s, QDate(2026, 11, 24));
        QCOMPARE(reset.count(), 0);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(model
                     .index(model.rowOf(QStringLiteral("orders_mart")),
                            PipelineTableModel::CanonicalColumn)
                     .data()
                     .toString(),
                 QStringLiteral("cloud"));
    }

    void filterAndSortInThePanel()
    {
        PipelineTableModel model;
        model.setSnapshot(snapshot(), QDate(2026, 11, 24));
        PipelineTablePanel panel(&model);
        QAbstractItemModelTester tester(panel.proxy(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModel *shown = panel.view()->model();
        QCOMPARE(shown->rowCount(), 3);
        // Sorted by id by default.
        QCOMPARE(shown->index(0, 0).data().toString(), QStringLiteral("gl_extract"));

        QTest::keyClicks(panel.filterEdit(), QStringLiteral("COMMERCE"));
        QCOMPARE(shown->rowCount(), 2);
        panel.filterEdit()->clear();
        QTest::keyClicks(panel.filterEdit(), QStringLiteral("orders mart"));
        QCOMPARE(shown->rowCount(), 1);
        panel.filterEdit()->clear();

        panel.stateCombo()->setCurrentIndex(panel.stateCombo()->findData(int(State::DualRun)));
        QCOMPARE(shown->rowCount(), 1);
        QCOMPARE(shown->index(0, 0).data().toString(), QStringLiteral("orders_mart"));
        panel.stateCombo()->setCurrentIndex(0);

        panel.view()->sortByColumn(PipelineTableModel::RiskColumn, Qt::DescendingOrder);
        QCOMPARE(shown->index(0, 0).data().toString(),
                 QStringLiteral("orders_ingest"));                                    // high first
        QCOMPARE(shown->index(2, 0).data().toString(), QStringLiteral("gl_extract")); // low last
    }

    void selectionIsReportedById()
    {
        PipelineTableModel model;
        model.setSnapshot(snapshot(), QDate(2026, 11, 24));
        PipelineTablePanel panel(&model);
        QSignalSpy selected(&panel, &PipelineTablePanel::pipelineSelected);
        panel.selectPipeline(QStringLiteral("orders_mart"));
        QCOMPARE(selected.count(), 1);
        QCOMPARE(selected.first().first().toString(), QStringLiteral("orders_mart"));
        QCOMPARE(panel.selectedPipeline(), QStringLiteral("orders_mart"));
    }
};

QTEST_MAIN(TestPipelineTable)
#include "tst_pipelinetable.moc"
