// The routing pointers: reading them, their read receipts, the audit log, and the
// compare-and-set that moves a pointer with its audit row; four-eyes change requests.

#include "SqlStore.h"
#include "SqlValues.h"

#include <QDeadlineTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QUuid>

#include <algorithm>

namespace daybreak {

using namespace sqlvalues;

QString SqlStore::timezoneName()
{
    QSqlQuery q = run(QStringLiteral("SELECT value FROM settings WHERE key = 'timezone'"));
    return q.next() ? q.value(0).toString() : QString();
}

std::optional<RoutingPointer> SqlStore::routing(const QString &pipeline)
{
    QSqlQuery r =
        run(QStringLiteral(
                "SELECT pipeline, state, version, updated_at FROM routing WHERE pipeline = ?"),
            {pipeline});
    if (!r.next())
        return std::nullopt;
    return RoutingPointer{r.value(0).toString(),
                          stateFromName(r.value(1).toString()).value_or(State::OnPrem),
                          r.value(2).toLongLong(), fromIsoUtc(r.value(3).toString())};
}

RoutingTable SqlStore::routingTable(const QDateTime &now)
{
    Transaction read(*this, Transaction::Kind::Read);
    readConsistently();
    RoutingTable t;
    t.storeId = storeId();
    t.feedSeq = newestFeedEntry();
    QSqlQuery r = run(QStringLiteral("SELECT pipeline, state, version, updated_at FROM routing"));
    while (r.next()) {
        const QString id = r.value(0).toString();
        t.pointers.insert(
            id, RoutingPointer{id, stateFromName(r.value(1).toString()).value_or(State::OnPrem),
                               r.value(2).toLongLong(), fromIsoUtc(r.value(3).toString())});
    }
    QSqlQuery pending = run(QStringLiteral(
        "SELECT pipeline, expires_at FROM change_requests WHERE status = 'pending'"));
    while (pending.next())
        if (fromIsoUtc(pending.value(1).toString()) > now)
            t.midChange.insert(pending.value(0).toString());
    return t;
}

QString SqlStore::storeId()
{
    if (m_storeId.isEmpty()) {
        QSqlQuery q = run(QStringLiteral("SELECT value FROM settings WHERE key = 'store_id'"));
        if (q.next())
            m_storeId = q.value(0).toString();
    }
    return m_storeId;
}

bool SqlStore::routingChangedSince(qint64 feedSeq)
{
    if (feedTrimmedPast(feedSeq))
        return true;
    QSqlQuery q = run(QStringLiteral("SELECT 1 FROM change_feed WHERE seq > ? AND tbl IN "
                                     "('routing', 'change_requests') LIMIT 1"),
                      {feedSeq});
    return q.next();
}

void SqlStore::recordReadReceipt(const QString &pipeline, const ReadReceipt &receipt)
{
    // A reader asking again about the version it saw last writes nothing for an hour: the receipt
    // says it is still asking without costing each route call a write.
    QSqlQuery q = run(QStringLiteral("SELECT version, asked_at FROM route_readers WHERE pipeline = "
                                     "? AND host = ? AND caller = ?"),
                      {pipeline, receipt.host, receipt.caller});
    if (q.next() && q.value(0).toLongLong() == receipt.version &&
        fromIsoUtc(q.value(1).toString()) > receipt.seenAt.addSecs(-3600))
        return;
    writeReadReceipt(pipeline, receipt);
}

void SqlStore::writeReadReceipt(const QString &pipeline, const ReadReceipt &receipt)
{
    Transaction tx(*this);
    run(QStringLiteral(
            "INSERT INTO route_readers (pipeline, host, caller, version, seen_at, asked_at) "
            "SELECT pipeline, ?, ?, version, ?, ? FROM routing WHERE pipeline = ? AND version = ? "
            "ON CONFLICT (pipeline, host, caller) DO UPDATE SET version = excluded.version, "
            "seen_at = CASE WHEN route_readers.version = excluded.version THEN "
            "route_readers.seen_at ELSE excluded.seen_at END, asked_at = excluded.asked_at"),
        {receipt.host.left(200), receipt.caller.left(200), isoUtc(receipt.seenAt),
         isoUtc(receipt.seenAt), pipeline, receipt.version},
        QStringLiteral("writing the read receipt of %1").arg(pipeline));
    tx.commit();
}

QList<ReadReceipt> SqlStore::readReceipts(const QString &pipeline, const QDateTime &since)
{
    QSqlQuery q = run(QStringLiteral("SELECT host, caller, version, seen_at, asked_at FROM "
                                     "route_readers WHERE pipeline = ? ORDER BY host, caller"),
                      {pipeline});
    QList<ReadReceipt> rows;
    while (q.next()) {
        // asked_at is kept to the hour (recordReadReceipt): a reader counts as recent while its
        // last receipt is younger than `since` less that hour.
        if (fromIsoUtc(q.value(4).toString()) < since.addSecs(-3600))
            continue;
        rows.append(ReadReceipt{q.value(0).toString(), q.value(1).toString(),
                                q.value(2).toLongLong(), fromIsoUtc(q.value(3).toString())});
    }
    return rows;
}

QList<AuditEntry> SqlStore::auditLog(const QString &pipeline)
{
    const QString columns =
        QStringLiteral("SELECT id, at, actor, action, pipeline, from_state, to_state, reason, "
                       "break_glass, unplanned, db_user FROM audit ");
    QSqlQuery q = pipeline.isEmpty()
                      ? run(columns + QStringLiteral("ORDER BY id"))
                      : run(columns + QStringLiteral("WHERE pipeline = ? ORDER BY id"), {pipeline});
    QList<AuditEntry> rows;
    while (q.next()) {
        rows.append({q.value(0).toLongLong(), fromIsoUtc(q.value(1).toString()),
                     q.value(2).toString(), q.value(3).toString(), q.value(4).toString(),
                     q.value(5).toString(), q.value(6).toString(), q.value(7).toString(),
                     q.value(8).toInt() != 0, q.value(9).toInt() != 0, q.value(10).toString()});
    }
    return rows;
}

void SqlStore::insertAudit(const AuditEntry &a, const QString &requestId)
{
    run(QStringLiteral(
            "INSERT INTO audit (at, actor, action, pipeline, from_state, to_state, "
            "reason, break_glass, unplanned, request_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, "
            "?, ?)"),
        {isoUtc(a.at), text(a.actor), text(a.action), nullable(a.pipeline), nullable(a.from),
         nullable(a.to), nullable(a.reason), a.breakGlass ? 1 : 0, a.unplanned ? 1 : 0,
         nullable(requestId)},
        QStringLiteral("writing the audit row"));
}

WriteStatus SqlStore::applyTransition(const Transition &t)
{
    // The change's own id goes into its audit rows, so that a COMMIT whose answer was lost can be
    // looked up instead of guessed at.
    Transition tagged = t;
    if (tagged.requestId.isEmpty())
        tagged.requestId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    try {
        Transaction tx(*this);
        isolateForRules();
        tagRequest(tagged.requestId);
        // The compare-and-set with its audit rows, and the neighbours the rules looked at still
        // where they were: or nothing.
        if (!writeTransition(tagged) || !neighboursUnchanged(tagged.neighbourVersions)) {
            tx.rollback();
            return WriteStatus::Conflict;
        }
        tx.commit();
    } catch (const ConcurrentChange &) {
        return WriteStatus::Conflict; // the server rolled it back; the guard's rollback is a no-op
    } catch (const CommitUnknown &lost) {
        // Done once: reported as written, never as "changed since you looked", never applied
        // again. Not there: nothing changed, and the caller may try again.
        if (findRequest(tagged.requestId, lost.message()))
            return WriteStatus::Written;
        throw StoreError(
            QStringLiteral("lost the connection while committing the %1 of %2 (%3); it was not "
                           "written (request %4 is not in the audit log): nothing changed")
                .arg(t.audit.action, t.pipeline, lost.message(), tagged.requestId));
    }
    return WriteStatus::Written;
}

bool SqlStore::findRequest(const QString &requestId, const QString &why)
{
    // A failover takes seconds: keep reconnecting (libpq takes whichever host accepts writes now)
    // until the store answers or the limit passes.
    QDeadlineTimer limit(kCommitLookupLimit);
    int pauseMs = 100;
    QString lastProblem = why;
    for (;;) {
        try {
            reconnect();
            m_suspect = false;
            QSqlQuery q = run(QStringLiteral("SELECT COUNT(*) FROM audit WHERE request_id = ?"),
                              {requestId}, QStringLiteral("looking up the lost commit's request"));
            return q.next() && q.value(0).toLongLong() > 0;
        } catch (const StoreError &e) {
            lastProblem = e.message();
        }
        if (limit.hasExpired())
            throw StoreError(
                QStringLiteral("lost the connection while committing (%1), and the "
                               "store did not answer again within %2 s to tell "
                               "whether request %3 was written (%4): read the store "
                               "again before retrying")
                    .arg(why)
                    .arg(std::chrono::duration_cast<std::chrono::seconds>(kCommitLookupLimit)
                             .count())
                    .arg(requestId, lastProblem));
        QThread::msleep(std::min<qint64>(pauseMs, limit.remainingTime()));
        pauseMs = std::min(pauseMs * 2, 1000);
    }
}

bool SqlStore::writeTransition(const Transition &t)
{
    // The compare-and-set: the pointer moves only if nobody moved it since it was read.
    QSqlQuery q =
        run(QStringLiteral("UPDATE routing SET state = ?, version = version + 1, updated_at = ? "
                           "WHERE pipeline = ? AND version = ? AND state = ?"),
            {stateName(t.to), isoUtc(t.audit.at), t.pipeline, t.expectedVersion, stateName(t.from)},
            QStringLiteral("updating the routing pointer"));
    if (q.numRowsAffected() != 1)
        return false;
    // ...and an approved request is approved once, never by its requester: two approvers at
    // once give one change.
    if (t.approval) {
        const QSqlQuery approved =
            run(QStringLiteral("UPDATE change_requests SET status = 'approved', decided_by = ?, "
                               "decided_at = ? WHERE id = ? AND status = 'pending' AND "
                               "requester <> ?"),
                {t.approval->approver, isoUtc(t.approval->audit.at), t.approval->request,
                 t.approval->approver},
                QStringLiteral("approving the change request"));
        if (approved.numRowsAffected() != 1)
            return false;
        insertAudit(t.approval->audit, t.requestId);
    }
    insertAudit(t.audit, t.requestId);
    return true;
}

bool SqlStore::neighboursUnchanged(const QHash<QString, qint64> &expected)
{
    if (expected.isEmpty())
        return true;
    QStringList marks;
    QVariantList ids;
    for (auto it = expected.cbegin(); it != expected.cend(); ++it) {
        marks << QStringLiteral("?");
        ids << it.key();
    }
    QSqlQuery q = run(QStringLiteral("SELECT pipeline, version FROM routing WHERE pipeline IN (%1)")
                          .arg(marks.join(QLatin1Char(','))),
                      ids, QStringLiteral("reading the neighbours' pointers"));
    int seen = 0;
    while (q.next()) {
        ++seen;
        if (expected.value(q.value(0).toString(), -1) != q.value(1).toLongLong())
            return false;
    }
    return seen == expected.size();
}

qint64 SqlStore::addChangeRequest(const ChangeRequest &r, const AuditEntry &audit)
{
    Transaction tx(*this);
    QSqlQuery q = run(QStringLiteral("INSERT INTO change_requests (created_at, requester, action, "
                                     "pipeline, reason, expires_at, status) VALUES (?, ?, ?, ?, "
                                     "?, ?, 'pending') RETURNING id"),
                      {isoUtc(r.createdAt), r.requester, r.action, r.pipeline, text(r.reason),
                       isoUtc(r.expiresAt)},
                      QStringLiteral("writing the change request"));
    const qint64 id = q.next() ? q.value(0).toLongLong() : 0;
    q.finish(); // SQLite commits nothing while a statement is still stepping
    AuditEntry a = audit;
    a.reason = QStringLiteral("request #%1: %2").arg(id).arg(audit.reason);
    insertAudit(a);
    tx.commit();
    return id;
}

WriteStatus SqlStore::rejectChangeRequest(qint64 id, const QString &decider, const QString &reason,
                                          const AuditEntry &audit)
{
    return updateOneWithAudit(
        QStringLiteral("UPDATE change_requests SET status = 'rejected', decided_by = ?, "
                       "decided_at = ?, decision_reason = ? WHERE id = ? AND status = 'pending' "
                       "AND requester <> ?"),
        {decider, isoUtc(audit.at), text(reason), id, decider}, audit);
}

QList<ChangeRequest> SqlStore::changeRequests()
{
    QSqlQuery q = run(QStringLiteral(
        "SELECT id, created_at, requester, action, pipeline, reason, expires_at, status, "
        "decided_by, decided_at, decision_reason, notified_at FROM change_requests ORDER BY id "
        "DESC"));
    QList<ChangeRequest> result;
    while (q.next()) {
        ChangeRequest r;
        r.id = q.value(0).toLongLong();
        r.createdAt = fromIsoUtc(q.value(1).toString());
        r.requester = q.value(2).toString();
        r.action = q.value(3).toString();
        r.pipeline = q.value(4).toString();
        r.reason = q.value(5).toString();
        r.expiresAt = fromIsoUtc(q.value(6).toString());
        r.status =
            requestStatusFromName(q.value(7).toString()).value_or(ChangeRequest::Status::Pending);
        r.decidedBy = q.value(8).toString();
        if (!q.value(9).isNull())
            r.decidedAt = fromIsoUtc(q.value(9).toString());
        r.decisionReason = q.value(10).toString();
        if (!q.value(11).isNull())
            r.notifiedAt = fromIsoUtc(q.value(11).toString());
        result.append(r);
    }
    return result;
}

bool SqlStore::markRequestNotified(qint64 id, const QDateTime &at)
{
    Transaction tx(*this);
    const QSqlQuery q =
        run(QStringLiteral("UPDATE change_requests SET notified_at = ? WHERE id = ? "
                           "AND notified_at IS NULL"),
            {isoUtc(at), id}, QStringLiteral("marking the request told"));
    const bool marked = q.numRowsAffected() == 1;
    tx.commit();
    return marked;
}

} // namespace daybreak
