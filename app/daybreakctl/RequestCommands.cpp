// Four eyes from the command line: request a routing change, approve or reject another
// operator's request, list the requests. Every decision goes through MigrationService.
#include "Commands.h"
#include "CtlContext.h"
#include "Printable.h"

#include "Calendar.h"
#include "MigrationService.h"

#include <QJsonArray>
#include <QJsonObject>

namespace daybreak {

namespace {
// What a request can ask for: every routing change but a dual run, which never needs two.
std::optional<MigrationAction> requestable(const QString &name)
{
    const std::optional<MigrationAction> a = actionFromName(name);
    return a == MigrationAction::DualRun ? std::nullopt : a;
}

std::optional<qint64> requestId(CtlContext &ctx)
{
    QString text = ctx.parser.positionalArguments().constFirst();
    if (text.startsWith(QLatin1Char('#')))
        text.remove(0, 1);
    bool ok = false;
    const qint64 id = text.toLongLong(&ok);
    return ok && id > 0 ? std::optional<qint64>(id) : std::nullopt;
}

QJsonObject requestJson(const ChangeRequest &r, const QDateTime &now)
{
    auto time = [](const QDateTime &t) {
        return t.isValid() ? QJsonValue(t.toUTC().toString(Qt::ISODate)) : QJsonValue();
    };
    return {{QStringLiteral("id"), r.id},
            {QStringLiteral("action"), r.action},
            {QStringLiteral("pipeline"), r.pipeline},
            {QStringLiteral("requester"), r.requester},
            {QStringLiteral("reason"), r.reason},
            {QStringLiteral("created_at"), time(r.createdAt)},
            {QStringLiteral("expires_at"), time(r.expiresAt)},
            {QStringLiteral("status"), r.statusText(now)},
            {QStringLiteral("decided_by"),
             r.decidedBy.isEmpty() ? QJsonValue() : QJsonValue(r.decidedBy)},
            {QStringLiteral("decided_at"), time(r.decidedAt)},
            {QStringLiteral("decision_reason"),
             r.decisionReason.isEmpty() ? QJsonValue() : QJsonValue(r.decisionReason)}};
}
} // namespace

int cmdRequest(CtlContext &ctx)
{
    const QCommandLineOption reason(QStringLiteral("reason"),
                                    QStringLiteral("Why, for the approver and the audit log."),
                                    QStringLiteral("text"));
    if (!ctx.parse({reason}, QStringLiteral("cutover|rollback|decommission ID"), 2, 2))
        return ctx.parseExit;
    const auto action = requestable(ctx.parser.positionalArguments().at(0));
    if (!action)
        return ctx.usage(QStringLiteral("request: '%1' is not cutover, rollback or decommission")
                             .arg(ctx.parser.positionalArguments().at(0)));
    Store *store = ctx.openStore();
    if (!store)
        return ExitStore;
    MigrationService service(*store, ctx.clock, ctx.actor);
    const MigrationService::RequestOutcome o = service.requestChange(
        *action, {ctx.parser.positionalArguments().at(1), ctx.parser.value(reason)});
    if (ctx.json() && o.ok()) {
        ctx.printJson(QJsonDocument(QJsonObject{{QStringLiteral("id"), o.requestId}}));
        return ExitDone;
    }
    return ctx.finish(o);
}

int cmdApprove(CtlContext &ctx)
{
    if (!ctx.parse({}, QStringLiteral("REQUEST"), 1, 1))
        return ctx.parseExit;
    const std::optional<qint64> id = requestId(ctx);
    if (!id)
        return ctx.usage(QStringLiteral("approve: '%1' is not a request number")
                             .arg(ctx.parser.positionalArguments().constFirst()));
    Store *store = ctx.openStore();
    if (!store)
        return ExitStore;
    return ctx.finish(MigrationService(*store, ctx.clock, ctx.actor).approve(*id));
}

int cmdReject(CtlContext &ctx)
{
    const QCommandLineOption reason(QStringLiteral("reason"),
                                    QStringLiteral("Why, for the requester and the audit log."),
                                    QStringLiteral("text"));
    if (!ctx.parse({reason}, QStringLiteral("REQUEST"), 1, 1))
        return ctx.parseExit;
    const std::optional<qint64> id = requestId(ctx);
    if (!id)
        return ctx.usage(QStringLiteral("reject: '%1' is not a request number")
                             .arg(ctx.parser.positionalArguments().constFirst()));
    Store *store = ctx.openStore();
    if (!store)
        return ExitStore;
    return ctx.finish(
        MigrationService(*store, ctx.clock, ctx.actor).reject(*id, ctx.parser.value(reason)));
}

int cmdRequests(CtlContext &ctx)
{
    const QCommandLineOption all(QStringLiteral("all"),
                                 QStringLiteral("Decided and expired requests too."));
    if (!ctx.parse({all}))
        return ctx.parseExit;
    Store *store = ctx.openStore();
    if (!store)
        return ExitStore;
    const QDateTime now = ctx.clock.now();
    QList<ChangeRequest> shown;
    for (const ChangeRequest &r : store->changeRequests())
        if (ctx.parser.isSet(all) || r.statusText(now) == QLatin1String("pending"))
            shown << r;
    if (ctx.json()) {
        QJsonArray rows;
        for (const ChangeRequest &r : shown)
            rows.append(requestJson(r, now));
        ctx.printJson(QJsonDocument(rows));
        return ExitDone;
    }
    const Calendar calendar(store->snapshot().inventory);
    if (shown.isEmpty())
        ctx.out << (ctx.parser.isSet(all) ? "no change requests" : "no pending change requests")
                << Qt::endl;
    for (const ChangeRequest &r : shown) {
        ctx.out << QStringLiteral("#%1  %2  %3 %4  asked by %5 at %6: %7")
                       .arg(r.id)
                       .arg(r.statusText(now), -8)
                       .arg(r.action, printable(r.pipeline), printable(r.requester),
                            calendar.format(r.createdAt, QStringLiteral("ddd HH:mm")),
                            printable(r.reason))
                << Qt::endl;
        if (r.status == ChangeRequest::Status::Pending)
            ctx.out << QStringLiteral("      expires %1")
                           .arg(calendar.format(r.expiresAt,
                                                QStringLiteral("ddd yyyy-MM-dd HH:mm t")))
                    << Qt::endl;
        else
            ctx.out << QStringLiteral("      %1 by %2 at %3%4")
                           .arg(requestStatusName(r.status), printable(r.decidedBy),
                                calendar.format(r.decidedAt, QStringLiteral("ddd HH:mm")),
                                r.decisionReason.isEmpty()
                                    ? QString()
                                    : QStringLiteral(": ") + printable(r.decisionReason))
                    << Qt::endl;
    }
    return ExitDone;
}

} // namespace daybreak
