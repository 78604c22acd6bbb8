#pragma once

#include "Problem.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace daybreak {

// One run of one job as an orchestrator recorded it, before it is matched to a pipeline: `key`
// names the job the way the pipeline's tag does ("dbt:model.shop.orders", "airflow:dag.task").
struct RunRecord
{
    QString key;
    QDateTime started;
    QDateTime finished; // invalid while it runs
    bool succeeded = true;
    QString where; // the record in its file, for messages ("results[3]")
};

struct RunHistoryRead
{
    QList<RunRecord> runs;
    Problems problems;
    int skipped = 0; // results that were no run (skipped nodes, tests)
    bool ok() const { return !hasErrors(problems); }
};

} // namespace daybreak
