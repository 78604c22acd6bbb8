#include "SlaPanel.h"

#include "Calendar.h"
#include "LocalText.h"
#include "SlaTimeline.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHash>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QScrollArea>
#include <QSet>
#include <QSplitter>
#include <QVBoxLayout>

#include <algorithm>

namespace daybreak {

SlaPanel::SlaPanel(QWidget *parent)
    : QWidget(parent), m_timeline(new SlaTimeline(this)), m_rows(new QComboBox(this)),
      m_calibration(new QLabel(tr("Forecast record: checking the recorded nights…"), this)),
      m_alerts(new QListWidget(this)), m_ack(new QPushButton(tr("Acknowledge"), this)),
      m_earlier(new QPushButton(tr("◀ Night before"), this)),
      m_current(new QPushButton(tr("Current night"), this)),
      m_later(new QPushButton(tr("Next night ▶"), this))
{
    setObjectName(QStringLiteral("slaPanel"));
    m_rows->addItem(tr("Critical paths of the reports"));
    m_rows->addItem(tr("Every pipeline"));
    m_alerts->setObjectName(QStringLiteral("alertList"));
    m_alerts->setAccessibleName(tr("Tonight's alerts"));
    auto *bar = new QHBoxLayout;
    auto *rowsLabel = new QLabel(tr("R&ows:"), this);
    rowsLabel->setBuddy(m_rows);
    bar->addWidget(rowsLabel);
    bar->addWidget(m_rows);
    m_calibration->setObjectName(QStringLiteral("calibration"));
    m_calibration->setStyleSheet(QStringLiteral("color:#444; padding-left:12px"));
    bar->addWidget(m_calibration);
    bar->addStretch(1);
    // After the morning's deadlines the current night is the one that just ended (its outcome);
    // the coming one is a click away, and so are the nights before.
    m_earlier->setObjectName(QStringLiteral("nightBefore"));
    m_current->setObjectName(QStringLiteral("currentNight"));
    m_later->setObjectName(QStringLiteral("nextNight"));
    bar->addWidget(m_earlier);
    bar->addWidget(m_current);
    bar->addWidget(m_later);
    m_current->setEnabled(false);
    connect(m_earlier, &QPushButton::clicked, this, [this] { setNightOffset(m_offset - 1); });
    connect(m_current, &QPushButton::clicked, this, [this] { setNightOffset(0); });
    connect(m_later, &QPushButton::clicked, this, [this] { setNightOffset(m_offset + 1); });
    auto *alertsBox = new QWidget(this);
    auto *alertsLayout = new QVBoxLayout(alertsBox);
    alertsLayout->setContentsMargins(0, 0, 0, 0);
    alertsLayout->addWidget(
        new QLabel(tr("<b>Alerts</b> (raised as soon as a report turns at risk)"), alertsBox));
    alertsLayout->addWidget(m_alerts, 1);
    alertsLayout->addWidget(m_ack);
    // The chart takes the height its rows need to read, and scrolls when that is more than the
    // window has: row labels never overlap.
    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("timelineScroll"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(m_timeline);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(scroll);
    split->addWidget(alertsBox);
    split->setStretchFactor(0, 5);
    split->setStretchFactor(1, 1);
    split->setSizes({600, 140});
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(bar);
    layout->addWidget(split, 1);
    connect(m_rows, &QComboBox::currentIndexChanged, this, [this](int i) {
        m_timeline->setRows(i == 0 ? SlaTimeline::Rows::CriticalPaths : SlaTimeline::Rows::All);
        m_timeline->setMinimumHeight(m_timeline->readableHeight());
    });
    connect(m_alerts, &QListWidget::currentItemChanged, this, &SlaPanel::updateAcknowledge);
    updateAcknowledge();
    connect(m_ack, &QPushButton::clicked, this, [this] {
        if (QListWidgetItem *item = m_alerts->currentItem())
            emit acknowledgeRequested(item->data(Qt::UserRole).toLongLong());
    });
}

void SlaPanel::setNightOffset(int offset)
{
    offset = std::clamp(offset, -365, 1); // the coming night is the latest there is
    if (offset == m_offset)
        return;
    m_offset = offset;
    m_current->setEnabled(offset != 0);
    m_later->setEnabled(offset < 1);
    emit nightOffsetChanged(offset);
}

void SlaPanel::setCalibration(const QString &text, const QString &toolTip)
{
    m_calibration->setText(tr("Forecast record: %1").arg(text));
    m_calibration->setToolTip(toolTip);
}

QString SlaPanel::calibration() const
{
    return m_calibration->text();
}

void SlaPanel::setNight(const SlaProjection &projection, const QList<SlaAlert> &alerts,
                        const QDateTime &now, const QList<Delivery> &deliveries)
{
    QHash<qint64, QStringList> delivered;
    QSet<qint64> failing;
    const Calendar zone(projection.nightStart().timeZone());
    for (const Delivery &d : deliveries) {
        QString state;
        if (d.state == QLatin1String("delivered"))
            state = tr("%1 delivered %2").arg(d.event, clockTime(zone, d.deliveredAt));
        else if (d.isFailing()) {
            state = tr("%1 FAILING (%n attempt(s): %2; next %3)", nullptr, d.attempts)
                        .arg(d.event)
                        .arg(d.lastError, clockTime(zone, d.nextAttemptAt, true));
            failing.insert(d.alertId);
        } else
            state = tr("%1 queued").arg(d.event);
        delivered[d.alertId] << QStringLiteral("%1: %2").arg(d.channel, state);
    }
    m_timeline->setProjection(projection, now);
    m_timeline->setMinimumHeight(m_timeline->readableHeight());
    const qint64 current =
        m_alerts->currentItem() ? m_alerts->currentItem()->data(Qt::UserRole).toLongLong() : -1;
    m_alerts->clear();
    const Calendar calendar(projection.nightStart().timeZone());
    for (int i = int(alerts.size()) - 1; i >= 0; --i) {
        const SlaAlert &a = alerts.at(i);
        QString state;
        if (a.isAcknowledged())
            state = tr("  — acknowledged by %1").arg(a.acknowledgedBy);
        else if (a.isResolved())
            state =
                tr("  — resolved %1: %2").arg(clockTime(calendar, a.resolvedAt), a.resolvedReason);
        const QStringList channels = delivered.value(a.id);
        auto *item = new QListWidgetItem(
            QStringLiteral("%1  %2%3%4")
                .arg(clockTime(calendar, a.raisedAt), a.message, state,
                     channels.isEmpty()
                         ? QString()
                         : QStringLiteral("\n        → ") + channels.join(QStringLiteral(" · "))));
        item->setData(Qt::UserRole, a.id);
        item->setData(kOpenRole, a.isOpen());
        item->setForeground(failing.contains(a.id)                  ? QColor(0xb0, 0x10, 0x20)
                            : !a.isOpen()                           ? QColor(0x70, 0x70, 0x70)
                            : a.status == QLatin1String("breached") ? QColor(0xb0, 0x10, 0x20)
                                                                    : QColor(0xa0, 0x5a, 0x00));
        m_alerts->addItem(item);
        if (a.id == current)
            m_alerts->setCurrentItem(item);
    }
    updateAcknowledge();
}

// Acknowledge is there for an open alert that is chosen, and for nothing else.
void SlaPanel::updateAcknowledge()
{
    const QListWidgetItem *item = m_alerts->currentItem();
    m_ack->setEnabled(item && item->data(kOpenRole).toBool());
    m_ack->setToolTip(m_alerts->count() == 0 ? tr("No alert tonight")
                      : !item                ? tr("Choose an alert to acknowledge")
                      : !item->data(kOpenRole).toBool()
                          ? tr("This alert is already acknowledged or resolved")
                          : tr("Acknowledge the chosen alert: its pages stop"));
}

} // namespace daybreak
