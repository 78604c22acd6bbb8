#include "PlanReport.h"

#include "Calendar.h"
#include "GraphPicture.h"
#include "ParityService.h"
#include "SlaService.h"
#include "StatePalette.h"

#include <QCryptographicHash>
#include <QPainter>
#include <QRegularExpression>
#include <QTimeZone>

#include <algorithm>

namespace daybreak {

namespace {
// A command as a block that copies and runs as is: one line, or several joined by the shell's
// " \\" continuation at word boundaries (never inside a quoted argument), so no line is wider
// than a page and none is wrapped or clipped by the PDF.
QString commandBlock(const QString &command)
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
    // A landscape A4 line holds about 150 characters of 8 pt monospace: only commands with very
    // long store paths or ids continue on a second line, where a page break could fall between.
    constexpr qsizetype kWidth = 130;
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
QString esc(const QString &s)
{
    return s.toHtmlEscaped();
}
QString shellQuote(const QString &s)
{
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z0-9_./:@%+=-]+$"));
    if (plain.match(s).hasMatch())
        return s;
    QString q = s;
    q.replace(QLatin1String("'"), QLatin1String("'\\''"));
    return QLatin1Char('\'') + q + QLatin1Char('\'');
}
const State kStates[] = {State::OnPrem, State::DualRun, State::Cloud, State::Decommissioned};
} // namespace

PlanReport::PlanReport(const StoreSnapshot &snapshot, Options options)
    : m_snapshot(snapshot), m_options(std::move(options)),
      m_today(Calendar(snapshot.inventory).localDate(m_options.generatedAt)),
      m_rules(snapshot, m_today)
{
}

QList<Wave> PlanReport::waves() const
{
    QList<Wave> result;
    for (const Wave &w : m_snapshot.plan.waves())
        if (m_options.onlyWave.isEmpty() || w.name == m_options.onlyWave)
            result.append(w);
    return result;
}

QString PlanReport::storeArgument() const
{
    return QStringLiteral("--store ") + shellQuote(m_options.storeLocation);
}

QString PlanReport::inventoryFingerprint(const Inventory &inventory)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    auto add = [&hash](const QString &field) {
        hash.addData(field.toUtf8());
        hash.addData(QByteArrayView("\x1f", 1)); // a separator no field holds
    };
    add(inventory.timezone);
    add(inventory.changeWindow.describe());
    add(QString::number(inventory.parityRunsRequired));
    QList<Pipeline> pipelines = inventory.pipelines();
    std::sort(pipelines.begin(), pipelines.end(),
              [](const Pipeline &a, const Pipeline &b) { return a.id < b.id; });
    auto time = [](const std::optional<QTime> &t) {
        return t ? t->toString(QStringLiteral("HH:mm")) : QString();
    };
    auto number = [](const std::optional<int> &n) { return n ? QString::number(*n) : QString(); };
    for (const Pipeline &p : std::as_const(pipelines)) {
        for (const QString &field :
             {p.id, p.name, p.owner, time(p.schedule), QString::number(p.onpremMinutes),
              QString::number(p.cloudMinutes), number(p.onpremP95Minutes),
              number(p.cloudP95Minutes), time(p.sla), p.upstreams.join(QLatin1Char(',')),
              riskName(p.risk), sideName(p.target), p.tags.join(QLatin1Char(',')), p.group})
            add(field);
        add(QStringLiteral("\x1e"));
    }
    return QString::fromLatin1(hash.result().toHex().left(12));
}

QString PlanReport::versionText() const
{
    return QStringLiteral("inventory %1, plan version %2")
        .arg(inventoryFingerprint(m_snapshot.inventory))
        .arg(m_snapshot.planVersion);
}

QString PlanReport::cutoverCommand(const QString &pipeline, const QString &wave) const
{
    return QStringLiteral("daybreakctl %1 cutover %2 --reason %3")
        .arg(storeArgument(), pipeline, shellQuote(QStringLiteral("wave %1").arg(wave)));
}

