#include "SlaProjection.h"

#include "DependencyGraph.h"

#include <QTimeZone>

namespace {
QDateTime at(const QDate &businessDate, const QTime &time, const QTimeZone &zone)
{
    const QDate day = time.hour() >= 12 ? businessDate.addDays(-1) : businessDate;
    return QDateTime(day, time, zone);
}
} // namespace

SlaProjection SlaProjection::project(const Inventory &inventory, const QDate &businessDate,
                                     const std::function<Side(const Pipeline &)> &sideOf, int marginMinutes)
{
    SlaProjection result;
    result.m_date = businessDate;
    const QTimeZone zone(inventory.timezone.toUtf8());
    const QTimeZone tz = zone.isValid() ? zone : QTimeZone::utc();
    const DependencyGraph graph(inventory);
    for (const QString &id : graph.topologicalOrder()) {
        const Pipeline *p = inventory.find(id);
        Run run;
        run.pipeline = id;
        run.side = sideOf(*p);
        QDateTime start = p->schedule ? at(businessDate, *p->schedule, tz) : QDateTime();
        QDateTime startP95 = start;
        for (const QString &up : p->upstreams) {
            const auto it = result.m_runs.constFind(up);
            if (it == result.m_runs.constEnd())
                continue;
            if (!start.isValid() || it->finish > start) {
                start = it->finish;
                run.drivenBy = up;
            }
            if (!startP95.isValid() || it->finishP95 > startP95)
                startP95 = it->finishP95;
        }
        if (!start.isValid())
            start = startP95 = at(businessDate, QTime(0, 0), tz);
        const int p50 = p->minutesOn(run.side);
        const std::optional<int> p95 = run.side == Side::OnPrem ? p->onpremP95Minutes : p->cloudP95Minutes;
        run.start = start;
        run.finish = start.addSecs(qint64(p50) * 60);
        run.finishP95 = startP95.addSecs(qint64(p95.value_or(p50)) * 60);
        result.m_runs.insert(id, run);
    }
    for (const Pipeline &p : inventory.pipelines()) {
        if (!p.sla || !result.m_runs.contains(p.id))
            continue;
        const Run &run = result.m_runs[p.id];
        Report report;
        report.pipeline = p.id;
        report.deadline = QDateTime(businessDate, *p.sla, tz);
        report.projectedFinish = run.finish;
        report.p95Finish = run.finishP95;
        if (run.finish > report.deadline)
            report.status = Status::Breached;
        else if (run.finishP95 > report.deadline.addSecs(-qint64(marginMinutes) * 60))
            report.status = Status::AtRisk;
        for (QString at = p.id; !at.isEmpty(); at = result.m_runs.value(at).drivenBy)
            report.criticalPath.prepend(at);
        result.m_reports.append(report);
    }
    return result;
}

QString slaStatusName(SlaProjection::Status status)
{
    switch (status) {
    case SlaProjection::Status::OnTrack: return QStringLiteral("on_track");
    case SlaProjection::Status::AtRisk: return QStringLiteral("at_risk");
    case SlaProjection::Status::Breached: return QStringLiteral("breached");
    }
    return {};
}
