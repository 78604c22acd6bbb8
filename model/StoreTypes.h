#pragma once

#include "Inventory.h"
#include "ParityResult.h"
#include "Pipeline.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

#include <stdexcept>

// The routing pointer: which side of a pipeline is canonical, versioned for compare-and-set.
struct RoutingPointer
{
    QString pipeline;
    State state = State::OnPrem;
    qint64 version = 0;
    QDateTime updatedAt;

    Side canonical() const { return canonicalSide(state); }
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
};

// A routing change: applied only if the pointer still has `expectedVersion`.
struct Transition
{
    QString pipeline;
    State from = State::OnPrem;
    State to = State::OnPrem;
    qint64 expectedVersion = 0;
    AuditEntry audit;
};

// Everything the rules look at, read in one go.
struct StoreSnapshot
{
    Inventory inventory;
    QHash<QString, RoutingPointer> routing;
    QHash<QString, QList<ParityResult>> parity;

    State stateOf(const QString &id) const { return routing.value(id).state; }
};

// The store cannot be reached or used (missing file, newer schema, broken connection).
class StoreError : public std::runtime_error
{
public:
    explicit StoreError(const QString &message) : std::runtime_error(message.toStdString()) {}
    QString message() const { return QString::fromStdString(what()); }
};

enum class WriteStatus { Written, Conflict };
