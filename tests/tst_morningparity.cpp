#include "HttpReceiver.h"
#include "ManualClock.h"
#include "MigrationService.h"
#include "NotifyService.h"
#include "ParityDiffService.h"
#include "ParityService.h"
#include "TestStores.h"
#include "Warehouses.h"
#include "Watch.h"

#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>
#include <QTimeZone>

using namespace daybreak;
using namespace TestStores;
using Engine = Warehouses::Engine;

namespace {
const QTimeZone kBerlin("Europe/Berlin");
const QDate kFirst(2026, 3, 17);
const QDate kQuarterEnd(2026, 3, 31);
QDateTime berlin(const QDate &d, int h, int m = 0)
{
    return QDateTime(d, QTime(h, m), kBerlin);
}
} // namespace

// The morning diff, end to end: the watch measures each night of a dual-running pipeline once
// both sides' runs completed, records it through the gate's path, and pages on the quarter-end
// spike after two clean weeks; the gate holds until the spike is accepted.
class TestMorningParity : public QObject
{
    Q_OBJECT

    std::unique_ptr<Warehouses> m_wh;
    QTemporaryDir m_dir;
    std::unique_ptr<SqliteStore> m_store;
    ManualClock m_clock{berlin(kFirst, 5)};
    QString m_text;
    QTextStream m_log{&m_text};

    void completed(const QString &pipeline, const QDate &night, Side side)
    {
        RunEvent e{0,
                   pipeline,
                   night,
                   side,
                   RunEvent::Kind::Succeeded,
                   berlin(night, 4, side == Side::OnPrem ? 0 : 30),
                   QStringLiteral("airflow")};
        m_store->recordRunEvent(e);
    }
    // One tick of the watch, and the diff it started, to its conclusion.
    bool tickAndConclude(Watch &watch)
    {
        QSignalSpy concluded(&watch, &Watch::parityConcluded);
        watch.tick(true);
        return concluded.wait(60000);
    }
    std::optional<ParityResult> night(const QString &pipeline, const QDate &d)
    {
        for (const ParityResult &r : m_store->snapshot().parity.value(pipeline))
            if (r.businessDate == d)
                return r;
        return std::nullopt;
    }
    SlaAlert pageOf(const QString &pipeline, const QDate &d)
    {
        for (const SlaAlert &a : m_store->alerts(d))
            if (a.report == pipeline && a.status == QLatin1String("parity_breach"))
                return a;
        return {};
    }

    // What the on-call receiver heard about parity: "event: message", in order.
    static QStringList parityPages(const Receiver &r)
    {
        QStringList out;
        for (const Receiver::Request &q : r.m_requests) {
            const QJsonObject alert = q.body.value(QStringLiteral("alert")).toObject();
            if (alert.value(QStringLiteral("kind")).toString() == QLatin1String("parity_breach"))
                out << q.body.value(QStringLiteral("event")).toString() + QStringLiteral(": ") +
                           alert.value(QStringLiteral("message")).toString();
        }
        return out;
    }

private slots:
    void initTestCase()
    {
        m_wh = std::make_unique<Warehouses>();
        QVERIFY2(m_wh->problem().isEmpty(), qPrintable(m_wh->problem()));
        // Two weeks and the quarter end, 200 orders a night, on PostgreSQL (on-prem) and MariaDB
        // (the cloud). On the quarter end the cloud's job multiplies 30 amounts by 100.
        m_wh->exec(Engine::PostgreSQL,
                   {QStringLiteral("CREATE TABLE pg.sales (ds DATE, id BIGINT, amount "
                                   "NUMERIC(12,2), PRIMARY KEY (ds, id))"),
                    QStringLiteral("INSERT INTO pg.sales SELECT d::DATE, g, g * 1.5 FROM "
                                   "generate_series(DATE '2026-03-17', DATE '2026-03-31', "
                                   "INTERVAL '1 day') d, generate_series(1, 200) g")});
        m_wh->exec(Engine::MariaDB,
                   {QStringLiteral("DROP TABLE IF EXISTS sales"),
                    QStringLiteral("CREATE TABLE sales (ds DATE, id BIGINT, amount DECIMAL(12,2), "
                                   "PRIMARY KEY (ds, id))"),
                    QStringLiteral("INSERT INTO sales SELECT DATE '2026-03-17' + INTERVAL d.seq "
                                   "DAY, g.seq, g.seq * 1.5 FROM seq_0_to_14 d, seq_1_to_200 g"),
                    QStringLiteral("UPDATE sales SET amount = amount * 100 WHERE ds = "
                                   "'2026-03-31' AND id <= 30")});
        m_store = sqlite(m_dir);
        Inventory inv = smallInventory();
        seed(*m_store, inv);
        ParityDiffService parity(*m_store, m_clock, QStringLiteral("olga"));
        QVERIFY(parity.addSource(m_wh->source(Engine::PostgreSQL)).ok());
        QVERIFY(parity.addSource(m_wh->source(Engine::MariaDB)).ok());
        for (const QString &id : {QStringLiteral("a"), QStringLiteral("b")}) {
            ParityMapping m;
            m.pipeline = id;
            m.onprem = m_wh->table(Engine::PostgreSQL, QStringLiteral("sales"));
            m.cloud = m_wh->table(Engine::MariaDB, QStringLiteral("sales"));
            m.key = {QStringLiteral("id")};
            m.where = QStringLiteral("ds = :date");
            const Outcome o = parity.putMapping(m, QStringLiteral("the nightly sales"));
            QVERIFY2(o.ok(), qPrintable(o.describe()));
        }
    }

