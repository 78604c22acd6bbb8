#pragma once

#include <QGraphicsView>

namespace daybreak {

class GraphMinimap;

// Zoom (wheel, Ctrl +/-), pan (drag), fit to window, centre on a pipeline; a minimap in the
// corner.
class GraphView : public QGraphicsView
{
    Q_OBJECT

public:
    explicit GraphView(QGraphicsScene *scene, QWidget *parent = nullptr);

    double zoom() const { return transform().m11(); }
    GraphMinimap *minimap() const { return m_minimap; }

public slots:
    void zoomIn() { zoomBy(1.25); }
    void zoomOut() { zoomBy(0.8); }
    void resetZoom();
    void fitAll();
    // Fits the graph, but never so small that the labels disappear (how the console starts).
    void fitLegibly();
    void fitRect(const QRectF &sceneRect);
    // Fits now and again on every resize until the user zooms: the first picture is whole
    // whatever size the window settles at.
    void fitUntilZoomed();
    void centreOn(const QString &pipelineId);

protected:
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;

private:
    void zoomBy(double factor);
    void placeMinimap();

    GraphMinimap *m_minimap = nullptr;
    bool m_autoFit = false;
};

} // namespace daybreak
