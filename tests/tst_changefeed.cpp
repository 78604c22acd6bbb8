// The change feed (schema migration 15) and the consoles that follow it: after any sequence of
// changes, a picture brought up to date from the feed equals a fresh full read, on SQLite and on
// PostgreSQL; a console that fell behind reads everything once and says so in its log; and the
// views updated row by row equal the views drawn whole.
#include "DependencyEdgeItem.h"
#include "GraphScene.h"
#include "InventoryService.h"
#include "ManualClock.h"
#include "PipelineNodeItem.h"
#include "PipelineTableModel.h"
#include "SlaService.h"
#include "StoreSession.h"
#include "TestStores.h"

#include <QRandomGenerator>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>
#include <QTimeZone>

#include <array>
#include <functional>

using namespace daybreak;
using namespace daybreak::TestStores;

namespace {
const QDateTime kAt(QDate(2026, 11, 28), QTime(9, 0), Qt::UTC);
const QDate kNight(2026, 11, 27);

QStringList feedLog;
void captureFeedLog(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (context.category && QLatin1String(context.category) == QLatin1String("daybreak.feed"))
        feedLog << message;
    else if (type == QtFatalMsg)
        abort();
}

// The next state a pipeline's pointer can move to, or none.
std::optional<State> nextState(State s, bool back)
{
    switch (s) {
    case State::OnPrem:
        return State::DualRun;
    case State::DualRun:
        return State::Cloud;
    case State::Cloud:
        return back ? State::DualRun : State::Decommissioned;
    case State::Decommissioned:
        return std::nullopt;
    }
    return std::nullopt;
}
} // namespace

class TestChangeFeed : public QObject
{
    Q_OBJECT

private:
    TestBackend m_backend;
    QString m_url;

    // A store with the demo's 66 pipelines and its history.
    QString demoStore()
    {
        const QString url = m_backend.freshUrl();
        std::unique_ptr<SqlStore> store = m_backend.open(url);
        ManualClock clock(QDateTime(QDate(2026, 11, 28), QTime(9, 0), QTimeZone("Europe/Berlin")));
        [&] { QVERIFY(InventoryService(*store, clock, QStringLiteral("t")).importDemo().ok()); }();
        return url;
    }

