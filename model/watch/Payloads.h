#pragma once

#include "Delivery.h"
#include "SlaAlert.h"

#include <QByteArray>
#include <QJsonObject>

namespace daybreak {

// What each kind of receiver is sent for one delivery (docs/alerts.md documents the webhook's).
namespace Payloads {

// daybreak-alert/1: the alert, the event and the delivery's id (also the Idempotency-Key).
QJsonObject webhook(const SlaAlert &alert, const Delivery &delivery, const QString &severity);
// A Slack incoming-webhook message.
QJsonObject slack(const SlaAlert &alert, const Delivery &delivery, const QString &severity);
// PagerDuty Events API v2: trigger and resolve share the dedup key daybreak-<alert id>.
QJsonObject pagerDuty(const QString &routingKey, const SlaAlert &alert, const Delivery &delivery,
                      const QString &severity);
QString dedupKey(const SlaAlert &alert);
// A mail's subject and body (plain text).
QJsonObject email(const SlaAlert &alert, const Delivery &delivery, const QString &severity);

} // namespace Payloads
} // namespace daybreak
