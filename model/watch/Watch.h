#pragma once

#include "NightSensors.h"
#include "RoutingBoard.h"
#include "SlaAlert.h"
#include "SlaService.h"

#include <QObject>
#include <QTextStream>

#include <memory>
#include <optional>

class QTimer;

namespace daybreak {

class ChangeNotifier;
class Deliverer;
class MorningDiffs;
class Clock;
class Store;

// The unattended 6am watch: projects the current night at start, then on a timer and on every
// store change, runs every sensor (raising and resolving alerts through SlaService, as a console
// would), delivers them through the outbox (Deliverer), and writes its heartbeat so every
// console can tell a dead watch from a quiet night.
// One line per event to `log`: time, level, what.
class Watch : public QObject
{
    Q_OBJECT

public:
    struct Settings
    {
        int intervalSeconds = 60;
        int leaseSeconds = 90; // how long a dead watch holds delivery back
        SensorSettings sensors;
    };

    Watch(Store &store, const Clock &clock, QString actor, Settings settings, QTextStream &log);
    ~Watch() override;

    void start();
    // Logs why, removes the heartbeat (a clean stop is not a dead watch) and emits stopped().
    void stop(const QString &why);
    // One run of the sensors; `beat`: also write the heartbeat (the timer's runs do, a change
    // notification's do not, so the watch's own heartbeat never wakes it again).
    void tick(bool beat);

    const WatchBeat &beat() const { return m_beat; }

    // The routing as the watch last read it, for the listener's GET /api/v1/route: from this
    // host's last-known routing file until the first read, then from every run's read.
    RoutingBoard &routingBoard() { return m_board; }
    // A morning diff is being measured (on its own thread).
    bool measuringParity() const;

signals:
    void stopped();
    // A morning diff was measured and concluded (recorded, put off, or refused).
    void parityConcluded();

private:
    void log(const QString &level, const QString &what);
    void tellApprovers(const StoreSnapshot &snapshot, const QDateTime &now);
    // The morning diffs' round, and the delivery of their nights' pages.
    void measureParity(const StoreSnapshot &snapshot);

    Store &m_store;
    const Clock &m_clock;
    QString m_actor;
    Settings m_settings;
    QTextStream &m_log;
    WatchBeat m_beat;
    SlaService::LearnedCache m_learned; // the night's learned durations, read once an hour
    // The store as the watch last read it, brought up to date from the change feed on each
    // run (read whole at start, after an outage, and when the feed cannot say).
    std::optional<StoreSnapshot> m_picture;
    QTimer *m_timer;
    QTimer *m_soon; // coalesces a burst of change notifications into one run
    std::unique_ptr<ChangeNotifier> m_notifier;
    std::unique_ptr<Deliverer> m_deliverer;
    std::unique_ptr<MorningDiffs> m_diffs; // parity measured each morning by the lease holder
    // Keeps the routing (in memory and in the host's file) after a successful read, and writes
    // the read receipts the listener noted.
    void keepRouting(const QDateTime &now);

    bool m_failing = false;
    bool m_busy = false; // inside tick()
    std::shared_ptr<const LastKnownRouting> m_routing;
    QString m_storeKey;
    RoutingBoard m_board;
};

} // namespace daybreak
