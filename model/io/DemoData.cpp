#include "DemoData.h"

#include "Calendar.h"

#include <QFile>

#include <algorithm>

namespace daybreak {

QByteArray demoInventoryJson()
{
    QFile file(QStringLiteral(":/daybreak/demo-inventory.json"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

namespace {
// The last day of the most recent quarter before `day`.
QDate lastQuarterEnd(const QDate &day)
{
    QDate q(day.year(), ((day.month() - 1) / 3) * 3 + 1, 1);
    return q.addDays(-1);
}
} // namespace

QList<ParityResult> demoParityHistory(const Inventory &inventory, const QDateTime &now,
                                      const QString &actor)
{
    QList<ParityResult> results;
    const QDate lastNight = Calendar(inventory).localDate(now);
    const QDate quarterEnd = lastQuarterEnd(lastNight);
    // Nine weeks, and long enough to hold two clean weeks before the quarter-end run.
    const int nights = std::max<int>(63, int(quarterEnd.daysTo(lastNight)) + 15);
    int index = 0;
    for (const Pipeline &p : inventory.pipelines()) {
        const bool migrating = p.initialState == State::DualRun || p.initialState == State::Cloud;
        if (!migrating)
            continue;
        ++index;
        // Pipelines that only just started dual-running have a short history (gate pending).
        const bool fresh = p.tags.contains(QStringLiteral("new-dual-run"));
        const bool quarterSpike = p.tags.contains(QStringLiteral("quarter-end-spike"));
        const QDate first = fresh          ? lastNight.addDays(-2)
                            : quarterSpike ? quarterEnd.addDays(-14)
                                           : lastNight.addDays(-(nights - 1));
        for (QDate date = first; date <= lastNight; date = date.addDays(1)) {
            const int n = int(date.daysTo(lastNight));
            ParityResult r;
            r.pipeline = p.id;
            r.businessDate = date;
            // Deterministic, plausible volumes: a few hundred thousand rows, identical on both
            // sides.
            r.onpremRows = 120000 + (index * 7919 + n * 104729) % 380000;
            r.cloudRows = r.onpremRows;
            r.maxRelativeDiff = double((index * 31 + n * 17) % 5) * 0.00001;
            const bool spike = (quarterSpike && date == quarterEnd) ||
                               (p.tags.contains(QStringLiteral("post-cutover-spike")) && n == 1);
            if (spike) {
                r.cloudRows =
                    r.onpremRows - r.onpremRows / 40; // 2.5% rows missing on the cloud side
                r.mismatchedRows = r.onpremRows / 55;
                r.maxRelativeDiff = 0.031;
                r.note = date == quarterEnd ? QStringLiteral("quarter-end close") : QString();
            }
            r.recordedAt = now;
            r.recordedBy = actor;
            results.append(r);
        }
    }
    return results;
}

} // namespace daybreak
