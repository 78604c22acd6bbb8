#pragma once

#include "StoreTypes.h"

#include <QWidget>

class QTableView;

namespace daybreak {

class ParityChart;
class ParityOverviewModel;

// The parity overview (every watched pipeline) beside the selected pipeline's chart.
class ParityPanel : public QWidget
{
    Q_OBJECT

public:
    explicit ParityPanel(QWidget *parent = nullptr);

    void setSnapshot(const StoreSnapshot &snapshot, const QDate &today);
    void showPipeline(const QString &id);
    ParityChart *chart() const { return m_chart; }
    ParityOverviewModel *overview() const { return m_model; }
    QTableView *table() const { return m_table; }

signals:
    void pipelineSelected(const QString &id);

private:
    StoreSnapshot m_snapshot;
    QString m_id;
    ParityOverviewModel *m_model;
    QTableView *m_table;
    ParityChart *m_chart;
};

} // namespace daybreak
