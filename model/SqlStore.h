#pragma once

#include "Store.h"

#include <QSqlDatabase>
#include <QStringList>
#include <QVariantList>

class QSqlQuery;

// The SQL shared by the back ends: every statement parameterised, every write one transaction
// with its audit row. Back ends open the connection and own the schema.
class SqlStore : public Store
{
public:
    ~SqlStore() override;

    bool isEmpty() override;
    StoreSnapshot snapshot() override;
    std::optional<RoutingPointer> routing(const QString &pipeline) override;
    QList<AuditEntry> auditLog(const QString &pipeline = {}) override;
    WriteStatus applyTransition(const Transition &transition) override;
    void replaceInventory(const Inventory &inventory, const AuditEntry &audit) override;
    void recordParity(const QList<ParityResult> &results, const AuditEntry &audit) override;
    WriteStatus applyPlanChange(const PlanChange &change) override;
    void recordRunEvent(const RunEvent &event) override;
    QList<RunEvent> runEvents(const QDate &businessDate) override;
    QList<SlaAlert> raiseAlerts(const QList<SlaAlert> &alerts) override;
    QList<SlaAlert> alerts(const QDate &businessDate) override;
    WriteStatus acknowledgeAlert(qint64 id, const AuditEntry &audit) override;
    WriteStatus resolveBreach(const QString &pipeline, const QDate &date, BreachResolution resolution,
                              const AuditEntry &audit) override;

    int schemaVersion();

protected:
    explicit SqlStore(const QString &connectionName);

    // Runs a statement with positional parameters; throws StoreError naming `what` on failure.
    QSqlQuery run(const QString &sql, const QVariantList &params = {}, const QString &what = {});
    void begin();
    void commit();
    void rollback();
    void insertAudit(const AuditEntry &audit);
    // One guarded UPDATE that must touch exactly one row, with its audit row; else Conflict.
    WriteStatus updateOneWithAudit(const QString &sql, const QVariantList &params, const AuditEntry &audit);
    WavePlan loadPlan();
    // Brings the schema to `migrations.size()`; refuses a newer schema than this program knows.
    void migrate(const QList<QStringList> &migrations);

    QSqlDatabase m_db;
    QString m_connectionName;
    qint64 m_commits = 0; // this connection's own commits, for changeToken()
};

QString isoUtc(const QDateTime &at);
QDateTime fromIsoUtc(const QString &text);
