#include "GraphPanel.h"

#include "GraphLegend.h"
#include "GraphScene.h"
#include "GraphView.h"

#include <QCheckBox>
#include <QCompleter>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QStringListModel>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace daybreak {

GraphPanel::GraphPanel(GraphScene *scene, QWidget *parent)
    : QWidget(parent), m_scene(scene), m_view(new GraphView(scene, this)),
      m_search(new QLineEdit(this)), m_hideContext(new QCheckBox(tr("Hide the rest"), this)),
      m_selectionLabel(new QLabel(this))
{
    m_search->setObjectName(QStringLiteral("graphSearch"));
    m_search->setAccessibleName(tr("Find or select pipelines"));
    m_search->setPlaceholderText(tr(
        "Find a pipeline, or select: +id  id+  @id  group:G  owner:O  state:S  wave:W (Ctrl+F)"));
    m_search->setToolTip(tr("An id centres the view on it. A selector (dbt's grammar) shows what "
                            "it selects: +id what it reads, id+ what reads it, 2+id two steps, "
                            "@id its downstreams and what they read; a space for union, a comma "
                            "for intersection. Empty clears."));
    m_hideContext->setObjectName(QStringLiteral("hideContext"));
    m_hideContext->setToolTip(tr("Draw only the selection instead of dimming the rest"));
    m_selectionLabel->setObjectName(QStringLiteral("selectionLabel"));
    m_search->setClearButtonEnabled(true);
    auto *completer = new QCompleter(new QStringListModel(this), this);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setFilterMode(Qt::MatchContains);
    m_search->setCompleter(completer);

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_search, 1);
    auto addButton = [&](const QString &text, const QString &name, const QString &tip, auto slot) {
        auto *b = new QToolButton(this);
        b->setText(text);
        b->setAccessibleName(name); // what a screen reader says for "−" and "+"
        b->setToolTip(tip);
        connect(b, &QToolButton::clicked, m_view, slot);
        bar->addWidget(b);
    };
    addButton(QStringLiteral("−"), tr("Zoom out"), tr("Zoom out (Ctrl+-)"), &GraphView::zoomOut);
    addButton(QStringLiteral("+"), tr("Zoom in"), tr("Zoom in (Ctrl++)"), &GraphView::zoomIn);
    addButton(tr("Fit"), tr("Fit"), tr("Fit the graph to the window (Ctrl+0)"), &GraphView::fitAll);
    bar->addWidget(m_hideContext);
    auto addSceneButton = [&](const QString &text, const QString &tip, const QString &name,
                              auto slot) {
        auto *b = new QToolButton(this);
        b->setText(text);
        b->setToolTip(tip);
        b->setObjectName(name);
        connect(b, &QToolButton::clicked, m_scene, slot);
        connect(b, &QToolButton::clicked, m_view, &GraphView::fitAll);
        bar->addWidget(b);
        return b;
    };
    addSceneButton(tr("Overview"),
                   tr("Whole folders of groups as one box each; double-click one to go a level "
                      "down"),
                   QStringLiteral("foldToOverview"), &GraphScene::foldToOverview);
    addSceneButton(tr("Collapse groups"), tr("Every group as one box: the whole platform at once"),
                   QStringLiteral("collapseAll"), &GraphScene::collapseAll);
    addSceneButton(tr("Expand groups"), tr("Every group open (double-click a group to toggle it)"),
                   QStringLiteral("expandAll"), &GraphScene::expandAll);
    auto *groups = new QToolButton(this);
    groups->setObjectName(QStringLiteral("groupsShown"));
    groups->setText(tr("Groups"));
    groups->setCheckable(true);
    groups->setChecked(true);
    groups->setToolTip(tr("Draw groups as boxes, or the plain layout"));
    connect(groups, &QToolButton::toggled, m_scene, &GraphScene::setGroupsShown);
    bar->addWidget(groups);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 0);
    layout->setSpacing(2);
    layout->addLayout(bar);
    m_selectionLabel->setVisible(false);
    layout->addWidget(m_selectionLabel);
    layout->addWidget(m_view, 1);
    layout->addWidget(new GraphLegend(this));

    // The first picture is shown whole; later ones keep the user's zoom.
    connect(m_scene, &GraphScene::drawingChanged, this, [this] {
        if (m_fitted ||
            (m_scene->drawing().nodes().isEmpty() && m_scene->drawing().groups().isEmpty()))
            return;
        m_fitted = true;
        m_view->fitUntilZoomed();
    });
    connect(m_search, &QLineEdit::returnPressed, this, [this] { search(m_search->text()); });
    connect(completer, qOverload<const QString &>(&QCompleter::activated), this,
            &GraphPanel::search);
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &text) {
        if (text.isEmpty() && m_scene->selection())
            search({});
    });
    connect(m_hideContext, &QCheckBox::toggled, this, [this] {
        if (m_scene->selection())
            search(m_search->text());
    });
}

void GraphPanel::search(const QString &text)
{
    const QString id = text.trimmed();
    if (!id.isEmpty() && m_scene->drawing().groupOf(id).isEmpty() == false &&
        !id.contains(QLatin1Char(' ')) && !id.contains(QLatin1Char('+')) &&
        !id.contains(QLatin1Char(':')) && !id.contains(QLatin1Char('@'))) {
        // A plain id: open its group if need be, and go there.
        if (!m_scene->node(id))
            m_scene->reveal(id);
        if (m_scene->node(id)) {
            m_view->centreOn(id);
            emit searchRequested(id);
            return;
        }
    }
    const QString error = m_scene->setSelection(id, m_hideContext->isChecked());
    if (!error.isEmpty()) {
        m_selectionLabel->setText(tr("Selector: %1").arg(error));
        m_selectionLabel->setStyleSheet(QStringLiteral("color: #b71c1c;"));
        m_selectionLabel->setVisible(true);
        return;
    }
    if (!m_scene->selection()) {
        m_selectionLabel->setVisible(false);
        return;
    }
    m_selectionLabel->setText(
        tr("%n pipeline(s) selected by \"%1\"; %2", nullptr, int(m_scene->selection()->size()))
            .arg(id, m_hideContext->isChecked() ? tr("the rest hidden") : tr("the rest dimmed")));
    m_selectionLabel->setStyleSheet(QString());
    m_selectionLabel->setVisible(true);
    m_view->fitRect(m_scene->selectionBounds());
}

void GraphPanel::setPipelineIds(const QStringList &ids)
{
    auto *model = static_cast<QStringListModel *>(m_search->completer()->model());
    if (model->stringList() != ids)
        model->setStringList(ids);
}

} // namespace daybreak
