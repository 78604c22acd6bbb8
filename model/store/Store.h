#pragma once

#include "ChangeFeed.h"
#include "Delivery.h"

#include "Access.h"
#include "Lineage.h"
#include "RunEvent.h"
#include "SlaAlert.h"
#include "StoreTypes.h"

#include <QString>

#include <functional>
#include <memory>
#include <optional>

namespace daybreak {

class ChangeNotifier;

// The routing pointers: what the orchestrator asks, the compare-and-set that moves one with its
// audit row, who read which version, and four-eyes change requests.
class RoutingStore
{
public:
    virtual ~RoutingStore() = default;

    // The inventory's time zone name alone: what an append on the hot path needs, without
    // reading the whole snapshot.
    virtual QString timezoneName() = 0;
    virtual std::optional<RoutingPointer> routing(const QString &pipeline) = 0;
    // Every routing pointer with the store's identity, its feed position and the pipelines with a
    // change request pending at `now`, from one read transaction: what a host keeps as its
    // last-known routing.
    virtual RoutingTable routingTable(const QDateTime &now) = 0;
    // The store's identity (settings 'store_id', made by migration 17), read once.
    virtual QString storeId() = 0;
    // Whether a routing pointer or a change request changed after `feedSeq` (also true when the
    // feed no longer reaches back that far).
    virtual bool routingChangedSince(qint64 feedSeq) = 0;
    // A read receipt: `reader` (host and caller) has seen `pipeline` at pointer `version`. Writes
    // only when that reader's last receipt for the pipeline names another version, so a route
    // call writes once per reader and per version.
    virtual void recordReadReceipt(const QString &pipeline, const ReadReceipt &receipt) = 0;
    // The readers that asked about `pipeline` at or after `since`, each with the version it saw
    // last.
    virtual QList<ReadReceipt> readReceipts(const QString &pipeline, const QDateTime &since) = 0;
    virtual QList<AuditEntry> auditLog(const QString &pipeline = {}) = 0;
    virtual WriteStatus applyTransition(const Transition &transition) = 0;
    // Four eyes: a pending change request with its audit row; returns its id. Approval is a
    // Transition with its `approval` set (applyTransition); a rejection closes a pending request
    // (Conflict: not pending any more, or the decider is its requester).
    virtual qint64 addChangeRequest(const ChangeRequest &request, const AuditEntry &audit) = 0;
    virtual WriteStatus rejectChangeRequest(qint64 id, const QString &decider,
                                            const QString &reason, const AuditEntry &audit) = 0;
    virtual QList<ChangeRequest> changeRequests() = 0; // newest first
    // The watch told the approvers about it (false: someone else did already).
    virtual bool markRequestNotified(qint64 id, const QDateTime &at) = 0;
};

// What a console shows and follows: the whole picture, and the change feed after it.
class FeedStore
{
public:
    virtual ~FeedStore() = default;

    virtual bool isEmpty() = 0; // no inventory imported yet
    virtual StoreSnapshot snapshot() = 0;
    // Brings `snapshot` up to the store's newest feed entry, re-reading only the pointers,
    // parity and plan the entries name; returns what changed. When the feed cannot say (the
    // inventory changed, the console fell behind further than the feed keeps) it reads the
    // snapshot whole and returns `everything`, saying why.
    virtual StoreChange follow(StoreSnapshot &snapshot) = 0;
    // The change feed's newest entry (0: none yet), and whether any entry after `feedSeq`
    // names `table`: so a long-lived caller keeps what it read until the feed says otherwise.
    virtual qint64 feedPosition() = 0;
    virtual bool changedSince(qint64 feedSeq, const QString &table) = 0;
    // The keys the feed names for `table` after `feedSeq`; none when the feed no longer reaches
    // back that far or names more than kFeedFollowLimit of them (read it all instead).
    virtual std::optional<QSet<QString>> keysChangedSince(qint64 feedSeq, const QString &table) = 0;
};

// The inventory and the wave plan.
class PlanStore
{
public:
    virtual ~PlanStore() = default;

