#pragma once

#include "StoreTypes.h"

namespace daybreak {

// A synthetic platform shaped like real ones: sources -> staging -> core -> marts -> reports,
// fan-in of 1 to 5, and a few hubs (core tables) read by hundreds. Deterministic for a seed.
namespace GeneratedPlatform {
Inventory inventory(int pipelines, quint32 seed = 42);
// A snapshot with routing pointers (a tenth dual-running with a passed gate) and no waves.
StoreSnapshot snapshot(int pipelines, const QDate &today, quint32 seed = 42);
} // namespace GeneratedPlatform

} // namespace daybreak
