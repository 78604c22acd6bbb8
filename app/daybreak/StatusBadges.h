#pragma once

#include "StoreTypes.h"

#include <QObject>

class QLabel;
class QStatusBar;

namespace daybreak {

class ElidedLabel;

class Calendar;
struct WatchBeat; // SlaAlert.h

// The console's status bar badges: which store is open and as whom, the pipelines' counts and
// recommended rollbacks, how fresh the data is, whether a watch runs, and the change window.
class StatusBadges : public QObject
{
    Q_OBJECT

public:
    explicit StatusBadges(QStatusBar *bar);

    void showStore(const QString &location, const QString &access);
    // Loud on purpose: a war room must not trust a picture that stopped updating.
    void showUnreachable(double retrySeconds);
    void showCounts(const StoreSnapshot &snapshot, const QDate &today);
    void showChangeWindow(const QString &state, const Inventory &inventory);

    // "data as of 03:12:07" (aging, then STALE, in words and colour) and the watch's last beat
    // (with the failing deliveries); returns the same words and colour for the war room.
    struct Freshness
    {
        QString text;
        QString colour;
    };
    Freshness showFreshness(qint64 silenceMs, const QDateTime &now, const Calendar &calendar,
                            const QList<WatchBeat> &watches, int failingDeliveries);
    void clearFreshness();

private:
    ElidedLabel *m_store;
    QLabel *m_counts;
    QLabel *m_rollbacks; // never cut off: the store's location gives way first
    QLabel *m_freshness;
    QLabel *m_watch; // "watch: last ran 03:12:05", red when the watch is stale
    QLabel *m_window;
};

} // namespace daybreak
