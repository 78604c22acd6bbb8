#pragma once

#include "DependencyGraph.h"
#include "Inventory.h"
#include "RunEvent.h"
#include "SlaAlert.h"
#include "SlaProjection.h"

#include <QDateTime>
#include <QList>

#include <memory>
#include <optional>

namespace daybreak {

// The sensors that do not wait for an event: a run that should have started and has not, a run
// past its p95, and a side of the orchestrator silent while runs are due. Each alert names its
// cause, the reports it threatens and the hours left before the first of their deadlines.
struct SensorSettings
{
    int graceMinutes = 15;   // after a run's due start before it is late
    int silenceMinutes = 30; // without an event from a side while its runs are due
};

class NightSensors
{
public:
    // `graph`: the inventory's, when the caller keeps one (built here on the first need else);
    // `reports`: which reports each pipeline reaches on it (reportReach), likewise.
    NightSensors(const Inventory &inventory, SensorSettings settings = {},
                 std::shared_ptr<const DependencyGraph> graph = {},
                 std::shared_ptr<const DependencyGraph::Reach> reports = {});
    // Which of the inventory's reports (pipelines with a deadline) each pipeline reaches.
    static DependencyGraph::Reach reportReach(const Inventory &inventory,
                                              const DependencyGraph &graph);

    QList<SlaAlert> sense(const SlaProjection &projection, const QList<RunEvent> &events,
                          const QDateTime &now) const;

    // The open alerts of the night (late start, overrun, silent, at risk) whose cause is gone
    // from `current` (what the sensors find now), marked resolved at `now` with how.
    static QList<SlaAlert> cleared(const QList<SlaAlert> &stored, const QList<SlaAlert> &current,
                                   const SlaProjection &projection, const QDateTime &now);

    // The side-of-the-orchestrator subject of a silence alert: "orchestrator:onprem".
    static QString silenceSubject(Side side);

private:
    struct Threat
    {
        QStringList first; // the first few reports threatened, in id order
        int count = 0;     // how many in all
        QDateTime firstDeadline;
    };
    static constexpr int kNamedReports = 5;
    Threat threatOf(const QStringList &pipelines, const SlaProjection &projection) const;
    SlaAlert alert(const SlaProjection &projection, const QString &subject, const QString &kind,
                   const QString &cause, const QString &what, const Threat &threat,
                   const QDateTime &now) const;

    const Inventory &m_inventory;
    SensorSettings m_settings;
    // Built on the first threat and kept: a busy night has hundreds of candidates, and a graph
    // of 10,000 pipelines each time was most of a console's work per run event.
    mutable std::shared_ptr<const DependencyGraph> m_graph;
    mutable std::shared_ptr<const DependencyGraph::Reach> m_reports;
    // The reports still open in the projection being sensed, with their deadlines.
    // As bits over m_reports's targets, and their deadlines in the same order.
    mutable const SlaProjection *m_openOf = nullptr;
    mutable std::vector<quint64> m_open;
    mutable QList<QDateTime> m_deadlines;
};

} // namespace daybreak
