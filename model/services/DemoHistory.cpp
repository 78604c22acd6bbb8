#include "DemoHistory.h"

#include "Calendar.h"
#include "DemoData.h"
#include "DependencyGraph.h"
#include "WaveRules.h"

#include <QRandomGenerator>

#include <algorithm>
#include <cmath>

namespace daybreak {

namespace {

const QString kOrchestrator = QStringLiteral("orchestrator");

// The demo's story, by pipeline: what the past waves held, and the one that was rolled back.
const QStringList kPilotWave{QStringLiteral("fx_rates_extract"), QStringLiteral("stg_fx_rates"),
                             QStringLiteral("ads_spend_extract")};
const QStringList kClickstreamWave{QStringLiteral("web_clickstream_extract"),
                                   QStringLiteral("stg_clickstream")};
const QString kRolledBack = QStringLiteral("ads_spend_extract");
// Its data grows: each week its runs take 2 % longer, on both sides.
const QString kGrowing = QStringLiteral("mart_customer_360");
constexpr double kGrowthPerWeek = 0.02;

bool migrating(State s)
{
    return s != State::OnPrem;
}

// The weekend `weeksBack` weeks before the last one that is over, moved further back while it
// touches a blackout date.
QDate pastWaveDay(const ChangeWindowPolicy &policy, const QDate &today, int weeksBack)
{
    QDate day = today.addDays(-2);
    while (day.dayOfWeek() != policy.startDay)
        day = day.addDays(-1);
    day = day.addDays(-7 * weeksBack);
    while (policy.blackoutDates.contains(day) || policy.blackoutDates.contains(day.addDays(1)))
        day = day.addDays(-7);
    return day;
}

struct Story
{
    const QString &actor;
    QList<AuditEntry> audit;

    void add(const QDateTime &at, const QString &action, const QString &pipeline,
             const QString &from, const QString &to, const QString &reason, bool unplanned = false)
    {
        audit.append({0, at, actor, action, pipeline, from, to, reason, false, unplanned, {}});
    }
    void move(const QDateTime &at, const QString &action, const QString &pipeline, State from,
              State to, const QString &reason, bool unplanned = false)
    {
        add(at, action, pipeline, stateName(from), stateName(to), reason, unplanned);
    }
};

// The pipeline whose failure hurts most: the scheduled one with the most pipelines reading it.
QString mostReadExtract(const Inventory &inventory, const DependencyGraph &graph)
{
    QString best;
    qsizetype readers = -1;
    for (const Pipeline &p : inventory.pipelines()) {
        if (!p.schedule || p.staysOnPrem())
            continue;
        const qsizetype n = graph.downstreamClosure(p.id).size();
        if (n > readers) {
            readers = n;
            best = p.id;
        }
    }
    return best;
}

// The demo's past, told in the order it happened: the dual runs begin, two waves are planned and
// cut over, one pipeline is rolled back and its breach explained, and every night both sides
// run.
class PastBuilder
{
public:
    PastBuilder(const Inventory &demo, const QDateTime &now, const QString &actor, quint32 seed)
        : m_demo(demo), m_now(now), m_actor(actor), m_random(seed), m_calendar(demo),
          m_today(m_calendar.localDate(now)), m_graph(demo), m_story{actor, {}}
    {
    }

    DemoPast build()
    {
        // The dual-run comparisons; each pipeline's dual run began the day before its first one.
        m_parity = demoParityHistory(m_demo, m_now, m_actor);
        for (const ParityResult &r : std::as_const(m_parity))
            if (!m_dualRunFrom.contains(r.pipeline) ||
                r.businessDate < m_dualRunFrom.value(r.pipeline))
                m_dualRunFrom.insert(r.pipeline, r.businessDate);
        // The routing story, oldest first: dual runs, two past waves, one rollback.
        planWaves();
        beginDualRuns();
        cutOver();
        recordComparisons();
        const QList<RunEvent> events = runNights();

        AuditEntry parityAudit;
        parityAudit.at = m_now;
        parityAudit.actor = m_actor;
        parityAudit.action = QStringLiteral("parity_import");
        parityAudit.reason =
            QStringLiteral("demo dual-run history: %1 results").arg(m_parity.size());
        std::stable_sort(m_story.audit.begin(), m_story.audit.end(),
                         [](const AuditEntry &a, const AuditEntry &b) { return a.at < b.at; });
        m_story.audit.append(parityAudit);

        DemoPast past{m_demo, {}};
        QList<Pipeline> pipelines = m_demo.pipelines();
        for (Pipeline &p : pipelines)
            p.initialState = State::OnPrem;
        past.inventory.setPipelines(pipelines);
        past.history.audit = m_story.audit;
        past.history.waves = {m_pilot, m_clickstream};
        past.history.runEvents = events;
        past.history.parity = m_parity;
        return past;
    }

private:
    const Inventory &m_demo;
    const QDateTime m_now;
    const QString &m_actor;
    QRandomGenerator m_random;
    const Calendar m_calendar;
    const QDate m_today;
    const DependencyGraph m_graph;
    Story m_story;
    QList<ParityResult> m_parity;
    QHash<QString, QDate> m_dualRunFrom; // first night with a cloud shadow run
    QDate m_recutDay, m_clickDay, m_rollbackNight;
    Wave m_pilot, m_clickstream;

