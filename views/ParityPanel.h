#pragma once

#include "StoreChange.h"
#include "StoreTypes.h"

#include <QWidget>

#include <optional>

class QTableView;
class QTextBrowser;

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
    // The store changed: redraws the part of `change` this view shows (everything: all of it).
    void showChange(const StoreSnapshot &snapshot, const QDate &today, const StoreChange &change);
    void showPipeline(const QString &id);
    // The last night Daybreak measured `id` itself (read from the store by the caller), under
    // the chart; nothing when it never did.
    void showLastDiff(const QString &id, const std::optional<MeasuredParity> &lastDiff);
    QTextBrowser *lastDiff() const { return m_lastDiff; }
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
    QTextBrowser *m_lastDiff;
};

} // namespace daybreak
