#pragma once

#include "Delivery.h"

#include "SocketWatchdog.h"
#include "Store.h"

#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QStringList>
#include <QVariantList>

#include <chrono>
#include <memory>

class QSqlQuery;

namespace daybreak {

// How long a change whose COMMIT answer was lost keeps reconnecting to learn whether it was
// written: long enough for a standby to be promoted (docs/failover.md).
constexpr std::chrono::milliseconds kCommitLookupLimit{20000};

// The SQL shared by the back ends: every statement parameterised, every write one transaction
// with its audit row. Back ends open the connection and own the schema.
class SqlStore : public Store
{
public:
    // A failure that may mean a lost connection was seen: the next statement reconnects first.
    // A statement the server refused on its merits (constraint, bad value) does not set it.
    bool isSuspect() const { return m_suspect; }

    ~SqlStore() override;

    bool isEmpty() override;
    StoreSnapshot snapshot() override;
    std::optional<RoutingPointer> routing(const QString &pipeline) override;
    RoutingTable routingTable(const QDateTime &now) override;
    QString storeId() override;
    bool routingChangedSince(qint64 feedSeq) override;
    void recordReadReceipt(const QString &pipeline, const ReadReceipt &receipt) override;
    QList<ReadReceipt> readReceipts(const QString &pipeline, const QDateTime &since) override;
    QString timezoneName() override;
    QList<AuditEntry> auditLog(const QString &pipeline = {}) override;
    WriteStatus applyTransition(const Transition &transition) override;
    void replaceInventory(const Inventory &inventory, const AuditEntry &audit,
                          const StoreHistory &history = {}) override;
    void recordParity(const QList<ParityResult> &results, const AuditEntry &audit) override;
    WriteStatus putParitySetting(const ParitySetting &setting, bool mustBeNew,
                                 const AuditEntry &audit) override;
    WriteStatus removeParitySetting(const QString &kind, const QString &name,
                                    const AuditEntry &audit) override;
    QList<ParitySetting> paritySettings(const QString &kind) override;
    void recordMeasuredParity(const ParityResult &result, const QJsonObject &detail,
                              const AuditEntry &audit) override;
    QList<MeasuredParity> measuredParity(const QString &pipeline = {}) override;
    WriteStatus applyPlanChange(const PlanChange &change) override;
    void recordRunEvent(const RunEvent &event) override;
    QList<RunEvent> runEventsBetween(const QDate &from, const QDate &to,
                                     const QString &pipeline = {}) override;
    void recordRunHistory(const QList<RunEvent> &events, const AuditEntry &audit) override;
    QList<RunEvent> runEvents(const QDate &businessDate) override;
    QList<SlaAlert> raiseAlerts(const QList<SlaAlert> &alerts) override;
    QList<SlaAlert> alerts(const QDate &businessDate) override;
    QList<SlaAlert> resolveAlerts(const QList<SlaAlert> &resolved) override;
    WriteStatus addChannel(const Channel &channel, const AuditEntry &audit) override;
    WriteStatus removeChannel(const QString &name, const AuditEntry &audit) override;
    QList<Channel> channels() override;
    WriteStatus addLineageMapping(const LineageMapping &mapping, const AuditEntry &audit) override;
    WriteStatus removeLineageMapping(qint64 id, const AuditEntry &audit) override;
    QList<LineageMapping> lineageMappings() override;
    void countUnmapped(const QList<UnmappedJob> &seen) override;
    QList<UnmappedJob> unmappedJobs() override;
    void recordRunEvents(const QList<RunEvent> &events) override;
    int enqueueDeliveries(const QList<Delivery> &deliveries) override;
    QList<Delivery> dueDeliveries(const QDateTime &now, int limit) override;
    void recordAttempt(const Delivery &delivery) override;
    QList<Delivery> deliveriesOf(const QList<qint64> &alertIds) override;
    bool takeLease(const QString &name, const QString &holder, const QDateTime &now,
                   const QDateTime &until) override;
    void recordWatchBeat(const WatchBeat &beat) override;
    QList<WatchBeat> watches() override;
    void removeWatch(const QString &id) override;
    WriteStatus acknowledgeAlert(qint64 id, const AuditEntry &audit) override;
    qint64 addChangeRequest(const ChangeRequest &request, const AuditEntry &audit) override;
    WriteStatus rejectChangeRequest(qint64 id, const QString &decider, const QString &reason,
                                    const AuditEntry &audit) override;
    QList<ChangeRequest> changeRequests() override;
    bool markRequestNotified(qint64 id, const QDateTime &at) override;
    WriteStatus resolveBreach(const QString &pipeline, const QDate &date,
                              BreachResolution resolution, const AuditEntry &audit) override;

    Access access() const override { return m_access; }
    QStringList verify() override;
    StoreChange follow(StoreSnapshot &snapshot) override;
    qint64 feedPosition() override { return newestFeedEntry(); }
    bool changedSince(qint64 feedSeq, const QString &table) override;
    std::optional<QSet<QString>> keysChangedSince(qint64 feedSeq, const QString &table) override;
    int schemaVersion();

    // For tests and tools that must prove the schema's own guarantees.
    QSqlDatabase &database() { return m_db; }

protected:
    explicit SqlStore(const QString &connectionName);

    // Rolls back on scope exit unless committed, so an exception never leaves a transaction open.
    class Transaction
    {
    public:
        enum class Kind
        {
            Read, // a consistent snapshot; writes nothing
            Write
        };
        explicit Transaction(SqlStore &store, Kind kind = Kind::Write) : m_store(store)
        {
            m_store.begin(kind == Kind::Write);
        }
        ~Transaction();
        void commit();
        void rollback();

