// What the orchestrator says ran, the alerts the sensors raise, and the OpenLineage
// mappings that name which job is which pipeline.

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

void SqlStore::recordRunEvent(const RunEvent &e)
{
    Transaction tx(*this);
    insertRunEvent(e);
    tx.commit();
}

void SqlStore::recordRunHistory(const QList<RunEvent> &events, const AuditEntry &audit)
{
    Transaction tx(*this);
    for (const RunEvent &e : events)
        insertRunEvent(e);
    insertAudit(audit);
    tx.commit();
}

void SqlStore::insertRunEvent(const RunEvent &e)
{
    run(QStringLiteral("INSERT INTO run_events (pipeline, business_date, side, state, at, "
                       "recorded_by) VALUES (?, ?, ?, ?, ?, ?)"),
        {e.pipeline, e.businessDate.toString(Qt::ISODate), sideName(e.side),
         runEventKindName(e.kind), isoUtc(e.at), text(e.recordedBy)},
        QStringLiteral("recording a run event of %1").arg(e.pipeline));
}

QList<RunEvent> SqlStore::runEvents(const QDate &businessDate)
{
    return runEventsBetween(businessDate, businessDate);
}

QList<RunEvent> SqlStore::runEventsBetween(const QDate &from, const QDate &to,
                                           const QString &pipeline)
{
    QVariantList values{from.toString(Qt::ISODate), to.toString(Qt::ISODate)};
    if (!pipeline.isEmpty())
        values << pipeline;
    QSqlQuery q =
        run(QStringLiteral(
                "SELECT id, pipeline, business_date, side, state, at, recorded_by FROM run_events "
                "WHERE business_date >= ? AND business_date <= ?%1 ORDER BY at, id")
                .arg(pipeline.isEmpty() ? QString() : QStringLiteral(" AND pipeline = ?")),
            values);
    QList<RunEvent> events;
    while (q.next())
        events.append(
            {q.value(0).toLongLong(), q.value(1).toString(),
             QDate::fromString(q.value(2).toString(), Qt::ISODate),
             sideFromName(q.value(3).toString()).value_or(Side::OnPrem),
             runEventKindFromName(q.value(4).toString()).value_or(RunEvent::Kind::Started),
             fromIsoUtc(q.value(5).toString()), q.value(6).toString()});
    return events;
}

void SqlStore::recordRunEvents(const QList<RunEvent> &events)
{
    if (events.isEmpty())
        return;
    Transaction tx(*this);
    for (const RunEvent &e : events)
        insertRunEvent(e);
    tx.commit();
}

