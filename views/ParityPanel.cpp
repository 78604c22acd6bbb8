#include "ParityPanel.h"

#include "LastDiffHtml.h"
#include "ParityChart.h"
#include "ParityOverviewModel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QSplitter>
#include <QTableView>
#include <QTextBrowser>

namespace daybreak {

ParityPanel::ParityPanel(QWidget *parent)
    : QWidget(parent), m_model(new ParityOverviewModel(this)), m_table(new QTableView(this)),
      m_chart(new ParityChart(this)), m_lastDiff(new QTextBrowser(this))
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
    split->addWidget(m_lastDiff); // the last diff Daybreak measured, beside its chart
    m_lastDiff->setObjectName(QStringLiteral("lastDiff"));
    m_lastDiff->setAccessibleName(tr("Last parity diff of the selected pipeline"));
    m_table->setAccessibleName(tr("Parity of every pipeline"));
    m_lastDiff->hide();
    split->setStretchFactor(0, 4);
    split->setStretchFactor(1, 5);
    split->setStretchFactor(2, 4);
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
    if (id != m_id)
        m_lastDiff->hide(); // another pipeline's diff is not shown as this one's
    m_id = id;
    m_chart->showPipeline(m_snapshot, id);
}

void ParityPanel::showLastDiff(const QString &id, const std::optional<MeasuredParity> &lastDiff)
{
    if (id != m_id)
        return;
    if (!lastDiff) {
        m_lastDiff->hide();
        return;
    }
    const ParityResult *night = nullptr;
    const QList<ParityResult> results = m_snapshot.parity.value(id);
    for (const ParityResult &r : results)
        if (r.businessDate == lastDiff->businessDate)
            night = &r;
    m_lastDiff->setHtml(lastDiffHtml(*lastDiff, night));
    m_lastDiff->show();
}

void ParityPanel::showChange(const StoreSnapshot &snapshot, const QDate &today,
                             const StoreChange &change)
{
    if (change.everything || !change.parity.isEmpty() || !change.routing.isEmpty())
        setSnapshot(snapshot, today);
}

} // namespace daybreak
