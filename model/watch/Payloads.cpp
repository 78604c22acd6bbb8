#include "Payloads.h"

#include "SqlStore.h"

namespace daybreak::Payloads {

namespace {
QJsonValue instant(const QDateTime &at)
{
    return at.isValid() ? QJsonValue(isoUtc(at)) : QJsonValue();
}
} // namespace

QString dedupKey(const SlaAlert &alert)
{
    return QStringLiteral("daybreak-%1-%2")
        .arg(alert.businessDate.toString(Qt::ISODate))
        .arg(alert.id);
}

QJsonObject webhook(const SlaAlert &a, const Delivery &d, const QString &severity)
{
    return {
        {QStringLiteral("format"), QStringLiteral("daybreak-alert/1")},
        {QStringLiteral("delivery_id"), QStringLiteral("daybreak-delivery-%1").arg(d.id)},
        {QStringLiteral("event"), d.event},
        {QStringLiteral("alert"),
         QJsonObject{{QStringLiteral("id"), a.id},
                     {QStringLiteral("dedup_key"), dedupKey(a)},
                     {QStringLiteral("night"), a.businessDate.toString(Qt::ISODate)},
                     {QStringLiteral("kind"), a.status},
                     {QStringLiteral("severity"), severity},
                     {QStringLiteral("subject"), a.report},
                     {QStringLiteral("cause"), a.cause},
                     {QStringLiteral("message"), a.message},
                     {QStringLiteral("hours_left"), a.hoursLeft},
                     {QStringLiteral("raised_at"), instant(a.raisedAt)},
                     {QStringLiteral("acknowledged_by"),
                      a.acknowledgedBy.isEmpty() ? QJsonValue() : QJsonValue(a.acknowledgedBy)},
                     {QStringLiteral("acknowledged_at"), instant(a.acknowledgedAt)},
                     {QStringLiteral("resolved_at"), instant(a.resolvedAt)},
                     {QStringLiteral("resolved_reason"),
                      a.resolvedReason.isEmpty() ? QJsonValue() : QJsonValue(a.resolvedReason)}}},
    };
}

QJsonObject slack(const SlaAlert &a, const Delivery &d, const QString &severity)
{
    const QString text =
        d.event == QLatin1String("trigger")
            ? QStringLiteral("[Daybreak] %1 %2 — night of %3: %4")
                  .arg(severity.toUpper(), a.status, a.businessDate.toString(Qt::ISODate),
                       a.message)
            : QStringLiteral("[Daybreak] resolved %1 %2 — %3")
                  .arg(a.status, a.report,
                       a.isAcknowledged()
                           ? QStringLiteral("acknowledged by %1").arg(a.acknowledgedBy)
                           : a.resolvedReason);
    return {{QStringLiteral("text"), text}};
}

QJsonObject pagerDuty(const QString &routingKey, const SlaAlert &a, const Delivery &d,
                      const QString &severity)
{
    QJsonObject event{{QStringLiteral("routing_key"), routingKey},
                      {QStringLiteral("event_action"), d.event},
                      {QStringLiteral("dedup_key"), dedupKey(a)}};
    if (d.event == QLatin1String("trigger"))
        event.insert(QStringLiteral("payload"),
                     QJsonObject{{QStringLiteral("summary"), a.message.left(1024)},
                                 {QStringLiteral("source"), QStringLiteral("daybreak")},
                                 {QStringLiteral("severity"), severity},
                                 {QStringLiteral("component"), a.report},
                                 {QStringLiteral("group"), a.status},
                                 {QStringLiteral("timestamp"), instant(a.raisedAt)},
                                 {QStringLiteral("custom_details"),
                                  webhook(a, d, severity).value(QStringLiteral("alert"))}});
    return event;
}

QJsonObject email(const SlaAlert &a, const Delivery &d, const QString &severity)
{
    const bool trigger = d.event == QLatin1String("trigger");
    const QString subject =
        trigger
            ? QStringLiteral("[Daybreak] %1 %2 %3 (night of %4)")
                  .arg(severity.toUpper(), a.status, a.report, a.businessDate.toString(Qt::ISODate))
            : QStringLiteral("[Daybreak] resolved: %1 %2 (night of %3)")
                  .arg(a.status, a.report, a.businessDate.toString(Qt::ISODate));
    QString body = a.message + QStringLiteral("\n\nRaised at %1.").arg(isoUtc(a.raisedAt));
    if (a.isAcknowledged())
        body += QStringLiteral("\nAcknowledged by %1 at %2.")
                    .arg(a.acknowledgedBy, isoUtc(a.acknowledgedAt));
    if (a.isResolved())
        body += QStringLiteral("\nResolved at %1: %2.").arg(isoUtc(a.resolvedAt), a.resolvedReason);
    body += QStringLiteral("\nAcknowledge with: daybreakctl sla ack %1\n").arg(a.id);
    return {{QStringLiteral("subject"), subject}, {QStringLiteral("body"), body}};
}

} // namespace daybreak::Payloads