QString PlanReport::rollbackCommand(const QString &pipeline) const
{
    return QStringLiteral("daybreakctl %1 rollback %2 --reason '<what went wrong>'")
        .arg(storeArgument(), pipeline);
}

SlaProjection PlanReport::projectionAfter(const Wave &wave) const
{
    const int index = m_snapshot.plan.indexOf(wave.name);
    auto side = [&](const Pipeline &p) {
        if (canonicalSide(m_snapshot.stateOf(p.id)) == Side::Cloud)
            return Side::Cloud;
        const int planned = m_snapshot.plan.waveIndexOf(p.id);
        return planned >= 0 && planned <= index ? Side::Cloud : Side::OnPrem;
    };
    SlaProjection::Inputs in;
    if (m_options.learned)
        in.startDelay = m_options.learned->startDelays();
    return SlaProjection::project(
        m_options.learned ? m_options.learned->applyTo(m_snapshot.inventory) : m_snapshot.inventory,
        wave.windowEnd.date().addDays(1), side, in);
}

QStringList PlanReport::readersWithDeadlines(const QString &pipeline) const
{
    QStringList reports;
    QSet<QString> closure = m_rules.graph().downstreamClosure(pipeline);
    closure.insert(pipeline);
    for (const Pipeline &p : m_snapshot.inventory.pipelines())
        if (p.sla && closure.contains(p.id))
            reports << QStringLiteral("%1 (%2)").arg(p.id,
                                                     p.sla->toString(QStringLiteral("HH:mm")));
    return reports;
}

QImage PlanReport::graphPicture() const
{
    return GraphPicture::render(m_snapshot, m_today);
}

