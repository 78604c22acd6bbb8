#include "ChangeNotifier.h"
#include "Commands.h"
#include "CtlContext.h"
#include "ExitCode.h"
#include "NightFollower.h"
#include "StopSignals.h"
#include "Store.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimeZone>
#include <QTimer>

namespace daybreak {

namespace {

QString hhmm(const QDateTime &t, const QTimeZone &zone, const QString &otherwise)
{
    return t.isValid() ? t.toTimeZone(zone).toString(QStringLiteral("HH:mm")) : otherwise;
}

QJsonValue local(const QDateTime &t, const QTimeZone &zone)
{
    return t.isValid() ? QJsonValue(t.toTimeZone(zone).toString(Qt::ISODate)) : QJsonValue();
}

QString alertState(const SlaAlert &a)
{
    return a.isResolved()       ? QStringLiteral("resolved")
           : a.isAcknowledged() ? QStringLiteral("acknowledged")
                                : QStringLiteral("open");
}

// One look's changes: a line each (text), or one compact JSON object per look.
void print(CtlContext &ctx, const NightFollower::Changes &c, const QTimeZone &zone,
           const QDateTime &now)
{
    const QString at = now.toTimeZone(zone).toString(QStringLiteral("HH:mm:ss"));
    if (ctx.json()) {
        QJsonArray reports, alerts;
        for (const SlaProjection::Report &r : c.reports)
            reports.append(QJsonObject{
                {QStringLiteral("id"), r.pipeline},
                {QStringLiteral("deadline"), local(r.deadline, zone)},
                {QStringLiteral("projected_finish"), local(r.projectedFinish, zone)},
                {QStringLiteral("p95_finish"), local(r.p95Finish, zone)},
                {QStringLiteral("status"), slaStatusName(r.status)},
                {QStringLiteral("critical_path"), QJsonArray::fromStringList(r.criticalPath)}});
        for (const SlaAlert &a : c.alerts)
            alerts.append(
                QJsonObject{{QStringLiteral("id"), a.id},
                            {QStringLiteral("report"), a.report},
                            {QStringLiteral("status"), a.status},
                            {QStringLiteral("state"), alertState(a)},
                            {QStringLiteral("message"), a.message},
                            {QStringLiteral("acknowledged_by"),
                             a.isAcknowledged() ? QJsonValue(a.acknowledgedBy) : QJsonValue()},
                            {QStringLiteral("resolved_reason"),
                             a.isResolved() ? QJsonValue(a.resolvedReason) : QJsonValue()}});
        ctx.out << QJsonDocument(
                       QJsonObject{
                           {QStringLiteral("at"), local(now, zone)},
                           {QStringLiteral("date"), c.night.toString(Qt::ISODate)},
                           {QStringLiteral("new_night"), c.newNight},
                           {QStringLiteral("no_data"), c.silent},
                           {QStringLiteral("read_whole_store"),
                            c.wholeReadWhy.isEmpty() ? QJsonValue() : QJsonValue(c.wholeReadWhy)},
                           {QStringLiteral("reports"), reports},
                           {QStringLiteral("alerts"), alerts}})
                       .toJson(QJsonDocument::Compact)
                << Qt::endl;
        return;
    }
    if (c.newNight)
        ctx.out << at << "  6am reports for " << c.night.toString(QStringLiteral("ddd yyyy-MM-dd"))
                << " (" << zone.id() << ")"
                << (c.silent ? QStringLiteral(": NO DATA, the orchestrator reported no run for "
                                              "this night; the figures are the plan")
                             : QString())
                << "\n";
    for (const SlaProjection::Report &r : c.reports)
        ctx.out << QStringLiteral("%1  %2 %3 deadline %4, projected %5 (p95 %6)  via %7\n")
                       .arg(at)
                       .arg(r.pipeline, -26)
                       .arg(slaStatusName(r.status), -9)
                       .arg(hhmm(r.deadline, zone, QString()),
                            hhmm(r.projectedFinish, zone, QStringLiteral("blocked")),
                            hhmm(r.p95Finish, zone, QStringLiteral("-")),
                            r.criticalPath.join(QStringLiteral(" > ")));
    for (const SlaAlert &a : c.alerts)
        ctx.out << QStringLiteral("%1  alert %2 %3: %4\n")
                       .arg(at)
                       .arg(a.id)
                       .arg(a.isResolved() ? QStringLiteral("resolved (%1)").arg(a.resolvedReason)
                            : a.isAcknowledged()
                                ? QStringLiteral("acknowledged by %1").arg(a.acknowledgedBy)
                                : QStringLiteral("raised"),
                            a.message);
    ctx.out.flush();
}

} // namespace

int followNight(CtlContext &ctx, Store &store, const QDate &night)
{
    StopSignals stop;
    if (!stop.ok())
        return ctx.fail(ExitStore, QStringLiteral("cannot set up signal handling"));
    NightFollower follower(store, ctx.clock, ctx.actor,
                           night.isValid() ? std::optional<QDate>(night) : std::nullopt);
    bool unreachable = false;
    auto look = [&](bool timePassed) {
        try {
            const NightFollower::Changes c = follower.look(timePassed);
            if (unreachable)
                ctx.err << "the store answers again" << Qt::endl;
            unreachable = false;
            if (!c.isEmpty())
                print(ctx, c, c.zone, ctx.clock.now());
        } catch (const StoreError &e) {
            if (!unreachable) // once per outage; the follower reads the store whole when back
                ctx.err << "store unavailable: " << e.message() << Qt::endl;
            unreachable = true;
        }
    };
    // Woken by the store's notifier (NOTIFY, or data_version polled), a burst read at once;
    // and every 30 s, as time alone moves the night (runs fall late, reports at risk).
    QTimer soon;
    soon.setSingleShot(true);
    soon.setInterval(200);
    QObject::connect(&soon, &QTimer::timeout, [&] { look(false); });
    std::unique_ptr<ChangeNotifier> notifier = store.createNotifier();
    if (notifier) {
        QObject::connect(notifier.get(), &ChangeNotifier::changed, &soon,
                         qOverload<>(&QTimer::start));
        notifier->start();
    }
    QTimer clock;
    clock.setInterval(30 * 1000);
    QObject::connect(&clock, &QTimer::timeout, [&] { look(true); });
    clock.start();
    QObject::connect(&stop, &StopSignals::stopRequested, QCoreApplication::instance(),
                     [] { QCoreApplication::exit(ExitDone); });
    look(true);
    return QCoreApplication::exec();
}

} // namespace daybreak
