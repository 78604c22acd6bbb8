#pragma once

#include "DiffReport.h"
#include "Outcome.h"
#include "ParityMapping.h"
#include "ParityService.h"
#include "ParitySource.h"

#include <QDate>
#include <QString>

#include <optional>

namespace daybreak {

class Clock;
class Store;

// Parity Daybreak measures itself: the sources of each side, what each pipeline compares, and
// the diff of one night, recorded through ParityService::record (the path `parity record` uses).
// The CLI, the console and the watch all come here.
class ParityDiffService
{
public:
    ParityDiffService(Store &store, const Clock &clock, QString actor);

    Outcome addSource(const ParitySource &source);
    Outcome removeSource(const QString &name);
    QList<ParitySource> sources();
    struct TestOutcome : Outcome
    {
        QString version;
        double roundTripMs = 0;
    };
    TestOutcome testSource(const QString &name);

    // Adds or replaces the pipeline's mapping; the audit row says who, why, before and after.
    Outcome putMapping(const ParityMapping &mapping, const QString &reason);
    Outcome removeMapping(const QString &pipeline, const QString &reason);
    QList<ParityMapping> mappings();

    // Mappings from dbt: the manifest compiled for each side's target (DbtParityKeys.h) gives
    // each model's relation on that side and its key; each pipeline imported from dbt (tagged
    // dbt:<unique_id>) is mapped from `onpremSource` to `cloudSource`. Models without a key are
    // listed, never mapped on a guess. With `apply`, each mapping is written (and audited) as
    // putMapping writes it; without, nothing is written.
    struct DbtImport : Outcome
    {
        QStringList mapped;     // "pipeline: onprem-table -> cloud-table on (key) [from]"
        QStringList withoutKey; // pipelines whose model has no key on either side
        QStringList oneSided;   // pipelines whose model is in one manifest only
        QStringList keysDiffer; // the two targets disagree on the key
    };
    DbtImport importDbt(const QString &onpremManifest, const QString &cloudManifest,
                        const QString &onpremSource, const QString &cloudSource,
                        const QString &reason, bool apply);

    struct DiffOutcome : Outcome
    {
        DiffReport report;
        bool inconclusive = false; // a side's run of the night had not finished
        QString inconclusiveWhy;
        bool recorded = false;
        ParityGate::Evaluation gate; // after recording
    };
    // Runs the diff of `pipeline` for `date`; with `record`, makes it that night's comparison.
    DiffOutcome diff(const QString &pipeline, const QDate &date, bool record);

    // The same in three steps, for a caller that measures on another thread (the watch): what
    // to compare, read from the store; the measuring itself, which touches no store; and the
    // conclusion, recorded through ParityService::record when asked.
    struct Plan
    {
        QString pipeline;
        QDate date;
        ParityMapping mapping;
        ParitySource onprem;
        ParitySource cloud;
        QString inconclusiveWhy; // empty: both sides' runs of the night completed
    };
    std::optional<Plan> plan(const QString &pipeline, const QDate &date, DiffOutcome *failed);
    static DiffReport measure(const Plan &plan);
    DiffOutcome conclude(const Plan &plan, const DiffReport &report, bool record);

    // Whether both sides' runs of the night completed, as the run events say; empty when they
    // did (or when no run event of that night was ever told), else why not.
    static QString unfinishedRun(Store &store, const QString &pipeline, const QDate &date);

private:
    Outcome checkOperator(const QString &what);

    Store &m_store;
    const Clock &m_clock;
    QString m_actor;
};

} // namespace daybreak
