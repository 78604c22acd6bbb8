#include "WarRoomWindow.h"

#include "Calendar.h"
#include "GraphScene.h"
#include "GraphView.h"
#include "SlaTimeline.h"
#include "WaveRunbookPanel.h"

#include <QChart>
#include <QCloseEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QToolBar>
#include <QVBoxLayout>

namespace daybreak {

WarRoomWindow::WarRoomWindow(GraphScene *scene, const QList<QAction *> &controls, QWidget *parent)
    : QWidget(parent, Qt::Window), m_banner(new QLabel(this)), m_freshness(new QLabel(this)),
      m_timeline(new SlaTimeline(this)), m_graph(new GraphView(scene, this)),
      m_changes(new QListWidget(this)), m_runbook(new WaveRunbookPanel(this)),
      m_controls(new QToolBar(this)), m_unlock(new QPushButton(tr("Unlock controls"), this))
{
    setObjectName(QStringLiteral("warRoom"));
    setWindowTitle(tr("Daybreak — war room"));
    // Dark, high-contrast, large: it has to read on a projector across the room.
    setStyleSheet(QStringLiteral(
        "QWidget#warRoom, QWidget#warRoom QWidget { background: #101418; color: #e8e8e8; "
        "font-size: 16pt; }"
        "QLabel#banner { font-size: 40pt; font-weight: bold; padding: 12px; border-radius: 8px; }"
        "QListWidget { font-size: 14pt; border: 1px solid #444; }"
        "QPushButton { padding: 6px 14px; border: 1px solid #777; border-radius: 4px; }"));
    m_banner->setObjectName(QStringLiteral("banner"));
    m_banner->setAlignment(Qt::AlignCenter);
    m_timeline->chart()->setTheme(QChart::ChartThemeDark);
    m_timeline->chart()->setBackgroundBrush(QColor(0x10, 0x14, 0x18));
    m_timeline->setNowPen(QPen(QColor(0xf5, 0xf5, 0xf5), 3)); // light and 3 px on the dark wall
    m_graph->setBackgroundBrush(QColor(0x1a, 0x20, 0x26));
    m_graph->setInteractive(false); // looking, not clicking
    m_controls->addActions(controls);
    m_controls->setVisible(false);
    m_unlock->setCheckable(true);
    connect(m_unlock, &QPushButton::toggled, this, [this](bool on) {
        m_controls->setVisible(on);
        m_graph->setInteractive(on);
        m_unlock->setText(on ? tr("Lock controls") : tr("Unlock controls"));
    });
    auto *top = new QHBoxLayout;
    top->addWidget(m_banner, 1);
    m_freshness->setObjectName(QStringLiteral("freshness"));
    top->addWidget(m_freshness);
    top->addWidget(m_unlock);
    auto *right = new QVBoxLayout;
    right->addWidget(new QLabel(tr("Latest routing changes"), this));
    m_changes->setObjectName(QStringLiteral("recentChanges"));
    m_changes->setAccessibleName(tr("Recent changes"));
    // Ids keep their end, as in the pipeline table; nothing scrolls sideways on a wall.
    m_changes->setTextElideMode(Qt::ElideLeft);
    m_changes->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    right->addWidget(m_changes, 1);
    auto *rightBox = new QWidget(this);
    rightBox->setLayout(right);
    auto *bottom = new QSplitter(Qt::Horizontal, this);
    bottom->addWidget(m_graph);
    bottom->addWidget(rightBox);
    bottom->setStretchFactor(0, 3);
    bottom->setStretchFactor(1, 1);
    rightBox->setMinimumWidth(360);
    auto *split = new QSplitter(Qt::Vertical, this);
    // During a change window the runbook leads: readable from across the room.
    m_runbook->setObjectName(QStringLiteral("warRoomRunbook"));
    m_runbook->setStyleSheet(QStringLiteral(
        "QLabel#runbookProgress { font-size: 28pt; font-weight: bold; } QTableWidget { font-size: "
        "13pt; gridline-color: #444; } QHeaderView::section { background: #1f262d; color: "
        "#e8e8e8; font-size: 12pt; padding: 4px; }"));
    m_runbook->table()->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_runbook->table()->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_runbook->hide();
    split->addWidget(m_runbook);
    m_split = split;
    split->addWidget(m_timeline);
    split->addWidget(bottom);
    split->setStretchFactor(0, 4);
    split->setStretchFactor(1, 3);
    split->setStretchFactor(2, 2);
    m_timeline->setMinimumHeight(420);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_controls);
    layout->addWidget(split, 1);
}

