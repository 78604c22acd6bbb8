#include "InventoryService.h"
#include "MainWindow.h"
#include "ManualClock.h"
#include "ScriptedPrompter.h"
#include "SlaPanel.h"
#include "SlaService.h"
#include "SlaTimeline.h"
#include "StoreSession.h"
#include "TestStores.h"
#include "WarRoomWindow.h"

#include <QAction>
#include <QCategoryAxis>
#include <QChart>
#include <QDateTimeAxis>
#include <QLineSeries>
#include <QListWidget>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <array>

using namespace daybreak;

using namespace TestStores;

namespace {
const QTimeZone kBerlin("Europe/Berlin");
const QDate kNight(2026, 11, 25);
QDateTime berlin(const QDate &d, int h, int m = 0)
{
    return QDateTime(d, QTime(h, m), kBerlin);
}
// The x value the timeline plots for a time: the Berlin wall clock read as local time.
double plotted(const QDateTime &t)
{
    const QDateTime wall = t.toTimeZone(kBerlin);
    return double(QDateTime(wall.date(), wall.time(), Qt::LocalTime).toMSecsSinceEpoch());
}
// src at 01:00 for 60 min feeds a report (30 min) due at 06:00.
Inventory srcAndReport()
{
    Pipeline src = pipeline(QStringLiteral("src"));
    src.schedule = QTime(1, 0);
    src.onpremMinutes = 60;
    Pipeline report = pipeline(QStringLiteral("report"), {QStringLiteral("src")});
    report.onpremMinutes = 30;
    report.sla = QTime(6, 0);
    return inventory({src, report});
}
} // namespace

