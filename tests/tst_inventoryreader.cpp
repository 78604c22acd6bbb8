#include "InventoryReader.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace daybreak;

class TestInventoryReader : public QObject
{
    Q_OBJECT

private:
    static QString fixture(const QString &name)
    {
        return QStringLiteral(DAYBREAK_TEST_DATA "/inventories/") + name;
    }
    static QStringList errorsOf(const InventoryReadResult &r)
    {
        QStringList lines;
        for (const Problem &p : r.problems)
            if (p.isError())
                lines << p.toString();
        return lines;
    }

private slots:
    void readsGoodJson()
    {
        const InventoryReadResult r =
            InventoryReader::readFile(fixture(QStringLiteral("good.json")));
        QVERIFY2(r.ok(), qPrintable(errorsOf(r).join(QLatin1Char('\n'))));
        QCOMPARE(r.inventory.size(), 3);
        QCOMPARE(r.inventory.timezone, QStringLiteral("Europe/Berlin"));
        const Pipeline *mart = r.inventory.find(QStringLiteral("orders_mart"));
        QVERIFY(mart);
        QCOMPARE(mart->upstreams, QStringList{QStringLiteral("orders_ingest")});
        QVERIFY(!mart->schedule.has_value());
        QCOMPARE(mart->onpremP95Minutes, std::optional<int>(40));
        QCOMPARE(mart->parityTolerance, 0.01);
        const Pipeline *report = r.inventory.find(QStringLiteral("exec_daily_sales"));
        QCOMPARE(report->sla, std::optional<QTime>(QTime(6, 0)));
        QCOMPARE(report->risk, Risk::High);
    }

    void readsGoodCsvWithQuotesAndTimezone()
    {
        const InventoryReadResult r =
            InventoryReader::readFile(fixture(QStringLiteral("good.csv")));
        QVERIFY2(r.ok(), qPrintable(errorsOf(r).join(QLatin1Char('\n'))));
        QCOMPARE(r.inventory.size(), 3);
        QCOMPARE(r.inventory.timezone, QStringLiteral("Europe/Berlin"));
        QCOMPARE(r.inventory.find(QStringLiteral("orders_mart"))->name,
                 QStringLiteral("Orders mart, enriched"));
        QCOMPARE(r.inventory.find(QStringLiteral("orders_mart"))->tags,
                 (QStringList{QStringLiteral("core"), QStringLiteral("daily")}));
        QCOMPARE(r.inventory.find(QStringLiteral("exec_daily_sales"))->upstreams,
                 (QStringList{QStringLiteral("orders_mart"), QStringLiteral("orders_ingest")}));
    }

