#include "PipelineDetailsPanel.h"

#include "Calendar.h"
#include "LastDiffHtml.h"
#include "LocalText.h"
#include "ParityService.h"
#include "SideColors.h"

namespace daybreak {

namespace {
QString esc(const QString &s)
{
    return s.toHtmlEscaped();
}
QString row(const QString &label, const QString &value)
{
    return QStringLiteral("<tr><td style='color:#555;padding-right:10px'>%1</td><td>%2</td></tr>")
        .arg(label, value);
}
QString links(const QStringList &ids)
{
    if (ids.isEmpty())
        return QStringLiteral("—");
    QStringList out;
    for (const QString &id : ids)
        out << QStringLiteral("<a href='pipeline:%1'>%1</a>").arg(esc(id));
    return out.join(QStringLiteral(", "));
}
} // namespace

PipelineDetailsPanel::PipelineDetailsPanel(QWidget *parent) : QTextBrowser(parent)
{
    setObjectName(QStringLiteral("detailsPanel"));
    setAccessibleName(tr("Details of the selected pipeline"));
    setOpenLinks(false);
    showNothing();
}

void PipelineDetailsPanel::showNothing()
{
    m_id.clear();
    setHtml(tr("<p style='color:#666'>Select a pipeline in the graph or the table to see its "
               "details.</p>"));
}

void PipelineDetailsPanel::showPipeline(const StoreSnapshot &s, const QString &id,
                                        const QList<AuditEntry> &recentAudit, const QDate &today,
                                        const QString &learned,
                                        const std::optional<MeasuredParity> &lastDiff,
                                        const QString &readers)
{
    const Pipeline *p = s.inventory.find(id);
    if (!p) {
        showNothing();
        return;
    }
    m_id = id;
    const ParityService::PipelineParity parity = ParityService::evaluate(s, id, today);
    setHtml(headerHtml(s, *p, parity) + factsHtml(s, *p, learned, readers) +
            parityHtml(s, *p, parity, lastDiff) + recentHtml(Calendar(s.inventory), recentAudit));
}

// The name, the state badge and the canonical side; a rollback recommendation.
QString PipelineDetailsPanel::headerHtml(const StoreSnapshot &s, const Pipeline &pipeline,
                                         const ParityService::PipelineParity &parity) const
{
    const Pipeline *p = &pipeline;
    const QString &id = p->id;
    const RoutingPointer r = s.routing.value(id);
    const QColor fill = SideColors::forState(r.state);
    QString html =
        QStringLiteral("<h3 style='margin-bottom:2px'>%1</h3><div style='color:#444'>%2</div>")
            .arg(esc(p->name), esc(id));
    html +=
        QStringLiteral("<p><span style='background:%1;color:%2;padding:2px'>&nbsp;%3&nbsp;</span> "
                       "canonical <b>%4</b>%5</p>")
            .arg(fill.name(), SideColors::textOn(r.state).name(), stateName(r.state),
                 sideName(r.canonical()), p->staysOnPrem() ? tr(" · stays on-prem") : QString());
    if (parity.rollbackRecommended)
        html += tr("<p style='color:#b00020'><b>Rollback recommended:</b> a parity breach is open "
                   "since the cutover.</p>");
    return html;
}

// Owner, risk, schedule, durations, readers, links, wave and pointer.
QString PipelineDetailsPanel::factsHtml(const StoreSnapshot &s, const Pipeline &pipeline,
                                        const QString &learned, const QString &readers) const
{
    const Pipeline *p = &pipeline;
    const QString &id = p->id;
    const Calendar calendar(s.inventory);
    const RoutingPointer r = s.routing.value(id);
    QString html;
    html += QStringLiteral("<table>");
    html += row(tr("Owner"), esc(p->owner));
    html += row(tr("Risk"), riskName(p->risk));
    html += row(tr("Schedule"), p->schedule ? clockTime(*p->schedule) : tr("after its upstreams"));
    if (p->sla)
        html += row(tr("SLA"), clockTime(*p->sla));
    html +=
        row(tr("Duration"),
            tr("on-prem %1 min%2 · cloud %3 min%4 (inventory)")
                .arg(p->onpremMinutes)
                .arg(p->onpremP95Minutes ? tr(" (p95 %1)").arg(*p->onpremP95Minutes) : QString())
                .arg(p->cloudMinutes)
                .arg(p->cloudP95Minutes ? tr(" (p95 %1)").arg(*p->cloudP95Minutes) : QString()));
    if (!learned.isEmpty())
        html += row(tr("Learned"), learned.toHtmlEscaped());
    // Who has seen the pointer's current version (read receipts): a flip is complete on the
    // ground once every reader of the last day has.
    if (!readers.isEmpty())
        html += row(tr("Readers"), readers.toHtmlEscaped());
    html += row(tr("Upstreams"), links(p->upstreams));
    html += row(tr("Downstreams"), links(s.inventory.downstreamsOf(id)));
    html +=
        row(tr("Wave"), s.plan.waveOf(id).isEmpty() ? tr("not planned") : esc(s.plan.waveOf(id)));
    html += row(tr("Pointer"),
                tr("version %1, changed %2")
                    .arg(r.version)
                    .arg(calendar.format(r.updatedAt, QStringLiteral("yyyy-MM-dd HH:mm t"))));
    html += QStringLiteral("</table>");

    return html;
}

// The gate, the last eight comparisons and the last diff Daybreak measured.
QString PipelineDetailsPanel::parityHtml(const StoreSnapshot &s, const Pipeline &pipeline,
                                         const ParityService::PipelineParity &parity,
                                         const std::optional<MeasuredParity> &lastDiff) const
{
    const Pipeline *p = &pipeline;
    const QString &id = p->id;
    QString html;
    html += tr("<h4>Parity gate: %1 (%2 clean in a row, %3 needed)</h4>")
                .arg(gateStatusName(parity.gate.status))
                .arg(parity.gate.cleanRuns)
                .arg(parity.gate.runsRequired);
    QList<ParityResult> results = s.parity.value(id);
    std::sort(results.begin(), results.end(), [](const ParityResult &a, const ParityResult &b) {
        return a.businessDate > b.businessDate;
    });
    if (results.isEmpty()) {
        html += tr("<p style='color:#666'>No dual-run comparisons yet.</p>");
    } else {
        html += tr("<table cellspacing='0' cellpadding='2'><tr><th align='left'>Date</th><th "
                   "align='right'>On-prem rows</th>"
                   "<th align='right'>Cloud rows</th><th align='right'>Diff</th><th></th>"
                   "<th></th></tr>");
        for (int i = 0; i < std::min<qsizetype>(results.size(), 8); ++i) {
            const ParityResult &res = results.at(i);
            const bool ok = res.isWithin(p->parityTolerance);
            html += QStringLiteral("<tr><td>%1</td><td align='right'>%2</td><td "
                                   "align='right'>%3</td><td align='right'>%4%</td>"
                                   "<td style='color:%5'>%6</td><td>%7</td></tr>")
                        .arg(res.businessDate.toString(Qt::ISODate))
                        .arg(res.onpremRows)
                        .arg(res.cloudRows)
                        .arg(res.worstRelativeDiff() * 100, 0, 'g', 3)
                        .arg(ok ? QStringLiteral("#1b7f3b") : QStringLiteral("#c01c28"))
                        .arg(ok                 ? tr("ok")
                             : res.isResolved() ? resolutionName(res.resolution)
                                                : tr("BREACH"))
                        .arg(res.measured ? QStringLiteral("&#9679;") : QString());
        }
        html += tr("</table><p style='color:#666'>&#9679; measured by Daybreak inside both "
                   "warehouses; the others were imported.</p>");
    }
    if (lastDiff) {
        const ParityResult *night = nullptr;
        for (const ParityResult &res : std::as_const(results))
            if (res.businessDate == lastDiff->businessDate)
                night = &res;
        html += lastDiffHtml(*lastDiff, night);
    }
    return html;
}

// The last six audit rows, newest first.
QString PipelineDetailsPanel::recentHtml(const Calendar &calendar,
                                         const QList<AuditEntry> &recentAudit) const
{
    QString html;
    html += tr("<h4>Recent changes</h4>");
    if (recentAudit.isEmpty())
        html += tr("<p style='color:#666'>None.</p>");
    for (int i = int(recentAudit.size()) - 1; i >= std::max(0, int(recentAudit.size()) - 6); --i) {
        const AuditEntry &a = recentAudit.at(i);
        html +=
            QStringLiteral("<div>%1 <b>%2</b> %3 %4%5%6</div>")
                .arg(calendar.format(a.at, QStringLiteral("MM-dd HH:mm")), esc(a.action),
                     // The database user is what the server saw; the actor is what the client said.
                     a.dbUser.isEmpty() || a.dbUser == a.actor
                         ? esc(a.actor)
                         : tr("%1 (db %2)").arg(esc(a.actor), esc(a.dbUser)),
                     a.from.isEmpty() && a.to.isEmpty()
                         ? QString()
                         : esc(a.from) + QStringLiteral(" → ") + esc(a.to),
                     a.breakGlass ? tr(" <span style='color:#b00020'>[break-glass]</span>")
                                  : QString(),
                     a.reason.isEmpty() ? QString()
                                        : QStringLiteral(" — <i>%1</i>").arg(esc(a.reason)));
    }
    return html;
}

} // namespace daybreak
