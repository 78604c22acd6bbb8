#pragma once

#include <QWidget>

class QComboBox;
class QLineEdit;
class QTableView;

namespace daybreak {

class PipelineFilterProxy;
class PipelineTableModel;

// The sortable, filterable pipeline table with its filter bar.
class PipelineTablePanel : public QWidget
{
    Q_OBJECT

public:
    explicit PipelineTablePanel(PipelineTableModel *model, QWidget *parent = nullptr);

    QTableView *view() const { return m_view; }
    QLineEdit *filterEdit() const { return m_filter; }
    QComboBox *stateCombo() const { return m_state; }
    PipelineFilterProxy *proxy() const { return m_proxy; }
    QString selectedPipeline() const;
    void selectPipeline(const QString &id);

signals:
    void pipelineSelected(const QString &id);

private:
    PipelineTableModel *m_model;
    PipelineFilterProxy *m_proxy;
    QLineEdit *m_filter;
    QComboBox *m_state;
    QTableView *m_view;
};

} // namespace daybreak
