#include "ParityPanel.h"

#include "ParityChart.h"
#include "ParityOverviewModel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QSplitter>
#include <QTableView>

namespace daybreak {

ParityPanel::ParityPanel(QWidget *parent)
    : QWidget(parent), m_model(new ParityOverviewModel(this)), m_table(new QTableView(this)),
      m_chart(new ParityChart(this))
{
    setObjectName(QStringLiteral("parityPanel"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setColumnWidth(ParityOverviewModel::IdColumn, 190);
    auto *split = new QSplitter(this);
    split->addWidget(m_table);
    split->addWidget(m_chart);
    split->setStretchFactor(0, 4);
    split->setStretchFactor(1, 5);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(split);
    connect(m_table, &QTableView::clicked, this, [this](const QModelIndex &i) {
        emit pipelineSelected(i.data(ParityOverviewModel::PipelineIdRole).toString());
    });
}

void ParityPanel::setSnapshot(const StoreSnapshot &snapshot, const QDate &today)
{
    m_snapshot = snapshot;
    m_model->setSnapshot(snapshot, today);
    showPipeline(m_id);
}

void ParityPanel::showPipeline(const QString &id)
{
    m_id = id;
    m_chart->showPipeline(m_snapshot, id);
}

} // namespace daybreak
