#pragma once

#include <QGraphicsView>

namespace daybreak {

// Zoom (wheel, Ctrl +/-), pan (drag), fit to window, centre on a pipeline.
class GraphView : public QGraphicsView
{
    Q_OBJECT

public:
    explicit GraphView(QGraphicsScene *scene, QWidget *parent = nullptr);

    double zoom() const { return transform().m11(); }

public slots:
    void zoomIn() { zoomBy(1.25); }
    void zoomOut() { zoomBy(0.8); }
    void resetZoom();
    void fitAll();
    void centreOn(const QString &pipelineId);

protected:
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    void zoomBy(double factor);
};

} // namespace daybreak
