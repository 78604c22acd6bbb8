#include "Metrics.h"

#include "Clock.h"
#include "SlaService.h"
#include "Store.h"

namespace daybreak {

namespace {
// A label value, escaped as the text format wants it.
QString label(const QString &v)
{
    QString out = v;
    out.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    out.replace(QLatin1Char('"'), QStringLiteral("\\\""));
    out.replace(QLatin1Char('\n'), QStringLiteral("\\n"));
    return out;
}

class Text
{
public:
    void family(const char *name, const char *type, const char *help)
    {
        m_out += QStringLiteral("# HELP %1 %2\n# TYPE %1 %3\n")
                     .arg(QLatin1String(name), QLatin1String(help), QLatin1String(type));
    }
    void sample(const char *name, const QString &labels, double value)
    {
        m_out += QLatin1String(name);
        if (!labels.isEmpty())
            m_out += QLatin1Char('{') + labels + QLatin1Char('}');
        m_out += QLatin1Char(' ') + QString::number(value, 'g', 15) + QLatin1Char('\n');
    }
    QByteArray bytes() const { return m_out.toUtf8(); }

private:
    QString m_out;
};
} // namespace

QByteArray Metrics::render(Store &store, const Clock &clock, const Counters &counters,
                           SlaService::LearnedCache *learned)
{
    const StoreSnapshot s = store.snapshot();
    const QDateTime now = clock.now();
    const QDate night = SlaService::currentNight(s.inventory, now);
    SlaService sla(store, clock, QStringLiteral("metrics"));
    sla.setLearnedCache(learned);
    const SlaProjection projection = sla.projectNight(s, night);
    Text t;
    t.family("daybreak_report_deadline_timestamp_seconds", "gauge",
             "The report's deadline tonight, as a Unix time.");
    for (const SlaProjection::Report &r : projection.reports())
        t.sample("daybreak_report_deadline_timestamp_seconds",
                 QStringLiteral("report=\"%1\"").arg(label(r.pipeline)),
                 double(r.deadline.toSecsSinceEpoch()));
    t.family("daybreak_report_projected_margin_seconds", "gauge",
             "Seconds from the projected finish to the deadline (negative: late); absent when "
             "blocked.");
    for (const SlaProjection::Report &r : projection.reports())
        if (r.projectedFinish.isValid())
            t.sample("daybreak_report_projected_margin_seconds",
                     QStringLiteral("report=\"%1\"").arg(label(r.pipeline)),
                     double(r.projectedFinish.secsTo(r.deadline)));
    t.family("daybreak_report_p95_margin_seconds", "gauge",
             "Seconds from the p95 finish to the deadline (negative: late).");
    for (const SlaProjection::Report &r : projection.reports())
        if (r.p95Finish.isValid())
            t.sample("daybreak_report_p95_margin_seconds",
                     QStringLiteral("report=\"%1\"").arg(label(r.pipeline)),
                     double(r.p95Finish.secsTo(r.deadline)));
    t.family("daybreak_report_status", "gauge",
             "1 for the report's status tonight (on_track, at_risk, breached, no_data).");
    for (const SlaProjection::Report &r : projection.reports())
        for (const SlaProjection::Status st :
             {SlaProjection::Status::OnTrack, SlaProjection::Status::AtRisk,
              SlaProjection::Status::Breached, SlaProjection::Status::NoData})
            t.sample("daybreak_report_status",
                     QStringLiteral("report=\"%1\",status=\"%2\"")
                         .arg(label(r.pipeline), slaStatusName(st)),
                     r.status == st ? 1 : 0);

    int open = 0, unacknowledged = 0;
    QList<qint64> ids;
    for (const SlaAlert &a : store.alerts(night)) {
        ids << a.id;
        open += a.isResolved() ? 0 : 1;
        unacknowledged += !a.isResolved() && !a.isAcknowledged() ? 1 : 0;
    }
    t.family("daybreak_alerts_open", "gauge", "Alerts of tonight not resolved.");
    t.sample("daybreak_alerts_open", {}, open);
    t.family("daybreak_alerts_unacknowledged", "gauge",
             "Alerts of tonight neither resolved nor acknowledged.");
    t.sample("daybreak_alerts_unacknowledged", {}, unacknowledged);
    int failing = 0;
    for (const Delivery &d : store.deliveriesOf(ids))
        failing += d.isFailing() ? 1 : 0;
    t.family("daybreak_deliveries_failing", "gauge",
             "Alert deliveries of tonight that failed and are being retried.");
    t.sample("daybreak_deliveries_failing", {}, failing);

    t.family("daybreak_openlineage_events_total", "counter",
             "OpenLineage run events this watch received, by the side they were mapped to.");
    for (const QString &side :
         {QStringLiteral("onprem"), QStringLiteral("cloud"), QStringLiteral("unmapped")})
        t.sample("daybreak_openlineage_events_total", QStringLiteral("side=\"%1\"").arg(side),
                 double(counters.eventsBySide.value(side)));
    t.family("daybreak_openlineage_requests_refused_total", "counter",
             "Requests refused: bad JSON, no or a wrong token, a side the token may not report.");
    t.sample("daybreak_openlineage_requests_refused_total", {}, double(counters.refused));
    t.family("daybreak_openlineage_unmapped_jobs", "gauge",
             "Jobs that reported but matched no mapping (daybreakctl map unmapped).");
    t.sample("daybreak_openlineage_unmapped_jobs", {}, double(store.unmappedJobs().size()));
    t.family("daybreak_watch_last_run_timestamp_seconds", "gauge",
             "When this watch last ran its sensors, as a Unix time.");
    t.sample("daybreak_watch_last_run_timestamp_seconds", {},
             counters.lastRan.isValid() ? double(counters.lastRan.toSecsSinceEpoch()) : 0);
    return t.bytes();
}

} // namespace daybreak
