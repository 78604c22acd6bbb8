#pragma once

#include "Delivery.h"
#include "Inventory.h"
#include "SlaAlert.h"

#include <QNetworkAccessManager>
#include <QObject>
#include <QTextStream>

namespace daybreak {

class Clock;
class Store;

// Delivers the night's alerts through the outbox. One watch at a time holds the "delivery"
// lease (renewed every round, kLeaseSeconds long), so of several watches exactly one delivers
// and another takes over within that time when it dies. Every alert x channel x event is one
// outbox row: planned from the store's state (a restarted watch plans the same rows), delivered
// once, retried with exponential back-off and jitter while the receiver fails, and sent with a
// key a receiver can deduplicate on (PagerDuty's dedup_key, the webhook's Idempotency-Key).
class Deliverer : public QObject
{
    Q_OBJECT

public:
    static constexpr int kLeaseSeconds = 90;
    static constexpr int kTimeoutMs = 10000;

    Deliverer(Store &store, const Clock &clock, QString holder, QTextStream &log,
              int leaseSeconds = kLeaseSeconds);

    // One round for the night `night`: returns how many deliveries succeeded. `inventory`
    // (for the owners routing looks at) spares a snapshot read when the caller holds one.
    int round(const QDate &night, const Inventory *inventory = nullptr);
    bool holdsLease() const { return m_holds; }

    // Sends one delivery now, whatever the outbox says (notify test); the error on failure.
    QString send(const Channel &channel, const SlaAlert &alert, const Delivery &delivery);

    // The wait before attempt `attempts` + 1: 30 s doubling to at most 30 min, times 0.8-1.2.
    static qint64 backoffSeconds(int attempts, double jitter);

private:
    QString post(const QUrl &url, const QByteArray &body, const QByteArray &idempotencyKey);
    QString runCommand(const QString &program, const QByteArray &input);
    void log(const QString &level, const QString &what);

    Store &m_store;
    const Clock &m_clock;
    QString m_holder;
    QTextStream &m_log;
    QNetworkAccessManager m_network;
    bool m_holds = false;
    int m_leaseSeconds;
};

} // namespace daybreak
