#pragma once

#include "SlaAlert.h"
#include "SlaProjection.h"
#include "StoreTypes.h"
#include "WaveStatus.h"

#include <optional>

#include <QWidget>

class QLabel;
class QListWidget;
class QPushButton;
class QSplitter;
class QToolBar;

namespace daybreak {

class Calendar;
class GraphView;
class GraphScene;
class SlaTimeline;
class WaveRunbookPanel;

// The war-room display: full screen, dark, large type; the 6am banner, the timeline, the graph
// and the latest routing changes. Read-only until an operator unlocks the controls.
class WarRoomWindow : public QWidget
{
    Q_OBJECT

public:
    WarRoomWindow(GraphScene *scene, const QList<QAction *> &controls, QWidget *parent = nullptr);

    void setNight(const SlaProjection &projection, const QDateTime &now);
    void setRecentChanges(const QList<AuditEntry> &entries, const Calendar &calendar);
    // The weekend's wave: during its change window the live runbook is the main panel (the
    // graph steps aside); outside it the wall shows the graph.
    void setWave(const std::optional<WaveStatus> &wave, const QTimeZone &zone,
                 const QString &identity, bool canDecide, bool canApprove);
    WaveRunbookPanel *runbook() const { return m_runbook; }
    void showStoreUnreachable(const QString &message);
    // "data as of 03:12:07", amber or red once it is old (Freshness), so a stale wall never
    // looks live.
    void setFreshness(const QString &text, const QString &colour);
    QString bannerText() const;
    bool controlsUnlocked() const;
    // A viewer's wall (read-only store, daybreak_viewer) has nothing to unlock.
    void setViewerOnly(bool viewerOnly);
    SlaTimeline *timeline() const { return m_timeline; }
    void fitGraph();

signals:
    void closed();

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    QLabel *m_banner;
    QLabel *m_freshness;
    SlaTimeline *m_timeline;
    GraphView *m_graph;
    QListWidget *m_changes;
    WaveRunbookPanel *m_runbook;
    QSplitter *m_split;
    QToolBar *m_controls;
    QPushButton *m_unlock;
};

} // namespace daybreak