    // One random change of the kinds a night brings; returns what it touched, for the message.
    QString randomChange(Store &store, QRandomGenerator &random, int step)
    {
        const StoreSnapshot s = store.snapshot();
        const QList<Pipeline> &pipelines = s.inventory.pipelines();
        const Pipeline &p = pipelines.at(random.bounded(int(pipelines.size())));
        const QDateTime at = kAt.addSecs(60 * step);
        switch (random.bounded(6)) {
        case 0: { // routing
            const RoutingPointer rp = s.routing.value(p.id);
            if (const std::optional<State> to = nextState(rp.state, random.bounded(2) == 0)) {
                Transition t = routingChange(p.id, rp.state, *to, rp.version);
                t.audit.at = at;
                store.applyTransition(t);
            }
            return QStringLiteral("routing %1").arg(p.id);
        }
        case 1: { // plan: a wave gets or loses members
            Wave w;
            w.name = QStringLiteral("W%1").arg(random.bounded(3));
            w.date = QDate(2026, 12, 5).addDays(7 * random.bounded(3));
            w.windowStart = QDateTime(w.date, QTime(0, 0), Qt::UTC);
            w.windowEnd = QDateTime(w.date.addDays(1), QTime(23, 59), Qt::UTC);
            w.capacity = 10;
            w.maxHighRisk = 2;
            for (int i = 0; i < random.bounded(4); ++i)
                w.members << pipelines.at(random.bounded(int(pipelines.size()))).id;
            w.members.removeDuplicates();
            PlanChange change;
            change.upsertWaves = {w};
            change.audit = {{0,
                             at,
                             QStringLiteral("lead"),
                             QStringLiteral("wave_add"),
                             {},
                             {},
                             w.name,
                             {},
                             false,
                             false,
                             {}}};
            store.applyPlanChange(change);
            return QStringLiteral("plan %1").arg(w.name);
        }
        case 2: { // parity
            ParityResult r;
            r.pipeline = p.id;
            r.businessDate = kNight.addDays(-random.bounded(5));
            r.onpremRows = 1000;
            r.cloudRows = 1000 - random.bounded(2) * 300;
            r.recordedAt = at;
            r.recordedBy = QStringLiteral("checker");
            recordParity(store, r);
            return QStringLiteral("parity %1").arg(p.id);
        }
        case 3: // a run event: nothing the snapshot holds
            store.recordRunEvent({0, p.id, kNight, random.bounded(2) ? Side::Cloud : Side::OnPrem,
                                  RunEvent::Kind::Started, at, QStringLiteral("orchestrator")});
            return QStringLiteral("run event %1").arg(p.id);
        case 4: { // an alert, then perhaps its acknowledgement
            SlaAlert a;
            a.businessDate = kNight;
            a.report = p.id;
            a.status = QStringLiteral("at_risk");
            a.raisedAt = at;
            a.message = QStringLiteral("%1 at risk").arg(p.id);
            store.raiseAlerts({a});
            const QList<SlaAlert> open = store.alerts(kNight);
            if (!open.isEmpty() && random.bounded(2))
                store.acknowledgeAlert(open.first().id, {0,
                                                         at,
                                                         QStringLiteral("oncall"),
                                                         QStringLiteral("alert_ack"),
                                                         {},
                                                         {},
                                                         {},
                                                         {},
                                                         false,
                                                         false,
                                                         {}});
            return QStringLiteral("alert %1").arg(p.id);
        }
        default: { // a breach resolved
            const QList<ParityResult> results = s.parity.value(p.id);
            for (const ParityResult &r : results)
                if (!r.isResolved())
                    store.resolveBreach(p.id, r.businessDate, BreachResolution::Accepted,
                                        {0,
                                         at,
                                         QStringLiteral("lead"),
                                         QStringLiteral("parity_accept"),
                                         p.id,
                                         {},
                                         QStringLiteral("accepted"),
                                         QStringLiteral("known"),
                                         false,
                                         false,
                                         {}});
            return QStringLiteral("resolution %1").arg(p.id);
        }
        }
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(m_backend.problem().isEmpty(), qPrintable(m_backend.problem()));
        qInfo("back end: %s", qPrintable(m_backend.name()));
    }

    void classifiesWhatEachTableMeans()
    {
        const StoreChange c =
            classifyFeed({{1, QStringLiteral("routing"), QStringLiteral("a")},
                          {2, QStringLiteral("audit"), QStringLiteral("a")},
                          {3, QStringLiteral("run_events"), QStringLiteral("b")},
                          {4, QStringLiteral("settings"), QStringLiteral("plan_version")}});
        QVERIFY(!c.everything);
        QCOMPARE(c.routing, QSet<QString>{QStringLiteral("a")});
        QCOMPARE(c.runs, QSet<QString>{QStringLiteral("b")});
        QVERIFY(c.plan && c.audit && c.touchesSnapshot());
        const StoreChange runsOnly =
            classifyFeed({{9, QStringLiteral("run_events"), QStringLiteral("b")}});
        QVERIFY(!runsOnly.touchesSnapshot() && runsOnly.touchesNight());
        // The inventory (a pipeline, an edge, its settings) is a new picture and a new layout.
        for (const auto &[table, key] : {std::pair{"pipelines", "x"}, std::pair{"upstreams", "x"},
                                         std::pair{"settings", "timezone"}}) {
            const StoreChange all =
                classifyFeed({{1, QStringLiteral("routing"), QStringLiteral("a")},
                              {2, QString::fromLatin1(table), QString::fromLatin1(key)}});
            QVERIFY2(all.everything && all.why.contains(QLatin1String(table)), qPrintable(all.why));
        }
    }

