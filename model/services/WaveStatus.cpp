#include "WaveStatus.h"

#include "Calendar.h"
#include "MigrationRules.h"
#include "ParityService.h"
#include "Store.h"
#include "WaveRules.h"

#include <QJsonArray>

namespace daybreak {

namespace {
QJsonValue time(const QDateTime &t)
{
    return t.isValid() ? QJsonValue(t.toUTC().toString(Qt::ISODate)) : QJsonValue();
}

QJsonObject stepJson(const WaveStatus::Step &s)
{
    return {{QStringLiteral("done"), s.done},
            {QStringLiteral("by"), s.by.isEmpty() ? QJsonValue() : QJsonValue(s.by)},
            {QStringLiteral("at"), time(s.at)},
            {QStringLiteral("detail"), s.detail}};
}

// The last audit row of `action` on `pipeline` at or after `since`.
const AuditEntry *last(const QList<AuditEntry> &audit, const QString &pipeline,
                       const QString &action, const QDateTime &since)
{
    const AuditEntry *found = nullptr;
    for (const AuditEntry &a : audit)
        if (a.pipeline == pipeline && a.action == action && a.at >= since)
            found = &a;
    return found;
}
} // namespace

QString WaveStatus::standingName(Standing s)
{
    switch (s) {
    case Standing::CutOver:
        return QStringLiteral("cut over");
    case Standing::RolledBack:
        return QStringLiteral("rolled back");
    case Standing::Next:
        return QStringLiteral("next");
    case Standing::Ready:
        return QStringLiteral("ready");
    case Standing::AwaitingApproval:
        return QStringLiteral("awaiting approval");
    case Standing::Blocked:
        break;
    }
    return QStringLiteral("blocked");
}

const Wave *WaveStatus::currentWave(const WavePlan &plan, const QDateTime &now)
{
    const Wave *next = nullptr;
    for (const Wave &w : plan.waves()) {
        if (w.windowStart <= now && now <= w.windowEnd)
            return &w;
        if (!next && w.windowStart > now)
            next = &w;
    }
    if (next)
        return next;
    return plan.waves().isEmpty() ? nullptr : &plan.waves().last();
}

QString WaveStatus::progressText(const QTimeZone &zone) const
{
    QString text = QStringLiteral("%1 of %2 cut over").arg(cutOver).arg(members.size());
    if (rolledBack > 0)
        text += QStringLiteral(", %1 rolled back").arg(rolledBack);
    text += QStringLiteral(", %1 to go").arg(toGo);
    const QString closes = windowCloses.toTimeZone(zone).toString(QStringLiteral("ddd HH:mm"));
    if (windowOpen) {
        const qint64 h = minutesLeft / 60;
        text += QStringLiteral("; window closes %1, %2 left")
                    .arg(closes, h >= 1 ? QStringLiteral("%1 h").arg(h)
                                        : QStringLiteral("%1 min").arg(minutesLeft));
    } else if (minutesLeft > 0 || members.isEmpty()) {
        text += QStringLiteral("; window opens %1")
                    .arg(wave.windowStart.toTimeZone(zone).toString(
                        QStringLiteral("ddd dd MMM HH:mm")));
    } else {
        text += QStringLiteral("; window closed %1").arg(closes);
    }
    return text;
}

QJsonObject WaveStatus::toJson(const QTimeZone &zone) const
{
    QJsonArray rows;
    for (const Member &m : members) {
        QJsonObject o{
            {QStringLiteral("pipeline"), m.pipeline},
            {QStringLiteral("owner"), m.owner},
            {QStringLiteral("risk"), riskName(m.risk)},
            {QStringLiteral("state"), stateName(m.state)},
            {QStringLiteral("standing"), standingName(m.standing)},
            {QStringLiteral("gate"), stepJson(m.gate)},
            {QStringLiteral("gate_flags"), QJsonArray::fromStringList(m.gateFlags)},
            {QStringLiteral("precheck"), stepJson(m.precheck)},
            {QStringLiteral("cutover"), stepJson(m.cutover)},
            {QStringLiteral("first_cloud_run"), stepJson(m.firstCloudRun)},
            {QStringLiteral("first_night_parity"), stepJson(m.firstNightParity)},
            {QStringLiteral("blocked_because"), QJsonArray::fromStringList(m.blockedBecause)}};
        o.insert(QStringLiteral("pending_request"),
                 m.pendingRequest ? QJsonValue(m.pendingRequest->id) : QJsonValue());
        rows.append(o);
    }
    return {{QStringLiteral("wave"), wave.name},
            {QStringLiteral("date"), wave.date.toString(Qt::ISODate)},
            {QStringLiteral("window_start"), time(wave.windowStart)},
            {QStringLiteral("window_end"), time(wave.windowEnd)},
            {QStringLiteral("window_open"), windowOpen},
            {QStringLiteral("minutes_left"), minutesLeft},
            {QStringLiteral("cut_over"), cutOver},
            {QStringLiteral("rolled_back"), rolledBack},
            {QStringLiteral("to_go"), toGo},
            {QStringLiteral("progress"), progressText(zone)},
            {QStringLiteral("members"), rows}};
}

WaveStatus WaveStatus::compute(Store &store, const StoreSnapshot &snapshot, const Wave &wave,
                               const QDateTime &now)
{
    QList<AuditEntry> audit;
    for (const QString &id : wave.members)
        audit += store.auditLog(id);
    const Calendar calendar(snapshot.inventory);
    // The cloud runs from the window's start to the night after it.
    const QList<RunEvent> runs = store.runEventsBetween(
        calendar.localDate(wave.windowStart), calendar.localDate(wave.windowEnd).addDays(2));
    return compute(snapshot, wave, audit, runs, store.changeRequests(), now);
}

namespace {

// One member's five steps, in the runbook's order, from the snapshot, the audit log, the runs
// and the requests: the gate, the pre-check, the cutover, the first cloud run and the parity
// of its first night.
class MemberSteps
{
public:
    using Member = WaveStatus::Member;

