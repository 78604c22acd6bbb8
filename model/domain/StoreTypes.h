#pragma once

#include "Inventory.h"
#include "ParityResult.h"
#include "ParitySetting.h"
#include "Pipeline.h"
#include "RunEvent.h"
#include "Wave.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

#include <optional>
#include <stdexcept>

namespace daybreak {

// The routing pointer: which side of a pipeline is canonical, versioned for compare-and-set.
struct RoutingPointer
{
    QString pipeline;
    State state = State::OnPrem;
    qint64 version = 0;
    QDateTime updatedAt;

    Side canonical() const { return canonicalSide(state); }

    bool operator==(const RoutingPointer &) const = default;
};

// One row of the append-only audit log.
struct AuditEntry
{
    qint64 id = 0;
    QDateTime at;
    QString actor;
    QString action; // dual_run, cutover, rollback, decommission, import, parity_record, ...
    QString pipeline;
    QString from;
    QString to;
    QString reason;
    bool breakGlass = false;
    bool unplanned = false;
    QString dbUser; // set by the server (PostgreSQL); empty on SQLite
};

// A routing change: applied only if the pointer still has `expectedVersion`.
struct Transition
{
    QString pipeline;
    State from = State::OnPrem;
    State to = State::OnPrem;
    qint64 expectedVersion = 0;
    // The neighbours' pointer versions the rules decided on (upstreams and downstreams): if any
    // moved before this commits, the decision is stale and nothing is written (Conflict).
    QHash<QString, qint64> neighbourVersions;
    AuditEntry audit;
    // Set when the change carries out an approved change request: in the same transaction the
    // request, still pending and not its requester's, becomes approved by `approver` (or nothing
    // is written: Conflict), with its own audit row.
    struct Approval
    {
        qint64 request = 0;
        QString approver;
        AuditEntry audit;
    };
    std::optional<Approval> approval;
    // The change's own id, written on each of its audit rows: a change whose COMMIT answer was
    // lost is looked up by it on reconnect (SqlStore::applyTransition). Made there when empty.
    QString requestId;
};

// Everything the rules look at, read in one go.
struct StoreSnapshot
{
    Inventory inventory;
    QHash<QString, RoutingPointer> routing;
    QHash<QString, QList<ParityResult>> parity;
    WavePlan plan;
    qint64 planVersion = 0;
    qint64 feedSeq = 0; // the change feed's newest entry this picture includes

    State stateOf(const QString &id) const { return routing.value(id).state; }
    // Everything equal: what a console compares before it rebuilds every view.
    bool operator==(const StoreSnapshot &) const = default;
};

// Every pipeline's routing pointer as one read saw it, with what a host needs to keep it as its
// last-known routing (LastKnownRouting.h): which store it is, how far its change feed reached, and
// which pipelines were mid-change (a change request pending) at that moment.
struct RoutingTable
{
    QString storeId; // the store's own identity (settings 'store_id'), the same on every host
    qint64 feedSeq = 0;
    QHash<QString, RoutingPointer> pointers;
    QSet<QString> midChange;
};

// Who last saw which version of one pipeline's routing pointer: a host and a caller (the CLI's
// --caller, the HTTP token's name), the version they were told and when they asked last.
struct ReadReceipt
{
    QString host;
    QString caller;
    qint64 version = 0;
    QDateTime seenAt;

    bool operator==(const ReadReceipt &) const = default;
};

// The store cannot be reached or used (missing file, newer schema, broken connection).
class StoreError : public std::runtime_error
{
public:
    explicit StoreError(const QString &message) : std::runtime_error(message.toStdString()) {}
    QString message() const { return QString::fromStdString(what()); }
};

// The server aborted a transaction because a concurrent one won (serialization failure,
// deadlock): it rolled back whole, so callers report a conflict, not a broken store.
class ConcurrentChange : public StoreError
{
public:
    using StoreError::StoreError;
};

// The answer to COMMIT never came (the connection dropped, the primary died): the transaction is
// there whole or not at all, and only a new connection can tell which.
class CommitUnknown : public StoreError
{
public:
    using StoreError::StoreError;
};

// The store answered but refused the statement: a constraint (unique, foreign key, check, a
// trigger's refusal) or a bad value. The connection is fine and nothing was written; unlike a
// StoreError it says nothing about the store being unreachable.
class StoreRejected : public StoreError
{
public:
    StoreRejected(const QString &message, bool badValue) : StoreError(message), m_badValue(badValue)
    {
    }
    bool isBadValue() const { return m_badValue; } // a value out of range or of the wrong type
private:
    bool m_badValue;
};

// The server wants a password that neither PGPASSWORD nor ~/.pgpass supplied (the GUI asks).
class PasswordRequired : public StoreError
{
public:
    using StoreError::StoreError;
};

enum class WriteStatus
{
    Written,
    Conflict
};

// One plan edit as the store applies it: wave rows to write or delete, memberships to set,
// and the audit rows that describe it, all in one transaction guarded by the plan version.
// What a new store starts with besides its inventory: the demo's generated past. Written in the
// import's transaction. `audit` is in time order; each of its routing rows (dual_run, cutover,
// rollback, decommission) moves its pipeline's pointer from `from` to `to`, one version.
struct StoreHistory
{
    QList<AuditEntry> audit;
    QList<Wave> waves; // with their members
    QList<RunEvent> runEvents;
    QList<ParityResult> parity;

    bool isEmpty() const
    {
        return audit.isEmpty() && waves.isEmpty() && runEvents.isEmpty() && parity.isEmpty();
    }
};

struct PlanChange
{
    QList<Wave> upsertWaves; // written with their members in this order
    QStringList removeWaves;
    QList<QPair<QString, QString>> renames; // (old, new), applied first
    qint64 expectedPlanVersion = -1;        // -1: do not check
    QList<AuditEntry> audit;
};

} // namespace daybreak
