#include "WaveColumn.h"

#include "LocalText.h"
#include "PipelineCardDelegate.h"
#include "WaveBoard.h"
#include "WaveColumnModel.h"

#include <QDragMoveEvent>
#include <QLabel>
#include <QMimeData>
#include <QMouseEvent>
#include <QToolButton>
#include <QToolTip>
#include <QVBoxLayout>

namespace daybreak {

WaveColumn::WaveColumn(WaveBoard *board, const QString &wave, QWidget *parent)
    : QFrame(parent), m_board(board), m_model(new WaveColumnModel(&board->state(), wave, this)),
      m_header(new QLabel(this)), m_status(new QLabel(this)), m_notice(new QFrame(this)),
      m_noticeText(new QLabel(m_notice))
{
    setObjectName(wave.isEmpty() ? QStringLiteral("backlogColumn") : QStringLiteral("waveColumn"));
    setFrameShape(QFrame::StyledPanel);
    // The backlog holds the most cards and the longest ids: it takes more room than a wave.
    setMinimumWidth(wave.isEmpty() ? 320 : 260);
    setMaximumWidth(wave.isEmpty() ? 440 : 340);
    m_view = new CardListView(board, this);
    m_view->setModel(m_model);
    m_view->setHorizontalScrollBarPolicy(
        Qt::ScrollBarAlwaysOff); // cards elide; never scroll sideways
    m_view->setAccessibleName(wave.isEmpty() ? tr("Backlog: pipelines in no wave")
                                             : tr("Pipelines of wave %1").arg(wave));
    m_header->setTextFormat(Qt::RichText);
    m_header->setWordWrap(true);
    m_header->installEventFilter(this);
    m_status->setWordWrap(true);
    m_status->hide();
    m_notice->setObjectName(QStringLiteral("refusalNotice"));
    m_notice->setFrameShape(QFrame::StyledPanel);
    m_notice->setStyleSheet(QStringLiteral(
        "#refusalNotice { background: #fdecea; border: 1px solid #a01020; border-radius: 3px; }"));
    m_noticeText->setWordWrap(true);
    m_noticeText->setTextFormat(Qt::RichText);
    auto *dismiss = new QToolButton(m_notice);
    dismiss->setText(tr("Dismiss"));
    dismiss->setAccessibleName(tr("Dismiss the refusal"));
    connect(dismiss, &QToolButton::clicked, this, &WaveColumn::dismissRefusal);
    auto *noticeLayout = new QVBoxLayout(m_notice);
    noticeLayout->setContentsMargins(6, 4, 6, 4);
    noticeLayout->addWidget(m_noticeText);
    noticeLayout->addWidget(dismiss, 0, Qt::AlignRight);
    m_notice->hide();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(3);
    layout->addWidget(m_header);
    layout->addWidget(m_status);
    layout->addWidget(m_notice);
    layout->addWidget(m_view, 1);
    updateStyle();
}

QString WaveColumn::wave() const
{
    return m_model->wave();
}

QString WaveColumn::headerText() const
{
    return m_header->text();
}

void WaveColumn::setHeader(const QString &html, const QString &toolTip)
{
    m_header->setText(html);
    m_header->setToolTip(toolTip);
}

void WaveColumn::setDropState(DropState state, const QStringList &reasons)
{
    m_dropState = state;
    m_reasons = reasons;
    m_status->setVisible(state != DropState::Idle);
    m_status->setText(
        state == DropState::Allowed
            ? tr("✓ drop allowed")
            : tr("✕ refused: %1").arg(reasons.value(0)) +
                  (reasons.size() > 1 ? tr(" (+%1 more)").arg(reasons.size() - 1) : QString()));
    m_status->setToolTip(reasons.join(QLatin1Char('\n')));
    updateStyle();
}

void WaveColumn::showRefusal(const QStringList &reasons)
{
    QString items;
    for (const QString &r : reasons)
        items += QStringLiteral("<li>%1</li>").arg(r.toHtmlEscaped());
    m_noticeText->setText(tr("<b>✕ Not moved</b><ul style='margin-left:-20px'>%1</ul>").arg(items));
    m_notice->show();
}

void WaveColumn::dismissRefusal()
{
    m_notice->hide();
}

QString WaveColumn::refusalText() const
{
    return m_notice->isVisibleTo(this) ? m_noticeText->text() : QString();
}

void WaveColumn::updateStyle()
{
    QString border = QStringLiteral("#b8b8b8");
    QString background = QStringLiteral("#f4f4f1");
    if (m_dropState == DropState::Allowed) {
        border = QStringLiteral("#1b7f3b");
        background = QStringLiteral("#e7f4ea");
    } else if (m_dropState == DropState::Refused) {
        border = QStringLiteral("#c01c28");
        background = QStringLiteral("#fbe9ea");
    }
    setStyleSheet(
        QStringLiteral("WaveColumn { border: 2px solid %1; border-radius: 5px; background: %2; }")
            .arg(border, background));
    m_status->setStyleSheet(m_dropState == DropState::Refused ? QStringLiteral("color: #a01020;")
                                                              : QStringLiteral("color: #146c30;"));
}

bool WaveColumn::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_header && !wave().isEmpty()) {
        if (event->type() == QEvent::ContextMenu) {
            emit headerMenuRequested(wave(), QCursor::pos());
            return true;
        }
        if (event->type() == QEvent::MouseButtonDblClick) {
            emit headerDoubleClicked(wave());
            return true;
        }
    }
    return QFrame::eventFilter(watched, event);
}

