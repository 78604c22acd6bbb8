#include "Calendar.h"
#include "Deliverer.h"
#include "HttpReceiver.h"
#include "ManualClock.h"
#include "NotifyService.h"
#include "SlaService.h"
#include "TestStores.h"
#include "Watch.h"

#include <QHttpServer>
#include <QHttpServerResponder>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QProcess>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QThread>
#include <QTimeZone>

#include <csignal>

using namespace daybreak;
using namespace TestStores;

namespace {
const QTimeZone kBerlin("Europe/Berlin");
const QDate kNight(2026, 11, 25);
QDateTime berlin(int h, int m = 0)
{
    return QDateTime(kNight, QTime(h, m), kBerlin);
}

// A real SMTP receiver on loopback, on its own thread (libcurl's send blocks the test's): takes
// one mail per connection and keeps its envelope and text.
class SmtpSink : public QObject
{
public:
    SmtpSink()
    {
        moveToThread(&m_thread);
        m_thread.start();
        QMetaObject::invokeMethod(
            this,
            [this] {
                m_server = new QTcpServer(this);
                connect(m_server, &QTcpServer::newConnection, this, &SmtpSink::accept);
                m_server->listen(QHostAddress::LocalHost, 0);
                m_port = m_server->serverPort();
            },
            Qt::BlockingQueuedConnection);
    }
    ~SmtpSink() override
    {
        QMetaObject::invokeMethod(
            this, [this] { delete m_server; }, Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
    }
    QString address() const { return QStringLiteral("127.0.0.1:%1").arg(m_port); }
    QStringList mails() const
    {
        QMutexLocker lock(&m_mutex);
        return m_mails;
    }

private:
    void accept()
    {
        QTcpSocket *socket = m_server->nextPendingConnection();
        auto data = std::make_shared<bool>(false);
        auto text = std::make_shared<QByteArray>();
        socket->write("220 sink ESMTP\r\n");
        connect(socket, &QTcpSocket::readyRead, socket, [this, socket, data, text] {
            while (socket->canReadLine()) {
                const QByteArray line = socket->readLine();
                if (*data) {
                    if (line == ".\r\n") {
                        *data = false;
                        QMutexLocker lock(&m_mutex);
                        m_mails.append(QString::fromUtf8(*text));
                        socket->write("250 queued\r\n");
                    } else {
                        text->append(line);
                    }
                } else if (line.startsWith("EHLO") || line.startsWith("HELO")) {
                    socket->write("250 sink\r\n");
                } else if (line.startsWith("MAIL FROM") || line.startsWith("RCPT TO")) {
                    text->append(line);
                    socket->write("250 OK\r\n");
                } else if (line.startsWith("DATA")) {
                    *data = true;
                    socket->write("354 go on\r\n");
                } else if (line.startsWith("QUIT")) {
                    socket->write("221 bye\r\n");
                    socket->disconnectFromHost();
                } else {
                    socket->write("502 not here\r\n");
                }
            }
        });
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    }

    QThread m_thread;
    QTcpServer *m_server = nullptr;
    quint16 m_port = 0;
    mutable QMutex m_mutex;
    QStringList m_mails;
};

} // namespace

// Alerts delivered through the outbox to real receivers on loopback, against SQLite and the
// throwaway PostgreSQL: once, retried with back-off, by one of two watches, resolved at the
// receiver when acknowledged.
class TestDelivery : public QObject
{
    Q_OBJECT

private:
    TestBackend m_backend;
    std::unique_ptr<SqlStore> m_store;
    QString m_url;
    ManualClock m_clock{berlin(0, 31)};
    QString m_text;
    QTextStream m_log{&m_text};

    // src is late at 01:16 (other ran and finished: the orchestrator is alive).
    void raiseLateStart()
    {
        SlaService sla(*m_store, m_clock, QStringLiteral("airflow"));
        for (const auto &[kind, at] : {std::pair{RunEvent::Kind::Started, berlin(0, 30)},
                                       std::pair{RunEvent::Kind::Succeeded, berlin(0, 40)}}) {
            RunEvent e;
            e.pipeline = QStringLiteral("other");
            e.kind = kind;
            e.at = at;
            QVERIFY(sla.recordEvent(e).ok());
        }
        m_clock.set(berlin(1, 16));
        QCOMPARE(sla.evaluate(kNight).raisedNow.size(), 1);
    }
    void addChannel(const QString &name, const QString &kind, const QString &target,
                    const QJsonObject &options = {})
    {
        const Outcome o = NotifyService(*m_store, m_clock, QStringLiteral("ops"))
                              .addChannel({name, kind, target, options, {}, {}});
        QVERIFY2(o.ok(), qPrintable(o.describe()));
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(m_backend.problem().isEmpty(), qPrintable(m_backend.problem()));
    }

