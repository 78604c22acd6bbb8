// The plan report as HTML: the PDF's source (through QTextDocument) and a self-contained page
// that reads on a phone and prints with the same page breaks.
#include "PlanReport.h"

#include "Calendar.h"
#include "ParityService.h"
#include "SlaService.h"
#include "WaveCalendar.h"

namespace daybreak {

namespace {
QString esc(const QString &s)
{
    return s.toHtmlEscaped();
}
QString id(const QString &s)
{
    return QStringLiteral("<span class='id'>%1</span>").arg(esc(s));
}

// A command as a block that copies and runs as is: one line, or several joined by the shell's
// " \\" continuation at word boundaries (never inside a quoted argument), so no line is wider
// than the page and none is wrapped or clipped. `comment` goes after it as a shell comment.
QString commandBlock(const QString &command, const QString &comment = {})
{
    QStringList words;
    QString word;
    bool quoted = false;
    for (const QChar c : command) {
        if (c == QLatin1Char('\'')) {
            quoted = !quoted;
        } else if (c == QLatin1Char(' ') && !quoted) {
            words << word;
            word.clear();
            continue;
        }
        word += c;
    }
    words << word;
    if (!comment.isEmpty())
        words << QStringLiteral("# ") + comment;
    // The runbook's command column holds about 125 characters of its monospace: only commands
    // with very long store paths or ids continue on a second line.
    constexpr qsizetype kWidth = 118;
    QStringList lines{words.takeFirst()};
    for (const QString &w : std::as_const(words)) {
        if (lines.last().size() + 1 + w.size() > kWidth) {
            lines.last() += QStringLiteral(" \\");
            lines << QStringLiteral("    ") + w;
        } else {
            lines.last() += QLatin1Char(' ') + w;
        }
    }
    return QStringLiteral("<pre class='cmd'>%1</pre>")
        .arg(lines.join(QLatin1Char('\n')).toHtmlEscaped());
}

QString statusClass(SlaProjection::Status s)
{
    return s == SlaProjection::Status::OnTrack  ? QStringLiteral("ok")
           : s == SlaProjection::Status::AtRisk ? QStringLiteral("warn")
                                                : QStringLiteral("bad");
}

QString hhmm(const QDateTime &t)
{
    return t.isValid() ? t.toString(QStringLiteral("HH:mm")) : QStringLiteral("—");
}

// "in 3 h 20 min", "late by 12 min"
QString slackText(const SlaProjection::Report &r)
{
    if (!r.p95Finish.isValid())
        return QStringLiteral("blocked");
    const qint64 minutes = r.p95Finish.secsTo(r.deadline) / 60;
    const qint64 m = std::abs(minutes);
    const QString span = m >= 60 ? QStringLiteral("%1 h %2 min").arg(m / 60).arg(m % 60)
                                 : QStringLiteral("%1 min").arg(m);
    return minutes >= 0 ? span : QStringLiteral("late by %1").arg(span);
}

// Both the page's look and the PDF's: QTextDocument reads the plain rules and skips the @media
// ones, which a browser uses for a phone's width and for printing.
const char *const kStyle =
    "body{font-family:'DejaVu Sans',sans-serif;font-size:9.5pt;color:#111}"
    "h1{font-size:19pt;margin:0 0 4px 0} h2{font-size:14pt;margin:6px 0 4px 0;"
    "border-bottom:1px solid #999} h3{font-size:11pt;margin:8px 0 3px 0}"
    "table{border-collapse:collapse;margin:2px 0 6px 0} td,th{border:1px solid #bbb;padding:2px "
    "5px;"
    "vertical-align:top} th{background-color:#eceff1;text-align:left}"
    ".id,code{font-family:'DejaVu Sans Mono',monospace}"
    // Commands on lines of their own, never wrapped: what is copied is what runs.
    "pre.cmd{font-family:'DejaVu Sans Mono',monospace;font-size:7.5pt;margin:1px 0 1px 0;"
    "white-space:pre}"
    ".small{font-size:7.5pt;color:#37474f} .muted{color:#607d8b}"
    ".big{font-size:17pt;font-weight:bold} .tick{font-size:15pt} table.figure td{border:none}"
    ".page{page-break-before:always}"
    ".bad{color:#b00020} .warn{color:#a05a00} .ok{color:#1b7f3b}"
    ".scroll{overflow-x:auto} img{max-width:100%;height:auto}"
    // On a phone: the figures wrap, a runbook step is a block of its own with each command
    // scrolling sideways, and the wide tables scroll.
    "@media screen and (max-width:760px){body{font-size:11pt;margin:6px} td,th{padding:3px}"
    " pre.cmd{font-size:9pt;overflow-x:auto} table.figures td{display:inline-block;width:30%}"
    " table.runbook,table.runbook tbody,table.runbook tr,table.runbook td{display:block;"
    "width:auto} table.runbook thead{display:none} table.runbook td.tick{text-align:left}"
    " h1{font-size:16pt} h2{font-size:13pt}}"
    "@media print{@page{size:A4 landscape;margin:15mm} tr{page-break-inside:avoid}"
    " thead{display:table-header-group}}";
} // namespace

// The page, section by section, in the order a reader meets them.
class PlanReportHtml
{
public:
    PlanReportHtml(const PlanReport &report, const PlanReport::PictureSource &source)
        : plan(report), m_source(source), inv(report.m_snapshot.inventory), calendar(inv)
    {
    }
    QString page() const;

private:
    QString picture(const QString &name) const;
    QString summary() const;
    QString wavesTable() const;
    QString trouble() const;
    QString tonight() const;
    QString calendarAndGraph() const;
    QString runbook(const PlanReport::WaveFacts &f) const;
    QString completedWaves() const;
    QString appendixNights() const;
    QString appendixBreaches() const;
    QString appendixPipelines() const;
    QString appendixGraphs() const;

