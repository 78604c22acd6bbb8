#pragma once

#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;

namespace daybreak {

class GraphScene;
class GraphView;

// The graph with its search box (a pipeline id, or a selector in dbt's grammar: +id, id+, @id,
// group:G, owner:O, state:S, wave:W, unions and intersections), group controls and legend.
class GraphPanel : public QWidget
{
    Q_OBJECT

public:
    explicit GraphPanel(GraphScene *scene, QWidget *parent = nullptr);

    GraphView *view() const { return m_view; }
    QLineEdit *searchBox() const { return m_search; }
    QLabel *selectionLabel() const { return m_selectionLabel; }
    QCheckBox *hideContextBox() const { return m_hideContext; }
    // What Enter in the search box does: centre on an id, or show a selection.
    void search(const QString &text);
    void setPipelineIds(const QStringList &ids);

signals:
    void searchRequested(const QString &id);

private:
    GraphScene *m_scene;
    GraphView *m_view;
    QLineEdit *m_search;
    QCheckBox *m_hideContext;
    QLabel *m_selectionLabel;
    bool m_fitted = false;
};

} // namespace daybreak
