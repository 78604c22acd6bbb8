#include "SqlStore.h"
#include "SqlValues.h"
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

using namespace sqlvalues;

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

} // namespace daybreak