    MemberSteps(const StoreSnapshot &s, const Wave &wave, const QList<AuditEntry> &audit,
                const QList<RunEvent> &runs, const QDateTime &now)
        : m_s(s), m_wave(wave), m_audit(audit), m_runs(runs), m_now(now), m_calendar(s.inventory),
          m_today(m_calendar.localDate(now)), m_rules(s, now)
    {
    }

    // The member, and the rollback of its last cutover if there was one.
    Member read(const Pipeline &p, const QList<ChangeRequest> &requests,
                QList<ChangeRequest> &pending, const AuditEntry **back) const
    {
        Member m;
        m.cutover.detail = QStringLiteral("not yet");
        m.firstCloudRun.detail = QStringLiteral("after the cutover");
        m.firstNightParity.detail = QStringLiteral("after the first night in the cloud");
        m.pipeline = p.id;
        m.owner = p.owner;
        m.risk = p.risk;
        m.state = m_s.stateOf(p.id);
        for (const ChangeRequest &r : requests)
            if (r.pipeline == p.id && r.statusText(m_now) == QLatin1String("pending")) {
                m.pendingRequest = r;
                pending.prepend(r); // requests come newest first
            }
        gate(p, m);
        const AuditEntry *cut = last(m_audit, p.id, QStringLiteral("cutover"), QDateTime());
        *back = cut ? last(m_audit, p.id, QStringLiteral("rollback"), cut->at) : nullptr;
        const bool cloud = canonicalSide(m.state) == Side::Cloud;
        if (cut)
            cutover(*cut, cloud, m);
        precheck(p, cloud, m);
        if (cut && cloud) {
            firstCloudRun(p, *cut, m);
            firstNightParity(p, *cut, m);
        }
        return m;
    }

    QString when(const QDateTime &at, const QString &format) const
    {
        return m_calendar.format(at, format);
    }

private:
    const StoreSnapshot &m_s;
    const Wave &m_wave;
    const QList<AuditEntry> &m_audit;
    const QList<RunEvent> &m_runs;
    const QDateTime m_now;
    const Calendar m_calendar;
    const QDate m_today;
    const MigrationRules m_rules;