    void followingTheFeedEqualsAFreshRead()
    {
        const QString url = demoStore();
        std::unique_ptr<SqlStore> writer = m_backend.open(url, OpenMode::MustExist);
        std::unique_ptr<SqlStore> console = m_backend.open(url, OpenMode::MustExist);
        StoreSnapshot followed = console->snapshot();
        QVERIFY(followed.feedSeq > 0); // the demo's import is in the feed
        QRandomGenerator random(20261202);
        int followedOnly = 0;
        for (int step = 0; step < 150; ++step) {
            // One to four changes before the console looks again.
            QStringList what;
            for (int n = random.bounded(1, 5); n > 0; --n)
                what << randomChange(*writer, random, step);
            const qint64 before = followed.feedSeq;
            const StoreChange change = console->follow(followed);
            const StoreSnapshot fresh = console->snapshot();
            QVERIFY2(
                followed == fresh,
                qPrintable(
                    QStringLiteral("step %1 (%2)").arg(step).arg(what.join(QStringLiteral(", ")))));
            QVERIFY(!change.everything);
            followedOnly += followed.feedSeq > before ? 1 : 0;
            // What it names is what happened: a run event alone leaves the picture as it was.
            for (const QString &w : std::as_const(what))
                if (w.startsWith(QLatin1String("run event")))
                    QVERIFY(change.runs.contains(w.section(QLatin1Char(' '), 2)));
        }
        QVERIFY(followedOnly > 100);
    }

    void aConsoleTooFarBehindReadsEverythingOnce()
    {
        const QString url = demoStore();
        std::unique_ptr<SqlStore> writer = m_backend.open(url, OpenMode::MustExist);
        std::unique_ptr<SqlStore> console = m_backend.open(url, OpenMode::MustExist);
        StoreSnapshot followed = console->snapshot();
        // More than a console follows entry by entry, in one transaction.
        QList<RunEvent> events;
        for (int i = 0; i <= kFeedFollowLimit; ++i)
            events.append({0, QStringLiteral("core_fx"), kNight, Side::Cloud,
                           RunEvent::Kind::Started, kAt.addSecs(i), QStringLiteral("o")});
        writer->recordRunEvents(events);
        writer->applyTransition(routingChange(QStringLiteral("core_fx"), State::DualRun,
                                              State::Cloud,
                                              writer->routing(QStringLiteral("core_fx"))->version));
        StoreChange change = console->follow(followed);
        QVERIFY2(change.everything && change.why.contains(QStringLiteral("more changed")),
                 qPrintable(change.why));
        QVERIFY(followed == console->snapshot());
        QCOMPARE(followed.routing.value(QStringLiteral("core_fx")).state, State::Cloud);
        // Entries trimmed past the console's position: the same.
        const qint64 seen = followed.feedSeq;
        writer->recordRunEvent({0, QStringLiteral("core_fx"), kNight, Side::Cloud,
                                RunEvent::Kind::Succeeded, kAt, QStringLiteral("o")});
        writer->recordRunEvent({0, QStringLiteral("core_fx"), kNight, Side::OnPrem,
                                RunEvent::Kind::Succeeded, kAt, QStringLiteral("o")});
        {
            QSqlQuery trim(writer->database());
            QVERIFY(
                trim.exec(QStringLiteral("DELETE FROM change_feed WHERE seq <= %1").arg(seen + 1)));
        }
        change = console->follow(followed);
        QVERIFY2(change.everything, qPrintable(change.why));
        QVERIFY(followed == console->snapshot());
        // The store went back to an older copy (a backup restored): its feed ends before what
        // the console read. Read whole, never laid on what was read.
        const qint64 before = followed.feedSeq;
        {
            QSqlQuery back(writer->database());
            QVERIFY(back.exec(
                QStringLiteral("DELETE FROM change_feed WHERE seq > %1").arg(before - 2)));
        }
        QVERIFY(console->changedSince(before, QStringLiteral("alerts")));
        change = console->follow(followed);
        QVERIFY2(change.everything && change.why.contains(QStringLiteral("older copy")),
                 qPrintable(change.why));
        QVERIFY(followed == console->snapshot());
        QVERIFY(followed.feedSeq < before); // and it follows on from the copy's end
        writer->applyTransition(routingChange(QStringLiteral("core_fx"), State::Cloud,
                                              State::DualRun,
                                              writer->routing(QStringLiteral("core_fx"))->version));
        console->follow(followed);
        QVERIFY(followed == console->snapshot());
        QCOMPARE(followed.routing.value(QStringLiteral("core_fx")).state, State::DualRun);
    }

