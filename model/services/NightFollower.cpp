#include "NightFollower.h"

#include "Calendar.h"
#include "Clock.h"
#include "Store.h"

namespace daybreak {

namespace {

// What a reader of the night sees of a report: its status and its finishes.
bool moved(const SlaProjection::Report &was, const SlaProjection::Report &now)
{
    return was.status != now.status || was.projectedFinish != now.projectedFinish ||
           was.p95Finish != now.p95Finish || was.criticalPath != now.criticalPath;
}

bool moved(const SlaAlert &was, const SlaAlert &now)
{
    return was.isAcknowledged() != now.isAcknowledged() || was.isResolved() != now.isResolved();
}

} // namespace

NightFollower::NightFollower(Store &store, const Clock &clock, QString actor,
                             std::optional<QDate> night)
    : m_store(store), m_clock(clock), m_actor(std::move(actor)), m_fixedNight(night)
{
}

NightFollower::Changes NightFollower::look(bool timePassed)
{
    Changes changes;
    try {
        if (!m_picture) {
            m_picture = m_store.snapshot();
            changes.wholeReadWhy = m_night.isValid() ? QStringLiteral("the store answers again")
                                                     : QStringLiteral("the first read");
        } else {
            const StoreChange change = m_store.follow(*m_picture);
            if (change.everything)
                changes.wholeReadWhy = change.why;
            else if (!timePassed && !change.touchesNight())
                return changes; // nothing the night reads
        }
    } catch (const StoreError &) {
        m_picture.reset();
        throw;
    }
    const QDate night =
        m_fixedNight.value_or(SlaService::currentNight(m_picture->inventory, m_clock.now()));
    if (night != m_night) {
        m_night = night;
        m_reports.clear();
        m_alerts.clear();
        changes.newNight = true;
    }
    changes.night = night;
    changes.zone = Calendar(m_picture->inventory).zone();
    SlaService sla(m_store, m_clock, m_actor);
    sla.setLearnedCache(&m_cache);
    SlaService::Night n;
    try {
        n = sla.evaluate(*m_picture, night);
    } catch (const StoreError &) {
        m_picture.reset();
        throw;
    }
    changes.silent = n.projection.silent();
    changes.anyAtRiskOrBreached = n.anyAtRiskOrBreached();
    for (const SlaProjection::Report &r : n.projection.reports()) {
        const auto was = m_reports.constFind(r.pipeline);
        if (was == m_reports.constEnd() || moved(*was, r)) {
            changes.reports.append(r);
            m_reports.insert(r.pipeline, r);
        }
    }
    for (const SlaAlert &a : n.alerts) {
        const auto was = m_alerts.constFind(a.id);
        if (was == m_alerts.constEnd() || moved(*was, a)) {
            changes.alerts.append(a);
            m_alerts.insert(a.id, a);
        }
    }
    return changes;
}

} // namespace daybreak
