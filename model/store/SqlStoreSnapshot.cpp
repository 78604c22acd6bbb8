// Reading what a console shows: the whole snapshot, and the change feed it follows.

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

StoreSnapshot SqlStore::snapshot()
{
    // One read transaction: the inventory, pointers, parity and plan are from the same moment
    // even while others commit. Rolled back at the end, so it counts as no change.
    Transaction read(*this, Transaction::Kind::Read);
    readConsistently();
    StoreSnapshot s;
    QSqlQuery settings = run(QStringLiteral("SELECT key, value FROM settings"));
    while (settings.next()) {
        const QString key = settings.value(0).toString();
        const QString value = settings.value(1).toString();
        if (key == QLatin1String("timezone"))
            s.inventory.timezone = value;
        else if (key == QLatin1String("change_window"))
            s.inventory.changeWindow =
                ChangeWindowPolicy::fromJson(QJsonDocument::fromJson(value.toUtf8()).object());
        else if (key == QLatin1String("parity_runs_required"))
            s.inventory.parityRunsRequired = value.toInt();
        else if (key == QLatin1String("approvals"))
            s.inventory.approvals = approvalPolicyFromName(value).value_or(ApprovalPolicy::None);
        else if (key == QLatin1String("plan_version"))
            s.planVersion = value.toLongLong();
    }
    QHash<QString, QStringList> upstreams;
    QSqlQuery ups =
        run(QStringLiteral("SELECT pipeline, upstream FROM upstreams ORDER BY pipeline, position"));
    while (ups.next())
        upstreams[ups.value(0).toString()].append(ups.value(1).toString());

    QList<Pipeline> pipelines;
    QSqlQuery q = run(QStringLiteral("SELECT id, name, owner, schedule, onprem_minutes, "
                                     "cloud_minutes, onprem_p95_minutes, cloud_p95_minutes, "
                                     "sla, risk, target, initial_state, parity_tolerance, tags, "
                                     "group_name FROM pipelines ORDER BY position"));
    while (q.next()) {
        Pipeline p;
        p.id = q.value(0).toString();
        p.name = q.value(1).toString();
        p.owner = q.value(2).toString();
        p.schedule = timeFrom(q.value(3));
        p.onpremMinutes = q.value(4).toInt();
        p.cloudMinutes = q.value(5).toInt();
        p.onpremP95Minutes = intFrom(q.value(6));
        p.cloudP95Minutes = intFrom(q.value(7));
        p.sla = timeFrom(q.value(8));
        p.risk = riskFromName(q.value(9).toString()).value_or(Risk::Medium);
        p.target = sideFromName(q.value(10).toString()).value_or(Side::Cloud);
        p.initialState = stateFromName(q.value(11).toString()).value_or(State::OnPrem);
        p.parityTolerance = q.value(12).toDouble();
        p.tags = q.value(13).toString().split(QLatin1Char(';'), Qt::SkipEmptyParts);
        p.group = q.value(14).toString();
        p.upstreams = upstreams.value(p.id);
        pipelines.append(p);
    }
    s.inventory.setPipelines(pipelines);

    QSqlQuery r = run(QStringLiteral("SELECT pipeline, state, version, updated_at FROM routing"));
    while (r.next()) {
        RoutingPointer rp{r.value(0).toString(),
                          stateFromName(r.value(1).toString()).value_or(State::OnPrem),
                          r.value(2).toLongLong(), fromIsoUtc(r.value(3).toString())};
        s.routing.insert(rp.pipeline, rp);
    }
    for (ParityResult &res : parityRows({}))
        s.parity[res.pipeline].append(std::move(res));
    s.plan = loadPlan();
    s.feedSeq = newestFeedEntry();
    return s;
}

QList<ParityResult> SqlStore::parityRows(const QString &pipeline)
{
    const QString columns = QStringLiteral(
        "SELECT pipeline, business_date, onprem_rows, cloud_rows, mismatched_rows, max_rel_diff, "
        "recorded_at, recorded_by, accepted_by, accepted_reason, resolution, resolved_at, "
        "checksum_match, note, EXISTS (SELECT 1 FROM parity_diffs d WHERE d.pipeline = "
        "parity_results.pipeline AND d.business_date = parity_results.business_date) "
        "FROM parity_results ");
    QSqlQuery pr = pipeline.isEmpty()
                       ? run(columns + QStringLiteral("ORDER BY business_date"))
                       : run(columns + QStringLiteral("WHERE pipeline = ? ORDER BY business_date"),
                             {pipeline});
    QList<ParityResult> rows;
    while (pr.next()) {
        ParityResult res;
        res.pipeline = pr.value(0).toString();
        res.businessDate = QDate::fromString(pr.value(1).toString(), Qt::ISODate);
        res.onpremRows = pr.value(2).toLongLong();
        res.cloudRows = pr.value(3).toLongLong();
        res.mismatchedRows = pr.value(4).toLongLong();
        res.maxRelativeDiff = pr.value(5).toDouble();
        res.recordedAt = fromIsoUtc(pr.value(6).toString());
        res.recordedBy = pr.value(7).toString();
        res.resolvedBy = pr.value(8).toString();
        res.resolvedReason = pr.value(9).toString();
        res.resolution =
            resolutionFromName(pr.value(10).toString()).value_or(BreachResolution::None);
        res.resolvedAt = fromIsoUtc(pr.value(11).toString());
        if (!pr.value(12).isNull())
            res.checksumMatch = pr.value(12).toInt() != 0;
        res.note = pr.value(13).toString();
        res.measured = pr.value(14).toBool();
        rows.append(res);
    }
    return rows;
}

