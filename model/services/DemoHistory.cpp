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

} // namespace

DemoPast demoPast(const Inventory &demo, const QDateTime &now, const QString &actor, quint32 seed)
{
    DemoPast past{demo, {}};
    QRandomGenerator random(seed);
    const Calendar calendar(demo);
    const QDate today = calendar.localDate(now);
    const DependencyGraph graph(demo);

    // The dual-run comparisons; each pipeline's dual run began the day before its first one.
    QList<ParityResult> parity = demoParityHistory(demo, now, actor);
    QHash<QString, QDate> dualRunFrom; // first night with a cloud shadow run
    for (const ParityResult &r : std::as_const(parity))
        if (!dualRunFrom.contains(r.pipeline) || r.businessDate < dualRunFrom.value(r.pipeline))
            dualRunFrom.insert(r.pipeline, r.businessDate);

    // The routing story, oldest first: dual runs, two past waves, one rollback.
    Story story{actor, {}};
    const ChangeWindowPolicy &policy = demo.changeWindow;
    const QDate pilotDay = pastWaveDay(policy, today, 5);
    const QDate recutDay = pastWaveDay(policy, today, 3);
    const QDate clickDay = pastWaveDay(policy, today, 1);
    StoreSnapshot planning;
    planning.inventory = demo;
    const WaveRules rules(planning, pilotDay);
    Wave pilot = rules.makeWave(QStringLiteral("Pilot"), pilotDay);
    Wave clickstream = rules.makeWave(QStringLiteral("Clickstream"), clickDay);
    for (Wave *w : {&pilot, &clickstream}) {
        const QDateTime planned = calendar.at(w->date.addDays(-12), QTime(11, 0));
        story.add(planned, QStringLiteral("wave_add"), {}, {}, w->name,
                  QStringLiteral("%1, capacity %2, at most %3 high-risk")
                      .arg(w->date.toString(Qt::ISODate))
                      .arg(w->capacity)
                      .arg(w->maxHighRisk));
        for (const QString &id : w == &pilot ? kPilotWave : kClickstreamWave) {
            const Pipeline *p = demo.find(id);
            if (!p || p->initialState != State::Cloud)
                continue;
            w->members.append(id);
            story.add(planned.addSecs(60 * w->members.size()), QStringLiteral("wave_assign"), id,
                      {}, w->name, {});
        }
    }
    for (const Pipeline &p : demo.pipelines()) {
        if (!migrating(p.initialState))
            continue;
        const QDate from = dualRunFrom.value(p.id, today.addDays(-63));
        story.move(calendar.at(from.addDays(-1), QTime(10, 0)), QStringLiteral("dual_run"), p.id,
                   State::OnPrem, State::DualRun,
                   QStringLiteral("shadow runs on the cloud side begin"));
    }
    auto cutoverAt = [&](const Wave &w, const QString &id) {
        return calendar.at(w.date, QTime(9, 30)).addSecs(20 * 60 * w.members.indexOf(id));
    };
    QDate rollbackNight;
    for (const Pipeline &p : demo.pipelines()) {
        if (p.initialState != State::Cloud && p.initialState != State::Decommissioned)
            continue;
        const Wave &w = pilot.members.contains(p.id) ? pilot : clickstream;
        const bool planned = w.members.contains(p.id);
        const QDateTime at = planned ? cutoverAt(w, p.id) : calendar.at(clickDay, QTime(15, 0));
        story.move(at, QStringLiteral("cutover"), p.id, State::DualRun, State::Cloud,
                   QStringLiteral("wave %1: parity gate passed").arg(w.name), !planned);
        if (p.id == kRolledBack) {
            // Its first cloud night came up short; rolled back the next morning, cut over again
            // two weeks later once the loader was fixed (outside any wave: unplanned).
            rollbackNight = w.date.addDays(1);
            story.move(calendar.at(rollbackNight, QTime(7, 40)), QStringLiteral("rollback"), p.id,
                       State::Cloud, State::DualRun,
                       QStringLiteral("the first cloud night loaded 3% fewer rows than on-prem"));
            story.move(calendar.at(recutDay, QTime(10, 15)), QStringLiteral("cutover"), p.id,
                       State::DualRun, State::Cloud,
                       QStringLiteral("loader fixed; parity clean since the rollback"), true);
        }
        if (p.initialState == State::Decommissioned)
            story.move(at.addDays(7), QStringLiteral("decommission"), p.id, State::Cloud,
                       State::Decommissioned, QStringLiteral("on-prem job retired"));
    }
    for (ParityResult &r : parity) {
        if (r.pipeline == kRolledBack && r.businessDate == rollbackNight) {
            r.cloudRows = r.onpremRows - r.onpremRows * 3 / 100;
            r.mismatchedRows = r.onpremRows / 33;
            r.maxRelativeDiff = 0.03;
            r.note = QStringLiteral("first cloud night: loader dropped late files");
            // Explained the day after the rollback: a bug of the new side, fixed since.
            r.resolution = BreachResolution::NewBug;
            r.resolvedBy = actor;
            r.resolvedAt = calendar.at(rollbackNight.addDays(1), QTime(11, 0));
            r.resolvedReason = QStringLiteral("cloud loader skipped files landing after 01:00");
            story.add(r.resolvedAt, QStringLiteral("parity_explain"), r.pipeline, {},
                      resolutionName(r.resolution),
                      QStringLiteral("%1: %2").arg(r.businessDate.toString(Qt::ISODate),
                                                   r.resolvedReason));
        }
        // Each comparison was recorded the morning after its night.
        r.recordedAt = std::min(now, calendar.at(r.businessDate, QTime(7, 30)));
    }

    // The nightly runs, both sides, from the first dual run up to now.
    QDate first = today.addDays(-62);
    for (const QDate &d : std::as_const(dualRunFrom))
        first = std::min(first, d.addDays(-1));
    const QDate lastNight = calendar.businessDate(now);
    const QString failing = mostReadExtract(demo, graph);
    const QDate failNightA = today.addDays(-(9 + int(random.bounded(6))));
    const QDate failNightB = today.addDays(-(30 + int(random.bounded(10))));
    const QStringList order = graph.topologicalOrder();
    QList<RunEvent> events;
    auto event = [&](const QString &id, const QDate &night, Side side, RunEvent::Kind kind,
                     const QDateTime &at) {
        if (at <= now)
            events.append({0, id, night, side, kind, at, kOrchestrator});
    };
    for (QDate night = first; night <= lastNight; night = night.addDays(1)) {
        const QDate closing = night.addDays(-1); // the day whose data the night processes
        const bool monthEnd = closing.day() == closing.daysInMonth();
        const bool quarterEnd = monthEnd && closing.month() % 3 == 0;
        QHash<QString, QDateTime> onpremDone;
        for (const Side side : {Side::OnPrem, Side::Cloud}) {
            QHash<QString, QDateTime> done;
            for (const QString &id : order) {
                const Pipeline *p = demo.find(id);
                if (!p)
                    continue;
                if (side == Side::Cloud &&
                    (!migrating(p->initialState) || night < dualRunFrom.value(id, lastNight)))
                    continue;
                QDateTime start =
                    p->schedule
                        ? calendar.at(*p->schedule >= QTime(12, 0) ? closing : night, *p->schedule)
                        : calendar.at(night, QTime(0, 0));
                for (const QString &up : p->upstreams) {
                    // A cloud run reads its upstream's cloud run, or on-prem where there is none.
                    const QDateTime ready = done.value(up, onpremDone.value(up));
                    if (ready.isValid())
                        start = std::max(start, ready);
                }
                start = start.addSecs(60 * qint64(random.bounded(4)));
                double factor = 0.88 + 0.3 * random.generateDouble();
                if (monthEnd)
                    factor *= side == Side::OnPrem ? 1.35 : 1.2;
                if (quarterEnd)
                    factor *= side == Side::OnPrem ? 1.6 : 1.3;
                if (id == kGrowing) // as long as the inventory says nine weeks ago
                    factor *= std::pow(1.0 + kGrowthPerWeek, double(first.daysTo(night)) / 7.0);
                const int base = side == Side::OnPrem ? p->onpremMinutes : p->cloudMinutes;
                const qint64 minutes = std::max<qint64>(1, std::llround(base * factor));
                event(id, night, side, RunEvent::Kind::Started, start);
                QDateTime finish = start.addSecs(60 * minutes);
                if (side == Side::OnPrem && id == failing &&
                    (night == failNightA || night == failNightB)) {
                    // Fails part way, the orchestrator retries after a wait, and the rerun
                    // finishes late: everything downstream is late with it.
                    const QDateTime failed = start.addSecs(60 * minutes * 6 / 10);
                    event(id, night, side, RunEvent::Kind::Failed, failed);
                    event(id, night, side, RunEvent::Kind::Retrying, failed.addSecs(20 * 60));
                    const QDateTime rerun = failed.addSecs((night == failNightA ? 95 : 70) * 60);
                    event(id, night, side, RunEvent::Kind::Started, rerun);
                    finish = rerun.addSecs(60 * minutes);
                }
                event(id, night, side, RunEvent::Kind::Succeeded, finish);
                done.insert(id, finish);
            }
            if (side == Side::OnPrem)
                onpremDone = done;
        }
    }
    std::stable_sort(events.begin(), events.end(),
                     [](const RunEvent &a, const RunEvent &b) { return a.at < b.at; });

    AuditEntry parityAudit;
    parityAudit.at = now;
    parityAudit.actor = actor;
    parityAudit.action = QStringLiteral("parity_import");
    parityAudit.reason = QStringLiteral("demo dual-run history: %1 results").arg(parity.size());
    std::stable_sort(story.audit.begin(), story.audit.end(),
                     [](const AuditEntry &a, const AuditEntry &b) { return a.at < b.at; });
    story.audit.append(parityAudit);

    QList<Pipeline> pipelines = demo.pipelines();
    for (Pipeline &p : pipelines)
        p.initialState = State::OnPrem;
    past.inventory.setPipelines(pipelines);
    past.history.audit = story.audit;
    past.history.waves = {pilot, clickstream};
    past.history.runEvents = events;
    past.history.parity = parity;
    return past;
}

} // namespace daybreak
