#include "WaveRules.h"

#include "MigrationRules.h"

#include <QTimeZone>

#include <algorithm>

namespace daybreak {

WaveRules::WaveRules(const StoreSnapshot &snapshot, QDate today)
    : m_snapshot(snapshot), m_today(today), m_graph(snapshot.inventory),
      m_window(ChangeWindow::of(snapshot.inventory))
{
}

bool WaveRules::isPlannable(const QString &pipeline) const
{
    const Pipeline *p = m_snapshot.inventory.find(pipeline);
    if (!p || p->staysOnPrem())
        return false;
    const State s = m_snapshot.stateOf(pipeline);
    return s == State::OnPrem || s == State::DualRun;
}

QStringList WaveRules::pendingUpstreams(const QString &pipeline) const
{
    return MigrationRules::upstreamsNotCutOver(m_snapshot, pipeline);
}

int WaveRules::downstreamCount(const QString &pipeline) const
{
    auto it = m_downstreamCount.constFind(pipeline);
    if (it == m_downstreamCount.constEnd())
        it = m_downstreamCount.insert(pipeline, int(m_graph.downstreamClosure(pipeline).size()));
    return *it;
}

Wave WaveRules::makeWave(const QString &name, const QDate &date) const
{
    const ChangeWindowPolicy &policy = m_window.policy();
    Wave w;
    w.name = name;
    w.date = date;
    w.windowStart =
        wallClock(date, date.dayOfWeek() == policy.startDay ? policy.startTime : QTime(0, 0),
                  m_window.zone());
    QDate end = date;
    while (end.dayOfWeek() != policy.endDay)
        end = end.addDays(1);
    w.windowEnd =
        wallClock(end, QTime(policy.endTime.hour(), policy.endTime.minute(), 59), m_window.zone());
    return w;
}

QString WaveRules::waveLabel(const WavePlan &plan, int index) const
{
    const Wave &w = plan.waves().at(index);
    return QStringLiteral("'%1' (%2)").arg(w.name, w.date.toString(Qt::ISODate));
}

Decision WaveRules::checkWaveDate(const Wave &wave) const
{
    Decision d;
    if (m_window.isBlackout(wave.date)) {
        d.refuse(Reason::Code::Blackout, QStringLiteral("wave '%1' falls on %2, a blackout date")
                                             .arg(wave.name, wave.date.toString(Qt::ISODate)));
    } else if (!m_window.isInChangeWindow(wallClock(wave.date, QTime(12, 0), m_window.zone())) &&
               !m_window.isInChangeWindow(wave.windowStart)) {
        d.refuse(Reason::Code::WindowClosed,
                 QStringLiteral("wave '%1' falls on %2, outside the change window (%3)")
                     .arg(wave.name, wave.date.toString(QStringLiteral("ddd yyyy-MM-dd")),
                          m_window.policy().describe()));
    }
    return d;
}

QDate WaveRules::parityReadyDate(const QString &pipeline) const
{
    const int required = m_snapshot.inventory.parityRunsRequired;
    const State s = m_snapshot.stateOf(pipeline);
    if (s == State::OnPrem)
        return m_today.addDays(required); // if its dual run started tonight
    const ParityGate::Evaluation g = MigrationRules::gateOf(m_snapshot, pipeline, m_today);
    if (g.status == ParityGate::Status::Passed)
        return m_today;
    if (g.status == ParityGate::Status::Failed)
        return m_today.addDays(required);
    return m_today.addDays(std::max(0, required - g.cleanRuns));
}

Decision WaveRules::checkAssign(const WavePlan &plan, const QString &pipeline,
                                const QString &waveName) const
{
    Decision d;
    const Pipeline *p = m_snapshot.inventory.find(pipeline);
    const int target = plan.indexOf(waveName);
    if (!p) {
        d.refuse(Reason::Code::Other, QStringLiteral("unknown pipeline '%1'").arg(pipeline));
    }
    if (target < 0) {
        d.refuse(Reason::Code::UnknownWave, QStringLiteral("unknown wave '%1'").arg(waveName));
    }
    if (!d.allowed())
        return d;
    const Wave &wave = plan.waves().at(target);
    const State state = m_snapshot.stateOf(pipeline);
    if (p->staysOnPrem())
        d.refuse(Reason::Code::StaysOnPrem,
                 QStringLiteral("%1 is declared to stay on-prem").arg(pipeline), {pipeline});
    else if (state == State::Cloud || state == State::Decommissioned)
        d.refuse(Reason::Code::WrongState,
                 QStringLiteral("%1 is already cut over (%2)").arg(pipeline, stateName(state)),
                 {pipeline});
    d.reasons += checkWaveDate(wave).reasons;
    if (wave.windowEnd.isValid() && wave.windowEnd.date() < m_today)
        d.refuse(
            Reason::Code::WindowClosed,
            QStringLiteral("wave '%1' is over: its window ended %2")
                .arg(wave.name, wave.windowEnd.toString(QStringLiteral("ddd yyyy-MM-dd HH:mm"))),
            {pipeline});

    const bool alreadyHere = plan.waveOf(pipeline) == waveName;
    const int others = int(wave.members.size()) - (alreadyHere ? 1 : 0);
    if (others >= wave.capacity)
        d.refuse(Reason::Code::WaveCapacity,
                 QStringLiteral("wave '%1' is full: %2 of %3 pipelines")
                     .arg(waveName)
                     .arg(others)
                     .arg(wave.capacity),
                 {pipeline});
    if (p->risk == Risk::High) {
        QStringList high;
        for (const QString &m : wave.members) {
            const Pipeline *mp = m_snapshot.inventory.find(m);
            if (m != pipeline && mp && mp->risk == Risk::High)
                high << m;
        }
        if (high.size() >= wave.maxHighRisk)
            d.refuse(
                Reason::Code::WaveHighRisk,
                QStringLiteral("wave '%1' already holds %2 high-risk pipelines (at most %3): %4")
                    .arg(waveName)
                    .arg(high.size())
                    .arg(wave.maxHighRisk)
                    .arg(high.join(QStringLiteral(", "))),
                QStringList{pipeline} + high);
    }
    for (const QString &up : pendingUpstreams(pipeline)) {
        const int at = plan.waveIndexOf(up);
        if (at < 0)
            d.refuse(
                Reason::Code::UpstreamPlannedLater,
                QStringLiteral(
                    "%1 reads %2, which is still canonical on-prem and not planned in any wave")
                    .arg(pipeline, up),
                {pipeline, up});
        else if (at > target)
            d.refuse(Reason::Code::UpstreamPlannedLater,
                     QStringLiteral("%1 reads %2, which is planned in the later wave %3")
                         .arg(pipeline, up, waveLabel(plan, at)),
                     {pipeline, up});
    }
    for (const QString &down : m_snapshot.inventory.downstreamsOf(pipeline)) {
        const int at = plan.waveIndexOf(down);
        if (at >= 0 && at < target)
            d.refuse(Reason::Code::DownstreamPlannedEarlier,
                     QStringLiteral("%1 is read by %2, which is planned in the earlier wave %3")
                         .arg(pipeline, down, waveLabel(plan, at)),
                     {pipeline, down});
    }
    const QDate ready = parityReadyDate(pipeline);
    if (ready > wave.date)
        d.warn(Reason::Code::ParityReadiness,
               QStringLiteral("%1's parity gate cannot pass before %2, after wave '%3' on %4")
                   .arg(pipeline, ready.toString(Qt::ISODate), waveName,
                        wave.date.toString(Qt::ISODate)),
               {pipeline});
    return d;
}

Decision WaveRules::checkUnassign(const WavePlan &plan, const QStringList &pipelines) const
{
    Decision d;
    WavePlan after = plan;
    for (const QString &id : pipelines)
        after.unassign(id);
    for (const QString &id : pipelines) {
        if (plan.waveOf(id).isEmpty())
            continue;
        if (pendingUpstreams(id).isEmpty() && !isPlannable(id))
            continue;
        for (const QString &down : m_snapshot.inventory.downstreamsOf(id)) {
            const QString downWave = after.waveOf(down);
            if (!downWave.isEmpty() && canonicalSide(m_snapshot.stateOf(id)) != Side::Cloud)
                d.refuse(
                    Reason::Code::DownstreamPlannedEarlier,
                    QStringLiteral(
                        "%1 (wave '%2') reads %3, which would no longer be planned; move %1 first")
                        .arg(down, downWave, id),
                    {id, down});
        }
    }
    return d;
}

QList<PlanFinding> WaveRules::validate(const WavePlan &plan) const
{
    QList<PlanFinding> findings;
    auto add = [&](bool error, const QString &wave, const QString &pipeline, const Reason &r) {
        findings.append({error, wave, pipeline, r});
    };
    for (int i = 0; i < plan.waves().size(); ++i) {
        const Wave &w = plan.waves().at(i);
        for (const Reason &r : checkWaveDate(w).reasons)
            add(true, w.name, {}, r);
        if (w.members.size() > w.capacity)
            add(true, w.name, {},
                {Reason::Code::WaveCapacity,
                 QStringLiteral("wave '%1' holds %2 pipelines, over its capacity of %3")
                     .arg(w.name)
                     .arg(w.members.size())
                     .arg(w.capacity),
                 w.members});
        QStringList high;
        for (const QString &m : w.members)
            if (const Pipeline *p = m_snapshot.inventory.find(m); p && p->risk == Risk::High)
                high << m;
        if (high.size() > w.maxHighRisk)
            add(true, w.name, {},
                {Reason::Code::WaveHighRisk,
                 QStringLiteral("wave '%1' holds %2 high-risk pipelines, over its limit of %3: %4")
                     .arg(w.name)
                     .arg(high.size())
                     .arg(w.maxHighRisk)
                     .arg(high.join(QStringLiteral(", "))),
                 high});
        for (const QString &m : w.members) {
            const Pipeline *p = m_snapshot.inventory.find(m);
            if (!p)
                continue;
            const State state = m_snapshot.stateOf(m);
            if (p->staysOnPrem())
                add(true, w.name, m,
                    {Reason::Code::StaysOnPrem,
                     QStringLiteral("%1 is declared to stay on-prem").arg(m),
                     {m}});
            else if (state == State::Decommissioned)
                add(true, w.name, m,
                    {Reason::Code::WrongState,
                     QStringLiteral("%1 is already decommissioned").arg(m),
                     {m}});
            for (const QString &up : pendingUpstreams(m)) {
                const int at = plan.waveIndexOf(up);
                if (at < 0)
                    add(true, w.name, m,
                        {Reason::Code::UpstreamPlannedLater,
                         QStringLiteral("%1 reads %2, which is still canonical on-prem and not "
                                        "planned in any wave")
                             .arg(m, up),
                         {m, up}});
                else if (at > i)
                    add(true, w.name, m,
                        {Reason::Code::UpstreamPlannedLater,
                         QStringLiteral("%1 reads %2, which is planned in the later wave %3")
                             .arg(m, up, waveLabel(plan, at)),
                         {m, up}});
            }
            if (state != State::Cloud) {
                const QDate ready = parityReadyDate(m);
                if (ready > w.date)
                    add(false, w.name, m,
                        {Reason::Code::ParityReadiness,
                         QStringLiteral(
                             "%1's parity gate cannot pass before %2, after wave '%3' on %4")
                             .arg(m, ready.toString(Qt::ISODate), w.name,
                                  w.date.toString(Qt::ISODate)),
                         {m}});
            }
        }
    }
    return findings;
}

QStringList WaveRules::cutoverOrder(const Wave &wave) const
{
    // Kahn's algorithm over "B is downstream of A", restricted to the wave's members.
    const QStringList &members = wave.members;
    QHash<QString, QSet<QString>> downstream;
    QHash<QString, int> indegree;
    for (const QString &m : members)
        indegree.insert(m, 0);
    for (const QString &m : members) {
        const QSet<QString> closure = m_graph.downstreamClosure(m);
        for (const QString &other : members)
            if (other != m && closure.contains(other)) {
                downstream[m].insert(other);
                ++indegree[other];
            }
    }
    auto before = [this](const QString &a, const QString &b) {
        const int da = downstreamCount(a), db = downstreamCount(b);
        return da != db ? da > db : a < b;
    };
    QStringList ready;
    for (const QString &m : members)
        if (indegree.value(m) == 0)
            ready << m;
    QStringList order;
    while (!ready.isEmpty()) {
        std::sort(ready.begin(), ready.end(), before);
        const QString next = ready.takeFirst();
        order << next;
        for (const QString &d : downstream.value(next))
            if (--indegree[d] == 0)
                ready << d;
    }
    return order;
}

} // namespace daybreak
