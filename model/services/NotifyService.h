#pragma once

#include "Delivery.h"
#include "Outcome.h"
#include "SlaAlert.h"

#include <QList>

namespace daybreak {

class Clock;
class Store;

// Delivery channels (webhook, Slack, PagerDuty, a command) and which alert goes where. Every
// change is checked whole before anything is stored: a bad channel is a clear error naming the
// field, and nothing is written.
class NotifyService
{
public:
    NotifyService(Store &store, const Clock &clock, QString actor);

    Outcome addChannel(const Channel &channel);
    Outcome removeChannel(const QString &name);

    // Every problem with `channel`, "field: message" each; empty when it can be stored.
    static QStringList problemsOf(const Channel &channel);
    // critical for a breach or a silent orchestrator, warning for the rest.
    static QString severityOf(const SlaAlert &alert);
    // Whether `channel` takes `alert` at all: its reports, owners and minimum severity.
    // `owners` is the alert subject's owner (the pipeline's), empty when unknown.
    static bool routes(const Channel &channel, const SlaAlert &alert, const QString &owner);

    // The outbox rows the night's alerts need on each channel and do not have yet: a trigger
    // for each open alert (on an escalation channel only once it stayed unacknowledged that
    // long), a resolve for each that cleared or was acknowledged after its trigger.
    static QList<Delivery> planned(const QList<SlaAlert> &alerts, const QList<Channel> &channels,
                                   const QList<Delivery> &existing,
                                   const QHash<QString, QString> &ownerOf, const QDateTime &now);

private:
    Store &m_store;
    const Clock &m_clock;
    QString m_actor;
};

} // namespace daybreak
