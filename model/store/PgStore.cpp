#include "PgStore.h"

#include "PgChangeNotifier.h"
#include "PgSchema.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QUuid>

namespace daybreak {

PgStore::PgStore(const PgTarget &target, OpenMode mode, bool readOnly)
    : SqlStore(QStringLiteral("daybreak-pg-") + QUuid::createUuid().toString(QUuid::WithoutBraces)),
      m_target(target), m_readOnly(readOnly)
{
    m_watchdog = std::make_unique<SocketWatchdog>(kAnswerLimit);
    open();
    // Upgrade day: only the owner can migrate; everyone else is told who must, not "permission
    // denied".
    const int found = schemaVersion();
    if (!readOnly && found > 0 && found < int(pgMigrations().size()) &&
        !readAccess().roles.contains(Role::Owner))
        throw StoreError(
            QStringLiteral(
                "%1 has schema version %2 and this Daybreak needs %3; its owner must open it once "
                "('daybreakctl init --store …') to migrate it")
                .arg(location())
                .arg(found)
                .arg(pgMigrations().size()));
    const int applied = migrate(pgMigrations(), mode == OpenMode::MustExist, readOnly);
    // New tables need the roles' grants; only an owner migrates, and only if the roles exist.
    if (applied > 0) {
        QSqlQuery roles =
            run(QStringLiteral("SELECT COUNT(*) FROM pg_roles WHERE rolname LIKE 'daybreak\\_%'"));
        if (roles.next() && roles.value(0).toInt() >= 3) { // the approver came later
            Transaction tx(*this);
            lockSchema(); // concurrent GRANTs on one object fail with "tuple concurrently updated"
            for (const QString &grant : pgGrantStatements())
                run(grant, {}, QStringLiteral("granting the Daybreak roles"));
            tx.commit();
        }
    }
    m_access = readAccess();
}

void PgStore::open()
{
    m_db = openPgConnection(m_target, m_connectionName);
    // A viewer's connection cannot write even if its grants would let it.
    if (m_readOnly)
        run(QStringLiteral("SET default_transaction_read_only = on"));
    run(QStringLiteral("SET client_min_messages = warning"));
}

void PgStore::reconnect()
{
    // Cheap when the connection is fine: one round trip.
    if (connectionAlive())
        return;
    if (m_db.isOpen())
        m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
    m_suspect = false;
    open();
}

bool PgStore::hasSchemaTable()
{
    // A plain catalog query, not to_regclass(): it reads with a fresh snapshot, so a table another
    // program created while we waited for the schema lock is seen (the name cache may be stale).
    QSqlQuery q = run(QStringLiteral(
        "SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n "
        "ON n.oid = c.relnamespace WHERE c.relname = 'schema_version' AND n.nspname = "
        "current_schema())"));
    return q.next() && q.value(0).toBool();
}

void PgStore::lockSchema()
{
    // Two programs initialising one database at once: the second waits, then finds it done.
    run(QStringLiteral("SELECT pg_advisory_xact_lock(7263372865)"));
}

void PgStore::readConsistently()
{
    run(QStringLiteral("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY"));
}

void PgStore::isolateForRules()
{
    // Two consoles flipping neighbours at once (a cutover reading its upstream, a rollback of that
    // upstream reading its downstream) would each pass on a stale view; SERIALIZABLE aborts one.
    run(QStringLiteral("SET TRANSACTION ISOLATION LEVEL SERIALIZABLE"));
}

void PgStore::tagRequest(const QString &requestId)
{
    // Transaction-local: the audit rows daybreak_transition() writes take it (migration 18).
    run(QStringLiteral("SELECT set_config('daybreak.request_id', ?, true)"), {requestId},
        QStringLiteral("naming the change's request id"));
}

bool PgStore::connectionAlive()
{
    if (!m_db.isOpen())
        return false;
    QSqlQuery ping(m_db);
    const auto guard = deadline();
    return ping.exec(QStringLiteral("SELECT 1"));
}

QStringList PgStore::requiredTriggers() const
{
    return {QStringLiteral("audit_no_update"), QStringLiteral("audit_no_truncate"),
            QStringLiteral("audit_db_user"), QStringLiteral("audit_no_overwrite"),
            QStringLiteral("audit_guard")};
}

bool PgStore::writeTransition(const Transition &t)
{
    // One statement in the server: the compare-and-set, the approval and the audit rows
    // (migration 13). NULL: the pointer was not where the rules saw it.
    QSqlQuery q =
        run(QStringLiteral("SELECT daybreak_transition(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
            {t.pipeline, t.expectedVersion, stateName(t.from), stateName(t.to), t.audit.action,
             isoUtc(t.audit.at), t.audit.actor, nullable(t.audit.reason),
             t.audit.breakGlass ? 1 : 0, t.audit.unplanned ? 1 : 0,
             t.approval ? QVariant(t.approval->request) : QVariant(QMetaType(QMetaType::LongLong)),
             t.approval ? nullable(t.approval->audit.reason) : nullable(QString())},
            QStringLiteral("moving the routing pointer"));
    return q.next() && !q.value(0).isNull();
}

QString PgStore::presentTriggersSql() const
{
    return QStringLiteral(
        "SELECT t.tgname FROM pg_catalog.pg_trigger t JOIN pg_catalog.pg_class c ON c.oid = "
        "t.tgrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = "
        "current_schema() AND NOT t.tgisinternal AND t.tgenabled <> 'D'");
}

namespace {
QString compactJson(const QJsonArray &array)
{
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QJsonObject auditObject(const AuditEntry &a)
{
    return {
        {QStringLiteral("at"), isoUtc(a.at)},   {QStringLiteral("actor"), a.actor},
        {QStringLiteral("action"), a.action},   {QStringLiteral("pipeline"), a.pipeline},
        {QStringLiteral("from_state"), a.from}, {QStringLiteral("to_state"), a.to},
        {QStringLiteral("reason"), a.reason},
    };
}

// One audit row as daybreak_audit_row() reads it.
QString auditJson(const AuditEntry &a)
{
    return QString::fromUtf8(QJsonDocument(auditObject(a)).toJson(QJsonDocument::Compact));
}
} // namespace

void PgStore::recordParity(const QList<ParityResult> &results, const AuditEntry &audit)
{
    Transaction tx(*this);
    callRecordParity(results, audit);
    tx.commit();
}

void PgStore::callRecordParity(const QList<ParityResult> &results, const AuditEntry &audit)
{
    const auto orNull = [](const QString &value) {
        return value.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(value);
    };
    QJsonArray rows;
    for (const ParityResult &r : results)
        rows.append(QJsonObject{
            {QStringLiteral("pipeline"), r.pipeline},
            {QStringLiteral("business_date"), r.businessDate.toString(Qt::ISODate)},
            {QStringLiteral("onprem_rows"), r.onpremRows},
            {QStringLiteral("cloud_rows"), r.cloudRows},
            {QStringLiteral("mismatched_rows"), r.mismatchedRows},
            {QStringLiteral("max_rel_diff"), r.maxRelativeDiff},
            {QStringLiteral("recorded_at"), isoUtc(r.recordedAt)},
            {QStringLiteral("recorded_by"), r.recordedBy},
            {QStringLiteral("accepted_by"), orNull(r.resolvedBy)},
            {QStringLiteral("accepted_reason"), orNull(r.resolvedReason)},
            {QStringLiteral("resolution"), orNull(resolutionName(r.resolution))},
            {QStringLiteral("resolved_at"),
             r.isResolved() ? QJsonValue(isoUtc(r.resolvedAt)) : QJsonValue(QJsonValue::Null)},
            {QStringLiteral("checksum_match"),
             r.checksumMatch ? QJsonValue(*r.checksumMatch ? 1 : 0) : QJsonValue(QJsonValue::Null)},
            {QStringLiteral("note"), r.note},
        });
    run(QStringLiteral("SELECT daybreak_record_parity(CAST(? AS JSONB), ?, ?, ?, ?, ?)"),
        {compactJson(rows), isoUtc(audit.at), audit.actor, audit.action, audit.pipeline,
         audit.reason},
        QStringLiteral("recording parity"));
}

void PgStore::recordMeasuredParity(const ParityResult &result, const QJsonObject &detail,
                                   const AuditEntry &audit)
{
    // One transaction: the night's row and its audit row through daybreak_record_parity(), then
    // what differed, which the server keeps only beside that row.
    Transaction tx(*this);
    callRecordParity({result}, audit);
    run(QStringLiteral("SELECT daybreak_record_parity_diff(?, ?, ?, ?)"),
        {result.pipeline, result.businessDate.toString(Qt::ISODate), isoUtc(result.recordedAt),
         QString::fromUtf8(QJsonDocument(detail).toJson(QJsonDocument::Compact))},
        QStringLiteral("keeping what the comparison of %1 found").arg(result.pipeline));
    tx.commit();
}

void PgStore::writeReadReceipt(const QString &pipeline, const ReadReceipt &receipt)
{
    // The server's time, whatever the reader's clock says.
    run(QStringLiteral("SELECT daybreak_read_receipt(?, ?, ?, ?)"),
        {pipeline, receipt.host, receipt.caller, receipt.version},
        QStringLiteral("writing the read receipt of %1").arg(pipeline));
}

WriteStatus PgStore::putParitySetting(const ParitySetting &p, bool mustBeNew,
                                      const AuditEntry &audit)
{
    return callWriting(
        QStringLiteral("SELECT daybreak_put_parity_setting(?, ?, ?, ?, ?, ?, CAST(? AS JSONB))"),
        {p.kind, p.name, QString::fromUtf8(QJsonDocument(p.spec).toJson(QJsonDocument::Compact)),
         mustBeNew, p.updatedBy, isoUtc(p.updatedAt), auditJson(audit)},
        QStringLiteral("writing the parity %1 %2").arg(p.kind, p.name));
}

WriteStatus PgStore::removeParitySetting(const QString &kind, const QString &name,
                                         const AuditEntry &audit)
{
    return callWriting(
        QStringLiteral("SELECT daybreak_remove_parity_setting(?, ?, CAST(? AS JSONB))"),
        {kind, name, auditJson(audit)},
        QStringLiteral("removing the parity %1 %2").arg(kind, name));
}

WriteStatus PgStore::resolveBreach(const QString &pipeline, const QDate &date,
                                   BreachResolution resolution, const AuditEntry &audit)
{
    return callWriting(QStringLiteral("SELECT daybreak_resolve_breach(?, ?, ?, ?, ?, ?, ?)"),
                       {pipeline, date.toString(Qt::ISODate), resolutionName(resolution),
                        isoUtc(audit.at), audit.actor, audit.action, audit.reason},
                       QStringLiteral("resolving the parity breach"));
}

WriteStatus PgStore::applyPlanChange(const PlanChange &change)
{
    // One statement in the server (migration 14): the plan's compare-and-set, the waves and
    // their members, and the audit rows. false: the plan version moved meanwhile.
    QJsonArray renames;
    for (const auto &[from, to] : change.renames)
        renames.append(
            QJsonObject{{QStringLiteral("old_name"), from}, {QStringLiteral("new_name"), to}});
    QJsonArray waves;
    for (const Wave &w : change.upsertWaves)
        waves.append(QJsonObject{
            {QStringLiteral("name"), w.name},
            {QStringLiteral("wave_date"), w.date.toString(Qt::ISODate)},
            {QStringLiteral("window_start"), w.windowStart.toString(Qt::ISODate)},
            {QStringLiteral("window_end"), w.windowEnd.toString(Qt::ISODate)},
            {QStringLiteral("capacity"), w.capacity},
            {QStringLiteral("max_high_risk"), w.maxHighRisk},
            {QStringLiteral("members"), QJsonArray::fromStringList(w.members)},
        });
    QJsonArray audit;
    for (const AuditEntry &a : change.audit)
        audit.append(auditObject(a));
    return callWriting(QStringLiteral("SELECT daybreak_plan_change(?, CAST(? AS JSONB), CAST(? AS "
                                      "JSONB), CAST(? AS JSONB), CAST(? AS JSONB))"),
                       {change.expectedPlanVersion, compactJson(renames),
                        compactJson(QJsonArray::fromStringList(change.removeWaves)),
                        compactJson(waves), compactJson(audit)},
                       QStringLiteral("changing the wave plan"));
}

WriteStatus PgStore::callWriting(const QString &sql, const QVariantList &params,
                                 const QString &what)
{
    Transaction tx(*this);
    QSqlQuery q = run(sql, params, what);
    if (!q.next() || !q.value(0).toBool()) {
        tx.rollback();
        return WriteStatus::Conflict;
    }
    tx.commit();
    return WriteStatus::Written;
}

WriteStatus PgStore::acknowledgeAlert(qint64 id, const AuditEntry &audit)
{
    return callWriting(QStringLiteral("SELECT daybreak_ack_alert(?, ?, ?, ?)"),
                       {id, isoUtc(audit.at), audit.actor, nullable(audit.reason)},
                       QStringLiteral("acknowledging alert %1").arg(id));
}

// Migration 14: the remaining audited changes, each a function that writes the change and its
// audit row (operators hold no INSERT on audit).
WriteStatus PgStore::addChannel(const Channel &c, const AuditEntry &audit)
{
    return callWriting(
        QStringLiteral("SELECT daybreak_add_channel(?, ?, ?, ?, ?, ?, CAST(? AS JSONB))"),
        {c.name, c.kind, c.target,
         QString::fromUtf8(QJsonDocument(c.options).toJson(QJsonDocument::Compact)), c.createdBy,
         isoUtc(c.createdAt), auditJson(audit)},
        QStringLiteral("adding channel %1").arg(c.name));
}

WriteStatus PgStore::removeChannel(const QString &name, const AuditEntry &audit)
{
    return callWriting(QStringLiteral("SELECT daybreak_remove_channel(?, CAST(? AS JSONB))"),
                       {name, auditJson(audit)}, QStringLiteral("removing channel %1").arg(name));
}

WriteStatus PgStore::addLineageMapping(const LineageMapping &m, const AuditEntry &audit)
{
    return callWriting(
        QStringLiteral("SELECT daybreak_add_lineage_mapping(?, ?, ?, ?, ?, ?, CAST(? AS JSONB))"),
        {m.ns, m.jobPattern, nullable(m.pipeline), sideName(m.side), m.createdBy,
         isoUtc(m.createdAt), auditJson(audit)},
        QStringLiteral("mapping %1").arg(m.jobPattern));
}

WriteStatus PgStore::removeLineageMapping(qint64 id, const AuditEntry &audit)
{
    return callWriting(
        QStringLiteral("SELECT daybreak_remove_lineage_mapping(?, CAST(? AS JSONB))"),
        {id, auditJson(audit)}, QStringLiteral("removing mapping %1").arg(id));
}

qint64 PgStore::addChangeRequest(const ChangeRequest &r, const AuditEntry &audit)
{
    Transaction tx(*this);
    QSqlQuery q =
        run(QStringLiteral("SELECT daybreak_add_change_request(?, ?, ?, ?, ?, CAST(? AS JSONB))"),
            {isoUtc(r.createdAt), r.action, r.pipeline, r.reason, isoUtc(r.expiresAt),
             auditJson(audit)},
            QStringLiteral("writing the change request"));
    const qint64 id = q.next() ? q.value(0).toLongLong() : 0;
    tx.commit();
    return id;
}

WriteStatus PgStore::rejectChangeRequest(qint64 id, const QString &, const QString &reason,
                                         const AuditEntry &audit)
{
    // The server names the decider (session_user) and refuses the requester's own.
    return callWriting(
        QStringLiteral("SELECT daybreak_reject_change_request(?, ?, CAST(? AS JSONB))"),
        {id, reason, auditJson(audit)}, QStringLiteral("rejecting change request %1").arg(id));
}

void PgStore::recordRunHistory(const QList<RunEvent> &events, const AuditEntry &audit)
{
    QJsonArray rows;
    for (const RunEvent &e : events)
        rows.append(QJsonObject{
            {QStringLiteral("pipeline"), e.pipeline},
            {QStringLiteral("business_date"), e.businessDate.toString(Qt::ISODate)},
            {QStringLiteral("side"), sideName(e.side)},
            {QStringLiteral("state"), runEventKindName(e.kind)},
            {QStringLiteral("at"), isoUtc(e.at)},
            {QStringLiteral("recorded_by"), e.recordedBy},
        });
    Transaction tx(*this);
    run(QStringLiteral("SELECT daybreak_record_run_history(CAST(? AS JSONB), CAST(? AS JSONB))"),
        {compactJson(rows), auditJson(audit)}, QStringLiteral("recording run history"));
    tx.commit();
}

Store::Opener PgStore::opener() const
{
    return [target = m_target, readOnly = m_readOnly]() -> std::unique_ptr<Store> {
        return std::make_unique<PgStore>(target, OpenMode::MustExist, readOnly);
    };
}

int PgStore::socket() const
{
    return pgSocket(m_db);
}

qint64 PgStore::backendPid()
{
    QSqlQuery q = run(QStringLiteral("SELECT pg_backend_pid()"));
    return q.next() ? q.value(0).toLongLong() : 0;
}

Access PgStore::readAccess()
{
    Access a;
    QSqlQuery who = run(QStringLiteral(
        "SELECT session_user, (SELECT rolsuper FROM pg_roles WHERE rolname = session_user), "
        "pg_has_role(session_user, (SELECT relowner FROM pg_class WHERE oid = "
        "to_regclass('pipelines')), 'MEMBER')"));
    if (who.next()) {
        a.user = who.value(0).toString();
        if (!m_readOnly && (who.value(1).toBool() || who.value(2).toBool()))
            a = Access::everything(a.user);
    }
    QSqlQuery member =
        run(QStringLiteral("SELECT rolname FROM pg_roles WHERE rolname IN "
                           "('daybreak_viewer', 'daybreak_planner', 'daybreak_operator', "
                           "'daybreak_approver') AND pg_has_role(session_user, oid, 'MEMBER')"));
    while (member.next()) {
        const QString role = member.value(0).toString();
        for (Role r : {Role::Viewer, Role::Planner, Role::Operator, Role::Approver})
            if (role == databaseRoleName(r) && (!m_readOnly || r == Role::Viewer))
                a.roles.insert(r);
    }
    if (m_readOnly)
        a.roles = {Role::Viewer};
    return a;
}

QStringList PgStore::setUpRoles()
{
    QStringList done;
    Transaction tx(*this);
    lockSchema(); // one init at a time per database; role creation across databases is handled in
                  // SQL
    for (const QString &statement : pgRoleStatements())
        run(statement, {}, QStringLiteral("creating the Daybreak roles (needs CREATEROLE)"));
    tx.commit();
    for (Role r : {Role::Viewer, Role::Planner, Role::Operator, Role::Approver})
        done.append(QStringLiteral("role %1 ready (GRANT %1 TO <user> gives a user the %2 role)")
                        .arg(databaseRoleName(r), roleName(r)));
    return done;
}

std::unique_ptr<ChangeNotifier> PgStore::createNotifier()
{
    return std::make_unique<PgChangeNotifier>(m_target);
}

} // namespace daybreak
