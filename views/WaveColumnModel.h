#pragma once

#include "Decision.h"

#include <QAbstractListModel>

namespace daybreak {

class BoardState;
class MigrationPlan;
class PlanMoves;

inline constexpr auto kPipelineMimeType = "application/x-daybreak-pipelines";

// One column of the wave board: the pipelines of one wave in cutover order, or the backlog.
// Dragging out packs the ids; a drop is judged by the plan service (PlanService::checkMove on the
// console's snapshot) and applied through the plan document (PlanService::move, with undo).
class WaveColumnModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role
    {
        PipelineIdRole = Qt::UserRole + 1,
        OwnerRole,
        RiskRole,
        StateRole,
        HealthRole,
        OrderRole,
        DepthRole
    };

    // `wave` empty: the backlog. The cards' data comes from the board's state.
    WaveColumnModel(const BoardState *state, const QString &wave, QObject *parent = nullptr);

    const QString &wave() const { return m_wave; }
    bool isBacklog() const { return m_wave.isEmpty(); }
    void setWave(const QString &wave) { m_wave = wave; }
    // Moves, inserts and removes rows to match `ids` (a reset past kMovesBeforeReset of them).
    void setPipelines(const QStringList &ids);
    static constexpr int kMovesBeforeReset = 64;
    const QStringList &pipelines() const { return m_ids; }
    QString pipelineAt(int row) const { return m_ids.value(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    Qt::DropActions supportedDropActions() const override { return Qt::MoveAction; }
    Qt::DropActions supportedDragActions() const override { return Qt::MoveAction; }
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    bool canDropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                         const QModelIndex &parent) const override;
    bool dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                      const QModelIndex &parent) override;

    static QStringList idsFrom(const QMimeData *data);

    // What drops are judged on and applied through; without a plan every drop is refused.
    void setPlan(MigrationPlan *plan, const PlanMoves *moves);
    // Shift held: a drop brings the upstreams the pipelines need.
    void setCarryUpstreams(bool carry) { m_carry = carry; }
    // May these pipelines be dropped here? Every reason when not.
    Decision checkDrop(const QStringList &ids) const;

signals:
    // Cards were picked up: the board shows on every column whether they may land there.
    void dragStarted(const QStringList &ids) const;
    // The answer to a drop, once the store wrote it or refused: what moved, or "Refused: " and
    // every reason.
    void dropAnswered(const QString &text);

private:
    const BoardState *m_state;
    MigrationPlan *m_plan = nullptr;
    const PlanMoves *m_moves = nullptr;
    bool m_carry = false;
    bool m_awaiting = false; // a drop here waits for its answer
    QMetaObject::Connection m_answers;
    QString m_wave;
    QStringList m_ids;
};

} // namespace daybreak
