#include "CliCalendar.h"
#include "SqliteStore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace daybreak;

namespace {
struct Run
{
    int exit = -1;
    QString out;
    QString err;
};
} // namespace

// daybreakctl wave … end to end on the demo store.
class TestCliWaves : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_store;

    Run ctl(QStringList args)
    {
        args << QStringLiteral("--store") << m_store;
        QProcess p;
        p.start(QStringLiteral(DAYBREAKCTL_PATH), args);
        p.closeWriteChannel();
        if (!p.waitForFinished(60000))
            return {};
        return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
                QString::fromUtf8(p.readAllStandardError())};
    }
    // The waves from today on: the demo's past waves (already cut over) are not the test's.
    QJsonArray waves()
    {
        const QString today =
            CliCalendar::todayIn(QStringLiteral("Europe/Berlin")).toString(Qt::ISODate);
        QJsonArray coming;
        for (const QJsonValue &w :
             QJsonDocument::fromJson(
                 ctl({QStringLiteral("wave"), QStringLiteral("list"), QStringLiteral("--json")})
                     .out.toUtf8())
                 .array())
            if (w.toObject()[QStringLiteral("date")].toString() >= today)
                coming.append(w);
        return coming;
    }
    // The nth (1-based) Saturday after today that is not one of the demo's blackout dates: waves
    // must fall in the change window, whatever day the suite runs.
    QString saturday(int nth)
    {
        const Inventory demo = SqliteStore(m_store, OpenMode::MustExist).snapshot().inventory;
        return CliCalendar::openSaturdays(demo, nth).last().toString(Qt::ISODate);
    }
    QString nextTuesday()
    {
        const Inventory demo = SqliteStore(m_store, OpenMode::MustExist).snapshot().inventory;
        return CliCalendar::nextWeekday(demo, Qt::Tuesday).toString(Qt::ISODate);
    }

