#pragma once

#include "StoreTypes.h"

#include <QAbstractTableModel>

namespace daybreak {

// Every dual-running or cut-over pipeline with its gate, clean nights and open breaches;
// rollback recommendations first.
class ParityOverviewModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        IdColumn,
        StateColumn,
        GateColumn,
        CleanColumn,
        BreachesColumn,
        AdviceColumn,
        ColumnCount
    };
    enum Role
    {
        PipelineIdRole = Qt::UserRole + 1
    };

    using QAbstractTableModel::QAbstractTableModel;

    void setSnapshot(const StoreSnapshot &snapshot, const QDate &today);
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        QString id;
        State state;
        QString gate;
        int clean = 0;
        QStringList breaches;
        QStringList missing;
        bool rollback = false;
    };
    QList<Row> m_rows;
};

} // namespace daybreak
