#include "PipelineFilterProxy.h"

#include "PipelineTableModel.h"

namespace daybreak {

PipelineFilterProxy::PipelineFilterProxy(QObject *parent) : QSortFilterProxyModel(parent)
{
    setSortRole(PipelineTableModel::SortRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
}

void PipelineFilterProxy::setText(const QString &text)
{
    m_text = text.trimmed();
    invalidateFilter();
}

void PipelineFilterProxy::setState(std::optional<State> state)
{
    m_state = state;
    invalidateFilter();
}

bool PipelineFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QAbstractItemModel *m = sourceModel();
    if (m_state &&
        m->index(sourceRow, 0, sourceParent).data(PipelineTableModel::StateRole).toInt() !=
            int(*m_state))
        return false;
    if (m_text.isEmpty())
        return true;
    for (int column : {PipelineTableModel::IdColumn, PipelineTableModel::NameColumn,
                       PipelineTableModel::OwnerColumn})
        if (m->index(sourceRow, column, sourceParent)
                .data()
                .toString()
                .contains(m_text, Qt::CaseInsensitive))
            return true;
    return false;
}

} // namespace daybreak
