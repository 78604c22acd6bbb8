#include "InventoryReader.h"
#include "InventoryService.h"
#include "ManualClock.h"
#include "PlanReport.h"
#include "PlanService.h"
#include "ReportExport.h"
#include "SlaService.h"
#include "SqliteStore.h"
#include "TestStores.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace daybreak;

// Reports from the demo store with a plan, written by daybreakctl (no display) and read back
// with the tools a lead's reader would use: pdftotext, Graphviz and our own CSV reader.
class TestReports : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_store;
    ManualClock m_clock{QDateTime(QDate(2026, 11, 24), QTime(10, 0), QTimeZone("Europe/Berlin"))};

    int ctl(const QStringList &args, QString *err = nullptr)
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("DISPLAY"));
        env.remove(QStringLiteral("QT_QPA_PLATFORM")); // the program must choose offscreen itself
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(DAYBREAKCTL_PATH),
                args + QStringList{QStringLiteral("--store"), m_store});
        p.waitForFinished(120000);
        if (err)
            *err = QString::fromUtf8(p.readAllStandardError());
        return p.exitCode();
    }
    // A runbook's commands continue over lines with the shell's " \\": joined back, as a shell
    // reads them.
    static QString joined(QString text)
    {
        static const QRegularExpression continuation(QStringLiteral(" \\\\\n\\s*"));
        return text.replace(continuation, QStringLiteral(" "));
    }
    // The words of a command as a POSIX shell splits them (single and double quotes; a word
    // that begins with # starts a comment, to the end of the line).
    static QStringList shellWords(const QString &command)
    {
        QStringList words;
        QString word;
        QChar quote;
        bool inWord = false;
        for (const QChar c : command) {
            if (quote.isNull() && !inWord && c == QLatin1Char('#'))
                break;
            if (!quote.isNull()) {
                if (c == quote)
                    quote = QChar();
                else
                    word += c;
            } else if (c == QLatin1Char('\'') || c == QLatin1Char('"')) {
                quote = c;
                inWord = true;
            } else if (c.isSpace()) {
                if (inWord)
                    words << word;
                word.clear();
                inWord = false;
            } else {
                word += c;
                inWord = true;
            }
        }
        if (inWord)
            words << word;
        return words;
    }
    int ctlOn(const QString &store, const QStringList &args, QString *err = nullptr)
    {
        const QString saved = m_store;
        m_store = store;
        const int exit = ctl(args, err);
        m_store = saved;
        return exit;
    }
    QString run(const QString &program, const QStringList &args, int *exitCode = nullptr)
    {
        QProcess p;
        p.start(program, args);
        p.waitForFinished(60000);
        if (exitCode)
            *exitCode = p.exitCode();
        return QString::fromUtf8(p.readAllStandardOutput());
    }
    QStringList waveOrder(const QString &wave)
    {
        SqliteStore store(m_store, OpenMode::MustExist);
        const StoreSnapshot s = store.snapshot();
        return WaveRules(s, QDate(2026, 11, 24)).cutoverOrder(*s.plan.find(wave));
    }