    // 1. The dual-run gate, as it stands today: ticked only when it passes now (a member cut over
    // on a passing gate whose parity broke since is not ticked).
    void gate(const Pipeline &p, Member &m) const
    {
        const ParityGate::Evaluation gate = ParityService::evaluate(m_s, p.id, m_today).gate;
        m.gate.done = gate.status == ParityGate::Status::Passed;
        m.gate.detail = QStringLiteral("today: %1, %2 clean night(s), %3 needed")
                            .arg(gateStatusName(gate.status))
                            .arg(gate.cleanRuns)
                            .arg(gate.runsRequired);
        if (gate.latest) {
            m.gate.by = gate.latest->recordedBy;
            m.gate.at = gate.latest->recordedAt;
        }
        if (gate.status == ParityGate::Status::Passed)
            flagMappingChanges(p, m);
    }

    // A change to what the diff compares that turned a failing gate green.
    void flagMappingChanges(const Pipeline &p, Member &m) const
    {
        for (const AuditEntry &a : m_audit) {
            if (a.pipeline != p.id || (a.action != QLatin1String("parity_map") &&
                                       a.action != QLatin1String("parity_map_remove")))
                continue;
            // failing then: a breach recorded before the change and not yet resolved by it
            bool failingThen = false;
            for (const ParityResult &r : m_s.parity.value(p.id))
                failingThen =
                    failingThen || (!r.isWithin(p.parityTolerance) && r.recordedAt <= a.at &&
                                    (!r.isResolved() || a.at < r.resolvedAt));
            if (failingThen)
                m.gateFlags << QStringLiteral("the parity mapping was changed by %1 on %2 while "
                                              "the gate was failing, and the gate is green "
                                              "since: review it (%3)")
                                   .arg(a.actor, when(a.at, QStringLiteral("yyyy-MM-dd HH:mm")),
                                        a.reason);
        }
    }

    // 3. The cutover, as the audit log has it (in this wave's window or before).
    void cutover(const AuditEntry &cut, bool cloud, Member &m) const
    {
        m.cutover.done = cloud;
        m.cutover.by = cut.actor;
        m.cutover.at = cut.at;
        m.cutover.detail = cut.reason;
        if (const AuditEntry *approved =
                last(m_audit, m.pipeline, QStringLiteral("approve"), cut.at);
            approved && approved->at == cut.at)
            m.cutover.detail =
                QStringLiteral("approved by %1: %2").arg(approved->actor, cut.reason);
    }

    // 2. The pre-check: would the cutover go now (what `cutover --dry-run` says).
    void precheck(const Pipeline &p, bool cloud, Member &m) const
    {
        if (cloud) {
            m.precheck.done = true;
            m.precheck.detail = QStringLiteral("passed");
            return;
        }
        const Decision d = m_rules.check(MigrationAction::Cutover,
                                         {p.id, QStringLiteral("wave %1").arg(m_wave.name)});
        bool onlyApproval = !d.reasons.isEmpty();
        for (const Reason &r : d.reasons) {
            onlyApproval = onlyApproval && r.code == Reason::Code::ApprovalNeeded;
            if (r.code != Reason::Code::ApprovalNeeded)
                m.blockedBecause << r.text;
            else if (!m.pendingRequest)
                m.blockedBecause << QStringLiteral("needs a second operator: request it "
                                                   "(daybreakctl request cutover %1), another "
                                                   "operator approves")
                                        .arg(p.id);
        }
        m.precheck.done = d.allowed() || onlyApproval;
        m.precheck.detail = d.allowed()    ? QStringLiteral("would go")
                            : onlyApproval ? QStringLiteral("would go once approved")
                                           : QStringLiteral("refused");
        m.precheck.at = m_now;
    }