    void planWaves()
    {
        const ChangeWindowPolicy &policy = m_demo.changeWindow;
        const QDate pilotDay = pastWaveDay(policy, m_today, 5);
        m_recutDay = pastWaveDay(policy, m_today, 3);
        m_clickDay = pastWaveDay(policy, m_today, 1);
        StoreSnapshot planning;
        planning.inventory = m_demo;
        const WaveRules rules(planning, pilotDay);
        m_pilot = rules.makeWave(QStringLiteral("Pilot"), pilotDay);
        m_clickstream = rules.makeWave(QStringLiteral("Clickstream"), m_clickDay);
        for (Wave *w : {&m_pilot, &m_clickstream}) {
            const QDateTime planned = m_calendar.at(w->date.addDays(-12), QTime(11, 0));
            m_story.add(planned, QStringLiteral("wave_add"), {}, {}, w->name,
                        QStringLiteral("%1, capacity %2, at most %3 high-risk")
                            .arg(w->date.toString(Qt::ISODate))
                            .arg(w->capacity)
                            .arg(w->maxHighRisk));
            for (const QString &id : w == &m_pilot ? kPilotWave : kClickstreamWave) {
                const Pipeline *p = m_demo.find(id);
                if (!p || p->initialState != State::Cloud)
                    continue;
                w->members.append(id);
                m_story.add(planned.addSecs(60 * w->members.size()), QStringLiteral("wave_assign"),
                            id, {}, w->name, {});
            }
        }
    }

    void beginDualRuns()
    {
        for (const Pipeline &p : m_demo.pipelines()) {
            if (!migrating(p.initialState))
                continue;
            const QDate from = m_dualRunFrom.value(p.id, m_today.addDays(-63));
            m_story.move(m_calendar.at(from.addDays(-1), QTime(10, 0)), QStringLiteral("dual_run"),
                         p.id, State::OnPrem, State::DualRun,
                         QStringLiteral("shadow runs on the cloud side begin"));
        }
    }

    void cutOver()
    {
        for (const Pipeline &p : m_demo.pipelines()) {
            if (p.initialState != State::Cloud && p.initialState != State::Decommissioned)
                continue;
            const Wave &w = m_pilot.members.contains(p.id) ? m_pilot : m_clickstream;
            const bool planned = w.members.contains(p.id);
            const QDateTime at =
                planned
                    ? m_calendar.at(w.date, QTime(9, 30)).addSecs(20 * 60 * w.members.indexOf(p.id))
                    : m_calendar.at(m_clickDay, QTime(15, 0));
            m_story.move(at, QStringLiteral("cutover"), p.id, State::DualRun, State::Cloud,
                         QStringLiteral("wave %1: parity gate passed").arg(w.name), !planned);
            if (p.id == kRolledBack)
                rollBack(p.id, w);
            if (p.initialState == State::Decommissioned)
                m_story.move(at.addDays(7), QStringLiteral("decommission"), p.id, State::Cloud,
                             State::Decommissioned, QStringLiteral("on-prem job retired"));
        }
    }

    // Its first cloud night came up short; rolled back the next morning, cut over again two
    // weeks later once the loader was fixed (outside any wave: unplanned).
    void rollBack(const QString &id, const Wave &w)
    {
        m_rollbackNight = w.date.addDays(1);
        m_story.move(m_calendar.at(m_rollbackNight, QTime(7, 40)), QStringLiteral("rollback"), id,
                     State::Cloud, State::DualRun,
                     QStringLiteral("the first cloud night loaded 3% fewer rows than on-prem"));
        m_story.move(m_calendar.at(m_recutDay, QTime(10, 15)), QStringLiteral("cutover"), id,
                     State::DualRun, State::Cloud,
                     QStringLiteral("loader fixed; parity clean since the rollback"), true);
    }

    void recordComparisons()
    {
        for (ParityResult &r : m_parity) {
            if (r.pipeline == kRolledBack && r.businessDate == m_rollbackNight)
                breachOfTheRollbackNight(r);
            // Each comparison was recorded the morning after its night.
            r.recordedAt = std::min(m_now, m_calendar.at(r.businessDate, QTime(7, 30)));
        }
    }

    // Explained the day after the rollback: a bug of the new side, fixed since.
    void breachOfTheRollbackNight(ParityResult &r)
    {
        r.cloudRows = r.onpremRows - r.onpremRows * 3 / 100;
        r.mismatchedRows = r.onpremRows / 33;
        r.maxRelativeDiff = 0.03;
        r.note = QStringLiteral("first cloud night: loader dropped late files");
        r.resolution = BreachResolution::NewBug;
        r.resolvedBy = m_actor;
        r.resolvedAt = m_calendar.at(m_rollbackNight.addDays(1), QTime(11, 0));
        r.resolvedReason = QStringLiteral("cloud loader skipped files landing after 01:00");
        m_story.add(
            r.resolvedAt, QStringLiteral("parity_explain"), r.pipeline, {},
            resolutionName(r.resolution),
            QStringLiteral("%1: %2").arg(r.businessDate.toString(Qt::ISODate), r.resolvedReason));
    }

