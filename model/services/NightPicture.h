#pragma once

#include "Delivery.h"
#include "SlaService.h"
#include "WaveStatus.h"

#include <optional>

namespace daybreak {

class Clock;
class Store;

// Everything the console's 6am view, its runbook and the war room show of a night, read in one
// go on the store's thread: the night the panel shows and the current one (whose sensors may
// raise alerts), the weekend's wave as a live runbook, the watches' heartbeats, the deliveries
// of the shown night's alerts, and (for the war room) the latest routing changes.
struct NightPicture
{
    SlaService::Night shown;
    SlaService::Night current;
    std::optional<WaveStatus> wave;
    QList<WatchBeat> watches;
    QList<Delivery> deliveries;
    QList<AuditEntry> recentRouting; // newest first; empty unless asked for

    // How many of `deliveries` keep failing: on-call may not have heard.
    int failingDeliveries() const;

    // `nightOffset`: the night shown, in nights from the current one. `learned` keeps what
    // the last nights taught between calls (it belongs to the store's thread). Throws
    // StoreError when the store does not answer.
    static NightPicture gather(Store &store, const Clock &clock, const QString &actor,
                               const StoreSnapshot &snapshot, int nightOffset,
                               int recentRoutingChanges, SlaService::LearnedCache *learned);
};

} // namespace daybreak