    const PlanReport &plan;
    const PlanReport::PictureSource &m_source;
    const Inventory &inv;
    const Calendar calendar;
};

QString PlanReportHtml::page() const
{
    QString h = QStringLiteral("<!DOCTYPE html><html><head><meta charset='utf-8'>"
                               "<meta name='viewport' content='width=device-width, "
                               "initial-scale=1'><title>Daybreak migration plan</title>"
                               "<style>%1</style></head><body>")
                    .arg(QLatin1String(kStyle));
    h += summary() + wavesTable() + trouble() + tonight() + calendarAndGraph();
    // One runbook per wave still to do.
    for (const PlanReport::WaveFacts &f : plan.m_waves)
        if (!f.done)
            h += runbook(f);
    h += completedWaves() + appendixNights() + appendixBreaches() + appendixPipelines() +
         appendixGraphs();
    h += QStringLiteral("</body></html>");
    return h;
}

QString PlanReportHtml::picture(const QString &name) const
{
    for (const PlanReport::Picture &p : plan.m_pictures)
        if (p.name == name)
            return QStringLiteral("<p><img src='%1' width='%2' alt='%3'></p>")
                .arg(m_source(name))
                .arg(p.width)
                .arg(esc(p.caption));
    return {};
}

// The first page: what is left to move, and what stands in the way.
QString PlanReportHtml::summary() const
{
    QString h;
    const auto [toMove, inCloud, highRisk] = plan.moves();
    h += QStringLiteral("<h1>Migration plan</h1><p>Daybreak report of the on-prem to cloud "
                        "migration of %1 nightly pipelines.</p>")
             .arg(inv.size());
    h += QStringLiteral("<p class='small'>Store %1 · made %2 · Version: %3 · time zone %4 · "
                        "change window %5</p>")
             .arg(id(plan.m_options.storeLocation),
                  calendar.format(plan.m_options.generatedAt, QStringLiteral("yyyy-MM-dd HH:mm t")),
                  plan.versionText(), esc(inv.timezone), esc(inv.changeWindow.describe()));
    const QStringList notPlanned = plan.unplanned();
    const int openBreaches = int(plan.m_breaches.size());
    auto figure = [](const QString &value, const QString &label, const QString &cls = {}) {
        return QStringLiteral("<td width='16%'><span class='big %3'>%1</span><br>%2</td>")
            .arg(value, label, cls);
    };
    h += QStringLiteral("<table width='100%' class='figures'><tr>%1%2%3%4%5%6</tr></table>")
             .arg(figure(QString::number(plan.weekendsNeeded()), QStringLiteral("weekends needed")),
                  figure(QString::number(toMove),
                         QStringLiteral("pipelines to move (%1 in the cloud)").arg(inCloud)),
                  figure(QString::number(highRisk), QStringLiteral("high-risk still to move"),
                         highRisk > 0 ? QStringLiteral("warn") : QString()),
                  figure(QString::number(notPlanned.size()), QStringLiteral("not in any wave"),
                         notPlanned.isEmpty() ? QString() : QStringLiteral("warn")),
                  figure(QString::number(openBreaches), QStringLiteral("open parity breaches"),
                         openBreaches > 0 ? QStringLiteral("bad") : QStringLiteral("ok")),
                  figure(QString::number(plan.m_held.size()), QStringLiteral("held cutovers"),
                         plan.m_held.isEmpty() ? QStringLiteral("ok") : QStringLiteral("bad")));

    return h;
}

QString PlanReportHtml::wavesTable() const
{
    QString h;
    h += QStringLiteral("<h3>Waves</h3><div class='scroll'><table width='100%'><thead><tr>"
                        "<th>Wave</th><th>Weekend</th><th>Pipelines</th><th>High-risk</th>"
                        "<th>Plan check</th><th>The 6am after</th><th>In the cloud after</th>"
                        "</tr></thead>");
    constexpr int kSummaryWaves = 14;
    int shown = 0;
    for (const PlanReport::WaveFacts &f : plan.m_waves) {
        if (++shown > kSummaryWaves)
            break;
        int errors = 0, warnings = 0;
        for (const PlanFinding &x : f.findings)
            ++(x.error ? errors : warnings);
        const QString check =
            f.done ? QStringLiteral("<span class='ok'>done</span>")
            : errors + warnings == 0
                ? QStringLiteral("<span class='ok'>valid</span>")
                : QStringLiteral("<span class='%1'>%2 error(s), %3 warning(s)</span>")
                      .arg(errors > 0 ? QStringLiteral("bad") : QStringLiteral("warn"))
                      .arg(errors)
                      .arg(warnings);
        const QString night =
            f.night.reports().isEmpty() ? QStringLiteral("no report with a deadline")
            : f.atRisk.isEmpty() ? QStringLiteral("<span class='ok'>%1 report(s) on track</span>")
                                       .arg(f.night.reports().size())
                                 : QStringLiteral("<span class='warn'>at risk: %1</span>")
                                       .arg(esc(f.atRisk.join(QStringLiteral(", "))));
        h += QStringLiteral("<tr><td>%1</td><td>%2</td><td align='right'>%3 of %4</td>"
                            "<td align='right'>%5</td><td>%6</td><td>%7</td>"
                            "<td align='right'>%8 of %9</td></tr>")
                 .arg(esc(f.wave.name), f.wave.date.toString(QStringLiteral("ddd yyyy-MM-dd")))
                 .arg(f.wave.members.size())
                 .arg(f.wave.capacity)
                 .arg(f.highRisk)
                 .arg(check, night)
                 .arg(f.cloudAfter)
                 .arg(inv.size());
    }
    h += QStringLiteral("</table></div>");
    if (plan.m_waves.size() > kSummaryWaves)
        h += QStringLiteral("<p class='small'>… and %1 more waves in the calendar.</p>")
                 .arg(plan.m_waves.size() - kSummaryWaves);

    return h;
}

QString PlanReportHtml::trouble() const
{
    QString h;
    QStringList trouble;
    for (const PlanReport::Breach &b : plan.m_breaches)
        trouble << QStringLiteral("<span class='bad'>%1</span> (%2): parity breach on %3, %4")
                       .arg(id(b.pipeline), stateName(b.state), b.night.toString(Qt::ISODate),
                            b.rollbackRecommended ? QStringLiteral("roll back recommended")
                                                  : QStringLiteral("cutover held"));
    for (const QString &held : plan.m_held)
        trouble << QStringLiteral("<span class='warn'>held</span> %1").arg(esc(held));
    if (!trouble.isEmpty()) {
        constexpr qsizetype kShown = 5;
        h += QStringLiteral("<h3>Open breaches and held cutovers</h3><p class='small'>%1%2</p>")
                 .arg(trouble.mid(0, kShown).join(QStringLiteral("<br>")),
                      trouble.size() > kShown ? QStringLiteral("<br>… and %1 more in the appendix.")
                                                    .arg(trouble.size() - kShown)
                                              : QString());
    }

    return h;
}

QString PlanReportHtml::tonight() const
{
    QString h;
    const QList<SlaProjection::Report> tight = plan.tightestTonight(3);
    h += QStringLiteral("<h3>%1</h3>").arg(esc(plan.tonightHeading()));
    if (tight.isEmpty()) {
        h += QStringLiteral("<p>No pipeline has a deadline.</p>");
    } else {
        h += QStringLiteral(
            "<div class='scroll'><table width='100%'><thead><tr><th>Report</th><th>Deadline</th>"
            "<th>p95 finish</th><th>Slack</th><th>Critical path</th></tr>"
            "</thead>");
        for (const SlaProjection::Report &r : tight)
            h +=
                QStringLiteral("<tr><td>%1</td><td>%2</td><td class='%3'>%4</td><td "
                               "class='%3'>%5</td><td class='small'>%6</td></tr>")
                    .arg(id(r.pipeline), hhmm(r.deadline), statusClass(r.status), hhmm(r.p95Finish),
                         slackText(r), esc(r.criticalPath.join(QStringLiteral(" → "))));
        h += QStringLiteral("</table></div>");
    }

    return h;
}

QString PlanReportHtml::calendarAndGraph() const
{
    QString h;
    h += QStringLiteral("<h2 class='page'>The waves over the coming weekends</h2>");
    for (const PlanReport::Picture &p : plan.m_pictures)
        if (p.name.startsWith(QStringLiteral("calendar-")))
            h += picture(p.name);
    h += QStringLiteral("<h3>Pipelines by state</h3>") + picture(QStringLiteral("progress"));
    h += QStringLiteral(
             "<h2 class='page'>Dependency graph</h2><p class='small'>Filled by state: grey "
             "on-prem, amber dual-run, blue cloud, dark blue decommissioned. Dashed orange "
             "edges are cross-side reads; dashed nodes stay on-prem.%1</p>")
             .arg(plan.m_wholeGraphReads
                      ? QString()
                      : QStringLiteral(" The whole graph is too large to read on a page: each "
                                       "group is one box here, and Appendix D draws each "
                                       "wave with its neighbourhood."));
    h += picture(QStringLiteral("graph"));

    return h;
}

QString PlanReportHtml::runbook(const PlanReport::WaveFacts &f) const
{
    QString h;
    const Wave &w = f.wave;
    h += QStringLiteral("<h2 class='page'>%1 — %2</h2>")
             .arg(esc(w.name), w.date.toString(QStringLiteral("dddd yyyy-MM-dd")));
    const bool passed = w.windowEnd < plan.m_options.generatedAt;
    h += QStringLiteral("<p>Window %1 to %2 (%3) · %4 of %5 pipelines · %6 high-risk (at "
                        "most %7) · the 6am after: %8%9</p>")
             .arg(w.windowStart.toString(QStringLiteral("ddd yyyy-MM-dd HH:mm")),
                  w.windowEnd.toString(QStringLiteral("ddd HH:mm")), esc(inv.timezone))
             .arg(w.members.size())
             .arg(w.capacity)
             .arg(f.highRisk)
             .arg(w.maxHighRisk)
             .arg(f.atRisk.isEmpty()
                      ? QStringLiteral("<span class='ok'>every report on track</span>")
                      : QStringLiteral("<span class='warn'>at risk: %1</span>")
                            .arg(esc(f.atRisk.join(QStringLiteral(", ")))),
                  (passed ? QStringLiteral(" · <span class='bad'>the window has passed "
                                           "with members not cut over</span>")
                          : QString()) +
                      (f.picture.isEmpty() ? QString()
                                           : QStringLiteral(" · in the graph: Appendix D")));
    if (!f.findings.isEmpty()) {
        h += QStringLiteral("<p class='small'>");
        for (const PlanFinding &x : f.findings)
            h += QStringLiteral("<span class='%1'>%2</span> %3<br>")
                     .arg(x.error ? QStringLiteral("bad") : QStringLiteral("warn"),
                          x.error ? QStringLiteral("error:") : QStringLiteral("warning:"),
                          esc(x.reason.text));
        h += QStringLiteral("</p>");
    }
    h += QStringLiteral("<table width='100%' class='runbook'><thead><tr><th "
                        "width='4%'>Done</th><th>Runbook — "
                        "%1 <span class='small'>· top to bottom · the first command of each "
                        "step changes nothing (exit 0: it would go; 4: refused, with every "
                        "reason) · tick when the route says cloud · outside the window a "
                        "rollback needs <code>--break-glass</code></span></th><th "
                        "width='9%'>By, at</th></tr></thead>")
             .arg(esc(w.name));
    int n = 0;
    for (const QString &pid : f.order) {
        const Pipeline *p = inv.find(pid);
        const bool cut = canonicalSide(plan.m_snapshot.stateOf(pid)) == Side::Cloud;
        h += QStringLiteral("<tr><td align='center' class='tick'>%1</td><td><b>%2. %3 — %4</b>"
                            " <span class='small'>· %5</span>%6%7%8</td><td>%9</td></tr>")
                 .arg(cut ? QStringLiteral("☑") : QStringLiteral("☐"))
                 .arg(++n)
                 .arg(id(pid), esc(p->name), esc(plan.precheckText(pid, f)),
                      commandBlock(plan.cutoverCommand(pid, w.name) + QStringLiteral(" --dry-run"),
                                   QStringLiteral("pre-check")),
                      commandBlock(plan.cutoverCommand(pid, w.name)),
                      commandBlock(plan.rollbackCommand(pid), QStringLiteral("if it goes wrong")),
                      cut ? esc(stateName(plan.m_snapshot.stateOf(pid))) : QString());
    }
    h += QStringLiteral("</table>");
    return h;
}

// The waves already done: what to roll back if a problem shows later.
QString PlanReportHtml::completedWaves() const
{
    QString h;
    bool anyDone = false;
    for (const PlanReport::WaveFacts &f : plan.m_waves) {
        if (!f.done)
            continue;
        if (!anyDone)
            h += QStringLiteral("<h2 class='page'>Completed waves</h2><p class='small'>Every "
                                "member is in the cloud. Outside the window a rollback needs "
                                "<code>--break-glass</code>.</p>");
        anyDone = true;
        h += QStringLiteral(
                 "<h3>%1 — %2 (done)</h3><div class='scroll'><table width='100%'><thead><tr><th "
                 "width='3%'>#</th><th>Pipeline</th><th>Owner</th><th>State</th>"
                 "<th>Roll back</th></tr></thead>")
                 .arg(esc(f.wave.name), f.wave.date.toString(QStringLiteral("dddd yyyy-MM-dd")));
        int n = 0;
        for (const QString &pid : f.order)
            h += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td><td>%5</td>"
                                "</tr>")
                     .arg(++n)
                     .arg(id(pid), esc(inv.find(pid)->owner),
                          stateName(plan.m_snapshot.stateOf(pid)),
                          commandBlock(plan.rollbackCommand(pid)));
        h += QStringLiteral("</table></div>");
    }

