#pragma once

#include <QWidget>

class QLineEdit;

namespace daybreak {

class GraphScene;
class GraphView;

// The graph with its search box and legend.
class GraphPanel : public QWidget
{
    Q_OBJECT

public:
    explicit GraphPanel(GraphScene *scene, QWidget *parent = nullptr);

    GraphView *view() const { return m_view; }
    QLineEdit *searchBox() const { return m_search; }
    void setPipelineIds(const QStringList &ids);

signals:
    void searchRequested(const QString &id);

private:
    GraphScene *m_scene;
    GraphView *m_view;
    QLineEdit *m_search;
};

} // namespace daybreak
