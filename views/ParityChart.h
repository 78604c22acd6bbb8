#pragma once

#include "StoreTypes.h"

#include <QChartView>

class QLineSeries;
class QScatterSeries;

namespace daybreak {

// One pipeline's dual-run parity over time: the worst relative difference per night, the
// tolerance line, open breaches in red and resolved ones in grey. With nothing selected, the
// overview: the share of clean comparisons per night across every pipeline.
class ParityChart : public QChartView
{
    Q_OBJECT

public:
    explicit ParityChart(QWidget *parent = nullptr);

    // One pipeline's history; with no pipeline (or an unknown one), the overview of them all.
    void showPipeline(const StoreSnapshot &snapshot, const QString &id);
    void showOverview(const StoreSnapshot &snapshot);
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
