#pragma once

#include "PgConnection.h"
#include "SqlStore.h"

namespace daybreak {

// The remote store: one PostgreSQL database shared by every console, the CLI and the orchestrator
// across machines. The same SQL as SQLite (SqlStore); the server adds roles, LISTEN/NOTIFY and
// an audit column it fills itself with the database user.
class PgStore : public SqlStore
{
public:
    // Throws PasswordRequired or StoreError when the server cannot be reached or used.
    PgStore(const PgTarget &target, OpenMode mode, bool readOnly = false);

    QString location() const override { return m_target.displayUrl(); }
    QStringList setUpRoles() override;
    bool serverNamesUsers() const override { return true; }
    // Parity through the server's functions (migration 13), each with its audit row.
    void recordParity(const QList<ParityResult> &results, const AuditEntry &audit) override;
    WriteStatus putParitySetting(const ParitySetting &setting, bool mustBeNew,
                                 const AuditEntry &audit) override;
    WriteStatus removeParitySetting(const QString &kind, const QString &name,
                                    const AuditEntry &audit) override;
    void recordMeasuredParity(const ParityResult &result, const QJsonObject &detail,
                              const AuditEntry &audit) override;
    WriteStatus resolveBreach(const QString &pipeline, const QDate &date,
                              BreachResolution resolution, const AuditEntry &audit) override;
    WriteStatus applyPlanChange(const PlanChange &change) override;
    WriteStatus acknowledgeAlert(qint64 id, const AuditEntry &audit) override;
    WriteStatus addChannel(const Channel &channel, const AuditEntry &audit) override;
    WriteStatus removeChannel(const QString &name, const AuditEntry &audit) override;
    WriteStatus addLineageMapping(const LineageMapping &mapping, const AuditEntry &audit) override;
    WriteStatus removeLineageMapping(qint64 id, const AuditEntry &audit) override;
    qint64 addChangeRequest(const ChangeRequest &request, const AuditEntry &audit) override;
    WriteStatus rejectChangeRequest(qint64 id, const QString &decider, const QString &reason,
                                    const AuditEntry &audit) override;
    void recordRunHistory(const QList<RunEvent> &events, const AuditEntry &audit) override;
    std::unique_ptr<ChangeNotifier> createNotifier() override;
    void reconnect() override;
    Opener opener() const override;

    const PgTarget &target() const { return m_target; }
    // The server process serving this connection (for pg_terminate_backend in fault tests).
    qint64 backendPid();

protected:
    bool hasSchemaTable() override;
    void lockSchema() override;
    bool connectionAlive() override;
    void readConsistently() override;
    void isolateForRules() override;
    void tagRequest(const QString &requestId) override;
    bool writeTransition(const Transition &transition) override;
    void writeReadReceipt(const QString &pipeline, const ReadReceipt &receipt) override;
    // One call of a daybreak function that returns whether it wrote (false: Conflict), in a
    // transaction of its own.
    WriteStatus callWriting(const QString &sql, const QVariantList &params, const QString &what);
    int socket() const override;
    QStringList requiredTriggers() const override;
    QString presentTriggersSql() const override;

private:
    void open();
    Access readAccess();
    // daybreak_record_parity() inside the caller's transaction.
    void callRecordParity(const QList<ParityResult> &results, const AuditEntry &audit);

    PgTarget m_target;
    bool m_readOnly = false;
};

} // namespace daybreak
