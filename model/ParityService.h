#pragma once

#include "ParityGate.h"
#include "ParityResult.h"

#include <QString>

class Clock;
class Store;
struct StoreSnapshot;

// Records dual-run comparisons and answers the parity gate for a pipeline.
// How the graph marks a pipeline's parity: by shape as well as colour.
enum class ParityHealth { Unknown, Clean, Warning, Breached };
QString parityHealthName(ParityHealth health);

class ParityService
{
public:
    ParityService(Store &store, const Clock &clock, QString actor);

    enum class RecordStatus { Recorded, UnknownPipeline, BadInput };
    struct RecordOutcome
    {
        RecordStatus status = RecordStatus::BadInput;
        QString message;
        ParityGate::Evaluation gate; // after recording
    };

    RecordOutcome record(ParityResult result);

    struct PipelineParity
    {
        QString pipeline;
        ParityGate::Evaluation gate;
        bool rollbackRecommended = false; // cut over and an open breach
    };
    static PipelineParity evaluate(const StoreSnapshot &snapshot, const QString &pipeline);
    // Unknown without results; Breached with an open breach; Clean once the gate passed; else Warning.
    static ParityHealth health(const StoreSnapshot &snapshot, const QString &pipeline);

private:
    Store &m_store;
    const Clock &m_clock;
    QString m_actor;
};
