#include "PipelineTablePanel.h"

#include "PipelineFilterProxy.h"
#include "PipelineTableModel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace daybreak {

PipelineTablePanel::PipelineTablePanel(PipelineTableModel *model, QWidget *parent)
    : QWidget(parent), m_model(model), m_proxy(new PipelineFilterProxy(this)),
      m_filter(new QLineEdit(this)), m_state(new QComboBox(this)), m_view(new QTableView(this))
{
    m_proxy->setSourceModel(m_model);
    m_filter->setPlaceholderText(tr("Filter by id, name or owner…"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setObjectName(QStringLiteral("pipelineFilter"));
    m_filter->setAccessibleName(tr("Filter pipelines by id, name or owner"));
    m_state->setObjectName(QStringLiteral("stateFilter"));
    m_state->addItem(tr("All states"), -1);
    for (State s : {State::OnPrem, State::DualRun, State::Cloud, State::Decommissioned})
        m_state->addItem(stateName(s), int(s));

    m_view->setModel(m_proxy);
    m_view->setObjectName(QStringLiteral("pipelineTable"));
    m_view->setAccessibleName(tr("Pipelines"));
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(PipelineTableModel::IdColumn, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setAlternatingRowColors(true);
    // The Id column takes its contents' width first, Name the rest; an id that still does not fit
    // elides in the middle, keeping the head and the tail that tell two models apart.
    m_view->setTextElideMode(Qt::ElideMiddle);
    m_view->setWordWrap(false); // a wrapped id breaks at its first hyphen
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(22);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setSectionResizeMode(PipelineTableModel::NameColumn,
                                                     QHeaderView::Stretch);
    m_view->setColumnWidth(PipelineTableModel::IdColumn, 200);
    m_view->horizontalHeader()->setResizeContentsPrecision(2000); // rows measured, at most
    const auto fitIds = [this] {
        m_view->resizeColumnToContents(PipelineTableModel::IdColumn);
        // At most 60 % of the table (420 px before it is first shown): Name keeps some room.
        const int room =
            m_view->viewport()->width() > 300 ? m_view->viewport()->width() * 6 / 10 : 420;
        m_view->setColumnWidth(PipelineTableModel::IdColumn,
                               std::min(m_view->columnWidth(PipelineTableModel::IdColumn), room));
    };
    connect(m_proxy, &QAbstractItemModel::modelReset, this, fitIds);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, fitIds);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, fitIds);

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_filter, 1);
    bar->addWidget(m_state);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(bar);
    layout->addWidget(m_view);

    connect(m_filter, &QLineEdit::textChanged, m_proxy, &PipelineFilterProxy::setText);
    connect(m_state, &QComboBox::currentIndexChanged, this, [this] {
        const int s = m_state->currentData().toInt();
        m_proxy->setState(s < 0 ? std::nullopt : std::optional<State>(State(s)));
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this] { emit pipelineSelected(selectedPipeline()); });
}

QString PipelineTablePanel::selectedPipeline() const
{
    const QModelIndex current = m_view->selectionModel()->currentIndex();
    return current.isValid() ? current.data(PipelineTableModel::PipelineIdRole).toString()
                             : QString();
}

void PipelineTablePanel::selectPipeline(const QString &id)
{
    const int row = m_model->rowOf(id);
    if (row < 0)
        return;
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
    if (!index.isValid())
        return;
    m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                         QItemSelectionModel::Rows);
    m_view->scrollTo(index);
}

} // namespace daybreak