    return h;
}

QString PlanReportHtml::appendixNights() const
{
    QString h;
    h += QStringLiteral("<h2 class='page'>Appendix A. The 6am reports the night after each "
                        "wave</h2><p class='small'>The p95 finish of each report the morning "
                        "after each wave still to do, everything planned by then in the cloud; "
                        "green on track, amber at risk, red late.</p>");
    QList<const PlanReport::WaveFacts *> ahead;
    for (const PlanReport::WaveFacts &f : plan.m_waves)
        if (!f.done)
            ahead << &f;
    constexpr qsizetype kColumns = 5;
    for (qsizetype start = 0; start < std::max<qsizetype>(1, ahead.size()); start += kColumns) {
        const QList<const PlanReport::WaveFacts *> part = ahead.mid(start, kColumns);
        h += QStringLiteral(
            "<div class='scroll'><table width='100%'><thead><tr><th>Report</th><th>Deadline</th>"
            "<th>Tonight</th>");
        for (const PlanReport::WaveFacts *f : part)
            h += QStringLiteral("<th>%1<br><span class='small'>%2</span></th>")
                     .arg(esc(f->wave.name),
                          f->night.businessDate().toString(QStringLiteral("ddd dd MMM")));
        h += QStringLiteral("</tr></thead>");
        for (const SlaProjection::Report &r : plan.m_tonight.reports()) {
            h += QStringLiteral("<tr><td>%1</td><td>%2</td><td class='%3'>%4</td>")
                     .arg(id(r.pipeline), hhmm(r.deadline), statusClass(r.status),
                          hhmm(r.p95Finish));
            for (const PlanReport::WaveFacts *f : part)
                for (const SlaProjection::Report &after : f->night.reports())
                    if (after.pipeline == r.pipeline)
                        h += QStringLiteral("<td class='%1'>%2</td>")
                                 .arg(statusClass(after.status), hhmm(after.p95Finish));
            h += QStringLiteral("</tr>");
        }
        h += QStringLiteral("</table></div>");
    }
    QStringList paths;
    for (const PlanReport::WaveFacts *f : std::as_const(ahead))
        for (const SlaProjection::Report &r : f->night.reports())
            if (r.status != SlaProjection::Status::OnTrack)
                paths << QStringLiteral("After %1: %2 %3 (p95 %4, due %5) through %6")
                             .arg(esc(f->wave.name), id(r.pipeline), slaStatusName(r.status),
                                  hhmm(r.p95Finish), hhmm(r.deadline),
                                  esc(r.criticalPath.join(QStringLiteral(" → "))));
    if (!paths.isEmpty())
        h += QStringLiteral("<p class='small'>%1</p>").arg(paths.join(QStringLiteral("<br>")));

    return h;
}

