#include "AirflowApi.h"
#include "CtlRun.h"
#include "DbtManifest.h"
#include "DbtRunResults.h"
#include "ManualClock.h"
#include "MigrationService.h"
#include "PlanService.h"
#include "PlatformImport.h"
#include "SqlStore.h"
#include "TestStores.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace daybreak;

// A platform's own description in the store: dbt's manifest and run results, read from
// fixtures written after dbt's published schemas, and re-imports as reviewed diffs, on both
// back ends.
class TestPlatformImport : public QObject
{
    Q_OBJECT

    TestBackend m_backend;
    ManualClock m_clock{QDateTime(QDate(2026, 12, 1), QTime(10, 0), QTimeZone("UTC"))};

    static QByteArray fixture(const QString &name)
    {
        QFile f(QStringLiteral(DAYBREAK_TEST_DATA "/dbt/") + name);
        if (!f.open(QIODevice::ReadOnly))
            qFatal("missing fixture %s", qPrintable(name));
        return f.readAll();
    }
    static Inventory shop(const DbtManifest::Options &options = {})
    {
        const InventoryReadResult r = DbtManifest::read(fixture(QStringLiteral("manifest.json")),
                                                        QStringLiteral("m"), options);
        if (!r.ok())
            qFatal("fixture does not read: %s", qPrintable(r.problems.first().toString()));
        return r.inventory;
    }

private slots:
    void init() { QVERIFY2(m_backend.problem().isEmpty(), qPrintable(m_backend.problem())); }

    void aManifestIsAnInventory()
    {
        QVERIFY(DbtManifest::isManifest(fixture(QStringLiteral("manifest.json"))));
        QVERIFY(!DbtManifest::isManifest(fixture(QStringLiteral("run_results.json"))));
        const Inventory inv = shop();
        QStringList ids;
        for (const Pipeline &p : inv.pipelines())
            ids << p.id;
        ids.sort();
        // Tests, the disabled model and the ephemeral one are not pipelines; sources are named as
        // dbt's source() names them; exposures are reports.
        QCOMPARE(ids, (QStringList{QStringLiteral("erp.orders"), QStringLiteral("erp.payments"),
                                   QStringLiteral("fct_orders"), QStringLiteral("finance_flash"),
                                   QStringLiteral("ops_board"), QStringLiteral("orders_snapshot"),
                                   QStringLiteral("raw_countries"), QStringLiteral("stg_orders"),
                                   QStringLiteral("stg_payments")}));
        // The ephemeral model's reads pass through to its reader.
        QCOMPARE(inv.find(QStringLiteral("fct_orders"))->upstreams,
                 (QStringList{QStringLiteral("stg_orders"), QStringLiteral("stg_payments"),
                              QStringLiteral("raw_countries")}));
        const Pipeline *fct = inv.find(QStringLiteral("fct_orders"));
        QCOMPARE(fct->group, QStringLiteral("shop:marts/finance"));
        QCOMPARE(fct->owner, QStringLiteral("Finance data")); // the dbt group's owner
        QVERIFY(fct->tags.contains(QStringLiteral("dbt:model.shop.fct_orders")));
        QVERIFY(!fct->isReport());
        QCOMPARE(inv.find(QStringLiteral("stg_payments"))->owner,
                 QStringLiteral("payments-team")); // meta.owner
        QCOMPARE(inv.find(QStringLiteral("erp.orders"))->group, QStringLiteral("shop:staging/erp"));
        QCOMPARE(inv.find(QStringLiteral("erp.orders"))->schedule, QTime(1, 0));
        // Exposures: their deadline from meta.daybreak.sla, else the lead's default.
        const Pipeline *flash = inv.find(QStringLiteral("finance_flash"));
        QCOMPARE(flash->sla, QTime(5, 30));
        QCOMPARE(flash->owner, QStringLiteral("Finance BI"));
        QCOMPARE(flash->upstreams, QStringList{QStringLiteral("fct_orders")});
        QCOMPARE(inv.find(QStringLiteral("ops_board"))->sla, QTime(6, 0));
        QCOMPARE(inv.find(QStringLiteral("ops_board"))->owner, QStringLiteral("ops@example.com"));
        DbtManifest::Options seven;
        seven.defaultSla = QTime(7, 0);
        QCOMPARE(shop(seven).find(QStringLiteral("ops_board"))->sla, QTime(7, 0));
    }

