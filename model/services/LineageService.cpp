#include "LineageService.h"

#include "Access.h"
#include "Calendar.h"
#include "Clock.h"
#include "Guarded.h"
#include "Store.h"

#include <QHash>
#include <QRegularExpression>

namespace daybreak {

LineageService::LineageService(Store &store, const Clock &clock, QString actor)
    : m_store(store), m_clock(clock), m_actor(std::move(actor))
{
}

namespace {
// A job pattern: '*' any run of characters (dots and slashes too), '?' any one. Each pattern is
// compiled once per thread: the listener matches every event of every batch against them.
bool globMatches(const QString &pattern, const QString &job)
{
    thread_local QHash<QString, QRegularExpression> compiled;
    auto it = compiled.find(pattern);
    if (it == compiled.end()) {
        QString rx;
        for (const QChar c : pattern)
            rx += c == QLatin1Char('*')   ? QStringLiteral(".*")
                  : c == QLatin1Char('?') ? QStringLiteral(".")
                                          : QRegularExpression::escape(QString(c));
        it = compiled.insert(pattern, QRegularExpression(QRegularExpression::anchoredPattern(rx)));
    }
    return it->match(job).hasMatch();
}
} // namespace

const LineageMapping *LineageService::match(const QList<LineageMapping> &mappings,
                                            const QString &ns, const QString &job)
{
    for (const LineageMapping &m : mappings) {
        if (m.ns != ns)
            continue;
        if (globMatches(m.jobPattern, job))
            return &m;
    }
    return nullptr;
}

Outcome LineageService::addMapping(const QString &ns, const QString &jobPattern,
                                   const QString &pipeline, Side side)
{
    return guarded<Outcome>([&]() -> Outcome {
        Outcome o;
        if (const Decision role = roleDecision(m_store.access(), Role::Operator,
                                               QStringLiteral("mapping OpenLineage jobs"));
            !role.allowed()) {
            o.refuse(role, QStringLiteral("the mapping was not added"));
            return o;
        }
        QStringList bad;
        if (ns.trimmed().isEmpty())
            bad << QStringLiteral("NAMESPACE is empty");
        if (jobPattern.trimmed().isEmpty())
            bad << QStringLiteral("JOB-PATTERN is empty");
        if (!pipeline.isEmpty() && !m_store.routing(pipeline))
            bad << QStringLiteral("--pipeline: unknown pipeline '%1'").arg(pipeline);
        if (!bad.isEmpty()) {
            o.fail(Outcome::Kind::BadInput, bad.join(QStringLiteral("; ")));
            return o;
        }
        LineageMapping m{0, ns, jobPattern, pipeline, side, m_actor, m_clock.now()};
        const QString target =
            pipeline.isEmpty() ? QStringLiteral("the pipeline of the same name") : pipeline;
        AuditEntry audit;
        audit.at = m.createdAt;
        audit.actor = m_actor;
        audit.action = QStringLiteral("lineage_map_add");
        audit.pipeline = pipeline;
        audit.to = sideName(side);
        audit.reason =
            QStringLiteral("%1 jobs matching '%2' report on %3").arg(ns, jobPattern, target);
        if (m_store.addLineageMapping(m, audit) == WriteStatus::Conflict) {
            o.fail(Outcome::Kind::Conflict,
                   QStringLiteral("a mapping of %1 '%2' on %3 exists already")
                       .arg(ns, jobPattern, sideName(side)));
            return o;
        }
        o.message = QStringLiteral("Mapped %1 jobs matching '%2' to %3, %4 side")
                        .arg(ns, jobPattern, target, sideName(side));
        return o;
    });
}

Outcome LineageService::removeMapping(qint64 id)
{
    return guarded<Outcome>([&]() -> Outcome {
        Outcome o;
        if (const Decision role = roleDecision(m_store.access(), Role::Operator,
                                               QStringLiteral("mapping OpenLineage jobs"));
            !role.allowed()) {
            o.refuse(role, QStringLiteral("the mapping was not removed"));
            return o;
        }
        AuditEntry audit;
        audit.at = m_clock.now();
        audit.actor = m_actor;
        audit.action = QStringLiteral("lineage_map_remove");
        audit.reason = QStringLiteral("mapping %1").arg(id);
        if (m_store.removeLineageMapping(id, audit) == WriteStatus::Conflict) {
            o.fail(Outcome::Kind::Unknown, QStringLiteral("no mapping %1 (see daybreakctl map "
                                                          "list)")
                                               .arg(id));
            return o;
        }
        o.message = QStringLiteral("Removed mapping %1").arg(id);
        return o;
    });
}

LineageService::Ingested LineageService::ingest(const OpenLineage::Read &read,
                                                std::optional<Side> onlySide)
{
    return guarded<Ingested>([&]() -> Ingested {
        Ingested o;
        o.ignored = read.ignored;
        if (const Decision role = roleDecision(m_store.telemetryAccess(), Role::Operator,
                                               QStringLiteral("recording run events"));
            !role.allowed()) {
            o.refuse(role, QStringLiteral("no run event was recorded"));
            return o;
        }
        if (!read.ok()) {
            o.problems = read.problems;
            o.fail(Outcome::Kind::BadInput, read.firstError());
            return o;
        }
        const QList<LineageMapping> mappings = m_store.lineageMappings();
        const Calendar calendar(m_store.timezoneName());
        QHash<QString, bool> known; // pipeline id: in the inventory
        QHash<QPair<QString, QString>, UnmappedJob> unmapped;
        Decision forbidden;
        for (const OpenLineage::Event &e : read.events) {
            const LineageMapping *m = match(mappings, e.ns, e.job);
            const auto exists = [&](const QString &candidate) {
                if (!known.contains(candidate))
                    known.insert(candidate, m_store.routing(candidate).has_value());
                return known.value(candidate);
            };
            // By name: the job's whole name, else its last part (Airflow's "dag.task" is the
            // task, dbt's "db.schema.model" the model).
            QString id = m ? m->pipeline : QString();
            if (m && id.isEmpty())
                id = exists(e.job) ? e.job : e.job.section(QLatin1Char('.'), -1);
            if (m)
                exists(id);
            if (!m || !known.value(id)) {
                UnmappedJob &u = unmapped[{e.ns, e.job}];
                if (u.events == 0) {
                    u.ns = e.ns;
                    u.job = e.job;
                    u.firstSeen = e.at;
                }
                ++u.events;
                u.lastSeen = std::max(u.lastSeen.isValid() ? u.lastSeen : e.at, e.at);
                continue;
            }
            if (onlySide && m->side != *onlySide) {
                forbidden.refuse(Reason::Code::RoleMissing,
                                 QStringLiteral("%1 %2 maps to %3 on the %4 side; this token "
                                                "reports on the %5 side only")
                                     .arg(e.ns, e.job, id, sideName(m->side), sideName(*onlySide)),
                                 {id});
                continue;
            }
            RunEvent r;
            r.pipeline = id;
            r.side = m->side;
            r.kind = e.kind;
            r.at = e.at;
            r.businessDate = calendar.businessDate(e.at);
            r.recordedBy = m_actor;
            o.events << r;
        }
        if (!forbidden.allowed()) {
            o.events.clear();
            o.refuse(forbidden, QStringLiteral("nothing was recorded"));
            return o;
        }
        m_store.recordRunEvents(o.events);
        QList<UnmappedJob> seen = unmapped.values();
        m_store.countUnmapped(seen);
        o.recorded = int(o.events.size());
        o.unmapped = 0;
        for (const UnmappedJob &u : std::as_const(seen))
            o.unmapped += int(u.events);
        o.message = QStringLiteral("%1 event(s) recorded, %2 unmapped, %3 ignored")
                        .arg(o.recorded)
                        .arg(o.unmapped)
                        .arg(o.ignored);
        return o;
    });
}

} // namespace daybreak