    void cleanForTwoWeeksThenTheQuarterEndSpikeIsCaught()
    {
        Receiver oncall;
        QVERIFY(NotifyService(*m_store, m_clock, QStringLiteral("ops"))
                    .addChannel({QStringLiteral("oncall"),
                                 QStringLiteral("webhook"),
                                 oncall.url(QStringLiteral("alerts")),
                                 {},
                                 {},
                                 {}})
                    .ok());
        Watch watch(*m_store, m_clock, QStringLiteral("watch"), {}, m_log);

        // Only on-prem's run is complete: nothing is measured yet.
        completed(QStringLiteral("a"), kFirst, Side::OnPrem);
        watch.tick(true);
        QVERIFY(!watch.measuringParity());
        QVERIFY(!night(QStringLiteral("a"), kFirst));
        // The cloud's COMPLETE: the night is measured and recorded, once.
        completed(QStringLiteral("a"), kFirst, Side::Cloud);
        QVERIFY(tickAndConclude(watch));
        QVERIFY(night(QStringLiteral("a"), kFirst));
        QVERIFY(night(QStringLiteral("a"), kFirst)
                    ->note.startsWith(QStringLiteral("measured by Daybreak")));
        QCOMPARE(night(QStringLiteral("a"), kFirst)->onpremRows, 200);
        const int records = int(m_store->auditLog().size());
        watch.tick(true);
        QVERIFY(!watch.measuringParity()); // never twice
        QCOMPARE(int(m_store->auditLog().size()), records);

        for (QDate d = kFirst.addDays(1); d < kQuarterEnd; d = d.addDays(1)) {
            m_clock.set(berlin(d, 5));
            completed(QStringLiteral("a"), d, Side::OnPrem);
            completed(QStringLiteral("a"), d, Side::Cloud);
            QVERIFY2(tickAndConclude(watch), qPrintable(d.toString(Qt::ISODate)));
            QVERIFY2(night(QStringLiteral("a"), d) &&
                         night(QStringLiteral("a"), d)->mismatchedRows == 0,
                     qPrintable(m_text.right(600)));
        }
        QCOMPARE(ParityService::evaluate(m_store->snapshot(), QStringLiteral("a"),
                                         kQuarterEnd.addDays(-1))
                     .gate.status,
                 ParityGate::Status::Passed);
        QVERIFY2(parityPages(oncall).isEmpty(),
                 qPrintable(parityPages(oncall).join(QLatin1Char(' '))));

        // The quarter end: caught, recorded, paged with the column and both values.
        m_clock.set(berlin(kQuarterEnd, 5));
        completed(QStringLiteral("a"), kQuarterEnd, Side::OnPrem);
        completed(QStringLiteral("a"), kQuarterEnd, Side::Cloud);
        QVERIFY(tickAndConclude(watch));
        const std::optional<ParityResult> spike = night(QStringLiteral("a"), kQuarterEnd);
        QVERIFY(spike);
        QCOMPARE(spike->mismatchedRows, 30);
        const SlaAlert page = pageOf(QStringLiteral("a"), kQuarterEnd);
        QVERIFY2(page.id > 0, qPrintable(m_text.right(800)));
        QVERIFY2(page.message.contains(QStringLiteral("amount in 30 row(s), e.g. (1) 1.50 on-prem, "
                                                      "150.00 in the cloud")) &&
                     page.message.contains(QStringLiteral("The cutover of a is halted")),
                 qPrintable(page.message));
        QTRY_COMPARE(parityPages(oncall).size(), 1);
        QVERIFY2(
            parityPages(oncall).first().contains(QStringLiteral("trigger: parity breach in a on "
                                                                "2026-03-31")) &&
                parityPages(oncall).first().contains(QStringLiteral("amount in 30 row(s)")),
            qPrintable(parityPages(oncall).first()));

        // The gate is shut and the cutover refused for it, naming the pipeline.
        const StoreSnapshot snapshot = m_store->snapshot();
        QCOMPARE(ParityService::evaluate(snapshot, QStringLiteral("a"), kQuarterEnd).gate.status,
                 ParityGate::Status::Failed);
        m_clock.set(berlin(QDate(2026, 4, 4), 10)); // a Saturday: the window is open
        const ActionOutcome refused =
            MigrationService(*m_store, m_clock, QStringLiteral("olga"))
                .cutover({QStringLiteral("a"), QStringLiteral("wave 1"), false});
        QVERIFY(!refused.ok());
        QVERIFY2(refused.decision.refusedFor(Reason::Code::ParityGate),
                 qPrintable(refused.describe()));
        m_clock.set(berlin(kQuarterEnd, 9));

        // Still shut a tick later; accepting the spike clears the page and opens the gate.
        watch.tick(true);
        QVERIFY(pageOf(QStringLiteral("a"), kQuarterEnd).isOpen());
        QVERIFY(ParityService(*m_store, m_clock, QStringLiteral("olga"))
                    .resolve(QStringLiteral("a"), kQuarterEnd, BreachResolution::Accepted,
                             QStringLiteral("quarter-end restatement, confirmed with finance"))
                    .ok());
        watch.tick(true);
        const SlaAlert resolved = pageOf(QStringLiteral("a"), kQuarterEnd);
        QVERIFY(resolved.isResolved());
        QVERIFY2(resolved.resolvedReason.contains(QStringLiteral("accepted by olga")),
                 qPrintable(resolved.resolvedReason));
        QVERIFY(ParityService::evaluate(m_store->snapshot(), QStringLiteral("a"), kQuarterEnd)
                    .gate.status != ParityGate::Status::Failed);
        QTRY_COMPARE(parityPages(oncall).size(), 2);
        QVERIFY2(parityPages(oncall).last().startsWith(QStringLiteral("resolve")),
                 qPrintable(parityPages(oncall).last()));
    }