void WarRoomWindow::setNight(const SlaProjection &projection, const QDateTime &now)
{
    m_timeline->setProjection(projection, now);
    int atRisk = 0, breached = 0;
    for (const SlaProjection::Report &r : projection.reports()) {
        atRisk += r.status == SlaProjection::Status::AtRisk ? 1 : 0;
        breached += r.status == SlaProjection::Status::Breached ? 1 : 0;
    }
    QString text, colour;
    if (projection.silent()) {
        // Not "on track" and not "breached": nobody knows, and that is the news.
        text = tr("NO DATA from the orchestrator");
        colour = QStringLiteral("#455a64");
    } else if (breached > 0) {
        text = tr("BREACHED: %n report(s)", nullptr, breached) +
               (atRisk > 0 ? tr(" · %1 at risk").arg(atRisk) : QString());
        colour = QStringLiteral("#b00020");
    } else if (atRisk > 0) {
        text = tr("AT RISK: %n report(s)", nullptr, atRisk);
        colour = QStringLiteral("#c77700");
    } else {
        text = tr("ON TRACK");
        colour = QStringLiteral("#1b7f3b");
    }
    // A played night says so on the wall, where nobody can take it for the real one.
    if (m_timeline->simulated())
        text = tr("SIMULATION · %1").arg(text);
    m_banner->setText(
        tr("6am %1 — %2")
            .arg(projection.businessDate().toString(QStringLiteral("ddd dd MMM")), text));
    m_banner->setStyleSheet(QStringLiteral("background: %1; color: white;").arg(colour));
}

void WarRoomWindow::showStoreUnreachable(const QString &message)
{
    // The picture on the wall is stale from this moment: say so louder than any report status.
    m_banner->setText(tr("STORE UNREACHABLE — figures frozen, reconnecting…"));
    m_banner->setToolTip(message);
    m_banner->setStyleSheet(QStringLiteral("background: #4a148c; color: white;"));
}

void WarRoomWindow::setFreshness(const QString &text, const QString &colour)
{
    m_freshness->setText(text);
    m_freshness->setStyleSheet(
        colour.isEmpty() ? QString()
                         : QStringLiteral("QLabel { background: %1; color: white; font-weight: "
                                          "bold; padding: 4px 8px; border-radius: 4px; }")
                               .arg(colour));
}

void WarRoomWindow::setRecentChanges(const QList<AuditEntry> &entries, const Calendar &calendar)
{
    m_changes->clear();
    for (const AuditEntry &a : entries)
        // The date with its day of the month (the list spans weeks), then the pipeline and the
        // move on lines of their own, so a narrow column never cuts them off.
        m_changes->addItem(QStringLiteral("%1  %2\n  %3\n  %4 → %5%6")
                               .arg(calendar.format(a.at, QStringLiteral("ddd d MMM HH:mm")),
                                    a.action, a.pipeline, a.from, a.to,
                                    a.breakGlass  ? tr("  BREAK-GLASS")
                                    : a.unplanned ? tr("  unplanned")
                                                  : QString()));
}

void WarRoomWindow::fitGraph()
{
    m_graph->fitAll();
}

QString WarRoomWindow::bannerText() const
{
    return m_banner->text();
}

void WarRoomWindow::setViewerOnly(bool viewerOnly)
{
    if (viewerOnly)
        m_unlock->setChecked(false);
    m_unlock->setEnabled(!viewerOnly);
    m_unlock->setText(viewerOnly              ? tr("Viewer: read-only")
                      : m_unlock->isChecked() ? tr("Lock controls")
                                              : tr("Unlock controls"));
    m_unlock->setToolTip(
        viewerOnly
            ? tr("This console is connected as a viewer; operators act from their own consoles")
            : QString());
}

bool WarRoomWindow::controlsUnlocked() const
{
    return m_unlock->isChecked();
}

void WarRoomWindow::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_F11 || event->key() == Qt::Key_Escape) {
        close();
        return;
    }
    QWidget::keyPressEvent(event);
}

void WarRoomWindow::closeEvent(QCloseEvent *event)
{
    emit closed();
    QWidget::closeEvent(event);
}

void WarRoomWindow::setWave(const std::optional<WaveStatus> &wave, const QTimeZone &zone,
                            const QString &identity, bool canDecide, bool canApprove)
{
    const bool during = wave && wave->windowOpen;
    if (wave)
        m_runbook->setStatus(*wave, zone, identity, canDecide && controlsUnlocked(),
                             canApprove && controlsUnlocked());
    if (during == m_runbook->isVisible())
        return;
    m_runbook->setVisible(during);
    m_graph->setVisible(!during);
    // The runbook takes most of the wall; the night's timeline shrinks below it.
    m_timeline->setMinimumHeight(during ? 220 : 420);
    const int h = m_split->height();
    m_split->setSizes(during ? QList<int>{h * 55 / 100, h * 30 / 100, h * 15 / 100}
                             : QList<int>{0, h * 60 / 100, h * 40 / 100});
}

} // namespace daybreak
