#pragma once

#include "Backtest.h"
#include "LearnedDurations.h"
#include "NightSensors.h"
#include "Outcome.h"
#include "RunEvent.h"
#include "SlaAlert.h"
#include "SlaProjection.h"
#include "StoreTypes.h"

#include <QTimeZone>

#include <memory>
#include <optional>

namespace daybreak {

class Clock;
class Store;

// The live 6am view: records the orchestrator's run events, projects a night on each pipeline's
// canonical side (shadow runs for dual-running ones), and runs the sensors that raise an alert
// the moment a report turns at-risk or breached.
class SlaService
{
public:
    SlaService(Store &store, const Clock &clock, QString actor);
    void setSensorSettings(const SensorSettings &settings) { m_sensors = settings; }
    // The durations a night learns from its history, kept across evaluations by a long-lived
    // caller (the console, the watch) so the history is read once per night, not on each tick;
    // learned again after kRelearnMinutes (a run history imported meanwhile counts).
    struct LearnedCache
    {
        QString store; // its location: a console that switches stores learns anew
        QDate night;
        QDateTime learnedAt;
        std::shared_ptr<const LearnedDurations> learned;
        // What every projection of this inventory needs, kept while the inventory and the
        // learned durations stay: a busy night re-projects several times a second.
        struct Shape
        {
            Inventory source; // the inventory as the snapshot had it
            const LearnedDurations *learned = nullptr;
            Inventory applied; // with the learned durations
            QStringList order; // topological
            std::shared_ptr<const DependencyGraph> graph;
            // Which reports each pipeline reaches on it, for the sensors' threats.
            std::shared_ptr<const DependencyGraph::Reach> reports;
        };
        std::shared_ptr<const Shape> shape;
        // The last projection a caller evaluated, with what it was made of.
        struct Projected
        {
            std::shared_ptr<const Shape> shape;
            QHash<QString, RoutingPointer> routing;
            quint64 eventsGeneration = 0; // NightEvents::generation it was projected with
            SlaProjection projection;
        };
        std::shared_ptr<const Projected> projected;
        // The night's run events as of feed entry `asOf`, per pipeline: each wake-up reads only
        // the pipelines the feed names since (a night at 10,000 pipelines holds tens of
        // thousands of events by 6am).
        struct NightEvents
        {
            QString store;
            QDate night;
            qint64 asOf = 0;
            quint64 generation = 0;                     // counts the updates that changed something
            quint64 wholeReadAt = 0;                    // the generation of the last whole read
            QHash<QString, QList<RunEvent>> byPipeline; // each in the store's order (at, id)
            QHash<QString, quint64> changedIn;          // pipeline -> generation it last changed
            QList<RunEvent> all;                        // grouped by pipeline
        };
        std::optional<NightEvents> events;
        // The night's alerts as the store held them at feed entry `feedSeq`, kept until the
        // feed names the alerts again (a night of a thousand late runs holds a thousand).
        struct HeldAlerts
        {
            QDate night;
            qint64 feedSeq = 0;
            QList<SlaAlert> alerts;
        };
        std::optional<HeldAlerts> alerts;
    };
    static constexpr int kRelearnMinutes = 60;
    void setLearnedCache(LearnedCache *cache) { m_cache = cache; }
    // The durations `night` is projected with (from the cache when it holds them).
    std::shared_ptr<const LearnedDurations> learned(const Inventory &inventory, const QDate &night);
    // `night` projected on the learned durations with its run events so far: what evaluate(),
    // the blast radius and the metrics show.
    SlaProjection projectNight(const StoreSnapshot &snapshot, const QDate &night);

    struct Night
    {
        SlaProjection projection;
        QList<SlaAlert> alerts;      // all of the night, oldest first
        QList<SlaAlert> raisedNow;   // raised by this evaluation
        QList<SlaAlert> resolvedNow; // resolved by it: their cause cleared
        bool anyAtRiskOrBreached() const;
    };

    // The night whose 6am comes next (business date of now in the inventory's zone).
    QDate currentNight() const;
    static QDate currentNight(const Inventory &inventory, const QDateTime &now);
    // Projects `businessDate`; for the current night the sensors raise new alerts.
    Night evaluate(const QDate &businessDate);
    // The same on a snapshot the caller already holds (the console's), sparing a store read.
    Night evaluate(const StoreSnapshot &snapshot, const QDate &businessDate);
    // `learned`: the durations learned from history (null: the inventory's figures).
    // `shape`: the inventory's shape with those durations (null: worked out here).
    static SlaProjection project(const StoreSnapshot &snapshot, const QDate &businessDate,
                                 const QList<RunEvent> &events, const QDateTime &now,
                                 const LearnedDurations *learned = nullptr,
                                 const LearnedCache::Shape *shape = nullptr,
                                 const LearnedCache::Projected *previous = nullptr,
                                 const QSet<QString> *eventsChanged = nullptr);
    // The shape of `inventory` with `learned` (from the cache when it holds it).
    std::shared_ptr<const LearnedCache::Shape> shapeOf(const Inventory &inventory,
                                                       const LearnedDurations *learned);
    // The recorded nights from `from` to `to` replayed as if live (Backtest), on the routing each
    // night had, with the durations each learned from the nights before it.
    Backtest::Result backtest(const QDate &from, const QDate &to,
                              const Backtest::Settings &settings = {});
    // The same in two halves, for a console: what the store must give (read on its thread) and
    // the replay (on any thread: it touches no store).
    struct BacktestInputs
    {
        StoreSnapshot snapshot;
        QList<AuditEntry> audit;
        QList<RunEvent> events;
        QDate from, to;
    };
    BacktestInputs backtestInputs(const QDate &from, const QDate &to);
    static Backtest::Result backtest(const BacktestInputs &inputs,
                                     const Backtest::Settings &settings = {});
    // The nights a calibration looks back over by default.
    static constexpr int kBacktestNights = 60;

    // The reports `pipeline` feeds tonight (itself, if it is one), each with its slack: minutes
    // from the p95 finish to the deadline (negative: late at p95). What a cutover or rollback
    // puts at stake.
    struct Exposure
    {
        QString report;
        QDateTime deadline;
        QDateTime p95Finish;
        int slackMinutes = 0;
    };
    static QList<Exposure> blastRadius(const Inventory &inventory, const SlaProjection &projection,
                                       const QString &pipeline);
    // "rpt_finance_flash 06:00 (slack 45 min), rpt_store_ops 06:00 (late at p95 by 10 min)", or
    // "no 6am report" when it feeds none.
    static QString blastRadiusText(const QList<Exposure> &exposures, const QTimeZone &zone);

    // Alerts for reports that are at risk or breached, naming the cause on the critical path.
    static QList<SlaAlert> sense(const SlaProjection &projection, const QDateTime &now);

    using EventOutcome = Outcome;
    // Appends the event, nothing more (the watch and the consoles project and raise alerts).
    // `event.businessDate` may be empty: it is derived from `event.at` (or now).
    EventOutcome recordEvent(RunEvent event);
    // Unknown when there is no such alert or it was acknowledged already.
    Outcome acknowledge(qint64 alertId);

private:
    // The night's alerts, from the cache while the change feed says they have not changed.
    QList<SlaAlert> storedAlerts(const QDate &night);
    // The night's run events, from the cache brought up to date by the change feed.
    QList<RunEvent> nightEvents(const QDate &night);

    Store &m_store;
    const Clock &m_clock;
    QString m_actor;
    SensorSettings m_sensors;
    LearnedCache *m_cache = nullptr;
};

} // namespace daybreak