CardListView::CardListView(WaveBoard *board, WaveColumn *column)
    : QListView(column), m_board(board), m_column(column)
{
    setObjectName(QStringLiteral("cardList"));
    setItemDelegate(new PipelineCardDelegate(this));
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setDragEnabled(true);
    setAcceptDrops(true);
    setDropIndicatorShown(true);
    setDragDropMode(QAbstractItemView::DragDrop);
    setDefaultDropAction(Qt::MoveAction);
    setSpacing(2);
    setUniformItemSizes(true);
    setFrameShape(QFrame::NoFrame);
    viewport()->setAutoFillBackground(false);
}

void CardListView::startDrag(Qt::DropActions supportedActions)
{
    QListView::startDrag(supportedActions);
    m_board->dragFinished();
}

void CardListView::dragMoveEvent(QDragMoveEvent *event)
{
    QListView::dragMoveEvent(event);
    const QStringList ids = WaveColumnModel::idsFrom(event->mimeData());
    if (ids.isEmpty())
        return;
    m_column->model()->setCarryUpstreams(event->modifiers() & Qt::ShiftModifier);
    const Decision d = m_column->model()->checkDrop(ids);
    if (!d.allowed()) {
        QStringList reasons;
        for (const Reason &r : d.reasons)
            reasons << QStringLiteral("• ") + phraseReason(r);
        QToolTip::showText(mapToGlobal(event->position().toPoint()),
                           reasons.join(QLatin1Char('\n')), this);
    }
    // Accept anyway so a refused drop arrives and the board can say why.
    event->setDropAction(Qt::MoveAction);
    event->accept();
}

void CardListView::dropEvent(QDropEvent *event)
{
    drop(event->mimeData(), event->modifiers());
    event->setDropAction(Qt::IgnoreAction); // the plan moved it; Qt must not remove rows itself
    event->accept();
}

void CardListView::drop(const QMimeData *data, Qt::KeyboardModifiers modifiers)
{
    WaveColumnModel *model = m_column->model();
    model->setCarryUpstreams(modifiers & Qt::ShiftModifier);
    // A refused drop keeps its reasons beside the column until the user dismisses them.
    if (const QStringList ids = WaveColumnModel::idsFrom(data); !ids.isEmpty()) {
        const Decision d = model->checkDrop(ids);
        if (d.allowed())
            m_column->dismissRefusal();
        else
            m_column->showRefusal(phraseReasons(d.reasons));
    }
    model->dropMimeData(data, Qt::MoveAction, -1, 0, {});
    model->setCarryUpstreams(false);
}

void CardListView::keyPressEvent(QKeyEvent *event)
{
    const bool move = event->modifiers() & Qt::ControlModifier;
    if (move && event->key() == Qt::Key_Right) {
        m_board->moveSelected(+1, event->modifiers() & Qt::ShiftModifier);
        return;
    }
    if (move && event->key() == Qt::Key_Left) {
        m_board->moveSelected(-1);
        return;
    }
    QListView::keyPressEvent(event);
}

} // namespace daybreak