QImage PlanReport::progressChart() const
{
    QHash<State, int> counts;
    for (const Pipeline &p : m_snapshot.inventory.pipelines())
        ++counts[m_snapshot.stateOf(p.id)];
    const int total = std::max(1, m_snapshot.inventory.size());
    QImage image(QSize(900, 200), QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    QFont font = p.font();
    font.setPixelSize(16);
    p.setFont(font);
    int y = 14;
    for (State s : kStates) {
        const int n = counts.value(s);
        p.setPen(Qt::black);
        p.drawText(QRect(0, y, 160, 34), Qt::AlignVCenter | Qt::AlignRight, stateName(s));
        p.setPen(QColor(0x40, 0x40, 0x40));
        p.setBrush(StatePalette::fill(s));
        const int w = int(600.0 * n / total);
        p.drawRect(QRect(175, y + 4, std::max(w, 2), 26));
        p.setPen(Qt::black);
        p.drawText(QRect(185 + w, y, 200, 34), Qt::AlignVCenter | Qt::AlignLeft,
                   QStringLiteral("%1 (%2%)").arg(n).arg(100.0 * n / total, 0, 'f', 0));
        y += 44;
    }
    p.end();
    return image;
}

QString PlanReport::html(const QString &graphImage, const QString &chartImage) const
{
    const Inventory &inv = m_snapshot.inventory;
    QString h = QStringLiteral(
        "<html><head><meta charset='utf-8'><title>Daybreak migration plan</title>"
        "<style>body{font-family:sans-serif;font-size:10pt} h1{font-size:22pt} h2{font-size:15pt;"
        "border-bottom:1px solid #999} table{border-collapse:collapse;width:100%} td,th{border:1px "
        "solid #bbb;"
        "padding:3px 6px} th{background:#eee} code{font-family:monospace;font-size:9pt}"
        // Commands on lines of their own, never wrapped: what is copied is what runs.
        "pre.cmd{font-family:monospace;font-size:8pt;margin:1px 0 5px 12px;white-space:pre}"
        ".bad{color:#b00020} .warn{color:#a05a00} .ok{color:#1b7f3b}</style></head><body>");
    // Title page
    h += QStringLiteral("<h1>Migration plan</h1><p style='font-size:13pt'>Daybreak report of the "
                        "on-prem to cloud "
                        "migration of %1 nightly pipelines.</p>")
             .arg(inv.size());
    h += QStringLiteral("<table><tr><th align='left'>Store</th><td>%1</td></tr><tr><th "
                        "align='left'>Time zone</th><td>%2</td></tr>"
                        "<tr><th align='left'>Change window</th><td>%3</td></tr><tr><th "
                        "align='left'>Generated</th><td>%4</td></tr>"
                        "<tr><th align='left'>Version</th><td>%5</td></tr>"
                        "<tr><th align='left'>Waves</th><td>%6</td></tr></table>")
             .arg(esc(m_options.storeLocation), esc(inv.timezone), esc(inv.changeWindow.describe()),
                  Calendar(inv).format(m_options.generatedAt, QStringLiteral("yyyy-MM-dd HH:mm t")),
                  versionText())
             .arg(waves().size());

    // Progress
    QHash<State, int> counts;
    for (const Pipeline &p : inv.pipelines())
        ++counts[m_snapshot.stateOf(p.id)];
    h += QStringLiteral(
        "<h2 style='page-break-before:always'>Migration "
        "progress</h2><table><tr><th>State</th><th>Pipelines</th><th>Share</th></tr>");
    for (State s : kStates)
        h += QStringLiteral(
                 "<tr><td>%1</td><td align='right'>%2</td><td align='right'>%3%</td></tr>")
                 .arg(stateName(s))
                 .arg(counts.value(s))
                 .arg(100.0 * counts.value(s) / std::max(1, inv.size()), 0, 'f', 1);
    h += QStringLiteral("</table><p><img src='%1' width='600'></p>").arg(chartImage);
    h += QStringLiteral("<h2>Dependency graph</h2><p>Nodes are filled by state (grey on-prem, "
                        "amber dual-run, blue cloud, "
                        "dark blue decommissioned); dashed orange edges are cross-side reads; "
                        "dashed nodes stay on-prem.</p>"
                        "<p><img src='%1' width='680'></p>")
             .arg(graphImage);

    // Waves
    const QList<PlanFinding> findings = m_rules.validate(m_snapshot.plan);
    for (const Wave &w : waves()) {
        h += QStringLiteral("<h2 style='page-break-before:always'>%1 — %2</h2>")
                 .arg(esc(w.name), w.date.toString(QStringLiteral("dddd yyyy-MM-dd")));
        h += QStringLiteral(
                 "<p>Window %1 to %2 (%3) · %4 of %5 pipelines · at most %6 high-risk</p>")
                 .arg(w.windowStart.toString(QStringLiteral("ddd yyyy-MM-dd HH:mm")),
                      w.windowEnd.toString(QStringLiteral("ddd HH:mm")), esc(inv.timezone))
                 .arg(w.members.size())
                 .arg(w.capacity)
                 .arg(w.maxHighRisk);
        h += QStringLiteral("<table><tr><th>#</th><th>Pipeline</th><th>Owner</th><th>Risk</"
                            "th><th>State</th><th>Parity readiness</th></tr>");
        int n = 0;
        const QStringList order = m_rules.cutoverOrder(w);
        for (const QString &id : order) {
            const Pipeline *p = inv.find(id);
            const QDate ready = m_rules.parityReadyDate(id);
            h += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td><td>%5</td><td "
                                "class='%6'>%7</td></tr>")
                     .arg(++n)
                     .arg(esc(id), esc(p->owner), riskName(p->risk),
                          stateName(m_snapshot.stateOf(id)),
                          ready > w.date ? QStringLiteral("warn") : QStringLiteral("ok"),
                          ready > w.date
                              ? QStringLiteral("not before %1").arg(ready.toString(Qt::ISODate))
                              : QStringLiteral("ready"));
        }
        h += QStringLiteral("</table>");
        QStringList waveFindings;
        for (const PlanFinding &f : findings)
            if (f.wave == w.name)
                waveFindings << QStringLiteral("<li class='%1'>%2</li>")
                                    .arg(f.error ? QStringLiteral("bad") : QStringLiteral("warn"),
                                         esc(f.reason.text));
        h += waveFindings.isEmpty() ? QStringLiteral("<p class='ok'>Validation: no findings.</p>")
                                    : QStringLiteral("<p>Validation findings:</p><ul>%1</ul>")
                                          .arg(waveFindings.join(QString()));

        const SlaProjection sla = projectionAfter(w);
        h += QStringLiteral("<h3>6am reports the night after (business date %1, cloud durations "
                            "for everything cut over by then)</h3>")
                 .arg(sla.businessDate().toString(Qt::ISODate));
        h += QStringLiteral("<table><tr><th>Report</th><th>Deadline</th><th>Projected</th><th>p95</"
                            "th><th>Status</th><th>Critical path</th></tr>");
        for (const SlaProjection::Report &r : sla.reports()) {
            const QString cls = r.status == SlaProjection::Status::OnTrack  ? QStringLiteral("ok")
                                : r.status == SlaProjection::Status::AtRisk ? QStringLiteral("warn")
                                                                            : QStringLiteral("bad");
            h += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td><td "
                                "class='%5'>%6</td><td>%7</td></tr>")
                     .arg(esc(r.pipeline), r.deadline.toString(QStringLiteral("HH:mm")),
                          r.projectedFinish.toString(QStringLiteral("HH:mm")),
                          r.p95Finish.toString(QStringLiteral("HH:mm")), cls,
                          slaStatusName(r.status), esc(r.criticalPath.join(QStringLiteral(" → "))));
        }
        h += QStringLiteral("</table>");

        // Runbook
        h += QStringLiteral("<h3 style='page-break-before:always'>Runbook — %1</h3>")
                 .arg(esc(w.name));
        n = 0;
        for (const QString &id : order) {
            const Pipeline *p = inv.find(id);
            const ParityService::PipelineParity parity =
                ParityService::evaluate(m_snapshot, id, m_today);
            QStringList ups;
            for (const QString &up : p->upstreams) {
                const Pipeline *u = inv.find(up);
                const int at = m_snapshot.plan.waveIndexOf(up);
                const QString where =
                    u && u->staysOnPrem() ? QStringLiteral("stays on-prem")
                    : canonicalSide(m_snapshot.stateOf(up)) == Side::Cloud ? QStringLiteral("cloud")
                    : at == m_snapshot.plan.indexOf(w.name)
                        ? QStringLiteral("earlier in this wave")
                        : QStringLiteral("wave %1").arg(m_snapshot.plan.waveOf(up));
                ups << QStringLiteral("%1 (%2)").arg(up, where);
            }
            h += QStringLiteral("<h4>%1. %2 — %3, %4 risk</h4><ul>")
                     .arg(++n)
                     .arg(esc(id), esc(p->name), riskName(p->risk));
            h +=
                QStringLiteral("<li>Pre-check: every upstream cut over or staying on-prem: %1</li>")
                    .arg(ups.isEmpty() ? QStringLiteral("no upstreams")
                                       : esc(ups.join(QStringLiteral(", "))));
            h += QStringLiteral("<li>Pre-check: parity gate passed (now: %1, %2 clean in a row, %3 "
                                "needed)</li>")
                     .arg(gateStatusName(parity.gate.status))
                     .arg(parity.gate.cleanRuns)
                     .arg(parity.gate.runsRequired);
            h += QStringLiteral("<li>Pre-check, every rule against the live store (exit 0: it "
                                "would go; 4: refused, with every reason):%1</li>")
                     .arg(commandBlock(cutoverCommand(id, w.name) + QStringLiteral(" --dry-run")));
            h += QStringLiteral("<li>Cut over:%1</li>")
                     .arg(commandBlock(cutoverCommand(id, w.name)));
            const QStringList reports = readersWithDeadlines(id);
            h += QStringLiteral("<li>Watch: the route says cloud%1then the next dual-run "
                                "comparison; reports fed: %2</li>")
                     .arg(commandBlock(
                              QStringLiteral("daybreakctl %1 route %2").arg(storeArgument(), id)),
                          esc(reports.isEmpty() ? QStringLiteral("none")
                                                : reports.join(QStringLiteral(", "))));
            // What the change puts at stake: the reports it feeds, with their slack the night
            // after the wave.
            h += QStringLiteral("<li>At stake the night after: %1</li>")
                     .arg(esc(SlaService::blastRadiusText(SlaService::blastRadius(inv, sla, id),
                                                          Calendar(inv).zone())));
            h += QStringLiteral("<li>Roll back (outside the window add <code>--break-glass</code>):"
                                "%1</li></ul>")
                     .arg(commandBlock(rollbackCommand(id)));
        }
    }

    // Parity breaches and rollback recommendations
    h += QStringLiteral("<h2 style='page-break-before:always'>Open parity breaches and rollback "
                        "recommendations</h2>");
    QStringList rows;
    for (const Pipeline &p : inv.pipelines()) {
        const ParityService::PipelineParity parity =
            ParityService::evaluate(m_snapshot, p.id, m_today);
        for (const ParityResult &b : parity.gate.openBreaches)
            rows << QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td>%4%</td><td "
                                   "class='bad'>%5</td></tr>")
                        .arg(esc(p.id), stateName(m_snapshot.stateOf(p.id)),
                             b.businessDate.toString(Qt::ISODate))
                        .arg(b.worstRelativeDiff() * 100, 0, 'g', 3)
                        .arg(parity.rollbackRecommended ? QStringLiteral("roll back recommended")
                                                        : QStringLiteral("cutover held"));
    }
    h += rows.isEmpty() ? QStringLiteral("<p class='ok'>None.</p>")
                        : QStringLiteral("<table><tr><th>Pipeline</th><th>State</th><th>Night</"
                                         "th><th>Difference</th><th>Advice</th></tr>%1</table>")
                              .arg(rows.join(QString()));
    h += QStringLiteral("</body></html>");
    return h;
}

