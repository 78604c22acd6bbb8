#pragma once

#include "SlaAlert.h"
#include "SlaProjection.h"
#include "StoreTypes.h"

#include <QWidget>

class QLabel;
class QListWidget;
class QPushButton;
class QToolBar;

namespace daybreak {

class Calendar;
class GraphView;
class GraphScene;
class SlaTimeline;

// The war-room display: full screen, dark, large type; the 6am banner, the timeline, the graph
// and the latest routing changes. Read-only until an operator unlocks the controls.
class WarRoomWindow : public QWidget
{
    Q_OBJECT

public:
    WarRoomWindow(GraphScene *scene, const QList<QAction *> &controls, QWidget *parent = nullptr);

    void setNight(const SlaProjection &projection, const QDateTime &now);
    void setRecentChanges(const QList<AuditEntry> &entries, const Calendar &calendar);
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
    QToolBar *m_controls;
    QPushButton *m_unlock;
};

} // namespace daybreak
