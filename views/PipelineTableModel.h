#pragma once

#include "StoreChange.h"
#include "StoreTypes.h"

#include <QAbstractTableModel>

namespace daybreak {

// The pipelines of a store snapshot as a table: what the lead scans first.
class PipelineTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        IdColumn,
        NameColumn,
        OwnerColumn,
        StateColumn,
        CanonicalColumn,
        GateColumn,
        RiskColumn,
        ColumnCount
    };
    enum Role
    {
        PipelineIdRole = Qt::UserRole + 1,
        SortRole,
        StateRole
    };

    explicit PipelineTableModel(QObject *parent = nullptr);

    // Replaces the rows; keeps the model's identity so views keep their selection by id.
    void setSnapshot(const StoreSnapshot &snapshot, const QDate &today);
    // The store changed: redraws the part of `change` this view shows (everything: all of it).
    void showChange(const StoreSnapshot &snapshot, const QDate &today, const StoreChange &change);
    // Only these pipelines' rows, from `snapshot` (the same inventory as the last setSnapshot).
    void updatePipelines(const StoreSnapshot &snapshot, const QDate &today,
                         const QSet<QString> &ids);
    int rowOf(const QString &pipelineId) const;
    QString pipelineAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        QString id;
        QString name;
        QString owner;
        State state = State::OnPrem;
        QString gate;
        Risk risk = Risk::Medium;
        bool staysOnPrem = false;
    };
    static Row rowFor(const StoreSnapshot &snapshot, const Pipeline &p, const QDate &today);
    QList<Row> m_rows;
    QHash<QString, int> m_rowOf;
};

} // namespace daybreak