    // The console and the watch keep the night's alerts until the feed names the alerts
    // again: whatever another connection raises, acknowledges or resolves, the next evaluation
    // holds exactly what a fresh read holds.
    // The console and the watch keep the night's run events and read only the pipelines the
    // feed names since; however the night goes (and after the feed was trimmed past them),
    // their projection is the one a fresh evaluation makes from the whole night.
    void aLongLivedNightProjectsWhatAFreshOneProjects()
    {
        const QString url = demoStore();
        std::unique_ptr<SqlStore> writer = m_backend.open(url, OpenMode::MustExist);
        std::unique_ptr<SqlStore> console = m_backend.open(url, OpenMode::MustExist);
        ManualClock clock(QDateTime(kNight, QTime(2, 0), QTimeZone("Europe/Berlin")));
        SlaService::LearnedCache cache;
        StoreSnapshot s = console->snapshot();
        const QList<Pipeline> &pipelines = s.inventory.pipelines();
        QRandomGenerator random(99);
        for (int step = 0; step < 40; ++step) {
            QStringList what{randomChange(*writer, random, step)};
            for (int n = random.bounded(1, 4); n > 0; --n) {
                const Pipeline &p = pipelines.at(random.bounded(int(pipelines.size())));
                const RunEvent::Kind kind =
                    std::array{RunEvent::Kind::Started, RunEvent::Kind::Succeeded,
                               RunEvent::Kind::Failed}[random.bounded(3)];
                writer->recordRunEvent({0, p.id, kNight,
                                        random.bounded(4) ? Side::OnPrem : Side::Cloud, kind,
                                        clock.now().addSecs(-60 * random.bounded(90)),
                                        QStringLiteral("orchestrator")});
                what << QStringLiteral("%1 %2").arg(runEventKindName(kind), p.id);
            }
            if (step == 20) { // trimmed past what the console read: it reads the night whole
                QSqlQuery trim(writer->database());
                QVERIFY(trim.exec(QStringLiteral(
                    "DELETE FROM change_feed WHERE seq < (SELECT MAX(seq) FROM change_feed)")));
                what << QStringLiteral("feed trimmed");
            }
            if (step % 8 == 7)
                clock.set(clock.now().addSecs(60));
            console->follow(s);
            SlaService kept(*console, clock, QStringLiteral("console"));
            kept.setLearnedCache(&cache);
            const SlaService::Night a = kept.evaluate(s, kNight);
            const SlaService::Night b =
                SlaService(*console, clock, QStringLiteral("fresh")).evaluate(s, kNight);
            const QString message =
                QStringLiteral("step %1 (%2)").arg(step).arg(what.join(QStringLiteral(", ")));
            QVERIFY2(a.projection.runs() == b.projection.runs(), qPrintable(message));
            QVERIFY2(a.projection.shadowRuns() == b.projection.shadowRuns(), qPrintable(message));
            QVERIFY2(a.projection.reports() == b.projection.reports(), qPrintable(message));
        }
        // It followed after the whole read the trimming caused.
        QVERIFY(cache.events && cache.events->wholeReadAt > 1 &&
                cache.events->generation > cache.events->wholeReadAt);
    }

