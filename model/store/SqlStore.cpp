#include "SqlStore.h"
#include "Version.h"

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

QString isoUtc(const QDateTime &at)
{
    return at.toUTC().toString(Qt::ISODateWithMs);
}

QDateTime fromIsoUtc(const QString &text)
{
    QDateTime at = QDateTime::fromString(text, Qt::ISODateWithMs);
    return at.toUTC();
}

QVariant nullable(const QString &text)
{
    return text.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(text);
}

namespace {
// NOT NULL text columns: a null QString would bind as SQL NULL.
QVariant text(const QString &value)
{
    return value.isNull() ? QVariant(QString(QLatin1String(""))) : QVariant(value);
}
QVariant nullableInt(const std::optional<int> &v)
{
    return v ? QVariant(*v) : QVariant(QMetaType(QMetaType::Int));
}
QVariant timeOrNull(const std::optional<QTime> &t)
{
    return t ? QVariant(t->toString(QStringLiteral("HH:mm")))
             : QVariant(QMetaType(QMetaType::QString));
}
std::optional<QTime> timeFrom(const QVariant &v)
{
    if (v.isNull() || v.toString().isEmpty())
        return std::nullopt;
    return QTime::fromString(v.toString(), QStringLiteral("HH:mm"));
}
std::optional<int> intFrom(const QVariant &v)
{
    return v.isNull() ? std::nullopt : std::optional<int>(v.toInt());
}

// What a failed statement says about the store. Only a failure that may mean a lost connection
// makes the store suspect (reconnect before the next statement, exit 6); a statement the server
// refused on its merits leaves the connection as it is.
enum class Failure
{
    Concurrency, // rolled back whole because a concurrent transaction won: a conflict
    Rejected,    // a constraint, a trigger's refusal or a missing privilege
    BadValue,    // a value out of range or of the wrong type
    Unusable,    // anything else: connection lost, schema missing, server shutting down
};

// SQLite reports its (extended) result code as a number; PostgreSQL its five-character SQLSTATE,
// which is often all digits too, so the driver decides how to read the code.
Failure sqliteFailure(int extendedCode)
{
    switch (extendedCode & 0xff) { // the primary result code
    case 5: // SQLITE_BUSY: another writer holds the lock past the busy timeout
    case 6: // SQLITE_LOCKED
        return Failure::Concurrency;
    case 19: // SQLITE_CONSTRAINT, also RAISE(ABORT) in a trigger
        return Failure::Rejected;
    case 20: // SQLITE_MISMATCH
    case 25: // SQLITE_RANGE
        return Failure::BadValue;
    default:
        return Failure::Unusable;
    }
}

// PostgreSQL's SQLSTATE: 40001 serialization failure, 40P01 deadlock; class 23 integrity
// constraint, P0 a PL/pgSQL RAISE, 42501 insufficient privilege; class 22 data exception.
Failure postgresFailure(const QString &sqlState)
{
    if (sqlState == QLatin1String("40001") || sqlState == QLatin1String("40P01"))
        return Failure::Concurrency;
    if (sqlState.startsWith(QLatin1String("23")) || sqlState.startsWith(QLatin1String("P0")) ||
        sqlState == QLatin1String("42501"))
        return Failure::Rejected;
    if (sqlState.startsWith(QLatin1String("22")))
        return Failure::BadValue;
    return Failure::Unusable;
}

Failure failureOf(const QSqlDatabase &db, const QSqlError &error)
{
    if (db.driverName() == QLatin1String("QSQLITE")) {
        bool numeric = false;
        const int code = error.nativeErrorCode().toInt(&numeric);
        return numeric ? sqliteFailure(code) : Failure::Unusable;
    }
    return postgresFailure(error.nativeErrorCode());
}

bool isConcurrencyFailure(const QSqlDatabase &db, const QSqlError &error)
{
    return failureOf(db, error) == Failure::Concurrency;
}
} // namespace

SqlStore::SqlStore(const QString &connectionName) : m_connectionName(connectionName) {}

SqlStore::~SqlStore()
{
    if (m_db.isValid())
        m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
}

