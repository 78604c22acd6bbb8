#include "ParityChart.h"

#include <QChart>
#include <QDateTimeAxis>
#include <QLineSeries>
#include <QScatterSeries>
#include <QValueAxis>

#include <QMap>
#include <QSet>

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
    // The tolerance in amber, dashed: red is only ever an open breach, so the legend shows two
    // colours for the two things.
    QPen dashed(QColor(0xb3, 0x6b, 0x00), 1.5, Qt::DashLine);
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

void ParityChart::showOverview(const StoreSnapshot &snapshot)
{
    // Every pipeline's comparisons by night: what share came out within its tolerance, and the
    // nights with an open breach marked.
    QMap<QDate, QPair<int, int>> nights; // clean, compared
    QSet<QDate> openNights, resolvedNights;
    QSet<QString> compared;
    for (auto it = snapshot.parity.cbegin(); it != snapshot.parity.cend(); ++it) {
        const Pipeline *p = snapshot.inventory.find(it.key());
        if (!p)
            continue;
        for (const ParityResult &r : it.value()) {
            compared.insert(it.key());
            auto &[clean, all] = nights[r.businessDate];
            ++all;
            if (r.isWithin(p->parityTolerance))
                ++clean;
            else
                (r.isResolved() ? resolvedNights : openNights).insert(r.businessDate);
        }
    }
    QList<QPointF> share, open, resolved;
    for (auto it = nights.cbegin(); it != nights.cend(); ++it) {
        const double x = double(QDateTime(it.key(), QTime(12, 0), Qt::UTC).toMSecsSinceEpoch());
        const double y = 100.0 * it.value().first / std::max(1, it.value().second);
        share.append({x, y});
        if (openNights.contains(it.key()))
            open.append({x, y});
        else if (resolvedNights.contains(it.key())) // every breach of it accepted or explained
            resolved.append({x, y});
    }
    m_diff->setName(tr("clean comparisons %"));
    m_diff->replace(share);
    m_open->replace(open);
    m_resolved->replace(resolved);
    m_tolerance->replace({});
    const auto xs = chart()->axes(Qt::Horizontal);
    const auto ys = chart()->axes(Qt::Vertical);
    static_cast<QValueAxis *>(ys.first())->setLabelFormat(QStringLiteral("%.0f%%"));
    for (QAbstractAxis *axis : xs + ys)
        axis->setVisible(!share.isEmpty()); // no axis of made-up dates when there is nothing
    if (share.isEmpty()) {
        chart()->setTitle(tr("No parity comparison recorded yet: dual-run a pipeline and record "
                             "its comparisons (daybreakctl parity record)"));
        return;
    }
    chart()->setTitle(
        tr("All pipelines: clean comparisons per night (%1 compared)").arg(compared.size()));
    setToolTip(tr("The share of the night's comparisons within their pipeline's tolerance; red "
                  "marks a night with an open breach, grey one whose breaches were all accepted "
                  "or explained. Select a pipeline for its own history."));
    xs.first()->setRange(QDateTime::fromMSecsSinceEpoch(qint64(share.first().x()), Qt::UTC),
                         QDateTime::fromMSecsSinceEpoch(qint64(share.last().x()), Qt::UTC));
    ys.first()->setRange(0, 100);
    static_cast<QValueAxis *>(ys.first())->setTickCount(6);
}

void ParityChart::showPipeline(const StoreSnapshot &snapshot, const QString &id)
{
    if (id.isEmpty() || !snapshot.inventory.contains(id)) {
        showOverview(snapshot);
        return;
    }
    m_diff->setName(tr("difference %"));
    setToolTip(QString());
    for (QAbstractAxis *axis : chart()->axes())
        axis->setVisible(true);
    static_cast<QValueAxis *>(chart()->axes(Qt::Vertical).first())
        ->setLabelFormat(QStringLiteral("%.2f%%"));
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