    void badManifestsNameWhatIsWrong()
    {
        const auto problem = [](const QByteArray &data) {
            const InventoryReadResult r = DbtManifest::read(data, QStringLiteral("m.json"), {});
            return r.problems.isEmpty() ? QString() : r.problems.first().toString();
        };
        QVERIFY(problem("{\"metadata\": ").contains(QStringLiteral("not JSON at byte")));
        QVERIFY(problem("{\"metadata\": {\"dbt_schema_version\": "
                        "\"https://schemas.getdbt.com/dbt/manifest/v4.json\"}}")
                    .contains(QStringLiteral("v7 to v12")));
        QByteArray data = fixture(QStringLiteral("manifest.json"));
        data.replace("\"05:30\"", "\"half past five\"");
        const QString sla = problem(data);
        QVERIFY2(sla.contains(QStringLiteral("finance_flash")) &&
                     sla.contains(QStringLiteral("meta.daybreak.sla")) &&
                     sla.contains(QStringLiteral("half past five")),
                 qPrintable(sla));
    }

    void runResultsAreRunHistory()
    {
        const RunHistoryRead r =
            DbtRunResults::read(fixture(QStringLiteral("run_results.json")), QStringLiteral("r"));
        QVERIFY(r.ok());
        QCOMPARE(r.runs.size(), 4); // the seed, two models and a model the manifest lacks
        QCOMPARE(r.skipped, 2);     // the skipped model and the test
        QCOMPARE(r.runs.at(1).key, QStringLiteral("dbt:model.shop.stg_orders"));
        QCOMPARE(r.runs.at(1).started,
                 QDateTime(QDate(2026, 11, 30), QTime(1, 2, 0, 500), QTimeZone::utc()));
        QCOMPARE(r.runs.at(1).finished,
                 QDateTime(QDate(2026, 11, 30), QTime(1, 10), QTimeZone::utc()));
        QVERIFY(!r.runs.at(2).succeeded);
        const RunHistoryRead docs = DbtRunResults::read(
            fixture(QStringLiteral("run_results-docs.json")), QStringLiteral("docs.json"));
        QVERIFY(!docs.ok());
        QVERIFY(docs.problems.first().toString().contains(QStringLiteral("dbt generate")));
    }

    void airflowsApiAnswersAreAnInventoryAndRuns()
    {
        const QString folder = QStringLiteral(DAYBREAK_TEST_DATA "/airflow");
        QVERIFY(AirflowApi::isExport(folder));
        QVERIFY(!AirflowApi::isExport(QStringLiteral(DAYBREAK_TEST_DATA "/dbt")));
        const InventoryReadResult r = AirflowApi::read(folder, QStringLiteral("UTC"));
        QVERIFY2(r.ok(),
                 qPrintable(r.problems.isEmpty() ? QString() : r.problems.first().toString()));
        const Inventory &inv = r.inventory;
        QCOMPARE(inv.size(), 6);
        const Pipeline *load = inv.find(QStringLiteral("sales_extract.load_orders"));
        QVERIFY(load);
        QCOMPARE(load->group, QStringLiteral("sales_extract"));
        QCOMPARE(load->upstreams, QStringList{QStringLiteral("sales_extract.extract_orders")});
        QVERIFY(load->tags.contains(QStringLiteral("airflow:sales_extract.load_orders")));
        // The DAG's cron starts its first task; the owner is the DAG's.
        const Pipeline *extract = inv.find(QStringLiteral("sales_extract.extract_orders"));
        QCOMPARE(extract->schedule, QTime(1, 0));
        QCOMPARE(extract->owner, QStringLiteral("sales-eng"));
        // The ExternalTaskSensor reads the task it waits for; the task's own owner wins.
        const Pipeline *sensor = inv.find(QStringLiteral("sales_marts.wait_for_orders"));
        QCOMPARE(sensor->upstreams, QStringList{QStringLiteral("sales_extract.load_orders")});
        QCOMPARE(sensor->schedule, QTime(2, 30));
        QCOMPARE(inv.find(QStringLiteral("sales_marts.build_mart"))->owner,
                 QStringLiteral("marts-team"));
        // A dataset-scheduled DAG reads the task that produces the dataset.
        const Pipeline *report = inv.find(QStringLiteral("finance_daily.finance_report"));
        QCOMPARE(report->upstreams, QStringList{QStringLiteral("sales_marts.publish")});
        QVERIFY(!report->schedule);

        const RunHistoryRead runs = AirflowApi::readRuns(folder);
        QVERIFY(runs.ok());
        QCOMPARE(runs.runs.size(), 6); // both tries of build_mart; one still running
        QCOMPARE(runs.skipped, 2);     // upstream_failed without a start, and a skipped task
        int failed = 0, open = 0;
        for (const RunRecord &run : runs.runs) {
            failed += run.succeeded ? 0 : 1;
            open += run.finished.isValid() ? 0 : 1;
        }
        QCOMPARE(failed, 1);
        QCOMPARE(open, 1);

        auto store = m_backend.open(m_backend.freshUrl());
        PlatformImport importer(*store, m_clock, QStringLiteral("lead"));
        QVERIFY(importer.importInventory(inv, folder, false).ok());
        const Outcome recorded = importer.importRuns(runs, folder, Side::OnPrem);
        QVERIFY2(recorded.message.startsWith(QStringLiteral("6 run(s)")),
                 qPrintable(recorded.message));
        // Runs after local noon belong to the next morning; 00:00-02:10 UTC to 2026-11-30's.
        QCOMPARE(store->runEvents(QDate(2026, 11, 30)).size(), 10); // five runs, start and end
        QCOMPARE(store->runEvents(QDate(2026, 12, 1)).size(), 1);   // the running one: started
    }

