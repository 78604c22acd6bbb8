#include "Commands.h"
#include "CtlContext.h"
#include "LineageService.h"

#include "Calendar.h"
#include "NightSimulator.h"
#include "SlaService.h"
#include "SqlStore.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QThread>
#include <QTimeZone>

#include <QFile>

#include <array>

namespace daybreak {

int cmdRunEvent(CtlContext &ctx)
{
    const QCommandLineOption side(QStringLiteral("side"), QStringLiteral("onprem or cloud."),
                                  QStringLiteral("side"));
    const QCommandLineOption state(
        QStringLiteral("state"),
        QStringLiteral("started, succeeded, failed, retrying or scheduled."),
        QStringLiteral("state"));
    const QCommandLineOption at(QStringLiteral("at"),
                                QStringLiteral("When, ISO-8601 (default: now)."),
                                QStringLiteral("time"));
    const QCommandLineOption date(QStringLiteral("date"),
                                  QStringLiteral("Business date (default: from --at)."),
                                  QStringLiteral("date"));
    const QCommandLineOption openlineage(
        QStringLiteral("openlineage"),
        QStringLiteral("OpenLineage run events from FILE (- for standard input), mapped to "
                       "pipelines and sides by daybreakctl map."),
        QStringLiteral("FILE"));
    if (!ctx.parse({side, state, at, date, openlineage}, QStringLiteral("ID"), 0, 1))
        return ctx.parseExit;
    if (ctx.parser.isSet(openlineage)) {
        if (!ctx.parser.positionalArguments().isEmpty() || ctx.parser.isSet(side) ||
            ctx.parser.isSet(state) || ctx.parser.isSet(at) || ctx.parser.isSet(date))
            return ctx.usage(QStringLiteral("--openlineage takes no ID, --side, --state, --at or "
                                            "--date: the events and the mappings say them"));
        const QString path = ctx.parser.value(openlineage);
        QFile file;
        const bool opened = path == QLatin1String("-")
                                ? file.open(stdin, QIODevice::ReadOnly)
                                : (file.setFileName(path), file.open(QIODevice::ReadOnly));
        if (!opened)
            return ctx.fail(ExitBadInput,
                            QStringLiteral("%1: cannot be read: %2").arg(path, file.errorString()));
        const OpenLineage::Read read = OpenLineage::parse(
            file.readAll(), path == QLatin1String("-") ? QStringLiteral("stdin") : path);
        if (!read.ok()) {
            ctx.printProblems(read.problems);
            return ctx.fail(ExitBadInput, QStringLiteral("nothing was recorded"));
        }
        Store *store = ctx.openStore();
        if (!store)
            return ExitStore;
        return ctx.finish(LineageService(*store, ctx.clock, ctx.actor).ingest(read));
    }
    if (ctx.parser.positionalArguments().isEmpty())
        return ctx.usage(QStringLiteral("run-event needs the pipeline ID (or --openlineage FILE)"));
    QStringList bad;
    RunEvent e;
    e.pipeline = ctx.parser.positionalArguments().constFirst();
    if (const auto s = sideFromName(ctx.parser.value(side)))
        e.side = *s;
    else
        bad << QStringLiteral("--side must be onprem or cloud");
    if (const auto k = runEventKindFromName(ctx.parser.value(state)))
        e.kind = *k;
    else
        bad << QStringLiteral("--state must be started, succeeded, failed, retrying or scheduled");
    if (ctx.parser.isSet(at)) {
        e.at = QDateTime::fromString(ctx.parser.value(at), Qt::ISODateWithMs);
        if (!e.at.isValid() || ctx.parser.value(at).size() < 16)
            bad << QStringLiteral(
                       "--at: '%1' is not an ISO-8601 time (e.g. 2026-11-28T01:30:00+01:00)")
                       .arg(ctx.parser.value(at));
    }
    if (ctx.parser.isSet(date))
        e.businessDate = ctx.dateOption(date, &bad);
    if (!bad.isEmpty())
        return ctx.usage(bad.join(QStringLiteral("; ")));
    Store *store = ctx.openStore();
    if (!store)
        return ExitStore;
    // A time without an offset is the platform's wall clock, the inventory's zone, never this
    // machine's (tst_cli guards it).
    if (e.at.isValid() && e.at.timeSpec() == Qt::LocalTime)
        e.at = Calendar(store->timezoneName()).at(e.at.date(), e.at.time());
    const SlaService::EventOutcome o = SlaService(*store, ctx.clock, ctx.actor).recordEvent(e);
    if (!o.ok())
        return ctx.finish(o);
    ctx.out << o.message << Qt::endl;
    return ExitDone;
}

namespace {

int slaAck(CtlContext &ctx)
{
    if (!ctx.parse({}, QStringLiteral("ALERT-ID"), 1, 1))
        return ctx.parseExit;
    bool ok = false;
    const qint64 id = ctx.parser.positionalArguments().constFirst().toLongLong(&ok);
    if (!ok)
        return ctx.usage(QStringLiteral("ALERT-ID must be a number (see daybreakctl sla)"));
    Store *store = ctx.openStore();
    if (!store)
        return ExitStore;
    Outcome o = SlaService(*store, ctx.clock, ctx.actor).acknowledge(id);
    if (o.ok())
        o.message = QStringLiteral("Alert %1 acknowledged by %2").arg(id).arg(ctx.actor);
    return ctx.finish(o);
}

struct BacktestRun
{
    QDate first, last;
    Backtest::Settings settings;
    QTimeZone zone;
    Backtest::Result r;