    void init()
    {
        m_url = m_backend.freshUrl();
        m_store = m_backend.open(m_url);
        seed(*m_store, watchedNight());
        m_clock.set(berlin(0, 31));
        m_text.clear();
    }

    void aFailingReceiverIsRetriedWithBackoffAndGetsTheAlertOnce()
    {
        Receiver hook;
        addChannel(QStringLiteral("hook"), QStringLiteral("webhook"),
                   hook.url(QStringLiteral("in")));
        raiseLateStart();
        hook.m_failing = true;
        Deliverer deliverer(*m_store, m_clock, QStringLiteral("watch-a"), m_log);
        QCOMPARE(deliverer.round(kNight), 0);
        QCOMPARE(hook.m_requests.size(), 1);
        QList<Delivery> rows = m_store->deliveriesOf({m_store->alerts(kNight).first().id});
        QCOMPARE(rows.size(), 1);
        QVERIFY(rows.first().isFailing());
        QVERIFY2(rows.first().lastError.startsWith(QStringLiteral("HTTP 503")),
                 qPrintable(rows.first().lastError));
        // Not before its back-off (30 s at most +20%, at least 24 s)...
        m_clock.set(berlin(1, 16).addSecs(20));
        QCOMPARE(deliverer.round(kNight), 0);
        QCOMPARE(hook.m_requests.size(), 1);
        // ...then again, failing twice more: the wait doubles.
        m_clock.set(berlin(1, 16).addSecs(40));
        deliverer.round(kNight);
        QCOMPARE(hook.m_requests.size(), 2);
        rows = m_store->deliveriesOf({rows.first().alertId});
        QCOMPARE(rows.first().attempts, 2);
        QVERIFY(rows.first().nextAttemptAt >= m_clock.now().addSecs(48));
        // The receiver is back: delivered, once, and never again.
        hook.m_failing = false;
        m_clock.set(m_clock.now().addSecs(5 * 60));
        QCOMPARE(deliverer.round(kNight), 1);
        m_clock.set(m_clock.now().addSecs(5 * 60));
        QCOMPARE(deliverer.round(kNight), 0);
        QCOMPARE(hook.m_requests.size(), 3);
        const QJsonObject body = hook.m_requests.last().body;
        QCOMPARE(body.value(QStringLiteral("format")).toString(),
                 QStringLiteral("daybreak-alert/1"));
        QCOMPARE(body.value(QStringLiteral("event")).toString(), QStringLiteral("trigger"));
        const QJsonObject alert = body.value(QStringLiteral("alert")).toObject();
        QCOMPARE(alert.value(QStringLiteral("kind")).toString(), QStringLiteral("late_start"));
        QCOMPARE(alert.value(QStringLiteral("subject")).toString(), QStringLiteral("src"));
        QCOMPARE(alert.value(QStringLiteral("severity")).toString(), QStringLiteral("warning"));
        // Every attempt carried the same key: a receiver can deduplicate on it.
        QCOMPARE(hook.m_requests.first().idempotencyKey, hook.m_requests.last().idempotencyKey);
        QCOMPARE(m_store->deliveriesOf({rows.first().alertId}).first().state,
                 QStringLiteral("delivered"));
    }

