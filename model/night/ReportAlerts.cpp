#include "ReportAlerts.h"

#include <QTimeZone>

#include <algorithm>

namespace daybreak {

namespace {
QString hhmm(const QDateTime &t, const QTimeZone &zone)
{
    return t.isValid() ? t.toTimeZone(zone).toString(QStringLiteral("HH:mm"))
                       : QStringLiteral("never");
}
} // namespace

QList<SlaAlert> reportAlerts(const SlaProjection &projection, const QDateTime &now)
{
    QList<SlaAlert> alerts;
    // Before any run of the night has started, an at-risk projection is the plan's p95 and
    // would page on-call every afternoon for the same plan: the view shows it, no alert says
    // it. A run that should have started and has not is the late-start sensor's.
    bool begun = false;
    for (const SlaProjection::Run &run : projection.runs())
        begun = begun || run.started;
    for (const SlaProjection::Report &r : projection.reports()) {
        // Nothing reported is no evidence of lateness: no at-risk or breach alert from a plan.
        if (r.status == SlaProjection::Status::OnTrack || r.status == SlaProjection::Status::NoData)
            continue;
        if (r.status == SlaProjection::Status::AtRisk && !begun)
            continue;
        // The cause: a failed run on the path, else the step that adds the most delay to its
        // plan (a delay passed down the path belongs to the step that made it), else the
        // longest.
        QString cause;
        qint64 worst = -1;
        qint64 before = 0; // the delay the path had reached before this step
        for (const QString &id : r.criticalPath) {
            const SlaProjection::Run &run = projection.runs().value(id);
            if (run.failed) {
                cause = id;
                break;
            }
            const qint64 delay = run.finish.isValid() ? run.expectedFinish.secsTo(run.finish) : 0;
            const qint64 added = delay - std::max<qint64>(0, before);
            before = std::max(before, delay);
            const qint64 length = run.start.isValid() && run.finishP95.isValid()
                                      ? run.start.secsTo(run.finishP95)
                                      : 0;
            const qint64 weight = added > 0 ? 1'000'000 + added : length;
            if (weight > worst) {
                worst = weight;
                cause = id;
            }
        }
        const QTimeZone zone = r.deadline.timeZone();
        SlaAlert a;
        a.businessDate = projection.businessDate();
        a.report = r.pipeline;
        a.status = slaStatusName(r.status);
        a.raisedAt = now;
        a.projectedFinish = r.projectedFinish;
        a.cause = cause;
        a.hoursLeft = now.secsTo(r.deadline) / 3600.0;
        const SlaProjection::Run &causeRun = projection.runs().value(cause);
        const QString why = causeRun.failed ? QStringLiteral("%1 failed").arg(cause)
                            : causeRun.blocked
                                ? QStringLiteral("%1 is blocked by a failed upstream").arg(cause)
                                : QStringLiteral("%1 on its critical path").arg(cause);
        const QString projected =
            r.projectedFinish.isValid()
                // The p95 to the minute above: a p95 of 06:00:40 is after a 06:00 deadline.
                ? QStringLiteral("projected %1 (p95 %2)")
                      .arg(hhmm(r.projectedFinish, zone), hhmm(r.p95Finish.addSecs(59), zone))
                : QStringLiteral("cannot finish until re-run");
        a.message =
            QStringLiteral("%1 %2: %3 against %4; cause: %5; %6 h to the deadline")
                .arg(r.pipeline,
                     r.status == SlaProjection::Status::Breached ? QStringLiteral("BREACHED")
                                                                 : QStringLiteral("AT RISK"),
                     projected, hhmm(r.deadline, zone), why)
                .arg(a.hoursLeft, 0, 'f', 1);
        alerts.append(a);
    }
    return alerts;
}

} // namespace daybreak
