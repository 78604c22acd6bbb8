#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace daybreak {

// Where alerts go: configured in the store, so every watch and console sees the same.
struct Channel
{
    QString name;
    QString kind;   // webhook, slack, pagerduty, email, command
    QString target; // the URL, the PagerDuty routing key, the address, or the program
    // "reports", "owners": only alerts about these (empty: all); "min_severity": warning or
    // critical; "escalate_after_minutes": only alerts nobody acknowledged by then; "smtp",
    // "starttls" for email.
    QJsonObject options;
    QString createdBy;
    QDateTime createdAt;
};

// One alert x channel x event (trigger, or resolve once it cleared or was acknowledged): the
// outbox row a watch delivers, retries with back-off, and never delivers twice.
struct Delivery
{
    qint64 id = 0;
    qint64 alertId = 0;
    QString channel;
    QString event; // trigger or resolve
    QString state; // pending or delivered
    int attempts = 0;
    QDateTime nextAttemptAt;
    QString lastError;
    QDateTime deliveredAt;

    bool isFailing() const { return state == QLatin1String("pending") && attempts > 0; }
};

} // namespace daybreak