    QString local(const QDateTime &t) const
    {
        return t.isValid() ? t.toTimeZone(zone).toString(QStringLiteral("HH:mm"))
                           : QStringLiteral("never");
    }
    QJsonValue localJson(const QDateTime &t) const
    {
        return t.isValid() ? QJsonValue(t.toTimeZone(zone).toString(Qt::ISODate)) : QJsonValue();
    }
};

void printBacktestJson(CtlContext &ctx, const BacktestRun &b)
{
    const Backtest::Result &r = b.r;
    const QDate &first = b.first, &last = b.last;
    const Backtest::Settings &settings = b.settings;
    const auto localJson = [&b](const QDateTime &t) { return b.localJson(t); };
    QHash<QString, QJsonArray> nightsOf;
    for (const Backtest::ReportNight &row : r.rows)
        nightsOf[row.report].append(QJsonObject{
            {QStringLiteral("night"), row.night.toString(Qt::ISODate)},
            {QStringLiteral("deadline"), localJson(row.deadline)},
            {QStringLiteral("finished"), localJson(row.finished)},
            {QStringLiteral("late"), row.late},
            {QStringLiteral("first_flagged"), localJson(row.firstFlagged)},
            {QStringLiteral("flagged_as"),
             row.flagged() ? QJsonValue(row.flaggedAs) : QJsonValue()},
            {QStringLiteral("cause"), row.flagged() ? QJsonValue(row.cause) : QJsonValue()},
            {QStringLiteral("lead_minutes"),
             row.flagged() ? QJsonValue(row.leadMinutes()) : QJsonValue()},
            {QStringLiteral("miss"), row.miss()},
            {QStringLiteral("false_alarm"), row.falseAlarm()},
            {QStringLiteral("planned_p95_finish"), localJson(row.plannedP95)}});
    QJsonArray reports;
    for (const Backtest::ReportFigures &f : r.reports)
        reports.append(QJsonObject{{QStringLiteral("id"), f.report},
                                   {QStringLiteral("nights"), f.nights},
                                   {QStringLiteral("late"), f.late},
                                   {QStringLiteral("flagged"), f.flagged},
                                   {QStringLiteral("misses"), f.misses},
                                   {QStringLiteral("false_alarms"), f.falseAlarms},
                                   {QStringLiteral("median_lead_minutes"), f.medianLeadMinutes},
                                   {QStringLiteral("p95_coverage"), f.p95Coverage()},
                                   {QStringLiteral("per_night"), nightsOf.value(f.report)}});
    ctx.printJson(QJsonDocument(
        QJsonObject{{QStringLiteral("from"), first.toString(Qt::ISODate)},
                    {QStringLiteral("to"), last.toString(Qt::ISODate)},
                    {QStringLiteral("step_minutes"), settings.stepMinutes},
                    {QStringLiteral("nights"), int(r.nights.size())},
                    {QStringLiteral("runs"), r.runs},
                    {QStringLiteral("p95_coverage"), r.p95Coverage()},
                    {QStringLiteral("nights_p95_held"), r.nightsHeld},
                    {QStringLiteral("late"), r.late},
                    {QStringLiteral("false_alarms"), r.falseAlarms},
                    {QStringLiteral("nights_with_false_alarm"), r.nightsWithFalseAlarm},
                    {QStringLiteral("misses"), r.misses},
                    {QStringLiteral("flagged_two_hours_ahead"), r.flaggedTwoHoursAhead},
                    {QStringLiteral("median_lead_minutes"), r.medianLeadMinutes},
                    {QStringLiteral("calibration"), r.calibration()},
                    {QStringLiteral("reports"), reports}}));
}

void printBacktestSummary(CtlContext &ctx, const BacktestRun &b)
{
    const Backtest::Result &r = b.r;
    const QDate &first = b.first, &last = b.last;
    const Backtest::Settings &settings = b.settings;
    const QTimeZone &zone = b.zone;
    ctx.out << QStringLiteral("Backtest of %1 recorded nights from %2 to %3 (%4), checked every "
                              "%5 min as if live\n")
                   .arg(r.nights.size())
                   .arg(first.toString(Qt::ISODate), last.toString(Qt::ISODate),
                        QString::fromUtf8(zone.id()))
                   .arg(settings.stepMinutes);
    ctx.out << QStringLiteral("  p95 coverage  %1 % of %2 runs took no longer than the p95 they "
                              "were projected with\n")
                   .arg(100.0 * r.p95Coverage(), 0, 'f', 1)
                   .arg(r.runs);
    ctx.out << QStringLiteral("  late          %1 report-night(s): %2 flagged in time (%3 at least "
                              "2 h ahead), %4 missed\n")
                   .arg(r.late)
                   .arg(r.late - r.misses)
                   .arg(r.flaggedTwoHoursAhead)
                   .arg(r.misses);
    ctx.out << QStringLiteral("  false alarms  %1 report-night(s) flagged and then on time, on %2 "
                              "of the %3 nights\n")
                   .arg(r.falseAlarms)
                   .arg(r.nightsWithFalseAlarm)
                   .arg(r.nights.size());
    ctx.out << QStringLiteral("  calibration   %1\n\n").arg(r.calibration());
}

void printBacktestReports(CtlContext &ctx, const Backtest::Result &r)
{
    ctx.out << QStringLiteral("  %1 %2 %3 %4 %5 %6 %7 %8\n")
                   .arg(QStringLiteral("report"), -28)
                   .arg(QStringLiteral("nights"), 6)
                   .arg(QStringLiteral("late"), 5)
                   .arg(QStringLiteral("flagged"), 8)
                   .arg(QStringLiteral("misses"), 7)
                   .arg(QStringLiteral("false"), 6)
                   .arg(QStringLiteral("lead"), 14)
                   .arg(QStringLiteral("p95"), 7);
    for (const Backtest::ReportFigures &f : r.reports)
        ctx.out << QStringLiteral("  %1 %2 %3 %4 %5 %6 %7 %8\n")
                       .arg(f.report, -28)
                       .arg(f.nights, 6)
                       .arg(f.late, 5)
                       .arg(f.flagged, 8)
                       .arg(f.misses, 7)
                       .arg(f.falseAlarms, 6)
                       .arg(f.late > f.misses ? minutesText(f.medianLeadMinutes)
                                              : QStringLiteral("-"),
                            14)
                       .arg(QStringLiteral("%1 %").arg(100.0 * f.p95Coverage(), 0, 'f', 0), 7);
}

// The nights to look at: each late or flagged report-night, with when it was first flagged.
void printBacktestNights(CtlContext &ctx, const BacktestRun &b)
{
    const auto local = [&b](const QDateTime &t) { return b.local(t); };
    bool header = false;
    for (const Backtest::ReportNight &row : b.r.rows) {
        if (!row.late && !row.flagged())
            continue;
        if (!header)
            ctx.out << "\n  Nights to look at (late or flagged):\n";
        header = true;
        ctx.out << QStringLiteral("  %1 %2 %3, deadline %4, finished %5; %6\n")
                       .arg(row.night.toString(Qt::ISODate), row.report)
                       .arg(row.miss()         ? QStringLiteral("MISSED")
                            : row.falseAlarm() ? QStringLiteral("false alarm")
                                               : QStringLiteral("late, flagged"))
                       .arg(local(row.deadline), local(row.finished))
                       .arg(row.flagged() ? QStringLiteral("first flagged %1 as %2 (%3 ahead), "
                                                           "cause %4")
                                                .arg(local(row.firstFlagged), row.flaggedAs,
                                                     minutesText(row.leadMinutes()), row.cause)
                                          : QStringLiteral("never flagged before the deadline"));
    }
}

int slaBacktest(CtlContext &ctx)
{
    const QCommandLineOption from(QStringLiteral("from"),
                                  QStringLiteral("First night (default: 60 nights before --to)."),
                                  QStringLiteral("date"));
    const QCommandLineOption to(QStringLiteral("to"),
                                QStringLiteral("Last night (default: the last one that is over)."),
                                QStringLiteral("date"));
    const QCommandLineOption step(
        QStringLiteral("step"), QStringLiteral("Minutes between the replay's checks (default 15)."),
        QStringLiteral("min"));
    if (!ctx.parse({from, to, step}))
        return ctx.parseExit;
    QStringList bad;
    Store *store = nullptr;
    Backtest::Settings settings;
    if (ctx.parser.isSet(step)) {
        bool ok = false;
        settings.stepMinutes = ctx.parser.value(step).toInt(&ok);
        if (!ok || settings.stepMinutes < 1 || settings.stepMinutes > 120)
            bad << QStringLiteral("--step: '%1' is not a number of minutes from 1 to 120")
                       .arg(ctx.parser.value(step));
    }
    QDate first = ctx.dateOption(from, &bad);
    QDate last = ctx.dateOption(to, &bad);
    if (first.isValid() && last.isValid() && first > last)
        bad << QStringLiteral("--from %1 is after --to %2")
                   .arg(first.toString(Qt::ISODate), last.toString(Qt::ISODate));
    if (!bad.isEmpty())
        return ctx.usage(bad.join(QStringLiteral("; ")));
    store = ctx.openStore();
    if (!store)
        return ExitStore;
    SlaService sla(*store, ctx.clock, ctx.actor);
    if (!last.isValid())
        last = sla.currentNight().addDays(-1);
    if (!first.isValid())
        first = last.addDays(-(SlaService::kBacktestNights - 1));
    const BacktestRun b{first, last, settings, Calendar(store->snapshot().inventory).zone(),
                        sla.backtest(first, last, settings)};
    if (ctx.json()) {
        printBacktestJson(ctx, b);
        return ExitDone;
    }
    printBacktestSummary(ctx, b);
    printBacktestReports(ctx, b.r);
    printBacktestNights(ctx, b);
    ctx.out.flush();
    return ExitDone;
}

} // namespace

std::span<const SubcommandEntry> slaSubcommands()
{
    static const std::array table{SubcommandEntry{"ack", slaAck},
                                  SubcommandEntry{"backtest", slaBacktest}};
    return table;
}

namespace {

QJsonArray reportsJson(const SlaProjection &projection, const QTimeZone &zone)
{
    const auto local = [&zone](const QDateTime &t) {
        return t.isValid() ? QJsonValue(t.toTimeZone(zone).toString(Qt::ISODate)) : QJsonValue();
    };
    QJsonArray reports;
    for (const SlaProjection::Report &r : projection.reports())
        reports.append(QJsonObject{
            {QStringLiteral("id"), r.pipeline},
            {QStringLiteral("deadline"), local(r.deadline)},
            {QStringLiteral("projected_finish"), local(r.projectedFinish)},
            {QStringLiteral("p95_finish"), local(r.p95Finish)},
            {QStringLiteral("status"), slaStatusName(r.status)},
            {QStringLiteral("critical_path"), QJsonArray::fromStringList(r.criticalPath)}});
    return reports;
}

// Each alert with its deliveries: where it went, and whether it is failing.
QJsonArray alertsJson(Store &store, const QList<SlaAlert> &list)
{
    QJsonArray alerts;
    QList<qint64> ids;
    for (const SlaAlert &a : list)
        ids.append(a.id);
    QHash<qint64, QJsonArray> deliveries;
    for (const Delivery &d : store.deliveriesOf(ids))
        deliveries[d.alertId].append(QJsonObject{
            {QStringLiteral("channel"), d.channel},
            {QStringLiteral("event"), d.event},
            {QStringLiteral("state"), d.isFailing() ? QStringLiteral("failing") : d.state},
            {QStringLiteral("attempts"), d.attempts},
            {QStringLiteral("last_error"),
             d.lastError.isEmpty() ? QJsonValue() : QJsonValue(d.lastError)},
            {QStringLiteral("next_attempt_at"), d.state == QLatin1String("pending")
                                                    ? QJsonValue(isoUtc(d.nextAttemptAt))
                                                    : QJsonValue()},
            {QStringLiteral("delivered_at"),
             d.deliveredAt.isValid() ? QJsonValue(isoUtc(d.deliveredAt)) : QJsonValue()}});
    for (const SlaAlert &a : list)
        alerts.append(
            QJsonObject{{QStringLiteral("id"), a.id},
                        {QStringLiteral("resolved_at"),
                         a.isResolved() ? QJsonValue(isoUtc(a.resolvedAt)) : QJsonValue()},
                        {QStringLiteral("resolved_reason"),
                         a.isResolved() ? QJsonValue(a.resolvedReason) : QJsonValue()},
                        {QStringLiteral("deliveries"), deliveries.value(a.id)},
                        {QStringLiteral("report"), a.report},
                        {QStringLiteral("status"), a.status},
                        {QStringLiteral("raised_at"), isoUtc(a.raisedAt)},
                        {QStringLiteral("cause"), a.cause},
                        {QStringLiteral("hours_left"), a.hoursLeft},
                        {QStringLiteral("message"), a.message},
                        {QStringLiteral("acknowledged_by"),
                         a.isAcknowledged() ? QJsonValue(a.acknowledgedBy) : QJsonValue()}});
    return alerts;
}

void printNight(CtlContext &ctx, const QDate &night, const SlaService::Night &n,
                const QTimeZone &zone)
{
    ctx.out << "6am reports for " << night.toString(QStringLiteral("ddd yyyy-MM-dd")) << " ("
            << zone.id() << ")\n";
    if (n.projection.silent())
        ctx.out << QStringLiteral("  NO DATA: the orchestrator reported no run for this night; "
                                  "the first was due at %1. The figures below are the plan, "
                                  "not a projection.\n")
                       .arg(n.projection.firstDue().toTimeZone(zone).toString(
                           QStringLiteral("HH:mm")));
    for (const SlaProjection::Report &r : n.projection.reports())
        ctx.out << QStringLiteral("  %1 %2 deadline %3, projected %4 (p95 %5)  via %6\n")
                       .arg(r.pipeline, -26)
                       .arg(slaStatusName(r.status), -9)
                       .arg(r.deadline.toTimeZone(zone).toString(QStringLiteral("HH:mm")),
                            r.projectedFinish.isValid()
                                ? r.projectedFinish.toTimeZone(zone).toString(
                                      QStringLiteral("HH:mm"))
                                : QStringLiteral("blocked"),
                            r.p95Finish.isValid()
                                ? r.p95Finish.toTimeZone(zone).toString(QStringLiteral("HH:mm"))
                                : QStringLiteral("-"),
                            r.criticalPath.join(QStringLiteral(" > ")));
    for (const SlaAlert &a : n.alerts)
        ctx.out << QStringLiteral("  alert %1%2: %3\n")
                       .arg(a.id)
                       .arg(a.isAcknowledged() ? QStringLiteral(" (ack %1)").arg(a.acknowledgedBy)
                            : a.isResolved()
                                ? QStringLiteral(" (resolved: %1)").arg(a.resolvedReason)
                                : QString(),
                            a.message);
    ctx.out.flush();
}

} // namespace

int cmdSla(CtlContext &ctx)
{
    const QCommandLineOption date(QStringLiteral("date"),
                                  QStringLiteral("Business date (default: the coming 6am)."),
                                  QStringLiteral("date"));
    const QCommandLineOption follow(
        QStringLiteral("follow"),
        QStringLiteral("Stay: print the night, then each report that moves and each alert "
                       "raised, acknowledged or resolved, as the store's change feed tells, until "
                       "SIGTERM or SIGINT (with --json: one object per line)."));
    if (!ctx.parse({date, follow}))
        return ctx.parseExit;
    QStringList bad;
    const QDate given = ctx.dateOption(date, &bad);
    if (!bad.isEmpty())
        return ctx.usage(bad.join(QStringLiteral("; ")));
    Store *store = ctx.openStore();
    if (!store)
        return ExitStore;
    if (ctx.parser.isSet(follow))
        return followNight(ctx, *store, given);
    SlaService service(*store, ctx.clock, ctx.actor);
    const QDate night = given.isValid() ? given : service.currentNight();
    const SlaService::Night n = service.evaluate(night);
    const QTimeZone zone = Calendar(store->snapshot().inventory).zone();
    if (ctx.json())
        ctx.printJson(
            QJsonDocument(QJsonObject{{QStringLiteral("date"), night.toString(Qt::ISODate)},
                                      {QStringLiteral("no_data"), n.projection.silent()},
                                      {QStringLiteral("reports"), reportsJson(n.projection, zone)},
                                      {QStringLiteral("alerts"), alertsJson(*store, n.alerts)}}));
    else
        printNight(ctx, night, n, zone);
    // A silent orchestrator needs someone's attention as much as a report at risk.
    return n.anyAtRiskOrBreached() || n.projection.silent() ? ExitValidation : ExitDone;
}

int cmdSimulateNight(CtlContext &ctx)
{
    const QCommandLineOption speed(
        QStringLiteral("speed"),
        QStringLiteral("How many times faster than real time (default 600; 0: at once)."),
        QStringLiteral("n"));
    const QCommandLineOption seed(QStringLiteral("seed"),
                                  QStringLiteral("Random seed, to replay a night (default 1)."),
                                  QStringLiteral("s"));
    const QCommandLineOption date(QStringLiteral("date"),
                                  QStringLiteral("Business date (default: the coming 6am)."),
                                  QStringLiteral("date"));
    if (!ctx.parse({speed, seed, date}))
        return ctx.parseExit;
    bool ok = true;
    const double factor = ctx.parser.isSet(speed) ? ctx.parser.value(speed).toDouble(&ok) : 600.0;
    if (!ok || factor < 0)
        return ctx.usage(QStringLiteral("--speed must be a non-negative number"));
    const quint32 s = ctx.parser.isSet(seed) ? ctx.parser.value(seed).toUInt(&ok) : 1;
    if (!ok)
        return ctx.usage(QStringLiteral("--seed must be a whole number"));
    Store *store = ctx.openStore();
    if (!store)
        return ExitStore;
    SlaService sla(*store, ctx.clock, ctx.actor);
    SlaService::LearnedCache learned; // the night's durations, learned once for the whole play
    sla.setLearnedCache(&learned);
    QDate night = sla.currentNight();
    if (ctx.parser.isSet(date)) {
        QStringList bad;
        night = ctx.dateOption(date, &bad);
        if (!bad.isEmpty())
            return ctx.usage(bad.join(QStringLiteral("; ")));
    }
    const QList<RunEvent> events = NightSimulator::events(store->snapshot(), night, s);
    const QTimeZone zone = Calendar(store->snapshot().inventory).zone();
    ctx.out << "Playing " << events.size() << " run events of the night before "
            << night.toString(Qt::ISODate)
            << (factor > 0 ? QStringLiteral(" at %1x").arg(factor) : QStringLiteral(" at once"))
            << Qt::endl;
    QDateTime previous;
    for (const RunEvent &e : events) {
        // Pacing the demo in real time; the events carry the night's own timestamps.
        if (factor > 0 && previous.isValid())
            QThread::msleep(quint64(std::min<qint64>(previous.msecsTo(e.at) / factor, 5000)));
        previous = e.at;
        const SlaService::EventOutcome o = sla.recordEvent(e);
        ctx.out << e.at.toTimeZone(zone).toString(QStringLiteral("HH:mm")) << "  " << o.message
                << Qt::endl;
        // The demo player is not the orchestrator's hot path: it runs the sensors as it goes,
        // as a watch would.
        for (const SlaAlert &a : sla.evaluate(night).raisedNow)
            ctx.out << "        ALERT: " << a.message << Qt::endl;
    }
    const SlaService::Night n = sla.evaluate(night);
    for (const SlaProjection::Report &r : n.projection.reports())
        ctx.out << QStringLiteral("%1 %2 finished %3")
                       .arg(r.pipeline, -26)
                       .arg(slaStatusName(r.status), -9)
                       .arg(r.projectedFinish.isValid()
                                ? r.projectedFinish.toTimeZone(zone).toString(
                                      QStringLiteral("HH:mm"))
                                : QStringLiteral("never"))
                << Qt::endl;
    return ExitDone;
}

} // namespace daybreak
