#include "SlaService.h"

#include "Calendar.h"
#include "Clock.h"
#include "Guarded.h"
#include "ReportAlerts.h"
#include "RoutingHistory.h"
#include "Store.h"

#include <QTimeZone>

namespace daybreak {

SlaService::SlaService(Store &store, const Clock &clock, QString actor)
    : m_store(store), m_clock(clock), m_actor(std::move(actor))
{
}

bool SlaService::Night::anyAtRiskOrBreached() const
{
    for (const SlaProjection::Report &r : projection.reports())
        if (r.status == SlaProjection::Status::AtRisk ||
            r.status == SlaProjection::Status::Breached)
            return true;
    return false;
}

QDate SlaService::currentNight() const
{
    return currentNight(m_store.snapshot().inventory, m_clock.now());
}

QDate SlaService::currentNight(const Inventory &inventory, const QDateTime &now)
{
    return Calendar(inventory).businessDate(now);
}

std::shared_ptr<const LearnedDurations> SlaService::learned(const Inventory &inventory,
                                                            const QDate &night)
{
    const QDateTime now = m_clock.now();
    if (m_cache && m_cache->learned && m_cache->night == night &&
        m_cache->store == m_store.location() && m_cache->learnedAt.isValid() &&
        m_cache->learnedAt <= now && m_cache->learnedAt.secsTo(now) < qint64(kRelearnMinutes) * 60)
        return m_cache->learned;
    auto learned = std::make_shared<const LearnedDurations>(
        LearnedDurations::forNight(m_store, inventory, night));
    if (m_cache)
        *m_cache = {m_store.location(), night, now, learned, {}, {}, {}, {}};
    return learned;
}

SlaService::BacktestInputs SlaService::backtestInputs(const QDate &from, const QDate &to)
{
    return {m_store.snapshot(), m_store.auditLog(),
            m_store.runEventsBetween(LearnedDurations::historyFrom(from), to), from, to};
}

Backtest::Result SlaService::backtest(const BacktestInputs &in, const Backtest::Settings &settings)
{
    const RoutingHistory routing(in.snapshot, in.audit);
    return Backtest::run(
        in.snapshot.inventory, in.events, in.from, in.to,
        [&routing](const QString &id, const QDateTime &at) { return routing.stateAt(id, at); },
        settings);
}

Backtest::Result SlaService::backtest(const QDate &from, const QDate &to,
                                      const Backtest::Settings &settings)
{
    return backtest(backtestInputs(from, to), settings);
}

SlaProjection SlaService::projectNight(const StoreSnapshot &s, const QDate &night)
{
    const auto figures = learned(s.inventory, night);
    return project(s, night, m_store.runEvents(night), m_clock.now(), figures.get());
}

std::shared_ptr<const SlaService::LearnedCache::Shape>
SlaService::shapeOf(const Inventory &inventory, const LearnedDurations *learned)
{
    // A snapshot brought up to date from the change feed shares its pipelines with the one
    // before (implicitly shared, never copied), so the same list is the same inventory without
    // comparing 10,000 pipelines; a fresh read compares them.
    if (m_cache && m_cache->shape && m_cache->shape->learned == learned) {
        const Inventory &cached = m_cache->shape->source;
        if (cached.pipelines().constData() == inventory.pipelines().constData() &&
            cached.timezone == inventory.timezone)
            return m_cache->shape;
        if (cached == inventory) {
            // The same inventory read again (the console's first read after the one it opened
            // with): keep this copy, so the next snapshot followed from it is recognised at once.
            auto same = std::make_shared<LearnedCache::Shape>(*m_cache->shape);
            same->source = inventory;
            m_cache->shape = same;
            return same;
        }
    }
    auto shape = std::make_shared<LearnedCache::Shape>();
    shape->source = inventory;
    shape->learned = learned;
    shape->applied = learned ? learned->applyTo(inventory) : inventory;
    shape->graph = std::make_shared<const DependencyGraph>(inventory);
    shape->order = shape->graph->topologicalOrder();
    shape->reports = std::make_shared<const DependencyGraph::Reach>(
        NightSensors::reportReach(inventory, *shape->graph));
    if (m_cache)
        m_cache->shape = shape;
    return shape;
}

SlaProjection SlaService::project(const StoreSnapshot &s, const QDate &businessDate,
                                  const QList<RunEvent> &events, const QDateTime &now,
                                  const LearnedDurations *learned, const LearnedCache::Shape *shape,
                                  const LearnedCache::Projected *previous,
                                  const QSet<QString> *eventsChanged)
{
    SlaProjection::Inputs inputs;
    if (shape)
        inputs.order = shape->order;
    inputs.events = events;
    inputs.now = now;
    inputs.shadowed = [&s](const Pipeline &p) { return s.stateOf(p.id) == State::DualRun; };
    if (learned) {
        inputs.startDelay = learned->startDelays();
        inputs.retry = learned->retryHabits();
    }
    const auto sideOf = [&s](const Pipeline &p) { return canonicalSide(s.stateOf(p.id)); };
    if (previous && shape && previous->shape.get() == shape) {
        // Only what changed since: new run events, and pipelines on another side now.
        QSet<QString> changed;
        if (eventsChanged)
            changed = *eventsChanged;
        else // no word on which: every pipeline with events
            for (const RunEvent &e : events)
                changed.insert(e.pipeline);
        if (!s.routing.isSharedWith(previous->routing)) // the same pointers: nothing moved
            for (auto it = s.routing.cbegin(); it != s.routing.cend(); ++it)
                if (const auto was = previous->routing.constFind(it.key());
                    was == previous->routing.cend() || was->state != it->state)
                    changed.insert(it.key());
        return SlaProjection::reproject(previous->projection, shape->applied, businessDate, sideOf,
                                        inputs, changed);
    }
    return SlaProjection::project(shape     ? shape->applied
                                  : learned ? learned->applyTo(s.inventory)
                                            : s.inventory,
                                  businessDate, sideOf, inputs);
}

QList<SlaAlert> SlaService::sense(const SlaProjection &projection, const QDateTime &now)
{
    return reportAlerts(projection, now);
}

SlaService::Night SlaService::evaluate(const QDate &businessDate)
{
    return evaluate(m_store.snapshot(), businessDate);
}

SlaService::Night SlaService::evaluate(const StoreSnapshot &s, const QDate &businessDate)
{
    const QDateTime now = m_clock.now();
    Night night;
    const auto figures = learned(s.inventory, businessDate);
    const auto shape = shapeOf(s.inventory, figures.get());
    const QList<RunEvent> events = nightEvents(businessDate);
    if (m_cache) {
        // A long-lived caller projects as of the current minute, so the events of a busy
        // minute re-project only what they touch (SlaProjection::reproject).
        const QDateTime minute = now.addSecs(-(now.time().second())).addMSecs(-now.time().msec());
        const LearnedCache::NightEvents &held = *m_cache->events;
        const LearnedCache::Projected *previous = m_cache->projected.get();
        QSet<QString> eventsChanged;
        if (previous && previous->eventsGeneration >= held.wholeReadAt) {
            for (auto it = held.changedIn.cbegin(); it != held.changedIn.cend(); ++it)
                if (*it > previous->eventsGeneration)
                    eventsChanged.insert(it.key());
        } else {
            previous = nullptr; // the events were read anew since: project it all
        }
        night.projection = project(s, businessDate, events, minute, figures.get(), shape.get(),
                                   previous, &eventsChanged);
        auto projected = std::make_shared<LearnedCache::Projected>();
        projected->shape = shape;
        projected->routing = s.routing;
        projected->eventsGeneration = held.generation;
        projected->projection = night.projection;
        m_cache->projected = projected;
    } else {
        night.projection = project(s, businessDate, events, now, figures.get(), shape.get());
    }
    // Sensors run in every console that may write and in the watch; a viewer's war room only
    // watches.
    const Access access = m_store.telemetryAccess();
    if ((access.can(Role::Operator) || access.can(Role::Planner)) &&
        businessDate == Calendar(s.inventory).businessDate(now)) {
        const QList<SlaAlert> found =
            sense(night.projection, now) +
            NightSensors(s.inventory, m_sensors, shape->graph, shape->reports)
                .sense(night.projection, events, now);
        // Only what the store does not hold yet is raised (a night with a thousand late runs
        // finds the same thousand on every wake-up); the store's unique key still settles a
        // race with the watch or another console.
        const QList<SlaAlert> stored = storedAlerts(businessDate);
        QSet<QPair<QString, QString>> held;
        for (const SlaAlert &a : stored)
            held.insert({a.report, a.status});
        QList<SlaAlert> fresh;
        for (const SlaAlert &a : found)
            if (!held.contains({a.report, a.status}))
                fresh.append(a);
        night.raisedNow = m_store.raiseAlerts(fresh);
        // What no longer holds resolves itself, and says how.
        night.resolvedNow =
            m_store.resolveAlerts(NightSensors::cleared(stored, found, night.projection, now));
        if (night.raisedNow.isEmpty() && night.resolvedNow.isEmpty()) {
            night.alerts = stored; // just read: no second look at the feed
            return night;
        }
        if (m_cache)
            m_cache->alerts.reset(); // changed them: read them again
    }
    night.alerts = storedAlerts(businessDate);
    return night;
}

QList<RunEvent> SlaService::nightEvents(const QDate &night)
{
    if (!m_cache)
        return m_store.runEvents(night);
    std::optional<LearnedCache::NightEvents> &held = m_cache->events;
    // The position first: what commits after it is read now and again next time, never missed.
    const qint64 position = m_store.feedPosition();
    if (held && held->night == night && held->store == m_store.location()) {
        if (position == held->asOf)
            return held->all;
        if (const std::optional<QSet<QString>> keys =
                m_store.keysChangedSince(held->asOf, QStringLiteral("run_events"))) {
            held->asOf = position;
            if (keys->isEmpty())
                return held->all;
            ++held->generation;
            for (const QString &id : *keys) {
                const QList<RunEvent> mine = m_store.runEventsBetween(night, night, id);
                if (mine == held->byPipeline.value(id))
                    continue; // another night's event, or one already read
                if (mine.isEmpty())
                    held->byPipeline.remove(id);
                else
                    held->byPipeline.insert(id, mine);
                held->changedIn.insert(id, held->generation);
            }
            held->all.clear();
            for (const QList<RunEvent> &mine : std::as_const(held->byPipeline))
                held->all += mine;
            return held->all;
        }
    }
    LearnedCache::NightEvents fresh;
    fresh.store = m_store.location();
    fresh.night = night;
    fresh.asOf = position;
    fresh.generation = held ? held->generation + 1 : 1;
    fresh.wholeReadAt = fresh.generation;
    fresh.all = m_store.runEvents(night);
    for (const RunEvent &e : std::as_const(fresh.all))
        fresh.byPipeline[e.pipeline].append(e);
    held = std::move(fresh);
    return held->all;
}

QList<SlaAlert> SlaService::storedAlerts(const QDate &night)
{
    if (!m_cache)
        return m_store.alerts(night);
    if (m_cache->alerts && m_cache->alerts->night == night &&
        m_cache->store == m_store.location() &&
        !m_store.changedSince(m_cache->alerts->feedSeq, QStringLiteral("alerts")))
        return m_cache->alerts->alerts;
    // The position first: an alert raised between the two reads is read now and its entry
    // makes the next call read again, never the other way round.
    const qint64 seq = m_store.feedPosition();
    m_cache->alerts = LearnedCache::HeldAlerts{night, seq, m_store.alerts(night)};
    return m_cache->alerts->alerts;
}

SlaService::EventOutcome SlaService::recordEvent(RunEvent event)
{
    return guarded<SlaService::EventOutcome>([&]() -> SlaService::EventOutcome {
        EventOutcome outcome;
        if (const Decision role = roleDecision(m_store.telemetryAccess(), Role::Operator,
                                               QStringLiteral("recording a run event"));
            !role.allowed()) {
            outcome.refuse(role, QStringLiteral("the run event was not recorded"));
            return outcome;
        }
        // Two single-row reads, not the snapshot: this is the orchestrator's hot path.
        if (!m_store.routing(event.pipeline)) {
            outcome.fail(Outcome::Kind::Unknown,
                         QStringLiteral("unknown pipeline '%1'").arg(event.pipeline));
            return outcome;
        }
        if (!event.at.isValid())
            event.at = m_clock.now();
        // A run from before any platform ran or centuries ahead is a typo: the store could not
        // even hold the business date of 9999-12-31T23:59Z (tst_cli and tst_inventoryreader guard
        // it).
        if (event.at.date().year() < 2000 || event.at.date().year() > 2999) {
            outcome.fail(Outcome::Kind::BadInput,
                         QStringLiteral("at: %1 is outside the years 2000 to 2999")
                             .arg(event.at.toString(Qt::ISODate)));
            return outcome;
        }
        if (!event.businessDate.isValid())
            event.businessDate = Calendar(m_store.timezoneName()).businessDate(event.at);
        event.recordedBy = m_actor;
        m_store.recordRunEvent(event);
        outcome.message = QStringLiteral("%1 %2 on %3 for %4")
                              .arg(event.pipeline, runEventKindName(event.kind),
                                   sideName(event.side), event.businessDate.toString(Qt::ISODate));
        // A cheap append on the orchestrator's hot path: the watch and the consoles project
        // the night and run the sensors.
        return outcome;
    });
}

Outcome SlaService::acknowledge(qint64 alertId)
{
    return guarded<Outcome>([&]() -> Outcome {
        Outcome o;
        if (const Decision role = roleDecision(m_store.access(), Role::Operator,
                                               QStringLiteral("acknowledging an alert"));
            !role.allowed()) {
            o.refuse(role, QStringLiteral("the alert was not acknowledged"));
            return o;
        }
        AuditEntry audit;
        audit.at = m_clock.now();
        audit.actor = m_actor;
        audit.action = QStringLiteral("alert_ack");
        audit.reason = QStringLiteral("alert %1").arg(alertId);
        if (m_store.acknowledgeAlert(alertId, audit) == WriteStatus::Conflict)
            o.fail(
                Outcome::Kind::Unknown,
                QStringLiteral("no open alert %1 (unknown or acknowledged already)").arg(alertId));
        else
            o.message = QStringLiteral("alert %1 acknowledged by %2").arg(alertId).arg(m_actor);
        return o;
    });
}

} // namespace daybreak

