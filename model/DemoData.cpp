#include "DemoData.h"

#include <QFile>

QByteArray demoInventoryJson()
{
    QFile file(QStringLiteral(":/daybreak/demo-inventory.json"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

QList<ParityResult> demoParityHistory(const Inventory &inventory, const QDateTime &now, const QString &actor)
{
    constexpr int kNights = 28;
    QList<ParityResult> results;
    const QDate lastNight = now.toUTC().date();
    int index = 0;
    for (const Pipeline &p : inventory.pipelines()) {
        const bool migrating = p.initialState == State::DualRun || p.initialState == State::Cloud;
        if (!migrating)
            continue;
        ++index;
        // Pipelines that only just started dual-running have a short history (gate pending).
        const int nights = p.tags.contains(QStringLiteral("new-dual-run")) ? 3 : kNights;
        for (int n = nights - 1; n >= 0; --n) {
            ParityResult r;
            r.pipeline = p.id;
            r.businessDate = lastNight.addDays(-n);
            // Deterministic, plausible volumes: a few hundred thousand rows, identical on both sides.
            r.onpremRows = 120000 + (index * 7919 + n * 104729) % 380000;
            r.cloudRows = r.onpremRows;
            r.maxRelativeDiff = double((index * 31 + n * 17) % 5) * 0.00001;
            if (p.tags.contains(QStringLiteral("quarter-end-spike")) && n == 2) {
                r.cloudRows = r.onpremRows - r.onpremRows / 40; // 2.5% rows missing on the cloud side
                r.mismatchedRows = r.onpremRows / 55;
                r.maxRelativeDiff = 0.031;
            }
            r.recordedAt = now;
            r.recordedBy = actor;
            results.append(r);
        }
    }
    return results;
}
