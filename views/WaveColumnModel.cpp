#include "WaveColumnModel.h"

#include "BoardState.h"
#include "MigrationPlan.h"
#include "PlanMoves.h"

#include <QMimeData>
#include <QSet>

namespace daybreak {

WaveColumnModel::WaveColumnModel(const BoardState *state, const QString &wave, QObject *parent)
    : QAbstractListModel(parent), m_state(state), m_wave(wave)
{
}

void WaveColumnModel::setPlan(MigrationPlan *plan, const PlanMoves *moves)
{
    m_moves = moves;
    if (plan == m_plan)
        return;
    disconnect(m_answers);
    m_plan = plan;
    m_awaiting = false;
    if (plan)
        m_answers = connect(plan, &MigrationPlan::answered, this, [this](const PlanOutcome &o) {
            if (!std::exchange(m_awaiting, false))
                return;
            emit dropAnswered(MigrationPlan::answerText(o));
        });
}

Decision WaveColumnModel::checkDrop(const QStringList &ids) const
{
    if (!m_plan || !m_moves) {
        Decision d;
        d.refuse(Reason::Code::Other, tr("no store is open"));
        return d;
    }
    return m_plan->checkMove(*m_moves, ids, m_wave, m_carry);
}

void WaveColumnModel::setPipelines(const QStringList &ids)
{
    if (ids == m_ids) {
        if (!m_ids.isEmpty())
            emit dataChanged(index(0), index(int(m_ids.size()) - 1));
        return;
    }
    // The cards that left go, those that came are put in, those that moved move: the view keeps
    // its selection and scroll position. Past a few dozen moves (a new plan, another filter) one
    // reset is cheaper than searching a backlog of thousands for each.
    const QSet<QString> wanted(ids.cbegin(), ids.cend());
    int budget = kMovesBeforeReset;
    for (int i = int(m_ids.size()) - 1; i >= 0 && budget > 0; --i)
        if (!wanted.contains(m_ids.at(i))) {
            beginRemoveRows({}, i, i);
            m_ids.removeAt(i);
            endRemoveRows();
            --budget;
        }
    for (int j = 0; j < ids.size() && budget > 0; ++j) {
        if (j < m_ids.size() && m_ids.at(j) == ids.at(j))
            continue;
        --budget;
        if (const int k = int(m_ids.indexOf(ids.at(j), j)); k > j) {
            beginMoveRows({}, k, k, {}, j);
            m_ids.move(k, j);
            endMoveRows();
        } else {
            beginInsertRows({}, j, j);
            m_ids.insert(j, ids.at(j));
            endInsertRows();
        }
    }
    if (m_ids != ids) { // over the budget
        beginResetModel();
        m_ids = ids;
        endResetModel();
    }
    if (!m_ids.isEmpty()) // the cards that stayed may show another state
        emit dataChanged(index(0), index(int(m_ids.size()) - 1));
}

int WaveColumnModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_ids.size());
}

QVariant WaveColumnModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QString &id = m_ids.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case PipelineIdRole:
        return id;
    case Qt::ToolTipRole:
    case Qt::AccessibleTextRole: // the card says its state and risk by colour; this in words
        return m_state->cardToolTip(id);
    case OwnerRole:
        return m_state->ownerOf(id);
    case RiskRole:
        return int(m_state->riskOf(id));
    case StateRole:
        return int(m_state->stateOf(id));
    case HealthRole:
        return int(m_state->healthOf(id));
    case OrderRole:
        return isBacklog() ? 0 : index.row() + 1;
    case DepthRole:
        return m_state->depthOf(id);
    }
    return {};
}

Qt::ItemFlags WaveColumnModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::ItemIsDropEnabled;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled;
}

QStringList WaveColumnModel::mimeTypes() const
{
    return {QLatin1String(kPipelineMimeType)};
}

QMimeData *WaveColumnModel::mimeData(const QModelIndexList &indexes) const
{
    QStringList ids;
    for (const QModelIndex &i : indexes)
        if (i.isValid())
            ids << m_ids.at(i.row());
    auto *data = new QMimeData;
    data->setData(QLatin1String(kPipelineMimeType), ids.join(QLatin1Char('\n')).toUtf8());
    data->setText(ids.join(QLatin1Char(' ')));
    emit dragStarted(ids);
    return data;
}

QStringList WaveColumnModel::idsFrom(const QMimeData *data)
{
    if (!data || !data->hasFormat(QLatin1String(kPipelineMimeType)))
        return {};
    return QString::fromUtf8(data->data(QLatin1String(kPipelineMimeType)))
        .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

bool WaveColumnModel::canDropMimeData(const QMimeData *data, Qt::DropAction, int, int,
                                      const QModelIndex &) const
{
    const QStringList ids = idsFrom(data);
    return !ids.isEmpty() && checkDrop(ids).allowed();
}

bool WaveColumnModel::dropMimeData(const QMimeData *data, Qt::DropAction action, int, int,
                                   const QModelIndex &)
{
    if (action == Qt::IgnoreAction)
        return true;
    const QStringList ids = idsFrom(data);
    if (ids.isEmpty())
        return false;
    // The plan applies the edit (with its undo step) and every column refreshes from the store;
    // returning false keeps Qt from removing rows on its own.
    if (!m_plan || !m_moves)
        return false;
    bool same = true;
    for (const QString &id : ids)
        same = same && m_moves->snapshot().plan.waveOf(id) == m_wave;
    if (same)
        return false; // dropped where it already was
    // The answer arrives when the store has written it (MigrationPlan::answered).
    m_awaiting = true;
    m_plan->move(ids, m_wave, m_carry);
    return false;
}

} // namespace daybreak
