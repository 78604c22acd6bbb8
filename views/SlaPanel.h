#pragma once

#include "Delivery.h"
#include "SlaAlert.h"
#include "SlaProjection.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QListWidget;
class QPushButton;

namespace daybreak {

class SlaTimeline;

// The 6am view: the timeline with its row filter, and the sensors' alerts with acknowledgement.
class SlaPanel : public QWidget
{
    Q_OBJECT

public:
    explicit SlaPanel(QWidget *parent = nullptr);

    // `deliveries`: the outbox rows of these alerts, shown per channel under each.
    void setNight(const SlaProjection &projection, const QList<SlaAlert> &alerts,
                  const QDateTime &now, const QList<Delivery> &deliveries = {});
    SlaTimeline *timeline() const { return m_timeline; }
    // Which night the panel shows, in nights from the current one (0: follow the clock).
    int nightOffset() const { return m_offset; }
    // How the forecast fared on the recorded nights (the backtest), beside the projection.
    void setCalibration(const QString &text, const QString &toolTip);
    QString calibration() const;
    void setNightOffset(int offset);
    QListWidget *alertList() const { return m_alerts; }

signals:
    void acknowledgeRequested(qint64 alertId);
    void nightOffsetChanged(int offset);

private:
    SlaTimeline *m_timeline;
    QComboBox *m_rows;
    QLabel *m_calibration;
    QListWidget *m_alerts;
    QPushButton *m_ack;
    static constexpr int kOpenRole =
        Qt::UserRole + 1; // the alert is neither acknowledged nor resolved
    void updateAcknowledge();
    QPushButton *m_earlier;
    QPushButton *m_current;
    QPushButton *m_later;
    int m_offset = 0;
};

} // namespace daybreak