    struct Nightly
    {
        QDate first, last, failNightA, failNightB;
        QString failing;
        QStringList order;
        QList<RunEvent> events;
    };

    // The nightly runs, both sides, from the first dual run up to now.
    QList<RunEvent> runNights()
    {
        Nightly n;
        n.first = m_today.addDays(-62);
        for (const QDate &d : std::as_const(m_dualRunFrom))
            n.first = std::min(n.first, d.addDays(-1));
        n.last = m_calendar.businessDate(m_now);
        n.failing = mostReadExtract(m_demo, m_graph);
        n.failNightA = m_today.addDays(-(9 + int(m_random.bounded(6))));
        n.failNightB = m_today.addDays(-(30 + int(m_random.bounded(10))));
        n.order = m_graph.topologicalOrder();
        for (QDate night = n.first; night <= n.last; night = night.addDays(1)) {
            QHash<QString, QDateTime> onpremDone;
            for (const Side side : {Side::OnPrem, Side::Cloud}) {
                QHash<QString, QDateTime> done;
                for (const QString &id : std::as_const(n.order))
                    if (const Pipeline *p = m_demo.find(id);
                        p && (side == Side::OnPrem || (migrating(p->initialState) &&
                                                       night >= m_dualRunFrom.value(id, n.last))))
                        done.insert(id, run(*p, night, side, done, onpremDone, n));
                if (side == Side::OnPrem)
                    onpremDone = done;
            }
        }
        std::stable_sort(n.events.begin(), n.events.end(),
                         [](const RunEvent &a, const RunEvent &b) { return a.at < b.at; });
        return n.events;
    }

    void event(Nightly &n, const QString &id, const QDate &night, Side side, RunEvent::Kind kind,
               const QDateTime &at) const
    {
        if (at <= m_now)
            n.events.append({0, id, night, side, kind, at, kOrchestrator});
    }

    // One run of `p` on `side`: after its schedule and its upstreams, a little late at random,
    // longer at a month- or quarter-end; returns when it finished.
    QDateTime run(const Pipeline &p, const QDate &night, Side side,
                  const QHash<QString, QDateTime> &done,
                  const QHash<QString, QDateTime> &onpremDone, Nightly &n)
    {
        const QDate closing = night.addDays(-1); // the day whose data the night processes
        const bool monthEnd = closing.day() == closing.daysInMonth();
        const bool quarterEnd = monthEnd && closing.month() % 3 == 0;
        QDateTime start =
            p.schedule ? m_calendar.at(*p.schedule >= QTime(12, 0) ? closing : night, *p.schedule)
                       : m_calendar.at(night, QTime(0, 0));
        for (const QString &up : p.upstreams) {
            // A cloud run reads its upstream's cloud run, or on-prem where there is none.
            const QDateTime ready = done.value(up, onpremDone.value(up));
            if (ready.isValid())
                start = std::max(start, ready);
        }
        start = start.addSecs(60 * qint64(m_random.bounded(4)));
        double factor = 0.88 + 0.3 * m_random.generateDouble();
        if (monthEnd)
            factor *= side == Side::OnPrem ? 1.35 : 1.2;
        if (quarterEnd)
            factor *= side == Side::OnPrem ? 1.6 : 1.3;
        if (p.id == kGrowing) // as long as the inventory says nine weeks ago
            factor *= std::pow(1.0 + kGrowthPerWeek, double(n.first.daysTo(night)) / 7.0);
        const int base = side == Side::OnPrem ? p.onpremMinutes : p.cloudMinutes;
        const qint64 minutes = std::max<qint64>(1, std::llround(base * factor));
        event(n, p.id, night, side, RunEvent::Kind::Started, start);
        QDateTime finish = start.addSecs(60 * minutes);
        if (side == Side::OnPrem && p.id == n.failing &&
            (night == n.failNightA || night == n.failNightB)) {
            // Fails part way, the orchestrator retries after a wait, and the rerun finishes
            // late: everything downstream is late with it.
            const QDateTime failed = start.addSecs(60 * minutes * 6 / 10);
            event(n, p.id, night, side, RunEvent::Kind::Failed, failed);
            event(n, p.id, night, side, RunEvent::Kind::Retrying, failed.addSecs(20 * 60));
            const QDateTime rerun = failed.addSecs((night == n.failNightA ? 95 : 70) * 60);
            event(n, p.id, night, side, RunEvent::Kind::Started, rerun);
            finish = rerun.addSecs(60 * minutes);
        }
        event(n, p.id, night, side, RunEvent::Kind::Succeeded, finish);
        return finish;
    }
};

} // namespace

DemoPast demoPast(const Inventory &demo, const QDateTime &now, const QString &actor, quint32 seed)
{
    return PastBuilder(demo, now, actor, seed).build();
}

} // namespace daybreak
