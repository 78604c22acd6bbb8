#pragma once

#include "Pipeline.h"

#include <QDateTime>
#include <QString>

namespace daybreak {

// Which OpenLineage job reports on which pipeline and side: jobs of `ns` whose name matches
// `jobPattern` (a glob: "etl.*") are the pipeline `pipeline`, or, when that is empty, the
// pipeline named like the job. The first mapping that matches (in the order they were added)
// wins, so the on-prem and the cloud Airflow each report on their own side.
struct LineageMapping
{
    qint64 id = 0;
    QString ns;
    QString jobPattern;
    QString pipeline; // empty: the job's own name
    Side side = Side::OnPrem;
    QString createdBy;
    QDateTime createdAt;
};

// A job that reported but matched no mapping: counted, never silently dropped.
struct UnmappedJob
{
    QString ns;
    QString job;
    qint64 events = 0;
    QDateTime firstSeen;
    QDateTime lastSeen;
};

} // namespace daybreak
