#pragma once

#include "Decision.h"
#include "ParityService.h"
#include "StoreTypes.h"
#include "WaveRules.h"

#include <QWidget>

#include <memory>

class MigrationPlan;
class QComboBox;
class QHBoxLayout;
class QToolBar;
class WaveColumn;

// The wave board: a backlog column and one column per wave. Cards move by drag and drop or by
// keyboard; every move is checked by WaveRules (what each column shows while dragging) and
// applied through MigrationPlan (same service as the CLI, with undo).
class WaveBoard : public QWidget
{
    Q_OBJECT

public:
    explicit WaveBoard(QWidget *parent = nullptr);
    ~WaveBoard() override;

    void setPlan(MigrationPlan *plan);
    MigrationPlan *plan() const { return m_plan; }
    void setSnapshot(const StoreSnapshot &snapshot, const QDate &today);
    QToolBar *toolBar() const { return m_toolBar; }

    // May these pipelines move to `wave` (empty: back to the backlog)? With carry on, the
    // unplanned or later-planned upstreams they need come along.
    Decision check(const QStringList &ids, const QString &wave) const;
    void drop(const QStringList &ids, const QString &wave);
    void setCarryUpstreams(bool carry) { m_carry = carry; }
    bool carryUpstreams() const { return m_carry; }
    // What a Shift-move of `id` into `wave` would move, upstreams first.
    QStringList withUpstreams(const QString &id, const QString &wave) const;

    void dragStarted(const QStringList &ids);
    void dragFinished();
    // Keyboard move of the selected card to the next (+1) or previous (-1) column.
    void moveSelected(int direction);
    void selectPipeline(const QString &id);

    WaveColumn *column(const QString &wave) const; // empty: backlog
    QList<WaveColumn *> columns() const { return m_columns; }

    // Card data for the column models.
    QString ownerOf(const QString &id) const;
    Risk riskOf(const QString &id) const;
    State stateOf(const QString &id) const;
    ParityHealth healthOf(const QString &id) const;
    int depthOf(const QString &id) const;
    QString cardToolTip(const QString &id) const;

signals:
    void message(const QString &text);
    void pipelineSelected(const QString &id);

private:
    void rebuildColumns();
    void fillColumns();
    QStringList backlog() const;
    void addWave();
    void autoPlan();
    void waveMenu(const QString &wave, const QPoint &globalPos);
    QString selectedPipeline(QString *wave) const;

    MigrationPlan *m_plan = nullptr;
    StoreSnapshot m_snapshot;
    QDate m_today;
    std::unique_ptr<WaveRules> m_rules;
    QHash<QString, int> m_depth;
    QStringList m_waveNames; // the columns' waves, in date order
    QList<WaveColumn *> m_columns;
    QHBoxLayout *m_columnsLayout;
    QToolBar *m_toolBar;
    QComboBox *m_sort;
    bool m_carry = false;
};
