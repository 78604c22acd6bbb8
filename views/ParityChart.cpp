#include "ParityChart.h"

#include <QChart>
#include <QDateTimeAxis>
#include <QLineSeries>
#include <QScatterSeries>
#include <QValueAxis>

#include <algorithm>

namespace daybreak {

ParityChart::ParityChart(QWidget *parent)
    : QChartView(parent), m_diff(new QLineSeries), m_tolerance(new QLineSeries),
      m_open(new QScatterSeries), m_resolved(new QScatterSeries)
{
    setObjectName(QStringLiteral("parityChart"));
    auto *chart = new QChart;
    m_diff->setName(tr("difference %"));
    m_tolerance->setName(tr("tolerance"));
    QPen dashed(QColor(0xc0, 0x1c, 0x28), 1.5, Qt::DashLine);
    m_tolerance->setPen(dashed);
    m_open->setName(tr("open breach"));
    m_open->setColor(QColor(0xc0, 0x1c, 0x28));
    m_open->setMarkerShape(QScatterSeries::MarkerShapeRectangle);
    m_open->setMarkerSize(11);
    m_resolved->setName(tr("accepted / explained"));
    m_resolved->setColor(QColor(0x80, 0x80, 0x80));
    m_resolved->setMarkerSize(10);
    for (QAbstractSeries *s :
         std::initializer_list<QAbstractSeries *>{m_diff, m_tolerance, m_open, m_resolved})
        chart->addSeries(s);
    auto *x = new QDateTimeAxis;
    x->setFormat(QStringLiteral("MM-dd"));
    auto *y = new QValueAxis;
    y->setLabelFormat(QStringLiteral("%.2f%%"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    for (QAbstractSeries *s : chart->series()) {
        s->attachAxis(x);
        s->attachAxis(y);
    }
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(4, 4, 4, 4));
    setChart(chart);
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(220);
}

void ParityChart::showPipeline(const StoreSnapshot &snapshot, const QString &id)
{
    const Pipeline *p = snapshot.inventory.find(id);
    QList<ParityResult> results = snapshot.parity.value(id);
    std::sort(results.begin(), results.end(), [](const ParityResult &a, const ParityResult &b) {
        return a.businessDate < b.businessDate;
    });
    QList<QPointF> diff, open, resolved;
    double top = p ? p->parityTolerance * 100 * 2 : 0.2;
    for (const ParityResult &r : results) {
        const double x =
            double(QDateTime(r.businessDate, QTime(12, 0), Qt::UTC).toMSecsSinceEpoch());
        const double y = r.worstRelativeDiff() * 100;
        diff.append({x, y});
        top = std::max(top, y * 1.1);
        if (p && !r.isWithin(p->parityTolerance))
            (r.isResolved() ? resolved : open).append({x, y});
    }
    m_diff->replace(diff);
    m_open->replace(open);
    m_resolved->replace(resolved);
    QList<QPointF> band;
    if (!diff.isEmpty() && p)
        band = {{diff.first().x(), p->parityTolerance * 100},
                {diff.last().x(), p->parityTolerance * 100}};
    m_tolerance->replace(band);
    chart()->setTitle(p ? tr("%1 — worst relative difference per night (tolerance %2%)")
                              .arg(id)
                              .arg(p->parityTolerance * 100)
                        : QString());
    const auto xs = chart()->axes(Qt::Horizontal);
    const auto ys = chart()->axes(Qt::Vertical);
    if (!diff.isEmpty()) {
        xs.first()->setRange(QDateTime::fromMSecsSinceEpoch(qint64(diff.first().x()), Qt::UTC),
                             QDateTime::fromMSecsSinceEpoch(qint64(diff.last().x()), Qt::UTC));
        ys.first()->setRange(0, top);
    }
}

} // namespace daybreak
