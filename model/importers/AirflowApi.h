#pragma once

#include "InventoryReader.h"
#include "RunHistory.h"

namespace daybreak {

// Airflow as its stable REST API (v1, Airflow 2.4 and later) describes it, from answers saved
// to files in one folder, so no live Airflow is needed to import:
//   dags.json               GET /api/v1/dags
//   tasks/DAG_ID.json       GET /api/v1/dags/DAG_ID/tasks, one file per DAG
//   datasets.json           GET /api/v1/datasets (optional: dataset-scheduled DAGs; or
//                           assets.json, GET /api/v2/assets, Airflow 3)
//   task_instances*.json    GET /api/v1/dags/~/dagRuns/~/taskInstances (optional: run history,
//                           and the targets of ExternalTaskSensors in their rendered fields)
// Each task is a pipeline "DAG_ID.TASK_ID" in the group DAG_ID; in-DAG edges come from
// downstream_task_ids, cross-DAG edges from ExternalTaskSensors (external_dag_id and
// external_task_id) and from datasets (a producing task feeds the first tasks of each DAG the
// dataset schedules). A DAG's daily cron schedule starts its first tasks; the rest follow their
// reads. Every pipeline carries the tag "airflow:DAG_ID.TASK_ID".
class AirflowApi
{
public:
    static bool isExport(const QString &folder);
    static InventoryReadResult read(const QString &folder, const QString &timezone);
    // Task instances: each try with a start is a run (success a success; failed, up_for_retry
    // and upstream_failed a failure; running has no end yet); skipped and never-started ones
    // are no run.
    static RunHistoryRead readRuns(const QString &folder);

    static QString tagFor(const QString &dagId, const QString &taskId)
    {
        return QStringLiteral("airflow:") + dagId + QLatin1Char('.') + taskId;
    }
};

} // namespace daybreak
