#pragma once

#include "StoreTypes.h"

#include <QChartView>

class QLineSeries;
class QScatterSeries;

namespace daybreak {

// One pipeline's dual-run parity over time: the worst relative difference per night, the
// tolerance line, open breaches in red and resolved ones in grey.
class ParityChart : public QChartView
{
    Q_OBJECT

public:
    explicit ParityChart(QWidget *parent = nullptr);

    void showPipeline(const StoreSnapshot &snapshot, const QString &id);
    QLineSeries *diffSeries() const { return m_diff; }
    QLineSeries *toleranceSeries() const { return m_tolerance; }
    QScatterSeries *openBreachSeries() const { return m_open; }
    QScatterSeries *resolvedBreachSeries() const { return m_resolved; }

private:
    QLineSeries *m_diff;
    QLineSeries *m_tolerance;
    QScatterSeries *m_open;
    QScatterSeries *m_resolved;
};

} // namespace daybreak