QString PlanReport::markdown(const QString &graphImage, const QString &chartImage) const
{
    const Inventory &inv = m_snapshot.inventory;
    QString m;
    m += QStringLiteral("# Migration plan\n\nDaybreak report of the on-prem to cloud migration of "
                        "%1 nightly pipelines.\n\n")
             .arg(inv.size());
    m += QStringLiteral("- Store: `%1`\n- Time zone: %2\n- Change window: %3\n- Generated: %4\n"
                        "- Version: %5\n\n")
             .arg(m_options.storeLocation, inv.timezone, inv.changeWindow.describe(),
                  Calendar(inv).format(m_options.generatedAt, QStringLiteral("yyyy-MM-dd HH:mm t")),
                  versionText());
    QHash<State, int> counts;
    for (const Pipeline &p : inv.pipelines())
        ++counts[m_snapshot.stateOf(p.id)];
    m +=
        QStringLiteral("## Migration progress\n\n| State | Pipelines | Share |\n|---|---:|---:|\n");
    for (State s : kStates)
        m += QStringLiteral("| %1 | %2 | %3% |\n")
                 .arg(stateName(s))
                 .arg(counts.value(s))
                 .arg(100.0 * counts.value(s) / std::max(1, inv.size()), 0, 'f', 1);
    m += QStringLiteral("\n![Progress](%1)\n\n## Dependency graph\n\n![Dependency graph](%2)\n\n")
             .arg(chartImage, graphImage);
    const QList<PlanFinding> findings = m_rules.validate(m_snapshot.plan);
    for (const Wave &w : waves()) {
        m += QStringLiteral(
                 "## %1 — %2\n\nWindow %3 to %4 · %5 of %6 pipelines · at most %7 high-risk\n\n")
                 .arg(w.name, w.date.toString(QStringLiteral("dddd yyyy-MM-dd")),
                      w.windowStart.toString(QStringLiteral("ddd HH:mm")),
                      w.windowEnd.toString(QStringLiteral("ddd HH:mm")))
                 .arg(w.members.size())
                 .arg(w.capacity)
                 .arg(w.maxHighRisk);
        m += QStringLiteral("| # | Pipeline | Owner | Risk | State | Parity readiness "
                            "|\n|---:|---|---|---|---|---|\n");
        const QStringList order = m_rules.cutoverOrder(w);
        int n = 0;
        for (const QString &id : order) {
            const Pipeline *p = inv.find(id);
            const QDate ready = m_rules.parityReadyDate(id);
            m += QStringLiteral("| %1 | %2 | %3 | %4 | %5 | %6 |\n")
                     .arg(++n)
                     .arg(id, p->owner, riskName(p->risk), stateName(m_snapshot.stateOf(id)),
                          ready > w.date
                              ? QStringLiteral("not before %1").arg(ready.toString(Qt::ISODate))
                              : QStringLiteral("ready"));
        }
        QStringList waveFindings;
        for (const PlanFinding &f : findings)
            if (f.wave == w.name)
                waveFindings << QStringLiteral("- %1: %2")
                                    .arg(f.error ? QStringLiteral("error")
                                                 : QStringLiteral("warning"),
                                         f.reason.text);
        m += QStringLiteral("\nValidation: %1\n\n")
                 .arg(waveFindings.isEmpty()
                          ? QStringLiteral("no findings.")
                          : QStringLiteral("\n\n") + waveFindings.join(QLatin1Char('\n')));
        const SlaProjection sla = projectionAfter(w);
        m += QStringLiteral("### 6am reports the night after (business date %1)\n\n| Report | "
                            "Deadline | Projected | p95 | Status |\n|---|---|---|---|---|\n")
                 .arg(sla.businessDate().toString(Qt::ISODate));
        for (const SlaProjection::Report &r : sla.reports())
            m += QStringLiteral("| %1 | %2 | %3 | %4 | %5 |\n")
                     .arg(r.pipeline, r.deadline.toString(QStringLiteral("HH:mm")),
                          r.projectedFinish.toString(QStringLiteral("HH:mm")),
                          r.p95Finish.toString(QStringLiteral("HH:mm")), slaStatusName(r.status));
        m += QStringLiteral("\n### Runbook — %1\n\n").arg(w.name);
        n = 0;
        for (const QString &id : order) {
            const ParityService::PipelineParity parity =
                ParityService::evaluate(m_snapshot, id, m_today);
            m += QStringLiteral("%1. **%2**\n   - Pre-checks: upstreams cut over or staying "
                                "on-prem (%3); parity gate passed (now %4)\n"
                                "   - Cut over: `%5`\n   - Watch: route says cloud; next "
                                "comparison; reports fed: %6\n"
                                "   - At stake the night after: %7\n"
                                "   - Roll back: `%8`\n")
                     .arg(++n)
                     .arg(id, inv.find(id)->upstreams.join(QStringLiteral(", ")),
                          gateStatusName(parity.gate.status), cutoverCommand(id, w.name),
                          readersWithDeadlines(id).join(QStringLiteral(", ")),
                          SlaService::blastRadiusText(SlaService::blastRadius(inv, sla, id),
                                                      Calendar(inv).zone()),
                          rollbackCommand(id));
        }
        m += QLatin1Char('\n');
    }
    m += QStringLiteral("## Open parity breaches and rollback recommendations\n\n");
    int breaches = 0;
    for (const Pipeline &p : inv.pipelines()) {
        const ParityService::PipelineParity parity =
            ParityService::evaluate(m_snapshot, p.id, m_today);
        for (const ParityResult &b : parity.gate.openBreaches) {
            ++breaches;
            m += QStringLiteral("- %1 (%2) on %3: %4% — %5\n")
                     .arg(p.id, stateName(m_snapshot.stateOf(p.id)),
                          b.businessDate.toString(Qt::ISODate))
                     .arg(b.worstRelativeDiff() * 100, 0, 'g', 3)
                     .arg(parity.rollbackRecommended ? QStringLiteral("roll back recommended")
                                                     : QStringLiteral("cutover held"));
        }
    }
    if (breaches == 0)
        m += QStringLiteral("None.\n");
    return m;
}

} // namespace daybreak
