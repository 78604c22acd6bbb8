#include "Deliverer.h"

#include "Clock.h"
#include "MailSender.h"
#include "NotifyService.h"
#include "Payloads.h"
#include "Store.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QProcess>
#include <QRandomGenerator>
#include <QTimer>

#include <algorithm>
#include <cmath>

namespace daybreak {

namespace {
const QString kPagerDutyEvents = QStringLiteral("https://events.pagerduty.com/v2/enqueue");
} // namespace

Deliverer::Deliverer(Store &store, const Clock &clock, QString holder, QTextStream &log,
                     int leaseSeconds)
    : m_store(store), m_clock(clock), m_holder(std::move(holder)), m_log(log),
      m_leaseSeconds(leaseSeconds)
{
}

void Deliverer::log(const QString &level, const QString &what)
{
    m_log << m_clock.now().toString(Qt::ISODate) << ' ' << level << ' ' << what << Qt::endl;
}

qint64 Deliverer::backoffSeconds(int attempts, double jitter)
{
    const double base = std::min(30.0 * std::pow(2.0, std::max(0, attempts - 1)), 1800.0);
    return std::max<qint64>(1, std::llround(base * (0.8 + 0.4 * jitter)));
}

QString Deliverer::post(const QUrl &url, const QByteArray &body, const QByteArray &idempotencyKey)
{
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setRawHeader(QByteArrayLiteral("Idempotency-Key"), idempotencyKey);
    request.setTransferTimeout(kTimeoutMs); // a receiver that hangs is a failed attempt
    QNetworkReply *reply = m_network.post(request, body);
    QEventLoop wait;
    connect(reply, &QNetworkReply::finished, &wait, &QEventLoop::quit);
    wait.exec();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    QString error;
    if (reply->error() != QNetworkReply::NoError && status == 0)
        error = reply->errorString();
    else if (status < 200 || status >= 300)
        error = QStringLiteral("HTTP %1 %2")
                    .arg(status)
                    .arg(QString::fromUtf8(reply->readAll().left(200)).simplified());
    reply->deleteLater();
    return error;
}

QString Deliverer::runCommand(const QString &program, const QByteArray &input)
{
    QProcess p;
    p.start(program, {});
    if (!p.waitForStarted(kTimeoutMs))
        return QStringLiteral("%1 did not start: %2").arg(program, p.errorString());
    p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(kTimeoutMs)) {
        p.kill();
        p.waitForFinished(1000);
        return QStringLiteral("%1 did not finish within %2 s").arg(program).arg(kTimeoutMs / 1000);
    }
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        return QStringLiteral("%1 exited %2: %3")
            .arg(program)
            .arg(p.exitCode())
            .arg(QString::fromUtf8(p.readAllStandardError().left(200)).simplified());
    return {};
}

QString Deliverer::send(const Channel &c, const SlaAlert &alert, const Delivery &d)
{
    const QString severity = NotifyService::severityOf(alert);
    const QByteArray key = QStringLiteral("daybreak-delivery-%1").arg(d.id).toUtf8();
    auto json = [](const QJsonObject &o) {
        return QJsonDocument(o).toJson(QJsonDocument::Compact);
    };
    if (c.kind == QLatin1String("webhook"))
        return post(QUrl(c.target), json(Payloads::webhook(alert, d, severity)), key);
    if (c.kind == QLatin1String("slack"))
        return post(QUrl(c.target), json(Payloads::slack(alert, d, severity)), key);
    if (c.kind == QLatin1String("pagerduty"))
        return post(QUrl(c.options.value(QStringLiteral("events_url")).toString(kPagerDutyEvents)),
                    json(Payloads::pagerDuty(c.target, alert, d, severity)), key);
    if (c.kind == QLatin1String("command"))
        return runCommand(c.target, json(Payloads::webhook(alert, d, severity)));
    if (c.kind == QLatin1String("email")) {
        const QJsonObject mail = Payloads::email(alert, d, severity);
        return sendMail(
            c.options.value(QStringLiteral("smtp")).toString(),
            c.options.value(QStringLiteral("starttls")).toBool(),
            c.options.value(QStringLiteral("from")).toString(QStringLiteral("daybreak@localhost")),
            c.target, mail.value(QStringLiteral("subject")).toString(),
            mail.value(QStringLiteral("body")).toString(), key + "@daybreak", m_clock.now());
    }
    return QStringLiteral("%1 channels cannot deliver").arg(c.kind);
}

int Deliverer::round(const QDate &night, const Inventory *inventory)
{
    const QDateTime now = m_clock.now();
    const bool held = m_holds;
    m_holds =
        m_store.takeLease(QStringLiteral("delivery"), m_holder, now, now.addSecs(m_leaseSeconds));
    if (m_holds != held)
        log(QStringLiteral("INFO"), m_holds ? QStringLiteral("delivering (holds the lease)")
                                            : QStringLiteral("another watch delivers"));
    if (!m_holds)
        return 0;
    const QList<Channel> channels = m_store.channels();
    if (channels.isEmpty())
        return 0;
    const QList<SlaAlert> alerts = m_store.alerts(night);
    QList<qint64> ids;
    QHash<qint64, SlaAlert> byId;
    for (const SlaAlert &a : alerts) {
        ids.append(a.id);
        byId.insert(a.id, a);
    }
    const Inventory owners = inventory ? *inventory : m_store.snapshot().inventory;
    QHash<QString, QString> ownerOf;
    for (const Pipeline &p : owners.pipelines())
        ownerOf.insert(p.id, p.owner);
    m_store.enqueueDeliveries(
        NotifyService::planned(alerts, channels, m_store.deliveriesOf(ids), ownerOf, now));

    QHash<QString, Channel> channelOf;
    for (const Channel &c : channels)
        channelOf.insert(c.name, c);
    int delivered = 0;
    for (Delivery d : m_store.dueDeliveries(now, 50)) {
        if (!byId.contains(d.alertId) || !channelOf.contains(d.channel))
            continue; // another night's, or its channel went: a later round or nobody
        const SlaAlert &alert = byId.value(d.alertId);
        const QString error = send(channelOf.value(d.channel), alert, d);
        ++d.attempts;
        if (error.isEmpty()) {
            d.state = QStringLiteral("delivered");
            d.deliveredAt = m_clock.now();
            d.lastError.clear();
            ++delivered;
            log(QStringLiteral("INFO"), QStringLiteral("delivered %1 of alert %2 (%3 %4) to %5")
                                            .arg(d.event)
                                            .arg(d.alertId)
                                            .arg(alert.status, alert.report, d.channel));
        } else {
            d.lastError = error;
            d.nextAttemptAt = m_clock.now().addSecs(
                backoffSeconds(d.attempts, QRandomGenerator::global()->generateDouble()));
            log(QStringLiteral("WARN"),
                QStringLiteral("delivery of %1 of alert %2 to %3 failed (attempt %4, next at "
                               "%5): %6")
                    .arg(d.event)
                    .arg(d.alertId)
                    .arg(d.channel)
                    .arg(d.attempts)
                    .arg(d.nextAttemptAt.toString(Qt::ISODate), error));
        }
        m_store.recordAttempt(d);
    }
    return delivered;
}

} // namespace daybreak