QString PlanReportHtml::appendixBreaches() const
{
    QString h;
    h += QStringLiteral("<h2>Appendix B. Open parity breaches and rollback recommendations</h2>");
    h += QStringLiteral("<p class='small'>Parity evidence of the last 28 nights: %1 comparisons "
                        "measured by Daybreak inside both warehouses, %2 imported.</p>")
             .arg(plan.m_evidence.measured)
             .arg(plan.m_evidence.imported);
    if (plan.m_breaches.isEmpty()) {
        h += QStringLiteral("<p class='ok'>None.</p>");
    } else {
        h += QStringLiteral(
            "<div class='scroll'><table width='100%'><thead><tr><th>Pipeline</th><th>State</th>"
            "<th>Night</th><th>Difference</th><th>Measured</th><th>Advice</th></tr></thead>");
        for (const PlanReport::Breach &b : plan.m_breaches)
            h += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td align='right'>%4%</td>"
                                "<td>%6</td><td class='bad'>%5</td></tr>")
                     .arg(id(b.pipeline), stateName(b.state), b.night.toString(Qt::ISODate))
                     .arg(b.difference * 100, 0, 'g', 3)
                     .arg(b.rollbackRecommended ? QStringLiteral("roll back recommended")
                                                : QStringLiteral("cutover held"),
                          b.measured ? QStringLiteral("by Daybreak") : QStringLiteral("imported"));
        h += QStringLiteral("</table></div>");
    }
    if (!plan.m_held.isEmpty())
        h += QStringLiteral("<h3>Held cutovers</h3><p class='small'>%1</p>")
                 .arg(esc(plan.m_held.join(QLatin1Char('\n')))
                          .replace(QLatin1Char('\n'), QStringLiteral("<br>")));

    return h;
}