qint64 SqlStore::newestFeedEntry()
{
    QSqlQuery q = run(QStringLiteral("SELECT COALESCE(MAX(seq), 0) FROM change_feed"));
    return q.next() ? q.value(0).toLongLong() : 0;
}

bool SqlStore::changedSince(qint64 feedSeq, const QString &table)
{
    if (feedTrimmedPast(feedSeq))
        return true; // what was read cannot be told from what is there: read it again
    // A range of the key from `feedSeq` on: as cheap as the few entries since.
    QSqlQuery q = run(QStringLiteral("SELECT 1 FROM change_feed WHERE seq > ? AND tbl = ? LIMIT 1"),
                      {feedSeq, table});
    return q.next();
}

bool SqlStore::feedTrimmedPast(qint64 seq)
{
    // Two subqueries, not MIN and MAX in one: SQLite answers a lone MIN or MAX from the key's
    // ends, both together by reading the whole feed.
    QSqlQuery ends = run(QStringLiteral(
        "SELECT (SELECT MIN(seq) FROM change_feed), (SELECT MAX(seq) FROM change_feed)"));
    if (!ends.next() || ends.value(1).isNull())
        return seq > 0; // empty: nothing missed, unless it held entries once (emptied by hand)
    // A newest entry before `seq`: the store went back (a backup restored, the feed emptied and
    // numbered anew), and what the feed says now cannot be laid on what was read.
    if (ends.value(1).toLongLong() < seq)
        return true;
    // Sequences may skip numbers (a rolled-back transaction on PostgreSQL), so only an oldest
    // entry past the next one says entries were trimmed.
    return ends.value(0).toLongLong() > seq + 1 && seq < ends.value(1).toLongLong();
}

std::optional<QSet<QString>> SqlStore::keysChangedSince(qint64 feedSeq, const QString &table)
{
    Transaction read(*this, Transaction::Kind::Read);
    readConsistently();
    if (feedTrimmedPast(feedSeq))
        return std::nullopt;
    QSqlQuery q = run(QStringLiteral("SELECT DISTINCT key FROM change_feed WHERE seq > ? AND "
                                     "tbl = ? LIMIT ?"),
                      {feedSeq, table, kFeedFollowLimit + 1});
    QSet<QString> keys;
    while (q.next())
        keys.insert(q.value(0).toString());
    if (keys.size() > kFeedFollowLimit)
        return std::nullopt;
    return keys;
}

std::optional<QList<FeedEntry>> SqlStore::changesSince(qint64 seq, int limit)
{
    if (feedTrimmedPast(seq))
        return std::nullopt;
    QSqlQuery q = run(QStringLiteral("SELECT seq, tbl, key FROM change_feed WHERE seq > ? ORDER BY "
                                     "seq LIMIT ?"),
                      {seq, limit + 1});
    QList<FeedEntry> entries;
    while (q.next())
        entries.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString()});
    if (entries.size() > limit)
        return std::nullopt;
    return entries;
}

StoreChange SqlStore::follow(StoreSnapshot &s)
{
    StoreChange change;
    {
        Transaction read(*this, Transaction::Kind::Read);
        readConsistently();
        const std::optional<QList<FeedEntry>> entries = changesSince(s.feedSeq, kFeedFollowLimit);
        if (!entries)
            change = StoreChange::all(
                QStringLiteral("more changed since feed entry %1 than the feed tells (over %2 "
                               "entries, trimmed, or the store went back to an older copy)")
                    .arg(s.feedSeq)
                    .arg(kFeedFollowLimit));
        else if (entries->isEmpty())
            return change;
        else
            change = classifyFeed(*entries);
        if (!change.everything) {
            for (const QString &id : std::as_const(change.routing)) {
                QSqlQuery r = run(QStringLiteral("SELECT state, version, updated_at FROM routing "
                                                 "WHERE pipeline = ?"),
                                  {id});
                if (r.next())
                    s.routing.insert(
                        id, {id, stateFromName(r.value(0).toString()).value_or(State::OnPrem),
                             r.value(1).toLongLong(), fromIsoUtc(r.value(2).toString())});
            }
            for (const QString &id : std::as_const(change.parity)) {
                QList<ParityResult> results = parityRows(id);
                if (results.isEmpty())
                    s.parity.remove(id);
                else
                    s.parity.insert(id, results);
            }
            if (change.plan) {
                s.plan = loadPlan();
                QSqlQuery v =
                    run(QStringLiteral("SELECT value FROM settings WHERE key = 'plan_version'"));
                s.planVersion = v.next() ? v.value(0).toLongLong() : 0;
            }
            s.feedSeq = entries->last().seq;
            return change;
        }
    }
    s = snapshot();
    return change;
}

} // namespace daybreak