    void pagerDutyGetsTriggerThenResolveWithOneDedupKey()
    {
        Receiver pd;
        addChannel(QStringLiteral("pager"), QStringLiteral("pagerduty"),
                   QStringLiteral("0123456789abcdef0123456789ABCDEF"),
                   {{QStringLiteral("events_url"), pd.url(QStringLiteral("enqueue"))}});
        raiseLateStart();
        Deliverer deliverer(*m_store, m_clock, QStringLiteral("watch-a"), m_log);
        QVERIFY2(deliverer.round(kNight) == 1, qPrintable(m_text));
        const QJsonObject trigger = pd.m_requests.first().body;
        QCOMPARE(pd.m_requests.first().path, QStringLiteral("enqueue"));
        QCOMPARE(trigger.value(QStringLiteral("routing_key")).toString(),
                 QStringLiteral("0123456789abcdef0123456789ABCDEF"));
        QCOMPARE(trigger.value(QStringLiteral("event_action")).toString(),
                 QStringLiteral("trigger"));
        const QJsonObject payload = trigger.value(QStringLiteral("payload")).toObject();
        QVERIFY(payload.value(QStringLiteral("summary"))
                    .toString()
                    .startsWith(QStringLiteral("src LATE START")));
        QCOMPARE(payload.value(QStringLiteral("source")).toString(), QStringLiteral("daybreak"));
        QCOMPARE(payload.value(QStringLiteral("severity")).toString(), QStringLiteral("warning"));
        // Acknowledged in a console (or with `sla ack`): resolved at PagerDuty.
        const qint64 id = m_store->alerts(kNight).first().id;
        QVERIFY(SlaService(*m_store, m_clock, QStringLiteral("alice")).acknowledge(id).ok());
        m_clock.set(berlin(1, 18));
        QCOMPARE(deliverer.round(kNight), 1);
        QCOMPARE(pd.m_requests.size(), 2);
        const QJsonObject resolve = pd.m_requests.last().body;
        QCOMPARE(resolve.value(QStringLiteral("event_action")).toString(),
                 QStringLiteral("resolve"));
        QCOMPARE(resolve.value(QStringLiteral("dedup_key")),
                 trigger.value(QStringLiteral("dedup_key")));
        QVERIFY(!resolve.contains(QStringLiteral("payload")));
    }

    void ofTwoWatchesOneDeliversAndTheOtherTakesOverWhenItDies()
    {
        Receiver hook;
        addChannel(QStringLiteral("hook"), QStringLiteral("webhook"),
                   hook.url(QStringLiteral("in")));
        raiseLateStart();
        auto second = m_backend.open(m_url, OpenMode::MustExist);
        Deliverer a(*m_store, m_clock, QStringLiteral("watch-a"), m_log);
        Deliverer b(*second, m_clock, QStringLiteral("watch-b"), m_log);
        QCOMPARE(a.round(kNight) + b.round(kNight), 1);
        QVERIFY(a.holdsLease() && !b.holdsLease());
        QCOMPARE(hook.m_requests.size(), 1);
        // watch-a dies (no more rounds). The alert is acknowledged: its resolve waits while
        // the dead watch's lease runs...
        m_clock.set(berlin(1, 16).addSecs(30));
        QVERIFY(SlaService(*m_store, m_clock, QStringLiteral("alice"))
                    .acknowledge(m_store->alerts(kNight).first().id)
                    .ok());
        QCOMPARE(b.round(kNight), 0);
        QCOMPARE(hook.m_requests.size(), 1);
        // ...and watch-b delivers it once the lease is out, 90 s after watch-a's last round.
        m_clock.set(berlin(1, 16).addSecs(Deliverer::kLeaseSeconds + 1));
        QCOMPARE(b.round(kNight), 1);
        QVERIFY(b.holdsLease());
        QCOMPARE(hook.m_requests.size(), 2);
        QCOMPARE(hook.m_requests.last().body.value(QStringLiteral("event")).toString(),
                 QStringLiteral("resolve"));
        QCOMPARE(b.round(kNight) + a.round(kNight), 0); // nothing twice, whoever runs
        QVERIFY(!a.holdsLease());
    }

