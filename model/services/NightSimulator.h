#pragma once

#include "RunEvent.h"
#include "StoreTypes.h"

namespace daybreak {

// The demo orchestrator: tonight's runs as the orchestrator would report them, with realistic
// jitter, the occasional slow run and the occasional failure that is retried. Deterministic
// for a seed, so a demo can be replayed.
namespace NightSimulator {
QList<RunEvent> events(const StoreSnapshot &snapshot, const QDate &businessDate, quint32 seed);
}

} // namespace daybreak
