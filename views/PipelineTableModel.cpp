#include "PipelineTableModel.h"

#include "ParityService.h"
#include "SideColors.h"

namespace daybreak {

PipelineTableModel::PipelineTableModel(QObject *parent) : QAbstractTableModel(parent) {}

PipelineTableModel::Row PipelineTableModel::rowFor(const StoreSnapshot &snapshot, const Pipeline &p,
                                                   const QDate &today)
{
    return {p.id,
            p.name,
            p.owner,
            snapshot.stateOf(p.id),
            gateStatusName(ParityService::evaluate(snapshot, p.id, today).gate.status),
            p.risk,
            p.staysOnPrem()};
}

void PipelineTableModel::updatePipelines(const StoreSnapshot &snapshot, const QDate &today,
                                         const QSet<QString> &ids)
{
    for (const QString &id : ids) {
        const int row = m_rowOf.value(id, -1);
        const Pipeline *p = snapshot.inventory.find(id);
        if (row < 0 || !p)
            continue;
        m_rows[row] = rowFor(snapshot, *p, today);
        emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
    }
}

void PipelineTableModel::setSnapshot(const StoreSnapshot &snapshot, const QDate &today)
{
    QList<Row> rows;
    rows.reserve(snapshot.inventory.size());
    for (const Pipeline &p : snapshot.inventory.pipelines())
        rows.append(rowFor(snapshot, p, today));
    m_rowOf.clear();
    for (int i = 0; i < rows.size(); ++i)
        m_rowOf.insert(rows.at(i).id, i);
    const bool sameIds = rows.size() == m_rows.size() &&
                         std::equal(rows.begin(), rows.end(), m_rows.begin(),
                                    [](const Row &a, const Row &b) { return a.id == b.id; });
    if (sameIds) {
        m_rows = rows;
        if (!m_rows.isEmpty())
            emit dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
        return;
    }
    beginResetModel();
    m_rows = rows;
    endResetModel();
}

int PipelineTableModel::rowOf(const QString &pipelineId) const
{
    return m_rowOf.value(pipelineId, -1);
}

QString PipelineTableModel::pipelineAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).id : QString();
}

int PipelineTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int PipelineTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PipelineTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &r = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case IdColumn:
            return r.id;
        case NameColumn:
            return r.name;
        case OwnerColumn:
            return r.owner;
        case StateColumn:
            return r.staysOnPrem ? tr("onprem (stays)") : stateName(r.state);
        case CanonicalColumn:
            return sideName(canonicalSide(r.state));
        case GateColumn:
            return r.state == State::OnPrem && r.gate == QLatin1String("pending") ? tr("—")
                                                                                  : r.gate;
        case RiskColumn:
            return riskName(r.risk);
        }
        return {};
    case SortRole:
        if (index.column() == RiskColumn)
            return int(r.risk);
        if (index.column() == StateColumn)
            return int(r.state);
        return data(index, Qt::DisplayRole);
    case Qt::BackgroundRole:
        if (index.column() == StateColumn)
            return SideColors::forState(r.state);
        if (index.column() == CanonicalColumn)
            return SideColors::forSide(canonicalSide(r.state));
        return {};
    case Qt::ForegroundRole:
        if (index.column() == StateColumn)
            return SideColors::textOn(r.state);
        if (index.column() == GateColumn && r.gate == QLatin1String("failed"))
            return QColor(0xB0, 0x20, 0x20);
        return {};
    case Qt::ToolTipRole:
        return tr("%1 — %2, owned by %3").arg(r.id, r.name, r.owner);
    case Qt::AccessibleTextRole: // what a screen reader says: the column's name, then its value
        return tr("%1 of %2: %3")
            .arg(headerData(index.column(), Qt::Horizontal, Qt::DisplayRole).toString(), r.id,
                 data(index, Qt::DisplayRole).toString());
    case PipelineIdRole:
        return r.id;
    case StateRole:
        return int(r.state);
    }
    return {};
}

QVariant PipelineTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case IdColumn:
        return tr("Id");
    case NameColumn:
        return tr("Name");
    case OwnerColumn:
        return tr("Owner");
    case StateColumn:
        return tr("State");
    case CanonicalColumn:
        return tr("Canonical");
    case GateColumn:
        return tr("Parity gate");
    case RiskColumn:
        return tr("Risk");
    }
    return {};
}

void PipelineTableModel::showChange(const StoreSnapshot &snapshot, const QDate &today,
                                    const StoreChange &change)
{
    if (change.everything)
        setSnapshot(snapshot, today);
    else if (change.plan || !change.routing.isEmpty() || !change.parity.isEmpty())
        updatePipelines(snapshot, today, change.routing + change.parity);
}

} // namespace daybreak