    void mailGoesThroughSmtpOnceAndItsResolveFollows()
    {
        SmtpSink sink;
        addChannel(QStringLiteral("mail"), QStringLiteral("email"),
                   QStringLiteral("oncall@example.com"),
                   {{QStringLiteral("smtp"), sink.address()},
                    {QStringLiteral("from"), QStringLiteral("daybreak@example.com")}});
        raiseLateStart();
        Deliverer deliverer(*m_store, m_clock, QStringLiteral("watch-a"), m_log);
        QVERIFY2(deliverer.round(kNight) == 1, qPrintable(m_text));
        QCOMPARE(sink.mails().size(), 1);
        const QString mail = sink.mails().first();
        QVERIFY2(mail.contains(QStringLiteral("RCPT TO:<oncall@example.com>")), qPrintable(mail));
        QVERIFY(mail.contains(QStringLiteral("MAIL FROM:<daybreak@example.com>")));
        QVERIFY(mail.contains(
            QStringLiteral("Subject: [Daybreak] WARNING late_start src (night of 2026-11-25)")));
        QVERIFY(mail.contains(QStringLiteral("Message-ID: <daybreak-delivery-")));
        // Dated by the watch's clock, not the machine's.
        QVERIFY2(mail.contains(QStringLiteral("Date: ") +
                               m_clock.now().toUTC().toString(Qt::RFC2822Date)),
                 qPrintable(mail));
        QVERIFY(mail.contains(QStringLiteral("src LATE START on onprem")));
        QCOMPARE(deliverer.round(kNight), 0); // once
        QVERIFY(SlaService(*m_store, m_clock, QStringLiteral("alice"))
                    .acknowledge(m_store->alerts(kNight).first().id)
                    .ok());
        QCOMPARE(deliverer.round(kNight), 1);
        QCOMPARE(sink.mails().size(), 2);
        QVERIFY(sink.mails().last().contains(QStringLiteral("Subject: [Daybreak] resolved: "
                                                            "late_start src")));
        QVERIFY(sink.mails().last().contains(QStringLiteral("Acknowledged by alice")));

        // STARTTLS required, and this server offers none: a failed attempt, never clear text.
        addChannel(QStringLiteral("tls"), QStringLiteral("email"),
                   QStringLiteral("oncall@example.com"),
                   {{QStringLiteral("smtp"), sink.address()}, {QStringLiteral("starttls"), true}});
        SlaAlert a = m_store->alerts(kNight).first();
        const QString error = deliverer.send(m_store->channels().last(), a,
                                             {0,
                                              a.id,
                                              QStringLiteral("tls"),
                                              QStringLiteral("trigger"),
                                              QStringLiteral("pending"),
                                              0,
                                              m_clock.now(),
                                              {},
                                              {}});
        QVERIFY2(!error.isEmpty(), "a mail went out without the STARTTLS it required");
        QCOMPARE(sink.mails().size(), 2);
    }

    void aWatchKilledMidDeliveryAndRestartedDeliversOnce()
    {
        // A breach (it never clears by itself) for the night the real clock is in, routed to a
        // receiver that takes the request and never answers.
        Receiver hook;
        hook.m_hanging = true;
        addChannel(QStringLiteral("hook"), QStringLiteral("webhook"),
                   hook.url(QStringLiteral("in")),
                   {{QStringLiteral("reports"), QJsonArray{QStringLiteral("manual")}}});
        SlaAlert breach;
        breach.businessDate =
            Calendar(m_store->timezoneName()).businessDate(QDateTime::currentDateTimeUtc());
        breach.report = QStringLiteral("manual");
        breach.status = QStringLiteral("breached");
        breach.raisedAt = QDateTime::currentDateTimeUtc();
        breach.message = QStringLiteral("manual BREACHED: test");
        QCOMPARE(m_store->raiseAlerts({breach}).size(), 1);
        const qint64 id = m_store->alerts(breach.businessDate).first().id;
        auto startWatch = [this](QProcess &p) {
            p.start(QStringLiteral(DAYBREAKCTL_PATH),
                    {QStringLiteral("watch"), QStringLiteral("--interval"), QStringLiteral("1"),
                     QStringLiteral("--lease"), QStringLiteral("3"), QStringLiteral("--store"),
                     m_url});
            return p.waitForStarted(30000);
        };
        QProcess first;
        QVERIFY(startWatch(first));
        QTRY_COMPARE_WITH_TIMEOUT(hook.m_requests.size(), 1, 30000); // in flight
        ::kill(pid_t(first.processId()), SIGKILL);
        QVERIFY(first.waitForFinished(30000));
        QCOMPARE(m_store->deliveriesOf({id}).first().state, QStringLiteral("pending"));

        hook.m_hanging = false;
        hook.m_held.clear();
        QProcess second;
        QVERIFY(startWatch(second));
        QTRY_COMPARE_WITH_TIMEOUT(m_store->deliveriesOf({id}).first().state,
                                  QStringLiteral("delivered"), 30000);
        ::kill(pid_t(second.processId()), SIGTERM);
        QVERIFY(second.waitForFinished(30000));
        QCOMPARE(second.exitCode(), 0);
        // The receiver saw the request the killed watch sent and the one after the restart,
        // with one key: deduplicated, one alert. Nothing further arrived.
        QCOMPARE(hook.m_requests.size(), 2);
        QCOMPARE(hook.m_requests.first().idempotencyKey, hook.m_requests.last().idempotencyKey);
        QCOMPARE(m_store->deliveriesOf({id}).size(), 1);
    }

