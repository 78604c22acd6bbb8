#pragma once

#include "StoreTypes.h"

#include <QTextBrowser>

#include <optional>

namespace daybreak {

// Everything about the selected pipeline: state and canonical side, schedule, durations,
// neighbours, parity gate with its last results, wave and recent audit rows.
class PipelineDetailsPanel : public QTextBrowser
{
    Q_OBJECT

public:
    explicit PipelineDetailsPanel(QWidget *parent = nullptr);

    // `learned`: LearnedDurations::summary, read from the store's history (empty: not yet);
    // `lastDiff`: the last night Daybreak measured its parity itself, read likewise.
    void showPipeline(const StoreSnapshot &snapshot, const QString &id,
                      const QList<AuditEntry> &recentAudit, const QDate &today,
                      const QString &learned = {},
                      const std::optional<MeasuredParity> &lastDiff = std::nullopt,
                      const QString &readers = {});
    void showNothing();
    const QString &pipeline() const { return m_id; }

private:
    QString m_id;
};

} // namespace daybreak