namespace daybreak {

QList<SlaService::Exposure> SlaService::blastRadius(const Inventory &inventory,
                                                    const SlaProjection &projection,
                                                    const QString &pipeline)
{
    if (projection.reports().isEmpty())
        return {}; // a platform without deadlines: nothing to walk to
    // Everything downstream of it, itself included.
    QSet<QString> reached{pipeline};
    QStringList queue{pipeline};
    while (!queue.isEmpty())
        for (const QString &down : inventory.downstreamsOf(queue.takeFirst()))
            if (!reached.contains(down)) {
                reached.insert(down);
                queue << down;
            }
    QList<Exposure> exposures;
    for (const SlaProjection::Report &r : projection.reports())
        if (reached.contains(r.pipeline)) {
            const QDateTime finish = r.p95Finish.isValid() ? r.p95Finish : r.projectedFinish;
            exposures.append({r.pipeline, r.deadline, finish,
                              finish.isValid() ? int(finish.secsTo(r.deadline) / 60) : 0});
        }
    std::sort(exposures.begin(), exposures.end(),
              [](const Exposure &a, const Exposure &b) { return a.slackMinutes < b.slackMinutes; });
    return exposures;
}

QString SlaService::blastRadiusText(const QList<Exposure> &exposures, const QTimeZone &zone)
{
    if (exposures.isEmpty())
        return QStringLiteral("no 6am report");
    QStringList parts;
    for (const Exposure &e : exposures) {
        const QString due = e.deadline.toTimeZone(zone).toString(QStringLiteral("HH:mm"));
        parts
            << (!e.p95Finish.isValid()
                    ? QStringLiteral("%1 %2 (blocked tonight)").arg(e.report, due)
                : e.slackMinutes >= 0
                    ? QStringLiteral("%1 %2 (slack %3 min)").arg(e.report, due).arg(e.slackMinutes)
                    : QStringLiteral("%1 %2 (late at p95 by %3 min)")
                          .arg(e.report, due)
                          .arg(-e.slackMinutes));
    }
    return parts.join(QStringLiteral(", "));
}

} // namespace daybreak
