// Paging: the channels, the outbox of alert x channel deliveries, the delivery lease and
// each watch's heartbeat.

#include "SqlStore.h"
#include "SqlValues.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

#include <algorithm>

namespace daybreak {

using namespace sqlvalues;

namespace {
Delivery deliveryFrom(const QSqlQuery &q)
{
    return {q.value(0).toLongLong(),
            q.value(1).toLongLong(),
            q.value(2).toString(),
            q.value(3).toString(),
            q.value(4).toString(),
            q.value(5).toInt(),
            fromIsoUtc(q.value(6).toString()),
            q.value(7).toString(),
            fromIsoUtc(q.value(8).toString())};
}
const char kDeliveryColumns[] = "id, alert_id, channel, event, state, attempts, next_attempt_at, "
                                "last_error, delivered_at";
} // namespace

WriteStatus SqlStore::addChannel(const Channel &c, const AuditEntry &audit)
{
    return updateOneWithAudit(
        QStringLiteral("INSERT INTO channels (name, kind, target, options, created_by, "
                       "created_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (name) DO NOTHING"),
        {c.name, c.kind, c.target,
         QString::fromUtf8(QJsonDocument(c.options).toJson(QJsonDocument::Compact)),
         text(c.createdBy), isoUtc(c.createdAt)},
        audit);
}

WriteStatus SqlStore::removeChannel(const QString &name, const AuditEntry &audit)
{
    return updateOneWithAudit(QStringLiteral("DELETE FROM channels WHERE name = ?"), {name}, audit);
}

QList<Channel> SqlStore::channels()
{
    QSqlQuery q = run(QStringLiteral("SELECT name, kind, target, options, created_by, created_at "
                                     "FROM channels ORDER BY name"));
    QList<Channel> result;
    while (q.next())
        result.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                       QJsonDocument::fromJson(q.value(3).toString().toUtf8()).object(),
                       q.value(4).toString(), fromIsoUtc(q.value(5).toString())});
    return result;
}

int SqlStore::enqueueDeliveries(const QList<Delivery> &deliveries)
{
    if (deliveries.isEmpty())
        return 0;
    Transaction tx(*this);
    int added = 0;
    for (const Delivery &d : deliveries)
        added += run(QStringLiteral("INSERT INTO outbox (alert_id, channel, event, state, "
                                    "attempts, next_attempt_at) VALUES (?, ?, ?, 'pending', 0, ?) "
                                    "ON CONFLICT (alert_id, channel, event) DO NOTHING"),
                     {d.alertId, d.channel, d.event, isoUtc(d.nextAttemptAt)},
                     QStringLiteral("queueing a delivery to %1").arg(d.channel))
                     .numRowsAffected();
    if (added == 0) {
        tx.rollback(); // all there already: no change for anyone to notice
        return 0;
    }
    tx.commit();
    return added;
}

QList<Delivery> SqlStore::dueDeliveries(const QDateTime &now, int limit)
{
    // ISO timestamps in UTC compare as text.
    QSqlQuery q = run(QStringLiteral("SELECT %1 FROM outbox WHERE state = 'pending' AND "
                                     "next_attempt_at <= ? ORDER BY id LIMIT %2")
                          .arg(QLatin1String(kDeliveryColumns))
                          .arg(limit),
                      {isoUtc(now)});
    QList<Delivery> result;
    while (q.next())
        result.append(deliveryFrom(q));
    return result;
}

void SqlStore::recordAttempt(const Delivery &d)
{
    Transaction tx(*this);
    run(QStringLiteral("UPDATE outbox SET state = ?, attempts = ?, next_attempt_at = ?, "
                       "last_error = ?, delivered_at = ? WHERE id = ? AND state = 'pending'"),
        {d.state, d.attempts, isoUtc(d.nextAttemptAt), nullable(d.lastError),
         d.deliveredAt.isValid() ? QVariant(isoUtc(d.deliveredAt))
                                 : QVariant(QMetaType(QMetaType::QString)),
         d.id},
        QStringLiteral("recording a delivery attempt"));
    tx.commit();
}

QList<Delivery> SqlStore::deliveriesOf(const QList<qint64> &alertIds)
{
    QList<Delivery> result;
    if (alertIds.isEmpty())
        return result;
    QStringList ids;
    for (qint64 id : alertIds)
        ids << QString::number(id);
    QSqlQuery q = run(QStringLiteral("SELECT %1 FROM outbox WHERE alert_id IN (%2) ORDER BY id")
                          .arg(QLatin1String(kDeliveryColumns), ids.join(QLatin1Char(','))));
    while (q.next())
        result.append(deliveryFrom(q));
    return result;
}

bool SqlStore::takeLease(const QString &name, const QString &holder, const QDateTime &now,
                         const QDateTime &until)
{
    Transaction tx(*this);
    run(QStringLiteral("INSERT INTO leases (name, holder, expires_at) VALUES (?, '', ?) ON "
                       "CONFLICT (name) DO NOTHING"),
        {name, isoUtc(now.addSecs(-1))});
    const bool taken =
        run(QStringLiteral("UPDATE leases SET holder = ?, expires_at = ? WHERE name = ? AND "
                           "(holder = ? OR expires_at < ?)"),
            {holder, isoUtc(until), name, holder, isoUtc(now)},
            QStringLiteral("taking the %1 lease").arg(name))
            .numRowsAffected() == 1;
    tx.commit();
    return taken;
}

void SqlStore::recordWatchBeat(const WatchBeat &b)
{
    Transaction tx(*this);
    run(QStringLiteral("INSERT INTO watches (id, host, pid, started_at, last_ran, "
                       "interval_seconds, note) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO "
                       "UPDATE SET last_ran = excluded.last_ran, interval_seconds = "
                       "excluded.interval_seconds, note = excluded.note"),
        {b.id, text(b.host), b.pid, isoUtc(b.startedAt), isoUtc(b.lastRan), b.intervalSeconds,
         text(b.note)},
        QStringLiteral("writing the watch's heartbeat"));
    tx.commit();
}

QList<WatchBeat> SqlStore::watches()
{
    QSqlQuery q = run(QStringLiteral("SELECT id, host, pid, started_at, last_ran, "
                                     "interval_seconds, note FROM watches ORDER BY last_ran DESC"));
    QList<WatchBeat> result;
    while (q.next())
        result.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toLongLong(),
                       fromIsoUtc(q.value(3).toString()), fromIsoUtc(q.value(4).toString()),
                       q.value(5).toInt(), q.value(6).toString()});
    return result;
}

void SqlStore::removeWatch(const QString &id)
{
    Transaction tx(*this);
    run(QStringLiteral("DELETE FROM watches WHERE id = ?"), {id},
        QStringLiteral("removing the watch's heartbeat"));
    tx.commit();
}

} // namespace daybreak