    void badInputNamesFileLineAndField_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("malformed JSON gives line and column")
            << QStringLiteral("malformed.json")
            << QStringList{QStringLiteral("malformed.json:5:7: error: malformed JSON")};
        QTest::newRow("unknown upstream")
            << QStringLiteral("unknown_upstream.json")
            << QStringList{QStringLiteral(
                   "unknown_upstream.json:7: error: pipeline 'orders_mart', field 'upstreams': "
                   "unknown upstream 'customers_ingest'")};
        QTest::newRow("duplicate id")
            << QStringLiteral("duplicate_id.json")
            << QStringList{QStringLiteral(
                   "duplicate_id.json:7: error: pipeline 'orders_ingest', field 'id': "
                   "duplicate id (first defined on line 5)")};
        QTest::newRow("cycle printed as a path")
            << QStringLiteral("cycle.json")
            << QStringList{QStringLiteral("field 'upstreams': dependency cycle: a -> b -> c -> a")};
        QTest::newRow("pipeline reads itself")
            << QStringLiteral("self_read.json")
            << QStringList{QStringLiteral("self_read.json:5: error: pipeline 'loop', field "
                                          "'upstreams': the pipeline reads itself")};
        QTest::newRow("bad times")
            << QStringLiteral("bad_times.json")
            << QStringList{QStringLiteral("pipeline 'late', field 'schedule': bad time '25:00'"),
                           QStringLiteral("pipeline 'late', field 'sla': bad time '6am'")};
        QTest::newRow("negative and missing durations")
            << QStringLiteral("bad_durations.json")
            << QStringList{
                   QStringLiteral("pipeline 'negative', field 'duration_minutes.onprem': negative "
                                  "duration -5"),
                   QStringLiteral("pipeline 'half', field 'duration_minutes.cloud': missing"),
                   QStringLiteral("pipeline 'none', field 'duration_minutes': missing")};
        QTest::newRow("unknown risk, target and state")
            << QStringLiteral("bad_values.json")
            << QStringList{QStringLiteral("field 'risk': unknown value 'extreme'"),
                           QStringLiteral("field 'target': unknown value 'mars'"),
                           QStringLiteral("field 'state': unknown value 'migrating'")};
        QTest::newRow("CSV errors carry their line")
            << QStringLiteral("bad.csv")
            << QStringList{
                   QStringLiteral("bad.csv:3: error: pipeline 'b', field 'duration_onprem': "
                                  "negative duration -3"),
                   QStringLiteral("bad.csv:3: error: pipeline 'b', field 'upstreams': unknown "
                                  "upstream 'ghost'"),
                   QStringLiteral(
                       "bad.csv:4: error: pipeline 'c', field 'schedule': bad time '7pm'"),
                   QStringLiteral(
                       "bad.csv:4: error: pipeline 'c', field 'target': unknown value 'venus'"),
                   QStringLiteral("bad.csv:5: error: pipeline 'a', field 'id': duplicate id (first "
                                  "defined on line 2)")};
        QTest::newRow("values the store cannot hold")
            << QStringLiteral("unstorable.csv")
            << QStringList{
                   QStringLiteral("unstorable.csv:2: error: pipeline 'a', field 'duration_onprem': "
                                  "duration must be at least one minute"),
                   QStringLiteral("unstorable.csv:3: error: pipeline 'b', field 'duration_onprem': "
                                  "not a number of minutes"),
                   QStringLiteral("unstorable.csv:3: error: pipeline 'b', field 'duration_cloud': "
                                  "not a number of minutes"),
                   QStringLiteral("unstorable.csv:4: error: pipeline 'c', field 'duration_onprem': "
                                  "1e+300 minutes is more than a nightly run can take"),
                   QStringLiteral(
                       "unstorable.csv:4: error: pipeline 'c', field 'parity_tolerance': "
                       "must be a number between 0 and 1")};
        QTest::newRow("a time zone that is not a string")
            << QStringLiteral("timezone_number.json")
            << QStringList{
                   QStringLiteral("field 'timezone': must be a string such as \"Europe/Berlin\"")};
        // Once went wrong: these imported zero pipelines with exit 0, emptying an on-prem store.
        QTest::newRow("a header-only CSV")
            << QStringLiteral("header_only.csv")
            << QStringList{QStringLiteral(
                   "header_only.csv: error: field 'pipelines': the inventory holds no pipeline")};
        QTest::newRow("an empty pipelines array")
            << QStringLiteral("no_pipelines.json")
            << QStringList{QStringLiteral("no_pipelines.json: error: field 'pipelines': the "
                                          "inventory holds no pipeline")};
        QTest::newRow("an id of 300 characters, a gate of 2^31-1 nights")
            << QStringLiteral("too_long.json")
            << QStringList{QStringLiteral("field 'id': 300 characters long; at most 256"),
                           QStringLiteral("field 'parity_runs_required': must be a whole number "
                                          "from 1 to 365")};
        QTest::newRow("an approval policy that is none of the three")
            << QStringLiteral("bad_approvals.json")
            << QStringList{QStringLiteral("field 'approvals': must be none, high-risk or all "
                                          "(found 'everyone')")};
        QTest::newRow("CSV cycle")
            << QStringLiteral("cycle.csv")
            << QStringList{QStringLiteral("dependency cycle: x -> y -> z -> x")};
    }

    void badInputNamesFileLineAndField()
    {
        QFETCH(QString, file);
        QFETCH(QStringList, expected);
        const InventoryReadResult r = InventoryReader::readFile(fixture(file));
        QVERIFY(!r.ok());
        const QString all = errorsOf(r).join(QLatin1Char('\n'));
        for (const QString &text : expected)
            QVERIFY2(all.contains(text),
                     qPrintable(QStringLiteral("expected \"%1\" in:\n%2").arg(text, all)));
    }

    void everyProblemIsReportedAtOnce()
    {
        const InventoryReadResult r =
            InventoryReader::readFile(fixture(QStringLiteral("many_errors.json")));
        const QStringList errors = errorsOf(r);
        const QString all = errors.join(QLatin1Char('\n'));
        QVERIFY2(all.contains(QStringLiteral("field 'timezone': unknown time zone 'Mars/Olympus'")),
                 qPrintable(all));
        QVERIFY(all.contains(QStringLiteral("pipeline 'a', field 'schedule': bad time '99:99'")));
        QVERIFY(all.contains(
            QStringLiteral("pipeline 'a', field 'duration_minutes.onprem': negative")));
        QVERIFY(all.contains(
            QStringLiteral("pipeline 'a', field 'upstreams': unknown upstream 'ghost'")));
        QVERIFY(all.contains(
            QStringLiteral("pipeline 'b', field 'upstreams': the pipeline reads itself")));
        QVERIFY(all.contains(QStringLiteral("pipeline 'b', field 'risk': unknown value 'huge'")));
        QVERIFY(all.contains(QStringLiteral("pipeline 'a', field 'id': duplicate id")));
        QCOMPARE(errors.size(), 7);
    }

    void unknownKeysAreWarningsNotErrors()
    {
        const InventoryReadResult r =
            InventoryReader::readFile(fixture(QStringLiteral("unknown_key.json")));
        QVERIFY(r.ok());
        QCOMPARE(r.problems.size(), 1);
        QCOMPARE(r.problems.first().severity, Problem::Severity::Warning);
        QCOMPARE(r.problems.first().field, QStringLiteral("colour"));
    }

    void missingFileIsReported()
    {
        const InventoryReadResult r =
            InventoryReader::readFile(fixture(QStringLiteral("does_not_exist.json")));
        QVERIFY(!r.ok());
        QVERIFY(r.problems.first().toString().contains(
            QStringLiteral("does_not_exist.json: error: cannot read the file")));
    }

    void readsANodesAndEdgesGraph()
    {
        const InventoryReadResult r =
            InventoryReader::readFile(QStringLiteral(DAYBREAK_TEST_DATA "/graph"));
        QVERIFY2(r.ok(), qPrintable(errorsOf(r).join(QLatin1Char('\n'))));
        QCOMPARE(r.inventory.size(), 3);
        const Pipeline *report = r.inventory.find(QStringLiteral("report-1"));
        QVERIFY(report);
        QCOMPARE(report->upstreams,
                 (QStringList{QStringLiteral("warehouse.load"), QStringLiteral("sales_db")}));
        QCOMPARE(r.inventory.find(QStringLiteral("sales_db"))->name,
                 QStringLiteral("Sales database"));
        QVERIFY(r.inventory.find(QStringLiteral("sales_db"))->schedule.has_value());

        const InventoryReadResult bad =
            InventoryReader::readFile(QStringLiteral(DAYBREAK_TEST_DATA "/badgraph"));
        const QString all = errorsOf(bad).join(QLatin1Char('\n'));
        QVERIFY2(all.contains(QStringLiteral("nodes.csv:4: error: pipeline 'a', field 'id': "
                                             "duplicate id (first defined on line 2)")),
                 qPrintable(all));
        QVERIFY(
            all.contains(QStringLiteral("edges.csv:3: error: pipeline 'ghost', field "
                                        "'source,target': edge b -> ghost names an unknown node")));
        QVERIFY(all.contains(QStringLiteral("dependency cycle: a -> b -> a")));
    }

    void changeWindowPolicyIsRead()
    {
        const InventoryReadResult r =
            InventoryReader::readFile(fixture(QStringLiteral("all_week.json")));
        QVERIFY(r.ok());
        QCOMPARE(r.inventory.changeWindow.startDay, int(Qt::Monday));
        QCOMPARE(r.inventory.parityRunsRequired, 3);
        const QByteArray bad =
            R"({"format": "daybreak-inventory/1", "change_window": {"start_day": "caturday",
            "end": "24:61", "blackout_dates": ["2026-13-01"]}, "pipelines": []})";
        const InventoryReadResult broken = InventoryReader::readJson(bad, QStringLiteral("w.json"));
        const QString all = errorsOf(broken).join(QLatin1Char('\n'));
        QVERIFY2(
            all.contains(QStringLiteral("field 'change_window.start_day': unknown day 'caturday'")),
            qPrintable(all));
        QVERIFY(all.contains(QStringLiteral("field 'change_window.end': bad time '24:61'")));
        QVERIFY(all.contains(
            QStringLiteral("field 'change_window.blackout_dates': bad date '2026-13-01'")));
    }

    void inputDetailsAreNamedNotGuessed()
    {
        // Once went wrong: each of these was taken silently.
        const QByteArray header = "id,name,owner,schedule,duration_onprem,duration_cloud,risk,"
                                  "target";
        InventoryReadResult r = InventoryReader::readCsv(
            header + ",name\na,A,o,01:00,10,10,low,cloud,B\n", QStringLiteral("dup.csv"));
        QCOMPARE(errorsOf(r), QStringList{QStringLiteral(
                                  "dup.csv:1: error: field 'name': column 9 repeats column 2")});

        r = InventoryReader::readCsv(header + "\r\na,\"two\r\nlines\",o,01:00,10,10,low,cloud\r\n",
                                     QStringLiteral("crlf.csv"));
        QVERIFY(r.ok());
        QCOMPARE(r.inventory.find(QStringLiteral("a"))->name, QStringLiteral("two\nlines"));

        r = InventoryReader::readJson(
            R"({"format": "daybreak-inventory/1", "pipelines": [
            {"id": "a", "name": "a", "owner": "o", "schedule": "01:00", "risk": "low",
             "target": "cloud", "duration_minutes": {"onprem": 10, "cloud": 10}},
            {"id": "b", "name": "b", "owner": "o", "schedule": "after_upstreams", "risk": "low",
             "target": "cloud", "duration_minutes": {"onprem": 10, "cloud": 10},
             "upstreams": ["a", 7, {"id": "a"}]}]})",
            QStringLiteral("u.json"));
        const QString all = errorsOf(r).join(QLatin1Char('\n'));
        QVERIFY2(all.contains(QStringLiteral(
                     "pipeline 'b', field 'upstreams[1]': expected an id (a string)")),
                 qPrintable(all));
        QVERIFY(all.contains(
            QStringLiteral("pipeline 'b', field 'upstreams[2]': expected an id (a string)")));
        QCOMPARE(errorsOf(r).size(), 2);

        // The last of two keys used to win without a word: two "pipelines" emptied a store.
        r = InventoryReader::readJson(
            "{\"format\": \"daybreak-inventory/1\",\n"
            "\"pipelines\": [{\"id\": \"a\", \"name\": \"a\", \"owner\": \"o\", \"schedule\": "
            "\"01:00\", \"risk\": \"low\", \"target\": \"cloud\", \"risk\": \"high\",\n"
            "\"duration_minutes\": {\"onprem\": 10, \"cloud\": 10}}],\n"
            "\"note\": \"a \\\"pipelines\\\": [] inside a string is no key\",\n"
            "\n"
            "\"pipelines\": []}",
            QStringLiteral("twice.json"));
        QCOMPARE(errorsOf(r),
                 (QStringList{QStringLiteral("twice.json:2: error: field 'risk': the key repeats "
                                             "(first on line 2); only one of them can be meant"),
                              QStringLiteral("twice.json:6: error: field 'pipelines': the key "
                                             "repeats (first on line 2); only one of them can be "
                                             "meant"),
                              QStringLiteral("twice.json: error: field 'pipelines': the "
                                             "inventory holds no pipeline")}));
    }

    void invalidUtf8IsRefusedWithItsPlace()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("latin1.csv"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("id,name,owner,schedule,duration_onprem,duration_cloud,risk,target\n"
                "a,Caf\xc3\xa9,o,01:00,10,10,low,cloud\n"
                "b,Caf\xe9 noir,o,01:00,10,10,low,cloud\n");
        f.close();
        const InventoryReadResult r = InventoryReader::readFile(path);
        QCOMPARE(errorsOf(r),
                 QStringList{
                     path +
                     QStringLiteral(":3:6: error: not valid UTF-8 here; save the file as UTF-8")});
        QVERIFY(r.inventory.pipelines().isEmpty());
    }

    void aSelfEdgeIsReportedInEdgesCsv()
    {
        QTemporaryDir dir;
        QFile nodes(dir.filePath(QStringLiteral("nodes.csv")));
        QVERIFY(nodes.open(QIODevice::WriteOnly));
        nodes.write("id,name\nx,X\ny,Y\n");
        nodes.close();
        QFile edges(dir.filePath(QStringLiteral("edges.csv")));
        QVERIFY(edges.open(QIODevice::WriteOnly));
        edges.write("source,target\nx,y\ny,y\n");
        edges.close();
        const InventoryReadResult r = InventoryReader::readFile(dir.path());
        QCOMPARE(errorsOf(r), QStringList{edges.fileName() +
                                          QStringLiteral(":3: error: pipeline 'y', field "
                                                         "'source,target': edge y -> y makes the "
                                                         "node read itself")});
    }
};

QTEST_GUILESS_MAIN(TestInventoryReader)
#include "tst_inventoryreader.moc"
