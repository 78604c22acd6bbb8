#include "GraphPanel.h"

#include "GraphLegend.h"
#include "GraphScene.h"
#include "GraphView.h"

#include <QCompleter>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QStringListModel>
#include <QToolButton>
#include <QVBoxLayout>

namespace daybreak {

GraphPanel::GraphPanel(GraphScene *scene, QWidget *parent)
    : QWidget(parent), m_scene(scene), m_view(new GraphView(scene, this)),
      m_search(new QLineEdit(this))
{
    m_search->setObjectName(QStringLiteral("graphSearch"));
    m_search->setPlaceholderText(tr("Find a pipeline (Ctrl+F)…"));
    m_search->setClearButtonEnabled(true);
    auto *completer = new QCompleter(new QStringListModel(this), this);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setFilterMode(Qt::MatchContains);
    m_search->setCompleter(completer);

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_search, 1);
    auto addButton = [&](const QString &text, const QString &tip, auto slot) {
        auto *b = new QToolButton(this);
        b->setText(text);
        b->setToolTip(tip);
        connect(b, &QToolButton::clicked, m_view, slot);
        bar->addWidget(b);
    };
    addButton(QStringLiteral("−"), tr("Zoom out (Ctrl+-)"), &GraphView::zoomOut);
    addButton(QStringLiteral("+"), tr("Zoom in (Ctrl++)"), &GraphView::zoomIn);
    addButton(tr("Fit"), tr("Fit the graph to the window (Ctrl+0)"), &GraphView::fitAll);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 0);
    layout->setSpacing(2);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);
    layout->addWidget(new GraphLegend(this));

    auto find = [this](const QString &text) {
        const QString id = text.trimmed();
        if (m_scene->node(id)) {
            m_view->centreOn(id);
            emit searchRequested(id);
        }
    };
    connect(m_search, &QLineEdit::returnPressed, this, [this, find] { find(m_search->text()); });
    connect(completer, qOverload<const QString &>(&QCompleter::activated), this, find);
}

void GraphPanel::setPipelineIds(const QStringList &ids)
{
    auto *model = static_cast<QStringListModel *>(m_search->completer()->model());
    if (model->stringList() != ids)
        model->setStringList(ids);
}

} // namespace daybreak
