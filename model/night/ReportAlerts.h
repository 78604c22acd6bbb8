#pragma once

#include "SlaAlert.h"
#include "SlaProjection.h"

namespace daybreak {

// The report sensor: an alert for each report that is at risk or breached at `now`, naming the
// cause on its critical path. What the watch raises and what the backtest replays.
QList<SlaAlert> reportAlerts(const SlaProjection &projection, const QDateTime &now);

} // namespace daybreak