QSqlQuery SqlStore::run(const QString &sql, const QVariantList &params, const QString &what)
{
    if (m_suspect && !m_inTransaction) {
        reconnect(); // throws while the store stays unreachable
        m_suspect = false;
    }
    if (!m_inTransaction)
        beforeStatementAlone();
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    const auto guard = deadline();
    const auto fail = [&] {
        const QString message = QStringLiteral("%1: %2").arg(what.isEmpty() ? sql.left(60) : what,
                                                             failureText(q.lastError()));
        switch (failureOf(m_db, q.lastError())) {
        case Failure::Concurrency:
            throw ConcurrentChange(message);
        case Failure::Rejected:
            throw StoreRejected(message, false);
        case Failure::BadValue:
            throw StoreRejected(message, true);
        case Failure::Unusable:
            break;
        }
        m_suspect = true;
        throw StoreError(message);
    };
    if (params.isEmpty()) {
        // Unprepared: DDL and PL/pgSQL bodies cannot be PREPAREd on PostgreSQL.
        if (!q.exec(sql))
            fail();
        return q;
    }
    if (!q.prepare(sql))
        fail();
    for (const QVariant &p : params)
        q.addBindValue(p);
    if (!q.exec())
        fail();
    return q;
}

QString SqlStore::failureText(const QSqlError &error) const
{
    if (m_watchdog && m_watchdog->fired())
        return QStringLiteral("no answer from %1 within %2 s (the server is stopped, overloaded "
                              "or cut off by the network)")
            .arg(location())
            .arg(m_watchdog->limit().count() / 1000);
    return error.text().trimmed();
}

QSqlError SqlStore::startTransaction(bool)
{
    const auto guard = deadline();
    return m_db.transaction() ? QSqlError() : m_db.lastError();
}

void SqlStore::begin(bool write)
{
    if (m_suspect) {
        reconnect();
        m_suspect = false;
    }
    const QSqlError error = startTransaction(write);
    if (error.isValid()) {
        const QString message =
            QStringLiteral("cannot start a transaction: %1").arg(failureText(error));
        if (isConcurrencyFailure(m_db, error))
            throw ConcurrentChange(message + QStringLiteral("; nothing was written"));
        m_suspect = true;
        throw StoreError(message);
    }
    m_inTransaction = true;
}

void SqlStore::commit()
{
    beforeCommit();
    const bool ok = [&] {
        const auto guard = deadline();
        return m_db.commit();
    }();
    m_inTransaction = false;
    if (!ok) {
        const QString why = failureText(m_db.lastError()).simplified();
        const bool lostToAnother = isConcurrencyFailure(m_db, m_db.lastError());
        {
            const auto guard = deadline();
            m_db.rollback();
        }
        if (lostToAnother)
            throw ConcurrentChange(
                QStringLiteral("a concurrent change won, nothing was written: %1").arg(why));
        if (connectionAlive()) // the server refused the COMMIT and rolled the transaction back
            throw StoreError(QStringLiteral("cannot commit, nothing was written: %1").arg(why));
        m_suspect = true;
        // The answer to COMMIT never came: the change is one transaction with its audit row, so it
        // is there whole or not at all. A retry with the same expected version cannot apply it
        // twice.
        throw CommitUnknown(
            QStringLiteral(
                "lost the connection while committing (%1); the change was written whole or not "
                "at all: read the store again before retrying")
                .arg(why));
    }
    ++m_commits;
}

void SqlStore::rollback()
{
    const auto guard = deadline();
    m_db.rollback();
    m_inTransaction = false;
}

SqlStore::Transaction::~Transaction()
{
    if (m_open)
        m_store.rollback();
}

void SqlStore::Transaction::commit()
{
    m_store.commit(); // if COMMIT fails the destructor still rolls back
    m_open = false;
}

void SqlStore::Transaction::rollback()
{
    m_open = false;
    m_store.rollback();
}