    void aLongLivedNightSeesEveryoneElsesAlerts()
    {
        const QString url = demoStore();
        std::unique_ptr<SqlStore> writer = m_backend.open(url, OpenMode::MustExist);
        std::unique_ptr<SqlStore> console = m_backend.open(url, OpenMode::MustExist);
        ManualClock clock(kAt); // a night past: no sensor raises anything of its own
        SlaService::LearnedCache cache;
        SlaService sla(*console, clock, QStringLiteral("console"));
        sla.setLearnedCache(&cache);
        const StoreSnapshot s = console->snapshot();
        QRandomGenerator random(7);
        int raised = 0, acknowledged = 0, resolved = 0;
        for (int step = 0; step < 40; ++step) {
            const qint64 before = console->feedPosition();
            const QList<SlaAlert> open = [&] {
                QList<SlaAlert> o;
                for (const SlaAlert &a : writer->alerts(kNight))
                    if (a.isOpen())
                        o << a;
                return o;
            }();
            bool changed = true;
            switch (open.isEmpty() ? 0 : random.bounded(4)) {
            case 0: {
                SlaAlert a;
                a.businessDate = kNight;
                a.report = QStringLiteral("report_%1").arg(step);
                a.status = QStringLiteral("at_risk");
                a.raisedAt = kAt;
                a.message = QStringLiteral("step %1").arg(step);
                QCOMPARE(writer->raiseAlerts({a}).size(), 1);
                ++raised;
                break;
            }
            case 1: {
                AuditEntry audit;
                audit.at = kAt;
                audit.actor = QStringLiteral("oncall");
                audit.action = QStringLiteral("alert_ack");
                audit.reason = QStringLiteral("alert %1").arg(open.first().id);
                QCOMPARE(writer->acknowledgeAlert(open.first().id, audit), WriteStatus::Written);
                ++acknowledged;
                break;
            }
            case 2: {
                SlaAlert a = open.last();
                a.resolvedAt = kAt;
                a.resolvedReason = QStringLiteral("back on track");
                QCOMPARE(writer->resolveAlerts({a}).size(), 1);
                ++resolved;
                break;
            }
            default:
                changed = false; // nothing: served from what it holds
            }
            QCOMPARE(console->changedSince(before, QStringLiteral("alerts")), changed);
            QVERIFY(!console->changedSince(before, QStringLiteral("waves")));
            const SlaService::Night n = sla.evaluate(s, kNight);
            const QList<SlaAlert> fresh = console->alerts(kNight);
            QCOMPARE(n.alerts.size(), fresh.size());
            for (qsizetype i = 0; i < fresh.size(); ++i) {
                QCOMPARE(n.alerts.at(i).id, fresh.at(i).id);
                QCOMPARE(n.alerts.at(i).acknowledgedBy, fresh.at(i).acknowledgedBy);
                QCOMPARE(n.alerts.at(i).resolvedReason, fresh.at(i).resolvedReason);
            }
        }
        QVERIFY(raised > 5 && acknowledged > 3 && resolved > 3);
    }