private slots:
    void initTestCase()
    {
        m_store = m_dir.filePath(QStringLiteral("demo.sqlite"));
        SqliteStore store(m_store, OpenMode::CreateIfMissing);
        QVERIFY(InventoryService(store, m_clock, QStringLiteral("t")).importDemo().ok());
        PlanService plans(store, m_clock, QStringLiteral("lead"));
        QVERIFY(plans.addWave(QStringLiteral("Wave 1"), QDate(2026, 11, 28)).ok());
        QVERIFY(plans
                    .assign({QStringLiteral("stg_ad_spend"), QStringLiteral("core_fx")},
                            QStringLiteral("Wave 1"))
                    .ok());
        QVERIFY(plans.autoPlan({QDate(2026, 12, 5), 8, 2}, true).ok());
    }

    void pdfHasEveryWaveInOrderAndTheRollbackCommands()
    {
        const QString pdf = m_dir.filePath(QStringLiteral("plan.pdf"));
        QString err;
        QCOMPARE(ctl({QStringLiteral("report"), QStringLiteral("--format"), QStringLiteral("pdf"),
                      QStringLiteral("--out"), pdf},
                     &err),
                 0);
        const QString pdftotext = QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
        QVERIFY2(!pdftotext.isEmpty(),
                 "pdftotext (poppler-utils) is installed by scripts/install-deps.sh");
        QString text = joined(run(pdftotext, {pdf, QStringLiteral("-")}));
        text.replace(QLatin1Char('\n'), QLatin1Char(' '));
        // The PDF sets ligatures (ﬁ, ﬂ); compatibility normalisation turns them back into letters.
        text = text.normalized(QString::NormalizationForm_KC).simplified();
        QVERIFY(text.contains(QStringLiteral("Migration plan")));
        QVERIFY(text.contains(QStringLiteral("Europe/Berlin")));
        SqliteStore store(m_store, OpenMode::MustExist);
        const StoreSnapshot s = store.snapshot();
        QVERIFY(s.plan.waves().size() >= 8);
        int done = 0;
        for (const Wave &w : s.plan.waves()) {
            QVERIFY2(text.contains(QStringLiteral("%1 — %2").arg(
                         w.name, w.date.toString(QStringLiteral("dddd yyyy-MM-dd")))),
                     qPrintable(w.name));
            // A wave whose members are all in the cloud is listed with its rollbacks only.
            const bool allCut = std::all_of(w.members.begin(), w.members.end(), [&](auto &id) {
                return canonicalSide(s.stateOf(id)) == Side::Cloud;
            });
            if (allCut) {
                ++done;
                QVERIFY(text.contains(
                    QStringLiteral("%1 — %2 (done)")
                        .arg(w.name, w.date.toString(QStringLiteral("dddd yyyy-MM-dd")))));
                for (const QString &id : w.members)
                    QVERIFY(text.contains(QStringLiteral("rollback %1 --reason").arg(id)));
                QVERIFY(!text.contains(QStringLiteral("Runbook — %1 ").arg(w.name)));
                continue;
            }
            // Members appear in cutover order within the wave's runbook.
            const qsizetype runbook = text.indexOf(QStringLiteral("Runbook — %1").arg(w.name));
            QVERIFY(runbook >= 0);
            qsizetype at = runbook;
            int n = 0;
            for (const QString &id : waveOrder(w.name)) {
                const qsizetype next =
                    text.indexOf(QStringLiteral("%1. %2 —").arg(++n).arg(id), at);
                QVERIFY2(next > at, qPrintable(QStringLiteral("%1 in %2").arg(id, w.name)));
                at = next;
                QVERIFY(text.indexOf(QStringLiteral("rollback %1 --reason").arg(id), at) > at);
            }
        }
        QVERIFY(done >= 2); // the demo's Pilot and Clickstream
        QVERIFY(text.contains(QStringLiteral("roll back recommended"))); // stg_clickstream's breach

        // Page 1 is the summary a lead reads first; the details come after, in an appendix.
        const QString first =
            run(pdftotext, {QStringLiteral("-f"), QStringLiteral("1"), QStringLiteral("-l"),
                            QStringLiteral("1"), pdf, QStringLiteral("-")})
                .simplified();
        for (const QString &expected :
             {QStringLiteral("weekends needed"), QStringLiteral("pipelines to move"),
              QStringLiteral("high-risk still to move"), QStringLiteral("open parity breaches"),
              QStringLiteral("held cutovers"), QStringLiteral("The 6am after"),
              QStringLiteral("Tonight: the critical path"), QStringLiteral("rpt_finance_flash")})
            QVERIFY2(first.contains(expected), qPrintable(expected));
        for (const Wave &w : s.plan.waves())
            QVERIFY2(first.contains(w.name), qPrintable(w.name));
        QVERIFY(text.indexOf(QStringLiteral("Appendix A.")) >
                text.lastIndexOf(QStringLiteral("Runbook — ")));
        int pages = 0;
        const QString info = run(QStandardPaths::findExecutable(QStringLiteral("pdfinfo")), {pdf});
        static const QRegularExpression count(QStringLiteral("Pages:\\s+(\\d+)"));
        pages = count.match(info).captured(1).toInt();
        QVERIFY2(pages > 5 && pages < 40, qPrintable(info));
    }

    void runbookCommandsCopyOutOfThePdfAndRun()
    {
        // A 60-character id in a wave of its own store, beside the demo's plan.
        const QString longId =
            QStringLiteral("finance_flash_profit_and_loss_reconciliation_daily_fixed_fx2");
        QCOMPARE(longId.size(), 60);
        QTemporaryDir dir;
        const QString inventory = dir.filePath(QStringLiteral("long.json"));
        {
            QFile f(inventory);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QStringLiteral(
                        R"({"format": "daybreak-inventory/1", "timezone": "Europe/Berlin",
  "pipelines": [
    {"id": "fx_source", "name": "FX source", "owner": "finance", "schedule": "01:00",
     "duration_minutes": {"onprem": 30, "cloud": 20}, "upstreams": [], "risk": "low",
     "target": "cloud"},
    {"id": "%1", "name": "Flash", "owner": "finance", "schedule": "after_upstreams",
     "duration_minutes": {"onprem": 30, "cloud": 20}, "upstreams": ["fx_source"],
     "risk": "low", "target": "cloud", "sla": "06:00"}]})")
                        .arg(longId)
                        .toUtf8());
        }
        const QString longStore = dir.filePath(QStringLiteral("long.sqlite"));
        for (const QStringList &args :
             {QStringList{QStringLiteral("init"), QStringLiteral("--inventory"), inventory},
              QStringList{QStringLiteral("wave"), QStringLiteral("add"), QStringLiteral("--name"),
                          QStringLiteral("W"), QStringLiteral("--date"),
                          QStringLiteral("2030-01-05")},
              QStringList{QStringLiteral("wave"), QStringLiteral("assign"),
                          QStringLiteral("fx_source"), QStringLiteral("W")},
              QStringList{QStringLiteral("wave"), QStringLiteral("assign"), longId,
                          QStringLiteral("W")}}) {
            QString err;
            QCOMPARE(ctlOn(longStore, args, &err), 0);
        }
        const QString pdftotext = QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
        QVERIFY(!pdftotext.isEmpty());
        int checked = 0;
        for (const QString &store : {m_store, longStore}) {
            const QString pdf = dir.filePath(QStringLiteral("runbook.pdf"));
            QCOMPARE(ctlOn(store, {QStringLiteral("report"), QStringLiteral("--format"),
                                   QStringLiteral("pdf"), QStringLiteral("--out"), pdf}),
                     0);
            const QString text = run(pdftotext, {pdf, QStringLiteral("-")});
            // No typographic ligature anywhere (U+FB00 to U+FB06).
            static const QRegularExpression ligature(QStringLiteral("[\\x{FB00}-\\x{FB06}]"));
            const QRegularExpressionMatch found = ligature.match(text);
            QVERIFY2(!found.hasMatch(),
                     qPrintable(QStringLiteral("a ligature in \"%1\"")
                                    .arg(text.mid(
                                        std::max<qsizetype>(0, found.capturedStart() - 30), 60))));
            if (store == longStore)
                QVERIFY2(text.contains(QStringLiteral("2. %1 —").arg(longId)),
                         "the long id on one line, unbroken");
            // Every command, joined where the shell's " \" continues it, parses; with
            // --dry-run a state change exits 0 (it would go) or 4 (refused, with why).
            const QStringList lines = text.split(QLatin1Char('\n'));
            for (qsizetype i = 0; i < lines.size(); ++i) {
                if (!lines.at(i).startsWith(QStringLiteral("daybreakctl ")))
                    continue;
                const QString context = lines.mid(i, 4).join(QStringLiteral(" | "));
                QString command = lines.at(i);
                while (command.endsWith(QStringLiteral(" \\")) && i + 1 < lines.size())
                    command = command.chopped(2) + QLatin1Char(' ') + lines.at(++i).trimmed();
                const QStringList words = shellWords(command);
                QVERIFY2(words.size() >= 5 && words.at(1) == QStringLiteral("--store") &&
                             words.at(2) == store,
                         qPrintable(command + QStringLiteral(" from: ") + context));
                QStringList args = words.mid(3);
                const bool change = args.first() == QStringLiteral("cutover") ||
                                    args.first() == QStringLiteral("rollback");
                if (change && !args.contains(QStringLiteral("--dry-run")))
                    args << QStringLiteral("--dry-run");
                QString err;
                const int exit = ctlOn(store, args, &err);
                QVERIFY2(
                    exit == 0 || (change && exit == 4),
                    qPrintable(QStringLiteral("%1: exit %2: %3").arg(command).arg(exit).arg(err)));
                ++checked;
            }
        }
        QVERIFY(checked > 50);
        // Nothing was written by any of them.
        SqliteStore store(longStore, OpenMode::MustExist);
        for (const AuditEntry &a : store.auditLog())
            QVERIFY2(a.action != QStringLiteral("cutover") &&
                         a.action != QStringLiteral("rollback"),
                     qPrintable(a.action));
    }

    void twoCopiesCanBeToldApart()
    {
        // The version line: the inventory's fingerprint and the plan version, on the title page.
        SqliteStore store(m_store, OpenMode::MustExist);
        const StoreSnapshot s = store.snapshot();
        const QString fingerprint = PlanReport::inventoryFingerprint(s.inventory);
        QCOMPARE(fingerprint.size(), 12);
        QCOMPARE(PlanReport::inventoryFingerprint(s.inventory), fingerprint); // stable
        const QString md = m_dir.filePath(QStringLiteral("version.md"));
        QCOMPARE(ctl({QStringLiteral("report"), QStringLiteral("--format"), QStringLiteral("md"),
                      QStringLiteral("--out"), md}),
                 0);
        QFile f(md);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(f.readAll());
        QVERIFY2(text.contains(QStringLiteral("- Version: inventory %1, plan version %2")
                                   .arg(fingerprint)
                                   .arg(s.planVersion)),
                 qPrintable(text.left(400)));
        // Any change to a definition changes it; the order pipelines come in does not.
        QList<Pipeline> pipelines = s.inventory.pipelines();
        Inventory changed = s.inventory;
        pipelines.first().onpremMinutes += 1;
        changed.setPipelines(pipelines);
        QVERIFY(PlanReport::inventoryFingerprint(changed) != fingerprint);
        pipelines.first().onpremMinutes -= 1;
        std::reverse(pipelines.begin(), pipelines.end());
        changed.setPipelines(pipelines);
        QCOMPARE(PlanReport::inventoryFingerprint(changed), fingerprint);
    }

    void htmlAndMarkdownCarryTheSameContent()
    {
        const QString html = m_dir.filePath(QStringLiteral("plan.html"));
        const QString md = m_dir.filePath(QStringLiteral("plan.md"));
        QCOMPARE(ctl({QStringLiteral("report"), QStringLiteral("--format"), QStringLiteral("html"),
                      QStringLiteral("--out"), html}),
                 0);
        QCOMPARE(ctl({QStringLiteral("report"), QStringLiteral("--format"), QStringLiteral("md"),
                      QStringLiteral("--out"), md}),
                 0);
        QFile h(html), m(md);
        QVERIFY(h.open(QIODevice::ReadOnly) && m.open(QIODevice::ReadOnly));
        const QString htmlText = joined(QString::fromUtf8(h.readAll()));
        const QString mdText = QString::fromUtf8(m.readAll());
        QVERIFY(htmlText.contains(QStringLiteral("data:image/png;base64,")));
        QVERIFY(mdText.contains(QStringLiteral("](plan-graph.png)")));
        QVERIFY(mdText.contains(QStringLiteral("](plan-calendar-1.png)")));
        QVERIFY(QFile::exists(m_dir.filePath(QStringLiteral("plan-calendar-1.png"))));
        // A wiki's task list, and the commands in shell blocks.
        QVERIFY(mdText.contains(QStringLiteral("- [ ] **1. ")));
        QVERIFY(mdText.contains(QStringLiteral("```sh\n")));
        // The page reads on a phone and prints in landscape with the PDF's page breaks.
        QVERIFY(htmlText.contains(QStringLiteral("name='viewport'")));
        QVERIFY(htmlText.contains(QStringLiteral("@page{size:A4 landscape")));
        QVERIFY(htmlText.contains(QStringLiteral("page-break-before:always")));
        QVERIFY(QFile::exists(m_dir.filePath(QStringLiteral("plan-graph.png"))));
        for (const QString &text : {htmlText, mdText}) {
            QVERIFY(text.contains(QStringLiteral("Wave 1")));
            QVERIFY(text.contains(QStringLiteral("cutover core_fx --reason")));
            QVERIFY(text.contains(QStringLiteral("rollback core_fx --reason")));
            QVERIFY(text.contains(QStringLiteral("rpt_exec_daily_sales")));
        }
    }

    // A report made after the night's 6am tells the night as it happened; during the night, as
    // it stands; before anything ran, as planned. And a wave whose night has no report with a
    // deadline says so, not "0 report(s) on track".
    void theNightIsToldAsItStands()
    {
        SqliteStore store(m_store, OpenMode::MustExist);
        const StoreSnapshot s = store.snapshot();
        const QTimeZone berlin("Europe/Berlin");
        const QDate night(2026, 11, 25);
        QList<RunEvent> events;
        for (const Pipeline &p : s.inventory.pipelines())
            for (const auto &[kind, hour] :
                 {std::pair{RunEvent::Kind::Started, 1}, std::pair{RunEvent::Kind::Succeeded, 2}}) {
                RunEvent e;
                e.pipeline = p.id;
                e.businessDate = night;
                e.kind = kind;
                e.at = QDateTime(night, QTime(hour, 0), berlin);
                events << e;
            }
        const auto heading = [&](const QDateTime &at, bool withEvents) {
            PlanReport::Options o{m_store, at, {}, nullptr, std::nullopt};
            if (withEvents)
                o.night = SlaService::project(s, night, events, at);
            return PlanReport(s, o).tonightHeading();
        };
        QCOMPARE(heading(QDateTime(night, QTime(9, 5), berlin), true),
                 QStringLiteral("Last night: the 6am reports (business date 2026-11-25, as it "
                                "happened)"));
        QCOMPARE(heading(QDateTime(night, QTime(3, 40), berlin), true),
                 QStringLiteral("Tonight: the critical path to the 6am reports (business date "
                                "2026-11-25, as of 03:40)"));
        QVERIFY(heading(QDateTime(night.addDays(-1), QTime(15, 0), berlin), false)
                    .endsWith(QStringLiteral("as planned)")));

        StoreSnapshot none = s;
        QList<Pipeline> noDeadlines = s.inventory.pipelines();
        for (Pipeline &p : noDeadlines)
            p.sla.reset();
        none.inventory.setPipelines(noDeadlines);
        const QString md =
            PlanReport(none, {m_store, QDateTime(night, QTime(9, 0), berlin), {}, nullptr, {}})
                .markdown([](const QString &name) { return name + QStringLiteral(".png"); });
        QVERIFY(!md.contains(QStringLiteral("0 report(s) on track")));
        QVERIFY(md.contains(QStringLiteral("no report with a deadline")));
    }

    void onlyOneWave()
    {
        const QString md = m_dir.filePath(QStringLiteral("wave1.md"));
        QCOMPARE(
            ctl({QStringLiteral("report"), QStringLiteral("--format"), QStringLiteral("md"),
                 QStringLiteral("--out"), md, QStringLiteral("--wave"), QStringLiteral("Wave 1")}),
            0);
        QFile f(md);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(f.readAll());
        QVERIFY(text.contains(QStringLiteral("Runbook — Wave 1")));
        QVERIFY(!text.contains(QStringLiteral("Runbook — wave-2026-12-05")));
        QString err;
        QCOMPARE(
            ctl({QStringLiteral("report"), QStringLiteral("--format"), QStringLiteral("md"),
                 QStringLiteral("--out"), md, QStringLiteral("--wave"), QStringLiteral("nope")},
                &err),
            3);
        QCOMPARE(ctl({QStringLiteral("report"), QStringLiteral("--format"), QStringLiteral("docx"),
                      QStringLiteral("--out"), md},
                     &err),
                 2);
        QVERIFY(err.contains(QStringLiteral("--format must be pdf, html, md, csv or dot")));
    }

    void dotParsesWithGraphviz()
    {
        const QString dot = m_dir.filePath(QStringLiteral("plan.dot"));
        QCOMPARE(ctl({QStringLiteral("report"), QStringLiteral("--format"), QStringLiteral("dot"),
                      QStringLiteral("--out"), dot}),
                 0);
        const QString graphviz = QStandardPaths::findExecutable(QStringLiteral("dot"));
        QVERIFY2(!graphviz.isEmpty(), "Graphviz is installed by scripts/install-deps.sh");
        int code = -1;
        const QString svg = run(graphviz, {QStringLiteral("-Tsvg"), dot}, &code);
        QCOMPARE(code, 0);
        QVERIFY(svg.contains(QStringLiteral("rpt_exec_daily_sales")));
        QFile f(dot);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(f.readAll());
        QVERIFY(text.contains(QStringLiteral(
            "\"fx_rates_extract\" [label=\"fx_rates_extract\\ncloud\", fillcolor=\"#5b9bd5\"")));
        QVERIFY(text.contains(
            QStringLiteral("\"stg_fx_rates\" -> \"core_fx\" [color=\"#d35f00\", style=dashed")));
    }

    void csvRoundTripsThroughTheInventoryReader()
    {
        const QString csv = m_dir.filePath(QStringLiteral("plan.csv"));
        QCOMPARE(ctl({QStringLiteral("report"), QStringLiteral("--format"), QStringLiteral("csv"),
                      QStringLiteral("--out"), csv}),
                 0);
        const InventoryReadResult read = InventoryReader::readFile(csv);
        QVERIFY(read.ok());
        SqliteStore store(m_store, OpenMode::MustExist);
        const StoreSnapshot s = store.snapshot();
        QCOMPARE(read.inventory.size(), s.inventory.size());
        QCOMPARE(read.inventory.timezone, s.inventory.timezone);
        for (const Pipeline &p : s.inventory.pipelines()) {
            const Pipeline *back = read.inventory.find(p.id);
            QVERIFY(back);
            QCOMPARE(back->name, p.name);
            QCOMPARE(back->owner, p.owner);
            QCOMPARE(back->schedule, p.schedule);
            QCOMPARE(back->onpremMinutes, p.onpremMinutes);
            QCOMPARE(back->cloudMinutes, p.cloudMinutes);
            QCOMPARE(back->sla, p.sla);
            QCOMPARE(back->upstreams, p.upstreams);
            QCOMPARE(back->risk, p.risk);
            QCOMPARE(back->target, p.target);
            QCOMPARE(back->initialState, s.stateOf(p.id));
        }
        // The plan columns are there for spreadsheets.
        QFile f(csv);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(f.readAll());
        // daybreakctl judged the gate at the real today; the rest of the row does not depend on it.
        static const QRegularExpression row(
            QStringLiteral("core_fx,Core FX conversion "
                           "table,finance,after_upstreams,5,4,,stg_fx_rates,low,cloud,dual_run,"
                           "onprem,Wave 1,2026-11-28,2,(passed|failed|pending)\n"));
        QVERIFY(row.match(text).hasMatch());
        // On the day the demo was seeded, its seven clean nights pass core_fx's gate.
        const QString seeded =
            ReportExport::csv(s, m_clock.now().toTimeZone(QTimeZone("Europe/Berlin")).date());
        QVERIFY(
            seeded.contains(QStringLiteral("core_fx,Core FX conversion "
                                           "table,finance,after_upstreams,5,4,,stg_fx_rates,low,"
                                           "cloud,dual_run,onprem,Wave 1,2026-11-28,2,passed\n")));
    }
};

QTEST_MAIN(TestReports)
#include "tst_reports.moc"