QStringList SqlStore::verify()
{
    QStringList findings;
    Transaction tx(*this, Transaction::Kind::Read);
    readConsistently();
    QSet<QString> present;
    QSqlQuery triggers = run(presentTriggersSql());
    while (triggers.next())
        present.insert(triggers.value(0).toString());
    for (const QString &trigger : requiredTriggers())
        if (!present.contains(trigger))
            findings
                << QStringLiteral(
                       "trigger %1 is missing or disabled: the audit log is no longer protected "
                       "against being rewritten, and was open to it since it went")
                       .arg(trigger);

    QHash<QString, QString> initial;
    QSqlQuery pipelines = run(QStringLiteral("SELECT id, initial_state FROM pipelines"));
    while (pipelines.next())
        initial.insert(pipelines.value(0).toString(), pipelines.value(1).toString());
    struct Step
    {
        qint64 id;
        QString action, from, to;
    };
    QHash<QString, QList<Step>> steps;
    QSqlQuery audit = run(QStringLiteral(
        "SELECT id, pipeline, action, from_state, to_state FROM audit WHERE action IN "
        "('dual_run', 'cutover', 'rollback', 'decommission') ORDER BY id"));
    while (audit.next())
        steps[audit.value(1).toString()].append(
            {audit.value(0).toLongLong(), audit.value(2).toString(), audit.value(3).toString(),
             audit.value(4).toString()});
    QSqlQuery routing =
        run(QStringLiteral("SELECT pipeline, state, version FROM routing ORDER BY pipeline"));
    while (routing.next()) {
        const QString id = routing.value(0).toString();
        const QString state = routing.value(1).toString();
        const qint64 version = routing.value(2).toLongLong();
        const QList<Step> rows = steps.value(id);
        if (version != rows.size() + 1)
            findings << QStringLiteral("%1: the pointer is at version %2 but has %3 routing audit "
                                       "row(s), so %4 change(s) were made without one")
                            .arg(id)
                            .arg(version)
                            .arg(rows.size())
                            .arg(version - 1 - rows.size());
        QString at = initial.value(id, QStringLiteral("onprem"));
        for (const Step &step : rows) {
            if (step.from != at)
                findings << QStringLiteral("%1: audit row %2 (%3) moves it from %4, but it was %5")
                                .arg(id)
                                .arg(step.id)
                                .arg(step.action, step.from, at);
            at = step.to;
        }
        if (at != state)
            findings << QStringLiteral("%1: the pointer says %2, but its audit rows end at %3")
                            .arg(id, state, at);
    }
    return findings;
}

int SqlStore::schemaVersion()
{
    if (!hasSchemaTable())
        return 0;
    QSqlQuery q = run(QStringLiteral("SELECT version FROM schema_version"));
    return q.next() ? q.value(0).toInt() : 0;
}

int SqlStore::migrate(const QList<QStringList> &migrations, bool mustHaveSchema, bool readOnly)
{
    const int known = int(migrations.size());
    int version = schemaVersion();
    if (version < 0) // a negative version would index the migrations below their start
        throw StoreError(QStringLiteral("%1 has schema version %2, which no Daybreak wrote; "
                                        "the store is damaged")
                             .arg(location())
                             .arg(version));
    if (version > known)
        throw StoreError(
            QStringLiteral("%1 has schema version %2, newer than this Daybreak understands (%3); "
                           "upgrade Daybreak before opening it")
                .arg(location())
                .arg(version)
                .arg(known));
    if (version == 0 && mustHaveSchema)
        throw StoreError(
            QStringLiteral(
                "%1 holds no Daybreak store; create it with 'daybreakctl init --store %1'")
                .arg(location()));
    if (version < known && readOnly)
        throw StoreError(
            QStringLiteral(
                "%1 has schema version %2 and needs migrating to %3; open it once as its owner, "
                "not read-only")
                .arg(location())
                .arg(version)
                .arg(known));
    int applied = 0;
    while (version < known) {
        Transaction tx(*this);
        lockSchema();
        // Another program may have migrated while we waited for the lock: read again.
        if (!hasSchemaTable())
            run(QStringLiteral("CREATE TABLE schema_version (version INTEGER NOT NULL)"));
        version = schemaVersion();
        if (version >= known) {
            tx.rollback();
            break;
        }
        for (const QString &statement : migrations.at(version))
            run(statement, {}, QStringLiteral("schema migration %1").arg(version + 1));
        if (version == 0)
            run(QStringLiteral("INSERT INTO schema_version (version) VALUES (?)"), {version + 1});
        else
            run(QStringLiteral("UPDATE schema_version SET version = ?"), {version + 1});
        // Which Daybreak last migrated the schema, for whoever wonders later.
        run(QStringLiteral("INSERT INTO settings (key, value) VALUES ('migrated_by', ?) ON "
                           "CONFLICT (key) DO UPDATE SET value = excluded.value"),
            {versionLine(QStringLiteral("daybreak"))});
        tx.commit();
        ++version;
        ++applied;
    }
    return applied;
}

