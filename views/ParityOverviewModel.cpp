#include "ParityOverviewModel.h"

#include "ParityService.h"

#include <QColor>
#include <QFont>

namespace daybreak {

void ParityOverviewModel::setSnapshot(const StoreSnapshot &snapshot, const QDate &today)
{
    QList<Row> rows;
    for (const Pipeline &p : snapshot.inventory.pipelines()) {
        const State state = snapshot.stateOf(p.id);
        if (state != State::DualRun && state != State::Cloud)
            continue;
        const ParityService::PipelineParity parity = ParityService::evaluate(snapshot, p.id, today);
        Row row{p.id, state, gateStatusName(parity.gate.status), parity.gate.cleanRuns,
                {},   {},    parity.rollbackRecommended};
        for (const ParityResult &b : parity.gate.openBreaches)
            row.breaches << b.businessDate.toString(Qt::ISODate);
        for (const QDate &m : parity.gate.missingNights)
            row.missing << m.toString(Qt::ISODate);
        rows.append(row);
    }
    std::stable_sort(rows.begin(), rows.end(), [](const Row &a, const Row &b) {
        if (a.rollback != b.rollback)
            return a.rollback;
        return a.breaches.size() + a.missing.size() > b.breaches.size() + b.missing.size();
    });
    beginResetModel();
    m_rows = rows;
    endResetModel();
}

int ParityOverviewModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ParityOverviewModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ParityOverviewModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &r = m_rows.at(index.row());
    if (role == PipelineIdRole)
        return r.id;
    if (role == Qt::ForegroundRole && (r.rollback || !r.breaches.isEmpty() || !r.missing.isEmpty()))
        return QColor(0xb0, 0x10, 0x20);
    if (role == Qt::FontRole && r.rollback) {
        QFont f;
        f.setBold(true);
        return f;
    }
    if (role == Qt::AccessibleTextRole)
        return tr("%1 of %2: %3")
            .arg(headerData(index.column(), Qt::Horizontal, Qt::DisplayRole).toString(), r.id,
                 data(index, Qt::DisplayRole).toString());
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case IdColumn:
        return r.id;
    case StateColumn:
        return stateName(r.state);
    case GateColumn:
        return r.gate;
    case CleanColumn:
        return r.clean;
    case BreachesColumn: {
        QStringList parts = r.breaches;
        for (const QString &m : r.missing)
            parts << tr("%1 (missing)").arg(m);
        return parts.join(QStringLiteral(", "));
    }
    case AdviceColumn:
        return r.rollback ? tr("ROLL BACK recommended")
               : r.state == State::DualRun && r.gate == QLatin1String("failed") ? tr("cutover held")
                                                                                : QString();
    }
    return {};
}

QVariant ParityOverviewModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case IdColumn:
        return tr("Pipeline");
    case StateColumn:
        return tr("State");
    case GateColumn:
        return tr("Gate");
    case CleanColumn:
        return tr("Clean nights");
    case BreachesColumn:
        return tr("Open breaches");
    case AdviceColumn:
        return tr("Advice");
    }
    return {};
}

} // namespace daybreak
