#pragma once

#include "SlaService.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>

namespace daybreak {

class Clock;
class Store;

// What the watch's /metrics says, in the Prometheus text format (version 0.0.4): per report of
// the current night its deadline and its projected and p95 finish as seconds before the deadline
// (negative: after it) and its status; alerts open and unacknowledged; the OpenLineage events
// this watch received per side and the jobs no mapping took; failing deliveries; when the watch
// last ran. Read from the store at each scrape, without side effects (the watch's own runs raise
// the alerts).
class Metrics
{
public:
    struct Counters
    {
        QHash<QString, qint64> eventsBySide; // "onprem", "cloud", "unmapped"
        qint64 requests = 0;
        qint64 refused = 0; // 400, 401, 403
        QDateTime lastRan;  // the watch's last run
    };
    // `learned`: the caller's cache of the night's learned durations (null: learned per scrape).
    static QByteArray render(Store &store, const Clock &clock, const Counters &counters,
                             SlaService::LearnedCache *learned = nullptr);
};

} // namespace daybreak