bool SqlStore::isEmpty()
{
    QSqlQuery q = run(QStringLiteral("SELECT COUNT(*) FROM pipelines"));
    return !q.next() || q.value(0).toInt() == 0;
}

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

WavePlan SqlStore::loadPlan()
{
    QList<Wave> waves;
    QHash<QString, int> index;
    QSqlQuery w = run(QStringLiteral("SELECT name, wave_date, window_start, window_end, capacity, "
                                     "max_high_risk FROM waves ORDER BY wave_date, name"));
    while (w.next()) {
        Wave wave;
        wave.name = w.value(0).toString();
        wave.date = QDate::fromString(w.value(1).toString(), Qt::ISODate);
        wave.windowStart = QDateTime::fromString(w.value(2).toString(), Qt::ISODate);
        wave.windowEnd = QDateTime::fromString(w.value(3).toString(), Qt::ISODate);
        wave.capacity = w.value(4).toInt();
        wave.maxHighRisk = w.value(5).toInt();
        index.insert(wave.name, int(waves.size()));
        waves.append(wave);
    }
    QSqlQuery m =
        run(QStringLiteral("SELECT wave, pipeline FROM wave_members ORDER BY wave, position"));
    while (m.next()) {
        const int i = index.value(m.value(0).toString(), -1);
        if (i >= 0)
            waves[i].members.append(m.value(1).toString());
    }
    return WavePlan(waves);
}

void SqlStore::writeWave(const Wave &w)
{
    run(QStringLiteral("INSERT INTO waves (name, wave_date, window_start, window_end, capacity, "
                       "max_high_risk) "
                       "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (name) DO UPDATE SET wave_date = "
                       "excluded.wave_date, "
                       "window_start = excluded.window_start, window_end = excluded.window_end, "
                       "capacity = excluded.capacity, max_high_risk = excluded.max_high_risk"),
        {w.name, w.date.toString(Qt::ISODate), w.windowStart.toString(Qt::ISODate),
         w.windowEnd.toString(Qt::ISODate), w.capacity, w.maxHighRisk},
        QStringLiteral("writing wave %1").arg(w.name));
    run(QStringLiteral("DELETE FROM wave_members WHERE wave = ?"), {w.name});
    int position = 0;
    for (const QString &id : w.members) {
        run(QStringLiteral("DELETE FROM wave_members WHERE pipeline = ?"), {id});
        run(QStringLiteral("INSERT INTO wave_members (pipeline, wave, position) VALUES (?, ?, ?)"),
            {id, w.name, position++}, QStringLiteral("planning %1 in wave %2").arg(id, w.name));
    }
}

WriteStatus SqlStore::applyPlanChange(const PlanChange &change)
{
    Transaction tx(*this);
    QSqlQuery current =
        run(QStringLiteral("SELECT value FROM settings WHERE key = 'plan_version'"));
    const QString version = current.next() ? current.value(0).toString() : QStringLiteral("0");
    if (change.expectedPlanVersion >= 0 && version.toLongLong() != change.expectedPlanVersion) {
        tx.rollback();
        return WriteStatus::Conflict;
    }
    // The plan's own compare-and-set: two consoles editing at once cannot interleave.
    QSqlQuery bump = run(
        QStringLiteral("UPDATE settings SET value = ? WHERE key = 'plan_version' AND value = ?"),
        {QString::number(version.toLongLong() + 1), version});
    if (bump.numRowsAffected() != 1) {
        tx.rollback();
        return WriteStatus::Conflict;
    }
    for (const auto &[from, to] : change.renames)
        run(QStringLiteral("UPDATE waves SET name = ? WHERE name = ?"), {to, from},
            QStringLiteral("renaming wave %1").arg(from));
    for (const QString &name : change.removeWaves)
        run(QStringLiteral("DELETE FROM waves WHERE name = ?"), {name},
            QStringLiteral("removing wave %1").arg(name));
    for (const Wave &w : change.upsertWaves)
        writeWave(w);
    for (const AuditEntry &a : change.audit)
        insertAudit(a);
    tx.commit();
    return WriteStatus::Written;
}

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