private slots:
    void init()
    {
        m_store = m_dir.filePath(
            QStringLiteral("%1.sqlite").arg(QString::fromLatin1(QTest::currentTestFunction())));
        QCOMPARE(ctl({QStringLiteral("init"), QStringLiteral("--demo")}).exit, 0);
    }

    void addAssignListAndRefusals()
    {
        const QString sat = saturday(1);
        const QString later = saturday(2);
        QCOMPARE(ctl({QStringLiteral("wave"), QStringLiteral("add"), QStringLiteral("--date"), sat,
                      QStringLiteral("--name"), QStringLiteral("W1"), QStringLiteral("--capacity"),
                      QStringLiteral("3")})
                     .exit,
                 0);
        QCOMPARE(ctl({QStringLiteral("wave"), QStringLiteral("add"), QStringLiteral("--date"),
                      later, QStringLiteral("--name"), QStringLiteral("W2")})
                     .exit,
                 0);
        Run r = ctl({QStringLiteral("wave"), QStringLiteral("add"), QStringLiteral("--date"),
                     QStringLiteral("2026-02-30")});
        QCOMPARE(r.exit, 2);
        QVERIFY(r.err.contains(QStringLiteral("--date: '2026-02-30' is not a date")));
        // A weekday wave is refused by the change-window rule.
        r = ctl({QStringLiteral("wave"), QStringLiteral("add"), QStringLiteral("--date"),
                 nextTuesday()});
        QCOMPARE(r.exit, 4);
        QVERIFY(r.err.contains(QStringLiteral("outside the change window")));

        // stg_fx_rates is cloud already; core_fx (dual-run) reads it: valid.
        QCOMPARE(ctl({QStringLiteral("wave"), QStringLiteral("assign"), QStringLiteral("core_fx"),
                      QStringLiteral("W1")})
                     .exit,
                 0);
        // stg_products reads erp_products_extract, unplanned: refused, naming both.
        r = ctl({QStringLiteral("wave"), QStringLiteral("assign"), QStringLiteral("stg_products"),
                 QStringLiteral("W1")});
        QCOMPARE(r.exit, 4);
        QVERIFY(
            r.err.contains(QStringLiteral("stg_products reads erp_products_extract, which is still "
                                          "canonical on-prem and not planned in any wave")));
        QCOMPARE(ctl({QStringLiteral("wave"), QStringLiteral("assign"),
                      QStringLiteral("erp_products_extract"), QStringLiteral("W2")})
                     .exit,
                 0);
        r = ctl({QStringLiteral("wave"), QStringLiteral("assign"), QStringLiteral("stg_products"),
                 QStringLiteral("W1")});
        QCOMPARE(r.exit, 4);
        QVERIFY(r.err.contains(QStringLiteral("which is planned in the later wave 'W2'")));
        QCOMPARE(ctl({QStringLiteral("wave"), QStringLiteral("assign"),
                      QStringLiteral("stg_products"), QStringLiteral("W2")})
                     .exit,
                 0);
        // Moving the upstream later than its downstream is refused from the other side too.
        QCOMPARE(ctl({QStringLiteral("wave"), QStringLiteral("unassign"),
                      QStringLiteral("erp_products_extract")})
                     .exit,
                 4);
        QCOMPARE(ctl({QStringLiteral("wave"), QStringLiteral("assign"), QStringLiteral("ghost"),
                      QStringLiteral("W2")})
                     .exit,
                 3);
        QCOMPARE(ctl({QStringLiteral("wave"), QStringLiteral("assign"), QStringLiteral("core_fx"),
                      QStringLiteral("W9")})
                     .exit,
                 3);

        // The demo's past wave is history, not a target.
        Run past = ctl({QStringLiteral("wave"), QStringLiteral("assign"),
                        QStringLiteral("erp_orders_extract"), QStringLiteral("Pilot")});
        QCOMPARE(past.exit, 4);
        QVERIFY2(past.err.contains(QStringLiteral("wave 'Pilot' is over: its window ended")),
                 qPrintable(past.err));

        const QJsonArray list = waves();
        QCOMPARE(list.size(), 2);
        const QJsonObject w2 = list.at(1).toObject();
        QCOMPARE(w2[QStringLiteral("name")].toString(), QStringLiteral("W2"));
        QCOMPARE(w2[QStringLiteral("date")].toString(), later);
        QCOMPARE(w2[QStringLiteral("capacity")].toInt(), 8);
        QCOMPARE(w2[QStringLiteral("max_high_risk")].toInt(), 2);
        QCOMPARE(
            w2[QStringLiteral("members")].toArray().toVariantList(),
            (QVariantList{QStringLiteral("erp_products_extract"), QStringLiteral("stg_products")}));
        QCOMPARE(list.at(0).toObject()[QStringLiteral("capacity")].toInt(), 3);

        // status --json shows the wave.
        const QJsonArray status =
            QJsonDocument::fromJson(
                ctl({QStringLiteral("status"), QStringLiteral("core_fx"), QStringLiteral("--json")})
                    .out.toUtf8())
                .array();
        QCOMPARE(status.first().toObject()[QStringLiteral("wave")].toString(),
                 QStringLiteral("W1"));

        // The audit log has the plan edits.
        const QJsonArray audit =
            QJsonDocument::fromJson(
                ctl({QStringLiteral("audit"), QStringLiteral("core_fx"), QStringLiteral("--json")})
                    .out.toUtf8())
                .array();
        QCOMPARE(audit.last().toObject()[QStringLiteral("action")].toString(),
                 QStringLiteral("wave_assign"));
        QCOMPARE(audit.last().toObject()[QStringLiteral("to")].toString(), QStringLiteral("W1"));

        QCOMPARE(ctl({QStringLiteral("wave"), QStringLiteral("validate")}).exit, 0);
        QCOMPARE(ctl({QStringLiteral("wave"), QStringLiteral("remove"), QStringLiteral("W1")}).exit,
                 0);
        QCOMPARE(waves().size(), 1);
    }

    void capacityAndHighRisk()
    {
        const QString sat = saturday(2);
        QCOMPARE(
            ctl({QStringLiteral("wave"), QStringLiteral("add"), QStringLiteral("--date"), sat,
                 QStringLiteral("--name"), QStringLiteral("tiny"), QStringLiteral("--capacity"),
                 QStringLiteral("1"), QStringLiteral("--max-high-risk"), QStringLiteral("0")})
                .exit,
            0);
        Run r = ctl({QStringLiteral("wave"), QStringLiteral("assign"),
                     QStringLiteral("erp_orders_extract"), QStringLiteral("tiny")});
        QCOMPARE(r.exit, 4);
        QVERIFY(r.err.contains(
            QStringLiteral("wave 'tiny' already holds 0 high-risk pipelines (at most 0)")));
        QCOMPARE(ctl({QStringLiteral("wave"), QStringLiteral("assign"),
                      QStringLiteral("erp_customers_extract"), QStringLiteral("tiny")})
                     .exit,
                 0);
        r = ctl({QStringLiteral("wave"), QStringLiteral("assign"),
                 QStringLiteral("wms_inventory_extract"), QStringLiteral("tiny")});
        QCOMPARE(r.exit, 4);
        QVERIFY(r.err.contains(QStringLiteral("wave 'tiny' is full: 1 of 1 pipelines")));
    }

    void autoPlanIsValidAndComplete()
    {
        const QString from = saturday(2);
        Run r = ctl({QStringLiteral("wave"), QStringLiteral("auto"), QStringLiteral("--from"), from,
                     QStringLiteral("--dry-run")});
        QCOMPARE(r.exit, 0);
        QVERIFY(r.out.contains(QStringLiteral("Preview:")));
        QCOMPARE(waves().size(), 0);
        r = ctl({QStringLiteral("wave"), QStringLiteral("auto"), QStringLiteral("--from"), from});
        QCOMPARE(r.exit, 0);
        QVERIFY(r.out.contains(QStringLiteral("could not be placed")));
        const QJsonArray list = waves();
        QVERIFY(list.size() >= 7);
        int members = 0;
        for (const QJsonValue &w : list) {
            QVERIFY(w.toObject()[QStringLiteral("date")].toString() >= from);
            members += int(w.toObject()[QStringLiteral("members")].toArray().size());
        }
        int plannable = 0; // every cloud-target pipeline not yet cut over
        const QJsonArray status =
            QJsonDocument::fromJson(
                ctl({QStringLiteral("status"), QStringLiteral("--json")}).out.toUtf8())
                .array();
        for (const QJsonValue &v : status) {
            const QJsonObject o = v.toObject();
            const QString state = o[QStringLiteral("state")].toString();
            if (o[QStringLiteral("target")] == QStringLiteral("cloud") &&
                (state == QLatin1String("onprem") || state == QLatin1String("dual_run"))) {
                ++plannable;
                QVERIFY2(!o[QStringLiteral("wave")].isNull(),
                         qPrintable(o[QStringLiteral("id")].toString()));
            }
        }
        QVERIFY(plannable > 50);
        QCOMPARE(members, plannable);
        QCOMPARE(ctl({QStringLiteral("wave"), QStringLiteral("validate")}).exit, 0);
        QCOMPARE(ctl({QStringLiteral("wave"), QStringLiteral("auto")}).exit, 2);
        QCOMPARE(ctl({QStringLiteral("wave"), QStringLiteral("frob")}).exit, 2);
    }
};

QTEST_GUILESS_MAIN(TestCliWaves)
#include "tst_cli_waves.moc"
