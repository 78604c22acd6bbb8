#include "PlatformImport.h"

#include "Access.h"
#include "Calendar.h"
#include "Clock.h"
#include "Guarded.h"
#include "InventoryReader.h"
#include "Store.h"

#include <QSet>

namespace daybreak {

QString InventoryChange::line() const
{
    switch (kind) {
    case Kind::Added:
        return QStringLiteral("+ %1 (%2)").arg(pipeline, what.join(QStringLiteral("; ")));
    case Kind::Removed:
        return QStringLiteral("- %1 (%2)").arg(pipeline, what.join(QStringLiteral("; ")));
    case Kind::Kept:
        return QStringLiteral("= %1 (%2)").arg(pipeline, what.join(QStringLiteral("; ")));
    case Kind::Changed:
        break;
    }
    return QStringLiteral("~ %1: %2").arg(pipeline, what.join(QStringLiteral("; ")));
}

int ImportOutcome::count(InventoryChange::Kind kind) const
{
    return int(std::count_if(changes.cbegin(), changes.cend(),
                             [kind](const InventoryChange &c) { return c.kind == kind; }));
}

PlatformImport::PlatformImport(Store &store, const Clock &clock, QString actor)
    : m_store(store), m_clock(clock), m_actor(std::move(actor))
{
}

namespace {
QString timeText(const std::optional<QTime> &t)
{
    return t ? t->toString(QStringLiteral("HH:mm")) : QStringLiteral("none");
}

// The platform's fields over the lead's: reads, group, name, owner, deadline, its tags.
Pipeline merged(const Pipeline &current, const Pipeline &incoming)
{
    Pipeline p = current;
    p.upstreams = incoming.upstreams;
    p.group = incoming.group;
    p.name = incoming.name.isEmpty() ? current.name : incoming.name;
    if (!incoming.owner.isEmpty())
        p.owner = incoming.owner;
    if (incoming.sla)
        p.sla = incoming.sla;
    for (const QString &tag : incoming.tags)
        if (!p.tags.contains(tag))
            p.tags << tag;
    if (p.upstreams.isEmpty() && !p.schedule)
        p.schedule = incoming.schedule; // it lost its reads: it needs a start of its own
    return p;
}

QStringList differences(const Pipeline &before, const Pipeline &after)
{
    QStringList what;
    if (before.groupName() != after.groupName())
        what << QStringLiteral("group %1 → %2").arg(before.groupName(), after.groupName());
    QStringList added, dropped;
    for (const QString &up : after.upstreams)
        if (!before.upstreams.contains(up))
            added << QStringLiteral("+") + up;
    for (const QString &up : before.upstreams)
        if (!after.upstreams.contains(up))
            dropped << QStringLiteral("-") + up;
    if (!added.isEmpty() || !dropped.isEmpty())
        what << QStringLiteral("reads %1").arg((added + dropped).join(QLatin1Char(' ')));
    if (before.sla != after.sla)
        what << QStringLiteral("deadline %1 → %2").arg(timeText(before.sla), timeText(after.sla));
    if (before.name != after.name)
        what << QStringLiteral("name '%1' → '%2'").arg(before.name, after.name);
    if (before.owner != after.owner)
        what << QStringLiteral("owner %1 → %2")
                    .arg(before.owner.isEmpty() ? QStringLiteral("none") : before.owner,
                         after.owner);
    return what;
}
} // namespace

namespace {

// Pipelines the platform no longer has: removed while on-prem, kept while migrating, and kept
// too while a kept one reads them.
QSet<QString> keptPipelines(const StoreSnapshot &current, const Inventory &incoming)
{
    QSet<QString> kept;
    for (const Pipeline &p : current.inventory.pipelines())
        if (!incoming.contains(p.id) && current.stateOf(p.id) != State::OnPrem)
            kept.insert(p.id);
    for (bool grew = true; grew;) {
        grew = false;
        for (const Pipeline &p : current.inventory.pipelines())
            if (kept.contains(p.id))
                for (const QString &up : p.upstreams)
                    if (!incoming.contains(up) && !kept.contains(up)) {
                        kept.insert(up);
                        grew = true;
                    }
    }
    return kept;
}

// The incoming pipelines: new ones as they come, known ones merged (what Daybreak owns stays).
QList<Pipeline> mergeIncoming(const StoreSnapshot &current, const Inventory &incoming, bool fresh,
                              ImportOutcome &o)
{
    QList<Pipeline> pipelines;
    for (const Pipeline &in : incoming.pipelines()) {
        const Pipeline *was = current.inventory.find(in.id);
        if (!was) {
            pipelines << in;
            if (!fresh)
                o.changes.append({InventoryChange::Kind::Added,
                                  in.id,
                                  {QStringLiteral("group %1").arg(in.groupName()),
                                   QStringLiteral("%1 reads").arg(in.upstreams.size())}});
            continue;
        }
        const Pipeline p = merged(*was, in);
        if (const QStringList what = differences(*was, p); !what.isEmpty())
            o.changes.append({InventoryChange::Kind::Changed, p.id, what});
        pipelines << p;
    }
    return pipelines;
}

// The store's pipelines the source no longer has: kept (and why) or removed (and the wave they
// leave).
void keepOrRemove(const StoreSnapshot &current, const Inventory &incoming,
                  const QSet<QString> &kept, const QString &source, QList<Pipeline> &pipelines,
                  ImportOutcome &o)
{
    for (const Pipeline &p : current.inventory.pipelines()) {
        if (incoming.contains(p.id))
            continue;
        if (kept.contains(p.id)) {
            pipelines << p;
            const State state = current.stateOf(p.id);
            o.changes.append({InventoryChange::Kind::Kept,
                              p.id,
                              {state != State::OnPrem
                                   ? QStringLiteral("not in %1, but %2: an import never removes a "
                                                    "migrating pipeline")
                                         .arg(source, stateName(state))
                                   : QStringLiteral("not in %1, but a migrating pipeline reads it")
                                         .arg(source)}});
            continue;
        }
        const QString wave = current.plan.waveOf(p.id);
        o.changes.append(
            {InventoryChange::Kind::Removed,
             p.id,
             {wave.isEmpty()
                  ? QStringLiteral("not in %1").arg(source)
                  : QStringLiteral("not in %1; it leaves wave '%2'").arg(source, wave)}});
    }
}

QString importSummary(const ImportOutcome &o, bool fresh, const Inventory &next,
                      const QString &source)
{
    return fresh ? QStringLiteral("%1 pipelines from %2").arg(next.size()).arg(source)
                 : QStringLiteral("%1 added, %2 removed, %3 changed, %4 kept from %5")
                       .arg(o.count(InventoryChange::Kind::Added))
                       .arg(o.count(InventoryChange::Kind::Removed))
                       .arg(o.count(InventoryChange::Kind::Changed))
                       .arg(o.count(InventoryChange::Kind::Kept))
                       .arg(source);
}

} // namespace

ImportOutcome PlatformImport::importInventory(const Inventory &incoming, const QString &source,
                                              bool apply)
{
    ImportOutcome o;
    if (const Decision role =
            roleDecision(m_store.access(), Role::Owner, QStringLiteral("importing an inventory"));
        !role.allowed()) {
        o.refuse(role, QStringLiteral("nothing was imported"));
        return o;
    }
    return guarded<ImportOutcome>([&]() -> ImportOutcome {
        const StoreSnapshot current = m_store.snapshot();
        const bool fresh = current.inventory.size() == 0;
        Inventory next = fresh ? incoming : current.inventory;
        QList<Pipeline> pipelines = mergeIncoming(current, incoming, fresh, o);
        keepOrRemove(current, incoming, keptPipelines(current, incoming), source, pipelines, o);
        next.setPipelines(pipelines);
        Problems problems;
        InventoryReader::checkGraph(next, source, {}, problems);
        if (hasErrors(problems)) {
            o.problems = problems;
            o.fail(Outcome::Kind::BadInput, QStringLiteral("%1: nothing was imported").arg(source));
            return o;
        }
        const QString summary = importSummary(o, fresh, next, source);
        const int written = o.count(InventoryChange::Kind::Added) +
                            o.count(InventoryChange::Kind::Removed) +
                            o.count(InventoryChange::Kind::Changed);
        if (!fresh && written == 0) {
            o.message = QStringLiteral("%1 matches the store; nothing to write").arg(source);
            return o;
        }
        if (!fresh && !apply) {
            o.message = summary + QStringLiteral("; nothing was written (review, then --apply)");
            return o;
        }
        // One transaction: the inventory, its audit row and one row per pipeline it touched.
        AuditEntry audit;
        audit.at = m_clock.now();
        audit.actor = m_actor;
        audit.action = QStringLiteral("import");
        audit.reason = summary;
        StoreHistory history;
        for (const InventoryChange &c : std::as_const(o.changes)) {
            if (c.kind == InventoryChange::Kind::Kept)
                continue;
            AuditEntry row = audit;
            row.pipeline = c.pipeline;
            row.reason = c.line();
            history.audit << row;
        }
        m_store.replaceInventory(next, audit, history);
        o.applied = true;
        o.message = QStringLiteral("imported: ") + summary;
        return o;
    });
}

Outcome PlatformImport::importRuns(const RunHistoryRead &runs, const QString &source, Side side)
{
    Outcome o;
    if (const Decision role =
            roleDecision(m_store.access(), Role::Operator, QStringLiteral("recording run history"));
        !role.allowed()) {
        o.refuse(role, QStringLiteral("no run was recorded"));
        return o;
    }
    return guarded<Outcome>([&]() -> Outcome {
        const StoreSnapshot s = m_store.snapshot();
        QHash<QString, QString> byTag;
        for (const Pipeline &p : s.inventory.pipelines())
            for (const QString &tag : p.tags)
                byTag.insert(tag, p.id);
        const Calendar calendar(s.inventory);
        QList<RunEvent> events;
        QSet<QDate> dates;
        QStringList unknown;
        for (const RunRecord &r : runs.runs) {
            const QString id = byTag.value(r.key);
            if (id.isEmpty()) {
                unknown << r.key.section(QLatin1Char(':'), 1);
                continue;
            }
            RunEvent start;
            start.pipeline = id;
            start.side = side;
            start.kind = RunEvent::Kind::Started;
            start.at = r.started;
            start.businessDate = calendar.businessDate(r.started);
            start.recordedBy = m_actor;
            events << start;
            if (r.finished.isValid()) { // else still running when the file was saved
                RunEvent end = start;
                end.kind = r.succeeded ? RunEvent::Kind::Succeeded : RunEvent::Kind::Failed;
                end.at = r.finished;
                events << end;
            }
            dates.insert(start.businessDate);
        }
        // A file imported twice adds nothing the second time.
        QSet<QString> known;
        const auto keyOf = [](const RunEvent &e) {
            return e.pipeline + QLatin1Char('|') + sideName(e.side) + QLatin1Char('|') +
                   runEventKindName(e.kind) + QLatin1Char('|') +
                   QString::number(e.at.toMSecsSinceEpoch() / 1000);
        };
        for (const QDate &d : std::as_const(dates))
            for (const RunEvent &e : m_store.runEvents(d))
                known.insert(keyOf(e));
        QList<RunEvent> fresh;
        for (const RunEvent &e : std::as_const(events))
            if (!known.contains(keyOf(e)))
                fresh << e;
        for (const QString &key : std::as_const(unknown))
            o.problems.append({Problem::Severity::Warning,
                               source,
                               0,
                               0,
                               key,
                               {},
                               QStringLiteral("no pipeline was imported from it; import the "
                                              "manifest first")});
        int runCount = 0;
        for (const RunEvent &e : std::as_const(fresh))
            runCount += e.kind == RunEvent::Kind::Started ? 1 : 0;
        int already = 0;
        for (const RunEvent &e : std::as_const(events))
            already += e.kind == RunEvent::Kind::Started && known.contains(keyOf(e)) ? 1 : 0;
        if (!fresh.isEmpty()) {
            AuditEntry audit;
            audit.at = m_clock.now();
            audit.actor = m_actor;
            audit.action = QStringLiteral("run_history");
            audit.reason =
                QStringLiteral("%1 run(s) on %2 from %3").arg(runCount).arg(sideName(side), source);
            m_store.recordRunHistory(fresh, audit);
        }
        o.message = QStringLiteral("%1 run(s) recorded on %2 from %3 (%4 already there, %5 "
                                   "unmatched, %6 skipped)")
                        .arg(runCount)
                        .arg(sideName(side), source)
                        .arg(already)
                        .arg(unknown.size())
                        .arg(runs.skipped);
        return o;
    });
}

} // namespace daybreak
