#include "Watch.h"

#include "Access.h"
#include "Calendar.h"
#include "ChangeNotifier.h"
#include "Clock.h"
#include "Deliverer.h"
#include "MorningDiffs.h"
#include "SlaService.h"
#include "Store.h"

#include <QCoreApplication>
#include <QScopeGuard>
#include <QSysInfo>
#include <QTimer>

namespace daybreak {

Watch::Watch(Store &store, const Clock &clock, QString actor, Settings settings, QTextStream &log)
    : m_store(store), m_clock(clock), m_actor(std::move(actor)), m_settings(settings), m_log(log),
      m_timer(new QTimer(this)), m_soon(new QTimer(this))
{
    m_beat.host = QSysInfo::machineHostName();
    m_beat.pid = QCoreApplication::applicationPid();
    m_beat.id = QStringLiteral("%1:%2").arg(m_beat.host).arg(m_beat.pid);
    m_beat.intervalSeconds = m_settings.intervalSeconds;
    m_deliverer =
        std::make_unique<Deliverer>(m_store, m_clock, m_beat.id, m_log, m_settings.leaseSeconds);
    m_diffs = std::make_unique<MorningDiffs>(
        m_store, m_clock, m_actor,
        [this](const QString &level, const QString &what) { this->log(level, what); });
    connect(m_diffs.get(), &MorningDiffs::concluded, this, [this](const QList<QDate> &nights) {
        try {
            for (const QDate &d : nights)
                m_deliverer->round(d, nullptr);
            if (!m_busy && m_deliverer->holdsLease()) {
                const StoreSnapshot snapshot = m_store.snapshot();
                measureParity(snapshot);
            }
        } catch (const StoreError &e) {
            this->log(QStringLiteral("ERROR"),
                      QStringLiteral("store unavailable: %1").arg(e.message()));
        }
        emit parityConcluded();
    });
    m_storeKey = LastKnownRouting::storeKeyOf(m_store.location());
    QString why;
    if (std::optional<LastKnownRouting> known =
            LastKnownRouting::load(LastKnownRouting::pathFor(m_storeKey), &why);
        known && known->storeKey == m_storeKey) {
        m_board.publish(std::make_shared<const LastKnownRouting>(*known), known->readAt);
        m_board.unreachable(QStringLiteral("not read yet since the watch started"));
    }
    m_timer->setInterval(m_settings.intervalSeconds * 1000);
    connect(m_timer, &QTimer::timeout, this, [this] { tick(true); });
    m_soon->setSingleShot(true);
    m_soon->setInterval(500);
    connect(m_soon, &QTimer::timeout, this, [this] { tick(false); });
}

Watch::~Watch() = default;

void Watch::keepRouting(const QDateTime &now)
{
    QString problem;
    m_routing = std::make_shared<const LastKnownRouting>(
        LastKnownRouting::remember(m_store, m_storeKey, now, &problem, m_routing.get()));
    m_board.publish(m_routing, now.toUTC());
    if (!problem.isEmpty())
        log(QStringLiteral("WARN"), QStringLiteral("last-known routing not kept: %1").arg(problem));
    const auto readers = m_board.takeReaders();
    for (auto it = readers.cbegin(); it != readers.cend(); ++it)
        m_store.recordReadReceipt(it.key().first, *it);
}

bool Watch::measuringParity() const
{
    return m_diffs->measuring();
}

void Watch::log(const QString &level, const QString &what)
{
    m_log << m_clock.now().toOffsetFromUtc(m_clock.now().offsetFromUtc()).toString(Qt::ISODate)
          << ' ' << level << ' ' << what << Qt::endl;
}

void Watch::start()
{
    m_beat.startedAt = m_clock.now();
    log(QStringLiteral("INFO"),
        QStringLiteral(
            "watch %1 started on %2, every %3 s (late after %4 min, silent after %5 min)")
            .arg(m_beat.id, m_store.location())
            .arg(m_settings.intervalSeconds)
            .arg(m_settings.sensors.graceMinutes)
            .arg(m_settings.sensors.silenceMinutes));
    const Access telemetry = m_store.telemetryAccess();
    if (!telemetry.can(Role::Operator))
        log(QStringLiteral("WARN"),
            QStringLiteral("%1 cannot raise alerts here: %2")
                .arg(telemetry.describe(),
                     roleRefusal(telemetry, Role::Operator, QStringLiteral("the watch"))));
    else if (const Access changes = m_store.access(); !changes.can(Role::Operator))
        // A tampered SQLite file: the watch still records and pages, and says so.
        log(QStringLiteral("WARN"),
            QStringLiteral("%1 keeps watching, but %2 is read-only for changes: %3")
                .arg(m_beat.id, m_store.location(), changes.viewerBecause));
    m_notifier = m_store.createNotifier();
    if (m_notifier)
        connect(m_notifier.get(), &ChangeNotifier::changed, this, [this] {
            if (!m_soon->isActive())
                m_soon->start();
        });
    tick(true);
    m_timer->start();
}

void Watch::stop(const QString &why)
{
    m_timer->stop();
    m_soon->stop();
    try {
        m_store.removeWatch(m_beat.id);
    } catch (const StoreError &e) {
        log(QStringLiteral("WARN"),
            QStringLiteral("could not remove the heartbeat: %1").arg(e.message()));
    }
    log(QStringLiteral("INFO"), QStringLiteral("watch %1 stopped (%2)").arg(m_beat.id, why));
    emit stopped();
}

void Watch::tick(bool beat)
{
    // A delivery waits for its receiver in a local event loop, where the timer may fire again:
    // one run at a time, or one alert could go out twice.
    if (m_busy)
        return;
    m_busy = true;
    const auto done = qScopeGuard([this] { m_busy = false; });
    try {
        if (!m_picture) {
            m_picture = m_store.snapshot();
            keepRouting(m_clock.now());
        } else {
            const StoreChange change = m_store.follow(*m_picture);
            if (change.everything)
                log(QStringLiteral("INFO"),
                    QStringLiteral("read the whole store (%1)").arg(change.why));
            keepRouting(m_clock.now());
            // Woken by a change the night does not read (its own heartbeat, an audit row):
            // nothing to project again; the timer's runs project whatever happened.
            if (!beat && !change.touchesNight() && !change.requests)
                return;
        }
        const StoreSnapshot &snapshot = *m_picture;
        const QDateTime now = m_clock.now();
        const QDate night = SlaService::currentNight(snapshot.inventory, now);
        SlaService sla(m_store, m_clock, m_actor);
        sla.setSensorSettings(m_settings.sensors);
        sla.setLearnedCache(&m_learned);
        const SlaService::Night n = sla.evaluate(snapshot, night);
        for (const SlaAlert &a : n.raisedNow)
            log(QStringLiteral("ALERT"),
                QStringLiteral("%1 %2: %3").arg(a.status, a.report, a.message));
        for (const SlaAlert &a : n.resolvedNow)
            log(QStringLiteral("INFO"),
                QStringLiteral("resolved %1 %2: %3").arg(a.status, a.report, a.resolvedReason));
        int open = 0;
        for (const SlaAlert &a : n.alerts)
            open += a.isOpen() ? 1 : 0;
        m_deliverer->round(night, &snapshot.inventory);
        if (m_deliverer->holdsLease()) {
            tellApprovers(snapshot, now);
            measureParity(snapshot);
        }
        if (m_failing)
            log(QStringLiteral("INFO"), QStringLiteral("the store answers again"));
        m_failing = false;
        if (beat) {
            m_beat.lastRan = now;
            m_board.setLastRan(now);
            m_beat.note =
                QStringLiteral("night of %1: %2 open alert(s)%3")
                    .arg(night.toString(Qt::ISODate))
                    .arg(open)
                    .arg(m_deliverer->holdsLease() ? QStringLiteral("; delivers") : QString());
            m_store.recordWatchBeat(m_beat);
        }
    } catch (const StoreError &e) {
        m_picture.reset(); // what the feed said meanwhile is not known: read it whole again
        m_board.unreachable(e.message());
        // Said once per outage, then quiet until the store answers; the stale heartbeat is what
        // every console shows meanwhile.
        if (!m_failing)
            this->log(QStringLiteral("ERROR"),
                      QStringLiteral("store unavailable: %1").arg(e.message()));
        m_failing = true;
    }
}

void Watch::measureParity(const StoreSnapshot &snapshot)
{
    // Their nights' pages go out in this run, a resolution too (tonight's round came before it).
    for (const QDate &d : m_diffs->round(snapshot))
        m_deliverer->round(d, &snapshot.inventory);
}

void Watch::tellApprovers(const StoreSnapshot &snapshot, const QDateTime &now)
{
    // Four eyes: each request that waits for a second operator, told once to the channels that
    // asked for requests (`notify add ... --requests`), by the watch that holds the delivery
    // lease.
    QList<Channel> approvers;
    for (const Channel &c : m_store.channels())
        if (c.options.value(QStringLiteral("requests")).toBool())
            approvers << c;
    if (approvers.isEmpty())
        return;
    const Calendar calendar(snapshot.inventory);
    for (const ChangeRequest &r : m_store.changeRequests()) {
        if (r.statusText(now) != QLatin1String("pending") || r.notifiedAt.isValid())
            continue;
        if (!m_store.markRequestNotified(r.id, now))
            continue; // another watch told them
        SlaAlert a;
        a.id = r.id;
        a.businessDate = calendar.localDate(r.createdAt);
        a.report = r.pipeline;
        a.status = QStringLiteral("approval");
        a.raisedAt = r.createdAt;
        a.cause = r.requester;
        a.hoursLeft = r.createdAt.secsTo(r.expiresAt) / 3600.0;
        a.message =
            QStringLiteral("request #%1: the %2 of %3, asked by %4 (%5), waits for a second "
                           "operator until %6: daybreakctl approve %1")
                .arg(r.id)
                .arg(r.action, r.pipeline, r.requester, r.reason,
                     calendar.format(r.expiresAt, QStringLiteral("ddd HH:mm t")));
        Delivery d;
        d.id = r.id;
        d.alertId = r.id;
        d.event = QStringLiteral("trigger");
        for (const Channel &c : std::as_const(approvers)) {
            d.channel = c.name;
            const QString error = m_deliverer->send(c, a, d);
            log(error.isEmpty() ? QStringLiteral("INFO") : QStringLiteral("ERROR"),
                error.isEmpty() ? QStringLiteral("told %1 about request #%2").arg(c.name).arg(r.id)
                                : QStringLiteral("could not tell %1 about request #%2: %3")
                                      .arg(c.name)
                                      .arg(r.id)
                                      .arg(error));
        }
    }
}

} // namespace daybreak