    // Replaces the inventory's definitions; existing routing pointers are kept, new pipelines start
    // in their initial state, pipelines missing from `inventory` are removed.
    // `history` (the demo's past) is written in the same transaction.
    virtual void replaceInventory(const Inventory &inventory, const AuditEntry &audit,
                                  const StoreHistory &history = {}) = 0;
    // Conflict when the plan version moved since `expectedPlanVersion` (nothing written).
    virtual WriteStatus applyPlanChange(const PlanChange &change) = 0;
};

// Parity: the nightly comparisons, closing a breach, and what Daybreak measures itself.
class ParityStore
{
public:
    virtual ~ParityStore() = default;

    virtual void recordParity(const QList<ParityResult> &results, const AuditEntry &audit) = 0;
    // Closes an open breach (accepted or explained); Conflict when there is no open breach that
    // night.
    virtual WriteStatus resolveBreach(const QString &pipeline, const QDate &date,
                                      BreachResolution resolution, const AuditEntry &audit) = 0;
    // Parity measured by Daybreak: the sources and mappings (ParitySetting.h), each change with
    // its audit row (Conflict: `mustBeNew` and the name is taken / no such setting), and the
    // comparisons it measured, written with the night's parity row and its audit row in one
    // transaction (on PostgreSQL through daybreak_record_parity()).
    virtual WriteStatus putParitySetting(const ParitySetting &setting, bool mustBeNew,
                                         const AuditEntry &audit) = 0;
    virtual WriteStatus removeParitySetting(const QString &kind, const QString &name,
                                            const AuditEntry &audit) = 0;
    virtual QList<ParitySetting> paritySettings(const QString &kind) = 0;
    virtual void recordMeasuredParity(const ParityResult &result, const QJsonObject &detail,
                                      const AuditEntry &audit) = 0;
    // The measured comparisons of one pipeline (all, when empty), newest night first.
    virtual QList<MeasuredParity> measuredParity(const QString &pipeline = {}) = 0;
};

// What ran and what it means: run events, the sensors' alerts, the OpenLineage mappings.
class TelemetryStore
{
public:
    virtual ~TelemetryStore() = default;

    // Run events are telemetry: appended as they come, never changed.
    virtual void recordRunEvent(const RunEvent &event) = 0;
    // A run history (an orchestrator's record of past nights) as one transaction with its audit
    // row.
    virtual void recordRunHistory(const QList<RunEvent> &events, const AuditEntry &audit) = 0;
    // Several run events in one transaction (an OpenLineage batch): all or none.
    virtual void recordRunEvents(const QList<RunEvent> &events) = 0;
    virtual QList<RunEvent> runEvents(const QDate &businessDate) = 0;
    // The run events of the nights from `from` to `to` (both included), of one pipeline or all.
    virtual QList<RunEvent> runEventsBetween(const QDate &from, const QDate &to,
                                             const QString &pipeline = {}) = 0;
    // Only alerts not raised before for that night and status are written; returns those.
    virtual QList<SlaAlert> raiseAlerts(const QList<SlaAlert> &alerts) = 0;
    virtual QList<SlaAlert> alerts(const QDate &businessDate) = 0;
    // Marks each alert (by id) resolved at its resolvedAt with its resolvedReason, unless it is
    // already; returns those this call resolved.
    virtual QList<SlaAlert> resolveAlerts(const QList<SlaAlert> &resolved) = 0;
    virtual WriteStatus acknowledgeAlert(qint64 id, const AuditEntry &audit) = 0;
    // OpenLineage: the job-to-pipeline mappings (each change with its audit row; Conflict: the
    // same namespace, pattern and side exist already / no such mapping) and the jobs that
    // matched none, counted.
    virtual WriteStatus addLineageMapping(const LineageMapping &mapping,
                                          const AuditEntry &audit) = 0;
    virtual WriteStatus removeLineageMapping(qint64 id, const AuditEntry &audit) = 0;
    virtual QList<LineageMapping> lineageMappings() = 0;
    virtual void countUnmapped(const QList<UnmappedJob> &seen) = 0;
    virtual QList<UnmappedJob> unmappedJobs() = 0;
};

// Paging: channels, the outbox, the delivery lease and the watches' heartbeats.
class DeliveryStore
{
public:
    virtual ~DeliveryStore() = default;

