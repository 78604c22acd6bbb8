#pragma once

#include "LearnedDurations.h"
#include "WavePlanner.h"

namespace daybreak {

// The auto-planner's second look, at the 6am after each wave it filled (what-if nights): where
// a wave's night would turn a report from on track to at risk, the pipelines it newly placed
// there move to a later wave when the rules allow it and the plan's nights come out better (a
// slower cloud step can wait for the faster one that makes up for it). What no move avoids is
// said in `result.nights`: which report, which night, and why.
namespace PlanNights {
// At most this many trial moves, and at most kMaxWork pipeline projections in all (a trial
// projects every wave's night again: pipelines x waves), so the board's preview stays quick on
// a large plan (about 1.5 s of work at most; on the demo every trial fits).
inline constexpr int kMaxTrials = 400;
inline constexpr qint64 kMaxWork = 500'000;
void avoidRiskyNights(const StoreSnapshot &snapshot, const WaveRules &rules,
                      WavePlanner::Result &result, const LearnedDurations *learned);
} // namespace PlanNights

} // namespace daybreak