    private:
        SqlStore &m_store;
        bool m_open = true;
    };

    // Runs a statement with positional parameters; throws StoreError naming `what` on failure.
    QSqlQuery run(const QString &sql, const QVariantList &params = {}, const QString &what = {});
    void begin(bool write);
    // Starts the transaction: a write one takes the write lock at once where the back end can
    // (SQLite's BEGIN IMMEDIATE), so it waits for another writer instead of failing when it
    // first writes after reading (tst_concurrency guards it). Returns the error, invalid when it
    // started.
    virtual QSqlError startTransaction(bool write);
    void commit();
    void rollback();
    void insertAudit(const AuditEntry &audit, const QString &requestId = QString());
    void writeParity(const QList<ParityResult> &results); // inside a write transaction
    // One guarded UPDATE that must touch exactly one row, with its audit row; else Conflict.
    WriteStatus updateOneWithAudit(const QString &sql, const QVariantList &params,
                                   const AuditEntry &audit);
    WavePlan loadPlan();
    // One pipeline's comparisons (all pipelines' when empty), oldest night first.
    QList<ParityResult> parityRows(const QString &pipeline);
    qint64 newestFeedEntry(); // 0: the feed is empty
    // The change feed's entries after `seq`, oldest first (at most `limit`); nullopt when some
    // after `seq` were trimmed already or there are more than `limit`.
    std::optional<QList<FeedEntry>> changesSince(qint64 seq, int limit);
    // Whether entries after `seq` were trimmed from the feed (it keeps the newest 100,000).
    bool feedTrimmedPast(qint64 seq);
    // Brings the schema to `migrations.size()`; refuses a newer schema than this program knows.
    // With `mustHaveSchema` an empty database is refused instead of initialised. Returns how many
    // migrations it applied.
    int migrate(const QList<QStringList> &migrations, bool mustHaveSchema, bool readOnly);
    virtual bool hasSchemaTable() = 0;
    // Serialises concurrent migrations of one database (PostgreSQL takes an advisory lock).
    virtual void lockSchema() {}
    // Runs inside every write transaction just before COMMIT: the seam fault tests use to drop
    // the connection mid-transaction.
    virtual void beforeCommit() {}
    // After a failed COMMIT: is the server still there (so it refused) or did it go away?
    virtual bool connectionAlive() { return true; }
    // First statement of a multi-query read: SQLite's transactions already read one snapshot;
    // PostgreSQL needs REPEATABLE READ for that.
    virtual void readConsistently() {}
    // First statement of a routing change: reads and writes must behave as if one change ran at a
    // time (SQLite's single writer already does; PostgreSQL needs SERIALIZABLE).
    virtual void isolateForRules() {}
    // Right after isolateForRules(): names the change's request id to the server, where the audit
    // rows its functions write pick it up (PostgreSQL); SQLite writes it with each row itself.
    virtual void tagRequest(const QString &requestId) { Q_UNUSED(requestId) }
    // After a lost COMMIT answer: reconnects (retrying for up to kCommitLookupLimit) and says
    // whether the audit log holds `requestId`. Throws StoreError when the store stays away.
    bool findRequest(const QString &requestId, const QString &why);
    bool neighboursUnchanged(const QHash<QString, qint64> &expected);
    // The read receipt's upsert, once recordReadReceipt found it is needed (PostgreSQL writes it
    // through daybreak_read_receipt() with the server's time).
    virtual void writeReadReceipt(const QString &pipeline, const ReadReceipt &receipt);
    // A transition's compare-and-set, its approval and its audit rows, inside applyTransition's
    // transaction; false when the pointer (or the request) moved: nothing is kept. PostgreSQL
    // does it in the server (daybreak_transition), where plain SQL cannot do it otherwise.
    virtual bool writeTransition(const Transition &transition);
    // The triggers the schema promises (verify()), and the query listing the enabled ones the
    // database has, one name per row.
    virtual QStringList requiredTriggers() const = 0;
    virtual QString presentTriggersSql() const = 0;
    // The socket a call to the server waits on, for the watchdog; -1 where there is none (SQLite's
    // busy timeout already bounds every wait).
    virtual int socket() const { return -1; }
    // Inside a write transaction: one wave with its members; one run event; the demo's past.
    void writeWave(const Wave &wave);
    void insertRunEvent(const RunEvent &event);
    void writeHistory(const StoreHistory &history);
    bool inTransaction() const { return m_inTransaction; }
    // Before a statement that runs outside any transaction: SQLite's viewer reopens there when
    // the file changed under it.
    virtual void beforeStatementAlone() {}
    // Arms the watchdog (where the back end has one) for the scope of one call to the server.
    SocketWatchdog::Guard deadline() { return SocketWatchdog::Guard(m_watchdog.get(), socket()); }
    // What a failed call says, told "no answer within N s" when the watchdog cut it off.
    QString failureText(const QSqlError &error) const;
    // A statement failed in a way that may mean the connection is gone; the next statement
    // outside a transaction calls reconnect() first.
    bool m_suspect = false;

    QSqlDatabase m_db;
    QString m_connectionName;
    std::unique_ptr<SocketWatchdog> m_watchdog; // back ends that talk to a server set one
    Access m_access;
    qint64 m_commits = 0; // this connection's own commits, for changeToken()
    bool m_inTransaction = false;
    QString m_storeId; // read once (storeId())
};

QString isoUtc(const QDateTime &at);
QDateTime fromIsoUtc(const QString &text);
// A text parameter that binds as SQL NULL when empty.
QVariant nullable(const QString &text);

} // namespace daybreak
