#pragma once

#include "WaveRules.h"

namespace daybreak {

// The auto-planner: places every unplanned cloud-target pipeline into the earliest weekend
// that the rules, the capacity limits and parity readiness allow. Manual assignments stay
// where they are (pinned); blackout dates are skipped; new waves are named wave-YYYY-MM-DD.
class WavePlanner
{
public:
    struct Options
    {
        QDate from;
        int capacity = kDefaultWaveCapacity;
        int maxHighRisk = kDefaultWaveMaxHighRisk;
    };
    struct Result
    {
        WavePlan plan;
        QStringList createdWaves;
        QStringList placed;
        QList<PlanFinding> unplaced; // pipelines no weekend could take, with why
        // What the 6am after each wave says about the plan (PlanNights): moves made to spare a
        // night, and nights that stay at risk. Warnings.
        QList<PlanFinding> nights;
    };

    WavePlanner(const StoreSnapshot &snapshot, const WaveRules &rules);

    Result plan(const Options &options) const;

private:
    const StoreSnapshot &m_snapshot;
    const WaveRules &m_rules;
};

} // namespace daybreak
