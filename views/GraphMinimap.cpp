#include "GraphMinimap.h"

#include "GraphScene.h"

#include <QGraphicsView>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>

namespace daybreak {

GraphMinimap::GraphMinimap(GraphScene *scene, QGraphicsView *view, QWidget *parent)
    : QWidget(parent), m_scene(scene), m_view(view)
{
    setObjectName(QStringLiteral("graphMinimap"));
    setToolTip(tr("The whole graph; click or drag to move the view"));
    setCursor(Qt::PointingHandCursor);
    m_redraw.setSingleShot(true);
    m_redraw.setInterval(150); // one redraw for a burst of changes
    connect(&m_redraw, &QTimer::timeout, this, &GraphMinimap::render);
    connect(scene, &GraphScene::drawingChanged, &m_redraw, qOverload<>(&QTimer::start));
    const auto follow = [this] { update(); };
    connect(view->horizontalScrollBar(), &QScrollBar::valueChanged, this, follow);
    connect(view->verticalScrollBar(), &QScrollBar::valueChanged, this, follow);
}

QRectF GraphMinimap::target() const
{
    const QRectF scene = m_scene->sceneRect();
    if (scene.isEmpty())
        return {};
    const QRectF area = QRectF(rect()).adjusted(4, 4, -4, -4);
    const double s = std::min(area.width() / scene.width(), area.height() / scene.height());
    const QSizeF size = scene.size() * s;
    return QRectF(area.center() - QPointF(size.width() / 2, size.height() / 2), size);
}

void GraphMinimap::render()
{
    const QRectF t = target();
    m_picture = QPixmap(size());
    m_picture.fill(Qt::transparent);
    if (t.isEmpty())
        return;
    QPainter p(&m_picture);
    m_scene->render(&p, t, m_scene->sceneRect(), Qt::KeepAspectRatio);
    update();
}

void GraphMinimap::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setPen(QColor(0x90, 0x90, 0x90));
    p.setBrush(QColor(255, 255, 255, 230));
    p.drawRect(rect().adjusted(0, 0, -1, -1));
    p.drawPixmap(0, 0, m_picture);
    const QRectF t = target();
    const QRectF scene = m_scene->sceneRect();
    if (t.isEmpty())
        return;
    const QRectF shown = m_view->mapToScene(m_view->viewport()->rect()).boundingRect();
    const double s = t.width() / scene.width();
    const QRectF box(t.topLeft() + (shown.topLeft() - scene.topLeft()) * s, shown.size() * s);
    p.setPen(QPen(QColor(0xd3, 0x5f, 0x00), 2));
    p.setBrush(QColor(0xd3, 0x5f, 0x00, 30));
    p.drawRect(box.intersected(t.adjusted(-1, -1, 1, 1)));
}

void GraphMinimap::moveViewTo(const QPointF &widgetPos)
{
    const QRectF t = target();
    if (t.isEmpty())
        return;
    const QRectF scene = m_scene->sceneRect();
    m_view->centerOn(scene.topLeft() + (widgetPos - t.topLeft()) * (scene.width() / t.width()));
}

void GraphMinimap::mousePressEvent(QMouseEvent *event)
{
    moveViewTo(event->position());
}

void GraphMinimap::mouseMoveEvent(QMouseEvent *event)
{
    if (event->buttons() & Qt::LeftButton)
        moveViewTo(event->position());
}

void GraphMinimap::resizeEvent(QResizeEvent *)
{
    m_redraw.start();
}

} // namespace daybreak
