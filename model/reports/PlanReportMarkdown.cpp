// The plan report as Markdown for a wiki (GitHub, GitLab and the like): the same sections as the
// HTML, tables as pipe tables, the runbook as task lists with the commands in shell blocks.
#include "PlanReport.h"

#include "Calendar.h"
#include "ParityService.h"

namespace daybreak {

namespace {
// A table cell: pipes escaped, no line breaks.
QString cell(QString s)
{
    s.replace(QLatin1Char('|'), QStringLiteral("\\|"));
    s.replace(QLatin1Char('\n'), QLatin1Char(' '));
    return s;
}
QString hhmm(const QDateTime &t)
{
    return t.isValid() ? t.toString(QStringLiteral("HH:mm")) : QStringLiteral("—");
}
QString mark(SlaProjection::Status s)
{
    return s == SlaProjection::Status::OnTrack  ? QString()
           : s == SlaProjection::Status::AtRisk ? QStringLiteral(" ⚠")
                                                : QStringLiteral(" ✖");
}
} // namespace

// The document, section by section, in the HTML's order.
class PlanReportMarkdown
{
public:
    PlanReportMarkdown(const PlanReport &report, const PlanReport::PictureSource &source)
        : plan(report), m_source(source), inv(report.m_snapshot.inventory)
    {
    }
    QString document() const;

private:
    QString picture(const QString &name) const;
    QString heading() const;
    QString summary() const;
    QString tonight() const;
    QString pictures() const;
    QString wave(const PlanReport::WaveFacts &f) const;
    QString appendixNights() const;
    QString appendixBreaches() const;
    QString appendixPipelines() const;