QList<SlaAlert> SqlStore::raiseAlerts(const QList<SlaAlert> &alerts)
{
    QList<SlaAlert> raised;
    if (alerts.isEmpty())
        return raised;
    Transaction tx(*this);
    for (const SlaAlert &a : alerts) {
        QSqlQuery q =
            run(QStringLiteral("INSERT INTO alerts (business_date, report, status, raised_at, "
                               "projected_finish, cause, "
                               "hours_left, message) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                               "ON CONFLICT (business_date, report, status) DO NOTHING"),
                {a.businessDate.toString(Qt::ISODate), a.report, a.status, isoUtc(a.raisedAt),
                 a.projectedFinish.isValid() ? QVariant(isoUtc(a.projectedFinish))
                                             : QVariant(QMetaType(QMetaType::QString)),
                 nullable(a.cause), a.hoursLeft, a.message},
                QStringLiteral("raising an alert for %1").arg(a.report));
        if (q.numRowsAffected() == 1)
            raised.append(a);
    }
    if (raised.isEmpty()) {
        tx.rollback(); // nothing new: leave the store (and every console's change token) alone
        return raised;
    }
    tx.commit();
    return raised;
}

QList<SlaAlert> SqlStore::alerts(const QDate &businessDate)
{
    QSqlQuery q = run(QStringLiteral("SELECT id, business_date, report, status, raised_at, "
                                     "projected_finish, cause, hours_left, "
                                     "message, acknowledged_by, acknowledged_at, resolved_at, "
                                     "resolved_reason FROM alerts WHERE "
                                     "business_date = ? ORDER BY id"),
                      {businessDate.toString(Qt::ISODate)});
    QList<SlaAlert> result;
    while (q.next()) {
        SlaAlert a;
        a.id = q.value(0).toLongLong();
        a.businessDate = QDate::fromString(q.value(1).toString(), Qt::ISODate);
        a.report = q.value(2).toString();
        a.status = q.value(3).toString();
        a.raisedAt = fromIsoUtc(q.value(4).toString());
        a.projectedFinish = fromIsoUtc(q.value(5).toString());
        a.cause = q.value(6).toString();
        a.hoursLeft = q.value(7).toDouble();
        a.message = q.value(8).toString();
        a.acknowledgedBy = q.value(9).toString();
        a.acknowledgedAt = fromIsoUtc(q.value(10).toString());
        a.resolvedAt = fromIsoUtc(q.value(11).toString());
        a.resolvedReason = q.value(12).toString();
        result.append(a);
    }
    return result;
}

QList<SlaAlert> SqlStore::resolveAlerts(const QList<SlaAlert> &resolved)
{
    QList<SlaAlert> done;
    if (resolved.isEmpty())
        return done;
    Transaction tx(*this);
    for (const SlaAlert &a : resolved)
        if (run(QStringLiteral("UPDATE alerts SET resolved_at = ?, resolved_reason = ? WHERE id = "
                               "? AND resolved_at IS NULL"),
                {isoUtc(a.resolvedAt), a.resolvedReason, a.id},
                QStringLiteral("resolving alert %1").arg(a.id))
                .numRowsAffected() == 1)
            done.append(a);
    if (done.isEmpty()) {
        tx.rollback(); // another console or watch resolved them first
        return done;
    }
    tx.commit();
    return done;
}

WriteStatus SqlStore::acknowledgeAlert(qint64 id, const AuditEntry &audit)
{
    return updateOneWithAudit(
        QStringLiteral("UPDATE alerts SET acknowledged_by = ?, acknowledged_at = ? WHERE id = ? "
                       "AND acknowledged_by IS NULL"),
        {audit.actor, isoUtc(audit.at), id}, audit);
}

WriteStatus SqlStore::addLineageMapping(const LineageMapping &m, const AuditEntry &audit)
{
    return updateOneWithAudit(
        QStringLiteral("INSERT INTO lineage_map (namespace, job_pattern, pipeline, side, "
                       "created_by, created_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (namespace, "
                       "job_pattern, side) DO NOTHING"),
        {m.ns, m.jobPattern, m.pipeline.isEmpty() ? QVariant() : QVariant(m.pipeline),
         sideName(m.side), text(m.createdBy), isoUtc(m.createdAt)},
        audit);
}

WriteStatus SqlStore::removeLineageMapping(qint64 id, const AuditEntry &audit)
{
    return updateOneWithAudit(QStringLiteral("DELETE FROM lineage_map WHERE id = ?"), {id}, audit);
}

QList<LineageMapping> SqlStore::lineageMappings()
{
    QSqlQuery q = run(QStringLiteral("SELECT id, namespace, job_pattern, pipeline, side, "
                                     "created_by, created_at FROM lineage_map ORDER BY id"));
    QList<LineageMapping> result;
    while (q.next())
        result.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(),
                       q.value(3).toString(),
                       sideFromName(q.value(4).toString()).value_or(Side::OnPrem),
                       q.value(5).toString(), fromIsoUtc(q.value(6).toString())});
    return result;
}

void SqlStore::countUnmapped(const QList<UnmappedJob> &seen)
{
    if (seen.isEmpty())
        return;
    Transaction tx(*this);
    for (const UnmappedJob &j : seen)
        run(QStringLiteral("INSERT INTO lineage_unmapped (namespace, job, events, first_seen, "
                           "last_seen) VALUES (?, ?, ?, ?, ?) ON CONFLICT (namespace, job) DO "
                           "UPDATE SET events = lineage_unmapped.events + excluded.events, "
                           "last_seen = excluded.last_seen"),
            {j.ns, j.job, j.events, isoUtc(j.firstSeen), isoUtc(j.lastSeen)},
            QStringLiteral("counting the unmapped job %1").arg(j.job));
    tx.commit();
}

QList<UnmappedJob> SqlStore::unmappedJobs()
{
    QSqlQuery q = run(QStringLiteral("SELECT namespace, job, events, first_seen, last_seen FROM "
                                     "lineage_unmapped ORDER BY namespace, job"));
    QList<UnmappedJob> result;
    while (q.next())
        result.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toLongLong(),
                       fromIsoUtc(q.value(3).toString()), fromIsoUtc(q.value(4).toString())});
    return result;
}

} // namespace daybreak