QString PlanReportHtml::appendixPipelines() const
{
    QString h;
    h += QStringLiteral(
        "<h2 class='page'>Appendix C. Every pipeline</h2>"
        "<div class='scroll'><table width='100%'><thead><tr><th>Pipeline</th><th>Name</th><th>Owner"
        "</th><th>Risk</th><th>State</th><th>Wave</th><th>Parity gate</th>"
        "</tr></thead>");
    for (const Pipeline &p : inv.pipelines()) {
        const ParityService::PipelineParity parity =
            ParityService::evaluate(plan.m_snapshot, p.id, plan.m_today);
        const QString wave = plan.m_snapshot.plan.waveOf(p.id);
        h += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td><td>%5</td>"
                            "<td>%6</td><td>%7 (%8 clean, %9 needed)</td></tr>")
                 .arg(id(p.id), esc(p.name), esc(p.owner), riskName(p.risk),
                      stateName(plan.m_snapshot.stateOf(p.id)),
                      p.staysOnPrem()  ? QStringLiteral("stays on-prem")
                      : wave.isEmpty() ? QStringLiteral("—")
                                       : esc(wave),
                      gateStatusName(parity.gate.status))
                 .arg(parity.gate.cleanRuns)
                 .arg(parity.gate.runsRequired);
    }
    h += QStringLiteral("</table></div>");

    return h;
}

QString PlanReportHtml::appendixGraphs() const
{
    QString h;
    // Each wave's neighbourhood with its heading in one borderless cell: they move to a new
    // page together.
    bool first = true;
    for (const PlanReport::WaveFacts &f : plan.m_waves) {
        if (f.picture.isEmpty())
            continue;
        h += QStringLiteral("<table width='100%' class='figure%1'><tr><td style='border:none'>"
                            "%2<h3>%3 in the graph</h3><p class='small'>Its members outlined; "
                            "around them what they read and what reads them, filled by "
                            "state.</p>%4</td></tr></table>")
                 .arg(first ? QStringLiteral(" page") : QString(),
                      first ? QStringLiteral("<h2>Appendix D. Each wave in the graph</h2>")
                            : QString(),
                      esc(f.wave.name), picture(f.picture));
        first = false;
    }
    return h;
}

QString PlanReport::html(const PictureSource &source) const
{
    return PlanReportHtml(*this, source).page();
}

} // namespace daybreak