    void aSpikeAfterTheCutoverAdvisesARollback()
    {
        // b was cut over two days before the quarter end; it is still watched.
        Transition t = routingChange(QStringLiteral("b"), State::OnPrem, State::DualRun, 1);
        t.audit.at = berlin(kQuarterEnd.addDays(-10), 10);
        QCOMPARE(m_store->applyTransition(t), WriteStatus::Written);
        t = routingChange(QStringLiteral("b"), State::DualRun, State::Cloud, 2);
        t.audit.at = berlin(kQuarterEnd.addDays(-2), 10);
        QCOMPARE(m_store->applyTransition(t), WriteStatus::Written);
        m_clock.set(berlin(kQuarterEnd, 7));
        completed(QStringLiteral("b"), kQuarterEnd, Side::OnPrem);
        completed(QStringLiteral("b"), kQuarterEnd, Side::Cloud);
        Watch watch(*m_store, m_clock, QStringLiteral("watch"), {}, m_log);
        QVERIFY(tickAndConclude(watch));
        const SlaAlert page = pageOf(QStringLiteral("b"), kQuarterEnd);
        QVERIFY2(page.message.contains(QStringLiteral("b is already cut over: rollback advised")),
                 qPrintable(page.message + m_text.right(500)));
        QVERIFY(ParityService::evaluate(m_store->snapshot(), QStringLiteral("b"), kQuarterEnd)
                    .rollbackRecommended);
    }