    void routingAndEscalationDecideWhichChannelGetsWhat()
    {
        SlaAlert late;
        late.id = 1;
        late.report = QStringLiteral("src");
        late.status = QStringLiteral("late_start");
        late.raisedAt = berlin(1, 16);
        SlaAlert breach = late;
        breach.id = 2;
        breach.report = QStringLiteral("report");
        breach.status = QStringLiteral("breached");
        const QHash<QString, QString> owners{{QStringLiteral("src"), QStringLiteral("commerce")},
                                             {QStringLiteral("report"), QStringLiteral("finance")}};
        const Channel all{QStringLiteral("all"), QStringLiteral("webhook"), {}, {}, {}, {}};
        const Channel pager{QStringLiteral("pager"),
                            QStringLiteral("pagerduty"),
                            {},
                            {{QStringLiteral("min_severity"), QStringLiteral("critical")}},
                            {},
                            {}};
        const Channel commerce{QStringLiteral("commerce"),
                               QStringLiteral("slack"),
                               {},
                               {{QStringLiteral("owners"), QJsonArray{QStringLiteral("commerce")}}},
                               {},
                               {}};
        const Channel boss{QStringLiteral("boss"),
                           QStringLiteral("email"),
                           {},
                           {{QStringLiteral("escalate_after_minutes"), 30}},
                           {},
                           {}};
        auto names = [](const QList<Delivery> &plan) {
            QStringList out;
            for (const Delivery &d : plan)
                out << QStringLiteral("%1:%2:%3").arg(d.alertId).arg(d.channel, d.event);
            return out;
        };
        // At 01:20: everything to "all", the breach alone to the pager (critical), src's to its
        // owner's channel; the escalation channel waits.
        QList<Delivery> plan = NotifyService::planned({late, breach}, {all, pager, commerce, boss},
                                                      {}, owners, berlin(1, 20));
        QCOMPARE(names(plan),
                 (QStringList{QStringLiteral("1:all:trigger"), QStringLiteral("1:commerce:trigger"),
                              QStringLiteral("2:all:trigger"), QStringLiteral("2:pager:trigger")}));
        // 30 minutes on, still unacknowledged: escalated; what is there is not planned again.
        plan += NotifyService::planned({late, breach}, {all, pager, commerce, boss}, plan, owners,
                                       berlin(1, 47));
        QCOMPARE(names(plan).mid(4),
                 (QStringList{QStringLiteral("1:boss:trigger"), QStringLiteral("2:boss:trigger")}));
        // Acknowledged: a resolve to every channel that got the trigger, and only those.
        late.acknowledgedBy = QStringLiteral("alice");
        const QList<Delivery> resolves = NotifyService::planned(
            {late}, {all, pager, commerce, boss}, plan, owners, berlin(1, 50));
        QCOMPARE(names(resolves),
                 (QStringList{QStringLiteral("1:all:resolve"), QStringLiteral("1:commerce:resolve"),
                              QStringLiteral("1:boss:resolve")}));
    }

