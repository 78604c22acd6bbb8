#pragma once

#include "StoreTypes.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace daybreak {

class Store;

// What the console's details show of one pipeline beyond the snapshot, read in one go on the
// store's thread: its audit trail, what the last nights teach about its durations, the last
// night Daybreak measured its parity itself, and who read its routing in the last day.
struct PipelineHistory
{
    QList<AuditEntry> audit;
    QString learned; // LearnedDurations::summary for the night ahead
    std::optional<MeasuredParity> lastDiff;
    QString readers; // ReaderSummary::text of the current pointer version

    // Throws StoreError when the store does not answer.
    static PipelineHistory read(Store &store, const StoreSnapshot &snapshot, const QString &id,
                                const QDateTime &now);
};

} // namespace daybreak