void SqlStore::replaceInventory(const Inventory &inv, const AuditEntry &audit,
                                const StoreHistory &history)
{
    Transaction tx(*this);
    const QString upsertSetting =
        QStringLiteral("INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO "
                       "UPDATE SET value = excluded.value");
    run(upsertSetting, {QStringLiteral("timezone"), inv.timezone});
    run(upsertSetting,
        {QStringLiteral("change_window"),
         QString::fromUtf8(
             QJsonDocument(inv.changeWindow.toJson()).toJson(QJsonDocument::Compact))});
    run(upsertSetting,
        {QStringLiteral("parity_runs_required"), QString::number(inv.parityRunsRequired)});
    run(upsertSetting, {QStringLiteral("approvals"), approvalPolicyName(inv.approvals)});

    run(QStringLiteral("DELETE FROM upstreams"));
    // A set: 100,000 pipelines were quadratic with a list, all under the write lock.
    QSet<QString> keep;
    keep.reserve(inv.pipelines().size());
    int position = 0;
    for (const Pipeline &p : inv.pipelines()) {
        keep.insert(p.id);
        run(QStringLiteral(
                "INSERT INTO pipelines (id, position, name, owner, schedule, onprem_minutes, "
                "cloud_minutes, "
                "onprem_p95_minutes, cloud_p95_minutes, sla, risk, target, initial_state, "
                "parity_tolerance, tags, group_name) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO "
                "UPDATE "
                "SET "
                "position = excluded.position, name = excluded.name, owner = excluded.owner, "
                "schedule = excluded.schedule, onprem_minutes = excluded.onprem_minutes, "
                "cloud_minutes = excluded.cloud_minutes, onprem_p95_minutes = "
                "excluded.onprem_p95_minutes, "
                "cloud_p95_minutes = excluded.cloud_p95_minutes, sla = excluded.sla, risk = "
                "excluded.risk, "
                "target = excluded.target, parity_tolerance = excluded.parity_tolerance, tags = "
                "excluded.tags, group_name = excluded.group_name"),
            {p.id, position++, text(p.name), text(p.owner), timeOrNull(p.schedule), p.onpremMinutes,
             p.cloudMinutes, nullableInt(p.onpremP95Minutes), nullableInt(p.cloudP95Minutes),
             timeOrNull(p.sla), riskName(p.risk), sideName(p.target), stateName(p.initialState),
             p.parityTolerance, text(p.tags.join(QLatin1Char(';'))), text(p.group)},
            QStringLiteral("writing pipeline %1").arg(p.id));
        run(QStringLiteral(
                "INSERT INTO routing (pipeline, state, version, updated_at) VALUES (?, ?, 1, ?) "
                "ON CONFLICT (pipeline) DO NOTHING"),
            {p.id, stateName(p.initialState), isoUtc(audit.at)});
    }
    QSqlQuery existing = run(QStringLiteral("SELECT id FROM pipelines"));
    QStringList gone;
    while (existing.next())
        if (!keep.contains(existing.value(0).toString()))
            gone.append(existing.value(0).toString());
    bool planChanged = false;
    for (const QString &id : gone) {
        // A removed pipeline leaves its wave: the plan changed, so its version moves and every
        // console holding the old one is told (tst_migrationservice guards it).
        planChanged = run(QStringLiteral("DELETE FROM wave_members WHERE pipeline = ?"), {id})
                              .numRowsAffected() > 0 ||
                      planChanged;
        run(QStringLiteral("DELETE FROM parity_results WHERE pipeline = ?"), {id});
        run(QStringLiteral("DELETE FROM parity_diffs WHERE pipeline = ?"), {id});
        run(QStringLiteral("DELETE FROM routing WHERE pipeline = ?"), {id});
        run(QStringLiteral("DELETE FROM pipelines WHERE id = ?"), {id});
    }
    for (const Pipeline &p : inv.pipelines()) {
        int order = 0;
        for (const QString &up : p.upstreams)
            run(QStringLiteral(
                    "INSERT INTO upstreams (pipeline, upstream, position) VALUES (?, ?, ?)"),
                {p.id, up, order++});
    }
    if (planChanged)
        run(QStringLiteral("UPDATE settings SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT) "
                           "WHERE key = 'plan_version'"));
    writeHistory(history);
    insertAudit(audit);
    tx.commit();
}

