#pragma once

#include "Outcome.h"
#include "ParityGate.h"
#include "ParityResult.h"
#include "Problem.h"

#include <QJsonObject>
#include <QString>

namespace daybreak {

class Clock;
class Store;
struct StoreSnapshot;

// Records dual-run comparisons and answers the parity gate for a pipeline.
// How the graph marks a pipeline's parity: by shape as well as colour.
enum class ParityHealth
{
    Unknown,
    Clean,
    Warning,
    Breached
};
QString parityHealthName(ParityHealth health);

class ParityService
{
public:
    ParityService(Store &store, const Clock &clock, QString actor);

    struct RecordOutcome : Outcome
    {
        ParityGate::Evaluation gate; // after recording
    };

    // `measured`: what a Daybreak diff found (ParityDiffService), kept beside the night's row.
    RecordOutcome record(ParityResult result, const QJsonObject *measured = nullptr);
    // A CSV of comparisons (pipeline,date,onprem_rows,cloud_rows,mismatched_rows,max_rel_diff
    // [,checksum_match][,note]): every bad row is reported with its line (BadInput, `problems`);
    // all or nothing is written.
    Outcome importFile(const QString &path, int *imported = nullptr);

    // Accept a breach as is, or explain it (legacy_bug: on-prem was wrong; new_bug: the cloud
    // side). Refused when that night holds no open breach.
    Outcome resolve(const QString &pipeline, const QDate &date, BreachResolution how,
                    const QString &reason);

    struct PipelineParity
    {
        QString pipeline;
        ParityGate::Evaluation gate;
        bool rollbackRecommended = false; // cut over and an open breach
    };
    static PipelineParity evaluate(const StoreSnapshot &snapshot, const QString &pipeline,
                                   const QDate &asOf);
    // Unknown without results; Breached with an open breach; Clean once the gate passed; else
    // Warning.
    static ParityHealth health(const StoreSnapshot &snapshot, const QString &pipeline,
                               const QDate &asOf);

private:
    Problems readComparisons(const QString &path, QList<ParityResult> *results);
    Outcome resolveChecked(const QString &pipeline, const QDate &date, BreachResolution how,
                           const QString &reason);

    Store &m_store;
    const Clock &m_clock;
    QString m_actor;
};

} // namespace daybreak
