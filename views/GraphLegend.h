#pragma once

#include <QWidget>

namespace daybreak {

// What the graph's colours, shapes and dashed edges mean; always visible under the graph.
class GraphLegend : public QWidget
{
    Q_OBJECT

public:
    explicit GraphLegend(QWidget *parent = nullptr);
    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
};

} // namespace daybreak