    void theSessionFollowsAndSaysWhenItReadsEverything()
    {
        const QString url = demoStore();
        std::unique_ptr<SqlStore> writer = m_backend.open(url, OpenMode::MustExist);
        StoreSession session(m_backend.open(url, OpenMode::MustExist));
        QSignalSpy changed(&session, &StoreSession::changed);
        QTRY_VERIFY_WITH_TIMEOUT(session.idle(), 10000); // the store thread's first read
        changed.clear();
        feedLog.clear();
        const QtMessageHandler previous = qInstallMessageHandler(captureFeedLog);
        // A run event: the console hears what ran, and its picture is the same object.
        writer->recordRunEvent({0, QStringLiteral("core_fx"), kNight, Side::Cloud,
                                RunEvent::Kind::Started, kAt, QStringLiteral("o")});
        session.reload();
        QVERIFY(changed.wait(10000));
        StoreChange c = changed.takeFirst().first().value<StoreChange>();
        QVERIFY(!c.everything);
        QCOMPARE(c.runs, QSet<QString>{QStringLiteral("core_fx")});
        // A cutover: the pointer, nothing else read again.
        writer->applyTransition(routingChange(QStringLiteral("core_fx"), State::DualRun,
                                              State::Cloud,
                                              writer->routing(QStringLiteral("core_fx"))->version));
        session.reload();
        QTRY_VERIFY_WITH_TIMEOUT(!changed.isEmpty(), 10000);
        c = changed.takeFirst().first().value<StoreChange>();
        QVERIFY(!c.everything);
        QVERIFY(c.routing.contains(QStringLiteral("core_fx")));
        QCOMPARE(session.snapshot().stateOf(QStringLiteral("core_fx")), State::Cloud);
        QVERIFY(feedLog.isEmpty());
        // Too far behind: one whole read, and the log says why.
        QList<RunEvent> events;
        for (int i = 0; i <= kFeedFollowLimit; ++i)
            events.append({0, QStringLiteral("core_fx"), kNight, Side::Cloud,
                           RunEvent::Kind::Started, kAt.addSecs(i), QStringLiteral("o")});
        writer->recordRunEvents(events);
        session.reload();
        QTRY_VERIFY_WITH_TIMEOUT(!changed.isEmpty(), 10000);
        c = changed.takeFirst().first().value<StoreChange>();
        qInstallMessageHandler(previous);
        QVERIFY(c.everything);
        QCOMPARE(feedLog.size(), 1);
        QVERIFY2(feedLog.first().contains(QStringLiteral("read the whole store (more changed")),
                 qPrintable(feedLog.first()));
        QCOMPARE(session.snapshot(), writer->snapshot());
    }

    void viewsUpdatedRowByRowEqualViewsDrawnWhole()
    {
        const QString url = demoStore();
        std::unique_ptr<SqlStore> writer = m_backend.open(url, OpenMode::MustExist);
        std::unique_ptr<SqlStore> console = m_backend.open(url, OpenMode::MustExist);
        StoreSnapshot followed = console->snapshot();
        const QDate today(2026, 11, 28);
        PipelineTableModel table;
        GraphScene scene;
        table.setSnapshot(followed, today);
        scene.setSnapshot(followed, today);
        QRandomGenerator random(777);
        for (int step = 0; step < 60; ++step) {
            randomChange(*writer, random, step);
            const StoreChange change = console->follow(followed);
            const QSet<QString> ids = change.routing + change.parity;
            table.updatePipelines(followed, today, ids);
            if (change.plan)
                scene.setSnapshot(followed, today);
            else
                scene.restyle(followed, today, ids);
            PipelineTableModel wholeTable;
            wholeTable.setSnapshot(followed, today);
            GraphScene wholeScene;
            wholeScene.setSnapshot(followed, today);
            QCOMPARE(table.rowCount(), wholeTable.rowCount());
            for (int r = 0; r < table.rowCount(); ++r)
                for (int col = 0; col < table.columnCount(); ++col)
                    QCOMPARE(table.index(r, col).data(), wholeTable.index(r, col).data());
            for (const Pipeline &p : followed.inventory.pipelines()) {
                const PipelineNodeItem *mine = scene.node(p.id);
                const PipelineNodeItem *whole = wholeScene.node(p.id);
                QCOMPARE(bool(mine), bool(whole));
                if (!mine)
                    continue;
                QCOMPARE(mine->state(), whole->state());
                QCOMPARE(mine->health(), whole->health());
                QCOMPARE(mine->toolTip(), whole->toolTip());
            }
            for (int e = 0; e < scene.edges().size(); ++e)
                QCOMPARE(scene.edges().at(e)->isCrossSide(),
                         wholeScene.edges().at(e)->isCrossSide());
        }
    }
};

QTEST_MAIN(TestChangeFeed)
#include "tst_changefeed.moc"