    void theApproversHearEachRequestOnce()
    {
        // The approvers' channel (notify add ... --requests) hears each change request that
        // waits for a second operator, once; the other channels do not.
        Receiver approvers, oncall;
        addChannel(QStringLiteral("approvers"), QStringLiteral("webhook"),
                   approvers.url(QStringLiteral("requests")), {{QStringLiteral("requests"), true}});
        addChannel(QStringLiteral("oncall"), QStringLiteral("webhook"),
                   oncall.url(QStringLiteral("alerts")));
        ChangeRequest r;
        r.createdAt = m_clock.now();
        r.requester = QStringLiteral("alice");
        r.action = QStringLiteral("cutover");
        r.pipeline = QStringLiteral("src");
        r.reason = QStringLiteral("wave 3");
        r.expiresAt = m_clock.now().addSecs(3600);
        AuditEntry audit;
        audit.at = m_clock.now();
        audit.actor = QStringLiteral("alice");
        audit.action = QStringLiteral("request");
        audit.pipeline = r.pipeline;
        const qint64 id = m_store->addChangeRequest(r, audit);
        ChangeRequest old = r;
        old.createdAt = m_clock.now().addSecs(-7200);
        old.expiresAt = m_clock.now().addSecs(-60); // its window closed: nobody is asked
        m_store->addChangeRequest(old, audit);
        Watch watch(*m_store, m_clock, QStringLiteral("watch"), {}, m_log);
        watch.tick(true);
        QCOMPARE(approvers.m_requests.size(), 1);
        const QJsonObject alert =
            approvers.m_requests.first().body.value(QStringLiteral("alert")).toObject();
        QCOMPARE(alert.value(QStringLiteral("kind")).toString(), QStringLiteral("approval"));
        QCOMPARE(alert.value(QStringLiteral("subject")).toString(), QStringLiteral("src"));
        QVERIFY2(alert.value(QStringLiteral("message"))
                     .toString()
                     .contains(QStringLiteral("request #%1: the cutover of src").arg(id)),
                 qPrintable(alert.value(QStringLiteral("message")).toString()));
        QVERIFY(oncall.m_requests.isEmpty());
        for (const ChangeRequest &x : m_store->changeRequests()) // the expired one: untold
            QCOMPARE(x.notifiedAt.isValid(), x.id == id);
        m_clock.set(m_clock.now().addSecs(60));
        watch.tick(true);
        QCOMPARE(approvers.m_requests.size(), 1); // told once
        QVERIFY(m_text.contains(QStringLiteral("told approvers about request #%1").arg(id)));
    }

    void aBadChannelIsAClearErrorAndNothingIsStored()
    {
        NotifyService notify(*m_store, m_clock, QStringLiteral("ops"));
        const int auditBefore = int(m_store->auditLog().size());
        const QList<std::pair<Channel, QString>> bad{
            {{QStringLiteral("hook"),
              QStringLiteral("webhook"),
              QStringLiteral("ftp://x/y"),
              {},
              {},
              {}},
             QStringLiteral("url: 'ftp://x/y' is not an http:// or https:// URL with a host")},
            {{QStringLiteral("pd"),
              QStringLiteral("pagerduty"),
              QStringLiteral("short"),
              {},
              {},
              {}},
             QStringLiteral("routing key: a PagerDuty Events API v2 integration key is 32 letters "
                            "and digits, got 5 character(s)")},
            {{QStringLiteral("run"),
              QStringLiteral("command"),
              QStringLiteral("relative/tool"),
              {},
              {},
              {}},
             QStringLiteral("path: 'relative/tool' is not an absolute path to an executable file")},
            {{QStringLiteral("mail"),
              QStringLiteral("email"),
              QStringLiteral("oncall@example.com"),
              {{QStringLiteral("smtp"), QStringLiteral("mail.example.com")}},
              {},
              {}},
             QStringLiteral("smtp: 'mail.example.com' is not HOST:PORT")},
            {{QStringLiteral("bad name!"),
              QStringLiteral("carrier-pigeon"),
              QStringLiteral("x"),
              {},
              {},
              {}},
             QStringLiteral("name: 'bad name!' is not 1 to 64 letters")},
        };
        for (const auto &[channel, expected] : bad) {
            const Outcome o = notify.addChannel(channel);
            QCOMPARE(o.kind, Outcome::Kind::BadInput);
            QVERIFY2(o.message.contains(expected), qPrintable(o.message));
        }
        QVERIFY(m_store->channels().isEmpty());
        QCOMPARE(int(m_store->auditLog().size()), auditBefore);
    }
};

QTEST_GUILESS_MAIN(TestDelivery)
#include "tst_delivery.moc"
