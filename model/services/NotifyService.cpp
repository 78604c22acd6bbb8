#include "NotifyService.h"

#include "Access.h"
#include "Clock.h"
#include "Guarded.h"
#include "Store.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>
#include <QUrl>

namespace daybreak {

NotifyService::NotifyService(Store &store, const Clock &clock, QString actor)
    : m_store(store), m_clock(clock), m_actor(std::move(actor))
{
}

QStringList NotifyService::problemsOf(const Channel &c)
{
    QStringList problems;
    static const QRegularExpression name(QStringLiteral("^[A-Za-z0-9_.-]{1,64}$"));
    if (!name.match(c.name).hasMatch())
        problems << QStringLiteral("name: '%1' is not 1 to 64 letters, digits, '_', '.' or '-'")
                        .arg(c.name);
    static const QStringList kinds{QStringLiteral("webhook"), QStringLiteral("slack"),
                                   QStringLiteral("pagerduty"), QStringLiteral("command"),
                                   QStringLiteral("email")};
    if (!kinds.contains(c.kind)) {
        problems << QStringLiteral("kind: '%1' is none of webhook, slack, pagerduty, email, "
                                   "command")
                        .arg(c.kind);
    } else if (c.kind == QLatin1String("webhook") || c.kind == QLatin1String("slack")) {
        const QUrl url(c.target, QUrl::StrictMode);
        if (!url.isValid() || url.host().isEmpty() ||
            (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http")))
            problems << QStringLiteral("url: '%1' is not an http:// or https:// URL with a host")
                            .arg(c.target);
    } else if (c.kind == QLatin1String("pagerduty")) {
        static const QRegularExpression key(QStringLiteral("^[A-Za-z0-9]{32}$"));
        if (!key.match(c.target).hasMatch())
            problems << QStringLiteral("routing key: a PagerDuty Events API v2 integration key "
                                       "is 32 letters and digits, got %1 character(s)")
                            .arg(c.target.size());
    } else if (c.kind == QLatin1String("command")) {
        const QFileInfo program(c.target);
        if (!program.isAbsolute() || !program.isFile() || !program.isExecutable())
            problems << QStringLiteral("path: '%1' is not an absolute path to an executable file")
                            .arg(c.target);
    } else if (c.kind == QLatin1String("email")) {
        static const QRegularExpression address(QStringLiteral("^[^@\\s<>]+@[^@\\s<>]+$"));
        if (!address.match(c.target).hasMatch())
            problems << QStringLiteral("address: '%1' is not an email address").arg(c.target);
        const QString smtp = c.options.value(QStringLiteral("smtp")).toString();
        static const QRegularExpression hostPort(
            QStringLiteral("^([A-Za-z0-9.-]+|\\[[0-9a-fA-F:]+\\]):([0-9]{1,5})$"));
        const QRegularExpressionMatch m = hostPort.match(smtp);
        if (!m.hasMatch() || m.captured(2).toInt() < 1 || m.captured(2).toInt() > 65535)
            problems << QStringLiteral("smtp: '%1' is not HOST:PORT (--smtp mail.example.com:587)")
                            .arg(smtp);
    }
    const QString severity = c.options.value(QStringLiteral("min_severity")).toString();
    if (!severity.isEmpty() && severity != QLatin1String("warning") &&
        severity != QLatin1String("critical"))
        problems
            << QStringLiteral("min-severity: '%1' is neither warning nor critical").arg(severity);
    if (c.options.contains(QStringLiteral("escalate_after_minutes"))) {
        const int minutes = c.options.value(QStringLiteral("escalate_after_minutes")).toInt(-1);
        if (minutes < 1 || minutes > 1440)
            problems << QStringLiteral("escalate-after: minutes from 1 to 1440");
    }
    return problems;
}

Outcome NotifyService::addChannel(const Channel &input)
{
    return guarded<Outcome>([&]() -> Outcome {
        Outcome o;
        if (const Decision role = roleDecision(m_store.access(), Role::Operator,
                                               QStringLiteral("adding a delivery channel"));
            !role.allowed()) {
            o.refuse(role, QStringLiteral("nothing was stored"));
            return o;
        }
        if (const QStringList problems = problemsOf(input); !problems.isEmpty()) {
            o.fail(Outcome::Kind::BadInput,
                   QStringLiteral("channel '%1' not added: %2")
                       .arg(input.name, problems.join(QStringLiteral("; "))));
            return o;
        }
        Channel c = input;
        c.createdBy = m_actor;
        c.createdAt = m_clock.now();
        AuditEntry audit;
        audit.at = c.createdAt;
        audit.actor = m_actor;
        audit.action = QStringLiteral("channel_add");
        audit.to = c.name;
        // A PagerDuty key is a credential: the audit keeps its last four characters only.
        audit.reason = QStringLiteral("%1 %2").arg(
            c.kind, c.kind == QLatin1String("pagerduty") ? QStringLiteral("…") + c.target.right(4)
                                                         : c.target);
        if (m_store.addChannel(c, audit) == WriteStatus::Conflict) {
            o.fail(Outcome::Kind::Conflict,
                   QStringLiteral("a channel named '%1' exists already; nothing was stored")
                       .arg(c.name));
            return o;
        }
        o.message = QStringLiteral("channel '%1' added (%2)").arg(c.name, c.kind);
        return o;
    });
}

Outcome NotifyService::removeChannel(const QString &name)
{
    return guarded<Outcome>([&]() -> Outcome {
        Outcome o;
        if (const Decision role = roleDecision(m_store.access(), Role::Operator,
                                               QStringLiteral("removing a delivery channel"));
            !role.allowed()) {
            o.refuse(role, QStringLiteral("nothing was removed"));
            return o;
        }
        AuditEntry audit;
        audit.at = m_clock.now();
        audit.actor = m_actor;
        audit.action = QStringLiteral("channel_remove");
        audit.from = name;
        if (m_store.removeChannel(name, audit) == WriteStatus::Conflict) {
            o.fail(Outcome::Kind::Unknown, QStringLiteral("no channel named '%1'").arg(name));
            return o;
        }
        o.message = QStringLiteral("channel '%1' removed").arg(name);
        return o;
    });
}

QString NotifyService::severityOf(const SlaAlert &alert)
{
    return alert.status == QLatin1String("breached") || alert.status == QLatin1String("silent")
               ? QStringLiteral("critical")
               : QStringLiteral("warning");
}

bool NotifyService::routes(const Channel &channel, const SlaAlert &alert, const QString &owner)
{
    const QJsonArray reports = channel.options.value(QStringLiteral("reports")).toArray();
    if (!reports.isEmpty() && !reports.contains(QJsonValue(alert.report)))
        return false;
    const QJsonArray owners = channel.options.value(QStringLiteral("owners")).toArray();
    if (!owners.isEmpty() && !owners.contains(QJsonValue(owner)))
        return false;
    return channel.options.value(QStringLiteral("min_severity")).toString() !=
               QLatin1String("critical") ||
           severityOf(alert) == QLatin1String("critical");
}

QList<Delivery> NotifyService::planned(const QList<SlaAlert> &alerts,
                                       const QList<Channel> &channels,
                                       const QList<Delivery> &existing,
                                       const QHash<QString, QString> &ownerOf, const QDateTime &now)
{
    QSet<QString> have;
    for (const Delivery &d : existing)
        have.insert(QStringLiteral("%1/%2/%3").arg(d.alertId).arg(d.channel, d.event));
    QList<Delivery> plan;
    auto add = [&](const SlaAlert &a, const Channel &c, const QString &event) {
        const QString key = QStringLiteral("%1/%2/%3").arg(a.id).arg(c.name, event);
        if (have.contains(key))
            return;
        have.insert(key);
        plan.append({0, a.id, c.name, event, QStringLiteral("pending"), 0, now, {}, {}});
    };
    for (const SlaAlert &a : alerts) {
        for (const Channel &c : channels) {
            if (!routes(c, a, ownerOf.value(a.report)))
                continue;
            const bool triggered =
                have.contains(QStringLiteral("%1/%2/trigger").arg(a.id).arg(c.name));
            if (a.isOpen()) {
                const int escalate =
                    c.options.value(QStringLiteral("escalate_after_minutes")).toInt(0);
                if (escalate == 0 || a.raisedAt.addSecs(qint64(escalate) * 60) <= now)
                    add(a, c, QStringLiteral("trigger"));
            } else if (triggered) {
                add(a, c, QStringLiteral("resolve"));
            }
        }
    }
    return plan;
}

} // namespace daybreak