    void airflowThreesAssetsAndTimetablesToo()
    {
        // The same platform as Airflow 3's API v2 answers: assets.json, timetable_summary.
        QTemporaryDir dir;
        const QDir from(QStringLiteral(DAYBREAK_TEST_DATA "/airflow"));
        QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("tasks")));
        for (const QString &f : from.entryList({QStringLiteral("*.json")}, QDir::Files))
            QVERIFY(QFile::copy(from.filePath(f), dir.filePath(f)));
        for (const QString &f : QDir(from.filePath(QStringLiteral("tasks"))).entryList(QDir::Files))
            QVERIFY(QFile::copy(from.filePath(QStringLiteral("tasks/") + f),
                                dir.filePath(QStringLiteral("tasks/") + f)));
        const auto rewrite = [&](const QString &name, const QByteArray &a, const QByteArray &b,
                                 const QString &to = {}) {
            QFile f(dir.filePath(name));
            QVERIFY(f.open(QIODevice::ReadOnly));
            QByteArray data = f.readAll().replace(a, b);
            f.close();
            QVERIFY(f.remove());
            QFile out(dir.filePath(to.isEmpty() ? name : to));
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.write(data);
        };
        rewrite(QStringLiteral("dags.json"), "\"schedule_interval\"", "\"timetable_summary\"");
        rewrite(QStringLiteral("dags.json"),
                "{\n    \"__type\": \"CronExpression\",\n    \"value\": \"0 1 * * *\"\n   }",
                "\"0 1 * * *\"");
        rewrite(QStringLiteral("datasets.json"), "\"datasets\"", "\"assets\"",
                QStringLiteral("assets.json"));
        rewrite(QStringLiteral("assets.json"), "\"consuming_dags\"", "\"scheduled_dags\"");
        QFile dags(dir.filePath(QStringLiteral("dags.json")));
        QVERIFY(dags.open(QIODevice::ReadOnly));
        QVERIFY(dags.readAll().contains("\"timetable_summary\": \"0 1 * * *\""));
        const InventoryReadResult r = AirflowApi::read(dir.path(), QStringLiteral("UTC"));
        QVERIFY2(r.ok(),
                 qPrintable(r.problems.isEmpty() ? QString() : r.problems.first().toString()));
        QCOMPARE(r.inventory.find(QStringLiteral("sales_extract.extract_orders"))->schedule,
                 QTime(1, 0));
        QCOMPARE(r.inventory.find(QStringLiteral("finance_daily.finance_report"))->upstreams,
                 QStringList{QStringLiteral("sales_marts.publish")});
    }

    void theFirstImportIsTheInventoryAndRunsFollow()
    {
        auto store = m_backend.open(m_backend.freshUrl());
        PlatformImport importer(*store, m_clock, QStringLiteral("lead"));
        const ImportOutcome first = importer.importInventory(shop(), QStringLiteral("m"), false);
        QVERIFY2(first.ok(), qPrintable(first.describe()));
        QVERIFY(first.applied); // an empty store takes it at once
        QCOMPARE(store->snapshot().inventory.size(), 9);

        const RunHistoryRead runs =
            DbtRunResults::read(fixture(QStringLiteral("run_results.json")), QStringLiteral("r"));
        const Outcome recorded = importer.importRuns(runs, QStringLiteral("r"), Side::OnPrem);
        QVERIFY2(recorded.ok(), qPrintable(recorded.describe()));
        QVERIFY2(recorded.message.startsWith(QStringLiteral("3 run(s)")),
                 qPrintable(recorded.message));
        QCOMPARE(recorded.problems.size(), 1); // the model the manifest does not have, named
        QCOMPARE(recorded.problems.first().pipeline, QStringLiteral("model.shop.gone_model"));
        // The night of 2026-11-30 01:00 UTC belongs to that morning's reports.
        const QList<RunEvent> events = store->runEvents(QDate(2026, 11, 30));
        QCOMPARE(events.size(), 6);
        int failed = 0;
        for (const RunEvent &e : events)
            failed +=
                e.kind == RunEvent::Kind::Failed && e.pipeline == QLatin1String("stg_payments");
        QCOMPARE(failed, 1);
        // Again: nothing twice.
        const Outcome again = importer.importRuns(runs, QStringLiteral("r"), Side::OnPrem);
        QVERIFY(again.message.startsWith(QStringLiteral("0 run(s)")));
        QCOMPARE(store->runEvents(QDate(2026, 11, 30)).size(), 6);
        QCOMPARE(store->auditLog().last().action, QStringLiteral("run_history"));
    }

    void aReImportIsAReviewedDiff()
    {
        auto store = m_backend.open(m_backend.freshUrl());
        PlatformImport importer(*store, m_clock, QStringLiteral("lead"));
        QVERIFY(importer.importInventory(shop(), QStringLiteral("m"), false).ok());
        // The lead tunes a duration; stg_orders starts dual-running; a wave holds raw_countries.
        Inventory tuned = store->snapshot().inventory;
        QList<Pipeline> ps = tuned.pipelines();
        for (Pipeline &p : ps)
            if (p.id == QLatin1String("fct_orders"))
                p.onpremMinutes = 42;
        tuned.setPipelines(ps);
        AuditEntry a;
        a.at = m_clock.now();
        a.actor = QStringLiteral("lead");
        a.action = QStringLiteral("import");
        store->replaceInventory(tuned, a);
        QCOMPARE(store->applyTransition(TestStores::routingChange(
                     QStringLiteral("stg_orders"), State::OnPrem, State::DualRun, 1)),
                 WriteStatus::Written);
        const int auditBefore = int(store->auditLog().size());

        // The next manifest: stg_orders gone (but dual-running), raw_countries gone, a new model,
        // fct_orders regrouped and reading less, the flash due at 05:00.
        Inventory next = shop();
        QList<Pipeline> nps;
        for (Pipeline p : next.pipelines()) {
            if (p.id == QLatin1String("stg_orders") || p.id == QLatin1String("raw_countries"))
                continue;
            if (p.id == QLatin1String("fct_orders")) {
                p.group = QStringLiteral("shop:marts/core");
                p.upstreams = {QStringLiteral("stg_payments"), QStringLiteral("dim_customers")};
            }
            if (p.id == QLatin1String("finance_flash"))
                p.sla = QTime(5, 0);
            if (p.id == QLatin1String("orders_snapshot"))
                p.upstreams = {QStringLiteral("stg_orders")}; // still reads the kept one
            nps << p;
        }
        Pipeline added = TestStores::pipeline(QStringLiteral("dim_customers"));
        added.group = QStringLiteral("shop:marts/core");
        nps << added;
        next.setPipelines(nps);

        const ImportOutcome review = importer.importInventory(next, QStringLiteral("m2"), false);
        QVERIFY2(review.ok(), qPrintable(review.describe()));
        QVERIFY(!review.applied);
        QStringList lines;
        for (const InventoryChange &c : review.changes)
            lines << c.line();
        const QString all = lines.join(QLatin1Char('\n'));
        QVERIFY2(all.contains(QStringLiteral("+ dim_customers")), qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("- raw_countries")), qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("= stg_orders (not in m2, but dual_run")),
                 qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral(
                     "~ fct_orders: group shop:marts/finance → shop:marts/core; reads "
                     "+dim_customers -stg_orders -raw_countries")),
                 qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("~ finance_flash: deadline 05:30 → 05:00")),
                 qPrintable(all));
        // Reviewed only: nothing written.
        QCOMPARE(store->snapshot().inventory.size(), 9);
        QCOMPARE(int(store->auditLog().size()), auditBefore);

        const ImportOutcome applied = importer.importInventory(next, QStringLiteral("m2"), true);
        QVERIFY2(applied.ok(), qPrintable(applied.describe()));
        QVERIFY(applied.applied);
        const StoreSnapshot s = store->snapshot();
        QVERIFY(s.inventory.contains(QStringLiteral("dim_customers")));
        QVERIFY(!s.inventory.contains(QStringLiteral("raw_countries")));
        QVERIFY(s.inventory.contains(QStringLiteral("stg_orders"))); // migrating: kept
        QCOMPARE(s.stateOf(QStringLiteral("stg_orders")), State::DualRun);
        const Pipeline *fct = s.inventory.find(QStringLiteral("fct_orders"));
        QCOMPARE(fct->onpremMinutes, 42); // the lead's figure stays
        QCOMPARE(fct->group, QStringLiteral("shop:marts/core"));
        QCOMPARE(s.inventory.find(QStringLiteral("finance_flash"))->sla, QTime(5, 0));
        // One audit row per pipeline that changed, and the import's own.
        const QList<AuditEntry> log = store->auditLog();
        QCOMPARE(int(log.size()), auditBefore + 5);
        QStringList audited;
        for (qsizetype i = auditBefore; i < log.size(); ++i)
            if (!log.at(i).pipeline.isEmpty())
                audited << log.at(i).pipeline;
        audited.sort();
        QCOMPARE(audited,
                 (QStringList{QStringLiteral("dim_customers"), QStringLiteral("fct_orders"),
                              QStringLiteral("finance_flash"), QStringLiteral("raw_countries")}));
        // The same manifest again changes nothing.
        const ImportOutcome same = importer.importInventory(next, QStringLiteral("m2"), true);
        QVERIFY(!same.applied);
        QCOMPARE(int(store->auditLog().size()), auditBefore + 5);
    }

    void theCliReviewsThenApplies()
    {
        QTemporaryDir dir;
        const QString url = m_backend.freshUrl();
        const auto ctl = [&](QStringList args) {
            return runCtl(QStringLiteral(DAYBREAKCTL_PATH),
                          args << QStringLiteral("--store") << url);
        };
        const QString manifest = QStringLiteral(DAYBREAK_TEST_DATA "/dbt/manifest.json");
        QCOMPARE(ctl({QStringLiteral("init")}).exit, 0);
        const CtlRun first = ctl({QStringLiteral("import"), manifest, QStringLiteral("--timezone"),
                                  QStringLiteral("Europe/Berlin")});
        QCOMPARE(first.exit, 0);
        QVERIFY2(first.out.contains(QStringLiteral("imported: 9 pipelines")),
                 qPrintable(first.out));
        // The next manifest drops a seed: shown, not written, until --apply.
        QByteArray next = fixture(QStringLiteral("manifest.json"));
        next.replace("\"seed.shop.raw_countries\": {", "\"seed.shop.raw_countries_gone\": {");
        next.replace("\"unique_id\": \"seed.shop.raw_countries\"",
                     "\"unique_id\": \"seed.shop.raw_countries_gone\"");
        next.replace("\"name\": \"raw_countries\"", "\"name\": \"countries\"");
        next.replace("\"seed.shop.raw_countries\"", "\"seed.shop.raw_countries_gone\"");
        QFile changed(dir.filePath(QStringLiteral("manifest.json")));
        QVERIFY(changed.open(QIODevice::WriteOnly));
        changed.write(next);
        changed.close();
        const CtlRun review = ctl({QStringLiteral("import"), changed.fileName()});
        QCOMPARE(review.exit, 0);
        QVERIFY2(review.out.contains(QStringLiteral("+ countries")) &&
                     review.out.contains(QStringLiteral("- raw_countries")) &&
                     review.out.contains(QStringLiteral("nothing was written")),
                 qPrintable(review.out));
        QVERIFY(ctl({QStringLiteral("status"), QStringLiteral("raw_countries")}).exit == 0);
        const CtlRun applied =
            ctl({QStringLiteral("import"), changed.fileName(), QStringLiteral("--apply")});
        QCOMPARE(applied.exit, 0);
        QCOMPARE(ctl({QStringLiteral("status"), QStringLiteral("raw_countries")}).exit, 3);
        QCOMPARE(ctl({QStringLiteral("status"), QStringLiteral("countries")}).exit, 0);
        // Bad input names the file and changes nothing.
        const CtlRun docs = ctl({QStringLiteral("import"),
                                 QStringLiteral(DAYBREAK_TEST_DATA "/dbt/run_results-docs.json")});
        QCOMPARE(docs.exit, 2);
        QVERIFY2(docs.err.contains(QStringLiteral("run_results-docs.json")), qPrintable(docs.err));
        QCOMPARE(ctl({QStringLiteral("import"), manifest, QStringLiteral("--default-sla"),
                      QStringLiteral("6am")})
                     .exit,
                 2);
    }
};

QTEST_GUILESS_MAIN(TestPlatformImport)
#include "tst_platformimport.moc"