    // Delivery channels, each change with its audit row (Conflict: the name is taken / gone).
    virtual WriteStatus addChannel(const Channel &channel, const AuditEntry &audit) = 0;
    virtual WriteStatus removeChannel(const QString &name, const AuditEntry &audit) = 0;
    virtual QList<Channel> channels() = 0;
    // The outbox: rows already there stay as they are (restart-safe); the due pending ones;
    // one attempt's outcome; the deliveries of some alerts.
    virtual int enqueueDeliveries(const QList<Delivery> &deliveries) = 0;
    virtual QList<Delivery> dueDeliveries(const QDateTime &now, int limit) = 0;
    virtual void recordAttempt(const Delivery &delivery) = 0;
    virtual QList<Delivery> deliveriesOf(const QList<qint64> &alertIds) = 0;
    // Takes or renews the lease `name` for `holder` until `until`, if it is free, expired at
    // `now` or already this holder's.
    virtual bool takeLease(const QString &name, const QString &holder, const QDateTime &now,
                           const QDateTime &until) = 0;
    // The watch's heartbeat (insert or update by id), the watches that ever beat, and a watch
    // stopping cleanly (its row goes).
    virtual void recordWatchBeat(const WatchBeat &beat) = 0;
    virtual QList<WatchBeat> watches() = 0;
    virtual void removeWatch(const QString &id) = 0;
};

// The routing store: every role above, and what opens, checks and watches it. Every write is one
// transaction that carries its audit row; routing changes are compare-and-set on the pointer's
// version. Failures to reach or use the store throw StoreError. A caller that needs one part takes
// that role's interface.
class Store : public RoutingStore,
              public FeedStore,
              public PlanStore,
              public ParityStore,
              public TelemetryStore,
              public DeliveryStore
{
public:
    ~Store() override = default;

    virtual QString location() const = 0; // file path or server, for the status bar
    // Who is connected and which roles they hold; read once when the store is opened. A SQLite
    // file whose own promises are broken (verify() finds something) makes everyone a viewer, the
    // findings named as why, until it is mended: a file trusts whoever can write it, so a
    // tampered one is not changed further.
    virtual Access access() const = 0;
    // Who may append telemetry: run events, OpenLineage events, the watch's alerts. The roles
    // alone, without that check, so a tampered file still hears what ran and still pages.
    virtual Access telemetryAccess() const { return access(); }
    // Whether the server itself names who writes (PostgreSQL's session_user, which its triggers
    // record on change requests): then access().user is who asks and who approves. A SQLite file
    // takes the caller's name.
    virtual bool serverNamesUsers() const { return false; }
    // Creates the roles and their grants where the back end has them (PostgreSQL); returns
    // what it did, one line each. SQLite has no roles: file permissions decide.
    virtual QStringList setUpRoles() { return {}; }
    // Watches for commits by anyone; the console owns the notifier.
    virtual std::unique_ptr<ChangeNotifier> createNotifier() = 0;
    // Re-establishes a dropped connection; throws StoreError while the store stays unreachable.
    virtual void reconnect() {}
    // Opens this same store again (same place, same user and password, same read-only-ness) as a
    // connection of its own: the console's store thread calls it, since a connection belongs to
    // the thread that opened it. Throws StoreError like openStore().
    using Opener = std::function<std::unique_ptr<Store>()>;
    // Checks the store's own promises, as a tamperer with plain SQL could have broken them: the
    // triggers that keep the audit log append-only are there, and every routing pointer's
    // version and state follow from its audit rows, from the pipeline's initial state on. One
    // line per finding, naming the pipeline; empty when everything holds.
    virtual QStringList verify() = 0;
    virtual Opener opener() const = 0;
};

enum class OpenMode
{
    MustExist,
    CreateIfMissing
};

struct StoreOptions
{
    bool readOnly = false; // open as a viewer: nothing can be written through this connection
    QString password;      // PostgreSQL only, from a prompt; otherwise PGPASSWORD or ~/.pgpass
};

// `url`: a file path or sqlite:///path for SQLite; postgresql://user@host:port/db?sslmode=...
// for PostgreSQL.
std::unique_ptr<Store> openStore(const QString &url, OpenMode mode,
                                 const StoreOptions &options = {});
bool isPostgresUrl(const QString &url);
// The per-user default SQLite file under the platform's app-data folder.
QString defaultStorePath();

} // namespace daybreak