void SqlStore::writeHistory(const StoreHistory &history)
{
    static const QStringList routingActions{QStringLiteral("dual_run"), QStringLiteral("cutover"),
                                            QStringLiteral("rollback"),
                                            QStringLiteral("decommission")};
    for (const AuditEntry &a : history.audit) {
        if (routingActions.contains(a.action)) {
            const QSqlQuery moved =
                run(QStringLiteral("UPDATE routing SET state = ?, version = version + 1, "
                                   "updated_at = ? WHERE pipeline = ? AND state = ?"),
                    {a.to, isoUtc(a.at), a.pipeline, a.from},
                    QStringLiteral("replaying the %1 of %2").arg(a.action, a.pipeline));
            if (moved.numRowsAffected() != 1)
                throw StoreError(QStringLiteral("the history moves %1 from %2, but it is not %2")
                                     .arg(a.pipeline, a.from));
        }
        insertAudit(a);
    }
    for (const Wave &w : history.waves)
        writeWave(w);
    for (const RunEvent &e : history.runEvents)
        insertRunEvent(e);
    if (!history.parity.isEmpty())
        writeParity(history.parity);
}

void SqlStore::recordParity(const QList<ParityResult> &results, const AuditEntry &audit)
{
    Transaction tx(*this);
    writeParity(results);
    insertAudit(audit);
    tx.commit();
}

void SqlStore::writeParity(const QList<ParityResult> &results)
{
    for (const ParityResult &r : results) {
        run(QStringLiteral(
                "INSERT INTO parity_results (pipeline, business_date, onprem_rows, cloud_rows, "
                "mismatched_rows, "
                "max_rel_diff, recorded_at, recorded_by, accepted_by, accepted_reason, resolution, "
                "resolved_at, "
                "checksum_match, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT (pipeline, business_date) DO UPDATE SET onprem_rows = "
                "excluded.onprem_rows, "
                "cloud_rows = excluded.cloud_rows, mismatched_rows = excluded.mismatched_rows, "
                "max_rel_diff = excluded.max_rel_diff, recorded_at = excluded.recorded_at, "
                "recorded_by = excluded.recorded_by, accepted_by = excluded.accepted_by, "
                "accepted_reason = excluded.accepted_reason, resolution = excluded.resolution, "
                "resolved_at = excluded.resolved_at, checksum_match = excluded.checksum_match, "
                "note = excluded.note"),
            {r.pipeline, r.businessDate.toString(Qt::ISODate), r.onpremRows, r.cloudRows,
             r.mismatchedRows, r.maxRelativeDiff, isoUtc(r.recordedAt), text(r.recordedBy),
             nullable(r.resolvedBy), nullable(r.resolvedReason),
             nullable(resolutionName(r.resolution)),
             r.isResolved() ? QVariant(isoUtc(r.resolvedAt))
                            : QVariant(QMetaType(QMetaType::QString)),
             r.checksumMatch ? QVariant(*r.checksumMatch ? 1 : 0)
                             : QVariant(QMetaType(QMetaType::Int)),
             text(r.note)},
            QStringLiteral("recording parity for %1").arg(r.pipeline));
    }
}

WriteStatus SqlStore::resolveBreach(const QString &pipeline, const QDate &date,
                                    BreachResolution resolution, const AuditEntry &audit)
{
    // Only an open breach can be resolved: a second resolution of the same night is a conflict.
    return updateOneWithAudit(
        QStringLiteral(
            "UPDATE parity_results SET resolution = ?, accepted_by = ?, accepted_reason = ?, "
            "resolved_at = ? WHERE pipeline = ? AND business_date = ? AND resolution IS NULL"),
        {resolutionName(resolution), audit.actor, audit.reason, isoUtc(audit.at), pipeline,
         date.toString(Qt::ISODate)},
        audit);
}

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