    // 4. The first cloud run after the cutover.
    void firstCloudRun(const Pipeline &p, const AuditEntry &cut, Member &m) const
    {
        for (const RunEvent &e : m_runs)
            if (e.pipeline == p.id && e.side == Side::Cloud && e.at >= cut.at &&
                e.kind == RunEvent::Kind::Succeeded) {
                m.firstCloudRun = {true, e.recordedBy, e.at,
                                   QStringLiteral("succeeded, night of %1")
                                       .arg(e.businessDate.toString(Qt::ISODate))};
                return;
            }
        for (const RunEvent &e : m_runs)
            if (e.pipeline == p.id && e.side == Side::Cloud && e.at >= cut.at &&
                e.kind == RunEvent::Kind::Failed) {
                m.firstCloudRun.detail =
                    QStringLiteral("failed at %1").arg(when(e.at, QStringLiteral("HH:mm")));
                return;
            }
        m.firstCloudRun.detail = QStringLiteral("not yet");
    }

    // 5. The parity of the first night wholly after the cutover: a night of business date D
    // runs from noon the day before, so it is the night half a day after the cutover belongs to.
    void firstNightParity(const Pipeline &p, const AuditEntry &cut, Member &m) const
    {
        const QDateTime later = m_calendar.localTime(cut.at.addSecs(12 * 3600));
        const QDate firstNight = later.time().hour() >= 12 ? later.date().addDays(1) : later.date();
        m.firstNightParity.detail =
            QStringLiteral("not yet (night of %1)").arg(firstNight.toString(Qt::ISODate));
        for (const ParityResult &r : m_s.parity.value(p.id))
            if (r.businessDate >= firstNight) {
                const bool clean = r.isWithin(p.parityTolerance) || r.isResolved();
                m.firstNightParity = {
                    clean, r.recordedBy, r.recordedAt,
                    QStringLiteral("%1 on %2 (difference %3%)")
                        .arg(clean ? QStringLiteral("clean") : QStringLiteral("breach"),
                             r.businessDate.toString(Qt::ISODate))
                        .arg(r.worstRelativeDiff() * 100, 0, 'g', 3)};
                return;
            }
    }
};

} // namespace

WaveStatus WaveStatus::compute(const StoreSnapshot &s, const Wave &wave,
                               const QList<AuditEntry> &audit, const QList<RunEvent> &runs,
                               const QList<ChangeRequest> &requests, const QDateTime &now)
{
    WaveStatus st;
    st.wave = wave;
    st.windowOpen = wave.windowStart <= now && now <= wave.windowEnd;
    st.windowCloses = wave.windowEnd;
    st.minutesLeft = st.windowOpen            ? now.secsTo(wave.windowEnd) / 60
                     : now < wave.windowStart ? now.secsTo(wave.windowStart) / 60
                                              : 0;
    const MemberSteps steps(s, wave, audit, runs, now);
    const WaveRules waveRules(s, Calendar(s.inventory).localDate(now));
    bool nextTaken = false;
    for (const QString &id : waveRules.cutoverOrder(wave)) {
        const Pipeline *p = s.inventory.find(id);
        if (!p)
            continue;
        const AuditEntry *back = nullptr;
        Member m = steps.read(*p, requests, st.pendingRequests, &back);
        const bool cloud = canonicalSide(m.state) == Side::Cloud;
        if (cloud) {
            m.standing = Standing::CutOver;
            ++st.cutOver;
        } else if (back && back->at >= wave.windowStart) {
            m.standing = Standing::RolledBack;
            m.cutover.detail =
                QStringLiteral("rolled back by %1 at %2: %3")
                    .arg(back->actor, steps.when(back->at, QStringLiteral("ddd HH:mm")),
                         back->reason);
            ++st.rolledBack;
        } else if (m.pendingRequest && m.precheck.done) {
            m.standing = Standing::AwaitingApproval;
        } else if (m.blockedBecause.isEmpty() && m.precheck.done) {
            m.standing = nextTaken ? Standing::Ready : Standing::Next;
            nextTaken = true;
        } else {
            m.standing = Standing::Blocked;
        }
        if (!cloud && m.standing != Standing::RolledBack)
            ++st.toGo;
        st.members << m;
    }
    return st;
}

} // namespace daybreak
