#pragma once

#include "Lineage.h"
#include "OpenLineage.h"
#include "Outcome.h"

#include <optional>

namespace daybreak {

class Clock;
class Store;

// OpenLineage into run events: the mappings from jobs to pipelines and sides, and every event
// an orchestrator posts, matched through them. Jobs no mapping takes are counted by name.
class LineageService
{
public:
    LineageService(Store &store, const Clock &clock, QString actor);

    // `pipeline` empty: the pipeline named like the job (--same-name): its whole name, else its
    // last dot-separated part (Airflow's "dag.task" is the task).
    Outcome addMapping(const QString &ns, const QString &jobPattern, const QString &pipeline,
                       Side side);
    Outcome removeMapping(qint64 id);

    struct Ingested : Outcome
    {
        int recorded = 0;
        int unmapped = 0;
        int ignored = 0;
        QList<RunEvent> events; // what was recorded
    };
    // Records the mapped events of one document as one transaction. `onlySide`: the caller may
    // report on that side alone (its token's scope); an event for the other side refuses the
    // whole document, naming each pipeline.
    Ingested ingest(const OpenLineage::Read &read, std::optional<Side> onlySide = std::nullopt);

    // The mapping that takes the job, if any: first match in the order they were added.
    static const LineageMapping *match(const QList<LineageMapping> &mappings, const QString &ns,
                                       const QString &job);

private:
    Store &m_store;
    const Clock &m_clock;
    QString m_actor;
};

} // namespace daybreak
