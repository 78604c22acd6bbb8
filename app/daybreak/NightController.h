#pragma once

#include "NightPicture.h"
#include "SlaService.h"

#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>
#include <optional>

class QTimer;

namespace daybreak {

class Calendar;
class Clock;
class SlaPanel;
class StoreSession;
class WarRoomWindow;
class WaveBoard;
class WaveRunbookPanel;

// The console's night: gathers it on the store thread (NightPicture::gather, what the sensors
// raise included), paced so a busy store wakes it at most every kPaceMs, one gathering at a time
// (a request meanwhile makes one more, not one each), and shows it on the 6am panel, the
// runbook, the wave board's what-if nights and the war room. Works out the forecast's record on
// the nights before tonight once a night, off the GUI thread.
class NightController : public QObject
{
    Q_OBJECT

public:
    struct Views
    {
        SlaPanel *sla;
        WaveRunbookPanel *runbook;
        WaveBoard *board;
        std::function<WarRoomWindow *()> warRoom;
    };
    NightController(const Clock &clock, Views views, QObject *parent = nullptr);

    void setSession(StoreSession *session);
    // Gathers the night again now (the clock moves even when the store does not).
    void refresh();
    // The same for a change in the store, paced.
    void refreshForChange();
    // Works out the forecast's record on the nights before `tonight` (in the background).
    void calibrate(const QDate &tonight);
    // Acknowledges alert `id` on the store thread as this user; message() says how it went.
    void acknowledge(qint64 id);

    const QList<WatchBeat> &watches() const { return m_watches; }
    int failingDeliveries() const { return m_failingDeliveries; }
    // The current night as last shown, once anything of it has run (for the report); else none.
    const std::optional<SlaProjection> &currentNight() const { return m_current; }

signals:
    void message(const QString &text);
    // The watches and deliveries were read again (the status bar's badge).
    void watchesRead();
    // The 6am view now shows the store as of feed entry `feedSeq`.
    void nightShown(qint64 feedSeq);

private:
    void show(const NightPicture &picture, const QDateTime &now, const Calendar &calendar,
              qint64 feedSeq);

    static constexpr int kPaceMs = 500;
    const Clock &m_clock;
    Views m_views;
    StoreSession *m_session = nullptr;
    std::optional<SlaProjection> m_current;
    QTimer *m_pace;
    bool m_paced = false;    // a change arrived while the pace held it back
    bool m_inFlight = false; // a gathering is on the store thread
    bool m_again = false;    // and another was asked for meanwhile
    // What the last nights taught; read and written on the store thread only.
    std::shared_ptr<SlaService::LearnedCache> m_learned =
        std::make_shared<SlaService::LearnedCache>();
    QDate m_calibratedNight; // the night the forecast's record was last worked out for
    QList<WatchBeat> m_watches;
    int m_failingDeliveries = 0;
};

} // namespace daybreak
