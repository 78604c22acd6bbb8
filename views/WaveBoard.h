#pragma once

#include "BoardState.h"
#include "StoreChange.h"

#include <QWidget>

#include <memory>

class QComboBox;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QToolBar;

namespace daybreak {

class MigrationPlan;
class WaveColumn;

// The wave board: a backlog column and one column per wave. Cards move by drag and drop or by
// keyboard; every move is judged by the plan service on the console's snapshot (what each column
// shows while dragging) and applied through MigrationPlan (same service as the CLI, with undo).
class WaveBoard : public QWidget
{
    Q_OBJECT

public:
    explicit WaveBoard(QWidget *parent = nullptr);
    ~WaveBoard() override;

    void setPlan(MigrationPlan *plan);
    MigrationPlan *plan() const { return m_plan; }
    void setSnapshot(const StoreSnapshot &snapshot, const QDate &today);
    // The store changed: redraws the part of `change` this view shows (everything: all of it).
    void showChange(const StoreSnapshot &snapshot, const QDate &today, const StoreChange &change);
    // The learned durations of the coming night: the what-if nights and the drop check use them.
    void setLearned(std::shared_ptr<const LearnedDurations> learned);
    std::shared_ptr<const LearnedDurations> learned() const { return m_state.learned(); }
    // What the board and its columns show: the snapshot, the moves, the cards' data.
    const BoardState &state() const { return m_state; }
    QToolBar *toolBar() const { return m_toolBar; }
    // The backlog shows only what this selects: a selector (group:G, +id, owner:O, …) or, when
    // it is not one, the ids containing the text. Thousands of cards stay workable.
    void setBacklogFilter(const QString &text);

    // The moves judged on the board's snapshot; null before the first snapshot.
    const PlanMoves *moves() const { return m_state.moves(); }

    // Every column shows whether the dragged pipelines may land there, and why not.
    void dragStarted(const QStringList &ids);
    void dragFinished();
    // Keyboard move of the selected card to the next (+1) or previous (-1) column.
    void moveSelected(int direction, bool carryUpstreams = false);
    void selectPipeline(const QString &id);

    WaveColumn *column(const QString &wave) const; // empty: backlog
    QList<WaveColumn *> columns() const { return m_columns; }

signals:
    void message(const QString &text);
    void pipelineSelected(const QString &id);

private:
    // After a keyboard move: the moved card selected and focused where the store put it.
    void followMovedCard();
    void rebuildColumns();
    void fillColumns();
    void fillBacklog(WaveColumn *column);
    void fillWave(WaveColumn *column, const QList<PlanFinding> &findings);
    void addWave();
    void autoPlan();
    void waveMenu(const QString &wave, const QPoint &globalPos);
    QString selectedPipeline(QString *wave) const;

    MigrationPlan *m_plan = nullptr;
    QString m_follow; // the card a keyboard move is following
    BoardState m_state;
    QStringList m_waveNames; // the columns' waves, in date order
    QList<WaveColumn *> m_columns;
    QHBoxLayout *m_columnsLayout;
    QToolBar *m_toolBar;
    QComboBox *m_sort;
    QLineEdit *m_filter;
    QLabel *m_pastWaves; // the waves whose window is over: history, not columns to plan into
    QLabel *m_emptyHint; // where the waves go while there is none: how to start
};

} // namespace daybreak