class TestSlaTimeline : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private slots:
    void initTestCase()
    {
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope,
                           m_dir.filePath(QStringLiteral("settings")));
    }

    void eventsMoveTheBars()
    {
        const QString path = m_dir.filePath(QStringLiteral("night.sqlite"));
        ManualClock clock(berlin(kNight, 1, 10));
        {
            SqliteStore seed(path, OpenMode::CreateIfMissing);
            TestStores::seed(seed, srcAndReport());
        }
        ScriptedPrompter prompter;
        MainWindow window(clock, &prompter);
        QVERIFY(window.openStore(path));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        SlaTimeline *timeline = window.slaPanel()->timeline();
        // The night is evaluated on the store thread: wait for its first picture.
        QTRY_COMPARE_WITH_TIMEOUT(timeline->rowPipelines(),
                                  (QStringList{QStringLiteral("src"), QStringLiteral("report")}),
                                  10000);
        // Not started at 01:10: it starts no earlier than now (within the quarter of an hour
        // after its start was due, before the night counts as "no data").
        QCOMPARE(timeline->barFor(QStringLiteral("src"))->at(0).x(),
                 plotted(berlin(kNight, 1, 10)));
        QCOMPARE(timeline->plannedBarFor(QStringLiteral("src"))->at(0).x(),
                 plotted(berlin(kNight, 1)));
        QCOMPARE(timeline->nowLine()->at(0).x(), plotted(berlin(kNight, 1, 10)));
        clock.set(berlin(kNight, 1, 30));

        // The orchestrator (another process) reports the start, then a failure.
        SqliteStore orchestrator(path, OpenMode::MustExist);
        SlaService feed(orchestrator, clock, QStringLiteral("airflow"));
        RunEvent started;
        started.pipeline = QStringLiteral("src");
        started.kind = RunEvent::Kind::Started;
        started.at = berlin(kNight, 1, 5);
        QCOMPARE(feed.recordEvent(started).kind, Outcome::Kind::Done);
        QTRY_COMPARE_WITH_TIMEOUT(timeline->barFor(QStringLiteral("src"))->at(0).x(),
                                  plotted(berlin(kNight, 1, 5)), 10000);
        QCOMPARE(timeline->barFor(QStringLiteral("src"))->pen().color(),
                 QColor(0x1f, 0x6f, 0xc5)); // running
        QCOMPARE(timeline->barFor(QStringLiteral("report"))->at(1).x(),
                 plotted(berlin(kNight, 2, 35)));

        RunEvent failed = started;
        failed.kind = RunEvent::Kind::Failed;
        failed.at = berlin(kNight, 1, 25);
        QCOMPARE(feed.recordEvent(failed).kind, Outcome::Kind::Done); // the console raises
        QTRY_COMPARE_WITH_TIMEOUT(timeline->barFor(QStringLiteral("src"))->pen().color(),
                                  QColor(0xc0, 0x1c, 0x28), 10000);
        QCOMPARE(timeline->barFor(QStringLiteral("report"))->pen().color(),
                 QColor(0xc0, 0x1c, 0x28)); // blocked
        QCOMPARE(window.slaPanel()->alertList()->count(), 1);
        QVERIFY(window.slaPanel()->alertList()->item(0)->text().contains(
            QStringLiteral("report BREACHED")));

        // The war room shows the same night, read-only until unlocked.
        window.findChild<QAction *>(QStringLiteral("actionWarRoom"))->trigger();
        QVERIFY(window.warRoom());
        // The night is evaluated on the store thread; the banner follows.
        QTRY_COMPARE_WITH_TIMEOUT(window.warRoom()->bannerText(),
                                  QStringLiteral("6am Wed 25 Nov — BREACHED: 1 report(s)"), 5000);
        QVERIFY(!window.warRoom()->controlsUnlocked());
        QCOMPARE(window.warRoom()->timeline()->barFor(QStringLiteral("src"))->pen().color(),
                 QColor(0xc0, 0x1c, 0x28));
        // Its now line is light and 3 px on the dark wall; the console's stays dark.
        QVERIFY(window.warRoom()->timeline()->nowLine());
        QCOMPARE(window.warRoom()->timeline()->nowLine()->pen().widthF(), 3.0);
        QVERIFY(window.warRoom()->timeline()->nowLine()->pen().color().lightness() > 200);
        QVERIFY(timeline->nowLine());
        QVERIFY(timeline->nowLine()->pen().color().lightness() < 60);
        window.warRoom()->close();
    }

    // A busy night moves the bars in place instead of building the chart again; whatever the
    // steps, the chart then holds what one drawn afresh from the same projection holds.
    void movingBarsInPlaceDrawsWhatAFreshTimelineDraws()
    {
        QList<Pipeline> pipelines;
        for (int i = 0; i < 4; ++i) {
            Pipeline src = pipeline(QStringLiteral("src%1").arg(i));
            src.schedule = QTime(1, 10 * i);
            src.onpremMinutes = 20 + 5 * i;
            pipelines << src;
        }
        Pipeline mid =
            pipeline(QStringLiteral("mid"), {QStringLiteral("src0"), QStringLiteral("src1")});
        mid.onpremMinutes = 40;
        mid.cloudMinutes = 30;
        Pipeline late = pipeline(QStringLiteral("late"), {QStringLiteral("src2")});
        late.onpremMinutes = 200;
        Pipeline r1 = pipeline(QStringLiteral("rpt_a"), {QStringLiteral("mid")});
        r1.sla = QTime(6, 0);
        Pipeline r2 =
            pipeline(QStringLiteral("rpt_b"), {QStringLiteral("late"), QStringLiteral("src3")});
        r2.sla = QTime(5, 0);
        pipelines << mid << late << r1 << r2;
        const Inventory inv = inventory(pipelines);
        const QStringList ids{QStringLiteral("src0"),  QStringLiteral("src1"),
                              QStringLiteral("src2"),  QStringLiteral("src3"),
                              QStringLiteral("mid"),   QStringLiteral("late"),
                              QStringLiteral("rpt_a"), QStringLiteral("rpt_b")};
        QRandomGenerator rng(7);
        SlaProjection::Inputs in;
        in.shadowed = [](const Pipeline &p) { return p.id == QLatin1String("mid"); };
        SlaTimeline followed;
        followed.resize(900, 500);
        QDateTime now = berlin(kNight, 0, 50);
        int keptFrame = 0;
        for (int step = 0; step < 60; ++step) {
            now = now.addSecs(60 * int(1 + rng.bounded(8)));
            const QString &id = ids.at(int(rng.bounded(ids.size())));
            const RunEvent::Kind kind =
                std::array{RunEvent::Kind::Started, RunEvent::Kind::Succeeded,
                           RunEvent::Kind::Failed}[rng.bounded(3)];
            in.events.append(
                {step + 1, id, kNight, Side::OnPrem, kind, now.toUTC(), QStringLiteral("test")});
            in.now = now;
            const SlaProjection p = SlaProjection::project(
                inv, kNight, [](const Pipeline &) { return Side::OnPrem; }, in);
            QLineSeries *before = followed.barFor(QStringLiteral("rpt_a"));
            followed.setProjection(p, now);
            keptFrame += before && followed.barFor(QStringLiteral("rpt_a")) == before ? 1 : 0;
            SlaTimeline fresh;
            fresh.resize(900, 500);
            fresh.setProjection(p, now);
            QCOMPARE(followed.rowPipelines(), fresh.rowPipelines());
            QCOMPARE(followed.chart()->title(), fresh.chart()->title());
            QCOMPARE(followed.chart()->series().size(), fresh.chart()->series().size());
            for (const QString &row : fresh.rowPipelines()) {
                QCOMPARE(followed.barFor(row)->points(), fresh.barFor(row)->points());
                QCOMPARE(followed.barFor(row)->pen(), fresh.barFor(row)->pen());
                QCOMPARE(followed.plannedBarFor(row)->points(), fresh.plannedBarFor(row)->points());
                QCOMPARE(bool(followed.shadowBarFor(row)), bool(fresh.shadowBarFor(row)));
                if (fresh.shadowBarFor(row))
                    QCOMPARE(followed.shadowBarFor(row)->points(),
                             fresh.shadowBarFor(row)->points());
            }
            QCOMPARE(bool(followed.nowLine()), bool(fresh.nowLine()));
            if (fresh.nowLine())
                QCOMPARE(followed.nowLine()->points(), fresh.nowLine()->points());
            const auto labels = [](SlaTimeline &t) {
                for (QAbstractAxis *axis : t.chart()->axes(Qt::Vertical))
                    if (auto *y = qobject_cast<QCategoryAxis *>(axis))
                        return y->categoriesLabels();
                return QStringList();
            };
            QCOMPARE(labels(followed), labels(fresh));
        }
        QVERIFY2(keptFrame > 10, qPrintable(QString::number(keptFrame))); // moved in place
    }

    // A played night (its runs report times ahead of the clock) says SIMULATION, its now line
    // follows the played clock, and the caption never says nothing has run.
    void aPlayedNightSaysSoAndItsNowFollowsIt()
    {
        const Inventory inv = srcAndReport();
        SlaProjection::Inputs in;
        for (const auto &[kind, h] :
             {std::pair{RunEvent::Kind::Started, 1}, std::pair{RunEvent::Kind::Succeeded, 2}}) {
            RunEvent e;
            e.pipeline = QStringLiteral("src");
            e.businessDate = kNight;
            e.kind = kind;
            e.at = berlin(kNight, h);
            in.events << e;
        }
        const QDateTime clock = berlin(kNight.addDays(-1), 22, 5); // the console's own clock
        in.now = clock;
        const SlaProjection played = SlaProjection::project(
            inv, kNight, [](const Pipeline &) { return Side::OnPrem; }, in);
        SlaTimeline timeline;
        timeline.setProjection(played, clock);
        QVERIFY(timeline.simulated());
        const QString title = timeline.chart()->title();
        QVERIFY2(title.startsWith(QStringLiteral("SIMULATION")), qPrintable(title));
        QVERIFY2(!title.contains(QStringLiteral("nothing has run yet")), qPrintable(title));
        QVERIFY(timeline.nowLine());
        QCOMPARE(timeline.nowLine()->at(0).x(), plotted(berlin(kNight, 2)));
        // Its ticks fall on whole hours, however far the axis reaches.
        for (const int lateMinutes : {0, 200}) {
            SlaProjection::Inputs late = in;
            if (lateMinutes) { // the report starts late: the axis reaches past 08:00
                RunEvent e;
                e.pipeline = QStringLiteral("report");
                e.businessDate = kNight;
                e.kind = RunEvent::Kind::Started;
                e.at = berlin(kNight, 6).addSecs(qint64(lateMinutes) * 60);
                late.events << e;
            }
            timeline.setProjection(
                SlaProjection::project(
                    inv, kNight, [](const Pipeline &) { return Side::OnPrem; }, late),
                clock);
            const auto *x =
                qobject_cast<QDateTimeAxis *>(timeline.chart()->axes(Qt::Horizontal).first());
            QVERIFY(x);
            const qint64 span = x->min().secsTo(x->max());
            QCOMPARE(span % 3600, 0);
            QCOMPARE(x->tickCount(), int(span / 3600) + 1);
            QCOMPARE(x->min().time().minute(), 0);
            if (lateMinutes)
                QVERIFY(span > 12 * 3600);
        }

        // The real clock of a real night: no simulation.
        in.now = berlin(kNight, 2, 1);
        timeline.setProjection(SlaProjection::project(
                                   inv, kNight, [](const Pipeline &) { return Side::OnPrem; }, in),
                               in.now);
        QVERIFY(!timeline.simulated());
        QVERIFY(!timeline.chart()->title().startsWith(QStringLiteral("SIMULATION")));
    }

    // Acknowledge is offered for an open alert that is chosen: never with an empty list, nor for
    // an alert already acknowledged or resolved.
    void acknowledgeIsThereOnlyForAnOpenAlert()
    {
        SlaPanel panel;
        QPushButton *ack = nullptr;
        for (QPushButton *b : panel.findChildren<QPushButton *>())
            if (b->text() == QLatin1String("Acknowledge"))
                ack = b;
        QVERIFY(ack);
        const SlaProjection none;
        const QDateTime now = berlin(kNight, 3, 0);
        panel.setNight(none, {}, now);
        QVERIFY(!ack->isEnabled());
        SlaAlert open, acked;
        open.id = 1;
        open.report = QStringLiteral("report");
        open.status = QStringLiteral("at_risk");
        open.raisedAt = now;
        acked = open;
        acked.id = 2;
        acked.acknowledgedBy = QStringLiteral("ana");
        panel.setNight(none, {open, acked}, now);
        QCOMPARE(panel.alertList()->count(), 2);
        QVERIFY(!ack->isEnabled()); // nothing chosen yet
        panel.alertList()->setCurrentRow(0);
        const bool firstIsOpen = panel.alertList()->item(0)->data(Qt::UserRole).toLongLong() == 1;
        QCOMPARE(ack->isEnabled(), firstIsOpen);
        panel.alertList()->setCurrentRow(1);
        QCOMPARE(ack->isEnabled(), !firstIsOpen);
        QSignalSpy asked(&panel, &SlaPanel::acknowledgeRequested);
        panel.alertList()->setCurrentRow(firstIsOpen ? 0 : 1);
        ack->click();
        QCOMPARE(asked.size(), 1);
        QCOMPARE(asked.first().first().toLongLong(), 1);
    }

    void aNightThatIsOverShowsItsOutcomeAndOffersTheNext()
    {
        const QString path = m_dir.filePath(QStringLiteral("over.sqlite"));
        ManualClock clock(berlin(kNight, 9, 43));
        {
            SqliteStore seed(path, OpenMode::CreateIfMissing);
            TestStores::seed(seed, srcAndReport());
            SlaService feed(seed, clock, QStringLiteral("airflow"));
            for (const auto &[id, kind, h, m] :
                 {std::tuple{"src", RunEvent::Kind::Started, 1, 0},
                  std::tuple{"src", RunEvent::Kind::Succeeded, 2, 0},
                  std::tuple{"report", RunEvent::Kind::Started, 2, 0},
                  std::tuple{"report", RunEvent::Kind::Succeeded, 6, 40}}) {
                RunEvent e;
                e.pipeline = QString::fromLatin1(id);
                e.kind = kind;
                e.at = berlin(kNight, h, m);
                QCOMPARE(feed.recordEvent(e).kind, Outcome::Kind::Done);
            }
        }
        ScriptedPrompter prompter;
        MainWindow window(clock, &prompter);
        QVERIFY(window.openStore(path));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        SlaTimeline *timeline = window.slaPanel()->timeline();
        // 09:43: the night that ended, told by what happened.
        QTRY_VERIFY_WITH_TIMEOUT(timeline->chart()->title().contains(QStringLiteral(
                                     "Night of Wed 2026-11-25 (Europe/Berlin) — over: 0 of 1 "
                                     "reports made their deadline; missed: report (06:40 "
                                     "against 06:00)")),
                                 10000);
        // The coming night, one click away: nothing has run, the bars are the projection.
        auto *next = window.slaPanel()->findChild<QPushButton *>(QStringLiteral("nextNight"));
        QVERIFY(next && next->isEnabled());
        next->click();
        QTRY_VERIFY_WITH_TIMEOUT(
            timeline->chart()->title().contains(
                QStringLiteral("Night of Thu 2026-11-26 (Europe/Berlin) — coming: 1 reports")),
            10000);
        QVERIFY(!next->isEnabled());
        window.slaPanel()->findChild<QPushButton *>(QStringLiteral("currentNight"))->click();
        QTRY_VERIFY_WITH_TIMEOUT(
            timeline->chart()->title().contains(QStringLiteral("Wed 2026-11-25")), 10000);
    }
};

QTEST_MAIN(TestSlaTimeline)
#include "tst_slatimeline.moc"
