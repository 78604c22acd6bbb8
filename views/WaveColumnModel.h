#pragma once

#include <QAbstractListModel>

class WaveBoard;

inline constexpr auto kPipelineMimeType = "application/x-daybreak-pipelines";

// One column of the wave board: the pipelines of one wave in cutover order, or the backlog.
// Dragging out packs the ids; dropping in asks the board, which asks the plan service.
class WaveColumnModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role { PipelineIdRole = Qt::UserRole + 1, OwnerRole, RiskRole, StateRole, HealthRole, OrderRole, DepthRole };

    // `wave` empty: the backlog.
    WaveColumnModel(WaveBoard *board, const QString &wave, QObject *parent = nullptr);

    const QString &wave() const { return m_wave; }
    bool isBacklog() const { return m_wave.isEmpty(); }
    void setWave(const QString &wave) { m_wave = wave; }
    void setPipelines(const QStringList &ids);
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

private:
    WaveBoard *m_board;
    QString m_wave;
    QStringList m_ids;
};