    // A source that is down is tried again later, and the night is measured once it answers.
    void aSourceThatIsDownIsTriedAgain()
    {
        QTemporaryDir dir;
        std::unique_ptr<SqliteStore> store = sqlite(dir);
        seed(*store, smallInventory());
        ManualClock clock{berlin(kQuarterEnd, 6)};
        ParityDiffService parity(*store, clock, QStringLiteral("olga"));
        const QString file = dir.filePath(QStringLiteral("lake.sqlite"));
        QVERIFY(parity.addSource({QStringLiteral("lake"), QStringLiteral("sqlite://") + file, {}})
                    .ok());
        QVERIFY(parity.addSource(m_wh->source(Engine::PostgreSQL)).ok());
        ParityMapping m;
        m.pipeline = QStringLiteral("a");
        m.onprem = m_wh->table(Engine::PostgreSQL, QStringLiteral("sales"));
        m.cloud = {QStringLiteral("lake"), {}, QStringLiteral("sales")};
        m.key = {QStringLiteral("id")};
        m.where = QStringLiteral("ds = :date");
        QVERIFY(parity.putMapping(m, {}).ok());
        for (const Side side : {Side::OnPrem, Side::Cloud})
            store->recordRunEvent({0, QStringLiteral("a"), kQuarterEnd, side,
                                   RunEvent::Kind::Succeeded, berlin(kQuarterEnd, 4),
                                   QStringLiteral("airflow")});
        QString text;
        QTextStream log(&text);
        Watch watch(*store, clock, QStringLiteral("watch"), {}, log);
        QSignalSpy concluded(&watch, &Watch::parityConcluded);
        watch.tick(true);
        QVERIFY(concluded.wait(60000));
        QVERIFY2(text.contains(QStringLiteral("not measured: source lake: the SQLite file")) &&
                     text.contains(QStringLiteral("trying again at")),
                 qPrintable(text));
        QVERIFY(store->snapshot().parity.value(QStringLiteral("a")).isEmpty());
        // The lake is back, but the retry is not due yet.
        {
            QSqlDatabase db =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("lake"));
            db.setDatabaseName(file);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(
                QStringLiteral("CREATE TABLE sales (ds DATE, id INTEGER, amount NUMERIC(12,2))")));
            QVERIFY(q.exec(QStringLiteral("WITH RECURSIVE g(n) AS (SELECT 1 UNION ALL SELECT n + 1 "
                                          "FROM g WHERE n < 200) INSERT INTO sales SELECT "
                                          "'2026-03-31', n, n * 1.5 FROM g")));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("lake"));
        clock.set(berlin(kQuarterEnd, 6, 2));
        watch.tick(true);
        QVERIFY(!watch.measuringParity());
        clock.set(berlin(kQuarterEnd, 6, 6));
        watch.tick(true);
        QVERIFY(watch.measuringParity());
        QVERIFY(concluded.wait(60000));
        const QList<ParityResult> recorded = store->snapshot().parity.value(QStringLiteral("a"));
        QCOMPARE(recorded.size(), 1);
        QCOMPARE(recorded.first().onpremRows, 200);
        QCOMPARE(recorded.first().mismatchedRows, 0); // the lake has the true amounts
    }
};

QTEST_GUILESS_MAIN(TestMorningParity)
#include "tst_morningparity.moc"
