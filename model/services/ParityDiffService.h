#pragma once

#include "DiffReport.h"
#include "Outcome.h"
#include "ParityMapping.h"
#include "ParityService.h"
#include "ParitySource.h"

#include <QDate>
#include <QString>

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
