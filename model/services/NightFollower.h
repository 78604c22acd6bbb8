#pragma once

#include "SlaAlert.h"
#include "SlaProjection.h"
#include "SlaService.h"
#include "StoreTypes.h"

#include <QDate>
#include <QHash>
#include <QTimeZone>

#include <optional>

namespace daybreak {

class Clock;
class Store;

// A night followed as it goes, for a reader that stays (daybreakctl sla --follow): the store's
// picture brought up to date from the change feed, the night re-projected from the last
// projection (SlaService's cache, as the console and the watch keep it), and only what changed
// since the last look: reports whose status or finish moved, alerts raised, acknowledged or
// resolved.
class NightFollower
{
public:
    // `night`: the business date to follow; none: the current night, whichever it is at each
    // look (at noon the next one begins, and every report is new again).
    NightFollower(Store &store, const Clock &clock, QString actor,
                  std::optional<QDate> night = std::nullopt);

    struct Changes
    {
        QDate night;
        QTimeZone zone;        // the inventory's: reports are read in its wall clock
        bool newNight = false; // the first look at this night: every report is in `reports`
        bool silent = false;   // no run event at all for a night whose runs are due
        QList<SlaProjection::Report> reports; // new or moved since the last look
        QList<SlaAlert> alerts;               // new, acknowledged or resolved since
        bool anyAtRiskOrBreached = false;     // of the whole night, not only what changed
        QString wholeReadWhy; // the store was read whole (first look, feed fell behind)
        bool isEmpty() const { return !newNight && reports.isEmpty() && alerts.isEmpty(); }
    };
    // One look. `timePassed`: the clock moved on (a timer), so project again even when the
    // store did not change. A StoreError leaves the follower to read the store whole next time.
    Changes look(bool timePassed);

private:
    Store &m_store;
    const Clock &m_clock;
    QString m_actor;
    std::optional<QDate> m_fixedNight;
    SlaService::LearnedCache m_cache;
    std::optional<StoreSnapshot> m_picture;
    QDate m_night; // the night the last look showed
    QHash<QString, SlaProjection::Report> m_reports;
    QHash<qint64, SlaAlert> m_alerts;
};

} // namespace daybreak
