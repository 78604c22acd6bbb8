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
#include <QLineSeries>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

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
        window.warRoom()->close();
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
