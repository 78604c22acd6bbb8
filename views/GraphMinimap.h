#pragma once

#include <QPixmap>
#include <QTimer>
#include <QWidget>

class QGraphicsView;

namespace daybreak {

class GraphScene;

// The whole graph in a corner of the view, with the part the view shows outlined; a click or a
// drag there moves the view. The picture is redrawn only when the drawing changes.
class GraphMinimap : public QWidget
{
    Q_OBJECT

public:
    GraphMinimap(GraphScene *scene, QGraphicsView *view, QWidget *parent);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void render();
    QRectF target() const; // where the scene is drawn inside the widget
    void moveViewTo(const QPointF &widgetPos);

    GraphScene *m_scene;
    QGraphicsView *m_view;
    QPixmap m_picture;
    QTimer m_redraw;
};

} // namespace daybreak
