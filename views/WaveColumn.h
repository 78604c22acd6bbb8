#pragma once

#include <QFrame>
#include <QListView>

class QLabel;
class QMimeData;

namespace daybreak {

class CardListView;
class WaveBoard;
class WaveColumnModel;

// A column of the board: its header (name, date, load, readiness) and its cards.
class WaveColumn : public QFrame
{
    Q_OBJECT

public:
    enum class DropState
    {
        Idle,
        Allowed,
        Refused
    };

    WaveColumn(WaveBoard *board, const QString &wave, QWidget *parent = nullptr);

    WaveColumnModel *model() const { return m_model; }
    CardListView *view() const { return m_view; }
    QString wave() const;
    void setHeader(const QString &html, const QString &toolTip);
    void setDropState(DropState state, const QStringList &reasons = {});
    DropState dropState() const { return m_dropState; }
    const QStringList &refusalReasons() const { return m_reasons; }
    // A refused drop's every reason, beside the column until dismissed (or the next drop here
    // goes through).
    void showRefusal(const QStringList &reasons);
    void dismissRefusal();
    QWidget *refusalNotice() const { return m_notice; }
    QString refusalText() const;
    QString headerText() const;

signals:
    void headerMenuRequested(const QString &wave, const QPoint &globalPos);
    void headerDoubleClicked(const QString &wave);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void updateStyle();

    WaveBoard *m_board;
    WaveColumnModel *m_model;
    CardListView *m_view;
    QLabel *m_header;
    QLabel *m_status;
    QFrame *m_notice; // the last refused drop, until dismissed
    QLabel *m_noticeText;
    DropState m_dropState = DropState::Idle;
    QStringList m_reasons;
};

// The card list: forwards drag feedback and the Shift modifier to the board.
class CardListView : public QListView
{
    Q_OBJECT

public:
    CardListView(WaveBoard *board, WaveColumn *column);
    // What a drop of `data` does, with the modifiers held: the plan moves the cards, or the
    // column keeps the refusal's reasons beside it (dropEvent calls this).
    void drop(const QMimeData *data, Qt::KeyboardModifiers modifiers);

protected:
    void startDrag(Qt::DropActions supportedActions) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    WaveBoard *m_board;
    WaveColumn *m_column;
};

} // namespace daybreak