WriteStatus SqlStore::putParitySetting(const ParitySetting &p, bool mustBeNew,
                                       const AuditEntry &audit)
{
    const QString conflict =
        mustBeNew ? QStringLiteral("DO NOTHING")
                  : QStringLiteral("DO UPDATE SET spec = excluded.spec, updated_by = "
                                   "excluded.updated_by, updated_at = excluded.updated_at");
    return updateOneWithAudit(
        QStringLiteral("INSERT INTO parity_settings (kind, name, spec, updated_by, updated_at) "
                       "VALUES (?, ?, ?, ?, ?) ON CONFLICT (kind, name) ") +
            conflict,
        {p.kind, p.name, QString::fromUtf8(QJsonDocument(p.spec).toJson(QJsonDocument::Compact)),
         text(p.updatedBy), isoUtc(p.updatedAt)},
        audit);
}

WriteStatus SqlStore::removeParitySetting(const QString &kind, const QString &name,
                                          const AuditEntry &audit)
{
    return updateOneWithAudit(
        QStringLiteral("DELETE FROM parity_settings WHERE kind = ? AND name = ?"), {kind, name},
        audit);
}

QList<ParitySetting> SqlStore::paritySettings(const QString &kind)
{
    QSqlQuery q = run(QStringLiteral("SELECT kind, name, spec, updated_by, updated_at FROM "
                                     "parity_settings WHERE kind = ? ORDER BY name"),
                      {kind});
    QList<ParitySetting> result;
    while (q.next())
        result.append({q.value(0).toString(), q.value(1).toString(),
                       QJsonDocument::fromJson(q.value(2).toString().toUtf8()).object(),
                       q.value(3).toString(), fromIsoUtc(q.value(4).toString())});
    return result;
}

void SqlStore::recordMeasuredParity(const ParityResult &result, const QJsonObject &detail,
                                    const AuditEntry &audit)
{
    Transaction tx(*this);
    writeParity({result});
    run(QStringLiteral("INSERT INTO parity_diffs (pipeline, business_date, measured_at, detail) "
                       "VALUES (?, ?, ?, ?) ON CONFLICT (pipeline, business_date) DO UPDATE SET "
                       "measured_at = excluded.measured_at, detail = excluded.detail"),
        {result.pipeline, result.businessDate.toString(Qt::ISODate), isoUtc(result.recordedAt),
         QString::fromUtf8(QJsonDocument(detail).toJson(QJsonDocument::Compact))},
        QStringLiteral("keeping what the comparison of %1 found").arg(result.pipeline));
    insertAudit(audit);
    tx.commit();
}

QList<MeasuredParity> SqlStore::measuredParity(const QString &pipeline)
{
    QSqlQuery q = run(QStringLiteral("SELECT pipeline, business_date, measured_at, detail FROM "
                                     "parity_diffs WHERE ? = '' OR pipeline = ? ORDER BY "
                                     "business_date DESC, pipeline"),
                      {pipeline, pipeline});
    QList<MeasuredParity> result;
    while (q.next())
        result.append({q.value(0).toString(), QDate::fromString(q.value(1).toString(), Qt::ISODate),
                       fromIsoUtc(q.value(2).toString()),
                       QJsonDocument::fromJson(q.value(3).toString().toUtf8()).object()});
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

void SqlStore::recordRunEvents(const QList<RunEvent> &events)
{
    if (events.isEmpty())
        return;
    Transaction tx(*this);
    for (const RunEvent &e : events)
        insertRunEvent(e);
    tx.commit();
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

WriteStatus SqlStore::acknowledgeAlert(qint64 id, const AuditEntry &audit)
{
    return updateOneWithAudit(
        QStringLiteral("UPDATE alerts SET acknowledged_by = ?, acknowledged_at = ? WHERE id = ? "
                       "AND acknowledged_by IS NULL"),
        {audit.actor, isoUtc(audit.at), id}, audit);
}

WriteStatus SqlStore::updateOneWithAudit(const QString &sql, const QVariantList &params,
                                         const AuditEntry &audit)
{
    Transaction tx(*this);
    QSqlQuery q = run(sql, params);
    if (q.numRowsAffected() != 1) {
        tx.rollback();
        return WriteStatus::Conflict;
    }
    insertAudit(audit);
    tx.commit();
    return WriteStatus::Written;
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