    const PlanReport &plan;
    const PlanReport::PictureSource &m_source;
    const Inventory &inv;
};

QString PlanReportMarkdown::document() const
{
    QString m = heading() + summary() + tonight() + pictures();
    for (const PlanReport::WaveFacts &f : plan.m_waves)
        m += wave(f);
    return m + appendixNights() + appendixBreaches() + appendixPipelines();
}

QString PlanReportMarkdown::picture(const QString &name) const
{
    for (const PlanReport::Picture &p : plan.m_pictures)
        if (p.name == name)
            return QStringLiteral("![%1](%2)\n\n").arg(p.caption, m_source(name));
    return {};
}

QString PlanReportMarkdown::heading() const
{
    QString m;
    m += QStringLiteral("# Migration plan\n\nDaybreak report of the on-prem to cloud migration of "
                        "%1 nightly pipelines.\n\n")
             .arg(inv.size());
    m += QStringLiteral("- Store: `%1`\n- Time zone: %2\n- Change window: %3\n- Generated: %4\n"
                        "- Version: %5\n\n")
             .arg(plan.m_options.storeLocation, inv.timezone, inv.changeWindow.describe(),
                  Calendar(inv).format(plan.m_options.generatedAt,
                                       QStringLiteral("yyyy-MM-dd HH:mm t")),
                  plan.versionText());

    return m;
}

QString PlanReportMarkdown::summary() const
{
    QString m;
    const auto [toMove, inCloud, highRisk] = plan.moves();
    m += QStringLiteral("## Summary\n\n| Weekends needed | Pipelines to move | High-risk to move | "
                        "Not in any wave | Open parity breaches | Held cutovers |\n"
                        "|---:|---:|---:|---:|---:|---:|\n| %1 | %2 (%3 in the cloud) | %4 | %5 | "
                        "%6 | %7 |\n\n")
             .arg(plan.weekendsNeeded())
             .arg(toMove)
             .arg(inCloud)
             .arg(highRisk)
             .arg(plan.unplanned().size())
             .arg(plan.m_breaches.size())
             .arg(plan.m_held.size());
    m +=
        QStringLiteral("| Wave | Weekend | Pipelines | High-risk | Plan check | The 6am after | In "
                       "the cloud after |\n|---|---|---:|---:|---|---|---:|\n");
    for (const PlanReport::WaveFacts &f : plan.m_waves) {
        int errors = 0, warnings = 0;
        for (const PlanFinding &x : f.findings)
            ++(x.error ? errors : warnings);
        m += QStringLiteral("| %1 | %2 | %3 of %4 | %5 | %6 | %7 | %8 of %9 |\n")
                 .arg(cell(f.wave.name), f.wave.date.toString(QStringLiteral("ddd yyyy-MM-dd")))
                 .arg(f.wave.members.size())
                 .arg(f.wave.capacity)
                 .arg(f.highRisk)
                 .arg(f.done ? QStringLiteral("done")
                      : errors + warnings == 0
                          ? QStringLiteral("valid")
                          : QStringLiteral("%1 error(s), %2 warning(s)").arg(errors).arg(warnings),
                      f.night.reports().isEmpty() ? QStringLiteral("no report with a deadline")
                      : f.atRisk.isEmpty()
                          ? QStringLiteral("%1 report(s) on track").arg(f.night.reports().size())
                          : QStringLiteral("at risk: %1")
                                .arg(cell(f.atRisk.join(QStringLiteral(", ")))))
                 .arg(f.cloudAfter)
                 .arg(inv.size());
    }
    m += QLatin1Char('\n');
    return m;
}

QString PlanReportMarkdown::tonight() const
{
    QString m;
    for (const QString &held : plan.m_held)
        m += QStringLiteral("- Held: %1\n").arg(held);
    const QList<SlaProjection::Report> tight = plan.tightestTonight(3);
    m += QStringLiteral("\n### %1\n\n").arg(plan.tonightHeading());
    if (tight.isEmpty())
        m += QStringLiteral("No pipeline has a deadline.\n\n");
    else
        m += QStringLiteral("| Report | Deadline | p95 finish | Critical path |\n|---|---|---|---|"
                            "\n");
    for (const SlaProjection::Report &r : tight)
        m += QStringLiteral("| `%1` | %2 | %3%4 | %5 |\n")
                 .arg(r.pipeline, hhmm(r.deadline), hhmm(r.p95Finish), mark(r.status),
                      cell(r.criticalPath.join(QStringLiteral(" → "))));
    return m;
}

QString PlanReportMarkdown::pictures() const
{
    QString m;
    m += QStringLiteral("\n## The waves over the coming weekends\n\n");
    for (const PlanReport::Picture &p : plan.m_pictures)
        if (p.name.startsWith(QStringLiteral("calendar-")))
            m += picture(p.name);
    m += picture(QStringLiteral("progress"));
    m += QStringLiteral("## Dependency graph\n\n") + picture(QStringLiteral("graph"));

    return m;
}

// A wave: its facts, then its runbook (or, done, how to roll each member back).
QString PlanReportMarkdown::wave(const PlanReport::WaveFacts &f) const
{
    QString m;
    const Wave &w = f.wave;
    m += QStringLiteral("## %1 — %2%3\n\n")
             .arg(w.name, w.date.toString(QStringLiteral("dddd yyyy-MM-dd")),
                  f.done ? QStringLiteral(" (done)") : QString());
    m += QStringLiteral("Window %1 to %2 · %3 of %4 pipelines · %5 high-risk (at most %6) · "
                        "the 6am after: %7\n\n")
             .arg(w.windowStart.toString(QStringLiteral("ddd HH:mm")),
                  w.windowEnd.toString(QStringLiteral("ddd HH:mm")))
             .arg(w.members.size())
             .arg(w.capacity)
             .arg(f.highRisk)
             .arg(w.maxHighRisk)
             .arg(f.atRisk.isEmpty()
                      ? QStringLiteral("every report on track")
                      : QStringLiteral("at risk: %1").arg(f.atRisk.join(QStringLiteral(", "))));
    for (const PlanFinding &x : f.findings)
        m += QStringLiteral("- %1: %2\n")
                 .arg(x.error ? QStringLiteral("error") : QStringLiteral("warning"), x.reason.text);
    if (!f.findings.isEmpty())
        m += QLatin1Char('\n');
    if (!f.done)
        m += QStringLiteral("### Runbook — %1\n\nTop to bottom; the first command of each "
                            "step changes nothing (exit 0: it would go; 4: refused, with "
                            "every reason).\n\n")
                 .arg(w.name);
    int n = 0;
    for (const QString &pid : f.order) {
        const bool cut = canonicalSide(plan.m_snapshot.stateOf(pid)) == Side::Cloud;
        if (f.done) {
            m += QStringLiteral("%1. `%2` (%3): `%4`\n")
                     .arg(++n)
                     .arg(pid, stateName(plan.m_snapshot.stateOf(pid)), plan.rollbackCommand(pid));
            continue;
        }
        m += QStringLiteral("- [%1] **%2. %3** — %4  \n  %5\n\n  ```sh\n  %6 --dry-run  # "
                            "pre-check\n  %6\n  %7  # if it goes wrong\n  ```\n\n")
                 .arg(cut ? QStringLiteral("x") : QStringLiteral(" "))
                 .arg(++n)
                 .arg(pid, inv.find(pid)->name, plan.precheckText(pid, f),
                      plan.cutoverCommand(pid, w.name), plan.rollbackCommand(pid));
    }
    if (!f.picture.isEmpty())
        m += picture(f.picture);
    m += QLatin1Char('\n');
    return m;
}

QString PlanReportMarkdown::appendixNights() const
{
    QString m;
    m += QStringLiteral("## Appendix A. The 6am reports the night after each wave\n\n"
                        "p95 finish (⚠ at risk, ✖ late).\n\n| Report | Deadline | Tonight |");
    QList<const PlanReport::WaveFacts *> ahead;
    for (const PlanReport::WaveFacts &f : plan.m_waves)
        if (!f.done)
            ahead << &f;
    QString rule = QStringLiteral("|---|---|---|");
    for (const PlanReport::WaveFacts *f : std::as_const(ahead)) {
        m += QStringLiteral(" %1 |").arg(cell(f->wave.name));
        rule += QStringLiteral("---|");
    }
    m += QLatin1Char('\n') + rule + QLatin1Char('\n');
    for (const SlaProjection::Report &r : plan.m_tonight.reports()) {
        m += QStringLiteral("| `%1` | %2 | %3%4 |")
                 .arg(r.pipeline, hhmm(r.deadline), hhmm(r.p95Finish), mark(r.status));
        for (const PlanReport::WaveFacts *f : std::as_const(ahead))
            for (const SlaProjection::Report &after : f->night.reports())
                if (after.pipeline == r.pipeline)
                    m += QStringLiteral(" %1%2 |").arg(hhmm(after.p95Finish), mark(after.status));
        m += QLatin1Char('\n');
    }
    return m;
}

QString PlanReportMarkdown::appendixBreaches() const
{
    QString m;
    m += QStringLiteral("\n## Appendix B. Open parity breaches and rollback recommendations\n\n");
    m += QStringLiteral("Parity evidence of the last 28 nights: %1 comparisons measured by "
                        "Daybreak inside both warehouses, %2 imported.\n\n")
             .arg(plan.m_evidence.measured)
             .arg(plan.m_evidence.imported);
    for (const PlanReport::Breach &b : plan.m_breaches)
        m += QStringLiteral("- `%1` (%2) on %3: %4% (%6) — %5\n")
                 .arg(b.pipeline, stateName(b.state), b.night.toString(Qt::ISODate))
                 .arg(b.difference * 100, 0, 'g', 3)
                 .arg(b.rollbackRecommended ? QStringLiteral("roll back recommended")
                                            : QStringLiteral("cutover held"),
                      b.measured ? QStringLiteral("measured by Daybreak")
                                 : QStringLiteral("imported"));
    if (plan.m_breaches.isEmpty())
        m += QStringLiteral("None.\n");
    return m;
}

QString PlanReportMarkdown::appendixPipelines() const
{
    QString m;
    m += QStringLiteral("\n## Appendix C. Every pipeline\n\n| Pipeline | Owner | Risk | State | "
                        "Wave | Parity gate |\n|---|---|---|---|---|---|\n");
    for (const Pipeline &p : inv.pipelines()) {
        const QString wave = plan.m_snapshot.plan.waveOf(p.id);
        m +=
            QStringLiteral("| `%1` | %2 | %3 | %4 | %5 | %6 |\n")
                .arg(p.id, cell(p.owner), riskName(p.risk),
                     stateName(plan.m_snapshot.stateOf(p.id)),
                     p.staysOnPrem()  ? QStringLiteral("stays on-prem")
                     : wave.isEmpty() ? QStringLiteral("—")
                                      : cell(wave),
                     gateStatusName(
                         ParityService::evaluate(plan.m_snapshot, p.id, plan.m_today).gate.status));
    }
    return m;
}

QString PlanReport::markdown(const PictureSource &source) const
{
    return PlanReportMarkdown(*this, source).document();
}

} // namespace daybreak
