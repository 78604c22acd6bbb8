#include "NightSensors.h"

#include "DependencyGraph.h"

#include <QSet>
#include <QTimeZone>

#include <algorithm>
#include <bit>

namespace daybreak {

namespace {

QString hhmm(const QDateTime &at, const QTimeZone &zone)
{
    return at.toTimeZone(zone).toString(QStringLiteral("HH:mm"));
}

bool pending(const SlaProjection::Run &run)
{
    return !run.succeeded && !run.failed && !run.blocked;
}

} // namespace

NightSensors::NightSensors(const Inventory &inventory, SensorSettings settings,
                           std::shared_ptr<const DependencyGraph> graph,
                           std::shared_ptr<const DependencyGraph::Reach> reports)
    : m_inventory(inventory), m_settings(settings), m_graph(std::move(graph)),
      m_reports(std::move(reports))
{
}

DependencyGraph::Reach NightSensors::reportReach(const Inventory &inventory,
                                                 const DependencyGraph &graph)
{
    QStringList reports;
    for (const Pipeline &p : inventory.pipelines())
        if (p.sla)
            reports.append(p.id);
    reports.sort(); // so what each pipeline threatens comes out in id order
    return graph.reach(reports);
}

QString NightSensors::silenceSubject(Side side)
{
    return QStringLiteral("orchestrator:") + sideName(side);
}

NightSensors::Threat NightSensors::threatOf(const QStringList &pipelines,
                                            const SlaProjection &projection) const
{
    if (!m_graph)
        m_graph = std::make_shared<const DependencyGraph>(m_inventory);
    if (!m_reports)
        m_reports =
            std::make_shared<const DependencyGraph::Reach>(reportReach(m_inventory, *m_graph));
    if (m_openOf != &projection) {
        const QStringList &reports = m_reports->targets();
        m_open.assign(size_t((reports.size() + 63) / 64), 0);
        m_deadlines = QList<QDateTime>(reports.size());
        QHash<QString, qsizetype> at;
        for (qsizetype i = 0; i < reports.size(); ++i)
            at.insert(reports.at(i), i);
        for (const SlaProjection::Report &r : projection.reports())
            if (const qsizetype i = at.value(r.pipeline, -1);
                i >= 0 && !projection.runs().value(r.pipeline).succeeded) {
                m_open[size_t(i / 64)] |= quint64(1) << (i % 64);
                m_deadlines[i] = r.deadline;
            }
        m_openOf = &projection;
    }
    Threat t;
    std::vector<quint64> reached = m_reports->bitsFrom(pipelines);
    for (size_t w = 0; w < reached.size(); ++w)
        for (quint64 bits = reached[w] & m_open[w]; bits; bits &= bits - 1) {
            const qsizetype i = qsizetype(w * 64) + std::countr_zero(bits);
            if (t.count++ < kNamedReports) // in id order
                t.first.append(m_reports->targets().at(i));
            if (!t.firstDeadline.isValid() || m_deadlines.at(i) < t.firstDeadline)
                t.firstDeadline = m_deadlines.at(i);
        }
    return t;
}

SlaAlert NightSensors::alert(const SlaProjection &projection, const QString &subject,
                             const QString &kind, const QString &cause, const QString &what,
                             const Threat &threat, const QDateTime &now) const
{
    SlaAlert a;
    a.businessDate = projection.businessDate();
    a.report = subject;
    a.status = kind;
    a.raisedAt = now;
    a.cause = cause;
    a.hoursLeft = threat.firstDeadline.isValid() ? now.secsTo(threat.firstDeadline) / 3600.0 : 0;
    const QTimeZone zone = projection.nightStart().timeZone();
    QString threatens;
    if (threat.count == 0) {
        threatens = QStringLiteral("no report's deadline depends on it");
    } else {
        QStringList shown = threat.first;
        if (threat.count > shown.size())
            shown << QStringLiteral("%1 more").arg(threat.count - shown.size());
        threatens = QStringLiteral("threatens %1; %2 h to the first deadline (%3)")
                        .arg(shown.join(QStringLiteral(", ")))
                        .arg(a.hoursLeft, 0, 'f', 1)
                        .arg(hhmm(threat.firstDeadline, zone));
    }
    a.message = QStringLiteral("%1; %2").arg(what, threatens);
    return a;
}

QList<SlaAlert> NightSensors::sense(const SlaProjection &projection, const QList<RunEvent> &events,
                                    const QDateTime &now) const
{
    m_openOf = nullptr; // worked out anew for this projection on the first threat
    QList<SlaAlert> alerts;
    const QTimeZone zone = projection.nightStart().timeZone();
    QSet<int> silentSides;
    // The dead-man's switch, per side: runs due there for a while and no word from it.
    const qint64 silence = qint64(m_settings.silenceMinutes) * 60;
    for (const Side side : {Side::OnPrem, Side::Cloud}) {
        QStringList due;
        auto collect = [&](const QHash<QString, SlaProjection::Run> &runs) {
            for (const SlaProjection::Run &run : runs) {
                // Due to say something: a run not started since its due start, or a started
                // one since its p95 finish (a long run is quiet while it runs).
                const QDateTime expected =
                    run.started ? run.start.addSecs(qint64(run.p95Minutes) * 60) : run.due;
                if (run.side == side && pending(run) && expected.isValid() &&
                    now > expected.addSecs(silence))
                    due.append(run.pipeline);
            }
        };
        collect(projection.runs());
        collect(projection.shadowRuns());
        if (due.isEmpty())
            continue;
        QDateTime last;
        for (const RunEvent &e : events)
            if (e.side == side && e.at <= now && (!last.isValid() || e.at > last))
                last = e.at;
        if (last.isValid() && last.secsTo(now) <= silence)
            continue;
        silentSides.insert(int(side));
        due.removeDuplicates();
        due.sort();
        const QString heard = last.isValid() ? QStringLiteral("nothing since %1 (%2 min)")
                                                   .arg(hhmm(last, zone))
                                                   .arg(last.secsTo(now) / 60)
                                             : QStringLiteral("nothing at all this night");
        alerts.append(alert(projection, silenceSubject(side), QStringLiteral("silent"), due.first(),
                            QStringLiteral("orchestrator SILENT on %1: %2 while %3 run(s) are due "
                                           "(%4)")
                                .arg(sideName(side), heard)
                                .arg(due.size())
                                .arg(due.mid(0, 3).join(QStringLiteral(", ")) +
                                     (due.size() > 3 ? QStringLiteral(", …") : QString())),
                            threatOf(due, projection), now));
    }
    const qint64 grace = qint64(m_settings.graceMinutes) * 60;
    for (auto it = projection.runs().cbegin(); it != projection.runs().cend(); ++it) {
        const SlaProjection::Run &run = *it;
        // A silent side's runs are all "late": the silence is the one alert that says so.
        if (!pending(run) || !run.due.isValid() || silentSides.contains(int(run.side)))
            continue;
        if (!run.started && now > run.due.addSecs(grace)) {
            alerts.append(
                alert(projection, run.pipeline, QStringLiteral("late_start"), run.pipeline,
                      QStringLiteral("%1 LATE START on %2: due %3, not started %4 min later")
                          .arg(run.pipeline, sideName(run.side), hhmm(run.due, zone))
                          .arg(run.due.secsTo(now) / 60),
                      threatOf({run.pipeline}, projection), now));
        } else if (run.started && run.p95Minutes > 0 &&
                   now > run.start.addSecs(qint64(run.p95Minutes) * 60)) {
            alerts.append(alert(projection, run.pipeline, QStringLiteral("overrun"), run.pipeline,
                                QStringLiteral("%1 OVERRUN on %2: running %3 min since %4, past "
                                               "its p95 of %5 min")
                                    .arg(run.pipeline, sideName(run.side))
                                    .arg(run.start.secsTo(now) / 60)
                                    .arg(hhmm(run.start, zone))
                                    .arg(run.p95Minutes),
                                threatOf({run.pipeline}, projection), now));
        }
    }
    return alerts;
}

QList<SlaAlert> NightSensors::cleared(const QList<SlaAlert> &stored, const QList<SlaAlert> &current,
                                      const SlaProjection &projection, const QDateTime &now)
{
    static const QStringList selfClearing{QStringLiteral("late_start"), QStringLiteral("overrun"),
                                          QStringLiteral("silent"), QStringLiteral("at_risk")};
    QSet<QPair<QString, QString>> still;
    QSet<int> silentSides; // their runs' alerts are only suppressed, not cleared
    for (const SlaAlert &a : current) {
        still.insert({a.report, a.status});
        for (const Side side : {Side::OnPrem, Side::Cloud})
            if (a.status == QLatin1String("silent") && a.report == silenceSubject(side))
                silentSides.insert(int(side));
    }
    QList<SlaAlert> done;
    const QTimeZone zone = projection.nightStart().timeZone();
    for (SlaAlert a : stored) {
        if (a.isResolved() || !selfClearing.contains(a.status) ||
            still.contains({a.report, a.status}))
            continue;
        const SlaProjection::Run run = projection.runs().value(a.report);
        if ((a.status == QLatin1String("late_start") || a.status == QLatin1String("overrun")) &&
            silentSides.contains(int(run.side)))
            continue;
        if (a.status == QLatin1String("late_start"))
            a.resolvedReason = run.started
                                   ? QStringLiteral("started at %1").arg(hhmm(run.start, zone))
                                   : QStringLiteral("no longer due");
        else if (a.status == QLatin1String("overrun"))
            a.resolvedReason = run.succeeded
                                   ? QStringLiteral("finished at %1").arg(hhmm(run.finish, zone))
                               : run.failed ? QStringLiteral("failed; the failure is its own alert")
                                            : QStringLiteral("no longer past its p95");
        else if (a.status == QLatin1String("silent"))
            a.resolvedReason = QStringLiteral("the orchestrator reports again");
        else if (still.contains({a.report, QStringLiteral("breached")}))
            a.resolvedReason = QStringLiteral("now breached; the breach is its own alert");
        else
            a.resolvedReason = QStringLiteral("back on track");
        a.resolvedAt = now;
        done.append(a);
    }
    return done;
}

} // namespace daybreak
